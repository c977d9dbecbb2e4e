"""``jsr-nlp process`` and ``jsr-nlp translate``: whole runs into an output folder."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from jsr_nlp.cli.console import err
from jsr_nlp.cli.guard import handle_errors
from jsr_nlp.cli.options import (
    CacheDirOpt,
    ModelOpt,
    NoCacheOpt,
    OutOpt,
    PipelineOpt,
    TranslatorOpt,
    TranslatorUrlOpt,
    out_folder,
    translate_options_from_flags,
)
from jsr_nlp.exporters import BUILTIN_FORMATS, available_formats


@handle_errors
def process(
    inputs: Annotated[
        list[str], typer.Argument(help="Text files, folders, globs, or - for standard input.")
    ],
    out_dir: OutOpt,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Comma-separated: {','.join(BUILTIN_FORMATS)} (default: the pipeline's, "
            "json,txt).",
        ),
    ] = None,
    pipeline: PipelineOpt = "default",
    model: ModelOpt = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Also translate the clean text into this language.")
    ] = None,
    translator: TranslatorOpt = None,
    translator_url: TranslatorUrlOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Process files in parallel.")
    ] = 1,
    skip_unchanged: Annotated[
        bool,
        typer.Option(
            "--skip-unchanged", help="Skip inputs unchanged since the last run into --out."
        ),
    ] = False,
    combined: Annotated[
        bool,
        typer.Option(
            "--combined", help="Also write one corrections/entities/dates table for the run."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> int:
    """Clean, correct and annotate texts; write <stem>.json, <stem>.es.txt and more to --out."""
    return _run_batch(
        inputs,
        out_dir,
        formats,
        pipeline=pipeline,
        model=model,
        to=to,
        translate_options=translate_options_from_flags(
            translator, translator_url, cache_dir, no_cache
        ),
        jobs=jobs,
        skip_unchanged=skip_unchanged,
        combined=combined,
        quiet=quiet,
    )


@handle_errors
def translate(
    inputs: Annotated[list[str], typer.Argument(help="Text files, folders or globs.")],
    out_dir: OutOpt,
    to: Annotated[str, typer.Option("--to", help="Target language.")] = "en",
    translator: TranslatorOpt = None,
    translator_url: TranslatorUrlOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    pipeline: PipelineOpt = "default",
) -> int:
    """Process and translate: like `process --to LANG --format json,txt`."""
    return _run_batch(
        inputs,
        out_dir,
        "json,txt",
        pipeline=pipeline,
        model=None,
        to=to,
        translate_options=translate_options_from_flags(
            translator, translator_url, cache_dir, no_cache
        ),
    )


def _run_batch(
    inputs: list[str],
    out_dir: str,
    formats: str | None,
    *,
    pipeline: str,
    model: str | None,
    to: str | None,
    translate_options: dict[str, Any],
    jobs: int = 1,
    skip_unchanged: bool = False,
    combined: bool = False,
    quiet: bool = False,
) -> int:
    """Load the pipeline, run every input into ``out_dir``; the exit code."""
    from jsr_nlp.batch import BatchOptions, run_batch
    from jsr_nlp.pipeline import load_pipeline

    folder = out_folder(out_dir)
    pipe = load_pipeline(
        pipeline, model=model, translate_to=to, translate_options=translate_options
    )
    options = BatchOptions(
        inputs=list(inputs),
        out_dir=folder,
        formats=parse_formats(formats, pipe.spec.export.formats),
        jobs=jobs,
        skip_unchanged=skip_unchanged,
        combined=combined,
        quiet=quiet,
        pipeline=pipeline,
        model=model,
        translate_to=to,
        translate_options=translate_options,
    )
    return run_batch(pipe, options, err)


def parse_formats(value: str | None, default: tuple[str, ...]) -> list[str]:
    """The formats of ``--format json,txt``; ``default`` (the pipeline's) when not given."""
    if not value:
        return list(default)
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    allowed = set(available_formats())  # the built-in ones, and those of installed packages
    bad = [n for n in names if n not in allowed]
    if bad:
        msg = f"unknown format(s) {', '.join(bad)}; choose from {', '.join(sorted(allowed))}"
        raise typer.BadParameter(msg, param_hint="--format")
    return names
