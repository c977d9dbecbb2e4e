"""Read, validate and merge lexicon files; cached so each file is parsed once per process."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jsr_nlp.config import BUNDLED_PREFIX, load_toml
from jsr_nlp.errors import LexiconError
from jsr_nlp.lexicon.schema import GazetteerEntry, GlossaryTerm, LexiconFile, PhraseRule
from jsr_nlp.resources import pipelines_dir


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every entity, rule and glossary term of a pipeline, merged from its files.

    Compared and hashed by identity: :func:`load_lexicon` caches one per file set,
    and caches of compiled matchers are keyed on it.
    """

    entities: tuple[GazetteerEntry, ...] = ()
    rules: tuple[PhraseRule, ...] = ()
    terms: tuple[GlossaryTerm, ...] = ()
    files: tuple[str, ...] = ()
    by_id: dict[str, GazetteerEntry] = field(default_factory=dict, compare=False)
    rule_files: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def version(self) -> str:
        """A short fingerprint of the content, for caches keyed on the glossary."""
        import hashlib

        h = hashlib.sha256()
        for e in self.entities:
            h.update(e.model_dump_json().encode())
        for t in self.terms:
            h.update(t.model_dump_json().encode())
        return h.hexdigest()[:16]


def bundled_lexicons() -> list[Path]:
    """Every bundled lexicon file, ``pipelines/lexicons/*.toml``, sorted by name."""
    return sorted((pipelines_dir() / "lexicons").glob("*.toml"))


def resolve_lexicons(names: Iterable[str]) -> list[Path]:
    """Lexicon paths from a component's config list.

    Empty means every bundled lexicon; a bare name (``gazetteer-events``) is looked up
    among the bundled ones; ``bundled:lexicons/gazetteer-places.toml`` is a path in the
    bundled ``pipelines/`` folder; anything else is a path.
    """
    names = list(names)
    if not names:
        return bundled_lexicons()
    out: list[Path] = []
    for name in names:
        if name.startswith(BUNDLED_PREFIX):
            out.append(pipelines_dir() / name.removeprefix(BUNDLED_PREFIX))
            continue
        path = Path(name)
        if not path.exists() and not path.is_absolute():
            bundled = pipelines_dir() / "lexicons" / name
            path = bundled if bundled.suffix else bundled.with_suffix(".toml")
        out.append(path)
    return out


def fold(text: str) -> str:
    """Case- and accent-insensitive key for comparing surface forms.

    >>> fold("Zhúkov") == fold("zhukov")
    True
    >>> fold("Ñandú")
    'ñandu'
    """
    if text.isascii():  # most words: nothing to decompose
        return text.lower()
    # Keep ñ apart from n: it is a different letter in Spanish, not an accented n.
    decomposed = unicodedata.normalize("NFD", text.casefold())
    out = []
    for i, ch in enumerate(decomposed):
        if unicodedata.combining(ch):
            if ch == "\u0303" and i and decomposed[i - 1] == "n":
                out.append(ch)
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=64)
def load_file(path: Path) -> LexiconFile:
    """Parse and validate one lexicon file; raise :class:`LexiconError` naming the entry."""
    return load_toml(path, LexiconFile, kind="lexicon", error=LexiconError)


def check_lexicon(files: Sequence[tuple[str, LexiconFile]]) -> list[str]:
    """Cross-file problems: duplicate ids, one form claimed by two entries, duplicate rules.

    Returns readable problem lines (``file [entry]: problem``); empty when all is well.
    """
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    seen_forms: dict[str, tuple[str, str]] = {}
    seen_rules: dict[str, str] = {}
    for name, lex in files:
        for e in lex.entity:
            if e.id in seen_ids:
                problems.append(f"{name} [entity {e.id}]: id already used in {seen_ids[e.id]}")
            seen_ids[e.id] = name
            own: set[str] = set()
            for form in (*e.forms, *e.misspellings):
                key = fold(form)
                if key in own:
                    continue
                own.add(key)
                other = seen_forms.get(key)
                if other and other[0] != e.id:
                    problems.append(
                        f"{name} [entity {e.id}]: form {form!r} is also claimed by "
                        f"{other[0]} in {other[1]}"
                    )
                seen_forms.setdefault(key, (e.id, name))
            for bad in e.misspellings:
                if any(fold(bad) == fold(ok) for ok in e.forms):
                    problems.append(
                        f"{name} [entity {e.id}]: misspelling {bad!r} is also an accepted form"
                    )
        for r in lex.rule:
            if r.id in seen_rules:
                problems.append(f"{name} [rule {r.id}]: id already used in {seen_rules[r.id]}")
            seen_rules[r.id] = name
    return problems


def load_lexicon(paths: Iterable[Path]) -> Lexicon:
    """Load and merge lexicon files; cross-file problems raise :class:`LexiconError`."""
    return _load_lexicon(tuple(Path(p).resolve() for p in paths))


@lru_cache(maxsize=16)
def _load_lexicon(paths: tuple[Path, ...]) -> Lexicon:
    parsed = [(str(p), load_file(p)) for p in paths]
    problems = check_lexicon(parsed)
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more; run 'jsr-nlp lexicon check')"
            if len(problems) > 1
            else ""
        )
        path, _, rest = first.partition(" [")
        raise LexiconError(path, ("[" + rest) + more)
    entities = tuple(e for _, lex in parsed for e in lex.entity)
    return Lexicon(
        entities=entities,
        rules=tuple(r for _, lex in parsed for r in lex.rule),
        terms=tuple(t for _, lex in parsed for t in lex.term),
        files=tuple(str(p) for p in paths),
        by_id={e.id: e for e in entities},
        rule_files={r.id: name for name, lex in parsed for r in lex.rule},
    )
