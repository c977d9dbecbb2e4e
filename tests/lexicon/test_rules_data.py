"""The phrase rules and the glossary, checked as data and run through the real engine.

Every rule in ``pipelines/lexicons/rules-*.toml`` has at least one case in
``tests/cases/rules.toml``; every case runs through :func:`jsr_nlp.correct.correct_text`
with the rule files alone (no gazetteer, so name repairs cannot mask a rule), and no rule
may fire on the well-edited Spanish of ``tests/cases/clean_paragraphs.md``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from jsr_nlp.correct import correct_text
from jsr_nlp.lexicon.load import Lexicon, fold, load_file, load_lexicon
from jsr_nlp.model import Correction

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "pipelines" / "lexicons"
CASES = ROOT / "tests" / "cases"
RULE_FILES = sorted(LEXICONS.glob("rules-*.toml"))
GLOSSARY = LEXICONS / "glossary.toml"
SAMPLE = ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt"

MIN_RULES = 45
MIN_TERMS = 40

#: Words the rules target in other senses; the clean paragraphs must use them correctly.
TARGETED_WORDS = (
    *("denunció", "tropas", "bajas", "actualmente", "eventualmente", "realizó", "soportó"),
    *("sensible", "armada", "huelga", "casualidad", "en efecto", "ambos lados", "fuera de"),
    *("nivel del mar", "en vigor"),
)
#: Replacements the rules write, which the English edition must render consistently.
RULE_FIXES = (
    *("doctrina de avance hacia el sur", "infantes de marina", "alto mando", "preaviso"),
    *("armas ligeras", "suboficiales", "en vigor", "condiciones de rendición"),
    *("soldados de tropa", "círculos políticos"),
)


@pytest.fixture(scope="module")
def rules_lexicon() -> Lexicon:
    return load_lexicon(RULE_FILES)


def _load_cases() -> list[dict[str, Any]]:
    with (CASES / "rules.toml").open("rb") as fh:
        cases: list[dict[str, Any]] = tomllib.load(fh)["case"]
    return cases


CASE_LIST = _load_cases()
CASE_KEYS = {"label", "rule", "original", "expected", "expect", "suggested", "source", "comment"}


def _case_params() -> list[Any]:
    params = []
    for case in CASE_LIST:
        marks = []
        if case["expect"] == "fail":
            marks.append(
                pytest.mark.xfail(reason=case.get("comment", "known failure"), strict=True)
            )
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


def _run(text: str, lexicon: Lexicon) -> tuple[str, list[Correction]]:
    return correct_text(text, lexicon)


# --- the files ---------------------------------------------------------------------------


def test_rule_files_validate_one_by_one() -> None:
    assert RULE_FILES, "no rules-*.toml in pipelines/lexicons"
    for path in RULE_FILES:
        lex = load_file(path)
        assert lex.meta.name == path.stem
        assert lex.meta.description
        assert lex.rule, f"{path.name} has no [[rule]]"
        assert not lex.entity, f"{path.name}: gazetteer entries belong in gazetteer-*.toml"


def test_enough_rules_and_every_rule_is_explained(rules_lexicon: Lexicon) -> None:
    assert len(rules_lexicon.rules) >= MIN_RULES
    for rule in rules_lexicon.rules:
        assert rule.id.split(".")[0] == rule.category, f"{rule.id}: id prefix is the category"
        assert len(rule.note) >= 40, f"{rule.id}: the note should say what was wrong and why"
        if rule.action == "apply":
            assert rule.confidence >= 0.6, f"{rule.id}: the engine applies only at 0.6 or more"


def test_cases_are_well_formed() -> None:
    rule_ids = {r.id for r in load_lexicon(RULE_FILES).rules}
    for case in CASE_LIST:
        assert set(case) <= CASE_KEYS, f"{case['label']}: unknown keys {set(case) - CASE_KEYS}"
        assert case["expect"] in {"pass", "fail"}
        if case["rule"]:
            assert case["rule"] in rule_ids, f"{case['label']}: no rule {case['rule']!r}"
        else:
            assert case["original"] == case["expected"], f"{case['label']}: negative case"
        if case.get("suggested"):
            assert case["original"] == case["expected"], f"{case['label']}: suggestion"
        if case["expect"] == "fail":
            assert case.get("comment"), f"{case['label']}: say why the case fails"


def test_every_rule_has_a_passing_case() -> None:
    rule_ids = {r.id for r in load_lexicon(RULE_FILES).rules}
    covered = {c["rule"] for c in CASE_LIST if c["rule"] and c["expect"] == "pass"}
    assert rule_ids - covered == set()


def test_sample_cases_quote_the_sample_errors() -> None:
    """A case marked as from the sample must show an error the sample really contains."""
    sample = " ".join(SAMPLE.read_text(encoding="utf-8").split())
    lexicon = load_lexicon(RULE_FILES)
    for case in CASE_LIST:
        if case.get("source") != "sample":
            continue
        _, corrections = _run(case["original"], lexicon)
        hits = [c for c in corrections if c.rule == case["rule"]]
        assert hits, case["label"]
        assert any(c.text in sample for c in hits), f"{case['label']}: not in the sample"


# --- the cases through the engine -----------------------------------------------------------


@pytest.mark.parametrize("case", _case_params())
def test_case(case: dict[str, Any], rules_lexicon: Lexicon) -> None:
    text, corrections = _run(case["original"], rules_lexicon)
    assert text == case["expected"]
    if not case["rule"]:
        assert corrections == [], [c.rule for c in corrections]
        return
    mine = [c for c in corrections if c.rule == case["rule"]]
    assert mine, f"{case['rule']} did not fire; fired: {[c.rule for c in corrections]}"
    wanted = "suggested" if case.get("suggested") else "applied"
    assert {c.action for c in mine} == {wanted}


@pytest.mark.parametrize(
    "case", [c for c in CASE_LIST if c["expect"] == "pass"], ids=lambda c: c["label"]
)
def test_rules_are_idempotent(case: dict[str, Any], rules_lexicon: Lexicon) -> None:
    """Correcting the corrected text changes nothing more (one ordered pass is enough)."""
    once, _ = _run(case["original"], rules_lexicon)
    twice, corrections = _run(once, rules_lexicon)
    assert twice == once
    assert [c.rule for c in corrections if c.action == "applied"] == []


def _clean_paragraphs() -> list[str]:
    text = (CASES / "clean_paragraphs.md").read_text(encoding="utf-8")
    blocks = [" ".join(b.split()) for b in text.split("\n\n")]
    return [b for b in blocks if b and not b.startswith(("#", "<!--"))]


def test_clean_paragraphs_are_many_and_long() -> None:
    paragraphs = _clean_paragraphs()
    assert len(paragraphs) >= 12
    assert all(len(p) > 300 for p in paragraphs)


@pytest.mark.parametrize("paragraph", _clean_paragraphs(), ids=lambda p: p[:40])
def test_no_rule_fires_on_well_edited_spanish(paragraph: str, rules_lexicon: Lexicon) -> None:
    text, corrections = _run(paragraph, rules_lexicon)
    assert [(c.rule, c.text) for c in corrections] == []
    assert text == paragraph


def test_clean_paragraphs_use_the_targeted_words_correctly() -> None:
    """The clean text is a real test only if it contains what naive rules would touch."""
    text = " ".join(_clean_paragraphs()).lower()
    for word in TARGETED_WORDS:
        assert word in text, word


# --- the glossary ---------------------------------------------------------------------------


def test_glossary_validates_and_is_large_enough() -> None:
    glossary = load_file(GLOSSARY)
    assert glossary.meta.name == "glossary"
    assert not glossary.rule
    assert not glossary.entity
    assert len(glossary.term) >= MIN_TERMS
    keys = [fold(t.es) for t in glossary.term]
    assert len(keys) == len(set(keys)), "a Spanish term is listed twice"


def test_glossary_does_not_repeat_the_gazetteer() -> None:
    gazetteers = sorted(LEXICONS.glob("gazetteer*.toml"))
    forms = {
        fold(form)
        for path in gazetteers
        for entry in load_file(path).entity
        for form in (*entry.forms, *entry.misspellings, *entry.short)
    }
    clashes = [t.es for t in load_file(GLOSSARY).term if fold(t.es) in forms]
    assert clashes == []


def test_the_rules_fixes_have_a_fixed_english(rules_lexicon: Lexicon) -> None:
    """A term the rules write (e.g. the strike-south fix) has a fixed English rendering,
    in the glossary or, for names and doctrines, in the gazetteer."""
    known = {fold(t.es) for t in load_file(GLOSSARY).term}
    for path in sorted(LEXICONS.glob("gazetteer*.toml")):
        known |= {fold(form) for entry in load_file(path).entity for form in entry.forms}
    for needed in RULE_FIXES:
        assert fold(needed) in known, needed
