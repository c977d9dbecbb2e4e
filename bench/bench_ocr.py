"""OCR repairs by error class, on clean pages damaged by the seeded noise model.

    uv run python bench/bench_ocr.py [--corpus clean,heldout-clean] [--seed 2026]
                                     [--rate-scale 1] [--missed]

Each page of ``tests/corpora/clean/`` (dev) and ``heldout-clean/`` (held out) is noised
by ``tests/corpora/noise.py`` (classes and rates in its docstring), and the default
pipeline's text stages run on both the noised page and the clean original. For each
error class: injected; *repaired* (the applied corrections that touch the injection,
replayed, give back exactly the original text); *flagged* (not repaired, but a
suggestion covers it); *missed* (neither); of the unrepaired, how many an applied change
touched without restoring (*botched*); and recall, repaired / injected.

Then the precision of applied corrections on the noised pages: an applied correction is
right if it is part of a repair, or if the pipeline makes the same edit on the clean
original (those are counted on their own, and the clean-original edits are printed as a
baseline); every other applied change is wrong, and is listed by rule with its context.
``--missed`` lists every unrepaired injection with its context too.
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpora import LAYOUT, context, corpora  # noqa: E402
from corpora.noise import CLASSES, DEFAULT_SEED, Injection, noise, restore  # noqa: E402

import jsr_nlp  # noqa: E402
from jsr_nlp.ingest import from_string  # noqa: E402
from jsr_nlp.model import Correction, replay  # noqa: E402

CORPORA = {"clean": "dev", "heldout-clean": "held out"}


def page_seed(seed: int, fname: str) -> int:
    """The page's own seed: the same whatever else is read, and stable across Pythons
    (CRC-32, not ``hash()``, which is salted per process)."""
    return zlib.crc32(f"{seed}:{fname}".encode())


def touches(c: Correction, start: int, end: int) -> bool:
    """Whether a correction changes text inside ``[start, end)``.

    An insertion counts only strictly inside: one at the edge adds text outside the span.
    """
    if c.start == c.end:
        return start < c.start < end
    return c.start < end and start < c.end


def _shift(c: Correction, by: int) -> Correction:
    """The correction with offsets relative to a window starting at ``by``."""
    return Correction(
        c.id, c.rule, c.category, c.action, c.start - by, c.end - by, c.text,
        c.replacement, c.confidence, c.note,
    )  # fmt: skip


def _restores(noised: str, start: int, end: int, cs: list[Correction], truth: str) -> bool:
    window = noised[start:end]
    return bool(cs) and replay(window, [_shift(c, start) for c in cs]) == truth


@dataclass
class PageScore:
    """How one noised page came out."""

    outcome: dict[Injection, str] = field(default_factory=dict)  # repaired/flagged/missed
    botched: set[Injection] = field(default_factory=set)
    repairs: list[tuple[Correction, Injection]] = field(default_factory=list)
    baseline: list[Correction] = field(default_factory=list)  # also made on the original
    wrong: list[Correction] = field(default_factory=list)


def _window(
    inj: Injection, injections: list[Injection], applied: list[Correction]
) -> tuple[int, int, list[Injection], list[Correction]]:
    """Grow ``inj``'s span over the corrections and injections that touch it, to a fixpoint.

    A correction can straddle two injections (``Ia rnayoría`` → ``la mayoría``), or
    reach past one (deleting ``\\n\\n12`` for a page number put in as ``12\\n\\n``): the
    window is the smallest span whose replayed text can be compared with the original.
    """
    start, end = inj.start, inj.end
    while True:
        cs = [c for c in applied if touches(c, start, end)]
        js = [j for j in injections if j.start < end and start < j.end]
        new_start = min([start] + [c.start for c in cs] + [j.start for j in js])
        new_end = max([end] + [c.end for c in cs] + [j.end for j in js])
        if (new_start, new_end) == (start, end):
            return start, end, js, cs
        start, end = new_start, new_end


def score_page(
    noised: str,
    injections: list[Injection],
    found: list[Correction],
    on_original: list[Correction],
) -> PageScore:
    """Judge every injection and every applied correction of one noised page."""
    applied = [c for c in found if c.action == "applied"]
    suggested = [c for c in found if c.action == "suggested"]
    score = PageScore()
    repairing: set[int] = set()
    for inj in injections:
        start, end, js, cs = _window(inj, injections, applied)
        truth = restore(
            noised[start:end], [j._replace(start=j.start - start, end=j.end - start) for j in js]
        )
        if _restores(noised, start, end, cs, truth):
            fixed = cs
        else:
            # the window as a whole is wrong; this injection may still be right on its own
            inside = [c for c in cs if inj.start <= c.start and c.end <= inj.end]
            fixed = inside if _restores(noised, inj.start, inj.end, inside, inj.original) else []
        if fixed:
            score.outcome[inj] = "repaired"
            for c in fixed:
                if id(c) not in repairing:
                    repairing.add(id(c))
                    score.repairs.append((c, inj))
            continue
        if any(touches(c, inj.start, inj.end) for c in applied):
            score.botched.add(inj)
        flagged = any(touches(c, inj.start, inj.end) for c in suggested)
        score.outcome[inj] = "flagged" if flagged else "missed"
    # the same edit on the clean original, in its offsets: shift past the injections before
    baseline = {(c.start, c.end, c.text, c.replacement) for c in on_original}
    for c in applied:
        if id(c) in repairing:
            continue
        delta = sum(len(j.noised) - len(j.original) for j in injections if j.end <= c.start)
        key = (c.start - delta, c.end - delta, c.text, c.replacement)
        inside_one = any(touches(c, j.start, j.end) for j in injections)
        (score.wrong if inside_one or key not in baseline else score.baseline).append(c)
    return score


def _edit(pipeline: object, text: str, name: str) -> list[Correction]:
    log = pipeline.edit(from_string(text, name))  # type: ignore[attr-defined]
    if log.source != text:  # offsets below are into ``text``; ingest must not move it
        msg = f"{name}: the pipeline's source is not the text it was given"
        raise RuntimeError(msg)
    return list(log.corrections)


def _injection_line(inj: Injection, noised: str) -> str:
    return f"{inj.cls:9s} {context(noised, inj.start, inj.end)} ← {inj.original!r}"


def bench(
    pipeline: object, name: str, texts: dict[str, str], seed: int, scale: float, missed: bool
) -> None:
    t0 = time.perf_counter()
    outcome: dict[str, Counter[str]] = {cls: Counter() for cls in CLASSES}
    repairs_by_rule: Counter[tuple[str, str]] = Counter()
    clean_applied: Counter[str] = Counter()
    n_applied = n_baseline = 0
    wrong: list[tuple[str, str, Correction, str]] = []  # file, noised text, correction, note
    unrepaired: list[tuple[str, str, Injection]] = []
    for fname, text in texts.items():
        out = noise(text, seed=page_seed(seed, fname), rate_scale=scale)
        original = [c for c in _edit(pipeline, text, fname) if c.action == "applied"]
        clean_applied.update("layout" if c.category in LAYOUT else "content" for c in original)
        found = _edit(pipeline, out.text, fname)
        score = score_page(out.text, out.injections, found, original)
        n_applied += sum(c.action == "applied" for c in found)
        n_baseline += len(score.baseline)
        for inj, result in score.outcome.items():
            outcome[inj.cls][result] += 1
            outcome[inj.cls]["botched"] += inj in score.botched
            if result != "repaired":
                unrepaired.append((fname, out.text, inj))
        repairs_by_rule.update((inj.cls, c.rule) for c, inj in score.repairs)
        for c in score.wrong:
            hit = [j for j in out.injections if touches(c, j.start, j.end)]
            note = f"  [on {hit[0].cls} {hit[0].original!r}]" if hit else ""
            wrong.append((fname, out.text, c, note))
    secs = time.perf_counter() - t0
    chars = sum(len(t) for t in texts.values())
    print(
        f"\n== {name} ({CORPORA.get(name, '')}): {len(texts)} files, {chars:,} characters, "
        f"seed {seed}, rate scale {scale:g} ({secs:.1f} s)"
    )
    print("  class       injected  repaired  flagged  missed  botched  recall")
    total: Counter[str] = Counter()
    for cls in CLASSES:
        row = outcome[cls]
        total.update(row)
        _row(cls, row)
    _row("all", total)
    print(
        f"  applied on the clean original: {sum(clean_applied.values())} "
        f"(content {clean_applied['content']}, layout {clean_applied['layout']})"
    )
    n_repairs = n_applied - n_baseline - len(wrong)
    right = n_repairs + n_baseline
    print(
        f"  applied on the noised pages: {n_applied}: repairs {n_repairs}, same as on the "
        f"clean original {n_baseline}, wrong {len(wrong)}; "
        f"precision {right / max(n_applied, 1):.2f}"
    )
    print("  repairs by class and rule:")
    for (cls, rule), n in sorted(repairs_by_rule.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"    {n:5d}  {cls:9s}  {rule}")
    by_rule = Counter(c.rule for _, _, c, _ in wrong)
    print("  wrong applied changes by rule:")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {n:5d}  {rule}")
    for fname, noised, c, note in sorted(wrong, key=lambda w: (w[2].rule, w[0], w[2].start)):
        repl = "∅" if c.replacement is None else repr(c.replacement)
        print(f"  wrong {c.rule} {fname}: {context(noised, c.start, c.end)} → {repl}{note}")
    if missed:
        for fname, noised, inj in unrepaired:
            print(f"  unrepaired {fname}: {_injection_line(inj, noised)}")


def _row(label: str, row: Counter[str]) -> None:
    injected = row["repaired"] + row["flagged"] + row["missed"]
    recall = f"{row['repaired'] / injected:.2f}" if injected else "  - "
    print(
        f"  {label:10s}  {injected:8d}  {row['repaired']:8d}  {row['flagged']:7d}  "
        f"{row['missed']:6d}  {row['botched']:7d}  {recall:>6s}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=",".join(CORPORA))
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--rate-scale", type=float, default=1.0, help="multiply every rate")
    ap.add_argument("--missed", action="store_true", help="list every unrepaired injection")
    args = ap.parse_args()
    pipeline = jsr_nlp.load_pipeline("default")
    for name, texts in corpora(tuple(args.corpus.split(","))).items():
        bench(pipeline, name, texts, args.seed, args.rate_scale, args.missed)


if __name__ == "__main__":
    main()
