"""Resolve specs into values against the document's running reference time.

Expressions are resolved in text order. Every resolved date that names a year (a day, a
month, a season, a year, a range…) becomes the reference; an underspecified date
('el 9 de agosto') takes its year from the reference and says so in ``anchor``
(``year from 'julio de 1945' at 1203``), and a relative one ('al año siguiente', 'dos días
después', 'ese mismo mes') steps from it (``relative to '…' at …``). Event anchors take the
gazetteer date of the event (``event bat.khalkhin-gol``). Durations and sets do not move the
reference; nor do 'antes de 1940' and 'después de 1945' (the year named is not the time
spoken of), while 'desde 1925' and 'hasta 1945' do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from jsr_nlp.analysis.dates import value as V
from jsr_nlp.analysis.dates.read import duration_value
from jsr_nlp.analysis.dates.specs import (
    DeixisSpec,
    DurationSpec,
    EventSpec,
    Expr,
    NowSpec,
    OffsetSpec,
    PointSpec,
    RangeSpec,
    SetSpec,
)
from jsr_nlp.analysis.dates.value import Period, TimexValue
from jsr_nlp.analysis.dates.vocab import DatesVocab


@dataclass(frozen=True)
class Reference:
    """The running reference time: a period and the expression it came from."""

    period: Period
    text: str
    offset: int

    def where(self) -> str:
        """How an anchor names it."""
        return self.text if self.offset < 0 else f"{self.text!r} at {self.offset}"


class Resolver:
    """Turns the expressions of one document, in order, into :class:`TimexValue` values."""

    def __init__(self, vocab: DatesVocab, *, document_date: date | None = None) -> None:
        self.v = vocab
        self.dct = document_date
        self.ref: Reference | None = None
        self.parts: dict[str, tuple[float, float]] = {
            str(k): v for k, v in vocab.part_bounds.items()
        }
        self._here = 0
        if document_date is not None:  # TIMEX3: the document date is the first reference
            self.ref = Reference(V.day(*_ymd(document_date)), "document date", -1)

    def _near_ref(self) -> Reference | None:
        """The reference, if close enough for a relative expression to step from it."""
        if self.ref is None:
            return None
        if self.ref.offset >= 0 and self._here - self.ref.offset > self.v.settings.relative_reach:
            return None
        return self.ref

    # ---------------------------------------------------------------- entry point

    def resolve(self, e: Expr, text: str, offset: int) -> TimexValue | None:
        """The value of one expression (``text``/``offset``: its surface, for anchors)."""
        mods = list(e.mods)
        if "APPROX" in mods and any(m in {"START", "MID", "END"} for m in mods):
            mods.remove("APPROX")  # 'hacia finales de 1944': the third is the information
        mod = mods[-1] if mods else None
        inner = tuple(m for m in mods[:-1] if m in {"START", "MID", "END"})
        self._here = offset
        spec = e.spec
        result: tuple[Period | TimexValue | None, str | None]
        if isinstance(spec, PointSpec) and e.year_from is not None:
            year_of, anchor = self._deixis(e.year_from)
            if isinstance(year_of, Period):
                spec = PointSpec(**{**spec.__dict__, "year": year_of.start.year})
                found, _ = self._point(spec)
                result = (found, anchor)
            else:
                result = self._point(spec)
        elif isinstance(spec, PointSpec):
            result = self._point(spec)
        elif isinstance(spec, RangeSpec):
            result = self._range(spec)
        elif isinstance(spec, DeixisSpec):
            result = self._deixis(spec)
        elif isinstance(spec, OffsetSpec):
            return self._offset(spec, e, text, offset, mod)
        elif isinstance(spec, EventSpec):
            return self._event(spec, mod)
        elif isinstance(spec, DurationSpec):
            return self._duration(spec, mod)
        elif isinstance(spec, SetSpec):
            return TimexValue("SET", spec.value)
        elif isinstance(spec, NowSpec):
            return self._now(spec)
        else:
            return None
        found, anchor = result
        if found is None or isinstance(found, TimexValue):
            return found
        return self._finish(found, spec, mod, inner, anchor, text, offset)

    def _finish(
        self,
        p: Period,
        spec: object,
        mod: str | None,
        inner: tuple[str, ...],
        anchor: str | None,
        text: str,
        offset: int,
    ) -> TimexValue:
        if isinstance(spec, PointSpec) and (spec.hour is not None or spec.daypart):
            return self._time(p, spec, anchor, text, offset)
        tv = V.to_timex(p, mod, anchor=anchor, inner=inner, parts=self.parts)
        if mod not in {"BEFORE", "AFTER"} and V.GRAN_ORDER[p.gran] <= V.GRAN_ORDER["year"]:
            self.ref = Reference(p if p.gran != "interval" else _last(p), text, offset)
        return tv

    # ---------------------------------------------------------------- points

    def _point(self, s: PointSpec) -> tuple[Period | TimexValue | None, str | None]:
        anchor: str | None = None
        if s.century is not None:
            base: Period | None = V.century(s.century)
        elif s.decade is not None:
            base = V.decade(s.decade)
        elif s.decade_tens is not None:
            cen = self.ref.period.start.year // 100 if self.ref else self.v.settings.default_century
            base = V.decade(cen * 10 + s.decade_tens)
            anchor = (
                f"century from {self.ref.where()}"
                if self.ref
                else f"century {cen:02d}xx assumed (default)"
            )
        else:
            y = s.year
            if s.day is not None and s.month is None and s.year is None:
                ref = self.ref
                if ref is None or V.GRAN_ORDER[ref.period.gran] > V.GRAN_ORDER["month"]:
                    return TimexValue("DATE", f"XXXX-XX-{s.day:02d}"), None
                try:
                    got = V.day(ref.period.start.year, ref.period.start.month, s.day)
                except ValueError:
                    return None, None
                return got, f"month from {ref.where()}"
            if y is None and (s.month or s.season or s.partition or s.day):
                if self.ref is None or self.ref.period.gran in {"decade", "century"}:
                    return self._unresolved(s), None
                y = self.ref.period.start.year
                anchor = f"year from {self.ref.where()}"
            if y is None:
                if s.hour is not None and self.ref and self.ref.period.gran == "day":
                    return self.ref.period, f"day from {self.ref.where()}"
                return self._unresolved(s), None
            base = self._calendar(y, s)
            if base is None:
                return None, None
        if s.partition and base is not None:
            base = self._partition(base, s.partition)
        return base, anchor

    def _calendar(self, y: int, s: PointSpec) -> Period | None:
        try:
            if s.season:
                ss = self.v.seasons[s.season]
                return V.season(y, ss.timex, ss.edtf, ss.start, ss.end)
            if s.month and s.day:
                return V.day(y, s.month, s.day)
            if s.month:
                return V.month(y, s.month)
        except ValueError:
            return None
        return V.year(y)

    def _partition(self, base: Period, part: tuple[int, str]) -> Period:
        k, noun = part
        spec = self.v.partitions[noun]
        if spec.days:
            total = (base.end - base.start).days + 1
            count = max(1, -(-total // spec.days))
            idx = count - 1 if k < 0 else min(k, count) - 1
            if k < 0:
                end = base.end
                start = max(base.start, end - timedelta(days=spec.days - 1))
            else:
                start = base.start + timedelta(days=spec.days * idx)
                end = min(base.end, start + timedelta(days=spec.days - 1))
            return V.from_bounds(start, end)
        n = spec.parts or 1
        idx = n - 1 if k < 0 else min(k, n) - 1
        if base.gran in {"decade", "century"}:
            years = base.end.year - base.start.year + 1
            a = base.start.year + years * idx // n
            b = base.start.year + years * (idx + 1) // n - 1
            return V.from_bounds(date(a, 1, 1), date(b, 12, 31))
        if (
            base.gran == "year"
        ):  # the base is a century, a decade, a year, a season, a month or a day
            a_m = 12 * idx // n
            b_m = 12 * (idx + 1) // n - 1
            start = V.add_months(base.start, a_m)
            end_first = V.add_months(base.start, b_m)
            end = date(end_first.year, end_first.month, V.last_day(end_first.year, end_first.month))
            return V.from_bounds(start, end)
        total = (base.end - base.start).days + 1
        start = base.start + timedelta(days=total * idx // n)
        end = base.start + timedelta(days=total * (idx + 1) // n - 1)
        return V.from_bounds(start, end)

    def _unresolved(self, s: PointSpec) -> TimexValue:
        """A date with no year to be found: TIMEX3 X placeholders ('XXXX-08-09')."""
        if s.season:
            return TimexValue("DATE", f"XXXX-{self.v.seasons[s.season].timex}")
        if s.month and s.day:
            v = f"XXXX-{s.month:02d}-{s.day:02d}"
            return TimexValue("DATE", v, v)
        if s.month:
            v = f"XXXX-{s.month:02d}"
            return TimexValue("DATE", v, v)
        if s.weekday:
            return TimexValue("DATE", f"XXXX-WXX-{s.weekday}")
        if s.hour is not None:
            return TimexValue("TIME", f"XXXX-XX-XXT{s.hour:02d}:{s.minute or 0:02d}")
        if s.partition:
            k, noun = s.partition
            if self.v.partitions[noun].parts == 4:
                return TimexValue("DATE", f"XXXX-Q{k if k > 0 else 4}")
            return TimexValue("DATE", "XXXX")
        return TimexValue("DATE", "XXXX")

    def _time(
        self, p: Period, s: PointSpec, anchor: str | None, text: str, offset: int
    ) -> TimexValue:
        day_iso = p.start.isoformat() if p.gran == "day" else None
        if day_iso is None:
            return TimexValue("TIME", f"{p.value}T{s.daypart or 'XX'}", anchor=anchor)
        self.ref = Reference(p, text, offset)  # the day it names is the reference from now on
        if s.hour is not None:
            hm = f"{s.hour:02d}:{s.minute or 0:02d}"
            return TimexValue(
                "TIME", f"{day_iso}T{hm}", f"{day_iso}T{hm}:00", day_iso, day_iso, None, anchor
            )
        return TimexValue("TIME", f"{day_iso}T{s.daypart}", day_iso, day_iso, day_iso, None, anchor)

    def _range(self, r: RangeSpec) -> tuple[Period | TimexValue | None, str | None]:
        left, right = r.left, r.right
        if left.day is not None and left.month is None and right.month is not None:
            left = PointSpec(**{**left.__dict__, "month": right.month})
        if left.year is None and right.year is not None and (left.month or left.season):
            bump = (left.month or 0) > (right.month or 13)
            left = PointSpec(**{**left.__dict__, "year": right.year - (1 if bump else 0)})
        if right.year is None and left.year is not None and (right.month or right.season):
            # the year of the start; a year on if that puts the end first (below)
            right = PointSpec(**{**right.__dict__, "year": left.year})
        a, anchor = self._point(left)
        b, anchor_b = self._point(right)
        if (
            isinstance(a, Period)
            and isinstance(b, Period)
            and r.right.year is None  # a year the text gives is kept, even if it runs backwards
            and b.end < a.start
        ):
            b, _ = self._point(PointSpec(**{**right.__dict__, "year": a.start.year + 1}))
        if not isinstance(a, Period) or not isinstance(b, Period):
            la = a.value if isinstance(a, (Period, TimexValue)) else "XXXX"
            lb = b.value if isinstance(b, (Period, TimexValue)) else "XXXX"
            return TimexValue("DATE", f"{la}/{lb}"), None
        return V.interval(a, b), anchor or anchor_b

    # ---------------------------------------------------------------- relative

    def _deixis(self, d: DeixisSpec) -> tuple[Period | TimexValue | None, str | None]:
        ref = self._near_ref()
        if ref is None:
            placeholder = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "week": "XXXX-WXX"}
            value = placeholder.get(d.unit_step or "", "XXXX")
            if d.season:
                value = f"XXXX-{self.v.seasons[d.season].timex}"
            return TimexValue("DATE", value), None
        anchor = f"relative to {ref.where()}"
        p = ref.period
        if d.noun == "reference":
            return p, anchor
        if d.noun == "season" and d.season:
            ss = self.v.seasons[d.season]
            y = p.start.year
            cand = V.season(y, ss.timex, ss.edtf, ss.start, ss.end)
            if d.step > 0 and cand.start <= p.end:
                cand = V.season(y + 1, ss.timex, ss.edtf, ss.start, ss.end)
            elif d.step < 0 and cand.end >= p.start:
                cand = V.season(y - 1, ss.timex, ss.edtf, ss.start, ss.end)
            return cand, anchor
        step = d.unit_step or "day"
        if V.GRAN_ORDER[p.gran] > V.GRAN_ORDER[step] and step != "decade":  # nothing > century
            return self._coarse(p, step, d.step), anchor
        if d.step == 0:
            found = V.at_gran(p.start, step)
        else:
            base = p.end if d.step > 0 else p.start
            found = V.at_gran(V.shift(base, step, d.step), step)
        if d.daypart:  # 'esa noche', 'a la mañana siguiente': a TIME on that day
            iso = found.start.isoformat()
            return TimexValue("TIME", f"{iso}T{d.daypart}", iso, iso, iso, None, anchor), None
        return found, anchor

    def _coarse(self, p: Period, step: str, n: float) -> TimexValue:
        """A step finer than the reference ('ese día' after 'agosto de 1945'): X the missing
        parts, and shift the reference's bounds."""
        if step == "day" and p.gran == "month":
            value = f"{p.value}-XX"
        elif step in {"day", "week", "month"} and p.gran in {"year", "season"}:
            value = f"{p.start.year:04d}-XX" + ("-XX" if step == "day" else "")
        else:
            value = p.value
        lo, hi = V.shift(p.start, step, n), V.shift(p.end, step, n)
        return TimexValue(
            "DATE", value, value if "W" not in value else None, lo.isoformat(), hi.isoformat()
        )

    def _offset(
        self, o: OffsetSpec, e: Expr, text: str, offset: int, mod: str | None
    ) -> TimexValue | None:
        if o.writing_time:
            return self._now(NowSpec("PAST_REF"))
        if o.event is not None:
            base = V.parse_edtf_period(o.event.date)
            anchor = f"event {o.event.id}"
        elif isinstance(o.point, Expr) and isinstance(o.point.spec, PointSpec):
            got, _ = self._point(o.point.spec)
            base = got if isinstance(got, Period) else None
            anchor = f"relative to {text!r} at {offset}"
        elif self._near_ref() is not None:
            assert self.ref is not None
            base = self.ref.period
            anchor = f"relative to {self.ref.where()}"
        else:
            base, anchor = None, None
        dur = o.duration
        if base is None:
            return TimexValue("DATE", "XXXX", mod=mod if mod in {"APPROX"} else None)
        if dur.amount is None:  # 'algunas semanas antes': open on the far side
            open_mod = "AFTER" if o.direction > 0 else "BEFORE"
            edge = V.day(*_ymd(base.end if o.direction > 0 else base.start))
            return V.to_timex(edge if base.gran == "interval" else base, open_mod, anchor=anchor)
        step = dur.unit.step
        n = dur.amount * dur.unit.factor * o.direction
        if V.GRAN_ORDER[base.gran] > V.GRAN_ORDER[step] and step != "decade":  # nothing > century
            lo, hi = V.shift(base.start, step, n), V.shift(base.end, step, n)
            p = V.from_bounds(lo, hi)
        else:
            anchor_day = base.end if o.direction > 0 else base.start
            # hours and minutes never get here: every base is a day or coarser
            p = V.at_gran(V.shift(anchor_day, _counted_in(step), n), step)
        tv = V.to_timex(p, "APPROX" if mod == "APPROX" else None, anchor=anchor)
        self.ref = Reference(p, text, offset)
        return tv

    def _event(self, ev: EventSpec, mod: str | None) -> TimexValue | None:
        base = V.parse_edtf_period(ev.event.date)
        if base is None:
            return None
        if ev.part == "START" or (ev.part is None and mod in {"BEFORE", "ON_OR_AFTER"}):
            base = V.day(*_ymd(base.start)) if base.gran == "interval" else base
        elif ev.part == "END" or (ev.part is None and mod in {"AFTER", "ON_OR_BEFORE"}):
            base = V.day(*_ymd(base.end)) if base.gran == "interval" else base
        # the base is now a day, a month or a year, whose value is its first and last part
        return V.to_timex(base, mod, anchor=f"event {ev.event.id}")

    def _duration(self, d: DurationSpec, mod: str | None) -> TimexValue:
        value = duration_value(d.amount, d.unit.timex, d.unit.factor, d.unit.time)
        if mod == "WRITING":  # 'hace dos años': from the document date, if one is known
            if self.dct is None or d.amount is None:
                return TimexValue("DATE", "PAST_REF", anchor="time of writing")
            back = V.shift(self.dct, _counted_in(d.unit.step), -d.amount * d.unit.factor)
            p = V.at_gran(back, "day" if d.unit.step in {"hour", "minute"} else d.unit.step)
            return V.to_timex(p, anchor="document date")
        return TimexValue("DURATION", value, mod=mod)

    def _now(self, n: NowSpec) -> TimexValue:
        if self.dct is not None and n.value == "PRESENT_REF":
            iso = self.dct.isoformat()
            return TimexValue("DATE", iso, iso, iso, iso, None, "document date")
        return TimexValue("DATE", n.value)


def _counted_in(step: str) -> str:
    """The unit a duration's amount times its factor counts: years for decades and centuries
    ('dos décadas' is 2 × 10 years, not 20 decades)."""
    return "year" if step in {"decade", "century"} else step


def _ymd(d: date) -> tuple[int, int, int]:
    return d.year, d.month, d.day


def _last(p: Period) -> Period:
    """The last named part of an interval (the reference after 'entre 1937 y 1945' is 1945)."""
    end = p.edtf.split("/")[-1]
    return V.parse_edtf_period(end) or V.day(*_ymd(p.end))
