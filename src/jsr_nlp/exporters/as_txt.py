"""Plain text: the clean Spanish (``<stem>.es.txt``) and the translation (``<stem>.en.txt``).

The clean text is written exactly as in the edition (offsets into it stay
valid for anyone who reads the file); the translation file exists only when
the edition has a translation, named after its target language.
"""

from __future__ import annotations

from pathlib import Path

from jsr_nlp.atomic import atomic_write_text
from jsr_nlp.model import Edition

#: Language tag of the clean text's file name (the project edits Spanish).
CLEAN_LANGUAGE = "es"


class TxtExporter:
    """Writes ``<stem>.es.txt`` and, with a translation, ``<stem>.<target>.txt``."""

    name = "txt"

    def files(self, stem: str, edition: Edition | None = None) -> list[str]:
        """Files written for ``edition``; without one, the file always written.

        >>> TxtExporter().files("carta")
        ['carta.es.txt']
        """
        names = [f"{stem}.{CLEAN_LANGUAGE}.txt"]
        if edition is not None and edition.translation is not None:
            names.append(f"{stem}.{edition.translation.target}.txt")
        return names

    def write(self, edition: Edition, out_dir: Path, stem: str) -> list[Path]:
        """Write the clean text and the translation (when there is one)."""
        names = self.files(stem, edition)
        written = [atomic_write_text(Path(out_dir) / names[0], edition.clean_text)]
        if edition.translation is not None:
            written.append(atomic_write_text(Path(out_dir) / names[1], edition.translation.text))
        return written
