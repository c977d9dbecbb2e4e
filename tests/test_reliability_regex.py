"""A lexicon rule with a catastrophic regular expression is refused, not run (item 6)."""

from __future__ import annotations

from typer.testing import CliRunner

from jsr_nlp.cli import app

runner = CliRunner()

RULE = (
    '[meta]\nname = "x"\n[[rule]]\nid = "calque.x"\ncategory = "calque"\n'
    "pattern = [{{TEXT = {{REGEX = '{regex}'}}}}]\n"
    'replacement = "y"\nnote = "a rule written carelessly by a user"\n'
)


def test_lexicon_check_names_the_nested_repetition(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text(RULE.format(regex="^(a+)+$"), "utf-8")
    result = runner.invoke(app, ["lexicon", "check", str(lex)])
    assert result.exit_code == 1
    assert "calque.x" in result.output and "exponential" in result.output


def test_processing_with_it_stops_at_once_with_a_configuration_error(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text(RULE.format(regex="^(\\w*)*$"), "utf-8")
    pipe = tmp_path / "p.toml"
    pipe.write_text(f'name = "p"\nlexicons = ["{lex.as_posix()}"]\n', "utf-8")
    src = tmp_path / "a.txt"
    src.write_text("a" * 40 + "!", "utf-8")  # the word that would stall the regex
    result = runner.invoke(
        app, ["process", str(src), "--out", str(tmp_path / "o"), "-p", str(pipe)]
    )
    assert result.exit_code == 2
    assert "exponential" in result.output
    assert not (tmp_path / "o" / "a.json").exists()


def test_ordinary_patterns_still_load(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text(
        RULE.format(regex="^(?!(?:1[89]|20)\\d\\d$)(?:\\d{3,}|\\d{1,3}(?:[.,]\\d{3})+)$"), "utf-8"
    )
    result = runner.invoke(app, ["lexicon", "check", str(lex)])
    assert result.exit_code == 0, result.output
