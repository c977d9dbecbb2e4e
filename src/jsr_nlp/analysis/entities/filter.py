"""``jsr_entity_filter``: drop or repair the model's entities that are not names.

``es_core_news_sm`` tags capitalised sentence openers (``Después``, ``¿Cuáles``), roles
(``presidente Truman``), descriptions (``El grupo del norte``, ``La escaramuza culminó``)
and coordinated names (``Hiroshima y Nagasaki``) as entities. This component keeps what the
gazetteer ruler found, and reshapes every other entity span into the names it contains:

1. split at punctuation and at a conjunction between two name words;
2. trim leading articles, prepositions, lowercase words and roles, and a frequent word left
   at the end by a lost full stop (``Siberia Mientras``);
3. drop what is left if it has no name word, is mostly lowercase, is a frequent word alone at
   the start of a sentence, or a common noun heading a lowercase phrase;
4. type a name by its head word when the head says what it is (``Ejército …`` → ORG).

The words and thresholds come from ``pipelines/entities/*.toml`` and from ``wordfreq``'s
Spanish frequencies, never from the words of one text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from jsr_nlp.analysis.entities.data import (
    EntityWords,
    is_acronym,
    is_lower_word,
    is_name_word,
    load_entity_words,
    zipf_es,
)
from jsr_nlp.analysis.entities.extensions import register_extensions
from jsr_nlp.analysis.serialise import PartFormat, Serialisable

#: Tokens after which the next word starts a sentence (or a quotation, a list item…).
_OPENERS = frozenset(
    {".", "!", "?", "¿", "¡", ":", ";", "“", '"', "«", "‘", "(", "[", "—", "–", "-", "…", "..."}
)
#: Parts of speech a one-word name never has (only used when the pipeline tags POS).
_CLOSED_POS = frozenset(
    {"ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "VERB", "AUX", "INTJ", "NUM", "PUNCT"}
)


def sentence_initial(tok: Token) -> bool:
    """Whether ``tok`` opens a sentence, a quotation or a line, where capitals say nothing."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    if prev.is_space or prev.text in _OPENERS or prev.text.endswith((".", "\n")):
        return True
    return bool(tok.doc.has_annotation("SENT_START") and tok.is_sent_start)


def _is_break(tok: Token) -> bool:
    """Punctuation that separates two names inside one model span (not a name's hyphen)."""
    return (tok.is_punct and tok.text not in {"-", "'", "’"}) or tok.is_space


def match_role(tokens: Span | Sequence[Token], words: EntityWords) -> int:
    """Length of the role (``presidente``, ``Primer Ministro``) at the start, or 0."""
    if not tokens:
        return 0
    candidates = words.roles_by_first.get(tokens[0].lower_)
    if not candidates:
        return 0
    lowered = tuple(t.lower_ for t in tokens[:4])
    for role in candidates:
        if lowered[: len(role)] == role:
            return len(role)
    return 0


def name_pieces(doc: Doc, start: int, end: int, words: EntityWords) -> list[tuple[int, int]]:
    """The token ranges of the names inside ``doc[start:end]``, trimmed and split.

    A piece starts with a name word or a unit ordinal (``23.ª División``); articles,
    prepositions, roles and lowercase words before it are dropped.
    """
    segments: list[tuple[int, int]] = []
    seg_start = start
    for i in range(start, end):
        tok = doc[i]
        split_here = _is_break(tok) or (
            tok.lower_ in words.conjunctions
            and start < i < end - 1
            and is_name_word(doc[i - 1].text)
            and is_name_word(doc[i + 1].text)
        )
        if split_here:
            if i > seg_start:
                segments.append((seg_start, i))
            seg_start = i + 1
    if end > seg_start:
        segments.append((seg_start, end))
    pieces: list[tuple[int, int]] = []
    for s, e in segments:
        s, e = _trim(doc, s, e, words)
        if e > s:
            pieces.append((s, e))
    return pieces


def _trim(doc: Doc, s: int, e: int, words: EntityWords) -> tuple[int, int]:
    """Trim non-name words from the start and leftovers from the end of a piece."""
    changed = True
    while changed and s < e:
        changed = False
        tok = doc[s]
        role = match_role(doc[s:e], words)
        if role:
            s += role
            changed = True
        elif words.ordinal.match(tok.text) and s + 1 < e and is_name_word(doc[s + 1].text):
            break
        elif (
            (tok.lower_ in words.name_articles or tok.lower_ in words.name_particles)
            and is_name_word(tok.text)
            and not sentence_initial(tok)
            and s + 1 < e
            and is_name_word(doc[s + 1].text)
        ):
            break  # "según El País", "dijo Del Olmo": capitalised mid-sentence, it opens the name
        elif tok.lower_ in words.leading or not is_name_word(tok.text):
            s += 1
            changed = True
    while e > s:
        last = doc[e - 1]
        if last.lower_ in words.connectors or last.lower_ in words.leading or _is_break(last):
            e -= 1
        elif (
            e - s >= 2
            and is_name_word(last.text)
            and zipf_es(last.text) >= words.settings.opener_zipf
            and (not doc.has_annotation("POS") or last.pos_ in _CLOSED_POS)
        ):
            e -= 1  # "Siberia Mientras": a sentence opener after a lost full stop
        else:
            break
    return s, e


def keep_piece(doc: Doc, s: int, e: int, words: EntityWords) -> bool:
    """Whether ``doc[s:e]`` (already trimmed) is a name rather than a word or phrase."""
    cfg = words.settings
    span = doc[s:e]
    if len(span.text) < cfg.min_chars or not any(is_name_word(t.text) for t in span):
        return False
    content = [t for t in span if t.is_alpha and t.lower_ not in words.connectors]
    lower = [t for t in content if is_lower_word(t.text)]
    if content and len(lower) / len(content) > cfg.max_lowercase_share:
        return False
    if e - s == 1:
        tok = doc[s]
        freq = zipf_es(tok.text)
        if tok.lower_ in words.never_alone:
            return False
        tagged = doc.has_annotation("POS")
        label_colon = e < len(doc) and doc[e].text == ":" and freq >= cfg.common_zipf
        if sentence_initial(tok) and (
            label_colon  # "Fuente: …", "Nota: …": a heading word, not a name
            # a frequent opener, unless the tagger calls it a proper noun ("Madrid, 23 may")
            or (freq >= cfg.opener_zipf and not (tagged and tok.pos_ == "PROPN"))
            or (tagged and tok.pos_ in _CLOSED_POS)
            or (tagged and freq >= cfg.common_zipf and tok.pos_ != "PROPN")
        ):
            return False
        if (
            freq >= cfg.common_zipf
            and not is_acronym(tok.text)
            and e + 1 < len(doc)
            and doc[e].lower_ in words.prepositions
            and is_lower_word(doc[e + 1].text)
        ):
            # "Doctrina de expansión del norte": a common noun heading a description; not
            # "Israel y guerrilleros", "Lima el ente" or "PSOE de la provincia"
            return False
    return True


def head_of(span: Span, words: EntityWords) -> Token:
    """The head word of a name: its first word after a unit ordinal or an article."""
    if len(span) > 1 and (
        words.ordinal.match(span[0].text) or span[0].lower_ in words.name_articles
    ):
        return span[1]
    return span[0]


class EntityFilter(Serialisable):
    """Reshape or drop the entities that are not names; leave gazetteer spans alone."""

    def __init__(
        self, nlp: Language, name: str = "jsr_entity_filter", *, data: Sequence[str] = ()
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {"data": list(data)}
        self._words: EntityWords | None = None

    @property
    def words(self) -> EntityWords:
        """The entity word lists, loaded on first use if ``initialize`` was not called."""
        if self._words is None:
            self._words = load_entity_words(self.cfg["data"])
        return self._words

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data: Sequence[str] | None = None,
    ) -> None:
        """Load the word lists (``data``: entity TOML files; default: the bundled ones)."""
        if data is not None:
            self.cfg["data"] = list(data)
        self._words = load_entity_words(self.cfg["data"])

    def __call__(self, doc: Doc) -> Doc:
        """Replace ``doc.ents`` by the names they contain."""
        words = self.words
        trusted = set(doc._.jsr_gazetteer_spans or ())
        out: list[Span] = []
        for ent in doc.ents:
            if (ent.start, ent.end) in trusted:
                out.append(ent)
                continue
            for s, e in name_pieces(doc, ent.start, ent.end, words):
                if not keep_piece(doc, s, e, words):
                    continue
                piece = doc[s:e]
                label = words.head_label(head_of(piece, words).text) or ent.label_
                out.append(Span(doc, s, e, label=label, kb_id=ent.kb_id_))
        doc.ents = filter_spans(out)
        return doc

    # serialisation (analysis.serialise): cfg.json and the merged word lists, words.json
    _parts: ClassVar[dict[str, PartFormat]] = {"cfg": "json", "words": "json"}

    def _dump(self) -> dict[str, Any]:
        return {"cfg": self.cfg, "words": self.words.to_json()}

    def _load(self, parts: dict[str, Any]) -> None:
        self.cfg.update(parts.get("cfg", {}))
        if "words" in parts:
            self._words = EntityWords.from_json(parts["words"])


@Language.factory(
    "jsr_entity_filter",
    assigns=["doc.ents"],
    default_config={"data": []},
)
def make_entity_filter(nlp: Language, name: str, data: list[str]) -> EntityFilter:
    """spaCy factory of :class:`EntityFilter` (``data``: entity TOML files, [] = bundled)."""
    return EntityFilter(nlp, name, data=data)
