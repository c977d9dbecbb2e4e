"""Fixtures of the exporter tests (the editions themselves are built in ``export_fixtures``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import ARTIFACTS, SCHEMA, synthetic_edition

from jsr_nlp.model import Edition


@pytest.fixture(scope="session")
def edition() -> Edition:
    return synthetic_edition()


@pytest.fixture(scope="session")
def edition_no_translation() -> Edition:
    return synthetic_edition(translated=False)


@pytest.fixture(scope="session")
def tei_schema():
    """TEI P5 tei_all as lxml RelaxNG (compiling it takes ~15 s, so once per session)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="session")
def real_edition(sample_edition: Edition) -> Edition:
    """The sample's edition from the project's default pipeline."""
    return sample_edition


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
