"""Hostile inputs, generated: no traceback, documented exit codes, offsets that hold.

Mixed scripts, control and invisible characters, long tokens and random bytes go through
the library (the whole pipeline) and the command line. Time per input is measured in
``bench/bench_hostile.py``, not here.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jsr_nlp.audit import replay
from jsr_nlp.cli import app
from jsr_nlp.errors import JsrNlpError

PIECES = st.sampled_from(
    [
        "Stalin",
        "Zhúkov",
        "Georgi Zukhovs",
        "57,000 tropas",
        "Rojo. .",
        "南 進 論",
        "Ejér\u00adcito",
        "\u200b",
        "\ufeff",
        "\u202e",
        "\u00a0",
        "\r\n",
        "\n\n",
        "\t",
        "(",
        ")",
        "«",
        "»",
        ".",
        ",",
        "Сталин",
        "東京",
        "ﬁn",
        "a" * 300,
        "Ⅻ",
        "\x00",
        "\x07",
        "\ud800",
        "e\u0301",
        "1,234.5",
        "1.250,500",
        "de de",
        "Staline a signé le pacte avec le Japon en avril 1941.",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), min_size=1, max_size=25).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_library_editions_keep_their_offsets(pipeline, text):
    try:
        ed = pipeline(text)
    except JsrNlpError:
        return  # an input error (empty, unreadable) is a documented outcome
    assert replay(ed.source_text, ed.corrections) == ed.clean_text
    for e in ed.entities:
        assert ed.clean_text[e.start : e.end] == e.text
        assert 0 <= e.source_start <= e.source_end <= len(ed.source_text)
    again = type(ed).from_json(ed.to_json())
    assert again.clean_text == ed.clean_text


@settings(max_examples=25, deadline=None)
@given(data=st.binary(min_size=0, max_size=400))
def test_any_bytes_through_the_cli_give_a_documented_exit(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    src = folder / "input.txt"
    src.write_bytes(data)
    result = CliRunner().invoke(app, ["process", str(src), "--out", str(folder / "out"), "-q"])
    assert result.exit_code in {0, 1}, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    manifest = json.loads((folder / "out" / "run.json").read_text("utf-8"))
    (entry,) = manifest["inputs"]
    assert entry["status"] in {"done", "failed"}
    if entry["status"] == "failed":
        assert entry["error"].startswith(str(src))
