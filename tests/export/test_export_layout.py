"""Offsets between the two texts, paragraphs and nesting: the ground the trees stand on."""

from __future__ import annotations

from itertools import pairwise

from export_fixtures import random_editions
from hypothesis import HealthCheck, given, settings

from jsr_nlp.audit import Alignment, replay
from jsr_nlp.exporters.layout import Node, build_tree, paragraphs


def test_synthetic_paragraphs(edition):
    paras = paragraphs(edition)
    assert [edition.clean_text[p.clean_start : p.clean_end].strip() for p in paras] == [
        p.strip() for p in edition.clean_text.split("\n\n")
    ]


def test_insertion_at_a_paragraph_end_belongs_to_it(edition):
    last = paragraphs(edition)[-1]
    assert edition.clean_text[last.clean_start : last.clean_end].endswith("fin.")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_editions())
def test_paragraphs_partition_both_texts_consistently(ed):
    offsets = Alignment.of(ed)
    paras = paragraphs(ed, offsets)
    assert paras[0].start == 0 and paras[-1].end == len(ed.source_text)
    assert paras[0].clean_start == 0 and paras[-1].clean_end == len(ed.clean_text)
    for a, b in pairwise(paras):
        assert (a.end, a.clean_end) == (b.start, b.clean_start)
        assert offsets.is_boundary(a.end)
    for p in paras:
        inside = [
            c
            for c in ed.applied
            if p.start <= c.start
            and c.end <= p.end
            and not (c.start == c.end == p.end and p is not paras[-1])
        ]
        shifted = [
            c.__class__(
                c.id,
                c.rule,
                c.category,
                c.action,
                c.start - p.start,
                c.end - p.start,
                c.text,
                c.replacement,
                c.confidence,
                c.note,
            )
            for c in inside
        ]
        assert (
            replay(ed.source_text[p.start : p.end], shifted)
            == ed.clean_text[p.clean_start : p.clean_end]
        )
    for c in ed.applied:
        start, end = offsets.clean_span(c)
        assert ed.clean_text[start:end] == (c.replacement or "")
    for c in ed.suggested:
        start, end = offsets.suggestion_clean_span(c)
        assert 0 <= start <= end <= len(ed.clean_text)


def test_equal_spans_nest_by_rank_and_atomic_nodes_take_no_children():
    outer = Node(2, 6, "entity", rank=1)
    inner = Node(2, 6, "choice", rank=5, atomic=True)
    note = Node(4, 4, "note")
    root, dropped = build_tree(0, 10, [inner, outer, note, Node(3, 5, "date")], split=False)
    assert root.children == [outer, note] and outer.children == [inner]
    assert inner.children == []
    assert note.start == 6  # an insertion point inside a choice moves after it
    assert [n.kind for n in dropped] == ["date"]
