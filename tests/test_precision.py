"""Change nothing that is right: the limits of the precision issue on real, well-edited text.

The corpora are data (``tests/corpora/``, sources in each ``SOURCES.md``); the per-rule
figures with context come from ``uv run python bench/bench_corrections.py``.
"""

from __future__ import annotations

import pytest
from corpora import LAYOUT, changes_words, context, corpora, corpus_corrections


@pytest.fixture(scope="module")
def found(pipeline):
    return {name: (texts, corpus_corrections(pipeline, texts)) for name, texts in corpora().items()}


def _per_100k(n: int, texts: dict[str, str]) -> float:
    return n * 100_000 / sum(len(t) for t in texts.values())


def _show(items) -> str:
    return "\n".join(
        f"{c.rule} {f}: {context(s, c.start, c.end)} → {c.replacement!r}" for f, s, c in items
    )


@pytest.mark.parametrize("name", ["clean", "heldout-clean"])
def test_well_edited_spanish_is_left_alone(found, name):
    if name not in found:
        pytest.skip(f"no {name} corpus")
    texts, items = found[name]
    assert sum(len(t) for t in texts.values()) > 40_000
    content = [x for x in items if x[2].action == "applied" and x[2].category not in LAYOUT]
    assert _per_100k(len(content), texts) <= 1.0, _show(content)
    suggested = [x for x in items if x[2].action == "suggested"]
    assert _per_100k(len(suggested), texts) < 10.0, _show(suggested)


def test_conll_news_gets_no_content_changes(found):
    texts, items = found["conll"]
    assert sum(len(t) for t in texts.values()) > 500_000
    # stray stops and doubled punctuation are artefacts of the CoNLL conversion (a lost
    # token): removing them is a layout fix; anything that changes words or numbers counts
    words = [x for x in items if x[2].action == "applied" and changes_words(x[2])]
    assert len(words) <= 5, _show(words)


def test_damaged_pages_are_still_repaired(found):
    _, items = found["damaged"]
    applied = [x for x in items if x[2].action == "applied" and x[2].category not in LAYOUT]
    assert len(applied) >= 10


def test_apply_threshold_is_a_pipeline_setting(tmp_path, sample_text):
    import jsr_nlp
    from jsr_nlp.ingest import from_string
    from jsr_nlp.resources import pipelines_dir

    strict = tmp_path / "strict.toml"
    strict.write_text(
        (pipelines_dir() / "default.toml")
        .read_text("utf-8")
        .replace("apply_threshold = 0.6", "apply_threshold = 0.96")
        .replace('"lexicons/*.toml"', f'"{pipelines_dir()}/lexicons/*.toml"'),
        "utf-8",
    )
    log = jsr_nlp.load_pipeline(strict).edit(from_string(sample_text))
    applied = [c for c in log.corrections if c.action == "applied"]
    assert applied and all(c.confidence >= 0.96 for c in applied)
    # the 0.9 rules are still there, as suggestions
    assert any(
        c.action == "suggested" and c.rule == "clean.thousands-separator" for c in log.corrections
    )
