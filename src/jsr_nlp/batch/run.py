"""``run_batch``: a whole run, from the inputs named to the manifest written."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from jsr_nlp.batch.folder import check_run_files, previous_edition, sweep_temporaries, take_out_dir
from jsr_nlp.batch.manifest import pipeline_fingerprint, write_manifest
from jsr_nlp.batch.outcome import Outcome, failed
from jsr_nlp.batch.plan import plan_run
from jsr_nlp.batch.report import Reporter
from jsr_nlp.batch.workers import run_inputs

if TYPE_CHECKING:
    from rich.console import Console

    from jsr_nlp.batch.options import BatchOptions
    from jsr_nlp.exporters import CombinedTables
    from jsr_nlp.pipeline import Pipeline


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
    lock = take_out_dir(options)
    try:
        check_run_files(options)
        return _run_locked(pipe, options, console)
    finally:
        lock.release()


def _run_locked(pipe: Pipeline, options: BatchOptions, console: Console) -> int:
    fingerprint = pipeline_fingerprint(pipe, options)
    plan = plan_run(options, fingerprint)
    report = Reporter(console, quiet=options.quiet)
    wall_start = time.time()
    combined = _combined_tables(options)
    for o in plan.settled:  # unreadable subfolders, unchanged inputs
        report.record(o)
        if combined is not None and o.status == "skipped":  # the tables cover every input
            _add_from_disk(combined, options, o)

    def finish(o: Outcome) -> None:
        if combined is not None and o.edition is not None:
            try:
                combined.add(o.edition, o.input)
            except Exception as exc:  # this input's rows only; the run goes on
                o = failed(o.input, o.stem, exc)
        report.advance(o)

    interrupted = False
    with report.progress(len(plan.todo), shown=plan.inputs >= 2):
        try:
            run_inputs(pipe, plan.todo, options, finish)
        except KeyboardInterrupt:
            interrupted = True
            sweep_temporaries(options.out_dir, wall_start)
            report.interrupted()
    if combined is not None:
        combined.close()
    write_manifest(
        pipe,
        options,
        fingerprint,
        report.outcomes,
        interrupted=interrupted,
        seconds=report.seconds,
    )
    report.summary(options.out_dir)
    return _exit_code(report.outcomes, interrupted)


def _combined_tables(options: BatchOptions) -> CombinedTables | None:
    if not options.combined:
        return None
    from jsr_nlp.exporters import CombinedTables

    return CombinedTables(options.out_dir, options.combined_format)


def _add_from_disk(combined: CombinedTables, options: BatchOptions, skipped: Outcome) -> None:
    """Add an earlier run's edition of a skipped input to the combined tables."""
    assert skipped.stem is not None
    edition = previous_edition(options.out_dir, skipped.stem, "")
    if edition is not None:
        combined.add(edition, skipped.input)


def _exit_code(outcomes: list[Outcome], interrupted: bool) -> int:
    if interrupted:
        return 130
    return 1 if any(o.status in {"failed", "incomplete"} for o in outcomes) else 0
