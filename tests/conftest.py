"""Shared fixtures: the sample, and the default pipeline loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    import jsr_nlp

    return jsr_nlp.load_pipeline("default")


@pytest.fixture(scope="session")
def sample_edition(pipeline, sample_text):
    return pipeline(sample_text, name=str(SAMPLE))
