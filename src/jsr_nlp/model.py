"""The typed values that flow between stages, and the JSON edition contract.

Every stage takes and returns these plain frozen dataclasses; exporters read an
:class:`Edition` and nothing else. ``Edition.to_dict()`` produces exactly the
``jsr-nlp.edition/1`` JSON described in ``ARCHITECTURE.md``; ``Edition.from_dict()``
reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import MISSING, asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal, TypeVar, get_args

from jsr_nlp.errors import JsrNlpError

SCHEMA = "jsr-nlp.edition/1"
_T = TypeVar("_T")

Action = Literal["applied", "suggested"]
#: An entity's coarse class (CoNLL's four); a lexicon entry's ``kind`` refines it.
Label = Literal["PER", "LOC", "ORG", "MISC"]
LABELS: tuple[Label, ...] = get_args(Label)
#: What a lexicon rule (or the name matcher) corrects.
RuleCategory = Literal[
    "mistranslation",
    "calque",
    "false_friend",
    "untranslated",
    "terminology",
    "grammar",
    "style",
    "garbled",
    "name",
    "number",
]
#: What ingest, surface cleaning and the OCR repairs correct.
SurfaceCategory = Literal[
    "encoding",
    "spelling",
    "whitespace",
    "invisible",
    "spacing",
    "punctuation",
    "hyphenation",
    "duplication",
    "sentence",
    "furniture",
]
#: Every correction has one of these categories.
Category = RuleCategory | SurfaceCategory
CATEGORIES: tuple[str, ...] = get_args(RuleCategory) + get_args(SurfaceCategory)
TimexType = Literal["DATE", "DURATION", "SET", "TIME"]
SegmentStatus = Literal["translated", "cached", "failed", "skipped", "unprotected"]


class Stage(StrEnum):
    """Where in the pipeline a correction was made."""

    INGEST = "ingest"
    CLEAN = "clean"
    CORRECT = "correct"


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from and how it was decoded."""

    path: str | None
    sha256: str
    encoding: str
    language: str
    chars: int


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """Which pipeline produced an edition."""

    name: str
    jsr_nlp_version: str
    spacy_model: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    """One change (``applied``) or proposal (``suggested``), against the source text.

    ``start``/``end`` are offsets into the *source* text and ``text`` is
    ``source[start:end]``. For an applied correction the clean text contains
    ``replacement`` in its place; a suggestion leaves the text as it was and
    ``replacement`` may be ``None`` (a passage flagged for a human).
    """

    id: str
    rule: str
    category: Category
    action: Action
    start: int
    end: int
    text: str
    replacement: str | None
    confidence: float
    note: str
    stage: Stage = Stage.CLEAN

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (``source`` is a nested object)."""
        return {
            "id": self.id,
            "rule": self.rule,
            "category": self.category,
            "action": self.action,
            "stage": str(self.stage),
            "source": {"start": self.start, "end": self.end, "text": self.text},
            "replacement": self.replacement,
            "confidence": round(self.confidence, 3),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        """Inverse of :meth:`to_dict`."""
        src = data["source"]
        return cls(
            id=data["id"],
            rule=data["rule"],
            category=data["category"],
            action=data["action"],
            start=src["start"],
            end=src["end"],
            text=src["text"],
            replacement=data["replacement"],
            confidence=data["confidence"],
            note=data["note"],
            stage=Stage(data.get("stage", "clean")),
        )


def replay(source: str, corrections: Iterable[Correction]) -> str:
    """Rebuild the clean text from the source and the applied corrections.

    >>> c = Correction("c1", "r", "duplication", "applied", 0, 2, "de", "", 1.0, "")
    >>> replay("de de", [c])
    ' de'
    """
    out: list[str] = []
    pos = 0
    for c in sorted(
        (c for c in corrections if c.action == "applied"), key=lambda c: (c.start, c.end)
    ):
        if c.start < pos:
            msg = f"overlapping applied corrections at {c.start} (rule {c.rule})"
            raise ValueError(msg)
        out.append(source[pos : c.start])
        out.append(c.replacement or "")
        pos = c.end
    out.append(source[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity, with offsets into the clean text and into the source."""

    start: int
    end: int
    text: str
    label: Label
    kind: str | None
    id: str | None
    canonical: str | None
    wikidata: str | None
    source_start: int
    source_end: int
    english: str | None = None


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A normalised time expression (TIMEX3 value, EDTF, ISO bounds)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    edtf: str | None
    earliest: str | None
    latest: str | None
    mod: str | None
    anchor: str | None
    source_start: int
    source_end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """One translated unit (usually a sentence) with its clean-text offsets."""

    start: int
    end: int
    source: str
    target: str
    status: SegmentStatus


@dataclass(frozen=True, slots=True)
class Translation:
    """The English (or other) edition, aligned segment by segment."""

    target: str
    provider: str
    complete: bool
    text: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Edition:
    """Everything the pipeline knows about one text; the only input of exporters."""

    source: Source
    pipeline: PipelineInfo
    source_text: str
    clean_text: str
    corrections: tuple[Correction, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    translation: Translation | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def applied(self) -> tuple[Correction, ...]:
        """The corrections that changed the text."""
        return tuple(c for c in self.corrections if c.action == "applied")

    @property
    def suggested(self) -> tuple[Correction, ...]:
        """The corrections left for a human to decide."""
        return tuple(c for c in self.corrections if c.action == "suggested")

    def to_dict(self) -> dict[str, Any]:
        """The ``jsr-nlp.edition/1`` JSON object."""
        translation = None
        if self.translation is not None:
            translation = asdict(self.translation)
            translation["segments"] = [asdict(s) for s in self.translation.segments]
        return {
            "schema": SCHEMA,
            "source": asdict(self.source),
            "pipeline": asdict(self.pipeline),
            "text": {"source": self.source_text, "clean": self.clean_text},
            "corrections": [c.to_dict() for c in self.corrections],
            "entities": [asdict(e) for e in self.entities],
            "dates": [asdict(d) for d in self.dates],
            "translation": translation,
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise to the JSON contract (UTF-8 text, non-ASCII kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edition:
        """Rebuild an edition from :meth:`to_dict` output, checking it on the way.

        Every field must have its documented type, and every offset must lie inside its
        text and slice it: ``source[start:end] == text`` for corrections,
        ``clean[start:end] == text`` for entities and dates, source offsets inside the
        source, and the applied corrections must rebuild the clean text. Fields added by
        later schema versions are ignored. Anything else raises
        :class:`EditionFormatError` (a ``ValueError``) naming the field.
        """
        return _EditionReader(data).edition()

    @classmethod
    def from_json(cls, text: str | bytes) -> Edition:
        """Inverse of :meth:`to_json`; raises :class:`EditionFormatError` on a bad edition."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as err:
            where, problem = "json", f"not JSON text ({err})"
            raise EditionFormatError(where, problem) from None
        return cls.from_dict(data)


class EditionFormatError(JsrNlpError, ValueError):
    """An edition JSON that does not follow ``jsr-nlp.edition/1``; names the field.

    Raised by :meth:`Edition.from_json` and :meth:`Edition.from_dict` for every kind of
    problem (not JSON, a missing field, a wrong type, an offset outside its text); it is
    a ``ValueError`` and a :class:`~jsr_nlp.errors.JsrNlpError`.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"not a valid jsr-nlp edition: {field}: {problem}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_CHECKS: dict[str, tuple[str, Any]] = {
    "str": ("a string", lambda v: isinstance(v, str)),
    "str | None": ("a string or null", lambda v: v is None or isinstance(v, str)),
    "int": ("an integer", _is_int),
    "float": ("a number", lambda v: _is_int(v) or isinstance(v, float)),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "Label": ("one of " + ", ".join(LABELS), lambda v: v in LABELS),
    "Category": ("one of " + ", ".join(CATEGORIES), lambda v: v in CATEGORIES),
    "TimexType": ("one of " + ", ".join(get_args(TimexType)), lambda v: v in get_args(TimexType)),
    "Action": ("one of " + ", ".join(get_args(Action)), lambda v: v in get_args(Action)),
    "SegmentStatus": (
        "one of " + ", ".join(get_args(SegmentStatus)),
        lambda v: v in get_args(SegmentStatus),
    ),
}


class _EditionReader:
    """Reads an edition dict field by field; every problem is an :class:`EditionFormatError`."""

    def __init__(self, data: object) -> None:
        self.data = data

    @staticmethod
    def _table(value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise EditionFormatError(where, f"expected an object, got {_kind(value)}")
        return value

    @staticmethod
    def _list(value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise EditionFormatError(where, f"expected a list, got {_kind(value)}")
        return value

    def _fields(
        self, cls: type[_T], value: object, where: str, skip: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """The dataclass's fields from a JSON object, each checked against its type."""
        table = self._table(value, where)
        out: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name in skip:
                continue
            name = f"{where}.{f.name}"
            if f.name not in table:
                if f.default is MISSING:
                    raise EditionFormatError(name, "missing")
                continue
            what, ok = _CHECKS[str(f.type)]
            if not ok(table[f.name]):
                raise EditionFormatError(name, f"expected {what}, got {_kind(table[f.name])}")
            out[f.name] = table[f.name]
        return out

    @staticmethod
    def _span(start: int, end: int, length: int, where: str, names: tuple[str, str]) -> None:
        """``0 <= start <= end <= length``, or an error naming the offending field."""
        first, second = f"{where}.{names[0]}", f"{where}.{names[1]}"
        if start < 0:
            raise EditionFormatError(first, f"{start} is negative")
        if end < start:
            raise EditionFormatError(second, f"{end} is before {names[0]} {start}")
        if end > length:
            raise EditionFormatError(second, f"{end} is past the end of the text ({length})")

    def _correction(self, value: object, where: str, source: str) -> Correction:
        table = self._table(value, where)
        body = self._fields(Correction, table, where, skip=("start", "end", "text", "stage"))
        span = self._fields(_SourceSpan, table.get("source"), f"{where}.source")
        stage = table.get("stage", "clean")
        if stage not in {str(s) for s in Stage}:
            field, problem = f"{where}.stage", "expected one of " + ", ".join(map(str, Stage))
            raise EditionFormatError(field, problem)
        self._span(span["start"], span["end"], len(source), f"{where}.source", ("start", "end"))
        if source[span["start"] : span["end"]] != span["text"]:
            field = f"{where}.source.text"
            raise EditionFormatError(field, "is not text.source[start:end]")
        return Correction(**body, **span, stage=Stage(stage))

    def _located(self, cls: type[_T], value: object, where: str, clean: str, source: str) -> _T:
        """An entity or a date, its offsets checked against both texts."""
        got = self._fields(cls, value, where)
        self._span(got["start"], got["end"], len(clean), where, ("start", "end"))
        if clean[got["start"] : got["end"]] != got["text"]:
            field = f"{where}.text"
            raise EditionFormatError(field, "is not text.clean[start:end]")
        ends = ("source_start", "source_end")
        self._span(got["source_start"], got["source_end"], len(source), where, ends)
        return cls(**got)

    def _translation(self, value: object, clean: str) -> Translation | None:
        if value is None:
            return None
        got = self._fields(Translation, value, "translation", skip=("segments",))
        segments = []
        raw = self._list(self._table(value, "translation").get("segments", []), "segments")
        for i, item in enumerate(raw):
            where = f"translation.segments[{i}]"
            seg = self._fields(Segment, item, where)
            self._span(seg["start"], seg["end"], len(clean), where, ("start", "end"))
            segments.append(Segment(**seg))
        return Translation(**got, segments=tuple(segments))

    def edition(self) -> Edition:
        data = self._table(self.data, "edition")
        if data.get("schema") != SCHEMA:
            field = "schema"
            problem = f"{data.get('schema')!r} is not {SCHEMA!r}: not a jsr-nlp edition"
            raise EditionFormatError(field, problem)
        texts = self._fields(_Texts, data.get("text"), "text")
        source, clean = texts["source"], texts["clean"]
        corrections = tuple(
            self._correction(c, f"corrections[{i}]", source)
            for i, c in enumerate(self._list(data.get("corrections"), "corrections"))
        )
        try:
            rebuilt = replay(source, corrections)
        except ValueError as err:
            field, problem = "corrections", str(err)
            raise EditionFormatError(field, problem) from None
        if rebuilt != clean:
            field = "corrections"
            problem = "the applied corrections do not turn text.source into text.clean"
            raise EditionFormatError(field, problem)
        warnings = self._list(data.get("warnings", []), "warnings")
        for i, w in enumerate(warnings):
            if not isinstance(w, str):
                field = f"warnings[{i}]"
                raise EditionFormatError(field, f"expected a string, got {_kind(w)}")
        return Edition(
            source=Source(**self._fields(Source, data.get("source"), "source")),
            pipeline=PipelineInfo(**self._fields(PipelineInfo, data.get("pipeline"), "pipeline")),
            source_text=source,
            clean_text=clean,
            corrections=corrections,
            entities=tuple(
                self._located(Entity, e, f"entities[{i}]", clean, source)
                for i, e in enumerate(self._list(data.get("entities"), "entities"))
            ),
            dates=tuple(
                self._located(DateExpr, d, f"dates[{i}]", clean, source)
                for i, d in enumerate(self._list(data.get("dates"), "dates"))
            ),
            translation=self._translation(data.get("translation"), clean),
            warnings=tuple(warnings),
        )


@dataclass(frozen=True, slots=True)
class _SourceSpan:
    """The ``source`` object of a correction in the JSON."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Texts:
    """The ``text`` object of the JSON."""

    source: str
    clean: str


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
