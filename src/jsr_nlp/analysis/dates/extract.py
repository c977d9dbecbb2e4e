"""Find and normalise the time expressions of a spaCy ``Doc`` (no component machinery here).

:class:`DateTagger` compiles the vocabulary once (Matcher patterns, phrase tables, event
index) and then, per document: match cores → read specs → compose → resolve in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jsr_nlp.analysis.dates.compose import Composer
from jsr_nlp.analysis.dates.events import EventIndex
from jsr_nlp.analysis.dates.matching import GroupedMatcher
from jsr_nlp.analysis.dates.patterns import CompiledPattern, compile_patterns, token_ok
from jsr_nlp.analysis.dates.read import Reader
from jsr_nlp.analysis.dates.resolve import Resolver
from jsr_nlp.analysis.dates.specs import Expr, PointSpec, RangeSpec, Spec
from jsr_nlp.analysis.dates.value import TimexValue
from jsr_nlp.analysis.dates.vocab import DatesVocab

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Found:
    """One time expression: token span and value."""

    start: int
    end: int
    value: TimexValue


class DateTagger:
    """Compiled vocabulary + per-document extraction."""

    def __init__(
        self,
        nlp: Language,
        dates_vocab: DatesVocab,
        *,
        lexicons: Iterable[Path] = (),
        document_date: date | None = None,
    ) -> None:
        self.v = dates_vocab
        self.reader = Reader(dates_vocab)
        self.composer = Composer(dates_vocab)
        vocab = nlp.vocab
        self.events = EventIndex(vocab, nlp.make_doc, lexicons)
        self.document_date = document_date
        compiled = compile_patterns(dates_vocab)
        for phrase, value in dates_vocab.now.items():
            toks = [{"LOWER": w} for w in phrase.lower().split()]
            compiled.append(CompiledPattern(f"now:{value}", "now", True, 0, 0, toks))
        self.matcher = GroupedMatcher(vocab, compiled)
        self.patterns = self.matcher.patterns

    # ---------------------------------------------------------------- reading

    def _read(self, pat: CompiledPattern, span: Span) -> Spec | None:
        toks = list(span)
        r = self.reader
        kind = pat.kind
        if kind == "date":
            return r.point(toks)
        if kind == "range":
            return r.year_range(toks)
        if kind == "day_only":
            return r.day_only(toks)
        if kind == "partition":
            return r.partition(toks)
        if kind == "daypart":
            return r.daypart(toks)
        if kind == "time":
            return r.time(toks)
        if kind == "duration":
            return r.duration(toks)
        if kind == "deixis":
            return r.deixis(toks)
        if kind == "set":
            return r.set(toks)
        if kind == "now":
            return r.now(pat.id.split(":", 1)[1])
        return None

    def _bare_year(self, spec: Spec, lows: list[str], start: int, end: int) -> bool:
        """A year (or year range) written as bare digits, which the negative rules check."""
        if isinstance(spec, RangeSpec):
            return all(s.year and not s.month and not s.day for s in (spec.left, spec.right))
        if isinstance(spec, PointSpec):
            only_year = spec.year is not None and not (spec.month or spec.day or spec.season)
            return only_year and lows[end - 1].isdigit()
        return False

    def cores(self, doc: Doc, texts: list[str] | None = None) -> list[Expr]:
        """Matcher cores read into specs, bare years filtered, longest non-overlapping kept.

        Candidates are read longest first and only if they do not overlap a core already
        kept (a standalone reading wins a tie), so 'agosto' inside 'agosto de 1945' is never
        read; a candidate whose words do not make a date (None) leaves room for shorter ones.
        """
        texts = texts if texts is not None else token_texts(doc)
        lows = [t.lower() for t in texts]
        candidates: dict[tuple[int, int, str], CompiledPattern] = {}
        for match_id, s, e in self.matcher(doc):
            pat = self.patterns[match_id]
            start, end = _edges(texts, pat, s + pat.lead, e - pat.trail)
            if start < end:
                candidates.setdefault((start, end, pat.kind), pat)
        ranked = sorted(
            candidates.items(),
            key=lambda c: (c[0][0] - c[0][1], not c[1].standalone, c[0][0]),
        )
        taken = bytearray(len(texts))
        out: list[Expr] = []
        for (start, end, kind), pat in ranked:
            if any(taken[start:end]):
                continue
            spec = self._read(pat, doc[start:end])
            if spec is None:
                continue
            counted = False
            if self._bare_year(spec, lows, start, end):
                if self.composer.year_blocked(lows, start, end):
                    continue
                counted = kind != "range" and self.composer.counted(lows, start, end)
            standalone = pat.standalone and kind not in {"day_only", "daypart"}
            out.append(Expr(start, end, spec, kind, standalone, counted=counted))
            taken[start:end] = b"\x01" * (end - start)
        return sorted(out, key=lambda e: e.start)

    def find(self, doc: Doc) -> list[Found]:
        """Every time expression of a document with its value, in text order."""
        texts = token_texts(doc)
        lows = [t.lower() for t in texts]
        c = self.composer
        events = self.events.find(doc)
        exprs = c.ranges(lows, self.cores(doc, texts))
        exprs = c.drop_counts(c.heads(lows, exprs))
        exprs = c.extend_left(lows, exprs)
        exprs = c.extend_right(lows, exprs, events)
        exprs = c.events(lows, exprs, events)
        resolver = Resolver(self.v, document_date=self.document_date)
        found: list[Found] = []
        for e in exprs:
            if not e.standalone and e.kind not in {"range", "offset", "event"}:
                continue
            span = doc[e.start : e.end]
            value = resolver.resolve(e, span.text, span.start_char)
            if value is not None:
                found.append(Found(e.start, e.end, value))
        return found


_PUNCT = re.compile(r"^[^\w\s]+$")


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, read from the string store (no Token objects)."""
    strings = doc.vocab.strings
    return [strings[o] for o in doc.to_array("ORTH").tolist()]


def _edges(texts: list[str], pat: CompiledPattern, start: int, end: int) -> tuple[int, int]:
    """Extend a match over the pattern's optional edge tokens, greedily, as the Matcher's
    LONGEST would; a span never starts or ends with punctuation ('el jueves, 9 de agosto'
    keeps its comma, a bare ', 9 de agosto' does not)."""
    for spec in reversed(pat.left):
        many = spec.get("OP") == "*"
        while start > 0 and token_ok(spec, texts[start - 1]):
            start -= 1
            if not many:
                break
    for spec in pat.right:
        many = spec.get("OP") == "*"
        while end < len(texts) and token_ok(spec, texts[end]):
            end += 1
            if not many:
                break
    while start < end and _PUNCT.match(texts[start]):
        start += 1
    while end > start and _PUNCT.match(texts[end - 1]) and texts[end - 1] != ".":
        end -= 1
    return start, end
