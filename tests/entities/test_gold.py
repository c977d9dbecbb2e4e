"""Entity mentions against the hand annotations in gold/: F1, ids, and the bare model."""

from __future__ import annotations

import pytest
from conftest import SCORES, bare, entities_only
from evaluate import Gold, Mention, all_gold, predict, score

GOLD = {g.name: g for g in all_gold()}
PASSAGES = [name for name in GOLD if name != "sample"]


def _linked_ids_right(gold: list[Mention], predicted: list[Mention]) -> list[str]:
    """Predicted mentions that carry an id that the gold mention at that span does not."""
    by_span = {(m.start, m.end): m for m in gold}
    wrong = []
    for p in predicted:
        g = by_span.get((p.start, p.end))
        if p.id and g is not None and g.id != p.id:
            wrong.append(f"{p.text!r}: {p.id} (gold {g.id or 'unknown'})")
    return wrong


def _run(nlp, gold: Gold) -> tuple[list[Mention], float]:
    with bare(nlp):
        bare_score = score(gold.mentions, predict(nlp, gold))
    with entities_only(nlp):
        predicted = predict(nlp, gold)
    ours = score(gold.mentions, predicted)
    SCORES[f"raw  {gold.name} bare"] = bare_score.line()
    SCORES[f"raw  {gold.name} ours"] = ours.line()
    assert ours.f1 >= bare_score.f1, "the pipeline must never do worse than the bare model"
    return predicted, ours.f1


@pytest.mark.model
def test_sample_reaches_f1_095_with_right_ids(entity_nlp):
    gold = GOLD["sample"]
    predicted, f1 = _run(entity_nlp, gold)
    assert f1 >= 0.95, SCORES["raw  sample ours"]
    assert _linked_ids_right(gold.mentions, predicted) == []


@pytest.mark.model
@pytest.mark.parametrize("name", PASSAGES)
def test_passages_reach_f1_090(entity_nlp, name):
    _predicted, f1 = _run(entity_nlp, GOLD[name])
    assert f1 >= 0.90, SCORES[f"raw  {name} ours"]


@pytest.mark.model
def test_edition_entities_on_clean_text(request):
    """The lead's end-to-end pipeline: entities with clean offsets, scored on the clean text."""
    import jsr_nlp

    if not hasattr(jsr_nlp, "load_pipeline"):
        pytest.skip("jsr_nlp.load_pipeline does not exist yet")
    pipeline = request.getfixturevalue("pipeline")
    try:
        pipeline.nlp  # noqa: B018 - builds the spaCy pipeline, or says why it cannot
    except jsr_nlp.JsrNlpError as err:
        pytest.skip(f"the default pipeline cannot be built yet: {err}")
    for name, gold in GOLD.items():
        edition = pipeline(gold.text, name=str(gold.path))
        assert all(edition.clean_text[e.start : e.end] == e.text for e in edition.entities)
        predicted = [Mention(e.start, e.end, e.text, e.label, e.id or "") for e in edition.entities]
        expected = gold.in_clean(edition.clean_text)
        result = score(expected, predicted)
        SCORES[f"edition {name}"] = result.line()
        assert result.f1 >= (0.95 if name == "sample" else 0.90), result.line()
        if name == "sample":
            assert _linked_ids_right(expected, predicted) == []


def test_blank_pipeline_finds_the_gazetteer_names(blank_nlp):
    """Without a model (no entities, no POS) the gazetteer alone still does most of the work."""
    for name, gold in GOLD.items():
        result = score(gold.mentions, predict(blank_nlp, gold))
        SCORES[f"blank {name}"] = result.line()
        assert result.f1 >= 0.85, f"{name}: {result.line()}"
        assert result.id_accuracy == 1.0, result.id_wrong
