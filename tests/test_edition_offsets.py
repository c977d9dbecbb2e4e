"""The offset rule on whole editions: every entity and date quotes the clean text, maps back
to the source text it came from, and the corrections replay to the clean text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    assert replay(ed.source_text, ed.corrections) == ed.clean_text
    touched = [(c.start, c.end) for c in ed.corrections if c.action == "applied"]
    for item in (*ed.entities, *ed.dates):
        assert ed.clean_text[item.start : item.end] == item.text
        assert 0 <= item.source_start <= item.source_end <= len(ed.source_text)
        inside = any(
            (s < item.source_end and item.source_start < e)
            or (s == e and item.source_start <= s <= item.source_end)
            for s, e in touched
        )
        if not inside:
            assert ed.source_text[item.source_start : item.source_end] == item.text
    for c in ed.corrections:
        assert ed.source_text[c.start : c.end] == c.text


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
