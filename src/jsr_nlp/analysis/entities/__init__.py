"""Named entities: ``jsr_gazetteer`` finds the lexicons' names, ``jsr_entity_filter`` drops the
model's false names, ``jsr_linker`` links every mention to one identity.

``data``        the word lists and label maps of ``pipelines/entities/``
``extensions``  the ``span._.jsr_*`` attributes the components set
"""
