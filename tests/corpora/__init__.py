"""Correction-quality corpora: well-edited Spanish (``clean/``), real damaged pages
(``damaged/``) and the detokenised CoNLL-2002 test set. Each folder has a ``SOURCES.md``.

Loaders only; the measurements live in ``bench/bench_corrections.py`` and the limits in
``tests/test_precision.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONLL = HERE.parent / "entities" / "conll2002" / "esp.testb.sample.txt"

# no space before these tokens, none after the openers
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "?", "!", "%", "»", "”", "...", "'s"}
_NO_SPACE_AFTER = {"(", "[", "¿", "¡", "«", "“"}


def detokenise(tokens: list[str]) -> str:
    """Join CoNLL tokens into running text the way a Spanish news page writes it.

    Straight double quotes alternate between opening and closing.

    >>> detokenise(["Las", "reservas", '"', "on", "line", '"', "(", "EFE", ")", "."])
    'Las reservas "on line" (EFE).'
    """
    out: list[str] = []
    open_quote = False
    glue_next = True
    for tok in tokens:
        if tok == '"':
            if open_quote:
                out.append(tok)
                glue_next = False
            else:
                out.append(("" if glue_next else " ") + tok)
                glue_next = True
            open_quote = not open_quote
            continue
        sep = "" if glue_next or tok in _NO_SPACE_BEFORE else " "
        out.append(sep + tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(out)


def conll_text(path: Path = CONLL) -> str:
    """The CoNLL-2002 test set as text: one sentence per paragraph."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(line.rsplit(" ", 1)[0])
    if current:
        sentences.append(current)
    return "\n\n".join(detokenise(s) for s in sentences) + "\n"


def folder_texts(name: str) -> dict[str, str]:
    """The ``.txt`` pages of one corpus folder, by file name."""
    return {p.name: p.read_text("utf-8") for p in sorted((HERE / name).glob("*.txt"))}


_SPACE = re.compile(r"\s+")


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """A one-line window around a span, the span in brackets."""
    left = _SPACE.sub(" ", text[max(0, start - width) : start])
    right = _SPACE.sub(" ", text[end : end + width])
    return f"…{left}[{text[start:end]}]{right}…"


#: Categories that only move whitespace; every other applied change is a content change.
LAYOUT = frozenset({"whitespace", "spacing"})


def corpus_corrections(pipeline: object, texts: dict[str, str]) -> list[tuple[str, str, object]]:
    """Run the text stages (ingest, clean, correct) and return ``(file, source, correction)``."""
    from jsr_nlp.ingest import from_string

    found: list[tuple[str, str, object]] = []
    for name, text in texts.items():
        log = pipeline.edit(from_string(text, name))  # type: ignore[attr-defined]
        found.extend((name, log.source, c) for c in log.corrections)
    return found


def corpora(names: tuple[str, ...] = ("clean", "conll", "damaged")) -> dict[str, dict[str, str]]:
    """The corpora that exist on disk, by name."""
    out: dict[str, dict[str, str]] = {}
    for name in names:
        if name == "conll":
            out[name] = {
                p.name: conll_text(p)
                for p in (CONLL, CONLL.with_name("esp.testa.txt"))
                if p.exists()
            }
        elif (HERE / name).is_dir():
            out[name] = folder_texts(name)
    return out
