"""Read an analysed ``Doc`` into the edition's records: the one way from spaCy to an edition.

:func:`doc_entities` and :func:`doc_dates` read ``doc.ents`` and the ``dates`` span group
into :class:`~jsr_nlp.model.Entity` and :class:`~jsr_nlp.model.DateExpr`, with offsets into
the clean text (``doc.text``) and, through an :class:`~jsr_nlp.audit.Alignment`, into the
source. Without an alignment the document's text is its own source. The CLI's tables, the
exporters and the tests all read these records (``dataclasses.asdict`` gives the JSON
edition's fields).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jsr_nlp.audit import Alignment
from jsr_nlp.model import LABELS, DateExpr, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: The span group ``jsr_dates`` writes by default.
DATES_KEY = "dates"


def _ext(span: Any, name: str) -> Any:
    return span._.get(name) if span.has_extension(name) else None


def find_dates(doc: Doc, spans_key: str = DATES_KEY) -> list[Span]:
    """The date spans ``jsr_dates`` put on a document, in text order (empty if none)."""
    if spans_key not in doc.spans:
        return []
    return sorted(doc.spans[spans_key], key=lambda s: (s.start, s.end))


def doc_entities(doc: Doc, align: Alignment | None = None) -> list[Entity]:
    """The entities of ``doc.ents``, in document order."""
    align = align or Alignment([])
    entities: list[Entity] = []
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in LABELS else "MISC"
        s, e = align.to_source(ent.start_char, ent.end_char)
        entities.append(
            Entity(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=label,
                kind=_ext(ent, "jsr_kind"),
                id=ent.kb_id_ or None,
                canonical=_ext(ent, "jsr_canonical"),
                wikidata=_ext(ent, "jsr_wikidata"),
                source_start=s,
                source_end=e,
                english=_ext(ent, "jsr_english"),
            )
        )
    return entities


def doc_dates(
    doc: Doc, align: Alignment | None = None, spans_key: str = DATES_KEY
) -> list[DateExpr]:
    """The time expressions ``jsr_dates`` found, in text order."""
    align = align or Alignment([])
    dates: list[DateExpr] = []
    for span in find_dates(doc, spans_key):
        info = _ext(span, "jsr_date")
        if info is None:
            continue
        s, e = align.to_source(span.start_char, span.end_char)
        dates.append(
            DateExpr(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type=info.type,
                value=info.value,
                edtf=info.edtf,
                earliest=info.earliest,
                latest=info.latest,
                mod=info.mod,
                anchor=info.anchor,
                source_start=s,
                source_end=e,
            )
        )
    return dates


def analyse_doc(doc: Doc, align: Alignment) -> tuple[list[Entity], list[DateExpr]]:
    """Entities and dates of an analysed clean text, with clean and source offsets."""
    return doc_entities(doc, align), doc_dates(doc, align)
