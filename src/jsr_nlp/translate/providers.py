"""deep-translator clients behind one small interface, and what their errors mean.

Each provider has a character limit per request (the client's own check, or a safe share
of the service's), the environment variable its key comes from, and a ``classify`` that
turns the client's exceptions into retry decisions (:mod:`jsr_nlp.translate.retry`) or a
:class:`~jsr_nlp.errors.TranslationError` that stops the run with a message saying what to
do. Clients are built lazily, inside the time-out guard: ``MicrosoftTranslator`` calls the
network from its constructor.

No message produced here contains an exception's own text: deep-translator puts the key in
``AuthorizationException`` and sends it in the query string, so it is in request URLs too.
The server's address is shown only through :attr:`Provider.shown_url`, with any password or
key in it hidden (:func:`~jsr_nlp.translate.redact.redact_url`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from deep_translator import (
    DeeplTranslator,
    GoogleTranslator,
    LibreTranslator,
    MicrosoftTranslator,
    MyMemoryTranslator,
)
from deep_translator import exceptions as dt

from jsr_nlp.errors import TranslationError
from jsr_nlp.translate.options import TranslateOptions
from jsr_nlp.translate.provider_names import ProviderName
from jsr_nlp.translate.redact import redact_url
from jsr_nlp.translate.retry import SegmentProblem, Transient


@dataclass(frozen=True)
class ProviderSpec:
    """What the pipeline must know about a provider before calling it."""

    name: ProviderName
    char_limit: int  # characters per request, kept under the client's or service's limit
    hard_limit: bool  # the client itself refuses longer texts, so batch_chars cannot exceed it
    key_required: bool
    signup: str  # where a user gets a key or a server, for error messages


#: Every provider of :data:`~jsr_nlp.translate.provider_names.PROVIDER_NAMES`, in that order.
PROVIDERS: dict[ProviderName, ProviderSpec] = {
    # GoogleTranslator refuses len(text) >= 5000; leave room for names restored longer.
    "google": ProviderSpec("google", 4500, True, False, "no key needed"),
    # LibreTranslate's public instances limit requests to a few thousand characters; a
    # self-hosted server has no limit unless started with --char-limit.
    "libre": ProviderSpec(
        "libre", 2000, False, False, "a self-hosted server (https://github.com/LibreTranslate)"
    ),
    "deepl": ProviderSpec("deepl", 4500, False, True, "https://www.deepl.com/pro-api"),
    "microsoft": ProviderSpec(
        "microsoft", 4500, False, True, "the Azure portal (Translator resource)"
    ),
    # MyMemoryTranslator refuses len(text) >= 500.
    "mymemory": ProviderSpec("mymemory", 450, True, False, "no key needed"),
}

#: deep-translator's ServerException keeps only a label; map it back to the status code.
_SERVER_CODES: dict[str, int] = {label: code for code, label in dt.ServerException.errors.items()}
_MS_CODE = re.compile(r"['\"]code['\"]\s*:\s*(\d+)")


def _language_code(code: str, table: Mapping[str, str]) -> str:
    """The client's spelling of a language code (MyMemory wants ``es-ES``, not ``es``).

    >>> _language_code("es", {"spanish spain": "es-ES", "spanish mexico": "es-MX"})
    'es-ES'
    >>> _language_code("en", {"english": "en", "spanish": "es"})
    'en'
    """
    if code in table.values() or code in table:
        return code
    # deep-translator lists each language's main region first (es-ES, en-GB): keep its order
    regional = [v for v in table.values() if v.lower().startswith(code.lower() + "-")]
    return regional[0] if regional else code


class Provider:
    """One configured deep-translator client: ``translate(text) -> str`` and ``classify``."""

    def __init__(self, options: TranslateOptions, environ: Mapping[str, str] | None = None):
        self.options = options
        self.spec = PROVIDERS[options.provider]
        self._environ = os.environ if environ is None else environ
        self._key = options.key(self._environ)
        self._client: Any = None
        if self.spec.key_required and not self._key:
            msg = (
                f"provider {self.spec.name!r} needs an API key: set {options.key_env} in the "
                f"environment or api_key in the pipeline's [translate] table "
                f"(get one from {self.spec.signup}), or choose --translator google"
            )
            raise TranslationError(msg)

    @property
    def name(self) -> str:
        """The provider's name, as in the options."""
        return self.spec.name

    @property
    def shown_url(self) -> str | None:
        """The server's address as it may be shown or stored: credentials hidden."""
        return redact_url(self.options.url) if self.options.url else None

    @property
    def identity(self) -> str:
        """What distinguishes this provider's translations in the cache (name and server).

        The server's credentials are not part of it: the key is stored on disk (hashed),
        and a changed password does not change the server's translations.
        """
        return f"{self.spec.name}@{self.shown_url}" if self.shown_url else self.spec.name

    @property
    def limit(self) -> int:
        """Characters per request: ``batch_chars`` if set, never over a client's hard limit."""
        wanted = self.options.batch_chars or self.spec.char_limit
        return min(wanted, self.spec.char_limit) if self.spec.hard_limit else wanted

    def secrets(self) -> tuple[str, ...]:
        """Values that must never appear in a message (the key), for redaction."""
        return (self._key,) if self._key else ()

    def connect(self) -> None:
        """Build the client (may call the network); errors go through :meth:`classify`."""
        if self._client is None:
            self._client = self._build()

    def translate(self, text: str) -> str:
        """Translate one request's text; raises the client's own exceptions."""
        self.connect()
        result = self._client.translate(text)
        if not isinstance(result, str):
            raise dt.TranslationNotFound(None)
        return result

    def _build(self) -> Any:
        o = self.options
        factories: dict[ProviderName, Callable[[], Any]] = {
            "google": lambda: GoogleTranslator(source=o.source, target=o.target),
            "libre": self._build_libre,
            "deepl": lambda: DeeplTranslator(
                source=o.source, target=o.target, api_key=self._key, use_free_api=o.free_api
            ),
            "microsoft": lambda: MicrosoftTranslator(
                source=o.source, target=o.target, api_key=self._key, region=o.region
            ),
            "mymemory": lambda: MyMemoryTranslator(
                source=_language_code(o.source, dt_languages("mymemory")),
                target=_language_code(o.target, dt_languages("mymemory")),
            ),
        }
        return factories[self.spec.name]()

    def _build_libre(self) -> LibreTranslator:
        o = self.options
        # The client refuses to start without a key, but a self-hosted server needs none:
        # build it with a stand-in and clear it, so no key parameter is sent at all.
        client = LibreTranslator(
            source=o.source, target=o.target, api_key=self._key or "none", custom_url=o.url
        )
        if not self._key:
            client.api_key = None
        return client

    def classify(self, exc: BaseException) -> Transient | SegmentProblem:
        """Decide what a client exception means; raise TranslationError when nothing can work."""
        if isinstance(exc, TranslationError):
            raise exc
        if isinstance(exc, dt.AuthorizationException):
            raise TranslationError(self._bad_key())
        if isinstance(exc, dt.ApiKeyException):
            raise TranslationError(self._bad_key(missing=True))
        if isinstance(exc, dt.LanguageNotSupportedException | dt.InvalidSourceOrTargetLanguage):
            raise TranslationError(self._bad_language())
        if isinstance(exc, dt.TooManyRequests):
            return Transient("rate limited (429)")
        if isinstance(exc, dt.ServerException):
            return self._server_status(_SERVER_CODES.get(str(exc.args[0]) if exc.args else ""))
        if isinstance(exc, dt.MicrosoftAPIerror):
            return self._microsoft(exc.api_message)
        if isinstance(exc, dt.RequestError):
            return Transient("request failed")
        if isinstance(exc, dt.NotValidLength | dt.NotValidPayload):
            return SegmentProblem(
                f"text too long for {self.name} (limit {self.spec.char_limit} characters)"
            )
        if isinstance(exc, dt.TranslationNotFound):
            return SegmentProblem("the provider returned no translation")
        if isinstance(exc, requests.Timeout):
            return Transient("timed out")
        if isinstance(exc, requests.ConnectionError):
            return Transient("could not connect")
        if isinstance(exc, json.JSONDecodeError):
            return Transient("unreadable answer")
        return Transient(f"unexpected error ({type(exc).__name__})")

    def _server_status(self, code: int | None) -> Transient | SegmentProblem:
        if code is None or (code >= 500 and code != 501):
            return Transient(f"server error ({code})" if code else "server error")
        if code == 429:
            return Transient("rate limited (429)")
        if code in (401, 402, 403):
            raise TranslationError(self._bad_key())
        if code == 501:
            raise TranslationError(self._bad_language())
        if code == 413:
            return SegmentProblem(f"text too long for {self.name}; lower batch_chars")
        if code == 400:
            raise TranslationError(self._bad_request())
        if code == 404:
            where = f" at {self.shown_url}" if self.shown_url else ""
            msg = f"no {self.name} translation service{where} (404): check the server address"
            raise TranslationError(msg)
        return SegmentProblem(f"the provider refused this text ({code})")

    def _microsoft(self, api_message: str) -> Transient | SegmentProblem:
        m = _MS_CODE.search(api_message)
        code = int(m.group(1)) if m else 0
        status = code // 1000 if code >= 1000 else code
        if status in (401, 403):
            raise TranslationError(self._bad_key())
        if code in (400035, 400036):
            raise TranslationError(self._bad_language())
        if status == 429 or status >= 500:
            return Transient(f"server error ({status})")
        return SegmentProblem(f"the provider refused this text ({code or 'no code'})")

    def _bad_key(self, *, missing: bool = False) -> str:
        var = self.options.key_env
        where = f"{var} in the environment" if var else "the provider's key"
        what = "needs an API key" if missing else "refused the API key (403 or 401)"
        return (
            f"{self.name} {what}: check {where} (or api_key in the pipeline's [translate] "
            f"table); keys come from {self.spec.signup}"
        )

    def _bad_language(self) -> str:
        o = self.options
        known = (
            ""
            if self.name == "microsoft"
            else (
                " (supported codes: "
                + ", ".join(sorted(set(dt_languages(self.name).values())))
                + ")"
            )
        )
        return (
            f"{self.name} does not support translating {o.source!r} into {o.target!r}: choose "
            f"another target language or provider{known}"
        )

    def _bad_request(self) -> str:
        o = self.options
        if self.name == "libre":
            return (
                f"the LibreTranslate server at {self.shown_url or 'its default address'} rejected "
                f"the request (400): it needs an API key (set LIBRETRANSLATE_API_KEY), does not "
                f"support {o.source!r} → {o.target!r}, or its --char-limit is below "
                f"{self.limit} (lower batch_chars)"
            )
        return (
            f"{self.name} rejected the request (400): check the language codes "
            f"({o.source!r} → {o.target!r}) and the key"
        )


def dt_languages(provider: str) -> Mapping[str, str]:
    """deep-translator's table of language names → codes for a provider (no network)."""
    from deep_translator import constants as c

    tables: dict[str, Mapping[str, str]] = {
        "google": c.GOOGLE_LANGUAGES_TO_CODES,
        "libre": c.LIBRE_LANGUAGES_TO_CODES,
        "deepl": c.DEEPL_LANGUAGE_TO_CODE,
        "mymemory": c.MY_MEMORY_LANGUAGES_TO_CODES,
    }
    return tables.get(provider, {})  # Microsoft's list is fetched from the service
