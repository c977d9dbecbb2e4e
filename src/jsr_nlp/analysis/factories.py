"""Every spaCy factory of the project, in one place (spaCy's ``factories.py`` idea).

Importing this module registers ``jsr_gazetteer``, ``jsr_entity_filter``,
``jsr_linker`` and ``jsr_dates`` with spaCy. The ``spacy_factories`` entry points in
``pyproject.toml`` point here too, so ``nlp.add_pipe("jsr_dates")`` works in a user's
own pipeline without importing jsr_nlp first.
"""

from __future__ import annotations

from jsr_nlp.analysis.dates.component import make_dates
from jsr_nlp.analysis.entities.filter import make_entity_filter
from jsr_nlp.analysis.entities.gazetteer import make_gazetteer
from jsr_nlp.analysis.entities.linker import make_linker

__all__ = ["make_dates", "make_entity_filter", "make_gazetteer", "make_linker"]
