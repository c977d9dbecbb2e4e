"""``jsr_dates``: Spanish time expressions as ``doc.spans["dates"]`` with TIMEX3/EDTF values.

Add it to any Spanish pipeline (only the tokenizer is needed)::

    >>> import spacy
    >>> nlp = spacy.blank("es")
    >>> _ = nlp.add_pipe("jsr_dates")
    >>> doc = nlp("Japón y la URSS firmaron el pacto en abril de 1941.")
    >>> [(s.text, s._.jsr_date.value, s._.jsr_date.latest) for s in doc.spans["dates"]]
    [('abril de 1941', '1941-04', '1941-04-30')]

Each span carries ``span._.jsr_date``, a :class:`~jsr_nlp.analysis.dates.value.TimexValue`. The
conventions (ranges as one expression whose ``value`` is the EDTF interval, decades and
centuries as TIMEX3 digits, START/MID/END as thirds, open bounds for BEFORE/AFTER…) are
documented in :mod:`jsr_nlp.analysis.dates`.

Event anchors ('después de Pearl Harbor') use the dated entries of the gazetteer: the
entities the lead's components put in ``doc.ents`` (``kb_id_``), or, when there are none,
the entries' forms matched directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from jsr_nlp.analysis.dates.extract import DateTagger
from jsr_nlp.analysis.dates.value import TimexValue
from jsr_nlp.analysis.dates.vocab import load_vocab
from jsr_nlp.analysis.records import find_dates
from jsr_nlp.analysis.serialise import Serialisable
from jsr_nlp.lexicon.load import resolve_lexicons

__all__ = ["DateRecognizer", "find_dates", "make_dates"]

EXTENSION = "jsr_date"


def register_extension() -> None:
    """``span._.jsr_date`` (a :class:`TimexValue` or None); registering twice is harmless."""
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)


class DateRecognizer(Serialisable):
    """Find time expressions with token patterns and normalise them (see module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "jsr_dates",
        *,
        spans_key: str = "dates",
        vocabulary: str | None = None,
        locale: str | None = None,
        lexicons: Sequence[str] = (),
        events: bool = True,
        document_date: str | None = None,
        validate_edtf: bool = False,
    ) -> None:
        register_extension()
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {
            "spans_key": spans_key,
            "vocabulary": vocabulary,
            "locale": locale,
            "lexicons": list(lexicons),
            "events": events,
            "document_date": document_date,
            "validate_edtf": validate_edtf,
        }
        self._tagger: DateTagger | None = None

    @property
    def tagger(self) -> DateTagger:
        """The compiled vocabulary (built on first use, once per component)."""
        if self._tagger is None:
            cfg = self.cfg
            path = Path(cfg["vocabulary"]) if cfg["vocabulary"] else None
            vocab = load_vocab(path, cfg["locale"])
            lexicons = resolve_lexicons(cfg["lexicons"]) if cfg["events"] else []
            dct = date.fromisoformat(cfg["document_date"]) if cfg["document_date"] else None
            self._tagger = DateTagger(self.nlp, vocab, lexicons=lexicons, document_date=dct)
        return self._tagger

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Compile the vocabulary now rather than on the first document."""
        self._tagger = None
        _ = self.tagger

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans[spans_key]``, each span with ``span._.jsr_date``."""
        spans: list[Span] = []
        check = self.cfg["validate_edtf"]
        for found in self.tagger.find(doc):
            span = Span(doc, found.start, found.end, label=found.value.type)
            if check:
                _validate(found.value)
            span._.set(EXTENSION, found.value)
            spans.append(span)
        doc.spans[self.cfg["spans_key"]] = spans
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of documents (no batching gain: the work is per document)."""
        for doc in stream:
            yield self(doc)

    # serialisation (analysis.serialise): cfg.json only; the vocabulary is data shipped with
    # the package and is recompiled on first use
    def _dump(self) -> dict[str, Any]:
        return {"cfg": self.cfg}

    def _load(self, parts: dict[str, Any]) -> None:
        self.cfg.update(parts.get("cfg", {}))
        self._tagger = None


def _validate(value: TimexValue) -> None:
    """Check an EDTF string with the ``edtf`` library (slow: ~20 ms; off by default)."""
    if value.edtf is None:
        return
    from edtf import parse_edtf

    parse_edtf(value.edtf)


@Language.factory(
    "jsr_dates",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "dates",
        "vocabulary": None,
        "locale": None,
        "lexicons": [],
        "events": True,
        "document_date": None,
        "validate_edtf": False,
    },
)
def make_dates(
    nlp: Language,
    name: str,
    spans_key: str,
    vocabulary: str | None,
    locale: str | None,
    lexicons: list[str],
    events: bool,
    document_date: str | None,
    validate_edtf: bool,
) -> DateRecognizer:
    """spaCy factory of :class:`DateRecognizer`.

    ``vocabulary``: a TOML file (None = the bundled ``pipelines/dates/es.toml``);
    ``locale``: a ``locale_specific`` table of it ('es-PE'); ``lexicons``: gazetteer files for
    event anchors ([] = every bundled lexicon; bare names are looked up in the bundle);
    ``events``: use them at all; ``document_date``: ISO date of writing, for 'hoy' and
    'hace dos años' (None: TIMEX3 PRESENT_REF/PAST_REF); ``validate_edtf``: parse every EDTF
    value with the ``edtf`` library (slow; tests do it).
    """
    return DateRecognizer(
        nlp,
        name,
        spans_key=spans_key,
        vocabulary=vocabulary,
        locale=locale,
        lexicons=lexicons,
        events=events,
        document_date=document_date,
        validate_edtf=validate_edtf,
    )
