"""Mutation score of the modules where a wrong decision corrupts an edition.

    uv run python bench/bench_mutation.py [--no-run] [--children 2]

Runs mutmut (configuration: ``[tool.mutmut]`` in ``pyproject.toml``; it works in a
``mutants/`` copy and resumes where it stopped), then prints, per module, the mutants
killed, the survivors (less those documented as equivalent in
``bench/mutation-equivalent.toml``) and the score, and lists every real survivor.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-run", action="store_true", help="only report the last run")
    ap.add_argument("--children", type=int, default=2)
    args = ap.parse_args()
    if not args.no_run:
        subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.children)],
            cwd=ROOT,
            check=False,
            stdout=subprocess.DEVNULL,
        )
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    equivalent = {
        e["mutant"]: e["why"]
        for e in tomllib.loads((ROOT / "bench" / "mutation-equivalent.toml").read_text("utf-8"))[
            "equivalent"
        ]
    }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in out.splitlines():
        m = re.match(r"\s*(\S+): (.+)$", line)
        if not m:
            continue
        name, status = m.groups()
        module = name.split(".x", 1)[0]
        if status == "survived" and name in equivalent:
            status = "equivalent"
        counts[module][status] += 1
        if status in {"survived", "no tests"}:
            survivors.append(name)
    header = ("killed", "survived", "equiv.", "no test", "score")
    print(f"{'module':34s} " + " ".join(f"{h:>8s}" for h in header))
    for module, c in sorted(counts.items()):
        real = c["killed"] + c["survived"] + c["no tests"] + c["timeout"]
        score = (c["killed"] + c["timeout"]) / real if real else 1.0
        print(
            f"{module:34s} {c['killed']:8d} {c['survived']:8d} {c['equivalent']:8d} "
            f"{c['no tests']:8d} {score:8.1%}"
        )
    for name in survivors:
        print("  survived:", name)


if __name__ == "__main__":
    main()
