"""``jsr-nlp lexicon``: checks of lexicon files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jsr_nlp.cli.console import err, out
from jsr_nlp.cli.guard import handle_errors

lexicon_app = typer.Typer(
    help="Check lexicon files (gazetteer, rules, glossary).", no_args_is_help=True
)


@lexicon_app.command("check")
@handle_errors
def lexicon_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Lexicon files or folders (default: the bundled lexicons)."),
    ] = None,
) -> int:
    """Validate lexicon files: schema, duplicate forms across entries, common-word clashes."""
    from jsr_nlp.lexicon.check import check_paths

    problems, summary = check_paths(paths or [])
    for line in problems:
        err.print(line, markup=False)
    out.print(summary, markup=False)
    return 1 if problems else 0
