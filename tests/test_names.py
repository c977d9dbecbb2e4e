"""Misspelt names: corrected when close and unambiguous, never when they are another name
or an accepted variant (tests on names of our own, not the sample's)."""

from __future__ import annotations

import pytest

from jsr_nlp.correct import correct_text
from jsr_nlp.lexicon.names import translit_fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a misspelt name is applied only in a text about the gazetteer's world (another
        # gazetteer name near it) or when the rest of the name confirms it
        (
            "el general Meretskof mandaba el frente de Manchuria",
            "el general Meretskov mandaba el frente de Manchuria",
        ),
        ("el ministro Matzuoka viajó a Moscú", "el ministro Matsuoka viajó a Moscú"),
        ("Molotof firmó el pacto con Ribbentrop", "Molotov firmó el pacto con Ribbentrop"),
        ("Georgi Zukhovs mandaba el frente", "Georgi Zhukov mandaba el frente"),
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


@pytest.mark.parametrize(
    "text",
    [
        "el general Meretskof mandaba el frente",  # nothing else of the gazetteer's world
        "Molotof firmó el pacto",
    ],
)
def test_near_miss_without_context_is_only_suggested(text):
    fixed, corrections = correct_text(text)
    assert fixed == text
    assert [c.action for c in corrections] == ["suggested"]
    assert corrections[0].rule == "name.fuzzy-suggestion"


# Real names from EFE news (CoNLL-2002) that the fuzzy matcher once pulled onto gazetteer
# names, here in a text full of gazetteer names so that only the name evidence can save them.
_WORLD = "Stalin recibió en Moscú a Mólotov. "


@pytest.mark.parametrize(
    "text",
    [
        _WORLD + "Luis del Olmo y Alfonso Ussía escribieron",  # not Russia
        _WORLD + "Juan Urango (63 kilos) boxeó",  # not Urano
        _WORLD + "la bolsa de Piazza Affari cerró",  # not Affairs
        _WORLD + "el ministro Vannino Chiti dijo",  # not Chita
        _WORLD + "cantó Maríaa del Mar Bonet",  # María, not Marina
        _WORLD + "Enielsen Guevara, Anner Arce y otros",  # not Banner
        _WORLD + "el presidente, Auguto César Lendoiro, dijo",  # Augusto, not August
        _WORLD + "la Comit es un banco",  # not Committee
    ],
)
def test_other_peoples_names_are_not_corrected(text):
    fixed, corrections = correct_text(text)
    assert fixed == text
    assert [c for c in corrections if c.category == "name"] == []


def test_corrections_never_pull_towards_an_english_form():
    from jsr_nlp.lexicon.load import bundled_lexicons, load_lexicon
    from jsr_nlp.lexicon.names import name_index

    index = name_index(load_lexicon(bundled_lexicons()))
    for english in ("Russia", "Affairs", "Committee", "Army", "Banner"):
        assert english not in index.targets
    assert "Zhukov" in index.targets


def test_transliteration_folding():
    assert translit_fold("Zhúkov") == translit_fold("Joukov")
    assert translit_fold("Jaljin Gol") == translit_fold("Khalkhin Gol")
    assert translit_fold("Konev") != translit_fold("Konoe")
