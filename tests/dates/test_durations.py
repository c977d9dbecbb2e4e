"""Durations: ISO 8601 values, number words, fractions, quantity mods; counts are not dates."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("cuatro años", "P4Y", None),
        ("dos semanas", "P2W", None),
        ("tres meses y medio", "P3.5M", None),
        ("una década", "P10Y", None),
        ("medio siglo", "P50Y", None),
        ("año y medio", "P1.5Y", None),
        ("veintiún días", "P21D", None),
        ("treinta y cinco años", "P35Y", None),
        ("48 horas", "PT48H", None),
        ("unos dos años", "P2Y", "APPROX"),
        ("más de diez años", "P10Y", "MORE_THAN"),
        ("casi un siglo", "P100Y", "LESS_THAN"),
        ("varios años", "PXY", None),
        ("una quincena", "P15D", None),
        ("un lustro", "P5Y", None),
    ],
)
def test_duration_values(dates_of, text: str, value: str, mod: str | None) -> None:
    [(span, v)] = dates_of(f"La ocupación duró {text}.")
    assert (span, v.type, v.value, v.mod, v.edtf, v.earliest) == (
        text,
        "DURATION",
        value,
        mod,
        None,
        None,
    )


@pytest.mark.parametrize(
    "text",
    ["dos razones", "57.000 tropas", "los dos lados", "el segundo frente", "tres divisiones"],
)
def test_counts_are_not_durations(dates_of, text: str) -> None:
    assert dates_of(f"Hubo {text}.") == []


def test_sets(dates_of) -> None:
    cases = {
        "cada año": "P1Y",
        "cada dos semanas": "P2W",
        "todos los días": "P1D",
        "anualmente": "P1Y",
        "cada verano": "XXXX-SU",
        "los domingos": "XXXX-WXX-7",
    }
    for text, value in cases.items():
        [(span, v)] = dates_of(f"Se reunían {text}.")
        assert (span, v.type, v.value) == (text, "SET", value)
