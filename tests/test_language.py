"""Non-Spanish text is recognised, not "corrected" as Spanish (the reliability issue, item 12)."""

from __future__ import annotations

FRENCH = (
    "Staline a signé le pacte de neutralité avec le Japon en avril 1941, ce qui surprit "
    "Hitler et ses généraux. Molotof reçut Matsuoka au Kremlin le 13 avril."
)
SPANISH = (
    "Stalin firmó el pacto de neutralidad con Japón en abril de 1941. El mariscal Georgi "
    "Zukhovs mandaba entonces 57,000 tropas en Mongolia."
)


def test_a_french_text_is_not_corrected_and_says_so(pipeline):
    ed = pipeline(FRENCH)
    assert ed.source.language == "fr"
    assert ed.clean_text == FRENCH
    assert [c for c in ed.corrections if c.action == "applied"] == []
    assert any("not Spanish" in w for w in ed.warnings)


def test_a_quoted_paragraph_in_another_language_is_left_alone(pipeline):
    text = SPANISH + "\n\n" + FRENCH[:100] + "\n\n" + SPANISH
    ed = pipeline(text)
    assert ed.source.language == "es"
    french = text.index(FRENCH[:100])
    inside = [
        c for c in ed.corrections if french <= c.start < french + 100 and c.action == "applied"
    ]
    assert inside == []
    # the Spanish paragraphs around it are still corrected
    assert ed.clean_text.count("Georgi Zhukov") == 2
    assert any("not Spanish (fr)" in w for w in ed.warnings)


def test_spanish_text_is_spanish_without_warning(pipeline, sample_text):
    ed = pipeline(sample_text)
    assert ed.source.language == "es"
    assert not any("Spanish" in w for w in ed.warnings)
