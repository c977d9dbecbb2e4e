"""Surface cleaning: OCR- and typing-style errors that need no dictionary of the domain.

Each fixer is a pure function ``(text, config) -> list[Edit]`` that proposes edits
against the text it is given (ftfy's FIXERS idea, with offsets). :data:`CLEANERS`
lists them in the order they run; :func:`clean` runs them through an
:class:`~jsr_nlp.audit.EditLog`, so every change is recorded against the source.
Vocabulary (sentence openers, abbreviations, titles) lives in
``pipelines/clean/es.toml``.

>>> clean("Japón y la URSS firmaron el pacto. .")
'Japón y la URSS firmaron el pacto.'
>>> clean("57,000 soldados y 3,5 millones de civiles")
'57.000 soldados y 3,5 millones de civiles'
>>> clean("la doctrina 北 進 論 (Hokushin-ron")
'la doctrina 北進論 (Hokushin-ron)'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from spacy.lang.es.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from jsr_nlp.audit import Edit, EditLog
from jsr_nlp.clean_vocab import CleanVocabulary, load_clean_vocabulary
from jsr_nlp.model import Category, Stage

ThousandsStyle = Literal[".", "thin_space", "keep"]
NARROW_NBSP = "\u202f"  # the RAE's "espacio fino", which must not break a line

_CJK = r"\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヵヶ"
_UPPER = "A-ZÁÉÍÓÚÑÜ"
_LOWER = "a-záéíóúñü"


@dataclass(frozen=True)
class CleanConfig:
    """Options of the cleaning stage (the ``[clean]`` table of a pipeline file).

    Attributes:
        thousands_separator: how ``57,000`` is rewritten: ``"."`` (``57.000``, the common
            Spanish usage), ``"thin_space"`` (``57 000`` with a narrow no-break space, the
            RAE's recommendation; four-digit numbers get none) or ``"keep"``.
        disabled: names of fixers (keys of :data:`CLEANERS`) not to run.
        apply_threshold: an edit with a lower confidence is suggested, not applied (the
            pipeline's ``apply_threshold``).
        vocabulary: the cleaning vocabulary file (default: the bundled
            ``pipelines/clean/es.toml``); the pipeline's ``[vocabularies] clean``.
        dates: the date vocabulary whose month, weekday and number words come in series
            (default: the bundled ``pipelines/dates/es.toml``); ``[vocabularies] dates``.
    """

    thousands_separator: ThousandsStyle = "."
    disabled: frozenset[str] = field(default_factory=frozenset)
    apply_threshold: float = 0.6
    vocabulary: Path | None = None
    dates: Path | None = None


def vocabulary(path: Path | None = None) -> CleanVocabulary:
    """The cleaning vocabulary at ``path`` (the bundled one by default), loaded once."""
    return load_clean_vocabulary(path)


def _edit(
    m: re.Match[str],
    group: int | str,
    repl: str,
    rule: str,
    cat: Category,
    note: str,
    confidence: float = 1.0,
) -> Edit:
    return Edit(
        m.start(group),
        m.end(group),
        repl,
        rule=rule,
        category=cat,
        note=note,
        confidence=confidence,
    )


# --- invisible characters ---------------------------------------------------------------

# Characters that print as nothing but split words for every later stage: soft hyphen,
# zero-width space, word joiner, a BOM in mid-text, and the bidirectional controls (which
# can also reorder what a reader sees in the HTML report).
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
# Joiners matter in some scripts (Persian, Indic, emoji); between Latin letters they are noise.
_LATIN_JOINER = re.compile(
    rf"(?<=[{_UPPER}{_LOWER}a-zA-Z])[\u200c\u200d]+(?=[{_UPPER}{_LOWER}a-zA-Z])"
)
# A no-break space between two words of a name ("Ejército\u00a0Rojo"); kept before a
# unit or a percent sign, where it belongs.
_NBSP_IN_WORDS = re.compile(rf"(?<=[{_UPPER}{_LOWER}a-zA-Z])\u00a0(?=[{_UPPER}{_LOWER}a-zA-Z])")


def fix_invisible(text: str, cfg: CleanConfig) -> list[Edit]:
    """Remove invisible characters that break words and names.

    >>> clean("el Ejér\u00adcito Rojo y el Ejército\u00a0Rojo\u200b llegaron\u202e")
    'el Ejército Rojo y el Ejército Rojo llegaron'
    """
    edits = [
        _edit(
            m,
            0,
            "",
            "clean.invisible",
            "invisible",
            f"invisible character(s) {', '.join(f'U+{ord(c):04X}' for c in m.group(0))} removed",
        )
        for pattern in (_INVISIBLE, _LATIN_JOINER)
        for m in pattern.finditer(text)
    ]
    edits.extend(
        _edit(
            m,
            0,
            " ",
            "clean.invisible",
            "invisible",
            "a no-break space inside a name or phrase, made an ordinary space",
        )
        for m in _NBSP_IN_WORDS.finditer(text)
    )
    return _non_overlapping(edits)


# --- whitespace -------------------------------------------------------------------------

_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
# (a run before punctuation is removed whole by _SPACE_BEFORE)
_INNER_RUN = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=[^\s,;:!?\)\]»”.])")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACE_BEFORE = re.compile(
    r"(?<=[\w\)\]»”’])[ \t]+(?=[,;:!?\)\]»”](?!\d))|(?<=\w)[ \t]+(?=\.(?!\.|\d))"
)
_SPACE_AFTER_OPEN = re.compile(r"(?<=[\(\[¿¡«“])[ \t]+(?=\S)")


def fix_whitespace(text: str, cfg: CleanConfig) -> list[Edit]:
    """Stray whitespace: trailing blanks, runs of spaces, space before punctuation.

    Leading indentation is kept (it marks list items and quotations).

    >>> clean("Stalin  dijo ,  sin  rodeos :  ( no )")
    'Stalin dijo, sin rodeos: (no)'
    """
    edits: list[Edit] = []
    note = "stray whitespace"
    for m in _TRAILING.finditer(text):
        edits.append(_edit(m, 0, "", "clean.whitespace.trailing", "whitespace", note))
    for m in _INNER_RUN.finditer(text):
        edits.append(
            _edit(
                m, 0, " ", "clean.whitespace.run", "whitespace", "several spaces where one belongs"
            )
        )
    for m in _BLANK_LINES.finditer(text):
        edits.append(
            _edit(
                m,
                0,
                "\n\n",
                "clean.whitespace.blank-lines",
                "whitespace",
                "more than one blank line between paragraphs",
            )
        )
    for m in _SPACE_BEFORE.finditer(text):
        edits.append(
            _edit(
                m,
                0,
                "",
                "clean.whitespace.before-punctuation",
                "whitespace",
                "no space goes before a comma, stop, colon or closing bracket in Spanish",
            )
        )
    for m in _SPACE_AFTER_OPEN.finditer(text):
        edits.append(
            _edit(
                m,
                0,
                "",
                "clean.whitespace.after-opening",
                "whitespace",
                "no space goes after an opening bracket, ¿, ¡ or opening quote",
            )
        )
    return _non_overlapping(edits)


# --- line-break hyphenation ---------------------------------------------------------------

_HYPHEN_BREAK = re.compile(
    rf"(?<![{_UPPER}{_LOWER}])([{_UPPER}{_LOWER}]+)-[ \t]*\n[ \t]*([{_LOWER}]+)"
)


def fix_hyphenation(text: str, cfg: CleanConfig) -> list[Edit]:
    """Words split across lines by a hyphen: ``ofen-\\nsiva`` → ``ofensiva``.

    The joined word must be a Spanish word (wordfreq); otherwise the hyphen was a
    real one (``germano-\\nsoviético``) and only the line break goes.

    >>> clean("la ofen-\\nsiva soviética y el pacto germano-\\nsoviético")
    'la ofensiva soviética y el pacto germano-soviético'
    """
    edits = []
    for m in _HYPHEN_BREAK.finditer(text):
        head, tail = m.group(1), m.group(2)
        joined = head + tail
        if zipf_frequency(joined.lower(), "es") >= 1.0 or (
            zipf_frequency(head.lower(), "es") < 1.0 and zipf_frequency(tail, "es") < 1.0
        ):
            repl, note = joined, "a word split by a hyphen at a line break, joined again"
        else:
            repl, note = f"{head}-{tail}", "a hyphenated compound broken across lines"
        edits.append(
            Edit(
                m.start(),
                m.end(),
                repl,
                rule="clean.hyphenation",
                category="hyphenation",
                note=note,
                confidence=0.9,
            )
        )
    return edits


# --- CJK spacing -------------------------------------------------------------------------

_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")


def fix_cjk_spacing(text: str, cfg: CleanConfig) -> list[Edit]:
    """OCR puts spaces between Chinese/Japanese characters: ``南 進 論`` → ``南進論``.

    >>> clean("Nanshin-ron o 南 進 論")
    'Nanshin-ron o 南進論'
    """
    return [
        _edit(
            m,
            0,
            "",
            "clean.cjk-spacing",
            "spacing",
            "Japanese and Chinese are written without spaces between characters",
        )
        for m in _CJK_SPACE.finditer(text)
    ]


# --- doubled punctuation -----------------------------------------------------------------

_DOUBLED = re.compile(
    r"(?<!\.)([,;:])(?:[ \t]*\1)+|(?<!\.)\.(?:[ \t]+\.)+(?!\.)|(?<![.\d])\.\.(?!\.)"
)


def fix_doubled_punctuation(text: str, cfg: CleanConfig) -> list[Edit]:
    """A stop, comma or semicolon typed twice (``Rojo. .``); an ellipsis is left alone.

    >>> clean("el Ejército Rojo. . Después,, nada... fin")
    'el Ejército Rojo. Después, nada... fin'
    """
    edits = []
    for m in _DOUBLED.finditer(text):
        mark = m.group(0)[0]
        edits.append(
            Edit(
                m.start(),
                m.end(),
                mark,
                rule="clean.doubled-punctuation",
                category="punctuation",
                note=f"'{mark}' repeated",
            )
        )
    return edits


# --- duplicated words --------------------------------------------------------------------

_DUPLICATE = re.compile(r"\b([^\W\d_]+)((?:(?:[ \t]*/[ \t]*|[ \t]+)\1\b)+)", re.IGNORECASE)


def fix_duplicated_words(text: str, cfg: CleanConfig) -> list[Edit]:
    """A word written twice in a row (``de de``, ``un acuerdo / acuerdo``).

    Applied when the doubling cannot be meant: a function word (``de de``, ``que que``) or
    a word repeated across a slash. Other repeated words may be meant (``muy muy``, column
    headings such as ``cierre cierre anterior``) and are only suggested. A change of case
    is no repetition (``de De Gispert``), nor is a doubled name (``Bora Bora``).

    >>> clean("firmaron un acuerdo / acuerdo de de paz con De Gispert")
    'firmaron un acuerdo de paz con De Gispert'
    >>> clean("las declaraciones de De Gispert en Bora Bora")
    'las declaraciones de De Gispert en Bora Bora'
    """
    voc = vocabulary(cfg.vocabulary)
    edits = []
    for m in _DUPLICATE.finditer(text):
        word = m.group(1)
        repeats = [w for w in re.split(r"[ \t/]+", m.group(2)) if w]
        if any(w[:1].isupper() for w in repeats):
            continue  # "de De Gispert", "Bora Bora", "Sing Sing": not a typing slip
        slash = "/" in m.group(2)
        certain = slash or (word.lower() in STOP_WORDS and word.lower() not in voc.emphatic)
        edits.append(
            Edit(
                m.end(1),
                m.end(),
                "",
                rule="clean.duplicated-word",
                category="duplication",
                note=f"'{word}' written twice in a row",
                confidence=0.95 if certain else 0.5,
            )
        )
    return edits


# --- English thousands separators ----------------------------------------------------------

_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d])(?!,\d)(?!\.\d)")
# A document's number convention, read from the numbers that are not in question:
# decimal commas ("2,8 %", "0,9111"), thousands points ("57.000", "2.094,26") …
_SPANISH_NUMBER = re.compile(
    r"(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d])"
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|\.\d)"
)
# … or English ones: several comma groups, a comma group before a decimal point, a round
# thousand ("75,000"), a decimal point before a magnitude ("1.1 millones").
_ENGLISH_NUMBER = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d])"
    r"|(?<![\d.,])\d{1,3},\d{3}\.\d"
    r"|(?<![\d.,])[1-9]\d{0,2},000(?![\d]|[.,]\d)"
    r"|(?<![\d.,])\d+\.\d{1,2}[ \t]+(?:millones|millón|mil|billones|por[ \t]+ciento|%)"
)
_PERCENT = re.compile(r"[ \t\u00a0\u202f]*(?:%|por[ \t]+ciento)")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def number_convention(text: str) -> Literal["es", "en", "unknown"]:
    """How a document writes its numbers, from the numbers whose reading is certain.

    >>> number_convention("creció un 2,8 % y 57.000 personas"), number_convention("1,250,000 men")
    ('es', 'en')
    >>> number_convention("unos 8,440 muertos y 3,5 millones; 1,234,567 votos")
    'unknown'
    """
    spanish = _SPANISH_NUMBER.search(text) is not None
    english = _ENGLISH_NUMBER.search(text) is not None
    if spanish == english:
        return "unknown"
    return "es" if spanish else "en"


def fix_thousands(text: str, cfg: CleanConfig) -> list[Edit]:
    """English thousands separators: ``57,000`` → ``57.000`` (or the RAE's thin space).

    ``5,048`` may be 5048 (English) or five and a bit (Spanish): it is rewritten only when
    the thousands reading is certain — several groups (``1,250,000``), a round ``,000``, a
    count noun after it (``57,000 tropas``), or a document whose other numbers are written
    the English way. In a document with decimal commas it is a decimal and stays; when
    nothing decides, it is suggested. A leading ``0`` (``0,005``) is always a decimal.

    >>> clean("entre 57,000 y 1,250,000 hombres; 3,5 km; en 1939")
    'entre 57.000 y 1.250.000 hombres; 3,5 km; en 1939'
    >>> clean("1,500 y 75,000", CleanConfig(thousands_separator="thin_space"))
    '1500 y 75\u202f000'
    >>> clean("el oro quedó en 5,048 dólares la onza y el dólar en 1,10 euros")
    'el oro quedó en 5,048 dólares la onza y el dólar en 1,10 euros'
    """
    if cfg.thousands_separator == "keep":
        return []
    voc = vocabulary(cfg.vocabulary)
    convention: str | None = None  # read on the first ambiguous number only
    edits = []
    for m in _THOUSANDS.finditer(text):
        lead, groups = m.group(1), m.group(2)
        if lead == "0" or _PERCENT.match(text, m.end()):
            continue  # 0,005 and 26,390 % are decimals: no share runs into the thousands
        nxt = _NEXT_WORD.match(text, m.end())
        if groups.count(",") > 1 or groups == ",000":
            reason, confidence = (
                "several groups of three digits" if groups.count(",") > 1 else "a round thousand",
                0.9,
            )
        elif nxt is not None and nxt.group(1).lower() in voc.count_nouns:
            reason, confidence = f"a count of {nxt.group(1)}", 0.9
        else:
            if convention is None:
                convention = number_convention(text)
            if convention == "es":
                continue  # this document writes decimals with a comma: 5,048 is a decimal
            if convention == "en":
                reason, confidence = "the document writes its numbers the English way", 0.8
            else:
                reason, confidence = (
                    "a thousands separator or a decimal comma: nothing in the text decides",
                    0.4,
                )
        digits = m.group(0).replace(",", "")
        if cfg.thousands_separator == "thin_space":
            repl = digits if len(digits) <= 4 else _group(digits, NARROW_NBSP)
            note = (
                f"English thousands separator ({reason}); the RAE groups digits with a thin space"
            )
        else:
            repl = m.group(0).replace(",", ".")
            note = f"English thousands separator ({reason}): Spanish uses a stop (or a thin space)"
        edits.append(
            Edit(
                m.start(),
                m.end(),
                repl,
                rule="clean.thousands-separator",
                category="number",
                note=note,
                confidence=confidence,
            )
        )
    return edits


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


# --- unbalanced brackets and quotes --------------------------------------------------------

_PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_CLAUSE_END = re.compile(r"[.;?!](?=\s|$)|\n")


def fix_unbalanced(text: str, cfg: CleanConfig) -> list[Edit]:
    """An opening bracket never closed (``(北進論 Hokushin-ron.``) gets its closer where
    the clause ends; an unmatched closer or quote is flagged for a human.

    >>> clean("la doctrina del norte (Hokushin-ron. El grupo")
    'la doctrina del norte (Hokushin-ron). El grupo'
    """
    edits: list[Edit] = []
    for para in re.finditer(r"[^\n]+", text):
        stack: list[tuple[str, int]] = []
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch in _PAIRS:
                stack.append((ch, i))
            elif ch in _CLOSERS:
                # close the latest opener of this kind, even across an unclosed quote
                # inside it ("(“)”"): crossing pairs are untidy, not unbalanced
                want = _CLOSERS[ch]
                # the latest opener of this kind, searched from the top (constant time
                # for nested brackets, whatever their depth)
                latest = next(
                    (j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == want), None
                )
                if latest is not None:
                    del stack[latest]
                elif ch == "”" and '"' in text[para.start() : i]:
                    continue  # a straight quote opened it: mixed styles, not unbalanced
                else:
                    edits.append(
                        Edit(
                            i,
                            i + 1,
                            None,
                            rule="clean.unbalanced.closer",
                            category="punctuation",
                            note=f"'{ch}' closes nothing that was opened",
                            confidence=0.5,
                        )
                    )
        closers_at: dict[int, list[tuple[str, int]]] = {}
        for opener, pos in reversed(stack):  # innermost first
            end = _CLAUSE_END.search(text, pos + 1, para.end())
            insert_at = end.start() if end else para.end()
            while insert_at > pos + 1 and text[insert_at - 1] in " \t":
                insert_at -= 1
            closers_at.setdefault(insert_at, []).append((opener, pos))
        for insert_at, openers in sorted(closers_at.items()):
            closing = "".join(_PAIRS[o] for o, _ in openers)
            # a bracket is added only round a short aside ("(Hokushin-ron."); in a long
            # stretch the closer may belong anywhere ("(en ruso: …, romanizado: …, son…")
            enclosed = text[min(p for _, p in openers) + 1 : insert_at]
            short = len(enclosed.split()) <= 6
            brackets = all(o in "([" for o, _ in openers) and short
            names = " ".join(f"'{o}'" for o, _ in openers)
            edits.append(
                Edit(
                    insert_at,
                    insert_at,
                    closing if brackets else None,
                    rule="clean.unbalanced.opener",
                    category="punctuation",
                    note=f"{names} opened but never closed; '{closing}' "
                    + (
                        "added where the clause ends"
                        if brackets
                        else "belongs somewhere before the clause ends"
                        if short or all(o in "([" for o, _ in openers)
                        else "probably belongs where the quotation ends"
                    ),
                    confidence=0.8 if brackets else 0.4,
                )
            )
    return edits


# --- sentence breaks ---------------------------------------------------------------------

_WORD_GAP = re.compile(
    rf"(?<![\w\)»”])([\w\)»”]+)(?=([ \t]+)([{_UPPER}][{_LOWER}]+(?:[ \t]+[{_LOWER}]+)?))"
)
_BROKEN_STOP = re.compile(rf"(?<!\w)(\w+)\.(?=([ \t]+)([{_LOWER}][{_LOWER}]+))")
_CLAUSE_START = re.compile(r"[.;:!?,\n(«“]")
_CLAUSE_WINDOW = 400  # characters looked back for the start of a clause
_MISSING_SPACE = re.compile(
    rf"(?<![{_LOWER}])([{_LOWER}]{{2,}})([.;:?!])([{_UPPER}][{_LOWER}]{{2,}})"
)


def _sentence_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t":  # no copy of the prefix: linear over a text
        i -= 1
    return i == 0 or text[i - 1] in '.!?:;\n¿¡«“"(—–-'


def fix_lost_sentence_break(text: str, cfg: CleanConfig) -> list[Edit]:
    """A clause or sentence break lost in the middle of a line.

    ``Siberia Mientras que`` → ``Siberia, mientras que``; ``enemigos Rusia había`` →
    ``enemigos. Rusia había``; ``fin.Luego`` → ``fin. Luego``.

    >>> clean("los recursos de Siberia Mientras que el grupo del sur")
    'los recursos de Siberia, mientras que el grupo del sur'
    >>> clean("Eran enemigos Rusia había estado luchando")
    'Eran enemigos. Rusia había estado luchando'
    >>> clean("el presidente Truman había dicho que el general Zhukov era")
    'el presidente Truman había dicho que el general Zhukov era'
    """
    voc = vocabulary(cfg.vocabulary)
    connectives = {w for o in (*voc.comma_openers, *voc.period_openers) for w in o.split()}
    edits: list[Edit] = []
    for m in _WORD_GAP.finditer(text):
        prev, cap = m.group(1), m.group(3)
        if _sentence_start(text, m.start(1)) and prev.lower() in voc.not_before_name:
            continue
        if prev.lower() in voc.not_before_name:
            continue
        low = cap.lower()
        opener = next((o for o in voc.comma_openers if low == o or low.startswith(o + " ")), None)
        if opener is not None:
            first = m.group(3)[0].lower() + m.group(3)[1:]
            edits.append(
                Edit(
                    m.start(2),
                    m.end(3),
                    ", " + first,
                    rule="clean.sentence-break.lost-clause",
                    category="sentence",
                    note=f"a clause starting with '{opener}' ran into the previous "
                    "one without a comma, and was capitalised",
                    confidence=0.8,
                )
            )
            continue
        opener = next((o for o in voc.period_openers if low == o or low.startswith(o + " ")), None)
        word, _, nxt = cap.partition(" ")
        if (
            opener is None
            and nxt in voc.finite_verbs
            and prev.islower()
            and len(prev) > 2
            and prev not in connectives
        ):
            # "Eran enemigos Rusia había...": a capitalised subject and its verb start a
            # new sentence when the clause before already had its own finite verb
            # ("Eran"). Without one ("Tras la guerra Japón era…") it is one sentence.
            # (a window, not the whole prefix: the cost stays linear in the text)
            before = text[max(0, m.start(1) - _CLAUSE_WINDOW) : m.start(1)]
            clause = _CLAUSE_START.split(before)[-1].lower().split()
            # ...and the clause is only what follows its last conjunction ("... y en
            # aquel momento Rusia había": the verb before "y" belongs to another clause)
            cut = max((i for i, w in enumerate(clause) if w in voc.conjunctions), default=-1)
            if not any(w in voc.finite_verbs for w in clause[cut + 1 :]):
                continue
            opener = word
        if opener is not None:
            edits.append(
                Edit(
                    m.start(2),
                    m.end(2),
                    ". ",
                    rule="clean.sentence-break.lost-stop",
                    category="sentence",
                    note="a new sentence began without a full stop",
                    confidence=0.75,
                )
            )
    for m in _MISSING_SPACE.finditer(text):
        edits.append(
            Edit(
                m.end(2),
                m.end(2),
                " ",
                rule="clean.sentence-break.missing-space",
                category="sentence",
                note="no space after the punctuation mark",
                confidence=0.9,
            )
        )
    return _non_overlapping(edits)


def fix_broken_sentence_break(text: str, cfg: CleanConfig) -> list[Edit]:
    """A full stop followed by a lowercase word is no sentence end: ``se cumplió. denunciado``.

    The stop goes; abbreviations (``p. ej.``, ``etc.``) and initials are left alone.

    >>> clean("hasta que se cumplió. denunciado por la URSS; véase p. ej. otros, etc. y más")
    'hasta que se cumplió denunciado por la URSS; véase p. ej. otros, etc. y más'
    """
    voc = vocabulary(cfg.vocabulary)
    edits = []
    for m in _BROKEN_STOP.finditer(text):
        word, nxt = m.group(1), m.group(3)
        if word.lower() in voc.abbreviations or len(word) == 1 or word.isupper() or word.isdigit():
            continue
        # a stop before an article, after a preposition or between two words of a series
        # most often stands for a lost word ("la Vid. el Vino", "el pasado. de mayo", "de
        # una. dos semanas"): removing it does not repair the sentence, so it is suggested
        series = _series_words(cfg.dates)
        lost_word = (
            word.lower() in voc.lost_word_before
            or nxt in voc.lost_word_after
            or (word.lower() in series and nxt in series)  # "de enero. mayo": a lost "a"
            or word.lower() == nxt  # "poco. poco": a lost "a"
            # "la obra. rimera parte": the next word is damaged too (OCR), not the stop
            or zipf_frequency(nxt, "es") < 2.0
        )
        edits.append(
            Edit(
                m.start(0) + len(word),
                m.start(0) + len(word) + 1,
                None if lost_word else "",
                rule="clean.sentence-break.broken",
                category="sentence",
                note="a full stop inside a sentence (the next word is lowercase)"
                + ("; a word may be missing here" if lost_word else ""),
                confidence=0.4 if lost_word else 0.7,
            )
        )
    return edits


@lru_cache(maxsize=8)
def _series_words(path: Path | None) -> frozenset[str]:
    """Month and weekday names (the date vocabulary): they come in series joined by a word."""
    from jsr_nlp.analysis.dates.vocab import load_vocab

    dates = load_vocab(path)
    return frozenset((*dates.months, *dates.weekdays, *dates.cardinals))


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start >= end or (e.start == e.end == end):
            out.append(e)
            end = max(end, e.end)
    return out


Fixer = Callable[[str, CleanConfig], list[Edit]]

#: The fixers in the order they run. Whitespace runs first (so the others see single
#: spaces) and last (to tidy what the others left).
CLEANERS: dict[str, Fixer] = {
    "invisible": fix_invisible,
    "whitespace": fix_whitespace,
    "hyphenation": fix_hyphenation,
    "cjk_spacing": fix_cjk_spacing,
    "doubled_punctuation": fix_doubled_punctuation,
    # before the bracket fixer, whose choice depends on how many words a bracket encloses
    "duplicated_words": fix_duplicated_words,
    "thousands_separator": fix_thousands,
    "broken_sentence_break": fix_broken_sentence_break,
    "lost_sentence_break": fix_lost_sentence_break,
    "unbalanced": fix_unbalanced,
    "whitespace_final": fix_whitespace,
}


#: Fixes that mean the same in every language: applied in foreign paragraphs too.
NEUTRAL = frozenset({"whitespace", "spacing", "invisible"})


def clean_log(
    log: EditLog, cfg: CleanConfig | None = None, keep: Callable[[Edit], bool] | None = None
) -> EditLog:
    """Run every enabled fixer over the log's running text, recording each change.

    ``keep`` (an edit → bool predicate) drops the language-specific edits it refuses:
    the pipeline passes one that refuses edits in paragraphs that are not Spanish.
    """
    cfg = cfg or CleanConfig()
    for name, fixer in CLEANERS.items():
        if name in cfg.disabled or name.removesuffix("_final") in cfg.disabled:
            continue
        edits = fixer(log.text, cfg)
        if keep is not None:
            edits = [e for e in edits if e.category in NEUTRAL or keep(e)]
        log.suggest(
            [e for e in edits if e.replacement is None or e.confidence < cfg.apply_threshold],
            Stage.CLEAN,
        )
        log.apply(
            [e for e in edits if e.replacement is not None and e.confidence >= cfg.apply_threshold],
            Stage.CLEAN,
        )
    return log


def clean(text: str, cfg: CleanConfig | None = None) -> str:
    """The cleaned text alone (the plain variant of :func:`clean_log`)."""
    return clean_log(EditLog(text), cfg).text
