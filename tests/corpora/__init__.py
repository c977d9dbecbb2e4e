"""Correction-quality corpora: well-edited Spanish (``clean/``), real damaged pages
(``damaged/``) and the detokenised CoNLL-2002 test set. Each folder has a ``SOURCES.md``.

Loaders only; the measurements live in ``bench/bench_corrections.py`` and the limits in
``tests/test_precision.py``.
"""

from __future__ import annotations

import re
from collections import Counter
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
LAYOUT = frozenset({"whitespace", "spacing", "invisible"})

_MARKS = re.compile(r"[\s.,;:!?()\[\]\"«»“”'—–-]+")


def changes_words(c: object) -> bool:
    """Whether a correction changes letters or digits, or a number's separators.

    Stray stops and doubled punctuation in the CoNLL text are artefacts of the data (a
    token lost in conversion); removing them is a layout fix, not a change of content.
    """
    if c.category == "number":  # type: ignore[attr-defined]
        return True
    return _MARKS.sub("", c.text) != _MARKS.sub("", c.replacement or "")  # type: ignore[attr-defined]


def corpus_corrections(pipeline: object, texts: dict[str, str]) -> list[tuple[str, str, object]]:
    """Run the text stages (ingest, clean, correct) and return ``(file, source, correction)``."""
    from jsr_nlp.ingest import from_string

    found: list[tuple[str, str, object]] = []
    for name, text in texts.items():
        log = pipeline.edit(from_string(text, name))  # type: ignore[attr-defined]
        found.extend((name, log.source, c) for c in log.corrections)
    return found


ALL = ("clean", "heldout-clean", "conll", "damaged", "heldout-damaged")


def corpora(names: tuple[str, ...] = ALL) -> dict[str, dict[str, str]]:
    """The corpora that exist on disk, by name."""
    out: dict[str, dict[str, str]] = {}
    for name in names:
        if name == "conll":
            out[name] = {
                p.name: conll_text(p)
                for p in (CONLL, CONLL.with_name("esp.testa.txt"))
                if p.exists()
            }
        elif (HERE / name).is_dir() and any((HERE / name).glob("*.txt")):
            out[name] = folder_texts(name)
    return out


def annotations(folder: str = "damaged") -> dict[str, list[dict[str, str]]]:
    """The hand-written error lists (``<page>.errors.toml``) by page file name."""
    import tomllib

    out: dict[str, list[dict[str, str]]] = {}
    for p in sorted((HERE / folder).glob("*.errors.toml")):
        out[p.name.removesuffix(".errors.toml") + ".txt"] = tomllib.loads(p.read_text("utf-8"))[
            "error"
        ]
    return out


def score_damaged(
    found: list[tuple[str, str, object]], folder: str = "damaged"
) -> dict[str, object]:
    """Recall by error kind and the share of applied changes that hit an annotated error.

    An annotated error is *fixed* when an applied correction overlaps it, *flagged* when
    only a suggestion does. An applied content correction that overlaps no annotated
    error is listed as ``stray`` (a wrong change, or an error the annotator missed).
    """
    notes = annotations(folder)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    texts = {f: s for f, s, _ in found}
    for name, errors in notes.items():
        text = texts.get(name) or (HERE / folder / name).read_text("utf-8")
        spans[name] = []
        for e in errors:
            start = text.find(e["text"])
            spans[name].append((start, start + len(e["text"]), e["kind"]))
    by_kind: dict[str, Counter[str]] = {}
    stray: list[tuple[str, str, object]] = []
    touched_ids: set[int] = set()
    hits: dict[tuple[str, int], set[str]] = {}
    for f, src, c in found:
        touched = False
        for k, (s, e, _kind) in enumerate(spans.get(f, [])):
            if (c.start < e and s < c.end) or (c.start == c.end and s <= c.start <= e):  # type: ignore[attr-defined]
                hits.setdefault((f, k), set()).add(c.action)  # type: ignore[attr-defined]
                touched = True
                touched_ids.add(id(c))
        if not touched and c.action == "applied" and c.category not in LAYOUT:  # type: ignore[attr-defined]
            stray.append((f, src, c))
    for f, items in spans.items():
        for k, (_s, _e, kind) in enumerate(items):
            actions = hits.get((f, k), set())
            outcome = "fixed" if "applied" in actions else "flagged" if actions else "missed"
            by_kind.setdefault(kind, Counter())[outcome] += 1
    return {"by_kind": by_kind, "stray": stray, "touched": touched_ids}
