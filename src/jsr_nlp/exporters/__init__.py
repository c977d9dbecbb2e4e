"""Exporters: writers that read an :class:`~jsr_nlp.model.Edition` and nothing else.

Each format is an object registered by name in :data:`EXPORTERS`; the command
line's ``--format`` and :func:`write` look formats up there, so a
user adds one with :func:`register_exporter` (or, from an installed package,
an entry point in the ``jsr_nlp.exporters`` group naming an exporter object or
a class to instantiate)::

    class Markdown:
        name = "md"
        def files(self, stem, edition=None): return [f"{stem}.md"]
        def write(self, edition, out_dir, stem):
            return [atomic_write_text(out_dir / f"{stem}.md", edition.clean_text)]

    register_exporter(Markdown())

Every built-in exporter writes atomically (see :mod:`jsr_nlp.atomic`).

From a script, :func:`write` puts one edition in one format at a path of your choosing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path, PurePath
from typing import Protocol, runtime_checkable

from jsr_nlp.atomic import atomic_write_bytes, atomic_write_text
from jsr_nlp.errors import ExportError, JsrNlpError
from jsr_nlp.exporters.as_csv import TABLE_FORMATS, CombinedTables, TableExporter
from jsr_nlp.exporters.as_html import HtmlExporter
from jsr_nlp.exporters.as_json import JsonExporter
from jsr_nlp.exporters.as_tei import TeiExporter
from jsr_nlp.exporters.as_txt import TxtExporter
from jsr_nlp.model import Edition

__all__ = [
    "BUILTIN_FORMATS",
    "EXPORTERS",
    "CombinedTables",
    "Exporter",
    "available_formats",
    "default_stem",
    "export_edition",
    "files_for",
    "get_exporter",
    "register_exporter",
    "write",
]

ENTRY_POINT_GROUP = "jsr_nlp.exporters"


@runtime_checkable
class Exporter(Protocol):
    """What a format writer provides.

    ``files(stem)`` names the files it writes for one edition (exporters may
    take the edition as an optional second argument when the set depends on
    it, as ``txt`` does with a translation); ``write`` writes them into
    ``out_dir``, atomically, and returns their paths.
    """

    name: str

    def files(self, stem: str) -> list[str]:
        """File names written for one edition called ``stem``."""
        ...

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write the edition's files into ``out_dir``; return the paths written."""
        ...


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter, *, replace: bool = False) -> Exporter:
    """Add a format under ``exporter.name``; refuses to shadow one unless ``replace``."""
    name = getattr(exporter, "name", None)
    if not isinstance(name, str) or not name or "," in name:
        msg = f"an exporter needs a non-empty name without commas, got {name!r}"
        raise ValueError(msg)
    if not isinstance(exporter, Exporter):
        msg = f"exporter {name!r} must have files(stem) and write(edition, out_dir, stem)"
        raise TypeError(msg)
    if name in EXPORTERS and not replace and EXPORTERS[name] is not exporter:
        msg = f"an exporter named {name!r} is already registered (pass replace=True)"
        raise ValueError(msg)
    EXPORTERS[name] = exporter
    return exporter


_BUILTINS: list[Exporter] = [
    JsonExporter(),
    TxtExporter(),
    TeiExporter(),
    HtmlExporter(),
    *(TableExporter(fmt) for fmt in TABLE_FORMATS),
]
for _builtin in _BUILTINS:
    register_exporter(_builtin)

#: The package's own formats, in the order registered above: the one list of them.
BUILTIN_FORMATS: tuple[str, ...] = tuple(EXPORTERS)
_entry_points_loaded = False


def _load_entry_points() -> None:
    """Register exporters that installed packages declare (once, on first miss)."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        exporter = obj() if isinstance(obj, type) else obj
        if getattr(exporter, "name", None) not in EXPORTERS:
            register_exporter(exporter)


def available_formats() -> list[str]:
    """Every format name: built-in, registered, and declared by installed packages."""
    _load_entry_points()
    return sorted(EXPORTERS)


def get_exporter(name: str) -> Exporter:
    """The exporter registered as ``name``; an :class:`ExportError` lists the known ones."""
    key = name.strip().lower()
    if key not in EXPORTERS:
        _load_entry_points()
    if key not in EXPORTERS:
        known = ", ".join(sorted(EXPORTERS))
        msg = f"unknown export format {name!r}; choose among: {known}"
        raise ExportError(msg)
    return EXPORTERS[key]


def files_for(exporter: Exporter, stem: str, edition: Edition | None = None) -> list[str]:
    """File names ``exporter`` writes, asking with the edition when it accepts one."""
    if edition is not None:
        try:
            return list(exporter.files(stem, edition))  # type: ignore[call-arg]
        except TypeError:
            pass
    return list(exporter.files(stem))


def export_edition(
    edition: Edition, out_dir: str | Path, stem: str, formats: Sequence[str]
) -> list[Path]:
    """Write ``edition`` in every format of ``formats`` into ``out_dir``.

    Format names are checked before anything is written. A failure inside a
    writer becomes an :class:`ExportError` naming the format and the stem;
    files already written by the other formats are kept.
    """
    exporters = [get_exporter(f) for f in dict.fromkeys(formats)]
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for exporter in exporters:
        try:
            written.extend(exporter.write(edition, folder, stem))
        except JsrNlpError:
            raise
        except Exception as exc:
            msg = f"could not write {stem} as {exporter.name}: {exc}"
            raise ExportError(msg) from exc
    return written


#: Suffixes dropped from ``path`` to get the stem of a multi-file format.
KNOWN_SUFFIXES = (
    ".corrections.csv",
    ".corrections.jsonl",
    ".es.txt",
    ".en.txt",
    ".tei.xml",
    ".csv",
    ".jsonl",
    ".json",
    ".txt",
    ".xml",
    ".html",
)


def default_stem(edition: Edition) -> str:
    """The edition's stem: its source file name without the last suffix, or ``edition``.

    >>> from jsr_nlp.model import PipelineInfo, Source
    >>> default_stem(Edition(Source("textos/japon.txt", "", "utf-8", "es", 0),
    ...                      PipelineInfo("p", "0", None), "", ""))
    'japon'
    """
    if edition.source.path:
        stem = PurePath(edition.source.path).stem
        if stem and stem not in {".", ".."}:
            return stem
    return "edition"


def write(edition: Edition, fmt: str, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``edition`` as ``fmt`` at ``path``; return the files written.

    For formats that are one file (``json``, ``tei``, ``html``) ``path`` is that
    file, whatever its name. For formats with several files (``txt``, ``csv``,
    ``jsonl``) ``path`` names their common stem, ``out/carta`` (a known suffix such
    as ``.csv`` is dropped) giving ``out/carta.corrections.csv`` and so on; an
    existing folder receives the files under the edition's own stem (the source
    file name without its last suffix). Writes are atomic.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from jsr_nlp.model import Edition, PipelineInfo, Source
    >>> ed = Edition(Source("carta.txt", "", "utf-8", "es", 5), PipelineInfo("p", "0", None),
    ...              "Japón", "Japón")
    >>> out = Path(tempfile.mkdtemp())
    >>> [p.name for p in write(ed, "json", out / "mi-edicion.json")]
    ['mi-edicion.json']
    >>> [p.name for p in write(ed, "csv", out)]
    ['carta.corrections.csv', 'carta.entities.csv', 'carta.dates.csv']
    """
    exporter = get_exporter(fmt)
    target = Path(path)
    if target.is_dir():
        return export_edition(edition, target, default_stem(edition), [exporter.name])
    names = files_for(exporter, "x", edition)
    render = getattr(exporter, "render", None)
    if len(names) == 1 and callable(render):
        target.parent.mkdir(parents=True, exist_ok=True)
        content = render(edition)
        if isinstance(content, bytes):
            return [atomic_write_bytes(target, content)]
        return [atomic_write_text(target, content)]
    name = target.name
    for suffix in KNOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return export_edition(edition, target.parent, name, [exporter.name])
