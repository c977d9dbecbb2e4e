"""Spanish number words, ordinals and Roman numerals, read from the vocabulary tables.

>>> from jsr_nlp.analysis.dates.vocab import load_vocab
>>> v = load_vocab()
>>> words_to_int("mil novecientos cuarenta y cinco".split(), v)
1945
>>> words_to_int(["treinta", "y", "uno"], v), words_to_int(["veintiún"], v)
(31, 21)
>>> roman_to_int("XX", v), roman_to_int("XIX", v), roman_to_int("IIII", v)
(20, 19, None)
"""

from __future__ import annotations

from collections.abc import Sequence

from jsr_nlp.analysis.dates.vocab import DatesVocab


def words_to_int(words: Sequence[str], vocab: DatesVocab) -> int | None:
    """Value of a run of cardinal words ('dos mil', 'cuarenta y cinco'); None if not a number.

    'y' is accepted only between tens and units, as Spanish writes it.
    """
    total = 0
    current = 0
    seen = False
    prev: int | None = None
    for i, raw in enumerate(words):
        w = raw.lower()
        if w == "y":
            nxt = vocab.cardinals.get(words[i + 1].lower()) if i + 1 < len(words) else None
            if prev is None or not (20 <= prev <= 90 and prev % 10 == 0) or not nxt or nxt > 9:
                return None
            continue
        value = vocab.cardinals.get(w)
        if value is None:
            return None
        seen = True
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
        prev = value
    return total + current if seen else None


def roman_to_int(text: str, vocab: DatesVocab) -> int | None:
    """Value of a Roman numeral in canonical form ('XIX' = 19), or None."""
    values = [vocab.roman.get(ch.upper()) for ch in text]
    if not values or any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    total = 0
    for i, v in enumerate(nums):
        total += -v if i + 1 < len(nums) and v < nums[i + 1] else v
    return total if total > 0 and int_to_roman(total) == text.upper() else None


def int_to_roman(n: int) -> str:
    """Canonical Roman numeral (used to reject malformed ones like 'IIII')."""
    table = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for value, sym in table:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
