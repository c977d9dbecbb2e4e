"""Relative and underspecified expressions resolve against the running reference time."""

from __future__ import annotations


def values(found):
    return [(span, v.value) for span, v in found]


def test_year_inference_says_where(dates_of) -> None:
    text = "En julio de 1945 Tokio esperaba. El 9 de agosto empezó el ataque."
    found = dates_of(text)
    assert values(found)[1] == ("El 9 de agosto", "1945-08-09")
    assert found[1][1].anchor == f"year from 'julio de 1945' at {text.index('julio')}"


def test_no_year_anywhere_leaves_x(dates_of) -> None:
    [(_, v)] = dates_of("El 9 de agosto empezó el ataque.")
    assert (v.value, v.edtf, v.earliest, v.anchor) == ("XXXX-08-09", "XXXX-08-09", None, None)


def test_closest_year_before_wins(dates_of) -> None:
    found = dates_of("En 1938 y en 1939 hubo combates. El 20 de agosto Zhúkov atacó.")
    assert found[-1][1].value == "1939-08-20"


def test_chain_of_relatives(dates_of) -> None:
    found = dates_of(
        "El incidente ocurrió en 1931. Al año siguiente se creó Manchukuo "
        "y dos años después Japón dejó la Sociedad."
    )
    assert values(found) == [
        ("1931", "1931"),
        ("Al año siguiente", "1932"),
        ("dos años después", "1934"),
    ]


def test_steps_of_each_unit(dates_of) -> None:
    base = "El 26 de julio de 1945 llegó el ultimátum; "
    assert dates_of(base + "dos días después respondieron.")[1][1].value == "1945-07-28"
    assert dates_of(base + "la semana anterior se probó.")[1][1].value == "1945-W29"
    assert dates_of(base + "el mes siguiente se rindieron.")[1][1].value == "1945-08"
    assert dates_of(base + "ese mismo mes se decidió.")[1][1].value == "1945-07"
    assert dates_of(base + "ese verano fue largo.")[1][1].value == "1945-SU"
    assert dates_of(base + "al año siguiente hubo juicios.")[1][1].value == "1946"


def test_finer_step_than_reference_keeps_x(dates_of) -> None:
    found = dates_of("En agosto de 1945 todo cambió. Ese día nadie durmió.")
    v = found[1][1]
    assert (v.value, v.earliest, v.latest) == ("1945-08-XX", "1945-08-01", "1945-08-31")


def test_coarser_reference_shifts_bounds(dates_of) -> None:
    found = dates_of("En 1945 se rindieron. Tres meses después llegó la ocupación.")
    assert found[1][1].value == "1945-04/1946-03"


def test_reference_too_far_away_is_not_used(dates_of) -> None:
    filler = "Una frase sin fechas sobre la política de la época. " * 15
    found = dates_of(f"En 1945 cambió todo. {filler}En ese momento nadie lo sabía.")
    assert found[-1][1].value == "XXXX"


def test_open_dates_do_not_move_the_reference(dates_of) -> None:
    found = dates_of("En 1939 hubo guerra. Antes de 1930 hubo paz. El 3 de mayo llovió.")
    assert found[-1][1].value == "1939-05-03"


def test_time_words_on_the_reference_day(dates_of) -> None:
    found = dates_of("El 8 de agosto de 1945 se declaró la guerra. Esa noche cruzaron la frontera.")
    assert (found[1][1].type, found[1][1].value) == ("TIME", "1945-08-08TNI")


def test_present(dates_of) -> None:
    assert values(dates_of("Hoy en día se discute.")) == [("Hoy en día", "PRESENT_REF")]


def test_document_date_resolves_present_and_hace(nlp_blank) -> None:
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"document_date": "2024-05-01", "events": False})
    doc = nlp("Hoy se recuerda. Hace ochenta años terminó la guerra.")
    assert [s._.jsr_date.value for s in doc.spans["dates"]] == ["2024-05-01", "1944"]
