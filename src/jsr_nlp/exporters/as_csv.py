"""Tables for spreadsheets and notebooks: corrections, entities and dates, as CSV or JSONL.

Each edition gives three tables (``<stem>.corrections.csv``, ``<stem>.entities.csv``,
``<stem>.dates.csv``, or the same with ``.jsonl``). Every row starts with the
``file`` it comes from, so the per-file tables of a whole run can be
concatenated, and :class:`CombinedTables` writes one table of each for a run,
streaming, renamed into place at :meth:`CombinedTables.close`.

The CSV dialect is RFC 4180 (comma, ``"`` quoting, CRLF rows, UTF-8 without
BOM) with one convention that keeps *null* apart from the *empty string*: every
text value is quoted, numbers are not, and a missing value is an empty,
unquoted cell. So a deletion (``replacement`` ``""``) and a suggestion with
nothing to propose (``replacement`` null) stay distinct, and :func:`read_csv`
gives back exactly the values written. Any CSV reader still reads the file.

A text cell that a spreadsheet would take for a formula (it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading ``'`` (OWASP, "CSV
injection"): :func:`neutralise_formula`, used by every CSV writer of the package, also
``jsr-nlp entities`` and ``jsr-nlp dates``. Numbers are never marked, and
:func:`parse_csv` takes the mark off again.

>>> cells = [format_cell(v) for v in ("Zhúkov", None, "", 3, 0.9, "=1+1", -2)]
>>> print(",".join(cells))
"Zhúkov",,"",3,0.9,"'=1+1",-2
>>> parse_csv(",".join(cells) + "\\r\\n")[0][5:]
[('=1+1', True), ('-2', False)]
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import asdict, fields
from pathlib import Path
from typing import IO, Any, Literal, get_args

from jsr_nlp.atomic import atomic_open, atomic_write_text, replace_surrogates
from jsr_nlp.audit import Alignment
from jsr_nlp.model import DateExpr, Edition, Entity

TableFormat = Literal["csv", "jsonl"]
#: The formats whose exporter writes these tables (also the formats of ``--combined``).
TABLE_FORMATS: tuple[TableFormat, ...] = get_args(TableFormat)
TABLES: tuple[str, ...] = ("corrections", "entities", "dates")

CORRECTION_COLUMNS: tuple[str, ...] = (
    "file",
    "id",
    "rule",
    "category",
    "action",
    "stage",
    "start",
    "end",
    "text",
    "replacement",
    "confidence",
    "note",
    "clean_start",
    "clean_end",
)
ENTITY_COLUMNS: tuple[str, ...] = ("file", *(f.name for f in fields(Entity)))
DATE_COLUMNS: tuple[str, ...] = ("file", *(f.name for f in fields(DateExpr)))
COLUMNS: dict[str, tuple[str, ...]] = {
    "corrections": CORRECTION_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "dates": DATE_COLUMNS,
}
INT_COLUMNS = frozenset({"start", "end", "clean_start", "clean_end", "source_start", "source_end"})
FLOAT_COLUMNS = frozenset({"confidence"})
_LINE_ENDS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(text: str) -> bool:
    """Starts like a formula, possibly behind ``'`` marks (so the marking is reversible)."""
    return text.lstrip("'")[:1] in FORMULA_START and text.lstrip("'") != ""


def neutralise_formula(text: str) -> str:
    """A text cell no spreadsheet runs as a formula: ``'`` before one that starts like one.

    Text already starting with ``'`` before such a character gets one more, so
    :func:`restore_formula` can always take exactly one off.

    >>> [neutralise_formula(t) for t in ("=1+1", "-x", "@A1", "Stalin", "'=x", "")]
    ["'=1+1", "'-x", "'@A1", 'Stalin', "''=x", '']
    """
    return "'" + text if _formula_like(text) else text


def restore_formula(text: str) -> str:
    """The text :func:`neutralise_formula` was given.

    >>> [restore_formula(neutralise_formula(t)) for t in ("=1+1", "'=x", "'Tis")]
    ['=1+1', "'=x", "'Tis"]
    """
    return text[1:] if text.startswith("'") and _formula_like(text) else text


def table_rows(edition: Edition, file_label: str) -> dict[str, list[dict[str, Any]]]:
    """The three tables of one edition, as rows keyed by column name.

    Corrections carry their source offsets (``start``/``end``, as in the JSON
    contract) and, for convenience, where they sit in the clean text.
    """
    offsets = Alignment.of(edition)
    corrections = []
    for c in edition.corrections:
        if c.action == "applied":
            clean_start, clean_end = offsets.clean_span(c)
        else:
            clean_start, clean_end = offsets.suggestion_clean_span(c)
        data = c.to_dict()
        corrections.append(
            {
                "file": file_label,
                **{k: data[k] for k in ("id", "rule", "category", "action", "stage")},
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "replacement": c.replacement,
                "confidence": data["confidence"],
                "note": c.note,
                "clean_start": clean_start,
                "clean_end": clean_end,
            }
        )
    return {
        "corrections": corrections,
        "entities": [{"file": file_label, **asdict(e)} for e in edition.entities],
        "dates": [{"file": file_label, **asdict(d)} for d in edition.dates],
    }


def format_cell(value: Any) -> str:
    """One CSV cell: text always quoted (and never a formula), numbers bare, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = neutralise_formula(replace_surrogates(str(value)))
    return '"' + text.replace('"', '""') + '"'


def format_csv_row(values: Sequence[Any]) -> str:
    """A CSV row, CRLF-terminated."""
    return ",".join(format_cell(v) for v in values) + "\r\n"


def format_jsonl_row(row: Mapping[str, Any]) -> str:
    """A JSON Lines row.

    Lone surrogates are kept as ``\\ud8xx`` escapes, and the characters some
    readers take for line ends (U+0085, U+2028, U+2029) are escaped too, so a
    row is always exactly one line.

    >>> format_jsonl_row({"text": "a" + chr(0x2028) + "b"})
    '{"text": "a\\\\u2028b"}\\n'
    """
    try:
        line = json.dumps(row, ensure_ascii=False)
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(row, ensure_ascii=True)
    return line.translate(_LINE_ENDS) + "\n"


def render_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: TableFormat
) -> str:
    """A whole table as text (a header line first for CSV)."""
    if fmt == "jsonl":
        return "".join(format_jsonl_row({c: r.get(c) for c in columns}) for r in rows)
    header = ",".join(columns) + "\r\n"
    return header + "".join(format_csv_row([r.get(c) for c in columns]) for r in rows)


def parse_csv(text: str) -> list[list[tuple[str, bool]]]:
    """Parse RFC 4180 text into rows of ``(value, was_quoted)`` cells.

    A quoted cell loses the ``'`` that :func:`format_cell` put before formula-like text.
    """
    rows: list[list[tuple[str, bool]]] = []
    row: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            buf: list[str] = []
            i += 1
            while i < n:
                j = text.find('"', i)
                if j < 0:
                    msg = "unterminated quoted CSV cell"
                    raise ValueError(msg)
                buf.append(text[i:j])
                if j + 1 < n and text[j + 1] == '"':
                    buf.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            cell = (restore_formula("".join(buf)), True)
        else:
            j = i
            while j < n and text[j] not in ",\r\n":
                j += 1
            cell = (text[i:j], False)
            i = j
        row.append(cell)
        if i < n and text[i] == ",":
            i += 1
            if i == n:
                row.append(("", False))
            continue
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        rows.append(row)
        row = []
    if row:
        rows.append(row)
    return rows


def read_csv(path: str | Path) -> list[dict[str, Any]]:
    """Read a table written by this module back into typed rows.

    Offsets become ``int``, confidence ``float``, an unquoted empty cell ``None``.
    """
    with Path(path).open(encoding="utf-8", newline="") as handle:  # keep "\r" inside cells
        rows = parse_csv(handle.read())
    if not rows:
        return []
    header = [name for name, _ in rows[0]]
    return [
        {name: _typed(name, value, quoted) for name, (value, quoted) in zip(header, r, strict=True)}
        for r in rows[1:]
    ]


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines table (rows end with ``\n`` only)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return [json.loads(line) for line in handle.read().split("\n") if line.strip()]


def _typed(name: str, value: str, quoted: bool) -> Any:
    if quoted:
        return value
    if value == "":
        return None
    if name in INT_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    return value


def table_files(stem: str, fmt: TableFormat) -> list[str]:
    """File names of one edition's tables."""
    return [f"{stem}.{table}.{fmt}" for table in TABLES]


class TableExporter:
    """The ``csv`` and ``jsonl`` exporters: three tables per edition."""

    def __init__(self, fmt: TableFormat) -> None:
        self.name: str = fmt
        self.fmt: TableFormat = fmt

    def files(self, stem: str, edition: Edition | None = None) -> list[str]:
        """``<stem>.corrections.<fmt>``, ``<stem>.entities.<fmt>``, ``<stem>.dates.<fmt>``."""
        return table_files(stem, self.fmt)

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write the three tables; the ``file`` column holds the source path (or the stem)."""
        label = edition.source.path or stem
        tables = table_rows(edition, label)
        written = []
        for table, name in zip(TABLES, self.files(stem), strict=True):
            text = render_table(tables[table], COLUMNS[table], self.fmt)
            written.append(atomic_write_text(Path(out_dir) / name, text))
        return written


class CombinedTables:
    """One corrections, one entities and one dates table for a whole run, streamed.

    Rows are appended to temporary files as editions arrive, so memory does
    not grow with the run; :meth:`close` renames the three tables into place
    (``corrections.csv``, ``entities.csv``, ``dates.csv`` or ``.jsonl``), so
    an interrupted run that still calls ``close`` keeps what it finished.
    Use it as a context manager; an exception inside the block discards the
    partial tables instead.
    """

    def __init__(self, out_dir: str | Path, fmt: TableFormat, *, prefix: str = "") -> None:
        if fmt not in TABLE_FORMATS:
            msg = f"combined tables are csv or jsonl, not {fmt!r}"
            raise ValueError(msg)
        self.out_dir = Path(out_dir)
        self.fmt: TableFormat = fmt
        self.paths = [self.out_dir / f"{prefix}{table}.{fmt}" for table in TABLES]
        self.counts = dict.fromkeys(TABLES, 0)
        self._stack = ExitStack()
        self._handles: dict[str, IO[Any]] = {}
        self._closed = False
        self._open()

    def _open(self) -> None:
        self._stack.__enter__()
        for table, path in zip(TABLES, self.paths, strict=True):
            handle = self._stack.enter_context(atomic_open(path, "w"))
            if self.fmt == "csv":
                handle.write(",".join(COLUMNS[table]) + "\r\n")
            self._handles[table] = handle

    def add(self, edition: Edition, file_label: str) -> None:
        """Append one edition's rows to the three tables."""
        if self._closed:
            msg = "CombinedTables is closed"
            raise ValueError(msg)
        for table, rows in table_rows(edition, file_label).items():
            columns = COLUMNS[table]
            handle = self._handles[table]
            for row in rows:
                if self.fmt == "csv":
                    handle.write(format_csv_row([row.get(c) for c in columns]))
                else:
                    handle.write(format_jsonl_row({c: row.get(c) for c in columns}))
            self.counts[table] += len(rows)

    def close(self) -> list[Path]:
        """Finish the tables and move them into place; returns their paths."""
        if not self._closed:
            self._closed = True
            self._stack.__exit__(None, None, None)
        return list(self.paths)

    def abort(self) -> None:
        """Discard the tables written so far (nothing is renamed into place)."""
        if not self._closed:
            self._closed = True
            err = RuntimeError("combined tables aborted")
            self._stack.__exit__(type(err), err, None)

    def __enter__(self) -> CombinedTables:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc is None:
            self.close()
        else:
            self.abort()
