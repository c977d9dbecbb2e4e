"""Misspelt names: corrected when close and unambiguous, never when they are another name
or an accepted variant (tests on names of our own, not the sample's)."""

from __future__ import annotations

import pytest

from jsr_nlp.correct import correct_text
from jsr_nlp.lexicon.names import translit_fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el general Meretskof mandaba el frente", "el general Meretskov mandaba el frente"),
        ("el ministro Matzuoka viajó a Moscú", "el ministro Matsuoka viajó a Moscú"),
        ("Molotof firmó el pacto", "Molotov firmó el pacto"),
        ("la batalla de Khalkin Gol", "la batalla de Khalkhin Gol"),
    ],
)
def test_misspelt_names_are_corrected(text, expected):
    fixed, corrections = correct_text(text)
    assert fixed == expected
    assert all(c.category == "name" and c.note for c in corrections)


@pytest.mark.parametrize(
    "text",
    [
        # accepted variants of one name are never rewritten into each other
        "Zhúkov, Zhukov, Jukov y Joukov; Malinovski y Malinovsky; Jaljin Gol y Khalkhin Gol",
        # names that resemble a gazetteer name but are other people or places
        "Zinóviev y Kámenev; Liu Shaoqi; la isla de Saipán; Sarátov",
        # ordinary words, with and without accents, are not names
        "los soldados japoneses y los Japones; la Armada; el Eje de la rueda",
    ],
)
def test_correct_names_are_left_alone(text):
    fixed, corrections = correct_text(text)
    assert [c for c in corrections if c.action == "applied"] == []
    assert fixed == text


def test_unknown_near_miss_is_at_most_suggested():
    fixed, corrections = correct_text("el mariscal Konev avanzó")
    assert fixed == "el mariscal Konev avanzó"
    assert all(c.action == "suggested" for c in corrections)


def test_transliteration_folding():
    assert translit_fold("Zhúkov") == translit_fold("Joukov")
    assert translit_fold("Jaljin Gol") == translit_fold("Khalkhin Gol")
    assert translit_fold("Konev") != translit_fold("Konoe")
