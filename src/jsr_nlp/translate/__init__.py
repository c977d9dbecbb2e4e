"""The English (or other) edition: translation through deep-translator that keeps names,
caches, and survives failures.

Public API::

    from jsr_nlp.translate import TranslateOptions, Protected, translate_text

    options = TranslateOptions.from_env(provider="libre", url="http://127.0.0.1:5000")
    translation, warnings = translate_text(clean, sentences, protected, glossary, options)

See :func:`translate_text` for the steps, and ``DESIGN.md`` for the ``translation`` object
of the JSON edition.
"""

from __future__ import annotations

from jsr_nlp.translate.cache import cache_dir
from jsr_nlp.translate.options import KEY_ENV, ProviderName, TranslateOptions
from jsr_nlp.translate.protect import Protected
from jsr_nlp.translate.providers import PROVIDERS
from jsr_nlp.translate.translator import translate_text

__all__ = [
    "KEY_ENV",
    "PROVIDERS",
    "Protected",
    "ProviderName",
    "TranslateOptions",
    "cache_dir",
    "translate_text",
]
