"""Event anchors from the gazetteer: signals, event parts, offsets; with and without ents."""

from __future__ import annotations

import spacy
from dates_support import CONFIG
from spacy.tokens import Span


def test_after_event(dates_of) -> None:
    [(span, v)] = dates_of("Después de Pearl Harbor, Japón avanzó.")
    assert (span, v.value, v.mod, v.earliest, v.latest, v.anchor) == (
        "Después de Pearl Harbor",
        "1941-12-07",
        "AFTER",
        "1941-12-08",
        None,
        "event bat.pearl-harbor",
    )
    assert v.edtf == "1941-12-08/.."


def test_start_of_interval_event(dates_of) -> None:
    [(span, v)] = dates_of("Tras el inicio de la Operación Barbarroja, Tokio dudó.")
    assert (span, v.value, v.mod) == (
        "Tras el inicio de la Operación Barbarroja",
        "1941-06-22",
        "AFTER",
    )


def test_before_uses_event_start_and_after_its_end(dates_of) -> None:
    [(_, before)] = dates_of("Antes de la batalla de Khalkhin Gol nadie lo creía.")
    [(_, after)] = dates_of("Después de la batalla de Khalkhin Gol todo cambió.")
    assert (before.value, before.latest) == ("1939-05-11", "1939-05-10")
    assert (after.value, after.earliest) == ("1939-09-16", "1939-09-17")


def test_offset_from_event(dates_of) -> None:
    [(span, v)] = dates_of("Atacó tres meses después de la derrota de Alemania.")
    assert (span, v.value, v.anchor) == (
        "tres meses después de la derrota de Alemania",
        "1945-08",
        "event evt.rendicion-alemania",
    )


def test_unknown_event_leaves_a_duration(dates_of) -> None:
    [(span, v)] = dates_of("Atacó tres meses después de la caída de Berlín.")
    assert (span, v.type, v.value) == ("tres meses", "DURATION", "P3M")


def test_linked_entities_are_used_when_present() -> None:
    """The lead's linker sets doc.ents with kb_id_; an ent the phrase list does not know works."""
    nlp = spacy.blank("es")

    def fake_linker(doc):
        start = next(t.i for t in doc if t.text == "Operación")
        doc.ents = [Span(doc, start, start + 2, label="MISC", kb_id="op.barbarroja")]
        return doc

    spacy.Language.component("fake_linker_for_dates", func=fake_linker)
    nlp.add_pipe("fake_linker_for_dates")
    nlp.add_pipe("jsr_dates", config=CONFIG)
    doc = nlp("Antes de la Operación Barbarossa hubo dudas.")
    [span] = doc.spans["dates"]
    assert (span.text, span._.jsr_date.value) == ("Antes de la Operación Barbarossa", "1941-06-22")


def test_events_can_be_switched_off() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"events": False})
    doc = nlp("Después de Pearl Harbor, Japón avanzó.")
    assert list(doc.spans["dates"]) == []
