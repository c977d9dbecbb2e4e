"""The gold case table (cases.toml) through the component, case by case.

Every case is checked on its own on the blank pipeline and on ``es_core_news_sm``: each gold
expression must be found with its exact span and value, and nothing else may be found. The
cases that fail today are listed as data in ``known_failures.toml`` (xfail, strict: a listed
case that starts passing fails, so that its entry is removed). Aggregate figures (span F1,
value accuracy, against dateparser) are printed by ``bench/bench_dates.py``.
"""

from __future__ import annotations

import dataclasses
import tomllib
from functools import cache
from typing import Any

import pytest
from dates_scoring import score
from dates_support import HERE, load_cases
from edtf import parse_edtf
from spacy.language import Language

CASES = load_cases()
PIPELINES = ("blank", "model")
KNOWN: dict[tuple[str, str], str] = {
    (k["pipeline"], k["text"]): k["why"]
    for k in tomllib.loads((HERE / "known_failures.toml").read_text("utf-8")).get(
        "known_failure", []
    )
}


def predictor(nlp: Language) -> Any:
    def predict(text: str) -> list[tuple[str, dict[str, Any]]]:
        doc = nlp(text)
        return [(s.text, dataclasses.asdict(s._.jsr_date)) for s in doc.spans["dates"]]

    return predict


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 220
    assert sum(1 for c in CASES if not c["dates"]) >= 25  # negatives
    assert len({c["label"] for c in CASES}) >= 60
    assert len({c["text"] for c in CASES}) == len(CASES), "a case text is its name: no repeats"


def test_known_failures_name_real_cases() -> None:
    texts = {c["text"] for c in CASES}
    for pipeline, text in KNOWN:
        assert pipeline in PIPELINES, f"unknown pipeline {pipeline!r}"
        assert text in texts, f"known failure is not a case of cases.toml: {text!r}"
        assert KNOWN[pipeline, text].strip(), f"say why {text!r} fails"


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize("case", CASES, ids=[f"{i:03d}-{c['label']}" for i, c in enumerate(CASES)])
def test_case(request: pytest.FixtureRequest, pipeline: str, case: dict[str, Any]) -> None:
    nlp = request.getfixturevalue("nlp_blank" if pipeline == "blank" else "nlp_sm")
    problems = score([case], predictor(nlp)).errors
    why = KNOWN.get((pipeline, case["text"]))
    if why is None:
        assert problems == [], case["text"]
    elif problems:
        pytest.xfail(f"known failure ({why}): {'; '.join(problems)}")
    else:
        pytest.fail(f"known failure now passes: remove it from known_failures.toml ({why})")


@cache
def _parses(edtf: str) -> bool:
    try:
        parse_edtf(edtf)
    except Exception:  # the library raises several types
        return False
    return True


def test_every_value_is_valid_edtf_and_bounded(nlp_blank: Language) -> None:
    bad: list[str] = []
    for case in CASES:
        for text, v in predictor(nlp_blank)(case["text"]):
            if v["edtf"] is not None and not _parses(v["edtf"]):
                bad.append(f"{text!r}: EDTF {v['edtf']!r}")
            if v["earliest"] and v["latest"] and v["earliest"] > v["latest"]:
                bad.append(f"{text!r}: {v['earliest']} > {v['latest']}")
            if v["type"] in {"DURATION", "SET"}:
                assert v["edtf"] is None and v["earliest"] is None, text
    assert bad == []
