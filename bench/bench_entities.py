"""Cost of the entity components beside the bare model, on ~1 MB of domain text, in one run.

    uv run python bench/bench_entities.py [--mb 1.0] [--batch-size 32]

Builds a deterministic ~1 MB corpus from the sample and the gold passages (paragraphs
shuffled and regrouped into documents of a few kilobytes), then times
``es_core_news_sm`` alone and ``es_core_news_sm`` + ``jsr_gazetteer`` + ``jsr_entity_filter``
+ ``jsr_linker`` over the same documents with ``nlp.pipe``. The model is loaded once; the
bare run disables our components; the two runs alternate chunk by chunk so that other load
on the machine weighs on both alike. Prints both times, the ratio (target ≤ 1.3), and the
mention F1 of the bare model and of the pipeline on the gold files of ``tests/entities``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "entities"))
warnings.filterwarnings("ignore", message=r"\[W095\]")

import evaluate as ev  # noqa: E402
import spacy  # noqa: E402

import jsr_nlp.analysis.factories  # noqa: E402,F401

OURS = ("jsr_gazetteer", "jsr_entity_filter", "jsr_linker")


def corpus(megabytes: float, seed: int = 0) -> list[str]:
    """Documents of 2–6 paragraphs drawn from the domain texts until ``megabytes`` is reached."""
    texts = [g.text for g in ev.all_gold()]
    paragraphs = [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        doc = "\n\n".join(rng.sample(paragraphs, rng.randint(2, 6)))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def timed(nlp: spacy.language.Language, docs: list[str], batch_size: int) -> tuple[float, int]:
    """CPU seconds of this process to run ``nlp.pipe`` over ``docs``, and the entities found.

    CPU time rather than wall time: other work on a shared machine does not count.
    """
    start = time.process_time()
    n = sum(len(d.ents) for d in nlp.pipe(docs, batch_size=batch_size))
    return time.process_time() - start, n


def components_only(nlp: spacy.language.Language, docs: list[str]) -> tuple[float, float]:
    """CPU seconds of the model, and of our three components alone on the model's docs."""
    with nlp.select_pipes(disable=list(OURS)):
        start = time.process_time()
        parsed = list(nlp.pipe(docs))
        model_s = time.process_time() - start
    procs = [nlp.get_pipe(name) for name in OURS]
    start = time.process_time()
    for doc in parsed:
        for proc in procs:
            doc = proc(doc)
    return model_s, time.process_time() - start


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in megabytes")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--chunks", type=int, default=10, help="alternating timing chunks")
    args = parser.parse_args()

    nlp = spacy.load("es_core_news_sm")
    for name in OURS:
        nlp.add_pipe(name)
    nlp("Calentamiento: la URSS y Japón.")  # compile the gazetteer before timing

    docs = corpus(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB, batch_size={args.batch_size}")
    # Interleave the two runs chunk by chunk (alternating which goes first), so that a
    # busy machine slows both alike instead of whichever ran second.
    bare_s = ours_s = 0.0
    bare_n = ours_n = 0
    step = max(1, len(docs) // args.chunks)
    for k, i in enumerate(range(0, len(docs), step)):
        chunk = docs[i : i + step]
        for run in ("bare", "ours") if k % 2 == 0 else ("ours", "bare"):
            if run == "bare":
                with nlp.select_pipes(disable=list(OURS)):
                    s, n = timed(nlp, chunk, args.batch_size)
                bare_s, bare_n = bare_s + s, bare_n + n
            else:
                s, n = timed(nlp, chunk, args.batch_size)
                ours_s, ours_n = ours_s + s, ours_n + n
    print(f"bare es_core_news_sm        {bare_s:8.2f} s CPU  ({bare_n} entities)")
    print(f"+ gazetteer, filter, linker {ours_s:8.2f} s CPU  ({ours_n} entities)")
    print(f"ratio                       {ours_s / bare_s:8.3f}  (target <= 1.3)")
    model_s, comp_s = components_only(nlp, docs[: max(1, len(docs) // 5)])
    print(
        f"on a fifth of the corpus: model {model_s:.2f} s, our components alone {comp_s:.2f} s "
        f"-> (model + ours) / model = {(model_s + comp_s) / model_s:.3f}"
    )

    print("\nmention F1 on tests/entities/gold (span + label), id accuracy over matches:")
    for gold in ev.all_gold():
        with nlp.select_pipes(disable=list(OURS)):
            bare = ev.score(gold.mentions, ev.predict(nlp, gold))
        ours = ev.score(gold.mentions, ev.predict(nlp, gold))
        print(
            f"  {gold.name:22} bare F1={bare.f1:.3f}   ours F1={ours.f1:.3f}  "
            f"id-acc={ours.id_accuracy:.3f}"
        )


if __name__ == "__main__":
    main()
