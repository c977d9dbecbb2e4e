"""spaCy's tokenizer, kept linear on runs of text without a space.

spaCy peels prefixes and suffixes off a space-delimited chunk one at a time, copying the rest
each time, so a long chunk of punctuation (``((((…))))`` from a damaged file, a row of dots)
costs the square of its length: 16,000 brackets take 20 s. :class:`BoundedTokenizer` hands
spaCy the text as it is when no chunk is longer than ``max_chunk`` characters (every real
text), and otherwise tokenizes the stretches between the long chunks with spaCy and cuts each
long chunk into pieces of ``piece`` characters. The tokens cover the text exactly, so every
offset stays right.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

#: Longer space-free chunks than this are cut, not tokenized by spaCy.
MAX_CHUNK = 1000
#: The length of the pieces a long chunk is cut into.
PIECE = 50


class BoundedTokenizer:
    """A spaCy tokenizer whose cost stays linear in the length of the text."""

    def __init__(self, inner: Any, max_chunk: int = MAX_CHUNK, piece: int = PIECE) -> None:
        # ``inner``: spaCy's Tokenizer (a compiled class without type information)
        self.inner = inner
        self.piece = piece
        self._long = re.compile(rf"\S{{{max_chunk + 1},}}")

    def __call__(self, text: str) -> Doc:
        if not self._long.search(text):
            doc: Doc = self.inner(text)
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in self._long.finditer(text):
            self._add(text[pos : m.start()], words, spaces)
            run = m.group()
            for i in range(0, len(run), self.piece):
                words.append(run[i : i + self.piece])
                spaces.append(False)
            pos = m.end()
        self._add(text[pos:], words, spaces)
        return Doc(self.inner.vocab, words=words, spaces=spaces)

    def _add(self, stretch: str, words: list[str], spaces: list[bool]) -> None:
        if not stretch:
            return
        if words and not spaces[-1] and stretch[0] == " ":
            # the space after a cut run belongs to its last piece, as spaCy would have it
            spaces[-1] = True
            stretch = stretch[1:]
            if not stretch:
                return
        for tok in self.inner(stretch):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))

    def __getattr__(self, name: str) -> Any:
        # serialisation, rules and settings are the inner tokenizer's ('inner' itself is
        # looked up here only before __init__ ran, as when unpickling)
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


def bound(nlp: Any) -> None:
    """Give ``nlp`` (a spaCy ``Language``) the bounded tokenizer, once."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
