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

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from spacy.tokens import Doc

from jsr_nlp.audit import Edit


class Detector(Protocol):
    """Proposes edits on a tokenised text (``doc.text`` is the running text)."""

    name: str

    def propose(self, doc: Doc) -> list[Edit]: ...


def _accents(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.accents import AccentDetector, AccentSettings

    return AccentDetector(AccentSettings.model_validate(settings))


def _split_words(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.spacing import SpacingSettings, SplitWordDetector

    return SplitWordDetector(SpacingSettings.model_validate(settings))


def _glued_words(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.spacing import GluedWordDetector, SpacingSettings

    return GluedWordDetector(SpacingSettings.model_validate(settings))


def _untranslated(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.untranslated import UntranslatedDetector, UntranslatedSettings

    return UntranslatedDetector(UntranslatedSettings.model_validate(settings))


def _confusions(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.confusions import ConfusionDetector, ConfusionSettings

    return ConfusionDetector(ConfusionSettings.model_validate(settings))


def _furniture(settings: Mapping[str, Any]) -> Detector:
    from jsr_nlp.detectors.furniture import FurnitureDetector, FurnitureSettings

    return FurnitureDetector(FurnitureSettings.model_validate(settings))


#: Every detector family, by the name a pipeline file uses; each is built from its own
#: table of the pipeline's ``[correct]`` section (``[correct.accents]``), validated.
DETECTORS: dict[str, Callable[[Mapping[str, Any]], Detector]] = {
    "accents": _accents,
    "split-words": _split_words,
    "glued-words": _glued_words,
    "untranslated": _untranslated,
    "confusions": _confusions,
    "furniture": _furniture,
}
