"""``jsr-nlp pipelines``: the bundled pipelines."""

from __future__ import annotations

from typing import Annotated

import typer

from jsr_nlp.cli.console import out
from jsr_nlp.cli.guard import guard

pipelines_app = typer.Typer(help="List and show the bundled pipelines.", no_args_is_help=True)


@pipelines_app.command("list")
def pipelines_list() -> None:
    """Bundled pipelines and what they are for."""
    from jsr_nlp.pipeline import available_pipelines, load_spec

    def body() -> int:
        for name, path in available_pipelines().items():
            spec = load_spec(path)
            out.print(f"{name}\t{spec.description}", markup=False)
        return 0

    raise typer.Exit(guard(body))


@pipelines_app.command("show")
def pipelines_show(name: Annotated[str, typer.Argument(help="Pipeline name or file.")]) -> None:
    """Print a pipeline file, validated."""
    from jsr_nlp.pipeline import load_spec

    def body() -> int:
        spec = load_spec(name)
        assert spec.path is not None
        out.print(f"# {spec.path}", markup=False)
        out.print(spec.path.read_text(encoding="utf-8"), markup=False, end="")
        return 0

    raise typer.Exit(guard(body))
