"""Placeholders that carry names and glossary terms through a translation service.

Before a call, each protected span (a linked entity or a glossary term) is replaced by a
token such as ``ZXQ3QXZ``; after it, the token is replaced by the span's fixed English form.
The token is one word of capitals and digits that no language has, so services copy it
like an unknown code; providers sometimes change its case or put spaces inside it
(``zxq 3 qxz``), which :func:`restore` accepts. A token that is missing, repeated, foreign
or damaged makes :func:`restore` return ``None``, and the caller retries the text without
protection: a placeholder never reaches the output.

A leading Spanish article stays outside the placeholder, so the service translates it with
the rest of the sentence ("del ZXQ0QXZ" → "of the ZXQ0QXZ"); when the English form has an
article of its own, the duplicate the service wrote is dropped ("the Soviet-Japanese
Neutrality Pact", not "the the …").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from jsr_nlp.lexicon.schema import GlossaryTerm
from jsr_nlp.translate.vocab import Vocabulary

TOKEN = "ZXQ{}QXZ"
_FIND = re.compile(r"z\s*x\s*q\s*(\d+)\s*q\s*x\s*z", re.IGNORECASE)
PLACEHOLDER = re.compile(r"ZXQ(\d+)QXZ")
#: Anything left of a placeholder after restoring means it was damaged.
RESIDUE = re.compile(r"z\s?x\s?q|q\s?x\s?z", re.IGNORECASE)
_SENTENCE_END = re.compile("[.!?\u2026][\\s\"'\u00bb\u201d\u2019)\\]]*$")


@dataclass(frozen=True)
class Protected:
    """A span of the clean text that must come out in a fixed English form."""

    start: int
    end: int
    english: str


@dataclass(frozen=True)
class Slot:
    """One placeholder: its number, the Spanish it hides and the English it becomes."""

    number: int
    source: str
    english: str


@lru_cache(maxsize=16)
def _glossary_pattern(terms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    english = {es.casefold(): en for es, en in terms}
    alts = sorted((re.escape(es).replace(r"\ ", r"\s+") for es, _ in terms), key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)
    return pattern, english


def glossary_spans(text: str, glossary: Sequence[GlossaryTerm]) -> list[Protected]:
    """Every occurrence of a glossary term, longest term first, as protected spans.

    >>> t = [GlossaryTerm(es="Nanshin-ron", en="Nanshin-ron")]
    >>> glossary_spans("la doctrina nanshin-ron", t)
    [Protected(start=12, end=23, english='Nanshin-ron')]
    """
    if not glossary:
        return []
    pattern, english = _glossary_pattern(tuple((t.es, t.en) for t in glossary))
    out = []
    for m in pattern.finditer(text):
        en = english.get(re.sub(r"\s+", " ", m.group(0)).casefold())
        if en is not None:
            out.append(Protected(m.start(), m.end(), en))
    return out


def choose_spans(
    text: str,
    protected: Sequence[Protected],
    glossary: Sequence[GlossaryTerm],
    vocab: Vocabulary,
) -> list[Protected]:
    """Non-overlapping spans to protect: entities first, then glossary terms.

    Leading articles and surrounding spaces are left outside the span.

    >>> from jsr_nlp.translate.vocab import load_vocabulary
    >>> choose_spans("con el Ejército Rojo", [Protected(4, 20, "Red Army")], [],
    ...              load_vocabulary("es"))
    [Protected(start=7, end=20, english='Red Army')]
    """
    chosen: list[Protected] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    entities = sorted(protected, key=lambda p: (p.start, -(p.end - p.start)))
    terms = sorted(glossary_spans(text, glossary), key=lambda p: (-(p.end - p.start), p.start))
    for span in [*entities, *terms]:
        if not (0 <= span.start < span.end <= len(text)) or not span.english.strip():
            continue
        start, end = span.start, span.end
        start += vocab.leading_article(text[start:end])
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and free(span.start, span.end):
            chosen.append(Protected(start, end, span.english.strip()))
            taken.append((span.start, span.end))
    return sorted(chosen, key=lambda p: p.start)


def mask(
    text: str, spans: Sequence[Protected], numbers: Iterator[int]
) -> tuple[str, dict[int, Slot]]:
    """Replace spans (offsets into ``text``, sorted, disjoint) by numbered placeholders.

    >>> mask("con el Ejército Rojo.", [Protected(7, 20, "Red Army")], iter([4]))
    ('con el ZXQ4QXZ.', {4: Slot(number=4, source='Ejército Rojo', english='Red Army')})
    """
    if _FIND.search(text) or RESIDUE.search(text):
        return text, {}  # the text itself looks like a placeholder: do not protect it
    parts: list[str] = []
    slots: dict[int, Slot] = {}
    pos = 0
    for span in spans:
        n = next(numbers)
        parts += [text[pos : span.start], TOKEN.format(n)]
        slots[n] = Slot(n, text[span.start : span.end], span.english)
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts), slots


def slots_in(text: str, slots: Mapping[int, Slot]) -> dict[int, Slot]:
    """The slots whose placeholder occurs in ``text`` (a piece of a masked sentence)."""
    return {int(n): slots[int(n)] for n in PLACEHOLDER.findall(text) if int(n) in slots}


def unmask(text: str, slots: Mapping[int, Slot]) -> str:
    """Put the Spanish back: the text as it was before :func:`mask`.

    >>> unmask("con el ZXQ4QXZ.", {4: Slot(4, "Ejército Rojo", "Red Army")})
    'con el Ejército Rojo.'
    """
    return PLACEHOLDER.sub(lambda m: slots[int(m.group(1))].source, text)


def canonical(text: str, slots: Mapping[int, Slot]) -> tuple[str, tuple[str, ...]]:
    """The text with placeholders renumbered from 0, and their English forms in that order.

    Two pieces that differ only in placeholder numbers get the same cache key.

    >>> canonical("ZXQ7QXZ y ZXQ9QXZ", {7: Slot(7, "a", "A"), 9: Slot(9, "b", "B")})
    ('ZXQ0QXZ y ZXQ1QXZ', ('A', 'B'))
    """
    order: dict[int, int] = {}

    def renumber(m: re.Match[str]) -> str:
        return TOKEN.format(order.setdefault(int(m.group(1)), len(order)))

    out = PLACEHOLDER.sub(renumber, text)
    return out, tuple(slots[n].english for n in order)


def restore(
    output: str,
    slots: Mapping[int, Slot],
    *,
    articles: Sequence[str] = ("the",),
    sentence_start: bool = True,
) -> str | None:
    """Replace each placeholder in a provider's output by its English form.

    Returns ``None`` when a placeholder is missing, repeated, unknown or damaged.

    >>> pact = {0: Slot(0, "Pacto", "the Soviet-Japanese Neutrality Pact")}
    >>> restore("a treaty, the zxq 0 qxz.", pact)
    'a treaty, the Soviet-Japanese Neutrality Pact.'
    >>> restore("ZXQ0QXZ was signed.", pact)
    'The Soviet-Japanese Neutrality Pact was signed.'
    >>> restore("a treaty, ZXQ0.", pact) is None
    True
    """
    found = list(_FIND.finditer(output))
    if Counter(int(m.group(1)) for m in found) != Counter(list(slots)):
        return None
    built = ""
    pos = 0
    for m in found:
        built += output[pos : m.start()]
        english = slots[int(m.group(1))].english
        capital = False
        article = next((a for a in articles if english.casefold().startswith(a + " ")), None)
        if article is not None:
            dup = re.search(rf"(?<!\w)({re.escape(article)})\s+$", built, re.IGNORECASE)
            if dup:
                capital = dup.group(1)[:1].isupper()
                built = built[: dup.start()]
        at_start = (sentence_start and not built.strip()) or bool(_SENTENCE_END.search(built))
        if (capital or at_start) and english[:1].islower():
            english = english[0].upper() + english[1:]
        if built and built[-1].isalnum():
            built += " "
        built += english
        pos = m.end()
        if pos < len(output) and output[pos].isalnum():
            built += " "
    built += output[pos:]
    return None if RESIDUE.search(built) else built
