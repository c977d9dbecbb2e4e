"""``jsr-nlp entities`` and ``jsr-nlp dates`` write the tables ``process`` writes: one writer.

For the same input, ``entities -f csv`` prints exactly the bytes of ``process -f csv``'s
``<stem>.entities.csv`` (quoted text, CRLF, formulas neutralised), and likewise for dates
and for JSON Lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsr_nlp.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "japon-urss-segunda-guerra-mundial.txt"


def run(*args: str):
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    run("process", str(SAMPLE), "--out", str(out), "-f", "csv,jsonl", "-q")
    return out


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("layer", ["entities", "dates"])
def test_the_listing_is_the_process_table_byte_for_byte(tables, layer, fmt):
    table = (tables / f"{SAMPLE.stem}.{layer}.{fmt}").read_bytes()
    assert table.count(b"\n") > 3  # a header (CSV) and rows: not two empty outputs
    assert run(layer, str(SAMPLE), "-f", fmt).stdout_bytes == table
