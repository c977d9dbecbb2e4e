"""Where each input's outputs go: its output stem.

Output names are a stable function of the input alone: its path relative to the common
folder of all the inputs, without ``.txt`` (``texts/sub/x.txt`` → ``sub/x``). Adding or
removing a file therefore never renames another file's outputs, and two inputs can
never share a name (``x.txt`` and ``x.md`` become ``x`` and ``x.md``). The names the
run itself uses (``run.json``) are reserved: an input called ``run.txt`` becomes
``run.txt``'s outputs (``run.txt.json``), never the manifest.

>>> plan_stems(["texts/a.txt", "texts/sub/a.txt", "texts/run.txt", "texts/a.md"])
['a', 'sub/a', 'run.txt', 'a.md']
>>> plan_stems(["-"])
['stdin']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

#: Stems the run keeps for itself (the manifest; the run index of the HTML report).
RESERVED = frozenset({"run", "index"})


def plan_stems(paths: Sequence[str]) -> list[str]:
    """The output stem of each input path (see the module docstring)."""
    real = [Path(p).absolute() for p in paths if p not in {"-", "<stdin>"}]
    root = Path(os.path.commonpath([p.parent for p in real])) if real else Path()
    stems = []
    for p in paths:
        if p in {"-", "<stdin>"}:
            stems.append("stdin")
            continue
        rel = Path(p).absolute().relative_to(root)
        stem = rel.with_suffix("") if rel.suffix.lower() == ".txt" else rel
        if stem.parent == Path() and stem.name.lower() in RESERVED:
            stem = rel if rel.suffix else rel.with_name(rel.name + ".input")
        stems.append(stem.as_posix())
    return stems
