"""HTML report: self-contained, every item in the DOM with its tooltip, any text safe."""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from export_fixtures import random_editions
from hypothesis import HealthCheck, given, settings

from jsr_nlp.exporters.as_html import render_html


def dom(edition):
    return lxml.html.document_fromstring(render_html(edition))


def layer_ids(doc) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for el in doc.xpath("//*[@data-layer]"):
        ids.setdefault(el.get("data-layer"), set()).add(el.get("data-id"))
    return ids


def expected_counts(ed) -> dict[str, int]:
    return {
        "correction": len(ed.applied),
        "suggestion": len(ed.suggested),
        "entity": len(ed.entities),
        "date": len(ed.dates),
    }


def cell_text(cell) -> str:
    """What a reader sees in a cell, without tooltips and the phone-only label."""
    parts = [cell.text or ""]
    for child in cell:
        if "tip" not in (child.get("class") or "").split() and "cell-label" not in (
            child.get("class") or ""
        ):
            parts.append(cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_item_is_in_the_dom_once(edition):
    doc = dom(edition)
    counts = {layer: len(ids) for layer, ids in layer_ids(doc).items()}
    assert counts == expected_counts(edition)
    assert {el.get("data-id") for el in doc.xpath("//*[@data-layer='correction']")} == {
        c.id for c in edition.applied
    }


def test_each_item_has_a_focusable_mark_with_its_explanation(edition):
    doc = dom(edition)
    primaries = doc.xpath("//*[@data-layer][not(@data-fragment)]")
    assert len(primaries) == sum(expected_counts(edition).values())
    for el in primaries:
        assert el.get("tabindex") == "0"
        tip = doc.get_element_by_id(el.get("aria-describedby"))
        assert tip.get("role") == "tooltip"
    c1 = doc.xpath("//*[@data-layer='correction'][@data-id='c1']")[0]
    tip = doc.get_element_by_id(c1.get("aria-describedby")).text_content()
    for expected in ("names.fuzzy", "Category: name", "variante de Zhúkov"):
        assert expected in tip
    zhukov = doc.xpath("//*[@data-layer='entity'][@data-entity='zhukov']")[0]
    tip = doc.get_element_by_id(zhukov.get("aria-describedby")).text_content()
    for expected in ("Gueorgui Zhúkov", "Q124617", "PER"):
        assert expected in tip
    date = doc.xpath("//*[@data-layer='date']")[0]
    assert date.get("data-value") == "1941-04"


def test_suggestions_look_different_from_applied_fixes(edition):
    doc = dom(edition)
    applied = {el.get("class") for el in doc.xpath("//*[@data-layer='correction']")}
    suggested = {el.get("class") for el in doc.xpath("//*[@data-layer='suggestion']")}
    assert all("corr" in c.split() for c in applied)
    assert all("sugg" in c.split() and "corr" not in c.split() for c in suggested)


def test_clean_column_reads_as_the_clean_text(edition):
    doc = dom(edition)
    cells = doc.xpath("//div[contains(@class,'col-clean')]")
    assert squash("".join(cell_text(c) for c in cells)) == squash(
        edition.clean_text.replace("\x07", "\ufffd")
    )
    sources = doc.xpath("//div[contains(@class,'col-src')]")
    assert squash("".join(cell_text(c) for c in sources)) == squash(
        edition.source_text.replace("\x07", "\ufffd")
    )


def test_english_column_and_language_attributes(edition, edition_no_translation):
    doc = dom(edition)
    assert doc.get("lang") == "en"
    assert {c.get("lang") for c in doc.xpath("//div[contains(@class,'col-clean')]")} == {"es"}
    english = doc.xpath("//div[contains(@class,'col-en')][@lang='en']")
    segs = [s for cell in english for s in cell.xpath(".//*[@data-seg]")]
    assert len(segs) == len(edition.translation.segments)
    assert segs[3].get("data-status") == "failed"
    assert not dom(edition_no_translation).xpath("//*[contains(@class,'col-en')]")
    assert not dom(edition_no_translation).xpath("//input[@data-toggle='translation']")


def test_summary_counts_by_category_and_label(edition):
    doc = dom(edition)
    rows = doc.xpath("//*[@id='summary-corrections']//tbody/tr")
    table = {r[0].text_content(): (int(r[1].text), int(r[2].text)) for r in rows}
    expected: dict[str, Counter] = {}
    for c in edition.corrections:
        expected.setdefault(c.category, Counter())[c.action] += 1
    assert table == {k: (v["applied"], v["suggested"]) for k, v in expected.items()}
    labels = doc.xpath("//*[@id='summary-entities']//tbody/tr")
    assert {r[0].text_content().split()[0]: int(r[1].text) for r in labels} == dict(
        Counter(e.label for e in edition.entities)
    )


def test_page_is_self_contained_and_escaped(edition):
    html = render_html(edition)
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//link | //img | //iframe | //script[@src]")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "&lt;b&gt;negrita&lt;/b&gt;" in html  # the source's markup is text, not tags
    assert not doc.xpath("//b")
    toggles = {el.get("data-toggle") for el in doc.xpath("//input[@type='checkbox']")}
    assert toggles == {"correction", "suggestion", "entity", "date", "translation"}


def test_sample_report_counts(real_edition):
    doc = dom(real_edition)
    counts = {layer: len(ids) for layer, ids in layer_ids(doc).items()}
    expected = {k: v for k, v in expected_counts(real_edition).items() if v}
    assert counts == expected


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_editions())
def test_any_edition_gives_a_complete_report(ed):
    doc = dom(ed)
    counts = {layer: len(ids) for layer, ids in layer_ids(doc).items()}
    assert counts == {k: v for k, v in expected_counts(ed).items() if v}
    cells = doc.xpath("//div[contains(@class,'col-clean')]")
    shown = squash("".join(cell_text(c) for c in cells))
    expected = squash(
        re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]", "\ufffd", ed.clean_text)
    )
    assert shown == expected
