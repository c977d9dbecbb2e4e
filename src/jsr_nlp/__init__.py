"""jsr_nlp: clean, annotated, optionally English editions of damaged Spanish texts.

>>> import jsr_nlp
>>> isinstance(jsr_nlp.__version__, str)
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from jsr_nlp.errors import (
    ConfigurationError,
    ExportError,
    InputError,
    JsrNlpError,
    LexiconError,
    TranslationError,
)
from jsr_nlp.model import Correction, DateExpr, Edition, Entity, Segment, Source, Translation

try:
    __version__ = version("jsr-nlp")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = [
    "ConfigurationError",
    "Correction",
    "DateExpr",
    "Edition",
    "Entity",
    "ExportError",
    "InputError",
    "JsrNlpError",
    "LexiconError",
    "Pipeline",
    "Segment",
    "Source",
    "Translation",
    "TranslationError",
    "__version__",
    "load_pipeline",
]


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it on first use so `import jsr_nlp` and
    # `jsr-nlp --help` stay fast.
    if name in {"load_pipeline", "Pipeline"}:
        from jsr_nlp import pipeline

        return getattr(pipeline, name)
    msg = f"module 'jsr_nlp' has no attribute {name!r}"
    raise AttributeError(msg)
