"""Fixtures of the translation tests: the fake LibreTranslate server and fast options.

The server runs once per session on 127.0.0.1 (a free port) and is reset before each
test. No test reads or writes the user's cache folder or sees the user's API keys.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from jsr_nlp.translate import KEY_ENV, TranslateOptions
from jsr_nlp.translate.options import CACHE_DIR_ENV, REGION_ENV

from .server import FakeLibreTranslate, Faults

#: Retries and time-outs small enough that every failure path runs in well under a second.
FAST: dict[str, Any] = {
    "timeout": 0.25,
    "max_retries": 3,
    "backoff_base": 0.001,
    "backoff_max": 0.005,
    "max_total_seconds": 10.0,
}


@pytest.fixture(scope="session")
def _server() -> Iterator[FakeLibreTranslate]:
    with FakeLibreTranslate() as server:
        yield server


@pytest.fixture
def server(_server: FakeLibreTranslate) -> FakeLibreTranslate:
    """The fake LibreTranslate server, with counters zeroed and every fault switched off."""
    _server.reset(Faults())
    return _server


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a host other than 127.0.0.1 fails the test that makes it."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost") and not isinstance(host, bytes):
            pytest.fail(f"a translation test tried to reach {host!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in (*KEY_ENV.values(), REGION_ENV, "LIBRE_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "env-cache"))


@pytest.fixture
def libre(server: FakeLibreTranslate, tmp_path: Path) -> Callable[..., TranslateOptions]:
    """Build options for the fake server: fast retries, a per-test cache folder."""

    def make(**fields: Any) -> TranslateOptions:
        values = {"provider": "libre", "url": server.url, "cache_dir": tmp_path / "cache"}
        return TranslateOptions(**{**values, **FAST, **fields})

    return make
