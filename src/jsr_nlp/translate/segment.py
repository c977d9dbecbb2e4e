"""Cutting sentences into pieces that fit a request, and packing pieces into requests.

A sentence is one segment of the edition. It is sent whole when it fits the provider's
character limit; a line break inside it, or a sentence longer than the limit, cuts it into
pieces: at clause boundaries first (``;`` ``:`` ``,`` then conjunctions such as "pero",
"mientras que", from ``pipelines/translate/<lang>.toml``), at any space as a last resort,
never inside a word. The whitespace at each cut is kept, so the translated pieces are
joined back exactly as the Spanish was.

Pieces are then packed, in order, several to a request, joined by a newline (which every
provider keeps) and split back from the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jsr_nlp.translate.vocab import Vocabulary

SEPARATOR = "\n"
_LINE_BREAK = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Piece:
    """A part of a sentence sent as one line; ``gap`` is the whitespace after it."""

    text: str
    gap: str = ""


def split_sentence(
    text: str, limit: int, vocab: Vocabulary, measure: Callable[[str], int] = len
) -> list[Piece]:
    """Cut a sentence at line breaks, then where it is too long, never inside a word.

    ``measure`` gives the length a piece will have when sent (placeholders may stand for
    longer names).

    >>> from jsr_nlp.translate.vocab import load_vocabulary
    >>> es = load_vocabulary("es")
    >>> [p.text for p in split_sentence("Atacaron el norte; luego, el sur.", 24, es)]
    ['Atacaron el norte;', 'luego, el sur.']
    >>> [p.text for p in split_sentence("La guerra terminó pero nadie firmó la paz", 30, es)]
    ['La guerra terminó', 'pero nadie firmó la paz']
    """
    pieces: list[Piece] = []
    pos = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        line = text[pos:end]
        if line:
            pieces += _split_long(line, limit, vocab, measure)
        if m is not None:
            if pieces:
                pieces[-1] = Piece(pieces[-1].text, pieces[-1].gap + m.group(0))
            pos = m.end()
    return pieces


def _split_long(
    text: str, limit: int, vocab: Vocabulary, measure: Callable[[str], int]
) -> list[Piece]:
    out: list[Piece] = []
    rest = text
    while measure(rest) > limit:
        cut = _best_cut(rest, limit, vocab, measure)
        if cut is None:
            break  # a single word longer than the limit: send it whole, never cut it
        start, end = cut
        out.append(Piece(rest[:start], rest[start:end]))
        rest = rest[end:]
    out.append(Piece(rest))
    return out


def _best_cut(
    text: str, limit: int, vocab: Vocabulary, measure: Callable[[str], int]
) -> tuple[int, int] | None:
    """The whitespace run to cut at: the best level that has one, as late as fits."""
    for level in vocab.cut_levels:
        fits = [m.span() for m in level.finditer(text) if m.start() > 0 and m.end() < len(text)]
        fits = [s for s in fits if measure(text[: s[0]]) <= limit]
        if fits:
            return fits[-1]
    # The first word alone is over the limit: it goes alone, whole; the rest goes on.
    first = re.search(r"\s+", text)
    return first.span() if first and first.start() > 0 and first.end() < len(text) else None


def pack(lengths: Sequence[int], limit: int, sep: int = len(SEPARATOR)) -> list[list[int]]:
    """Group consecutive items into batches whose joined length stays within ``limit``.

    An item longer than the limit gets a batch of its own.

    >>> pack([5, 5, 5, 20, 3], 12)
    [[0, 1], [2], [3], [4]]
    """
    batches: list[list[int]] = []
    size = 0
    for i, n in enumerate(lengths):
        if batches and size + sep + n <= limit:
            batches[-1].append(i)
            size += sep + n
        else:
            batches.append([i])
            size = n
    return batches


def split_answer(answer: str, count: int) -> list[str] | None:
    """Split a batched answer back into its lines; ``None`` if the count does not match.

    Blank lines a provider may add are ignored.

    >>> split_answer("The army.\\n\\nThe navy.\\n", 2)
    ['The army.', 'The navy.']
    >>> split_answer("The army. The navy.", 2) is None
    True
    """
    lines = [line.strip() for line in answer.split(SEPARATOR)]
    lines = [line for line in lines if line]
    return lines if len(lines) == count else None
