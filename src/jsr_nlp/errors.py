"""The project's exceptions: one base class, one subclass per kind of failure.

The CLI turns any :class:`JsrNlpError` into one readable line and an exit code
(see ``ARCHITECTURE.md``); library users can catch the base class.
"""

from __future__ import annotations


class JsrNlpError(Exception):
    """Base class of every error jsr_nlp raises on purpose."""

    exit_code: int = 1


class InputError(JsrNlpError):
    """An input could not be read as text (missing, binary, empty, undecodable)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ConfigurationError(JsrNlpError):
    """A pipeline, lexicon or vocabulary file is wrong, or an option makes no sense.

    The message is one line, ``file [entry]: field: problem``; ``entry`` (the table, or
    the element of an array of tables) and ``field`` are left out when they do not apply.
    """

    exit_code = 2

    def __init__(
        self, path: str, problem: str, entry: str | None = None, *, field: str | None = None
    ) -> None:
        self.path = path
        self.entry = entry
        self.field = field
        self.problem = problem
        where = f"{path} [{entry}]" if entry else path
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: {what}")


class LexiconError(ConfigurationError):
    """A lexicon file failed validation; names the file, the entry and the field."""


class TranslationError(JsrNlpError):
    """A translation provider failed in a way that retrying will not fix."""

    exit_code = 2


class ExportError(JsrNlpError):
    """An edition could not be written in the requested format."""
