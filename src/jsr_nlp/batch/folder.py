"""The output folder: taking it for a run, the run's own files in it, what earlier runs left.

A folder that cannot be created or written, or a manifest or table path that is blocked,
is one :class:`~jsr_nlp.errors.ConfigurationError` before any input is read: found later,
it would fail the run after every input had been processed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from jsr_nlp.batch.lock import FolderLock
from jsr_nlp.batch.manifest import MANIFEST
from jsr_nlp.errors import ConfigurationError

if TYPE_CHECKING:
    from jsr_nlp.batch.options import BatchOptions
    from jsr_nlp.model import Edition


def errno_text(exc: OSError) -> str:
    """What the system said, without the path (the message names it already)."""
    return exc.strerror or str(exc)


def take_out_dir(options: BatchOptions) -> FolderLock:
    """Create the output folder and lock it; any problem is one configuration error."""
    out = options.out_dir
    try:
        is_file = out.exists() and not out.is_dir()
    except OSError as exc:
        raise ConfigurationError(str(out), f"cannot use it as --out ({errno_text(exc)})") from None
    if is_file:
        raise ConfigurationError(str(out), "--out must be a folder, not a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(str(out), _mkdir_problem(out, exc)) from None
    lock = FolderLock(out)
    try:
        lock.acquire()
    except OSError as exc:
        msg = f"cannot write into the output folder ({errno_text(exc)})"
        raise ConfigurationError(str(out), msg) from None
    return lock


def _mkdir_problem(folder: Path, exc: OSError) -> str:
    """Why the output folder could not be created, naming the folder that stopped it."""
    for parent in folder.absolute().parents:
        with contextlib.suppress(OSError):
            if parent.is_dir():
                return f"cannot create the output folder in {parent} ({errno_text(exc)})"
            if parent.exists() or parent.is_symlink():
                return f"cannot create the output folder: {parent} is a file, not a folder"
    return f"cannot create the output folder ({errno_text(exc)})"


def _run_files(options: BatchOptions) -> list[Path]:
    """The files a run writes for itself, whatever its inputs: the manifest, the tables."""
    files = [options.out_dir / MANIFEST]
    if options.combined:
        from jsr_nlp.exporters.as_csv import TABLES

        fmt = options.combined_format
        files += [options.out_dir / f"{table}.{fmt}" for table in TABLES]
    return files


def check_run_files(options: BatchOptions) -> None:
    """A folder (or anything but a file) where the manifest or a table goes stops the run now."""
    for path in _run_files(options):
        try:
            blocked = (path.exists() or path.is_symlink()) and not path.is_file()
        except OSError as exc:
            raise ConfigurationError(str(path), f"cannot be written ({errno_text(exc)})") from None
        if blocked:
            what = "a folder" if path.is_dir() else "not a regular file"
            msg = f"the run writes this file, but it is {what}: move it, or choose another --out"
            raise ConfigurationError(str(path), msg)


def previous_edition(out_dir: Path, stem: str, sha: str) -> Edition | None:
    """An earlier edition of the same input (any input when ``sha`` is empty).

    Whatever else lies there (a stray ``[1, 2, 3]``, a file of another program, a folder)
    is no earlier edition: the input is processed afresh.
    """
    from jsr_nlp.model import Edition

    try:
        ed = Edition.from_json((out_dir / f"{stem}.json").read_text(encoding="utf-8"))
    except Exception:  # not an edition, whatever the reader's complaint
        return None
    return ed if not sha or ed.source.sha256 == sha else None


def sweep_temporaries(out_dir: Path, since: float) -> None:
    """Remove this run's temporary files that Ctrl-C caught between creation and cleanup.

    ``atomic_open`` deletes its temporary file on any exception, but a signal can land in
    the instant after the file exists and before that cleanup is armed.
    """
    for tmp in out_dir.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime >= since - 1:
                tmp.unlink()
