"""Page furniture in the prose: lone page numbers and running headers of a scanned book.

OCR keeps what the page printed around the text: the page number, the book's or chapter's
title at the head of every page (``298 MARIANO TORRENTE``, ``HISTORIA DE ESPAÑA``). They
are recognised by their shape as a paragraph of their own, never by their words:

- a paragraph that is only a page number (``298``, ``- 12 -``, ``p. 45``) is removed;
- a short paragraph in capitals that starts or ends with a page number is removed;
- a short paragraph in capitals that the text repeats is removed (a header comes back
  page after page); one seen once may be a section heading, so it is only flagged.

Removing one takes its paragraph break with it, so the paragraphs around it stay apart
by one break, as they were printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc

from jsr_nlp.audit import Edit

#: A paragraph: text between blank lines (or the text's ends), with the break after it.
_PARAGRAPH = re.compile(r"(?:(?<=\n\n)|^)([^\n]+)(\n[^\S\n]*\n\s*|\Z)", re.M)
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:p(?:ág)?\.\s*)?\d{1,4}(?:\s*[-–—])?$", re.I)
_NUMBERED_HEAD = re.compile(r"^(?:\d{1,4}\s+\S.*|.*\S\s+\d{1,4})$")


class FurnitureSettings(BaseModel):
    """``[correct.furniture]`` of a pipeline file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A header is at most this many words.
    max_header_words: int = Field(default=8, ge=1)
    confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    suggest_confidence: float = Field(default=0.4, ge=0.0, le=1.0)


@dataclass
class FurnitureDetector:
    """Removes page numbers and running headers that OCR left between paragraphs."""

    settings: FurnitureSettings = field(default_factory=FurnitureSettings)
    name: str = "furniture"

    def propose(self, doc: Doc) -> list[Edit]:
        text = doc.text
        paragraphs = [m for m in _PARAGRAPH.finditer(text) if m.group(2)]
        caps = Counter(m.group(1).strip() for m in paragraphs if self._capitals(m.group(1)))
        out: list[Edit] = []
        for m in paragraphs:
            line = m.group(1).strip()
            if _PAGE_NUMBER.match(line):
                why, sure = "a page number on a line of its own", True
            elif self._capitals(line) and _NUMBERED_HEAD.match(line):
                why, sure = "a running header with its page number", True
            elif self._capitals(line) and caps[line] > 1:
                why, sure = f"a running header (the text repeats it {caps[line]} times)", True
            elif self._capitals(line):
                why, sure = "a line in capitals: a running header, or a section heading?", False
            else:
                continue
            s = self.settings
            out.append(
                Edit(
                    m.start(1),
                    m.end(2),
                    "" if sure else None,
                    rule="ocr.page-furniture" if sure else "ocr.page-furniture-suggestion",
                    category="furniture",
                    note=f"“{line}” is {why}, not part of the prose",
                    confidence=s.confidence if sure else s.suggest_confidence,
                )
            )
        return out

    def _capitals(self, line: str) -> bool:
        words = re.findall(r"[^\W\d_]+", line)
        letters = "".join(words)
        return (
            bool(words)
            and len(line.split()) <= self.settings.max_header_words
            and letters.isupper()
            and len(letters) >= 4
        )
