"""What each piece of evidence buys the fuzzy name corrector (an ablation).

    uv run python bench/bench_name_signals.py

For the full evidence and with each signal switched off in turn (and all of them: similarity
alone), counts the applied ``name.fuzzy`` corrections on the well-edited corpora (every one
is wrong), on the damaged pages (right when it touches an annotated error) and on the
sample (whose misspelt names are known).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpora import corpora, corpus_corrections, score_damaged  # noqa: E402

import jsr_nlp  # noqa: E402
from jsr_nlp.lexicon import fuzzy  # noqa: E402


def _count(pipeline: jsr_nlp.Pipeline, sets: dict[str, dict[str, str]]) -> list[str]:
    cells = []
    for name, texts in sets.items():
        found = [x for x in corpus_corrections(pipeline, texts) if x[2].rule == "name.fuzzy"]
        if name in {"damaged", "heldout-damaged", "sample"}:
            stray = (
                {id(c) for _, _, c in score_damaged(found, name)["stray"]}
                if name != "sample"
                else set()
            )
            right = sum(1 for _, _, c in found if id(c) not in stray)
            cells.append(f"{right}/{len(found)}")
        else:
            cells.append(str(len(found)))
    return cells


def main() -> None:
    pipeline = jsr_nlp.load_pipeline("default")
    names = pipeline.corrector.names
    base = names.s
    sets = corpora()
    sets["sample"] = {
        "sample": (ROOT / "samples" / "japon-urss-segunda-guerra-mundial.txt").read_text("utf-8")
    }
    original_dictionary = fuzzy._dictionary
    original_neighbours = fuzzy._name_neighbours
    targets = (names.index.targets, names.index._target_keys, names.index.target_set)

    def reset() -> None:
        names.s = base
        names._match_cache.clear()
        fuzzy._dictionary = original_dictionary
        fuzzy._name_neighbours = original_neighbours
        names.index.targets, names.index._target_keys, names.index.target_set = targets

    def no_wordfreq() -> None:
        names.s = dataclasses.replace(names.s, apply_max_zipf=99.0, max_zipf=99.0)

    def no_dictionary() -> None:
        fuzzy._dictionary = lambda: ([], frozenset())  # type: ignore[assignment]

    def no_neighbours() -> None:
        fuzzy._name_neighbours = lambda doc, tok: ([], None)  # type: ignore[assignment]

    def no_kind() -> None:
        names.s = dataclasses.replace(names.s, person_before=frozenset(), place_before=frozenset())

    def no_world() -> None:
        names.s = dataclasses.replace(names.s, world_min=0)

    def english_targets() -> None:
        ix = names.index
        ix.targets = list(ix._cands)
        ix._target_keys = list(ix._keys)
        ix.target_set = frozenset(ix._cands)

    variants: dict[str, list[Callable[[], None]]] = {
        "all evidence": [],
        "- not a word (wordfreq)": [no_wordfreq],
        "- no closer Spanish word": [no_dictionary],
        "- the rest of the name agrees": [no_neighbours],
        "- kind fits the context": [no_kind],
        "- gazetteer world nearby": [no_world],
        "- no English targets": [english_targets],
    }
    variants["similarity alone"] = [f for fs in list(variants.values())[1:] for f in fs]
    print("applied name.fuzzy (damaged pages and sample: right/applied)")
    print(f"{'':32s}" + "".join(f"{n:>16s}" for n in sets))
    for label, switches in variants.items():
        reset()
        for switch in switches:
            switch()
        print(f"{label:32s}" + "".join(f"{c:>16s}" for c in _count(pipeline, sets)))
    reset()


if __name__ == "__main__":
    main()
