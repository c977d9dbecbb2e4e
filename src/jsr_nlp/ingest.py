"""Read bytes from a path, stdin or a string and turn them into a source text.

Spanish files arrive as UTF-8, UTF-8 with a BOM, UTF-16 with or without a BOM, or
CP1252/Latin-1. We trust a BOM, then recognise UTF-16 by its NUL bytes, refuse binary
files, try strict UTF-8, then ask charset-normalizer. A file that decodes as none of them
is refused with the offset, line and value of its first bad byte.

The decoded text is the *source* every offset refers to, exactly as the file has it:
``\\r\\n`` line endings, decomposed accents (``o`` + U+0301) and mojibake (``JapÃ³n``)
stay in it. Turning them into ``\\n``, NFC and ``Japón`` are ordinary ``ingest``
corrections (:attr:`Decoded.repairs`), so the audit trail shows them and the offsets of
an edition point into the file the user has.

>>> decode_bytes("Japón".encode("cp1252"), "x.txt").text
'Japón'
>>> d = decode_bytes("Jap\\u006f\\u0301n\\r\\n".encode(), "x.txt")
>>> d.text == "Jap\\u006f\\u0301n\\r\\n", d.normalised == "Japón\\n"
(True, True)
>>> [(r.rule, r.category) for r in d.repairs]
[('ingest.unicode-nfc', 'encoding'), ('ingest.line-endings', 'whitespace')]
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from jsr_nlp.audit import Edit, EditLog
from jsr_nlp.errors import InputError
from jsr_nlp.model import Stage

#: File endings ``process`` picks up when it expands a folder.
TEXT_SUFFIXES = (".txt", ".text", ".md")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Only the mojibake repair: quotes, ligatures, line breaks and HTML entities are the
# cleaning stage's business (or the author's), not the decoder's.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization="NFC",
    explain=False,
)


class InputTypeError(InputError, TypeError):
    """The library was given something that is not text (``None``, a number…).

    Both an :class:`~jsr_nlp.errors.InputError` (so ``pipe_results`` yields it in place
    and the CLI reports it in one line) and a :class:`TypeError` (what Python code expects
    from a value of the wrong type).
    """


@dataclass(frozen=True)
class Decoded:
    """A decoded text: what the edition calls the source, plus its provenance.

    ``text`` is the input as decoded, unchanged (line endings, decomposed accents and
    mojibake included); ``repairs`` are the edits against it that give the normalised
    text (``\\n`` line endings, NFC, mojibake undone): the edition's ``ingest``
    corrections.
    """

    text: str
    encoding: str
    sha256: str
    path: str | None
    repairs: tuple[Edit, ...] = ()

    @property
    def normalised(self) -> str:
        """The text with every repair applied: what the cleaning stage starts from."""
        return _replay_edits(self.text, self.repairs)


def _replay_edits(text: str, edits: Sequence[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.replacement or "")
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


# -- decoding ------------------------------------------------------------------------------------


def _where(data: bytes, offset: int) -> str:
    """``byte 0xFF at offset 500 (line 7, column 12)``, columns counted in bytes from 1."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"byte 0x{data[offset]:02X} at offset {offset} (line {line}, column {column})"


def _first_binary_byte(data: bytes) -> int | None:
    """Offset of the first NUL byte, or of a control byte when there are many of them."""
    sample = data[:8192]
    nul = sample.find(b"\x00")
    if nul >= 0:
        return nul
    controls = [i for i, b in enumerate(sample) if b < 9 or 13 < b < 32]
    if len(controls) > max(8, len(sample) // 50):
        return controls[0]
    return None


#: Characters that do not occur in a text file: C0/C1 controls other than tab, line
#: breaks and form feed, unassigned code points, private use, noncharacters.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ue000-\uf8ff]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark, recognised by its NUL bytes.

    Latin-script text in UTF-16 has a NUL as the high byte of most characters: at odd
    offsets in UTF-16LE, at even offsets in UTF-16BE, almost never at the others. The
    bytes must then decode strictly and give text (no control or unassigned characters).
    """
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.3 and nul_even <= 0.02:
        encoding = "utf-16-le"
    elif nul_even >= 0.3 and nul_odd <= 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:65536]  # the strict decoding above covered the rest
    bad = sum(1 for ch in head if _NOT_TEXT.match(ch) or unicodedata.category(ch) in {"Cn", "Cs"})
    wordy = sum(1 for ch in head if ch.isalpha() or ch.isspace())
    if bad > len(head) // 1000 or wordy < 0.6 * len(head):
        return None
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as err:
                where = _where(data, min(err.start, len(data) - 1))
                msg = f"starts with a {enc} byte-order mark, but {where} is not {enc}"
                raise InputError(name, msg) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    binary = _first_binary_byte(data)
    if binary is not None:
        where = _where(data, binary)
        raise InputError(
            name, f"looks like a binary file, not text (NUL or control bytes: {where})"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    if best is None:
        msg = (
            f"cannot be decoded: {_where(data, first_bad)} is not valid UTF-8, and the file "
            "does not read as UTF-16 or CP1252/Latin-1 either; fix that byte or save the file "
            "as UTF-8"
        )
        raise InputError(name, msg)
    encoding = best.encoding
    # charset-normalizer names CP1252 and Latin-1 apart; for Spanish text the two only
    # differ in 0x80–0x9F, where CP1252 has the curly quotes and dashes people type.
    if encoding == "latin_1" and any(0x80 <= b <= 0x9F for b in data):
        encoding = "cp1252"
    return str(best), encoding


# -- normalisation as recorded repairs -----------------------------------------------------------

_LINE_BREAK = re.compile("\r\n?")
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
# Characters below U+0300 are starters that never compose with what precedes them and are
# their own NFC, so NFC can work on the stretches between them: each non-Latin run (combining
# marks, other scripts) with the character before it. Found by scanning Unicode; tested.
_NFC_STRETCH = re.compile("[\x00-\u02ff]?[^\x00-\u02ff]+")


def _whole_text_edits(text: str) -> list[Edit]:
    """Leading BOMs, line endings and UTF-16 surrogates: disjoint edits on the raw text."""
    edits: list[Edit] = []
    bom = len(text) - len(text.lstrip("\ufeff"))
    if bom:
        note = "byte-order mark(s) at the start of the text removed"
        edits.append(Edit(0, bom, "", "ingest.bom", "invisible", note))
    for m in _LINE_BREAK.finditer(text):
        kind = "Windows (CR LF)" if len(m.group(0)) == 2 else "old Mac (CR)"
        note = f"{kind} line ending normalised to LF"
        edits.append(Edit(m.start(), m.end(), "\n", "ingest.line-endings", "whitespace", note))
    for m in _SURROGATES.finditer(text):
        pair = m.group(0)
        if len(pair) == 2:
            fixed = pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            note = "UTF-16 surrogate pair joined into one character"
        else:
            fixed = "\ufffd"
            note = f"lone surrogate U+{ord(pair):04X} (not a character) replaced by U+FFFD"
        edits.append(Edit(m.start(), m.end(), fixed, "ingest.surrogates", "encoding", note))
    return edits


def nfc_edits(text: str) -> list[Edit]:
    """Edits that make ``text`` NFC (``n`` + U+0303 → ``ñ``), one per changed stretch.

    >>> [(e.start, e.end, e.replacement) for e in nfc_edits("Jap\\u006f\\u0301n")]
    [(3, 5, 'ó')]
    """
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for m in _NFC_STRETCH.finditer(text):
        stretch = m.group(0)
        if unicodedata.is_normalized("NFC", stretch):
            continue
        fixed = unicodedata.normalize("NFC", stretch)
        # trim what the two share, so the edit covers only what changed
        head = 0
        while head < min(len(stretch), len(fixed)) and stretch[head] == fixed[head]:
            head += 1
        tail = 0
        while (
            tail < min(len(stretch), len(fixed)) - head and stretch[-1 - tail] == fixed[-1 - tail]
        ):
            tail += 1
        start, end = m.start() + head, m.end() - tail
        replacement = fixed[head : len(fixed) - tail]
        note = "Unicode normalised to NFC (decomposed accents composed)"
        edits.append(Edit(start, end, replacement, "ingest.unicode-nfc", "encoding", note))
    return edits


def repair_mojibake(text: str) -> list[Edit]:
    """Edits that undo mojibake (UTF-8 read as CP1252 and the like), found by ftfy.

    >>> [(e.replacement) for e in repair_mojibake("la URSS y JapÃ³n")]
    ['ó']
    """
    fixed = ftfy.fix_text(text, _FTFY)
    if fixed == text:
        return []
    edits = []
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            edits.append(
                Edit(
                    i1,
                    i2,
                    fixed[j1:j2],
                    rule="ingest.mojibake",
                    category="encoding",
                    note="mojibake: text decoded with the wrong encoding, repaired by ftfy",
                    confidence=0.95,
                )
            )
    return edits


def repairs_of(text: str) -> tuple[Edit, ...]:
    """Every ingest repair of a decoded text, as disjoint edits against that text.

    Line endings and surrogates first, then NFC, then mojibake, each on the text the
    previous ones left; an :class:`~jsr_nlp.audit.EditLog` maps them back onto ``text``
    (merging a later repair into an earlier one it overlaps), so applying the result to
    ``text`` in one go gives the normalised text.
    """
    log = EditLog(text)
    log.apply(_whole_text_edits(text), Stage.INGEST)
    log.apply(nfc_edits(log.text), Stage.INGEST)
    log.apply(repair_mojibake(log.text), Stage.INGEST)
    return tuple(
        Edit(c.start, c.end, c.replacement, c.rule, c.category, c.note, c.confidence)
        for c in log.corrections
        if c.action == "applied"
    )


def _decoded(text: str, encoding: str, sha256: str, name: str, path: str | None) -> Decoded:
    decoded = Decoded(text, encoding, sha256, path, repairs_of(text))
    if not decoded.normalised.strip():
        raise InputError(name, "is empty")
    return decoded


def decode_bytes(data: bytes, name: str = "<string>", path: str | None = None) -> Decoded:
    """Decode and check one input; raise :class:`InputError` naming it."""
    if not data.strip():
        raise InputError(name, "is empty")
    text, encoding = _decode(data, name)
    return _decoded(text, encoding, hashlib.sha256(data).hexdigest(), name, path)


def from_string(text: str | bytes, name: str = "<string>") -> Decoded:
    """Wrap a string from the API as an input (sha256 of its UTF-8 bytes).

    A ``name`` other than the default is recorded as the edition's source path. Bytes are
    decoded as a file's would be (BOM, UTF-8, UTF-16, CP1252…). Lone UTF-16 surrogates
    (``"\\udcf3"`` from ``surrogateescape``) stay in the source and are replaced by U+FFFD
    as recorded corrections; anything but ``str`` or ``bytes`` raises
    :class:`InputTypeError` (a ``TypeError`` and an ``InputError``).
    """
    path = None if name == "<string>" else name
    if isinstance(text, bytes | bytearray | memoryview):
        return decode_bytes(bytes(text), name, path)
    if not isinstance(text, str):
        kind = type(text).__name__
        msg = f"expected the text as a str (or the bytes of a file), not {kind}"
        raise InputTypeError(name, msg)
    if not _SURROGATES.search(text):
        return decode_bytes(text.encode("utf-8"), name, path)
    if not text.strip():
        raise InputError(name, "is empty")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _decoded(text, "utf-8", sha, name, path)


def read_path(path: Path | str) -> Decoded:
    """Read one file, or ``-`` for standard input."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(str(p), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(p), "is a folder; pass its files or the folder to 'process'") from None
    except PermissionError:
        raise InputError(str(p), "cannot be read (permission denied)") from None
    except OSError as err:
        raise InputError(str(p), f"cannot be read ({err.strerror or err})") from None
    return decode_bytes(data, str(p), str(p))


def expand_inputs(args: Sequence[str | Path]) -> Iterator[Path]:
    """Expand folders (recursively, text files only, sorted) and globs; keep ``-`` as is.

    A name that matches nothing is yielded unchanged, so reading it reports the problem.
    """
    for arg in args:
        s = str(arg)
        if s == "-":
            yield Path("-")
            continue
        p = Path(s)
        if p.is_dir():
            # a broken link is kept, so that reading it names the problem
            yield from sorted(
                f
                for f in p.rglob("*")
                if (f.is_file() or f.is_symlink()) and f.suffix.lower() in TEXT_SUFFIXES
            )
        elif any(ch in s for ch in "*?[") and not p.exists():
            matches = (
                sorted(Path().glob(s))
                if not p.is_absolute()
                else sorted(Path(p.anchor).glob(str(p.relative_to(p.anchor))))
            )
            yield from (m for m in matches if m.is_file()) if matches else [p]
        else:
            yield p
