"""The ``jsr-nlp`` command line: :mod:`~jsr_nlp.cli.app` holds the Typer application."""

from jsr_nlp.cli.app import app, main

__all__ = ["app", "main"]
