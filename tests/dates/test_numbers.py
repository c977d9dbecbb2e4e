"""Spanish number words, ordinals and Roman numerals (data from the vocabulary)."""

from __future__ import annotations

import pytest

from jsr_nlp.analysis.dates.numbers import roman_to_int, words_to_int
from jsr_nlp.analysis.dates.vocab import load_vocab

V = load_vocab()


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("mil novecientos cuarenta y cinco", 1945),
        ("dos mil", 2000),
        ("mil ochocientos ocho", 1808),
        ("treinta y uno", 31),
        ("veintiún", 21),
        ("cien", 100),
        ("ciento veinte", 120),
    ],
)
def test_cardinals(words: str, value: int) -> None:
    assert words_to_int(words.split(), V) == value


@pytest.mark.parametrize("words", ["y cinco", "cinco y", "diez y seis", "novecientos tropas", ""])
def test_not_numbers(words: str) -> None:
    assert words_to_int(words.split(), V) is None


def test_romans() -> None:
    assert [roman_to_int(r, V) for r in ("XX", "XIX", "IV", "MCMXLV", "IIII", "ABC")] == [
        20,
        19,
        4,
        1945,
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("el primero de mayo de 1945", "1945-05-01"),
        ("el dos de mayo de 1808", "1808-05-02"),
        ("en mil novecientos treinta y nueve", "1939"),
        ("el treinta y uno de agosto de 1939", "1939-08-31"),
    ],
)
def test_words_in_dates(dates_of, text: str, value: str) -> None:
    [(_, v)] = dates_of(text)
    assert v.value == value
