"""The vocabulary file: validated on load, with errors that name the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from jsr_nlp.analysis.dates.patterns import compile_patterns
from jsr_nlp.analysis.dates.vocab import default_vocab_path, load_vocab
from jsr_nlp.errors import ConfigurationError


def test_bundled_vocabulary_loads_and_compiles() -> None:
    vocab = load_vocab()
    assert vocab.months["agosto"] == 8
    patterns = compile_patterns(vocab)
    assert len(patterns) > len(vocab.pattern)  # macros expanded
    assert all(p.lead + p.trail < len(p.tokens) for p in patterns)


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    text = default_vocab_path().read_text(encoding="utf-8")
    bad = tmp_path / "es.toml"
    bad.write_text(text.replace("[settings]\n", "[settings]\nyear_minimum = 3\n", 1))
    with pytest.raises(ConfigurationError, match=r"es\.toml.*year_minimum"):
        load_vocab(bad)


def test_bad_regex_is_an_error(tmp_path: Path) -> None:
    text = default_vocab_path().read_text(encoding="utf-8")
    bad = tmp_path / "es.toml"
    bad.write_text(text.replace("[shapes]\n", "[shapes]\nbroken = '(('\n", 1))
    with pytest.raises(ConfigurationError, match="broken"):
        load_vocab(bad)


def test_missing_file_and_unknown_locale(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no such"):
        load_vocab(tmp_path / "nope.toml")
    with pytest.raises(ConfigurationError, match="fr-FR"):
        load_vocab(None, "fr-FR")


def test_locale_merges_over_base() -> None:
    peru = load_vocab(None, "es-PE")
    assert peru.months["setiembre"] == 9 and peru.months["enero"] == 1
    assert "setiembre" not in load_vocab().months


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("primero = 1\n", "primero = 0\n", "primero"),  # an ordinal counts from 1
        ('"último" = -1\n', '"último" = -2\n', "último"),  # 'last' is -1
        ('parts = 4\nof = "year"\n', 'of = "year"\n', "parts"),  # parts or days
        ('parts = 4\nof = "year"\n', 'parts = 4\ndays = 7\nof = "year"\n', "parts"),
    ],
)
def test_ordinals_and_partitions_are_checked(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    text = default_vocab_path().read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "es.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigurationError, match=field):
        load_vocab(bad)


def test_part_bounds_of_the_vocabulary_cut_the_period(tmp_path: Path) -> None:
    import spacy

    text = default_vocab_path().read_text(encoding="utf-8")
    old = "START = [0.0, 0.3333]\n"
    assert old in text
    halves = tmp_path / "es.toml"
    halves.write_text(text.replace(old, "START = [0.0, 0.5]\n", 1), encoding="utf-8")
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config={"vocabulary": str(halves), "events": False})
    doc = nlp("A principios de 1944 llovió. Antes de principios de 1945 nevó.")
    assert [s._.jsr_date.edtf for s in doc.spans["dates"]] == ["1944-01/1944-06", "../1944-12"]
