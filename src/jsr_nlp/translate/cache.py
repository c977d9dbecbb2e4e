"""The on-disk cache of translated pieces, so nothing is sent twice.

Keyed by provider (and server), source and target language, glossary version and the
piece's text as sent (placeholders renumbered, with the English forms they stand for), so
a changed gazetteer or a different server never reuses an old answer. Stored with
diskcache in the user cache folder (platformdirs), or ``cache_dir`` /
``JSR_NLP_CACHE_DIR``. Failed pieces are never stored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from jsr_nlp.translate.options import CACHE_DIR_ENV, TranslateOptions

_SCHEMA = "jsr-nlp.translate-cache/1"


class TranslationCache(Protocol):
    """What the translator needs from a cache."""

    def get(self, key: str) -> dict[str, str] | None:
        """The stored value, or ``None``."""

    def set(self, key: str, value: dict[str, str]) -> None:
        """Store a value."""

    def close(self) -> None:
        """Release files."""


class NullCache:
    """No cache at all (``no_cache``)."""

    def get(self, key: str) -> dict[str, str] | None:
        """Always a miss."""
        return None

    def set(self, key: str, value: dict[str, str]) -> None:
        """Forget the value."""

    def close(self) -> None:
        """Nothing to release."""


class DiskCache:
    """A diskcache-backed cache, safe across threads and processes."""

    def __init__(self, directory: Path) -> None:
        import diskcache

        self.directory = directory
        self._cache: Any = diskcache.Cache(str(directory))

    def get(self, key: str) -> dict[str, str] | None:
        """The stored value, or ``None`` (also for an entry of an unknown shape)."""
        value = self._cache.get(key)
        if isinstance(value, dict) and isinstance(value.get("target"), str):
            return value
        return None

    def set(self, key: str, value: dict[str, str]) -> None:
        """Store a value."""
        self._cache.set(key, value)

    def close(self) -> None:
        """Close the database."""
        self._cache.close()


def cache_dir(options: TranslateOptions, environ: Mapping[str, str] | None = None) -> Path:
    """The cache folder: the option, else ``JSR_NLP_CACHE_DIR``, else the user cache."""
    env = os.environ if environ is None else environ
    if options.cache_dir is not None:
        return options.cache_dir
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV])
    return platformdirs.user_cache_path("jsr-nlp") / "translations"


def open_cache(
    options: TranslateOptions, environ: Mapping[str, str] | None = None
) -> tuple[TranslationCache, str | None]:
    """Open the cache the options ask for; on failure, no cache and a warning."""
    if options.no_cache:
        return NullCache(), None
    directory = cache_dir(options, environ)
    try:
        return DiskCache(directory), None
    except Exception as err:  # a read-only or broken folder must not stop a run
        return NullCache(), f"translation cache disabled: cannot open {directory} ({err})"


def cache_key(
    provider: str,
    source: str,
    target: str,
    glossary_version: str,
    text: str,
    english: tuple[str, ...] = (),
) -> str:
    """A stable key for one piece's translation.

    >>> cache_key("libre", "es", "en", "v1", "hola") == cache_key("libre", "es", "en", "v1", "hola")
    True
    >>> cache_key("libre", "es", "en", "v1", "hola") == cache_key("libre", "es", "en", "v2", "hola")
    False
    """
    payload = json.dumps(
        [_SCHEMA, provider, source, target, glossary_version, text, list(english)],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()
