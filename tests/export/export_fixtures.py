"""Editions for the exporter tests, built by hand with the real audit trail.

Imported by ``conftest.py`` (fixtures) and by the tests (hypothesis strategies).

``build_edition`` keeps the offset rule honest: edits go through
:class:`jsr_nlp.audit.EditLog`, entities and dates are located in the clean
text and mapped back to the source with the log's alignment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from jsr_nlp.audit import Edit, EditLog
from jsr_nlp.model import (
    DateExpr,
    Edition,
    Entity,
    PipelineInfo,
    Segment,
    Source,
    Stage,
    Translation,
)

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schema" / "tei_all.rng"
ARTIFACTS = HERE.parents[1] / "tests" / "artifacts"

SYNTHETIC_SOURCE = (
    "Informe sobre Zukhovs y la URSSy Japón.\n"
    "\n"
    "En abril de 1941 se firmó el el Pacto de neutralidad. . El ejército japones fue "
    "derrotado a finales de los años 30 en Khalkhin Gol.\n"
    "\n"
    "Nota final: R&D <b>negrita</b> y marca RTL \u200f aquí\x07 fin"
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans of a text (what a translator would send one by one)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?\n]*[.!?]*", text)]


def build_edition(
    source: str,
    edits: Sequence[Edit] = (),
    suggestions: Sequence[Edit] = (),
    entities: Sequence[tuple[tuple[int, int], dict[str, Any]]] = (),
    dates: Sequence[tuple[tuple[int, int], dict[str, Any]]] = (),
    translate: Callable[[str], str] | None = None,
    failed: frozenset[int] = frozenset(),
    path: str | None = "textos/informe.txt",
    warnings: Sequence[str] = (),
) -> Edition:
    """An edition of ``source``: ``edits`` applied, ``suggestions`` recorded (both as
    spans of the text at that point), entities and dates given as clean-text spans."""
    log = EditLog(source)
    log.apply(edits, Stage.CLEAN)
    log.suggest(suggestions, Stage.CORRECT)
    clean = log.text
    align = log.alignment()
    ents = []
    for (start, end), fields in entities:
        s, e = align.to_source(start, end)
        ents.append(
            Entity(
                start=start,
                end=end,
                text=clean[start:end],
                label=fields.get("label", "MISC"),
                kind=fields.get("kind"),
                id=fields.get("id"),
                canonical=fields.get("canonical"),
                wikidata=fields.get("wikidata"),
                source_start=s,
                source_end=e,
                english=fields.get("english"),
            )
        )
    dts = []
    for (start, end), fields in dates:
        s, e = align.to_source(start, end)
        dts.append(
            DateExpr(
                start=start,
                end=end,
                text=clean[start:end],
                type=fields.get("type", "DATE"),
                value=fields.get("value", "XXXX"),
                edtf=fields.get("edtf"),
                earliest=fields.get("earliest"),
                latest=fields.get("latest"),
                mod=fields.get("mod"),
                anchor=fields.get("anchor"),
                source_start=s,
                source_end=e,
            )
        )
    translation = None
    if translate is not None:
        segments = tuple(
            Segment(
                start=a,
                end=b,
                source=clean[a:b],
                target=clean[a:b] if i in failed else translate(clean[a:b]),
                status="failed" if i in failed else "translated",
            )
            for i, (a, b) in enumerate(sentence_spans(clean))
        )
        translation = Translation(
            target="en",
            provider="fake",
            complete=not failed,
            text=" ".join(s.target for s in segments),
            segments=segments,
        )
    return Edition(
        source=Source(
            path=path,
            sha256="0" * 64,
            encoding="utf-8",
            language="es",
            chars=len(source),
        ),
        pipeline=PipelineInfo(name="test", jsr_nlp_version="0.1.0", spacy_model=None),
        source_text=source,
        clean_text=clean,
        corrections=tuple(log.corrections),
        entities=tuple(ents),
        dates=tuple(dts),
        translation=translation,
        warnings=tuple(warnings),
    )


def synthetic_edition(*, translated: bool = True) -> Edition:
    """A small edition with every kind of annotation, hazards included (&, <, RTL, BEL)."""
    src = SYNTHETIC_SOURCE
    edits = [
        Edit(*_span(src, "Zukhovs"), "Zhukov", "names.fuzzy", "name", "variante de Zhúkov", 0.8),
        Edit(*_span(src, "URSSy"), "URSS y", "clean.missing-space", "spacing", "", 0.95),
        Edit(*_span(src, "el "), "", "clean.duplicated-word", "duplication", "palabra repetida"),
        Edit(*_span(src, ". ."), ".", "clean.doubled-punctuation", "punctuation"),
        Edit(len(src), len(src), ".", "clean.final-period", "punctuation", "punto final", 0.6),
    ]
    log = EditLog(src)
    log.apply(edits)
    clean = log.text
    suggestions = [
        Edit(
            *_span(clean, "japones"), "japonés", "ortho.accent", "spelling", "¿falta la tilde?", 0.5
        ),
        Edit(*_span(clean, "R&D"), None, "review.acronym", "garbled", "sigla sin explicar", 0.3),
    ]

    def ent(needle: str, nth: int = 0, **fields: Any) -> tuple[tuple[int, int], dict[str, Any]]:
        return _span(clean, needle, nth), fields

    entities = [
        ent(
            "Zhukov",
            label="PER",
            kind="person",
            id="zhukov",
            canonical="Gueorgui Zhúkov",
            wikidata="Q124617",
            english="Georgy Zhukov",
        ),
        ent(
            "URSS",
            label="LOC",
            kind="state",
            id="urss",
            canonical="Unión Soviética",
            wikidata="Q15180",
        ),
        ent("Japón", label="LOC", kind="state", id="japon", canonical="Japón", wikidata="Q17"),
        ent(
            "Pacto de neutralidad",
            label="MISC",
            kind="treaty",
            id="pacto-neutralidad",
            canonical="Pacto de neutralidad soviético-japonés",
            wikidata="Q862405",
        ),
        ent("Khalkhin Gol", label="LOC", kind="battle", id="khalkhin-gol", canonical=None),
    ]
    dates = [
        ent(
            "abril de 1941",
            type="DATE",
            value="1941-04",
            edtf="1941-04",
            earliest="1941-04-01",
            latest="1941-04-30",
        ),
        ent(
            "a finales de los años 30",
            type="DATE",
            value="193X",
            edtf="1937/1939",
            earliest="1937-01-01",
            latest="1939-12-31",
            mod="END",
        ),
    ]
    return build_edition(
        src,
        edits,
        suggestions,
        entities,
        dates,
        translate=(lambda s: f"[en] {s}") if translated else None,
        failed=frozenset({3}) if translated else frozenset(),
        warnings=("translation: 1 segment failed",) if translated else (),
    )


@st.composite
def random_editions(draw):
    source = draw(st.text(max_size=120))
    n = len(source)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    prev = -1
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a <= prev:
            continue
        edits.append(Edit(a, b, draw(st.text(max_size=6)), draw(st.text(max_size=10)), "x"))
        prev = b
    ed = build_edition(source, edits)
    m = len(ed.clean_text)
    spans = sorted(draw(st.lists(st.tuples(st.integers(0, m), st.integers(0, m)), max_size=6)))
    spans = [(a, b) for a, b in spans if a < b]
    entities = [
        (
            s,
            {
                "label": draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"])),
                "kind": draw(st.text(max_size=5)),
                "id": draw(st.text(max_size=5)),
                "wikidata": draw(st.sampled_from([None, "Q1", "nonsense <&>"])),
            },
        )
        for s in spans[::2]
    ]
    dates = [
        (s, {"value": draw(st.text(max_size=8)), "earliest": draw(st.text(max_size=10))})
        for s in spans[1::2]
    ]
    sugg = []
    if m and draw(st.booleans()):
        a = draw(st.integers(0, m))
        sugg.append(
            Edit(
                a,
                min(m, a + 2),
                draw(st.none() | st.text(max_size=4)),
                draw(st.text(max_size=6)),
                draw(st.text(max_size=6)),
                draw(st.text(max_size=6)),
            )
        )
    return build_edition(
        source,
        edits,
        sugg,
        entities,
        dates,
        translate=(lambda s: s[::-1]) if draw(st.booleans()) else None,
        path=draw(st.none() | st.text(max_size=10)),
        warnings=draw(st.lists(st.text(max_size=10), max_size=2)),
    )
