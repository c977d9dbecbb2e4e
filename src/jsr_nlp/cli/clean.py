"""``jsr-nlp clean``: the clean text, standard input to standard output."""

from __future__ import annotations

from typing import Annotated

import typer

from jsr_nlp.cli.console import err, out, print_error
from jsr_nlp.cli.guard import handle_errors
from jsr_nlp.cli.options import PipelineOpt
from jsr_nlp.errors import JsrNlpError


@handle_errors
def clean(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files to clean (default: standard input).")
    ] = None,
    pipeline: PipelineOpt = "default",
    explain: Annotated[
        bool, typer.Option("--explain", help="List the corrections on stderr.")
    ] = False,
) -> int:
    """Print the clean text (cleaning and corrections, no analysis): stdin → stdout."""
    from jsr_nlp.ingest import read_path
    from jsr_nlp.pipeline import load_pipeline

    pipe = load_pipeline(pipeline)
    _ = pipe.corrector  # a bad lexicon is one configuration error, before any input
    failed = 0
    for name in inputs or ["-"]:
        try:
            decoded = read_path(name)
        except JsrNlpError as exc:
            print_error(str(exc))
            failed += 1
            continue
        log = pipe.edit(decoded)
        out.file.write(log.text)
        out.file.flush()
        if explain:
            for c in log.corrections:
                err.print(f"{c.action:9} {c.rule:38} {c.text!r} → {c.replacement!r}", markup=False)
    return 1 if failed else 0
