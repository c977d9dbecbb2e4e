"""The offset rule as properties: replaying the audit trail rebuilds the text exactly, and
clean offsets map back to the source text they came from, as an independent oracle
(``offset_oracle``, which does not use ``jsr_nlp.audit``) says they must."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from offset_oracle import rebuild, source_span, unedited

from jsr_nlp.audit import Edit, EditLog, replay

ALPHABET = "ab ñ.,\n"


@st.composite
def edit_batches(draw, text: str):
    """Non-overlapping edits against `text`."""
    n = len(text)
    points = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    last_end = -1
    for i in range(0, len(points) - 1, 2):
        s, e = points[i], points[i + 1]
        if s <= last_end and edits:
            continue
        repl = draw(st.text(ALPHABET, max_size=4))
        edits.append(Edit(s, e, repl, rule=f"r{i}", category="test"))
        last_end = e
    return edits


@st.composite
def staged_logs(draw):
    source = draw(st.text(ALPHABET, min_size=0, max_size=40))
    log = EditLog(source)
    for _ in range(draw(st.integers(1, 4))):
        log.apply(draw(edit_batches(log.text)))
    return log


@settings(max_examples=300, deadline=None)
@given(staged_logs())
def test_replay_rebuilds_the_text(log):
    assert replay(log.source, log.corrections) == log.text


@settings(max_examples=300, deadline=None)
@given(staged_logs())
def test_applied_corrections_do_not_overlap_and_quote_the_source(log):
    applied = [c for c in log.corrections if c.action == "applied"]
    for c in applied:
        assert log.source[c.start : c.end] == c.text
    for a, b in pairwise(applied):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(staged_logs())
def test_alignment_maps_every_clean_span_as_the_oracle_does(log):
    """Every non-empty clean span maps to the source span the independent oracle rebuilds
    (exact in an unedited stretch, widened to a touched correction's bounds and no more)."""
    rebuilt, origin = rebuild(log.source, log.corrections)
    assert rebuilt == log.text
    align = log.alignment()
    n = len(log.text)
    for s in range(n):
        for e in range(s + 1, n + 1):
            want = source_span(origin, s, e)
            assert align.to_source(s, e) == want, (log.text[s:e], log.source[want[0] : want[1]])
            if unedited(origin, s, e):
                assert log.source[want[0] : want[1]] == log.text[s:e]
    for p in range(n + 1):
        ss, se = align.to_source(p, p)
        assert 0 <= ss == se <= len(log.source)


ZHUKOV = [Edit(7, 14, "Zhukov", rule="n", category="c")]


@pytest.mark.parametrize(
    ("source", "edits", "span", "expected"),  # expected: the source text of the mapped span
    [
        # a doubled space collapsed just before a name: the name's span stays the name
        ("dijo  Churchill", [Edit(4, 6, " ", rule="s", category="c")], "Churchill", "Churchill"),
        # a deletion just before and an insertion just after are not part of the span
        ("a ,b", [Edit(1, 2, "", rule="s", category="c")], "b", "b"),
        ("Rojo.Fin", [Edit(5, 5, " ", rule="s", category="c")], "Rojo.", "Rojo."),
        # a span that reaches into a correction widens to the whole correction
        ("Georgi Zukhovs fue", ZHUKOV, "Zhukov", "Zukhovs"),
        ("Georgi Zukhovs fue", ZHUKOV, "kov f", "Zukhovs f"),
    ],
)
def test_boundaries_next_to_a_correction(source, edits, span, expected):
    log = EditLog(source)
    log.apply(edits)
    start = log.text.index(span)
    ss, se = log.alignment().to_source(start, start + len(span))
    assert log.source[ss:se] == expected


def test_a_later_stage_edit_inside_an_earlier_one_is_merged():
    log = EditLog("Georgi Zu-\nkhovs fue")
    log.apply([Edit(7, 16, "Zukhovs", rule="clean.hyphenation", category="h")])
    assert log.text == "Georgi Zukhovs fue"
    log.apply([Edit(7, 14, "Zhukov", rule="name.fuzzy", category="name")])
    assert log.text == "Georgi Zhukov fue"
    [c] = log.corrections
    assert (c.text, c.replacement, c.rule) == ("Zu-\nkhovs", "Zhukov", "name.fuzzy")
    assert "clean.hyphenation" in c.note


def test_suggestions_leave_the_text_alone():
    log = EditLog("un texto confuso")
    log.suggest([Edit(3, 8, None, rule="garbled", category="garbled", note="?")])
    assert log.text == "un texto confuso"
    [c] = log.corrections
    assert c.action == "suggested" and c.replacement is None and c.text == "texto"


def test_two_insertions_at_one_point_in_one_batch_keep_the_first():
    log = EditLog("c")
    log.apply([Edit(1, 1, "XY", rule="a", category="c"), Edit(1, 1, "Y", rule="b", category="c")])
    assert log.text == "cXY" and len(log.dropped) == 1
    assert replay(log.source, log.corrections) == log.text
