"""Well-edited Spanish passes through the text stages with zero applied corrections.

The paragraphs are our own, written in the register the tool will meet (encyclopaedic
prose with numbers, abbreviations, quotations, lists and Japanese script), using the
words our rules target in their correct senses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jsr_nlp.ingest import from_string

CASES = Path(__file__).parent / "cases"
FILES = sorted(CASES.glob("clean_*.md"))
PARAGRAPHS = [(f.name, p) for f in FILES for p in f.read_text("utf-8").split("\n\n") if p.strip()]


def test_there_is_enough_clean_text():
    assert len(PARAGRAPHS) >= 15


@pytest.mark.parametrize(
    ("name", "paragraph"), PARAGRAPHS, ids=[f"{n}:{p[:30]}" for n, p in PARAGRAPHS]
)
def test_no_applied_correction(pipeline, name, paragraph):
    log = pipeline.edit(from_string(paragraph))
    applied = [(c.rule, c.text, c.replacement) for c in log.corrections if c.action == "applied"]
    assert applied == []
    assert log.text == paragraph
