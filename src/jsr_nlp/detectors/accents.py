"""Lost and stray accents: ``despues`` → ``después``, ``infanteria`` → ``infantería``.

OCR drops accents and tildes, and so do keyboards without them. The evidence, for each
alphabetic token:

1. the Spanish dictionary (:mod:`jsr_nlp.spelling`) does not know the token;
2. exactly one dictionary word differs from it in accents alone (``esta`` is a word, so it
   is never touched; ``cardiacos`` has no such variant);
3. Spanish writing uses that word far more often than the token
   (:func:`wordfreq.zipf_frequency`; ``min_margin`` in Zipf units): a word the dictionary
   happens to lack (``cambiarias``, next to the verb ``cambiarías``) is as frequent as its
   variant and is left alone;
4. a token that is a common word of another language (``dia``, ``inter``) is changed only
   between two Spanish words, so a quotation stays as it was written.

A capitalised token inside a sentence is fixed only when its accented form is a common
word (``Restauracion`` → ``Restauración``, ``Organizacion Republicana``); a name (``Mexico``,
``Menendez``) is the name matcher's business. Restoring an accent is applied; removing
one (``fué``, ``órden``: old spellings a historical edition may want to keep) is only
suggested, as is any fix whose evidence is short of the thresholds.

A verb after a clitic or ``no`` that lost the accent of its past tense (``no lo respaldo``,
``se realizo``) is a word either way (a first-person present); it is restored in a text that
never speaks in the first person, and only suggested in one that does.

The whole text is read first, because an unaccented ``dia`` or ``habia`` is right in a book
printed before the spelling reforms of 1880–1952. Two signs make every fix a suggestion:
the older orthography itself (the accented prepositions ``á``/``é``/``ó``, accents the
modern spelling drops such as ``fué`` or ``órden``: ``old_spelling_markers`` of them), and
a text with (almost) no accented word at all, whose period nobody can tell
(``accentless_share``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from jsr_nlp.audit import Edit
from jsr_nlp.detectors.context import common_elsewhere, nearest_word, opens_sentence
from jsr_nlp.spelling import SpanishDictionary, spanish_dictionary

#: Before 1911 the one-letter words a, e, o, u were written with an accent.
_OLD_PREPOSITIONS = {"á", "é", "ó", "ú"}


class AccentSettings(BaseModel):
    """``[correct.accents]`` of a pipeline file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: How much more frequent (Zipf units; 0.75 ≈ 5.6×) the accented word must be.
    min_margin: float = Field(default=0.75, ge=0.0)
    #: A token at least this frequent in one of ``other_languages`` needs Spanish neighbours.
    foreign_zipf: float = Field(default=3.5, ge=0.0)
    other_languages: tuple[str, ...] = ("en", "fr", "it", "pt", "ca", "de")
    #: Shorter tokens are left alone (``mi``/``mí``, ``tu``/``tú`` are words either way).
    min_length: int = Field(default=3, ge=1)
    #: This many signs of a pre-reform spelling make every fix a suggestion.
    old_spelling_markers: int = Field(default=2, ge=1)
    #: A text of at least ``accentless_min_words`` words with fewer accented ones than
    #: this share has lost its accents wholesale (or is from before they were written).
    accentless_share: float = Field(default=0.01, ge=0.0, le=1.0)
    accentless_min_words: int = Field(default=100, ge=1)
    #: Words after which a word ending in -o is a verb (clitics, 'no').
    verb_cues: tuple[str, ...] = ("se", "lo", "la", "le", "les", "no")
    #: Words that show a text speaks in the first person (then -o/-ó is only suggested).
    first_person: tuple[str, ...] = ("yo", "me", "mí", "conmigo", "mi", "mis")
    apply_confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    suggest_confidence: float = Field(default=0.5, ge=0.0, le=1.0)


@dataclass
class AccentDetector:
    """Restores accents the dictionary and word frequencies agree were lost."""

    settings: AccentSettings = field(default_factory=AccentSettings)
    dictionary: SpanishDictionary = field(default_factory=spanish_dictionary)
    name: str = "accents"

    def propose(self, doc: Doc) -> list[Edit]:
        edits = [e for e in (self._judge(tok) for tok in doc) if e is not None]
        edits += self._preterites(doc)
        period = self._period_reason(doc)
        if period is None:
            return edits
        return [_as_suggestion(e, period, self.settings.suggest_confidence) for e in edits]

    def _period_reason(self, doc: Doc) -> str | None:
        """Why this text's own spelling may be right as it is, or None."""
        s = self.settings
        words = [t.text for t in doc if t.is_alpha]
        old = sum(1 for w in words if w.lower() in _OLD_PREPOSITIONS)
        old += sum(1 for w in set(words) if _accents(w) and self._drops_accent(w))
        if old >= s.old_spelling_markers:
            return f"the text follows an older spelling ({old} signs such as “á” or “fué”)"
        accented = sum(1 for w in words if _accents(w))
        if len(words) >= s.accentless_min_words and accented < s.accentless_share * len(words):
            return "the text has no accents at all, so its spelling period cannot be told"
        return None

    def _judge(self, tok: Token) -> Edit | None:
        word = tok.text
        s = self.settings
        if len(word) < s.min_length or not word.isalpha() or word.isupper():
            return None
        # a capital inside a sentence: a name, or a common word capitalised in one
        in_name = word[0].isupper() and not opens_sentence(tok)
        if self.dictionary.is_word(word):
            return None
        variants = self.dictionary.accent_variants(word)
        if len(variants) != 1:
            return None
        target = variants[0]
        low, target_low = word.lower(), target.lower()
        # 'Restauracion', 'Union Republicana': fixed as the word they are; 'Mexico' or
        # 'Menendez' (names only) are the name matcher's business
        if in_name and not self.dictionary.is_word(target_low):
            return None
        # inside a name, only among Spanish words ('Sabalo Transportation Company' is a name
        # in English, whatever 'sábalo' means)
        if in_name and not self._spanish_neighbours(tok):
            return None
        margin = zipf_frequency(target_low, "es") - zipf_frequency(low, "es")

        removes = _accents(target) < _accents(word)
        reasons = [f"“{word}” is not in the Spanish dictionary; “{target}” is"]
        sure = margin >= s.min_margin and not removes
        if margin >= s.min_margin:
            reasons.append(f"and is {10**margin:.0f}× more frequent in Spanish")
        else:
            reasons.append("but is not clearly more frequent in Spanish")
        if common_elsewhere(word, s.other_languages, s.foreign_zipf):
            spanish_around = self._spanish_neighbours(tok)
            sure = sure and spanish_around
            reasons.append(
                "a common word in another language"
                + (", here between Spanish words" if spanish_around else ", here in foreign words")
            )
        if removes:
            reasons.append("an accent the modern spelling drops (an older text may keep it)")
        return Edit(
            tok.idx,
            tok.idx + len(word),
            target,
            rule="spelling.accent" if sure else "spelling.accent-suggestion",
            category="spelling",
            note="; ".join(reasons),
            confidence=s.apply_confidence if sure else s.suggest_confidence,
        )

    def _preterites(self, doc: Doc) -> list[Edit]:
        """'el rey no lo respaldo', 'Madero nombro', 'se realizo': a verb after a clitic or
        'no' that is a word without its accent (a first-person present) and a past tense with
        it, when Spanish writes the past tense more often. In a text that never speaks in the
        first person the past tense is meant."""
        s = self.settings
        first_person = any(t.lower_ in s.first_person for t in doc)
        out: list[Edit] = []
        for tok in doc[1:]:
            word = tok.text
            if len(word) < 4 or not word.isalpha() or not word.islower():
                continue
            if not word.endswith("o") or doc[tok.i - 1].lower_ not in s.verb_cues:
                continue
            past = word[:-1] + "ó"
            if not self.dictionary.is_word(word) or not self.dictionary.is_word(past):
                continue
            # 'a lo largo', 'de la mano', 'no solo': a noun or an adverb Spanish writes far
            # more often than the past tense is what the text says
            if zipf_frequency(past, "es") <= zipf_frequency(word, "es"):
                continue
            sure = not first_person
            note = (
                f"“{word}” after “{doc[tok.i - 1].text}” is a verb: “{word}” is the first person "
                f"of the present, “{past}” the past tense"
                + ("; the text never speaks in the first person" if sure else "")
            )
            out.append(
                Edit(
                    tok.idx,
                    tok.idx + len(word),
                    past,
                    rule="spelling.accent" if sure else "spelling.accent-suggestion",
                    category="spelling",
                    note=note,
                    confidence=s.apply_confidence if sure else s.suggest_confidence,
                )
            )
        return out

    def _drops_accent(self, word: str) -> bool:
        """Whether the modern spelling of a non-word is the word without an accent (fué)."""
        if self.dictionary.is_word(word):
            return False
        variants = self.dictionary.accent_variants(word)
        return len(variants) == 1 and _accents(variants[0]) < _accents(word)

    def _spanish_neighbours(self, tok: Token) -> bool:
        """Whether the nearest word on each side, within the sentence, is Spanish."""
        around = (nearest_word(tok, -1), nearest_word(tok, 1))
        return all(n is None or self.dictionary.is_word(n.text) for n in around)


def _accents(word: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", word) if unicodedata.combining(ch))


def _as_suggestion(edit: Edit, why: str, confidence: float) -> Edit:
    return replace(
        edit,
        rule="spelling.accent-suggestion",
        note=f"{edit.note}; only suggested: {why}",
        confidence=min(edit.confidence, confidence),
    )
