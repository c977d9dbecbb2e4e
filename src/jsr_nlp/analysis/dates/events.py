"""Dated gazetteer entries as anchors: 'después de Pearl Harbor', 'antes de Khalkhin Gol'.

The lead's entity components (gazetteer ruler + linker) run before ``jsr_dates`` and set
``doc.ents`` with ``ent.kb_id_`` = gazetteer id; an entity whose entry has a ``date`` is an
event mention. When a pipeline has no such entities (a blank pipeline), the dated entries'
surface forms are matched directly with a ``PhraseMatcher``, so the component works alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher

from jsr_nlp.analysis.dates.specs import EventRef
from jsr_nlp.lexicon.load import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


class EventIndex:
    """Dated entries of the gazetteer and a phrase matcher over their forms."""

    def __init__(
        self, vocab: Vocab, make_doc: Callable[[str], Doc], lexicon_paths: Iterable[Path]
    ) -> None:
        paths = list(lexicon_paths)
        lexicon = load_lexicon(paths) if paths else None
        self.dates: dict[str, str] = {}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        if lexicon is None:
            return
        for entry in lexicon.entities:
            if not entry.date:
                continue
            self.dates[entry.id] = entry.date
            forms = {f for f in (*entry.forms, *entry.misspellings) if f}
            self.matcher.add(entry.id, [make_doc(f.lower()) for f in sorted(forms)])

    def __len__(self) -> int:
        return len(self.dates)

    def find(self, doc: Doc) -> list[EventRef]:
        """Event mentions in a document: linked entities first, then gazetteer forms."""
        if not self.dates:
            return []
        found: list[EventRef] = []
        taken: set[int] = set()
        for ent in doc.ents:
            date = self.dates.get(ent.kb_id_)
            if date:
                found.append(EventRef(ent.kb_id_, date, ent.start, ent.end))
                taken.update(range(ent.start, ent.end))
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for match_id, start, end in matches:
            if taken.intersection(range(start, end)):
                continue
            ident = doc.vocab.strings[match_id]
            found.append(EventRef(ident, self.dates[ident], start, end))
            taken.update(range(start, end))
        return sorted(found, key=lambda e: e.start)
