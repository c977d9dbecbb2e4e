"""The settings of the translation stage: one validated object, the ``[translate]`` table.

A pipeline file's ``[translate]`` table validates straight into :class:`TranslateOptions`
(unknown keys are errors). API keys are :class:`pydantic.SecretStr`, so they never show in
a ``repr``, a log line or a dumped edition; they normally come from the environment
(:meth:`TranslateOptions.from_env`, or at call time when the option is unset), never from
the command line. A password or key inside ``url`` (``http://user:password@host/``) is
hidden the same way in the ``repr`` and in validation errors
(:func:`~jsr_nlp.translate.redact.redact_url`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from jsr_nlp.translate.provider_names import ProviderName
from jsr_nlp.translate.redact import redact_url

#: Where each provider's key is read from when the options do not carry one.
KEY_ENV: dict[ProviderName, str] = {
    "libre": "LIBRETRANSLATE_API_KEY",
    "deepl": "DEEPL_API_KEY",
    "microsoft": "MICROSOFT_TRANSLATOR_KEY",
}
REGION_ENV = "MICROSOFT_TRANSLATOR_REGION"
CACHE_DIR_ENV = "JSR_NLP_CACHE_DIR"


class TranslateOptions(BaseModel):
    """How to translate: provider, languages, limits, retries and cache.

    >>> TranslateOptions(provider="libre", url="http://127.0.0.1:5000", api_key="s3cret")
    ... # doctest: +ELLIPSIS
    TranslateOptions(provider='libre', ..., api_key=SecretStr('**********'), ...)
    """

    # a rejected value (a URL with a password in it) is never echoed in an error message
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    provider: ProviderName = Field(default="google", description="deep-translator provider")
    target: str = Field(default="en", min_length=2, description="target language code")
    source: str = Field(default="es", min_length=2, description="source language code")
    url: str | None = Field(default=None, description="LibreTranslate server (libre only)")
    api_key: SecretStr | None = Field(
        default=None, description="provider key; normally from the environment"
    )
    region: str | None = Field(default=None, description="Microsoft Translator region")
    free_api: bool = Field(default=True, description="DeepL free endpoint (api-free.deepl.com)")
    timeout: float = Field(default=20.0, gt=0, description="seconds per request, hard limit")
    max_retries: int = Field(default=4, ge=0, le=20, description="retries per request")
    backoff_base: float = Field(default=0.5, ge=0, description="first back-off, in seconds")
    backoff_max: float = Field(default=20.0, ge=0, description="longest single back-off")
    max_total_seconds: float = Field(
        default=600.0, gt=0, description="time budget of one text; then the rest fails"
    )
    max_consecutive_failures: int = Field(
        default=6, ge=1, description="stop calling a provider after this many failed requests"
    )
    batch_chars: int | None = Field(
        default=None, ge=20, description="characters per request (default: provider's limit)"
    )
    protect: bool = Field(default=True, description="protect names and glossary terms")
    cache_dir: Path | None = Field(default=None, description="cache folder (default: user cache)")
    no_cache: bool = Field(default=False, description="neither read nor write the cache")
    glossary_version: str = Field(default="", description="fingerprint of gazetteer + glossary")

    @field_validator("url")
    @classmethod
    def _check_url(cls, v: str | None) -> str | None:
        if v is None:
            return v
        if not v.startswith(("http://", "https://")):
            msg = f"url must start with http:// or https://, not {redact_url(v)!r}"
            raise ValueError(msg)
        return v if v.endswith("/") else v + "/"

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """The fields as pydantic shows them, with credentials in ``url`` hidden."""
        for name, value in super().__repr_args__():
            yield name, redact_url(value) if name == "url" and isinstance(value, str) else value

    @field_validator("source", "target")
    @classmethod
    def _check_language(cls, v: str) -> str:
        return v.strip()

    @model_validator(mode="after")
    def _check_provider_fields(self) -> TranslateOptions:
        if self.url is not None and self.provider != "libre":
            msg = f"url applies to provider 'libre' only, not {self.provider!r}"
            raise ValueError(msg)
        if self.region is not None and self.provider != "microsoft":
            msg = f"region applies to provider 'microsoft' only, not {self.provider!r}"
            raise ValueError(msg)
        if self.source == self.target:
            msg = f"source and target are both {self.source!r}"
            raise ValueError(msg)
        return self

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **fields: Any) -> TranslateOptions:
        """Options with the key, region and cache folder filled in from the environment.

        Explicit ``fields`` win over the environment.

        >>> o = TranslateOptions.from_env({"DEEPL_API_KEY": "s3cr3t"}, provider="deepl")
        >>> o.key() == "s3cr3t", "s3cr3t" in repr(o)
        (True, False)
        """
        env = os.environ if environ is None else environ
        provider = fields.get("provider", "google")
        key_var = KEY_ENV.get(provider)
        if fields.get("api_key") is None and key_var and env.get(key_var):
            fields["api_key"] = env[key_var]
        if provider == "microsoft" and fields.get("region") is None and env.get(REGION_ENV):
            fields["region"] = env[REGION_ENV]
        if fields.get("cache_dir") is None and env.get(CACHE_DIR_ENV):
            fields["cache_dir"] = env[CACHE_DIR_ENV]
        return cls(**fields)

    def key(self, environ: Mapping[str, str] | None = None) -> str | None:
        """The API key: from the options, else from the provider's environment variable."""
        if self.api_key is not None and self.api_key.get_secret_value():
            return self.api_key.get_secret_value()
        var = KEY_ENV.get(self.provider)
        env = os.environ if environ is None else environ
        return env.get(var) or None if var else None

    @property
    def key_env(self) -> str | None:
        """The environment variable this provider's key is read from, if it takes one."""
        return KEY_ENV.get(self.provider)
