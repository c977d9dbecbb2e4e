"""The audit trail: edits recorded against the source text, and the offset alignment.

Every stage proposes :class:`Edit` values against *its own input text*. An
:class:`EditLog` maps them back onto the source, so that the edition keeps one
invariant (the offset rule of ``ARCHITECTURE.md``)::

    replay(source, log.corrections) == log.text

Applied corrections never overlap in the source. When a later stage edits text
that an earlier stage already changed, the two are merged into one correction
whose note names both rules, so nothing is lost and replaying stays exact.

>>> log = EditLog("Rojo. . Fin")
>>> log.apply([Edit(4, 7, ".", rule="clean.doubled-punctuation", category="punctuation")])
1
>>> log.text
'Rojo. Fin'
>>> replay(log.source, log.corrections) == log.text
True
>>> align = log.alignment()
>>> align.to_source(6, 9)
(8, 11)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jsr_nlp.model import Category, Correction, Stage, replay

if TYPE_CHECKING:
    from jsr_nlp.model import Edition

__all__ = ["Alignment", "Edit", "EditLog", "replay"]


@dataclass(frozen=True, slots=True)
class Edit:
    """A change proposed by a fixer or rule, against the text that fixer was given.

    ``replacement=None`` is only meaningful for suggestions: a passage flagged
    for a human with nothing to propose.
    """

    start: int
    end: int
    replacement: str | None
    rule: str
    category: Category
    note: str = ""
    confidence: float = 1.0


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    """Whether two half-open spans overlap; an empty span counts if it touches."""
    if a < b and c < d:
        return max(a, c) < min(b, d)
    return max(a, c) <= min(b, d)


def _clean_positions(applied: Sequence[Correction]) -> tuple[list[int], list[int], list[int]]:
    """Where each applied correction's replacement sits in the clean text.

    ``applied`` is in source order. Returns the clean start and clean end of each
    replacement, and ``deltas`` where ``deltas[k]`` is clean minus source offset after the
    first ``k`` corrections. Every offset conversion of the project is built on this.
    """
    starts: list[int] = []
    ends: list[int] = []
    deltas = [0]
    delta = 0
    for c in applied:
        clean_start = c.start + delta
        starts.append(clean_start)
        ends.append(clean_start + len(c.replacement or ""))
        delta += len(c.replacement or "") - (c.end - c.start)
        deltas.append(delta)
    return starts, ends, deltas


class Alignment:
    """Maps offsets between the source text and the clean text, both ways.

    Built from the applied corrections, which never overlap in the source. A clean span
    that starts or ends inside an edited stretch is widened to the whole source stretch of
    that edit, so ``source[s:e]`` is always the text the clean span came from; a source
    position inside a correction snaps outwards to the correction's clean span.

    >>> fix = Correction("c1", "r", "spacing", "applied", 4, 9, "URSSy", "URSS y", 1.0, "")
    >>> m = Alignment([fix])
    >>> m.clean_span(fix), m.to_clean(10)
    ((4, 10), 11)
    >>> m.to_clean_start(6), m.to_clean_end(6)  # inside the fix: snap outwards
    (4, 10)
    """

    def __init__(self, corrections: Iterable[Correction]) -> None:
        #: The applied corrections, in source order (suggestions are ignored).
        self.applied: list[Correction] = sorted(
            (c for c in corrections if c.action == "applied"), key=lambda c: (c.start, c.end)
        )
        self._src_starts = [c.start for c in self.applied]
        self._clean_starts, self._clean_ends, self._deltas = _clean_positions(self.applied)
        self._index = {id(c): k for k, c in enumerate(self.applied)}

    @classmethod
    def of(cls, edition: Edition) -> Alignment:
        """The alignment of one edition."""
        return cls(edition.corrections)

    # clean → source

    def _start(self, p: int) -> int:
        k = bisect_right(self._clean_starts, p) - 1
        if k >= 0 and self._clean_starts[k] <= p < self._clean_ends[k]:
            return self.applied[k].start
        k = bisect_right(self._clean_ends, p)
        return p - self._deltas[k]

    def _end(self, p: int) -> int:
        k = bisect_left(self._clean_starts, p) - 1
        if k >= 0 and self._clean_starts[k] < p <= self._clean_ends[k]:
            return self.applied[k].end
        k = bisect_right(self._clean_ends, p)
        # an edit that ends exactly at p has been passed; one that is empty at p has not
        while k > 0 and self._clean_ends[k - 1] == p and self._clean_starts[k - 1] == p:
            k -= 1
        return p - self._deltas[k]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the clean span ``[start, end)``."""
        s = self._start(start)
        e = self._end(end) if end > start else s
        return s, max(s, e)

    # source → clean

    def clean_span(self, correction: Correction) -> tuple[int, int]:
        """Clean offsets of an applied correction's replacement."""
        k = self._index[id(correction)]
        return self._clean_starts[k], self._clean_ends[k]

    def _inside(self, p: int) -> Correction | None:
        """The applied correction whose source span strictly contains ``p``, if any."""
        k = bisect_right(self._src_starts, p - 1) - 1  # last correction starting before p
        while k >= 0:
            c = self.applied[k]
            if c.start < p < c.end:
                return c
            if c.end <= p and c.start < c.end:
                return None
            k -= 1
        return None

    def is_boundary(self, p: int) -> bool:
        """Whether source position ``p`` can hold a tag: it is not inside a correction."""
        return self._inside(p) is None

    def to_clean(self, p: int) -> int:
        """Clean position of a source boundary ``p``; insertions at ``p`` come after it."""
        k = bisect_right(self._src_starts, p - 1)  # corrections that start before p
        return p + self._deltas[k]

    def to_clean_start(self, p: int) -> int:
        """Clean position for a span starting at source ``p`` (snaps to a fix's start)."""
        inside = self._inside(p)
        return self.clean_span(inside)[0] if inside else self.to_clean(p)

    def to_clean_end(self, p: int) -> int:
        """Clean position for a span ending at source ``p`` (snaps to a fix's end)."""
        inside = self._inside(p)
        return self.clean_span(inside)[1] if inside else self.to_clean(p)

    def suggestion_clean_span(self, suggestion: Correction) -> tuple[int, int]:
        """Clean span of a suggestion (its source span seen in the clean text)."""
        start = self.to_clean_start(suggestion.start)
        end = self.to_clean_end(suggestion.end) if suggestion.end > suggestion.start else start
        return start, max(start, end)


class EditLog:
    """Collects corrections against the source while stages edit the running text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.text = source
        self._applied: list[Correction] = []
        self._suggested: list[Correction] = []
        self.dropped: list[Edit] = []
        self.warnings: list[str] = []  # what a stage wants the edition to say
        self.language = "es"  # the text's language, as the pipeline identified it

    @property
    def corrections(self) -> list[Correction]:
        """All corrections, ordered by source position, with stable ids ``c1``, ``c2``, …."""
        items = sorted(
            self._applied + self._suggested,
            key=lambda c: (c.start, c.end, c.action != "applied", c.rule),
        )
        return [_with_id(c, f"c{i}") for i, c in enumerate(items, 1)]

    def alignment(self) -> Alignment:
        """The clean→source alignment of the current text."""
        return Alignment(self._applied)

    def _spans(self) -> tuple[list[int], list[int], list[int]]:
        return _clean_positions(self._applied)

    def _map(
        self, edit: Edit, starts: list[int], ends: list[int], deltas: list[int]
    ) -> tuple[list[int], int, int, str | None]:
        """Map an edit on the running text to (absorbed indices, src start, src end, repl)."""
        hits: list[int] = []
        j = bisect_left(ends, edit.start)
        while j < len(starts) and starts[j] <= edit.end:
            if _overlaps(starts[j], ends[j], edit.start, edit.end):
                hits.append(j)
            j += 1
        if hits:
            first, last = hits[0], hits[-1]
            cur_s = min(edit.start, starts[first])
            cur_e = max(edit.end, ends[last])
            if starts[first] <= edit.start:
                src_s = self._applied[first].start
            else:
                src_s = edit.start - deltas[bisect_right(ends, edit.start)]
            src_e = (
                self._applied[last].end if ends[last] >= edit.end else edit.end - deltas[last + 1]
            )
        else:
            cur_s, cur_e = edit.start, edit.end
            k = bisect_right(ends, edit.start)
            src_s = edit.start - deltas[k]
            src_e = edit.end - deltas[k]
        repl = None
        if edit.replacement is not None:
            repl = self.text[cur_s : edit.start] + edit.replacement + self.text[edit.end : cur_e]
        return hits, src_s, src_e, repl

    def apply(self, edits: Iterable[Edit], stage: Stage = Stage.CLEAN) -> int:
        """Apply non-overlapping edits made against :attr:`text`; return how many changed it."""
        changed = [e for e in edits if e.replacement != self.text[e.start : e.end]]
        # processed right to left; among edits at one point the first given is kept
        order = {id(e): i for i, e in enumerate(changed)}
        ordered = sorted(changed, key=lambda e: (e.start, e.end, -order[id(e)]))
        if not ordered:
            return 0
        starts, ends, deltas = self._spans()
        consumed: set[int] = set()
        added: list[Correction] = []
        prev_start = len(self.text) + 1
        for edit in reversed(ordered):
            # overlapping a neighbour of the same batch, or a second insertion at one point
            same_point = edit.start == edit.end == prev_start
            if edit.end > prev_start or same_point or edit.replacement is None:
                self.dropped.append(edit)  # overlaps a neighbour of the same batch
                continue
            hits, src_s, src_e, repl = self._map(edit, starts, ends, deltas)
            if consumed.intersection(hits):
                self.dropped.append(edit)
                continue
            consumed.update(hits)
            prev_start = edit.start
            note = edit.note
            merged = [self._applied[h] for h in hits]
            if merged:
                rules = ", ".join(sorted({m.rule for m in merged}))
                note = f"{note} (merged with earlier fix: {rules})".strip()
            confidence = min([edit.confidence, *(m.confidence for m in merged)])
            added.append(
                Correction(
                    id="",
                    rule=edit.rule,
                    category=edit.category,
                    action="applied",
                    start=src_s,
                    end=src_e,
                    text=self.source[src_s:src_e],
                    replacement=repl,
                    confidence=confidence,
                    note=note,
                    stage=stage,
                )
            )
        kept = [c for i, c in enumerate(self._applied) if i not in consumed]
        self._applied = sorted(kept + added, key=lambda c: (c.start, c.end))
        self.text = replay(self.source, self._applied)
        return len(added)

    def suggest(self, edits: Iterable[Edit], stage: Stage = Stage.CORRECT) -> int:
        """Record suggestions made against :attr:`text`; the text does not change."""
        starts, ends, deltas = self._spans()
        n = 0
        for edit in edits:
            _, src_s, src_e, repl = self._map(edit, starts, ends, deltas)
            self._suggested.append(
                Correction(
                    id="",
                    rule=edit.rule,
                    category=edit.category,
                    action="suggested",
                    start=src_s,
                    end=src_e,
                    text=self.source[src_s:src_e],
                    replacement=repl,
                    confidence=edit.confidence,
                    note=edit.note,
                    stage=stage,
                )
            )
            n += 1
        return n


def _with_id(c: Correction, new_id: str) -> Correction:
    return Correction(
        id=new_id,
        rule=c.rule,
        category=c.category,
        action=c.action,
        start=c.start,
        end=c.end,
        text=c.text,
        replacement=c.replacement,
        confidence=c.confidence,
        note=c.note,
        stage=c.stage,
    )
