"""Where the bundled pipelines and lexicons live, installed or in a checkout."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path


@lru_cache(maxsize=1)
def pipelines_dir() -> Path:
    """The ``pipelines/`` folder: inside the wheel, or at the top of a source checkout.

    The wheel carries it as ``jsr_nlp/pipelines`` (hatch ``force-include``); an
    editable install or a checkout finds it two levels above the package.
    """
    packaged = Path(str(files("jsr_nlp"))) / "pipelines"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "pipelines"
