"""Named pipelines (``pipelines/*.toml``) and the object that runs one over texts.

>>> spec = load_spec("default")
>>> spec.name, spec.analyse.model
('default', 'es_core_news_sm')
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jsr_nlp.analysis import MAX_CHARS, analyse_doc, build_nlp
from jsr_nlp.audit import EditLog
from jsr_nlp.clean import CleanConfig, clean_log
from jsr_nlp.config import load_toml, resolve_globs
from jsr_nlp.correct import Corrector
from jsr_nlp.detectors import DETECTORS
from jsr_nlp.detectors.accents import AccentSettings
from jsr_nlp.detectors.confusions import ConfusionSettings
from jsr_nlp.detectors.furniture import FurnitureSettings
from jsr_nlp.detectors.spacing import SpacingSettings
from jsr_nlp.detectors.untranslated import UntranslatedSettings
from jsr_nlp.errors import ConfigurationError, InputError, JsrNlpError, LexiconError
from jsr_nlp.ingest import Decoded, InputTypeError, from_string
from jsr_nlp.language import LanguageSettings, document_language, foreign_paragraphs, outside
from jsr_nlp.language import settings as language_settings
from jsr_nlp.lexicon.load import Lexicon, load_lexicon
from jsr_nlp.model import Edition, PipelineInfo, Source, Stage, Translation
from jsr_nlp.resources import pipelines_dir
from jsr_nlp.vocabularies import VocabulariesSection, VocabularyPaths

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# es_core_news_sm 3.1.0 is the model on the package index; it was trained with spaCy 3.1
# and runs correctly under 3.8, which warns (W095) on every load. The warning says nothing
# a user can act on, so it is silenced here and documented in the README.
warnings.filterwarnings("ignore", message=r"\[W095\]")

#: What :meth:`Pipeline.pipe_results` accepts: decoded inputs, strings, or a file's bytes.
_In = TypeVar("_In", bound=Decoded | str | bytes)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CleanSection(_Strict):
    """``[clean]``: options of the surface-cleaning stage."""

    enabled: bool = True
    thousands_separator: Literal[".", "thin_space", "keep"] = "."
    disabled: tuple[str, ...] = ()


class CorrectSection(_Strict):
    """``[correct]``: options of the lexicon-correction stage and its detector families."""

    enabled: bool = True
    fuzzy_names: bool = True
    #: Detector families to run (:data:`jsr_nlp.detectors.DETECTORS`), in this order.
    #: Earlier families win where two propose changes to the same words: a join sees both
    #: halves, a letter confusion explains a whole token, so they go before accents.
    detectors: tuple[str, ...] = (
        "split-words",
        "confusions",
        "accents",
        "glued-words",
        "furniture",
        "untranslated",
    )
    accents: AccentSettings = AccentSettings()
    split_words: SpacingSettings = Field(default_factory=SpacingSettings, alias="split-words")
    glued_words: SpacingSettings = Field(default_factory=SpacingSettings, alias="glued-words")
    untranslated: UntranslatedSettings = UntranslatedSettings()
    confusions: ConfusionSettings = ConfusionSettings()
    furniture: FurnitureSettings = FurnitureSettings()

    @field_validator("detectors")
    @classmethod
    def _known_detectors(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [n for n in names if n not in DETECTORS]
        if unknown:
            known = ", ".join(DETECTORS)
            msg = f"unknown detector {unknown[0]!r} (known: {known})"
            raise ValueError(msg)
        return names


class AnalyseSection(_Strict):
    """``[analyse]``: the spaCy model and the project's components after it."""

    enabled: bool = True
    model: str = "es_core_news_sm"
    components: tuple[str, ...] = ("jsr_gazetteer", "jsr_entity_filter", "jsr_linker", "jsr_dates")
    batch_size: int = Field(default=16, ge=1)


class ExportSection(_Strict):
    """``[export]``: the formats ``process`` writes when ``--format`` is not given."""

    formats: tuple[str, ...] = ("json", "txt")


class PipelineSpec(_Strict):
    """A pipeline file, validated. Unknown keys are errors."""

    name: str
    description: str = ""
    lexicons: tuple[str, ...] = ("lexicons/*.toml",)
    vocabularies: VocabulariesSection = VocabulariesSection()
    apply_threshold: float = Field(default=0.6, ge=0.0, le=1.0)
    clean: CleanSection = CleanSection()
    correct: CorrectSection = CorrectSection()
    analyse: AnalyseSection = AnalyseSection()
    translate: dict[str, Any] = Field(default_factory=dict)
    export: ExportSection = ExportSection()
    base: Path = Field(default=Path(), exclude=True)
    path: Path | None = Field(default=None, exclude=True)


def available_pipelines() -> dict[str, Path]:
    """Bundled pipeline names and their files."""
    return {p.stem: p for p in sorted(pipelines_dir().glob("*.toml"))}


def pipeline_path(name_or_path: str | Path = "default") -> Path:
    """The file of a bundled pipeline name, or the path given (a ``.toml`` or a file)."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return candidate
    known = available_pipelines()
    if str(name_or_path) not in known:
        names = ", ".join(known) or "none"
        msg = f"no pipeline named {name_or_path!r} (bundled: {names}; or give a .toml path)"
        raise ConfigurationError(str(name_or_path), msg)
    return known[str(name_or_path)]


def load_spec(name_or_path: str | Path = "default") -> PipelineSpec:
    """Read a pipeline by bundled name or by file path; errors name the file and field."""
    path = pipeline_path(name_or_path)
    spec = load_toml(path, PipelineSpec, kind="pipeline")
    return spec.model_copy(update={"base": path.parent, "path": path})


def pipeline_lexicons(patterns: Iterable[str], base: Path) -> list[Path]:
    """A pipeline's lexicon files: globs relative to its folder, sorted and unique.

    A pattern that starts with ``bundled:`` is resolved in the bundled ``pipelines/``
    folder instead, so a pipeline file kept anywhere can add its own lexicons to the
    bundled ones: ``lexicons = ["bundled:lexicons/*.toml", "my-lexicon.toml"]``.
    """
    return resolve_globs(patterns, base, "lexicon", LexiconError)


def _version() -> str:
    from jsr_nlp import __version__

    return __version__


class Pipeline:
    """Runs ingest → clean → correct → analyse → (translate) over texts.

    Build one with :func:`load_pipeline`; call it on a string to get an
    :class:`~jsr_nlp.model.Edition`, or stream many with :meth:`pipe`. The spaCy
    model loads once, on first use.
    """

    def __init__(
        self,
        spec: PipelineSpec,
        *,
        model: str | None = None,
        translate_to: str | None = None,
        translate_options: dict[str, Any] | None = None,
    ) -> None:
        self.spec = spec
        self.model_name = model or spec.analyse.model
        self.translate_options = {**spec.translate, **(translate_options or {})}
        if translate_to:
            self.translate_options["target"] = translate_to
        self.translate_to: str | None = self.translate_options.get("target") or None

    @cached_property
    def vocabularies(self) -> VocabularyPaths:
        """The data files of the pipeline's stages (``[vocabularies]``), resolved."""
        return VocabularyPaths.resolve(self.spec.vocabularies, self.spec.base)

    @cached_property
    def language(self) -> LanguageSettings:
        """Which languages a paragraph may be in, and how sure to be (``language``)."""
        return language_settings(self.vocabularies.language)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The merged lexicon files of this pipeline."""
        return load_lexicon(pipeline_lexicons(self.spec.lexicons, self.spec.base))

    @cached_property
    def corrector(self) -> Corrector:
        """Compiled phrase rules and name tables."""
        return Corrector(
            self.lexicon,
            fuzzy=self.spec.correct.fuzzy_names,
            apply_threshold=self.spec.apply_threshold,
            names=self.vocabularies.names,
            detectors=[
                DETECTORS[name](getattr(self.spec.correct, name.replace("-", "_")))
                for name in self.spec.correct.detectors
            ],
        )

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline: the model plus the project's components."""
        return build_nlp(
            self.model_name,
            self.spec.analyse.components,
            self.lexicon.files,
            self.vocabularies,
        )

    @property
    def info(self) -> PipelineInfo:
        """Name, version and model, as recorded in each edition."""
        model = self.model_name if self.spec.analyse.enabled else None
        return PipelineInfo(name=self.spec.name, jsr_nlp_version=_version(), spacy_model=model)

    # -- stages ------------------------------------------------------------------------------

    def edit(self, decoded: Decoded) -> EditLog:
        """Ingest repairs, cleaning and corrections: the text stages, without spaCy analysis."""
        if len(decoded.text) > MAX_CHARS:
            name = decoded.path or "<input>"
            msg = (
                f"is too long to analyse as one text ({len(decoded.text):,} characters, "
                f"limit {MAX_CHARS:,}); split it into parts"
            )
            raise InputError(name, msg)
        log = EditLog(decoded.text)
        log.apply(decoded.repairs, Stage.INGEST)
        foreign = self._identify_language(log)
        if self.spec.clean.enabled:
            cfg = CleanConfig(
                thousands_separator=self.spec.clean.thousands_separator,
                disabled=frozenset(self.spec.clean.disabled),
                apply_threshold=self.spec.apply_threshold,
                vocabulary=self.vocabularies.clean,
                dates=self.vocabularies.dates,
            )
            clean_log(log, cfg, keep=outside(foreign) if foreign else None)
        if self.spec.correct.enabled:
            # cleaning moved the text: find the foreign paragraphs again
            foreign = foreign_paragraphs(log.text, self.language) if foreign else []
            self.corrector.run(log, keep=outside(foreign) if foreign else None)
        return log

    def _identify_language(self, log: EditLog) -> list[tuple[int, int, str]]:
        """Record the text's language; return the paragraphs surely in another one."""
        foreign = foreign_paragraphs(log.text, self.language)
        lang = document_language(log.text, foreign, self.language)
        log.language = lang
        if lang != "es":
            log.warnings.append(
                f"most of the text is in {lang!r}, not Spanish: Spanish corrections were "
                "made only in the paragraphs that are Spanish"
            )
        elif foreign:
            langs = ", ".join(sorted({code for _, _, code in foreign}))
            log.warnings.append(
                f"{len(foreign)} paragraph(s) are not Spanish ({langs}): left uncorrected"
            )
        return foreign

    def _finish(
        self, decoded: Decoded, log: EditLog, doc: Doc | None, previous: Edition | None
    ) -> Edition:
        warnings_: list[str] = list(log.warnings)
        if log.dropped:
            warnings_.append(
                f"{len(log.dropped)} overlapping edit(s) were not applied: "
                + ", ".join(sorted({e.rule for e in log.dropped}))
            )
        align = log.alignment()
        entities, dates = analyse_doc(doc, align) if doc is not None else ((), ())
        translation: Translation | None = None
        if self.translate_to and doc is not None:
            from jsr_nlp.translate.edition import translate_edition

            translation, tw = translate_edition(
                log.text,
                doc,
                entities,
                self.lexicon,
                self.translate_options,
                previous.translation if previous else None,
                self.vocabularies.translate,
            )
            warnings_.extend(tw)
        source = Source(
            path=decoded.path,
            sha256=decoded.sha256,
            encoding=decoded.encoding,
            language=log.language,
            chars=len(decoded.text),
        )
        return Edition(
            source=source,
            pipeline=self.info,
            source_text=decoded.text,
            clean_text=log.text,
            corrections=tuple(log.corrections),
            entities=tuple(entities),
            dates=tuple(dates),
            translation=translation,
            warnings=tuple(warnings_),
        )

    def process(self, decoded: Decoded, previous: Edition | None = None) -> Edition:
        """One decoded input → its edition."""
        return next(self.pipe_decoded([decoded], previous=lambda _d: previous))

    def __call__(self, text: str | bytes, *, name: str = "<string>") -> Edition:
        """One string → its edition.

        Bytes are decoded as a file's would be (BOM, UTF-8, UTF-16, CP1252…); anything
        else (``None``, a number) raises :class:`~jsr_nlp.ingest.InputTypeError`, which
        is both a ``TypeError`` and an :class:`~jsr_nlp.errors.InputError`.
        """
        return self.process(from_string(text, name))

    def pipe(self, texts: Iterable[str | bytes]) -> Iterator[Edition]:
        """Stream editions for many strings (or files' bytes), batching the spaCy model.

        Editions come out in input order. The first text that fails (an empty one, a
        value that is not text) raises its :class:`~jsr_nlp.errors.JsrNlpError` once
        every edition before it has been yielded; so does an exception raised while
        iterating ``texts``. Use :meth:`pipe_results` to carry on past failures.
        """
        if isinstance(texts, str | bytes | bytearray):
            name = "<texts>"
            msg = "pipe() takes an iterable of texts, not one text; call the pipeline on it"
            raise InputTypeError(name, msg)
        return self._editions(iter(texts))

    def pipe_decoded(
        self,
        inputs: Iterable[Decoded],
        previous: Callable[[Decoded], Edition | None] | None = None,
    ) -> Iterator[Edition]:
        """Stream editions for decoded inputs, ``batch_size`` at a time, in input order.

        ``previous`` may return an earlier edition of an input, whose translated
        segments are reused (a re-run only finishes what failed). The first input
        that fails raises its :class:`~jsr_nlp.errors.JsrNlpError`, once the editions
        of the inputs before it have been yielded; use :meth:`pipe_results` to carry on
        past failures.
        """
        return self._editions(inputs, previous)

    def _editions(
        self,
        inputs: Iterable[Decoded | str | bytes],
        previous: Callable[[Decoded], Edition | None] | None = None,
    ) -> Iterator[Edition]:
        for _, result in self.pipe_results(inputs, previous):
            if isinstance(result, JsrNlpError):
                raise result
            yield result

    def pipe_results(
        self,
        inputs: Iterable[_In],
        previous: Callable[[Decoded], Edition | None] | None = None,
        *,
        timer: Callable[[_In, float], None] | None = None,
    ) -> Iterator[tuple[_In, Edition | JsrNlpError]]:
        """Like :meth:`pipe_decoded`, but yields ``(input, edition or error)`` pairs.

        ``inputs`` may be decoded inputs, strings or files' bytes; each pair holds the
        input as given. Pairs come out in input order, and one input's error (empty,
        too long, not text, a translation provider refusing its key…) is yielded in
        its place without stopping the others; a string's error names it by its
        position (``<text 3>``). If iterating ``inputs`` raises, or a text stage fails
        with an exception that is not a ``JsrNlpError`` (a bug), the pairs of the inputs
        before it are yielded first, then that exception is raised.

        ``timer(input, seconds)``, when given, is called before each pair is yielded with
        the time spent on that input alone: decoding a string, its text stages, its share
        (by length) of the spaCy batch it was analysed in, and finishing its edition.
        """
        it = iter(inputs)
        size = self.spec.analyse.batch_size
        position = 0
        stop: Exception | None = None
        while stop is None:
            batch: list[_Slot[_In]] = []
            while len(batch) < size:
                try:
                    item = next(it)
                except StopIteration:
                    break
                except Exception as exc:  # the input stream itself failed
                    stop = exc
                    break
                position += 1
                started = perf_counter()
                state: tuple[Decoded, EditLog] | JsrNlpError
                try:
                    decoded = _as_decoded(item, position)
                    state = (decoded, self.edit(decoded))
                except JsrNlpError as exc:
                    state = exc
                except Exception as exc:  # a bug: finish the inputs before it, then raise
                    stop = exc
                    break
                batch.append(_Slot(item, state, perf_counter() - started))
            if not batch:
                break
            yield from self._finish_batch(batch, previous, timer)
        if stop is not None:
            raise stop

    def _finish_batch(
        self,
        batch: list[_Slot[_In]],
        previous: Callable[[Decoded], Edition | None] | None,
        timer: Callable[[_In, float], None] | None,
    ) -> Iterator[tuple[_In, Edition | JsrNlpError]]:
        """Analyse a batch's edited texts together, then finish each input in order."""
        logs = [slot.state[1] for slot in batch if isinstance(slot.state, tuple)]
        # the model loads on first use: no input's own time
        nlp = self.nlp if self.spec.analyse.enabled and logs else None
        started = perf_counter()
        docs: list[Doc | None] = [None] * len(logs)
        if nlp is not None:
            docs = list(nlp.pipe(log.text for log in logs))
        model_seconds = perf_counter() - started
        total = sum(len(log.text) for log in logs) or 1
        doc_of = {id(log): doc for log, doc in zip(logs, docs, strict=True)}
        for slot in batch:
            started = perf_counter()
            seconds = slot.seconds
            result: Edition | JsrNlpError
            if isinstance(slot.state, JsrNlpError):
                result = slot.state
            else:
                decoded, log = slot.state
                seconds += model_seconds * len(log.text) / total
                try:
                    prev = previous(decoded) if previous else None
                    result = self._finish(decoded, log, doc_of[id(log)], prev)
                except JsrNlpError as exc:
                    result = exc
            if timer is not None:
                timer(slot.item, seconds + perf_counter() - started)
            yield slot.item, result


class _Slot(Generic[_In]):
    """One input of a batch: as given, decoded with its edit log (or its error), own time."""

    __slots__ = ("item", "seconds", "state")

    def __init__(
        self, item: _In, state: tuple[Decoded, EditLog] | JsrNlpError, seconds: float
    ) -> None:
        self.item = item
        self.state = state
        self.seconds = seconds


def _as_decoded(item: Decoded | str | bytes, position: int) -> Decoded:
    """A stream's item as a decoded input; its error names it by position (``<text 3>``)."""
    if isinstance(item, Decoded):
        return item
    try:
        return from_string(item)
    except InputError as exc:
        name = f"<text {position}>"
        raise type(exc)(name, exc.problem) from None


def load_pipeline(
    name_or_path: str | Path = "default",
    *,
    model: str | None = None,
    translate_to: str | None = None,
    translate_options: dict[str, Any] | None = None,
) -> Pipeline:
    """Load a bundled pipeline by name (``default``) or a pipeline file by path.

    Every vocabulary the pipeline names is read and validated now, so that a mistake in
    one is a :class:`~jsr_nlp.errors.ConfigurationError` before any text, not a failure
    of each text in turn. Lexicons are compiled on first use (:attr:`Pipeline.corrector`).
    """
    pipe = Pipeline(
        load_spec(name_or_path),
        model=model,
        translate_to=translate_to,
        translate_options=translate_options,
    )
    pipe.vocabularies.load()
    return pipe
