"""The offset rule on whole editions: every entity and date quotes the clean text, maps back
to the source text it came from (checked against ``offset_oracle``, which rebuilds the source
spans from the corrections without ``jsr_nlp.audit``), and the corrections replay to the
clean text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from offset_oracle import offset_problems

from jsr_nlp.audit import replay
from jsr_nlp.model import Edition

PIECES = [
    "Georgi Zukhovs",
    "57,000 tropas",
    "el Ejército Rojo. .",
    "南 進 論",
    "(北 進 論 Hokushin-ron.",
    "Siberia Mientras que",
    "en abril de 1941",
    "entre el 9 de agosto y el 2 de septiembre",
    "la URSS",
    "Khalkin Gol",
    "de de",
    "un acuerdo / acuerdo",
    "Stalin",
    "Japón",
    "versus",
    "se cumplió. denunciado",
    "Eran enemigos Rusia había",
    "a finales de los años 30",
    ".",
    ",",
    "\n\n",
    "el IJA estaba arruinando un enfrentamiento",
    "Manchuria",
    "tres meses después",
]


def check(ed: Edition) -> None:
    """Corrections quote the source and replay to the clean text; every entity and date has
    exactly the source span the independent oracle rebuilds from the corrections."""
    assert replay(ed.source_text, ed.corrections) == ed.clean_text
    for c in ed.corrections:
        assert ed.source_text[c.start : c.end] == c.text
    items = (*ed.entities, *ed.dates)
    assert offset_problems(ed.source_text, ed.clean_text, ed.corrections, items) == []


def test_sample_edition_offsets(sample_edition):
    check(sample_edition)
    assert sample_edition.entities and sample_edition.dates
    assert Edition.from_json(sample_edition.to_json()) == sample_edition


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join).filter(str.strip))
def test_any_damaged_text_keeps_the_offset_rule(pipeline, text):
    ed = pipeline(text)
    check(ed)
    # cleaning the clean edition again applies nothing
    again = pipeline(ed.clean_text)
    assert [c for c in again.corrections if c.action == "applied"] == []


PASSAGES = sorted((Path(__file__).parent / "entities" / "passages").glob("*.txt"))


@pytest.mark.parametrize("path", PASSAGES, ids=lambda p: p.stem)
def test_passage_edition_offsets(pipeline, path):
    ed = pipeline(path.read_text(encoding="utf-8"), name=str(path))
    check(ed)
    assert ed.entities and ed.applied
