"""Page numbers and running headers between paragraphs; headings and prose stay."""

from __future__ import annotations

import pytest
import spacy

from jsr_nlp.detectors.furniture import FurnitureDetector


@pytest.fixture(scope="module")
def found():
    nlp = spacy.blank("es")
    detector = FurnitureDetector()

    def run(text):
        doc = nlp.make_doc(text)
        return [(text[e.start : e.end], e.replacement) for e in detector.propose(doc)]

    return run


def test_a_lone_page_number_is_removed_with_its_break(found):
    text = "El ejército avanzó hacia el río.\n\n298\n\nLa ciudad cayó en agosto."
    assert found(text) == [("298\n\n", "")]


def test_a_header_with_its_page_number_is_removed(found):
    text = "E taba ya para anochecer.\n\n298 MARIANO TORRENTE\n\ncuando se aproximaron."
    assert found(text) == [("298 MARIANO TORRENTE\n\n", "")]


def test_a_repeated_header_is_removed_and_a_single_one_only_flagged(found):
    text = (
        "Primero.\n\nHISTORIA DE ESPAÑA\n\nSegundo.\n\nHISTORIA DE ESPAÑA\n\n"
        "Tercero.\n\nEL TIEMPO DE LAS REFORMAS\n\nCuarto."
    )
    assert found(text) == [
        ("HISTORIA DE ESPAÑA\n\n", ""),
        ("HISTORIA DE ESPAÑA\n\n", ""),
        ("EL TIEMPO DE LAS REFORMAS\n\n", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "En 1945 terminó la guerra.\n\nEl 9 de agosto cayó la bomba.",  # numbers in prose
        "La ONU y la URSS firmaron.\n\nEl acuerdo duró.",  # acronyms in prose
        "Resultados\n\nVotaron 1.250 personas.",  # a heading in sentence case
        "Tabla:\n\n1945 — 1950\n\nFin.",  # a range of years is not a page number
    ],
)
def test_prose_and_headings_are_left_alone(found, text):
    assert found(text) == []
