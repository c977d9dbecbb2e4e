"""Spanish time expressions: find them on spaCy tokens, normalise them to TIMEX3 and EDTF.

The spaCy component is ``jsr_dates`` (:mod:`jsr_nlp.analysis.dates.component`); the rest of
this package is what it is made of, one concern per module:

``vocab``     load and validate ``pipelines/dates/<lang>.toml`` (+ ``locale_specific``)
``patterns``  compile the file's token-pattern DSL into ``Matcher`` patterns
``numbers``   number words, ordinals, Roman numerals
``read``      matched tokens → specs (what an expression says)
``compose``   ranges, lists, heads ('el primer trimestre de'), modifiers, offsets, events
``events``    dated gazetteer entries as anchors (``doc.ents`` or the entries' forms)
``resolve``   specs → values against the document's running reference time
``value``     calendar periods, mods, bounds and :class:`TimexValue`
``extract``   the per-document pipeline (:class:`DateTagger`)
``component`` the ``jsr_dates`` spaCy component

Conventions (where TIMEX3 is silent or has no room, these hold everywhere):

- **Extent.** A span covers the words that change the value: determiners of the date's noun
  phrase ('el 9 de agosto', 'los años 30'), modifiers ('a finales de'), approximators
  ('hacia'), signals that open the interval ('desde', 'antes de', 'después de'), range
  frames ('entre … y …', 'del … al …') and offsets ('dos días después'). A locating
  preposition that changes nothing ('en 1945', 'de 1904', 'durante dos semanas') stays out.
- **type/value.** TIMEX3 values: ``1941-04-13``, ``1941-04``, ``1939``, ``193`` (a decade),
  ``19`` (a century, 1900-1999 = 'siglo XX'), ``1939-SU``, ``1941-Q1``, ``1941-H2``,
  ``1945-W32``, ``P4Y``/``P3.5M``/``PT48H``/``PXY`` (durations), ``1945-08-09TNI`` (times),
  ``PRESENT_REF``; ``X`` marks what the text does not say (``XXXX-08-09``).
- **Ranges and other intervals** have no TIMEX3 value: ``value`` is the EDTF interval
  (``1945-08-09/1945-09-02``) and ``type`` is DATE, ``earliest``/``latest`` its ends.
  The same holds for computed parts that are not a named unit ('la primera mitad del siglo
  XX' = ``1900/1949``) and for offsets from a coarse reference ('tres meses después' of
  1945 = ``1945-04/1946-03``).
- **edtf.** EDTF level 1 (valid for the ``edtf`` library): seasons as ``1939-22``, decades
  as ``193X``, START/MID/END as the interval of that third, APPROX with ``~``, BEFORE/AFTER
  and ON_OR_… as open intervals (``../1939``, ``1917/..``). None for durations and sets.
- **Bounds.** ISO days. START/MID/END are thirds of the sub-units (years of a decade or
  century, months of a year; days 1-10, 11-20, 21-end of a month). APPROX widens by one unit
  (a year for a year, three for a decade). Open mods leave one side None.
- **mod.** One TIMEX3 mod, the outermost ('desde principios de 1941' is ON_OR_AFTER, its
  bounds computed from the START third), except that 'hacia finales de 1944' keeps END.
- **anchor.** ``year from '<text>' at <offset>`` (year inference: the closest date with a
  year before it, any distance), ``relative to '<text>' at <offset>`` (relative expressions:
  only within ``settings.relative_reach`` characters, else X), ``century from …`` or
  ``century 19xx assumed (default)`` for two-digit decades, ``event <gazetteer id>``.
- **Reference time.** Resolved dates with a year (day … year, ranges: their end) become the
  reference; durations, sets and open-ended dates do not.
"""

from jsr_nlp.analysis.dates.value import TimexValue

__all__ = ["TimexValue"]
