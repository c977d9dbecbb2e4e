"""The ``jsr-nlp`` command line (Typer): the application, its root options, its commands.

Thin: each command calls the public API and prints. Data goes to stdout, progress and
messages to stderr (:mod:`jsr_nlp.cli.console`); how a command ends, exit code and
``--debug``, is :mod:`jsr_nlp.cli.guard`'s. Heavy modules (spaCy, the pipeline) are
imported inside the commands so that ``jsr-nlp --help`` stays fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from jsr_nlp.cli.clean import clean
from jsr_nlp.cli.console import err, out
from jsr_nlp.cli.guard import CliState, DebugOpt
from jsr_nlp.cli.lexicon import lexicon_app
from jsr_nlp.cli.listing import dates, entities
from jsr_nlp.cli.pipelines import pipelines_app
from jsr_nlp.cli.process import process, translate

app = typer.Typer(
    name="jsr-nlp",
    help="Clean, annotate and translate damaged Spanish texts (OCR and machine translation).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def _version_callback(value: bool) -> None:
    if value:
        from jsr_nlp import __version__

        out.print(f"jsr-nlp {__version__}")
        raise typer.Exit


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Clean, annotate and translate damaged Spanish texts.

    Start with: jsr-nlp process FILE_OR_FOLDER --out DIR
    """
    ctx.obj = CliState(debug=debug)


app.command()(process)
app.command()(clean)
app.command()(entities)
app.command()(dates)
app.command()(translate)
app.add_typer(pipelines_app, name="pipelines")
app.add_typer(lexicon_app, name="lexicon")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        err.print("interrupted")
        sys.exit(130)
