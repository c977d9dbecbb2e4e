"""The components' one serialisation helper: every part round-trips, and exclude is honoured."""

from __future__ import annotations

import pytest
import spacy

COMPONENTS = ["jsr_gazetteer", "jsr_entity_filter", "jsr_linker", "jsr_dates"]
TEXT = "El 20 de agosto de 1939 Zhukov atacó en Khalkhin Gol; la URSS firmó en abril de 1941."


@pytest.fixture(scope="module")
def nlp():
    import jsr_nlp.analysis.factories  # noqa: F401
    from jsr_nlp.resources import pipelines_dir

    # one lexicon instead of all, so a saved component differs from a fresh default one
    people = [str(pipelines_dir() / "lexicons" / "gazetteer-people.toml")]
    nlp = spacy.blank("es")
    for name in COMPONENTS:
        config = {"lexicons": people} if name in {"jsr_gazetteer", "jsr_linker"} else {}
        nlp.add_pipe(name, config=config)
    return nlp


def annotations(doc):
    ents = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    dates = [(s.text, s._.jsr_date.value) for s in doc.spans.get("dates", [])]
    return ents, dates


@pytest.mark.parametrize("name", COMPONENTS)
def test_each_component_round_trips_through_disk_and_bytes(nlp, name, tmp_path):
    component = nlp.get_pipe(name)
    component.cfg["saved"] = name  # a setting a fresh component does not have
    component.to_disk(tmp_path / name)
    written = sorted(p.name for p in (tmp_path / name).iterdir())
    assert written == sorted(f"{part}.{fmt}" for part, fmt in type(component)._parts.items())
    fresh = spacy.blank("es").add_pipe(name)
    assert fresh._dump() != component._dump()
    fresh.from_disk(tmp_path / name)
    assert fresh._dump() == component._dump()
    again = spacy.blank("es").add_pipe(name)
    again.from_bytes(component.to_bytes())
    assert again._dump() == component._dump()


def test_excluded_parts_are_neither_written_nor_read(nlp, tmp_path):
    gazetteer = nlp.get_pipe("jsr_gazetteer")
    gazetteer.to_disk(tmp_path / "g", exclude=["patterns"])
    assert [p.name for p in (tmp_path / "g").iterdir()] == ["cfg.json"]
    data = gazetteer.to_bytes(exclude=["patterns"])
    assert set(spacy.util.srsly.msgpack_loads(data)) == {"cfg"}


def test_a_whole_pipeline_annotates_the_same_after_loading(nlp, tmp_path):
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert annotations(loaded(TEXT)) == annotations(nlp(TEXT))
    assert annotations(nlp(TEXT))[0]  # the text has entities to compare
