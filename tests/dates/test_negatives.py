"""Four-digit numbers that are not years: counts, measures, pages, phone-like runs."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "57.000 tropas japonesas",
        "57,000 tropas japonesas",
        "1.500 km de frente",
        "8440 muertos japoneses",
        "p. 1945 del libro",
        "pp. 1941-1945 del tomo",
        "1945 soldados de refuerzo",
        "un total de 1939 hombres",
        "llame al 91 555 1945",
        "Tel. 1941 22 33",
        "el decreto número 1941",
        "la cota 1945",
        "2500 años-luz",
        "unos 1945 km",
        "hasta 1500 hombres",
        "el número 1939 de la serie",
    ],
)
def test_not_a_year(dates_of, text: str) -> None:
    assert dates_of(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("en 1945 tropas soviéticas cruzaron", "1945"),
        ("desde 1941 hombres y mujeres", "desde 1941"),
        ("la guerra de 1904", "1904"),
        ("Khalkhin Gol (1939)", "1939"),
        ("en el año 1945", "el año 1945"),
    ],
)
def test_year_contexts(dates_of, text: str, span: str) -> None:
    assert [s for s, _ in dates_of(text)] == [span]


def test_out_of_range_year(dates_of) -> None:
    assert dates_of("en 2500 quizá") == []
    assert dates_of("en 0999 quizá") == []
