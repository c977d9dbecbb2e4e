"""The command line, driven through Typer's CliRunner (and once as a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsr_nlp.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "japon-urss-segunda-guerra-mundial.txt"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("jsr-nlp ")


def test_help_is_fast_and_lists_commands():
    # `--help` must not import spaCy: measured in a fresh interpreter.
    code = "import sys, jsr_nlp.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    result = run("--help")
    for command in ("process", "clean", "entities", "dates", "translate", "pipelines", "lexicon"):
        assert command in result.stdout


def test_process_sample_writes_the_edition(tmp_path):
    out = tmp_path / "out"
    result = run("process", str(SAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    stem = SAMPLE.stem
    edition = json.loads((out / f"{stem}.json").read_text("utf-8"))
    assert edition["schema"] == "jsr-nlp.edition/1"
    clean = (out / f"{stem}.es.txt").read_text("utf-8")
    assert clean == edition["text"]["clean"]
    assert "Georgi Zhukov" in clean and "57.000 soldados" in clean
    for key in (
        "source",
        "pipeline",
        "text",
        "corrections",
        "entities",
        "dates",
        "translation",
        "warnings",
    ):
        assert key in edition
    assert edition["source"]["sha256"] and edition["source"]["encoding"] == "utf-8"
    for c in edition["corrections"]:
        assert set(c) >= {
            "id",
            "rule",
            "category",
            "action",
            "source",
            "replacement",
            "confidence",
            "note",
        }
    # the summary names the counts and where the files went
    assert "corrections applied" in result.output and str(out) in result.output
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    assert manifest["inputs"][0]["status"] == "done"


def test_folder_with_bad_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bueno.txt").write_text("Stalin firmó el pacto con Japón en abril de 1941.", "utf-8")
    (src / "otro.txt").write_text("El Ejército Rojo avanzó en Manchuria.", "utf-8")
    (src / "vacio.txt").write_bytes(b"")
    (src / "binario.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "roto.txt").symlink_to(tmp_path / "no-existe.txt")
    out = tmp_path / "out"
    result = run("process", str(src), "--out", str(out))
    assert result.exit_code == 1
    assert (out / "bueno.json").exists() and (out / "otro.json").exists()
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("vacio.txt" in e and "empty" in e for e in errors)
    assert any("binario.txt" in e and "binary" in e for e in errors)
    assert any("roto.txt" in e for e in errors)
    assert not list(out.glob("*.tmp*")) and not list(out.glob(".*"))
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    assert sorted(o["status"] for o in manifest["inputs"]) == [
        "done",
        "done",
        "failed",
        "failed",
        "failed",
    ]


def test_skip_unchanged(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("La URSS denunció el pacto en abril de 1945.", "utf-8")
    out = tmp_path / "out"
    assert run("process", str(src), "--out", str(out)).exit_code == 0
    again = run("process", str(src), "--out", str(out), "--skip-unchanged")
    assert again.exit_code == 0
    assert "unchanged since the last run" in again.output
    src.write_text("La URSS denunció el pacto en abril de 1945. Y algo más.", "utf-8")
    third = run("process", str(src), "--out", str(out), "--skip-unchanged")
    assert "unchanged since the last run" not in third.output


def test_bad_pipeline_is_a_configuration_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[clean]\nthousand_separator = "."\n', "utf-8")
    result = run("process", str(SAMPLE), "--out", str(tmp_path), "--pipeline", str(bad))
    assert result.exit_code == 2
    assert "bad.toml" in result.output and "thousand_separator" in result.output
    assert "Traceback" not in result.output
    assert run("process", str(SAMPLE), "--out", str(tmp_path), "-p", "nope").exit_code == 2


def test_unknown_format_is_bad_usage(tmp_path):
    result = run("process", str(SAMPLE), "--out", str(tmp_path), "--format", "json,docx")
    assert result.exit_code == 2


def test_clean_from_stdin():
    result = run("clean", input="Georgi Zukhovs mandó 57,000 tropas. .\n")
    assert result.exit_code == 0
    assert result.stdout == "Georgi Zhukov mandó 57.000 soldados.\n"


def test_pipelines_list_and_show():
    listing = run("pipelines", "list")
    assert listing.exit_code == 0 and "default" in listing.stdout
    shown = run("pipelines", "show", "default")
    assert shown.exit_code == 0 and "[analyse]" in shown.stdout


def test_lexicon_check(tmp_path):
    ok = run("lexicon", "check")
    assert ok.exit_code == 0, ok.output
    assert "entities" in ok.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[meta]\nname = "x"\n[[entity]]\nid = "per.x"\nlabel = "LOC"\nkind = "person"\n'
        'canonical = "X"\nenglish = "X"\ncolour = "red"\n',
        "utf-8",
    )
    result = run("lexicon", "check", str(bad))
    assert result.exit_code == 1
    assert "bad.toml [entity per.x]" in result.output and "colour" in result.output


def test_python_m_and_console_script(tmp_path):
    env = {**os.environ, "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "jsr_nlp", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0 and out.stdout.startswith("jsr-nlp")


@pytest.mark.parametrize("command", ["entities", "dates"])
def test_listing_commands(command):
    for fmt in ("jsonl", "csv", "table"):
        result = run(command, str(SAMPLE), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()
    rows = [
        json.loads(line)
        for line in run(command, str(SAMPLE), "--format", "jsonl").stdout.splitlines()
        if line.strip()
    ]
    assert rows and all(r["file"].endswith(SAMPLE.name) for r in rows)


def test_parallel_jobs_and_combined_tables(tmp_path):
    import csv

    src = tmp_path / "in"
    src.mkdir()
    texts = [
        "Georgi Zukhovs mandó 57,000 tropas en agosto de 1939.",
        "La URSS denunció el pacto en abril de 1945 y atacó Manchuria.",
        "El Ejército de Kwantung fue derrotado por el Ejército Rojo en 1945.",
    ]
    for i, text in enumerate(texts):
        (src / f"t{i}.txt").write_text(text, "utf-8")
    serial, parallel = tmp_path / "s", tmp_path / "p"
    assert run("process", str(src), "--out", str(serial)).exit_code == 0
    result = run(
        "process",
        str(src),
        "--out",
        str(parallel),
        "--jobs",
        "2",
        "--combined",
        "--format",
        "json,csv",
    )
    assert result.exit_code == 0, result.output
    for i in range(len(texts)):
        a = json.loads((serial / f"t{i}.json").read_text("utf-8"))
        b = json.loads((parallel / f"t{i}.json").read_text("utf-8"))
        assert a["text"] == b["text"] and a["entities"] == b["entities"]

    def files_in(table: str) -> set[str]:
        with (parallel / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            return {Path(r["file"]).name for r in csv.DictReader(fh)}

    assert "t0.txt" in files_in("corrections")  # Zukhovs, 57,000, tropas
    assert files_in("entities") == {"t0.txt", "t1.txt", "t2.txt"}
    assert files_in("dates") == {"t0.txt", "t1.txt", "t2.txt"}
    manifest = json.loads((parallel / "run.json").read_text("utf-8"))
    assert [o["status"] for o in manifest["inputs"]] == ["done"] * 3


def test_skip_unchanged_holds_across_runs_and_keeps_combined_tables(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Stalin y Japón firmaron en 1941.", "utf-8")
    out = tmp_path / "out"
    args = [
        "process",
        str(src),
        "--out",
        str(out),
        "--skip-unchanged",
        "--combined",
        "--format",
        "json,csv",
    ]
    statuses = []
    for _ in range(3):
        assert run(*args).exit_code == 0
        manifest = json.loads((out / "run.json").read_text("utf-8"))
        statuses.append(manifest["inputs"][0]["status"])
        assert len((out / "entities.csv").read_text("utf-8").splitlines()) > 1
    assert statuses == ["done", "skipped", "skipped"]


def test_combined_tables_without_json(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Stalin y Japón firmaron en 1941.", "utf-8")
    out = tmp_path / "out"
    assert run("process", str(src), "--out", str(out), "-f", "csv", "--combined").exit_code == 0
    assert len((out / "entities.csv").read_text("utf-8").splitlines()) > 1


def test_out_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text("Stalin y Japón.", "utf-8")
    for _ in range(2):
        assert run("process", str(tmp_path), "--out", str(tmp_path / "out")).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.es.txt",
        "a.json",
        "run.json",
    ]


def test_out_must_be_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Stalin y Japón.", "utf-8")
    (tmp_path / "file").write_text("x", "utf-8")
    result = run("process", str(tmp_path / "a.txt"), "--out", str(tmp_path / "file"))
    assert result.exit_code == 2 and "must be a folder" in result.output


def test_listing_still_shows_readable_files_when_one_fails(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Stalin y Japón firmaron en abril de 1941.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("entities", str(good), str(tmp_path / "empty.txt"), "--format", "jsonl")
    assert result.exit_code == 1
    assert any(
        json.loads(line)["text"] == "Stalin"
        for line in result.stdout.splitlines()
        if line.startswith("{")
    )


def test_bad_rule_is_one_configuration_error(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text(
        '[meta]\nname = "x"\n[[rule]]\nid = "calque.x"\ncategory = "calque"\n'
        'pattern = [{LOWR = "pacto"}]\nreplacement = "y"\nnote = "n"\n',
        "utf-8",
    )
    pipe = tmp_path / "p.toml"
    pipe.write_text(f'name = "p"\nlexicons = ["{lex.as_posix()}"]\n', "utf-8")
    (tmp_path / "a.txt").write_text("el pacto", "utf-8")
    result = run("process", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-p", str(pipe))
    assert result.exit_code == 2 and "calque.x" in result.output
    check = run("lexicon", "check", str(lex))
    assert check.exit_code == 1 and "LOWR" in check.output


def test_ctrl_c_keeps_finished_files_and_writes_the_manifest(tmp_path):
    import signal
    import time

    src = tmp_path / "in"
    src.mkdir()
    text = SAMPLE.read_text("utf-8")
    for i in range(200):
        (src / f"t{i:03d}.txt").write_text(text, "utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "jsr_nlp", "process", str(src), "--out", str(out), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 3:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    assert manifest["interrupted"] is True
    done = [o for o in manifest["inputs"] if o["status"] == "done"]
    assert 0 < len(done) < 200
    for o in done:  # what was finished is complete
        assert json.loads((out / f"{o['stem']}.json").read_text("utf-8"))["schema"]
    assert not [p for p in out.iterdir() if p.name.startswith(".") or ".tmp" in p.name]
