"""Load and validate the date vocabulary (``pipelines/dates/<lang>.toml``).

The file is the only place that knows Spanish: month and weekday names, number words,
modifiers, signals, units, token classes and Matcher patterns. It is validated with pydantic
(unknown keys are errors, as in dateparser's language validator) and merged with its
``[locale_specific.<locale>]`` overrides, then cached: each file is parsed once per process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jsr_nlp.config import read_toml, validate
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.resources import pipelines_dir

Mod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_AFTER",
    "ON_OR_BEFORE",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
]
Step = Literal["minute", "hour", "day", "week", "month", "year", "decade", "century"]
Kind = Literal[
    "date", "range", "day_only", "partition", "daypart", "time", "duration", "deixis", "set"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(_Strict):
    """The ``[meta]`` table."""

    language: str
    version: str = "1"
    description: str = ""


class Settings(_Strict):
    """Numeric limits: which four-digit numbers can be years, the default century."""

    year_min: int = 1000
    year_max: int = 2100
    default_century: int = 19
    relative_reach: int = 600


class Season(_Strict):
    """A season: TIMEX3 code, EDTF level-1 code and its (month-day) bounds."""

    timex: Literal["SP", "SU", "FA", "WI"]
    edtf: int = Field(ge=21, le=24)
    start: str = Field(pattern=r"^\d{2}-\d{2}$")
    end: str = Field(pattern=r"^\d{2}-\d{2}$")


class Unit(_Strict):
    """A unit word ('años', 'semanas') and its ISO 8601 duration letter."""

    singular: tuple[str, ...]
    plural: tuple[str, ...]
    timex: Literal["Y", "M", "W", "D", "H"]
    factor: float = 1
    time: bool = False
    step: Step


class Partition(_Strict):
    """An ordinal part of a period ('el primer trimestre'): n equal parts, or chunks of days."""

    parts: int | None = Field(default=None, ge=1)
    days: int | None = Field(default=None, ge=1)
    of: Literal["month", "year", "century"]

    @model_validator(mode="after")
    def _one_way(self) -> Partition:
        if (self.parts is None) == (self.days is None):
            msg = "a partition has either `parts` or `days`"
            raise ValueError(msg)
        return self


class Offsets(_Strict):
    """Words after a duration that make it a date relative to a reference."""

    after: tuple[str, ...]
    before: tuple[str, ...]


class Words(_Strict):
    """A plain list of words."""

    words: tuple[str, ...]


class Deixis(_Strict):
    """Demonstratives and step words of relatives ('ese mismo mes', 'al año siguiente')."""

    demonstratives: tuple[str, ...]
    same: tuple[str, ...]
    steps: dict[str, int]
    reference_nouns: tuple[str, ...]
    words: dict[str, int]


class Sets(_Strict):
    """Adverbs of recurrence ('anualmente' = P1Y)."""

    adverbs: dict[str, str]


class YearRules(_Strict):
    """When a four-digit number is a year, and when it is a count, a page or a phone number."""

    context_before: tuple[str, ...]
    strong_context: tuple[str, ...] = ()
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    number_neighbours: str


class RangeFrame(_Strict):
    """Opener and joiner words of a range ('entre … y …', 'del … al …')."""

    open: tuple[str, ...]
    join: tuple[str, ...]


class TokenClass(_Strict):
    """One token of a pattern: a set of words (from tables) or a regex on the token text."""

    tables: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    regex: str | None = None
    shape: str | None = None
    shapes: tuple[str, ...] = ()
    lowercase: bool = False
    case_sensitive: bool = False
    units: Literal["all", "singular", "plural"] | None = None
    deixis: str | None = None
    sets: str | None = None
    year: str | None = None
    ranges: tuple[tuple[int, int, int], ...] = ()
    pad: bool = False
    suffixes: tuple[str, ...] = ()


class Pattern(_Strict):
    """A Matcher pattern written in the token DSL (see the file's comments)."""

    id: str
    kind: Kind
    tokens: tuple[str, ...] = Field(min_length=1)
    standalone: bool = True


class DatesVocab(_Strict):
    """The whole vocabulary file, validated."""

    meta: Meta
    settings: Settings = Settings()
    months: dict[str, int]
    month_abbreviations: dict[str, int] = {}
    roman: dict[str, int]
    weekdays: dict[str, int]
    weekdays_plural: dict[str, int] = {}
    seasons: dict[str, Season]
    parts_of_day: dict[str, str]
    cardinals: dict[str, int]
    ordinals: dict[str, Annotated[int, Field(ge=1)]]  # 'primer' = 1…; never 0
    ordinal_last: dict[str, Literal[-1]] = {}
    decade_words: dict[str, int]
    fractions: dict[str, float]
    unit: tuple[Unit, ...]
    partitions: dict[str, Partition]
    part_bounds: dict[Literal["START", "MID", "END"], tuple[float, float]]
    modifiers: dict[Literal["START", "MID", "END"], tuple[str, ...]]
    event_parts: dict[Literal["START", "END", "AT"], tuple[str, ...]] = {}
    approximators: dict[Literal["APPROX"], tuple[str, ...]]
    signals: dict[Literal["BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE"], tuple[str, ...]]
    quantity_modifiers: dict[Mod, tuple[str, ...]]
    offsets: Offsets
    point_suffixes: dict[Literal["ON_OR_AFTER", "ON_OR_BEFORE"], tuple[str, ...]] = {}
    writing_time_offsets: dict[str, int] = {}
    vague_quantities: Words
    deixis: Deixis
    now: dict[str, str]
    sets: Sets
    year: YearRules
    range_frame: tuple[RangeFrame, ...]
    range_fillers: Words
    lists: Words = Words(words=())
    shapes: dict[str, str]
    classes: dict[str, TokenClass]
    macros: dict[str, tuple[tuple[str, ...], ...]]
    pattern: tuple[Pattern, ...]
    locale_specific: dict[str, dict[str, Any]] = {}

    @field_validator("shapes")
    @classmethod
    def _check_shapes(cls, v: dict[str, str]) -> dict[str, str]:
        for name, rx in v.items():
            try:
                re.compile(rx)
            except re.error as err:
                msg = f"shape {name!r} is not a valid regex: {err}"
                raise ValueError(msg) from None
        return v

    # ---- derived look-ups (cheap; the vocabulary itself is cached) ----

    def unit_for(self, word: str) -> Unit | None:
        """The unit a (lowercase) word names, or None: ``unit_for('años').timex == 'Y'``."""
        return _unit_index(self).get(word)

    def phrases(self, table: Mapping[Any, Sequence[str]]) -> list[tuple[tuple[str, ...], str]]:
        """(token tuple, label) pairs of a phrase table, longest first; 'de' also as 'del'."""
        out: list[tuple[tuple[str, ...], str]] = []
        for label, items in table.items():
            for phrase in items:
                toks = tuple(phrase.lower().split())
                out.append((toks, str(label)))
                if toks and toks[-1] == "de":
                    out.append(((*toks[:-1], "del"), str(label)))
        out.sort(key=lambda p: -len(p[0]))
        return out


_UNIT_CACHE: dict[int, dict[str, Unit]] = {}


def _unit_index(vocab: DatesVocab) -> dict[str, Unit]:
    key = id(vocab)
    if key not in _UNIT_CACHE:
        _UNIT_CACHE[key] = {w: u for u in vocab.unit for w in (*u.singular, *u.plural)}
    return _UNIT_CACHE[key]


def default_vocab_path(language: str = "es") -> Path:
    """The bundled vocabulary file for a language."""
    return pipelines_dir() / "dates" / f"{language}.toml"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Tables are merged key by key, lists extended, scalars replaced (dateparser's shape)."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


@lru_cache(maxsize=8)
def load_vocab(path: Path | None = None, locale: str | None = None) -> DatesVocab:
    """Parse, merge (base + ``locale_specific[locale]``) and validate a vocabulary file.

    Raises :class:`~jsr_nlp.errors.ConfigurationError` naming the file and the field.
    """
    path = path or default_vocab_path()
    data = read_toml(Path(path), "date vocabulary")
    if locale:
        overrides = data.get("locale_specific", {})
        if locale in overrides:
            data = _merge(data, overrides[locale])
        elif locale.split("-")[0] != data.get("meta", {}).get("language"):
            raise ConfigurationError(str(path), f"no locale_specific table for {locale!r}")
    vocab = validate(data, DatesVocab, path)
    for cls_name, cls in vocab.classes.items():
        for table in cls.tables:
            if not hasattr(vocab, table):
                raise ConfigurationError(
                    str(path), f"unknown table {table!r}", f"classes.{cls_name}", field="tables"
                )
    return vocab
