"""Hard time-outs, retries with exponential back-off and jitter, and a time budget.

deep-translator's clients call ``requests`` without a ``timeout``, so a silent server would
block a run for ever. Every call therefore runs in a daemon worker thread and the caller
waits on a future for at most ``timeout`` seconds; a call that does not answer in time is
abandoned (its thread ends when the socket does, and never keeps the process alive).

Failures come in three kinds, decided by the provider adapter's ``classify``:

* :class:`Transient` (time-outs, 429, 5xx, connection errors): retried with exponential
  back-off and full jitter, within the run's :class:`Budget`;
* :class:`SegmentProblem` (this text cannot be translated, e.g. too long): not retried;
* :class:`jsr_nlp.errors.TranslationError` (bad key, unsupported language): raised at once,
  because no retry and no other segment can succeed.

Reasons are short fixed phrases written by this package, never an exception's text: the
clients put API keys in their messages and URLs.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


class Transient(Exception):
    """A failure that may go away if the same request is sent again later."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SegmentProblem(Exception):
    """A failure of this one text that retrying will not fix."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RequestFailed(Exception):
    """A request still failed after its retries, or could not be sent at all."""

    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts


class CallTimedOut(Transient):
    """The call did not return within its hard time-out."""

    def __init__(self, seconds: float) -> None:
        super().__init__("timed out")
        self.seconds = seconds


@dataclass(frozen=True)
class RetryPolicy:
    """How long one attempt may take and how retries are spaced."""

    timeout: float = 20.0
    max_retries: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 20.0

    def delay(self, retry: int, rng: Callable[[], float] = random.random) -> float:
        """Full-jitter back-off before retry number ``retry`` (1 for the first retry).

        >>> p = RetryPolicy(backoff_base=1.0, backoff_max=5.0)
        >>> [p.delay(n, rng=lambda: 1.0) for n in (1, 2, 3, 4)]
        [1.0, 2.0, 4.0, 5.0]
        >>> p.delay(3, rng=lambda: 0.5)
        2.0
        """
        return float(rng() * min(self.backoff_max, self.backoff_base * 2.0 ** (retry - 1)))


@dataclass
class Budget:
    """The wall-clock time one text may spend on requests, and a circuit breaker.

    After ``max_consecutive_failures`` requests in a row have failed the provider is
    considered down and no further request is sent in this run.
    """

    seconds: float
    max_consecutive_failures: int = 6
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    consecutive_failures: int = 0
    requests: int = 0

    def __post_init__(self) -> None:
        self.started = self.clock()

    def remaining(self) -> float:
        """Seconds left; zero or less when the budget is used up."""
        return self.seconds - (self.clock() - self.started)

    @property
    def broken(self) -> bool:
        """Whether too many requests failed in a row to keep trying."""
        return self.consecutive_failures >= self.max_consecutive_failures

    def refusal(self) -> str | None:
        """Why no new request may start, or ``None`` when one may."""
        if self.broken:
            return (
                f"not attempted: {self.consecutive_failures} requests failed in a row; "
                "run again later to finish"
            )
        if self.remaining() <= 0:
            return (
                f"not attempted: the time budget ({self.seconds:g} s) ran out; run again to finish"
            )
        return None


def call_with_timeout(fn: Callable[[], T], timeout: float) -> T:
    """Run ``fn`` in a daemon thread and wait at most ``timeout`` seconds for it.

    >>> call_with_timeout(lambda: "hola", 1.0)
    'hola'
    >>> import time
    >>> call_with_timeout(lambda: time.sleep(1), 0.01)
    Traceback (most recent call last):
    ...
    jsr_nlp.translate.retry.CallTimedOut: timed out
    """
    future: Future[T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed to the waiting caller
            future.set_exception(exc)

    threading.Thread(target=run, name="jsr-nlp-translate-call", daemon=True).start()
    try:
        return future.result(timeout=max(timeout, 0.0))
    except FutureTimeout:
        future.cancel()
        raise CallTimedOut(timeout) from None


def with_retries(
    fn: Callable[[], T],
    classify: Callable[[BaseException], Transient | SegmentProblem],
    policy: RetryPolicy,
    budget: Budget,
    *,
    sleep: Callable[[float], None] = time.sleep,
    rng: Callable[[], float] = random.random,
) -> T:
    """Call ``fn`` with a hard time-out, retrying transient failures within the budget.

    Raises :class:`RequestFailed` when the retries or the budget run out,
    :class:`SegmentProblem` for a failure that retrying cannot fix, and lets
    :class:`~jsr_nlp.errors.TranslationError` (raised by ``classify``) through at once.
    The budget's failure streak is reset by a success and extended by a final failure.
    """
    refusal = budget.refusal()
    if refusal is not None:
        raise RequestFailed(refusal, 0)
    attempts = 0
    while True:
        attempts += 1
        budget.requests += 1
        try:
            result = call_with_timeout(fn, min(policy.timeout, budget.remaining()))
        except CallTimedOut as exc:
            problem: Transient | SegmentProblem = exc
        except Exception as exc:
            problem = classify(exc)
        else:
            budget.consecutive_failures = 0
            return result
        if isinstance(problem, SegmentProblem):
            raise problem
        plural = "attempt" if attempts == 1 else "attempts"
        if attempts > policy.max_retries:
            budget.consecutive_failures += 1
            msg = f"{problem.reason} after {attempts} {plural}"
            raise RequestFailed(msg, attempts)
        wait = policy.delay(attempts, rng)
        if wait >= budget.remaining() or budget.remaining() <= 0:
            budget.consecutive_failures += 1
            msg = (
                f"{problem.reason} after {attempts} {plural}; the time budget "
                f"({budget.seconds:g} s) ran out"
            )
            raise RequestFailed(msg, attempts)
        sleep(wait)
