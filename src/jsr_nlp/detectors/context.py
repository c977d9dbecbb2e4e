"""What surrounds a token: the evidence the detector families share."""

from __future__ import annotations

from spacy.tokens import Token
from wordfreq import zipf_frequency

#: Tokens that end a sentence (or open one, in Spanish).
SENTENCE_END = frozenset({".", "!", "?", "¡", "¿", "…", ":"})


def nearest_word(tok: Token, step: int) -> Token | None:
    """The nearest alphabetic token before (-1) or after (1), not past a sentence end."""
    doc = tok.doc
    i = tok.i + step
    while 0 <= i < len(doc):
        if doc[i].is_alpha:
            return doc[i]
        if doc[i].text in SENTENCE_END or "\n" in doc[i].text:
            return None
        i += step
    return None


def opens_sentence(tok: Token) -> bool:
    """Whether the token starts the text, a line or a sentence."""
    i = tok.i - 1
    while i >= 0 and (tok.doc[i].is_space or tok.doc[i].text in {"«", '"', "“", "(", "—"}):
        if "\n" in tok.doc[i].text:
            return True
        i -= 1
    return i < 0 or tok.doc[i].text in SENTENCE_END or "\n" in tok.doc[i].whitespace_


def common_elsewhere(word: str, languages: tuple[str, ...], min_zipf: float) -> bool:
    """Whether ``word`` is a common word (Zipf ``min_zipf`` or more) of one of ``languages``:
    'dia', 'inter', 'per' need Spanish neighbours before a detector touches them."""
    low = word.lower()
    return any(zipf_frequency(low, lang) >= min_zipf for lang in languages)
