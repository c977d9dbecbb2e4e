"""``jsr-nlp lexicon check``: every problem of a set of lexicon files, by file and entry.

Unlike loading (which stops at the first error), the check reports all of them:
schema errors per file, ids and forms claimed twice across files, and gazetteer
forms that are also ordinary lowercase Spanish words (``Armada``/``armada``), which
need care because the matcher may then mistake the word for the name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from jsr_nlp.config import file_problems
from jsr_nlp.errors import ConfigurationError, LexiconError
from jsr_nlp.lexicon.load import bundled_lexicons, check_lexicon, load_file
from jsr_nlp.lexicon.schema import LexiconFile

#: Single-word forms at least this frequent in Spanish are flagged as common words.
COMMON_WORD_ZIPF = 4.5


def _files(paths: Sequence[Path], problems: list[str]) -> list[Path]:
    """The lexicon files named or found in folders; a folder without any is a problem.

    When no path yields a file at all there is nothing to check: a
    :class:`~jsr_nlp.errors.ConfigurationError` (exit code 2), like ``process`` without
    inputs.
    """
    if not paths:
        return bundled_lexicons()
    found: list[Path] = []
    empty: list[Path] = []
    for p in paths:
        if p.is_dir():
            listed = sorted(p.rglob("*.toml"))
            if not listed:
                empty.append(p)
            found.extend(listed)
        else:
            found.append(p)
    if not found:
        names = " ".join(str(p) for p in paths)
        where = "this folder" if len(paths) == 1 else "these folders"
        raise ConfigurationError(names, f"no .toml lexicon files to check in {where}")
    problems.extend(f"{p}: no .toml lexicon files in this folder" for p in empty)
    return found


def _schema_errors(path: Path) -> list[str]:
    """Every schema problem of one file, one line each (loading stops at the first)."""
    return [str(e) for e in file_problems(path, LexiconFile, kind="lexicon", error=LexiconError)]


def _compile_problems(paths: list[Path]) -> list[str]:
    """Rules that validate but do not compile into spaCy matchers (unknown token keys…)."""
    from jsr_nlp.correct import Corrector
    from jsr_nlp.lexicon.load import load_lexicon

    try:
        Corrector(load_lexicon(paths))
    except LexiconError as err:
        return [str(err)]
    return []


def common_word_forms(lex: LexiconFile) -> list[tuple[str, str]]:
    """(entry id, form) pairs whose lowercase single-word form is a frequent Spanish word."""
    from wordfreq import zipf_frequency

    hits = []
    for e in lex.entity:
        for form in (*e.aliases, *e.misspellings):
            if " " in form or not form.isalpha():
                continue
            if form[:1].isupper() and zipf_frequency(form.lower(), "es") >= COMMON_WORD_ZIPF:
                hits.append((e.id, form))
    return hits


def check_paths(paths: Sequence[Path]) -> tuple[list[str], str]:
    """Check lexicon files; return (problem lines, a one-line summary).

    A folder among ``paths`` that holds no ``.toml`` file is a problem line; when no path
    yields any file, :class:`~jsr_nlp.errors.ConfigurationError` is raised.
    """
    problems: list[str] = []
    files = _files(paths, problems)
    parsed: list[tuple[str, LexiconFile]] = []
    for f in files:
        errors = _schema_errors(f)
        if errors:
            problems.extend(errors)
            continue
        try:
            parsed.append((str(f), load_file(f.resolve())))
        except LexiconError as err:  # pragma: no cover - schema errors are caught above
            problems.append(str(err))
    problems.extend(check_lexicon(parsed))
    if parsed and not problems:
        problems.extend(_compile_problems([Path(name) for name, _ in parsed]))
    notes = []
    for name, lex in parsed:
        for entry_id, form in common_word_forms(lex):
            notes.append(
                f"{name} [entity {entry_id}]: note: {form!r} is also a common "
                "Spanish word; it matches only when capitalised"
            )
    kinds = Counter(e.kind for _, lex in parsed for e in lex.entity)
    n_rules = sum(len(lex.rule) for _, lex in parsed)
    n_terms = sum(len(lex.term) for _, lex in parsed)
    summary = (
        f"{len(files)} file(s): {sum(kinds.values())} entities, {n_rules} rules, "
        f"{n_terms} glossary terms; {len(problems)} problem(s)"
    )
    if kinds:
        summary += "\nentities by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())
    if notes:
        summary += "\n" + "\n".join(notes)
    return problems, summary
