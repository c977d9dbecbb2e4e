"""The typed values that flow between stages, and the JSON edition contract.

Every stage takes and returns these plain frozen dataclasses; exporters read an
:class:`Edition` and nothing else. ``Edition.to_dict()`` produces exactly the
``jsr-nlp.edition/1`` JSON described in ``DESIGN.md``; ``Edition.from_dict()``
reads it back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any, Literal, TypeVar

SCHEMA = "jsr-nlp.edition/1"
_T = TypeVar("_T")

Action = Literal["applied", "suggested"]
Label = Literal["PER", "LOC", "ORG", "MISC"]
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
    category: str
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
        """Rebuild an edition from :meth:`to_dict` output."""
        if data.get("schema") != SCHEMA:
            msg = f"not a jsr-nlp edition (schema {data.get('schema')!r}, expected {SCHEMA!r})"
            raise ValueError(msg)
        tr = data.get("translation")
        translation = None
        if tr is not None:
            segments = tuple(Segment(**s) for s in tr.get("segments", []))
            translation = Translation(**{**tr, "segments": segments})
        return cls(
            source=Source(**data["source"]),
            pipeline=PipelineInfo(**data["pipeline"]),
            source_text=data["text"]["source"],
            clean_text=data["text"]["clean"],
            corrections=tuple(Correction.from_dict(c) for c in data["corrections"]),
            entities=tuple(_build(Entity, e) for e in data["entities"]),
            dates=tuple(_build(DateExpr, d) for d in data["dates"]),
            translation=translation,
            warnings=tuple(data.get("warnings", [])),
        )

    @classmethod
    def from_json(cls, text: str) -> Edition:
        """Inverse of :meth:`to_json`."""
        return cls.from_dict(json.loads(text))


def _build(cls: type[_T], data: dict[str, Any]) -> _T:
    """Build a dataclass from a dict, ignoring fields added by later schema versions."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})
