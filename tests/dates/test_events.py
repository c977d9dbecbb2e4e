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


def test_event_bounds_by_mod(dates_of) -> None:
    """'antes de'/'desde' take the first day of an event, 'después de'/'hasta' its last; an
    event of one day is that day."""

    def one(text):
        [(span, v)] = dates_of(text)
        return (span, v.type, v.value, v.edtf, v.earliest, v.latest, v.mod, v.anchor)

    kg = "event bat.khalkhin-gol"
    assert one("Antes de la batalla de Khalkhin Gol nadie lo creía.") == (
        "Antes de la batalla de Khalkhin Gol",
        "DATE",
        "1939-05-11",
        "../1939-05-10",
        None,
        "1939-05-10",
        "BEFORE",
        kg,
    )
    assert one("Después de la batalla de Khalkhin Gol todo cambió.") == (
        "Después de la batalla de Khalkhin Gol",
        "DATE",
        "1939-09-16",
        "1939-09-17/..",
        "1939-09-17",
        None,
        "AFTER",
        kg,
    )
    assert one("Desde la batalla de Khalkhin Gol todo cambió.") == (
        "Desde la batalla de Khalkhin Gol",
        "DATE",
        "1939-05-11",
        "1939-05-11/..",
        "1939-05-11",
        None,
        "ON_OR_AFTER",
        kg,
    )
    assert one("Hasta la batalla de Khalkhin Gol nadie lo creía.") == (
        "Hasta la batalla de Khalkhin Gol",
        "DATE",
        "1939-09-16",
        "../1939-09-16",
        None,
        "1939-09-16",
        "ON_OR_BEFORE",
        kg,
    )
    assert one("Tras el final de la Operación Barbarroja, Tokio dudó.")[2:7] == (
        "1941-12-05",
        "1941-12-06/..",
        "1941-12-06",
        None,
        "AFTER",
    )
    assert one("Tras el inicio de la conferencia de Yalta todo cambió.")[2:7] == (
        "1945-02-04",
        "1945-02-05/..",
        "1945-02-05",
        None,
        "AFTER",
    )
    assert one("Antes de Pearl Harbor, Japón dudó.")[2:7] == (
        "1941-12-07",
        "../1941-12-06",
        None,
        "1941-12-06",
        "BEFORE",
    )
    assert one("Desde Pearl Harbor, Japón avanzó.")[2:7] == (
        "1941-12-07",
        "1941-12-07/..",
        "1941-12-07",
        None,
        "ON_OR_AFTER",
    )
    assert one("Hasta Pearl Harbor, Japón dudó.")[2:7] == (
        "1941-12-07",
        "../1941-12-07",
        None,
        "1941-12-07",
        "ON_OR_BEFORE",
    )


def test_offsets_from_events(dates_of) -> None:
    def one(text):
        [(_, v)] = dates_of(text)
        return (v.type, v.value, v.edtf, v.earliest, v.latest, v.mod, v.anchor)

    kg = "event bat.khalkhin-gol"
    # before an event: from its first day; after: from its last
    assert one("Atacó tres meses antes de la batalla de Khalkhin Gol.") == (
        "DATE",
        "1939-02-11/1939-06-16",
        "1939-02-11/1939-06-16",
        "1939-02-11",
        "1939-06-16",
        None,
        kg,
    )
    assert one("Atacó tres meses antes de la derrota de Alemania.") == (
        "DATE",
        "1945-02",
        "1945-02",
        "1945-02-01",
        "1945-02-28",
        None,
        "event evt.rendicion-alemania",
    )
    assert one("Atacó unos tres meses después de la batalla de Khalkhin Gol.")[1:6] == (
        "1939-08-11/1939-12-16",
        "1939-08-11~/1939-12-16~",
        "1938-08-11",
        "1940-12-16",
        "APPROX",
    )
    # an amount not given: open on the far side of the event
    assert one("Atacó algunas semanas después de la batalla de Khalkhin Gol.") == (
        "DATE",
        "1939-09-16",
        "1939-09-17/..",
        "1939-09-17",
        None,
        "AFTER",
        kg,
    )
    assert one("Atacó algunas semanas antes de la batalla de Khalkhin Gol.") == (
        "DATE",
        "1939-05-11",
        "../1939-05-10",
        None,
        "1939-05-10",
        "BEFORE",
        kg,
    )
    assert one("Atacó algunas semanas después de la derrota de Alemania.")[1:6] == (
        "1945-05-08",
        "1945-05-09/..",
        "1945-05-09",
        None,
        "AFTER",
    )
    # decades and centuries: the amount counts years ('dos décadas' = 20 years)
    assert one("Atacó dos décadas después de la derrota de Alemania.")[1:5] == (
        "196",
        "196X",
        "1960-01-01",
        "1969-12-31",
    )


def test_events_dated_to_the_month_or_year_bound_at_a_day(dates_of) -> None:
    """An event known to the month or the year: 'antes de'/'desde' start at its first day,
    'después de'/'hasta' end at its last."""

    def one(text):
        [(_, v)] = dates_of(text)
        return (v.value, v.edtf, v.earliest, v.latest, v.mod)

    siberia = "la intervención en Siberia"  # 1918-08/1922-10
    assert one(f"Antes de {siberia} nadie lo creía.") == (
        "1918-08-01",
        "../1918-07-31",
        None,
        "1918-07-31",
        "BEFORE",
    )
    assert one(f"Después de {siberia} todo cambió.") == (
        "1922-10-31",
        "1922-11-01/..",
        "1922-11-01",
        None,
        "AFTER",
    )
    assert one(f"Desde {siberia} todo cambió.") == (
        "1918-08-01",
        "1918-08-01/..",
        "1918-08-01",
        None,
        "ON_OR_AFTER",
    )
    assert one(f"Hasta {siberia} todo cambió.") == (
        "1922-10-31",
        "../1922-10-31",
        None,
        "1922-10-31",
        "ON_OR_BEFORE",
    )
    assert one(f"Tras el inicio de {siberia} todo cambió.")[:3] == (
        "1918-08-01",
        "1918-08-02/..",
        "1918-08-02",
    )
    assert one(f"Antes del final de {siberia} todo cambió.")[:4] == (
        "1922-10-31",
        "../1922-10-30",
        None,
        "1922-10-30",
    )
    purge = "la Gran Purga"  # 1936/1938
    assert one(f"Antes de {purge} nadie lo creía.")[:4] == (
        "1936-01-01",
        "../1935-12-31",
        None,
        "1935-12-31",
    )
    assert one(f"Después de {purge} todo cambió.")[:3] == (
        "1938-12-31",
        "1939-01-01/..",
        "1939-01-01",
    )
    assert one(f"Desde {purge} todo cambió.")[:2] == ("1936-01-01", "1936-01-01/..")
    assert one(f"Hasta {purge} todo cambió.")[:2] == ("1938-12-31", "../1938-12-31")


def test_an_event_of_one_month_is_bounded_by_months(dates_of) -> None:
    def one(text):
        [(_, v)] = dates_of(text)
        return (v.value, v.edtf, v.earliest, v.latest, v.mod)

    sudetes = "la crisis de los Sudetes"  # 1938-09
    assert one(f"Antes de {sudetes} nadie lo creía.") == (
        "1938-09",
        "../1938-08",
        None,
        "1938-08-31",
        "BEFORE",
    )
    assert one(f"Después de {sudetes} todo cambió.") == (
        "1938-09",
        "1938-10/..",
        "1938-10-01",
        None,
        "AFTER",
    )
    assert one(f"Desde {sudetes} todo cambió.")[:3] == ("1938-09", "1938-09/..", "1938-09-01")
    assert one(f"Hasta {sudetes} todo cambió.")[:4] == ("1938-09", "../1938-09", None, "1938-09-30")
