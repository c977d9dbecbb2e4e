"""Time-outs, retries, back-off, the time budget, and errors that stop a run at once."""

from __future__ import annotations

import time

import pytest

from jsr_nlp.errors import TranslationError
from jsr_nlp.translate import Protected, translate_text
from jsr_nlp.translate.retry import Budget, RequestFailed, RetryPolicy, Transient, with_retries

from .server import Faults

TEXT = "La guerra en China. El grupo del norte. El grupo del sur."
SENTENCES = [(0, 19), (20, 39), (40, 57)]


@pytest.mark.parametrize("status", [500, 503, 429])
def test_transient_errors_are_retried(server, libre, status):
    server.faults = Faults(fail_first=2, fail_status=status)
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre())
    assert tr.complete
    assert warnings == []
    assert server.requests == 3
    assert tr.segments[0].target == "The war in China."


def test_hung_request_times_out_and_is_retried(server, libre):
    server.faults = Faults(hang_first=1, hang_seconds=3.0)
    t0 = time.monotonic()
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre(timeout=0.2))
    assert time.monotonic() - t0 < 1.5
    assert tr.complete
    assert warnings == []
    assert server.requests == 2


def test_failed_segment_keeps_its_spanish_and_is_named(server, libre):
    server.faults = Faults(status=500)
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre(batch_chars=20, max_retries=2))
    assert not tr.complete
    assert [s.status for s in tr.segments] == ["failed"] * 3
    assert [s.target for s in tr.segments] == [s.source for s in tr.segments]
    assert tr.text == TEXT
    assert warnings == [
        "segments 1–3 (chars 0–57): server error (500) after 3 attempts",
    ]
    assert server.requests == 3 * 3


def test_timeouts_are_named_in_the_warning(server, libre):
    server.faults = Faults(hang_every=1, hang_seconds=2.0)
    t0 = time.monotonic()
    tr, warnings = translate_text(
        TEXT, SENTENCES, [], [], libre(timeout=0.1, max_retries=2, max_consecutive_failures=1)
    )
    assert time.monotonic() - t0 < 1.0
    assert not tr.complete
    assert warnings[0] == "segments 1–3 (chars 0–57): timed out after 3 attempts"


def test_provider_down_stops_calling_after_consecutive_failures(server, libre):
    server.faults = Faults(status=503)
    options = libre(batch_chars=20, max_retries=1, max_consecutive_failures=2)
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], options)
    assert server.requests == 2 * 2  # two pieces tried twice each, the third not at all
    assert [s.status for s in tr.segments] == ["failed"] * 3
    assert warnings[-1] == (
        "segment 3 (chars 40–57): not attempted: 2 requests failed in a row; "
        "run again later to finish"
    )


def test_total_time_is_bounded(server, libre):
    server.faults = Faults(hang_every=1, hang_seconds=5.0)
    options = libre(
        batch_chars=20,
        timeout=0.3,
        max_retries=10,
        max_total_seconds=0.8,
        max_consecutive_failures=100,
    )
    t0 = time.monotonic()
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], options)
    elapsed = time.monotonic() - t0
    assert elapsed < 0.8 + 0.3 + 0.2
    assert not tr.complete
    assert any("time budget (0.8 s) ran out" in w for w in warnings)


def test_backoff_grows_exponentially_with_jitter_and_stays_bounded():
    sleeps: list[float] = []
    calls = 0

    def flaky() -> str:
        nonlocal calls
        calls += 1
        msg = "boom"
        raise OSError(msg)

    policy = RetryPolicy(timeout=1.0, max_retries=5, backoff_base=1.0, backoff_max=6.0)
    with pytest.raises(RequestFailed, match="unreliable after 6 attempts"):
        with_retries(
            flaky,
            lambda exc: Transient("unreliable"),
            policy,
            Budget(1000.0),
            sleep=sleeps.append,
            rng=lambda: 0.5,
        )
    assert calls == 6
    assert sleeps == [0.5, 1.0, 2.0, 3.0, 3.0]  # half of 1, 2, 4, 6 (capped), 6


def test_bad_key_stops_at_once_without_revealing_it(server, libre):
    server.faults = Faults(api_key="right-key")
    with pytest.raises(TranslationError) as info:
        translate_text(TEXT, SENTENCES, [], [], libre(api_key="wrong-key-123"))
    assert server.requests == 1  # no retry
    message = str(info.value)
    assert "wrong-key-123" not in message
    assert "LIBRETRANSLATE_API_KEY" in message
    assert info.value.exit_code == 2


def test_missing_key_on_a_server_that_needs_one(server, libre):
    server.faults = Faults(api_key="right-key")
    with pytest.raises(TranslationError, match="needs an API key"):
        translate_text(TEXT, SENTENCES, [], [], libre())
    assert server.requests == 1


def test_key_from_the_environment_is_used(server, libre, monkeypatch):
    server.faults = Faults(api_key="env-key-456")
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "env-key-456")
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre())
    assert tr.complete
    assert all("env-key-456" not in w for w in warnings)


def test_language_the_client_does_not_know_stops_before_any_request(server, libre):
    with pytest.raises(TranslationError, match="does not support translating 'es' into 'xx'"):
        translate_text(TEXT, SENTENCES, [], [], libre(target="xx"))
    assert server.requests == 0


def test_language_the_server_does_not_offer_stops_at_once(server, libre):
    with pytest.raises(TranslationError, match="does not support 'es' → 'fr'"):
        translate_text(TEXT, SENTENCES, [], [], libre(target="fr"))
    assert server.requests == 1


def test_key_never_reaches_warnings_or_reprs(server, libre):
    secret = "sk-very-secret-789"
    server.faults = Faults(api_key=secret, fail_every=2, hang_every=5, hang_seconds=1.0)
    options = libre(api_key=secret, batch_chars=20, max_retries=0, timeout=0.2)
    tr, warnings = translate_text(TEXT, SENTENCES, [Protected(13, 18, "China")], [], options)
    assert warnings  # some requests failed and are reported
    for text in (*warnings, repr(options), str(options), options.model_dump_json(), repr(tr)):
        assert secret not in text


def test_fault_injection_scenario_then_resume(server, libre, sample_text):
    """One request in three fails and one in ten hangs; a rerun without faults completes."""
    from .measure import gazetteer_spans, regex_sentences

    sentences = regex_sentences(sample_text)
    protected = gazetteer_spans(sample_text)
    server.faults = Faults(fail_every=3, hang_every=10, hang_seconds=1.0)
    options = libre(batch_chars=300, timeout=0.2, max_retries=1, no_cache=True)
    t0 = time.monotonic()
    first, warnings = translate_text(sample_text, sentences, protected, [], options)
    elapsed = time.monotonic() - t0
    assert elapsed < options.max_total_seconds + options.timeout
    failed = [s for s in first.segments if s.status == "failed"]
    assert failed
    assert not first.complete
    assert all(s.target == s.source for s in failed)  # nothing lost
    assert all("ZXQ" not in s.target for s in first.segments)
    assert warnings
    assert all(w.startswith("segment") for w in warnings)
    assert len(first.segments) == len(sentences)

    server.reset(Faults())
    second, warnings = translate_text(
        sample_text, sentences, protected, [], options, previous=first
    )
    assert second.complete
    assert warnings == []
    assert [s.source for s in second.segments] == [s.source for s in first.segments]
    before = {s.source: s for s in first.segments}
    for seg in second.segments:
        if before[seg.source].status == "failed":
            assert seg.status == "translated"
        else:  # reused from the first run, not sent again
            assert seg.status in ("cached", "unprotected", "skipped")
            assert seg.target == before[seg.source].target
    lines_sent = sum(q.count("\n") + 1 for q in server.queries)
    assert len(failed) <= lines_sent <= 2 * len(failed)
