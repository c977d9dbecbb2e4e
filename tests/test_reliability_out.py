"""Issue 13, item 10: an output folder the run cannot write stops it before any input.

Whatever stands in the way (a folder that cannot be created, a read-only folder, a folder
where the manifest or a combined table must go), the run exits 2 with one line naming
the place and the problem, and nothing is processed: no edition appears anywhere.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner
from unprivileged import process_as_user

from jsr_nlp.cli import app

TEXT = "Stalin y Japón firmaron el pacto en abril de 1941.\n"


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(TEXT, "utf-8")
    return folder


def _process(src: Path, out: Path | str, *extra: str):
    args = ["process", str(src), "--out", str(out), *extra]
    return CliRunner().invoke(app, args, catch_exceptions=False)


def _one_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: "), lines[0]
    return lines[0]


def _nothing_processed(*folders: Path) -> None:
    for folder in folders:
        if folder.is_dir():
            assert not [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_folder_that_cannot_be_created_in_proc(src):
    result = _process(src, "/proc/x")
    assert result.exit_code == 2
    line = _one_error(result)
    assert "/proc/x" in line and "cannot create the output folder in /proc" in line


def test_a_folder_below_a_file(src, tmp_path):
    (tmp_path / "file").write_text("x", "utf-8")
    result = _process(src, tmp_path / "file" / "sub")
    assert result.exit_code == 2
    line = _one_error(result)
    assert str(tmp_path / "file" / "sub") in line
    assert f"{tmp_path / 'file'} is a file, not a folder" in line


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_an_existing_folder_on_a_read_only_file_system(src):
    result = _process(src, "/proc")
    assert result.exit_code == 2
    line = _one_error(result)
    assert "/proc: cannot write into the output folder" in line


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_read_only_folder(src, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = process_as_user(src, out)
    except subprocess.SubprocessError:
        pytest.skip("root writes anywhere, and cannot give that up here")
    finally:
        out.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ")
    assert str(out) in line and "cannot write into the output folder (Permission denied)" in line
    _nothing_processed(out)


def test_a_folder_where_the_manifest_goes(src, tmp_path):
    out = tmp_path / "o"
    (out / "run.json").mkdir(parents=True)
    result = _process(src, out)
    assert result.exit_code == 2
    line = _one_error(result)
    assert str(out / "run.json") in line and "it is a folder" in line
    _nothing_processed(out)


@pytest.mark.parametrize(("fmt", "table"), [("csv", "entities.csv"), ("jsonl", "dates.jsonl")])
def test_a_folder_where_a_combined_table_goes(src, tmp_path, fmt, table):
    out = tmp_path / "o"
    (out / table).mkdir(parents=True)
    result = _process(src, out, "-f", fmt, "--combined")
    assert result.exit_code == 2
    line = _one_error(result)
    assert str(out / table) in line and "it is a folder" in line
    _nothing_processed(out)


def test_without_combined_a_folder_named_like_a_table_is_no_obstacle(src, tmp_path):
    out = tmp_path / "o"
    (out / "entities.csv").mkdir(parents=True)
    result = _process(src, out, "-f", "csv", "-q")
    assert result.exit_code == 0, result.output
    assert (out / "a.entities.csv").is_file()
