"""Words split by a stray space (``japo neses``) and words glued together (``delTeatro``).

OCR reads a gap inside a word as a space, and loses the space between two words at line
ends and in captions; machine translation glues a word to a name. Both are told by the
Spanish dictionary (:mod:`jsr_nlp.spelling`) and Spanish word frequencies, never by a list.

**Split words** (``split-words``): two neighbours joined by one space are one word when
their concatenation is a common Spanish word (``min_zipf``) and at least one of them is not
a word on its own (``trasla do``, ``g uerrillas``, ``Gene ral``). A piece that is a common
word of another language joins only between Spanish words (``per la strada`` stays), a
pair whose concatenation is a name is left alone, and of two joins that share a piece the
commoner word wins.

**Glued words** (``glued-words``): a token no Spanish text uses (Zipf below
``max_token_zipf``, so ``devaluación`` or ``exministro``, real words the dictionary lacks,
are safe) that splits into two words, either where its case changes (``delTeatro``,
``laCrisis``) or around a function word (``lastasas``, ``comenzarona``). A clitic pronoun
after a verb is not a glued word (``anexionándoselas``), and a prefix is not a word of its
own (``vasconavarros``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field
from spacy.lang.es.lex_attrs import like_num
from spacy.lang.es.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from jsr_nlp.audit import Edit
from jsr_nlp.detectors.context import common_elsewhere, nearest_word
from jsr_nlp.spelling import SpanishDictionary, spanish_dictionary

#: Pronouns Spanish writes attached to a verb (``dándoselas``): never split off.
_CLITICS = frozenset({"me", "te", "se", "lo", "la", "los", "las", "le", "les", "nos", "os"})


class SpacingSettings(BaseModel):
    """``[correct.split-words]`` / ``[correct.glued-words]`` of a pipeline file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The joined word must be at least this common in Spanish (Zipf 2.5 ≈ 3 per 10 million).
    min_zipf: float = Field(default=2.5, ge=0.0)
    #: A glued token must be rarer than this: real Spanish text (almost) never has it.
    max_token_zipf: float = Field(default=1.0, ge=0.0)
    #: A piece this common in one of ``other_languages`` (and not Spanish) stops a join.
    foreign_zipf: float = Field(default=3.5, ge=0.0)
    other_languages: tuple[str, ...] = ("en", "fr", "it", "pt", "ca", "de")
    #: A glued token the web has seen ('dela') splits only if both words are this much
    #: commoner than it (Zipf).
    seen_margin: float = Field(default=2.5, ge=0.0)
    #: Two content words split apart only if each is at least this common (Zipf).
    common_zipf: float = Field(default=3.5, ge=0.0)
    #: A join beats a lost-accent reading of one piece unless that is this much commoner.
    accent_margin: float = Field(default=1.0, ge=0.0)
    confidence: float = Field(default=0.85, ge=0.0, le=1.0)


@dataclass
class SplitWordDetector:
    """Rejoins a word that a stray space cut in two."""

    settings: SpacingSettings = field(default_factory=SpacingSettings)
    dictionary: SpanishDictionary = field(default_factory=spanish_dictionary)
    name: str = "split-words"

    def propose(self, doc: Doc) -> list[Edit]:
        scored: list[tuple[float, Edit]] = []
        for left in doc[:-1]:
            judged = self._judge(left, doc[left.i + 1])
            if judged is not None:
                scored.append(judged)
        # two joins that share a piece ('al ejé rcito'): the commoner word wins
        taken: set[int] = set()
        out: list[Edit] = []
        for _, edit in sorted(scored, key=lambda se: -se[0]):
            if edit.start not in taken and edit.end not in taken:
                taken.update((edit.start, edit.end))
                out.append(edit)
        return sorted(out, key=lambda e: e.start)

    def _judge(self, left: Token, right: Token) -> tuple[float, Edit] | None:
        s = self.settings
        if left.whitespace_ != " " or not (left.is_alpha and right.is_alpha):
            return None
        # 'B en' is an initial and a word; a capital piece is a name or an acronym
        if right.text[0].isupper() or left.text.isupper():
            return None
        a, b = left.text, right.text
        a_word, b_word = self.dictionary.is_word(a), self.dictionary.is_word(b)
        if a_word and b_word:
            return None
        joined = a + b
        if not self.dictionary.is_word(joined.lower()):
            return None
        if not self._join_beats_accent(a, a_word, b, b_word, joined):
            return None
        zipf = zipf_frequency(joined.lower(), "es")
        if zipf < s.min_zipf:
            return None
        # a piece that is a word of another language joins only inside Spanish prose
        foreign = any(
            not w and len(p) > 1 and common_elsewhere(p, s.other_languages, s.foreign_zipf)
            for p, w in ((a, a_word), (b, b_word))
        )
        if foreign and not self._spanish_around(left, right):
            return None
        return zipf, Edit(
            left.idx,
            right.idx + len(b),
            joined,
            rule="spacing.split-word",
            category="spelling",
            note=(
                f"“{a} {b}” reads as one word, “{joined}”: "
                f"“{a if not a_word else b}” is not a Spanish word on its own"
            ),
            confidence=s.confidence,
        )

    def _join_beats_accent(self, a: str, a_word: bool, b: str, b_word: bool, joined: str) -> bool:
        """'comun a' is 'común a', 'segun da' is 'segunda': when one piece is a word that
        lost its accent and the other a word of its own, the commoner reading wins (the
        join needs to be at most ``accent_margin`` rarer)."""
        for piece, is_word, other_is_word in ((a, a_word, b_word), (b, b_word, a_word)):
            if is_word or not other_is_word:
                continue
            variants = self.dictionary.accent_variants(piece)
            if variants:
                accented = max(zipf_frequency(v.lower(), "es") for v in variants)
                joined_zipf = zipf_frequency(joined.lower(), "es")
                return joined_zipf + self.settings.accent_margin >= accented
        return True

    def _spanish_around(self, left: Token, right: Token) -> bool:
        """Whether the pair sits in Spanish prose: a lowercase Spanish word beside it, and no
        lowercase word of another language (a capitalised neighbour is a name: no evidence)."""
        seen = False
        for word in (nearest_word(left, -1), nearest_word(right, 1)):
            if word is None or word.text[0].isupper():
                continue
            if not self.dictionary.is_word(word.text):
                return False
            seen = True
        return seen


@dataclass
class GluedWordDetector:
    """Puts back the space between two words that lost it."""

    settings: SpacingSettings = field(default_factory=SpacingSettings)
    dictionary: SpanishDictionary = field(default_factory=spanish_dictionary)
    name: str = "glued-words"

    def propose(self, doc: Doc) -> list[Edit]:
        out: list[Edit] = []
        for tok in doc:
            split = self._split(tok.text) if tok.is_alpha and len(tok.text) >= 4 else None
            if split is None:
                continue
            left, right, why = split
            out.append(
                Edit(
                    tok.idx + len(left),
                    tok.idx + len(left),
                    " ",
                    rule="spacing.glued-words",
                    category="spelling",  # it changes which words are read
                    note=f"“{tok.text}” is “{left}” and “{right}” without their space ({why})",
                    confidence=self.settings.confidence,
                )
            )
        return out

    def _split(self, word: str) -> tuple[str, str, str] | None:
        d = self.dictionary
        if d.is_word(word):
            return None
        seen = zipf_frequency(word.lower(), "es")
        for i in range(1, len(word)):
            # a case change inside a token: 'delTeatro', 'FranciaFrancia', 'deRomanones'
            if word[i - 1].islower() and word[i].isupper():
                left, right = word[:i], word[i:]
                if seen >= self.settings.max_token_zipf:
                    return None
                # one capital letter is not a word ('federaI' is OCR for 'federal'); a name
                # the dictionary lacks is a capital and lowercase letters ('Silvela')
                name = len(right) >= 3 and right[1:].islower() and right.isalpha()
                if len(left) > 1 and d.is_word(left) and (d.is_word(right) or name):
                    return left, right, "the case changes inside it"
                return None
        return self._function_word_split(word, seen) or self._two_word_split(word, seen)

    def _function_word_split(self, word: str, seen: float) -> tuple[str, str, str] | None:
        """'lastasas', 'comenzarona', 'dela': a function word and a word."""
        if not word.islower():
            return None
        best: tuple[float, str, str] | None = None
        for left, right in self.dictionary.split_glued(word):
            if not (_function(left) or (_function(right) and not _enclitic(left, right))):
                continue
            # a long preposition on the left is a prefix as often as a word ('sobremadre',
            # 'entreguerras'); a one-letter word off a token the web has seen, a Latin 'sine'
            if _function(left) and len(left) > 3:
                continue
            if min(len(left), len(right)) == 1 and seen >= self.settings.max_token_zipf:
                continue
            content = right if _function(left) else left
            if zipf_frequency(content, "es") < self.settings.min_zipf:
                continue
            left_zipf, right_zipf = zipf_frequency(left, "es"), zipf_frequency(right, "es")
            # a token the web has seen ('dela') splits only if both words are far commoner
            too_seen = seen + self.settings.seen_margin > min(left_zipf, right_zipf)
            if seen >= self.settings.max_token_zipf and too_seen:
                continue
            # the likeliest cut is the one whose two words are commonest together
            score = left_zipf + right_zipf
            if best is None or score > best[0]:
                best = (score, left, right)
        if best is None or self._typo(word, best[1], best[2]):
            return None
        return best[1], best[2], "a function word and a word, both in the dictionary"

    def _typo(self, word: str, left: str, right: str) -> bool:
        """Whether ``word`` is likelier a misspelt word than two glued ones: 'supensión' is
        one letter from 'suspensión', as common as 'pensión'."""
        split_zipf = min(zipf_frequency(left, "es"), zipf_frequency(right, "es"))
        pieces = (left.lower(), right.lower())
        return any(
            near not in pieces and zipf_frequency(near, "es") >= split_zipf - 0.5
            for near in self.dictionary.one_edit_words(word)
        )

    def _two_word_split(self, word: str, seen: float) -> tuple[str, str, str] | None:
        """'movimientosrevolucionarios': two common words no text ever writes as one."""
        s = self.settings
        if seen > 0 or not word.islower():  # a capital: a brand or a name ('Mediobanca')
            return None
        for left, right in self.dictionary.split_glued(word):
            # short first parts are prefixes more often than words ('mega', 'euro', 'ocho'),
            # and so are prepositions ('sobre', 'contra')
            if min(len(left), len(right)) < 5 or left in STOP_WORDS:
                continue
            if (
                min(zipf_frequency(left.lower(), "es"), zipf_frequency(right, "es"))
                >= s.common_zipf
            ):
                return left, right, "two common words that no Spanish text writes as one"
        return None


def _enclitic(left: str, right: str) -> bool:
    """Whether ``right`` may be a pronoun Spanish attaches to the verb ``left``
    (``dándole``, ``hacerlo``, ``anexionándoselas``): infinitives, gerunds, and forms that
    took a written accent for it (``periodose`` is no such verb: ``periodo se``)."""
    if right not in _CLITICS:
        return False
    return left.endswith(("r", "ndo", "se", "me", "te", "nos")) or any(ch in "áéíóú" for ch in left)


def _function(word: str) -> bool:
    """A function word (article, preposition, pronoun…), not a numeral: 'ochomiles' is one
    word of mountaineering, not 'ocho miles'."""
    return word in STOP_WORDS and not like_num(word)  # type: ignore[no-untyped-call]
