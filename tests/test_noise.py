"""The OCR noise model (``tests/corpora/noise.py``): seeded, exact, and reversible."""

from __future__ import annotations

import pytest
from corpora import folder_texts
from corpora.noise import CLASSES, Injection, noise, restore

PAGES = {
    f"{folder}/{name}": text
    for folder in ("clean", "heldout-clean")
    for name, text in folder_texts(folder).items()
}


def test_same_seed_same_noise() -> None:
    text = next(iter(PAGES.values()))
    assert noise(text, seed=7) == noise(text, seed=7)
    assert noise(text, seed=7) != noise(text, seed=8)


def test_pinned_output() -> None:
    # guards against a change of draw order that would silently reshuffle the corpus
    out = noise("Después de las elecciones de agosto, España cambió.", seed=3, rate_scale=4)
    assert out.text == "Despues de 1as eIecciones de agosto, España cambio."


@pytest.mark.parametrize("seed", [2026, 1])
def test_round_trip_over_the_clean_corpus(seed: int) -> None:
    for name, text in PAGES.items():
        out = noise(text, seed=seed, rate_scale=2)
        assert restore(out.text, out.injections) == text, name


@pytest.mark.parametrize("seed", [2026, 1])
def test_injections_are_exact_and_disjoint(seed: int) -> None:
    for name, text in PAGES.items():
        out = noise(text, seed=seed, rate_scale=2)
        previous_end = -1
        for inj in out.injections:
            assert inj.cls in CLASSES, name
            assert out.text[inj.start : inj.end] == inj.noised, (name, inj)
            assert inj.noised != inj.original, (name, inj)
            assert inj.start >= previous_end, (name, inj)  # sorted and not overlapping
            previous_end = inj.end


def test_every_class_is_injected() -> None:
    seen = {i.cls for text in PAGES.values() for i in noise(text).injections}
    assert seen == set(CLASSES)


def test_classes_do_what_the_docstring_says() -> None:
    for text in PAGES.values():
        for inj in noise(text, rate_scale=2).injections:
            _check(inj)


def _check(inj: Injection) -> None:
    n, o = inj.noised, inj.original
    if inj.cls == "split":
        assert n.replace(" ", "", 1) == o and len(o) >= 5
        assert min(len(part) for part in n.split(" ")) >= 2
    elif inj.cls == "glued":
        assert o.replace(" ", "", 1) == n and o.count(" ") == 1
    elif inj.cls == "accent":
        assert len(n) == len(o) and sum(a != b for a, b in zip(n, o, strict=True)) == 1
    elif inj.cls == "confusion":
        assert n != o and " " not in n
    else:
        assert o == "" and n.strip() and n.endswith("\n")


def test_rate_scale_zero_is_the_identity_and_too_much_is_refused() -> None:
    text = next(iter(PAGES.values()))
    assert noise(text, rate_scale=0) == (text, [])
    with pytest.raises(ValueError, match="more than 1"):
        noise(text, rate_scale=10)  # the word classes would add up to 1.8


def test_numbers_are_never_noised() -> None:
    out = noise("En 1931 y 1936, el 2º año; 14 de abril de 1931. " * 50, seed=5, rate_scale=5)
    assert all(any(ch.isalpha() for ch in i.original) for i in out.injections)
    assert "1931" in out.text and "1936" in out.text
