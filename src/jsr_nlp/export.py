"""Write an edition in one format from a script: ``jsr_nlp.export.write(edition, "tei", path)``.

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

from __future__ import annotations

import os
from pathlib import Path, PurePath

from jsr_nlp.exporters import export_edition, files_for, get_exporter
from jsr_nlp.io import atomic_write_bytes, atomic_write_text
from jsr_nlp.model import Edition

__all__ = ["default_stem", "write"]

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
    """Write ``edition`` as ``fmt`` at ``path``; return the files written."""
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
