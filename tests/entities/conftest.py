"""Fixtures of the entity tests: one spaCy pipeline per session, scores kept for the summary.

The model is loaded once: the spaCy pipeline of the session's ``pipeline`` fixture
(``jsr_nlp.load_pipeline("default")``). A pipeline that does not build, or lacks one of our
components, fails the tests that need it: nothing falls back to another pipeline. The bare
model's figures come from the same object with our components disabled.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).parent))

import jsr_nlp.analysis.entities.filter
import jsr_nlp.analysis.entities.gazetteer
import jsr_nlp.analysis.entities.linker  # noqa: F401

warnings.filterwarnings("ignore", message=r"\[W095\]")

OURS = ("jsr_gazetteer", "jsr_entity_filter", "jsr_linker")
#: Scores recorded by the gold tests, printed at the end of the session.
SCORES: dict[str, str] = {}


@pytest.fixture(scope="session")
def entity_nlp(pipeline: Any) -> Language:
    """The default pipeline's spaCy object: ``es_core_news_sm``, our three components, dates."""
    nlp: Language = pipeline.nlp
    missing = [name for name in OURS if name not in nlp.pipe_names]
    assert not missing, f"the default pipeline lacks {missing}: {nlp.pipe_names}"
    return nlp


@contextmanager
def bare(nlp: Language) -> Iterator[Language]:
    """The same pipeline with every ``jsr_*`` component disabled: the bare model."""
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("jsr_")]):
        yield nlp


@contextmanager
def entities_only(nlp: Language) -> Iterator[Language]:
    """The pipeline without the components that are not ours (``jsr_dates``)."""
    others = [n for n in nlp.pipe_names if n.startswith("jsr_") and n not in OURS]
    with nlp.select_pipes(disable=others):
        yield nlp


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A tokenizer-only Spanish pipeline with our components (no model entities, no POS)."""
    nlp = spacy.blank("es")
    for name in OURS:
        nlp.add_pipe(name)
    return nlp


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the entity scores (bare model vs ours) so the improvement stays visible."""
    if SCORES:
        terminalreporter.section("entity mention scores (tests/entities/gold)")
        for key, line in sorted(SCORES.items()):
            terminalreporter.write_line(f"{key:40} {line}")
