"""Build the spaCy pipeline once: the model and the ``jsr_*`` components."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jsr_nlp.analysis.tokenizer import bound
from jsr_nlp.errors import ConfigurationError

if TYPE_CHECKING:
    from spacy.language import Language

    from jsr_nlp.vocabularies import VocabularyPaths

logger = logging.getLogger(__name__)

#: The longest text analysed as one document.
MAX_CHARS = 5_000_000


def build_nlp(
    model: str,
    components: Sequence[str],
    lexicon_files: Sequence[str],
    vocabularies: VocabularyPaths | None = None,
) -> Language:
    """Load ``model`` (``blank:es`` for a tokenizer only) and add the jsr components.

    Components that accept a ``lexicons`` setting get the pipeline's lexicon files; those
    that accept ``data`` (entity word files), ``names`` (the transliteration file) or
    ``vocabulary`` (the date vocabulary) get the pipeline's ``vocabularies``, when given.
    Pipelines with the same model, components and files share one spaCy pipeline per
    process (loading the model is the expensive part of a run).
    """
    settings: dict[str, Any] = {"lexicons": list(lexicon_files)}
    if vocabularies is not None:
        settings["data"] = [str(p) for p in vocabularies.entities]
        settings["names"] = str(vocabularies.names)
        settings["vocabulary"] = str(vocabularies.dates)
    frozen = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in settings.items())
    return _build_nlp(model, tuple(components), frozen)


@lru_cache(maxsize=4)
def _build_nlp(
    model: str, components: tuple[str, ...], settings: tuple[tuple[str, Any], ...]
) -> Language:
    import spacy

    import jsr_nlp.analysis.factories  # noqa: F401  (registers the factories)

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
    bound(nlp)  # a long run without a space must not cost its square
    for name in components:
        if not nlp.has_factory(name):
            msg = f"unknown spaCy component {name!r}"
            where = "[analyse] components"
            raise ConfigurationError(where, msg)
        defaults = nlp.get_factory_meta(name).default_config or {}
        config = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in settings
            if key in defaults
        }
        nlp.add_pipe(name, config=config)
    return nlp
