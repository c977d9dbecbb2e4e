"""Decades and centuries: TIMEX3 digits, EDTF unspecified digits, and their thirds."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "los años 30",
        "los años treinta",
        "la década de 1930",
        "la década de los treinta",
        "los años '30",
        "los 1930s",
        "la década de los años treinta",
    ],
)
def test_the_thirties(dates_of, text: str) -> None:
    [(span, v)] = dates_of(f"Ocurrió en {text}.")
    assert span == text
    assert (v.value, v.edtf, v.earliest, v.latest) == ("193", "193X", "1930-01-01", "1939-12-31")


@pytest.mark.parametrize(
    ("mod_words", "mod", "first", "last"),
    [
        ("A principios de", "START", "1930", "1932"),
        ("A mediados de", "MID", "1933", "1936"),
        ("A finales de", "END", "1937", "1939"),
        ("A fines de", "END", "1937", "1939"),
    ],
)
def test_thirds_of_a_decade(dates_of, mod_words: str, mod: str, first: str, last: str) -> None:
    [(span, v)] = dates_of(f"{mod_words} los años 30 hubo escaramuzas.")
    assert span == f"{mod_words} los años 30"
    assert (v.value, v.mod, v.edtf) == ("193", mod, f"{first}/{last}")
    assert (v.earliest, v.latest) == (f"{first}-01-01", f"{last}-12-31")


def test_decade_takes_century_of_reference(dates_of) -> None:
    found = dates_of("En 1850 empezó todo. En los años 30 ya había terminado.")
    assert found[1][1].value == "183"
    assert found[1][1].anchor == "century from '1850' at 3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("el siglo XX", "19"),
        ("el siglo XIX", "18"),
        ("el siglo 20", "19"),
        ("el siglo diecinueve", "18"),
        ("el siglo vigésimo", "19"),
    ],
)
def test_centuries(dates_of, text: str, value: str) -> None:
    [(span, v)] = dates_of(f"Ocurrió en {text}.")
    assert (span, v.value, v.edtf) == (text, value, f"{value}XX")


def test_start_of_century(dates_of) -> None:
    [(span, v)] = dates_of("A principios del siglo XX Rusia avanzó.")
    assert (span, v.mod, v.earliest, v.latest) == (
        "A principios del siglo XX",
        "START",
        "1900-01-01",
        "1932-12-31",
    )


def test_malformed_roman_century_is_not_a_century(dates_of) -> None:
    assert dates_of("El siglo IIII no existe.") == []


def test_half_and_decade_of_a_century(dates_of) -> None:
    [(_, half)] = dates_of("La segunda mitad del siglo XIX fue distinta.")
    [(_, dec)] = dates_of("La tercera década del siglo XX fue dura.")
    assert (half.value, half.earliest, half.latest) == ("1850/1899", "1850-01-01", "1899-12-31")
    assert dec.value == "192"
