"""Issue 13, item 9: one input's failure, whatever it is, never ends the run.

Each test runs ``jsr-nlp process`` on a folder where one input goes wrong in a way the
pipeline does not expect (a stray file where its previous edition would be, a
``MemoryError`` or a bug in a stage, a symbolic link loop, an unreadable subfolder) and
checks that the other inputs are processed, that the failure is one line naming the file,
and that the manifest is written. Faults are injected into the pipeline's stages; the run
itself (``jsr_nlp.batch``) is the real one.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner
from unprivileged import process_as_user

import jsr_nlp.pipeline
from jsr_nlp.cli import app

TEXTS = {
    "a.txt": "Stalin y Japón firmaron el pacto en abril de 1941.\n",
    "boom.txt": "El Ejército Rojo entró en Manchuria. BOOM\n",
    "data.txt": "Molotov viajó a Berlín en noviembre de 1940.\n",
    "z.txt": "Zhúkov venció en Jaljin Gol en agosto de 1939.\n",
}


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, "utf-8")
    return src


def _manifest(out: Path) -> dict[str, dict]:
    data = json.loads((out / "run.json").read_text("utf-8"))
    return {Path(o["input"]).name: o for o in data["inputs"]}


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("error", "internal"))]


def test_stray_json_where_the_previous_edition_would_be(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "o"
    out.mkdir()
    (out / "data.json").write_text("[1,2,3]", "utf-8")
    result = _run("process", str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    runs = _manifest(out)
    assert sorted(runs) == sorted(TEXTS)
    assert {o["status"] for o in runs.values()} == {"done"}
    # the stray file was no edition of data.txt: it is processed afresh
    edition = json.loads((out / "data.json").read_text("utf-8"))
    assert edition["source"]["path"].endswith("data.txt")


@pytest.mark.parametrize(
    ("stage", "exc", "words"),
    [
        ("clean_log", MemoryError(), "memory"),
        ("analyse_doc", ValueError("a bug in a stage"), "ValueError: a bug in a stage"),
    ],
)
def test_an_unexpected_error_fails_only_its_input(tmp_path, monkeypatch, stage, exc, words):
    real = getattr(jsr_nlp.pipeline, stage)

    def faulty(first, *args, **kwargs):
        if "BOOM" in first.text:
            raise exc
        return real(first, *args, **kwargs)

    monkeypatch.setattr(jsr_nlp.pipeline, stage, faulty)
    src, out = _folder(tmp_path), tmp_path / "o"
    result = _run("process", str(src), "--out", str(out))
    assert result.exit_code == 1, result.output
    runs = _manifest(out)
    assert sorted(runs) == sorted(TEXTS)
    assert runs["boom.txt"]["status"] == "failed"
    assert words in runs["boom.txt"]["error"] and "boom.txt" in runs["boom.txt"]["error"]
    for name in ("a.txt", "data.txt", "z.txt"):
        assert runs[name]["status"] == "done"
        assert (out / name.replace(".txt", ".json")).is_file()
    (line,) = _error_lines(result.output)
    assert line.startswith("error: ") and "boom.txt" in line and words in line


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="")
def test_a_worker_that_dies_fails_its_inputs_and_the_run_goes_on(tmp_path, monkeypatch):
    parent = os.getpid()
    real = jsr_nlp.pipeline.clean_log

    def dies_in_a_worker(log, *args, **kwargs):
        if "BOOM" in log.text and os.getpid() != parent:
            os._exit(9)  # as a worker killed by the system would
        return real(log, *args, **kwargs)

    monkeypatch.setattr(jsr_nlp.pipeline, "clean_log", dies_in_a_worker)
    src, out = _folder(tmp_path), tmp_path / "o"
    for i in range(4):
        (src / f"more{i}.txt").write_text(TEXTS["a.txt"], "utf-8")
    result = _run("process", str(src), "--out", str(out), "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    runs = _manifest(out)
    assert len(runs) == len(TEXTS) + 4
    assert runs["boom.txt"]["status"] == "failed"
    assert any(o["status"] == "done" for o in runs.values())
    for o in runs.values():
        if o["status"] == "failed":
            assert Path(o["input"]).name in o["error"]


def test_symlink_loops_in_an_input_folder(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "o"
    (src / "loop.txt").symlink_to("loop.txt")
    (src / "l1.txt").symlink_to("l2.txt")
    (src / "l2.txt").symlink_to("l1.txt")
    result = _run("process", str(src), "--out", str(out))
    assert result.exit_code == 1, result.output
    runs = _manifest(out)
    for name in TEXTS:
        assert runs[name]["status"] == "done"
    for name in ("loop.txt", "l1.txt", "l2.txt"):
        assert runs[name]["status"] == "failed"
        assert name in runs[name]["error"]
    errors = _error_lines(result.output)
    assert len(errors) == 3 and all(e.startswith("error: ") for e in errors)


def test_an_unreadable_subfolder_is_one_line_and_the_rest_is_processed(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "o"
    secret = src / "secret"
    secret.mkdir()
    (secret / "hidden.txt").write_text(TEXTS["a.txt"], "utf-8")
    secret.chmod(0)
    try:
        result = process_as_user(src, out)
    except subprocess.SubprocessError:
        pytest.skip("cannot give up root's powers to read a folder here")
    finally:
        secret.chmod(0o755)
    assert result.returncode == 1, result.stderr
    runs = _manifest(out)
    for name in TEXTS:
        assert runs[name]["status"] == "done"
    assert runs["secret"]["status"] == "failed"
    (line,) = _error_lines(result.stderr)
    assert str(secret) in line and "cannot read this folder" in line
