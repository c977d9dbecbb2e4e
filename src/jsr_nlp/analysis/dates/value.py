"""Calendar periods and the normalised value of a time expression.

A :class:`Period` is a resolved stretch of the calendar (first and last day, a granularity,
its TIMEX3 value and its EDTF string). :func:`to_timex` turns a period and a TIMEX3 ``mod``
into the :class:`TimexValue` a span carries.

Conventions (TIMEX3 has gaps; these are ours, applied everywhere):

- ``earliest``/``latest`` are the first and last ISO day the expression can denote.
  Open-ended mods leave one side ``None``: ``antes de 1940`` → latest 1939-12-31.
- Decades and centuries follow TIMEX3 digits: ``193`` is 1930–1939, ``19`` is 1900–1999
  ('siglo XX'), so the 20th century is ``19`` as in TimeML, not 1901–2000.
- START/MID/END take the first, middle and last third of the period's sub-units
  (years of a decade, months of a year, days of a month): ``a finales de los años 30`` is
  1937–1939 and its EDTF is that interval; ``value`` stays ``193`` with ``mod`` END.
- APPROX adds ``~`` to the EDTF and widens the bounds by one unit of the granularity
  (``hacia 1940`` → 1939-01-01 … 1941-12-31).
- Ranges and other intervals have no TIMEX3 value, so ``value`` holds the EDTF interval
  (``1945-08-09/1945-09-02``) and ``type`` is DATE.
- Seasons are astronomical, northern hemisphere; winter runs into the next year.

>>> to_timex(month(1941, 4)).earliest, to_timex(month(1941, 4)).latest
('1941-04-01', '1941-04-30')
>>> t = to_timex(decade(193), "END")
>>> t.value, t.edtf, t.earliest, t.latest
('193', '1937/1939', '1937-01-01', '1939-12-31')
>>> to_timex(year(1940), "BEFORE").edtf
'../1939'
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

TimexType = Literal["DATE", "DURATION", "SET", "TIME"]
Gran = Literal[
    "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "interval"
]

#: from fine to coarse; used to decide whether a reference is precise enough for a step.
GRAN_ORDER: dict[str, int] = {
    "minute": 0,
    "hour": 0,
    "day": 1,
    "week": 2,
    "month": 3,
    "season": 4,
    "quarter": 4,
    "half": 5,
    "year": 6,
    "interval": 6,
    "decade": 7,
    "century": 8,
}

DEFAULT_PARTS: dict[str, tuple[float, float]] = {
    "START": (0.0, 1 / 3),
    "MID": (1 / 3, 2 / 3),
    "END": (2 / 3, 1.0),
}


@dataclass(frozen=True, slots=True)
class TimexValue:
    """The normalised value of one time expression (the edition's ``dates`` fields).

    ``type`` and ``value`` follow TIMEX3; ``edtf`` is EDTF level 1 (None for durations and
    sets); ``earliest``/``latest`` are ISO days or None; ``mod`` a TIMEX3 mod; ``anchor``
    says where an underspecified or relative value took its year or reference from.
    """

    type: TimexType
    value: str
    edtf: str | None = None
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved stretch of calendar: bounds, granularity, TIMEX3 value and EDTF."""

    start: date
    end: date
    gran: Gran
    value: str
    edtf: str


# ---------------------------------------------------------------- calendar helpers


def last_day(y: int, m: int) -> int:
    """Number of days in a month (leap years included)."""
    return calendar.monthrange(y, m)[1]


def add_months(d: date, n: int) -> date:
    """Shift by whole months, clamping the day ('31 de enero' + 1 mes = 28/29 de febrero)."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, last_day(y, m + 1)))


def shift(d: date, step: str, n: float) -> date:
    """Move a day by ``n`` steps of a unit (fractions of years and months are kept)."""
    if step in {"minute", "hour"}:
        return d
    if step == "day":
        return d + timedelta(days=round(n))
    if step == "week":
        return d + timedelta(days=round(7 * n))
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[step] * n
    whole = int(months)
    out = add_months(d, whole)
    if months != whole:
        out += timedelta(days=round((months - whole) * 30))
    return out


def _y(y: int) -> str:
    return f"{y:04d}"


# ---------------------------------------------------------------- period constructors


def day(y: int, m: int, d: int) -> Period:
    """One day."""
    iso = f"{_y(y)}-{m:02d}-{d:02d}"
    return Period(date(y, m, d), date(y, m, d), "day", iso, iso)


def month(y: int, m: int) -> Period:
    """One month."""
    s = f"{_y(y)}-{m:02d}"
    return Period(date(y, m, 1), date(y, m, last_day(y, m)), "month", s, s)


def year(y: int) -> Period:
    """One year."""
    return Period(date(y, 1, 1), date(y, 12, 31), "year", _y(y), _y(y))


def decade(dec: int) -> Period:
    """A decade from its first three digits: ``decade(193)`` is the 1930s."""
    return Period(
        date(dec * 10, 1, 1), date(dec * 10 + 9, 12, 31), "decade", f"{dec:03d}", f"{dec:03d}X"
    )


def century(cen: int) -> Period:
    """A century from its first two digits: ``century(19)`` is 1900–1999 ('siglo XX')."""
    return Period(
        date(cen * 100, 1, 1), date(cen * 100 + 99, 12, 31), "century", f"{cen:02d}", f"{cen:02d}XX"
    )


def quarter(y: int, q: int) -> Period:
    """A quarter (TIMEX3 ``1941-Q1``; EDTF as a month interval, level 1 has no quarters)."""
    m0 = 3 * (q - 1) + 1
    return Period(
        date(y, m0, 1),
        date(y, m0 + 2, last_day(y, m0 + 2)),
        "quarter",
        f"{_y(y)}-Q{q}",
        f"{_y(y)}-{m0:02d}/{_y(y)}-{m0 + 2:02d}",
    )


def half(y: int, h: int) -> Period:
    """A half year (TIMEX3 ``1941-H2``)."""
    m0 = 6 * (h - 1) + 1
    return Period(
        date(y, m0, 1),
        date(y, m0 + 5, last_day(y, m0 + 5)),
        "half",
        f"{_y(y)}-H{h}",
        f"{_y(y)}-{m0:02d}/{_y(y)}-{m0 + 5:02d}",
    )


def season(y: int, code: str, edtf_code: int, start_md: str, end_md: str) -> Period:
    """A season of a year; a season whose end comes before its start runs into ``y + 1``."""
    sm, sd = (int(x) for x in start_md.split("-"))
    em, ed = (int(x) for x in end_md.split("-"))
    end_year = y + 1 if (em, ed) < (sm, sd) else y
    return Period(
        date(y, sm, sd), date(end_year, em, ed), "season", f"{_y(y)}-{code}", f"{_y(y)}-{edtf_code}"
    )


def week(d: date) -> Period:
    """The ISO week containing a day (TIMEX3 ``1945-W32``; EDTF as a day interval)."""
    iso_year, iso_week, iso_day = d.isocalendar()
    start = d - timedelta(days=iso_day - 1)
    end = start + timedelta(days=6)
    return Period(start, end, "week", f"{iso_year:04d}-W{iso_week:02d}", f"{start}/{end}")


def at_gran(d: date, gran: str) -> Period:
    """The period of granularity ``gran`` containing day ``d``."""
    if gran == "day":
        return day(d.year, d.month, d.day)
    if gran == "week":
        return week(d)
    if gran == "month":
        return month(d.year, d.month)
    if gran == "decade":
        return decade(d.year // 10)
    if gran == "century":
        return century(d.year // 100)
    return year(d.year)


def edtf_start(p: Period) -> str:
    """EDTF of the first part of a period, at a natural precision."""
    if "/" in p.edtf:
        return p.edtf.split("/")[0]
    if p.gran in {"day", "month", "year"}:
        return p.edtf
    if p.gran in {"decade", "century"}:
        return _y(p.start.year)
    return p.start.isoformat()


def edtf_end(p: Period) -> str:
    """EDTF of the last part of a period, at a natural precision."""
    if "/" in p.edtf:
        return p.edtf.split("/")[1]
    if p.gran in {"day", "month", "year"}:
        return p.edtf
    if p.gran in {"decade", "century"}:
        return _y(p.end.year)
    return p.end.isoformat()


def interval(a: Period, b: Period) -> Period:
    """The range from ``a`` to ``b`` (one expression: 'entre 1937 y 1945')."""
    lo, hi = edtf_start(a), edtf_end(b)
    text = lo if lo == hi else f"{lo}/{hi}"
    return Period(a.start, b.end, "interval", text, text)


def from_bounds(start: date, end: date) -> Period:
    """The tightest named period for two days (a month, a quarter, a year…), else an interval.

    >>> from_bounds(date(1941, 1, 1), date(1941, 3, 31)).value
    '1941-Q1'
    >>> from_bounds(date(1945, 4, 1), date(1946, 3, 31)).value
    '1945-04/1946-03'
    """
    if start == end:
        return day(start.year, start.month, start.day)
    full_months = start.day == 1 and end.day == last_day(end.year, end.month)
    if full_months and start.year == end.year:
        if start.month == end.month:
            return month(start.year, start.month)
        if start.month == 1 and end.month == 12:
            return year(start.year)
        if start.month % 3 == 1 and end.month == start.month + 2:
            return quarter(start.year, start.month // 3 + 1)
        if start.month in {1, 7} and end.month == start.month + 5:
            return half(start.year, start.month // 6 + 1)
    if full_months and start.month == 1 and end.month == 12:
        if start.year % 10 == 0 and end.year == start.year + 9:
            return decade(start.year // 10)
        if start.year % 100 == 0 and end.year == start.year + 99:
            return century(start.year // 100)
        text = f"{_y(start.year)}/{_y(end.year)}"
        return Period(start, end, "interval", text, text)
    if full_months:
        text = f"{_y(start.year)}-{start.month:02d}/{_y(end.year)}-{end.month:02d}"
        return Period(start, end, "interval", text, text)
    text = f"{start.isoformat()}/{end.isoformat()}"
    return Period(start, end, "interval", text, text)


def parse_edtf_period(text: str) -> Period | None:
    """A period from simple EDTF (``1941``, ``1941-06``, ``1941-06-22``, ``a/b``), as the
    gazetteer writes event dates; None for anything fancier.

    >>> parse_edtf_period("1939-05-11/1939-09-16").end
    datetime.date(1939, 9, 16)
    """
    if "/" in text:
        left, right = text.split("/", 1)
        a, b = parse_edtf_period(left), parse_edtf_period(right)
        return interval(a, b) if a and b else None
    parts = text.strip().split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(nums) == 1:
        return year(nums[0])
    if len(nums) == 2 and 1 <= nums[1] <= 12:
        return month(nums[0], nums[1])
    if len(nums) == 3:
        try:
            return day(nums[0], nums[1], nums[2])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------- mods


def _sub_units(p: Period) -> tuple[str, list[tuple[date, date]]]:
    """The sub-units START/MID/END choose among: years, months or days."""
    if p.gran in {"decade", "century"} or (p.gran == "interval" and p.end.year > p.start.year + 1):
        return "year", [
            (date(y, 1, 1), date(y, 12, 31)) for y in range(p.start.year, p.end.year + 1)
        ]
    if p.gran in {"year", "quarter", "half"} or (
        p.gran == "interval" and p.start.day == 1 and p.end.month != p.start.month
    ):
        units = []
        d = date(p.start.year, p.start.month, 1)
        while d <= p.end:
            units.append((d, date(d.year, d.month, last_day(d.year, d.month))))
            d = add_months(d, 1)
        return "month", units
    n = (p.end - p.start).days + 1
    return "day", [(p.start + timedelta(days=i), p.start + timedelta(days=i)) for i in range(n)]


def part(p: Period, mod: str, parts: dict[str, tuple[float, float]] | None = None) -> Period:
    """The START, MID or END third of a period, as an interval at the sub-unit precision."""
    if p.gran == "day":
        return p
    lo_f, hi_f = (parts or DEFAULT_PARTS)[mod]
    kind, units = _sub_units(p)
    n = len(units)
    # days of a month are cut as 1-10, 11-20, 21-end, whatever the month's length
    n_eff = 30 if kind == "day" and 28 <= n <= 31 else n
    lo = min(round(n_eff * lo_f), n - 1)
    hi = n - 1 if hi_f >= 1.0 else max(lo, round(n_eff * hi_f) - 1)
    a, b = units[lo][0], units[hi][1]
    if kind == "year":
        lo_s, hi_s = _y(a.year), _y(b.year)
    elif kind == "month":
        lo_s, hi_s = f"{_y(a.year)}-{a.month:02d}", f"{_y(b.year)}-{b.month:02d}"
    else:
        lo_s, hi_s = a.isoformat(), b.isoformat()
    text = lo_s if lo_s == hi_s else f"{lo_s}/{hi_s}"
    return Period(a, b, "interval", p.value, text)


_MARGIN = {
    "day": ("day", 1),
    "week": ("week", 1),
    "month": ("month", 1),
    "season": ("month", 1),
    "quarter": ("month", 1),
    "half": ("month", 2),
    "year": ("year", 1),
    "interval": ("year", 1),
    "decade": ("year", 3),
    "century": ("year", 10),
}


def _approx_edtf(text: str) -> str:
    return "/".join(x if x in {"..", ""} or x.endswith("~") else f"{x}~" for x in text.split("/"))


def _before(p: Period) -> str:
    """EDTF of the unit just before a period ('antes de 1940' → ../1939)."""
    s = edtf_start(p)
    if p.gran == "year" or (len(s) == 4 and s.isdigit()):
        return _y(p.start.year - 1)
    if len(s) == 7:
        d = add_months(p.start, -1)
        return f"{_y(d.year)}-{d.month:02d}"
    return (p.start - timedelta(days=1)).isoformat()


def _after(p: Period) -> str:
    """EDTF of the unit just after a period ('después de 1945' → 1946/..)."""
    s = edtf_end(p)
    if p.gran == "year" or (len(s) == 4 and s.isdigit()):
        return _y(p.end.year + 1)
    if len(s) == 7:
        d = add_months(date(p.end.year, p.end.month, 1), 1)
        return f"{_y(d.year)}-{d.month:02d}"
    return (p.end + timedelta(days=1)).isoformat()


def to_timex(
    p: Period,
    mod: str | None = None,
    *,
    anchor: str | None = None,
    type_: TimexType = "DATE",
    inner: tuple[str, ...] = (),
    parts: dict[str, tuple[float, float]] | None = None,
) -> TimexValue:
    """The span value of a period under ``inner`` mods (applied first) and an outer ``mod``.

    TIMEX3 keeps one mod: the outermost one is reported ('desde principios de 1941' is
    ON_OR_AFTER, with bounds computed from the START third).
    """
    value = p.value
    for m in (*inner, *([mod] if mod else [])):
        if m in {"START", "MID", "END"}:
            p = part(p, m, parts)
    edtf = p.edtf
    earliest: date | None = p.start
    latest: date | None = p.end
    if mod == "APPROX":
        unit, n = _MARGIN[p.gran]
        earliest, latest = shift(p.start, unit, -n), shift(p.end, unit, n)
        edtf = _approx_edtf(edtf)
    elif mod == "BEFORE":
        earliest, latest, edtf = None, p.start - timedelta(days=1), f"../{_before(p)}"
    elif mod == "AFTER":
        earliest, latest, edtf = p.end + timedelta(days=1), None, f"{_after(p)}/.."
    elif mod == "ON_OR_AFTER":
        latest, edtf = None, f"{edtf_start(p)}/.."
    elif mod == "ON_OR_BEFORE":
        earliest, edtf = None, f"../{edtf_end(p)}"
    reported = mod or (inner[-1] if inner else None)
    if reported in {"START", "MID", "END"} and p.gran != "interval":
        reported = None  # a day has no third
    return TimexValue(
        type=type_,
        value=value,
        edtf=edtf,
        earliest=earliest.isoformat() if earliest else None,
        latest=latest.isoformat() if latest else None,
        mod=reported,
        anchor=anchor,
    )
