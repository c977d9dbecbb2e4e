"""Detector families: general evidence about a Spanish text, not lists of one page's words.

A detector looks at the tokenised running text and proposes :class:`~jsr_nlp.audit.Edit`
values, each with a confidence and a note that says what evidence it rests on. The
correction stage (:class:`jsr_nlp.correct.Corrector`) runs the detectors a pipeline names
(``[correct] detectors``) beside its lexicon rules; one selection decides overlaps, and one
threshold (``apply_threshold``) decides what is applied and what is only suggested.

``accents``      a word that is not Spanish but becomes one by its accents alone (``despues``)
``split-words``  a word cut in two by a stray space (``japo neses``)
``glued-words``  two words that lost their space (``delTeatro``, ``lastasas``)
``untranslated`` English words left in Spanish prose (``comenzó en June``), flagged
``confusions``   letters OCR reads as others (``gobiemo``, ``1a``, ``ﬁn``)
``furniture``    page numbers and running headers between paragraphs
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from spacy.tokens import Doc

from jsr_nlp.audit import Edit
from jsr_nlp.detectors.accents import AccentDetector
from jsr_nlp.detectors.confusions import ConfusionDetector
from jsr_nlp.detectors.furniture import FurnitureDetector
from jsr_nlp.detectors.spacing import GluedWordDetector, SplitWordDetector
from jsr_nlp.detectors.untranslated import UntranslatedDetector


class Detector(Protocol):
    """Proposes edits on a tokenised text (``doc.text`` is the running text)."""

    name: str

    def propose(self, doc: Doc) -> list[Edit]: ...


#: Every detector family, by the name a pipeline file uses; each is built from its own
#: table of the pipeline's ``[correct]`` section (``[correct.accents]``), validated there.
DETECTORS: dict[str, Callable[[Any], Detector]] = {
    "accents": AccentDetector,
    "split-words": SplitWordDetector,
    "glued-words": GluedWordDetector,
    "untranslated": UntranslatedDetector,
    "confusions": ConfusionDetector,
    "furniture": FurnitureDetector,
}
