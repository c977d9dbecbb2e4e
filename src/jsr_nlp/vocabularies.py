"""The vocabularies a pipeline names (``[vocabularies]``): where they are, load, check.

Each stage's Spanish knowledge is a data file: the cleaning word lists, the
transliteration rules of names, the language identification settings, the entity word
lists, the date vocabulary and the translation word lists. A pipeline file names them,
relative to itself or ``bundled:`` (the bundled ``pipelines/`` folder); a key left out
means the bundled file, so a pipeline kept anywhere works as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from jsr_nlp.analysis.dates.vocab import DatesVocab, load_vocab
from jsr_nlp.analysis.entities.data import EntityDataFile, load_entity_words
from jsr_nlp.clean_vocab import CleanVocabularyFile, load_clean_vocabulary
from jsr_nlp.config import file_problems, resolve_globs, resolve_path
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.language import LanguageFile, settings
from jsr_nlp.lexicon.names import TransliterationFile, fold_rules
from jsr_nlp.translate.vocab import TranslationVocabularyFile, load_vocabulary_file


class VocabulariesSection(BaseModel):
    """``[vocabularies]`` of a pipeline file: one data file per stage (entities: globs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    clean: str = Field(default="bundled:clean/es.toml", min_length=1)
    names: str = Field(default="bundled:names/transliteration.toml", min_length=1)
    language: str = Field(default="bundled:language/es.toml", min_length=1)
    entities: tuple[str, ...] = Field(default=("bundled:entities/*.toml",), min_length=1)
    dates: str = Field(default="bundled:dates/es.toml", min_length=1)
    translate: str = Field(default="bundled:translate/es.toml", min_length=1)


@dataclass(frozen=True)
class VocabularyPaths:
    """The files of a ``[vocabularies]`` table, resolved against the pipeline's folder."""

    clean: Path
    names: Path
    language: Path
    entities: tuple[Path, ...]
    dates: Path
    translate: Path

    @classmethod
    def resolve(cls, section: VocabulariesSection, base: Path) -> VocabularyPaths:
        """Resolve every path; an entity glob that matches nothing is an error."""
        return cls(
            clean=resolve_path(section.clean, base),
            names=resolve_path(section.names, base),
            language=resolve_path(section.language, base),
            entities=tuple(resolve_globs(section.entities, base, "entity data")),
            dates=resolve_path(section.dates, base),
            translate=resolve_path(section.translate, base),
        )

    def load(self) -> None:
        """Load (and so validate) every file; the first problem is raised.

        Each loader caches per path, so the stages that use a file later get it for free.
        """
        for _, _, loader, paths in self._kinds():
            for path in paths:
                loader(path)
        load_entity_words(self.entities)

    def fingerprint(self) -> str:
        """A short hash of the files' contents: a run's outputs depend on them."""
        h = hashlib.sha256()
        for _, _, _, paths in self._kinds():
            for path in paths:
                h.update(path.read_bytes() + b"\0")
        return h.hexdigest()[:16]

    def problems(self) -> list[ConfigurationError]:
        """Every problem of every file, one error each (for ``jsr-nlp pipelines check``)."""
        found: list[ConfigurationError] = []
        for kind, model, loader, paths in self._kinds():
            for path in paths:
                schema = file_problems(path, model, kind=kind)
                if schema:
                    found.extend(schema)
                    continue
                try:  # what the schema alone cannot see (a date class naming no table…)
                    loader(path)
                except ConfigurationError as err:
                    found.append(err)
        return found

    def _kinds(
        self,
    ) -> list[tuple[str, type[BaseModel], Callable[[Path], Any], tuple[Path, ...]]]:
        return [
            ("cleaning vocabulary", CleanVocabularyFile, load_clean_vocabulary, (self.clean,)),
            ("transliteration", TransliterationFile, fold_rules, (self.names,)),
            ("language settings", LanguageFile, settings, (self.language,)),
            ("entity data", EntityDataFile, lambda p: load_entity_words([p]), self.entities),
            ("date vocabulary", DatesVocab, load_vocab, (self.dates,)),
            (
                "translation vocabulary",
                TranslationVocabularyFile,
                load_vocabulary_file,
                (self.translate,),
            ),
        ]


def check_vocabularies(
    section: VocabulariesSection, base: Path
) -> tuple[list[ConfigurationError], int]:
    """Every problem of a ``[vocabularies]`` table's files, and how many files there are."""
    found: list[ConfigurationError] = []
    try:
        paths = VocabularyPaths.resolve(section, base)
    except ConfigurationError as err:  # only an entity glob can fail: check the others
        found.append(err)
        paths = VocabularyPaths.resolve(section.model_copy(update={"entities": ()}), base)
    found.extend(paths.problems())
    return found, 5 + len(paths.entities)
