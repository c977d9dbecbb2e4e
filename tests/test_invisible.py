"""Invisible characters are removed as recorded corrections, so names survive and offsets map.

Soft hyphens, zero-width spaces, a BOM in mid-text, no-break spaces inside a name and the
bidirectional controls once went through cleaning untouched and split names (the
reliability issue, item 11).
"""

from __future__ import annotations

import pytest

from jsr_nlp.audit import replay

TEXT = (
    "En agosto de 1945 el Ejér\u00adcito Rojo atacó Manchuria. Stalin\u200b había prometido "
    "la ofensiva en Yalta; el mariscal Vasilevski\ufeff la dirigió desde Chitá.\u202e Fin."
)


@pytest.fixture(scope="module")
def edition(pipeline):
    return pipeline(TEXT)


def test_invisible_characters_are_removed_and_recorded(edition):
    clean = edition.clean_text
    for ch in "\u00ad\u200b\ufeff\u202e":
        assert ch not in clean
    removed = [c for c in edition.corrections if c.rule == "clean.invisible"]
    assert {c.text for c in removed} == {"\u00ad", "\u200b", "\ufeff", "\u202e"}
    assert all(c.action == "applied" and c.category == "invisible" for c in removed)
    assert replay(edition.source_text, edition.corrections) == clean


def test_names_split_by_invisible_characters_are_found(edition):
    found = {(e.text, e.label) for e in edition.entities}
    assert ("Ejército Rojo", "ORG") in found
    assert ("Stalin", "PER") in found
    ejercito = next(e for e in edition.entities if e.text == "Ejército Rojo")
    # the entity's source span covers the soft hyphen it was written with
    assert edition.source_text[ejercito.source_start : ejercito.source_end] == "Ejér\u00adcito Rojo"


def test_no_break_space_inside_a_name_becomes_a_space_but_not_before_a_unit(pipeline):
    ed = pipeline("El Ejército\u00a0Rojo avanzó 40\u00a0km y ganó un 5\u00a0% del terreno.")
    assert "Ejército Rojo" in ed.clean_text
    assert "40\u00a0km" in ed.clean_text and "5\u00a0%" in ed.clean_text
