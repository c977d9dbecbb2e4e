"""The names of the translation providers: the one list, light enough for ``jsr-nlp --help``.

:data:`~jsr_nlp.translate.providers.PROVIDERS` describes each of them, the ``provider``
field of :class:`~jsr_nlp.translate.options.TranslateOptions` and the command line's
``--translator`` accept exactly these.

>>> PROVIDER_NAMES
('google', 'libre', 'deepl', 'microsoft', 'mymemory')
"""

from __future__ import annotations

from typing import Literal, get_args

ProviderName = Literal["google", "libre", "deepl", "microsoft", "mymemory"]
PROVIDER_NAMES: tuple[ProviderName, ...] = get_args(ProviderName)
