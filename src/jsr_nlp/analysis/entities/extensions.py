"""The ``._.jsr_*`` extensions the entity components set (read by :mod:`jsr_nlp.analysis.records`).

Registered idempotently (importing any entity component registers them), so a user who
adds ``jsr_linker`` to their own pipeline finds ``span._.jsr_canonical`` without
an extra import. ``kb_id_`` carries the gazetteer id; the extensions carry the rest of the
identity: ``jsr_kind`` (person, state, battle…), ``jsr_canonical`` (Spanish),
``jsr_wikidata`` and ``jsr_english``. All are ``None`` for an unknown name.
"""

from __future__ import annotations

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


register_extensions()
