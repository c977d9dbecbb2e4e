"""How a command ends: its exit code, an error as one line, the traceback with ``--debug``.

Exit codes: 0 done, 1 some inputs failed (or a bug), 2 bad usage or configuration (the
``exit_code`` of :class:`~jsr_nlp.errors.JsrNlpError`). ``--debug`` adds the traceback and
keeps the exit code: a script that tells configuration errors (2) from failed inputs (1)
must not be misled because someone asked to see more.
"""

from __future__ import annotations

import functools
import inspect
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn

import typer

from jsr_nlp.cli.console import print_error, stdout_closed
from jsr_nlp.errors import JsrNlpError

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]


@dataclass
class CliState:
    """What the root command's options say to every command (Typer's ``ctx.obj``)."""

    debug: bool = False


def handle_errors(command: Callable[..., int]) -> Callable[..., None]:
    """Make ``command``, which returns its exit code, end as the module docstring says.

    The command gets its own ``--debug`` (``jsr-nlp process x --debug`` as well as
    ``jsr-nlp --debug process x``); Typer hands it the context it reads the root's from.
    """

    @functools.wraps(command)
    def run(*args: Any, ctx: typer.Context, debug: bool = False, **kwargs: Any) -> None:
        state = ctx.find_object(CliState)
        debug = debug or (state is not None and state.debug)
        try:
            code = command(*args, **kwargs)
            sys.stdout.flush()  # a closed stdout shows here, not at exit
        except BrokenPipeError:
            stdout_closed()
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise  # exits and usage errors keep Typer's handling (exit code 2 for usage)
        except JsrNlpError as exc:
            _fail(exc, debug, "error", str(exc), exc.exit_code)
        except Exception as exc:  # a bug: one line, and the traceback with --debug
            hint = "run again with --debug for the traceback"
            _fail(exc, debug, "internal error", f"{type(exc).__name__}: {exc} ({hint})", 1)
        raise typer.Exit(code)

    signature = inspect.signature(command, eval_str=True)
    assert not {"ctx", "debug"} & set(signature.parameters), command.__name__
    added = [
        inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context),
        inspect.Parameter(
            "debug", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=DebugOpt
        ),
    ]
    # what Typer reads to build the command's options
    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *added], return_annotation=None
    )
    run.__annotations__ = {
        **command.__annotations__,
        "ctx": typer.Context,
        "debug": DebugOpt,
        "return": None,
    }
    return run


def _fail(exc: Exception, debug: bool, prefix: str, message: str, code: int) -> NoReturn:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    else:
        print_error(message, prefix)
    raise typer.Exit(code) from None
