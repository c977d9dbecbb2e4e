"""The sample text: every time expression found with the right value, raw and cleaned."""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import spacy
from dates_support import HERE

from jsr_nlp.analysis.records import doc_dates
from jsr_nlp.resources import pipelines_dir

SAMPLE = pipelines_dir().parent / "samples" / "japon-urss-segunda-guerra-mundial.txt"
GOLD: list[dict[str, Any]] = tomllib.loads((HERE / "sample_gold.toml").read_text())["date"]


def records(doc):
    """The edition's date records of ``doc`` (the production path)."""
    return [asdict(d) for d in doc_dates(doc)]


def cleaned(text: str) -> str:
    """What the cleaning stage does to numbers: English thousands separators → Spanish."""
    return re.sub(r"(?<=\d),(?=\d{3}\b)", ".", text)


def check(records: list[dict[str, Any]], *, values: bool = True) -> list[str]:
    problems = []
    got = [(r["text"], r) for r in records]
    for gold in GOLD:
        hit = next((i for i, (t, _) in enumerate(got) if t == gold["text"]), None)
        if hit is None and not values:
            hit = next((i for i, (t, _) in enumerate(got) if gold["text"].startswith(t)), None)
        if hit is None:
            problems.append(f"missing {gold['text']!r}")
            continue
        _, rec = got.pop(hit)
        if not values and gold.get("event"):
            continue
        for key in ("type", "value", "mod", "earliest", "latest", "anchor"):
            want = gold.get(key, "DATE" if key == "type" else None)
            if key in {"earliest", "latest", "anchor"} and key not in gold:
                continue
            if rec[key] != want:
                problems.append(f"{gold['text']!r} {key}: want {want!r}, got {rec[key]!r}")
    problems.extend(f"unexpected {t!r}" for t, _ in got)
    return problems


@pytest.mark.parametrize("prepare", [lambda t: t, cleaned], ids=["raw", "cleaned"])
def test_sample_every_expression(nlp_blank: spacy.language.Language, prepare: Any) -> None:
    text = prepare(SAMPLE.read_text(encoding="utf-8"))
    assert check(records(nlp_blank(text))) == []


def test_sample_with_the_model(nlp_sm: spacy.language.Language) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert check(records(nlp_sm(text))) == []


def test_sample_with_bundled_lexicons() -> None:
    """With the bundled gazetteer the spans are found; event values depend on its entries."""
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates")
    assert check(records(nlp(SAMPLE.read_text(encoding="utf-8"))), values=False) == []


def test_offsets_point_into_the_text(nlp_blank: spacy.language.Language) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for rec in records(nlp_blank(text)):
        assert text[rec["start"] : rec["end"]] == rec["text"]


def test_sample_path_exists() -> None:
    assert Path(SAMPLE).is_file()
