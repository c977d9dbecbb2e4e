"""Lexicon corrections: translation-style errors and misspelt names, matched on tokens.

Phrase rules (``[[rule]]`` in ``pipelines/lexicons/*.toml``) are compiled once into a
spaCy ``PhraseMatcher`` (literal phrases, case-insensitive) and a ``Matcher`` (token
patterns); known misspellings of gazetteer names go into a second ``PhraseMatcher``.
Names that no table lists are compared with the gazetteer's name tokens
(Jaro–Winkler over transliteration-folded forms, :mod:`jsr_nlp.lexicon.names`):
applied when the match is close and unambiguous, suggested when it is not. One
ordered pass, no loop until nothing changes; a test checks it is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from rapidfuzz.distance import JaroWinkler
from spacy.lang.es.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from jsr_nlp.analysis.tokenizer import bound
from jsr_nlp.audit import Edit, EditLog
from jsr_nlp.detectors import Detector
from jsr_nlp.errors import LexiconError
from jsr_nlp.lexicon.fuzzy import FuzzyNames, WorldIndex
from jsr_nlp.lexicon.load import Lexicon, fold
from jsr_nlp.lexicon.names import NameIndex, fold_rules, name_index
from jsr_nlp.lexicon.schema import PhraseRule
from jsr_nlp.model import Correction, Stage

_NAME_KEY = "jsr.name.misspelling"


def _match_case(replacement: str, original: str) -> str:
    """Give the replacement the capitalisation of the text it replaces.

    >>> _match_case("doctrina de avance hacia el sur", "Doctrina de huelga del sur")
    'Doctrina de avance hacia el sur'
    >>> _match_case("frente a", "versus")
    'frente a'
    """
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    if original[:1].islower() and replacement[:1].isupper() and not replacement.isupper():
        # a rule written with a capital for readability, matched mid-sentence
        second = replacement[1:2]
        if not second.isupper():
            return replacement[:1].lower() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class _Candidate:
    edit: Edit
    priority: int  # lower wins among overlapping candidates


class Corrector:
    """Compiled phrase rules and name tables for one lexicon."""

    def __init__(
        self,
        lexicon: Lexicon,
        nlp: Language | None = None,
        *,
        fuzzy: bool = True,
        apply_threshold: float = 0.6,
        names: Path | None = None,
        detectors: Sequence[Detector] = (),
    ) -> None:
        self.lexicon = lexicon
        self.apply_threshold = apply_threshold
        self.nlp = nlp if nlp is not None else _blank_es()
        self.fuzzy = fuzzy
        self.detectors = tuple(detectors)
        # ``names``: the transliteration file (the pipeline's [vocabularies] names)
        self.index: NameIndex = name_index(lexicon, fold_rules(names))
        self.rules: dict[str, PhraseRule] = {r.id: r for r in lexicon.rules}
        self._order = {r.id: i for i, r in enumerate(lexicon.rules)}
        vocab = self.nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        # Pattern rules run only on texts that contain their trigger word: one Matcher
        # per rule with a literal required token, one shared Matcher for the rest. A
        # single Matcher with every pattern updates every predicate at every token,
        # which cost more than the spaCy model on long texts.
        self.patterns = Matcher(vocab, validate=True)
        self._triggered: list[tuple[frozenset[str], int, Matcher]] = []
        for rule in lexicon.rules:
            if rule.phrase is not None:
                phrase = self.nlp.make_doc(rule.phrase)
                if rule.target is not None and rule.target[1] > len(phrase):
                    path = lexicon.rule_files.get(rule.id, "lexicon")
                    msg = (
                        f"target {list(rule.target)} reaches past the phrase's {len(phrase)} tokens"
                    )
                    raise LexiconError(path, msg, f"rule {rule.id}")
                self.phrases.add(rule.id, [phrase])
            else:
                pattern = [dict(t) for t in rule.pattern or ()]
                triggers = _trigger_words(pattern)
                matcher = self.patterns if triggers is None else Matcher(vocab, validate=True)
                if triggers is not None:
                    reach = sum(8 if t.get("OP") in {"*", "+"} else 1 for t in pattern)
                    self._triggered.append((triggers, reach, matcher))
                try:
                    matcher.add(rule.id, [pattern])
                except (ValueError, KeyError) as err:
                    problem = " ".join(str(err).split())  # spaCy's message spans lines
                    path = lexicon.rule_files.get(rule.id, "lexicon")
                    raise LexiconError(path, f"pattern: {problem}", f"rule {rule.id}") from None
        self.names = FuzzyNames(self.index, self.index.rules.fuzzy)
        self.misspellings = PhraseMatcher(vocab, attr="LOWER")
        self._misspelt_target: dict[str, str] = {}
        for bad_key, (_entry_id, target) in self.index.misspelt.items():
            self._misspelt_target[bad_key] = target
            self.misspellings.add(_NAME_KEY, [self.nlp.make_doc(bad_key)])

    # -- phrase rules -----------------------------------------------------------------------

    def _context_ok(self, rule: PhraseRule, doc: Doc, text: str, span: Span) -> bool:
        ctx = rule.context
        if ctx.near or ctx.not_near:
            lo = max(0, span.start_char - ctx.window)
            hi = min(len(text), span.end_char + ctx.window)
            around = text[lo:hi].lower()
            if ctx.near and not any(w.lower() in around for w in ctx.near):
                return False
            if any(w.lower() in around for w in ctx.not_near):
                return False
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if ctx.preceded_by and prev not in ctx.preceded_by:
            return False
        if prev and prev in ctx.not_preceded_by:
            return False
        if ctx.followed_by and nxt not in ctx.followed_by:
            return False
        return not (nxt and nxt in ctx.not_followed_by)

    def _rule_candidates(self, doc: Doc) -> list[_Candidate]:
        out: list[_Candidate] = []
        strings = self.nlp.vocab.strings
        text = doc.text  # Doc.text joins every token: compute it once, not per match
        found = list(self.phrases(doc)) if len(self.phrases) else []
        if len(self.patterns):
            found.extend(self.patterns(doc))
        if self._triggered:
            where: dict[str, list[int]] = {}
            for tok in doc:
                where.setdefault(tok.lower_, []).append(tok.i)
            hits: set[tuple[int, int, int]] = set()
            for triggers, reach, matcher in self._triggered:
                positions = sorted(i for w in triggers & where.keys() for i in where[w])
                # match only in windows around the trigger word, merged where they overlap
                windows: list[list[int]] = []
                for i in positions:
                    lo, hi = max(0, i - reach), min(len(doc), i + reach + 1)
                    if windows and lo <= windows[-1][1]:
                        windows[-1][1] = hi
                    else:
                        windows.append([lo, hi])
                for lo, hi in windows:
                    # a Matcher reports positions relative to the Span it is given
                    hits.update((k, lo + s, lo + e) for k, s, e in matcher(doc[lo:hi]))
            found.extend(sorted(hits, key=lambda m: (m[1], m[2])))
        for match_id, start, end in found:
            rule = self.rules[strings[match_id]]
            span = doc[start:end]
            if not self._context_ok(rule, doc, text, span):
                continue
            if rule.target is not None:
                a, b = rule.target
                span = doc[start + a : min(end, start + b)]
            replacement = None
            if rule.replacement is not None:
                replacement = _match_case(rule.replacement, span.text)
            note = rule.note + (f" (English: “{rule.english}”)" if rule.english else "")
            confidence = rule.confidence
            if rule.context.agrees_until and _disagrees_later(doc, end, rule.context.agrees_until):
                # "57.000 tropas chinas mal armadas" → "soldados chinos mal armadas"
                note += "; a word later in the clause would have to agree too, so only suggested"
                confidence = min(confidence, 0.5)
            out.append(
                _Candidate(
                    Edit(
                        span.start_char,
                        span.end_char,
                        replacement,
                        rule=rule.id,
                        category=rule.category,
                        note=note,
                        confidence=confidence,
                    ),
                    priority=self._order[rule.id],
                )
            )
        return out

    # -- names --------------------------------------------------------------------------------

    def _misspelling_candidates(self, doc: Doc) -> list[_Candidate]:
        out: list[_Candidate] = []
        if not len(self.misspellings):
            return out
        for _, start, end in self.misspellings(doc):
            span = doc[start:end]
            if not span.text[:1].isupper():
                continue  # names are capitalised; a lowercase hit is an ordinary word
            target = self._misspelt_target[fold(span.text)]
            out.append(
                _Candidate(
                    Edit(
                        span.start_char,
                        span.end_char,
                        target,
                        rule="name.known-misspelling",
                        category="name",
                        note=f"a known misspelling of “{target}”",
                        confidence=0.95,
                    ),
                    priority=-1,
                )
            )
        return out

    def _fuzzy_candidates(self, doc: Doc) -> list[_Candidate]:
        out: list[_Candidate] = []
        world: WorldIndex | None = None
        for tok in doc:
            text = tok.text
            if not (text[:1].isupper() and text.isalpha() and not text.isupper()):
                continue
            if self.names.candidate(text) is None:
                continue
            if world is None:
                world = WorldIndex(doc, self.index)
            verdict = self.names.judge(doc, tok, world)
            if verdict is None:
                continue
            target = self._styled_variant(text, verdict.target)
            if target == text:
                continue
            apply = verdict.action == "apply"
            evidence = "; ".join(verdict.reasons) or "no context supports it"
            note = (
                f"“{text}” looks like a misspelling of the name “{target}” "
                f"(similarity {verdict.score:.2f}; {evidence})"
            )
            out.append(
                _Candidate(
                    Edit(
                        tok.idx,
                        tok.idx + len(text),
                        target,
                        rule="name.fuzzy" if apply else "name.fuzzy-suggestion",
                        category="name",
                        note=note,
                        confidence=verdict.confidence,
                    ),
                    priority=10_000,
                )
            )
        return out

    def _styled_variant(self, text: str, candidate: str) -> str:
        """Among equivalent spellings of the candidate, the one closest to the text.

        ``Zukhovs`` becomes ``Zhukov``, not the equally valid ``Joukov`` or ``Zhúkov``: the
        edition keeps the author's romanisation and accent habits where it can.
        """
        # only spellings a correction may target: never an English form ("Committee" folds
        # like "Comité")
        targets = self.index.target_set
        variants = [v for v in self.index.token_variants(candidate) if v in targets] or [candidate]
        accented = _has_accent(text)
        probe = fold(self.index.rules.strip(text))
        rank = self.index.token_rank
        return max(
            variants,
            key=lambda v: (
                _has_accent(v) == accented,
                JaroWinkler.similarity(probe, fold(v)),
                -rank.get(v, 0),
            ),
        )

    # -- the pass -------------------------------------------------------------------------------

    def run(self, log: EditLog, keep: Callable[[Edit], bool] | None = None) -> EditLog:
        """Correct the log's running text in one ordered pass.

        ``keep`` (an edit → bool predicate) drops the proposals it refuses (the pipeline's
        refuses those in paragraphs that are not Spanish).
        """
        doc = self.nlp.make_doc(log.text)
        candidates = [*self._misspelling_candidates(doc), *self._rule_candidates(doc)]
        if self.fuzzy:
            candidates.extend(self._fuzzy_candidates(doc))
        # detector families come last: a lexicon rule or a name that covers the same
        # words knows more than general evidence does
        for rank, detector in enumerate(self.detectors):
            candidates.extend(_Candidate(e, 20_000 + rank) for e in detector.propose(doc))
        if keep is not None:
            candidates = [c for c in candidates if keep(c.edit)]
        chosen = _select(candidates)
        applied = [
            c.edit
            for c in chosen
            if c.edit.replacement is not None
            and c.edit.confidence >= self.apply_threshold
            and not c.edit.rule.endswith("-suggestion")
            and self._is_apply(c.edit.rule)
        ]
        applied_ids = {id(e) for e in applied}
        suggested = [c.edit for c in chosen if id(c.edit) not in applied_ids]
        log.suggest(suggested, Stage.CORRECT)
        log.apply(applied, Stage.CORRECT)
        return log

    def _is_apply(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return rule is None or rule.action == "apply"


def _trigger_words(pattern: list[dict[str, Any]]) -> frozenset[str] | None:
    """The rarest set of words one of which must occur for the pattern to match.

    "Rarest" by Spanish word frequency, so that ``en orden de`` is triggered by *orden*,
    not by *en*, which is in every text.

    >>> sorted(_trigger_words([{"LIKE_NUM": True}, {"LOWER": {"IN": ["tropas", "tropa"]}}]))
    ['tropa', 'tropas']
    >>> sorted(_trigger_words([{"LOWER": "en"}, {"LOWER": "orden"}, {"LOWER": "de"}]))
    ['orden']
    >>> _trigger_words([{"LIKE_NUM": True}]) is None
    True
    """
    best: frozenset[str] | None = None
    best_cost = float("inf")
    for spec in pattern:
        if spec.get("OP") in {"?", "*", "!"}:
            continue
        for attr in ("LOWER", "NORM", "ORTH", "TEXT"):
            value = spec.get(attr)
            words: frozenset[str] | None = None
            if isinstance(value, str):
                words = frozenset({value.lower()})
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words = frozenset(str(v).lower() for v in value["IN"])
            if not words:
                continue
            # expected occurrences per word of text, summed over the alternatives
            cost = sum(10 ** zipf_frequency(w, "es") for w in words)
            if cost < best_cost:
                best, best_cost = words, cost
    return best


_CLAUSE_BOUNDARY = frozenset({",", ".", ";", ":", "y", "e", "o", "u", "que", "pero", "(", ")"})


def _disagrees_later(doc: Doc, end: int, pattern: str) -> bool:
    """Whether a word matching ``pattern`` follows in the clause (up to six words)."""
    regex = _compiled(pattern)
    for tok in doc[end : end + 6]:
        if tok.lower_ in _CLAUSE_BOUNDARY or tok.is_space:
            return False
        if regex.search(tok.lower_) and tok.lower_ not in STOP_WORDS:
            return True
    return False


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _has_accent(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: misspellings first, then rules in file order, longest first."""
    ranked = sorted(candidates, key=lambda c: (c.priority, -(c.edit.end - c.edit.start)))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for cand in ranked:
        s, e = cand.edit.start, cand.edit.end
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.edit.start)


@lru_cache(maxsize=1)
def _blank_es() -> Language:
    nlp = spacy.blank("es")
    nlp.max_length = 100_000_000  # only the tokenizer runs here: no parser memory to fear
    bound(nlp)  # a long run without a space must not cost its square
    return nlp


@lru_cache(maxsize=8)
def corrector_for(lexicon: Lexicon) -> Corrector:
    """A cached :class:`Corrector` per lexicon (matchers are compiled once)."""
    return Corrector(lexicon)


def correct_text(text: str, lexicon: Lexicon | None = None) -> tuple[str, list[Correction]]:
    """Correct a text with a lexicon (default: every bundled lexicon); no cleaning stage.

    Returns the corrected text and the corrections, against ``text``.
    """
    if lexicon is None:
        from jsr_nlp.lexicon.load import bundled_lexicons, load_lexicon

        lexicon = load_lexicon(bundled_lexicons())
    log = corrector_for(lexicon).run(EditLog(text))
    return log.text, log.corrections
