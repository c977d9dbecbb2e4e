"""Saving and loading the project's spaCy components, in spaCy's table-driven style.

A component's state is a few named parts (its ``cfg`` and, say, its compiled patterns), each
JSON data. :class:`Serialisable` gives a component the four methods spaCy calls
(``nlp.to_disk``/``from_disk``/``to_bytes``/``from_bytes``) from two of its own:
``_dump()`` returns the parts, ``_load(parts)`` takes back those that were read (a part
excluded by the caller is absent). On disk each part is ``<name>.json`` or, for a list of
records, ``<name>.jsonl``; in bytes the parts are one msgpack map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar, Literal, Self

import srsly
from spacy.util import ensure_path
from spacy.util import from_disk as util_from_disk
from spacy.util import to_disk as util_to_disk

PartFormat = Literal["json", "jsonl"]


class Serialisable:
    """Mixin: spaCy's serialisation methods for a component with JSON parts."""

    #: The component's parts and how each is stored on disk.
    _parts: ClassVar[dict[str, PartFormat]] = {"cfg": "json"}

    def _dump(self) -> dict[str, Any]:
        raise NotImplementedError

    def _load(self, parts: dict[str, Any]) -> None:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write each part as ``<path>/<part>.json`` (or ``.jsonl``)."""
        dumped = self._dump()
        writers: dict[str, Callable[[Path], None]] = {
            name: _writer(fmt, dumped[name]) for name, fmt in self._parts.items()
        }
        util_to_disk(ensure_path(path), writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        """Read what :meth:`to_disk` wrote."""
        loaded: dict[str, Any] = {}
        readers: dict[str, Callable[[Path], None]] = {
            name: _reader(fmt, name, loaded) for name, fmt in self._parts.items()
        }
        util_from_disk(ensure_path(path), readers, exclude)
        self._load(loaded)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The parts as one msgpack map."""
        skip = set(exclude)
        return bytes(srsly.msgpack_dumps({k: v for k, v in self._dump().items() if k not in skip}))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        """Inverse of :meth:`to_bytes`."""
        skip = set(exclude)
        self._load({k: v for k, v in srsly.msgpack_loads(data).items() if k not in skip})
        return self


def _writer(fmt: PartFormat, data: Any) -> Callable[[Path], None]:
    if fmt == "jsonl":
        return lambda p: srsly.write_jsonl(p.with_suffix(".jsonl"), data)
    return lambda p: srsly.write_json(p.with_suffix(".json"), data)


def _reader(fmt: PartFormat, name: str, into: dict[str, Any]) -> Callable[[Path], None]:
    if fmt == "jsonl":
        return lambda p: into.update({name: list(srsly.read_jsonl(p.with_suffix(".jsonl")))})
    return lambda p: into.update({name: srsly.read_json(p.with_suffix(".json"))})
