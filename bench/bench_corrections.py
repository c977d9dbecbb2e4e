"""Corrections per 100,000 characters, by corpus and rule, with the context of each.

    uv run python bench/bench_corrections.py [--corpus clean,conll,damaged] [--all]

For each corpus (``tests/corpora/``): characters, applied content corrections (anything
but whitespace) and suggestions per 100,000 characters, then a table by rule. On the
clean corpora every applied content change is printed with its context, since each one
is a change to text that was right. ``--all`` prints the suggestions' contexts too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpora import (  # noqa: E402
    ALL,
    LAYOUT,
    changes_words,
    context,
    corpora,
    corpus_corrections,
    score_damaged,
)

import jsr_nlp  # noqa: E402

CLEAN_CORPORA = {"clean", "heldout-clean", "conll"}
DAMAGED_CORPORA = {"damaged", "heldout-damaged"}
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.4, 0.6), (0.0, 0.4))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=",".join(ALL))
    ap.add_argument("--all", action="store_true", help="print every suggestion's context too")
    args = ap.parse_args()
    pipeline = jsr_nlp.load_pipeline("default")
    # (confidence, right?) of every content correction, for the calibration table
    judged: list[tuple[str, float, bool]] = []
    for name, texts in corpora(tuple(args.corpus.split(","))).items():
        t0 = time.perf_counter()
        found = corpus_corrections(pipeline, texts)
        secs = time.perf_counter() - t0
        chars = sum(len(t) for t in texts.values())
        per = 100_000 / max(chars, 1)
        applied = [(f, s, c) for f, s, c in found if c.action == "applied"]
        content = [(f, s, c) for f, s, c in applied if c.category not in LAYOUT]
        suggested = [(f, s, c) for f, s, c in found if c.action == "suggested"]
        print(f"\n== {name}: {len(texts)} files, {chars:,} characters ({secs:.1f} s)")
        words = [x for x in content if changes_words(x[2])]
        print(
            f"applied content {len(content)} ({len(content) * per:.2f} per 100k), "
            f"of which change words or numbers {len(words)} ({len(words) * per:.2f} per 100k); "
            f"applied layout {len(applied) - len(content)}; "
            f"suggested {len(suggested)} ({len(suggested) * per:.2f} per 100k)"
        )
        by_rule = Counter((c.rule, c.action) for _, _, c in found if c.category not in LAYOUT)
        for (rule, action), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:5d}  {action:9s}  {rule}")
        if name in CLEAN_CORPORA:
            # on text that was right every change is wrong; on CoNLL the repairs of the
            # conversion's stray stops are right
            for _, _, c in found:
                if c.category in LAYOUT:
                    continue
                ok = name == "conll" and not changes_words(c)
                judged.append((c.action, c.confidence, ok))
        if name in DAMAGED_CORPORA:
            scored = score_damaged(found, name)
            stray_ids = {id(c) for _, _, c in scored["stray"]}
            touched = scored["touched"]
            for _, _, c in found:
                if c.category in LAYOUT:
                    continue
                ok = id(c) not in stray_ids if c.action == "applied" else id(c) in touched
                judged.append((c.action, c.confidence, ok))
            for kind, outcome in sorted(scored["by_kind"].items()):
                total = sum(outcome.values())
                print(
                    f"  recall {kind:10s} fixed {outcome['fixed']:3d}/{total} "
                    f"({outcome['fixed'] / total:.0%}), flagged {outcome['flagged']}, "
                    f"missed {outcome['missed']}"
                )
            stray = scored["stray"]
            hit = len(content) - len(stray)
            print(f"  applied content on an annotated error: {hit}/{len(content)}")
            for f, src, c in stray:
                print(f"  stray {c.rule} {f}: {context(src, c.start, c.end)} → {c.replacement!r}")
        show = content if name in CLEAN_CORPORA else []
        if args.all:
            show = content + suggested
        for f, src, c in show:
            repl = "∅" if c.replacement is None else repr(c.replacement)
            print(f"  {c.action[:3]} {c.rule} {f}: {context(src, c.start, c.end)} → {repl}")
    print("\n== precision by confidence band (content corrections, all corpora read)")
    print("  band        applied right/all     suggested right/all")
    for lo, hi in BANDS:
        row = []
        for action in ("applied", "suggested"):
            inband = [ok for a, conf, ok in judged if a == action and lo <= conf < hi]
            share = f"{sum(inband) / len(inband):.2f}" if inband else "  - "
            row.append(f"{sum(inband):4d}/{len(inband):<4d} ({share})")
        print(f"  {lo:.1f}–{min(hi, 1.0):.1f}     {row[0]:20s}  {row[1]}")


if __name__ == "__main__":
    main()
