"""Compile the token-pattern DSL of the vocabulary file into spaCy ``Matcher`` patterns.

One string per token::

    NAME         a token class from ``[classes]`` (words from tables, or a regex on the text)
    @NAME        a macro from ``[macros]``: alternative token sequences, expanded here
    a|b|c        literal lowercase words
    X? X* X+     the Matcher operator
    [X]          context: must be there, stays out of the span (only at either end)

>>> from jsr_nlp.analysis.dates.vocab import load_vocab
>>> pats = compile_patterns(load_vocab())
>>> full = [p for p in pats if p.id == "date.year"][0]
>>> full.lead, full.trail, "desde" in full.tokens[0]["LOWER"]["IN"]
(1, 0, True)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jsr_nlp.analysis.dates.vocab import DatesVocab, TokenClass
from jsr_nlp.errors import ConfigurationError

_GROUP = re.compile(r"\(\?P<\w+>")
_CLASS = re.compile(r"^[A-Z][A-Z0-9_]*$")
_WHERE = "dates vocabulary"


@dataclass(frozen=True)
class CompiledPattern:
    """One expanded alternative of a DSL pattern.

    ``lead``/``trail`` count context tokens; ``left``/``right`` are optional tokens at the
    edges, taken out of the Matcher pattern and checked in Python after a match (an optional
    first token makes the Matcher start a state at every token of the text; this keeps the
    cost of the Matcher proportional to the words that can start a date).
    """

    id: str
    kind: str
    standalone: bool
    lead: int
    trail: int
    tokens: list[dict[str, Any]]
    left: tuple[dict[str, Any], ...] = ()
    right: tuple[dict[str, Any], ...] = ()


def _class_words(cls: TokenClass, vocab: DatesVocab) -> list[str]:
    words: set[str] = set()
    for table in cls.tables:
        data = getattr(vocab, table)
        if hasattr(data, "words"):
            data = data.words
        words.update(str(k).lower() for k in data)
    words.update(w.lower() for w in cls.words)
    if cls.units:
        for u in vocab.unit:
            if cls.units in {"all", "singular"}:
                words.update(u.singular)
            if cls.units in {"all", "plural"}:
                words.update(u.plural)
    if cls.deixis:
        words.update(str(k) for k in getattr(vocab.deixis, cls.deixis))
    if cls.sets:
        words.update(getattr(vocab.sets, cls.sets))
    if cls.year:
        words.update(getattr(vocab.year, cls.year))
    for lo, hi, step in cls.ranges:
        for n in range(lo, hi + 1, step):
            forms = {str(n), f"{n:02d}"} if cls.pad else {str(n)}
            words.update(forms)
            words.update(f + suf for f in forms for suf in cls.suffixes)
    return sorted(words - set(cls.exclude))


def class_spec(name: str, vocab: DatesVocab) -> dict[str, Any]:
    """The Matcher token dict of a class."""
    cls = vocab.classes.get(name)
    if cls is None:
        problem = f"unknown token class {name!r}"
        raise ConfigurationError(_WHERE, problem)
    shapes = [cls.shape] if cls.shape else list(cls.shapes)
    if shapes or cls.regex:
        rx = cls.regex or "|".join(f"(?:{_GROUP.sub('(?:', vocab.shapes[s])})" for s in shapes)
        attr = "TEXT" if cls.case_sensitive or shapes else "LOWER"
        return {attr: {"REGEX": rx}}
    spec: dict[str, Any] = {"LOWER": {"IN": _class_words(cls, vocab)}}
    if cls.lowercase:
        spec["IS_LOWER"] = True
    return spec


def _token_spec(tok: str, vocab: DatesVocab) -> dict[str, Any]:
    op = ""
    if len(tok) > 1 and tok[-1] in "?*+":
        tok, op = tok[:-1], tok[-1]
    alts = tok.split("|")
    if len(alts) == 1 and _CLASS.match(tok):
        spec = dict(class_spec(tok, vocab))
    elif any(_CLASS.match(a) for a in alts):  # a union of word classes and literal words
        words: set[str] = set()
        for a in alts:
            if not _CLASS.match(a):
                words.add(a)
                continue
            sub = class_spec(a, vocab)
            if (
                set(sub) != {"LOWER"}
                or not isinstance(sub["LOWER"], dict)
                or "IN" not in sub["LOWER"]
            ):
                problem = f"class {a!r} cannot be in a union"
                raise ConfigurationError(_WHERE, problem)
            words.update(sub["LOWER"]["IN"])
        spec = {"LOWER": {"IN": sorted(words)}}
    else:
        spec = {"LOWER": alts[0]} if len(alts) == 1 else {"LOWER": {"IN": alts}}
    if op:
        spec["OP"] = op
    return spec


def _expand(tokens: tuple[str, ...], vocab: DatesVocab) -> list[list[str]]:
    choices: list[list[list[str]]] = []
    for tok in tokens:
        if tok.startswith("@"):
            name, optional = tok[1:].rstrip("?"), tok.endswith("?")
            alts = [list(a) for a in vocab.macros[name]]
            choices.append([*alts, []] if optional else alts)
        else:
            choices.append([[tok]])
    return [list(itertools.chain.from_iterable(combo)) for combo in itertools.product(*choices)]


def compile_patterns(vocab: DatesVocab) -> list[CompiledPattern]:
    """Every pattern of the vocabulary, macros expanded, context tokens counted."""
    out: list[CompiledPattern] = []
    for pat in vocab.pattern:
        for toks in _expand(pat.tokens, vocab):
            lead = 0
            while lead < len(toks) and toks[lead].startswith("["):
                lead += 1
            trail = 0
            while trail < len(toks) - lead and toks[len(toks) - 1 - trail].startswith("["):
                trail += 1
            specs = [_token_spec(t.strip("[]"), vocab) for t in toks]
            left: list[dict[str, Any]] = []
            right: list[dict[str, Any]] = []
            if not lead:
                while len(specs) > 1 and specs[0].get("OP") in {"?", "*"}:
                    left.append(specs.pop(0))
            if not trail:
                while len(specs) > 1 and specs[-1].get("OP") in {"?", "*"}:
                    right.insert(0, specs.pop())
            out.append(
                CompiledPattern(
                    pat.id, pat.kind, pat.standalone, lead, trail, specs, tuple(left), tuple(right)
                )
            )
    return out


def token_ok(spec: dict[str, Any], token_text: str) -> bool:
    """Does one token's text satisfy a Matcher token spec (the subset this DSL produces)?"""
    for attr, cond in spec.items():
        if attr == "OP":
            continue
        if attr == "IS_LOWER":
            if token_text.islower() != cond:
                return False
            continue
        text = token_text if attr == "TEXT" else token_text.lower()
        if isinstance(cond, str):
            if text != cond:
                return False
        elif "IN" in cond:
            if text not in _as_set(cond):
                return False
        elif "REGEX" in cond and not _regex(cond["REGEX"]).search(text):
            return False
    return True


_SETS: dict[int, frozenset[str]] = {}


def _as_set(cond: dict[str, Any]) -> frozenset[str]:
    key = id(cond["IN"])
    if key not in _SETS:
        _SETS[key] = frozenset(cond["IN"])
    return _SETS[key]


@lru_cache(maxsize=256)
def _regex(rx: str) -> re.Pattern[str]:
    return re.compile(rx)
