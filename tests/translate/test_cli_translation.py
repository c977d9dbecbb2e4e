"""The English edition end to end: `jsr-nlp process --to en --translator libre` against the
fake LibreTranslate server, through deep-translator's real client and the full pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsr_nlp.cli import app
from jsr_nlp.resources import pipelines_dir

from .server import Faults

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "japon-urss-segunda-guerra-mundial.txt"
STEM = SAMPLE.stem


@pytest.fixture
def fast_pipeline(tmp_path: Path) -> Path:
    """The default pipeline with time-outs and retries small enough for a test."""
    lexicons = (pipelines_dir() / "lexicons" / "*.toml").as_posix()
    path = tmp_path / "fast.toml"
    path.write_text(
        f'name = "fast"\nlexicons = ["{lexicons}"]\n'
        "[translate]\ntimeout = 0.3\nmax_retries = 1\nbackoff_base = 0.001\n"
        "backoff_max = 0.005\nmax_total_seconds = 20.0\nbatch_chars = 300\n",
        "utf-8",
    )
    return path


def _process(server, out: Path, pipeline: Path, cache: Path):
    args = [
        "process",
        str(SAMPLE),
        "--out",
        str(out),
        "--to",
        "en",
        "--translator",
        "libre",
        "--translator-url",
        server.url,
        "--cache-dir",
        str(cache),
        "-p",
        str(pipeline),
    ]
    return CliRunner().invoke(app, args, catch_exceptions=False)


def test_english_edition_with_names_in_english_and_no_second_request(
    server, fast_pipeline, tmp_path
):
    out, cache = tmp_path / "out", tmp_path / "cache"
    result = _process(server, out, fast_pipeline, cache)
    assert result.exit_code == 0, result.output
    assert server.requests > 0
    edition = json.loads((out / f"{STEM}.json").read_text("utf-8"))
    tr = edition["translation"]
    assert tr["complete"] and tr["target"] == "en" and tr["provider"] == "libre"
    english = (out / f"{STEM}.en.txt").read_text("utf-8")
    assert english.strip() == tr["text"].strip()
    assert "ZXQ" not in english.upper()
    linked = [e for e in edition["entities"] if e["id"] and e["english"]]
    assert linked
    missing = [e["english"] for e in linked if e["english"] not in english]
    assert missing == []
    # segments line up with the clean Spanish
    clean = edition["text"]["clean"]
    for seg in tr["segments"]:
        assert clean[seg["start"] : seg["end"]] == seg["source"]

    server.reset(Faults())
    again = _process(server, tmp_path / "out2", fast_pipeline, cache)
    assert again.exit_code == 0
    assert server.requests == 0


def test_faults_mark_segments_failed_and_a_rerun_completes(server, fast_pipeline, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    server.faults = Faults(fail_every=3, hang_every=10, hang_seconds=1.0)
    result = _process(server, out, fast_pipeline, cache)
    assert result.exit_code == 1
    assert "incomplete" in result.output
    edition = json.loads((out / f"{STEM}.json").read_text("utf-8"))
    tr = edition["translation"]
    failed = [s for s in tr["segments"] if s["status"] == "failed"]
    assert failed and not tr["complete"]
    assert all(s["target"] == s["source"] for s in failed)  # nothing lost
    assert any("segment" in w for w in edition["warnings"])

    server.reset(Faults())
    rerun = _process(server, out, fast_pipeline, cache)
    assert rerun.exit_code == 0, rerun.output
    done = json.loads((out / f"{STEM}.json").read_text("utf-8"))["translation"]
    assert done["complete"]
    # only what was missing is sent again
    assert server.requests <= len(failed)


def test_translate_command(server, fast_pipeline, tmp_path):
    text = tmp_path / "corto.txt"
    text.write_text("Stalin firmó el pacto con Japón en abril de 1941.", "utf-8")
    out = tmp_path / "out"
    args = [
        "translate",
        str(text),
        "--out",
        str(out),
        "--to",
        "en",
        "--translator",
        "libre",
        "--translator-url",
        server.url,
        "--cache-dir",
        str(tmp_path / "c"),
        "-p",
        str(fast_pipeline),
    ]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    english = (out / "corto.en.txt").read_text("utf-8")
    assert "Stalin" in english and "Japan" in english
    assert json.loads((out / "corto.json").read_text("utf-8"))["translation"]["complete"]
