"""The one place that reads a TOML data file: parse, validate with pydantic, explain.

Every file under ``pipelines/`` (the pipeline itself, lexicons, vocabularies) is read with
:func:`load_toml` (or :func:`read_toml` then :func:`validate` when the data must be
reshaped in between). Any problem — a missing or unreadable file, a TOML syntax error, a
value the model refuses — becomes one :class:`~jsr_nlp.errors.ConfigurationError` whose
one-line message names the file, the entry and the field::

    pipelines/clean/es.toml [numbers]: count_nounz: Extra inputs are not permitted
    mine/lexicon.toml [entity per.zhukov]: label: Input should be 'PER', 'LOC', 'ORG' or 'MISC'

An entry is the table holding the field (``numbers``, ``fuzzy.context``) or, inside an
array of tables, the array and the element's ``id`` (its ``es`` for glossary terms, its
position ``#3`` otherwise).

>>> from jsr_nlp.clean_vocab import CleanVocabularyFile
>>> try:
...     validate({"numbers": {"count_nounz": []}}, CleanVocabularyFile, Path("es.toml"))
... except ConfigurationError as err:
...     print(err)
es.toml [numbers]: count_nounz: Extra inputs are not permitted
"""

from __future__ import annotations

import glob
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from jsr_nlp.errors import ConfigurationError
from jsr_nlp.resources import pipelines_dir

M = TypeVar("M", bound=BaseModel)

#: A path or glob with this prefix is relative to the bundled ``pipelines/`` folder
#: (``bundled:clean/es.toml``), wherever the file that names it is.
BUNDLED_PREFIX = "bundled:"


class FileMeta(BaseModel):
    """The ``[meta]`` table most data files open with: what they are, for people and checks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = ""
    version: str = "1"
    language: str | None = None
    description: str = ""


def read_toml(
    path: Path, kind: str = "data", error: type[ConfigurationError] = ConfigurationError
) -> dict[str, Any]:
    """Parse a TOML file; a missing, unreadable or malformed file is one ``error``."""
    try:
        with Path(path).open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise error(str(path), f"no such {kind} file") from None
    except IsADirectoryError:
        raise error(str(path), f"is a folder, not a {kind} file") from None
    except OSError as err:
        raise error(str(path), f"cannot read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:  # the message carries the line and column
        raise error(str(path), f"not valid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise error(str(path), f"not valid TOML: not UTF-8 ({err.reason})") from None


def validate(
    data: Mapping[str, Any],
    model: type[M],
    path: Path | str,
    error: type[ConfigurationError] = ConfigurationError,
) -> M:
    """Validate parsed data; the first problem is one ``error`` naming entry and field."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise problems(err, data, path, error)[0] from None


def load_toml(
    path: Path,
    model: type[M],
    *,
    kind: str = "data",
    error: type[ConfigurationError] = ConfigurationError,
) -> M:
    """Read, parse and validate one TOML file into ``model``.

    ``kind`` names the file in messages (``no such lexicon file``); ``error`` is the
    :class:`~jsr_nlp.errors.ConfigurationError` subclass raised.
    """
    return validate(read_toml(path, kind, error), model, path, error)


def file_problems(
    path: Path,
    model: type[BaseModel],
    *,
    kind: str = "data",
    error: type[ConfigurationError] = ConfigurationError,
) -> list[ConfigurationError]:
    """Every problem of one file (loading stops at the first): for the checks."""
    try:
        data = read_toml(path, kind, error)
    except ConfigurationError as err:
        return [err]
    try:
        model.model_validate(data)
    except ValidationError as err:
        return problems(err, data, path, error)
    return []


def problems(
    err: ValidationError,
    data: Mapping[str, Any],
    path: Path | str,
    error: type[ConfigurationError] = ConfigurationError,
    *,
    table: str | None = None,
) -> list[ConfigurationError]:
    """One error per pydantic problem, each naming the entry and the field.

    ``table``: the data is that table of the file (a pipeline's ``[translate]``
    validated on its own), so entries are named within it.
    """
    out = []
    for e in err.errors():
        loc = tuple(e["loc"])
        if table is not None:
            entry, field = locate({table: data}, (table, *loc))
        else:
            entry, field = locate(data, loc)
        out.append(error(str(path), e["msg"], entry, field=field))
    return out


def locate(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> tuple[str | None, str | None]:
    """``(entry, field)`` of a pydantic error location, read against the parsed data.

    >>> data = {"entity": [{"id": "per.zhukov"}], "fuzzy": {"context": {"near": []}}}
    >>> locate(data, ("entity", 0, "label"))
    ('entity per.zhukov', 'label')
    >>> locate(data, ("fuzzy", "context", "near", 2))
    ('fuzzy.context', 'near[2]')
    >>> locate(data, ("name",))
    (None, 'name')
    """
    tables: list[str] = []
    node: Any = data
    i = 0
    while i < len(loc) - 1:
        key = loc[i]
        child = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(child, Mapping) and isinstance(key, str):
            tables.append(key)
            node = child
            i += 1
            continue
        index = loc[i + 1]
        if isinstance(child, list) and isinstance(index, int) and index < len(child):
            item = child[index]
            if isinstance(item, Mapping):
                # an element of an array of tables: named by its id, the rest is the field
                ident = item.get("id") or item.get("es") or f"#{index + 1}"
                array = ".".join([*tables, str(key)])
                return f"{array} {ident}", _field(loc[i + 2 :])
        break
    return (".".join(tables) or None), _field(loc[i:])


def _field(parts: Sequence[int | str]) -> str | None:
    """``near[2]``, ``context.near``: a field path, list positions in brackets."""
    out = ""
    for p in parts:
        if p == "[key]":  # pydantic's marker for a refused key: the key itself names it
            continue
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or None


def resolve_path(value: str, base: Path) -> Path:
    """A file named in a pipeline: ``bundled:…`` in the bundled folder, else from ``base``.

    >>> resolve_path("bundled:clean/es.toml", Path("/elsewhere")) == (
    ...     pipelines_dir() / "clean" / "es.toml")
    True
    >>> resolve_path("mine.toml", Path("/home/me"))
    PosixPath('/home/me/mine.toml')
    """
    if value.startswith(BUNDLED_PREFIX):
        return pipelines_dir() / value.removeprefix(BUNDLED_PREFIX)
    return base / Path(value).expanduser()


def resolve_globs(
    patterns: Iterable[str],
    base: Path,
    kind: str = "data",
    error: type[ConfigurationError] = ConfigurationError,
) -> list[Path]:
    """Files named by globs (``bundled:`` allowed), sorted per glob, each once.

    A glob that matches nothing is an ``error``: a misspelt folder must not silently
    leave a pipeline without its files.
    """
    found: list[Path] = []
    for pattern in patterns:
        where = resolve_path(pattern, base)
        # Path.glob refuses absolute patterns, which users give for their own files
        hits = sorted(Path(p) for p in glob.glob(str(where)))  # noqa: PTH207
        if not hits:
            raise error(str(where), f"matches no {kind} file")
        found.extend(h for h in hits if h not in found)
    return found
