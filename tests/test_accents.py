"""The accent detector: restores what OCR and keyboards lost, and leaves right text alone."""

from __future__ import annotations

import re

import pytest
import spacy

from jsr_nlp.detectors.accents import AccentDetector, AccentSettings

#: A modern text (it has accents elsewhere), so the spelling period is not in doubt.
MODERN = "Las tropas soviéticas avanzaron durante la noche y el ejército japonés retrocedió. "


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("es")


@pytest.fixture(scope="module")
def detector():
    return AccentDetector()


def proposals(nlp, detector, text):
    doc = nlp.make_doc(MODERN + text)
    return [(doc.text[e.start : e.end], e.replacement, e.rule) for e in detector.propose(doc)]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("La rendicion fue firmada después.", "rendicion", "rendición"),
        ("Despues de la batalla, el frente cayó.", "Despues", "Después"),
        ("El mando habia ordenado la retirada.", "habia", "había"),
        ("La artilleria abrió fuego al amanecer.", "artilleria", "artillería"),
        ("Murieron más de un millon de soldados.", "millon", "millón"),
        ("La ofensiva comenzo en agosto.", "comenzo", "comenzó"),
        ("Las fuerzas sovieticas cruzaron el río.", "sovieticas", "soviéticas"),
        ("El dia siguiente llegó la orden.", "dia", "día"),
        # a common word capitalised inside a name
        ("Fue la crisis de la Restauracion en España.", "Restauracion", "Restauración"),
        ("Surgió la Organizacion Republicana Gallega Autónoma.", "Organizacion", "Organización"),
    ],
)
def test_lost_accents_are_restored(nlp, detector, text, word, fix):
    assert (word, fix, "spelling.accent") in proposals(nlp, detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # words either way: the detector never chooses between two Spanish words
        "Esta ciudad está sitiada; el general sabía que la paz era mas frágil que nunca.",
        # names are the name matcher's business, even where Spanish writes an accent
        "Eduardo Frei y Néstor Kirchner hablaron con Paul von Hindenburg en Africa.",
        # a word the dictionary lacks, as frequent as its accented neighbour
        "Las corridas cambiarias agravaron la crisis.",
        # both spellings are right (RAE)
        "Los pacientes cardiacos fueron evacuados.",
        # a Latin phrase: 'inter' is more common than 'ínter'
        "Era primus inter pares en el gabinete.",
        # a name in English, whatever 'sábalo' means in Spanish; a name only ('México')
        "Operaban la Sabalo Transportation Company y la Huasteca.",
        "Madero gobernó Mexico y Canovas gobernó España.",
        # a Portuguese quotation inside Spanish prose
        "El lema decía «bom dia, povo brasileiro» en los carteles.",
    ],
)
def test_right_text_is_left_alone(nlp, detector, text):
    applied = [p for p in proposals(nlp, detector, text) if p[2] == "spelling.accent"]
    assert applied == []


def test_a_stray_old_accent_is_only_suggested(nlp, detector):
    found = proposals(nlp, detector, "El pacto fué firmado en Moscú.")
    assert ("fué", "fue", "spelling.accent-suggestion") in found


def test_a_text_in_the_older_spelling_gets_suggestions_only(nlp, detector):
    # 19th-century orthography: the accented preposition and 'fué' are the book's own,
    # and so may be the unaccented 'habia' and 'dia'
    old = "El general fué á la plaza; el dia siguiente habia llegado á la ciudad."
    found = proposals(nlp, detector, old)
    assert ("habia", "había", "spelling.accent-suggestion") in found
    assert all(rule == "spelling.accent-suggestion" for _, _, rule in found)


def test_a_text_without_any_accent_gets_suggestions_only(nlp):
    detector = AccentDetector(AccentSettings(accentless_min_words=10))
    doc = nlp.make_doc("El dia siguiente el capitan habia reunido a las tropas en la plaza mayor.")
    rules = {e.rule for e in detector.propose(doc)}
    assert rules == {"spelling.accent-suggestion"}


def test_each_proposal_explains_its_evidence(nlp, detector):
    doc = nlp.make_doc(MODERN + "La rendicion fue firmada.")
    (edit,) = [e for e in detector.propose(doc) if e.replacement == "rendición"]
    assert "not in the Spanish dictionary" in edit.note
    assert "more frequent in Spanish" in edit.note
    assert edit.category == "spelling"


def test_the_pipeline_applies_it_and_a_pipeline_can_turn_it_off(tmp_path):
    import jsr_nlp

    text = MODERN + "Despues de la rendicion, el ejército se retiró."
    edition = jsr_nlp.load_pipeline("default")(text)
    assert "Después de la rendición" in edition.clean_text
    from jsr_nlp.resources import pipelines_dir

    spec = (pipelines_dir() / "default.toml").read_text(encoding="utf-8")
    spec = spec.replace('lexicons = ["lexicons/*.toml"]', 'lexicons = ["bundled:lexicons/*.toml"]')
    spec, n = re.subn(r"(?m)^detectors = .*$", "detectors = []", spec)
    assert n == 1
    path = tmp_path / "no-detectors.toml"
    path.write_text(spec, encoding="utf-8")
    assert "Despues de la rendicion" in jsr_nlp.load_pipeline(path)(text).clean_text


def test_an_unknown_detector_is_a_configuration_error(tmp_path):
    import jsr_nlp
    from jsr_nlp.resources import pipelines_dir

    spec = (pipelines_dir() / "default.toml").read_text(encoding="utf-8")
    spec = spec.replace('lexicons = ["lexicons/*.toml"]', 'lexicons = ["bundled:lexicons/*.toml"]')
    spec, n = re.subn(r"(?m)^detectors = .*$", 'detectors = ["acents"]', spec)
    assert n == 1
    path = tmp_path / "typo.toml"
    path.write_text(spec, encoding="utf-8")
    with pytest.raises(jsr_nlp.ConfigurationError, match="unknown detector 'acents'"):
        jsr_nlp.load_pipeline(path)


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("El proyecto se realizo en 1920.", "realizo", "realizó"),
        ("El rey no lo nombro ministro.", "nombro", "nombró"),
    ],
)
def test_a_past_tense_after_a_clitic_gets_its_accent_back(nlp, detector, text, word, fix):
    assert (word, fix, "spelling.accent") in proposals(nlp, detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "A lo largo del siglo XIX, de la mano de Salmerón, no solo en Madrid.",
        "Lo contrario era cierto; lo estrecho del margen sorprendió.",
    ],
)
def test_nouns_and_adverbs_after_lo_la_no_stay(nlp, detector, text):
    assert [p for p in proposals(nlp, detector, text) if p[2] == "spelling.accent"] == []


def test_in_a_text_in_the_first_person_the_past_tense_is_only_suggested(nlp, detector):
    found = proposals(nlp, detector, "Yo escribo estas líneas; el proyecto se realizo en 1920.")
    assert ("realizo", "realizó", "spelling.accent-suggestion") in found
