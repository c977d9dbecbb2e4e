"""Measure the translation stage on the sample against the fake LibreTranslate server.

Run from the repository root::

    uv run python -m tests.translate.measure

Prints requests per run, time with and without cache, and behaviour under faults. The
sentences come from a simple regex and the protected spans from a plain search of the
gazetteer's forms: the pipeline uses spaCy's sentences and its linked entities instead.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from jsr_nlp.lexicon.load import load_file
from jsr_nlp.resources import pipelines_dir
from jsr_nlp.translate import Protected, TranslateOptions, translate_text

from .server import FakeLibreTranslate, Faults

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "japon-urss-segunda-guerra-mundial.txt"
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


def regex_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans from punctuation and line breaks (a stand-in for spaCy).

    >>> regex_sentences("Uno. Dos?\\nTres")
    [(0, 4), (4, 9), (10, 14)]
    """
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


def gazetteer_spans(text: str) -> list[Protected]:
    """Every occurrence of a gazetteer form, longest first, without overlaps."""
    entities = {}
    for path in sorted((pipelines_dir() / "lexicons").glob("*.toml")):
        # a lexicon that does not validate stops the measurement: it would change the names
        entities.update({e.id: e for e in load_file(path).entity})
    forms = sorted(
        ((form, e.english) for e in entities.values() for form in e.forms if len(form) > 2),
        key=lambda f: -len(f[0]),
    )
    taken: list[Protected] = []
    for form, english in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if all(m.end() <= p.start or m.start() >= p.end for p in taken):
                taken.append(Protected(m.start(), m.end(), english))
    return sorted(taken, key=lambda p: p.start)


def main() -> None:
    """Run the measurements and print them."""
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = regex_sentences(text)
    protected = gazetteer_spans(text)
    print(f"sample: {len(text)} chars, {len(sentences)} sentences, {len(protected)} names")
    with FakeLibreTranslate() as server, tempfile.TemporaryDirectory() as tmp:

        def run(label: str, faults: Faults | None = None, previous=None, **opts: object):
            server.reset(faults)
            options = TranslateOptions(
                provider="libre", url=server.url, cache_dir=Path(tmp) / "cache", **opts
            )
            t0 = time.perf_counter()
            tr, warnings = translate_text(text, sentences, protected, [], options, previous)
            dt = time.perf_counter() - t0
            failed = sum(s.status == "failed" for s in tr.segments)
            print(
                f"{label:<44} requests={server.requests:<4} time={dt * 1000:8.1f} ms  "
                f"complete={tr.complete!s:<5} failed={failed:<3} warnings={len(warnings)}"
            )
            return tr

        run("cold cache, default batching (2000 chars)")
        run("warm cache (same text again)")
        run("no cache", no_cache=True)
        run("no cache, batch_chars=500", no_cache=True, batch_chars=500)
        run("no cache, batch_chars=100 (long sentences cut)", no_cache=True, batch_chars=100)
        fast = {"timeout": 0.2, "backoff_base": 0.01, "backoff_max": 0.05, "batch_chars": 300}
        faults = Faults(fail_every=3, hang_every=10, hang_seconds=1.0)
        run("faults 1/3 fail + 1/10 hang, retries=4", faults, no_cache=True, **fast)
        first = run(
            "faults 1/3 fail + 1/10 hang, retries=1", faults, no_cache=True, max_retries=1, **fast
        )
        run("rerun without faults, previous=", None, first, no_cache=True, **fast)
        down = Faults(status=500)
        run("server down (500 always), retries=2", down, no_cache=True, max_retries=2, **fast)
        budget = Faults(hang_every=1, hang_seconds=5.0)
        run("every request hangs, budget 1 s", budget, no_cache=True, max_total_seconds=1.0, **fast)


if __name__ == "__main__":
    main()
