"""Read the tokens of a matched pattern into a spec (what the expression says).

Each reader gets the tokens the Matcher found (context tokens already trimmed) and returns a
spec, or None when the words do not make a valid date after all ('31 de febrero').

>>> import spacy
>>> from jsr_nlp.analysis.dates.vocab import load_vocab
>>> r = Reader(load_vocab())
>>> nlp = spacy.blank("es")
>>> r.point(list(nlp("el domingo 13 de abril de 1941")))
PointSpec(year=1941, month=4, day=13, weekday=7, season=None, decade=None, decade_tens=None, \
century=None, partition=None, daypart=None, hour=None, minute=None)
>>> r.duration(list(nlp("tres meses y medio"))).amount
3.5
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jsr_nlp.analysis.dates.numbers import roman_to_int, words_to_int
from jsr_nlp.analysis.dates.specs import (
    DeixisSpec,
    DurationSpec,
    NowSpec,
    PointSpec,
    RangeSpec,
    SetSpec,
)
from jsr_nlp.analysis.dates.value import last_day
from jsr_nlp.analysis.dates.vocab import DatesVocab

if TYPE_CHECKING:
    from spacy.tokens import Token

_DECADE_HEADS = {"años", "década", "decada", "decenio", "anos"}
_DECADE_SKIP = {"de", "los", "años", "anos", "'", "la", "del"}


class Reader:
    """Token readers for every pattern kind, sharing compiled shapes and word tables."""

    def __init__(self, vocab: DatesVocab) -> None:
        self.v = vocab
        self.shapes = {k: re.compile(rx) for k, rx in vocab.shapes.items()}
        self.months = {**vocab.months, **vocab.month_abbreviations}
        self.year_rx = re.compile(r"^\d{4}$")
        self.decnum_rx = re.compile(r"^(?:1\d|20)?\d0$")

    # ---------------------------------------------------------------- helpers

    def _year_ok(self, y: int) -> bool:
        return self.v.settings.year_min <= y <= self.v.settings.year_max

    def _two_digit_year(self, yy: str) -> int:
        return int(yy) if len(yy) == 4 else self.v.settings.default_century * 100 + int(yy)

    def _numbers(self, lows: Sequence[str], i: int) -> tuple[int | None, int]:
        """A run of cardinal words from ``i``: (value, index after the run)."""
        j = i
        while j < len(lows) and (lows[j] in self.v.cardinals or lows[j] == "y"):
            j += 1
        while j > i and lows[j - 1] == "y":
            j -= 1
        return words_to_int(lows[i:j], self.v), j

    def _day_at(self, toks: Sequence[Token], lows: Sequence[str], i: int) -> tuple[int, int] | None:
        """A day number at ``i`` ('9', '1º', 'primero', 'treinta y uno'): (day, next index)."""
        m = self.shapes["day"].match(toks[i].text)
        if m:
            return int(m.group("d")), i + 1
        if lows[i] in self.v.ordinals:
            return self.v.ordinals[lows[i]], i + 1
        if lows[i] in self.v.cardinals:
            value, j = self._numbers(lows, i)
            if value is not None:
                return value, j
        return None

    def _numeric(self, text: str) -> tuple[int, int, int] | None:
        for name in ("dmy", "d_roman_y", "iso"):
            m = self.shapes[name].match(text)
            if not m:
                continue
            mm = m.group("m")
            mon = int(mm) if mm.isdigit() else roman_to_int(mm.upper(), self.v)
            y = self._two_digit_year(m.group("y"))
            d = int(m.group("d"))
            if mon and 1 <= mon <= 12 and 1 <= d <= last_day(y, mon) and self._year_ok(y):
                return y, mon, d
            return None
        return None

    # ---------------------------------------------------------------- readers

    def point(self, toks: Sequence[Token]) -> PointSpec | None:
        """A date or period: day, month, year, season, decade, century, in any combination."""
        lows = [t.lower_ for t in toks]
        f: dict[str, int | str | None] = {}
        i, n = 0, len(toks)
        while i < n:
            low, text = lows[i], toks[i].text
            numeric = self._numeric(text)
            if numeric:
                f["year"], f["month"], f["day"] = numeric
                i += 1
                continue
            m = self.shapes["decade"].match(text)
            if m:
                f["decade"] = int(m.group("dec"))
                i += 1
                continue
            m = self.shapes["year_range"].match(text)
            if m and lows[i - 1 if i else 0] in {"de", "del"} and f.get("season"):
                f["year"] = int(m.group("a"))  # 'el invierno de 1941-42' is the winter of 1941
                i += 1
                continue
            if low in {"siglo", "siglos"} and i + 1 < n:
                cen, i = self._century(toks, lows, i + 1)
                if cen is None:
                    return None
                f["century"] = cen
                continue
            if low in _DECADE_HEADS:
                j = i + 1
                while j < n and lows[j] in _DECADE_SKIP:
                    j += 1
                if j < n and self._decade(lows[j], f):
                    i = j + 1
                    continue
                i += 1
                continue
            if low in self.months and not f.get("month"):
                f["month"] = self.months[low]
            elif low in self.v.weekdays:
                f["weekday"] = self.v.weekdays[low]
            elif low in self.v.seasons:
                f["season"] = low
            elif self.year_rx.match(text) and f.get("year") is None:
                if not self._year_ok(int(text)):
                    return None
                f["year"] = int(text)
            elif low == "mil" and f.get("year") is None:
                value, j = self._numbers(lows, i)
                if value is None or not self._year_ok(value):
                    return None
                f["year"] = value
                i = j
                continue
            else:
                got = self._day_at(toks, lows, i)
                if got and f.get("day") is None:
                    d, j = got
                    nxt = lows[j + 1] if j < n - 1 and lows[j] == "de" else None
                    direct = j < n and lows[j] in self.months
                    after_month = i > 0 and lows[i - 1] in {*self.months, "día"}
                    if (nxt in self.months or direct or after_month or n == 1) and 1 <= d <= 31:
                        f["day"] = d
                        i = j
                        continue
            i += 1
        spec = PointSpec(**f)  # type: ignore[arg-type]
        if spec.day is not None and spec.month is not None:
            limit = last_day(spec.year or 2000, spec.month)
            if spec.day > limit:
                return None
        return spec if spec.has_calendar else None

    def _decade(self, low: str, f: dict[str, int | str | None]) -> bool:
        if low in self.v.decade_words:
            f["decade_tens"] = self.v.decade_words[low] // 10
            return True
        if self.decnum_rx.match(low):
            num = int(low)
            if num >= 1000:
                f["decade"] = num // 10
            else:
                f["decade_tens"] = num // 10
            return True
        return False

    def _century(
        self, toks: Sequence[Token], lows: Sequence[str], i: int
    ) -> tuple[int | None, int]:
        text = toks[i].text
        n = roman_to_int(text, self.v) if text.isupper() else None
        j = i + 1
        if n is None and text.isdigit():
            n = int(text)
        if n is None and lows[i] in self.v.ordinals:
            n = self.v.ordinals[lows[i]]
        if n is None and lows[i] in self.v.cardinals:
            n, j = self._numbers(lows, i)
        if n is None or not 1 <= n <= 21:
            return None, j
        return n - 1, j

    def day_only(self, toks: Sequence[Token]) -> PointSpec | None:
        """The bare left day of 'del 9 al 20 de agosto'."""
        lows = [t.lower_ for t in toks]
        got = self._day_at(toks, lows, 1 if lows[0] == "el" and len(lows) > 1 else 0)
        return PointSpec(day=got[0]) if got and 1 <= got[0] <= 31 else None

    def year_range(self, toks: Sequence[Token]) -> RangeSpec | None:
        """'1904-05', '1941-1945', '1938 – 1939'."""
        if len(toks) == 1:
            m = self.shapes["year_range"].match(toks[0].text)
            if not m:
                return None
            a, b = m.group("a"), m.group("b")
            left = int(a)
            right = int(a[: 4 - len(b)] + b)
        else:
            left, right = int(toks[0].text), int(toks[-1].text)
        if not (self._year_ok(left) and self._year_ok(right)) or not left < right <= left + 100:
            return None
        return RangeSpec(PointSpec(year=left), PointSpec(year=right))

    def partition(self, toks: Sequence[Token]) -> PointSpec | None:
        """'el primer trimestre', 'la última semana', 'la quincena primera'."""
        ordinal: int | None = None
        noun: str | None = None
        for t in toks:
            low = t.lower_
            if low in self.v.ordinals:
                ordinal = self.v.ordinals[low]
            elif low in self.v.ordinal_last:
                ordinal = self.v.ordinal_last[low]
            elif low in self.v.partitions:
                noun = low
        if ordinal is None or noun is None:
            return None
        part = self.v.partitions[noun]
        limit = part.parts or 5
        if ordinal > limit:
            return None
        return PointSpec(partition=(ordinal, noun))

    def daypart(self, toks: Sequence[Token]) -> PointSpec | None:
        """'la mañana' (of a day that follows)."""
        for t in toks:
            if t.lower_ in self.v.parts_of_day:
                return PointSpec(daypart=self.v.parts_of_day[t.lower_])
        return None

    def time(self, toks: Sequence[Token]) -> PointSpec | None:
        """'a las cinco de la tarde', 'a las 04:45 horas'."""
        hour: int | None = None
        minute = 0
        part: str | None = None
        for t in toks:
            low = t.lower_
            m = self.shapes["clock"].match(t.text)
            if m and hour is None:
                hour, minute = int(m.group("h")), int(m.group("min"))
            elif low.isdigit() and hour is None:
                hour = int(low)
            elif low in self.v.cardinals and hour is None and low not in {"un"}:
                hour = self.v.cardinals[low]
            elif low in self.v.parts_of_day:
                part = self.v.parts_of_day[low]
        if hour is None or hour > 24:
            return None
        if part in {"AF", "EV", "NI"} and hour < 12 and not (part == "NI" and hour <= 4):
            hour += 12
        return PointSpec(hour=hour % 24, minute=minute)

    def duration(self, toks: Sequence[Token]) -> DurationSpec | None:
        """'cuatro años', 'tres meses y medio', 'medio siglo', 'varios años', 'el último año'."""
        lows = [t.lower_ for t in toks]
        u = next((i for i, w in enumerate(lows) if self.v.unit_for(w)), None)
        if u is None:
            return None
        unit = self.v.unit_for(lows[u])
        assert unit is not None
        before = lows[:u]
        amount: float | None
        digits = next((w for w in before if w[:1].isdigit()), None)
        if digits is not None:
            amount = float(digits.replace(",", "."))
        elif any(w in self.v.cardinals for w in before):
            start = next(i for i, w in enumerate(before) if w in self.v.cardinals)
            value, _ = self._numbers(before, start)
            amount = float(value) if value is not None else None
            if amount is None:
                return None
        elif any(w in self.v.fractions for w in before):
            amount = next(self.v.fractions[w] for w in before if w in self.v.fractions)
        elif lows[u] in unit.singular:
            amount = 1.0
        else:
            amount = None  # 'varios años', 'durante años', 'los últimos años'
        after = lows[u + 1 :]
        if amount is not None and after and after[-1] in self.v.fractions:
            amount += self.v.fractions[after[-1]]
        return DurationSpec(amount, unit)

    def deixis(self, toks: Sequence[Token]) -> DeixisSpec | None:
        """'ese mismo mes', 'al año siguiente', 'esa noche', 'la víspera', 'por aquel entonces'."""
        step = 0
        for t in toks:
            if t.lower_ in self.v.deixis.steps:
                step = self.v.deixis.steps[t.lower_]
        for t in toks:
            low = t.lower_
            if low in self.v.deixis.words:
                return DeixisSpec("word", self.v.deixis.words[low], "day")
            if low in self.v.deixis.reference_nouns:
                return DeixisSpec("reference", step)
            if low in self.v.seasons:
                return DeixisSpec("season", step, season=low)
            if low in self.v.parts_of_day:
                return DeixisSpec("daypart", step, "day", daypart=self.v.parts_of_day[low])
            unit = self.v.unit_for(low)
            if unit is not None and low in unit.singular:
                return DeixisSpec("unit", step, unit.step)
        return None

    def set(self, toks: Sequence[Token]) -> SetSpec | None:
        """'cada año', 'cada dos semanas', 'todos los días', 'anualmente', 'los domingos'."""
        lows = [t.lower_ for t in toks]
        for w in lows:
            if w in self.v.sets.adverbs:
                return SetSpec(self.v.sets.adverbs[w])
        for w in reversed(lows):
            if w in self.v.weekdays or w in self.v.weekdays_plural:
                n = self.v.weekdays.get(w) or self.v.weekdays_plural[w]
                return SetSpec(f"XXXX-WXX-{n}")
            if w in self.v.seasons:
                return SetSpec(f"XXXX-{self.v.seasons[w].timex}")
            if w in self.v.months:
                return SetSpec(f"XXXX-{self.v.months[w]:02d}")
        if "vez" in lows or "veces" in lows:
            unit = self.v.unit_for(lows[-1])
            return SetSpec(_duration_value(1, unit.timex, unit.factor, unit.time)) if unit else None
        dur = self.duration(toks)
        if dur is None:
            return None
        amount = dur.amount if dur.amount is not None else 1
        return SetSpec(_duration_value(amount, dur.unit.timex, dur.unit.factor, dur.unit.time))

    def now(self, value: str) -> NowSpec:
        """'hoy' and friends (the phrase table maps each to its TIMEX3 value)."""
        return NowSpec(value)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _duration_value(amount: float | None, letter: str, factor: float, time: bool) -> str:
    """ISO 8601 / TIMEX3 duration: P4Y, P3.5M, PT48H, PXY.

    >>> _duration_value(1, "Y", 10, False), _duration_value(None, "W", 1, False)
    ('P10Y', 'PXW')
    """
    qty = "X" if amount is None else _num(amount * factor)
    return f"P{'T' if time else ''}{qty}{letter}"


duration_value = _duration_value
