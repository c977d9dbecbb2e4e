"""The bounded tokenizer: linear on space-free runs, exact on every text."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.analysis.tokenizer import BoundedTokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return BoundedTokenizer(spacy.blank("es").tokenizer, max_chunk=40, piece=7)


SMALL = BoundedTokenizer(spacy.blank("es").tokenizer, max_chunk=40, piece=7)


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab(). \n")), max_size=300))
def test_the_tokens_cover_the_text_exactly(text):
    assert SMALL(text).text == text


def test_an_ordinary_text_is_spacys_own_tokenization(tokenizer):
    text = "El ejército avanzó (hacia el río) el 9 de agosto de 1945."
    inner = spacy.blank("es").tokenizer(text)
    assert [t.text for t in tokenizer(text)] == [t.text for t in inner]


def test_a_long_run_is_cut_and_the_words_around_it_are_spacys(tokenizer):
    text = "Antes. " + "(" * 100 + " después."
    words = [t.text for t in tokenizer(text)]
    assert words[:2] == ["Antes", "."]
    assert words[-2:] == ["después", "."]
    assert "".join(words[2:-2]) == "(" * 100


def test_spacy_never_sees_a_long_run():
    # spaCy's cost on a space-free chunk is the square of its length (16,000 brackets: 20 s)
    seen: list[int] = []
    inner = spacy.blank("es").tokenizer

    def spy(text):
        seen.append(len(text))
        return inner(text)

    spy.vocab = inner.vocab
    tokenizer = BoundedTokenizer(spy)
    doc = tokenizer("Antes " + "(" * 10_000 + ")" * 10_000 + " después")
    assert doc.text.startswith("Antes ((")
    assert max(seen) <= len(" después")
