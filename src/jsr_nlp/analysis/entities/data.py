"""Word lists, label heads and thresholds of the entity components, read from data.

The knowledge the entity components need about Spanish prose — which words may precede a
name without belonging to it, which words are roles, which heads type an organisation —
lives in ``pipelines/entities/*.toml``, so a maintainer extends it without touching Python.
This module loads and merges those files once, and offers the small token predicates the
three components share.

>>> is_name_word("Japón"), is_name_word("japonés"), is_name_word("南進論"), is_name_word("1939")
(True, False, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from wordfreq import zipf_frequency

from jsr_nlp.config import FileMeta, load_toml
from jsr_nlp.resources import pipelines_dir

#: The word lists of ``[words]``, merged across files.
_LISTS = (
    "leading",
    "connectors",
    "conjunctions",
    "roles",
    "geographic_heads",
    "never_alone",
    "name_articles",
    "name_particles",
    "derived_name_endings",
)


@dataclass(frozen=True)
class FilterSettings:
    """Thresholds of the false-positive filter (see ``pipelines/entities/filter.toml``)."""

    opener_zipf: float = 5.2
    common_zipf: float = 4.0
    max_lowercase_share: float = 0.5
    min_chars: int = 2


@dataclass(frozen=True)
class EntityWords:
    """Everything in ``pipelines/entities/*.toml``, merged."""

    leading: frozenset[str]
    connectors: frozenset[str]
    conjunctions: frozenset[str]
    roles: tuple[tuple[str, ...], ...]
    geographic_heads: frozenset[str]
    never_alone: frozenset[str]
    name_articles: frozenset[str]
    name_particles: frozenset[str]
    derived_name_endings: frozenset[str]
    ordinal: re.Pattern[str]
    heads: dict[str, str]
    settings: FilterSettings

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable copy, written by the components' ``to_disk``."""
        return {
            "leading": sorted(self.leading),
            "connectors": sorted(self.connectors),
            "conjunctions": sorted(self.conjunctions),
            "roles": [" ".join(r) for r in self.roles],
            "geographic_heads": sorted(self.geographic_heads),
            "never_alone": sorted(self.never_alone),
            "name_articles": sorted(self.name_articles),
            "name_particles": sorted(self.name_particles),
            "derived_name_endings": sorted(self.derived_name_endings),
            "ordinal_regex": self.ordinal.pattern,
            "heads": dict(self.heads),
            "settings": self.settings.__dict__,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EntityWords:
        """Inverse of :meth:`to_json`."""
        return _build(
            leading=data["leading"],
            connectors=data["connectors"],
            conjunctions=data["conjunctions"],
            roles=data["roles"],
            geographic_heads=data["geographic_heads"],
            never_alone=data["never_alone"],
            name_articles=data["name_articles"],
            name_particles=data.get("name_particles", []),
            derived_name_endings=data["derived_name_endings"],
            ordinal=data["ordinal_regex"],
            heads=data["heads"],
            settings=data["settings"],
        )

    @property
    def roles_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Roles indexed by their first word (longest first), for a constant-time lookup."""
        cached: dict[str, tuple[tuple[str, ...], ...]] | None = self.__dict__.get("_by_first")
        if cached is None:
            grouped: dict[str, list[tuple[str, ...]]] = {}
            for role in self.roles:
                grouped.setdefault(role[0], []).append(role)
            cached = {k: tuple(v) for k, v in grouped.items()}
            object.__setattr__(self, "_by_first", cached)
        return cached

    @property
    def prepositions(self) -> frozenset[str]:
        """The connectors that link a head to what it governs (``de``, ``del``, ``von``…).

        Derived from the data: connectors that are neither name articles nor conjunctions.
        ``Israel y guerrilleros`` or ``Lima el ente`` are a name and what follows it; only
        ``Doctrina de expansión`` is a head governing a phrase.

        >>> sorted(load_entity_words().prepositions)[:3]
        ['da', 'de', 'del']
        """
        cached: frozenset[str] | None = self.__dict__.get("_prepositions")
        if cached is None:
            cached = self.connectors - self.name_articles - self.conjunctions
            object.__setattr__(self, "_prepositions", cached)
        return cached

    def derived(self, token_key: str, name_key: str) -> bool:
        """Whether two folded names differ only by an identity-changing ending.

        >>> w = load_entity_words()
        >>> w.derived("molotova", "molotov"), w.derived("kuropatkine", "kuropatkin")
        (True, False)
        """
        p = 0
        while p < min(len(token_key), len(name_key)) and token_key[p] == name_key[p]:
            p += 1
        rest_token, rest_name = token_key[p:], name_key[p:]
        if rest_token == rest_name or p < 3:
            return False
        return rest_token in self.derived_name_endings or rest_name in self.derived_name_endings

    def head_label(self, word: str) -> str | None:
        """The label a capitalised head word gives an unlinked name (``Ejército`` → ORG)."""
        return self.heads.get(word.lower())


def _build(
    *,
    leading: Iterable[str],
    connectors: Iterable[str],
    conjunctions: Iterable[str],
    roles: Iterable[str],
    geographic_heads: Iterable[str],
    never_alone: Iterable[str],
    name_articles: Iterable[str],
    name_particles: Iterable[str],
    derived_name_endings: Iterable[str],
    ordinal: str,
    heads: dict[str, str],
    settings: dict[str, Any],
) -> EntityWords:
    role_tokens = {tuple(r.lower().split()) for r in roles if r.strip()}
    return EntityWords(
        leading=frozenset(w.lower() for w in leading),
        connectors=frozenset(w.lower() for w in connectors),
        conjunctions=frozenset(w.lower() for w in conjunctions),
        # longest roles first, so "teniente general" is tried before "teniente"; then
        # alphabetical, so a saved component is the same bytes in every process
        roles=tuple(sorted(role_tokens, key=lambda r: (-len(r), r))),
        geographic_heads=frozenset(w.lower() for w in geographic_heads),
        never_alone=frozenset(w.lower() for w in never_alone),
        name_articles=frozenset(w.lower() for w in name_articles),
        name_particles=frozenset(w.lower() for w in name_particles),
        derived_name_endings=frozenset(w.lower() for w in derived_name_endings),
        ordinal=re.compile(ordinal),
        heads=dict(heads),
        settings=FilterSettings(**settings),
    )


def bundled_entity_files() -> tuple[Path, ...]:
    """The bundled ``pipelines/entities/*.toml`` files, sorted by name."""
    return tuple(sorted((pipelines_dir() / "entities").glob("*.toml")))


def load_entity_words(paths: Sequence[str | Path] = ()) -> EntityWords:
    """Merge entity word files (all bundled ones when ``paths`` is empty); cached."""
    resolved = tuple(Path(p).resolve() for p in paths) or bundled_entity_files()
    return _load(resolved)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Zipf = Annotated[float, Field(ge=0.0, le=8.0)]  # wordfreq's scale: 8 is "the" and beyond


class FilterTable(_Strict):
    """``[filter]``: thresholds of the false-positive filter (``entities/filter.toml``)."""

    opener_zipf: Zipf = 5.2
    common_zipf: Zipf = 4.0
    max_lowercase_share: float = Field(default=0.5, ge=0.0, le=1.0)
    min_chars: int = Field(default=2, ge=0)


class WordsTable(_Strict):
    """``[words]``: closed-class words and domain heads (``entities/words.toml``)."""

    leading: tuple[str, ...] = ()
    name_articles: tuple[str, ...] = ()
    name_particles: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    geographic_heads: tuple[str, ...] = ()
    never_alone: tuple[str, ...] = ()
    derived_name_endings: tuple[str, ...] = ()
    ordinal_regex: str | None = None

    @field_validator("ordinal_regex")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as err:
                msg = f"not a valid regular expression: {err}"
                raise ValueError(msg) from None
        return v


class EntityDataFile(_Strict):
    """An entity data file (``pipelines/entities/*.toml``), as written.

    The bundled files keep one table each (``filter.toml``: ``[filter]``, ``labels.toml``:
    ``[heads]``, ``words.toml``: ``[words]``); a pipeline's files are merged in order, so
    a file of one's own may hold any of them.
    """

    meta: FileMeta = FileMeta()
    filter: FilterTable | None = None
    heads: dict[Literal["PER", "LOC", "ORG", "MISC"], tuple[str, ...]] = {}
    words: WordsTable | None = None


def load_entity_file(path: Path) -> EntityDataFile:
    """Read and validate one entity data file."""
    return load_toml(path, EntityDataFile, kind="entity data")


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> EntityWords:
    lists: dict[str, list[str]] = {name: [] for name in _LISTS}
    ordinal = r"^\d+[ºª]$"
    heads: dict[str, str] = {}
    settings: dict[str, Any] = {}
    for path in paths:
        data = load_entity_file(path)
        if data.words is not None:
            for key, values in lists.items():
                values.extend(getattr(data.words, key))
            ordinal = data.words.ordinal_regex or ordinal
        for label, words in data.heads.items():
            heads.update({w.lower(): label for w in words})
        if data.filter is not None:
            # a later file overrides only the thresholds it sets
            settings.update(data.filter.model_dump(exclude_unset=True))
    return _build(ordinal=ordinal, heads=heads, settings=settings, **lists)


def is_name_word(text: str) -> bool:
    """Whether a token looks like part of a name: capitalised, or letters without case.

    Letters without case (Chinese, Japanese) count as name words: the case test cannot
    tell, and a mention in such a script is a name in a Spanish text.

    >>> [is_name_word(w) for w in ("URSS", "Zhúkov", "de", "“", "ノモンハン事件")]
    [True, True, False, False, True]
    """
    for ch in text:
        if ch.isalpha():
            if ch.isupper():
                return True
            return not ch.islower()
    return False


def is_lower_word(text: str) -> bool:
    """Whether a token starts (at its first letter) with a lowercase letter.

    >>> is_lower_word("soviético-japonés"), is_lower_word("Pacto"), is_lower_word("1939")
    (True, False, False)
    """
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


def is_acronym(text: str) -> bool:
    """Two or more capitals and nothing lowercase (``URSS``, ``EE. UU.``, ``U.R.S.S.``).

    >>> is_acronym("NKVD"), is_acronym("EE. UU."), is_acronym("Eje"), is_acronym("A")
    (True, True, False, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=65536)
def zipf_es(word: str) -> float:
    """Spanish Zipf frequency of a word (cached: the same words recur in every text)."""
    return float(zipf_frequency(word.lower(), "es"))


@lru_cache(maxsize=65536)
def zipf_en(word: str) -> float:
    """English Zipf frequency of a word (names leak into MT Spanish through English)."""
    return float(zipf_frequency(word.lower(), "en"))
