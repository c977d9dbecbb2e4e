"""CoNLL-style NER data, the bare-vs-ours comparison and its scoring (general Spanish news).

Issue 3 asks that the entity components never make a general Spanish news benchmark worse
than the bare model. This module reads CoNLL-2002 files ("word TAG" lines, IOB1 or IOB2,
blank lines between sentences, optional ``-DOCSTART-``), builds one spaCy ``Doc`` per
sentence from the gold tokens (so offsets are token offsets and tokenisation cannot blur
the comparison), runs the model once, records its entities (the bare run), then runs our
components on the same docs (our run), and scores both on exact span + label.

Shared by ``bench/bench_news_ner.py`` and ``tests/entities/test_news_benchmark.py``.

>>> sorted(gold_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]))
[(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

DATA = Path(__file__).parent / "conll2002" / "esp.testb.sample.txt"
OURS = ("jsr_gazetteer", "jsr_entity_filter", "jsr_linker")
LABELS = ("PER", "LOC", "ORG", "MISC")

Span3 = tuple[int, int, str]


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: its tokens and their IOB tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def spans(self) -> set[Span3]:
        """Gold entities as ``(start_token, end_token, label)``."""
        return gold_spans(self.tags)


def sentence(text: str) -> Sentence:
    """A whitespace-tokenised line without annotations (every tag ``O``).

    >>> sentence("Madrid , 23 may").tokens
    ('Madrid', ',', '23', 'may')
    """
    tokens = tuple(text.split())
    return Sentence(tokens, ("O",) * len(tokens))


def read_conll(path: Path = DATA, limit: int | None = None) -> list[Sentence]:
    """Sentences of a CoNLL file (UTF-8, else Latin-1); the tag is the last column."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*text.splitlines(), ""]:
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            continue
        if not cols:
            if tokens:
                sentences.append(Sentence(tuple(tokens), tuple(tags)))
                tokens, tags = [], []
                if limit is not None and len(sentences) >= limit:
                    break
            continue
        tokens.append(cols[0])
        tags.append(cols[-1])
    return sentences


def gold_spans(tags: Sequence[str]) -> set[Span3]:
    """Entity spans from IOB1 or IOB2 tags (an ``I-`` after another label opens one)."""
    spans: set[Span3] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        continues = kind == "I" and lab == label and start >= 0
        if start >= 0 and not continues:
            spans.add((start, i, label))
            start, label = -1, ""
        if kind in {"B", "I"} and not continues:
            start, label = i, lab
    return spans


def make_doc(nlp: Language, tokens: Sequence[str]) -> Doc:
    """The sentence as the gold tokenised it, detokenised by single spaces."""
    spaces = [True] * len(tokens)
    if spaces:
        spaces[-1] = False
    return Doc(nlp.vocab, words=list(tokens), spaces=spaces)


def predict(
    nlp: Language, sentences: Sequence[Sentence], *, batch_size: int = 64
) -> tuple[list[set[Span3]], list[set[Span3]], list[Doc]]:
    """Entities of the bare model and of the model + our components, from one model run.

    The model runs with every ``jsr_*`` component disabled; its entities are the bare
    prediction; then our three components run, in pipeline order, on the same docs.
    """
    others = [n for n in nlp.pipe_names if n.startswith("jsr_")]
    with nlp.select_pipes(disable=others):
        docs = list(nlp.pipe((make_doc(nlp, s.tokens) for s in sentences), batch_size=batch_size))
    bare = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
    procs = [nlp.get_pipe(n) for n in nlp.pipe_names if n in OURS]
    out: list[Doc] = []
    for doc in docs:
        for proc in procs:
            doc = proc(doc)
        out.append(doc)
    ours = [{(e.start, e.end, e.label_) for e in d.ents} for d in out]
    return bare, ours, out


@dataclass(frozen=True)
class Score:
    """Exact-match counts for one label (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted entities that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold entities that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        """One readable line."""
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def score(gold: Iterable[set[Span3]], predicted: Iterable[set[Span3]]) -> dict[str, Score]:
    """Scores per label and overall (key ``"ALL"``); labels outside :data:`LABELS` count as
    false positives of their own key.

    >>> s = score([{(0, 1, "PER"), (2, 3, "LOC")}], [{(0, 1, "PER"), (2, 3, "ORG")}])
    >>> s["ALL"].line()
    'P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)'
    >>> s["LOC"].recall, s["ORG"].precision
    (0.0, 0.0)
    """
    counts: dict[str, Counter[str]] = {}
    for g, p in zip(gold, predicted, strict=True):
        for kind, spans in (("tp", g & p), ("fn", g - p), ("fp", p - g)):
            for _s, _e, label in spans:
                counts.setdefault(label, Counter())[kind] += 1
    out = {lab: Score(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    for lab in LABELS:
        out.setdefault(lab, Score())
    out["ALL"] = Score(
        sum(s.tp for s in out.values()),
        sum(s.fp for s in out.values()),
        sum(s.fn for s in out.values()),
    )
    return out


def differences(
    sentences: Sequence[Sentence], bare: Sequence[set[Span3]], ours: Sequence[set[Span3]]
) -> Counter[tuple[str, str]]:
    """What our components changed, by kind, with the affected text.

    Kinds (bare → ours): ``lost`` a right bare entity with no overlapping entity of ours,
    ``relabelled`` same span with another label, ``reshaped`` overlapping span of ours;
    and the reverse gains ``gained``, ``fixed label``, ``fixed span``; ``new wrong`` is an
    entity of ours that overlaps no bare entity and is not gold.
    """
    out: Counter[tuple[str, str]] = Counter()
    for sent, b, o in zip(sentences, bare, ours, strict=True):
        gold = sent.spans
        for side, mine, theirs, names in (
            ("bare", b, o, ("lost", "relabelled", "reshaped")),
            ("ours", o, b, ("gained", "fixed label", "fixed span")),
        ):
            for s, e, lab in (mine & gold) - theirs:
                same = [x for x in theirs if x[0] == s and x[1] == e]
                near = [x for x in theirs if x[0] < e and s < x[1]]
                text = " ".join(sent.tokens[s:e])
                if same:
                    out[names[1], f"{text} {lab}->{same[0][2]}" if side == "bare" else text] += 1
                elif near:
                    other = " ".join(sent.tokens[near[0][0] : near[0][1]])
                    out[names[2], f"[{text}] vs [{other}]"] += 1
                else:
                    out[names[0], f"{text} {lab}"] += 1
        for s, e, lab in o - gold - b:
            if not any(x[0] < e and s < x[1] for x in b):
                out["new wrong", f"{' '.join(sent.tokens[s:e])} {lab}"] += 1
    return out
