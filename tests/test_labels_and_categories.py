"""Entity labels and correction categories are defined once, in ``jsr_nlp.model``."""

from __future__ import annotations

import json

import pytest

from jsr_nlp.model import CATEGORIES, LABELS, Edition, EditionFormatError


def test_the_lexicon_schema_uses_the_models_sets():
    from jsr_nlp import model
    from jsr_nlp.lexicon import schema

    assert schema.Label is model.Label
    assert schema.Category is model.RuleCategory
    assert set(schema.KINDS.values()) <= set(LABELS)


def test_exporters_name_every_label():
    from jsr_nlp.exporters.as_html import LABEL_NAMES
    from jsr_nlp.exporters.as_tei import ELEMENT_OF_LABEL

    assert set(LABEL_NAMES) == set(LABELS)
    assert set(ELEMENT_OF_LABEL) <= set(LABELS)


def test_the_sample_uses_only_known_labels_and_categories(sample_edition):
    assert {c.category for c in sample_edition.corrections} <= set(CATEGORIES)
    assert {e.label for e in sample_edition.entities} <= set(LABELS)


def test_an_edition_with_an_unknown_category_is_rejected(sample_edition):
    data = json.loads(sample_edition.to_json())
    data["corrections"][0]["category"] = "vibes"
    with pytest.raises(EditionFormatError, match=r"corrections\[0\]\.category: expected one of"):
        Edition.from_dict(data)


def test_an_edition_with_an_unknown_label_is_rejected(sample_edition):
    data = json.loads(sample_edition.to_json())
    data["entities"][0]["label"] = "PERSON"
    with pytest.raises(EditionFormatError, match=r"entities\[0\]\.label: expected one of"):
        Edition.from_dict(data)
