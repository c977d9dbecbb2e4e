"""``jsr-nlp pipelines``: the bundled pipelines."""

from __future__ import annotations

from typing import Annotated

import typer

from jsr_nlp.cli.console import out
from jsr_nlp.cli.guard import handle_errors

pipelines_app = typer.Typer(help="List and show the bundled pipelines.", no_args_is_help=True)


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
