"""Surface cleaning, case by case (tests/cases/clean.toml), plus idempotence."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.audit import EditLog, replay
from jsr_nlp.clean import CleanConfig, clean, clean_log

CASES = tomllib.loads((Path(__file__).parent / "cases" / "clean.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['label']}" for i, c in enumerate(CASES)])
def test_case(case):
    result = clean(case["original"])
    if case.get("expect", "pass") == "fail":
        assert result != case["expected"], "known failure now passes: mark it 'pass'"
    else:
        assert result == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['label']}" for i, c in enumerate(CASES)])
def test_cleaning_is_idempotent_and_replayable(case):
    log = clean_log(EditLog(case["original"]))
    assert replay(log.source, log.corrections) == log.text
    again = clean_log(EditLog(log.text))
    assert [c for c in again.corrections if c.action == "applied"] == []


def test_thin_space_style():
    cfg = CleanConfig(thousands_separator="thin_space")
    assert clean("57,000 y 8,440", cfg) == "57\u202f000 y 8440"
    assert clean("57,000", CleanConfig(thousands_separator="keep")) == "57,000"


def test_disabled_fixer_does_nothing():
    cfg = CleanConfig(disabled=frozenset({"cjk_spacing"}))
    assert clean("南 進 論", cfg) == "南 進 論"


def test_every_change_is_explained():
    log = clean_log(EditLog("Siberia Mientras que 57,000 tropas. . de de"))
    for c in log.corrections:
        assert c.rule.startswith("clean.") and c.note and c.category


WORDS = st.sampled_from(
    [
        "el",
        "la",
        "de",
        "Japón",
        "URSS",
        "tropas",
        "57,000",
        "3,5",
        "Mientras",
        "Luego",
        "(",
        ")",
        ".",
        ",",
        ". .",
        "南",
        "進",
        "de de",
        "había",
        "Rusia",
        "enemigos",
        "-\n",
        "\n\n",
        "  ",
        "¿",
        "?",
        "“",
        "”",
        "p.",
        "ej.",
        "1945",
        "acuerdo / acuerdo",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_clean_of_clean_changes_nothing(text):
    once = clean(text)
    assert clean(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_replays(text):
    log = clean_log(EditLog(text))
    assert replay(text, log.corrections) == log.text
