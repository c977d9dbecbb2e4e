"""Reliability (issue 13, items 13 and 14): offsets point into the file the user has, and an
undecodable file says where it breaks.

Item 13: line endings and Unicode normalisation are recorded ``ingest`` corrections, so the
edition's source text is the decoded file as it is (CR LF kept, NFD kept) and every source
offset slices that text. Item 14: the first bad byte is named (offset, line, value), and
UTF-16 without a byte-order mark is read, not called binary.
"""

from __future__ import annotations

import codecs
import json
import struct
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jsr_nlp import ingest
from jsr_nlp.audit import EditLog, replay
from jsr_nlp.cli import app
from jsr_nlp.errors import InputError
from jsr_nlp.ingest import decode_bytes, read_path
from jsr_nlp.model import Stage

PARAGRAPHS = [
    "El Ejército de Kwantung ocupó Manchuria en 1931.",
    "La URSS y Japón firmaron el pacto de neutralidad en abril de 1941.",
    "Stalin no confiaba en Japón.",
]
NFD_JAPON = "Jap\u006f\u0301n"  # o + combining acute: what macOS and some OCR tools write


def _entity(edition, text):
    return [e for e in edition.entities if e.text == text]


def _assert_offsets_slice_the_raw_text(edition, raw):
    assert edition.source_text == raw
    assert replay(edition.source_text, edition.corrections) == edition.clean_text
    for c in edition.corrections:
        assert raw[c.start : c.end] == c.text
    for item in (*edition.entities, *edition.dates):
        assert edition.clean_text[item.start : item.end] == item.text
        source_span = raw[item.source_start : item.source_end]
        normalised = unicodedata.normalize("NFC", source_span.replace("\r\n", "\n"))
        assert normalised == item.text, (item, source_span)


# -- item 13: offsets into the decoded file ------------------------------------------------------


def test_crlf_file_keeps_its_line_endings_in_the_source(pipeline, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\r\n".join(PARAGRAPHS).encode("utf-8") + b"\r\n")
    raw = path.read_bytes().decode("utf-8")
    edition = pipeline.process(read_path(path))

    _assert_offsets_slice_the_raw_text(edition, raw)
    assert "\r" not in edition.clean_text
    assert edition.clean_text.count("\n") == 3
    japon = _entity(edition, "Japón")
    assert len(japon) == 2
    for e in japon:
        assert raw[e.source_start : e.source_end] == "Japón"
    endings = [c for c in edition.corrections if c.rule == "ingest.line-endings"]
    assert len(endings) == 3
    assert all(c.stage is Stage.INGEST and c.action == "applied" for c in endings)
    assert all((c.text, c.replacement) == ("\r\n", "\n") for c in endings)
    assert edition.source.chars == len(raw)


def test_nfd_file_keeps_its_decomposed_accents_in_the_source(pipeline, tmp_path):
    path = tmp_path / "mac.txt"
    text = f"La URSS y {NFD_JAPON} firmaron el pacto de neutralidad en abril de 1941.\n"
    path.write_bytes(text.encode("utf-8"))
    edition = pipeline.process(read_path(path))

    _assert_offsets_slice_the_raw_text(edition, text)
    (japon,) = _entity(edition, "Japón")
    assert text[japon.source_start : japon.source_end] == NFD_JAPON
    assert "Japón" in edition.clean_text  # NFC in the clean text
    assert unicodedata.is_normalized("NFC", edition.clean_text)
    (nfc,) = [c for c in edition.corrections if c.rule == "ingest.unicode-nfc"]
    assert (nfc.text, nfc.replacement, nfc.stage) == ("o\u0301", "ó", Stage.INGEST)


def test_cli_edition_offsets_index_the_file(tmp_path):
    raw = f"La URSS y {NFD_JAPON} firmaron el pacto.\r\nEl Ejército Rojo y {NFD_JAPON}.\r\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mezcla.txt").write_bytes(raw.encode("utf-8"))
    result = CliRunner().invoke(
        app,
        ["process", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-f", "json,txt"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    edition = json.loads((tmp_path / "out" / "mezcla.json").read_text("utf-8"))
    assert edition["text"]["source"] == raw
    clean = (tmp_path / "out" / "mezcla.es.txt").read_text("utf-8")
    assert "\r" not in clean and unicodedata.is_normalized("NFC", clean)
    japon = [e for e in edition["entities"] if e["text"] == "Japón"]
    assert len(japon) == 2
    assert all(raw[e["source_start"] : e["source_end"]] == NFD_JAPON for e in japon)
    for c in edition["corrections"]:
        assert raw[c["source"]["start"] : c["source"]["end"]] == c["source"]["text"]


def test_mojibake_line_endings_and_nfc_together_replay_exactly():
    raw = "La UniÃ³n SoviÃ©tica\r\ny Jap\u006f\u0301n\rfin"
    decoded = decode_bytes(raw.encode("utf-8"), "x.txt")
    assert decoded.text == raw
    assert decoded.normalised == "La Unión Soviética\ny Japón\nfin"
    rules = sorted({e.rule for e in decoded.repairs})
    assert rules == ["ingest.line-endings", "ingest.mojibake", "ingest.unicode-nfc"]
    log = EditLog(decoded.text)
    log.apply(decoded.repairs, Stage.INGEST)
    assert log.text == decoded.normalised
    assert replay(log.source, log.corrections) == log.text


def test_a_second_byte_order_mark_is_a_recorded_repair():
    decoded = decode_bytes(codecs.BOM_UTF8 + "\ufeffHola".encode(), "x.txt")
    assert decoded.text == "\ufeffHola"
    assert decoded.normalised == "Hola"
    assert [e.rule for e in decoded.repairs] == ["ingest.bom"]


def test_nfc_stretches_cut_only_where_nfc_cannot_reach():
    # ingest.nfc_edits works on the stretches between characters below U+0300: those must
    # be starters that are their own NFC and never compose with what precedes them.
    seconds, leading_nonstarters = set(), set()
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = [int(p, 16) for p in decomposition.split()]
            if len(parts) == 2:
                seconds.add(parts[1])
            if unicodedata.combining(unicodedata.normalize("NFD", chr(cp))[0]):
                leading_nonstarters.add(cp)
    low = set(range(0x300))
    assert not seconds & low
    assert not leading_nonstarters & low
    assert all(unicodedata.combining(chr(c)) == 0 for c in low)
    assert all(unicodedata.normalize("NFC", chr(c)) == chr(c) for c in low)


_PIECES = st.sampled_from(
    ["Jap", "o\u0301", "n\u0303", "\r\n", "\r", "\n", " ", "Ã³", "한", "\u1100\u1161", "e", "."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), min_size=1, max_size=30))
def test_repairs_replay_to_the_normalised_text(pieces):
    raw = "".join(pieces)
    edits = ingest.nfc_edits(raw)
    log = EditLog(raw)
    log.apply(edits)
    assert log.text == unicodedata.normalize("NFC", raw)
    try:
        decoded = decode_bytes(raw.encode("utf-8", "surrogatepass"), "x")
    except InputError:
        return
    if decoded.encoding == "utf-8":
        assert decoded.text == raw  # the source is the decoded input, unchanged
    log = EditLog(decoded.text)
    log.apply(decoded.repairs, Stage.INGEST)
    assert log.text == decoded.normalised
    assert "\r" not in log.text
    assert unicodedata.is_normalized("NFC", log.text)
    assert replay(log.source, log.corrections) == log.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*PARAGRAPHS, NFD_JAPON, "\r\n", "\r", " ", "o\u0301"]), min_size=1)
)
def test_pipeline_replay_holds_on_raw_sources(pipeline, pieces):
    raw = "".join(pieces)
    if not raw.strip():
        return
    decoded = decode_bytes(raw.encode("utf-8"), "x.txt")
    log = pipeline.edit(decoded)
    assert log.source == raw
    assert replay(log.source, log.corrections) == log.text
    assert "\r" not in log.text


# -- item 14: where a file breaks; UTF-16 without a byte-order mark -------------------------------


def test_an_undecodable_byte_is_named_with_offset_line_and_value():
    lines = [p.encode("utf-8") for p in PARAGRAPHS]
    offset = len(lines[0]) + 1 + len(lines[1]) + 1 + 9  # line 3, column 10
    data = lines[0] + b"\n" + lines[1] + b"\n" + lines[2][:9] + b"\xff" + lines[2][9:]
    with pytest.raises(InputError) as info:
        decode_bytes(data, "roto.txt")
    message = str(info.value)
    assert message.startswith("roto.txt: ")
    assert "0xFF" in message
    assert f"offset {offset}" in message
    assert "line 3, column 10" in message
    assert "\n" not in message


def test_a_truncated_utf16_file_with_a_bom_names_the_byte():
    data = codecs.BOM_UTF16_LE + "Japón".encode("utf-16-le") + b"J"
    with pytest.raises(InputError, match=r"offset 12 .*utf-16"):
        decode_bytes(data, "x.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(codec, tmp_path):
    text = "\n".join(PARAGRAPHS) + "\nñandú, pingüino, «¿sí?» — 南進論\n"
    path = tmp_path / "sin-bom.txt"
    path.write_bytes(text.encode(codec))
    decoded = read_path(path)
    assert decoded.text == text
    assert decoded.encoding == codec


def test_utf16_without_a_bom_through_the_cli(tmp_path):
    (tmp_path / "a.txt").write_bytes("La URSS y Japón firmaron el pacto.".encode("utf-16-le"))
    result = CliRunner().invoke(
        app, ["process", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    edition = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))
    assert edition["source"]["encoding"] == "utf-16-le"
    assert edition["text"]["source"] == "La URSS y Japón firmaron el pacto."


@pytest.mark.parametrize(
    "data",
    [
        struct.pack("<300H", *range(300)),  # 16-bit numbers: NULs at odd offsets, but not text
        struct.pack(">300H", *range(300)),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    ],
)
def test_binary_with_nul_bytes_is_still_binary_and_says_where(data):
    with pytest.raises(InputError, match=r"binary.*at offset \d+"):
        decode_bytes(data, "x.bin")
