"""The ``jsr-nlp`` command line (Typer). Thin: it calls the public API and prints.

Data goes to stdout, progress and messages to stderr. Errors the user can act on
become one line and an exit code (0 all done, 1 some inputs or segments failed,
2 bad usage or configuration); ``--debug`` shows the traceback instead.
Heavy modules (spaCy, the pipeline) are imported inside the commands so that
``jsr-nlp --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jsr_nlp.cli.console import err, out, print_error
from jsr_nlp.cli.guard import CliState, DebugOpt, handle_errors
from jsr_nlp.cli.lexicon import lexicon_app
from jsr_nlp.cli.pipelines import pipelines_app
from jsr_nlp.errors import JsrNlpError

if TYPE_CHECKING:
    from jsr_nlp.ingest import Decoded
    from jsr_nlp.pipeline import Pipeline

app = typer.Typer(
    name="jsr-nlp",
    help="Clean, annotate and translate damaged Spanish texts (OCR and machine translation).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
app.add_typer(pipelines_app, name="pipelines")
app.add_typer(lexicon_app, name="lexicon")


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


class ExportFormat(StrEnum):
    """Formats ``process`` can write."""

    json = "json"
    txt = "txt"
    tei = "tei"
    html = "html"
    csv = "csv"
    jsonl = "jsonl"


class TableFormat(StrEnum):
    """Output of the ``entities`` and ``dates`` listings."""

    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class Provider(StrEnum):
    """Translation providers (through deep-translator)."""

    google = "google"
    libre = "libre"
    deepl = "deepl"
    microsoft = "microsoft"
    mymemory = "mymemory"


def _parse_formats(value: str | None, default: tuple[str, ...]) -> list[str]:
    if not value:
        return list(default)
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    from jsr_nlp.exporters import available_formats

    allowed = {f.value for f in ExportFormat} | set(available_formats())
    bad = [n for n in names if n not in allowed]
    if bad:
        msg = f"unknown format(s) {', '.join(bad)}; choose from {', '.join(sorted(allowed))}"
        raise typer.BadParameter(msg, param_hint="--format")
    return names


def _translate_options(
    provider: Provider | None, url: str | None, cache_dir: Path | None, no_cache: bool
) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if provider is not None:
        opts["provider"] = provider.value
    if url:
        opts["url"] = url
    if cache_dir is not None:
        opts["cache_dir"] = str(cache_dir)
    if no_cache:
        opts["no_cache"] = True
    return opts


PipelineOpt = Annotated[
    str, typer.Option("--pipeline", "-p", help="Bundled pipeline name or a pipeline .toml file.")
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Another installed spaCy Spanish pipeline (default: the pipeline's, es_core_news_sm).",
    ),
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Also translate the clean text into this language.")
]
TranslatorOpt = Annotated[
    Provider | None,
    typer.Option(
        "--translator",
        case_sensitive=False,
        help="Translation provider; keys come from the environment, never the command line.",
    ),
]
TranslatorUrlOpt = Annotated[
    str | None,
    typer.Option("--translator-url", help="Base URL of a self-hosted LibreTranslate server."),
]
CacheDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="JSR_NLP_CACHE_DIR",
        help="Translation cache folder (default: the user cache folder).",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")
]


def _out_folder(value: str | Path) -> Path:
    """The ``--out`` folder; an empty name is a usage error, not the current folder."""
    if not str(value).strip():
        print_error("--out must name a folder (it was blank); use --out . for the current folder")
        raise typer.Exit(2)
    return Path(value)


OutOpt = Annotated[
    str,
    typer.Option("--out", "-o", help="Folder for the outputs (--out . for the current folder)."),
]


@app.command()
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
            help="Comma-separated: json,txt,tei,html,csv,jsonl (default: the "
            "pipeline's, json,txt).",
        ),
    ] = None,
    pipeline: PipelineOpt = "default",
    model: ModelOpt = None,
    to: ToOpt = None,
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
        translate_options=_translate_options(translator, translator_url, cache_dir, no_cache),
        jobs=jobs,
        skip_unchanged=skip_unchanged,
        combined=combined,
        quiet=quiet,
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
    """``process`` and ``translate``: load the pipeline, run every input, return the exit code."""
    from jsr_nlp.batch import BatchOptions, run_batch
    from jsr_nlp.pipeline import load_pipeline

    out_folder = _out_folder(out_dir)
    pipe = load_pipeline(
        pipeline, model=model, translate_to=to, translate_options=translate_options
    )
    options = BatchOptions(
        inputs=list(inputs),
        out_dir=out_folder,
        formats=_parse_formats(formats, pipe.spec.export.formats),
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


@app.command()
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


def _editions(inputs: list[str], pipe: Pipeline, failures: list[str]) -> Iterator[tuple[str, Any]]:
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


@app.command()
@handle_errors
def entities(
    inputs: Annotated[list[str], typer.Argument(help="Text files or folders.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = TableFormat.table,
    pipeline: PipelineOpt = "default",
    model: ModelOpt = None,
) -> int:
    """List the named entities, with counts per canonical identity."""
    from jsr_nlp.cli.entities import render_entities
    from jsr_nlp.pipeline import load_pipeline

    rows, failed = _layer_rows(inputs, load_pipeline(pipeline, model=model), "entities")
    render_entities(rows, fmt.value, out)
    return 1 if failed else 0


@app.command()
@handle_errors
def dates(
    inputs: Annotated[list[str], typer.Argument(help="Text files or folders.")],
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = TableFormat.table,
    pipeline: PipelineOpt = "default",
) -> int:
    """List the time expressions, sorted by their earliest day."""
    from jsr_nlp.cli.dates import render_dates
    from jsr_nlp.pipeline import load_pipeline

    rows, failed = _layer_rows(inputs, load_pipeline(pipeline), "dates")
    render_dates(rows, fmt.value, out)
    return 1 if failed else 0


@app.command()
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
        translate_options=_translate_options(translator, translator_url, cache_dir, no_cache),
    )


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        err.print("interrupted")
        sys.exit(130)
