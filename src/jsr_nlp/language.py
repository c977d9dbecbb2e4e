"""Which language a text, and each of its paragraphs, is written in (py3langid).

The corrections are Spanish knowledge: a French paragraph quoted in a Spanish essay must
not have ``Staline`` "corrected" to ``Stalin``, and a text that is not Spanish at all gets
a warning instead of a Spanish edition. py3langid (a maintained fork of langid.py) ships
its model in the package, so nothing is downloaded. The languages it may choose from, and
how sure it must be, are data (``pipelines/language/es.toml``).

>>> guess("Staline a signé le pacte avec le Japon en avril 1941, ce qui surprit Hitler.")[0]
'fr'
>>> guess("Stalin firmó el pacto de neutralidad con Japón en abril de 1941.")[0]
'es'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from jsr_nlp.config import FileMeta, load_toml
from jsr_nlp.resources import pipelines_dir

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LETTER = re.compile(r"[^\W\d_]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Code = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]  # ISO 639-1 (or -3) as py3langid has


class LanguageSettings(_Strict):
    """``[language]``: which languages a paragraph may be, and how sure to be."""

    main: Code = "es"
    candidates: tuple[Code, ...] = Field(min_length=1)
    min_letters: int = Field(default=60, ge=0)
    min_probability: float = Field(default=0.9, ge=0.0, le=1.0)
    close: frozenset[Code] = frozenset()
    close_probability: float = Field(default=0.99, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _main_is_a_candidate(self) -> LanguageSettings:
        # the identifier can only answer with a candidate: without the main language
        # every paragraph would look foreign
        if self.main not in self.candidates:
            msg = f"candidates must include the main language {self.main!r}"
            raise ValueError(msg)
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages a paragraph may be recognised as."""
        return self.candidates


class LanguageFile(_Strict):
    """A language identification file (``pipelines/language/es.toml``), as written."""

    meta: FileMeta = FileMeta()
    language: LanguageSettings


def bundled_language_file() -> Path:
    """The bundled language identification settings."""
    return pipelines_dir() / "language" / "es.toml"


@lru_cache(maxsize=8)
def settings(path: Path | None = None) -> LanguageSettings:
    """Load the language settings (the bundled ones by default) once per path."""
    file = load_toml(path or bundled_language_file(), LanguageFile, kind="language settings")
    return file.language


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(languages))
    return ident


def guess(text: str, cfg: LanguageSettings | None = None) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` for a stretch of text."""
    lang, prob = _identifier((cfg or settings()).languages).classify(text)
    return str(lang), float(prob)


def _sure(lang: str, prob: float, cfg: LanguageSettings) -> bool:
    # Catalan, Galician, Portuguese are close to Spanish: a short Spanish paragraph full
    # of names can look like them, so they need more certainty
    needed = cfg.close_probability if lang in cfg.close else cfg.min_probability
    return prob >= needed


def document_language(
    text: str, foreign: list[tuple[int, int, str]], cfg: LanguageSettings | None = None
) -> str:
    """The language most of a text's letters are in, given its foreign paragraphs.

    >>> document_language("Texto breve.", [])
    'es'
    """
    cfg = cfg or settings()
    total = len(_LETTER.findall(text)) or 1
    letters: dict[str, int] = {}
    for start, end, lang in foreign:
        letters[lang] = letters.get(lang, 0) + len(_LETTER.findall(text, start, end))
    lang, count = max(letters.items(), key=lambda kv: kv[1], default=(cfg.main, 0))
    return lang if count * 2 > total else cfg.main


def foreign_paragraphs(
    text: str, cfg: LanguageSettings | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` of the paragraphs surely not in the main language."""
    cfg = cfg or settings()
    out: list[tuple[int, int, str]] = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group(0)
        if len(_LETTER.findall(para)) < cfg.min_letters:
            continue
        lang, prob = guess(para, cfg)
        if lang != cfg.main and _sure(lang, prob, cfg):
            out.append((m.start(), m.end(), lang))
    return out


def outside(spans: list[tuple[int, int, str]]) -> Any:
    """A predicate on edits: true when the edit touches none of ``spans``."""
    from bisect import bisect_right

    starts = [s for s, _, _ in spans]

    def keep(edit: Any) -> bool:
        k = bisect_right(starts, edit.start) - 1
        return not (k >= 0 and spans[k][0] <= edit.start < spans[k][1])

    return keep
