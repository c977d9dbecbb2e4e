"""``render_entities``: the table groups by identity, CSV and JSON Lines give every mention."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from jsr_nlp.cli.entities import group_identities, render_entities

ROWS = [
    {
        "file": "a.txt",
        "start": 0,
        "end": 6,
        "text": "Zhukov",
        "label": "PER",
        "kind": "person",
        "id": "per.zhukov",
        "canonical": "Gueorgui Zhúkov",
        "wikidata": "Q124617",
        "english": "Georgy Zhukov",
    },
    {
        "file": "a.txt",
        "start": 20,
        "end": 33,
        "text": "Georgi Zhukov",
        "label": "PER",
        "kind": "person",
        "id": "per.zhukov",
        "canonical": "Gueorgui Zhúkov",
        "wikidata": "Q124617",
        "english": "Georgy Zhukov",
    },
    {
        "file": "b.txt",
        "start": 5,
        "end": 11,
        "text": "Zhukov",
        "label": "PER",
        "kind": "person",
        "id": "per.zhukov",
        "canonical": "Gueorgui Zhúkov",
        "wikidata": "Q124617",
        "english": "Georgy Zhukov",
    },
    {
        "file": "b.txt",
        "start": 40,
        "end": 50,
        "text": "Alvin Coox",
        "label": "PER",
        "kind": None,
        "id": None,
        "canonical": None,
        "wikidata": None,
        "english": None,
    },
]


def console() -> Console:
    return Console(file=io.StringIO(), width=200, color_system=None)


def test_identities_count_mentions_and_variants():
    groups = group_identities(ROWS)
    assert [(g.id, g.mentions, dict(g.variants)) for g in groups] == [
        ("per.zhukov", 3, {"Zhukov": 2, "Georgi Zhukov": 1}),
        (None, 1, {"Alvin Coox": 1}),
    ]


def test_table_shows_one_line_per_identity():
    out = console()
    render_entities(ROWS, "table", out)
    text = out.file.getvalue()
    assert "4 mentions of 2 identities in 2 files" in text
    assert "Gueorgui Zhúkov" in text and "Zhukov ×2, Georgi Zhukov" in text
    assert text.count("per.zhukov") == 1
    assert "Alvin Coox" in text


def test_csv_has_one_row_per_mention():
    out = console()
    render_entities(ROWS, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.file.getvalue())))
    assert len(rows) == 4
    assert rows[0]["file"] == "a.txt" and rows[0]["id"] == "per.zhukov"
    assert rows[3]["id"] == "" and rows[3]["text"] == "Alvin Coox"


def test_jsonl_keeps_nulls_and_accents():
    out = console()
    render_entities(ROWS, "jsonl", out)
    lines = out.file.getvalue().splitlines()
    assert [json.loads(line)["text"] for line in lines] == [r["text"] for r in ROWS]
    assert json.loads(lines[3])["id"] is None
    assert "Zhúkov" in lines[0]


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="table, csv or jsonl"):
        render_entities(ROWS, "xml", console())  # type: ignore[arg-type]
