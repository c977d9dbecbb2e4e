"""Where things sit: offsets in both texts, paragraphs, sentences, and proper nesting.

TEI and HTML are trees, while an edition's annotations are flat spans that may
overlap (an entity that straddles the end of a correction, a sentence that
crosses a paragraph). This module turns the spans into a tree once, for every
tree-shaped exporter:

- positions between the source and the clean text come from
  :class:`jsr_nlp.audit.Alignment` (the project's one offset mapping);
- :func:`paragraphs` cuts the text into blank-line separated paragraphs at
  positions that never fall inside a correction, so both texts share them;
- :func:`build_tree` nests spans, and either drops a span that would cross a
  stronger one (``split=False``: TEI degrades gracefully) or cuts it into
  fragments (``split=True``: HTML keeps every item visible).

"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from jsr_nlp.audit import Alignment
from jsr_nlp.model import Edition

#: A paragraph break in the clean text: a line break, optional blanks, another line break.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph, as a source span and the matching clean span."""

    start: int
    end: int
    clean_start: int
    clean_end: int


def paragraphs(edition: Edition, offsets: Alignment | None = None) -> list[Paragraph]:
    """Cut the edition into paragraphs that partition both texts.

    Breaks are found in the clean text (a fix may have repaired them) and each
    cut is placed at a source position outside every correction, preferring
    the end of the blank run so the whitespace stays with the paragraph before.

    >>> from jsr_nlp.model import PipelineInfo, Source
    >>> ed = Edition(Source(None, "", "utf-8", "es", 9), PipelineInfo("p", "0", None),
    ...              "Uno.\\n\\nDos.", "Uno.\\n\\nDos.")
    >>> [(p.start, p.end) for p in paragraphs(ed)]
    [(0, 6), (6, 10)]
    """
    offsets = offsets or Alignment.of(edition)
    cuts: list[int] = []
    n = len(edition.source_text)
    for m in PARAGRAPH_BREAK.finditer(edition.clean_text):
        lo, hi = offsets.to_source(m.start(), m.end())
        cut = next((p for p in range(hi, lo - 1, -1) if offsets.is_boundary(p)), None)
        if cut is None or cut <= (cuts[-1] if cuts else 0) or cut >= n:
            continue
        cuts.append(cut)
    bounds = [0, *cuts, n]
    clean_bounds = [offsets.to_clean(b) for b in bounds[:-1]] + [len(edition.clean_text)]
    return [
        Paragraph(a, b, ca, cb)
        for (a, b), (ca, cb) in zip(pairwise(bounds), pairwise(clean_bounds), strict=True)
    ]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A translated segment located in both texts (``index`` is its 1-based position)."""

    index: int
    start: int
    end: int
    clean_start: int
    clean_end: int


def sentences(edition: Edition, offsets: Alignment | None = None) -> list[Sentence]:
    """Sentence spans from the translation's segments; none without a translation.

    A segment boundary that falls inside a correction is moved so the
    correction belongs to the earlier sentence and sentences never overlap.
    """
    if edition.translation is None:
        return []
    offsets = offsets or Alignment.of(edition)
    out: list[Sentence] = []
    last = 0
    for i, seg in enumerate(edition.translation.segments, 1):
        if not 0 <= seg.start < seg.end <= len(edition.clean_text):
            continue
        start, end = offsets.to_source(seg.start, seg.end)
        start = max(start, last)
        if end <= start:
            continue
        out.append(Sentence(i, start, end, seg.start, seg.end))
        last = end
    return out


def paragraph_index(paras: Sequence[Paragraph], start: int, end: int, *, clean: bool) -> int | None:
    """Index of the paragraph holding ``[start, end)``, or None when it crosses a break.

    An empty span at a break belongs to the paragraph that starts there.
    """
    starts = [p.clean_start if clean else p.start for p in paras]
    i = max(0, bisect_right(starts, start) - 1)
    para = paras[i]
    para_end = para.clean_end if clean else para.end
    if end > para_end:
        return None
    return i


@dataclass(eq=False, slots=True)
class Node:
    """A span in a tree: ``kind`` says what it is, ``item`` carries the edition's value.

    ``rank`` orders spans with identical offsets (lower rank is outer), and an
    ``atomic`` node (a TEI ``<choice>``) takes no children. ``fragment`` marks
    the second and later pieces of a span that was cut to fit. ``clean`` (the
    span in the other text, when known on both sides) settles where an
    insertion at an edge belongs: a full stop inserted at the end of a
    sentence is inside it, because it is inside it in the clean text.
    """

    start: int
    end: int
    kind: str
    rank: int = 0
    item: Any = None
    atomic: bool = False
    fragment: bool = False
    clean: tuple[int, int] | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether the span has no width (an insertion point)."""
        return self.start == self.end


def _fits(inner: Node, outer: Node) -> bool:
    """Whether ``inner`` nests inside ``outer`` (empty spans only strictly inside)."""
    if outer.empty:
        return False
    if inner.empty:
        if outer.clean and inner.clean and outer.start <= inner.start <= outer.end:
            return outer.clean[0] <= inner.clean[0] and inner.clean[1] <= outer.clean[1]
        return outer.start < inner.start < outer.end
    if (inner.start, inner.end) == (outer.start, outer.end):
        return inner.rank >= outer.rank
    return outer.start <= inner.start and inner.end <= outer.end


def _crosses(a: Node, b: Node) -> bool:
    return not a.empty and not b.empty and max(a.start, b.start) < min(a.end, b.end)


def build_tree(
    start: int, end: int, nodes: Iterable[Node], *, split: bool
) -> tuple[Node, list[Node]]:
    """Nest ``nodes`` (given strongest first) under a root ``[start, end)``.

    Returns the root and the nodes that could not be placed. With ``split``,
    a node that crosses an earlier one is cut at the crossing points and its
    pieces placed separately (later pieces marked ``fragment``).

    >>> root, dropped = build_tree(0, 10, [Node(2, 6, "a"), Node(4, 8, "b")], split=True)
    >>> [(n.kind, n.start, n.end) for n in root.children]
    [('a', 2, 6), ('b', 6, 8)]
    >>> [(n.kind, n.start, n.end) for n in root.children[0].children]
    [('b', 4, 6)]
    >>> build_tree(0, 10, [Node(2, 6, "a"), Node(4, 8, "b")], split=False)[1][0].kind
    'b'
    """
    root = Node(start, end, "root", rank=-1)
    dropped: list[Node] = []
    for node in nodes:
        if not _insert(root, node, split):
            dropped.append(node)
    _sort(root)
    return root, dropped


def _insert(root: Node, node: Node, split: bool) -> bool:
    parent = root
    descended = True
    while descended:
        descended = False
        for child in parent.children:
            if _fits(node, child):
                if child.atomic:
                    if not node.empty:
                        return False
                    node.start = node.end = child.end  # an insertion point moves past it
                    return _insert(root, node, split)
                parent, descended = child, True
                break
    inside = [c for c in parent.children if _fits(c, node)]
    crossing = [c for c in parent.children if c not in inside and _crosses(c, node)]
    if crossing:
        if not split:
            return False
        cuts = sorted({p for c in crossing for p in (c.start, c.end) if node.start < p < node.end})
        bounds = [node.start, *cuts, node.end]
        placed = False
        for i, (a, b) in enumerate(pairwise(bounds)):
            piece = Node(a, b, node.kind, node.rank, node.item, node.atomic, i > 0 or node.fragment)
            placed = _insert(root, piece, split) or placed
        return placed
    for child in inside:
        parent.children.remove(child)
    node.children.extend(inside)
    parent.children.append(node)
    return True


def _sort(node: Node) -> None:
    node.children.sort(key=lambda n: (n.start, n.end))
    for child in node.children:
        _sort(child)


def first_line_title(text: str, *, limit: int = 150) -> str | None:
    """The first non-blank line, when it is short enough to serve as a title.

    >>> first_line_title("\\n ¿Cuáles fueron las relaciones?\\nTexto")
    '¿Cuáles fueron las relaciones?'
    """
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else None
    return None
