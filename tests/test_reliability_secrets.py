"""Issue 13, item 5: credentials in ``--translator-url`` never reach the screen or a file.

The runs go through the real CLI, deep-translator's real client and the fake LibreTranslate
server on 127.0.0.1 (or a closed port there); every byte written to stdout, stderr and the
output folder is searched for the password and the key.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from pydantic import ValidationError
from translate.server import FakeLibreTranslate, Faults
from typer.testing import CliRunner

from jsr_nlp.cli import app
from jsr_nlp.resources import pipelines_dir
from jsr_nlp.translate import TranslateOptions
from jsr_nlp.translate.providers import Provider
from jsr_nlp.translate.redact import redact_url

PASSWORD = "Pa55-w0rd-XYZZY"
KEY = "k3y-PLUGH"
TEXT = "El Ejército Rojo entró en Manchuria el 9 de agosto de 1945. Stalin firmó el pacto.\n"


@pytest.fixture(autouse=True)
def _no_user_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LIBRETRANSLATE_API_KEY", raising=False)
    monkeypatch.setenv("JSR_NLP_CACHE_DIR", str(tmp_path / "env-cache"))


@pytest.fixture(scope="module")
def server():
    with FakeLibreTranslate() as s:
        yield s


@pytest.fixture
def fast_pipeline(tmp_path: Path) -> Path:
    lexicons = (pipelines_dir() / "lexicons" / "*.toml").as_posix()
    path = tmp_path / "fast.toml"
    path.write_text(
        f'name = "fast"\nlexicons = ["{lexicons}"]\n'
        "[translate]\ntimeout = 0.3\nmax_retries = 1\nbackoff_base = 0.001\n"
        "backoff_max = 0.005\nmax_total_seconds = 5.0\n",
        "utf-8",
    )
    return path


def _with_credentials(url: str, query: bool) -> str:
    url = url.replace("http://", f"http://reader:{PASSWORD}@", 1)
    return url + f"?api_key={KEY}" if query else url


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def _everything(result, out: Path) -> str:
    """stdout, stderr and every file the run wrote."""
    parts = [result.stdout, result.stderr]
    parts += [p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file()]
    return "\n".join(parts)


def _process(tmp_path: Path, url: str, pipeline: Path, *extra: str):
    src = tmp_path / "carta.txt"
    src.write_text(TEXT, "utf-8")
    out = tmp_path / "out"
    args = ["process", str(src), "--out", str(out), "--to", "en", "--translator", "libre"]
    args += ["--translator-url", url, "-p", str(pipeline), "--no-cache", *extra]
    return CliRunner().invoke(app, args, catch_exceptions=False), out


@pytest.mark.parametrize(("status", "query"), [(404, True), (400, False)])
def test_refusing_server_error_line_and_manifest_hide_the_password(
    server, fast_pipeline, tmp_path, status, query
):
    server.reset(Faults(status=status))
    result, out = _process(tmp_path, _with_credentials(server.url, query), fast_pipeline)
    assert result.exit_code == 1
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    (entry,) = manifest["inputs"]
    assert entry["status"] == "failed"
    # the error still says where: the server, its user, and the file
    assert "reader:***@127.0.0.1" in entry["error"] and "carta.txt" in entry["error"]
    assert "reader:***@127.0.0.1" in result.stderr
    everything = _everything(result, out)
    assert PASSWORD not in everything
    assert KEY not in everything


def test_unreachable_server_edition_and_manifest_hide_the_password(fast_pipeline, tmp_path):
    result, out = _process(tmp_path, _with_credentials(_closed_port_url(), True), fast_pipeline)
    assert result.exit_code == 1  # translation incomplete, edition written
    edition = json.loads((out / "carta.json").read_text("utf-8"))
    assert edition["translation"]["complete"] is False
    assert edition["warnings"]
    everything = _everything(result, out)
    assert PASSWORD not in everything
    assert KEY not in everything


def test_bad_url_is_a_configuration_error_without_the_password(fast_pipeline, tmp_path):
    result, out = _process(tmp_path, f"ftp://reader:{PASSWORD}@127.0.0.1/", fast_pipeline)
    assert result.exit_code == 2
    assert not out.exists()  # found before anything was read or written
    assert "reader:***@127.0.0.1" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr


def test_options_repr_validation_errors_and_cache_identity_hide_the_password():
    url = f"http://reader:{PASSWORD}@127.0.0.1:5000/?auth_key={KEY}"
    options = TranslateOptions(provider="libre", url=url)
    assert options.url == url + "/"  # the client still gets the real address
    assert PASSWORD not in repr(options) and KEY not in repr(options)
    assert PASSWORD not in str(options)
    identity = Provider(options).identity
    assert "reader:***@127.0.0.1:5000" in identity
    assert PASSWORD not in identity and KEY not in identity
    with pytest.raises(ValidationError) as caught:
        TranslateOptions(provider="libre", url=f"ftp://reader:{PASSWORD}@host/")
    assert PASSWORD not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://u:p4ss@h:1/x", "http://u:***@h:1/x"),
        ("https://tok3n@h/", "https://***@h/"),
        ("http://u:p@ss@h/", "http://u:***@h/"),
        ("http://h/t?key=abc&q=1", "http://h/t?key=***&q=1"),
        ("http://h/t?q=1&auth_key=abc", "http://h/t?q=1&auth_key=***"),
        ("http://h/t?API_KEY=abc#f", "http://h/t?API_KEY=***#f"),
        ("see http://u:p@h/ and https://v:q@i/.", "see http://u:***@h/ and https://v:***@i/."),
        ("http://127.0.0.1:5000/", "http://127.0.0.1:5000/"),
        ("a.txt: 3 dates", "a.txt: 3 dates"),
    ],
)
def test_redact_url(url, shown):
    assert redact_url(url) == shown
    assert redact_url(shown) == shown
