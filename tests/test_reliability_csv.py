"""Issue 13, item 7: no CSV cell the tool writes can run as a spreadsheet formula.

Every CSV writer (``process -f csv``, ``--combined``, ``entities -f csv``, ``dates -f csv``)
puts a ``'`` before a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return (OWASP, "CSV injection"); numbers stay numbers, and this package's own
reader gives the original text back. The formula arrives the way it would in practice: in
the name of an input file, which every row carries in its ``file`` column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from jsr_nlp.cli import app
from jsr_nlp.cli.dates import render_dates
from jsr_nlp.cli.entities import render_entities
from jsr_nlp.exporters.as_csv import format_cell, parse_csv, read_csv

TEXT = "El Ejér-\ncito Rojo entró en Manchuria el 9 de agosto de 1945 y Stalin habló con Japón.\n"
#: File names a spreadsheet would read as formulas (the ``-`` one is passed after ``--``).
NAMES = ["=HYPERLINK(1+1).txt", "+SUM(1).txt", "@SUM(1).txt", "-2+3.txt"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _dangerous(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would evaluate: starting with a trigger and not a number."""
    bad = []
    for row in rows:
        for cell in row:
            if cell[:1] in TRIGGERS:
                try:
                    float(cell)
                except ValueError:
                    bad.append(cell)
    return bad


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        Path(name).write_text(TEXT, "utf-8")
    return NAMES


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_process_csv_and_combined_tables_neutralise_formulas(inputs, tmp_path):
    result = _run("process", "-f", "csv", "--combined", "--out", "o", "-q", "--", *inputs)
    assert result.exit_code == 0, result.output
    tables = sorted((tmp_path / "o").glob("*.csv"))
    assert len(tables) == 3 * len(inputs) + 3
    for table in tables:
        text = table.read_text("utf-8")
        rows = _cells(text)
        assert len(rows) > 1, table
        assert _dangerous(rows) == [], table
        # the name is still there, behind the mark, and numbers are bare numbers
        names = {row[0] for row in rows[1:]}
        assert names <= {"'" + n for n in inputs}, names
    entities = read_csv(tmp_path / "o" / "entities.csv")
    assert {r["file"] for r in entities} == set(inputs)  # the reader takes the mark off
    assert all(isinstance(r["start"], int) for r in entities)


@pytest.mark.parametrize("command", ["entities", "dates"])
def test_listing_csv_neutralises_formulas(inputs, command):
    result = _run(command, "-f", "csv", "--", *inputs)
    assert result.exit_code == 0, result.output
    rows = _cells(result.stdout)
    assert len(rows) > len(inputs)
    assert _dangerous(rows) == []
    header = rows[0]
    files = {row[header.index("file")] for row in rows[1:]}
    assert files == {"'" + n for n in inputs}
    starts = [row[header.index("start")] for row in rows[1:]]
    assert all(s.isdigit() for s in starts)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x"])
def test_text_cells_get_a_quote_and_read_back_unchanged(value):
    cell = format_cell(value)
    assert cell.startswith("\"'")
    ((parsed, quoted),) = parse_csv(cell + "\r\n")[0]
    assert quoted and parsed == value


@pytest.mark.parametrize("value", ["Stalin", "'Tis", "", "1945", "—Stalin", "a=b"])
def test_harmless_text_is_left_alone(value):
    assert format_cell(value) == '"' + value.replace('"', '""') + '"'


def test_numbers_stay_numbers():
    assert [format_cell(v) for v in (-3, -0.5, 12)] == ["-3", "-0.5", "12"]
    rows = [
        {"file": "=a.txt", "start": -1, "end": 4, "text": "-Stalin", "label": "PER"},
    ]
    for render in (render_entities, render_dates):
        out = Console(file=io.StringIO(), width=200)
        render(rows, "csv", out)
        (header, row) = _cells(out.file.getvalue())
        cells = dict(zip(header, row, strict=True))
        assert cells["start"] == "-1" and cells["end"] == "4"
        assert cells["file"] == "'=a.txt" and cells["text"] == "'-Stalin"
