"""Requests stay under the provider's limit; long sentences are cut at clauses, never in words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.translate import Protected, translate_text
from jsr_nlp.translate.segment import pack, split_sentence
from jsr_nlp.translate.vocab import load_vocabulary

from .server import Faults

ES = load_vocabulary("es")

LONG = (
    "El grupo del norte quería mudarse a la Unión Soviética para conquistar los recursos de "
    "Siberia, mientras que el grupo del sur, respaldado por la Armada, quería mudarse al "
    "Pacífico; la guerra en China continuaba y el ejército japonés no tenía tropas suficientes."
)


def test_over_long_sentence_is_cut_at_clause_boundaries():
    pieces = split_sentence(LONG, 120, ES)
    assert [p.text for p in pieces] == [
        "El grupo del norte quería mudarse a la Unión Soviética para conquistar los recursos "
        "de Siberia,",
        "mientras que el grupo del sur, respaldado por la Armada, quería mudarse al Pacífico;",
        "la guerra en China continuaba y el ejército japonés no tenía tropas suficientes.",
    ]
    assert "".join(p.text + p.gap for p in pieces) == LONG


def test_line_breaks_inside_a_sentence_are_kept():
    pieces = split_sentence("Guerras de Stalin\n(Fuente: libro)", 1000, ES)
    assert [(p.text, p.gap) for p in pieces] == [
        ("Guerras de Stalin", "\n"),
        ("(Fuente: libro)", ""),
    ]


def test_a_word_longer_than_the_limit_is_never_cut():
    word = "Ejército" * 10
    assert [p.text for p in split_sentence(f"un {word} más", 20, ES)] == ["un", word, "más"]


words = st.text(alphabet="abcñáé,;:", min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=1, max_size=40), st.integers(5, 60))
def test_pieces_rebuild_the_sentence_and_never_split_a_word(parts, limit):
    sentence = " ".join(parts)
    pieces = split_sentence(sentence, limit, ES)
    assert "".join(p.text + p.gap for p in pieces) == sentence
    for piece in pieces[:-1]:
        assert piece.gap
        assert piece.gap.isspace()
    for piece in pieces:
        assert piece.text
        assert piece.text == piece.text.strip()
        assert len(piece.text) <= limit or " " not in piece.text
    assert all(w in {t for p in pieces for t in p.text.split()} for w in parts)


@given(st.lists(st.integers(1, 50), max_size=30), st.integers(50, 120))
def test_batches_keep_order_and_fit(lengths, limit):
    batches = pack(lengths, limit)
    assert [i for b in batches for i in b] == list(range(len(lengths)))
    for b in batches:
        assert sum(lengths[i] for i in b) + len(b) - 1 <= limit


def test_every_request_fits_the_limit_and_the_text_lines_up(server, libre, sample_text):
    from .measure import gazetteer_spans, regex_sentences

    sentences = regex_sentences(sample_text)
    protected = gazetteer_spans(sample_text)
    limit = 120
    tr, warnings = translate_text(
        sample_text, sentences, protected, [], libre(batch_chars=limit, no_cache=True)
    )
    assert tr.complete
    assert warnings == []
    assert server.queries
    assert all(len(q) <= limit for q in server.queries)
    assert any(len(sample_text[s:e]) > limit for s, e in sentences)  # some were cut
    assert len(tr.segments) == len(sentences)
    assert tr.text.count("\n") == sample_text.count("\n")
    assert tr.text.count("\n\n") == sample_text.count("\n\n")


def test_server_char_limit_below_batch_size_is_a_configuration_error(server, libre):
    import pytest

    from jsr_nlp.errors import TranslationError

    server.faults = Faults(char_limit=50)
    text = "La guerra en China. " * 5
    with pytest.raises(TranslationError, match="lower batch_chars"):
        translate_text(text, [(0, len(text))], [], [], libre(batch_chars=500))
    server.reset(Faults(char_limit=50))
    tr, _ = translate_text(text, [(0, len(text))], [], [], libre(batch_chars=50))
    assert tr.complete
    assert max(len(q) for q in server.queries) <= 50


def test_limit_counts_the_names_behind_placeholders(server, libre):
    name = "Unión de Repúblicas Socialistas Soviéticas"
    text = f"La guerra de la {name} y la guerra de la {name} en China."
    spans = [Protected(m.start(), m.end(), "USSR") for m in re.finditer(name, text)]
    server.faults = Faults(mangle="drop")  # forces the retry with the names in plain text
    tr, _ = translate_text(text, [(0, len(text))], spans, [], libre(batch_chars=70))
    assert tr.complete
    assert [s.status for s in tr.segments] == ["unprotected"]
    assert len(text) > 70
    assert all(len(q) <= 70 for q in server.queries)
