"""A seeded OCR noise model: damage a clean Spanish page and record every injected error.

The noised corpus is not stored. ``bench/bench_ocr.py`` builds it on the fly from the
well-edited pages in ``clean/`` (dev, tuned on) and ``heldout-clean/`` (never tuned
on) with a fixed seed (2026 unless told otherwise; each page's stream is seeded from it
and the page's file name), so it is reproducible and the originals are the clean files
themselves; their provenance and licences are in each folder's ``SOURCES.md``. Every
injection is recorded with its offsets into the noised text, so a repair can be scored
exactly, error by error.

Classes and rates
-----------------

Words are maximal runs of ``\\w``; only *eligible* words (letters only, at least two of
them, so ``1931`` or ``2ª`` are never touched) are noised, and a word gets at most one
injection. Each eligible word draws one number ``u`` in ``[0, 1)``, and the classes own
consecutive intervals of that range, each as wide as its rate, in the order below. A
word whose ``u`` falls in a class's interval gets that class if the word is eligible for
it, otherwise nothing: so each rate is exactly the chance per word eligible for that
class (a glued word also takes its neighbour, which then draws nothing).

========== ====== ==============================================================
class      rate   eligible, and what happens (modelled on real OCR)
========== ====== ==============================================================
glued      0.02   the word and the next eligible word, one plain space apart on
                  the same line: the space goes (``de las`` → ``delas``)
split      0.03   a word of at least 5 letters: a space goes in at a random inner
                  position, each piece keeping at least 2 letters
                  (``agosto`` → ``agos to``)
accent     0.10   a word with ``á é í ó ú ü ñ`` (either case): one of them, chosen
                  at random, loses its mark (``después`` → ``despues``,
                  ``España`` → ``Espana``)
confusion  0.03   a word with a confusable letter: one of ``m``→``rn``,
                  ``d``→``cl``, ``h``→``li``, ``o``→``0``, ``fi``→``ﬁ`` (U+FB01),
                  ``ñ``→``fi`` or ``n``, and in an all-lowercase word
                  ``l``→``1`` or ``I``; site and replacement at random
furniture  0.15   per paragraph break (a blank line): a lone page number or the
                  book's running header (one per page, from a fixed list) is put
                  on its own paragraph before the next one
========== ====== ==============================================================

An injection is recorded as ``(cls, start, end, noised, original)``: ``noised`` is
``text[start:end]`` of the noised text and ``original`` what stood there in the clean
page. The span is the whole damaged word (both words for ``glued``; the inserted line
and its blank line for ``furniture``, whose original is empty), so injections never
overlap and putting each ``original`` back, right to left, gives the clean text.

Only ``random.Random(seed)`` decides (no ``hash()``, no set order), so a seed gives the
same noise on every Python version and machine.
"""

from __future__ import annotations

import random
import re
from typing import NamedTuple

#: Rate of each class: per eligible word, or per paragraph break for ``furniture``.
RATES: dict[str, float] = {
    "glued": 0.02,
    "split": 0.03,
    "accent": 0.10,
    "confusion": 0.03,
    "furniture": 0.15,
}
#: The word classes in the order their intervals are laid out in ``[0, 1)``.
WORD_CLASSES = ("glued", "split", "accent", "confusion")
CLASSES = (*WORD_CLASSES, "furniture")

DEFAULT_SEED = 2026

_WORD = re.compile(r"\w+")
_BREAK = re.compile(r"\n[ \t]*\n\s*")
_STRIP = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")
# single letters OCR misreads, and what it reads instead
_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "m": ("rn",),
    "d": ("cl",),
    "h": ("li",),
    "o": ("0",),
    "ñ": ("fi", "n"),
}
_LOWER_ONLY: dict[str, tuple[str, ...]] = {"l": ("1", "I")}
# running headers of the kind a history book repeats on every page
_HEADERS = (
    "HISTORIA DE ESPAÑA",
    "HISTORIA CONTEMPORÁNEA",
    "LA CRISIS DEL SIGLO XX",
    "CAPÍTULO III",
    "EL TIEMPO DE LAS REFORMAS",
)


class Injection(NamedTuple):
    """One injected error; ``start``/``end`` are offsets into the noised text."""

    cls: str
    start: int
    end: int
    noised: str
    original: str


class Noised(NamedTuple):
    """A noised page and its injections, in text order."""

    text: str
    injections: list[Injection]


class _Edit(NamedTuple):
    """A change planned against the clean text (offsets into it)."""

    start: int
    end: int
    replacement: str
    cls: str


def _eligible(word: str) -> bool:
    return len(word) >= 2 and word.isalpha()


def _split(word: str, rng: random.Random) -> str | None:
    if len(word) < 5:
        return None
    cut = rng.randint(2, len(word) - 2)
    return f"{word[:cut]} {word[cut:]}"


def _accent(word: str, rng: random.Random) -> str | None:
    sites = [i for i, ch in enumerate(word) if ch.translate(_STRIP) != ch]
    if not sites:
        return None
    i = rng.choice(sites)
    return word[:i] + word[i].translate(_STRIP) + word[i + 1 :]


def _confusion(word: str, rng: random.Random) -> str | None:
    # (position, length replaced, replacement), in text order so the draw is stable
    sites: list[tuple[int, int, str]] = []
    for i, ch in enumerate(word):
        options = _CONFUSIONS.get(ch, ())
        if word.islower():
            options += _LOWER_ONLY.get(ch, ())
        sites.extend((i, 1, rep) for rep in options)
        if word.startswith("fi", i):
            sites.append((i, 2, "ﬁ"))
    if not sites:
        return None
    i, n, rep = rng.choice(sites)
    return word[:i] + rep + word[i + n :]


_WORD_NOISE = {"split": _split, "accent": _accent, "confusion": _confusion}


def _word_edits(text: str, rng: random.Random, rates: dict[str, float]) -> list[_Edit]:
    words = [m for m in _WORD.finditer(text) if _eligible(m.group())]
    edits: list[_Edit] = []
    k = 0
    while k < len(words):
        m = words[k]
        k += 1
        u = rng.random()
        cls = None
        low = 0.0
        for name in WORD_CLASSES:
            if low <= u < low + rates[name]:
                cls = name
                break
            low += rates[name]
        if cls == "glued":
            nxt = words[k] if k < len(words) else None
            if nxt is not None and text[m.end() : nxt.start()] == " ":
                edits.append(_Edit(m.start(), nxt.end(), m.group() + nxt.group(), cls))
                k += 1  # the neighbour is taken
        elif cls is not None:
            new = _WORD_NOISE[cls](m.group(), rng)
            if new is not None:
                edits.append(_Edit(m.start(), m.end(), new, cls))
    return edits


def _furniture(text: str, rng: random.Random, rate: float) -> list[_Edit]:
    header = rng.choice(_HEADERS)
    page = rng.randint(5, 300)
    edits: list[_Edit] = []
    for m in _BREAK.finditer(text.rstrip()):
        if rng.random() >= rate:
            continue
        line = str(page) if rng.random() < 0.5 else header
        page += 1
        # on its own paragraph, just before the next one
        edits.append(_Edit(m.end(), m.end(), line + m.group(), "furniture"))
    return edits


def noise(
    text: str,
    seed: int = DEFAULT_SEED,
    rate_scale: float = 1.0,
    rates: dict[str, float] | None = None,
) -> Noised:
    """Damage ``text`` the way OCR does; the same seed always gives the same result.

    >>> out = noise("Después de las elecciones de agosto, España cambió.", seed=3, rate_scale=4)
    >>> out.text
    'Despues de 1as eIecciones de agosto, España cambio.'
    >>> [(i.cls, i.noised, i.original) for i in out.injections][:2]
    [('accent', 'Despues', 'Después'), ('confusion', '1as', 'las')]
    """
    base = RATES if rates is None else rates
    scaled = {name: base.get(name, 0.0) * rate_scale for name in CLASSES}
    if sum(scaled[name] for name in WORD_CLASSES) > 1 or scaled["furniture"] > 1:
        msg = f"rates scaled by {rate_scale} add up to more than 1: {scaled}"
        raise ValueError(msg)
    rng = random.Random(seed)
    # words first, then furniture: a fixed order of draws keeps the seed's meaning stable
    edits = _word_edits(text, rng, scaled) + _furniture(text, rng, scaled["furniture"])
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[str] = []
    injections: list[Injection] = []
    pos = 0
    length = 0  # of the noised text built so far
    for e in edits:
        out.append(text[pos : e.start])
        length += e.start - pos
        injections.append(
            Injection(
                e.cls, length, length + len(e.replacement), e.replacement, text[e.start : e.end]
            )
        )
        out.append(e.replacement)
        length += len(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return Noised("".join(out), injections)


def restore(noised: str, injections: list[Injection]) -> str:
    """Put every injection's original back, right to left: the clean text again."""
    for inj in sorted(injections, key=lambda i: i.start, reverse=True):
        noised = noised[: inj.start] + inj.original + noised[inj.end :]
    return noised
