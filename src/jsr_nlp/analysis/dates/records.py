"""Plain records of a document's dates (the edition's ``dates`` fields minus source offsets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

SPANS_KEY = "dates"


def find_dates(doc: Doc, spans_key: str = SPANS_KEY) -> list[Span]:
    """The date spans ``jsr_dates`` put on a document, in text order (empty if none)."""
    if spans_key not in doc.spans:
        return []
    return sorted(doc.spans[spans_key], key=lambda s: (s.start, s.end))


def dates_to_records(doc: Doc, spans_key: str = SPANS_KEY) -> list[dict[str, Any]]:
    """One dict per time expression: start, end (character offsets into ``doc.text``), text,
    type, value, edtf, earliest, latest, mod, anchor."""
    out: list[dict[str, Any]] = []
    for span in find_dates(doc, spans_key):
        v = span._.jsr_date
        if v is None:
            continue
        out.append(
            {
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "type": v.type,
                "value": v.value,
                "edtf": v.edtf,
                "earliest": v.earliest,
                "latest": v.latest,
                "mod": v.mod,
                "anchor": v.anchor,
            }
        )
    return out
