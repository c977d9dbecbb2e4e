"""TEI P5 export: structure, well-formedness for any text, validation against tei_all."""

from __future__ import annotations

from datetime import date

import pytest
from export_fixtures import random_editions, synthetic_edition
from hypothesis import HealthCheck, given, settings
from lxml import etree

from jsr_nlp.exporters.as_tei import TEI_NS, XML_ID, date_attributes, render_tei
from jsr_nlp.model import DateExpr

NS = {"t": TEI_NS}


def parse(edition):
    data = render_tei(edition, processed=date(2026, 1, 2))
    return etree.fromstring(data)


def test_header_names_source_pipeline_and_processing_date(edition):
    root = parse(edition)
    assert root.findtext("t:teiHeader//t:titleStmt/t:title", namespaces=NS).startswith(
        "Informe sobre Zhukov"
    )
    assert root.find(".//t:sourceDesc//t:idno[@type='sha256']", NS).text == "0" * 64
    assert root.find(".//t:sourceDesc//t:idno[@type='path']", NS).text == "textos/informe.txt"
    app = root.find(".//t:appInfo/t:application", NS)
    assert (app.get("ident"), app.get("version")) == ("jsr-nlp", "0.1.0")
    assert root.find(".//t:profileDesc/t:creation/t:date", NS).get("when") == "2026-01-02"
    langs = [el.get("ident") for el in root.iterfind(".//t:langUsage/t:language", NS)]
    assert langs == ["es", "en"]


def test_every_applied_correction_is_a_choice_in_place(edition):
    root = parse(edition)
    choices = root.findall(".//t:div[@type='edition']//t:choice", NS)
    assert [c.get("n") for c in choices] == [c.id for c in edition.applied]
    for el, c in zip(choices, edition.applied, strict=True):
        assert "".join(el.find("t:sic", NS).itertext()) == c.text
        corr = el.find("t:corr", NS)
        assert "".join(corr.itertext()) == c.replacement
        assert corr.get("resp") == "#jsr-nlp"
        assert corr.get("cert") in {"high", "medium", "low"}
        assert corr.get("ana") == "#rule-" + c.rule
    # the rules that ana points to are declared in the header
    declared = {el.get(XML_ID) for el in root.iterfind(".//t:taxonomy/t:category", NS)}
    assert {c.get("ana")[1:] for c in root.iterfind(".//t:corr", NS)} <= declared


def reading(el):
    """The text of ``el`` without <sic> and <note> subtrees (the clean reading)."""
    out = [el.text or ""]
    for child in el:
        if child.tag not in (f"{{{TEI_NS}}}sic", f"{{{TEI_NS}}}note"):
            out.append(reading(child))
        out.append(child.tail or "")
    return "".join(out)


def test_reading_the_corr_side_gives_the_clean_text(edition):
    """Dropping every <sic> and suggestion note from the Spanish div leaves the clean text."""
    root = parse(edition)
    div = root.find(".//t:div[@type='edition']", NS)
    paragraphs = [reading(p) for p in div.iterfind("t:p", NS)]
    expected = [p.strip() for p in edition.clean_text.split("\n\n")]
    assert [p.replace("\ufffd", "\x07") for p in paragraphs] == expected


def test_suggestions_are_notes_where_they_end(edition):
    root = parse(edition)
    notes = root.findall(".//t:div[@type='edition']//t:note[@type='suggestion']", NS)
    assert [n.get("n") for n in notes] == [c.id for c in edition.suggested]
    japones = notes[0]
    assert japones.findtext("t:orig", namespaces=NS) == "japones"
    assert japones.findtext("t:reg", namespaces=NS) == "japonés"
    assert "¿falta la tilde?" in "".join(japones.itertext())
    assert notes[1].find("t:reg", NS) is None  # nothing proposed: only the flagged text


def test_entities_with_key_and_wikidata_ref(edition):
    root = parse(edition)
    div = root.find(".//t:div[@type='edition']", NS)
    pers = div.find(".//t:persName", NS)
    assert (pers.get("key"), pers.get("ref")) == (
        "zhukov",
        "https://www.wikidata.org/wiki/Q124617",
    )
    # the person wraps the correction that produced the name, sic and corr together
    assert pers.find("t:choice/t:sic", NS).text == "Zukhovs"
    # an entity inside a correction's replacement is marked inside <corr>
    urss = div.find(".//t:corr/t:placeName[@key='urss']", NS)
    assert urss is not None and urss.text == "URSS"
    treaty = div.find(".//t:name[@key='pacto-neutralidad']", NS)
    assert treaty.get("type") == "treaty"
    keys = {el.get("key") for el in div.iter() if el.get("key")}
    assert keys == {e.id for e in edition.entities}


def test_dates_carry_w3c_attributes_and_timex(edition):
    root = parse(edition)
    dates = root.findall(".//t:div[@type='edition']//t:date", NS)
    assert [d.text for d in dates] == [d.text for d in edition.dates]
    assert dates[0].get("when") == "1941-04"
    assert (dates[1].get("from"), dates[1].get("to")) == ("1937-01-01", "1939-12-31")
    assert dates[1].get("when-custom") == "193X"
    assert dates[1].get("datingMethod") == "#timex3"


@pytest.mark.parametrize(
    ("value", "edtf", "earliest", "latest", "mod", "expected"),
    [
        ("1945-08-09", "1945-08-09", "1945-08-09", "1945-08-09", None, {"when": "1945-08-09"}),
        ("1941-02-30", None, None, None, None, {}),  # impossible day: no W3C attribute
        (
            "194X",
            "194X",
            "1940-01-01",
            "1949-12-31",
            None,
            {"notBefore": "1940-01-01", "notAfter": "1949-12-31"},
        ),
        (
            "1945",
            "1945~",
            "1945-01-01",
            "1945-12-31",
            "APPROX",
            {"notBefore": "1945-01-01", "notAfter": "1945-12-31"},
        ),
    ],
)
def test_date_attribute_mapping(value, edtf, earliest, latest, mod, expected):
    d = DateExpr(0, 1, "x", "DATE", value, edtf, earliest, latest, mod, None, 0, 1)
    attrs = date_attributes(d)
    w3c = {k: v for k, v in attrs.items() if k in {"when", "from", "to", "notBefore", "notAfter"}}
    assert w3c == expected
    assert attrs["when-custom"] == value


def test_english_sentences_point_to_spanish_ones(edition):
    root = parse(edition)
    es = {el.get(XML_ID) for el in root.iterfind(".//t:div[@type='edition']//t:s", NS)}
    en = root.findall(".//t:div[@type='translation']/t:p/t:s", NS)
    assert (
        root.find(".//t:div[@type='translation']", NS).get(
            "{http://www.w3.org/XML/1998/namespace}lang"
        )
        == "en"
    )
    assert len(en) == len(edition.translation.segments)
    assert {s.get("corresp")[1:] for s in en} == es
    assert en[0].text.startswith("[en] Informe")
    assert en[3].get("type") == "failed"


def test_no_translation_no_english_div(edition_no_translation):
    root = parse(edition_no_translation)
    assert root.find(".//t:div[@type='translation']", NS) is None
    assert root.find(".//t:s", NS) is None  # no segments: paragraphs only
    assert len(root.findall(".//t:div[@type='edition']/t:p", NS)) == 3


def test_hazardous_characters_are_escaped_or_replaced_and_reported(edition):
    data = render_tei(edition)
    assert b"R&amp;D &lt;b&gt;negrita&lt;/b&gt;" in data
    assert "\u200f".encode() in data  # right-to-left mark kept
    root = etree.fromstring(data)
    notes = [n.text for n in root.iterfind(".//t:notesStmt/t:note", NS)]
    assert any("not allowed in XML" in n for n in notes)


def test_synthetic_editions_validate_against_tei_all(tei_schema, edition, edition_no_translation):
    for ed in (edition, edition_no_translation):
        doc = parse(ed)
        assert tei_schema.validate(doc), tei_schema.error_log


def test_sample_edition_validates_against_tei_all(tei_schema, real_edition):
    doc = parse(real_edition)
    assert tei_schema.validate(doc), tei_schema.error_log
    choices = doc.findall(".//t:div[@type='edition']//t:choice", NS)
    assert len(choices) == len(real_edition.applied)


# -- any text gives well-formed XML ------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_editions())
def test_any_edition_gives_well_formed_tei(ed):
    data = render_tei(ed)
    root = etree.fromstring(data)  # raises on malformed XML
    assert root.tag == f"{{{TEI_NS}}}TEI"
    choices = root.findall(".//t:div[@type='edition']//t:choice", NS)
    assert len(choices) == len(ed.applied)  # corrections are never dropped


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_editions())
def test_random_editions_validate_against_tei_all(tei_schema, ed):
    doc = etree.fromstring(render_tei(ed))
    assert tei_schema.validate(doc), tei_schema.error_log


def test_synthetic_edition_module_is_deterministic():
    assert synthetic_edition() == synthetic_edition()
