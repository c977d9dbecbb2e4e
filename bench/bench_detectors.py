"""What the detector families cost: the text stages with and without them, one process.

    uv run python bench/bench_detectors.py

Ingest, cleaning and correction (no spaCy analysis) of the clean and damaged corpora, once
with the default pipeline and once with ``[correct] detectors = []``. Each pipeline first sees
a short unrelated text (matchers compiled, dictionary loaded); the dictionary's answers are
cached per word, so a word costs once per process.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpora import corpora  # noqa: E402

import jsr_nlp  # noqa: E402
from jsr_nlp.ingest import from_string  # noqa: E402
from jsr_nlp.resources import pipelines_dir  # noqa: E402


def seconds(pipe: jsr_nlp.Pipeline, text: str) -> float:
    start = time.perf_counter()
    pipe.edit(from_string(text))
    return time.perf_counter() - start


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    texts = corpora(("clean", "damaged"))
    page = "\n\n".join(t for corpus in texts.values() for t in corpus.values())
    spec = (pipelines_dir() / "default.toml").read_text(encoding="utf-8")
    spec = spec.replace('lexicons = ["lexicons/*.toml"]', 'lexicons = ["bundled:lexicons/*.toml"]')
    bare = re.sub(r"(?m)^detectors = .*$", "detectors = []", spec)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "no-detectors.toml"
        path.write_text(bare, encoding="utf-8")
        pipes = {"without detectors": jsr_nlp.load_pipeline(path)}
        pipes["with detectors"] = jsr_nlp.load_pipeline("default")
        for pipe in pipes.values():
            seconds(pipe, "Una frase corta para empezar.")  # compile and load first
        times = {name: seconds(pipe, page) for name, pipe in pipes.items()}
        ratio = times["with detectors"] / times["without detectors"]
        print(
            f"{len(page):,} chars: "
            + ", ".join(f"{name} {t:.2f} s" for name, t in times.items())
            + f" (×{ratio:.2f})"
        )


if __name__ == "__main__":
    main()
