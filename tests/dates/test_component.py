"""The spaCy component: factory, config, extension, records, serialization."""

from __future__ import annotations

from dataclasses import asdict

import spacy
from dates_support import CONFIG
from spacy.tokens import Span

from jsr_nlp.analysis.dates.component import DateRecognizer, make_dates
from jsr_nlp.analysis.dates.value import TimexValue
from jsr_nlp.analysis.records import doc_dates, find_dates

TEXT = "En abril de 1941 se firmó el pacto; duró cuatro años."


def records(doc):
    """The edition's date records of ``doc`` (the production path)."""
    return [asdict(d) for d in doc_dates(doc)]


def test_factory_is_registered_and_importable() -> None:
    assert spacy.registry.factories.get("jsr_dates") is not None
    nlp = spacy.blank("es")
    assert isinstance(
        make_dates(nlp, "d", "dates", None, None, [], False, None, False), DateRecognizer
    )


def test_spans_and_extension() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"spans_key": "fechas", **CONFIG})
    doc = nlp(TEXT)
    spans = list(doc.spans["fechas"])
    assert [s.text for s in spans] == ["abril de 1941", "cuatro años"]
    assert [s.label_ for s in spans] == ["DATE", "DURATION"]
    assert isinstance(spans[0]._.jsr_date, TimexValue)
    assert Span.has_extension("jsr_date")
    assert find_dates(doc, "fechas") == sorted(spans, key=lambda s: s.start)


def test_records_have_exactly_the_edition_fields(nlp_blank) -> None:
    doc = nlp_blank(TEXT)
    [first, second] = records(doc)
    assert list(first) == [
        "start",
        "end",
        "text",
        "type",
        "value",
        "edtf",
        "earliest",
        "latest",
        "mod",
        "anchor",
        "source_start",
        "source_end",
    ]
    assert TEXT[first["start"] : first["end"]] == first["text"] == "abril de 1941"
    assert second["value"] == "P4Y"


def test_no_dates_gives_an_empty_group(nlp_blank) -> None:
    doc = nlp_blank("Nada que fechar aquí.")
    assert list(doc.spans["dates"]) == []
    assert records(doc) == []


def test_to_disk_and_back(tmp_path) -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"spans_key": "t", "document_date": "2020-01-02", **CONFIG})
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    pipe = again.get_pipe("jsr_dates")
    assert pipe.cfg["spans_key"] == "t" and pipe.cfg["document_date"] == "2020-01-02"
    doc = again("Hoy llueve.")
    assert [s.text for s in doc.spans["t"]] == ["Hoy"]


def test_to_bytes_round_trip() -> None:
    nlp = spacy.blank("es")
    pipe = nlp.add_pipe("jsr_dates", config={"spans_key": "x", "events": False})
    other = spacy.blank("es").add_pipe("jsr_dates")
    other.from_bytes(pipe.to_bytes())
    assert other.cfg == pipe.cfg


def test_locale_override() -> None:
    base = spacy.blank("es")
    base.add_pipe("jsr_dates", config={"events": False})
    peru = spacy.blank("es")
    peru.add_pipe("jsr_dates", config={"events": False, "locale": "es-PE"})
    text = "El 28 de setiembre de 1941 se reunieron."
    doc_base, doc_peru = base(text), peru(text)
    assert [s.text for s in doc_base.spans["dates"]] == ["1941"]
    assert [s._.jsr_date.value for s in doc_peru.spans["dates"]] == ["1941-09-28"]


def test_validate_edtf_option() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"validate_edtf": True, "events": False})
    doc = nlp("a finales de 1941")
    assert [s._.jsr_date.edtf for s in doc.spans["dates"]] == ["1941-09/1941-12"]


def test_pipe_streams(nlp_blank) -> None:
    docs = list(nlp_blank.pipe(["en 1941", "en 1942"], batch_size=2))
    assert [d.spans["dates"][0]._.jsr_date.value for d in docs] == ["1941", "1942"]
