"""``jsr_gazetteer``: find the gazetteer's names in a text, and let them win over the model's.

Every accepted surface form of every ``[[entity]]`` in ``pipelines/lexicons/*.toml``
(canonical, English, aliases, known misspellings; also each form with its accents removed)
is compiled once into a :class:`spacy.matcher.PhraseMatcher` on ``LOWER``. A match counts
only when the text's case agrees with the form where the form is case-sensitive:

- an acronym form (``URSS``, ``IJA``, ``EE. UU.``) needs an all-capitals token;
- a capitalised form token needs a capitalised text token (``Eje`` is a name, ``eje`` a word;
  ``Armada`` a navy, ``armada`` a fleet);
- a lowercase form token matches any case (``batalla de Khalkhin Gol``);
- the match must contain a name word, so an all-lowercase alias never fires on prose;
- one frequent word alone at the start of a sentence (``Eje de…``) is a name only when the
  tagger says PROPN (or, without a tagger, when the doc never writes it in lowercase).

**Span convention.** A span begins with a name word: leading lowercase words of a form are
trimmed (``la batalla de Moscú`` → ``Moscú``, still linked to the battle), and a leading
article is never part of the span unless the form itself is capitalised there
(``El Cairo``). The rest of the form stays (``Pacto de neutralidad soviético-japonés``).

Beyond the phrase forms, two cheap passes: a run of capitalised words whose
transliteration-folded key equals a form's (``Jaljin Gol`` = ``Khalkhin Gol``), and a
numbered unit (``23.ª División``, ``1er Frente del Lejano Oriente``: an ordinal, a unit head
and the name words after it) typed ORG without an id.

Gazetteer spans replace overlapping model spans; the model's span survives only when it
is a longer name built around the gazetteer's (``Guerras de Stalin``, a book), and the
parts of a model span outside the gazetteer's are kept (``Hiroshima y Nagasaki``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from jsr_nlp.analysis.entities.data import (
    EntityWords,
    is_acronym,
    is_name_word,
    load_entity_words,
    zipf_en,
    zipf_es,
)
from jsr_nlp.analysis.entities.extensions import register_extensions
from jsr_nlp.analysis.entities.filter import (
    keep_piece,
    match_role,
    name_pieces,
    sentence_initial,
)
from jsr_nlp.analysis.serialise import PartFormat, Serialisable
from jsr_nlp.lexicon.load import fold, load_lexicon, resolve_lexicons
from jsr_nlp.lexicon.names import FoldRules, fold_rules

Pattern = dict[str, str]


def patterns_from_lexicons(paths: Sequence[Path]) -> list[Pattern]:
    """One pattern per surface form: ``{"id", "label", "form"}`` (misspellings included)."""
    lexicon = load_lexicon(paths)
    patterns: list[Pattern] = []
    for entry in lexicon.entities:
        seen: set[str] = set()
        for form in (*entry.forms, *entry.misspellings):
            if form not in seen:
                seen.add(form)
                patterns.append({"id": entry.id, "label": entry.label, "form": form})
    return patterns


def signature(form_doc: Doc | Span) -> str:
    """Per token: ``A`` acronym, ``C`` capitalised, ``l`` case-free (lowercase, digits…).

    >>> import spacy
    >>> signature(spacy.blank("es")("el Ejército de Kwantung y la URSS"))
    'lClCllA'
    """
    return "".join(
        "A" if is_acronym(t.text) else "C" if is_name_word(t.text) else "l" for t in form_doc
    )


def case_agrees(span: Span, form_signature: str) -> bool:
    """Whether the text's case agrees with a form's, and the text contains a name word.

    An acronym needs capitals, a capitalised word needs a capital; a lowercase form word
    matches any case.
    """
    has_name = False
    for tok, sig in zip(span, form_signature, strict=False):
        if sig == "A" and not is_acronym(tok.text):
            return False
        if sig == "C" and not is_name_word(tok.text):
            return False
        has_name = has_name or is_name_word(tok.text)
    return has_name


class GazetteerRuler(Serialisable):
    """Mark the gazetteer's names as entities (``doc.ents``, ``kb_id_`` = gazetteer id)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "jsr_gazetteer",
        *,
        lexicons: Sequence[str] = (),
        data: Sequence[str] = (),
        names: str = "",
        overwrite_ents: bool = True,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {
            "lexicons": list(lexicons),
            "data": list(data),
            "names": names,
            "overwrite_ents": overwrite_ents,
        }
        self.patterns: list[Pattern] = []
        self._matcher: PhraseMatcher | None = None
        self._signatures: list[str] = []
        self._folded: dict[str, set[int]] = {}
        self._words: EntityWords | None = None
        self._units: Matcher | None = None

    # set-up ----------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicons: Sequence[str] | None = None,
        patterns: Sequence[Pattern] | None = None,
    ) -> None:
        """Compile the gazetteer (from ``patterns``, or from the lexicon files)."""
        if lexicons is not None:
            self.cfg["lexicons"] = list(lexicons)
        if patterns is None:
            patterns = patterns_from_lexicons(resolve_lexicons(self.cfg["lexicons"]))
        self._compile(list(patterns))

    def _compile(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._words = load_entity_words(self.cfg["data"])
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        signatures: list[str] = []
        folded: dict[str, set[int]] = {}
        fold_key = self.rules.fold
        for i, pat in enumerate(patterns):
            form_doc = self.nlp.make_doc(pat["form"])
            signatures.append(signature(form_doc))
            docs = [form_doc]
            plain = self.nlp.make_doc(fold(pat["form"]))
            if len(plain) == len(form_doc) and plain.text.lower() != form_doc.text.lower():
                docs.append(plain)
            matcher.add(str(i), docs)
            folded.setdefault(fold_key(pat["form"]), set()).add(i)
        self._matcher = matcher
        self._signatures = signatures
        self._folded = folded
        self._units = None
        zipf_es("de")  # load the frequency tables now, not on the first document
        zipf_en("the")

    def _ensure(self) -> PhraseMatcher:
        if self._matcher is None:
            if self.patterns:
                self._compile(self.patterns)
            else:
                self.initialize()
        assert self._matcher is not None
        return self._matcher

    @property
    def words(self) -> EntityWords:
        """The entity word lists (articles, connectors, unit ordinals…)."""
        if self._words is None:
            self._words = load_entity_words(self.cfg["data"])
        return self._words

    @property
    def rules(self) -> FoldRules:
        """The transliteration folding of the ``names`` file ("" = the bundled one)."""
        return fold_rules(Path(self.cfg["names"]) if self.cfg["names"] else None)

    # matching --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Add the gazetteer's spans to ``doc.ents`` (they win over overlapping model spans)."""
        matcher = self._ensure()
        words = self.words
        found: list[Span] = []
        for key, start, end in matcher(doc):
            idx = int(self.nlp.vocab.strings[key])
            pat = self.patterns[idx]
            if not case_agrees(doc[start:end], self._signatures[idx]):
                continue
            start = self._name_start(doc, start, end, self._signatures[idx])
            if start >= end:
                continue
            single = end - start == 1 and self._signatures[idx][-1] == "C"
            if single and not self._single_ok(doc[start]):
                continue
            found.append(Span(doc, start, end, label=pat["label"], kb_id=pat["id"]))
        found = self._drop_coordinations(found)
        name_mask = self._name_mask(doc)
        found.extend(self._folded_runs(doc, found, name_mask))
        found.extend(self._numbered_units(doc, words, name_mask))
        gazetteer = filter_spans(found)
        self._merge(doc, gazetteer)
        return doc

    def _name_start(self, doc: Doc, start: int, end: int, signature: str) -> int:
        """Where the name of a match begins; ``end`` when the match is a description.

        Roles are trimmed (``Emperador Hirohito`` → ``Hirohito``), and so are articles. A
        form that starts with other lowercase words names its entry only after a geographic
        head (``río Khalkhin Gol`` is the river); otherwise (``invasión soviética de
        Manchuria``) it is a description and the name inside it speaks for itself.
        """
        words = self.words
        dropped: list[str] = []
        s = start
        while s < end:
            role = match_role(doc[s:end], words)
            if role:
                s += role
                continue
            tok = doc[s]
            article = tok.lower_ in words.leading and signature[s - start] != "C"
            if not article and (
                is_name_word(tok.text)
                or (words.ordinal.match(tok.text) and s + 1 < end and is_name_word(doc[s + 1].text))
            ):
                break
            dropped.append(tok.lower_)
            s += 1
        if any(w not in words.leading for w in dropped) and not any(
            w in words.geographic_heads for w in dropped
        ):
            return end
        if not any(is_name_word(t.text) for t in doc[s:end]):
            return end
        return s

    def _drop_coordinations(self, found: list[Span]) -> list[Span]:
        """``Hiroshima y Nagasaki`` is two names when both sides are names of their own."""
        starts = {s.start for s in found}
        ends = {s.end for s in found}
        conj = self.words.conjunctions
        return [
            s
            for s in found
            if not any(t.lower_ in conj and t.i in ends and t.i + 1 in starts for t in s[1:-1])
        ]

    def _single_ok(self, tok: Token) -> bool:
        """A frequent capitalised word alone at a sentence start is a name only if tagged so.

        Without a tagger, it is a name unless the text also writes it in lowercase.
        """
        if not sentence_initial(tok) or is_acronym(tok.text):
            return True
        if zipf_es(tok.text) < self.words.settings.common_zipf:
            return True
        if tok.doc.has_annotation("POS"):
            return bool(tok.pos_ == "PROPN")
        lowered = re.compile(rf"(?<!\w){re.escape(tok.lower_)}(?!\w)")
        return lowered.search(tok.doc.text) is None

    @staticmethod
    def _name_mask(doc: Doc) -> list[bool]:
        """Per token: alphabetic and not lowercase (a name word, computed in bulk)."""
        if not len(doc):
            return []
        arr = doc.to_array(["IS_ALPHA", "IS_LOWER"])
        return [bool(a) and not bool(low) for a, low in arr.tolist()]

    def _folded_runs(self, doc: Doc, found: list[Span], mask: list[bool]) -> list[Span]:
        """Runs of name words whose transliteration-folded key is a gazetteer form's.

        Acronyms are letters, not transliterated words: ``UCK`` is not ``UK`` (the exact
        acronym forms are found by the phrase matcher already).
        """
        covered = {i for span in found for i in range(span.start, span.end)}
        connectors = self.words.connectors
        fold_key = self.rules.fold
        out: list[Span] = []
        i, n = 0, len(doc)
        while i < n:
            if not mask[i] or i in covered or not is_name_word(doc[i].text):
                i += 1
                continue
            j = i + 1
            while j < n and j not in covered:
                if mask[j]:
                    j += 1
                elif j + 1 < n and mask[j + 1] and doc[j].lower_ in connectors:
                    j += 2
                else:
                    break
            if all(is_acronym(t.text) for t in doc[i:j]):
                i = j
                continue
            hits = self._folded.get(fold_key(doc[i:j].text), set())
            ids = {self.patterns[h]["id"] for h in hits}
            if len(ids) == 1 and (j - i > 1 or self._single_ok(doc[i])):
                pat = self.patterns[min(hits)]
                out.append(Span(doc, i, j, label=pat["label"], kb_id=pat["id"]))
            i = j
        return out

    def _numbered_units(self, doc: Doc, words: EntityWords, mask: list[bool]) -> list[Span]:
        """``23.ª División``, ``1er Frente del Lejano Oriente``: ordinal + unit head + names."""
        if self._units is None:
            self._units = Matcher(self.nlp.vocab)
            org_heads = [h for h, label in words.heads.items() if label == "ORG" and " " not in h]
            self._units.add(
                "unit", [[{"TEXT": {"REGEX": words.ordinal.pattern}}, {"LOWER": {"IN": org_heads}}]]
            )
        out: list[Span] = []
        n = len(doc)
        for _key, start, head_end in self._units(doc):
            if not is_name_word(doc[start + 1].text):
                continue
            j = head_end
            while j < n:
                if mask[j]:
                    j += 1
                elif j + 1 < n and mask[j + 1] and doc[j].lower_ in words.connectors:
                    j += 2
                else:
                    break
            out.append(Span(doc, start, j, label="ORG"))
        return out

    def _merge(self, doc: Doc, gazetteer: list[Span]) -> None:
        """Combine with the model's entities: ours win, except inside a longer model name."""
        words = self.words
        taken = {i: g for g in gazetteer for i in range(g.start, g.end)}
        dropped: set[tuple[int, int]] = set()
        kept: list[Span] = []
        if self.cfg["overwrite_ents"]:
            for ent in doc.ents:
                inside = {taken[i] for i in range(ent.start, ent.end) if i in taken}
                if not inside:
                    kept.append(ent)
                    continue
                for s, e in name_pieces(doc, ent.start, ent.end, words):
                    mine = [g for g in inside if g.start < e and s < g.end]
                    if not mine:
                        kept.append(Span(doc, s, e, label=ent.label_))
                    elif (
                        all(s <= g.start and g.end <= e for g in mine)
                        and (s, e) not in {(g.start, g.end) for g in mine}
                        and keep_piece(doc, s, e, words)
                        and self._longer_name(doc, s, e, mine)
                    ):
                        kept.append(Span(doc, s, e, label=ent.label_))
                        dropped.update((g.start, g.end) for g in mine)
        else:
            kept = list(doc.ents)
        ours = [g for g in gazetteer if (g.start, g.end) not in dropped]
        ours_free = [g for g in ours if not any(k.start < g.end and g.start < k.end for k in kept)]
        doc.ents = sorted([*kept, *ours_free], key=lambda s: s.start)
        doc._.jsr_gazetteer_spans = [(g.start, g.end) for g in ours_free if g.kb_id_]

    def _longer_name(self, doc: Doc, s: int, e: int, mine: list[Span]) -> bool:
        """The model's piece extends ours with capitalised words (a new name, not noise)."""
        inner = {i for g in mine for i in range(g.start, g.end)}
        extra = [doc[i] for i in range(s, e) if i not in inner]
        return any(
            is_name_word(t.text) and zipf_es(t.text) < self.words.settings.opener_zipf
            for t in extra
        ) and not any(t.lower_ in self.words.conjunctions for t in extra)

    # serialisation (analysis.serialise): cfg.json and patterns.jsonl, span_ruler's layout
    _parts: ClassVar[dict[str, PartFormat]] = {"cfg": "json", "patterns": "jsonl"}

    def _dump(self) -> dict[str, Any]:
        self._ensure()
        return {"cfg": self.cfg, "patterns": self.patterns}

    def _load(self, parts: dict[str, Any]) -> None:
        self.cfg.update(parts.get("cfg", {}))
        if "patterns" in parts:
            self._compile(list(parts["patterns"]))


@Language.factory(
    "jsr_gazetteer",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"lexicons": [], "data": [], "names": "", "overwrite_ents": True},
)
def make_gazetteer(
    nlp: Language,
    name: str,
    lexicons: list[str],
    data: list[str],
    names: str,
    overwrite_ents: bool,
) -> GazetteerRuler:
    """spaCy factory of :class:`GazetteerRuler`.

    ``lexicons``: lexicon files or bundled names ([] = every ``pipelines/lexicons/*.toml``);
    ``data``: entity word files ([] = bundled ``pipelines/entities/*.toml``);
    ``names``: the transliteration file ("" = bundled ``pipelines/names/transliteration.toml``).
    """
    return GazetteerRuler(
        nlp, name, lexicons=lexicons, data=data, names=names, overwrite_ents=overwrite_ents
    )
