"""The JSON edition (``<stem>.json``): exactly :meth:`Edition.to_json`, the project's contract."""

from __future__ import annotations

import json
from pathlib import Path

from jsr_nlp.atomic import atomic_write_bytes
from jsr_nlp.model import Edition


def render_json(edition: Edition) -> bytes:
    """The edition as UTF-8 JSON bytes.

    Normally ``edition.to_json()`` verbatim. A string holding a lone surrogate
    cannot be UTF-8; then the same JSON is written with ``\\uXXXX`` escapes,
    which reads back to the identical edition.

    >>> from jsr_nlp.model import PipelineInfo, Source
    >>> ed = Edition(Source(None, "", "utf-8", "es", 5), PipelineInfo("p", "0", None),
    ...              "Japón", "Japón")
    >>> Edition.from_json(render_json(ed).decode("utf-8")) == ed
    True
    """
    text = edition.to_json()
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(edition.to_dict(), ensure_ascii=True, indent=2).encode("ascii")


class JsonExporter:
    """Writes ``<stem>.json``."""

    name = "json"

    def files(self, stem: str, edition: Edition | None = None) -> list[str]:
        """The one file this exporter writes."""
        return [f"{stem}.json"]

    def render(self, edition: Edition) -> bytes:
        """The file's content."""
        return render_json(edition)

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write ``<stem>.json`` atomically."""
        return [atomic_write_bytes(Path(out_dir) / self.files(stem)[0], self.render(edition))]
