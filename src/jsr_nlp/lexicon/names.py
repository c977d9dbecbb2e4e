"""Name matching against the gazetteer: exact, transliteration-folded and fuzzy.

Shared by the corrector (which repairs misspelt names) and the entity linker
(which links variants to one identity). The folding rules and thresholds are data
(``pipelines/names/transliteration.toml``).

>>> translit_fold("Zhúkov") == translit_fold("Zhukov") == translit_fold("Joukov")
True
>>> translit_fold("Zhúkov") == translit_fold("Zhukov")
True
>>> translit_fold("Malinovsky") == translit_fold("Malinovski")
True
>>> translit_fold("Khalkhin Gol") == translit_fold("Jaljin Gol")
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from wordfreq import zipf_frequency

from jsr_nlp.config import FileMeta, load_toml
from jsr_nlp.lexicon.load import Lexicon, fold
from jsr_nlp.resources import pipelines_dir

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Similarity = Annotated[float, Field(ge=0.0, le=1.0)]


class FoldTable(_Strict):
    """``[fold]``: rewrite pairs, applied in order, and identity-free endings."""

    rewrite: tuple[tuple[str, str], ...] = ()
    strip_suffixes: tuple[str, ...] = ()


class FuzzyContextTable(_Strict):
    """``[fuzzy.context]``: words before a name that say which kind of name it is."""

    place_before: frozenset[str] = frozenset()
    person_before: frozenset[str] = frozenset()


class FuzzyTable(_Strict):
    """``[fuzzy]``: thresholds and evidence of the fuzzy name matcher."""

    apply: Similarity
    suggest: Similarity
    margin: Similarity
    min_length: int = Field(ge=1)
    max_zipf: float
    apply_max_zipf: float
    english_word_zipf: float
    world_window: int = Field(ge=0)
    world_min: int = Field(ge=0)
    context: FuzzyContextTable = FuzzyContextTable()


class TransliterationFile(_Strict):
    """A transliteration file (``pipelines/names/transliteration.toml``), as written."""

    meta: FileMeta = FileMeta()
    fold: FoldTable = FoldTable()
    fuzzy: FuzzyTable


@dataclass(frozen=True)
class FuzzySettings:
    """Thresholds of the fuzzy name matcher (see the TOML for their meaning)."""

    apply: float
    suggest: float
    margin: float
    min_length: int
    max_zipf: float
    apply_max_zipf: float
    english_word_zipf: float
    world_window: int
    world_min: int
    place_before: frozenset[str]
    person_before: frozenset[str]


@dataclass(frozen=True, eq=False)  # hashed by identity: one per file, the caches' key
class FoldRules:
    """Transliteration rewrite pairs and identity-free suffixes."""

    rewrite: tuple[tuple[str, str], ...]
    strip_suffixes: tuple[str, ...]
    fuzzy: FuzzySettings

    def fold(self, text: str) -> str:
        """Fold case, accents and romanisation differences into one comparison key."""
        key = fold(text).replace("-", " ")
        for a, b in self.rewrite:
            key = key.replace(a, b)
        # doubled letters are a romanisation choice too (Sakhalinn, Hokkaidō/Hokkaido)
        return re.sub(r"(.)\1+", r"\1", key)

    def strip(self, token: str) -> str:
        """Drop an identity-free ending (``Zhukovs`` → ``Zhukov``) if one is present."""
        for suffix in self.strip_suffixes:
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                return token[: -len(suffix)]
        return token


def bundled_transliteration() -> Path:
    """The bundled transliteration rules and fuzzy thresholds."""
    return pipelines_dir() / "names" / "transliteration.toml"


@lru_cache(maxsize=8)
def fold_rules(path: Path | None = None) -> FoldRules:
    """Load the folding rules (the bundled ones by default) once per path."""
    data = load_toml(path or bundled_transliteration(), TransliterationFile, kind="transliteration")
    fz = data.fuzzy
    return FoldRules(
        rewrite=data.fold.rewrite,
        strip_suffixes=data.fold.strip_suffixes,
        fuzzy=FuzzySettings(
            **fz.model_dump(exclude={"context"}),
            place_before=fz.context.place_before,
            person_before=fz.context.person_before,
        ),
    )


def translit_fold(text: str, rules: FoldRules | None = None) -> str:
    """Fold case, accents and romanisation differences into one comparison key."""
    return (rules or fold_rules()).fold(text)


def strip_suffix(token: str, rules: FoldRules | None = None) -> str:
    """Drop an identity-free ending (``Zhukovs`` → ``Zhukov``) if one is present.

    >>> strip_suffix("Stalin's")
    'Stalin'
    """
    return (rules or fold_rules()).strip(token)


@dataclass(frozen=True)
class TokenMatch:
    """The closest gazetteer name token to a token of the text."""

    token: str
    candidate: str
    score: float
    runner_up: float
    ids: frozenset[str]


class NameIndex:
    """Lookup tables built once from a lexicon's gazetteer entries."""

    def __init__(self, lexicon: Lexicon, rules: FoldRules | None = None) -> None:
        self.lexicon = lexicon
        self.rules = rules or fold_rules()
        tf = self.rules.fold
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.folded: dict[str, set[str]] = defaultdict(set)
        self.misspelt: dict[str, tuple[str, str]] = {}
        self.name_tokens: dict[str, set[str]] = defaultdict(set)
        self._token_keys: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        # translit-folded words of every form of an entry: "Georgi" belongs to Zhukov
        self.entry_words: dict[str, frozenset[str]] = {}
        spanish: set[str] = set()  # words of the canonical form and aliases
        for entry in lexicon.entities:
            self.labels[entry.id] = entry.label
            words: set[str] = set()
            spanish_forms = {entry.canonical, *(a for a in entry.aliases if not _english_form(a))}
            for form in entry.forms:
                self.exact[fold(form)].add(entry.id)
                self.folded[tf(form)].add(entry.id)
                for tok in _WORD.findall(form):
                    words.add(tf(tok))
                    if tok[:1].isupper() and len(tok) >= 3:
                        self.name_tokens[tok].add(entry.id)
                        if form in spanish_forms:
                            spanish.add(tok)
            self.entry_words[entry.id] = frozenset(words)
            for bad in entry.misspellings:
                self.misspelt[fold(bad)] = (entry.id, _closest_form(bad, entry.forms))
        # canonical forms come first in each entry, so a lower rank is a more standard spelling
        self.token_rank = {tok: i for i, tok in enumerate(self.name_tokens)}
        self._token_keys = {tok: fold(tok) for tok in self.name_tokens}
        self._cands = list(self._token_keys)
        self._keys = [self._token_keys[c] for c in self._cands]
        self._variants: dict[str, list[str]] = defaultdict(list)
        for tok in self.name_tokens:
            self._variants[tf(tok)].append(tok)
        self._folded_tokens = set(self._variants)
        # What a misspelling may be corrected *to*: words of Spanish forms that are not
        # English words ("Russia", "Affairs", "Committee" come from English forms and
        # aliases; a Spanish text is never pulled towards them).
        limit = self.rules.fuzzy.english_word_zipf
        self.targets = [t for t in self._cands if t in spanish and not _english_word(t, limit)]
        self._target_keys = [self._token_keys[t] for t in self.targets]
        self.target_set = frozenset(self.targets)

    def token_variants(self, token: str) -> list[str]:
        """Name tokens that are accepted spellings of the same name as ``token``."""
        return list(self._variants.get(self.rules.fold(token), ()))

    def ids_for(self, text: str) -> set[str]:
        """Gazetteer ids whose accepted forms equal ``text`` (exactly or once folded)."""
        return set(self.exact.get(fold(text), ())) or set(
            self.folded.get(self.rules.fold(text), ())
        )

    def is_known_token(self, token: str) -> bool:
        """Whether a token is (a variant of) a token of some accepted name."""
        return (
            self.rules.fold(self.rules.strip(token)) in self._folded_tokens
            or self.rules.fold(token) in self._folded_tokens
        )

    def closest_token(self, token: str, *, targets_only: bool = False) -> TokenMatch | None:
        """The most similar gazetteer name token, scored with Jaro–Winkler.

        ``targets_only`` limits the candidates to :attr:`targets` (the corrector's choice).
        """
        cands, keys = (
            (self.targets, self._target_keys) if targets_only else (self._cands, self._keys)
        )
        if not cands:
            return None
        probe = fold(self.rules.strip(token))
        raw = fold(token)
        # score every name token in C (rapidfuzz.process), then rank the best few here;
        # the unstripped form counts too, slightly discounted
        best_of: dict[str, float] = {}
        for query, discount in ((probe, 0.0), (raw, 0.02)):
            # no name needs less than this to be suggested or linked: rapidfuzz skips the rest
            for _, score, i in process.extract(
                query, keys, scorer=JaroWinkler.similarity, limit=20, score_cutoff=0.8
            ):
                cand = cands[i]
                best_of[cand] = max(best_of.get(cand, 0.0), score - discount)
        if not best_of:
            return None
        scored = sorted(((s, c) for c, s in best_of.items()), reverse=True)
        best_score, best = scored[0]
        runner_up = next(
            (s for s, c in scored[1:] if self.rules.fold(c) != self.rules.fold(best)), 0.0
        )
        return TokenMatch(token, best, best_score, runner_up, frozenset(self.name_tokens[best]))


def _english_form(form: str) -> bool:
    """Whether an alias is written in English (``Special Red Banner Far Eastern Army``).

    >>> _english_form("Special Red Banner Far Eastern Army"), _english_form("Ejército Rojo")
    (True, False)
    """
    words = [w for w in _WORD.findall(form) if len(w) > 2]
    english = sum(_english_word(w, 3.0) for w in words)
    return bool(words) and english * 2 >= len(words) and english > 0


def _english_word(token: str, limit: float) -> bool:
    """Whether a name word is an English word first (``Affairs``, ``Russia``, ``Banner``)."""
    en, es = zipf_frequency(token.lower(), "en"), zipf_frequency(token.lower(), "es")
    return en >= limit and en >= es + 1.0


def _closest_form(bad: str, forms: tuple[str, ...]) -> str:
    """The accepted form a known misspelling should become (the most similar one)."""
    return max(forms, key=lambda f: JaroWinkler.similarity(fold(bad), fold(f)))


@lru_cache(maxsize=8)
def name_index(lexicon: Lexicon, rules: FoldRules | None = None) -> NameIndex:
    """A cached :class:`NameIndex` per lexicon and folding rules (default: the bundled)."""
    return NameIndex(lexicon, rules or fold_rules())
