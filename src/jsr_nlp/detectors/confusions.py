"""Letters OCR reads as others: ``gobiemo`` (rn/m), ``cleclaró`` (cl/d), ``1a`` (1/l), ``ﬁn``.

A scanner confuses shapes, not meanings, so the confusions are a short table of shapes
(``[correct.confusions] pairs`` in the pipeline file: what OCR wrote, what was printed).
For a token the Spanish dictionary does not know, every way of undoing one or two
confusions is tried; a candidate counts when it is a dictionary word that Spanish uses
(``min_zipf``). Exactly one candidate is applied (if the token is lowercase or opens a
sentence: a capital inside a sentence may begin a name, ``Marne``); several are suggested
with all of them in the note; none, nothing. A token Spanish text really uses is left
alone, and numbers and ordinals (``1a``, ``2º``) are never read as letters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from jsr_nlp.audit import Edit
from jsr_nlp.detectors.context import opens_sentence as _opens_sentence
from jsr_nlp.spelling import SpanishDictionary, spanish_dictionary

#: A number, an ordinal or a quantity with a unit letter: never letters misread.
_NUMERIC = re.compile(r"^\d+([.,]\d+)*(º|ª|°|o|a|er|ro|do|to|vo|no|mo|s|h|m|km|kg|%)?$", re.I)


class ConfusionSettings(BaseModel):
    """``[correct.confusions]`` of a pipeline file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: (what OCR wrote, what was printed); tried at every place the first occurs.
    pairs: tuple[tuple[str, str], ...] = (
        ("rn", "m"),
        ("m", "rn"),
        ("cl", "d"),
        ("d", "cl"),
        ("li", "h"),
        ("1", "l"),
        ("I", "l"),
        ("0", "o"),
        ("ﬁ", "fi"),
        ("ﬂ", "fl"),
        ("fi", "ñ"),
        ("ii", "ñ"),
    )
    #: Undo at most this many confusions in one token.
    max_repairs: int = Field(default=2, ge=1, le=3)
    #: A candidate must be at least this common in Spanish (Zipf).
    min_zipf: float = Field(default=2.5, ge=0.0)
    #: A token at least this common in Spanish text (Zipf) is left alone (``Marne``).
    max_token_zipf: float = Field(default=1.0, ge=0.0)
    #: A seen token is read otherwise only if its reading is this much commoner (Zipf).
    min_margin: float = Field(default=2.0, ge=0.0)
    min_length: int = Field(default=2, ge=1)
    confidence: float = Field(default=0.85, ge=0.0, le=1.0)
    suggest_confidence: float = Field(default=0.45, ge=0.0, le=1.0)


@dataclass
class ConfusionDetector:
    """Undoes OCR letter confusions where the dictionary allows one reading only."""

    settings: ConfusionSettings = field(default_factory=ConfusionSettings)
    dictionary: SpanishDictionary = field(default_factory=spanish_dictionary)
    name: str = "confusions"

    def propose(self, doc: Doc) -> list[Edit]:
        out: list[Edit] = []
        for tok in doc:
            word = tok.text
            # a ligature is one character for two or three letters
            if len(unicodedata.normalize("NFKC", word)) < self.settings.min_length:
                continue
            if _NUMERIC.match(word):
                continue
            if sum(ch.isalpha() for ch in word) < 2 or self.dictionary.is_word(word):
                continue
            candidates = self.readings(word)
            if not candidates:
                continue
            # a token Spanish text really uses is a name or a word the dictionary lacks
            # ('Marne'), unless OCR made it (a digit or a capital inside it: 'c0n', 'eI')
            # or its reading is far commoner ('cle' for 'de')
            seen = zipf_frequency(word.lower(), "es")
            made_by_ocr = any(ch.isdigit() for ch in word) or any(
                a.islower() and b.isupper() for a, b in pairwise(word)
            )
            commoner = zipf_frequency(candidates[0].lower(), "es") - seen
            plain = unicodedata.normalize("NFKC", word) == word  # 'ﬁnal' reads as 'final'
            known = plain and seen >= self.settings.max_token_zipf and not made_by_ocr
            if known and commoner < self.settings.min_margin:
                continue
            # a capital inside a sentence may start a name the dictionary does not know,
            # unless nothing but OCR ever wrote the token
            sure = len(candidates) == 1 and (
                word[0].islower()
                or not word[0].isalpha()
                or _opens_sentence(tok)
                or made_by_ocr
                or seen < self.settings.max_token_zipf
            )
            readings = " or ".join(f"“{c}”" for c in candidates)
            note = f"“{word}” is not a Spanish word; undoing letters OCR confuses gives {readings}"
            out.append(
                Edit(
                    tok.idx,
                    tok.idx + len(word),
                    candidates[0],
                    rule="ocr.confusion" if sure else "ocr.confusion-suggestion",
                    category="spelling",
                    note=note,
                    confidence=self.settings.confidence
                    if sure
                    else self.settings.suggest_confidence,
                )
            )
        return out

    def readings(self, word: str) -> list[str]:
        """Dictionary words ``word`` becomes by undoing up to ``max_repairs`` confusions,
        commonest first."""
        sites = [
            (i, wrote, printed)
            for wrote, printed in self.settings.pairs
            for i in _find_all(word, wrote)
        ]
        found: dict[str, float] = {}
        for n in range(1, self.settings.max_repairs + 1):
            for combo in combinations(sites, n):
                candidate = _undo(word, combo)
                if candidate is None or candidate in found:
                    continue
                if not candidate.isalpha() or not self.dictionary.is_word(candidate):
                    continue
                zipf = zipf_frequency(candidate.lower(), "es")
                if zipf >= self.settings.min_zipf:
                    found[candidate] = zipf
            if found:
                break  # the fewest repairs that give a word are the likeliest reading
        return sorted(found, key=lambda c: -found[c])


def _find_all(word: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), word)]


def _undo(word: str, sites: tuple[tuple[int, str, str], ...]) -> str | None:
    """``word`` with each (position, wrote, printed) replaced, or None if sites overlap."""
    ordered = sorted(sites)
    for (i, wrote, _), (j, _, _) in pairwise(ordered):
        if i + len(wrote) > j:
            return None
    out = word
    for i, wrote, printed in reversed(ordered):
        out = out[:i] + printed + out[i + len(wrote) :]
    return out
