"""The gold case table (cases.toml) through the component: span F1, value accuracy, validity."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest
from dates_scoring import score
from dates_support import load_cases
from edtf import parse_edtf
from spacy.language import Language

CASES = load_cases()


def predictor(nlp: Language) -> Any:
    def predict(text: str) -> list[tuple[str, dict[str, Any]]]:
        doc = nlp(text)
        return [(s.text, dataclasses.asdict(s._.jsr_date)) for s in doc.spans["dates"]]

    return predict


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 220
    assert sum(1 for c in CASES if not c["dates"]) >= 25  # negatives
    assert len({c["label"] for c in CASES}) >= 60


def test_blank_pipeline_scores(nlp_blank: Language) -> None:
    s = score(CASES, predictor(nlp_blank))
    report = "\n".join(s.errors)
    assert s.f1 >= 0.95, report
    assert s.value_accuracy >= 0.92, report


def test_model_pipeline_scores_on_a_subset(nlp_sm: Language) -> None:
    subset = CASES[::4]
    s = score(subset, predictor(nlp_sm))
    report = "\n".join(s.errors)
    assert s.f1 >= 0.95, report
    assert s.value_accuracy >= 0.92, report


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


@pytest.mark.parametrize("case", [c for c in CASES if not c["dates"]], ids=lambda c: c["label"])
def test_negatives_find_nothing(nlp_blank: Language, case: dict[str, Any]) -> None:
    assert predictor(nlp_blank)(case["text"]) == []
