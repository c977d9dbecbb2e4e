"""The translation stage's word lists, read from ``pipelines/translate/<source>.toml``.

Articles that may open a protected span, the target languages' articles (to avoid
"the the"), and the clause boundaries where an over-long sentence may be cut. A source
language without a file gets empty lists: names are still protected and long sentences
are still cut between words, only less gracefully.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, ValidationError

from jsr_nlp.errors import ConfigurationError
from jsr_nlp.resources import pipelines_dir


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    version: str = "1"
    language: str


class _Articles(BaseModel):
    model_config = ConfigDict(extra="forbid")
    definite: tuple[str, ...] = ()


class _Clauses(BaseModel):
    model_config = ConfigDict(extra="forbid")
    after: tuple[tuple[str, ...], ...] = ()
    before: tuple[tuple[str, ...], ...] = ()


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    meta: _Meta
    articles: _Articles = _Articles()
    target_articles: dict[str, tuple[str, ...]] = {}
    clauses: _Clauses = _Clauses()


@dataclass(frozen=True)
class Vocabulary:
    """Compiled word lists for one source language."""

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


def _compile(clauses: _Clauses) -> tuple[re.Pattern[str], ...]:
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
    """Read and validate ``pipelines/translate/<language>.toml`` (cached per process)."""
    path = pipelines_dir() / "translate" / f"{language}.toml"
    if not path.is_file():
        return Vocabulary()
    try:
        with path.open("rb") as fh:
            data = _File.model_validate(tomllib.load(fh))
    except (tomllib.TOMLDecodeError, ValidationError) as err:
        raise ConfigurationError(str(path), f"invalid translation vocabulary: {err}") from None
    return Vocabulary(
        articles=tuple(a.casefold() for a in data.articles.definite),
        target_articles={
            k: tuple(a.casefold() for a in v) for k, v in data.target_articles.items()
        },
        cut_levels=_compile(data.clauses),
    )
