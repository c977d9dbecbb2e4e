"""How a command ends: our errors become one line on stderr and an exit code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from jsr_nlp.cli.console import print_error
from jsr_nlp.errors import JsrNlpError

_T = TypeVar("_T")


class _State:
    debug: bool = False


STATE = _State()


def guard(fn: Callable[[], _T]) -> _T:
    """Run a command body; turn our errors into one line and an exit code."""
    try:
        return fn()
    except JsrNlpError as exc:
        if STATE.debug:
            raise
        print_error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt):
        raise  # usage errors and exits keep click's own handling (exit code 2 for usage)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
        if STATE.debug:
            raise
        print_error(
            f"{type(exc).__name__}: {exc} (run again with --debug for the traceback)",
            "internal error",
        )
        raise typer.Exit(1) from None
