"""The audit trail: edits recorded against the source text, and the offset alignment.

Every stage proposes :class:`Edit` values against *its own input text*. An
:class:`EditLog` maps them back onto the source, so that the edition keeps one
invariant (the offset rule of ``DESIGN.md``)::

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

from jsr_nlp.model import Correction, Stage


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
    category: str
    note: str = ""
    confidence: float = 1.0


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    """Whether two half-open spans overlap; an empty span counts if it touches."""
    if a < b and c < d:
        return max(a, c) < min(b, d)
    return max(a, c) <= min(b, d)


def replay(source: str, corrections: Iterable[Correction]) -> str:
    """Rebuild the clean text from the source and the applied corrections.

    >>> c = Correction("c1", "r", "x", "applied", 0, 2, "de", "", 1.0, "")
    >>> replay("de de", [c])
    ' de'
    """
    out: list[str] = []
    pos = 0
    for c in sorted(
        (c for c in corrections if c.action == "applied"), key=lambda c: (c.start, c.end)
    ):
        if c.start < pos:
            msg = f"overlapping applied corrections at {c.start} (rule {c.rule})"
            raise ValueError(msg)
        out.append(source[pos : c.start])
        out.append(c.replacement or "")
        pos = c.end
    out.append(source[pos:])
    return "".join(out)


class Alignment:
    """Maps offsets in the clean text to offsets in the source text.

    A clean span that starts or ends inside an edited stretch is widened to the
    whole source stretch of that edit, so ``source[s:e]`` is always the text the
    clean span came from.
    """

    def __init__(self, applied: Sequence[Correction]) -> None:
        self._clean_starts: list[int] = []
        self._clean_ends: list[int] = []
        self._deltas: list[int] = [0]  # deltas[k]: clean - source after the first k edits
        self._edits = list(applied)
        delta = 0
        for c in self._edits:
            cs = c.start + delta
            self._clean_starts.append(cs)
            self._clean_ends.append(cs + len(c.replacement or ""))
            delta += len(c.replacement or "") - (c.end - c.start)
            self._deltas.append(delta)

    def _start(self, p: int) -> int:
        k = bisect_right(self._clean_starts, p) - 1
        if k >= 0 and self._clean_starts[k] <= p < self._clean_ends[k]:
            return self._edits[k].start
        k = bisect_right(self._clean_ends, p)
        return p - self._deltas[k]

    def _end(self, p: int) -> int:
        k = bisect_left(self._clean_starts, p) - 1
        if k >= 0 and self._clean_starts[k] < p <= self._clean_ends[k]:
            return self._edits[k].end
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


class EditLog:
    """Collects corrections against the source while stages edit the running text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.text = source
        self._applied: list[Correction] = []
        self._suggested: list[Correction] = []
        self._stage_of: dict[int, Stage] = {}
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
        starts, ends, deltas = [], [], [0]
        delta = 0
        for c in self._applied:
            cs = c.start + delta
            starts.append(cs)
            ends.append(cs + len(c.replacement or ""))
            delta += len(c.replacement or "") - (c.end - c.start)
            deltas.append(delta)
        return starts, ends, deltas

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
