"""Shared fixtures: the sample, and the default pipeline loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI must give the same verdict on every run: property tests draw a fixed sequence of
# examples by default. `HYPOTHESIS_PROFILE=explore uv run pytest` searches afresh.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
