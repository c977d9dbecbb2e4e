"""What a run was asked to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsr_nlp.exporters.as_csv import TableFormat


@dataclass
class BatchOptions:
    """What ``jsr-nlp process`` was asked to do."""

    inputs: list[str]
    out_dir: Path
    formats: list[str]
    jobs: int = 1
    skip_unchanged: bool = False
    combined: bool = False
    quiet: bool = False
    pipeline: str = "default"
    model: str | None = None
    translate_to: str | None = None
    translate_options: dict[str, Any] = field(default_factory=dict)

    @property
    def combined_format(self) -> TableFormat:
        """The format of the ``--combined`` tables: JSON Lines when asked for, else CSV."""
        return "jsonl" if "jsonl" in self.formats else "csv"
