"""An offset oracle that does not use the mapping under test (``jsr_nlp.audit``).

From the source text and the applied corrections alone it rebuilds the clean text character
by character and records, for every clean character, the source stretch it came from: a
character copied from the source comes from that one source character; a character written
by a correction comes from the correction's whole source stretch. The source span of a clean
span is then the stretch from its first character's origin to its last one's:

- a span inside an unedited stretch maps exactly (same length, same characters);
- a span that reaches into a correction widens to that correction's source bounds, no more
  (a whitespace fix just before a name does not pull the whitespace into the name's span).

>>> from types import SimpleNamespace as C
>>> fix = C(action="applied", start=4, end=6, replacement=" ")  # "dijo  Churchill": one space
>>> clean, origin = rebuild("dijo  Churchill", [fix])
>>> clean
'dijo Churchill'
>>> source_span(origin, 5, 14)  # 'Churchill' starts after the fix: not widened into it
(6, 15)
>>> source_span(origin, 4, 14)  # ' Churchill' starts inside the fix: widened to all of it
(4, 15)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: for each clean character: the half-open source stretch it came from, and whether it was
#: copied from the source (False: written by a correction)
Origins = list[tuple[int, int, bool]]


def rebuild(source: str, corrections: Iterable[Any]) -> tuple[str, Origins]:
    """The clean text, and the source origin of each of its characters.

    Walks the applied corrections in source order, copying the unedited stretches between
    them; two applied corrections may not overlap (an insertion may sit at the start of
    another correction, and is written first).
    """
    applied = sorted(
        (c for c in corrections if c.action == "applied"), key=lambda c: (c.start, c.end)
    )
    out: list[str] = []
    origin: Origins = []
    pos = 0
    for c in applied:
        assert 0 <= pos <= c.start <= c.end <= len(source), f"overlapping correction at {c.start}"
        out.append(source[pos : c.start])
        origin.extend((i, i + 1, True) for i in range(pos, c.start))
        replacement = c.replacement or ""
        out.append(replacement)
        origin.extend((c.start, c.end, False) for _ in replacement)
        pos = c.end
    out.append(source[pos:])
    origin.extend((i, i + 1, True) for i in range(pos, len(source)))
    return "".join(out), origin


def source_span(origin: Sequence[tuple[int, int, bool]], start: int, end: int) -> tuple[int, int]:
    """The source span of the non-empty clean span ``[start, end)``."""
    assert 0 <= start < end <= len(origin), (start, end, len(origin))
    return origin[start][0], origin[end - 1][1]


def unedited(origin: Sequence[tuple[int, int, bool]], start: int, end: int) -> bool:
    """Whether every character of the clean span was copied, in one run, from the source."""
    first = origin[start][0]
    return all(
        origin[k] == (first + k - start, first + k - start + 1, True) for k in range(start, end)
    )


def offset_problems(source: str, clean: str, corrections: Iterable[Any], items: Any) -> list[str]:
    """Items (with ``start``, ``end``, ``text``, ``source_start``, ``source_end``) whose offsets
    disagree with the oracle; empty when all agree."""
    rebuilt, origin = rebuild(source, corrections)
    if rebuilt != clean:
        return ["the applied corrections do not rebuild the clean text"]
    problems = []
    for item in items:
        if clean[item.start : item.end] != item.text or item.start >= item.end:
            problems.append(f"{item.text!r} does not quote the clean text at {item.start}")
            continue
        want = source_span(origin, item.start, item.end)
        got = (item.source_start, item.source_end)
        if got != want:
            problems.append(
                f"{item.text!r}: source {got} {source[got[0] : got[1]]!r}, "
                f"expected {want} {source[want[0] : want[1]]!r}"
            )
        elif unedited(origin, item.start, item.end) and source[got[0] : got[1]] != item.text:
            problems.append(f"{item.text!r}: unedited but the source reads differently")
    return problems
