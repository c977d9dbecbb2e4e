"""Running the inputs: in this process, streamed through spaCy, or in a pool (``--jobs``).

Whatever goes wrong with one input (an unreadable file, a stray file where its previous
edition would be, a bug, a ``MemoryError``, a worker that dies) becomes that input's
``failed`` outcome; the other inputs are still processed.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from jsr_nlp.batch.folder import previous_edition
from jsr_nlp.batch.outcome import Outcome, failed, processed
from jsr_nlp.errors import JsrNlpError

if TYPE_CHECKING:
    from jsr_nlp.batch.options import BatchOptions
    from jsr_nlp.ingest import Decoded
    from jsr_nlp.model import Edition
    from jsr_nlp.pipeline import Pipeline

#: Takes each outcome as it arrives, in the order inputs finish.
Finish = Callable[[Outcome], None]


def run_inputs(
    pipe: Pipeline, todo: list[tuple[str, str]], options: BatchOptions, finish: Finish
) -> None:
    """Process every ``(input, stem)`` of ``todo``, handing each outcome to ``finish``."""
    # standard input belongs to this process: workers cannot read it
    if options.jobs > 1 and len(todo) > 1 and all(p != "-" for p, _ in todo):
        _run_parallel(pipe, todo, options, finish)
    else:
        for o in _run_serial(pipe, todo, options):
            finish(o)


def _write(ed: Edition, options: BatchOptions, stem: str) -> list[str]:
    from jsr_nlp.exporters import export_edition

    paths = export_edition(ed, options.out_dir, stem, options.formats)
    return [str(p) for p in paths]


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
                failures.append(failed(path, stem, exc))
                continue
            started[id(d)] = (d, path, stem, time.perf_counter() - t0)
            yield d

    def timer(d: Decoded, seconds: float) -> None:
        pipeline_seconds[id(d)] = seconds

    def previous(d: Decoded) -> Edition | None:
        _, _, stem, _ = started[id(d)]
        return previous_edition(options.out_dir, stem, d.sha256)

    def finish(d: Decoded, result: Edition | JsrNlpError) -> Outcome:
        _, path, stem, reading = started.pop(id(d))
        seconds = reading + pipeline_seconds.pop(id(d), 0.0)
        if isinstance(result, JsrNlpError):
            return failed(path, stem, result)
        t0 = time.perf_counter()
        try:
            outputs = _write(result, options, stem)
        except Exception as exc:  # one input's failure, even a bug, must not end the run
            return failed(path, stem, exc)
        return processed(path, result, stem, outputs, seconds + time.perf_counter() - t0)

    def alone(d: Decoded) -> Outcome:
        try:
            ((_, result),) = list(pipe.pipe_results([d], previous=previous, timer=timer))
        except Exception as exc:
            _, path, stem, _ = started.pop(id(d))
            pipeline_seconds.pop(id(d), None)
            return failed(path, stem, exc)
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


# -- --jobs: a process pool running whole files ------------------------------------------------

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
        previous = previous_edition(options.out_dir, stem, decoded.sha256)
        ed = pipe.process(decoded, previous)
        outputs = _write(ed, options, stem)
    except Exception as exc:  # one input's failure, even a bug, must not end the run
        return failed(path, stem, exc)
    return processed(path, ed, stem, outputs, time.perf_counter() - t0)


def _run_parallel(
    pipe: Pipeline, todo: list[tuple[str, str]], options: BatchOptions, finish: Finish
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
                        outcome = failed(path, stem, exc)
                    finish(outcome)
                    nxt = next(it, None)
                    if nxt is not None:
                        submit(nxt)
        except KeyboardInterrupt:
            for fut in pending:
                fut.cancel()
            raise
        rest += list(it)
    for outcome in _run_serial(pipe, rest, options):
        finish(outcome)
