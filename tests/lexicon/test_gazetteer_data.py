"""The bundled gazetteer (``pipelines/lexicons/gazetteer-*.toml``) as data: consistent, dated,
unambiguous, and resolving the forms users meet to the right identities.

The loader already rejects schema errors and forms claimed twice; these tests state the
guarantees the rest of the pipeline builds on (event dates anchor "después de Pearl Harbor",
the linker trusts one id per form) and guard the choices that keep ordinary Spanish words
("armada", "usa", "un") out of the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from edtf import parse_edtf

from jsr_nlp.lexicon.load import Lexicon, fold, load_lexicon
from jsr_nlp.lexicon.schema import KINDS, GazetteerEntry
from jsr_nlp.resources import pipelines_dir

#: Kinds whose entries must carry a date (relative time expressions are anchored on them).
DATED_KINDS = {"battle", "treaty", "operation", "conference", "incident", "war"}

#: Id prefix → the kinds it may name.
PREFIX_KINDS: dict[str, set[str]] = {
    "per": {"person"},
    "loc": {
        "state",
        "puppet_state",
        "region",
        "city",
        "river",
        "lake",
        "mountain",
        "sea",
        "island",
        "peninsula",
        "continent",
    },
    "org": {
        "military_unit",
        "navy",
        "air_force",
        "government_body",
        "organisation",
        "political_party",
        "alliance",
    },
    "bat": {"battle"},
    "war": {"war"},
    "tra": {"treaty"},
    "op": {"operation"},
    "conf": {"conference"},
    "inc": {"incident"},
    "evt": {"event"},
    "doc": {"doctrine", "ideology", "work"},
    "grp": {"group"},
}

#: Ordinary Spanish (or colliding English) words no entry may claim as a form.
COMMON_WORDS = [
    "armada",
    "gabinete",
    "ejército",
    "marina",
    "dieta",
    "us",
    "usa",
    "un",
    "hondo",
    "malaya",
    "terminal",
    "imperio",
    "emperador",
    "pacto",
    "frente",
    "segunda guerra",
    "bombas atómicas",
    "mi lucha",
    "hasan",
    "stern",
    "suzuki",
    "satō",
]

#: An alias that starts with an article: a lowercase one ("la batalla"), or a capitalised one
#: before a lowercase word ("La batalla"). "El Cairo", "La Pérouse" are names, not articles.
ARTICLES = re.compile(
    r"^(?:(?:el|la|los|las|lo|un|una|unos|unas)\s|(?:El|La|Los|Las|Un|Una)\s[a-záéíóúñ])"
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(sorted((pipelines_dir() / "lexicons").glob("*.toml")))


@pytest.fixture(scope="module")
def entries(lexicon: Lexicon) -> tuple[GazetteerEntry, ...]:
    return lexicon.entities


@pytest.fixture(scope="module")
def form_index(entries: tuple[GazetteerEntry, ...]) -> dict[str, str]:
    """Folded surface form (accepted or misspelt) → the id of the entry that claims it."""
    index: dict[str, str] = {}
    for e in entries:
        for form in (*e.forms, *e.misspellings):
            index.setdefault(fold(form), e.id)
    return index


def resolve(index: dict[str, str], form: str) -> str | None:
    return index.get(fold(form))


def span(entry: GazetteerEntry) -> tuple[date, date]:
    """First and last day an entry's EDTF date can cover."""
    assert entry.date is not None
    parsed = parse_edtf(entry.date)
    lo, hi = parsed.lower_strict(), parsed.upper_strict()
    return date(lo.tm_year, lo.tm_mon, lo.tm_mday), date(hi.tm_year, hi.tm_mon, hi.tm_mday)


# --- Size and shape ----------------------------------------------------------------------------


def test_gazetteer_is_large_and_spread_over_kinds(entries: tuple[GazetteerEntry, ...]) -> None:
    kinds: Counter[str] = Counter(e.kind for e in entries)
    places = sum(n for k, n in kinds.items() if KINDS[k] == "LOC")
    assert len(entries) >= 250
    assert kinds["person"] >= 40
    assert places >= 40
    for kind in DATED_KINDS | {"military_unit", "government_body", "doctrine", "group"}:
        assert kinds[kind] >= 2, kind


def test_label_matches_kind(entries: tuple[GazetteerEntry, ...]) -> None:
    wrong = [e.id for e in entries if KINDS[e.kind] != e.label]
    assert wrong == []


def test_ids_are_unique_and_prefixed_by_kind(entries: tuple[GazetteerEntry, ...]) -> None:
    ids = Counter(e.id for e in entries)
    assert [i for i, n in ids.items() if n > 1] == []
    wrong = [e.id for e in entries if e.kind not in PREFIX_KINDS.get(e.id.split(".", 1)[0], set())]
    assert wrong == []


def test_no_form_is_claimed_by_two_entries(entries: tuple[GazetteerEntry, ...]) -> None:
    owners: dict[str, set[str]] = {}
    for e in entries:
        for form in (*e.forms, *e.misspellings):
            owners.setdefault(fold(form), set()).add(e.id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_text_fields_are_filled(entries: tuple[GazetteerEntry, ...]) -> None:
    for e in entries:
        assert e.canonical.strip(), e.id
        assert e.english.strip(), e.id
        assert all(a.strip() for a in (*e.aliases, *e.misspellings, *e.short)), e.id


def test_aliases_carry_no_article(entries: tuple[GazetteerEntry, ...]) -> None:
    with_article = [(e.id, a) for e in entries for a in e.aliases if ARTICLES.match(a)]
    assert with_article == []


def test_misspellings_are_not_accepted_forms(entries: tuple[GazetteerEntry, ...]) -> None:
    for e in entries:
        accepted = {fold(f) for f in e.forms}
        assert not [m for m in e.misspellings if fold(m) in accepted], e.id


@pytest.mark.parametrize("word", COMMON_WORDS)
def test_common_words_are_not_claimed(form_index: dict[str, str], word: str) -> None:
    assert resolve(form_index, word) is None


# --- Wikidata ----------------------------------------------------------------------------------


def test_wikidata_ids_are_well_formed_and_distinct(entries: tuple[GazetteerEntry, ...]) -> None:
    qids = [e.wikidata for e in entries if e.wikidata]
    assert len(qids) >= 30
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    assert [q for q, n in Counter(qids).items() if n > 1] == []


@pytest.mark.parametrize(
    ("entry_id", "qid"),
    [
        ("per.zhukov", "Q124617"),
        ("per.stalin", "Q855"),
        ("loc.urss", "Q15180"),
        ("loc.japon", "Q17"),
        ("loc.manchukuo", "Q30623"),
        ("bat.pearl-harbor", "Q52418"),
        ("war.segunda-guerra-mundial", "Q362"),
    ],
)
def test_key_identities_carry_their_verified_qid(lexicon: Lexicon, entry_id: str, qid: str) -> None:
    assert lexicon.by_id[entry_id].wikidata == qid


# --- Dates -------------------------------------------------------------------------------------


def test_event_like_entries_have_parseable_dates(entries: tuple[GazetteerEntry, ...]) -> None:
    missing = [e.id for e in entries if e.kind in DATED_KINDS and not e.date]
    assert missing == []
    for e in entries:
        if e.date:
            start, end = span(e)
            assert start <= end, e.id
            assert date(1850, 1, 1) <= start, e.id
            assert end <= date(1992, 12, 31), e.id


@pytest.mark.parametrize(
    ("entry_id", "first_day", "last_day"),
    [
        ("war.ruso-japonesa", "1904-02-08", "1905-09-05"),
        ("bat.lago-jasan", "1938-07-29", "1938-08-11"),
        ("bat.khalkhin-gol", "1939-05-11", "1939-09-16"),
        ("tra.molotov-ribbentrop", "1939-08-23", "1939-08-23"),
        ("tra.pacto-neutralidad", "1941-04-13", "1941-04-13"),
        ("op.barbarroja", "1941-06-22", "1941-12-05"),
        ("bat.pearl-harbor", "1941-12-07", "1941-12-07"),
        ("conf.yalta", "1945-02-04", "1945-02-11"),
        ("conf.potsdam", "1945-07-17", "1945-08-02"),
        ("op.tormenta-agosto", "1945-08-09", "1945-08-20"),
        ("tra.instrumento-rendicion", "1945-09-02", "1945-09-02"),
    ],
)
def test_anchor_dates(lexicon: Lexicon, entry_id: str, first_day: str, last_day: str) -> None:
    assert span(lexicon.by_id[entry_id]) == (
        date.fromisoformat(first_day),
        date.fromisoformat(last_day),
    )


def test_the_1945_sequence_is_in_order(lexicon: Lexicon) -> None:
    """Yalta → denunciation of the pact → Potsdam → the bombs → the invasion → the surrender."""
    order = [
        "conf.yalta",
        "evt.denuncia-pacto-neutralidad",
        "evt.rendicion-alemania",
        "conf.potsdam",
        "evt.bombardeos-atomicos",
        "evt.declaracion-guerra-sovietica",
        "op.tormenta-agosto",
        "evt.rendicion-japon",
    ]
    starts = [span(lexicon.by_id[i])[0] for i in order]
    assert starts == sorted(starts)


# --- Forms users meet --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "entry_id"),
    [
        (["URSS", "Unión Soviética", "U.R.S.S.", "Soviet Union", "USSR"], "loc.urss"),
        (["Zhúkov", "Zhukov", "Gueorgui Zhúkov", "Georgy Zhukov", "Joukov"], "per.zhukov"),
        (["Jaljin Gol", "Khalkhin Gol", "Nomonhan", "ノモンハン事件"], "bat.khalkhin-gol"),
        (["lago Jasán", "Lake Khasan"], "loc.lago-jasan"),
        (["EE. UU.", "EE.UU.", "Estados Unidos"], "loc.estados-unidos"),
        (["Gran Bretaña", "Reino Unido"], "loc.reino-unido"),
        (["IJA", "Ejército Imperial Japonés", "Imperial Japanese Army"], "org.ija"),
        (["IJN", "Armada Imperial Japonesa"], "org.ijn"),
        (["Ejército de Kwantung", "Kwantung Army", "関東軍"], "org.ejercito-kwantung"),
        (["Nanshin-ron", "南進論"], "doc.nanshin-ron"),
        (["Hokushin-ron", "北進論"], "doc.hokushin-ron"),
        (
            ["Tormenta de Agosto", "August Storm", "invasión soviética de Manchuria"],
            "op.tormenta-agosto",
        ),
        (["Pacto Ribbentrop-Mólotov", "Pacto Molotov-Ribbentrop"], "tra.molotov-ribbentrop"),
        (["Pacto de Neutralidad Soviético-Japonés", "日ソ中立条約"], "tra.pacto-neutralidad"),
        (["Sajalín", "Sakhalin"], "loc.sajalin"),
        (["islas Kuriles", "Kuril Islands", "Chishima"], "loc.kuriles"),
        (["Port Arthur", "Lüshun", "Puerto Arturo"], "loc.port-arthur"),
        (["Hirohito", "emperador Shōwa", "昭和天皇"], "per.hirohito"),
        (["Chiang Kai-shek", "Jiang Jieshi", "蔣介石"], "per.chiang-kai-shek"),
        (["Pearl Harbor", "ataque a Pearl Harbor"], "bat.pearl-harbor"),
        (["Eje", "potencias del Eje"], "org.eje"),
        (["Aliados", "Allies"], "grp.aliados"),
    ],
)
def test_variants_resolve_to_one_identity(
    form_index: dict[str, str], forms: list[str], entry_id: str
) -> None:
    assert {f: resolve(form_index, f) for f in forms} == dict.fromkeys(forms, entry_id)


@pytest.mark.parametrize(
    ("misspelt", "entry_id"),
    [
        ("Khalkin Gol", "bat.khalkhin-gol"),
        ("Vladivostock", "loc.vladivostok"),
        ("Ejército de Kwangtung", "org.ejercito-kwantung"),
        ("Wermacht", "org.wehrmacht"),
        ("Postdam", "loc.potsdam"),
    ],
)
def test_known_misspellings_point_to_their_entry(
    lexicon: Lexicon, misspelt: str, entry_id: str
) -> None:
    entry = lexicon.by_id[entry_id]
    assert fold(misspelt) in {fold(m) for m in entry.misspellings}


def test_homonyms_stay_apart(lexicon: Lexicon, form_index: dict[str, str]) -> None:
    """Same word, different identities: the full forms decide, the bare name has one owner."""
    assert resolve(form_index, "Potsdam") == "loc.potsdam"
    assert resolve(form_index, "Conferencia de Potsdam") == "conf.potsdam"
    assert resolve(form_index, "Declaración de Potsdam") == "tra.declaracion-potsdam"
    assert resolve(form_index, "Mukden") == "loc.mukden"
    assert resolve(form_index, "batalla de Mukden") == "bat.mukden"
    assert resolve(form_index, "incidente de Mukden") == "inc.mukden"
    assert resolve(form_index, "Tsushima") == "loc.tsushima"
    assert resolve(form_index, "batalla de Tsushima") == "bat.tsushima"
    assert resolve(form_index, "Roosevelt") == "per.roosevelt"
    assert resolve(form_index, "Theodore Roosevelt") == "per.theodore-roosevelt"
    assert resolve(form_index, "río Khalkha") == "loc.jalja"


def test_shared_surnames_are_short_forms_only(lexicon: Lexicon, form_index: dict[str, str]) -> None:
    """Both Tōgōs answer to 'Tōgō' after a full mention; neither claims it outright."""
    assert resolve(form_index, "Tōgō") is None
    for entry_id in ("per.togo", "per.togo-shigenori"):
        assert "Tōgō" in lexicon.by_id[entry_id].short
