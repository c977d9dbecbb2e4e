"""``jsr-nlp entities`` and ``jsr-nlp dates``: one layer of the editions, on stdout.

The rendering of each is in :mod:`jsr_nlp.cli.entities` and :mod:`jsr_nlp.cli.dates`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jsr_nlp.cli.console import out, print_error
from jsr_nlp.cli.guard import handle_errors
from jsr_nlp.cli.options import ListingFormat, ModelOpt, PipelineOpt
from jsr_nlp.errors import JsrNlpError

if TYPE_CHECKING:
    from jsr_nlp.ingest import Decoded
    from jsr_nlp.model import Edition
    from jsr_nlp.pipeline import Pipeline


InputsArg = Annotated[list[str], typer.Argument(help="Text files or folders.")]
FormatOpt = Annotated[ListingFormat, typer.Option("--format", "-f", case_sensitive=False)]


@handle_errors
def entities(
    inputs: InputsArg,
    fmt: FormatOpt = "table",
    pipeline: PipelineOpt = "default",
    model: ModelOpt = None,
) -> int:
    """List the named entities, with counts per canonical identity."""
    from jsr_nlp.cli.entities import render_entities
    from jsr_nlp.pipeline import load_pipeline

    rows, failed = _layer_rows(inputs, load_pipeline(pipeline, model=model), "entities")
    render_entities(rows, fmt, out)
    return 1 if failed else 0


@handle_errors
def dates(
    inputs: InputsArg,
    fmt: FormatOpt = "table",
    pipeline: PipelineOpt = "default",
) -> int:
    """List the time expressions, sorted by their earliest day."""
    from jsr_nlp.cli.dates import render_dates
    from jsr_nlp.pipeline import load_pipeline

    rows, failed = _layer_rows(inputs, load_pipeline(pipeline), "dates")
    render_dates(rows, fmt, out)
    return 1 if failed else 0


def _layer_rows(inputs: list[str], pipe: Pipeline, layer: str) -> tuple[list[dict[str, Any]], bool]:
    """One row per entity or date of every readable input (with its file); any failures?"""
    from dataclasses import asdict

    failures: list[str] = []
    rows = [
        {"file": label, **asdict(item)}
        for label, ed in _editions(inputs, pipe, failures)
        for item in getattr(ed, layer)
    ]
    return rows, bool(failures)


def _editions(
    inputs: list[str], pipe: Pipeline, failures: list[str]
) -> Iterator[tuple[str, Edition]]:
    """Yield (file label, edition) for readable inputs; report and collect the others."""
    from jsr_nlp.ingest import expand_inputs, read_path

    _ = pipe.corrector  # a bad lexicon is one configuration error, before any input

    def decoded() -> Iterator[Decoded]:
        for path in expand_inputs(inputs):
            try:
                yield read_path(path)
            except JsrNlpError as exc:
                print_error(str(exc))
                failures.append(str(path))

    for d, result in pipe.pipe_results(decoded()):
        if isinstance(result, JsrNlpError):
            print_error(str(result))
            failures.append(d.path or "<stdin>")
            continue
        yield (result.source.path or "<stdin>"), result
