"""Translating through deep-translator's LibreTranslator against the fake server."""

from __future__ import annotations

import pytest

from jsr_nlp.lexicon.schema import GlossaryTerm
from jsr_nlp.translate import Protected, translate_text

from .measure import regex_sentences

TEXT = (
    "El ejército japonés fue derrotado por los soviéticos.\n\n"
    "Después de la derrota, el grupo del norte cayó.  La guerra en China."
)


def test_sentences_become_aligned_segments(server, libre):
    tr, warnings = translate_text(TEXT, regex_sentences(TEXT), [], [], libre())
    assert warnings == []
    assert tr.complete
    assert (tr.provider, tr.target) == ("libre", "en")
    assert [s.target for s in tr.segments] == [
        "The army Japanese was defeated by the Soviets.",
        "After of the defeat, the group of the north fell.",
        "The war in China.",
    ]
    for seg in tr.segments:
        assert TEXT[seg.start : seg.end] == seg.source
        assert seg.status == "translated"
    # the whitespace between sentences is the Spanish one: paragraphs line up
    assert tr.text == (
        "The army Japanese was defeated by the Soviets.\n\n"
        "After of the defeat, the group of the north fell.  The war in China."
    )
    assert tr.text.count("\n") == TEXT.count("\n")


def test_sentences_are_batched_into_few_requests(server, libre):
    tr, _ = translate_text(TEXT, regex_sentences(TEXT), [], [], libre())
    assert server.requests == 1
    assert server.queries == [
        "El ejército japonés fue derrotado por los soviéticos.\n"
        "Después de la derrota, el grupo del norte cayó.\n"
        "La guerra en China."
    ]
    assert tr.complete


def test_misaligned_batch_falls_back_to_one_sentence_per_request(server, libre):
    server.faults.merge_lines = True  # the service answers one line for three
    tr, warnings = translate_text(TEXT, regex_sentences(TEXT), [], [], libre())
    assert tr.complete
    assert warnings == []
    assert server.requests == 1 + 3
    assert tr.segments[2].target == "The war in China."


def test_linked_names_come_out_in_their_english_form(server, libre):
    text = "El Ejército Rojo derrotó al Ejército de Kwantung en la batalla de Khalkhin Gol."
    protected = [
        Protected(3, 16, "Red Army"),
        Protected(28, 48, "Kwantung Army"),
        Protected(52, 78, "Battles of Khalkhin Gol"),
    ]
    tr, warnings = translate_text(text, [(0, len(text))], protected, [], libre())
    assert warnings == []
    assert tr.segments[0].status == "translated"
    assert tr.text == "The Red Army derrotó to the Kwantung Army in the Battles of Khalkhin Gol."
    # the service saw placeholders, not the names
    assert "Ejército" not in server.queries[0]
    assert "Rojo" not in server.queries[0]


def test_article_inside_the_span_is_translated_by_the_service(server, libre):
    text = "Firmaron el Pacto de Neutralidad Soviético-Japonés en 1941."
    pact = Protected(9, 50, "the Soviet–Japanese Neutrality Pact")
    assert text[9:50] == "el Pacto de Neutralidad Soviético-Japonés"
    tr, _ = translate_text(text, [(0, len(text))], [pact], [], libre())
    assert tr.text == "Firmaron the Soviet–Japanese Neutrality Pact in 1941."
    assert "el ZXQ0QXZ" in server.queries[0]


@pytest.mark.parametrize(
    ("text", "english", "expected"),
    [
        ("Salieron del Pacto.", "the Neutrality Pact", "Salieron of the Neutrality Pact."),
        ("Pacto firmado.", "the Neutrality Pact", "The Neutrality Pact firmado."),
        ("Contra la URSS.", "Soviet Union", "Against the Soviet Union."),
    ],
)
def test_articles_are_neither_doubled_nor_lost(server, libre, text, english, expected):
    start = text.index("Pacto") if "Pacto" in text else text.index("URSS")
    end = start + (5 if "Pacto" in text else 4)
    tr, _ = translate_text(text, [(0, len(text))], [Protected(start, end, english)], [], libre())
    assert tr.text == expected


def test_glossary_terms_are_kept_or_fixed(server, libre):
    text = "La doctrina Nanshin-ron y la doctrina hokushin-ron."
    glossary = [
        GlossaryTerm(es="Nanshin-ron", en="Nanshin-ron"),
        GlossaryTerm(es="Hokushin-ron", en="Hokushin-ron (Northern Expansion Doctrine)"),
    ]
    tr, _ = translate_text(text, [(0, len(text))], [], glossary, libre())
    assert tr.text == (
        "The doctrine Nanshin-ron and the doctrine Hokushin-ron (Northern Expansion Doctrine)."
    )
    assert "Nanshin" not in server.queries[0]


def test_entities_win_over_overlapping_glossary_terms(server, libre):
    text = "El Ejército Rojo avanzó."
    tr, _ = translate_text(
        text,
        [(0, len(text))],
        [Protected(3, 16, "Red Army")],
        [GlossaryTerm(es="Rojo", en="Crimson")],
        libre(),
    )
    assert tr.text == "The Red Army avanzó."


def test_sentence_of_only_names_and_numbers_needs_no_request(server, libre):
    text = "Khalkhin Gol, 1939. 8440 – 7974."
    tr, _ = translate_text(
        text, [(0, 19), (20, len(text))], [Protected(0, 12, "Khalkhin Gol")], [], libre()
    )
    assert server.requests == 0
    assert [s.status for s in tr.segments] == ["translated", "skipped"]
    assert tr.text == text


def test_text_outside_the_given_sentences_is_not_lost(server, libre):
    text = "Uno y dos. Tres y cuatro."
    tr, _ = translate_text(text, [(0, 10)], [], [], libre())
    assert [s.source for s in tr.segments] == ["Uno y dos.", "Tres y cuatro."]
    assert tr.text == "Uno and two. Tres and cuatro."


def test_overlapping_sentences_are_refused(libre):
    with pytest.raises(ValueError, match="overlaps"):
        translate_text("Uno. Dos.", [(0, 5), (3, 9)], [], [], libre())


def test_empty_text_needs_nothing(server, libre):
    tr, warnings = translate_text("", [], [], [], libre())
    assert (tr.text, tr.segments, tr.complete, warnings) == ("", (), True, [])
    assert server.requests == 0
