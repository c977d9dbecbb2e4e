"""Fixtures for the date tests: a blank Spanish pipeline (fast) and es_core_news_sm (once)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from dates_support import CONFIG
from spacy.language import Language

import jsr_nlp.analysis.dates.component  # noqa: F401  (registers the factory)


@pytest.fixture(scope="session")
def nlp_blank() -> Language:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config=CONFIG)
    nlp.initialize()
    return nlp


@pytest.fixture(scope="session")
def nlp_sm() -> Language:
    nlp = spacy.load("es_core_news_sm")
    nlp.add_pipe("jsr_dates", config=CONFIG)
    return nlp


@pytest.fixture(scope="session")
def dates_of(nlp_blank: Language) -> Any:
    """``dates_of(text)`` → list of (span text, TimexValue) on the blank pipeline."""

    def run(text: str) -> list[tuple[str, Any]]:
        doc = nlp_blank(text)
        return [(s.text, s._.jsr_date) for s in doc.spans["dates"]]

    return run
