"""Placeholders survive what services do to them, or the segment is retried unprotected."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.translate import Protected, translate_text
from jsr_nlp.translate.protect import RESIDUE, Slot, mask, restore, unmask

from .server import Faults

TEXT = "El Ejército Rojo avanzó hacia Manchuria. La guerra en China."
SENTENCES = [(0, 40), (41, len(TEXT))]
NAMES = [Protected(3, 16, "Red Army"), Protected(30, 39, "Manchuria")]


@pytest.mark.parametrize("how", ["case", "space"])
def test_case_and_spacing_changes_are_understood(server, libre, how):
    server.faults = Faults(mangle=how)
    tr, warnings = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert warnings == []
    assert tr.segments[0].target == "The Red Army avanzó hacia Manchuria."
    assert tr.segments[0].status == "translated"


@pytest.mark.parametrize("how", ["drop", "truncate"])
def test_damaged_placeholders_mean_a_retry_without_protection(server, libre, how):
    server.faults = Faults(mangle=how)
    tr, warnings = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    first, second = tr.segments
    assert first.status == "unprotected"
    assert first.target == "The Army Rojo avanzó hacia Manchuria."  # what protection prevents
    assert second.status == "translated"  # nothing to protect there
    assert tr.complete
    assert warnings == [
        "segment 1 (chars 0–40): the provider damaged the placeholders of protected names; "
        "translated without protection, so names and terms may be wrong"
    ]
    assert server.queries[-1] == "El Ejército Rojo avanzó hacia Manchuria."
    assert not RESIDUE.search(tr.text)


def test_unprotected_result_is_cached_as_unprotected(server, libre):
    server.faults = Faults(mangle="drop")
    translate_text(TEXT, SENTENCES, NAMES, [], libre())
    server.reset()
    tr, warnings = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert server.requests == 0
    assert [s.status for s in tr.segments] == ["unprotected", "cached"]
    assert len(warnings) == 1


@settings(max_examples=60, deadline=None)
@given(
    output=st.text(alphabet="ZXQzxq0123 .,the", max_size=40),
    numbers=st.lists(st.integers(0, 12), max_size=3, unique=True),
)
def test_restore_never_lets_a_placeholder_through(output, numbers):
    slots = {n: Slot(n, f"es{n}", f"the Name {n}") for n in numbers}
    restored = restore(output, slots)
    assert restored is None or not RESIDUE.search(restored)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(alphabet="abñ.ZXQ", min_size=1, max_size=5), min_size=1, max_size=8),
    st.lists(st.integers(0, 8), max_size=6),
)
def test_mask_then_restore_whole_words(words, cuts):
    text = " ".join(words)
    starts = [0, *itertools.accumulate(len(w) + 1 for w in words)]
    points = sorted({c for c in cuts if c <= len(words)})
    spans = [
        Protected(starts[a], starts[b] - 1, "the Name")
        for a, b in itertools.pairwise(points)
        if a < b
    ][::2]
    masked, slots = mask(text, spans, itertools.count())
    assert unmask(masked, slots) == text
    restored = restore(masked, slots, sentence_start=False)
    if slots:  # names on word boundaries always come back, in English
        assert restored is not None
        assert restored.count("Name") == len(slots)
    assert restored is None or not RESIDUE.search(restored)


def test_no_placeholder_reaches_the_output_under_any_damage(server, libre, sample_text):
    from .measure import gazetteer_spans, regex_sentences

    sentences = regex_sentences(sample_text)
    protected = gazetteer_spans(sample_text)
    for how in ("drop", "truncate", "case", "space"):
        server.reset(Faults(mangle=how))
        tr, _ = translate_text(sample_text, sentences, protected, [], libre(no_cache=True))
        assert tr.complete
        assert not RESIDUE.search(tr.text), how
        assert all(not RESIDUE.search(s.target) for s in tr.segments)
        expected = "translated" if how in ("case", "space") else "unprotected"
        with_names = {
            s.status for s in tr.segments if any(s.start <= p.start < s.end for p in protected)
        }
        assert with_names == {expected}, how
