"""Ranges are one expression whose value is the EDTF interval."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("del 9 al 20 de agosto de 1945", "del 9 al 20 de agosto de 1945", "1945-08-09/1945-08-20"),
        ("entre 1937 y 1945", "entre 1937 y 1945", "1937/1945"),
        ("de 1931 a 1945", "de 1931 a 1945", "1931/1945"),
        ("La guerra de 1904-05.", "1904-05", "1904/1905"),
        ("El periodo 1941-1945.", "1941-1945", "1941/1945"),
        ("en 1938 – 1939", "1938 – 1939", "1938/1939"),
        ("desde 1918 hasta 1922", "desde 1918 hasta 1922", "1918/1922"),
        ("de abril a junio de 1941", "de abril a junio de 1941", "1941-04/1941-06"),
        (
            "entre el 11 y el 13 de abril de 1941",
            "entre el 11 y el 13 de abril de 1941",
            "1941-04-11/1941-04-13",
        ),
        (
            "del 22 de junio de 1941 al 9 de mayo de 1945",
            "del 22 de junio de 1941 al 9 de mayo de 1945",
            "1941-06-22/1945-05-09",
        ),
    ],
)
def test_range_is_one_interval(dates_of, text: str, span: str, value: str) -> None:
    [(got_span, v)] = dates_of(text)
    assert (got_span, v.value, v.edtf, v.type) == (span, value, value, "DATE")
    assert v.earliest == value.split("/")[0].ljust(10, "-")[:10] or v.earliest <= v.latest


def test_bounds_are_the_range_ends(dates_of) -> None:
    [(_, v)] = dates_of("entre 1937 y 1945")
    assert (v.earliest, v.latest) == ("1937-01-01", "1945-12-31")


def test_range_over_new_year_moves_the_end(dates_of) -> None:
    found = dates_of("En 1941 se detuvo. Del 5 de diciembre al 7 de enero contraatacaron.")
    assert found[1][1].value == "1941-12-05/1942-01-07"


def test_two_digit_end_year_completes_the_century(dates_of) -> None:
    [(_, v)] = dates_of("Durante la guerra de 1939-45 cambió todo.")
    assert v.value == "1939/1945"


def test_backwards_year_token_is_not_a_range(dates_of) -> None:
    assert dates_of("El expediente 1945-1941 se perdió.") == []


def test_list_of_days_shares_the_month(dates_of) -> None:
    found = dates_of("El 6 y el 9 de agosto de 1945 cayeron las bombas.")
    assert [v.value for _, v in found] == ["1945-08-06", "1945-08-09"]


def test_year_range_survives_a_count_noun_after(dates_of) -> None:
    [(span, _)] = dates_of("Desde 1918 hasta 1922 tropas japonesas ocuparon Siberia.")
    assert span == "Desde 1918 hasta 1922"
