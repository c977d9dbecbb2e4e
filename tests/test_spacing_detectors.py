"""Split and glued words: the dictionary and word frequencies decide, not a list."""

from __future__ import annotations

import pytest
import spacy

from jsr_nlp.detectors.spacing import GluedWordDetector, SplitWordDetector


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("es")


def changes(nlp, detector, text):
    doc = nlp.make_doc(text)
    out = []
    for e in detector.propose(doc):
        out.append((doc.text[e.start : e.end], e.replacement))
    return out


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Los soldados japo neses cruzaron el río.", "japo neses", "japoneses"),
        ("Las tropas fueron trasla dadas al norte.", "trasla dadas", "trasladadas"),
        ("El 9 de agos to de 1945 empezó la ofensiva.", "agos to", "agosto"),
        ("El ejército avanzó por los cam pos nevados.", "cam pos", "campos"),
        ("La columna del Gene ral Aparicio se detuvo.", "Gene ral", "General"),
        ("Las g uerrillas atacaron de noche.", "g uerrillas", "guerrillas"),
    ],
)
def test_a_word_cut_by_a_stray_space_is_rejoined(nlp, text, span, fix):
    assert (span, fix) in changes(nlp, SplitWordDetector(), text)


@pytest.mark.parametrize(
    "text",
    [
        "El presidente de la república habló en el congreso.",  # two words, both Spanish
        "Era primus inter pares en el gabinete.",  # Latin: words of another language
        "Il pleut per la strada, dijo en italiano.",  # 'per la' is not 'perla'
        "La Plataforma Unitaria per la Pau protestó.",  # Catalan between two names
        "El Badajoz B en tercera división ganó.",  # an initial, not half a word
        "Kai shek dirigía el Kuomintang.",  # the concatenation is not a Spanish word
    ],
)
def test_two_real_words_are_not_joined(nlp, text):
    assert changes(nlp, SplitWordDetector(), text) == []


@pytest.mark.parametrize(
    ("text", "token", "left"),
    [
        ("La ofensiva delTeatro de Operaciones fracasó.", "delTeatro", "del"),
        ("Según el informe laCrisis económica empeoró.", "laCrisis", "la"),
        ("Subieron lastasas de interés en 1982.", "lastasas", "las"),
        ("Las ventas comenzarona caer en marzo.", "comenzarona", "comenzaron"),
        ("Cayeron lasexportaciones del cobre.", "lasexportaciones", "las"),
        ("Protestaron contra laley del gabinete.", "laley", "la"),
        ("El gobierno del conde deRomanones cayó.", "deRomanones", "de"),  # a name after
        (
            "Los movimientosrevolucionarios de 1866 fracasaron.",
            "movimientosrevolucionarios",
            "movimientos",
        ),
    ],
)
def test_glued_words_get_their_space_back(nlp, text, token, left):
    doc = nlp.make_doc(text)
    (edit,) = GluedWordDetector().propose(doc)
    start = text.index(token)
    assert (edit.start, edit.end, edit.replacement) == (start + len(left),) * 2 + (" ",)


@pytest.mark.parametrize(
    "text",
    [
        "La devaluación y el exministro de Hacienda.",  # real words the dictionary lacks
        "Los vasconavarros y las alianzas angloholandesas.",  # compounds of two stems
        "Terminó anexionándoselas por la fuerza.",  # clitic pronouns after a verb
        "Lo anunció en YouTube y en su iPhone.",  # brand names with inner capitals
        "La dictablanda de Berenguer duró un año.",  # a historian's word, seen in Spanish
        "Estuvo vigente hasta su supensión en 1934.",  # a typo of 'suspensión', not 'su pensión'
        "Vinos jóvenes y vinos sobremadre.",  # a preposition as a prefix
        "Subieron Mediobanca y Mediaset en la bolsa.",  # a brand
        "Aplazó la asamblea sine die.",  # Latin, seen on the web: no one-letter word split off
        "El K2 es el más difícil de los ochomiles.",  # a numeral is not a function word here
        "Eurovestir y las megaelecciones.",  # short first parts are prefixes
        "Erradicación de cocales en Bolivia.",  # one letter from 'vocales': a word, not glue
    ],
)
def test_right_words_are_not_split(nlp, text):
    assert GluedWordDetector().propose(nlp.make_doc(text)) == []
