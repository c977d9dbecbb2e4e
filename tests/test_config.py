"""Every data file a pipeline names is validated, and a mistake is one line naming it.

For each kind of file, a copy with a misspelt key and a copy with a value of the wrong
type, named by a copy of the default pipeline kept in ``tmp_path``: ``pipelines check``
reports ``file [entry]: field: problem`` (exit 1) and ``process`` stops with that one
line (exit 2) before writing anything. A pipeline kept elsewhere can replace a
vocabulary, and the replacement takes effect.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import jsr_nlp
from jsr_nlp.clean_vocab import load_clean_vocabulary
from jsr_nlp.cli import app
from jsr_nlp.config import load_toml, locate
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.ingest import from_string
from jsr_nlp.resources import pipelines_dir

runner = CliRunner()
BUNDLED = pipelines_dir()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def user_pipeline(folder: Path, **vocabularies: str) -> Path:
    """A copy of the default pipeline in ``folder``, its lexicons bundled:, some files its own."""
    text = (BUNDLED / "default.toml").read_text("utf-8")
    text = text.replace('"lexicons/*.toml"', '"bundled:lexicons/*.toml"')
    for key, value in vocabularies.items():
        text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
        assert n == 1, key
    path = folder / "mine.toml"
    path.write_text(text, "utf-8")
    return path


@dataclass(frozen=True)
class Mistake:
    """A change to a copy of a bundled file and the entry and field it must be blamed on."""

    kind: str  # the [vocabularies] key naming the file ("lexicons", "pipeline": others)
    source: str  # the bundled file copied
    old: str  # text replaced in the copy (a regular expression, first match)
    new: str
    entry: str | None
    field: str
    problem: str

    @property
    def id(self) -> str:
        return f"{self.source}:{self.field}"


TYPO = "Extra inputs are not permitted"
NOT_A_LIST = "Input should be a valid tuple"
_FIRST_TERM = tomllib.loads((BUNDLED / "lexicons/glossary.toml").read_text("utf-8"))["term"][0]

MISTAKES = [
    # the pipeline file itself
    Mistake("pipeline", "default.toml", r"\[correct\]\n", "[correct]\nfuzzy_nmaes = true\n",
            "correct", "fuzzy_nmaes", TYPO),
    Mistake("pipeline", "default.toml", r'formats = \["json", "txt"\]', 'formats = "json"',
            "export", "formats", NOT_A_LIST),
    # a lexicon (the first glossary term: an element of an array of tables, named by `es`)
    Mistake("lexicons", "lexicons/glossary.toml", r"\[\[term\]\]\n", '[[term]]\nnte = "x"\n',
            f"term {_FIRST_TERM['es']}", "nte", TYPO),
    Mistake("lexicons", "lexicons/glossary.toml", r'(\[\[term\]\]\n(?:.*\n)*?)en = "[^"]*"',
            r"\1en = 3", f"term {_FIRST_TERM['es']}", "en", "Input should be a valid string"),
    # the cleaning vocabulary
    Mistake("clean", "clean/es.toml", r"\[numbers\]\n", "[numbers]\ncount_nounz = []\n",
            "numbers", "count_nounz", TYPO),
    Mistake("clean", "clean/es.toml", r"emphatic = \[.*\]", 'emphatic = "muy"',
            "duplicated_words", "emphatic", NOT_A_LIST),
    # transliteration and fuzzy names
    Mistake("names", "names/transliteration.toml", r"\[fuzzy\]\n", "[fuzzy]\naply = 0.9\n",
            "fuzzy", "aply", TYPO),
    Mistake("names", "names/transliteration.toml", r"min_length = 5", 'min_length = "five"',
            "fuzzy", "min_length", "Input should be a valid integer"),
    # language identification
    Mistake("language", "language/es.toml", r"\[language\]\n", "[language]\nmin_leters = 3\n",
            "language", "min_leters", TYPO),
    Mistake("language", "language/es.toml", r"min_probability = 0.9\n",
            'min_probability = "high"\n', "language", "min_probability",
            "Input should be a valid number"),
    # the three entity files
    Mistake("entities", "entities/filter.toml", r"\[filter\]\n", "[filter]\nopener_zip = 5\n",
            "filter", "opener_zip", TYPO),
    Mistake("entities", "entities/filter.toml", r"min_chars = 2", 'min_chars = "two"',
            "filter", "min_chars", "Input should be a valid integer"),
    Mistake("entities", "entities/labels.toml", r"\[heads\]\n", '[heads]\nPERS = ["x"]\n',
            "heads", "PERS", "Input should be 'PER', 'LOC', 'ORG' or 'MISC'"),
    Mistake("entities", "entities/labels.toml", r"\[heads\]\n", '[heads]\nPER = "general"\n',
            "heads", "PER", NOT_A_LIST),
    Mistake("entities", "entities/words.toml", r"\[words\]\n", "[words]\nrolez = []\n",
            "words", "rolez", TYPO),
    Mistake("entities", "entities/words.toml", r"conjunctions = \[.*\]", 'conjunctions = "y"',
            "words", "conjunctions", NOT_A_LIST),
    # the date vocabulary
    Mistake("dates", "dates/es.toml", r"\[settings\]\n", "[settings]\nyear_minimum = 3\n",
            "settings", "year_minimum", TYPO),
    Mistake("dates", "dates/es.toml", r"default_century = 19", 'default_century = "XX"',
            "settings", "default_century", "Input should be a valid integer"),
    # the translation vocabulary
    Mistake("translate", "translate/es.toml", r"\[articles\]\n", "[articles]\ndefinit = []\n",
            "articles", "definit", TYPO),
    Mistake("translate", "translate/es.toml", r"definite = \[.*\]", 'definite = "el"',
            "articles", "definite", NOT_A_LIST),
]  # fmt: skip


def broken_pipeline(folder: Path, m: Mistake) -> tuple[Path, Path]:
    """(the pipeline to run, the file that holds the mistake)."""
    text = (BUNDLED / m.source).read_text("utf-8")
    broken, n = re.subn(m.old, m.new, text, count=1)
    assert n == 1, f"{m.id}: the bundled file changed; update the test's mistake"
    if m.kind == "pipeline":
        pipe = user_pipeline(folder)
        pipe.write_text(re.sub(m.old, m.new, pipe.read_text("utf-8"), count=1), "utf-8")
        return pipe, pipe
    bad = folder / Path(m.source).name
    bad.write_text(broken, "utf-8")
    if m.kind == "lexicons":
        others = [f'"bundled:lexicons/{p.name}"' for p in sorted((BUNDLED / "lexicons").glob("*"))]
        others.remove('"bundled:lexicons/glossary.toml"')
        return user_pipeline(folder, lexicons=f"[{', '.join([*others, repr(bad.name)])}]"), bad
    if m.kind == "entities":
        rest = [f'"bundled:entities/{p.name}"' for p in sorted((BUNDLED / "entities").glob("*"))]
        rest = [r for r in rest if not r.endswith(f'/{bad.name}"')]
        return user_pipeline(folder, entities=f"[{', '.join([*rest, repr(bad.name)])}]"), bad
    return user_pipeline(folder, **{m.kind: repr(bad.name)}), bad


def expected_line(bad: Path, m: Mistake) -> str:
    where = f"{bad} [{m.entry}]" if m.entry else str(bad)
    return f"{where}: {m.field}: {m.problem}"


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_check_names_file_entry_and_field(tmp_path, mistake):
    pipe, bad = broken_pipeline(tmp_path, mistake)
    result = _run("pipelines", "check", str(pipe))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines == [line for line in lines if line.startswith(f"{bad} ")]  # only this file
    assert any(line.startswith(expected_line(bad, mistake)) for line in lines), lines
    assert "1 problem(s)" in result.stdout


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_process_stops_with_one_line(tmp_path, mistake):
    pipe, bad = broken_pipeline(tmp_path, mistake)
    text = tmp_path / "texto.txt"
    text.write_text("Stalin firmó el pacto con Japón en abril de 1941.\n", "utf-8")
    out = tmp_path / "out"
    result = _run("process", str(text), "--out", str(out), "--pipeline", str(pipe), "--quiet")
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {expected_line(bad, mistake)}")
    assert not any(out.rglob("*"))  # nothing written, not even the run files


def test_library_raises_the_same_line(tmp_path):
    mistake = MISTAKES[4]  # [numbers] count_nounz
    pipe, bad = broken_pipeline(tmp_path, mistake)
    with pytest.raises(ConfigurationError) as err:
        jsr_nlp.load_pipeline(pipe)
    assert str(err.value).startswith(expected_line(bad, mistake))
    assert (err.value.path, err.value.entry, err.value.field) == (
        str(bad),
        "numbers",
        "count_nounz",
    )


def test_check_reports_every_problem_of_every_file(tmp_path):
    clean = tmp_path / "clean.toml"
    clean.write_text('[numbers]\ncount_nounz = []\n[abbreviations]\nwords = "etc"\n', "utf-8")
    names = tmp_path / "names.toml"
    names.write_text("[fold]\nrewrite = [['a']]\n", "utf-8")
    pipe = user_pipeline(tmp_path, clean='"clean.toml"', names='"names.toml"')
    result = _run("pipelines", "check", str(pipe))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{clean} [abbreviations]: words: {NOT_A_LIST}",
        f"{clean} [numbers]: count_nounz: {TYPO}",
        f"{names} [fold]: rewrite[0][1]: Field required",
        f"{names}: fuzzy: Field required",
    ]


def test_check_missing_and_malformed_files(tmp_path):
    bad = tmp_path / "es.toml"
    bad.write_text("[numbers\n", "utf-8")
    pipe = user_pipeline(
        tmp_path, clean='"es.toml"', dates='"no-such.toml"', entities='["nada/*.toml"]'
    )
    result = _run("pipelines", "check", str(pipe))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{tmp_path}/nada/*.toml: matches no entity data file" in lines
    assert f"{tmp_path}/no-such.toml: no such date vocabulary file" in lines
    assert any(
        line.startswith(f"{bad}: not valid TOML: ") and "line 1" in line for line in lines
    ), lines
    assert len(lines) == 3


def test_check_usage_errors_and_the_bundled_default(tmp_path):
    ok = _run("pipelines", "check")
    assert ok.exit_code == 0, ok.output
    assert "default.toml: pipeline 'default'" in ok.stdout and "0 problem(s)" in ok.stdout
    assert _run("pipelines", "check", "no-such-pipeline").exit_code == 2
    assert _run("pipelines", "check", str(tmp_path / "missing.toml")).exit_code == 2


def test_check_translate_table_and_lexicon_problems(tmp_path):
    pipe = user_pipeline(tmp_path)
    text = pipe.read_text("utf-8").replace('provider = "google"', 'provider = "gogle"')
    lex = tmp_path / "mine.lexicon.toml"
    lex.write_text('[meta]\nname = "x"\n[[entity]]\nid = "per.x"\nlabel = "LOC"\n', "utf-8")
    text = text.replace('"bundled:lexicons/*.toml"', f'"bundled:lexicons/*.toml", "{lex.name}"')
    pipe.write_text(text, "utf-8")
    result = _run("pipelines", "check", str(pipe))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{pipe} [translate]: provider: Input should be") for line in lines)
    assert any(line.startswith(f"{lex} [entity per.x]: kind: Field required") for line in lines)


def test_a_copied_pipeline_with_bundled_vocabularies_works(tmp_path, sample_text):
    pipe = user_pipeline(tmp_path)  # vocabularies as in the bundled default: bundled:…
    assert '"bundled:clean/es.toml"' in pipe.read_text("utf-8")
    assert _run("pipelines", "check", str(pipe)).exit_code == 0
    mine = jsr_nlp.load_pipeline(pipe).edit(from_string(sample_text))
    bundled = jsr_nlp.load_pipeline("default").edit(from_string(sample_text))
    assert mine.text == bundled.text and mine.corrections == bundled.corrections


def test_a_pipeline_without_vocabularies_uses_the_bundled_files(tmp_path):
    pipe = tmp_path / "bare.toml"
    pipe.write_text('name = "bare"\nlexicons = ["bundled:lexicons/glossary.toml"]\n', "utf-8")
    loaded = jsr_nlp.load_pipeline(pipe)
    assert loaded.vocabularies.clean == BUNDLED / "clean" / "es.toml"
    assert loaded.vocabularies.entities == tuple(sorted((BUNDLED / "entities").glob("*.toml")))


TROOPS = "Al amanecer llegaron 57,250 hombres al río."


def test_a_users_clean_vocabulary_takes_effect(tmp_path):
    # "hombres" counts whole things: 57,250 is certainly 57 250, and the fix is applied
    assert "57.250 hombres" in jsr_nlp.load_pipeline("default").edit(from_string(TROOPS)).text
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    text = (BUNDLED / "clean" / "es.toml").read_text("utf-8")
    (folder / "clean.toml").write_text(text.replace('"hombres", ', ""), "utf-8")
    pipe = user_pipeline(folder, clean='"clean.toml"')
    log = jsr_nlp.load_pipeline(pipe).edit(from_string(TROOPS))
    # without it nothing decides between a thousands separator and a decimal comma
    assert "57,250 hombres" in log.text
    (fix,) = [c for c in log.corrections if c.rule == "clean.thousands-separator"]
    assert fix.action == "suggested"


def test_a_users_date_vocabulary_reaches_the_dates_component(tmp_path):
    text = "El pacto se firmó en abril de 1941."
    dates = (BUNDLED / "dates" / "es.toml").read_text("utf-8")
    mine, n = re.subn(r"(?m)^abril = 4\n", "", dates)
    assert n == 1
    (tmp_path / "dates.toml").write_text(mine, "utf-8")
    pipe = user_pipeline(tmp_path, dates='"dates.toml"')
    found = {d.text for d in jsr_nlp.load_pipeline(pipe, model="blank:es")(text).dates}
    bundled = {d.text for d in jsr_nlp.load_pipeline("default", model="blank:es")(text).dates}
    assert "abril de 1941" in bundled
    assert "abril de 1941" not in found and "1941" in found


def test_load_toml_and_locate(tmp_path):
    from jsr_nlp.lexicon.schema import LexiconFile

    assert locate({"unit": [{"a": 1}, {"b": 2}]}, ("unit", 1, "b")) == ("unit #2", "b")
    assert locate({"months": {"enero": "x"}}, ("months", "enero")) == ("months", "enero")
    bad = tmp_path / "x.toml"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(ConfigurationError, match=r"x\.toml: not valid TOML"):
        load_toml(bad, LexiconFile, kind="lexicon")
    with pytest.raises(ConfigurationError, match=r"is a folder, not a lexicon file"):
        load_toml(tmp_path, LexiconFile, kind="lexicon")


def test_skip_unchanged_reruns_when_a_vocabulary_changes(tmp_path):
    clean = tmp_path / "clean.toml"
    clean.write_text((BUNDLED / "clean" / "es.toml").read_text("utf-8"), "utf-8")
    pipe = user_pipeline(tmp_path, clean='"clean.toml"')
    src = tmp_path / "a.txt"
    src.write_text(TROOPS, "utf-8")
    out = tmp_path / "out"
    args = ["process", str(src), "--out", str(out), "-p", str(pipe), "--skip-unchanged"]
    args += ["--format", "txt"]
    assert _run(*args).exit_code == 0
    assert "unchanged since the last run" in _run(*args).output
    clean.write_text(clean.read_text("utf-8").replace('"hombres", ', ""), "utf-8")
    # each `jsr-nlp` run is a new process; this one keeps the files it read: forget them
    load_clean_vocabulary.cache_clear()
    assert "unchanged since the last run" not in _run(*args).output
    assert (out / "a.es.txt").read_text("utf-8") == TROOPS  # the fix is only suggested now
