"""TEI P5 XML (``<stem>.tei.xml``): the edition for digital-edition platforms.

The body is built by walking the **source** text, so every applied correction
keeps both readings in place::

    <choice><sic>Zukhovs</sic><corr resp="#jsr-nlp" cert="high" ana="#rule-names.fuzzy">
    Zhukov</corr></choice>

Entities become ``persName``/``placeName``/``orgName``/``name`` (``key`` = gazetteer
id, ``ref`` = Wikidata URI), dates ``<date>`` with W3C attributes where the value
allows it and the TIMEX3 value in ``when-custom``, suggestions a
``<note type="suggestion">`` where they end, translation segments ``<s>`` (the
English ``<s>`` point to the Spanish ones through ``corresp``). Spans that
cannot nest (an entity that crosses a correction or a paragraph break) lose
their markup, never the text; the header says how many did. Characters XML
cannot hold are replaced by U+FFFD and counted. Everything is built with lxml.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path, PurePath
from typing import Any

from lxml import etree

from jsr_nlp.atomic import atomic_write_bytes
from jsr_nlp.audit import Alignment
from jsr_nlp.exporters.layout import (
    Node,
    Sentence,
    build_tree,
    first_line_title,
    paragraph_index,
    paragraphs,
    sentences,
)
from jsr_nlp.model import Correction, DateExpr, Edition, Entity

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
SCHEMA_PI = (
    'href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'
)
RESP = "#jsr-nlp"

#: Entity label → TEI element (MISC becomes ``<name type="kind">``).
ELEMENT_OF_LABEL = {"PER": "persName", "LOC": "placeName", "ORG": "orgName"}
#: Lower bounds of the ``cert`` words for a correction's confidence.
CERTAINTY = ((0.9, "high"), (0.6, "medium"), (0.0, "low"))
WIKIDATA = "https://www.wikidata.org/wiki/"
LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French", "de": "German", "ru": "Russian"}

_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_W3C_DATE = re.compile(r"-?\d{4,}(-\d{2}(-\d{2})?)?")
_DURATION = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")
_VERSION = re.compile(r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}")
_NCNAME_BAD = re.compile(r"[^\w.\-]", re.ASCII)

# Nesting: which spans win when they cross (lower priority is placed first and never
# dropped: corrections), and which wraps which when spans are equal (lower rank is outer).
_PRIORITY = {"choice": 0, "s": 1, "entity": 2, "date": 3, "note": 4}
_RANK = {"choice": 5, "s": 1, "entity": 2, "date": 3, "note": 6}


class _Sanitizer:
    """Makes strings XML-safe and counts what it had to replace."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        clean, n = _ILLEGAL_XML.subn("\ufffd", text)
        self.replaced += n
        return clean


def certainty(confidence: float) -> str:
    """TEI ``cert`` word for a confidence.

    >>> certainty(0.95), certainty(0.7), certainty(0.2)
    ('high', 'medium', 'low')
    """
    return next(word for bound, word in CERTAINTY if confidence >= bound)


def rule_xml_id(rule: str) -> str:
    """An ``xml:id`` for a rule id (an NCName, prefixed to avoid clashes).

    >>> rule_xml_id("names.fuzzy"), rule_xml_id("ftfy:fix_encoding")
    ('rule-names.fuzzy', 'rule-ftfy_fix_encoding')
    """
    return "rule-" + _NCNAME_BAD.sub("_", rule)


def wikidata_uri(value: str | None) -> str | None:
    """The Wikidata URI of an id (``Q…``) or URI, or None.

    >>> wikidata_uri("Q7747")
    'https://www.wikidata.org/wiki/Q7747'
    """
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"Q\d+", value):
        return WIKIDATA + value
    if value.startswith(("http://", "https://")) and not re.search(r"\s", value):
        return value
    return None


def date_attributes(d: DateExpr) -> dict[str, str]:
    """TEI dating attributes for a normalised date.

    A plain calendar value goes in ``when``; an interval or a vague value gets
    ``from``/``to`` or ``notBefore``/``notAfter`` from its ISO bounds; an ISO
    duration ``dur-iso``. The TIMEX3 value itself is always kept in
    ``when-custom`` (``datingMethod`` points to its description in the header).

    >>> date_attributes(DateExpr(0, 4, "1941", "DATE", "1941", "1941", "1941-01-01",
    ...                          "1941-12-31", None, None, 0, 4))["when"]
    '1941'
    >>> a = date_attributes(DateExpr(0, 9, "años 30", "DATE", "193X", "193X", "1930-01-01",
    ...                              "1939-12-31", "APPROX", None, 0, 9))
    >>> a["notBefore"], a["notAfter"], a["when-custom"]
    ('1930-01-01', '1939-12-31', '193X')
    """
    attrs: dict[str, str] = {"type": d.type}
    value = d.value.strip()
    exact = d.mod is None and d.type == "DATE" and _valid_w3c(value)
    earliest = d.earliest if d.earliest and _valid_w3c(d.earliest) else None
    latest = d.latest if d.latest and _valid_w3c(d.latest) else None
    if exact:
        attrs["when"] = value
    elif d.edtf and "/" in d.edtf and earliest and latest:
        attrs["from"], attrs["to"] = earliest, latest
    else:
        if earliest:
            attrs["notBefore"] = earliest
        if latest:
            attrs["notAfter"] = latest
    if d.type == "DURATION" and _DURATION.fullmatch(value):
        attrs["dur-iso"] = value
    if _is_token(value):
        attrs["when-custom"] = value
        attrs["datingMethod"] = "#timex3"
    if d.mod and re.fullmatch(r"[A-Za-z_][\w.\-]*", d.mod):
        attrs["subtype"] = d.mod
    return attrs


def _is_token(value: str) -> bool:
    """Whether ``value`` fits ``when-custom`` (no control, separator or space characters)."""
    return bool(value) and all(unicodedata.category(ch)[0] not in "CZ" for ch in value)


def _valid_w3c(value: str) -> bool:
    """Whether ``value`` is an XSD date TEI accepts (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).

    >>> _valid_w3c("1945-08-09"), _valid_w3c("1941-02-29"), _valid_w3c("1944-02-29")
    (True, False, True)
    """
    if not _W3C_DATE.fullmatch(value):
        return False
    parts = [int(x) for x in value.lstrip("-").split("-")]
    if parts[0] == 0 or (len(parts) > 1 and not 1 <= parts[1] <= 12):
        return False
    if len(parts) == 3:
        year, month, day = parts
        leap = calendar.isleap(-year if value.startswith("-") else year)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        return 1 <= day <= days
    return True


def _version(text: str) -> str:
    """A version string TEI's ``application/@version`` accepts."""
    if _VERSION.fullmatch(text):
        return text
    found = re.match(r"\d+(\.\d+){0,3}", text)
    return found.group(0) if found else "0"


class _Builder:
    """Builds one TEI document from one edition."""

    def __init__(self, edition: Edition, processed: date) -> None:
        self.ed = edition
        self.processed = processed
        self.safe = _Sanitizer()
        self.offsets = Alignment.of(edition)
        self.paras = paragraphs(edition, self.offsets)
        self.sents = sentences(edition, self.offsets)
        self.degraded: Counter[str] = Counter()
        self.rules: dict[str, Correction] = {}
        self._rule_ids: dict[str, str] = {}
        self.rendered_sentences: set[int] = set()
        self._inner = self._inner_spans()

    def el(
        self,
        parent: Any,
        tag: str,
        text: str | None = None,
        attrs: dict[str, str] | None = None,
        **more: str | None,
    ) -> Any:
        """Create a TEI element with XML-safe text and attributes (None values skipped).

        Keyword names map to attributes, ``xml_id``/``xml_lang`` to ``xml:id``/``xml:lang``.
        """
        name = f"{{{TEI_NS}}}{tag}"
        merged = {**(attrs or {}), **{_ATTR_NAMES.get(k, k): v for k, v in more.items()}}
        clean = {k: self.safe(str(v)) for k, v in merged.items() if v is not None}
        if parent is None:
            node = etree.Element(name, clean, nsmap={None: TEI_NS})
        else:
            node = etree.SubElement(parent, name, clean)
        if text:
            node.text = self.safe(text)
        return node

    def rule_id(self, rule: str) -> str:
        """A unique ``xml:id`` for a rule (two odd rule ids may sanitise alike)."""
        if rule not in self._rule_ids:
            base = candidate = rule_xml_id(rule)
            taken = set(self._rule_ids.values())
            n = 1
            while candidate in taken:
                n += 1
                candidate = f"{base}-{n}"
            self._rule_ids[rule] = candidate
        return self._rule_ids[rule]

    # -- body -------------------------------------------------------------------

    def body(self, text_el: Any) -> None:
        body = self.el(text_el, "body")
        lang = self.ed.source.language or "es"
        div = self.el(body, "div", type="edition", xml_lang=lang)
        per_para = self._distribute()
        for i, para in enumerate(self.paras):
            nodes = sorted(per_para[i], key=lambda n: _PRIORITY[n.kind])
            root, dropped = build_tree(para.start, para.end, nodes, split=False)
            for node in dropped:
                self.degraded[node.kind] += 1
            p = self.el(div, "p")
            self._fill(p, root, self.ed.source_text, self._strip_edges(root))
            if not len(p) and not (p.text or "").strip():
                div.remove(p)
        if not len(div):
            self.el(div, "p")
        if self.ed.translation is not None:
            self._translation(body)

    def _distribute(self) -> list[list[Node]]:
        """Assign every span to its paragraph; spans that cross a break lose their markup."""
        per_para: list[list[Node]] = [[] for _ in self.paras]
        inner = self._inner

        def put(node: Node) -> None:
            i = paragraph_index(self.paras, node.start, node.end, clean=False)
            if i is None:
                self.degraded[node.kind] += 1
            else:
                per_para[i].append(node)

        for c in self.offsets.applied:
            self.rules.setdefault(c.rule, c)
            node = Node(c.start, c.end, "choice", _RANK["choice"], c, atomic=True)
            node.clean = self.offsets.clean_span(c)
            put(node)
        for s in self.sents:
            put(Node(s.start, s.end, "s", _RANK["s"], s, clean=(s.clean_start, s.clean_end)))
        for e in self.ed.entities:
            if id(e) not in inner:
                put(Node(e.source_start, e.source_end, "entity", _RANK["entity"], e))
        for d in self.ed.dates:
            if id(d) not in inner:
                put(Node(d.source_start, d.source_end, "date", _RANK["date"], d))
        for c in self.ed.suggested:
            self.rules.setdefault(c.rule, c)
            put(Node(c.end, c.end, "note", _RANK["note"], c))
        return per_para

    def _inner_spans(self) -> dict[int, Correction]:
        """Entities and dates that lie strictly inside one correction's replacement."""
        spans = [(self.offsets.clean_span(c), c) for c in self.offsets.applied]
        inner: dict[int, Correction] = {}
        items: list[Entity | DateExpr] = [*self.ed.entities, *self.ed.dates]
        for item in items:
            for (ks, ke), c in spans:
                if ks <= item.start and item.end <= ke and (item.start, item.end) != (ks, ke):
                    inner[id(item)] = c
                    break
        return inner

    def _strip_edges(self, root: Node) -> tuple[int, int]:
        """The paragraph's text range without surrounding blank space (outside any markup)."""
        text = self.ed.source_text
        lo, hi = root.start, root.end
        first = root.children[0].start if root.children else hi
        last = root.children[-1].end if root.children else lo
        while lo < first and text[lo].isspace():
            lo += 1
        while hi > max(last, lo) and text[hi - 1].isspace():
            hi -= 1
        return lo, hi

    def _fill(
        self, parent: Any, node: Node, text: str, bounds: tuple[int, int] | None = None
    ) -> None:
        """Render ``node``'s children and the text between them into ``parent``."""
        pos, end = bounds or (node.start, node.end)
        last: Any = None
        for child in node.children:
            _add_text(parent, last, self.safe(text[pos : child.start]))
            last = self._element(parent, child, text)
            pos = child.end
        _add_text(parent, last, self.safe(text[pos:end]))

    def _element(self, parent: Any, node: Node, text: str) -> Any:
        kind = node.kind
        if kind == "choice":
            return self._choice(parent, node.item)
        if kind == "note":
            return self._suggestion(parent, node.item)
        if kind == "s":
            s: Sentence = node.item
            el = self.el(parent, "s", xml_id=f"es-s{s.index}")
            self.rendered_sentences.add(s.index)
        elif kind == "entity":
            el = self._entity(parent, node.item)
        else:
            el = self.el(parent, "date", attrs=date_attributes(node.item))
        self._fill(el, node, text)
        return el

    def _choice(self, parent: Any, c: Correction) -> Any:
        choice = self.el(parent, "choice", n=c.id)
        self.el(choice, "sic", c.text)
        corr = self.el(
            choice, "corr", resp=RESP, cert=certainty(c.confidence), ana="#" + self.rule_id(c.rule)
        )
        replacement = c.replacement or ""
        ks, _ = self.offsets.clean_span(c)
        nodes = []
        items: list[Entity | DateExpr] = [*self.ed.entities, *self.ed.dates]
        for item in items:
            if self._inner.get(id(item)) is c:
                kind = "entity" if isinstance(item, Entity) else "date"
                nodes.append(Node(item.start - ks, item.end - ks, kind, _RANK[kind], item))
        root, dropped = build_tree(0, len(replacement), nodes, split=False)
        for node in dropped:
            self.degraded[node.kind] += 1
        self._fill(corr, root, replacement)
        return choice

    def _entity(self, parent: Any, e: Entity) -> Any:
        tag = ELEMENT_OF_LABEL.get(e.label, "name")
        kind = e.kind if e.kind and re.fullmatch(r"[A-Za-z_][\w.\-]*", e.kind) else None
        if tag == "name" and kind is None:
            kind = e.label.lower()
        return self.el(parent, tag, type=kind, key=e.id, ref=wikidata_uri(e.wikidata))

    def _suggestion(self, parent: Any, c: Correction) -> Any:
        note = self.el(
            parent,
            "note",
            type="suggestion",
            subtype=c.category if re.fullmatch(r"[A-Za-z_][\w.\-]*", c.category) else None,
            resp=RESP,
            cert=certainty(c.confidence),
            ana="#" + self.rule_id(c.rule),
            n=c.id,
        )
        self.el(note, "orig", c.text)
        if c.replacement is not None:
            self.el(note, "reg", c.replacement)
        if c.note:
            last = note[-1]
            last.tail = " " + self.safe(c.note)
        return note

    def _translation(self, body: Any) -> None:
        """The translation as a parallel div, one ``<p>`` per Spanish paragraph."""
        tr = self.ed.translation
        assert tr is not None
        div = self.el(body, "div", type="translation", xml_lang=tr.target or "en")
        by_para: dict[int, list[tuple[int, Any]]] = {}
        n = len(self.ed.clean_text)
        for i, seg in enumerate(tr.segments, 1):
            start = seg.start if 0 <= seg.start <= n else n
            k = paragraph_index(self.paras, start, start, clean=True)
            by_para.setdefault(k or 0, []).append((i, seg))
        for k in sorted(by_para):
            p = self.el(div, "p")
            for i, seg in by_para[k]:
                if len(p):
                    p[-1].tail = " "
                self.el(
                    p,
                    "s",
                    seg.target,
                    xml_id=f"en-s{i}",
                    corresp=f"#es-s{i}" if i in self.rendered_sentences else None,
                    type=seg.status if re.fullmatch(r"[a-z_]+", seg.status) else None,
                )
        if not tr.segments and tr.text.strip():
            for chunk in re.split(r"\n[^\S\n]*\n\s*", tr.text.strip()):
                self.el(div, "p", chunk)
        if not len(div):
            self.el(div, "p")

    # -- header -----------------------------------------------------------------

    def header(self, tei: Any) -> Any:
        ed = self.ed
        header = self.el(tei, "teiHeader")
        file_desc = self.el(header, "fileDesc")
        title_stmt = self.el(file_desc, "titleStmt")
        self.el(title_stmt, "title", self.title())
        resp_stmt = self.el(title_stmt, "respStmt")
        self.el(resp_stmt, "resp", "automatic cleaning, annotation and translation")
        self.el(resp_stmt, "name", "jsr-nlp")
        pub = self.el(file_desc, "publicationStmt")
        self.el(
            pub,
            "p",
            f"Unpublished edition generated by jsr-nlp {ed.pipeline.jsr_nlp_version} "
            f"(pipeline {ed.pipeline.name}).",
        )
        notes = [f"warning: {w}" for w in ed.warnings]
        if self.safe.replaced:
            notes.append(
                f"{self.safe.replaced} character(s) not allowed in XML were replaced by U+FFFD."
            )
        for kind, n in sorted(self.degraded.items()):
            notes.append(f"{n} {_KIND_NAME[kind]} could not be nested and were left unmarked.")
        if notes:
            notes_stmt = self.el(file_desc, "notesStmt")
            for text in notes:
                kind = "warning" if text.startswith("warning: ") else "export"
                self.el(notes_stmt, "note", text, type=kind)
        source_desc = self.el(file_desc, "sourceDesc")
        bibl = self.el(source_desc, "bibl")
        if ed.source.path:
            self.el(bibl, "title", PurePath(ed.source.path).name)
            self.el(bibl, "idno", ed.source.path, type="path")
        self.el(bibl, "idno", ed.source.sha256 or "unknown", type="sha256")
        self.el(
            bibl,
            "note",
            f"Decoded as {ed.source.encoding}; {ed.source.chars} characters; "
            f"language {ed.source.language}.",
        )
        self._encoding_desc(header)
        self._profile_desc(header)
        return header

    def title(self) -> str:
        ed = self.ed
        return (
            first_line_title(ed.clean_text)
            or (PurePath(ed.source.path).name if ed.source.path else None)
            or "Untitled jsr-nlp edition"
        )

    def _encoding_desc(self, header: Any) -> None:
        ed = self.ed
        enc = self.el(header, "encodingDesc")
        app_info = self.el(enc, "appInfo")
        app = self.el(
            app_info,
            "application",
            xml_id="jsr-nlp",
            ident="jsr-nlp",
            version=_version(ed.pipeline.jsr_nlp_version),
        )
        self.el(app, "label", "jsr-nlp")
        self.el(
            app,
            "p",
            f"jsr-nlp {ed.pipeline.jsr_nlp_version}, pipeline {ed.pipeline.name}, "
            f"spaCy model {ed.pipeline.spacy_model or 'none'}.",
        )
        editorial = self.el(enc, "editorialDecl")
        correction = self.el(editorial, "correction")
        self.el(
            correction,
            "p",
            "Applied corrections are encoded as choice/sic/corr, keeping the source reading; "
            "suggestions that were not applied are notes of type suggestion. The ana attribute "
            "points to the rule that made the change.",
        )
        if self.rules:
            class_decl = self.el(enc, "classDecl")
            taxonomy = self.el(class_decl, "taxonomy", xml_id="jsr-nlp-rules")
            for rule, c in sorted(self.rules.items()):
                category = self.el(taxonomy, "category", xml_id=self.rule_id(rule))
                self.el(category, "catDesc", f"{rule} ({c.category})")

    def _profile_desc(self, header: Any) -> None:
        ed = self.ed
        profile = self.el(header, "profileDesc")
        creation = self.el(profile, "creation")
        self.el(
            creation,
            "date",
            f"Processed on {self.processed.isoformat()}",
            when=self.processed.isoformat(),
        )
        lang_usage = self.el(profile, "langUsage")
        lang = ed.source.language or "es"
        self.el(lang_usage, "language", LANGUAGE_NAMES.get(lang, lang), ident=lang)
        if ed.translation is not None:
            target = ed.translation.target
            name = LANGUAGE_NAMES.get(target, target)
            self.el(lang_usage, "language", name, ident=target)
        calendar_desc = self.el(profile, "calendarDesc")
        calendar = self.el(calendar_desc, "calendar", xml_id="timex3")
        self.el(
            calendar,
            "p",
            "when-custom holds the TIMEX3 (ISO-TimeML) value of a time expression.",
        )

    def build(self) -> Any:
        """The ``<TEI>`` root: the body is built first so the header can report on it."""
        text_el = self.el(None, "text")
        self.body(text_el)
        tei = self.el(None, "TEI")
        header = self.header(tei)
        etree.indent(header, space="  ")
        tei.append(text_el)
        etree.cleanup_namespaces(tei)
        return tei


_ATTR_NAMES = {"xml_id": XML_ID, "xml_lang": XML_LANG}
_KIND_NAME = {
    "choice": "corrections",
    "s": "sentences",
    "entity": "entities",
    "date": "dates",
    "note": "suggestions",
}


def _add_text(parent: Any, last: Any, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def build_tei(edition: Edition, *, processed: date | None = None) -> Any:
    """The TEI document of an edition, as an lxml element tree root."""
    when = processed or datetime.now(UTC).date()
    return _Builder(edition, when).build()


def render_tei(edition: Edition, *, processed: date | None = None) -> bytes:
    """The TEI document serialised as UTF-8 bytes, with an XML declaration."""
    root = build_tei(edition, processed=processed)
    doc = etree.ElementTree(root)
    pi = etree.ProcessingInstruction("xml-model", SCHEMA_PI)
    root.addprevious(pi)
    data: bytes = etree.tostring(doc, xml_declaration=True, encoding="UTF-8")
    return data


class TeiExporter:
    """Writes ``<stem>.tei.xml``."""

    name = "tei"

    def __init__(self, today: Callable[[], date] | None = None) -> None:
        self._today = today

    def files(self, stem: str, edition: Edition | None = None) -> list[str]:
        """The one file this exporter writes."""
        return [f"{stem}.tei.xml"]

    def render(self, edition: Edition) -> bytes:
        """The file's content."""
        return render_tei(edition, processed=self._today() if self._today else None)

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write ``<stem>.tei.xml`` atomically."""
        return [atomic_write_bytes(Path(out_dir) / self.files(stem)[0], self.render(edition))]


__all__ = ["TeiExporter", "build_tei", "date_attributes", "render_tei"]
