"""The ``._.jsr_*`` extensions the entity components set, and a reader for them.

Registered idempotently (importing any entity component registers them), so a user who
adds ``jsr_linker`` to their own pipeline finds ``span._.jsr_canonical`` without
an extra import. ``kb_id_`` carries the gazetteer id; the extensions carry the rest of the
identity: ``jsr_kind`` (person, state, battle…), ``jsr_canonical`` (Spanish),
``jsr_wikidata`` and ``jsr_english``. All are ``None`` for an unknown name.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: tuple[str, ...] = ("jsr_kind", "jsr_canonical", "jsr_wikidata", "jsr_english")
#: ``doc._.jsr_gazetteer_spans``: (start, end) token offsets the gazetteer ruler produced, so
#: the filter leaves them alone.
DOC_EXTENSIONS: tuple[str, ...] = ("jsr_gazetteer_spans",)


def register_extensions() -> None:
    """Register the span and doc extensions once (later calls do nothing)."""
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def entities_to_records(doc: Doc) -> list[dict[str, Any]]:
    """One plain dict per entity of ``doc.ents``, in document order.

    Keys: ``start``/``end`` (character offsets into ``doc.text``), ``text``, ``label``,
    ``kind``, ``id``, ``canonical``, ``wikidata``, ``english``; the identity fields are
    ``None`` for a name the gazetteer does not know.
    """
    register_extensions()
    records: list[dict[str, Any]] = []
    for ent in doc.ents:
        records.append(
            {
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "kind": ent._.jsr_kind,
                "id": ent.kb_id_ or None,
                "canonical": ent._.jsr_canonical,
                "wikidata": ent._.jsr_wikidata,
                "english": ent._.jsr_english,
            }
        )
    return records


register_extensions()
