"""Pydantic models of the lexicon files in ``pipelines/lexicons/*.toml``.

A lexicon file holds any of three tables of arrays:

``[[entity]]``
    gazetteer entries: one real-world identity each (a person, a state, a battle…).
``[[rule]]``
    phrase rules for translation-style errors (mistranslations, calques, false friends).
``[[term]]``
    glossary terms for translation (Spanish term → English term, or kept as is).

Unknown keys are rejected (dateparser's rule), so a typo in a field name is an
error, not a silently ignored setting.
"""

from __future__ import annotations

import re
from re import _constants as _re_constants  # type: ignore[attr-defined]  # parsed pattern
from re import _parser as _re_parser  # type: ignore[attr-defined]
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jsr_nlp.model import Label
from jsr_nlp.model import RuleCategory as Category

#: The closed set of entity kinds; ``label`` is the coarse NER class, ``kind`` the fine one.
KINDS: dict[str, Label] = {
    "person": "PER",
    "group": "MISC",  # peoples and collectives: los Aliados, los bolcheviques
    "state": "LOC",
    "puppet_state": "LOC",
    "region": "LOC",
    "city": "LOC",
    "river": "LOC",
    "lake": "LOC",
    "mountain": "LOC",
    "sea": "LOC",
    "island": "LOC",
    "peninsula": "LOC",
    "continent": "LOC",
    "military_unit": "ORG",
    "navy": "ORG",
    "air_force": "ORG",
    "government_body": "ORG",
    "organisation": "ORG",
    "political_party": "ORG",
    "alliance": "ORG",
    "battle": "MISC",
    "incident": "MISC",
    "war": "MISC",
    "treaty": "MISC",
    "operation": "MISC",
    "conference": "MISC",
    "doctrine": "MISC",
    "event": "MISC",
    "ideology": "MISC",
    "work": "MISC",
}

Kind = Literal[
    "person",
    "group",
    "state",
    "puppet_state",
    "region",
    "city",
    "river",
    "lake",
    "mountain",
    "sea",
    "island",
    "peninsula",
    "continent",
    "military_unit",
    "navy",
    "air_force",
    "government_body",
    "organisation",
    "political_party",
    "alliance",
    "battle",
    "incident",
    "war",
    "treaty",
    "operation",
    "conference",
    "doctrine",
    "event",
    "ideology",
    "work",
]

_ID = re.compile(r"^[a-z0-9]+(?:[.\-_][a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_EDTF_HINT = re.compile(r"^[0-9X?~%/.\-]+$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class GazetteerEntry(_Strict):
    """One identity of the domain, with every surface form we accept or repair."""

    id: str = Field(description="stable dotted slug, e.g. 'per.zhukov'; never reused")
    label: Label
    kind: Kind
    canonical: str = Field(min_length=1, description="canonical Spanish form")
    english: str = Field(min_length=1, description="English form used in translation")
    aliases: tuple[str, ...] = Field(
        default=(), description="accepted Spanish/English variants: never corrected"
    )
    misspellings: tuple[str, ...] = Field(
        default=(), description="known wrong forms: corrected to the closest accepted form"
    )
    short: tuple[str, ...] = Field(
        default=(),
        description="short forms that refer to this entry only after a full mention "
        "in the same document (e.g. 'el Pacto')",
    )
    wikidata: str | None = Field(default=None, description="verified Wikidata QID")
    date: str | None = Field(default=None, description="EDTF date or interval of an event")
    note: str = ""

    @field_validator("id")
    @classmethod
    def _check_id(cls, v: str) -> str:
        if not _ID.match(v):
            msg = "id must be a lowercase dotted slug such as 'per.zhukov'"
            raise ValueError(msg)
        return v

    @field_validator("wikidata")
    @classmethod
    def _check_wikidata(cls, v: str | None) -> str | None:
        if v is not None and not _WIKIDATA.match(v):
            msg = f"wikidata must look like Q1234, not {v!r}"
            raise ValueError(msg)
        return v

    @field_validator("date")
    @classmethod
    def _check_date(cls, v: str | None) -> str | None:
        if v is not None and not _EDTF_HINT.match(v):
            msg = f"date must be EDTF such as 1939-05-11/1939-09-16, not {v!r}"
            raise ValueError(msg)
        return v

    @model_validator(mode="after")
    def _check_label_matches_kind(self) -> GazetteerEntry:
        if KINDS[self.kind] != self.label and self.kind not in {"group"}:
            msg = f"kind {self.kind!r} goes with label {KINDS[self.kind]}, not {self.label}"
            raise ValueError(msg)
        return self

    @property
    def forms(self) -> tuple[str, ...]:
        """Every accepted surface form: canonical, English and aliases."""
        return (self.canonical, self.english, *self.aliases)


class ContextCondition(_Strict):
    """When a phrase rule may fire. All given conditions must hold."""

    near: tuple[str, ...] = Field(
        default=(), description="fire only if one of these (lowercase) occurs within `window`"
    )
    not_near: tuple[str, ...] = Field(
        default=(), description="do not fire if one of these occurs within `window`"
    )
    window: int = Field(default=250, ge=0, description="characters either side of the match")
    preceded_by: tuple[str, ...] = Field(
        default=(), description="fire only if the previous token (lowercase) is one of these"
    )
    not_preceded_by: tuple[str, ...] = ()
    followed_by: tuple[str, ...] = Field(
        default=(), description="fire only if the next token (lowercase) is one of these"
    )
    not_followed_by: tuple[str, ...] = ()
    agrees_until: str | None = Field(
        default=None,
        description="a regular expression for words that would have to agree with the "
        "replacement (e.g. feminine plurals '^[a-záéíóúñ]+as$'): if one follows in the same "
        "clause, the fix would leave an agreement error, so the rule only suggests",
    )


class PhraseRule(_Strict):
    """A translation-style error and its fix, matched on tokens (never by raw regex)."""

    id: str
    category: Category
    phrase: str | None = Field(
        default=None, description="literal token sequence, matched case-insensitively"
    )
    pattern: tuple[dict[str, Any], ...] | None = Field(
        default=None, description="spaCy Matcher token pattern, for inflection and numbers"
    )
    target: tuple[int, int] | None = Field(
        default=None, description="token slice of the match to replace (default: all of it)"
    )
    replacement: str | None = Field(
        default=None, description="the fix; omitted for a passage flagged for a human"
    )
    action: Literal["apply", "suggest"] = "apply"
    confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    context: ContextCondition = ContextCondition()
    note: str = Field(min_length=1, description="why, in words a reader understands")
    english: str | None = Field(default=None, description="the English the error came from")

    @field_validator("id")
    @classmethod
    def _check_id(cls, v: str) -> str:
        if not _ID.match(v):
            msg = "rule id must be a lowercase dotted slug such as 'calque.tropas'"
            raise ValueError(msg)
        return v

    @model_validator(mode="after")
    def _check_shape(self) -> PhraseRule:
        if (self.phrase is None) == (self.pattern is None):
            msg = "give exactly one of 'phrase' or 'pattern'"
            raise ValueError(msg)
        if self.action == "apply" and self.replacement is None:
            msg = "an 'apply' rule needs a replacement (use action = 'suggest' to flag only)"
            raise ValueError(msg)
        if self.target is not None and not 0 <= self.target[0] < self.target[1]:
            msg = "target must be [first_token, last_token_exclusive]"
            raise ValueError(msg)
        if self.pattern is not None:
            if self.target is not None and self.target[1] > len(self.pattern):
                n = len(self.pattern)
                msg = f"target {list(self.target)} reaches past the pattern's {n} tokens"
                raise ValueError(msg)
            for regex in _regexes(self.pattern):
                check_regex(regex)
        if self.context.agrees_until is not None:
            check_regex(self.context.agrees_until)
        return self


def check_regex(regex: str) -> None:
    """Raise ``ValueError`` for a pattern that does not compile or can backtrack for ages.

    spaCy matches ``REGEX`` with Python's ``re``, which has no time limit: a repeated group
    that itself repeats (``(a+)+``, ``(\\w*)*``) takes exponential time on a long token
    that almost matches, and one such rule would stall every text. Such patterns are
    refused when the lexicon is loaded (and by ``jsr-nlp lexicon check``).

    >>> check_regex("^(?!.*as$)")
    >>> check_regex("^(a+)+$")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: REGEX '^(a+)+$' repeats a group that itself repeats ('+' inside '+'): ...
    """
    try:
        parsed = _re_parser.parse(regex)
    except re.error as err:
        msg = f"REGEX {regex!r} does not compile: {err}"
        raise ValueError(msg) from None
    nested = _nested_repeat(parsed, outer=None)
    if nested is not None:
        msg = (
            f"REGEX {regex!r} repeats a group that itself repeats ({nested}): it can take "
            "exponential time on a long word; write it without the nested repetition"
        )
        raise ValueError(msg)


_UNBOUNDED = _re_constants.MAXREPEAT


def _nested_repeat(items: Any, outer: str | None) -> str | None:
    """The first unbounded repeat inside another unbounded repeat, described, or ``None``."""
    for op, arg in items:
        if op in (
            _re_constants.MAX_REPEAT,
            _re_constants.MIN_REPEAT,
            _re_constants.POSSESSIVE_REPEAT,
        ):
            low, high, sub = arg
            unbounded = high == _UNBOUNDED or high > 50
            here = ("+" if low else "*") if unbounded else None
            if here and outer:
                return f"'{here}' inside '{outer}'"
            found = _nested_repeat(sub, here or outer)
            if found:
                return found
        elif op in (_re_constants.SUBPATTERN, _re_constants.ATOMIC_GROUP):
            sub = arg[-1]
            found = _nested_repeat(sub, outer)
            if found:
                return found
        elif op == _re_constants.BRANCH:
            for alt in arg[1]:
                found = _nested_repeat(alt, outer)
                if found:
                    return found
        elif op in (_re_constants.ASSERT, _re_constants.ASSERT_NOT):
            found = _nested_repeat(arg[1], outer)
            if found:
                return found
    return None


def _regexes(value: Any) -> list[str]:
    """Every ``REGEX`` value inside a token pattern, however deeply nested."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "REGEX" and isinstance(item, str):
                found.append(item)
            else:
                found.extend(_regexes(item))
    elif isinstance(value, list | tuple):
        for item in value:
            found.extend(_regexes(item))
    return found


class GlossaryTerm(_Strict):
    """A domain term whose translation is fixed (or which stays untranslated)."""

    es: str = Field(min_length=1)
    en: str = Field(min_length=1, description="English form; equal to `es` to keep it as is")
    note: str = ""


class LexiconMeta(_Strict):
    """The ``[meta]`` table of a lexicon file."""

    name: str
    version: str = "1"
    language: str = "es"
    description: str = ""


class LexiconFile(_Strict):
    """One lexicon file as written on disk."""

    meta: LexiconMeta
    entity: tuple[GazetteerEntry, ...] = ()
    rule: tuple[PhraseRule, ...] = ()
    term: tuple[GlossaryTerm, ...] = ()
