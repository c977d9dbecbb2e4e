"""What a matched expression says, before it is resolved against the document.

Readers (:mod:`jsr_nlp.analysis.dates.read`) turn tokens into these specs; composition
(:mod:`jsr_nlp.analysis.dates.compose`) joins and extends them; resolution
(:mod:`jsr_nlp.analysis.dates.resolve`) turns them into
:class:`~jsr_nlp.analysis.dates.value.TimexValue`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from jsr_nlp.analysis.dates.vocab import Unit


@dataclass(frozen=True)
class PointSpec:
    """A calendar point or period as written: any of its parts may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: int | None = None  # first three digits: 193 = the 1930s
    decade_tens: int | None = None  # 'los años 30' before the century is known: 3
    century: int | None = None  # TIMEX3 digits: 19 = 1900-1999 ('siglo XX')
    partition: tuple[int, str] | None = None  # (ordinal, noun): 'el primer trimestre' = (1, …)
    daypart: str | None = None  # TIMEX3 part of day: MO, AF, EV, NI
    hour: int | None = None
    minute: int | None = None

    def merged(self, other: PointSpec) -> PointSpec:
        """This spec with the empty fields filled from ``other``."""
        values = {k: v if v is not None else getattr(other, k) for k, v in self.__dict__.items()}
        return replace(self, **values)

    @property
    def has_calendar(self) -> bool:
        """Does it name any calendar part (not only a time of day or a partition)?"""
        return (
            any(
                v is not None
                for v in (
                    self.year,
                    self.month,
                    self.day,
                    self.season,
                    self.decade,
                    self.decade_tens,
                )
            )
            or self.century is not None
            or self.weekday is not None
        )


@dataclass(frozen=True)
class RangeSpec:
    """'del 9 al 20 de agosto de 1945': two points, the right one lends its parts."""

    left: PointSpec
    right: PointSpec


@dataclass(frozen=True)
class DurationSpec:
    """'tres meses y medio': an amount (None for 'varios') of a unit."""

    amount: float | None
    unit: Unit


@dataclass(frozen=True)
class DeixisSpec:
    """'ese mismo mes', 'al año siguiente', 'esa noche', 'la víspera', 'en ese momento'."""

    noun: str  # unit | season | daypart | reference | word
    step: int = 0
    unit_step: str | None = None
    season: str | None = None
    daypart: str | None = None


@dataclass(frozen=True)
class SetSpec:
    """A recurrence: 'cada año' (P1Y), 'los domingos' (XXXX-WXX-7)."""

    value: str


@dataclass(frozen=True)
class NowSpec:
    """'hoy', 'en la actualidad', 'en el pasado'."""

    value: str


@dataclass(frozen=True)
class EventRef:
    """A mention of a dated gazetteer entry."""

    id: str
    date: str
    start: int
    end: int


@dataclass(frozen=True)
class OffsetSpec:
    """A duration before or after a reference: 'dos días después', 'tres meses después de X'."""

    duration: DurationSpec
    direction: int  # +1 after, -1 before
    event: EventRef | None = None
    point: object | None = None  # an Expr this offset is counted from ('dos años antes de 1941')
    writing_time: bool = False  # 'hace dos años': from the time of writing


@dataclass(frozen=True)
class EventSpec:
    """'después de Pearl Harbor', 'tras el inicio de la Operación Barbarroja'."""

    event: EventRef
    part: str | None = None  # START or END of the event


Spec = (
    PointSpec | RangeSpec | DurationSpec | DeixisSpec | SetSpec | NowSpec | OffsetSpec | EventSpec
)


@dataclass
class Expr:
    """One time expression being built: token span, spec, and mods inner → outer."""

    start: int
    end: int
    spec: Spec
    kind: str
    standalone: bool = True
    mods: list[str] = field(default_factory=list)
    counted: bool = False  # a bare year followed by a count noun: dropped unless in a range
    year_from: DeixisSpec | None = None  # 'el 20 de enero de ese año': the year is relative
