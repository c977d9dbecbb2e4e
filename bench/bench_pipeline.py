"""Whole-run benchmark: jsr-nlp on a folder of files versus the bare spaCy model.

    uv run python bench/bench_pipeline.py [--files 200]

Builds a folder of Spanish files (the sample and the test passages, copied and
varied), then measures in one run:

* the sample alone: cold (a fresh ``jsr-nlp process``) and warm (in process);
* ``jsr-nlp process --jobs 1`` and ``--jobs 2`` on the folder: files/s, speed-up,
  peak memory;
* the bare ``es_core_news_sm`` over the same texts (load + ``nlp.pipe``) and the
  ratio of jsr-nlp's time to it (target: within 1.5x at --jobs 1).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt"

BARE = """
import sys, time, warnings
from pathlib import Path
warnings.filterwarnings("ignore")
t0 = time.perf_counter()
import spacy
nlp = spacy.load("es_core_news_sm")
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=16):
    pass
print(time.perf_counter() - t0)
"""


def corpus_texts() -> list[str]:
    """The sample, our damaged test passages and clean paragraphs, as separate texts."""
    texts = [SAMPLE.read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests").rglob("passages/*.txt"))]
    clean = ROOT / "tests" / "cases" / "clean_paragraphs.md"
    if clean.exists():
        texts += [p for p in clean.read_text("utf-8").split("\n\n") if len(p) > 200]
    return texts


def build_folder(folder: Path, n: int) -> int:
    """Write ``n`` varied files; return their total size in characters."""
    rng = random.Random(1941)
    texts = corpus_texts()
    total = 0
    for i in range(n):
        base = texts[i % len(texts)]
        paras = base.split("\n\n")
        rng.shuffle(paras)
        text = "\n\n".join(paras[: max(3, len(paras) * 2 // 3)])
        (folder / f"texto-{i:03d}.txt").write_text(text, "utf-8")
        total += len(text)
    return total


# Python normally caches compiled bytecode; some sandboxes switch that off, which makes
# every run recompile every imported module. Measure what users get: caching on.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the largest process the command started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(after, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    exe = [sys.executable, "-m", "jsr_nlp"]
    work = Path(tempfile.mkdtemp(prefix="jsr-bench-"))
    try:
        src = work / "in"
        src.mkdir()
        chars = build_folder(src, args.files)
        print(f"corpus: {args.files} files, {chars / 1e6:.2f} M characters")

        # a first run fills the bytecode cache (and the OS file cache) for both sides
        timed([*exe, "process", str(SAMPLE), "--out", str(work / "warmup"), "-q"])
        subprocess.run(
            [sys.executable, "-c", BARE, str(src)], check=True, env=ENV, capture_output=True
        )
        cold, _ = timed([*exe, "process", str(SAMPLE), "--out", str(work / "cold"), "-q"])
        import jsr_nlp

        pipe = jsr_nlp.load_pipeline("default")
        text = SAMPLE.read_text("utf-8")
        pipe(text)
        t0 = time.perf_counter()
        for _ in range(5):
            pipe(text)
        warm = (time.perf_counter() - t0) / 5
        print(
            f"sample ({len(text)} chars): new process {cold:.2f}s, "
            f"warm (in process) {warm * 1000:.0f} ms"
        )

        bare_out = subprocess.run(
            [sys.executable, "-c", BARE, str(src)],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        )
        bare = float(bare_out.stdout.strip())
        results = {}
        for jobs in (1, 2):
            secs, peak = timed(
                [
                    *exe,
                    "process",
                    str(src),
                    "--out",
                    str(work / f"out{jobs}"),
                    "--jobs",
                    str(jobs),
                    "-q",
                ]
            )
            results[jobs] = secs
            print(
                f"--jobs {jobs}: {secs:.1f}s, {args.files / secs:.2f} files/s, "
                f"peak RSS {peak:.0f} MiB"
            )
        print(f"speed-up --jobs 2 / --jobs 1: {results[1] / results[2]:.2f}x")
        print(f"bare es_core_news_sm (load + pipe): {bare:.1f}s")
        print(f"ratio jsr-nlp --jobs 1 / bare model: {results[1] / bare:.2f}x (target <= 1.5)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
