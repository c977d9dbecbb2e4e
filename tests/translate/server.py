"""A small LibreTranslate-compatible HTTP server for the translation tests.

It speaks the part of the LibreTranslate API that deep-translator's ``LibreTranslator``
uses (``POST /translate`` with ``q``, ``source``, ``target``, ``format`` and ``api_key``
as query, form or JSON fields, answering ``{"translatedText": ...}``; ``GET /languages``),
with the same status codes as the real service (``libretranslate/app.py``): 400 for a bad
request, a missing required key, an unsupported language or text over the character limit;
403 for an invalid key; 429 to slow down; 500 when translation fails.

It "translates" word by word with ``wordlist.toml`` so tests can predict the output, and its
:class:`Faults` switches make it misbehave deterministically: fail or hang the first N
requests or one request in N, answer a fixed status, mangle code-like tokens (the
translation stage's placeholders), merge lines. Every ``/translate`` request is counted.
"""

from __future__ import annotations

import json
import re
import threading
import tomllib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

WORDLIST = Path(__file__).with_name("wordlist.toml")

Mangle = Literal["drop", "truncate", "case", "space"]

_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")
_CODE_LIKE = re.compile(r"\b([A-Za-z]+)(\d+)([A-Za-z]*)\b")


@dataclass
class Faults:
    """Switches a test sets to make the server misbehave; all off by default.

    Request numbers count ``/translate`` calls from 1. When several switches apply to
    one request, hanging wins over failing.
    """

    status: int | None = None  # answer every /translate with this status
    fail_first: int = 0  # requests 1..fail_first answer fail_status
    fail_every: int = 0  # request n with n % fail_every == 0 answers fail_status
    fail_status: int = 500
    hang_first: int = 0  # requests 1..hang_first hang
    hang_every: int = 0  # request n with n % hang_every == 0 hangs
    hang_seconds: float = 5.0  # how long a hung request sleeps before answering
    mangle: Mangle | None = None  # what to do to code-like tokens such as ZXQ1QXZ
    merge_lines: bool = False  # answer one line for a multi-line q
    char_limit: int = -1  # like LibreTranslate's --char-limit
    api_key: str | None = None  # when set, the server requires this key
    languages: tuple[str, ...] = ("en", "es")


@dataclass
class _State:
    faults: Faults = field(default_factory=Faults)
    requests: int = 0
    queries: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)


def load_wordlist(path: Path = WORDLIST) -> dict[str, str]:
    """The Spanish → English table the server translates with."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {str(k).casefold(): str(v) for k, v in data["words"].items()}


def fake_translate(text: str, words: dict[str, str]) -> str:
    """Translate word by word, keeping unknown tokens, punctuation and line breaks.

    >>> fake_translate("El Ejército y ZXQ1QXZ.", {"el": "the", "ejército": "army", "y": "and"})
    'The Army and ZXQ1QXZ.'
    """
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        english = words.get(tok.casefold())
        if english is None:
            out.append(tok)
        elif tok[0].isupper():
            out.append(english[0].upper() + english[1:])
        else:
            out.append(english)
    return "".join(out)


def mangle(text: str, how: Mangle) -> str:
    """Damage code-like tokens the way machine translation services sometimes do.

    >>> [mangle("see ZXQ1QXZ now", h) for h in ("drop", "truncate", "case", "space")]
    ['see  now', 'see ZXQ1 now', 'see zxq1qxz now', 'see ZXQ 1 QXZ now']
    """

    def one(m: re.Match[str]) -> str:
        head, digits, tail = m.groups()
        if how == "drop":
            return ""
        if how == "truncate":
            return head + digits
        if how == "case":
            return m.group(0).lower()
        return f"{head} {digits} {tail}".strip()

    return _CODE_LIKE.sub(one, text)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def _send(self, status: int, payload: object) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _fields(self) -> dict[str, Any]:
        """Query, form and JSON fields merged, as Flask's ``request.values``/``get_json``."""
        parts = urlsplit(self.path)
        values: dict[str, Any] = {k: v[0] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        ctype = self.headers.get("Content-Type", "")
        if raw and ctype.startswith("application/json"):
            data = json.loads(raw)
            if isinstance(data, dict):
                values.update(data)
        elif raw:
            values.update({k: v[0] for k, v in parse_qs(raw.decode()).items()})
        return values

    def do_GET(self) -> None:
        path = urlsplit(self.path).path.rstrip("/")
        if path.endswith("/languages"):  # any prefix, like LibreTranslate's --url-prefix
            langs = self.server.state.faults.languages
            self._send(
                200,
                [{"code": c, "name": c, "targets": [t for t in langs if t != c]} for c in langs],
            )
        else:
            self._send(404, {"error": "Not Found"})

    def do_POST(self) -> None:
        path = urlsplit(self.path).path.rstrip("/")
        if not path.endswith("/translate"):
            self._send(404, {"error": "Not Found"})
            return
        state = self.server.state
        with state.lock:
            state.requests += 1
            n = state.requests
            faults = state.faults
        values = self._fields()
        q = values.get("q")
        with state.lock:  # recorded on arrival, so a late answer never lands in another test
            state.queries.extend(q if isinstance(q, list) else [str(q)] if q else [])
        if faults.api_key is not None:
            key = values.get("api_key")
            if key and key != faults.api_key:
                self._send(403, {"error": "Invalid API key"})
                return
            if not key:
                self._send(400, {"error": "Please contact the server operator to get an API key"})
                return
        if (faults.hang_first and n <= faults.hang_first) or (
            faults.hang_every and n % faults.hang_every == 0
        ):
            state.release.wait(faults.hang_seconds)
        elif faults.status is not None:
            self._send(faults.status, {"error": f"switched to answer {faults.status}"})
            return
        elif (faults.fail_first and n <= faults.fail_first) or (
            faults.fail_every and n % faults.fail_every == 0
        ):
            self._send(faults.fail_status, {"error": f"injected failure on request {n}"})
            return
        self._translate(values, faults)

    def _translate(self, values: dict[str, Any], faults: Faults) -> None:
        q = values.get("q")
        for name in ("q", "source", "target"):
            if not values.get(name):
                self._send(400, {"error": f"Invalid request: missing {name} parameter"})
                return
        for name in ("source", "target"):
            if values[name] not in faults.languages:
                self._send(400, {"error": f"{values[name]} is not supported"})
                return
        fmt = values.get("format") or "text"
        if fmt not in ("text", "html"):
            self._send(400, {"error": f"{fmt} format is not supported"})
            return
        texts: list[str] = q if isinstance(q, list) else [str(q)]
        chars = sum(len(t) for t in texts)
        if faults.char_limit != -1 and chars > faults.char_limit:
            msg = f"Invalid request: request ({chars}) exceeds text limit ({faults.char_limit})"
            self._send(400, {"error": msg})
            return
        words = self.server.words
        out = []
        for text in texts:
            source_lines = "\n".join(text.splitlines()).split("\n")
            lines = [fake_translate(line, words) for line in source_lines]
            joined = " ".join(lines) if faults.merge_lines else "\n".join(lines)
            out.append(mangle(joined, faults.mangle) if faults.mangle else joined)
        self._send(200, {"translatedText": out if isinstance(q, list) else out[0]})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: _State, words: dict[str, str]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state
        self.words = words


class FakeLibreTranslate:
    """The test server: start it, point ``LibreTranslator(custom_url=server.url)`` at it.

    ``faults`` may be replaced or changed at any time; ``requests`` counts ``/translate``
    calls and ``queries`` keeps every text received, in order, both from their arrival.
    """

    def __init__(self, words: dict[str, str] | None = None) -> None:
        self._state = _State()
        self._server = _Server(self._state, words if words is not None else load_wordlist())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL with the trailing slash deep-translator expects."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def faults(self) -> Faults:
        """The current switches."""
        return self._state.faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self._state.lock:
            self._state.faults = value

    @property
    def requests(self) -> int:
        """How many ``/translate`` requests arrived since the last :meth:`reset`."""
        return self._state.requests

    @property
    def queries(self) -> list[str]:
        """Every text received since the last :meth:`reset`, in order."""
        with self._state.lock:
            return list(self._state.queries)

    def reset(self, faults: Faults | None = None) -> None:
        """Zero the counters and set new switches (all off by default)."""
        with self._state.lock:
            self._state.requests = 0
            self._state.queries.clear()
            self._state.faults = faults or Faults()

    def start(self) -> FakeLibreTranslate:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hung requests, stop serving and close the socket."""
        self._state.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeLibreTranslate:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
