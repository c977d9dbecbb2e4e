"""``jsr-nlp pipelines check``: a pipeline file and every file it names, all problems at once.

Loading stops at the first mistake; the check reports each one on its own line
(``file [entry]: field: problem``): the pipeline file's own schema and ``[translate]``
table, its lexicons (as ``jsr-nlp lexicon check`` does) and its vocabularies.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from jsr_nlp.config import file_problems, problems
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.pipeline import PipelineSpec, load_spec, pipeline_lexicons, pipeline_path
from jsr_nlp.vocabularies import check_vocabularies


def check_pipeline(name_or_path: str | Path = "default") -> tuple[list[str], str]:
    """Check one pipeline; return (problem lines, a one-line summary).

    A name that is no bundled pipeline, or a file that does not exist, raises
    :class:`~jsr_nlp.errors.ConfigurationError` (a usage error): there is nothing to check.
    """
    path = pipeline_path(name_or_path)
    if not path.is_file():
        raise ConfigurationError(str(path), "no such pipeline file")
    own = file_problems(path, PipelineSpec, kind="pipeline")
    if own:  # the files it names cannot be known
        return [str(e) for e in own], f"{path}: {len(own)} problem(s) in the pipeline file"
    spec = load_spec(path)
    found = _translate_problems(spec, path)
    lexicon_lines, n_lexicons = _lexicon_problems(spec)
    vocab_errors, n_vocab = check_vocabularies(spec.vocabularies, spec.base)
    lines = [str(e) for e in found] + lexicon_lines + [str(e) for e in vocab_errors]
    summary = (
        f"{path}: pipeline {spec.name!r}, {n_lexicons} lexicon file(s), {n_vocab} "
        f"vocabulary file(s); {len(lines)} problem(s)"
    )
    return lines, summary


def check_pipelines(names: Sequence[str | Path]) -> tuple[list[str], str]:
    """Check several pipelines; the problems of all, one summary line each."""
    lines: list[str] = []
    summaries: list[str] = []
    for name in names:
        found, summary = check_pipeline(name)
        lines.extend(found)
        summaries.append(summary)
    return lines, "\n".join(summaries)


def _translate_problems(spec: PipelineSpec, path: Path) -> list[ConfigurationError]:
    """``[translate]`` is validated only when translating; the check does it now."""
    from jsr_nlp.translate import TranslateOptions
    from jsr_nlp.translate.redact import redact_url

    try:
        TranslateOptions.model_validate(spec.translate)
    except ValidationError as err:
        return [
            ConfigurationError(e.path, redact_url(e.problem), e.entry, field=e.field)
            for e in problems(err, spec.translate, path, table="translate")
        ]
    return []


def _lexicon_problems(spec: PipelineSpec) -> tuple[list[str], int]:
    """The lexicon check of the pipeline's lexicon files (schema, duplicates, rules)."""
    from jsr_nlp.lexicon.check import check_paths

    try:
        files = pipeline_lexicons(spec.lexicons, spec.base)
    except ConfigurationError as err:
        return [str(err)], 0
    lines, _ = check_paths(files)
    return lines, len(files)
