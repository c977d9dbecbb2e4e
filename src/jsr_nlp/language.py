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
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsr_nlp.resources import pipelines_dir

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LanguageSettings:
    """``pipelines/language/es.toml``."""

    languages: tuple[str, ...]
    main: str
    min_letters: int
    min_probability: float
    close: frozenset[str]
    close_probability: float


@lru_cache(maxsize=1)
def settings() -> LanguageSettings:
    """Load the language settings once per process."""
    with (pipelines_dir() / "language" / "es.toml").open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)["language"]
    return LanguageSettings(
        languages=tuple(data["candidates"]),
        main=data["main"],
        min_letters=data["min_letters"],
        min_probability=data["min_probability"],
        close=frozenset(data["close"]),
        close_probability=data["close_probability"],
    )


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(settings().languages))
    return ident


def guess(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` for a stretch of text."""
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def _sure(lang: str, prob: float, cfg: LanguageSettings) -> bool:
    # Catalan, Galician, Portuguese are close to Spanish: a short Spanish paragraph full
    # of names can look like them, so they need more certainty
    needed = cfg.close_probability if lang in cfg.close else cfg.min_probability
    return prob >= needed


def document_language(text: str, foreign: list[tuple[int, int, str]]) -> str:
    """The language most of a text's letters are in, given its foreign paragraphs.

    >>> document_language("Texto breve.", [])
    'es'
    """
    cfg = settings()
    total = len(_LETTER.findall(text)) or 1
    letters: dict[str, int] = {}
    for start, end, lang in foreign:
        letters[lang] = letters.get(lang, 0) + len(_LETTER.findall(text, start, end))
    lang, count = max(letters.items(), key=lambda kv: kv[1], default=(cfg.main, 0))
    return lang if count * 2 > total else cfg.main


def foreign_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` of the paragraphs surely not in the main language."""
    cfg = settings()
    out: list[tuple[int, int, str]] = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group(0)
        if len(_LETTER.findall(para)) < cfg.min_letters:
            continue
        lang, prob = guess(para)
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
