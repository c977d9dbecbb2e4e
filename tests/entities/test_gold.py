"""Entity mentions against the hand annotations in gold/, mention by mention.

Three runs over every gold file (see ``known_failures.toml``): ``raw`` (the default pipeline's
spaCy object without dates, on the raw text), ``edition`` (the whole default pipeline, scored
on the clean text) and ``blank`` (our components without a model). In each run every gold
mention must be found with its exact span, label and id, and every predicted mention must be
in the gold; the exceptions are listed as data in ``known_failures.toml``, strictly (a listed
failure that stops failing fails the test). Aggregate figures (precision, recall, F1, the bare
model beside ours) are printed at the end of the session and by ``bench/bench_entities.py``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import SCORES, bare, entities_only
from evaluate import (
    Gold,
    Mention,
    all_gold,
    extras,
    gold_keys,
    mention_problem,
    predict,
    score,
)

GOLD = {g.name: g for g in all_gold()}
RUNS = ("raw", "edition", "blank")
#: the runs that need es_core_news_sm
MODEL_RUNS = {"raw", "edition"}
KNOWN_FILE = Path(__file__).parent / "known_failures.toml"
_KNOWN = tomllib.loads(KNOWN_FILE.read_text("utf-8"))
#: (run, file, mention key) -> why, for gold mentions and for predicted extras
KNOWN_MISSES: dict[tuple[str, str, str], str] = {
    (k["run"], k["file"], k["mention"]): k["why"] for k in _KNOWN.get("miss", [])
}
KNOWN_EXTRAS: dict[tuple[str, str, str], str] = {
    (k["run"], k["file"], k["mention"]): k["why"] for k in _KNOWN.get("extra", [])
}


@dataclass(frozen=True)
class Run:
    """One run over one gold file: the gold in the run's offsets, and the predictions."""

    text: str
    gold: list[Mention]
    predicted: list[Mention]


_CACHE: dict[tuple[str, str], Run] = {}


def _compute(request: pytest.FixtureRequest, run: str, gold: Gold) -> Run:
    if run == "edition":
        pipeline = request.getfixturevalue("pipeline")
        edition = pipeline(gold.text, name=str(gold.path))
        predicted = [Mention(e.start, e.end, e.text, e.label, e.id or "") for e in edition.entities]
        wrong = [e for e in edition.entities if edition.clean_text[e.start : e.end] != e.text]
        assert wrong == [], "entities must quote the clean text"
        result = Run(edition.clean_text, gold.in_clean(edition.clean_text), predicted)
    elif run == "raw":
        nlp = request.getfixturevalue("entity_nlp")
        with bare(nlp):
            SCORES[f"raw  {gold.name} bare"] = score(gold.mentions, predict(nlp, gold)).line()
        with entities_only(nlp):
            result = Run(gold.text, gold.mentions, predict(nlp, gold))
    else:
        result = Run(gold.text, gold.mentions, predict(request.getfixturevalue("blank_nlp"), gold))
    label = "raw  " if run == "raw" else f"{run} "
    suffix = " ours" if run == "raw" else ""
    SCORES[f"{label}{gold.name}{suffix}"] = score(result.gold, result.predicted).line()
    return result


def run_of(request: pytest.FixtureRequest, run: str, name: str) -> Run:
    """The run's predictions on one gold file, computed once per session."""
    if (run, name) not in _CACHE:
        _CACHE[run, name] = _compute(request, run, GOLD[name])
    return _CACHE[run, name]


def _marks(run: str) -> list[Any]:
    return [pytest.mark.model] if run in MODEL_RUNS else []


def _mention_params() -> list[Any]:
    return [
        pytest.param(run, name, i, key, id=f"{run}-{name}-{key}", marks=_marks(run))
        for run in RUNS
        for name, gold in GOLD.items()
        for i, key in enumerate(gold_keys(gold.rows))
    ]


def _file_params() -> list[Any]:
    return [
        pytest.param(run, name, id=f"{run}-{name}", marks=_marks(run))
        for run in RUNS
        for name in GOLD
    ]


def test_gold_files_are_there() -> None:
    assert "sample" in GOLD and len(GOLD) >= 4
    assert sum(len(g.rows) for g in GOLD.values()) >= 250


def test_known_failures_name_real_mentions() -> None:
    """A listed failure that names nothing would never be checked: typos fail here."""
    for run, name, key in KNOWN_MISSES:
        assert run in RUNS and name in GOLD, (run, name)
        assert key in gold_keys(GOLD[name].rows), f"{run} {name}: no gold mention {key!r}"
    for run, name, key in KNOWN_EXTRAS:
        assert run in RUNS and name in GOLD, (run, name)
        surface, _, label = key.rpartition(" ")
        assert "#" in surface and label in {"PER", "LOC", "ORG", "MISC"}, key
    for why in (*KNOWN_MISSES.values(), *KNOWN_EXTRAS.values()):
        assert why.strip()


@pytest.mark.parametrize(("run", "name", "index", "key"), _mention_params())
def test_gold_mention_is_found(
    request: pytest.FixtureRequest, run: str, name: str, index: int, key: str
) -> None:
    """Found with its exact span, label and id (``""``: an unknown name, not linked)."""
    result = run_of(request, run, name)
    gold = result.gold[index]
    problem = mention_problem(gold, result.predicted)
    why = KNOWN_MISSES.get((run, name, key))
    if why is None:
        assert problem is None, f"{gold.text!r} {gold.label} {gold.id!r}: {problem}"
    elif problem is not None:
        pytest.xfail(f"known failure: {problem}")
    else:
        pytest.fail(f"known failure now passes: remove {key!r} ({run}, {name}) from {KNOWN_FILE}")


@pytest.mark.parametrize(("run", "name"), _file_params())
def test_no_mention_outside_the_gold(request: pytest.FixtureRequest, run: str, name: str) -> None:
    """Every predicted mention is at a gold span, or a listed known false positive."""
    result = run_of(request, run, name)
    found = extras(result.gold, result.predicted, result.text)
    listed = {key for (r, n, key) in KNOWN_EXTRAS if (r, n) == (run, name)}
    assert [x for x in found if x not in listed] == [], "false positives"
    gone = sorted(listed - set(found))
    assert gone == [], f"known false positives no longer found: remove them from {KNOWN_FILE}"
