"""``jsr-nlp pipelines``: list, show and check pipelines."""

from __future__ import annotations

from typing import Annotated

import typer

from jsr_nlp.cli.console import err, out
from jsr_nlp.cli.guard import handle_errors

pipelines_app = typer.Typer(help="List, show and check pipelines.", no_args_is_help=True)


@pipelines_app.command("list")
@handle_errors
def pipelines_list() -> int:
    """Bundled pipelines and what they are for."""
    from jsr_nlp.pipeline import available_pipelines, load_spec

    for name, path in available_pipelines().items():
        spec = load_spec(path)
        out.print(f"{name}\t{spec.description}", markup=False)
    return 0


@pipelines_app.command("show")
@handle_errors
def pipelines_show(name: Annotated[str, typer.Argument(help="Pipeline name or file.")]) -> int:
    """Print a pipeline file, validated."""
    from jsr_nlp.pipeline import load_spec

    spec = load_spec(name)
    assert spec.path is not None
    out.print(f"# {spec.path}", markup=False)
    out.print(spec.path.read_text(encoding="utf-8"), markup=False, end="")
    return 0


@pipelines_app.command("check")
@handle_errors
def pipelines_check(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Pipeline names or files (default: the bundled default)."),
    ] = None,
) -> int:
    """Validate pipeline files and every lexicon and vocabulary they name (exit 1: problems)."""
    from jsr_nlp.pipeline_check import check_pipelines

    problems, summary = check_pipelines(names or ["default"])
    for line in problems:
        err.print(line, markup=False)
    out.print(summary, markup=False)
    return 1 if problems else 0
