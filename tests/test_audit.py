"""The offset rule as properties: replaying the audit trail rebuilds the text exactly,
and clean offsets map back to the source text they came from."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

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
@given(staged_logs(), st.data())
def test_alignment_maps_clean_spans_to_their_source(log, data):
    align = log.alignment()
    n = len(log.text)
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    ss, se = align.to_source(s, e)
    assert 0 <= ss <= se <= len(log.source)
    # An untouched stretch maps to identical source text.
    touched = any(
        (c.start < se and ss < c.end) or (c.start == c.end and ss <= c.start <= se)
        for c in log.corrections
        if c.action == "applied"
    )
    if not touched:
        assert log.source[ss:se] == log.text[s:e]


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
