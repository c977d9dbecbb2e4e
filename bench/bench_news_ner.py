"""General Spanish news NER (CoNLL-2002 test): bare es_core_news_sm vs + our components.

    uv run python bench/bench_news_ner.py [--limit N] [--show 25]

Issue 3: on a public Spanish news NER benchmark the pipeline must not do worse than the
bare model. Reads ``tests/entities/conll2002/esp.testb.sample.txt`` (the CoNLL-2002 Spanish
test set, see the README beside it), builds one ``Doc`` per sentence from the gold tokens,
runs the model once (its entities are the bare prediction), then ``jsr_gazetteer``,
``jsr_entity_filter`` and ``jsr_linker`` on the same docs, and prints exact-match
(span + label) P/R/F1 overall and per label for both, in one run, followed by the most
frequent differences between the two (entities our components lost, relabelled or
reshaped, and the ones they fixed).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "entities"))
warnings.filterwarnings("ignore", message=r"\[W095\]")

import news_ner as nn  # noqa: E402
import spacy  # noqa: E402

import jsr_nlp.analysis.factories  # noqa: E402,F401


def main() -> None:
    """Run the comparison and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences only")
    parser.add_argument("--show", type=int, default=25, help="differences listed per kind")
    args = parser.parse_args()

    nlp = spacy.load("es_core_news_sm")
    for name in nn.OURS:
        nlp.add_pipe(name)
    sentences = nn.read_conll(nn.DATA, args.limit)
    n_tokens = sum(len(s.tokens) for s in sentences)
    gold = [s.spans for s in sentences]
    print(
        f"{nn.DATA.relative_to(ROOT)}: {len(sentences)} sentences, {n_tokens} tokens, "
        f"{sum(len(g) for g in gold)} gold entities"
    )
    start = time.perf_counter()
    bare, ours, _docs = nn.predict(nlp, sentences)
    print(f"(model + components: {time.perf_counter() - start:.1f} s)\n")

    s_bare, s_ours = nn.score(gold, bare), nn.score(gold, ours)
    print(f"{'':6} {'bare es_core_news_sm':^26} | {'+ gazetteer, filter, linker':^26} | dF1")
    for lab in ("ALL", *nn.LABELS):
        b, o = s_bare[lab], s_ours[lab]
        print(
            f"{lab:6} P={b.precision:.3f} R={b.recall:.3f} F1={b.f1:.3f} | "
            f"P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} | {o.f1 - b.f1:+.4f}"
        )
    extra = sorted((set(s_bare) | set(s_ours)) - {"ALL", *nn.LABELS})
    for lab in extra:
        print(f"{lab:6} (not a CoNLL label) bare fp={s_bare[lab].fp} ours fp={s_ours[lab].fp}")

    diffs = nn.differences(sentences, bare, ours)
    kinds: dict[str, int] = {}
    for (kind, _text), n in diffs.items():
        kinds[kind] = kinds.get(kind, 0) + n
    print("\nchanges made by our components (bare -> ours):")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:12} {n}")
    for kind in ("lost", "relabelled", "reshaped", "new wrong", "gained", "fixed label"):
        rows = [(t, n) for (k, t), n in diffs.most_common() if k == kind][: args.show]
        if rows:
            print(f"\n{kind}:")
            for text, n in rows:
                print(f"  {n:3}  {text}")


if __name__ == "__main__":
    main()
