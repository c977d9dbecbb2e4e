"""English left in Spanish prose: ``comenzó en June``, ``la Guerra de Winter``.

Machine translation leaves words it did not know, and half-translates names. A token is
flagged when the Spanish dictionary does not know it, English uses it commonly
(``min_english_zipf``) and far more than Spanish does (``min_margin``), and it stands in
Spanish prose:

- a lowercase token between two Spanish words (``the`` in ``… of the American`` is flagged,
  a whole English sentence is not: its neighbours are English);
- a capitalised token right after the Spanish head of a name (``Guerra de Winter``,
  ``Grupo de Ejércitos Center``) or alone between lowercase Spanish words (``en June
  de``), unless an English word follows it too (``Manchester United``, ``New York``: an
  English name written as such).

These are suggestions: which Spanish word was meant is a translator's decision; the note
says why the word looks untranslated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from jsr_nlp.analysis.entities.data import load_entity_words
from jsr_nlp.audit import Edit
from jsr_nlp.detectors.context import nearest_word
from jsr_nlp.spelling import SpanishDictionary, spanish_dictionary

#: Spanish function words that join a name's head to the rest of it.
_NAME_LINKS = frozenset({"de", "del", "la", "los", "las"})


class UntranslatedSettings(BaseModel):
    """``[correct.untranslated]`` of a pipeline file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_english_zipf: float = Field(default=3.5, ge=0.0)
    #: How much more common in English than in Spanish (Zipf units; 1.0 = 10×).
    min_margin: float = Field(default=1.0, ge=0.0)
    min_length: int = Field(default=3, ge=1)
    confidence: float = Field(default=0.4, ge=0.0, le=1.0)


@dataclass
class UntranslatedDetector:
    """Flags English words a translation left in Spanish prose."""

    settings: UntranslatedSettings = field(default_factory=UntranslatedSettings)
    dictionary: SpanishDictionary = field(default_factory=spanish_dictionary)
    #: Head words of Spanish names (default: the bundled entity vocabulary's heads).
    heads: Mapping[str, str] | None = None
    name: str = "untranslated"

    def propose(self, doc: Doc) -> list[Edit]:
        out: list[Edit] = []
        for tok in doc:
            if not self._english(tok.text) or not self._in_spanish_prose(tok):
                continue
            out.append(
                Edit(
                    tok.idx,
                    tok.idx + len(tok.text),
                    None,
                    rule="untranslated.english-word",
                    category="untranslated",
                    note=(
                        f"“{tok.text}” is an English word, not a Spanish one, in Spanish "
                        "prose: a word the translation left untranslated?"
                    ),
                    confidence=self.settings.confidence,
                )
            )
        return out

    def _english(self, word: str) -> bool:
        s = self.settings
        if len(word) < s.min_length or not word.isalpha() or word.isupper():
            return False
        low = word.lower()
        if self.dictionary.is_word(low) or self.dictionary.is_word(word):
            return False
        english = zipf_frequency(low, "en")
        return english >= s.min_english_zipf and english - zipf_frequency(low, "es") >= s.min_margin

    def _spanish(self, tok: Token | None) -> bool:
        return tok is not None and tok.text[0].islower() and self.dictionary.is_word(tok.text)

    def _in_spanish_prose(self, tok: Token) -> bool:
        before, after = nearest_word(tok, -1), nearest_word(tok, 1)
        if tok.text[0].islower():
            return self._spanish(before) and self._spanish(after)
        if after is not None and after.i == tok.i + 1 and self._english(after.text):
            return False  # an English name written as such
        if before is None or before.i != tok.i - 1:
            return False
        if before.text[0].isupper() or before.text in _NAME_LINKS:
            # 'Grupo de Ejércitos Center', 'Guerra de Winter': inside a name with a Spanish head
            return self._spanish_headed(tok)
        # 'comenzó en June de 1941': one capitalised word inside lowercase Spanish prose
        return self._spanish(before) and self._spanish(after)

    def _spanish_headed(self, tok: Token) -> bool:
        """Whether the capitalised run before ``tok`` has a Spanish name head (``Guerra``,
        ``Ejército``: the entity vocabulary's heads), rather than a first name."""
        heads = self.heads if self.heads is not None else load_entity_words().heads
        doc = tok.doc
        i = tok.i - 1
        while i >= 0 and (doc[i].text[:1].isupper() or doc[i].text in _NAME_LINKS):
            if doc[i].text.lower() in heads:
                return True
            i -= 1
        return False
