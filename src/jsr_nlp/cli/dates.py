"""Rendering of ``jsr-nlp dates``: every time expression of the given files.

The table is sorted by ``earliest`` (expressions without bounds — durations, sets,
unresolved dates — come last, in file order), so a historian reads the texts' chronology
top to bottom. CSV and JSON Lines give one row per expression with every field, in file
order, exactly as ``process`` writes ``<stem>.dates.csv``
(:func:`~jsr_nlp.exporters.as_csv.render_table`).

>>> from rich.console import Console
>>> import io
>>> out = io.StringIO()
>>> rows = [{"file": "a.txt", "start": 0, "end": 4, "text": "1945", "type": "DATE",
...          "value": "1945", "edtf": "1945", "earliest": "1945-01-01",
...          "latest": "1945-12-31", "mod": None, "anchor": None}]
>>> render_dates(rows, "jsonl", Console(file=out))
>>> out.getvalue().startswith('{"file": "a.txt"')
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from jsr_nlp.cli.options import ListingFormat
from jsr_nlp.exporters.as_csv import DATE_COLUMNS, TABLE_FORMATS, render_table


def sort_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chronological: by earliest (then latest); rows without bounds last, in input order.

    An open start ('antes de 1940': earliest None, latest 1939-12-31) sorts by its latest.
    """

    def key(item: tuple[int, dict[str, Any]]) -> tuple[int, str, str, int]:
        i, row = item
        first = row.get("earliest") or row.get("latest")
        if first is None:
            return (1, "", "", i)
        return (0, first, row.get("latest") or "9999-12-31", i)

    return [row for _, row in sorted(enumerate(rows), key=key)]


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns of ``process``'s dates table; extra keys of the rows follow, sorted."""
    extra = sorted({k for row in rows for k in row} - set(DATE_COLUMNS))
    return [*DATE_COLUMNS, *extra]


def render_dates(rows: Sequence[dict[str, Any]], fmt: ListingFormat, console: Console) -> None:
    """Print date records (each with a ``file`` key) as a rich table, CSV or JSON Lines.

    The table is sorted by ``earliest``; CSV and JSON Lines keep the input order.
    """
    if fmt in TABLE_FORMATS:
        console.file.write(render_table(rows, _columns(rows), fmt))
        return
    table = Table(title="Time expressions", show_lines=False)
    for name, style in (
        ("earliest", "cyan"),
        ("latest", "cyan"),
        ("text", "bold"),
        ("type", ""),
        ("value", "green"),
        ("mod", "magenta"),
        ("anchor", "dim"),
        ("file", "dim"),
    ):
        table.add_column(name, style=style or None, overflow="fold")
    for row in sort_rows(rows):
        table.add_row(
            *(
                "" if row.get(c) is None else str(row.get(c))
                for c in ("earliest", "latest", "text", "type", "value", "mod", "anchor", "file")
            )
        )
    console.print(table)
