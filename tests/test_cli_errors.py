"""How a command ends: exit codes, ``--debug`` (before or after the command), a closed stdout.

Exit codes: 0 done, 1 some inputs failed (or a bug), 2 bad usage or configuration; with
``--debug`` the traceback is shown as well and the exit code stays the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import jsr_nlp.pipeline
from jsr_nlp.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "japon-urss-segunda-guerra-mundial.txt"


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_a_configuration_error_is_one_line_and_exit_code_2():
    result = run("pipelines", "show", "nope")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: nope: no pipeline named 'nope' (bundled: default; or give a .toml path)\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("--debug", "pipelines", "show", "nope"),
        ("pipelines", "show", "nope", "--debug"),
        ("process", str(SAMPLE), "--out", "o", "-p", "nope", "--debug"),
        ("--debug", "process", str(SAMPLE), "--out", "o", "-p", "nope"),
    ],
)
def test_debug_shows_the_traceback_and_keeps_exit_code_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback (most recent call last)" in result.stderr
    assert "ConfigurationError: nope: no pipeline named 'nope'" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.fixture
def buggy_listing(monkeypatch):
    def available_pipelines():
        msg = "boom"
        raise RuntimeError(msg)

    monkeypatch.setattr(jsr_nlp.pipeline, "available_pipelines", available_pipelines)


def test_a_bug_is_one_line_and_exit_code_1(buggy_listing):
    result = run("pipelines", "list")
    assert result.exit_code == 1
    assert result.stderr == (
        "internal error: RuntimeError: boom (run again with --debug for the traceback)\n"
    )


@pytest.mark.parametrize(
    "args", [("--debug", "pipelines", "list"), ("pipelines", "list", "--debug")]
)
def test_a_bug_with_debug_shows_the_traceback_and_exit_code_1(buggy_listing, args):
    result = run(*args)
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().endswith("RuntimeError: boom")


def test_usage_errors_keep_exit_code_2():
    result = run("process", str(SAMPLE), "--out", "o", "--format", "docx")
    assert result.exit_code == 2
    assert "unknown format(s) docx" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("entities", str(SAMPLE), "-f", "jsonl"),
        ("clean", str(SAMPLE)),
        ("pipelines", "list"),
        ("--version",),
    ],
    ids=["entities", "clean", "pipelines", "version"],
)
def test_a_reader_that_stops_early_ends_the_command_quietly(args):
    # `jsr-nlp entities x | head -1`: the reader closes the pipe before the data is written.
    proc = subprocess.Popen(
        [sys.executable, "-m", "jsr_nlp", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, stderr
    assert stderr == ""
