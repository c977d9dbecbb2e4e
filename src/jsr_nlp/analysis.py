"""spaCy analysis: build the model + components once, and read a Doc into edition records."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jsr_nlp.errors import ConfigurationError
from jsr_nlp.model import DateExpr, Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from jsr_nlp.audit import Alignment

logger = logging.getLogger(__name__)

_LABELS = {"PER", "LOC", "ORG", "MISC"}

#: The longest text analysed as one document.
MAX_CHARS = 5_000_000


def build_nlp(model: str, components: Sequence[str], lexicon_files: Sequence[str]) -> Language:
    """Load ``model`` (``blank:es`` for a tokenizer only) and add the jsr components.

    Components that accept a ``lexicons`` setting get the pipeline's lexicon files.
    Pipelines with the same model, components and lexicons share one spaCy pipeline
    per process (loading the model is the expensive part of a run).
    """
    return _build_nlp(model, tuple(components), tuple(lexicon_files))


@lru_cache(maxsize=4)
def _build_nlp(model: str, components: tuple[str, ...], lexicon_files: tuple[str, ...]) -> Language:
    import spacy

    import jsr_nlp.spacy_components.factories  # noqa: F401  (registers the factories)

    if model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1])
    else:
        try:
            nlp = spacy.load(model)
        except OSError:
            msg = (
                f"spaCy model {model!r} is not installed; install it (e.g. 'uv pip install "
                f"{model.replace('_', '-')}') or choose another with --model"
            )
            raise ConfigurationError(model, msg) from None
    # spaCy's 1M-character guard dates from models that needed ~1 GB per 100k characters;
    # es_core_news_sm parses a 5 MB text in a few GB, so a long book is one edition.
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    for name in components:
        if not nlp.has_factory(name):
            msg = f"unknown spaCy component {name!r}"
            where = "[analyse] components"
            raise ConfigurationError(where, msg)
        defaults = nlp.get_factory_meta(name).default_config or {}
        config: dict[str, Any] = {}
        if "lexicons" in defaults:
            config["lexicons"] = list(lexicon_files)
        nlp.add_pipe(name, config=config)
    return nlp


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
