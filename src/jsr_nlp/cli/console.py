"""Where the commands write: data to stdout (``out``), messages and progress to stderr (``err``).

A reader that stops early (``jsr-nlp entities x | head``) closes stdout under us; the
command then ends quietly with exit code 0 (:func:`stdout_closed`): the reader has all it
asked for, and exit code 1 means that inputs failed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

from jsr_nlp.translate.redact import redact_url


def stdout_closed() -> NoReturn:
    """End the command quietly: whoever read stdout has closed it.

    Python's advice (the note on SIGPIPE in the :mod:`signal` documentation): point stdout
    at ``os.devnull``, so that the flush at exit does not fail on the closed pipe again.
    """
    with contextlib.suppress(OSError, ValueError):  # not a real file (a test's capture)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0)


class _Stdout(Console):
    def on_broken_pipe(self) -> None:
        """rich's own handling would exit with code 1."""
        self.quiet = True
        stdout_closed()


err = Console(stderr=True, highlight=False, soft_wrap=True)
out = _Stdout(highlight=False, soft_wrap=True)


def print_error(message: str, prefix: str = "error") -> None:
    """One line on stderr; never read as rich markup, never a password from a URL."""
    line = redact_url(" ".join(message.split()))
    err.print(Text.assemble((f"{prefix}: ", "bold red"), line))
