"""Reliability (issue 13, items 15 and 16): the library API and the small CLI edges.

Item 15: ``pipe`` keeps every edition before an error and its input order; ``pipe_results``
yields errors in place; values that are not text get a clear ``TypeError``/``InputError``;
bytes are decoded like a file; lone surrogates become recorded U+FFFD corrections;
``Edition.from_json`` checks fields and offsets and raises one ``EditionFormatError``.
Item 16: per-input ``seconds`` in ``run.json``; ``--out ""``; ``lexicon check`` on a folder
without lexicons; ``bundled:`` lexicon paths in a pipeline kept elsewhere.
"""

from __future__ import annotations

import codecs
import copy
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jsr_nlp import ingest, model
from jsr_nlp.analysis.build import MAX_CHARS
from jsr_nlp.audit import replay
from jsr_nlp.cli import app
from jsr_nlp.errors import InputError, JsrNlpError
from jsr_nlp.ingest import Decoded, from_string
from jsr_nlp.model import Edition
from jsr_nlp.resources import pipelines_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt"
TEXTS = [
    "La URSS y Japón firmaron el pacto de neutralidad en abril de 1941.",
    "Stalin no confiaba en Japón.",
    "El Ejército de Kwantung ocupó Manchuria en 1931.",
]
runner = CliRunner()


def _too_long() -> Decoded:
    return Decoded("x" * (MAX_CHARS + 1), "utf-8", "0" * 64, "largo.txt")


# -- item 15: pipe and pipe_results --------------------------------------------------------------


def test_pipe_yields_the_editions_before_a_failing_generator(pipeline):
    def texts():
        yield TEXTS[0]
        yield TEXTS[1]
        msg = "disco roto"
        raise RuntimeError(msg)

    got = []
    with pytest.raises(RuntimeError, match="disco roto"):
        got.extend(ed.clean_text for ed in pipeline.pipe(texts()))
    assert got == TEXTS[:2]


def test_pipe_yields_the_editions_before_an_empty_text(pipeline):
    got = []
    with pytest.raises(InputError, match=r"<text 2>: is empty"):
        got.extend(ed.clean_text for ed in pipeline.pipe([TEXTS[0], "  ", TEXTS[1]]))
    assert got == TEXTS[:1]


def test_pipe_results_yields_an_empty_text_in_its_place(pipeline):
    results = list(pipeline.pipe_results([TEXTS[0], "", TEXTS[1], None, TEXTS[2]]))
    assert [item for item, _ in results] == [TEXTS[0], "", TEXTS[1], None, TEXTS[2]]
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["Edition", "InputError", "Edition", "InputTypeError", "Edition"]
    assert [r.clean_text for _, r in results if isinstance(r, Edition)] == TEXTS
    assert str(results[1][1]) == "<text 2>: is empty"


def test_pipe_results_keeps_input_order_around_errors(pipeline):
    first, last = from_string(TEXTS[0]), from_string(TEXTS[1])
    results = list(pipeline.pipe_results([first, _too_long(), last]))
    assert [item.path for item, _ in results] == [None, "largo.txt", None]
    assert isinstance(results[0][1], Edition)
    assert isinstance(results[1][1], InputError)
    assert "too long" in str(results[1][1])
    assert isinstance(results[2][1], Edition)


def test_pipe_decoded_yields_what_comes_before_the_first_error(pipeline):
    got = []
    with pytest.raises(InputError, match="too long"):
        got.extend(
            ed.clean_text for ed in pipeline.pipe_decoded([from_string(TEXTS[0]), _too_long()])
        )
    assert got == TEXTS[:1]


def test_pipe_of_many_keeps_input_order_across_batches(pipeline):
    texts = [f"En {1900 + i} Japón y la URSS negociaron." for i in range(40)]
    texts[17] = ""
    results = list(pipeline.pipe_results(texts))
    assert [item for item, _ in results] == texts
    assert isinstance(results[17][1], InputError)
    for text, result in results:
        if text:
            assert result.clean_text == text


# -- item 15: values that are not text, bytes, surrogates -----------------------------------------


@pytest.mark.parametrize(("value", "kind"), [(None, "NoneType"), (42, "int"), (["x"], "list")])
def test_a_value_that_is_not_text_is_a_clear_type_error(pipeline, value, kind):
    with pytest.raises(TypeError) as info:
        pipeline(value)
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, ingest.InputTypeError)
    assert kind in str(info.value)
    assert "str" in str(info.value)


def test_pipe_of_one_string_is_refused(pipeline):
    with pytest.raises(TypeError, match="iterable of texts"):
        pipeline.pipe(TEXTS[0])


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXTS[0].encode("utf-8"), "utf-8"),
        (TEXTS[0].encode("cp1252"), None),
        (codecs.BOM_UTF16_LE + TEXTS[0].encode("utf-16-le"), "utf-16"),
    ],
)
def test_bytes_are_decoded_like_a_file(pipeline, data, encoding):
    edition = pipeline(data)
    assert edition.clean_text == TEXTS[0]
    if encoding:
        assert edition.source.encoding == encoding
    (again,) = list(pipeline.pipe([data]))
    assert again.clean_text == TEXTS[0]


def test_lone_surrogates_become_recorded_replacement_characters(pipeline, tmp_path):
    from jsr_nlp.exporters import export_edition

    text = "La URSS y Jap\udcf3n firmaron el pacto."
    edition = pipeline(text)
    assert edition.source_text == text
    assert edition.clean_text == "La URSS y Jap\ufffdn firmaron el pacto."
    (fix,) = edition.corrections
    assert (fix.rule, fix.text, fix.replacement) == ("ingest.surrogates", "\udcf3", "\ufffd")
    assert replay(edition.source_text, edition.corrections) == edition.clean_text
    assert Edition.from_json(edition.to_json()) == edition
    (path,) = export_edition(edition, tmp_path, "raro", ["json"])
    assert Edition.from_json(path.read_text("utf-8")) == edition


def test_a_surrogate_pair_is_joined_as_a_recorded_correction(pipeline):
    edition = pipeline("Firmaron el pacto \ud83d\ude00.")
    assert edition.clean_text == "Firmaron el pacto 😀."
    (fix,) = edition.corrections
    assert (fix.rule, fix.text, fix.replacement) == ("ingest.surrogates", "\ud83d\ude00", "😀")
    assert Edition.from_json(edition.to_json()) == edition


# -- item 15: Edition.from_json checks what it reads ---------------------------------------------


@pytest.fixture(scope="module")
def small_edition(pipeline):
    edition = pipeline("La URSS y Japón firmaron el el pacto en abril de 1941.\r\n")
    assert edition.entities and edition.dates and edition.applied
    return edition


def _set(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is KeyError:
            del node[last]
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _len(where: str, extra: int):
    def change(data):
        _set(where, len(data["text"]["clean" if "source" not in where else "source"]) + extra)(data)

    return change


BROKEN = [
    ("entities.0.start", _set("entities.0.start", -1)),
    ("entities.0.end", _set("entities.0.end", 0)),  # before its start
    ("entities.0.end", _len("entities.0.end", 5)),
    ("entities.0.source_start", _set("entities.0.source_start", -3)),
    ("entities.0.source_end", _len("entities.0.source_end", 1)),
    ("entities.0.text", _set("entities.0.text", "otra cosa")),
    ("entities.0.label", _set("entities.0.label", "XYZ")),
    ("entities.0.label", _set("entities.0.label", KeyError)),
    ("entities.0.start", _set("entities.0.start", "3")),
    ("entities.0.start", _set("entities.0.start", True)),
    ("dates.0.start", _set("dates.0.start", -1)),
    ("dates.0.type", _set("dates.0.type", None)),
    ("corrections.0.source.start", _set("corrections.0.source.start", -1)),
    ("corrections.0.source.end", _set("corrections.0.source.end", 10**6)),
    ("corrections.0.source.text", _set("corrections.0.source.text", "zzz")),
    ("corrections.0.stage", _set("corrections.0.stage", "bogus")),
    ("corrections", _set("corrections.0.replacement", "otra")),
    ("corrections", _set("corrections", None)),
    ("entities", _set("entities", {"a": 1})),
    ("source", _set("source", [1, 2])),
    ("source.chars", _set("source.chars", "9")),
    ("text", _set("text", KeyError)),
    ("text.clean", _set("text.clean", 7)),
    ("schema", _set("schema", "otra/1")),
    ("translation.provider", _set("translation", {"target": "en"})),
    ("warnings.0", _set("warnings", [1])),
]


@pytest.mark.parametrize(("field", "breakage"), BROKEN, ids=[f for f, _ in BROKEN])
def test_from_json_names_the_broken_field_with_one_exception_type(small_edition, field, breakage):
    data = copy.deepcopy(small_edition.to_dict())
    breakage(data)
    with pytest.raises(model.EditionFormatError) as info:
        Edition.from_json(json.dumps(data, ensure_ascii=False))
    assert isinstance(info.value, ValueError)
    expected = field.replace(".0", "[0]")
    assert info.value.field == expected
    assert f" {expected}: " in str(info.value)


def test_from_json_checks_translation_segments(small_edition):
    data = small_edition.to_dict()
    data["translation"] = {
        "target": "en",
        "provider": "libre",
        "complete": True,
        "text": "x",
        "segments": [
            {"start": 0, "end": 10**6, "source": "x", "target": "x", "status": "translated"}
        ],
    }
    with pytest.raises(model.EditionFormatError, match=r"translation\.segments\[0\]\.end"):
        Edition.from_dict(data)


@pytest.mark.parametrize("text", ["no es JSON", "[1, 2, 3]", "null", None])
def test_from_json_of_something_else_is_the_same_exception(text):
    with pytest.raises(model.EditionFormatError):
        Edition.from_json(text)


def test_from_json_still_reads_editions_and_ignores_later_fields(small_edition, sample_edition):
    assert Edition.from_json(small_edition.to_json()) == small_edition
    assert Edition.from_json(sample_edition.to_json()) == sample_edition
    data = small_edition.to_dict()
    data["entities"][0]["confidence"] = 0.9  # a field of a later schema version
    data["source"]["language_score"] = 0.99
    assert Edition.from_dict(data) == small_edition


def test_edition_format_error_is_a_jsr_nlp_error():
    assert issubclass(model.EditionFormatError, ValueError)
    assert issubclass(model.EditionFormatError, JsrNlpError)


# -- item 16: the CLI's small edges and run.json timings ------------------------------------------


def test_serial_seconds_are_each_inputs_own_time(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], "utf-8")
    (folder / "b.txt").write_text(SAMPLE.read_text("utf-8") * 3, "utf-8")
    (folder / "c.txt").write_text(TEXTS[1], "utf-8")
    result = runner.invoke(app, ["process", str(folder), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    seconds = {Path(o["input"]).name: o["seconds"] for o in manifest["inputs"]}
    assert set(seconds) == {"a.txt", "b.txt", "c.txt"}
    # each input's own time: the three add up to no more than the run, and the long text
    # (600 times as long) costs more than either short one, whatever their order in the batch
    assert sum(seconds.values()) <= manifest["seconds"] + 0.01
    assert seconds["b.txt"] > seconds["a.txt"]
    assert seconds["b.txt"] > seconds["c.txt"]


def test_pipe_results_timer_reports_each_inputs_time(pipeline):
    times = {}
    texts = [TEXTS[0], SAMPLE.read_text("utf-8") * 3, ""]
    list(pipeline.pipe_results(texts, timer=lambda item, s: times.__setitem__(item, s)))
    assert set(times) == set(texts)
    assert times[texts[1]] > times[texts[0]] > 0
    assert times[texts[1]] > times[""]


@pytest.mark.parametrize("command", ["process", "translate"])
@pytest.mark.parametrize("out", ["", "  "])
def test_an_empty_out_is_a_usage_error(tmp_path, monkeypatch, command, out):
    (tmp_path / "a.txt").write_text(TEXTS[0], "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command, "a.txt", "--out", out])
    assert result.exit_code == 2, result.output
    assert "--out must name a folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_out_dot_is_still_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS[0], "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["process", "in/a.txt", "--out", ".", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.json").exists()


def test_lexicon_check_on_a_folder_without_lexicons(tmp_path):
    (tmp_path / "vacia").mkdir()
    (tmp_path / "vacia" / "notas.txt").write_text("nada", "utf-8")
    result = runner.invoke(app, ["lexicon", "check", str(tmp_path / "vacia")])
    assert result.exit_code == 2, result.output
    assert "no .toml lexicon files" in result.output
    assert str(tmp_path / "vacia") in result.output


def test_lexicon_check_reports_an_empty_folder_beside_real_lexicons(tmp_path):
    (tmp_path / "vacia").mkdir()
    glossary = pipelines_dir() / "lexicons" / "glossary.toml"
    result = runner.invoke(app, ["lexicon", "check", str(glossary), str(tmp_path / "vacia")])
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'vacia'}: no .toml lexicon files in this folder" in result.output


MY_LEXICON = """
[meta]
name = "mine"

[[entity]]
id = "per.villasenor"
label = "PER"
kind = "person"
canonical = "Aurelio Villaseñor"
english = "Aurelio Villaseñor"
aliases = ["Villaseñor"]
"""


def test_a_pipeline_kept_elsewhere_extends_the_bundled_lexicons(tmp_path):
    import jsr_nlp

    (tmp_path / "my.toml").write_text(MY_LEXICON, "utf-8")
    (tmp_path / "mine.toml").write_text(
        'name = "mine"\nlexicons = ["bundled:lexicons/*.toml", "my.toml"]\n', "utf-8"
    )
    pipe = jsr_nlp.load_pipeline(tmp_path / "mine.toml")
    files = {Path(f).name for f in pipe.lexicon.files}
    bundled = {p.name for p in (pipelines_dir() / "lexicons").glob("*.toml")}
    assert files == bundled | {"my.toml"}
    assert "per.villasenor" in pipe.lexicon.by_id
    assert "per.zhukov" in pipe.lexicon.by_id
    edition = pipe("El general Aurelio Villaseñor y Georgi Zhukov no se conocieron.")
    ids = {e.id for e in edition.entities}
    assert {"per.villasenor", "per.zhukov"} <= ids


def test_a_bundled_pattern_that_matches_nothing_names_itself(tmp_path):
    import jsr_nlp

    (tmp_path / "mine.toml").write_text(
        'name = "mine"\nlexicons = ["bundled:lexicons/no-such-*.toml"]\n', "utf-8"
    )
    with pytest.raises(jsr_nlp.LexiconError, match="no-such-"):
        _ = jsr_nlp.load_pipeline(tmp_path / "mine.toml").lexicon


def test_components_accept_bundled_lexicon_paths(tmp_path):
    from jsr_nlp.lexicon.load import resolve_lexicons

    (path,) = resolve_lexicons(["bundled:lexicons/gazetteer-places.toml"])
    assert path == pipelines_dir() / "lexicons" / "gazetteer-places.toml"
    assert path.exists()
    copy_ = tmp_path / "copia.toml"
    shutil.copy(path, copy_)
    assert resolve_lexicons([str(copy_)]) == [copy_]
