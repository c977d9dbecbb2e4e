"""Run the date patterns only where they can match: around their trigger words.

spaCy's ``Matcher`` starts a state for every pattern at every token it is given, so its cost
grows with tokens × patterns. Every pattern has a required, uncommon token — its *trigger*
(a month, a unit, a four-digit number…): the head of a Spanish date comes last, so the last
rare word of the pattern, else a token shape. Patterns are grouped by trigger; each group
gets its own ``Matcher`` and runs only on windows around the group's trigger tokens, wide
enough for any of its patterns. Pieces that only count next to a full expression
(``standalone = false``, e.g. the '9' of 'del 9 al 20 de agosto') are grouped the same way
when they have a rare word; otherwise they run in windows around any trigger. The result is
the same set of matches as one Matcher over the whole text.

Word sets (``{"LOWER": {"IN": [...]}}``) are Python-level predicates in the Matcher; each
large set is turned into a lexeme flag of the pipeline's vocabulary (``Vocab.add_flag``),
which the Matcher checks in C. Flags are a finite resource (64 bits, a few dozen free), so
the sets used most get one and the rest stay ``IN`` predicates; the flags only add bits to
lexemes and change nothing else in the vocabulary.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher

from jsr_nlp.analysis.dates.patterns import CompiledPattern

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: words too frequent to be a trigger
COMMON = frozenset(
    {"el", "la", "los", "las", "lo", "de", "del", "a", "al", "y", "e", "o", "en", ",", ".",
     "que", "un", "una", "unos", "unas", "por", "con", "-", "–", "—", "(", ")", "'", "/"}
)  # fmt: skip
_STAR_CAP = 6  # tokens a '*' operator is assumed to take, for window sizes


def words_of(spec: dict[str, Any]) -> frozenset[str] | None:
    """The lowercase words a token spec accepts, or None for a regex."""
    value = spec.get("LOWER")
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and "IN" in value:
        return frozenset(value["IN"])
    return None


def _width(specs: list[dict[str, Any]]) -> int:
    return sum(_STAR_CAP if s.get("OP") in {"*", "+"} else 1 for s in specs)


#: How many word sets become lexeme flags (the most used ones).
MAX_FLAGS = 12


@dataclass
class _Group:
    words: frozenset[str] | None
    regex: re.Pattern[str] | None
    matcher: Matcher
    left: int = 0
    right: int = 0
    orths: set[int] = field(default_factory=set)


class _Flags:
    """Word sets as lexeme flags, shared by every tagger on the same vocabulary."""

    def __init__(self, vocab: Vocab, patterns: list[CompiledPattern]) -> None:
        self.vocab = vocab
        uses: Counter[frozenset[str]] = Counter()
        for pat in patterns:
            for spec in pat.tokens:
                words = _in_set(spec)
                if words is not None:
                    uses[words] += 1
        existing = {
            getter.words: flag
            for flag, getter in getattr(vocab, "lex_attr_getters", {}).items()
            if isinstance(getter, _Member)
        }
        self.flags: dict[frozenset[str], int] = {}
        # Each flag costs a pass over the whole vocabulary when it is added; the most used
        # sets pay for it, the long tail does not (12 measured fastest on the sample: 5 ms
        # a document, against 9.5 ms with all 47 and 11 ms with none).
        for words, _ in uses.most_common(MAX_FLAGS):
            flag = existing.get(words)
            if flag is None:
                try:
                    flag = vocab.add_flag(_Member(words))
                except ValueError:  # no free flag bit left: keep the IN predicate
                    break
            self.flags[words] = flag

    def rewrite(self, tokens: list[dict[str, Any]]) -> list[dict[Any, Any]]:
        """Token specs with flagged word sets replaced by their flag."""
        out: list[dict[Any, Any]] = []
        for spec in tokens:
            words = _in_set(spec)
            if words is not None and words in self.flags:
                flagged: dict[Any, Any] = {k: v for k, v in spec.items() if k != "LOWER"}
                flagged[self.flags[words]] = True
                out.append(flagged)
            else:
                out.append(spec)
        return out


class _Member:
    """A picklable flag getter: is the lowercase form in the set?"""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def __call__(self, text: str) -> bool:
        return text.lower() in self.words


def _in_set(spec: dict[str, Any]) -> frozenset[str] | None:
    value = spec.get("LOWER")
    if isinstance(value, dict) and "IN" in value and len(value["IN"]) > 1:
        return frozenset(value["IN"])
    return None


class GroupedMatcher:
    """One Matcher per trigger, run on windows around that trigger's tokens."""

    def __init__(self, vocab: Vocab, patterns: list[CompiledPattern]) -> None:
        self.vocab = vocab
        flags = _Flags(vocab, patterns)
        self.patterns: dict[int, CompiledPattern] = {}
        self.groups: dict[str, _Group] = {}
        self._cache: dict[int, tuple[str, ...]] = {}
        pieces: list[tuple[str, CompiledPattern]] = []
        for i, pat in enumerate(patterns):
            key = f"jsr_dates:{pat.id}:{i}"
            self.patterns[vocab.strings.add(key)] = pat
            at = self._trigger_index(pat.tokens)
            spec = pat.tokens[at]
            if not pat.standalone and (words_of(spec) or COMMON) & COMMON:
                pieces.append((key, pat))  # no rare word of its own: run next to any trigger
                continue
            gkey = json.dumps({k: v for k, v in spec.items() if k != "OP"}, sort_keys=True)
            group = self.groups.get(gkey)
            if group is None:
                words = words_of(spec)
                regex = None
                if words is None:
                    attr, cond = next((k, v) for k, v in spec.items() if k not in {"OP"})
                    regex = re.compile(cond["REGEX"], 0 if attr == "TEXT" else re.I)
                group = self.groups[gkey] = _Group(words, regex, Matcher(vocab, validate=False))
            group.matcher.add(key, [flags.rewrite(pat.tokens)], greedy="LONGEST")
            group.left = max(group.left, _width(pat.tokens[:at]) + pat.lead)
            group.right = max(group.right, _width(pat.tokens[at + 1 :]) + pat.trail)
        self.pieces = Matcher(vocab, validate=False)
        self.piece_width = 0
        for key, pat in pieces:
            self.pieces.add(key, [flags.rewrite(pat.tokens)], greedy="LONGEST")
            self.piece_width = max(self.piece_width, _width(pat.tokens) + pat.lead + pat.trail)

    @staticmethod
    def _trigger_index(tokens: list[dict[str, Any]]) -> int:
        required = [i for i, t in enumerate(tokens) if t.get("OP") not in {"?", "*"}]
        rare = [
            i
            for i in required
            if (words_of(tokens[i]) or COMMON) and not ((words_of(tokens[i]) or COMMON) & COMMON)
        ]
        shapes = [i for i in required if words_of(tokens[i]) is None]
        if rare:
            return rare[-1]
        if shapes:
            return shapes[-1]
        return required[0] if required else 0

    def _groups_of(self, orth: int) -> tuple[str, ...]:
        got = self._cache.get(orth)
        if got is None:
            text = self.vocab.strings[orth]
            low = text.lower()
            has_digit = any(ch.isdigit() for ch in text)
            got = tuple(
                k
                for k, g in self.groups.items()
                if (g.words is not None and low in g.words)
                or (g.regex is not None and has_digit and g.regex.search(text))
                or (
                    (g.regex is not None and not has_digit and g.regex.pattern[:2] == "^[")
                    and g.regex.search(text)
                )
            )
            self._cache[orth] = got
        return got

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """All matches (match id, start, end) in document token offsets."""
        n = len(doc)
        if not n:
            return []
        per_group: dict[str, list[int]] = {}
        every: list[int] = []
        cache = self._cache
        for i, orth in enumerate(doc.to_array("ORTH").tolist()):
            keys = cache.get(orth)
            if keys is None:
                keys = self._groups_of(orth)
            if keys:
                every.append(i)
                for k in keys:
                    per_group.setdefault(k, []).append(i)
        out: list[tuple[int, int, int]] = []
        for k, pos in per_group.items():
            group = self.groups[k]
            out.extend(_run(group.matcher, doc, pos, group.left, group.right))
        if every and len(self.pieces):
            out.extend(_run(self.pieces, doc, every, self.piece_width, self.piece_width))
        return out


def _run(
    matcher: Matcher, doc: Doc, positions: list[int], left: int, right: int
) -> list[tuple[int, int, int]]:
    """Run a matcher on the merged windows [p - left, p + right] around positions."""
    out: list[tuple[int, int, int]] = []
    n = len(doc)
    start = end = -1
    for p in positions:
        lo, hi = max(0, p - left), min(n, p + right + 1)
        if start < 0:
            start, end = lo, hi
        elif lo <= end:
            end = max(end, hi)
        else:
            out.extend((m, s + start, e + start) for m, s, e in matcher(doc[start:end]))
            start, end = lo, hi
    if start >= 0:
        out.extend((m, s + start, e + start) for m, s, e in matcher(doc[start:end]))
    return out
