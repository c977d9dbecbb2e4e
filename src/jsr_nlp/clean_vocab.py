"""The cleaning stage's vocabulary (``pipelines/clean/es.toml``): its schema and loader.

Sentence openers, abbreviations, emphatic repetitions and count nouns are Spanish
knowledge, kept as data; :func:`load_clean_vocabulary` validates a file (unknown keys
are errors) and compiles it into the sets the fixers of :mod:`jsr_nlp.clean` look up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from jsr_nlp.config import FileMeta, load_toml
from jsr_nlp.resources import pipelines_dir

Words = tuple[str, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SentenceBreakTable(_Strict):
    """``[sentence_break]``: lost and broken sentence boundaries."""

    comma: Words = ()
    period: Words = ()
    finite_verbs: Words = ()
    conjunctions: Words = ()
    not_before_name: Words = ()
    lost_word_before: Words = ()
    lost_word_after: Words = ()


class AbbreviationsTable(_Strict):
    """``[abbreviations]``: a stop after one of these words does not end a sentence."""

    words: Words = ()


class DuplicatedWordsTable(_Strict):
    """``[duplicated_words]``: repetitions that may be emphasis (suggested only)."""

    emphatic: Words = ()


class NumbersTable(_Strict):
    """``[numbers]``: nouns that count whole things (``57,000 tropas`` is 57 000)."""

    count_nouns: Words = ()


class CleanVocabularyFile(_Strict):
    """A cleaning vocabulary file, as written."""

    meta: FileMeta = FileMeta()
    sentence_break: SentenceBreakTable = SentenceBreakTable()
    abbreviations: AbbreviationsTable = AbbreviationsTable()
    duplicated_words: DuplicatedWordsTable = DuplicatedWordsTable()
    numbers: NumbersTable = NumbersTable()


@dataclass(frozen=True)
class CleanVocabulary:
    """The word lists of a cleaning vocabulary, as the fixers look them up."""

    comma_openers: tuple[str, ...]
    period_openers: tuple[str, ...]
    finite_verbs: frozenset[str]
    conjunctions: frozenset[str]
    not_before_name: frozenset[str]
    abbreviations: frozenset[str]
    emphatic: frozenset[str]
    count_nouns: frozenset[str]
    lost_word_before: frozenset[str]
    lost_word_after: frozenset[str]


def bundled_clean_vocabulary() -> Path:
    """The bundled Spanish cleaning vocabulary."""
    return pipelines_dir() / "clean" / "es.toml"


@lru_cache(maxsize=8)
def load_clean_vocabulary(path: Path | None = None) -> CleanVocabulary:
    """Read and validate a cleaning vocabulary (the bundled one by default); cached per path."""
    data = load_toml(
        path or bundled_clean_vocabulary(), CleanVocabularyFile, kind="cleaning vocabulary"
    )
    sb = data.sentence_break
    return CleanVocabulary(
        comma_openers=sb.comma,
        period_openers=sb.period,
        finite_verbs=frozenset(sb.finite_verbs),
        conjunctions=frozenset(sb.conjunctions),
        not_before_name=frozenset(sb.not_before_name),
        abbreviations=frozenset(data.abbreviations.words),
        emphatic=frozenset(data.duplicated_words.emphatic),
        count_nouns=frozenset(data.numbers.count_nouns),
        lost_word_before=frozenset(sb.lost_word_before),
        lost_word_after=frozenset(sb.lost_word_after),
    )
