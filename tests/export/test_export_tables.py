"""CSV and JSONL tables: every contract field, exact round-trip, combined run tables."""

from __future__ import annotations

import csv

import pytest
from export_fixtures import random_editions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jsr_nlp.exporters import CombinedTables, export_edition
from jsr_nlp.exporters.as_csv import (
    COLUMNS,
    format_csv_row,
    parse_csv,
    read_csv,
    read_jsonl,
    table_rows,
)


def test_tables_have_file_offsets_and_every_contract_field(edition, tmp_path):
    paths = export_edition(edition, tmp_path, "informe", ["csv"])
    assert [p.name for p in paths] == [
        "informe.corrections.csv",
        "informe.entities.csv",
        "informe.dates.csv",
    ]
    rows = read_csv(paths[0])
    assert len(rows) == len(edition.corrections)
    for row, c in zip(rows, edition.corrections, strict=True):
        data = c.to_dict()
        assert row["file"] == "textos/informe.txt"
        assert (row["start"], row["end"], row["text"]) == (
            data["source"]["start"],
            data["source"]["end"],
            data["source"]["text"],
        )
        for key in (
            "id",
            "rule",
            "category",
            "action",
            "stage",
            "replacement",
            "confidence",
            "note",
        ):
            assert row[key] == data[key], key
        # clean offsets locate the replacement (applied) or the flagged text (suggested)
        shown = c.replacement if c.action == "applied" else c.text
        assert edition.clean_text[row["clean_start"] : row["clean_end"]] == shown
    entities = read_csv(paths[1])
    assert [(r["start"], r["end"], r["text"], r["id"], r["wikidata"]) for r in entities] == [
        (e.start, e.end, e.text, e.id, e.wikidata) for e in edition.entities
    ]
    dates = read_csv(paths[2])
    assert [r["value"] for r in dates] == [d.value for d in edition.dates]
    assert dates[0]["mod"] is None  # null stays null


def test_null_and_empty_string_stay_apart(edition, tmp_path):
    (path, *_) = export_edition(edition, tmp_path, "informe", ["csv"])
    rows = {r["id"]: r for r in read_csv(path)}
    assert rows["c3"]["replacement"] == ""  # a deletion
    assert rows["c6"]["replacement"] is None  # a flag with nothing proposed


def test_any_csv_reader_reads_the_tables(edition, tmp_path):
    (path, *_) = export_edition(edition, tmp_path, "informe", ["csv"])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == [c.text for c in edition.corrections]
    assert list(rows[0]) == list(COLUMNS["corrections"])


def test_jsonl_tables_match_the_csv_ones(edition, tmp_path):
    csv_paths = export_edition(edition, tmp_path, "informe", ["csv"])
    jsonl_paths = export_edition(edition, tmp_path, "informe", ["jsonl"])
    for c, j in zip(csv_paths, jsonl_paths, strict=True):
        assert read_csv(c) == read_jsonl(j)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_combined_tables_for_a_run(edition, edition_no_translation, tmp_path, fmt):
    reader = read_csv if fmt == "csv" else read_jsonl
    with CombinedTables(tmp_path, fmt) as tables:
        tables.add(edition, "a.txt")
        assert not (tmp_path / f"corrections.{fmt}").exists()  # nothing visible until close
        tables.add(edition_no_translation, "b.txt")
    rows = reader(tmp_path / f"corrections.{fmt}")
    assert [r["file"] for r in rows] == ["a.txt"] * 7 + ["b.txt"] * 7
    assert len(reader(tmp_path / f"entities.{fmt}")) == 2 * len(edition.entities)
    assert tables.counts == {"corrections": 14, "entities": 10, "dates": 4}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{t}.{fmt}" for t in ("corrections", "entities", "dates")
    )


def test_combined_tables_discarded_on_error(edition, tmp_path):
    def interrupted() -> None:
        with CombinedTables(tmp_path, "csv") as tables:
            tables.add(edition, "a.txt")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert list(tmp_path.iterdir()) == []


cells = st.one_of(
    st.none(),
    st.text(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=5))
def test_csv_cells_round_trip(rows):
    text = "".join(format_csv_row(r) for r in rows)
    parsed = parse_csv(text)
    assert len(parsed) == len(rows)
    for got, want in zip(parsed, rows, strict=True):
        assert len(got) == len(want)
        for (value, quoted), original in zip(got, want, strict=True):
            if original is None:
                assert (value, quoted) == ("", False)
            elif isinstance(original, str):
                assert quoted
                assert value == _no_surrogates(original)
            else:
                assert not quoted and type(original)(value) == original


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(random_editions())
def test_tables_round_trip_for_any_edition(tmp_path, ed):
    for fmt, reader in (("csv", read_csv), ("jsonl", read_jsonl)):
        paths = export_edition(ed, tmp_path, "x", [fmt])
        written = table_rows(ed, ed.source.path or "x")
        for table, path in zip(("corrections", "entities", "dates"), paths, strict=True):
            expected = (
                [{k: _no_surrogates(v) for k, v in row.items()} for row in written[table]]
                if fmt == "csv"
                else written[table]
            )
            assert reader(path) == expected


def _no_surrogates(value):
    if isinstance(value, str):
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)
    return value
