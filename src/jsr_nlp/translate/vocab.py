"""The translation stage's word lists, read from ``pipelines/translate/<source>.toml``.

Articles that may open a protected span, the target languages' articles (to avoid
"the the"), and the clause boundaries where an over-long sentence may be cut. A source
language without a file gets empty lists: names are still protected and long sentences
are still cut between words, only less gracefully.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from jsr_nlp.config import FileMeta, load_toml
from jsr_nlp.resources import pipelines_dir


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticlesTable(_Strict):
    """``[articles]``: source-language articles that may open a protected span."""

    definite: tuple[str, ...] = ()


class ClausesTable(_Strict):
    """``[clauses]``: where an over-long sentence may be cut, best level first."""

    after: tuple[tuple[str, ...], ...] = ()
    before: tuple[tuple[str, ...], ...] = ()


class TranslationVocabularyFile(_Strict):
    """A translation vocabulary (``pipelines/translate/<source>.toml``), as written."""

    meta: FileMeta
    articles: ArticlesTable = ArticlesTable()
    target_articles: dict[str, tuple[str, ...]] = {}
    clauses: ClausesTable = ClausesTable()

    @field_validator("meta")
    @classmethod
    def _has_language(cls, v: FileMeta) -> FileMeta:
        # the file is for one source language: a text in another does not use it
        if not v.language:
            msg = "meta.language (the source language of the file) is required"
            raise ValueError(msg)
        return v


@dataclass(frozen=True)
class Vocabulary:
    """Compiled word lists for one source language."""

    #: the source language the lists are for ("" = none: the empty vocabulary)
    language: str = ""
    articles: tuple[str, ...] = ()
    target_articles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Cut points of an over-long sentence, best first: each matches the whitespace run
    #: where a cut may be made. The last level (any whitespace) is always present.
    cut_levels: tuple[re.Pattern[str], ...] = (re.compile(r"\s+"),)

    def leading_article(self, text: str) -> int:
        """Length of a leading article and its space, or 0.

        >>> load_vocabulary("es").leading_article("el Ejército Rojo")
        3
        >>> load_vocabulary("es").leading_article("Elba")
        0
        """
        for art in sorted(self.articles, key=len, reverse=True):
            n = len(art)
            if text[:n].casefold() == art and len(text) > n and text[n].isspace():
                return n + len(text[n:]) - len(text[n:].lstrip())
        return 0


def _words(words: tuple[str, ...]) -> str:
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(alts)


def _compile(clauses: ClausesTable) -> tuple[re.Pattern[str], ...]:
    levels: list[re.Pattern[str]] = []
    for marks in clauses.after:
        if marks:
            levels.append(re.compile(rf"(?<=[{''.join(re.escape(m) for m in marks)}])\s+"))
    for words in clauses.before:
        if words:
            levels.append(re.compile(rf"\s+(?=(?:{_words(words)})(?!\w))", re.IGNORECASE))
    levels.append(re.compile(r"\s+"))
    return tuple(levels)


@lru_cache(maxsize=8)
def load_vocabulary(language: str) -> Vocabulary:
    """The bundled ``pipelines/translate/<language>.toml`` (empty lists when there is none)."""
    path = pipelines_dir() / "translate" / f"{language}.toml"
    if not path.is_file():
        return Vocabulary()
    return load_vocabulary_file(path)


@lru_cache(maxsize=8)
def load_vocabulary_file(path: Path) -> Vocabulary:
    """Read and validate a translation vocabulary file (cached per path)."""
    data = load_toml(path, TranslationVocabularyFile, kind="translation vocabulary")
    return Vocabulary(
        language=data.meta.language or "",
        articles=tuple(a.casefold() for a in data.articles.definite),
        target_articles={
            k: tuple(a.casefold() for a in v) for k, v in data.target_articles.items()
        },
        cut_levels=_compile(data.clauses),
    )
