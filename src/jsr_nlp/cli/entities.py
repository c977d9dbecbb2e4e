"""Rendering of ``jsr-nlp entities``: a table of identities, or one row per mention.

The table answers the historian's question "who and what does this text talk about, and
under which spellings?": one line per canonical identity (gazetteer id), with its kind,
label, how many mentions, and the variants seen. Unknown names (no id) are grouped by
label and surface form, so they stay visible. CSV and JSON Lines give one row per
mention, for use elsewhere, exactly as ``process`` writes ``<stem>.entities.csv``
(:func:`~jsr_nlp.exporters.as_csv.render_table`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from jsr_nlp.cli.options import LISTING_FORMATS, ListingFormat
from jsr_nlp.exporters.as_csv import ENTITY_COLUMNS, TABLE_FORMATS, render_table


@dataclass
class Identity:
    """One canonical identity and the mentions of it."""

    id: str | None
    canonical: str
    kind: str | None
    label: str
    variants: Counter[str] = field(default_factory=Counter)
    files: set[str] = field(default_factory=set)

    @property
    def mentions(self) -> int:
        """How many mentions link to this identity."""
        return sum(self.variants.values())


def group_identities(rows: Sequence[dict[str, Any]]) -> list[Identity]:
    """Group mention rows by identity: gazetteer id, or (label, text) for unknown names.

    >>> rows = [
    ...     {"text": "Zhukov", "label": "PER", "id": "per.zhukov", "canonical": "Gueorgui Zhúkov",
    ...      "kind": "person", "file": "a.txt"},
    ...     {"text": "Georgi Zhukov", "label": "PER", "id": "per.zhukov",
    ...      "canonical": "Gueorgui Zhúkov", "kind": "person", "file": "a.txt"},
    ...     {"text": "Alvin Coox", "label": "PER", "id": None, "file": "a.txt"},
    ... ]
    >>> [(i.canonical, i.mentions) for i in group_identities(rows)]
    [('Gueorgui Zhúkov', 2), ('Alvin Coox', 1)]
    """
    groups: dict[tuple[str, ...], Identity] = {}
    for row in rows:
        ident = row.get("id") or None
        key = ("id", ident) if ident else ("text", str(row.get("label")), str(row["text"]))
        group = groups.get(key)
        if group is None:
            group = groups[key] = Identity(
                id=ident,
                canonical=str(row.get("canonical") or row["text"]),
                kind=row.get("kind"),
                label=str(row.get("label", "")),
            )
        group.variants[str(row["text"])] += 1
        if row.get("file"):
            group.files.add(str(row["file"]))
    return sorted(groups.values(), key=lambda g: (-g.mentions, g.id is None, g.canonical))


def _variants(counter: Counter[str]) -> str:
    return ", ".join(f"{text} ×{n}" if n > 1 else text for text, n in counter.most_common())


def _table(rows: Sequence[dict[str, Any]], console: Console) -> None:
    identities = group_identities(rows)
    files = {str(r["file"]) for r in rows if r.get("file")}
    table = Table(
        title=f"{len(rows)} mentions of {len(identities)} identities"
        + (f" in {len(files)} files" if len(files) > 1 else ""),
        title_justify="left",
    )
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("canonical", ratio=2, min_width=12)
    table.add_column("kind", no_wrap=True)
    table.add_column("label", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    if len(files) > 1:
        table.add_column("files", justify="right", no_wrap=True)
    table.add_column("variants seen", ratio=3, min_width=16)
    for ident in identities:
        cells = [
            ident.id or "—",
            ident.canonical,
            ident.kind or "—",
            ident.label,
            str(ident.mentions),
        ]
        if len(files) > 1:
            cells.append(str(len(ident.files)))
        cells.append(_variants(ident.variants))
        table.add_row(*cells)
    console.print(table)


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns of ``process``'s entities table; extra keys of the rows follow, sorted."""
    extra = sorted({k for r in rows for k in r} - set(ENTITY_COLUMNS))
    return [*ENTITY_COLUMNS, *extra]


def render_entities(rows: list[dict[str, Any]], fmt: ListingFormat, console: Console) -> None:
    """Print entity rows (entity records plus a ``file`` key) as a table, CSV or JSON Lines.

    ``table`` shows one line per canonical identity with its mention count and the
    variants seen; ``csv`` and ``jsonl`` print one row per mention. ``None`` is an empty
    CSV cell and a JSON ``null``.
    """
    if fmt == "table":
        _table(rows, console)
        return
    if fmt in TABLE_FORMATS:
        console.file.write(render_table(rows, _columns(rows), fmt))
        return
    *others, last = LISTING_FORMATS
    msg = f"unknown format {fmt!r}: use {', '.join(others)} or {last}"
    raise ValueError(msg)
