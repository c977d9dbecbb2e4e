"""Reading inputs: encodings, BOMs, mojibake, NFC, and bad files named clearly."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsr_nlp.audit import EditLog, replay
from jsr_nlp.errors import InputError
from jsr_nlp.ingest import decode_bytes, expand_inputs, read_path

TEXT = "El Ejército de Kwantung ocupó Manchuria; «¿y Japón?» — ñandú, pingüino. 南進論"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings(data, encoding):
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_single_byte_spanish(codec):
    text = "La Unión Soviética denunció el pacto en abril; España, años, pingüino, «así»."
    decoded = decode_bytes(text.encode(codec), "x.txt")
    assert decoded.text == text
    assert decoded.encoding in {"cp1252", "latin_1", "iso8859_15"}


def test_cp1252_curly_quotes():
    text = "el “pacto” de neutralidad – firmado en Moscú…"
    assert decode_bytes(text.encode("cp1252"), "x.txt").text == text


def test_nfc_normalisation():
    # the source keeps the file's form (offsets index it); NFC is a recorded repair
    decoded = decode_bytes("Espan\u0303a y Zhu\u0301kov".encode(), "x.txt")
    assert decoded.text == "Espan\u0303a y Zhu\u0301kov"
    assert decoded.normalised == "España y Zhúkov"


def test_crlf_becomes_lf():
    decoded = decode_bytes(b"uno\r\ndos\rtres", "x.txt")
    assert decoded.text == "uno\r\ndos\rtres"
    assert decoded.normalised == "uno\ndos\ntres"


def test_mojibake_is_repaired_as_recorded_edits():
    broken = "La UniÃ³n SoviÃ©tica y JapÃ³n".encode()
    decoded = decode_bytes(broken, "x.txt")
    assert decoded.text == "La UniÃ³n SoviÃ©tica y JapÃ³n"  # the source keeps what was there
    log = EditLog(decoded.text)
    log.apply(decoded.repairs)
    assert log.text == "La Unión Soviética y Japón"
    assert all(c.rule == "ingest.mojibake" for c in log.corrections)
    assert replay(log.source, log.corrections) == log.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_inputs_raise_one_clear_error(data, problem):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "carpeta/malo.txt")
    message = str(info.value)
    assert message.startswith("carpeta/malo.txt: ")
    assert problem in message
    assert "\n" not in message


def test_missing_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nada.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_expand_inputs_folders_and_globs(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("uno")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("dos")
    (tmp_path / "imagen.png").write_bytes(b"\x89PNG")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.txt", "b.txt"]
    monkeypatch.chdir(tmp_path)
    assert [p.name for p in expand_inputs(["*.txt"])] == ["a.txt"]
    assert [str(p) for p in expand_inputs(["-"])] == ["-"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs")), min_size=1
    ).filter(str.strip)
)
def test_roundtrip_through_encodings(text):
    import unicodedata

    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for codec in ("utf-8", "utf-16"):
        assert decode_bytes(text.encode(codec), "x").text == expected
