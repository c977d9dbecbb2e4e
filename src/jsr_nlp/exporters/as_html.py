"""The HTML report (``<stem>.html``): one self-contained page an editor reads in a browser.

Paragraph by paragraph, the source and the clean text stand side by side (and
the English, when there is a translation). In the clean column each applied
correction, suggestion, entity and date is a mark that shows its rule,
category, note, canonical name or normalised value on hover *and* on keyboard
focus (``tabindex`` + ``aria-describedby``; Escape hides it). A summary counts
corrections by category, entities by label and dates by type, and checkboxes
show or hide each layer. No network, no external assets: CSS and JS are inline.

Every mark carries ``data-layer`` (``correction``, ``suggestion``, ``entity``,
``date``) and ``data-id``; a span that had to be cut to nest properly appears
as several marks with the same ``data-id`` (later pieces have
``data-fragment``), so counting distinct ids per layer gives the edition's
numbers. The page is rendered by Jinja2 with autoescaping.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from jsr_nlp.atomic import atomic_write_text, replace_surrogates
from jsr_nlp.audit import Alignment
from jsr_nlp.exporters.layout import (
    Node,
    build_tree,
    first_line_title,
    paragraphs,
)
from jsr_nlp.model import Correction, DateExpr, Edition, Entity, Segment

if TYPE_CHECKING:
    from jinja2 import Environment

#: Layers in the order their marks win when they cross (earlier is never cut).
LAYERS: tuple[str, ...] = ("correction", "suggestion", "entity", "date")
LAYER_NAMES = {
    "correction": "Corrections",
    "suggestion": "Suggestions",
    "entity": "Entities",
    "date": "Dates",
    "translation": "Translation",
}
LABEL_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other name"}
# Equal spans: lower rank is outer (an entity wraps the correction that made its name).
_RANK = {"entity": 1, "date": 2, "correction": 3, "suggestion": 4}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _h(text: str) -> str:
    """Text safe to put in an HTML page (autoescaping does the markup characters)."""
    return _CONTROL.sub("\ufffd", replace_surrogates(text))


@dataclass(slots=True)
class HNode:
    """An element of the report's text: a tag, attributes, children, optional tooltip."""

    tag: str
    attrs: dict[str, str]
    children: list[HNode | str] = field(default_factory=list)
    tip: list[str] | None = None
    tip_id: str = ""


@dataclass(slots=True)
class Row:
    """One paragraph: its source, clean and (optional) English cells."""

    index: int
    source: list[HNode | str]
    clean: list[HNode | str]
    english: list[HNode | str] | None


@dataclass(slots=True)
class _Item:
    """An annotation to render, with its report id and its clean span."""

    layer: str
    uid: str
    start: int
    end: int
    value: Any
    number: int


def _correction_tip(c: Correction) -> list[str]:
    lines = [
        f"{'Applied fix' if c.action == 'applied' else 'Suggestion (not applied)'}: {c.rule}",
        f"Category: {c.category} · stage {c.stage} · confidence {c.confidence:.2f}",
    ]
    if c.action == "applied":
        lines.append(f"Source: «{c.text}» → «{c.replacement or ''}»")
    elif c.replacement is not None:
        lines.append(f"Proposed: «{c.text}» → «{c.replacement}»")
    else:
        lines.append(f"Flagged: «{c.text}»")
    if c.note:
        lines.append(f"Note: {c.note}")
    return lines


def _entity_tip(e: Entity) -> list[str]:
    lines = [f"{e.label} ({LABEL_NAMES.get(e.label, e.label)}){' · ' + e.kind if e.kind else ''}"]
    if e.canonical:
        lines.append(f"Canonical: {e.canonical}")
    ids = [f"id {e.id}" if e.id else "", f"Wikidata {e.wikidata}" if e.wikidata else ""]
    if any(ids):
        lines.append(" · ".join(i for i in ids if i))
    if e.english:
        lines.append(f"English: {e.english}")
    return lines


def _date_tip(d: DateExpr) -> list[str]:
    lines = [f"{d.type}: {d.value}"]
    if d.edtf:
        lines.append(f"EDTF: {d.edtf}")
    if d.earliest or d.latest:
        lines.append(f"Between {d.earliest or '?'} and {d.latest or '?'}")
    extra = [f"mod {d.mod}" if d.mod else "", f"anchor {d.anchor}" if d.anchor else ""]
    if any(extra):
        lines.append(" · ".join(x for x in extra if x))
    return lines


class _ReportBuilder:
    """Turns an edition into the template's rows and summary."""

    def __init__(self, edition: Edition) -> None:
        self.ed = edition
        self.offsets = Alignment.of(edition)
        self.paras = paragraphs(edition, self.offsets)
        self.items = list(self._items())
        self.seen: set[str] = set()

    def _items(self) -> Iterable[_Item]:
        for n, c in enumerate(self.ed.corrections):
            if c.action == "applied":
                start, end = self.offsets.clean_span(c)
                yield _Item("correction", c.id, start, end, c, n)
            else:
                start, end = self.offsets.suggestion_clean_span(c)
                yield _Item("suggestion", c.id, start, end, c, n)
        for n, e in enumerate(self.ed.entities):
            yield _Item("entity", f"e{n + 1}", e.start, e.end, e, n)
        for n, d in enumerate(self.ed.dates):
            yield _Item("date", f"d{n + 1}", d.start, d.end, d, n)

    def rows(self) -> list[Row]:
        clean_nodes = self._per_paragraph([(i.start, i.end, i) for i in self.items], clean=True)
        src_nodes = self._per_paragraph(
            [(c.start, c.end, c) for c in self.ed.corrections], clean=False
        )
        english = self._english()
        rows = []
        for k, para in enumerate(self.paras):
            clean_root, _ = build_tree(para.clean_start, para.clean_end, clean_nodes[k], split=True)
            src_root, _ = build_tree(para.start, para.end, src_nodes[k], split=True)
            clean = self._render(clean_root, self.ed.clean_text, self._clean_node)
            source = self._render(src_root, self.ed.source_text, self._source_node)
            if not _has_content(clean) and not _has_content(source):
                continue
            en = english.get(k, []) if english is not None else None
            rows.append(Row(k + 1, source, clean, en))
        return rows

    def _per_paragraph(self, spans: list[tuple[int, int, Any]], *, clean: bool) -> list[list[Node]]:
        """Nodes of each paragraph; a span across a break is cut at the break."""
        out: list[list[Node]] = [[] for _ in self.paras]
        for start, end, value in spans:
            if isinstance(value, _Item):
                layer = value.layer
            else:
                layer = "correction" if value.action == "applied" else "suggestion"
            first = True
            for k, para in enumerate(self.paras):
                lo, hi = (para.clean_start, para.clean_end) if clean else (para.start, para.end)
                last = k == len(self.paras) - 1
                if start == end:
                    if lo <= start < hi or (last and start == hi):
                        out[k].append(Node(start, end, layer, _RANK[layer], value))
                        break
                    continue
                a, b = max(start, lo), min(end, hi)
                if a < b:
                    node = Node(a, b, layer, _RANK[layer], value, fragment=not first)
                    out[k].append(node)
                    first = False
        for nodes in out:
            nodes.sort(key=lambda n: LAYERS.index(n.kind))
        return out

    def _render(self, root: Node, text: str, make: Callable[[Node], HNode]) -> list[HNode | str]:
        """Children and text of ``root``; blank space at the paragraph's edges is dropped."""
        out = self._fill(root, text, make)
        if out and isinstance(out[0], str):
            out[0] = out[0].lstrip()
        if out and isinstance(out[-1], str):
            out[-1] = out[-1].rstrip()
        return [x for x in out if x != ""]

    def _fill(self, node: Node, text: str, make: Callable[[Node], HNode]) -> list[HNode | str]:
        out: list[HNode | str] = []
        pos = node.start
        for child in node.children:
            if child.start > pos:
                out.append(_h(text[pos : child.start]))
            element = make(child)
            element.children[:0] = self._fill(child, text, make)
            out.append(element)
            pos = child.end
        if node.end > pos:
            out.append(_h(text[pos : node.end]))
        return out

    def _clean_node(self, node: Node) -> HNode:
        item: _Item = node.item
        attrs = {"data-layer": item.layer, "data-id": item.uid}
        classes = {"correction": "corr", "suggestion": "sugg", "entity": "ent", "date": "date"}
        cls = [classes[item.layer]]
        value = item.value
        if item.layer in ("correction", "suggestion"):
            attrs["data-rule"] = value.rule
            attrs["data-category"] = value.category
            tip = _correction_tip(value)
        elif item.layer == "entity":
            cls.append(f"ent-{value.label}")
            attrs["data-label"] = value.label
            if value.id:
                attrs["data-entity"] = value.id
            tip = _entity_tip(value)
        else:
            attrs["data-value"] = value.value
            tip = _date_tip(value)
        if node.empty:
            cls.append("empty")
        key = f"{item.layer}:{item.uid}:{item.number}"
        primary = key not in self.seen and not node.fragment
        if node.fragment or key in self.seen:
            attrs["data-fragment"] = "1"
        element = HNode("mark", attrs)
        if primary:
            self.seen.add(key)
            tip_id = f"tip-{item.layer[0]}{item.number + 1}"
            attrs["tabindex"] = "0"
            attrs["aria-describedby"] = tip_id
            element.tip, element.tip_id = [_h(t) for t in tip], tip_id
        attrs["class"] = " ".join(cls)
        return element

    def _source_node(self, node: Node) -> HNode:
        c: Correction = node.item
        layer = "correction" if c.action == "applied" else "suggestion"
        cls = ["src-corr" if layer == "correction" else "src-sugg"]
        if node.empty:
            cls.append("empty")
        return HNode("mark", {"class": " ".join(cls), "data-ref": c.id, "data-src-layer": layer})

    def _english(self) -> dict[int, list[HNode | str]] | None:
        tr = self.ed.translation
        if tr is None:
            return None
        out: dict[int, list[HNode | str]] = {}
        starts = [p.clean_start for p in self.paras]
        for n, seg in enumerate(tr.segments, 1):
            k = max(0, sum(1 for s in starts if s <= seg.start) - 1)
            cell = out.setdefault(k, [])
            if cell:
                cell.append(" ")
            cell.append(_segment(seg, n))
        if not tr.segments and tr.text:
            out[0] = [_h(tr.text)]
        return out

    def summary(self) -> dict[str, Any]:
        ed = self.ed
        by_category: dict[str, Counter[str]] = {}
        for c in ed.corrections:
            by_category.setdefault(c.category, Counter())[c.action] += 1
        labels: dict[str, tuple[int, set[str]]] = {}
        for e in ed.entities:
            count, ids = labels.get(e.label, (0, set()))
            ids.add(e.id or e.canonical or e.text)
            labels[e.label] = (count + 1, ids)
        dates = Counter(d.type for d in ed.dates)
        return {
            "categories": [
                (cat, n["applied"], n["suggested"]) for cat, n in sorted(by_category.items())
            ],
            "labels": [
                (label, LABEL_NAMES.get(label, label), n, len(ids))
                for label, (n, ids) in sorted(labels.items())
            ],
            "dates": sorted(dates.items()),
            "applied": len(ed.applied),
            "suggested": len(ed.suggested),
        }

    def layers(self) -> list[tuple[str, str, int]]:
        counts = Counter(i.layer for i in self.items)
        layers = [(name, LAYER_NAMES[name], counts[name]) for name in LAYERS]
        if self.ed.translation is not None:
            segments = len(self.ed.translation.segments)
            layers.append(("translation", LAYER_NAMES["translation"], segments))
        return layers


def _segment(seg: Segment, n: int) -> HNode:
    attrs = {"class": f"seg seg-{seg.status}", "data-seg": str(n), "data-status": seg.status}
    node = HNode("span", attrs, [_h(seg.target)])
    if seg.status == "failed":
        attrs["title"] = "Translation failed: the Spanish is kept"
    return node


def _has_content(cells: list[HNode | str]) -> bool:
    return any(not isinstance(x, str) or x.strip() for x in cells)


def _environment() -> Environment:
    """The Jinja2 environment (imported on first use: ``jsr-nlp --help`` stays fast)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("jsr_nlp.exporters", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


_ENV: Environment | None = None


def render_html(edition: Edition) -> str:
    """The report page as a string."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    builder = _ReportBuilder(edition)
    ed = edition
    title = first_line_title(ed.clean_text) or (
        PurePath(ed.source.path).name if ed.source.path else "jsr-nlp edition"
    )
    rows = builder.rows()
    return _ENV.get_template("report.html.j2").render(
        title=_h(title),
        source=ed.source,
        source_name=_h(PurePath(ed.source.path).name) if ed.source.path else None,
        pipeline=ed.pipeline,
        lang=ed.source.language or "es",
        target=ed.translation.target if ed.translation else None,
        translation=ed.translation,
        rows=rows,
        summary=builder.summary(),
        layers=builder.layers(),
        warnings=[_h(w) for w in ed.warnings],
    )


class HtmlExporter:
    """Writes ``<stem>.html``."""

    name = "html"

    def files(self, stem: str, edition: Edition | None = None) -> list[str]:
        """The one file this exporter writes."""
        return [f"{stem}.html"]

    def render(self, edition: Edition) -> str:
        """The file's content."""
        return render_html(edition)

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write ``<stem>.html`` atomically."""
        return [atomic_write_text(Path(out_dir) / self.files(stem)[0], self.render(edition))]


__all__ = ["HtmlExporter", "render_html"]
