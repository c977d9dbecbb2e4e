"""English left in Spanish prose is flagged; English names and Spanish words are not."""

from __future__ import annotations

import pytest
import spacy

from jsr_nlp.detectors.untranslated import UntranslatedDetector


@pytest.fixture(scope="module")
def flagged():
    nlp = spacy.blank("es")
    detector = UntranslatedDetector()

    def run(text):
        doc = nlp.make_doc(text)
        edits = detector.propose(doc)
        assert all(e.replacement is None and e.rule == "untranslated.english-word" for e in edits)
        return [doc.text[e.start : e.end] for e in edits]

    return run


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("La ofensiva comenzó en June de 1941 con tres grupos.", "June"),
        ("El Grupo de Ejércitos Center avanzó hacia Moscú.", "Center"),
        ("La Guerra de Winter terminó en marzo de 1940.", "Winter"),
        ("Los soldados cruzaron the río antes del amanecer.", "the"),
    ],
)
def test_english_words_in_spanish_prose_are_flagged(flagged, text, word):
    assert flagged(text) == [word]


@pytest.mark.parametrize(
    "text",
    [
        "El Manchester United ganó en casa.",  # an English name, written as such
        "El embajador Henry Lane Wilson llegó a México.",  # a person's name
        "Las tropas cayeron en el Desastre de Annual.",  # a Moroccan place, not English
        "He said that the war was over, escribió el corresponsal.",  # a quotation in English
        "Las tropas soviéticas cruzaron el río al amanecer.",  # Spanish
        "El general visitó el home de los veteranos.",  # 'home' is in the Spanish dictionary
    ],
)
def test_names_quotations_and_spanish_are_not_flagged(flagged, text):
    assert flagged(text) == []
