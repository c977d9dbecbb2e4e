"""One input's result, as the run records it in ``run.json`` and reports it."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jsr_nlp.errors import JsrNlpError
from jsr_nlp.translate.redact import redact_url

if TYPE_CHECKING:
    from jsr_nlp.model import Edition


@dataclass
class Outcome:
    """One input's result, as recorded in ``run.json``."""

    input: str
    status: str  # "done" | "failed" | "skipped" | "incomplete"
    sha256: str | None = None
    stem: str | None = None
    outputs: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    # the edition itself, for --combined; never written to run.json
    edition: Edition | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.error is not None:  # shown and stored: never a password from a URL
            self.error = redact_url(" ".join(self.error.split()))

    def record(self) -> dict[str, Any]:
        """The manifest entry."""
        return {k: v for k, v in self.__dict__.items() if k != "edition"}


def processed(src: str, ed: Edition, stem: str, outputs: list[str], seconds: float) -> Outcome:
    """The outcome of an input whose edition was written: done, or incomplete translation."""
    counts = _counts(ed)
    status = "incomplete" if counts["failed_segments"] else "done"
    return Outcome(
        src, status, ed.source.sha256, stem, outputs, counts, round(seconds, 3), edition=ed
    )


def failed(path: str, stem: str | None, exc: BaseException) -> Outcome:
    """The outcome of an input that could not be processed, with one line saying why."""
    return Outcome(path, "failed", stem=stem, error=_describe(exc, path))


def _counts(ed: Edition) -> dict[str, int]:
    failed = 0
    if ed.translation is not None:
        failed = sum(1 for s in ed.translation.segments if s.status == "failed")
    return {
        "applied": len(ed.applied),
        "suggested": len(ed.suggested),
        "entities": len(ed.entities),
        "dates": len(ed.dates),
        "warnings": len(ed.warnings),
        "failed_segments": failed,
    }


def _describe(exc: BaseException, path: str) -> str:
    """One line: the input, then what went wrong with it."""
    if isinstance(exc, JsrNlpError):
        msg = str(exc)
    elif isinstance(exc, MemoryError):
        msg = "ran out of memory while processing it (MemoryError); try it on its own"
    elif isinstance(exc, BrokenProcessPool):
        msg = "the worker process handling it stopped unexpectedly"
    else:
        msg = f"internal error ({type(exc).__name__}: {exc})"
    label = "<stdin>" if path == "-" else path
    return msg if msg.startswith((label, path)) else f"{label}: {msg}"
