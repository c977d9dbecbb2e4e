"""The registry, the file names, JSON and text output, the library facade, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jsr_nlp import exporters as export
from jsr_nlp.atomic import atomic_open, atomic_write_text
from jsr_nlp.errors import ExportError
from jsr_nlp.exporters import (
    BUILTIN_FORMATS,
    EXPORTERS,
    available_formats,
    export_edition,
    files_for,
    get_exporter,
    register_exporter,
)
from jsr_nlp.model import Edition

ALL = ["json", "txt", "tei", "html", "csv", "jsonl"]


def test_builtin_formats_are_registered_by_name():
    assert set(BUILTIN_FORMATS) == set(ALL)
    for name in ALL:
        assert EXPORTERS[name].name == name
        assert get_exporter(name.upper()) is EXPORTERS[name]


def test_available_formats_lists_builtins_and_registered_ones():
    assert set(ALL) <= set(available_formats())


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ExportError, match=r"unknown export format 'pdf'.*csv, html, json"):
        get_exporter("pdf")


def test_export_edition_writes_the_documented_files(edition, tmp_path):
    written = export_edition(edition, tmp_path / "out", "informe", ALL)
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "informe.json",
            "informe.es.txt",
            "informe.en.txt",
            "informe.tei.xml",
            "informe.html",
            *(
                f"informe.{t}.{f}"
                for f in ("csv", "jsonl")
                for t in ("corrections", "entities", "dates")
            ),
        ]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temporary files
    for name in ALL:
        assert set(files_for(EXPORTERS[name], "informe", edition)) <= set(names)


def test_files_without_translation(edition_no_translation, tmp_path):
    written = export_edition(edition_no_translation, tmp_path, "carta", ["txt"])
    assert [p.name for p in written] == ["carta.es.txt"]
    assert files_for(EXPORTERS["txt"], "carta", edition_no_translation) == ["carta.es.txt"]


def test_json_is_the_contract_and_round_trips(edition, tmp_path):
    (path,) = export_edition(edition, tmp_path, "informe", ["json"])
    text = path.read_text(encoding="utf-8")
    assert text == edition.to_json()
    assert Edition.from_json(text) == edition


def test_json_with_lone_surrogates_still_round_trips(edition, tmp_path):
    odd = Edition(edition.source, edition.pipeline, "Jap\udcf3n", "Jap\udcf3n")
    (path,) = export_edition(odd, tmp_path, "raro", ["json"])
    assert Edition.from_json(path.read_text(encoding="ascii")) == odd


def test_txt_files_hold_the_clean_and_english_text(edition, tmp_path):
    es, en = export_edition(edition, tmp_path, "informe", ["txt"])
    assert es.read_bytes() == edition.clean_text.encode("utf-8")
    assert en.read_text(encoding="utf-8") == edition.translation.text


def test_library_write_single_file_formats_use_the_path(edition, tmp_path):
    assert export.write(edition, "tei", tmp_path / "x.xml") == [tmp_path / "x.xml"]
    assert (tmp_path / "x.xml").read_bytes().startswith(b"<?xml")
    assert export.write(edition, "json", tmp_path / "sub" / "e.json") == [
        tmp_path / "sub" / "e.json"
    ]


def test_library_write_multi_file_formats_use_the_stem_or_folder(edition, tmp_path):
    paths = export.write(edition, "csv", tmp_path / "tabla.csv")
    assert [p.name for p in paths] == [
        "tabla.corrections.csv",
        "tabla.entities.csv",
        "tabla.dates.csv",
    ]
    paths = export.write(edition, "txt", tmp_path)  # a folder: the source's stem
    assert [p.name for p in paths] == ["informe.es.txt", "informe.en.txt"]


class Markdown:
    name = "md-test"

    def files(self, stem):
        return [f"{stem}.md"]

    def write(self, edition, out_dir, stem):
        return [
            atomic_write_text(Path(out_dir) / f"{stem}.md", f"# {stem}\n\n{edition.clean_text}")
        ]


def test_a_user_registers_a_format(edition, tmp_path):
    exporter = register_exporter(Markdown())
    try:
        with pytest.raises(ValueError, match="already registered"):
            register_exporter(Markdown())
        (path,) = export.write(edition, "md-test", tmp_path / "nota")
        assert path.read_text(encoding="utf-8").startswith("# nota")
        assert export_edition(edition, tmp_path, "otra", ["md-test"]) == [tmp_path / "otra.md"]
    finally:
        EXPORTERS.pop(exporter.name)
    with pytest.raises(TypeError):
        register_exporter(type("Bad", (), {"name": "bad"})())


def test_writer_failure_becomes_export_error(edition, tmp_path):
    class Broken:
        name = "broken-test"

        def files(self, stem):
            return [stem]

        def write(self, edition, out_dir, stem):
            msg = "disk on fire"
            raise RuntimeError(msg)

    register_exporter(Broken())
    try:
        with pytest.raises(
            ExportError, match="could not write informe as broken-test: disk on fire"
        ):
            export_edition(edition, tmp_path, "informe", ["json", "broken-test"])
        assert (tmp_path / "informe.json").exists()  # what was written is kept
    finally:
        EXPORTERS.pop("broken-test")


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path):
    target = tmp_path / "informe.txt"
    atomic_write_text(target, "versión 1")

    def interrupted() -> None:
        with atomic_open(target) as handle:
            handle.write("versión 2 a medi")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert target.read_text(encoding="utf-8") == "versión 1"
    assert [p.name for p in tmp_path.iterdir()] == ["informe.txt"]


def test_atomic_write_permissions_and_replacement(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write_text(target, "uno")
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)
    atomic_write_text(target, "dos\r\n")
    assert target.read_bytes() == b"dos\r\n"  # newlines written as given
    assert target.stat().st_mode & 0o777 == 0o600
