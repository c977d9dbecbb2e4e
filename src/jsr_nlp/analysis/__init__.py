"""The spaCy stage: the model, the project's components, and a ``Doc`` read into records.

``build``      load ``es_core_news_sm`` (or ``blank:es``) and add the ``jsr_*`` components
``factories``  every spaCy factory of the project (also the ``spacy_factories`` entry points)
``entities/``  ``jsr_gazetteer``, ``jsr_entity_filter``, ``jsr_linker`` and their data
``dates/``     ``jsr_dates`` and the date engine it is made of
``records``    an analysed ``Doc`` → the edition's :class:`~jsr_nlp.model.Entity` and
               :class:`~jsr_nlp.model.DateExpr` records

Nothing here imports spaCy until a pipeline is built, so ``jsr-nlp --help`` stays fast.
"""

from jsr_nlp.analysis.build import MAX_CHARS, build_nlp
from jsr_nlp.analysis.records import analyse_doc

__all__ = ["MAX_CHARS", "analyse_doc", "build_nlp"]
