"""Span F1 and value accuracy of a date tagger against the gold case table."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Predicted = list[tuple[str, dict[str, Any]]]


@dataclass
class Score:
    """Counts over a case table; a value is right when type, value and mod (and the bounds,
    where the gold gives them) agree."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    values_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        """Right values over gold expressions that were found."""
        return self.values_right / self.tp if self.tp else 0.0


def value_errors(gold: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Fields where a prediction disagrees with the gold."""
    wrong = []
    expected = {"type": gold.get("type", "DATE"), "value": gold["value"], "mod": gold.get("mod")}
    for key in ("earliest", "latest"):
        if key in gold:
            expected[key] = gold[key]
    for key, want in expected.items():
        if got.get(key) != want:
            wrong.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    return wrong


def score(
    cases: Iterable[dict[str, Any]],
    predict: Callable[[str], Predicted],
    same_span: Callable[[str, str], bool] = lambda g, p: g == p,
    value_ok: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> Score:
    """Match gold and predicted spans per case (in order) and count."""
    s = Score()
    for case in cases:
        predicted = predict(case["text"])
        unused = list(range(len(predicted)))
        for gold in case["dates"]:
            hit = next((i for i in unused if same_span(gold["text"], predicted[i][0])), None)
            if hit is None:
                s.fn += 1
                s.errors.append(f"MISSED {gold['text']!r} in {case['text']!r}")
                continue
            unused.remove(hit)
            s.tp += 1
            got = predicted[hit][1]
            ok = value_ok(gold, got) if value_ok else not value_errors(gold, got)
            if ok:
                s.values_right += 1
            else:
                why = "; ".join(value_errors(gold, got))
                s.errors.append(f"VALUE {gold['text']!r}: {why}")
        for i in unused:
            s.fp += 1
            s.errors.append(f"EXTRA {predicted[i][0]!r} in {case['text']!r}")
    return s
