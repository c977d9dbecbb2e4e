"""The three entity components on small Spanish texts, in a blank pipeline (no model).

The filter is fed the kind of entity spans es_core_news_sm produces (set by hand here), so
these tests stay fast and do not depend on the model's mood.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from jsr_nlp.analysis.records import doc_entities

FACTORIES = ["jsr_gazetteer", "jsr_entity_filter", "jsr_linker"]


def ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def with_model_ents(nlp: Language, text: str, spans: list[tuple[str, str]]) -> Doc:
    """Run the pipeline on ``text`` as if the model had tagged ``spans`` (text, label)."""
    doc = nlp.make_doc(text)
    out = []
    pos = 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(doc.char_span(start, pos, label=label))
    doc.ents = out
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# -- registration ------------------------------------------------------------------------


@pytest.mark.parametrize("name", FACTORIES)
def test_factory_is_registered(name):
    import jsr_nlp.analysis.factories  # noqa: F401

    assert spacy.registry.has("factories", name)
    assert Language.has_factory(name)


@pytest.mark.parametrize("name", FACTORIES)
def test_factory_config_is_json_with_defaults(name):
    import json

    defaults = Language.get_factory_meta(name).default_config
    assert json.loads(json.dumps(defaults)) == defaults


# -- gazetteer: case, acronyms, articles, scripts ------------------------------------------


def test_acronyms_match_only_in_capitals(blank_nlp):
    doc = blank_nlp("EE. UU. y la U.R.S.S. frente al NKVD, la IJA y la urss.")
    found = ents(doc)
    assert ("EE. UU.", "LOC", "loc.estados-unidos") in found
    assert ("U.R.S.S.", "LOC", "loc.urss") in found
    assert ("IJA", "ORG", "org.ija") in found
    assert all(e[0] != "urss" for e in found)
    assert any(e[2] == "org.nkvd" for e in found)


def test_capitalised_names_do_not_match_common_words(blank_nlp):
    doc = blank_nlp("El eje de la rueda y una armada de barcos; luego las potencias del Eje.")
    assert ents(doc) == [("Eje", "ORG", "org.eje")]


def test_article_and_contraction_stay_outside_the_span(blank_nlp):
    doc = blank_nlp("Las tropas del Ejército de Kwantung y el Ejército Rojo.")
    assert [e.text for e in doc.ents] == ["Ejército de Kwantung", "Ejército Rojo"]
    assert [e.label_ for e in doc.ents] == ["ORG", "ORG"]


def test_cjk_mentions_are_linked(blank_nlp):
    doc = blank_nlp("la doctrina 南進論 y el ノモンハン事件 de 1939")
    assert ents(doc) == [
        ("南進論", "MISC", "doc.nanshin-ron"),
        ("ノモンハン事件", "MISC", "bat.khalkhin-gol"),
    ]


def test_transliteration_variant_without_alias_is_linked(blank_nlp):
    # "Jaljin Gol" is listed, "Jalkhin Gol" is not: folding kh/j makes them one key
    doc = blank_nlp("La derrota en Jalkhin Gol fue total.")
    assert ents(doc) == [("Jalkhin Gol", "MISC", "bat.khalkhin-gol")]


def test_coordinated_names_are_two_mentions(blank_nlp):
    doc = blank_nlp("las bombas de Hiroshima y Nagasaki")
    assert [e.text for e in doc.ents] == ["Hiroshima", "Nagasaki"]


def test_description_is_not_the_event_but_a_place_head_is_the_place(blank_nlp):
    doc = blank_nlp("Tras la invasión soviética de Manchuria, cruzaron el río Amur.")
    assert ents(doc) == [("Manchuria", "LOC", "loc.manchuria"), ("Amur", "LOC", "loc.amur")]


def test_numbered_unit_is_an_organisation(blank_nlp):
    doc = blank_nlp("Llegó la 7.ª División Acorazada de Siberia.")
    assert [(e.text, e.label_) for e in doc.ents] == [("7.ª División Acorazada de Siberia", "ORG")]


# -- filter ------------------------------------------------------------------------------------


def test_filter_drops_openers_descriptions_and_roles(blank_nlp):
    text = "Después de eso, El grupo del norte quería paz. La escaramuza culminó. Primer Ministro."
    doc = with_model_ents(
        blank_nlp,
        text,
        [
            ("Después", "PER"),
            ("El grupo del norte", "MISC"),
            ("La escaramuza culminó", "MISC"),
            ("Primer Ministro", "PER"),
        ],
    )
    assert ents(doc) == []


def test_filter_trims_roles_and_determiners(blank_nlp):
    text = (
        "Dijo el presidente Oyarzún. La República de Zembla y el general Kravtsov Mientras tanto."
    )
    doc = with_model_ents(
        blank_nlp,
        text,
        [
            ("presidente Oyarzún", "PER"),
            ("La República de Zembla", "ORG"),
            ("Kravtsov Mientras", "PER"),
        ],
    )
    # unknown names: found, typed by their head, never linked
    assert ents(doc) == [
        ("Oyarzún", "PER", ""),
        ("República de Zembla", "LOC", ""),
        ("Kravtsov", "PER", ""),
    ]


def test_filter_keeps_longer_names_built_on_known_ones(blank_nlp):
    text = "(Fuente: Guerras de Stalin)"
    doc = with_model_ents(blank_nlp, text, [("Fuente: Guerras de Stalin", "MISC")])
    assert ents(doc) == [("Guerras de Stalin", "MISC", "")]


def test_capitalised_article_mid_sentence_is_part_of_the_name(blank_nlp):
    text = "Lo publicó El Diario de Harbin. La Gaceta lo negó."
    doc = with_model_ents(blank_nlp, text, [("El Diario de Harbin", "ORG"), ("La Gaceta", "ORG")])
    assert [e.text for e in doc.ents] == ["El Diario de Harbin", "Gaceta"]


def test_numbers_alone_are_not_names(blank_nlp):
    doc = with_model_ents(
        blank_nlp, "En 1939 hubo 75,000 bajas.", [("1939", "MISC"), ("75,000", "MISC")]
    )
    assert ents(doc) == []


# -- linker ------------------------------------------------------------------------------------


def test_model_mislabels_are_relabelled_by_the_gazetteer(blank_nlp):
    text = "Japón atacó. Khalkhin Gol fue duro para el Ejército Rojo."
    doc = with_model_ents(
        blank_nlp, text, [("Japón", "PER"), ("Khalkhin Gol", "PER"), ("Ejército Rojo", "LOC")]
    )
    assert ents(doc) == [
        ("Japón", "LOC", "loc.japon"),
        ("Khalkhin Gol", "MISC", "bat.khalkhin-gol"),
        ("Ejército Rojo", "ORG", "org.ejercito-rojo"),
    ]


def test_fuzzy_and_suffixed_variants_link_to_one_identity(blank_nlp):
    text = "la reputación de Georgi Zukhovs creció; Zhúkov y Zhukov ganaron."
    doc = with_model_ents(
        blank_nlp, text, [("Georgi Zukhovs", "PER"), ("Zhúkov", "PER"), ("Zhukov", "PER")]
    )
    assert {e.kb_id_ for e in doc.ents} == {"per.zhukov"}
    assert doc.ents[0]._.jsr_canonical == "Gueorgui Zhúkov" or doc.ents[0]._.jsr_canonical
    assert doc.ents[0]._.jsr_kind == "person"


@pytest.mark.parametrize(
    "name",
    [
        "Nikolái Zhukovsky",
        "Polina Molotova",
        "Wanda Vasilevskaya",
        "Iván Stalinski",
        "Theodore Zhukov",
        "Tojomura",
    ],
)
def test_names_resembling_known_ones_are_never_forced(blank_nlp, name):
    text = f"Según {name}, la guerra terminó."
    doc = with_model_ents(blank_nlp, text, [(name, "PER")])
    assert ents(doc) == [(name, "PER", "")]
    assert doc.ents[0]._.jsr_canonical is None


def test_surname_after_full_name_links_to_it(blank_nlp):
    text = "Llegó Michitarō Komatsubara. Después Komatsubara se retiró."
    doc = with_model_ents(
        blank_nlp, text, [("Michitarō Komatsubara", "PER"), ("Komatsubara", "PER")]
    )
    assert [e.kb_id_ for e in doc.ents] == ["per.komatsubara"] * 2


def test_surname_follows_the_person_named_in_this_text(blank_nlp):
    text = "Theodore Roosevelt medió en 1905; Roosevelt recibió el Nobel."
    doc = with_model_ents(blank_nlp, text, [("Theodore Roosevelt", "PER"), ("Roosevelt", "PER")])
    assert [e.kb_id_ for e in doc.ents] == ["per.theodore-roosevelt"] * 2


def test_short_form_links_only_after_a_full_mention(blank_nlp):
    before = blank_nlp("El Pacto fue firmado por ambos.")
    assert ents(before) == []
    after = blank_nlp(
        "Firmaron el Pacto de Neutralidad Soviético-Japonés en abril; el Pacto duró hasta 1945, "
        "pero el pacto era frágil."
    )
    assert [e.text for e in after.ents] == ["Pacto de Neutralidad Soviético-Japonés", "Pacto"]
    assert {e.kb_id_ for e in after.ents} == {"tra.pacto-neutralidad"}


def test_river_name_after_a_geographic_head_is_the_place(blank_nlp):
    doc = with_model_ents(
        blank_nlp, "cruzaron el río Khalkhin Gol y la aldea de Nomonhan", [("Nomonhan", "MISC")]
    )
    assert ents(doc) == [("Khalkhin Gol", "LOC", "loc.jalja"), ("Nomonhan", "LOC", "")]


# -- records and serialisation ---------------------------------------------------------------


def test_records_have_the_contract_keys(blank_nlp):
    doc = blank_nlp("La URSS y el general Pérez.")
    records = [asdict(e) for e in doc_entities(doc)]
    assert records[0] == {
        "start": 3,
        "end": 7,
        "text": "URSS",
        "label": "LOC",
        "kind": "state",
        "id": "loc.urss",
        "canonical": "Unión Soviética",
        "wikidata": records[0]["wikidata"],
        "english": "Soviet Union",
        "source_start": 3,  # no alignment: the doc's text is its own source
        "source_end": 7,
    }
    assert doc.text[records[0]["start"] : records[0]["end"]] == "URSS"


def test_pipeline_round_trips_through_disk(blank_nlp, tmp_path):
    text = "Zhukov venció en Khalkhin Gol al Ejército de Kwantung."
    blank_nlp.to_disk(tmp_path / "nlp")
    assert (tmp_path / "nlp" / "jsr_gazetteer" / "patterns.jsonl").exists()
    loaded = spacy.load(tmp_path / "nlp")
    assert ents(loaded(text)) == ents(blank_nlp(text))
    assert loaded.get_pipe("jsr_linker").cfg == blank_nlp.get_pipe("jsr_linker").cfg


def test_components_work_from_bytes(blank_nlp):
    nlp = spacy.blank("es")
    for name in FACTORIES:
        nlp.add_pipe(name)
    nlp.from_bytes(blank_nlp.to_bytes())
    assert ents(nlp("la URSS")) == [("URSS", "LOC", "loc.urss")]


def test_components_initialise_lazily():
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_gazetteer", config={"lexicons": ["gazetteer-places"]})
    nlp.add_pipe("jsr_linker")
    # no nlp.initialize(): the data is loaded on the first call
    assert ents(nlp("Mongolia y Stalin")) == [("Mongolia", "LOC", "loc.mongolia")]


def test_entity_data_rejects_unknown_keys(tmp_path):
    from jsr_nlp.analysis.entities.data import load_entity_words
    from jsr_nlp.errors import ConfigurationError

    bad = tmp_path / "words.toml"
    bad.write_text('[meta]\nname = "x"\n[words]\nrolez = ["general"]\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="rolez"):
        load_entity_words([bad])
