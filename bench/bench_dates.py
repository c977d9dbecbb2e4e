"""Time expressions: the component against dateparser on the gold table, and its cost.

    uv run python bench/bench_dates.py [--mb 1.0] [--batch-size 64] [--rounds 3]

1. Quality: every case of ``tests/dates/cases.toml`` through ``jsr_dates`` (blank Spanish
   pipeline, test gazetteer) and through ``dateparser.search.search_dates(text,
   languages=["es"])``. The component is scored strictly (exact span; type, value and mod
   right) and leniently (a span counts if it overlaps the gold one). dateparser is scored
   leniently: a found string matches a gold expression it overlaps, and its value is right
   when the date it returns falls inside the gold interval (for gold without bounds —
   durations, sets, 'hoy', unresolved dates — it cannot be right).
2. Cost: ``es_core_news_sm`` alone vs ``es_core_news_sm`` + ``jsr_dates`` over ~1 MB of
   Spanish (the sample and the case sentences, repeated and shuffled into documents), with
   ``nlp.pipe``: the model alone, the component alone on the model's documents, and both in
   one pass, alternating chunk by chunk; the best of ``--rounds`` is kept. Prints the times
   and the ratio (target ≤ 1.10).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "dates"))
warnings.filterwarnings("ignore", message=r"\[W095\]")
warnings.filterwarnings("ignore", category=DeprecationWarning)

import spacy  # noqa: E402
from dates_scoring import score  # noqa: E402
from dates_support import CONFIG, load_cases  # noqa: E402

import jsr_nlp.analysis.dates.component  # noqa: E402,F401
from jsr_nlp.analysis.dates import value as V  # noqa: E402

SAMPLE = ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt"


# ---------------------------------------------------------------- quality


def gold_interval(gold: dict[str, Any]) -> tuple[date, date] | None:
    """The days a gold expression can denote, from its bounds or its value."""
    if gold.get("earliest") and gold.get("latest"):
        return date.fromisoformat(gold["earliest"]), date.fromisoformat(gold["latest"])
    value = gold["value"]
    if gold.get("type", "DATE") not in {"DATE", "TIME"} or "X" in value or "REF" in value:
        return None
    if "T" in value:
        value = value.split("T")[0]
    p = V.parse_edtf_period(value)
    if p is None and value.isdigit() and len(value) == 3:
        p = V.decade(int(value))
    elif p is None and value.isdigit() and len(value) == 2:
        p = V.century(int(value))
    elif p is None and "-Q" in value:
        p = V.quarter(int(value[:4]), int(value[-1]))
    elif p is None and "-H" in value:
        p = V.half(int(value[:4]), int(value[-1]))
    elif p is None and "-W" in value:
        p = V.week(date.fromisocalendar(int(value[:4]), int(value[6:8]), 1))
    elif p is None and value[5:] in {"SP", "SU", "FA", "WI"}:
        codes = {"SP": ("03-21", "06-20"), "SU": ("06-21", "09-22"), "FA": ("09-23", "12-20"),
                 "WI": ("12-21", "03-20")}  # fmt: skip
        start, end = codes[value[5:]]
        p = V.season(int(value[:4]), value[5:], 21, start, end)
    if p is None:
        return None
    lo = date.fromisoformat(gold["earliest"]) if gold.get("earliest") else p.start
    hi = date.fromisoformat(gold["latest"]) if gold.get("latest") else p.end
    return lo, hi


def overlaps(text: str, gold: str, found: str) -> bool:
    """Do two substrings of ``text`` overlap (first occurrences)?"""
    g, f = text.find(gold), text.find(found)
    return g >= 0 and f >= 0 and f < g + len(gold) and g < f + len(found)


def dateparser_scores(cases: list[dict[str, Any]]) -> tuple[Any, float]:
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    current: dict[str, str] = {}

    def predict(text: str) -> list[tuple[str, dict[str, Any]]]:
        current["text"] = text
        found = search_dates(text, languages=["es"]) or []
        return [(s, {"date": d}) for s, d in found]

    def value_ok(gold: dict[str, Any], got: dict[str, Any]) -> bool:
        span = gold_interval(gold)
        d: datetime = got["date"]
        return span is not None and span[0] <= d.date() <= span[1]

    result = score(
        cases,
        predict,
        same_span=lambda g, p: overlaps(current["text"], g, p),
        value_ok=value_ok,
    )
    return result, time.perf_counter() - t0


def component_scores(cases: list[dict[str, Any]]) -> tuple[Any, Any, float]:
    nlp = spacy.blank("es")
    nlp.add_pipe("jsr_dates", config=CONFIG)
    current: dict[str, str] = {}

    def predict(text: str) -> list[tuple[str, dict[str, Any]]]:
        current["text"] = text
        doc = nlp(text)
        return [(s.text, dataclasses.asdict(s._.jsr_date)) for s in doc.spans["dates"]]

    t0 = time.perf_counter()
    strict = score(cases, predict)
    elapsed = time.perf_counter() - t0
    lenient = score(cases, predict, same_span=lambda g, p: overlaps(current["text"], g, p))
    return strict, lenient, elapsed


# ---------------------------------------------------------------- cost


def corpus(megabytes: float, seed: int = 0) -> list[str]:
    """Documents of 2–6 paragraphs drawn from the sample and the case sentences."""
    paragraphs = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    sentences = [c["text"] for c in load_cases()]
    rng = random.Random(seed)
    pool = paragraphs + [" ".join(rng.sample(sentences, 5)) for _ in range(len(sentences))]
    docs: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        doc = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def cost(megabytes: float, batch_size: int, rounds: int) -> None:
    """Time the model alone, the component on the model's documents, and both together.

    The end-to-end difference is small beside the machine's noise, so the component is also
    timed on its own over the documents the bare model produced (its marginal cost).
    """
    docs = corpus(megabytes)
    nlp = spacy.load("es_core_news_sm")
    nlp.add_pipe("jsr_dates", config=CONFIG)
    component = nlp.get_pipe("jsr_dates")
    component.initialize()
    list(nlp.pipe(docs[:20]))  # warm up both paths
    chunks = [docs[i : i + 100] for i in range(0, len(docs), 100)]
    best = {"bare": float("inf"), "component": float("inf"), "full": float("inf")}
    found = 0
    for _ in range(rounds):
        spent = dict.fromkeys(best, 0.0)
        found = 0
        for chunk in chunks:
            t0 = time.perf_counter()
            with nlp.select_pipes(disable=["jsr_dates"]):
                bare_docs = list(nlp.pipe(chunk, batch_size=batch_size))
            spent["bare"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            for doc in bare_docs:
                found += len(component(doc).spans["dates"])
            spent["component"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            for _doc in nlp.pipe(chunk, batch_size=batch_size):
                pass
            spent["full"] += time.perf_counter() - t0
        best = {k: min(best[k], spent[k]) for k in best}
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    bare, comp, full = best["bare"], best["component"], best["full"]
    print(f"\n== cost on {mb:.2f} MB ({len(docs)} documents, batch {batch_size}, best of {rounds})")
    print(f"es_core_news_sm alone                 {bare:7.2f} s")
    print(f"jsr_dates on the model's documents    {comp:7.2f} s   ({found} time expressions)")
    print(f"ratio (model + component) / model     {(bare + comp) / bare:7.3f}   (target <= 1.10)")
    print(f"es_core_news_sm + jsr_dates, one pass {full:7.2f} s   ratio {full / bare:.3f} (noisy)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-cost", action="store_true")
    args = parser.parse_args()

    cases = load_cases()
    gold = sum(len(c["dates"]) for c in cases)
    strict, lenient, t_ours = component_scores(cases)
    theirs, t_theirs = dateparser_scores(cases)
    print(f"== quality on tests/dates/cases.toml: {len(cases)} texts, {gold} gold expressions")
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>10} {'time':>8}")
    rows = [
        ("jsr_dates (exact span)", strict, t_ours),
        ("jsr_dates (overlapping span)", lenient, t_ours),
        ("dateparser search_dates (overlap)", theirs, t_theirs),
    ]
    for name, s, t in rows:
        print(
            f"{name:34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{s.value_accuracy:10.3f} {t:7.2f}s"
        )
    print("value acc = right values / found gold expressions; dateparser: date inside the gold")
    print("interval; it has no value for durations, sets or unresolved dates.")
    if not args.skip_cost:
        cost(args.mb, args.batch_size, args.rounds)


if __name__ == "__main__":
    main()
