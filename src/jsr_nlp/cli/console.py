"""Where the commands write: data to stdout (``out``), messages and progress to stderr (``err``)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from jsr_nlp.translate.redact import redact_url

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def print_error(message: str, prefix: str = "error") -> None:
    """One line on stderr; never read as rich markup, never a password from a URL."""
    line = redact_url(" ".join(message.split()))
    err.print(Text.assemble((f"{prefix}: ", "bold red"), line))
