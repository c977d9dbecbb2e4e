"""``translate_text``: the clean Spanish text in, an aligned translation and warnings out.

The steps, each in its own module:

1. the sentences become segments; a segment an earlier edition already translated is
   reused (``previous``), so a rerun finishes only what is missing;
2. names and glossary terms become placeholders (:mod:`.protect`);
3. each sentence is cut into pieces that fit a request (:mod:`.segment`);
4. pieces found in the cache (:mod:`.cache`) cost nothing; the rest are packed into
   requests, sent with a hard time-out and retries (:mod:`.retry`) through a
   deep-translator client (:mod:`.providers`), and split back;
5. placeholders are restored; a piece whose placeholders came back damaged is sent again
   without them (status ``unprotected``);
6. a segment with a piece that still failed keeps its Spanish text (status ``failed``) and
   a warning names it; ``complete`` is false.

A bad key or an unsupported language raises :class:`~jsr_nlp.errors.TranslationError` at
once. Keys never reach a warning: every message is written here from fixed phrases, and
is redacted once more before it leaves.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from jsr_nlp.lexicon.schema import GlossaryTerm
from jsr_nlp.model import Segment, SegmentStatus, Translation
from jsr_nlp.translate import protect
from jsr_nlp.translate.cache import TranslationCache, cache_key, open_cache
from jsr_nlp.translate.options import TranslateOptions
from jsr_nlp.translate.protect import Protected, Slot
from jsr_nlp.translate.providers import Provider
from jsr_nlp.translate.redact import redact_url
from jsr_nlp.translate.retry import Budget, RequestFailed, RetryPolicy, SegmentProblem, with_retries
from jsr_nlp.translate.segment import SEPARATOR, pack, split_answer, split_sentence
from jsr_nlp.translate.vocab import Vocabulary, load_vocabulary

logger = logging.getLogger(__name__)

_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile("[.!?\u2026:][\\s\"'\u00bb\u201d\u2019)\\]]*$")
_DASH = "\u2013"  # en dash, as in "chars 120-245" typeset
_REUSABLE: frozenset[str] = frozenset({"translated", "cached", "unprotected", "skipped"})


@dataclass
class _Unit:
    """One piece of one segment, and what became of it."""

    seg: int
    sent: str
    plain: str
    gap: str
    slots: dict[int, Slot]
    sentence_start: bool
    key: str
    result: str | None = None
    status: SegmentStatus | None = None
    failure: str | None = None


@dataclass
class _Seg:
    start: int
    end: int
    source: str
    units: list[_Unit] = field(default_factory=list)
    reused: Segment | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_spans(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The segments: sentences without surrounding whitespace, gaps with text included.

    >>> segment_spans("Uno. Dos.  ", [(0, 4), (4, 11)])
    [(0, 4), (5, 9)]
    >>> segment_spans("Uno. Dos.", [(0, 4)])
    [(0, 4), (5, 9)]
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in [*sorted(sentences), (len(text), len(text))]:
        if not 0 <= s <= e <= len(text):
            msg = f"sentence span ({s}, {e}) is outside the text (0, {len(text)})"
            raise ValueError(msg)
        if s < pos:
            msg = f"sentence span ({s}, {e}) overlaps the previous one (ends at {pos})"
            raise ValueError(msg)
        for a, b in ((pos, s), (s, e)):
            a, b = _trim(text, a, b)
            if a < b:
                out.append((a, b))
        pos = e
    return out


def _redact(message: str, secrets: Sequence[str]) -> str:
    message = redact_url(message)
    for secret in secrets:
        if secret:
            message = message.replace(secret, "****")
    return message


class _Run:
    """State of one call of :func:`translate_text`."""

    def __init__(
        self,
        options: TranslateOptions,
        provider: Provider,
        cache: TranslationCache,
        vocab: Vocabulary,
    ) -> None:
        self.options = options
        self.provider = provider
        self.cache = cache
        self.vocab = vocab
        self.articles = vocab.target_articles.get(options.target, ())
        self.policy = RetryPolicy(
            timeout=options.timeout,
            max_retries=options.max_retries,
            backoff_base=options.backoff_base,
            backoff_max=options.backoff_max,
        )
        self.budget = Budget(options.max_total_seconds, options.max_consecutive_failures)
        self.connected = False

    # -- building pieces -------------------------------------------------------------

    def units_for(
        self, index: int, text: str, spans: Sequence[Protected], numbers: itertools.count[int]
    ) -> list[_Unit]:
        masked, slots = protect.mask(text, spans, numbers)

        def measure(piece: str) -> int:
            # sent masked, or plain if the placeholders come back damaged: fit both
            return max(len(piece), len(protect.unmask(piece, slots)))

        units = []
        previous = ""
        for i, piece in enumerate(split_sentence(masked, self.provider.limit, self.vocab, measure)):
            own = protect.slots_in(piece.text, slots)
            canon, english = protect.canonical(piece.text, own)
            key = cache_key(
                self.provider.identity,
                self.options.source,
                self.options.target,
                self.options.glossary_version,
                canon,
                english,
            )
            start = i == 0 or bool(_SENTENCE_END.search(previous))
            units.append(
                _Unit(
                    index, piece.text, protect.unmask(piece.text, own), piece.gap, own, start, key
                )
            )
            previous = piece.text
        return units

    def resolve_locally(self, unit: _Unit) -> bool:
        """Pieces with nothing to translate (only names, numbers, punctuation) need no call."""
        if _LETTER.search(protect.PLACEHOLDER.sub(" ", unit.sent)):
            return False
        restored = protect.restore(
            unit.sent, unit.slots, articles=self.articles, sentence_start=unit.sentence_start
        )
        unit.result = restored if restored is not None else unit.plain
        unit.status = "translated" if unit.slots else "skipped"
        return True

    def from_cache(self, unit: _Unit) -> bool:
        hit = self.cache.get(unit.key)
        if hit is None:
            return False
        unit.result = hit["target"]
        unit.status = "unprotected" if hit.get("status") == "unprotected" else "cached"
        return True

    # -- requests --------------------------------------------------------------------

    def call(self, text: str) -> str:
        """One request with time-out and retries; connects the client first if needed."""
        if not self.connected:
            with_retries(self.provider.connect, self.provider.classify, self.policy, self.budget)
            self.connected = True
        return with_retries(
            lambda: self.provider.translate(text), self.provider.classify, self.policy, self.budget
        )

    def send(self, batch: list[_Unit]) -> None:
        if len(batch) == 1:
            self.send_one(batch[0])
            return
        try:
            answer = self.call(SEPARATOR.join(u.sent for u in batch))
        except RequestFailed as failed:
            for unit in batch:
                unit.failure = failed.reason
            return
        except SegmentProblem:
            lines = None
        else:
            lines = split_answer(answer, len(batch))
        if lines is None:  # the provider merged or split lines: one piece per request
            logger.debug("batch of %d pieces came back misaligned; sending one by one", len(batch))
            for unit in batch:
                self.send_one(unit)
            return
        for unit, line in zip(batch, lines, strict=True):
            self.accept(unit, line)

    def send_one(self, unit: _Unit) -> None:
        try:
            answer = self.call(unit.sent)
        except (RequestFailed, SegmentProblem) as failed:
            unit.failure = failed.reason
            return
        self.accept(unit, " ".join(answer.split()))

    def accept(self, unit: _Unit, line: str) -> None:
        if not unit.slots:
            self.store(unit, line.strip(), "translated")
            return
        restored = protect.restore(
            line, unit.slots, articles=self.articles, sentence_start=unit.sentence_start
        )
        if restored is not None:
            self.store(unit, restored.strip(), "translated")
            return
        logger.debug("placeholders damaged in a piece; retrying it without protection")
        try:
            answer = self.call(unit.plain)
        except (RequestFailed, SegmentProblem) as failed:
            unit.failure = f"placeholders came back damaged, then {failed.reason}"
            return
        self.store(unit, " ".join(answer.split()), "unprotected")

    def store(self, unit: _Unit, text: str, status: SegmentStatus) -> None:
        unit.result, unit.status = text, status
        self.cache.set(unit.key, {"target": text, "status": status})

    def send_all(self, units: list[_Unit]) -> None:
        for batch_ids in pack([len(u.sent) for u in units], self.provider.limit):
            batch = [units[i] for i in batch_ids]
            refusal = self.budget.refusal()
            if refusal is not None:
                for unit in batch:
                    unit.failure = refusal
                continue
            self.send(batch)


def _status(units: Sequence[_Unit]) -> SegmentStatus:
    statuses = {u.status for u in units}
    if "unprotected" in statuses:
        return "unprotected"
    if statuses <= {"skipped"}:
        return "skipped"
    if "translated" in statuses:
        return "translated"
    return "cached"


def _describe(numbers: list[int], segs: list[_Seg]) -> str:
    first, last = segs[numbers[0]], segs[numbers[-1]]
    if len(numbers) == 1:
        return f"segment {numbers[0] + 1} (chars {first.start}{_DASH}{first.end})"
    span = f"{numbers[0] + 1}{_DASH}{numbers[-1] + 1}"
    return f"segments {span} (chars {first.start}{_DASH}{last.end})"


def _warnings(segs: list[_Seg], problems: Mapping[int, str]) -> list[str]:
    """One line per run of consecutive segments with the same problem."""
    out: list[str] = []
    run: list[int] = []
    for i in sorted(problems):
        if run and i == run[-1] + 1 and problems[i] == problems[run[-1]]:
            run.append(i)
            continue
        if run:
            out.append(f"{_describe(run, segs)}: {problems[run[0]]}")
        run = [i]
    if run:
        out.append(f"{_describe(run, segs)}: {problems[run[0]]}")
    return out


def _reusable(
    previous: Translation | None, options: TranslateOptions, warnings: list[str]
) -> dict[str, Segment]:
    if previous is None:
        return {}
    if (previous.provider, previous.target) != (options.provider, options.target):
        warnings.append(
            f"previous translation ({previous.provider} → {previous.target}) not reused: "
            f"this run uses {options.provider} → {options.target}"
        )
        return {}
    return {s.source: s for s in previous.segments if s.status in _REUSABLE}


def _collect(segs: list[_Seg]) -> tuple[list[Segment], dict[int, str], dict[int, str]]:
    """The edition's segments, and the problems of failed and unprotected ones by index."""
    segments: list[Segment] = []
    failures: dict[int, str] = {}
    unprotected: dict[int, str] = {}
    for i, seg in enumerate(segs):
        if seg.reused is not None:
            status: SegmentStatus = (
                seg.reused.status if seg.reused.status in ("unprotected", "skipped") else "cached"
            )
            segments.append(Segment(seg.start, seg.end, seg.source, seg.reused.target, status))
            continue
        target = "".join(f"{u.result}{u.gap}" for u in seg.units)
        if any(u.result is None for u in seg.units):
            failures[i] = next((u.failure for u in seg.units if u.failure), "not translated")
        elif protect.PLACEHOLDER.search(target) and not protect.PLACEHOLDER.search(seg.source):
            failures[i] = "a placeholder was left in the translation"  # e.g. a foreign cache
        if i in failures:
            segments.append(Segment(seg.start, seg.end, seg.source, seg.source, "failed"))
            continue
        status = _status(seg.units)
        if status == "unprotected":
            unprotected[i] = (
                "the provider damaged the placeholders of protected names; translated "
                "without protection, so names and terms may be wrong"
            )
        segments.append(Segment(seg.start, seg.end, seg.source, target, status))
    return segments, failures, unprotected


def translate_text(
    text: str,
    sentences: Sequence[tuple[int, int]],
    protected: Sequence[Protected],
    glossary: Sequence[GlossaryTerm],
    options: TranslateOptions,
    previous: Translation | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[Translation, list[str]]:
    """Translate the clean text sentence by sentence; never lose a sentence.

    ``sentences`` are clean-text spans (spaCy's ``doc.sents``); ``protected`` are linked
    entities with their English forms; ``glossary`` terms are protected wherever they
    occur. ``previous`` is an earlier edition's translation whose successful segments are
    reused. ``vocabulary`` is the source language's word lists (default: the bundled
    ``pipelines/translate/<source>.toml``). Returns the translation and the warnings.

    Raises :class:`~jsr_nlp.errors.TranslationError` when the provider refuses the key or
    the languages (nothing else can succeed), before or during the run.
    """
    warnings: list[str] = []
    vocab = vocabulary if vocabulary is not None else load_vocabulary(options.source)
    provider = Provider(options)
    reusable = _reusable(previous, options, warnings)
    spans = protect.choose_spans(text, protected, glossary, vocab) if options.protect else []
    starts = [p.start for p in spans]
    segs = [_Seg(s, e, text[s:e]) for s, e in segment_spans(text, sentences)]
    cache, cache_problem = open_cache(options)
    if cache_problem:
        warnings.append(cache_problem)
    run = _Run(options, provider, cache, vocab)
    numbers = itertools.count()
    pending: list[_Unit] = []
    try:
        for i, seg in enumerate(segs):
            old = reusable.get(seg.source)
            if old is not None:
                seg.reused = old
                continue
            window = spans[
                bisect.bisect_left(starts, seg.start) : bisect.bisect_left(starts, seg.end)
            ]
            inside = [
                Protected(p.start - seg.start, p.end - seg.start, p.english)
                for p in window
                if p.end <= seg.end
            ]
            seg.units = run.units_for(i, seg.source, inside, numbers)
            pending += [
                u for u in seg.units if not run.resolve_locally(u) and not run.from_cache(u)
            ]
        if pending:
            run.send_all(pending)
    finally:
        cache.close()

    segments, failures, unprotected = _collect(segs)
    parts: list[str] = []
    pos = 0
    for seg_out in segments:
        parts += [text[pos : seg_out.start], seg_out.target]
        pos = seg_out.end
    parts.append(text[pos:])

    warnings += _warnings(segs, failures)
    warnings += _warnings(segs, unprotected)
    secrets = provider.secrets()
    warnings = [_redact(w, secrets) for w in warnings]
    logger.info(
        "translated %d segments (%d failed) with %d requests",
        len(segments),
        len(failures),
        run.budget.requests,
    )
    translation = Translation(
        target=options.target,
        provider=options.provider,
        complete=not failures,
        text="".join(parts),
        segments=tuple(segments),
    )
    return translation, warnings
