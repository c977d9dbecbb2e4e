"""The renderer behind ``jsr-nlp dates``: table sorted by earliest, CSV, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from rich.console import Console

from jsr_nlp.analysis.records import doc_dates
from jsr_nlp.cli.dates import render_dates


def records(doc):
    """The edition's date records of ``doc`` (the production path)."""
    return [asdict(d) for d in doc_dates(doc)]


def rows_of(nlp, text: str, name: str) -> list[dict]:
    return [{**r, "file": name} for r in records(nlp(text))]


def test_formats(nlp_blank) -> None:
    rows = rows_of(nlp_blank, "En 1945 terminó; en 1904 empezó; duró cuarenta años.", "a.txt")
    out = io.StringIO()
    render_dates(rows, "jsonl", Console(file=out))
    assert [json.loads(line)["text"] for line in out.getvalue().splitlines()] == [
        "1945",
        "1904",
        "cuarenta años",
    ]
    out = io.StringIO()
    render_dates(rows, "csv", Console(file=out))
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert parsed[0]["file"] == "a.txt" and parsed[2]["edtf"] == ""
    out = io.StringIO()
    render_dates(rows, "table", Console(file=out, width=160))
    table = out.getvalue()
    assert table.index("1904") < table.index("1945") < table.index("cuarenta años")
