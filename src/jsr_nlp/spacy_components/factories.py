"""Every spaCy factory of the project, in one place (spaCy's ``factories.py`` idea).

Importing this module registers ``jsr_gazetteer``, ``jsr_entity_filter``,
``jsr_linker`` and ``jsr_dates`` with spaCy. The ``spacy_factories`` entry points in
``pyproject.toml`` point here too, so ``nlp.add_pipe("jsr_dates")`` works in a user's
own pipeline without importing jsr_nlp first.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["make_dates", "make_entity_filter", "make_gazetteer", "make_linker"]

_HOMES = {
    "make_gazetteer": "jsr_nlp.spacy_components.gazetteer",
    "make_entity_filter": "jsr_nlp.spacy_components.entity_filter",
    "make_linker": "jsr_nlp.spacy_components.linker",
    "make_dates": "jsr_nlp.spacy_components.dates",
}


def _missing(module: str) -> Any:
    def factory(*args: Any, **kwargs: Any) -> Any:
        msg = f"{module} is not available in this build of jsr_nlp"
        raise RuntimeError(msg)

    return factory


for _name, _module in _HOMES.items():
    try:
        globals()[_name] = getattr(importlib.import_module(_module), _name)
    except ModuleNotFoundError:  # pragma: no cover - during development only
        globals()[_name] = _missing(_module)
