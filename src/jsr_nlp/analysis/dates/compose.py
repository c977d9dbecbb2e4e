"""Join matched pieces into whole expressions and extend them with the words around them.

The Matcher finds cores ('1945', '9 de agosto', 'tres meses'); composition, in this order:

1. drops bare years that are counts, pages or phone numbers (``[year]`` rules);
2. joins ranges: opener? FROM joiner TO ('entre 1937 y 1945', 'del 9 al 20 de agosto');
3. attaches heads to the period after 'de/del' ('el primer trimestre de 1941', 'la noche del 8');
4. extends left with modifiers, approximators and signals ('a finales de', 'hacia', 'desde'),
   or, for durations, quantity words ('unos', 'más de') and 'hace';
5. extends right: 'en adelante'; and turns a duration followed by 'después/antes' into an
   offset, anchored on an event ('tres meses después de la derrota de Alemania'), on a date
   ('dos años antes de 1941') or on the running reference ('dos días después');
6. adds signal + event expressions ('tras el inicio de la Operación Barbarroja').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jsr_nlp.analysis.dates.specs import (
    DeixisSpec,
    DurationSpec,
    EventRef,
    EventSpec,
    Expr,
    OffsetSpec,
    PointSpec,
    RangeSpec,
)
from jsr_nlp.analysis.dates.vocab import DatesVocab

Phrases = list[tuple[tuple[str, ...], str]]
_DETS = {"el", "la", "los", "las"}


class Composer:
    """Composition passes over one document's cores (tables compiled once per vocabulary)."""

    def __init__(self, vocab: DatesVocab) -> None:
        self.v = vocab
        self.modifiers = vocab.phrases(vocab.modifiers)
        self.approx = vocab.phrases(vocab.approximators)
        self.signals = vocab.phrases(vocab.signals)
        self.qmods = vocab.phrases(vocab.quantity_modifiers)
        self.writing = vocab.phrases({"WRITING": tuple(vocab.writing_time_offsets)})
        self.suffixes = vocab.phrases(vocab.point_suffixes)
        self.offsets = vocab.phrases({"AFTER": vocab.offsets.after, "BEFORE": vocab.offsets.before})
        self.event_parts = vocab.phrases(vocab.event_parts)
        self.fillers = set(vocab.range_fillers.words)
        self.list_words = set(vocab.lists.words)
        self.not_after = {p.lower() for p in vocab.year.not_after}
        self.not_before = set(vocab.year.not_before)
        self.number_rx = re.compile(vocab.year.number_neighbours)
        self.strong = set(vocab.year.strong_context)

    # ---------------------------------------------------------------- helpers

    @staticmethod
    def _before(lows: Sequence[str], at: int, phrases: Phrases, limit: int) -> tuple[int, str]:
        """Longest phrase ending right before token ``at`` and starting at or after ``limit``."""
        if at <= limit:
            return 0, ""
        for toks, label in _by_edge(phrases, last=True).get(lows[at - 1], ()):
            k = len(toks)
            if at - k >= limit and tuple(lows[at - k : at]) == toks:
                return k, label
        return 0, ""

    @staticmethod
    def _after(lows: Sequence[str], at: int, phrases: Phrases, limit: int) -> tuple[int, str]:
        """Longest phrase starting at token ``at`` and ending at or before ``limit``."""
        if at >= limit:
            return 0, ""
        for toks, label in _by_edge(phrases, last=False).get(lows[at], ()):
            k = len(toks)
            if at + k <= limit and tuple(lows[at : at + k]) == toks:
                return k, label
        return 0, ""

    def year_blocked(self, lows: Sequence[str], start: int, end: int) -> bool:
        """Is the bare year at ``start:end`` a measure, a page or a phone number?"""
        n = len(lows)
        if end < n and self.number_rx.match(lows[end]):
            return True
        if start > 0 and self.number_rx.match(lows[start - 1]):
            return True
        for at in (start, start - 1):
            for k in (1, 2, 3):  # 'pp.' may be one token or two ('pp', '.')
                if at - k < 0:
                    break
                words = lows[at - k : at]
                if " ".join(words) in self.not_after or "".join(words) in self.not_after:
                    return True
        return False

    def counted(self, lows: Sequence[str], start: int, end: int) -> bool:
        """Is the bare year at ``start:end`` followed by a count noun ('1945 soldados') after a
        weak context ('de', 'hasta', none)? Strong contexts ('en', 'desde') keep the year."""
        if end >= len(lows) or lows[end] not in self.not_before:
            return False
        return not (start > 0 and lows[start - 1] in self.strong)

    def drop_counts(self, exprs: list[Expr]) -> list[Expr]:
        """After ranges are joined: bare years still followed by a count noun are counts."""
        return [e for e in exprs if not e.counted]

    # ---------------------------------------------------------------- passes

    def ranges(self, lows: Sequence[str], exprs: list[Expr]) -> list[Expr]:
        """Join FROM and TO into one range expression when a frame encloses them."""
        out: list[Expr] = []
        i = 0
        while i < len(exprs):
            a = exprs[i]
            b = exprs[i + 1] if i + 1 < len(exprs) else None
            joined = self._frame(lows, a, b) if b is not None else None
            if joined is not None:
                out.append(joined)
                i += 2
                continue
            if b is not None:
                self._list(lows, a, b)
            out.append(a)
            i += 1
        return out

    def _list(self, lows: Sequence[str], a: Expr, b: Expr) -> None:
        """'el 6 y el 9 de agosto de 1945', 'en 1938 y 1939': share parts right to left, and
        a list item after a date is a date."""
        if not (isinstance(a.spec, PointSpec) and isinstance(b.spec, PointSpec)):
            return
        gap = lows[a.end : b.start]
        if not gap or gap[0] not in self.list_words or any(w not in self.fillers for w in gap[1:]):
            return
        if a.standalone and a.kind == "date" and not b.standalone and b.kind == "date":
            b.standalone = True
        if a.kind == "day_only" and b.spec.month is not None and b.standalone:
            a.spec = a.spec.merged(PointSpec(month=b.spec.month, year=b.spec.year))
            a.kind, a.standalone = "date", True
        elif (
            a.kind == "date"
            and b.standalone
            and a.spec.year is None
            and b.spec.year
            and (a.spec.month or a.spec.season)
        ):
            a.spec = a.spec.merged(PointSpec(year=b.spec.year))

    def _frame(self, lows: Sequence[str], a: Expr, b: Expr) -> Expr | None:
        if not (isinstance(a.spec, PointSpec) and isinstance(b.spec, PointSpec)):
            return None
        if a.kind not in {"date", "day_only"} or b.kind != "date":
            return None
        if a.spec.partition or b.spec.partition:
            return None
        gap = lows[a.end : b.start]
        if not gap or any(w not in self.fillers for w in gap[1:]):
            return None
        if a.kind == "day_only" and b.spec.month is None:
            return None
        for frame in self.v.range_frame:
            if gap[0] not in frame.join:
                continue
            if frame.open == ("",):
                if len(gap) > 1 or (a.spec.year is None and b.spec.year is None):
                    continue
                start = a.start
            else:
                k = a.start - 1
                while k >= 0 and lows[k] in self.fillers:
                    k -= 1
                if k < 0 or lows[k] not in frame.open:
                    continue
                start = k
            return Expr(start, b.end, RangeSpec(a.spec, b.spec), "range")
        return None

    def heads(self, lows: Sequence[str], exprs: list[Expr]) -> list[Expr]:
        """'el primer trimestre' + 'de 1941', 'la noche' + 'del 8 de agosto', 'a las 5' + 'del…'."""
        out: list[Expr] = []
        i = 0
        while i < len(exprs):
            a = exprs[i]
            b = exprs[i + 1] if i + 1 < len(exprs) else None
            if (
                b is not None
                and isinstance(a.spec, PointSpec)
                and isinstance(b.spec, DeixisSpec)
                and a.kind == "date"
                and a.spec.year is None
                and (a.spec.month or a.spec.season)
                and b.spec.unit_step == "year"
                and lows[a.end : b.start] in (["de"], ["del"])
            ):  # 'el 20 de enero de ese año'
                out.append(Expr(a.start, b.end, a.spec, "date", mods=a.mods, year_from=b.spec))
                i += 2
                continue
            if a.kind in {"partition", "daypart", "time"} and b is not None:
                link = lows[a.end : b.start]
                opens_with_de = not link and lows[b.start] in {"de", "del"}
                if isinstance(b.spec, PointSpec) and b.kind == "date" and link in (["de"], ["del"]):
                    assert isinstance(a.spec, PointSpec)
                    out.append(Expr(a.start, b.end, b.spec.merged(a.spec), "date", mods=b.mods))
                    i += 2
                    continue
                if isinstance(b.spec, RangeSpec) and (link in (["de"], ["del"]) or opens_with_de):
                    out.append(Expr(a.start, b.end, b.spec, "range"))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def extend_left(self, lows: Sequence[str], exprs: list[Expr]) -> list[Expr]:
        """Modifiers, approximators and signals; quantity words and 'hace' for durations."""
        dropped: set[int] = set()
        for idx, e in enumerate(exprs):
            prev = exprs[idx - 1] if idx else None
            limit = prev.end if prev else 0
            soft = prev is not None and prev.kind in {"duration"}
            if isinstance(e.spec, DurationSpec):
                stages = [self.qmods, self.writing]
            elif isinstance(e.spec, RangeSpec):
                stages = [self.modifiers, self.approx]
            elif isinstance(e.spec, (PointSpec, DeixisSpec)):
                stages = [self.modifiers, self.approx, self.signals]
            else:
                continue
            for table in stages:
                lim = prev.start if soft and prev else limit
                k, label = self._before(lows, e.start, table, lim)
                if not k:
                    continue
                if prev is not None and e.start - k < prev.end:
                    if not (soft and e.start - k <= prev.start):
                        continue
                    dropped.add(idx - 1)
                e.start -= k
                e.mods.append(label)
        return [e for i, e in enumerate(exprs) if i not in dropped]

    def extend_right(
        self, lows: Sequence[str], exprs: list[Expr], events: Sequence[EventRef]
    ) -> list[Expr]:
        """'en adelante' after dates; 'después'/'antes' (+ event or date) after durations."""
        n = len(lows)
        out: list[Expr] = []
        skip: set[int] = set()
        by_start = {e.start: e for e in events}
        for idx, e in enumerate(exprs):
            if idx in skip:
                continue
            nxt = exprs[idx + 1] if idx + 1 < len(exprs) else None
            limit = nxt.start if nxt else n
            if isinstance(e.spec, (PointSpec, RangeSpec, DeixisSpec)):
                k, label = self._after(lows, e.end, self.suffixes, limit)
                if k:
                    e.end += k
                    if not any(m in {"ON_OR_AFTER", "ON_OR_BEFORE"} for m in e.mods):
                        e.mods.append(label)
            elif isinstance(e.spec, DurationSpec) and "WRITING" not in e.mods:
                k, label = self._after(lows, e.end, self.offsets, n)
                if k and e.end + k <= limit:
                    j = e.end + k
                    direction = 1 if label == "AFTER" else -1
                    spec, end, absorbed = self._anchor(lows, j, e.spec, direction, by_start, nxt)
                    if spec is not None:
                        e = Expr(e.start, end, spec, "offset", mods=e.mods)
                        if absorbed:
                            skip.add(idx + 1)
            out.append(e)
        return out

    def _event_at(
        self, lows: Sequence[str], k: int, by_start: dict[int, EventRef]
    ) -> EventRef | None:
        """An event starting at ``k`` after optional determiners and an event-part phrase."""
        while k < len(lows) and lows[k] in _DETS:
            k += 1
        skip, _ = self._after(lows, k, self.event_parts, len(lows))
        k += skip
        while k < len(lows) and lows[k] in _DETS:
            k += 1
        return by_start.get(k)

    def _anchor(
        self,
        lows: Sequence[str],
        j: int,
        dur: DurationSpec,
        direction: int,
        by_start: dict[int, EventRef],
        nxt: Expr | None,
    ) -> tuple[OffsetSpec | None, int, bool]:
        """What a 'después'/'antes' at ``j`` counts from: (spec or None, new end, absorbed next)."""
        word = lows[j] if j < len(lows) else ""
        if word not in {"de", "del"}:
            return OffsetSpec(dur, direction), j, False
        if j + 1 < len(lows) and lows[j + 1] == "que":
            for clause_event in by_start.values():
                if j + 2 <= clause_event.start < j + 10:
                    return OffsetSpec(dur, direction, event=clause_event), j, False
            return None, j, False
        ev = self._event_at(lows, j + 1 if word == "de" else j, by_start)
        if ev is None and word == "del":
            ev = self._event_at(lows, j + 1, by_start)
        if ev is not None:
            return OffsetSpec(dur, direction, event=ev), ev.end, False
        if nxt is not None and nxt.start in {j, j + 1} and isinstance(nxt.spec, PointSpec):
            return OffsetSpec(dur, direction, point=nxt), nxt.end, True
        return None, j, False

    def events(
        self, lows: Sequence[str], exprs: list[Expr], events: Sequence[EventRef]
    ) -> list[Expr]:
        """Signal + event: 'después de Pearl Harbor', 'tras el inicio de la Operación X'."""
        taken = {i for e in exprs for i in range(e.start, e.end)}
        out = list(exprs)
        for ev in events:
            if taken.intersection(range(ev.start, ev.end)):
                continue
            k = ev.start
            while k > 0 and lows[k - 1] in _DETS:
                k -= 1
            plen, part = self._before(lows, k, self.event_parts, 0)
            k -= plen
            while plen and k > 0 and lows[k - 1] in _DETS:
                k -= 1
            slen, signal = self._before(lows, k, self.signals, 0)
            if not slen or taken.intersection(range(k - slen, k)):
                continue
            spec = EventSpec(ev, part if part in {"START", "END"} else None)
            out.append(Expr(k - slen, ev.end, spec, "event", mods=[signal]))
            taken.update(range(k - slen, ev.end))
        return sorted(out, key=lambda e: e.start)


_EDGE_CACHE: dict[tuple[int, bool], dict[str, Phrases]] = {}


def _by_edge(phrases: Phrases, *, last: bool) -> dict[str, Phrases]:
    """Phrases indexed by their last (or first) word, longest first (built once per table)."""
    key = (id(phrases), last)
    index = _EDGE_CACHE.get(key)
    if index is None:
        index = {}
        for toks, label in phrases:
            index.setdefault(toks[-1] if last else toks[0], []).append((toks, label))
        _EDGE_CACHE[key] = index
    return index
