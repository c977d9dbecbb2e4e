"""The English (or other) edition: translation through deep-translator that keeps names,
caches, and survives failures.

Public API::

    from jsr_nlp.translate import TranslateOptions, Protected, translate_text

    options = TranslateOptions.from_env(provider="libre", url="http://127.0.0.1:5000")
    translation, warnings = translate_text(clean, sentences, protected, glossary, options)

See :func:`translate_text` for the steps, and ``ARCHITECTURE.md`` for the ``translation`` object
of the JSON edition.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsr_nlp.translate.cache import cache_dir
    from jsr_nlp.translate.options import KEY_ENV, TranslateOptions
    from jsr_nlp.translate.protect import Protected
    from jsr_nlp.translate.provider_names import PROVIDER_NAMES, ProviderName
    from jsr_nlp.translate.providers import PROVIDERS
    from jsr_nlp.translate.translator import translate_text

#: Imported on first use: the clients (deep-translator, requests) take a while to load, and
#: light modules such as :mod:`jsr_nlp.translate.redact` must not pay for them.
_LAZY: dict[str, str] = {
    "KEY_ENV": "options",
    "PROVIDERS": "providers",
    "PROVIDER_NAMES": "provider_names",
    "Protected": "protect",
    "ProviderName": "provider_names",
    "TranslateOptions": "options",
    "cache_dir": "cache",
    "translate_text": "translator",
}

__all__ = [
    "KEY_ENV",
    "PROVIDERS",
    "PROVIDER_NAMES",
    "Protected",
    "ProviderName",
    "TranslateOptions",
    "cache_dir",
    "translate_text",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
