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


def full(found):
    """Every field of every value: (span, type, value, edtf, earliest, latest, mod, anchor)."""
    return [
        (span, v.type, v.value, v.edtf, v.earliest, v.latest, v.mod, v.anchor) for span, v in found
    ]


def test_ordinal_parts_of_a_period(dates_of) -> None:
    def part(text):
        [(_, v)] = dates_of(f"Ocurrió en {text}.")
        return (v.value, v.earliest, v.latest)

    # weeks are chunks of seven days from the first; the last one ends with the period
    assert part("la primera semana de febrero de 1941") == (
        "1941-02-01/1941-02-07",
        "1941-02-01",
        "1941-02-07",
    )
    assert part("la segunda semana de febrero de 1941")[1:] == ("1941-02-08", "1941-02-14")
    assert part("la última semana de febrero de 1941")[1:] == ("1941-02-22", "1941-02-28")
    assert part("la última semana de febrero de 1940")[1:] == ("1940-02-23", "1940-02-29")
    assert part("la quinta semana de febrero de 1941")[1:] == ("1941-02-22", "1941-02-28")
    assert part("la última semana de 1941")[1:] == ("1941-12-25", "1941-12-31")
    # halves of a month split its days evenly
    assert part("la primera quincena de febrero de 1941")[1:] == ("1941-02-01", "1941-02-14")
    assert part("la segunda quincena de febrero de 1940")[1:] == ("1940-02-15", "1940-02-29")
    assert part("la última quincena de julio de 1941")[1:] == ("1941-07-16", "1941-07-31")
    assert part("la segunda mitad de agosto de 1941")[1:] == ("1941-08-16", "1941-08-31")
    assert part("la primera mitad del verano de 1941")[1:] == ("1941-06-21", "1941-08-06")
    # parts of a year are whole months
    assert part("el primer trimestre de 1941") == ("1941-Q1", "1941-01-01", "1941-03-31")
    assert part("el segundo trimestre de 1941") == ("1941-Q2", "1941-04-01", "1941-06-30")
    assert part("el último trimestre de 1941") == ("1941-Q4", "1941-10-01", "1941-12-31")
    assert part("el segundo cuatrimestre de 1941") == (
        "1941-05/1941-08",
        "1941-05-01",
        "1941-08-31",
    )
    assert part("el último cuatrimestre de 1941")[1:] == ("1941-09-01", "1941-12-31")
    assert part("la segunda mitad de 1941") == ("1941-H2", "1941-07-01", "1941-12-31")
    # parts of a decade or a century are whole years
    assert part("la primera mitad del siglo XIX") == ("1800/1849", "1800-01-01", "1849-12-31")
    assert part("la segunda mitad del siglo XIX") == ("1850/1899", "1850-01-01", "1899-12-31")
    assert part("la primera década del siglo XX") == ("190", "1900-01-01", "1909-12-31")
    assert part("la tercera década del siglo XX") == ("192", "1920-01-01", "1929-12-31")
    assert part("la última década del siglo XIX") == ("189", "1890-01-01", "1899-12-31")
    assert part("la segunda mitad de los años treinta") == ("1935/1939", "1935-01-01", "1939-12-31")
    # no period named and none to take it from
    assert part("el primer trimestre") == ("XXXX-Q1", None, None)
    assert part("el último trimestre") == ("XXXX-Q4", None, None)
    assert part("la segunda mitad") == ("XXXX", None, None)
    assert part("la primera quincena de agosto") == ("XXXX-08", None, None)


def test_ordinal_part_takes_the_year_of_the_reference(dates_of) -> None:
    found = dates_of("En 1941 hubo paz. En la primera quincena de agosto llegó la guerra.")
    assert full(found)[1] == (
        "la primera quincena de agosto",
        "DATE",
        "1941-08-01/1941-08-15",
        "1941-08-01/1941-08-15",
        "1941-08-01",
        "1941-08-15",
        None,
        "year from '1941' at 3",
    )


def test_times_of_a_day_become_the_reference(dates_of) -> None:
    text = "La mañana del 6 de agosto de 1945 cayó la bomba. Dos días después se declaró la guerra."
    assert full(dates_of(text)) == [
        (
            "La mañana del 6 de agosto de 1945",
            "TIME",
            "1945-08-06TMO",
            "1945-08-06",
            "1945-08-06",
            "1945-08-06",
            None,
            None,
        ),
        (
            "Dos días después",
            "DATE",
            "1945-08-08",
            "1945-08-08",
            "1945-08-08",
            "1945-08-08",
            None,
            "relative to 'La mañana del 6 de agosto de 1945' at 0",
        ),
    ]
    text = (
        "El 8 de agosto de 1945 se declaró. A las cinco de la tarde cruzaron. "
        "Al día siguiente llegaron."
    )
    assert full(dates_of(text))[1:] == [
        (
            "las cinco de la tarde",
            "TIME",
            "1945-08-08T17:00",
            "1945-08-08T17:00:00",
            "1945-08-08",
            "1945-08-08",
            None,
            "day from 'El 8 de agosto de 1945' at 0",
        ),
        (
            "Al día siguiente",
            "DATE",
            "1945-08-09",
            "1945-08-09",
            "1945-08-09",
            "1945-08-09",
            None,
            f"relative to 'las cinco de la tarde' at {text.index('las cinco')}",
        ),
    ]
    text = (
        "El 8 de agosto de 1945 se declaró. La noche del 9 de agosto cruzaron. "
        "Al día siguiente llegaron."
    )
    assert full(dates_of(text))[1:] == [
        (
            "La noche del 9 de agosto",
            "TIME",
            "1945-08-09TNI",
            "1945-08-09",
            "1945-08-09",
            "1945-08-09",
            None,
            "year from 'El 8 de agosto de 1945' at 0",
        ),
        (
            "Al día siguiente",
            "DATE",
            "1945-08-10",
            "1945-08-10",
            "1945-08-10",
            "1945-08-10",
            None,
            f"relative to 'La noche del 9 de agosto' at {text.index('La noche')}",
        ),
    ]


def test_times_without_a_day(dates_of) -> None:
    # a part of a day of a month or a season: no day to put in the bounds
    assert full(dates_of("La noche de agosto de 1945 cruzaron.")) == [
        ("La noche de agosto de 1945", "TIME", "1945-08TNI", None, None, None, None, None)
    ]
    assert full(dates_of("Por la mañana del verano de 1945 cruzaron.")) == [
        ("la mañana del verano de 1945", "TIME", "1945-SUTMO", None, None, None, None, None)
    ]
    # an hour with no day known, or only a month
    assert full(dates_of("A las cinco de la tarde cruzaron.")) == [
        ("las cinco de la tarde", "TIME", "XXXX-XX-XXT17:00", None, None, None, None, None)
    ]
    found = dates_of("En agosto de 1945 se declaró. A las cinco de la tarde cruzaron.")
    assert full(found)[1][2:] == ("XXXX-XX-XXT17:00", None, None, None, None, None)


def test_finer_steps_than_the_reference_x_the_missing_parts(dates_of) -> None:
    def second(text):
        return full(dates_of(text))[1][1:]

    assert second("En agosto de 1945 todo cambió. Al día siguiente nadie durmió.") == (
        "DATE",
        "1945-08-XX",
        "1945-08-XX",
        "1945-08-02",
        "1945-09-01",
        None,
        None,
    )
    assert second("En 1945 todo cambió. Ese día nadie durmió.") == (
        "DATE",
        "1945-XX-XX",
        "1945-XX-XX",
        "1945-01-01",
        "1945-12-31",
        None,
        None,
    )
    assert second("En 1945 todo cambió. Al día siguiente nadie durmió.")[1:5] == (
        "1945-XX-XX",
        "1945-XX-XX",
        "1945-01-02",
        "1946-01-01",
    )
    assert second("En 1945 todo cambió. La semana siguiente nadie durmió.")[1:5] == (
        "1945-XX",
        "1945-XX",
        "1945-01-08",
        "1946-01-07",
    )
    assert second("En 1945 todo cambió. El mes siguiente nadie durmió.")[1:5] == (
        "1945-XX",
        "1945-XX",
        "1945-02-01",
        "1946-01-31",
    )
    assert second("En el verano de 1945 todo cambió. Ese día nadie durmió.")[1:5] == (
        "1945-XX-XX",
        "1945-XX-XX",
        "1945-06-21",
        "1945-09-22",
    )
    assert second("En el verano de 1945 todo cambió. El mes siguiente nadie durmió.")[1:5] == (
        "1945-XX",
        "1945-XX",
        "1945-07-21",
        "1945-10-22",
    )
    # no step finer than a decade: nothing to step from
    assert second("En los años treinta todo cambió. Al año siguiente nadie durmió.") == (
        "DATE",
        "XXXX",
        None,
        None,
        None,
        None,
        None,
    )
    assert second("En los años treinta todo cambió. Ese mes nadie durmió.")[1] == "XXXX-XX"


def test_seasons_relative_to_the_reference(dates_of) -> None:
    def second(text):
        v = dates_of(text)[1][1]
        return (v.value, v.earliest, v.latest, v.anchor)

    r = "relative to '{}' at 3"
    assert second("En 1945 todo cambió. Ese invierno nadie durmió.") == (
        "1945-WI",
        "1945-12-21",
        "1946-03-20",
        r.format("1945"),
    )
    assert second("En 1945 todo cambió. El invierno siguiente nadie durmió.")[0] == "1946-WI"
    assert second("En 1945 todo cambió. El invierno anterior nadie durmió.")[0] == "1944-WI"
    assert second("En el verano de 1945 hubo paz. El invierno siguiente nadie durmió.") == (
        "1945-WI",
        "1945-12-21",
        "1946-03-20",
        r.format("el verano de 1945"),
    )
    assert second("En el verano de 1945 hubo paz. El verano siguiente nadie durmió.")[0] == (
        "1946-SU"
    )
    assert second("En el verano de 1945 hubo paz. El verano anterior nadie durmió.")[0] == (
        "1944-SU"
    )
    assert second("En el verano de 1945 hubo paz. Ese verano nadie durmió.")[0] == "1945-SU"
    assert second("En enero de 1945 hubo paz. El invierno anterior nadie durmió.")[0] == ("1944-WI")
    assert second("En diciembre de 1945 hubo paz. El invierno siguiente nadie durmió.")[0] == (
        "1946-WI"
    )
    assert second("En diciembre de 1945 hubo paz. Ese invierno nadie durmió.")[0] == "1945-WI"
    # no reference: placeholders of the unit
    assert full(dates_of("Ese verano nadie durmió."))[0][2:4] == ("XXXX-SU", None)
    assert full(dates_of("Ese mes nadie durmió."))[0][2] == "XXXX-XX"
    assert full(dates_of("La semana siguiente nadie durmió."))[0][2] == "XXXX-WXX"
    assert full(dates_of("Al año siguiente nadie durmió."))[0][2] == "XXXX"


def test_offsets_from_the_reference(dates_of) -> None:
    def second(text):
        return full(dates_of(text))[1][1:]

    at0 = "relative to 'El 9 de agosto de 1945' at 0"
    at3 = "relative to '1945' at 3"
    assert second("En 1945 se rindieron. Unos tres meses después llegó la ocupación.") == (
        "DATE",
        "1945-04/1946-03",
        "1945-04~/1946-03~",
        "1944-04-01",
        "1947-03-31",
        "APPROX",
        at3,
    )
    assert second("En 1945 se rindieron. Algunas semanas después llegó la ocupación.") == (
        "DATE",
        "1945",
        "1946/..",
        "1946-01-01",
        None,
        "AFTER",
        at3,
    )
    assert second("En 1945 se rindieron. Algunas semanas antes llegó la ocupación.") == (
        "DATE",
        "1945",
        "../1944",
        None,
        "1944-12-31",
        "BEFORE",
        at3,
    )
    assert second("El 9 de agosto de 1945 atacaron. Algunas semanas antes llegó la ocupación.") == (
        "DATE",
        "1945-08-09",
        "../1945-08-08",
        None,
        "1945-08-08",
        "BEFORE",
        at0,
    )
    assert second("El 9 de agosto de 1945 atacaron. Tres horas después llegó la ocupación.") == (
        "DATE",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        None,
        at0,
    )
    assert second("El 9 de agosto de 1945 atacaron. Dos semanas después llegó la ocupación.") == (
        "DATE",
        "1945-W34",
        "1945-08-20/1945-08-26",
        "1945-08-20",
        "1945-08-26",
        None,
        at0,
    )
    # decades and centuries: the amount counts years ('dos décadas' = 20 years)
    assert second("En 1945 se rindieron. Dos décadas después llegó la ocupación.")[1:5] == (
        "196",
        "196X",
        "1960-01-01",
        "1969-12-31",
    )
    assert second("En 1945 se rindieron. Dos décadas antes llegó la ocupación.")[1] == "192"
    assert second("En 1945 se rindieron. Un siglo después llegó la ocupación.")[1] == "20"
    # the reference of an offset is the period it names
    found = dates_of("En 1945 se rindieron. Tres meses después llegó la ocupación. Ese mes llovió.")
    assert full(found)[2][2:6] == ("1945-04/1946-03", "1945-04/1946-03", "1945-04-01", "1946-03-31")
    # nothing to step from
    assert full(dates_of("Tres meses después llegó la ocupación.")) == [
        ("Tres meses después", "DATE", "XXXX", None, None, None, None, None)
    ]
    assert full(dates_of("Unos tres meses después llegó la ocupación."))[0][2:] == (
        "XXXX",
        None,
        None,
        None,
        "APPROX",
        None,
    )
    assert second("En los años treinta hubo guerras. Dos años después llegó la paz.") == (
        "DATE",
        "XXXX",
        None,
        None,
        None,
        None,
        None,
    )


def test_the_reference_after_a_range_is_its_last_part(dates_of) -> None:
    def second(text):
        return full(dates_of(text))[1][2:]

    assert second("Entre 1937 y 1945 hubo guerra. Al año siguiente llegó la paz.") == (
        "1946",
        "1946",
        "1946-01-01",
        "1946-12-31",
        None,
        "relative to 'Entre 1937 y 1945' at 0",
    )
    assert second("Entre 1937 y 1945 hubo guerra. El mes siguiente llegó la paz.")[:4] == (
        "1945-XX",
        "1945-XX",
        "1945-02-01",
        "1946-01-31",
    )
    text = (
        "Entre el verano de 1944 y el invierno de 1945 hubo guerra. El mes siguiente llegó la paz."
    )
    assert second(text)[:4] == ("1946-04", "1946-04", "1946-04-01", "1946-04-30")


def test_dates_with_no_year_to_be_found(dates_of) -> None:
    assert full(dates_of("En agosto llovió.")) == [
        ("agosto", "DATE", "XXXX-08", "XXXX-08", None, None, None, None)
    ]
    assert full(dates_of("El lunes llovió.")) == [
        ("El lunes", "DATE", "XXXX-WXX-1", None, None, None, None, None)
    ]
    assert full(dates_of("A las 17:10 llegaron.")) == [
        ("las 17:10", "TIME", "XXXX-XX-XXT17:10", None, None, None, None, None)
    ]
    assert full(dates_of("Del 3 de julio al 9 de agosto hubo combates.")) == [
        (
            "Del 3 de julio al 9 de agosto",
            "DATE",
            "XXXX-07-03/XXXX-08-09",
            None,
            None,
            None,
            None,
            None,
        )
    ]
    for text in ("Ocurrió en el primer trimestre.", "Ocurrió en la segunda mitad."):
        assert full(dates_of(text))[0][1] == "DATE"
    assert full(dates_of("Al día siguiente nadie durmió.")) == [
        ("Al día siguiente", "DATE", "XXXX-XX-XX", None, None, None, None, None)
    ]


def test_ranges_borrow_month_and_year(dates_of) -> None:
    def one(text):
        return full(dates_of(text))[-1][2:]

    assert one("De noviembre a febrero de 1945 hubo combates.")[:4] == (
        "1944-11/1945-02",
        "1944-11/1945-02",
        "1944-11-01",
        "1945-02-28",
    )
    assert one("De noviembre de 1944 a febrero hubo combates.")[:4] == (
        "1944-11/1945-02",
        "1944-11/1945-02",
        "1944-11-01",
        "1945-02-28",
    )
    assert one("De diciembre de 1944 a enero hubo combates.")[0] == "1944-12/1945-01"
    assert one("De julio a septiembre de 1945 hubo combates.")[0] == "1945-07/1945-09"
    assert one("En 1944 hubo paz. Entre agosto y octubre hubo combates.") == (
        "1944-08/1944-10",
        "1944-08/1944-10",
        "1944-08-01",
        "1944-10-31",
        None,
        "year from '1944' at 3",
    )
    assert one("En 1944 hubo paz. Del 30 de diciembre al 2 de enero hubo combates.")[:4] == (
        "1944-12-30/1945-01-02",
        "1944-12-30/1945-01-02",
        "1944-12-30",
        "1945-01-02",
    )


def test_document_date_fields(nlp_blank) -> None:
    import dataclasses

    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"document_date": "2024-05-01", "events": False})

    def one(text):
        doc = nlp(text)
        return [dataclasses.astuple(s._.jsr_date) for s in doc.spans["dates"]]

    assert one("Hoy se recuerda.") == [
        ("DATE", "2024-05-01", "2024-05-01", "2024-05-01", "2024-05-01", None, "document date")
    ]
    assert one("Hace dos años terminó.") == [
        ("DATE", "2022", "2022", "2022-01-01", "2022-12-31", None, "document date")
    ]
    assert one("Hace tres días terminó.")[0][1] == "2024-04-28"
    assert one("Hace tres horas terminó.")[0][1] == "2024-05-01"
    assert one("Hace dos décadas terminó la guerra.")[0][1:5] == (
        "200",
        "200X",
        "2000-01-01",
        "2009-12-31",
    )
    assert one("Hace unos años terminó.") == [
        ("DATE", "PAST_REF", None, None, None, None, "time of writing")
    ]
    assert one("En el pasado se recordaba.") == [("DATE", "PAST_REF", None, None, None, None, None)]


def test_a_season_that_holds_the_reference_is_neither_next_nor_previous(dates_of) -> None:
    def second(text):
        return full(dates_of(text))[1][2:6]

    summer_45 = ("1945-SU", "1945-22", "1945-06-21", "1945-09-22")
    assert second("El 21 de junio de 1945 hubo paz. El verano siguiente llovió.")[0] == "1946-SU"
    assert second("El 20 de junio de 1945 hubo paz. El verano siguiente llovió.") == summer_45
    assert second("El 22 de septiembre de 1945 hubo paz. El verano anterior llovió.") == (
        "1944-SU",
        "1944-22",
        "1944-06-21",
        "1944-09-22",
    )
    assert second("El 23 de septiembre de 1945 hubo paz. El verano anterior llovió.") == summer_45
    assert second("En 1945 todo cambió. El invierno siguiente nadie durmió.") == (
        "1946-WI",
        "1946-24",
        "1946-12-21",
        "1947-03-20",
    )


def test_steps_from_a_week_and_from_a_century(dates_of) -> None:
    text = "El 20 de agosto de 1945 hubo paz. La semana siguiente llovió. Al día siguiente escampó."
    found = full(dates_of(text))
    assert found[1][2:6] == ("1945-W35", "1945-08-27/1945-09-02", "1945-08-27", "1945-09-02")
    # a day after a week: the week, with no EDTF (it has no week notation), bounds moved a day
    assert found[2][1:] == ("DATE", "1945-W35", None, "1945-08-28", "1945-09-03", None, None)
    text = "En 1945 se rindieron. Un siglo después llegó la ocupación. La década siguiente llovió."
    assert full(dates_of(text))[2][2:] == (
        "210",
        "210X",
        "2100-01-01",
        "2109-12-31",
        None,
        f"relative to 'Un siglo después' at {text.index('Un siglo')}",
    )


def test_time_of_a_month_takes_the_year_of_the_reference(dates_of) -> None:
    assert full(dates_of("En 1945 hubo paz. La noche de agosto llovió."))[1] == (
        "La noche de agosto",
        "TIME",
        "1945-08TNI",
        None,
        None,
        None,
        None,
        "year from '1945' at 3",
    )


def test_parts_at_the_edges(dates_of) -> None:
    def part(text):
        [(_, v)] = dates_of(f"Ocurrió en {text}.")
        return (v.value, v.earliest, v.latest)

    # a fifth week is what is left of the month after four
    assert part("la quinta semana de abril de 1941") == (
        "1941-04-29/1941-04-30",
        "1941-04-29",
        "1941-04-30",
    )
    assert part("la quinta semana de marzo de 1941")[1:] == ("1941-03-29", "1941-03-31")
    assert part("la quinta semana de febrero de 1940") == ("1940-02-29", "1940-02-29", "1940-02-29")
    # a week of a single day is that day
    assert part("la segunda semana del 9 de agosto de 1945") == (
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
    )
    # parts of a decade or a century are whole years, rounded down
    assert part("el primer trimestre de los años treinta") == (
        "1930/1931",
        "1930-01-01",
        "1931-12-31",
    )
    assert part("el último cuatrimestre de los años treinta")[0] == "1936/1939"
    assert part("el primer trimestre del siglo XX")[0] == "1900/1924"
    # parts of a season or a month are days
    assert part("la segunda semana del verano de 1945")[1:] == ("1945-06-28", "1945-07-04")
    assert part("el segundo trimestre del verano de 1945")[1:] == ("1945-07-14", "1945-08-06")
    assert part("la segunda quincena del verano de 1945")[1:] == ("1945-08-07", "1945-09-22")
    assert part("el primer cuatrimestre de febrero de 1941")[1:] == ("1941-02-01", "1941-02-09")
    assert part("el segundo cuatrimestre de febrero de 1941")[1:] == ("1941-02-10", "1941-02-18")


def test_reach_of_the_reference_is_counted_from_its_start(dates_of, nlp_blank) -> None:
    reach = 600  # settings.relative_reach of the Spanish vocabulary
    head = "El 9 de agosto de 1945 hubo paz. "
    at0 = "relative to 'El 9 de agosto de 1945' at 0"

    def after(gap: int):
        text = head + "x" * (gap - len(head) - 1) + " " + "Al día siguiente llovió."
        assert text.index("Al día") == gap
        return full(dates_of(text))[-1][2:]

    assert after(reach) == ("1945-08-10", "1945-08-10", "1945-08-10", "1945-08-10", None, at0)
    assert after(reach + 1)[0] == "XXXX-XX-XX"
    # a reference far into the text is as near as one at its start
    lead = "y" * 400 + " "
    found = full(dates_of(lead + head + "Al día siguiente llovió."))
    assert found[-1][2] == "1945-08-10"


def test_document_date_is_the_first_reference(nlp_blank) -> None:
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"document_date": "2024-05-01", "events": False})
    filler = "Una frase sin fechas sobre la política de la época. " * 15
    doc = nlp(filler + "Al día siguiente llovió.")
    [v] = [s._.jsr_date for s in doc.spans["dates"]]
    # never too far away, and named as such
    assert (v.value, v.anchor) == ("2024-05-02", "relative to document date")


def test_parts_of_a_day_relative_to_the_reference(dates_of) -> None:
    text = "El 8 de agosto de 1945 se declaró. A la mañana siguiente cruzaron."
    assert full(dates_of(text))[1] == (
        "la mañana siguiente",
        "TIME",
        "1945-08-09TMO",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        None,
        "relative to 'El 8 de agosto de 1945' at 0",
    )


def test_steps_back_start_from_the_beginning_of_the_reference(dates_of) -> None:
    text = "En 1945 se rindieron. Tres meses después llegó la ocupación. El año anterior llovió."
    assert full(dates_of(text))[2][2] == "1944"
    assert full(dates_of("El invierno de 1944 fue duro. El año anterior llovió."))[1][2] == "1943"


def test_tenths_of_a_year_are_whole_months(dates_of) -> None:
    [(_, v)] = dates_of("Ocurrió en la última década de 1941.")
    assert (v.value, v.earliest, v.latest) == ("1941-11/1941-12", "1941-11-01", "1941-12-31")
    [(_, v)] = dates_of("Ocurrió en la tercera década de 1941.")
    assert v.value == "1941-03"


def test_offsets_from_a_period_step_from_its_far_end(dates_of) -> None:
    text = (
        "En 1945 se rindieron. Tres meses después llegó la ocupación. "
        "Dos años después hubo elecciones."
    )
    # the occupation is 1945-04/1946-03; two years after it is 1948, a year
    assert full(dates_of(text))[2][2:6] == ("1948", "1948", "1948-01-01", "1948-12-31")
    text = "En 1945 se rindieron. Un siglo después llegó la paz. Dos décadas después llovió."
    assert full(dates_of(text))[2][2:6] == ("211", "211X", "2110-01-01", "2119-12-31")


def test_day_only_and_decades_take_what_the_reference_has(dates_of) -> None:
    assert full(dates_of("El día 9 llegaron.")) == [
        ("El día 9", "DATE", "XXXX-XX-09", None, None, None, None, None)
    ]
    assert full(dates_of("En agosto de 1945 hubo paz. El día 9 llegaron."))[1][1:] == (
        "DATE",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        None,
        "month from 'agosto de 1945' at 3",
    )
    # a year is too coarse for a bare day
    assert full(dates_of("En 1945 hubo paz. El día 9 llegaron."))[1][2] == "XXXX-XX-09"
    assert full(dates_of("En 1905 hubo paz. En los años treinta hubo guerra."))[1][2:] == (
        "193",
        "193X",
        "1930-01-01",
        "1939-12-31",
        None,
        "century from '1905' at 3",
    )
    # a decade or a century gives no year to a day and month
    for text in (
        "En 1945 se rindieron. Un siglo después llegó la paz. El 9 de agosto llovió.",
        "En 1945 se rindieron. Dos décadas después llegó la paz. El 9 de agosto llovió.",
    ):
        assert full(dates_of(text))[2][2:] == ("XXXX-08-09", "XXXX-08-09", None, None, None, None)


def test_modifiers_inside_modifiers(dates_of) -> None:
    def one(text):
        [(_, v)] = dates_of(text)
        return (v.value, v.edtf, v.earliest, v.latest, v.mod)

    # an approximate third is a third
    assert one("Hacia principios de 1944 llovió.") == (
        "1944",
        "1944-01/1944-04",
        "1944-01-01",
        "1944-04-30",
        "START",
    )
    assert one("Hacia mediados de 1944 llovió.")[1:] == (
        "1944-05/1944-08",
        "1944-05-01",
        "1944-08-31",
        "MID",
    )
    # before or after a third: from the third's bounds
    assert one("Antes de finales de 1944 llovió.") == (
        "1944",
        "../1944-08",
        None,
        "1944-08-31",
        "BEFORE",
    )
    assert one("Después de mediados de 1944 llovió.") == (
        "1944",
        "1944-09/..",
        "1944-09-01",
        None,
        "AFTER",
    )
    assert one("Desde principios de 1944 llovió.")[1:] == (
        "1944-01/..",
        "1944-01-01",
        None,
        "ON_OR_AFTER",
    )
    assert one("Hasta finales de 1944 llovió.")[1:] == (
        "../1944-12",
        None,
        "1944-12-31",
        "ON_OR_BEFORE",
    )
    assert one("Después de mediados de abril de 1941 llovió.")[1:4] == (
        "1941-04-21/..",
        "1941-04-21",
        None,
    )


def test_minutes_ago_is_the_document_day(nlp_blank) -> None:
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"document_date": "2024-05-01", "events": False})
    doc = nlp("Hace tres minutos terminó.")
    [v] = [s._.jsr_date for s in doc.spans["dates"]]
    assert (v.value, v.earliest, v.latest) == ("2024-05-01", "2024-05-01", "2024-05-01")


def test_a_range_never_runs_backwards_when_its_end_has_no_year(dates_of) -> None:
    def one(text):
        return full(dates_of(text))[-1][2:6]

    assert one("Del invierno de 1944 a la primavera hubo combates.") == (
        "1944-12-21/1945-06-20",
        "1944-12-21/1945-06-20",
        "1944-12-21",
        "1945-06-20",
    )
    assert one("De julio de 1944 a septiembre hubo combates.") == (
        "1944-07/1944-09",
        "1944-07/1944-09",
        "1944-07-01",
        "1944-09-30",
    )
    assert one("Del 20 de agosto de 1944 al 5 de agosto hubo combates.")[0] == (
        "1944-08-20/1945-08-05"
    )


def test_year_of_a_deictic_expression(dates_of) -> None:
    assert full(dates_of("El 9 de agosto de ese año llovió.")) == [
        ("El 9 de agosto de ese año", "DATE", "XXXX-08-09", "XXXX-08-09", None, None, None, None)
    ]
    assert full(dates_of("En 1945 hubo paz. El 9 de agosto de ese año llovió."))[1][2:] == (
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        None,
        "relative to '1945' at 3",
    )


def test_after_a_year_does_not_move_the_reference(dates_of) -> None:
    found = full(dates_of("En 1939 hubo guerra. Después de 1945 hubo paz. El 9 de agosto llovió."))
    assert found[2][2:] == (
        "1939-08-09",
        "1939-08-09",
        "1939-08-09",
        "1939-08-09",
        None,
        "year from '1939' at 3",
    )


def test_offsets_back_from_a_period_step_from_its_start(dates_of) -> None:
    text = (
        "En 1945 se rindieron. Tres meses después llegó la ocupación. "
        "Dos años antes hubo elecciones."
    )
    assert full(dates_of(text))[2][2:6] == ("1943", "1943", "1943-01-01", "1943-12-31")


def test_a_range_of_one_day_or_month_stays_in_its_year(dates_of) -> None:
    found = full(dates_of("En 1945 hubo paz. Del 9 al 9 de agosto llovió."))
    assert found[1][2:] == (
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        "1945-08-09",
        None,
        "year from '1945' at 3",
    )
    assert full(dates_of("De agosto de 1944 a agosto hubo combates."))[0][2:6] == (
        "1944-08",
        "1944-08",
        "1944-08-01",
        "1944-08-31",
    )
