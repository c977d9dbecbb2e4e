"""Adversarial negatives: every applied rule meets its trigger words used correctly.

``tests/cases/adversarial.toml`` holds correct Spanish sentences that use each rule's trigger
words in a legitimate sense, written from the trigger words alone, not from the rules'
context conditions. A rule that could not leave them alone was narrowed or made a
suggestion (the closing note of the test-suite issue lists which).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from jsr_nlp.correct import correct_text
from jsr_nlp.lexicon.load import bundled_lexicons, load_lexicon

NEGATIVES = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "cases" / "adversarial.toml").read_text("utf-8")
)["negative"]
LEXICON = load_lexicon(bundled_lexicons())
RULES = {r.id: r for r in LEXICON.rules}


def test_every_applied_rule_has_two_adversarial_negatives():
    per_rule = Counter(n["rule"] for n in NEGATIVES)
    missing = [r.id for r in LEXICON.rules if r.action == "apply" and per_rule[r.id] < 2]
    assert missing == []


def test_negatives_name_real_rules_and_contain_their_trigger():
    for n in NEGATIVES:
        rule = RULES[n["rule"]]
        words = n["text"].lower()
        if rule.phrase is not None:
            assert rule.phrase.lower().split()[0] in words, n
        else:
            # some rules were narrowed after the sentences were written: the sentence must
            # still hold one of the pattern's words, so that the rule is really tried
            literal = set()
            for token in rule.pattern or ():
                value = dict(token).get("LOWER")
                literal |= (
                    {value}
                    if isinstance(value, str)
                    else set(value.get("IN", ()) if isinstance(value, dict) else ())
                )
            tokens = set(words.replace(",", " ").replace(".", " ").split())
            assert not literal or literal & tokens, n


@pytest.mark.parametrize(
    "negative", NEGATIVES, ids=[f"{n['rule']}-{i}" for i, n in enumerate(NEGATIVES)]
)
def test_no_rule_changes_correct_spanish(negative):
    fixed, corrections = correct_text(negative["text"], LEXICON)
    applied = [(c.rule, c.text, c.replacement) for c in corrections if c.action == "applied"]
    assert applied == [], negative["why"]
    assert fixed == negative["text"]
