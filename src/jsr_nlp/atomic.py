"""Atomic file writes: a reader never sees a half-written output.

Every exporter writes through these helpers. The data goes to a temporary file
in the *same* folder (so the final rename never crosses a file system), is
flushed and ``fsync``-ed, and then replaces the target with :func:`os.replace`,
which is atomic on POSIX and Windows. If anything fails on the way, the
temporary file is removed and the old target (if any) is left untouched; an
interrupted run (Ctrl-C) therefore keeps every file it finished and no partial
one.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> atomic_write_text(folder / "nota.txt", "Año 1941: Pacto de neutralidad.\\n").name
'nota.txt'
>>> (folder / "nota.txt").read_text(encoding="utf-8")
'Año 1941: Pacto de neutralidad.\\n'
>>> sorted(p.name for p in folder.iterdir())  # no temporary file left behind
['nota.txt']
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = [
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "replace_surrogates",
]

#: Permissions of a newly created output (the usual ``rw-r--r--``); an existing
#: target keeps its own mode. ``mkstemp`` alone would give ``rw-------``.
DEFAULT_MODE = 0o644

_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates (which UTF-8 cannot encode) by U+FFFD.

    Decoded files never contain them, but a library user's string may
    (``"\\udce9"`` from ``surrogateescape``); writing must not crash on it.

    >>> replace_surrogates("Jap\\udcf3n")
    'Jap\\ufffdn'
    """
    return _SURROGATE.sub("\ufffd", text)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` for writing; rename it over ``path`` on success.

    Use it for outputs written in several steps (a combined table that grows
    file by file). ``mode`` is ``"w"`` (text, UTF-8 unless ``encoding`` is
    given) or ``"wb"``. On an exception the temporary file is deleted and the
    exception propagates.
    """
    if mode not in {"w", "wb"}:
        msg = f"atomic_open writes only ('w' or 'wb'), not {mode!r}"
        raise ValueError(msg)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        if mode == "w":
            kwargs.setdefault("encoding", "utf-8")
            kwargs.setdefault("newline", "")
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp)
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path written."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically, newlines kept as given.

    Lone surrogates are replaced by U+FFFD (see :func:`replace_surrogates`)
    rather than failing half-way through a run.
    """
    return atomic_write_bytes(path, replace_surrogates(text).encode("utf-8"))


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the old target's permissions, or the usual default."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = DEFAULT_MODE
    with contextlib.suppress(OSError):
        tmp.chmod(mode)


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
