"""Whole runs: many inputs → editions → files, with progress, a manifest and resumption.

:func:`run_batch` streams the inputs (memory does not grow with their number), writes
every output atomically, records each input's outcome in ``run.json`` and keeps going
when one input fails. With ``jobs > 1`` a process pool runs whole files, each worker
loading the pipeline once.

Whatever goes wrong with one input (an unreadable file, a stray file where its previous
edition would be, a bug, a ``MemoryError``) becomes that input's ``failed`` outcome with
one line naming it; the other inputs are still processed and the manifest is written.
What would make the whole run fail (an output folder that cannot be written, the run's
own files blocked, bad translation settings) is found before any input is read.

The modules, in the order a run uses them: :mod:`~jsr_nlp.batch.options` (what was
asked), :mod:`~jsr_nlp.batch.folder` and :mod:`~jsr_nlp.batch.lock` (taking the output
folder), :mod:`~jsr_nlp.batch.plan` and :mod:`~jsr_nlp.batch.stems` (inputs, their output
names, what to skip), :mod:`~jsr_nlp.batch.workers` (processing), :mod:`~jsr_nlp.batch.report`
(progress and summary), :mod:`~jsr_nlp.batch.manifest` (``run.json``); :mod:`~jsr_nlp.batch.run`
ties them together.
"""

from jsr_nlp.batch.lock import LOCK, FolderLock
from jsr_nlp.batch.manifest import MANIFEST, pipeline_fingerprint
from jsr_nlp.batch.options import BatchOptions
from jsr_nlp.batch.outcome import Outcome
from jsr_nlp.batch.plan import collect_inputs
from jsr_nlp.batch.run import run_batch
from jsr_nlp.batch.stems import RESERVED, plan_stems

__all__ = [
    "LOCK",
    "MANIFEST",
    "RESERVED",
    "BatchOptions",
    "FolderLock",
    "Outcome",
    "collect_inputs",
    "pipeline_fingerprint",
    "plan_stems",
    "run_batch",
]
