"""The sample edition against our annotated list of its errors (tests/cases/sample_errors.toml).

Only the text stages run here (ingest, clean, correct), so the check is fast; the full
edition, with analysis, is tested in test_pipeline.py.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from jsr_nlp.audit import replay
from jsr_nlp.ingest import from_string

ERRORS = tomllib.loads((Path(__file__).parent / "cases" / "sample_errors.toml").read_text("utf-8"))[
    "error"
]


@pytest.fixture(scope="module")
def sample_log(pipeline, sample_text):
    return pipeline.edit(from_string(sample_text))


def _locate(text: str, snippet: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(snippet, pos + 1)
        assert pos >= 0, f"{snippet!r} not in the sample"
    return pos


@pytest.mark.parametrize("error", ERRORS, ids=[e["source"][:30] for e in ERRORS])
def test_error_is_handled(sample_log, error):
    start = _locate(sample_log.source, error["source"], error.get("nth", 0))
    end = start + len(error["source"])
    touching = [
        c
        for c in sample_log.corrections
        if (c.start < end and start < c.end) or (c.start == c.end and start <= c.start <= end)
    ]
    if error["expect"] == "fixed":
        assert any(c.action == "applied" for c in touching), f"nothing applied to {error}"
        if "clean" in error:
            align_start = _clean_offset(sample_log, start)
            window = sample_log.text[align_start : align_start + len(error["clean"]) + 40]
            assert window.startswith(error["clean"]), window
    else:
        assert any(c.action == "suggested" for c in touching), f"not flagged: {error}"


def _clean_offset(log, source_pos: int) -> int:
    """Clean offset of a source position that no correction starts before."""
    delta = 0
    for c in log.corrections:
        if c.action == "applied" and c.end <= source_pos:
            delta += len(c.replacement or "") - (c.end - c.start)
    return source_pos + delta


def test_audit_trail_replays(sample_log):
    assert replay(sample_log.source, sample_log.corrections) == sample_log.text
    for c in sample_log.corrections:
        assert c.note and c.rule and c.category
        assert sample_log.source[c.start : c.end] == c.text


def test_cleaning_the_clean_text_again_applies_nothing(pipeline, sample_log):
    again = pipeline.edit(from_string(sample_log.text))
    assert [c for c in again.corrections if c.action == "applied"] == []


def test_counts_by_category_are_reported(sample_log, capsys):
    counts = Counter((c.action, c.category) for c in sample_log.corrections)
    with capsys.disabled():
        print("\nsample corrections by (action, category):", dict(sorted(counts.items())))
    assert sum(n for (a, _), n in counts.items() if a == "applied") >= 30
