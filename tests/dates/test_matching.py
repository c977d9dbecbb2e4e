"""Running patterns only around their triggers finds what one Matcher over the text finds."""

from __future__ import annotations

import spacy
from dates_support import load_cases
from spacy.matcher import Matcher

from jsr_nlp.analysis.dates.extract import DateTagger
from jsr_nlp.analysis.dates.vocab import load_vocab
from jsr_nlp.resources import pipelines_dir


def test_windows_find_the_same_matches() -> None:
    nlp = spacy.blank("es")
    tagger = DateTagger(nlp, load_vocab())
    plain = Matcher(nlp.vocab, validate=False)
    for key, pat in tagger.patterns.items():
        plain.add(nlp.vocab.strings[key], [pat.tokens], greedy="LONGEST")
    sample = pipelines_dir().parent / "samples" / "japon-urss-segunda-guerra-mundial.txt"
    texts = [c["text"] for c in load_cases()] + [sample.read_text(encoding="utf-8")]
    for text in texts:
        doc = nlp(text)
        assert sorted(set(tagger.matcher(doc))) == sorted(set(plain(doc))), text


def test_flags_are_reused_not_reallocated() -> None:
    nlp = spacy.blank("es")
    DateTagger(nlp, load_vocab())
    before = len(nlp.vocab.lex_attr_getters)
    DateTagger(nlp, load_vocab())
    assert len(nlp.vocab.lex_attr_getters) == before
