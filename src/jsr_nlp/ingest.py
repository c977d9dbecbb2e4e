"""Read bytes from a path, stdin or a string and turn them into a source text.

Spanish files arrive as UTF-8, UTF-8 with a BOM, UTF-16 with a BOM or CP1252/Latin-1.
We trust a BOM, then strict UTF-8, then ask charset-normalizer. The decoded text is
NFC-normalised (so ``n`` + U+0303 and ``ñ`` are one letter) and line endings become
``\\n``; that is the *source* text every offset refers to. Mojibake (``JapÃ³n``) is not
silently rewritten: it becomes ordinary ``ingest`` edits, so the audit trail shows it.

>>> decode_bytes("Japón".encode("cp1252"), "x.txt").text
'Japón'
>>> decode_bytes("n\\u0303".encode(), "x.txt").text == "ñ"
True
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from jsr_nlp.audit import Edit
from jsr_nlp.errors import InputError

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


@dataclass(frozen=True)
class Decoded:
    """A decoded text: what the edition calls the source, plus its provenance."""

    text: str
    encoding: str
    sha256: str
    path: str | None
    repairs: tuple[Edit, ...] = ()


def _looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16, or many control bytes, mean this is not a text file."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as err:
                raise InputError(name, f"starts with a {enc} byte-order mark but {err}") from None
    if _looks_binary(data):
        raise InputError(name, "looks like a binary file, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    if best is None:
        raise InputError(name, "cannot tell its text encoding (not UTF-8, UTF-16 or CP1252)")
    encoding = best.encoding
    # charset-normalizer names CP1252 and Latin-1 apart; for Spanish text the two only
    # differ in 0x80–0x9F, where CP1252 has the curly quotes and dashes people type.
    if encoding == "latin_1" and any(0x80 <= b <= 0x9F for b in data):
        encoding = "cp1252"
    return str(best), encoding


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


def decode_bytes(data: bytes, name: str = "<string>", path: str | None = None) -> Decoded:
    """Decode, normalise and check one input; raise :class:`InputError` naming it."""
    if not data.strip():
        raise InputError(name, "is empty")
    text, encoding = _decode(data, name)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(name, "is empty")
    return Decoded(
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
        repairs=tuple(repair_mojibake(text)),
    )


def from_string(text: str, name: str = "<string>") -> Decoded:
    """Wrap a string from the API as an input (sha256 of its UTF-8 bytes).

    A ``name`` other than the default is recorded as the edition's source path.
    """
    return decode_bytes(text.encode("utf-8"), name, None if name == "<string>" else name)


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
