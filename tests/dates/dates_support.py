"""Shared paths and loaders of the date tests (a unique module name: tests run in one session)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
EVENTS = HERE / "events.toml"
#: the component config of the tests: a fixed gazetteer of dated events
CONFIG: dict[str, Any] = {"lexicons": [str(EVENTS)]}


def load_cases(name: str = "cases.toml") -> list[dict[str, Any]]:
    """The gold table of a data file in this folder."""
    with (HERE / name).open("rb") as fh:
        return list(tomllib.load(fh)["case"])
