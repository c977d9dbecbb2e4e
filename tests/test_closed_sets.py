"""Each closed set of names is defined once; everything else that lists it agrees.

Provider names: :data:`jsr_nlp.translate.provider_names.PROVIDER_NAMES`. Output formats:
:data:`jsr_nlp.exporters.BUILTIN_FORMATS` (of which :data:`~jsr_nlp.exporters.as_csv.TABLE_FORMATS`
are the tables). Listing formats: :data:`jsr_nlp.cli.listing.LISTING_FORMATS`.
"""

from __future__ import annotations

from typing import get_args, get_type_hints

import pytest
from typer.testing import CliRunner

from jsr_nlp.cli import app
from jsr_nlp.cli.options import LISTING_FORMATS
from jsr_nlp.cli.process import parse_formats, process
from jsr_nlp.exporters import BUILTIN_FORMATS, EXPORTERS, files_for, write
from jsr_nlp.exporters.as_csv import TABLE_FORMATS, TableExporter
from jsr_nlp.model import Edition, PipelineInfo, Source
from jsr_nlp.pipeline import load_spec
from jsr_nlp.translate import KEY_ENV, PROVIDERS, TranslateOptions
from jsr_nlp.translate.provider_names import PROVIDER_NAMES


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def parsed(result) -> bool:
    """The command line was accepted: it got as far as loading the (missing) pipeline."""
    assert result.exit_code == 2, result.output
    return "no pipeline named 'nope'" in result.stderr


# -- translation providers ---------------------------------------------------------------------


def test_every_provider_has_a_spec_and_only_they_do():
    assert tuple(PROVIDERS) == PROVIDER_NAMES
    assert [spec.name for spec in PROVIDERS.values()] == list(PROVIDER_NAMES)
    assert set(KEY_ENV) <= set(PROVIDER_NAMES)


def test_the_options_accept_exactly_the_providers():
    assert get_args(TranslateOptions.model_fields["provider"].annotation) == PROVIDER_NAMES
    for name in PROVIDER_NAMES:
        assert TranslateOptions(provider=name).provider == name


@pytest.mark.parametrize("command", ["process", "translate"])
def test_the_command_line_accepts_exactly_the_providers(command, tmp_path):
    base = [command, str(tmp_path / "x.txt"), "--out", str(tmp_path / "o"), "-p", "nope"]
    for name in (*PROVIDER_NAMES, PROVIDER_NAMES[0].upper()):
        assert parsed(run(*base, "--translator", name)), name
    refused = run(*base, "--translator", "yandex")
    assert not parsed(refused)
    assert "--translator" in refused.stderr and "yandex" in refused.stderr


# -- output formats ----------------------------------------------------------------------------


def test_the_builtin_formats_are_the_registered_exporters():
    assert all(EXPORTERS[name].name == name for name in BUILTIN_FORMATS)
    assert set(TABLE_FORMATS) <= set(BUILTIN_FORMATS)
    assert [n for n in BUILTIN_FORMATS if isinstance(EXPORTERS[n], TableExporter)] == list(
        TABLE_FORMATS
    )
    assert set(load_spec("default").export.formats) <= set(BUILTIN_FORMATS)


def test_process_names_and_accepts_every_builtin_format():
    (option,) = get_type_hints(process.__wrapped__, include_extras=True)["formats"].__metadata__
    assert f"Comma-separated: {','.join(BUILTIN_FORMATS)} " in option.help
    for name in BUILTIN_FORMATS:
        assert parse_formats(name.upper(), ()) == [name]
    assert parse_formats(",".join(BUILTIN_FORMATS), ()) == list(BUILTIN_FORMATS)


@pytest.mark.parametrize("fmt", BUILTIN_FORMATS)
def test_write_recognises_the_names_of_every_format_s_files(fmt, tmp_path):
    # write(edition, fmt, "out/carta.<suffix>") finds the stem "carta" again
    # (exporters.KNOWN_SUFFIXES): its files are the ones process names "carta.*"
    ed = Edition(
        Source("carta.txt", "", "utf-8", "es", 5), PipelineInfo("p", "0", None), "Japón", "Japón"
    )
    names = files_for(EXPORTERS[fmt], "carta", ed)
    assert [p.name for p in write(ed, fmt, tmp_path / names[0])] == names


# -- the listings ------------------------------------------------------------------------------


def test_the_listings_print_a_table_or_the_exporters_tables():
    assert ("table", *TABLE_FORMATS) == LISTING_FORMATS


@pytest.mark.parametrize("command", ["entities", "dates"])
def test_the_listings_accept_exactly_their_formats(command, tmp_path):
    base = [command, str(tmp_path / "x.txt"), "-p", "nope"]
    for fmt in (*LISTING_FORMATS, LISTING_FORMATS[-1].upper()):
        assert parsed(run(*base, "--format", fmt)), fmt
    assert not parsed(run(*base, "--format", "tei"))
