"""The Spanish dictionary (``jsr_nlp.spelling``): its cost, and what it rejects.

    uv run python bench/bench_spelling.py [--top 30]

1. Cost: loading (import + dictionary, in this fresh process, and the memory it adds);
   ``is_word`` over every token of ``tests/corpora/clean/*.txt``, first with empty caches
   and then warm; ``accent_variants`` on those tokens with their diacritics stripped
   (empty cache), and how often that gives back the original word; ``split_glued`` on
   pairs of neighbouring words glued together; ``suggest`` on the damaged corpus's
   non-words.
2. Rejections: the share of lowercase alphabetic tokens that ``is_word`` rejects in the
   clean corpus (well-edited Wikipedia pages: what the dictionary lacks) and in the damaged
   corpus (OCR and machine translation: what a detector would look at), and the most
   frequent rejected tokens of each.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "tests" / "corpora"
_TOKEN = re.compile(r"[^\W\d_]+")
_FOLD = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")


def _rss_mb() -> float:
    """Resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _tokens(folder: str) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((CORPORA / folder).glob("*.txt")))
    return _TOKEN.findall(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=30, help="rejected tokens to list")
    args = parser.parse_args()

    rss = _rss_mb()
    start = time.perf_counter()
    from jsr_nlp.spelling import SpanishDictionary

    imported = time.perf_counter()
    d = SpanishDictionary()
    loaded = time.perf_counter()
    print(
        f"load: import {imported - start:.2f} s + dictionary {loaded - imported:.2f} s, "
        f"+{_rss_mb() - rss:.0f} MB resident"
    )

    clean, damaged = _tokens("clean"), _tokens("damaged")
    for label in ("cold", "warm"):
        start = time.perf_counter()
        for token in clean:
            d.is_word(token)
        elapsed = time.perf_counter() - start
        print(
            f"is_word, {label} cache: {len(clean) / elapsed:,.0f} tokens/s "
            f"({len(clean):,} tokens, {len(set(clean)):,} distinct)"
        )

    accented = sorted({t for t in clean if t != t.translate(_FOLD) and d.is_word(t)})
    stripped = [t.translate(_FOLD) for t in accented]
    start = time.perf_counter()
    variants = [d.accent_variants(t) for t in stripped]
    elapsed = time.perf_counter() - start
    found = sum(orig in v for orig, v in zip(accented, variants, strict=True))
    unique = sum(v == [orig] for orig, v in zip(accented, variants, strict=True))
    print(
        f"accent_variants: {len(stripped) / elapsed:,.0f} calls/s on {len(stripped):,} "
        f"stripped accented words; original among the variants {found / len(accented):.1%}, "
        f"the only variant {unique / len(accented):.1%}"
    )

    words = [t for t in clean if t.islower()]
    glued = [a + b for a, b in zip(words[:4000:2], words[1:4000:2], strict=True)]
    start = time.perf_counter()
    split_ok = sum(
        (a, b) in d.split_glued(a + b) for a, b in zip(words[:4000:2], words[1:4000:2], strict=True)
    )
    elapsed = time.perf_counter() - start
    print(
        f"split_glued: {len(glued) / elapsed:,.0f} calls/s on {len(glued):,} glued pairs; "
        f"the right cut found in {split_ok / len(glued):.1%}"
    )

    for name, tokens in (("clean", clean), ("damaged", damaged)):
        lower = [t for t in tokens if t.islower()]
        rejected = Counter(t for t in lower if not d.is_word(t))
        share = sum(rejected.values()) / len(lower)
        print(
            f"\n{name}: {sum(rejected.values()):,} of {len(lower):,} lowercase alphabetic "
            f"tokens rejected ({share:.2%}), {len(rejected):,} distinct"
        )
        print("  " + ", ".join(f"{t} {n}" for t, n in rejected.most_common(args.top)))
        if name == "damaged":
            sample = [t for t, _ in rejected.most_common(40) if len(t) > 2]
            start = time.perf_counter()
            for token in sample:
                d.suggest(token)
            elapsed = time.perf_counter() - start
            print(
                f"suggest: {1000 * elapsed / len(sample):.0f} ms a word ({len(sample)} non-words)"
            )


if __name__ == "__main__":
    main()
