"""Options several commands share, and what their values become."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import typer

from jsr_nlp.cli.console import print_error
from jsr_nlp.exporters.as_csv import TableFormat
from jsr_nlp.translate.provider_names import ProviderName

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
OutOpt = Annotated[
    str,
    typer.Option("--out", "-o", help="Folder for the outputs (--out . for the current folder)."),
]
TranslatorOpt = Annotated[
    ProviderName | None,
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

#: What the listings print: a table for reading, or the rows of ``process``'s tables.
ListingFormat = Literal["table", TableFormat]
LISTING_FORMATS: tuple[ListingFormat, ...] = get_args(ListingFormat)


def out_folder(value: str | Path) -> Path:
    """The ``--out`` folder; an empty name is a usage error, not the current folder."""
    if not str(value).strip():
        print_error("--out must name a folder (it was blank); use --out . for the current folder")
        raise typer.Exit(2)
    return Path(value)


def translate_options_from_flags(
    provider: ProviderName | None, url: str | None, cache_dir: Path | None, no_cache: bool
) -> dict[str, Any]:
    """The ``[translate]`` settings the command line overrides (validated with the others)."""
    opts: dict[str, Any] = {}
    if provider is not None:
        opts["provider"] = provider
    if url:
        opts["url"] = url
    if cache_dir is not None:
        opts["cache_dir"] = str(cache_dir)
    if no_cache:
        opts["no_cache"] = True
    return opts
