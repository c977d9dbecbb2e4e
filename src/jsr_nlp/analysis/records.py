"""Read an analysed ``Doc`` into the edition's records (entities and dates, both offsets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jsr_nlp.model import DateExpr, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from jsr_nlp.audit import Alignment

_LABELS = {"PER", "LOC", "ORG", "MISC"}


def _ext(span: Any, name: str) -> Any:
    return span._.get(name) if span.has_extension(name) else None


def analyse_doc(doc: Doc, align: Alignment) -> tuple[list[Entity], list[DateExpr]]:
    """Entities and dates of an analysed clean text, with clean and source offsets."""
    entities: list[Entity] = []
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in _LABELS else "MISC"
        s, e = align.to_source(ent.start_char, ent.end_char)
        entities.append(
            Entity(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=label,  # type: ignore[arg-type]
                kind=_ext(ent, "jsr_kind"),
                id=ent.kb_id_ or None,
                canonical=_ext(ent, "jsr_canonical"),
                wikidata=_ext(ent, "jsr_wikidata"),
                source_start=s,
                source_end=e,
                english=_ext(ent, "jsr_english"),
            )
        )
    dates: list[DateExpr] = []
    for span in doc.spans.get("dates", []):
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
    dates.sort(key=lambda d: (d.start, d.end))
    return entities, dates
