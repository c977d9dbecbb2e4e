"""``jsr_linker``: give every entity its identity, or say honestly that it has none.

For each entity of ``doc.ents`` the linker finds the gazetteer entry it names and sets
``kb_id_``, the entry's label, and ``span._.jsr_kind/jsr_canonical/jsr_wikidata/
jsr_english``. In order of trust:

1. the gazetteer ruler's id (an accepted form or known misspelling);
2. the whole name, exact, accent-folded or transliteration-folded (``Jaljin Gol``), also
   without an English possessive/plural ending (``Zukhovs``);
3. ``Head de Name`` where the name is an entry of the head's label (``Batallas de X`` for a
   battle X; ``Guerras de Stalin`` is not Stalin);
4. word by word: every name word must belong (exactly, folded, or fuzzily with the
   thresholds of ``pipelines/names/transliteration.toml``) to one and the same entry
   (``Georgi Zukov``); an unknown given name (``Theodore Roosevelt``) stops the link;
5. within the document, a name whose words are all words of an earlier linked name
   (``Zhukov`` after ``Georgi Zhukov``), and the gazetteer's ``short`` forms (``el Pacto``)
   after a full mention of their entry — only written as names (capitalised).

A name right after a lowercase geographic head (``el río Khalkhin Gol``) names a place: it
keeps a link only to a place entry, otherwise it becomes an unlinked LOC. Unknown names keep
their label and get ``None`` everywhere: a near miss is never forced onto a wrong entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
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
from jsr_nlp.analysis.entities.filter import head_of
from jsr_nlp.analysis.entities.gazetteer import case_agrees, signature
from jsr_nlp.analysis.serialise import PartFormat, Serialisable
from jsr_nlp.lexicon.load import Lexicon, fold, load_lexicon, resolve_lexicons
from jsr_nlp.lexicon.names import FoldRules, NameIndex, fold_rules
from jsr_nlp.lexicon.schema import GazetteerEntry


def _acronym_key(text: str) -> str:
    """An acronym without its dots and spaces, in capitals (``EE. UU.`` → ``EEUU``)."""
    return "".join(ch for ch in text if ch.isalnum()).upper()


class EntityLinker(Serialisable):
    """Link entities to gazetteer entries; set label, ``kb_id_`` and the ``jsr_*`` extensions."""

    def __init__(
        self,
        nlp: Language,
        name: str = "jsr_linker",
        *,
        lexicons: Sequence[str] = (),
        data: Sequence[str] = (),
        names: str = "",
        fuzzy: bool = True,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {
            "lexicons": list(lexicons),
            "data": list(data),
            "names": names,
            "fuzzy": fuzzy,
        }
        self.entries: dict[str, GazetteerEntry] = {}
        self._index: NameIndex | None = None
        self._tokens: dict[str, frozenset[str]] = {}
        self._one_word: frozenset[str] = frozenset()
        self._acronyms: dict[str, frozenset[str]] = {}
        self._short: PhraseMatcher | None = None
        self._words: EntityWords | None = None
        self._cand_cache: dict[str, frozenset[str]] = {}
        self._token_cache: dict[str, frozenset[str]] = {}
        self._keys_cache: dict[str, frozenset[str]] = {}

    # set-up ------------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicons: Sequence[str] | None = None,
    ) -> None:
        """Load the gazetteer and build the lookup tables."""
        if lexicons is not None:
            self.cfg["lexicons"] = list(lexicons)
        lexicon = load_lexicon(resolve_lexicons(self.cfg["lexicons"]))
        self._build(lexicon.entities)

    @property
    def rules(self) -> FoldRules:
        """The transliteration folding of the ``names`` file ("" = the bundled one)."""
        return fold_rules(Path(self.cfg["names"]) if self.cfg["names"] else None)

    def _build(self, entities: Sequence[GazetteerEntry]) -> None:
        entities = tuple(entities)
        self.entries = {e.id: e for e in entities}
        lexicon = Lexicon(entities=entities, by_id=dict(self.entries))
        self._index = NameIndex(lexicon, self.rules)
        self._words = load_entity_words(self.cfg["data"])
        tokens: dict[str, set[str]] = {}
        one_word: set[str] = set()
        acronyms: dict[str, set[str]] = {}
        self._short_signatures: dict[str, set[str]] = {}
        short = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for e in entities:
            for form in (*e.forms, *e.misspellings):
                words = [t for t in self.nlp.make_doc(form) if t.is_alpha]
                for tok in words:
                    if is_acronym(tok.text):
                        acronyms.setdefault(_acronym_key(tok.text), set()).add(e.id)
                    elif is_name_word(tok.text):
                        tokens.setdefault(self.rules.fold(tok.text), set()).add(e.id)
                if len(words) == 1:
                    one_word.add(e.id)
            if e.short:
                short.add(e.id, [self.nlp.make_doc(s) for s in e.short])
                for s in e.short:
                    self._short_signatures.setdefault(e.id, set()).add(
                        signature(self.nlp.make_doc(s))
                    )
        self._tokens = {k: frozenset(v) for k, v in tokens.items()}
        self._one_word = frozenset(one_word)
        self._acronyms = {k: frozenset(v) for k, v in acronyms.items()}
        self._short = short
        self._cand_cache.clear()
        self._token_cache.clear()

    def _ensure(self) -> NameIndex:
        if self._index is None:
            self.initialize()
        assert self._index is not None
        return self._index

    @property
    def words(self) -> EntityWords:
        """The entity word lists (connectors, geographic heads, label heads)."""
        if self._words is None:
            self._words = load_entity_words(self.cfg["data"])
        return self._words

    # linking -----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Link every entity of ``doc.ents``; add short forms after full mentions."""
        self._ensure()
        seen: list[tuple[frozenset[str], str]] = []  # (name words, id) of linked mentions
        seen_ids: set[str] = set()
        out: list[Span] = []
        for ent in doc.ents:
            ent_id = self._named_earlier(ent, seen) or ent.kb_id_ or self._link(ent, seen, seen_ids)
            label = ent.label_
            if self._names_a_place(doc, ent.start):
                label = "LOC"
                if ent_id and self.entries[ent_id].label != "LOC":
                    ent_id = None  # "el río Khalkhin Gol" is not the battle
            if ent_id:
                label = self.entries[ent_id].label
                seen.append((self._name_keys(ent), ent_id))
                seen_ids.add(ent_id)
            out.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent_id or ""))
        out = self._add_short_forms(doc, out)
        doc.ents = out
        for ent in doc.ents:
            entry = self.entries.get(ent.kb_id_) if ent.kb_id_ else None
            if entry is None:
                continue  # the extensions default to None
            ent._.jsr_kind = entry.kind
            ent._.jsr_canonical = entry.canonical
            ent._.jsr_wikidata = entry.wikidata
            ent._.jsr_english = entry.english
        return doc

    def _names_a_place(self, doc: Doc, start: int) -> bool:
        """Whether the name follows a lowercase geographic head (``río``, ``aldea de``).

        Between the head and the name only a preposition may stand, optionally followed by
        an article (``isla de la Juventud``): in ``llevar a cabo la Asociación …`` the
        article alone shows that ``cabo`` is not the head of the name.
        """
        words = self.words
        i = start - 1
        article = i >= 1 and doc[i].lower_ in words.name_articles
        if article and doc[i - 1].lower_ in words.prepositions:
            i -= 2
        elif i >= 0 and doc[i].lower_ in words.prepositions:
            i -= 1
        return i >= 0 and doc[i].text in words.geographic_heads

    def _name_keys(self, span: Span) -> frozenset[str]:
        """The folded name words of a mention (cached per mention text)."""
        keys = self._keys_cache.get(span.text)
        if keys is None:
            rules = self.rules
            keys = self._keys_cache[span.text] = frozenset(
                rules.fold(rules.strip(t.text))
                for t in span
                if t.is_alpha and t.lower_ not in self.words.connectors
            )
        return keys

    def _link(
        self, ent: Span, seen: list[tuple[frozenset[str], str]], seen_ids: set[str]
    ) -> str | None:
        keys = self._name_keys(ent)
        ids = self._candidates(ent.text)
        if not ids:
            ids = self._head_link(ent)
        if not ids:
            distinctive = all(zipf_es(k) < self.words.settings.common_zipf for k in keys)
            earlier = {i for words, i in seen if keys and distinctive and keys <= words}
            ids = frozenset(earlier)
        if len(ids) == 1:
            return next(iter(ids))
        preferred = ids & seen_ids
        return next(iter(preferred)) if len(preferred) == 1 else None

    def _named_earlier(self, ent: Span, seen: list[tuple[frozenset[str], str]]) -> str | None:
        """A surname alone is the person named in full earlier in this document.

        ``Roosevelt`` after ``Theodore Roosevelt`` is Theodore, whatever the gazetteer's
        global alias says; only one earlier person may fit.
        """
        if ent.label_ != "PER" or len(ent) != 1:
            return None
        keys = self._name_keys(ent)
        earlier = {i for words, i in seen if keys < words and self.entries[i].label == "PER"}
        return next(iter(earlier)) if len(earlier) == 1 else None

    def _head_link(self, ent: Span) -> frozenset[str]:
        """``Batallas de Khalkhin Gol`` → the battle, when the rest names an entry of that label."""
        words = self.words
        head = head_of(ent, words)
        label = words.head_label(head.text)
        rest = head.i + 1
        if label is None or rest >= ent.end or ent.doc[rest].lower_ not in words.connectors:
            return frozenset()
        while rest < ent.end and ent.doc[rest].lower_ in words.connectors:
            rest += 1
        if rest >= ent.end:
            return frozenset()
        ids = self._candidates(ent.doc[rest : ent.end].text)
        return frozenset(i for i in ids if self.entries[i].label == label)

    def _candidates(self, text: str) -> frozenset[str]:
        """Entries a name (as written) can refer to, without document context (cached)."""
        cached = self._cand_cache.get(text)
        if cached is None:
            cached = self._cand_cache[text] = self._lookup(text)
        return cached

    def _lookup(self, text: str) -> frozenset[str]:
        index = self._ensure()
        if is_acronym(text):  # letters, not a transliteration: "UCK" is not "UK"
            return frozenset(index.exact.get(fold(text), ())) or self._token_ids(text)
        ids = index.ids_for(text)
        if not ids:
            hit = index.misspelt.get(fold(text))
            if hit:
                ids = {hit[0]}
        if not ids:
            parts = text.rsplit(" ", 1)
            stripped = " ".join([*parts[:-1], self.rules.strip(parts[-1])])
            if stripped != text:
                ids = index.ids_for(stripped)
        if not ids:
            ids = self._by_words(text)
        return frozenset(ids)

    def _by_words(self, text: str) -> set[str]:
        """Entries that own every name word of ``text`` (exactly, folded or fuzzily)."""
        tokens = [t for t in self.nlp.make_doc(text) if t.is_alpha]
        names = [t.text for t in tokens if t.lower_ not in self.words.connectors]
        if not names or any(not is_name_word(n) for n in names):
            return set()
        if len(names) == 1 and zipf_es(names[0]) >= self.words.settings.common_zipf:
            return set()  # "Rojo" alone is a colour before it is the Red Army
        common: set[str] | None = None
        for name in names:
            ids = self._token_ids(name)
            if not ids:
                return set()
            common = set(ids) if common is None else common & ids
            if not common:
                return set()
        if len(names) == 1 and common:
            # One word of a longer name is a surname, or it names something else: "Manhattan"
            # is a borough before it is the Manhattan Project, "Ciudadela" a citadel.
            common = {i for i in common if self.entries[i].label == "PER" or i in self._one_word}
        return common or set()

    def _token_ids(self, token: str) -> frozenset[str]:
        """Entries one of whose name words this token is (cached per token string)."""
        cached = self._token_cache.get(token)
        if cached is None:
            cached = self._token_cache[token] = self._token_lookup(token)
        return cached

    def _token_lookup(self, token: str) -> frozenset[str]:
        """Folded equality with a gazetteer name word, else a close unambiguous fuzzy match.

        An acronym is letters, not a transliterated word: it must equal an acronym of a form
        (``UCK`` is not ``UK``).
        """
        if is_acronym(token):
            return self._acronyms.get(_acronym_key(token), frozenset())
        rules = self.rules
        for key in (rules.fold(token), rules.fold(rules.strip(token))):
            if key in self._tokens:
                return self._tokens[key]
        if not self.cfg["fuzzy"]:
            return frozenset()
        fz = rules.fuzzy
        if len(token) < fz.min_length or max(zipf_es(token), zipf_en(token)) > fz.max_zipf:
            return frozenset()
        match = self._ensure().closest_token(token)
        if match is None or match.score < fz.apply or match.score - match.runner_up < fz.margin:
            return frozenset()
        if self.words.derived(rules.fold(rules.strip(token)), rules.fold(match.candidate)):
            return frozenset()  # Zhukovsky, Molotova: another name, not a misspelling
        return match.ids

    def _add_short_forms(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``el Pacto`` after the full pact: a short form links only after its entry appeared."""
        if self._short is None or not any(e.kb_id_ for e in ents):
            return ents
        firsts: dict[str, int] = {}
        for e in ents:
            if e.kb_id_:
                firsts.setdefault(e.kb_id_, e.end)
        added: list[Span] = []
        for key, start, end in self._short(doc):
            ent_id = self.nlp.vocab.strings[key]
            if ent_id not in firsts or start < firsts[ent_id]:
                continue
            if not any(case_agrees(doc[start:end], sig) for sig in self._short_signatures[ent_id]):
                continue
            while start < end and (
                doc[start].lower_ in self.words.leading or not is_name_word(doc[start].text)
            ):
                start += 1
            if start >= end:
                continue
            entry = self.entries[ent_id]
            added.append(Span(doc, start, end, label=entry.label, kb_id=ent_id))
        if not added:
            return ents
        linked = [e for e in ents if e.kb_id_]
        added = [a for a in added if not any(a.start < e.end and e.start < a.end for e in linked)]
        rest = [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)]
        return sorted(filter_spans([*rest, *added]), key=lambda s: s.start)

    # serialisation (analysis.serialise): cfg.json and the gazetteer entries, entries.jsonl
    _parts: ClassVar[dict[str, PartFormat]] = {"cfg": "json", "entries": "jsonl"}

    def _dump(self) -> dict[str, Any]:
        self._ensure()
        return {
            "cfg": self.cfg,
            "entries": [e.model_dump(mode="json") for e in self.entries.values()],
        }

    def _load(self, parts: dict[str, Any]) -> None:
        self.cfg.update(parts.get("cfg", {}))
        if parts.get("entries"):
            self._build([GazetteerEntry.model_validate(d) for d in parts["entries"]])


@Language.factory(
    "jsr_linker",
    assigns=["doc.ents", "span._.jsr_kind", "span._.jsr_canonical", "span._.jsr_wikidata"],
    default_config={"lexicons": [], "data": [], "names": "", "fuzzy": True},
)
def make_linker(
    nlp: Language, name: str, lexicons: list[str], data: list[str], names: str, fuzzy: bool
) -> EntityLinker:
    """spaCy factory of :class:`EntityLinker`.

    ``lexicons``: [] = every bundled lexicon; ``data``: entity word files ([] = bundled);
    ``names``: the transliteration file ("" = the bundled one).
    """
    return EntityLinker(nlp, name, lexicons=lexicons, data=data, names=names, fuzzy=fuzzy)
