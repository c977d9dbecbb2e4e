"""Whole runs: many inputs → editions → files, with progress, a manifest and resumption.

``run_batch`` streams the inputs (memory does not grow with their number), writes
every output atomically, records each input's outcome in ``run.json`` and keeps
going when one input fails. With ``jobs > 1`` a process pool runs whole files,
each worker loading the pipeline once.

Whatever goes wrong with one input (an unreadable file, a stray file where its previous
edition would be, a bug, a ``MemoryError``) becomes that input's ``failed`` outcome with
one line naming it; the other inputs are still processed and the manifest is written.
What would make the whole run fail (an output folder that cannot be written, the
run's own files blocked, bad translation settings) is found before any input is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing as mp
import os
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsr_nlp.errors import ConfigurationError, JsrNlpError
from jsr_nlp.outputs import MANIFEST, FolderLock, plan_stems
from jsr_nlp.translate.redact import redact_url

if TYPE_CHECKING:
    from rich.console import Console

    from jsr_nlp.ingest import Decoded
    from jsr_nlp.model import Edition
    from jsr_nlp.pipeline import Pipeline


@dataclass
class BatchOptions:
    """What ``jsr-nlp process`` was asked to do."""

    inputs: list[str]
    out_dir: Path
    formats: list[str]
    jobs: int = 1
    skip_unchanged: bool = False
    combined: bool = False
    quiet: bool = False
    pipeline: str = "default"
    model: str | None = None
    translate_to: str | None = None
    translate_options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """One input's result, as recorded in ``run.json``."""

    input: str
    status: str  # "done" | "failed" | "skipped" | "incomplete"
    sha256: str | None = None
    stem: str | None = None
    outputs: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    # the edition itself, for --combined; never written to run.json
    edition: Edition | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.error is not None:  # shown and stored: never a password from a URL
            self.error = redact_url(" ".join(self.error.split()))

    def record(self) -> dict[str, Any]:
        """The manifest entry."""
        return {k: v for k, v in self.__dict__.items() if k != "edition"}


def pipeline_fingerprint(pipe: Pipeline, options: BatchOptions) -> str:
    """Changes whenever the pipeline, its lexicons, vocabularies, version or outputs change."""
    h = hashlib.sha256()
    h.update(pipe.spec.model_dump_json().encode())
    h.update(pipe.lexicon.version.encode())
    h.update(pipe.vocabularies.fingerprint().encode())
    h.update(pipe.info.jsr_nlp_version.encode())
    h.update(json.dumps([pipe.model_name, sorted(options.formats), options.translate_to]).encode())
    return h.hexdigest()[:16]


def _counts(ed: Edition) -> dict[str, int]:
    failed = 0
    if ed.translation is not None:
        failed = sum(1 for s in ed.translation.segments if s.status == "failed")
    return {
        "applied": len(ed.applied),
        "suggested": len(ed.suggested),
        "entities": len(ed.entities),
        "dates": len(ed.dates),
        "warnings": len(ed.warnings),
        "failed_segments": failed,
    }


def _load_manifest(out_dir: Path) -> dict[str, Any]:
    """The last run's manifest, with only well-formed input entries (or nothing)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    inputs = data.get("inputs")
    entries = inputs if isinstance(inputs, list) else []
    data["inputs"] = [
        o
        for o in entries
        if isinstance(o, dict)
        and isinstance(o.get("input"), str)
        and isinstance(o.get("outputs", []), list)
    ]
    return data


def _previous_edition(out_dir: Path, stem: str, sha: str) -> Edition | None:
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


def _write(ed: Edition, options: BatchOptions, stem: str) -> list[str]:
    from jsr_nlp.exporters import export_edition

    paths = export_edition(ed, options.out_dir, stem, options.formats)
    return [str(p) for p in paths]


def _outcome(src: str, ed: Edition, stem: str, outputs: list[str], seconds: float) -> Outcome:
    counts = _counts(ed)
    status = "incomplete" if counts["failed_segments"] else "done"
    return Outcome(
        src, status, ed.source.sha256, stem, outputs, counts, round(seconds, 3), edition=ed
    )


# -- worker side of --jobs ----------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(options: BatchOptions) -> None:
    from jsr_nlp.pipeline import load_pipeline

    _WORKER["pipe"] = load_pipeline(
        options.pipeline,
        model=options.model,
        translate_to=options.translate_to,
        translate_options=options.translate_options,
    )
    _WORKER["options"] = options


def _work(path: str, stem: str) -> Outcome:
    from jsr_nlp.ingest import read_path

    options: BatchOptions = _WORKER["options"]
    pipe: Pipeline = _WORKER["pipe"]
    t0 = time.perf_counter()
    try:
        decoded = read_path(path)
        previous = _previous_edition(options.out_dir, stem, decoded.sha256)
        ed = pipe.process(decoded, previous)
        outputs = _write(ed, options, stem)
    except Exception as exc:  # one input's failure, even a bug, must not end the run
        return _failed(path, stem, exc)
    return _outcome(path, ed, stem, outputs, time.perf_counter() - t0)


def _describe(exc: BaseException, path: str) -> str:
    """One line: the input, then what went wrong with it."""
    if isinstance(exc, JsrNlpError):
        msg = str(exc)
    elif isinstance(exc, MemoryError):
        msg = "ran out of memory while processing it (MemoryError); try it on its own"
    elif isinstance(exc, BrokenProcessPool):
        msg = "the worker process handling it stopped unexpectedly"
    else:
        msg = f"internal error ({type(exc).__name__}: {exc})"
    label = "<stdin>" if path == "-" else path
    return msg if msg.startswith((label, path)) else f"{label}: {msg}"


def _failed(path: str, stem: str | None, exc: BaseException) -> Outcome:
    return Outcome(path, "failed", stem=stem, error=_describe(exc, path))


# -- the run -----------------------------------------------------------------------------------


def run_batch(pipe: Pipeline, options: BatchOptions, console: Console) -> int:
    """Process every input; return the exit code (0 all done, 1 something failed).

    Raises :class:`~jsr_nlp.errors.ConfigurationError` (exit code 2) before any input is
    read when the run cannot succeed as a whole: a bad lexicon or ``[translate]`` setting,
    an output folder that cannot be created or written, or the run's own files blocked.
    """
    _ = pipe.corrector  # compile the lexicons now: a bad rule is one configuration error
    if pipe.translate_to:
        from jsr_nlp.translate.edition import translate_options

        translate_options(pipe.translate_options)  # a bad URL is one line, not one per input
    lock = _take_out_dir(options)
    try:
        _check_run_files(options)
        return _run_locked(pipe, options, console)
    finally:
        lock.release()


def _errno_text(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _take_out_dir(options: BatchOptions) -> FolderLock:
    """Create the output folder and lock it; any problem is one configuration error."""
    out = options.out_dir
    try:
        is_file = out.exists() and not out.is_dir()
    except OSError as exc:
        raise ConfigurationError(str(out), f"cannot use it as --out ({_errno_text(exc)})") from None
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
        msg = f"cannot write into the output folder ({_errno_text(exc)})"
        raise ConfigurationError(str(out), msg) from None
    return lock


def _mkdir_problem(folder: Path, exc: OSError) -> str:
    """Why the output folder could not be created, naming the folder that stopped it."""
    for parent in folder.absolute().parents:
        with contextlib.suppress(OSError):
            if parent.is_dir():
                return f"cannot create the output folder in {parent} ({_errno_text(exc)})"
            if parent.exists() or parent.is_symlink():
                return f"cannot create the output folder: {parent} is a file, not a folder"
    return f"cannot create the output folder ({_errno_text(exc)})"


def _run_files(options: BatchOptions) -> list[Path]:
    """The files a run writes for itself, whatever its inputs: the manifest, the tables."""
    files = [options.out_dir / MANIFEST]
    if options.combined:
        from jsr_nlp.exporters.as_csv import TABLES

        fmt = "jsonl" if "jsonl" in options.formats else "csv"
        files += [options.out_dir / f"{table}.{fmt}" for table in TABLES]
    return files


def _check_run_files(options: BatchOptions) -> None:
    """A folder (or anything but a file) where the manifest or a table goes stops the run now.

    Found later, it would fail the run after every input had been processed.
    """
    for path in _run_files(options):
        try:
            blocked = (path.exists() or path.is_symlink()) and not path.is_file()
        except OSError as exc:
            raise ConfigurationError(str(path), f"cannot be written ({_errno_text(exc)})") from None
        if blocked:
            what = "a folder" if path.is_dir() else "not a regular file"
            msg = f"the run writes this file, but it is {what}: move it, or choose another --out"
            raise ConfigurationError(str(path), msg)


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
        msg = f"cannot read this folder ({_errno_text(exc)}); the files in it were not processed"
        problems.append((str(name), f"{name}: {msg}"))

    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        base = Path(root)
        links = [d for d in dirs if (base / d).is_symlink()]  # kept so reading names them
        found += [
            base / name for name in (*files, *links) if Path(name).suffix.lower() in TEXT_SUFFIXES
        ]
    return sorted(found)


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
    previous = _load_manifest(out_dir)
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


def _run_locked(pipe: Pipeline, options: BatchOptions, console: Console) -> int:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from jsr_nlp.atomic import atomic_write_text

    problems: list[tuple[str, str]] = []
    paths = collect_inputs(options.inputs, options.out_dir, problems)
    if not paths and not problems:
        raise ConfigurationError(" ".join(options.inputs), "no .txt or .md files to process")
    planned = list(zip(paths, plan_stems(paths), strict=True))
    fingerprint = pipeline_fingerprint(pipe, options)
    before = _load_manifest(options.out_dir) if options.skip_unchanged else {}
    known = {
        o["input"]: o
        for o in before.get("inputs", [])
        if before.get("pipeline_fingerprint") == fingerprint
        and o.get("status") in {"done", "skipped"}
    }
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    wall_start = time.time()
    combined = None
    if options.combined:
        from jsr_nlp.exporters import CombinedTables

        combined = CombinedTables(options.out_dir, "jsonl" if "jsonl" in options.formats else "csv")

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}"),
        console=console,
        transient=True,
        disable=options.quiet or len(planned) < 2,
    )

    def report(o: Outcome) -> None:
        outcomes.append(o)
        if o.status == "failed":
            from rich.text import Text

            console.print(Text.assemble(("error: ", "bold red"), o.error or "failed"))
        elif not options.quiet:
            c = o.counts
            line = (
                f"{o.input}: {c.get('applied', 0)} corrections applied, "
                f"{c.get('suggested', 0)} suggested, {c.get('entities', 0)} entities, "
                f"{c.get('dates', 0)} dates → {', '.join(o.outputs)}"
            )
            if o.status == "skipped":
                line = f"{o.input}: unchanged since the last run, skipped"
            elif o.status == "incomplete":
                line += f" [yellow](translation incomplete: {c['failed_segments']} segment(s))[/]"
            console.print(line, markup=o.status == "incomplete", highlight=False)

    for where, message in problems:  # unreadable subfolders: one line each, run goes on
        report(Outcome(where, "failed", error=message))
    todo: list[tuple[str, str]] = []
    for path, stem in planned:
        prev = known.get(path)
        if prev and prev.get("stem") == stem and _unchanged(path, prev, options.out_dir, stem):
            skipped = Outcome(
                path,
                "skipped",
                prev.get("sha256"),
                stem,
                prev.get("outputs", []),
                prev.get("counts", {}),
            )
            report(skipped)
            if combined is not None:  # the run's tables still cover every input
                _add_from_disk(combined, options.out_dir, stem, path)
        else:
            todo.append((path, stem))

    interrupted = False
    with progress:
        task = progress.add_task("processing", total=len(todo), rate="", current="")

        def advance(o: Outcome) -> None:
            elapsed = time.perf_counter() - started
            done = progress.tasks[0].completed + 1
            progress.update(
                task,
                advance=1,
                current=Path(o.input).name,
                rate=f"{done / elapsed:.1f} files/s" if elapsed else "",
            )
            if combined is not None and o.edition is not None:
                try:
                    combined.add(o.edition, o.input)
                except Exception as exc:  # this input's rows only; the run goes on
                    o = _failed(o.input, o.stem, exc)
            report(o)

        try:
            # standard input belongs to this process: workers cannot read it
            if options.jobs > 1 and len(todo) > 1 and all(p != "-" for p, _ in todo):
                _run_parallel(pipe, todo, options, advance)
            else:
                for o in _run_serial(pipe, todo, options):
                    advance(o)
        except KeyboardInterrupt:
            interrupted = True
            _sweep_temporaries(options.out_dir, wall_start)
            console.print("[yellow]interrupted: finished files are kept[/]")

    if combined is not None:
        combined.close()
    manifest = {
        "schema": "jsr-nlp.run/1",
        "pipeline": pipe.spec.name,
        "pipeline_fingerprint": fingerprint,
        "jsr_nlp_version": pipe.info.jsr_nlp_version,
        "formats": options.formats,
        "translate_to": options.translate_to,
        "interrupted": interrupted,
        "seconds": round(time.perf_counter() - started, 3),
        "inputs": [o.record() for o in outcomes],
    }
    atomic_write_text(
        options.out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2)
    )
    if not options.quiet:
        _summary(outcomes, options, console, time.perf_counter() - started)
    if interrupted:
        return 130
    return 1 if any(o.status in {"failed", "incomplete"} for o in outcomes) else 0


def _sweep_temporaries(out_dir: Path, since: float) -> None:
    """Remove this run's temporary files that Ctrl-C caught between creation and cleanup.

    ``atomic_open`` deletes its temporary file on any exception, but a signal can land in
    the instant after the file exists and before that cleanup is armed.
    """
    for tmp in out_dir.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime >= since - 1:
                tmp.unlink()


def _add_from_disk(combined: Any, out_dir: Path, stem: str, label: str) -> None:
    """Add an earlier run's edition of a skipped input to the combined tables."""
    edition = _previous_edition(out_dir, stem, "")
    if edition is not None:
        combined.add(edition, label)


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


def _run_serial(
    pipe: Pipeline, todo: list[tuple[str, str]], options: BatchOptions
) -> Iterator[Outcome]:
    """In-process: stream decoded inputs through the pipeline so spaCy batches them.

    An exception the pipeline does not turn into a result (a bug, a ``MemoryError``) ends
    its stream; the inputs it held are then run one by one, so only the one that fails
    again is marked failed, and the stream starts again on the rest.

    Each outcome's ``seconds`` is that input's own time: reading it, its share of the
    pipeline's work (see ``Pipeline.pipe_results``'s ``timer``) and writing its outputs,
    not the time since it was read (which would include the rest of its batch).
    """
    from jsr_nlp.ingest import read_path

    # inputs handed to the pipeline and not yet answered:
    # id(decoded) → (decoded, path, stem, seconds spent reading it)
    started: dict[int, tuple[Decoded, str, str, float]] = {}
    pipeline_seconds: dict[int, float] = {}
    failures: list[Outcome] = []

    def decoded() -> Iterator[Decoded]:
        for path, stem in todo:
            t0 = time.perf_counter()
            try:
                d = read_path(path)
            except Exception as exc:  # unreadable, or a bug while reading: this input only
                failures.append(_failed(path, stem, exc))
                continue
            started[id(d)] = (d, path, stem, time.perf_counter() - t0)
            yield d

    def timer(d: Decoded, seconds: float) -> None:
        pipeline_seconds[id(d)] = seconds

    def previous(d: Decoded) -> Edition | None:
        _, _, stem, _ = started[id(d)]
        return _previous_edition(options.out_dir, stem, d.sha256)

    def finish(d: Decoded, result: Edition | JsrNlpError) -> Outcome:
        _, path, stem, reading = started.pop(id(d))
        seconds = reading + pipeline_seconds.pop(id(d), 0.0)
        if isinstance(result, JsrNlpError):
            return _failed(path, stem, result)
        t0 = time.perf_counter()
        try:
            outputs = _write(result, options, stem)
        except Exception as exc:  # one input's failure, even a bug, must not end the run
            return _failed(path, stem, exc)
        return _outcome(path, result, stem, outputs, seconds + time.perf_counter() - t0)

    def alone(d: Decoded) -> Outcome:
        try:
            ((_, result),) = list(pipe.pipe_results([d], previous=previous, timer=timer))
        except Exception as exc:
            _, path, stem, _ = started.pop(id(d))
            pipeline_seconds.pop(id(d), None)
            return _failed(path, stem, exc)
        return finish(d, result)

    stream = decoded()  # one generator throughout: a restarted pipeline goes on from here
    while True:
        try:
            for d, result in pipe.pipe_results(stream, previous=previous, timer=timer):
                while failures:
                    yield failures.pop(0)
                yield finish(d, result)
        except JsrNlpError:
            raise  # the pipeline's own setting (its spaCy model): the whole run's problem
        except Exception:
            if not started:
                raise  # no input in hand: not an input's failure
            while failures:
                yield failures.pop(0)
            for d, *_ in list(started.values()):
                yield alone(d)
            continue
        break
    yield from failures


def _run_parallel(
    pipe: Pipeline, todo: list[tuple[str, str]], options: BatchOptions, advance: Any
) -> None:
    workers = min(options.jobs, len(todo), os.cpu_count() or 1)
    if "fork" in mp.get_all_start_methods():
        # Load the model and lexicons once, here, and let the forked workers share them
        # (copy-on-write): each worker would otherwise spend seconds loading its own.
        _ = pipe.nlp, pipe.corrector
        _WORKER.update(pipe=pipe, options=options)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
    else:  # spawn-only platforms: each worker loads the pipeline once
        pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(options,)
        )
    rest: list[tuple[str, str]] = []
    with pool:
        pending: dict[Future[Outcome], tuple[str, str]] = {}
        it = iter(todo)

        def submit(job: tuple[str, str]) -> None:
            try:
                pending[pool.submit(_work, *job)] = job
            except BrokenProcessPool:  # a worker died: what is left runs in this process
                rest.append(job)

        # keep a bounded number of tasks in flight so memory does not grow with the inputs
        for job in it:
            submit(job)
            if len(pending) >= workers * 2:
                break
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    path, stem = pending.pop(fut)
                    try:
                        outcome = fut.result()
                    except Exception as exc:  # the worker itself died (killed, out of memory)
                        outcome = _failed(path, stem, exc)
                    advance(outcome)
                    nxt = next(it, None)
                    if nxt is not None:
                        submit(nxt)
        except KeyboardInterrupt:
            for fut in pending:
                fut.cancel()
            raise
        rest += list(it)
    for outcome in _run_serial(pipe, rest, options):
        advance(outcome)


def _summary(
    outcomes: list[Outcome], options: BatchOptions, console: Console, seconds: float
) -> None:
    from rich.table import Table

    by_status: dict[str, int] = {}
    for o in outcomes:
        by_status[o.status] = by_status.get(o.status, 0) + 1
    if len(outcomes) > 1:
        table = Table(title="jsr-nlp run", show_header=True)
        for col in ("status", "files", "applied", "suggested", "entities", "dates"):
            table.add_column(col, justify="right" if col != "status" else "left")
        for status, n in sorted(by_status.items()):
            group = [o for o in outcomes if o.status == status]
            table.add_row(
                status,
                str(n),
                *(
                    str(sum(o.counts.get(k, 0) for o in group))
                    for k in ("applied", "suggested", "entities", "dates")
                ),
            )
        console.print(table)
    console.print(
        f"{by_status.get('done', 0)} done, {by_status.get('skipped', 0)} skipped, "
        f"{by_status.get('failed', 0)} failed, {by_status.get('incomplete', 0)} incomplete "
        f"in {seconds:.1f}s → {options.out_dir}/ (manifest: {MANIFEST})",
        highlight=False,
    )
