"""Mention-level scoring of entity predictions against the gold files in ``gold/``.

A mention matches when its span (character offsets in the raw text) and its label are
equal; "id accuracy" is the share of matched mentions whose id also agrees (``""`` and
``None`` both mean unknown). Gold rows carry no offsets: :func:`locate` finds each one in
the raw text, left to right, as a whole-word match after the previous mention.

Run as a script for a per-file report: ``uv run python tests/entities/evaluate.py``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

GOLD_DIR = Path(__file__).parent / "gold"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


@dataclass(frozen=True)
class Mention:
    """One entity mention: raw-text offsets, label and gazetteer id ("" when unknown)."""

    start: int
    end: int
    text: str
    label: str
    id: str = ""


@dataclass
class Gold:
    """A gold file: the raw text and its mentions in document order."""

    name: str
    path: Path
    text: str
    mentions: list[Mention] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def in_clean(self, clean_text: str) -> list[Mention]:
        """The gold mentions located in a clean edition's text (clean offsets)."""
        return locate(clean_text, self.rows, clean=True)


@dataclass(frozen=True)
class Score:
    """Precision, recall, F1 on span + label; id accuracy over matched mentions."""

    tp: int
    fp: int
    fn: int
    id_ok: int
    id_wrong: tuple[tuple[str, str, str], ...] = ()

    @property
    def precision(self) -> float:
        """Share of predicted mentions that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold mentions that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def id_accuracy(self) -> float:
        """Share of matched mentions whose id agrees with the gold id."""
        return self.id_ok / self.tp if self.tp else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.id_ok + other.id_ok,
            self.id_wrong + other.id_wrong,
        )

    def line(self) -> str:
        """One readable line."""
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"id-acc={self.id_accuracy:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def locate(text: str, rows: Iterable[list[str]], *, clean: bool = False) -> list[Mention]:
    """Find each gold row in ``text`` after the previous one (whole-word match).

    ``clean=False``: ``text`` is the raw file and the source form (4th column) is sought;
    ``clean=True``: ``text`` is a clean edition and the clean form (1st column) is sought.
    """
    mentions: list[Mention] = []
    pos = 0
    for row in rows:
        surface = row[0] if clean or len(row) < 4 else row[3]
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
        m = pattern.search(text, pos)
        if m is None:
            msg = f"gold mention {surface!r} not found after offset {pos}"
            raise ValueError(msg)
        mentions.append(Mention(m.start(), m.end(), surface, row[1], row[2]))
        pos = m.end()
    return mentions


def load_gold(path: Path) -> Gold:
    """Read one gold TOML file and locate its mentions in the raw text."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    text_path = (path.parent / data["text"]).resolve()
    text = text_path.read_text(encoding="utf-8")
    rows = data["mentions"]
    return Gold(path.stem, text_path, text, locate(text, rows), rows)


def all_gold() -> list[Gold]:
    """Every gold file, the sample first."""
    paths = sorted(GOLD_DIR.glob("*.toml"), key=lambda p: (p.stem != "sample", p.stem))
    return [load_gold(p) for p in paths]


def close_cjk_spaces(text: str) -> tuple[str, list[int]]:
    """Remove OCR spaces inside CJK runs (what the cleaning stage does).

    Returns the new text and, for each of its characters, the offset in the old one, so
    predictions map back to raw offsets.
    """
    out: list[str] = []
    back: list[int] = []
    last = 0
    for m in _CJK_SPACE.finditer(text):
        out.append(text[last : m.start()])
        back.extend(range(last, m.start()))
        last = m.end()
    out.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(out), back


def score(gold: Iterable[Mention], predicted: Iterable[Mention]) -> Score:
    """Compare two mention sets (span + label match; then ids)."""
    by_span = {(m.start, m.end, m.label): m for m in gold}
    tp = fp = id_ok = 0
    wrong: list[tuple[str, str, str]] = []
    matched: set[tuple[int, int, str]] = set()
    for p in predicted:
        key = (p.start, p.end, p.label)
        g = by_span.get(key)
        if g is None or key in matched:
            fp += 1
            continue
        matched.add(key)
        tp += 1
        if (g.id or "") == (p.id or ""):
            id_ok += 1
        else:
            wrong.append((g.text, g.id or "", p.id or ""))
    return Score(tp, fp, len(by_span) - len(matched), id_ok, tuple(wrong))


def diff(gold: Iterable[Mention], predicted: Iterable[Mention]) -> list[str]:
    """Readable lines for the misses (``-``) and false alarms (``+``), in text order."""
    g = {(m.start, m.end, m.label): m for m in gold}
    p = {(m.start, m.end, m.label): m for m in predicted}
    lines = [(k[0], f"- {g[k].text!r} {k[2]} {g[k].id}") for k in g.keys() - p.keys()]
    lines += [(k[0], f"+ {p[k].text!r} {k[2]} {p[k].id}") for k in p.keys() - g.keys()]
    return [line for _, line in sorted(lines)]


def occurrence(text: str, start: int, surface: str) -> int:
    """Which occurrence of ``surface`` in ``text`` starts at ``start`` (1-based).

    >>> occurrence("Stalin y Stalin", 9, "Stalin")
    2
    """
    return 1 + sum(1 for i in range(start) if text.startswith(surface, i))


def gold_keys(rows: Iterable[list[str]]) -> list[str]:
    """A stable name for each gold row: its clean form and which row of that form it is.

    >>> gold_keys([["A", "LOC", ""], ["B", "LOC", ""], ["A", "PER", "", "Á"]])
    ['A#1', 'B#1', 'A#2']
    """
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        seen[row[0]] = seen.get(row[0], 0) + 1
        keys.append(f"{row[0]}#{seen[row[0]]}")
    return keys


def mention_problem(gold: Mention, predicted: Iterable[Mention]) -> str | None:
    """Why ``gold`` is not found with its exact span, label and id (``None``: it is).

    >>> g = Mention(0, 6, "Stalin", "PER", "per.stalin")
    >>> mention_problem(g, [Mention(0, 6, "Stalin", "PER", "per.stalin")]) is None
    True
    >>> mention_problem(g, [Mention(0, 6, "Stalin", "LOC", "")])
    "found as LOC ''"
    >>> mention_problem(g, [Mention(0, 3, "Sta", "PER", "")])
    "not found (overlapping: 'Sta' PER '')"
    """
    candidates = list(predicted)
    same = [p for p in candidates if (p.start, p.end) == (gold.start, gold.end)]
    if not same:
        near = [p for p in candidates if p.start < gold.end and gold.start < p.end]
        if near:
            listed = ", ".join(f"{p.text!r} {p.label} {p.id or ''!r}" for p in near)
            return f"not found (overlapping: {listed})"
        return "not found"
    p = same[0]
    if p.label == gold.label and (p.id or "") == (gold.id or ""):
        return None
    return f"found as {p.label} {p.id or ''!r}"


def extras(gold: Iterable[Mention], predicted: Iterable[Mention], text: str) -> list[str]:
    """Predicted mentions at a span the gold does not have, as ``surface#n LABEL``
    (``n``: which occurrence of the surface in ``text``).

    >>> gold = [Mention(0, 1, "A", "LOC")]
    >>> extras(gold, [Mention(0, 1, "A", "PER"), Mention(4, 5, "A", "PER")], "A y A")
    ['A#2 PER']
    """
    spans = {(m.start, m.end) for m in gold}
    return [
        f"{p.text}#{occurrence(text, p.start, p.text)} {p.label}"
        for p in predicted
        if (p.start, p.end) not in spans
    ]


def predict(nlp: object, gold: Gold) -> list[Mention]:
    """Run a spaCy pipeline on the raw text (CJK spaces closed) → mentions in raw offsets."""
    text, back = close_cjk_spaces(gold.text)
    doc = nlp(text)  # type: ignore[operator]
    return [
        Mention(back[e.start_char], back[e.end_char - 1] + 1, e.text, e.label_, e.kb_id_)
        for e in doc.ents
    ]


if __name__ == "__main__":
    import sys

    import spacy

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    import jsr_nlp.analysis.entities.filter
    import jsr_nlp.analysis.entities.gazetteer
    import jsr_nlp.analysis.entities.linker  # noqa: F401

    bare = spacy.load("es_core_news_sm")
    ours = spacy.load("es_core_news_sm")
    for name in ("jsr_gazetteer", "jsr_entity_filter", "jsr_linker"):
        ours.add_pipe(name)
    verbose = "-v" in sys.argv
    for gold in all_gold():
        b = score(gold.mentions, predict(bare, gold))
        predicted = predict(ours, gold)
        o = score(gold.mentions, predicted)
        print(f"{gold.name:24} bare {b.line()}")
        print(f"{'':24} ours {o.line()}")
        if verbose:
            for line in diff(gold.mentions, predicted):
                print("   ", line)
            for text, gid, pid in o.id_wrong:
                print(f"    id {text!r}: gold {gid!r} got {pid!r}")
