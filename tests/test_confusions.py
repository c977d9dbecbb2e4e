"""OCR letter confusions: undone where the dictionary allows one reading only."""

from __future__ import annotations

import pytest
import spacy

from jsr_nlp.detectors.confusions import ConfusionDetector


@pytest.fixture(scope="module")
def proposals():
    nlp = spacy.blank("es")
    detector = ConfusionDetector()

    def run(text):
        doc = nlp.make_doc(text)
        return [(doc.text[e.start : e.end], e.replacement, e.rule) for e in detector.propose(doc)]

    return run


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("El gobiemo declaró la guerra.", "gobiemo", "gobierno"),  # rn read as m
        ("La rnuerte del general.", "rnuerte", "muerte"),  # m read as rn
        ("El ministro cleclaró la guerra.", "cleclaró", "declaró"),  # d read as cl
        ("El ejército espafiol avanzó.", "espafiol", "español"),  # ñ read as fi
        ("Al ﬁnal llegó la paz.", "ﬁnal", "final"),  # a ligature
        ("Los c1aros del bosque.", "c1aros", "claros"),  # l read as 1
        ("El 0bispo habló.", "0bispo", "obispo"),  # o read as 0
        ("El 26 cle julio de 1953 atacaron.", "cle", "de"),  # seen on the web, far rarer
        ("Con eI resultado de la muerte.", "eI", "el"),  # a capital inside: OCR made it
        ("Se alió c0n los demócratas.", "c0n", "con"),
        ("Y en 1a alianza con 1os demócratas.", "1os", "los"),
        ("Bajo el mando del C0ronel Río.", "C0ronel", "Coronel"),  # a digit: not a name
    ],
)
def test_one_reading_is_applied(proposals, text, bad, fix):
    assert (bad, fix, "ocr.confusion") in proposals(text)


@pytest.mark.parametrize(
    "text",
    [
        "El 1a de mayo y el 2º puesto; 10 muertos y 3er lugar.",  # numbers and ordinals
        "El gobierno de Carlos III declaró la guerra en 1939.",  # Roman numerals, words
        "La ONU y el MI6 intervinieron.",  # acronyms
        "Las tropas de Rommel cruzaron el Marne.",  # names the dictionary lacks
        "Los pacientes cardiacos fueron evacuados.",  # no confusion gives another word
    ],
)
def test_right_text_is_left_alone(proposals, text):
    assert [p for p in proposals(text) if p[2] == "ocr.confusion"] == []
