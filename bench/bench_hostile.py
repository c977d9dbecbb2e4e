"""Hostile inputs finish in time linear in their size.

    uv run python bench/bench_hostile.py [--full]

For each kind of input (one long token, random words, deeply nested brackets, one long
line of punctuation) the text stages (ingest, clean, correct) run at two sizes, n and 2n,
and the ratio of their times is printed: about 2 means linear, 4 would be quadratic.
``--full`` also runs the spaCy analysis on the 1 MB random-words text (slow).
"""

from __future__ import annotations

import argparse
import random
import string
import time

import jsr_nlp
from jsr_nlp.ingest import from_string


def _random_words(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    letters = string.ascii_lowercase + "áéíóúñ"
    out: list[str] = []
    size = 0
    while size < n:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.15:
            word = word.capitalize()
        if rng.random() < 0.1:
            word += rng.choice(".,;:")
        out.append(word)
        size += len(word) + 1
        if rng.random() < 0.02:
            out.append("\n\n")
    return " ".join(out)[:n]


KINDS = {
    "one token": lambda n: "a" * n,
    "one capitalised token": lambda n: "A" + "b" * (n - 1),
    "random words": _random_words,
    "nested brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "punctuation": lambda n: ". ," * (n // 3),
    "digits": lambda n: "1," * (n // 2),
}


def _seconds(pipeline: jsr_nlp.Pipeline, text: str) -> float:
    t0 = time.perf_counter()
    pipeline.edit(from_string(text))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    pipeline = jsr_nlp.load_pipeline("default")
    pipeline.edit(from_string("Calentamiento: Stalin y Japón en 1941."))
    print(f"{'input':24s} {'n':>9s} {'t(n) s':>8s} {'t(2n) s':>8s} {'ratio':>6s}")
    for kind, make in KINDS.items():
        n = 1_000_000 if kind == "random words" else 200_000
        a, b = _seconds(pipeline, make(n)), _seconds(pipeline, make(2 * n))
        print(f"{kind:24s} {n:9,d} {a:8.2f} {b:8.2f} {b / max(a, 1e-9):6.2f}")
    if args.full:
        text = _random_words(1_000_000)
        t0 = time.perf_counter()
        pipeline(text)
        print(f"whole pipeline, 1 MB of random words: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
