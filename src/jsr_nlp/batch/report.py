"""What a run shows while it goes: a line per input, a progress bar, the closing summary.

Everything goes to the console the run was given (the command line's stderr); a failed
input's line is shown even with ``--quiet``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jsr_nlp.batch.manifest import MANIFEST

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from jsr_nlp.batch.outcome import Outcome


class Reporter:
    """Collects the run's outcomes and reports each one as it arrives."""

    def __init__(self, console: Console, *, quiet: bool) -> None:
        self.console = console
        self.quiet = quiet
        self.outcomes: list[Outcome] = []
        self.started = time.perf_counter()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    @property
    def seconds(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self.started

    def record(self, o: Outcome) -> None:
        """Keep the outcome for the manifest and show its line."""
        self.outcomes.append(o)
        if o.status == "failed":
            from rich.text import Text

            self.console.print(Text.assemble(("error: ", "bold red"), o.error or "failed"))
        elif not self.quiet:
            c = o.counts
            line = (
                f"{o.input}: {c.get('applied', 0)} corrections applied, "
                f"{c.get('suggested', 0)} suggested, {c.get('entities', 0)} entities, "
                f"{c.get('dates', 0)} dates → {', '.join(o.outputs)}"
            )
            if o.status == "skipped":
                line = f"{o.input}: unchanged since the last run, skipped"
            elif o.status == "incomplete":
                line += f" [yellow](translation incomplete: {c['failed_segments']} segment(s))[/]"
            self.console.print(line, markup=o.status == "incomplete", highlight=False)

    @contextmanager
    def progress(self, total: int, *, shown: bool) -> Iterator[None]:
        """A progress bar over ``total`` inputs while the block runs (when ``shown``)."""
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}"),
            console=self.console,
            transient=True,
            disable=self.quiet or not shown,
        )
        with self._progress:
            self._task = self._progress.add_task("processing", total=total, rate="", current="")
            yield

    def advance(self, o: Outcome) -> None:
        """One more input processed: move the bar, then record the outcome."""
        if self._progress is not None and self._task is not None:
            elapsed = self.seconds
            done = self._progress.tasks[0].completed + 1
            self._progress.update(
                self._task,
                advance=1,
                current=Path(o.input).name,
                rate=f"{done / elapsed:.1f} files/s" if elapsed else "",
            )
        self.record(o)

    def interrupted(self) -> None:
        """Ctrl-C: what is done is kept."""
        self.console.print("[yellow]interrupted: finished files are kept[/]")

    def summary(self, out_dir: Path) -> None:
        """A table per status (more than one input), then one line of totals."""
        if self.quiet:
            return
        from rich.table import Table

        outcomes = self.outcomes
        by_status: dict[str, int] = {}
        for o in outcomes:
            by_status[o.status] = by_status.get(o.status, 0) + 1
        if len(outcomes) > 1:
            table = Table(title="jsr-nlp run", show_header=True)
            for col in ("status", "files", "applied", "suggested", "entities", "dates"):
                table.add_column(col, justify="right" if col != "status" else "left")
            for status, n in sorted(by_status.items()):
                group = [o for o in outcomes if o.status == status]
                table.add_row(
                    status,
                    str(n),
                    *(
                        str(sum(o.counts.get(k, 0) for o in group))
                        for k in ("applied", "suggested", "entities", "dates")
                    ),
                )
            self.console.print(table)
        self.console.print(
            f"{by_status.get('done', 0)} done, {by_status.get('skipped', 0)} skipped, "
            f"{by_status.get('failed', 0)} failed, {by_status.get('incomplete', 0)} incomplete "
            f"in {self.seconds:.1f}s → {out_dir}/ (manifest: {MANIFEST})",
            highlight=False,
        )
