"""Nothing is sent twice: the on-disk cache, ``no_cache``, and resuming from ``previous``."""

from __future__ import annotations

from dataclasses import replace

from jsr_nlp.model import Translation
from jsr_nlp.translate import Protected, translate_text
from jsr_nlp.translate.cache import cache_dir

from .server import Faults

TEXT = "La guerra en China. El grupo del norte.\n\nEl Ejército Rojo y el grupo del sur."
SENTENCES = [(0, 19), (20, 39), (41, len(TEXT))]
NAMES = [Protected(44, 57, "Red Army")]


def test_second_run_sends_no_request(server, libre):
    first, _ = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert server.requests == 1
    server.reset()
    second, warnings = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert server.requests == 0
    assert warnings == []
    assert second.text == first.text
    assert {s.status for s in second.segments} == {"cached"}
    assert second.complete


def test_no_cache_neither_reads_nor_writes(server, libre):
    translate_text(TEXT, SENTENCES, NAMES, [], libre())
    server.reset()
    translate_text(TEXT, SENTENCES, NAMES, [], libre(no_cache=True))
    assert server.requests == 1
    assert not (libre(no_cache=True).cache_dir / "never").exists()
    server.reset()
    translate_text("Otra guerra.", [(0, 12)], [], [], libre(no_cache=True))
    server.reset()
    translate_text("Otra guerra.", [(0, 12)], [], [], libre())
    assert server.requests == 1  # the no_cache run stored nothing


def test_cache_key_includes_glossary_version_and_server(server, libre):
    translate_text(TEXT, SENTENCES, NAMES, [], libre(glossary_version="a"))
    server.reset()
    translate_text(TEXT, SENTENCES, NAMES, [], libre(glossary_version="b"))
    assert server.requests == 1
    server.reset()
    translate_text(TEXT, SENTENCES, NAMES, [], libre(glossary_version="b", url=server.url + "v2/"))
    assert server.requests == 1  # answers of another server are not reused (404 → failed)


def test_changed_english_form_is_not_served_from_cache(server, libre):
    translate_text(TEXT, SENTENCES, NAMES, [], libre())
    server.reset()
    tr, _ = translate_text(TEXT, SENTENCES, [Protected(44, 57, "Workers' Red Army")], [], libre())
    assert server.requests == 1
    assert "Workers' Red Army" in tr.text


def test_failed_pieces_are_not_cached_and_a_rerun_sends_only_them(server, libre):
    server.faults = Faults(status=500)
    first, _ = translate_text(TEXT, SENTENCES[:1], [], [], libre(max_retries=0))
    assert not first.complete
    server.reset()
    tr, _ = translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert tr.complete
    assert server.requests == 1
    server.reset()
    translate_text(TEXT, SENTENCES, NAMES, [], libre())
    assert server.requests == 0


def test_cache_folder_comes_from_option_then_environment(libre, tmp_path, monkeypatch):
    assert cache_dir(libre(cache_dir=tmp_path / "x")) == tmp_path / "x"
    monkeypatch.setenv("JSR_NLP_CACHE_DIR", str(tmp_path / "from-env"))
    assert cache_dir(libre(cache_dir=None)) == tmp_path / "from-env"
    monkeypatch.delenv("JSR_NLP_CACHE_DIR")
    assert "jsr-nlp" in str(cache_dir(libre(cache_dir=None)))


def test_environment_cache_folder_is_used(server, libre, tmp_path, monkeypatch):
    monkeypatch.setenv("JSR_NLP_CACHE_DIR", str(tmp_path / "env"))
    translate_text(TEXT, SENTENCES, [], [], libre(cache_dir=None))
    assert (tmp_path / "env").is_dir()
    server.reset()
    translate_text(TEXT, SENTENCES, [], [], libre(cache_dir=None))
    assert server.requests == 0


def test_unusable_cache_folder_warns_and_goes_on(server, libre, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre(cache_dir=blocker / "cache"))
    assert tr.complete
    assert len(warnings) == 1
    assert warnings[0].startswith("translation cache disabled")


def test_previous_translation_is_reused_even_without_cache(server, libre):
    first, _ = translate_text(TEXT, SENTENCES, NAMES, [], libre(no_cache=True))
    server.reset()
    edited = TEXT.replace("El grupo del norte.", "El grupo del norte y del sur.")
    sentences = [(0, 19), (20, 49), (51, len(edited))]
    names = [Protected(54, 67, "Red Army")]
    tr, warnings = translate_text(edited, sentences, names, [], libre(no_cache=True), first)
    assert warnings == []
    assert server.requests == 1
    assert server.queries == ["El grupo del norte y del sur."]
    assert [s.status for s in tr.segments] == ["cached", "translated", "cached"]
    assert tr.segments[2].target == first.segments[2].target
    assert (tr.segments[2].start, tr.segments[2].end) == (51, len(edited))


def test_previous_failed_segments_are_redone(server, libre):
    first, _ = translate_text(TEXT, SENTENCES, NAMES, [], libre(no_cache=True))
    broken = Translation(
        target=first.target,
        provider=first.provider,
        complete=False,
        text=first.text,
        segments=(
            replace(first.segments[0], target=first.segments[0].source, status="failed"),
            *first.segments[1:],
        ),
    )
    server.reset()
    tr, _ = translate_text(TEXT, SENTENCES, NAMES, [], libre(no_cache=True), broken)
    assert server.requests == 1
    assert server.queries == ["La guerra en China."]
    assert tr.complete
    assert tr.text == first.text


def test_previous_of_another_provider_is_not_reused(server, libre):
    first, _ = translate_text(TEXT, SENTENCES, [], [], libre(no_cache=True))
    other = replace(first, provider="google")
    server.reset()
    _tr, warnings = translate_text(TEXT, SENTENCES, [], [], libre(no_cache=True), other)
    assert server.requests == 1
    assert warnings == ["previous translation (google → en) not reused: this run uses libre → en"]
