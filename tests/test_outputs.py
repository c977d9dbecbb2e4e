"""Nothing lost: output names, the manifest, concurrent runs, output folders among the inputs.

Each test reproduces a way a run once lost or mixed editions (the reliability issue).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsr_nlp.batch import LOCK, FolderLock, plan_stems
from jsr_nlp.cli import app
from jsr_nlp.errors import ConfigurationError

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _edition(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_an_input_named_run_never_becomes_the_manifest(tmp_path):
    src = tmp_path / "run.txt"
    src.write_text("Stalin y Japón firmaron el pacto en abril de 1941.", "utf-8")
    out = tmp_path / "out"
    assert run("process", str(src), "--out", str(out)).exit_code == 0
    manifest = _edition(out / "run.json")
    assert manifest["schema"] == "jsr-nlp.run/1"
    edition = _edition(out / "run.txt.json")
    assert edition["source"]["path"] == str(src)
    # and the next run does not call it unchanged because some run.json exists
    src.write_text("Mólotov y Matsuoka firmaron el pacto en abril de 1941.", "utf-8")
    result = run("process", str(src), "--out", str(out), "--skip-unchanged")
    assert "unchanged since the last run" not in result.output
    assert "Mólotov" in _edition(out / "run.txt.json")["text"]["source"]


def test_adding_a_file_never_renames_another_files_outputs(tmp_path):
    texts = tmp_path / "texts"
    (texts / "sub").mkdir(parents=True)
    (texts / "sub" / "x.txt").write_text("Stalin habló en Moscú en 1941.", "utf-8")
    (texts / "b.txt").write_text("Japón firmó en 1941.", "utf-8")
    out = tmp_path / "out"
    assert run("process", str(texts), "--out", str(out)).exit_code == 0
    first = _edition(out / "sub" / "x.json")
    (texts / "a").mkdir()
    (texts / "a" / "x.txt").write_text("Zhúkov venció en Jaljin Gol en 1939.", "utf-8")
    result = run("process", str(texts), "--out", str(out), "--skip-unchanged")
    assert result.exit_code == 0, result.output
    assert _edition(out / "sub" / "x.json") == first  # untouched, and skipped as unchanged
    assert "sub/x.txt: unchanged" in result.output.replace(str(texts) + "/", "")
    assert _edition(out / "a" / "x.json")["source"]["path"] == str(texts / "a" / "x.txt")


def test_skip_unchanged_checks_that_the_output_is_this_inputs(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("Stalin habló en Moscú en 1941.", "utf-8")
    out = tmp_path / "out"
    assert run("process", str(src), "--out", str(out)).exit_code == 0
    # another input's edition now sits where x's was
    other = _edition(out / "x.json")
    other["source"]["path"] = str(tmp_path / "elsewhere" / "x.txt")
    (out / "x.json").write_text(json.dumps(other), "utf-8")
    result = run("process", str(src), "--out", str(out), "--skip-unchanged")
    assert "unchanged since the last run" not in result.output
    assert _edition(out / "x.json")["source"]["path"] == str(src)


def test_stems_are_relative_paths_and_unique():
    stems = plan_stems(["t/x.txt", "t/x.md", "t/a/x.txt", "t/run.txt", "t/index.md", "t/run"])
    assert stems == ["x", "x.md", "a/x", "run.txt", "index.md", "run.input"]
    assert len(set(stems)) == len(stems)
    # the same file gets the same name whatever else is in the run
    assert plan_stems(["t/a/x.txt", "t/b/y.txt"])[0] == plan_stems(["t/a/x.txt", "t/c/z.txt"])[0]


def test_a_second_run_into_a_locked_folder_stops_naming_the_holder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (out / LOCK).write_text(f"{holder.pid}\n", "ascii")
        src = tmp_path / "a.txt"
        src.write_text("Stalin y Japón.", "utf-8")
        result = run("process", str(src), "--out", str(out))
        assert result.exit_code == 2
        assert f"process {holder.pid}" in result.output
        assert not (out / "a.json").exists() and not (out / "run.json").exists()
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone: its stale lock is taken over, and released at the end
    result = run("process", str(tmp_path / "a.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "a.json").exists() and not (out / LOCK).exists()


def test_lock_is_exclusive_within_one_process_too(tmp_path):
    first = FolderLock(tmp_path)
    first.acquire()
    with pytest.raises(ConfigurationError, match=f"process {os.getpid()}"):
        FolderLock(tmp_path).acquire()
    first.release()
    with FolderLock(tmp_path).held():
        assert (tmp_path / LOCK).exists()
    assert not (tmp_path / LOCK).exists()


@pytest.mark.parametrize("layout", ["file-in-out", "folder-is-out"])
def test_out_folder_containing_the_inputs_still_processes_them(tmp_path, layout, monkeypatch):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Stalin y Japón firmaron en 1941.", "utf-8")
    monkeypatch.chdir(texts)
    args = ["a.txt", "--out", "."] if layout == "file-in-out" else [str(texts), "--out", str(texts)]
    for _ in range(2):  # the second run must not take the first run's outputs as inputs
        result = run("process", *args)
        assert result.exit_code == 0, result.output
        manifest = _edition(texts / "run.json")
        assert [Path(o["input"]).name for o in manifest["inputs"]] == ["a.txt"]
        assert manifest["inputs"][0]["status"] == "done"
    assert (texts / "a.json").exists() and (texts / "a.es.txt").exists()
    assert not (texts / "a.es.json").exists()


def test_no_input_files_is_an_error_and_keeps_the_manifest(tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.json").write_text('{"schema": "jsr-nlp.run/1", "inputs": [1]}', "utf-8")
    result = run("process", str(tmp_path / "empty"), "--out", str(out))
    assert result.exit_code == 2
    assert "no .txt or .md files" in result.output
    assert json.loads((out / "run.json").read_text("utf-8"))["inputs"] == [1]
