"""Calendar periods, mods and bounds; properties over generated dates."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.analysis.dates import value as V

MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def test_mods_and_open_bounds() -> None:
    y = V.year(1940)
    assert V.to_timex(y, "BEFORE").edtf == "../1939"
    assert V.to_timex(y, "AFTER").edtf == "1941/.."
    assert V.to_timex(y, "ON_OR_AFTER").earliest == "1940-01-01"
    assert V.to_timex(y, "APPROX").edtf == "1940~"
    assert V.to_timex(V.month(1941, 4), "END").edtf == "1941-04-21/1941-04-30"
    assert V.to_timex(V.decade(193), "APPROX").edtf == "193X~"


def test_from_bounds_names_what_it_can() -> None:
    assert V.from_bounds(date(1930, 1, 1), date(1939, 12, 31)).value == "193"
    assert V.from_bounds(date(1941, 7, 1), date(1941, 12, 31)).value == "1941-H2"
    assert V.from_bounds(date(1941, 7, 1), date(1941, 7, 31)).value == "1941-07"
    assert V.from_bounds(date(1941, 7, 3), date(1941, 7, 9)).value == "1941-07-03/1941-07-09"


def test_seasons_and_weeks() -> None:
    w = V.season(1941, "WI", 24, "12-21", "03-20")
    assert (w.value, w.edtf, w.end) == ("1941-WI", "1941-24", date(1942, 3, 20))
    assert V.week(date(1945, 8, 9)).value == "1945-W32"


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2100, 12, 31)))
def test_any_full_date_is_read_back(dates_of, d: date) -> None:
    text = f"Ocurrió el {d.day} de {MONTHS[d.month - 1]} de {d.year}."
    [(span, v)] = dates_of(text)
    assert span == f"el {d.day} de {MONTHS[d.month - 1]} de {d.year}"
    assert v.value == v.earliest == v.latest == d.isoformat()


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(
        [
            "a principios de",
            "a mediados de",
            "a finales de",
            "hacia",
            "antes de",
            "después de",
            "desde",
            "hasta",
            "",
        ]
    ),
    st.sampled_from(["{y}", "{m} de {y}", "el verano de {y}", "los años {d}0", "el siglo XIX"]),
    st.integers(min_value=1001, max_value=2099),
)
def test_bounds_are_ordered(dates_of, mod: str, shape: str, y: int) -> None:
    text = f"Ocurrió {mod} " + shape.format(y=y, m=MONTHS[y % 12], d=y % 10 or 3) + "."
    for _, v in dates_of(text):
        if v.earliest and v.latest:
            assert v.earliest <= v.latest
        assert v.earliest or v.latest or v.value.startswith("X")
