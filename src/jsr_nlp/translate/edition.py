"""Glue between an analysed text and :mod:`jsr_nlp.translate`.

It decides *what* is protected (linked entities with an English form) and *how*
the text is segmented (spaCy's sentences); the translate package does the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from jsr_nlp.config import problems
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.model import Entity, Translation

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from jsr_nlp.lexicon.load import Lexicon
    from jsr_nlp.translate import TranslateOptions


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans of the clean text, trimmed of surrounding whitespace."""
    spans = []
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    chunks = [(s.start_char, s.end_char) for s in doc.sents] if has_sents else [(0, len(doc.text))]
    text = doc.text
    for start, end in chunks:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def translate_options(options: dict[str, Any], glossary_version: str = "") -> TranslateOptions:
    """The ``[translate]`` settings, validated; a problem is one :class:`ConfigurationError`.

    The message never shows a password or key that was part of the server's URL.
    """
    from jsr_nlp.translate import TranslateOptions
    from jsr_nlp.translate.redact import redact_url

    data = {**options, "glossary_version": glossary_version}
    try:
        return TranslateOptions.model_validate(data)
    except ValidationError as err:
        first = problems(err, data, "[translate]")[0]
        raise ConfigurationError(
            first.path, redact_url(first.problem), first.entry, field=first.field
        ) from None


def translate_edition(
    clean_text: str,
    doc: Doc,
    entities: Sequence[Entity],
    lexicon: Lexicon,
    options: dict[str, Any],
    previous: Translation | None,
    vocabulary: Path | None = None,
) -> tuple[Translation, list[str]]:
    """Translate the clean text sentence by sentence, protecting linked names.

    ``vocabulary`` is the pipeline's translation vocabulary; it serves when the text's
    source language is the file's (``[meta] language``), else the bundled file of that
    language does, as when no file is given.
    """
    from jsr_nlp.translate import Protected, translate_text
    from jsr_nlp.translate.vocab import load_vocabulary_file

    opts = translate_options(options, lexicon.version)
    vocab = load_vocabulary_file(vocabulary) if vocabulary is not None else None
    protected = [Protected(e.start, e.end, e.english) for e in entities if e.id and e.english]
    return translate_text(
        clean_text,
        _sentences(doc),
        protected,
        lexicon.terms,
        opts,
        previous=previous,
        vocabulary=vocab if vocab is not None and vocab.language == opts.source else None,
    )
