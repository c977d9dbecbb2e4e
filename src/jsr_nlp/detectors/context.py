"""What surrounds a token: the evidence the detector families share."""

from __future__ import annotations

from spacy.tokens import Token

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
