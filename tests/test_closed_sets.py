"""Each closed set of names is defined once; everything else that lists it agrees.

Provider names: :data:`jsr_nlp.translate.provider_names.PROVIDER_NAMES`.
"""

from __future__ import annotations

from typing import get_args

import pytest
from typer.testing import CliRunner

from jsr_nlp.cli import app
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
