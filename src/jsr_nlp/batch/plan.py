"""Before a run: which inputs, under which output stems, and which are unchanged (skipped).

Nothing is written here. A run with no input at all stops with a configuration error;
a subfolder that cannot be read is one failed outcome and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsr_nlp.batch.folder import errno_text
from jsr_nlp.batch.manifest import load_manifest
from jsr_nlp.batch.outcome import Outcome
from jsr_nlp.batch.stems import plan_stems
from jsr_nlp.errors import ConfigurationError

if TYPE_CHECKING:
    from jsr_nlp.batch.options import BatchOptions


@dataclass
class Plan:
    """What a run will do, input by input."""

    #: how many input files there are, processed or skipped
    inputs: int
    #: (input, output stem) of each input to process, in order
    todo: list[tuple[str, str]]
    #: subfolders that could not be read (failed) and inputs unchanged since the last run
    #: (skipped), in the order they are reported
    settled: list[Outcome]


def plan_run(options: BatchOptions, fingerprint: str) -> Plan:
    """The run's inputs and their stems; with ``--skip-unchanged``, those left as they are.

    An input is skipped only when the last run into the folder had the same pipeline
    ``fingerprint``, gave it the same stem and its outputs are as it left them.
    """
    problems: list[tuple[str, str]] = []
    paths = collect_inputs(options.inputs, options.out_dir, problems)
    if not paths and not problems:
        raise ConfigurationError(" ".join(options.inputs), "no .txt or .md files to process")
    before = load_manifest(options.out_dir) if options.skip_unchanged else {}
    known = {
        o["input"]: o
        for o in before.get("inputs", [])
        if before.get("pipeline_fingerprint") == fingerprint
        and o.get("status") in {"done", "skipped"}
    }
    settled = [Outcome(where, "failed", error=message) for where, message in problems]
    todo: list[tuple[str, str]] = []
    for path, stem in zip(paths, plan_stems(paths), strict=True):
        prev = known.get(path)
        if prev and prev.get("stem") == stem and _unchanged(path, prev, options.out_dir, stem):
            settled.append(
                Outcome(
                    path,
                    "skipped",
                    prev.get("sha256"),
                    stem,
                    prev.get("outputs", []),
                    prev.get("counts", {}),
                )
            )
        else:
            todo.append((path, stem))
    return Plan(len(paths), todo, settled)


def _unchanged(path: str, prev: dict[str, Any], out_dir: Path, stem: str) -> bool:
    """Whether an input and every output of its last run are still as they were.

    The edition JSON, when there is one, must record this input (path and sha256): an
    output another input overwrote is not this input's.
    """
    try:
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return False
    if sha != prev.get("sha256") or not all(Path(p).exists() for p in prev.get("outputs", [])):
        return False
    edition_json = out_dir / f"{stem}.json"
    if str(edition_json) in prev.get("outputs", []):
        try:
            source = json.loads(edition_json.read_text("utf-8"))["source"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return bool(source.get("sha256") == sha and source.get("path") == path)
    return True


def collect_inputs(
    args: list[str], out_dir: Path, problems: list[tuple[str, str]] | None = None
) -> list[str]:
    """The input files of a run, without the run's own outputs.

    A folder's files that lie in the output folder (when it is inside the input folder) or
    that an earlier run wrote (its manifest lists them) are not inputs; a file named on
    the command line always is. A subfolder that cannot be read is added to ``problems``
    as ``(path, one-line message)``; a symbolic link loop stays an input, so that reading
    it names the problem, and never stops the listing of the others.
    """
    from jsr_nlp.ingest import expand_inputs

    problems = [] if problems is None else problems
    out_root = _resolve(out_dir) or out_dir.absolute()
    previous = load_manifest(out_dir)
    written = {
        _resolve(Path(p))
        for o in previous.get("inputs", [])
        for p in o.get("outputs", [])
        if isinstance(p, str)
    } - {None}
    found: list[str] = []
    seen: set[str] = set()
    for arg in args:
        folder = Path(arg)
        named = arg == "-" or not _is_dir(folder)
        if named:
            listed = list(expand_inputs([arg]))
        else:
            walked = _walk_folder(folder, problems)
            try:
                listed = list(expand_inputs([arg]))
            except (OSError, RuntimeError):  # the walk above found the same files
                listed = walked
        folder_real = None if named else _resolve(folder)
        for p in listed:
            if not named:
                real = _resolve(p)
                inside_out = (
                    real is not None and real.is_relative_to(out_root) and out_root != folder_real
                )
                if inside_out or (real is not None and real in written):
                    continue
            if str(p) not in seen:
                seen.add(str(p))
                found.append(str(p))
    return found


def _resolve(path: Path) -> Path | None:
    """The real path, or ``None`` for a symbolic link loop or a path that cannot be read."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop from ..."
        return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk_folder(folder: Path, problems: list[tuple[str, str]]) -> list[Path]:
    """The folder's text files as ``expand_inputs`` lists them; unreadable subfolders noted.

    ``expand_inputs`` (pathlib's ``rglob``) skips a subfolder it cannot read without a
    word, and one error while walking loses the whole folder; this walk reports each
    unreadable subfolder in ``problems`` and lists everything else.
    """
    from jsr_nlp.ingest import TEXT_SUFFIXES

    def unreadable(exc: OSError) -> None:
        name = exc.filename or str(folder)
        msg = f"cannot read this folder ({errno_text(exc)}); the files in it were not processed"
        problems.append((str(name), f"{name}: {msg}"))

    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        base = Path(root)
        links = [d for d in dirs if (base / d).is_symlink()]  # kept so reading names them
        found += [
            base / name for name in (*files, *links) if Path(name).suffix.lower() in TEXT_SUFFIXES
        ]
    return sorted(found)
