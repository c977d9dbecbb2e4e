"""The run manifest, ``run.json``: what the last run into a folder did, input by input.

It is written at the end of every run, also an interrupted one; ``--skip-unchanged``
reads the previous one, and so does :func:`~jsr_nlp.batch.plan.collect_inputs` (an earlier
run's outputs are not inputs).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsr_nlp.batch.options import BatchOptions
    from jsr_nlp.batch.outcome import Outcome
    from jsr_nlp.pipeline import Pipeline

MANIFEST = "run.json"


def pipeline_fingerprint(pipe: Pipeline, options: BatchOptions) -> str:
    """Changes whenever the pipeline, its lexicons, vocabularies, version or outputs change."""
    h = hashlib.sha256()
    h.update(pipe.spec.model_dump_json().encode())
    h.update(pipe.lexicon.version.encode())
    h.update(pipe.vocabularies.fingerprint().encode())
    h.update(pipe.info.jsr_nlp_version.encode())
    h.update(json.dumps([pipe.model_name, sorted(options.formats), options.translate_to]).encode())
    return h.hexdigest()[:16]


def load_manifest(out_dir: Path) -> dict[str, Any]:
    """The last run's manifest, with only well-formed input entries (or nothing)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    inputs = data.get("inputs")
    entries = inputs if isinstance(inputs, list) else []
    data["inputs"] = [
        o
        for o in entries
        if isinstance(o, dict)
        and isinstance(o.get("input"), str)
        and isinstance(o.get("outputs", []), list)
    ]
    return data


def write_manifest(
    pipe: Pipeline,
    options: BatchOptions,
    fingerprint: str,
    outcomes: Sequence[Outcome],
    *,
    interrupted: bool,
    seconds: float,
) -> None:
    """Write ``run.json`` into the output folder (atomically)."""
    from jsr_nlp.atomic import atomic_write_text

    manifest = {
        "schema": "jsr-nlp.run/1",
        "pipeline": pipe.spec.name,
        "pipeline_fingerprint": fingerprint,
        "jsr_nlp_version": pipe.info.jsr_nlp_version,
        "formats": options.formats,
        "translate_to": options.translate_to,
        "interrupted": interrupted,
        "seconds": round(seconds, 3),
        "inputs": [o.record() for o in outcomes],
    }
    atomic_write_text(
        options.out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2)
    )
