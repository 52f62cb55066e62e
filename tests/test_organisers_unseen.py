"""Organisers on entries the parser was not tuned on (issue 21), and the rules those entries taught.

tests/fixtures/organisers_unseen.json holds organiser lines written for this check, in English,
French and Spanish, modelled on how ILO, UN, EU and NGO event entries name their organisers:
names holding commas and "and"/"et"/"y", acronyms in brackets, lead-ins and partner phrases,
labels with lists cut by semicolons, slashes or bullets, and lines that name no organiser
(a venue, a contact, speakers, a theme, a report "published by"). Each holds the names a careful
reader would give, in the parser's order (the subject first, then its partners).
Batch A (110 lines) was written before the parser was changed for it: 92 were read exactly right then (83.6%;
names precision 92.8%, recall 81.0%). Batch B (38 lines, "batch": "b") was written after the fixes batch A
taught and measured once before any change for it: 34 right (89.5%; precision 92.0%, recall 85.2%; the code
before any fix read 30, 78.9%). Batch C (32 lines, "c"), written after batch B's fixes with shapes new to both,
was measured once: 25 right (78.1%; precision 87.5%, recall 84.0%; 19 before any fix, 59.4%). Batch D (30 lines,
"d"), written after every fix above, was measured once: 29 right (96.7%; precision 100%, recall 97.0%; 26 before
any fix, 86.7%). Batch E (45 lines, "e", 15 a language, 15 naming no organiser), written after every fix above
with shapes none of A-D hold (new labels and lead-ins, "&", "e" and "et par"/"por ... y por", an acronym before
its name or inside it, offices for several countries, a support phrase inside the sentence,
"Organized"/"Organisé" with no "by"), follows the rule A-D follow: a partner named with "in
collaboration/partnership/cooperation with", "together with", "junto con", "co-hosting ... with" is an
organiser; one named with "with the support of"/"avec l'appui de"/"con el apoyo de", a funder, a sponsor or
patron, a publisher, an author, an implementer, speakers and a venue are not. Batch E was measured once: 32
right (71.1%; precision 92.9%, recall 66.1%: 39 of the 42 names read were right, 39 of the 59 names wanted were
read). After the fixes batch E taught (the figures above are the measured-once ones and stand), batch E reads 44
right (97.8%; precision 98.3%, recall 98.3%: 58 of 59 names read right, 58 of 59 wanted read); the same fixes
took two older known misses: A 110/110, B 37/38, C 31/32, D 30/30, 222 of the 225 lines (98.7%). The tests after
the set pin the general rules the misses of A-D taught, each with wordings of its own; batch E's are in
tests/test_organisers_shapes.py.
Batch F (45 lines, "f", 15 a language, 15 naming no organiser), written after every fix above with shapes none
of A-E hold (the organiser after a date and a venue, a second sentence naming it, names holding "and"/"et"/"y"/"e"
before a second name, a university's or city hall's department after a comma, an acronym then its name in
brackets, a name in another language than the line's, "Lo organizan"/"Il est organisé par", "teamed up with ... to
organise", a "y" that ends an office's name), follows the same rule: a partner named with "in association with",
"in cooperation with", "teamed up with", "conjointement avec", "de concert avec", "organisée avec",
"coorganiza con", "en asociación con" is an organiser; one named with "with the support of", "grâce au soutien
financier de", "con el patrocinio de", "gracias al apoyo de", "con la participación de", a grant, a chair, a
host of the discussion, a co-publisher or an editor is not. Batch F was measured once: 33 right (73.3%; precision
88.7%, recall 71.2%: 47 of the 53 names read were right, 47 of the 66 names wanted were read); the 15 lines naming
no organiser were all read right, the 12 misses all name one. After the fixes batch F taught (the measured-once
figures above stand), batch F reads 45 right (100%; precision 100%, recall 100%: 66 of 66); A 110/110, B 37/38,
C 31/32, D 30/30, E 44/45: 297 of the 300 lines (99.0%). The three lines still read wrong are older known misses
no general rule tells apart (KNOWN_MISSES says why). Batch F's rules are pinned in tests/test_organisers_shapes.py
(sentence shapes) and tests/test_organisers_names.py (where one name ends).
Batch G (45 lines, "g", 15 a language, 15 naming no organiser), written after every fix above with shapes none
of A-F hold ("Organisers of the conference are"/"Les organisateurs sont"/"Los organizadores son", "Organisation :",
"Organiza:", "Co-hosts:"/"Coanfitriones:" cut by "|" or dashes, "invite you to", "a joint initiative of"/"à
l'initiative de"/"una iniciativa de" (the bodies whose initiative it is organise), a partner named with "with" in an
aside, "in close cooperation with", "junto a", a label after a date and a venue in a sentence before, "organised
annually by", an office for five countries then "et" a second name, "de ... et du"), follows the rule A-F follow:
those partners are organisers; a body named with "avec le concours de", "con el auspicio de", "con el respaldo de",
"on behalf of", "endorsed by", "sous le parrainage de", "declarado de interés por", an interpreting service, a
study's authors, a publisher, speakers and a venue are not.
Batch G was measured once: 25 right (55.6%; precision 82.8%, recall 36.4%: 24 of the 29 names read were right,
24 of the 66 names wanted were read); the 15 lines naming no organiser were all read right, the 20 misses all name
one (14 read nothing: a lead-in, label or verb the parser did not know).
After the fixes batch G taught (the measured-once figures above stand), batch G reads 45 right (100%; precision
100%, recall 100%: 66 of 66); A 110/110, B 37/38, C 31/32, D 30/30, E 44/45, F 45/45: 342 of the 345 lines (99.1%);
of the 812 labelled descriptions benchmarks/organisers.py reads, only batch G's 20 misses read otherwise. Batch G's
rules are pinned in tests/test_organisers_lead_ins.py (lead-ins, labels, verbs) and tests/test_organisers_names.py
(where one name ends).
Batch H (60 lines, "h", 20 a language, 21 naming no organiser), written after every fix above with shapes none of
A-G hold (a dateline before the subject, "a joint event of"/"une manifestation conjointe de"/"un evento conjunto de",
"Organising institution:", "Comité d'organisation :", "Partenaires organisateurs :", "Entidades convocantes:",
"Coorganizan:", "Organización a cargo de", "organizado entre X y Y", "que co-organisent X et Y", "tiendront",
"vous convie à", "proposé par", "celebrarán", "llevarán a cabo", "presentan", an acronym before its bracketed name,
names in German and Portuguese holding "und"/"e", "organised for <an audience> by", a "para" after a name closed by
its acronym), follows the rule A-G follow; a photo credit, a host city, a broadcaster, a funder ("made possible by
the generous support of"), speakers, "organised on the margins of", a study's authors and a publisher are no
organisers. Batch H was measured once: 30 right (50.0%; precision 73.2%, recall 34.5%: 30 of the 41 names read
were right, 30 of the 87 names wanted were read); the 21 lines naming no organiser were all read right, the 30
misses all name one (18 read nothing: a lead-in, label or verb the parser did not know).
After the fixes batch H taught (the measured-once figures above stand), batch H reads 60 right (100%; precision
100%, recall 100%: 87 of 87); A 110/110, B 37/38, C 31/32, D 30/30, E 44/45, F 45/45, G 45/45: 402 of the 405 lines
(99.3%); of 22,242 texts (benchmarks/organisers.py's labelled set, every string of tests/fixtures/organisers.json
and of the label files under tests/fixtures/real/ and tests/fixtures/pages/), only batch H's 30 misses read
otherwise. Batch H's rules are pinned in tests/test_organisers_lead_ins.py (lead-ins, labels, verbs),
tests/test_organisers_shapes.py (sentence shapes) and tests/test_organisers_names.py (where one name ends).
Batch I (60 lines, "i", 20 a language, 21 naming no organiser), written after every fix above with shapes none of
A-H hold ("A collaboration between", "Hosted at <a venue> by", "Convenor:", "Lead organiser: ...; co-organisers: ...",
"Brought to you by", "joins forces with", "in conjunction with", an organiser in brackets inside a title, a name
followed by a description of it between commas, "L'organisation est assurée par", "à l'initiative conjointe de",
"s'associe à", "unissent leurs efforts pour organiser", "aux côtés de", "Un webinaire de", "Organisateur principal :",
"accueillent, en coopération avec", "corre a cargo de", "Una actividad conjunta de", "invitan", "unió esfuerzos con",
"Organizan conjuntamente:", "Institución responsable:", "Con la coorganización de", "de la mano de", names in German,
Italian and Portuguese), follows the rule A-H follow; speakers, workers "organised in" a union, a commissioned study
and who carried it out, a funder ("Supported by", "pris en charge par", "serán cubiertos por"), a joint publication,
a curator and a venue are no organisers. Batch I was measured once: 31 right (51.7%; precision 82.1%, recall 38.6%:
32 of the 39 names read were right, 32 of the 83 names wanted were read); the 21 lines naming no organiser were all
read right, the 29 misses all name one (19 read nothing: a lead-in, label or verb the parser did not know).
After the fixes batch I taught (the measured-once figures above stand), batch I reads 58 right (96.7%; precision
97.6%, recall 96.4%: 80 of the 82 names read were right, 80 of the 83 wanted were read); A 110/110, B 37/38, C 31/32,
D 30/30, E 44/45, F 45/45, G 45/45, H 60/60: 460 of the 465 lines (98.9%); of 29,785 texts (benchmarks/organisers.py's
labelled set, every string of tests/fixtures/organisers.json and of the label files under tests/fixtures/real/ and
tests/fixtures/pages/), only 28 of batch I's lines (27 now right, one still wrong) and one unlabelled README string (no
longer reading its date as a name) read otherwise. The two batch I lines still wrong are in KNOWN_MISSES with why.
Batch I's rules are pinned in tests/test_organisers_lead_ins.py (labels, lead-ins, verbs, partner phrases) and
tests/test_organisers_names.py (where one name ends).
"""

import json
from pathlib import Path

import pytest

from crawler.parsers.organisers import parse_organisers

UNSEEN = json.loads((Path(__file__).parent / "fixtures" / "organisers_unseen.json").read_text(encoding="utf-8"))
CASES = [(language, case["text"], case["names"]) for language, cases in UNSEEN.items() for case in cases]


# Lines still read wrong (by how they start), and why: each must stay wrong (strict), so a fix shows here. After
# batch F's and G's fixes no general rule takes them: "and Development Pathways" and "and Business Europe" are written
# as "Ministry of Labour and Social Welfare" goes on with a second topic (only knowing the names tells a company from a
# topic: cutting a serial list's last "and" would split "the ILO, the Ministry of Labour and Social Welfare", cutting
# before a place would split "Office for Eastern Europe and Central Asia"), and the Dakar line's label differs from the
# ILO fixtures' for the same shape (one would break the other: which of the two labels is right is debatable).
KNOWN_MISSES = {
    "Co-organised by the ILO, the Global Coalit": "a name with no institution word or acronym joins the one before",
    "The event is organised by the ILO's Bureau": "a name with no institution word or acronym joins the one before",
    "Organisé par la Délégation de l'Union": "after 'par' an office's city reads as where it met, as the ILO fixtures"
    " read 'organisé par le Bureau de l'OIT à Yaoundé'",
    # batch I: the two lines its fixes leave (29 marked when measured once, see the docstring)
    "Organisateur principal :": "debatable: batch F labels 'Instituto ... (IELIS), Universidad de la República' two"
    " names, as the parser reads 'Centre ... (CEET), Conservatoire ... (Cnam)'; the singular label says one",
    "Un webinaire de l'Organisation": "'Un webinaire de A et du B' holds no organiser word: reading it would make"
    " every event noun a trigger (slower), and 'un atelier de formation' names its kind",
}


def _marked(language, text, names):
    reason = next((why for start, why in KNOWN_MISSES.items() if text.startswith(start)), None)
    return pytest.param(language, text, names, marks=pytest.mark.xfail(reason=reason, strict=True) if reason else ())


@pytest.mark.parametrize("language,text,names", [_marked(*case) for case in CASES])
def test_unseen_organiser_lines(language, text, names):
    found = parse_organisers(text, language)
    assert found.names == names
    assert (found.text is None) == (not names)


def test_the_set_is_large_varied_and_balanced():
    counts = {language: len(cases) for language, cases in UNSEEN.items()}
    assert sum(counts.values()) >= 80 and min(counts.values()) >= 25, counts
    assert sum(not names for _, _, names in CASES) >= 20  # lines that name no organiser


@pytest.mark.parametrize(
    "text,names",
    [
        ("Co-organisers: ITUC; the Government of Ghana; ILO-ACTRAV", ["ITUC", "Government of Ghana", "ILO-ACTRAV"]),
        ("Organizadores: OIT / CEPAL / Gobierno de Chile", ["OIT", "CEPAL", "Gobierno de Chile"]),
        ("Hosted by: · UNDP · ILO/Korea Partnership Programme", ["UNDP", "ILO/Korea Partnership Programme"]),
        ("Organisateurs : OIT ; entrée libre", ["OIT"]),  # the list ends where no name starts
    ],
)
def test_a_label_list_is_cut_at_semicolons_spaced_slashes_and_bullets(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("Anfitriones: Gobierno de Panamá y OIT", ["Gobierno de Panamá", "OIT"]),
        ("Organizan: CEPAL y OIT", ["CEPAL", "OIT"]),
        ("Hôte : Bureau de pays de l'OIT pour le Sénégal", ["Bureau de pays de l'OIT pour le Sénégal"]),
        ("Organizada por: Universidad de Chile", ["Universidad de Chile"]),
        ("El Ministerio de Trabajo acogerá el foro regional.", ["Ministerio de Trabajo"]),
        ("La OIT acoge con beneplácito la ratificación del Convenio 190.", []),  # welcomes, hosts nothing
    ],
)
def test_spanish_and_french_host_labels_and_the_future_acogera(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Together with the Ministry of Health, Labour and Welfare, the ILO will host a webinar.",
            ["ILO", "Ministry of Health, Labour and Welfare"],
        ),
        ("En collaboration avec ONU Femmes, le BIT organise un atelier.", ["BIT", "ONU Femmes"]),
        ("Junto con la CEPAL, la OIT organizará un seminario.", ["OIT", "CEPAL"]),
        ("With the support of Japan, the ILO will host a forum.", ["ILO"]),  # a funder, no partner
    ],
)
def test_a_partner_written_before_the_subject_is_named_after_it(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organizado por el Instituto Nacional de Aprendizaje (INA) y la Central de Trabajadores Rerum Novarum.",
            ["Instituto Nacional de Aprendizaje (INA)", "Central de Trabajadores Rerum Novarum"],
        ),
        (
            "Organisé par la Caisse nationale de sécurité sociale (CNSS) et la Mutuelle des travailleurs.",
            ["Caisse nationale de sécurité sociale (CNSS)", "Mutuelle des travailleurs"],
        ),
        (
            "Organized by the Ministry of Labour, Invalids and Social Affairs (MOLISA)",
            ["Ministry of Labour, Invalids and Social Affairs (MOLISA)"],
        ),
    ],
)
def test_a_name_closed_by_its_acronym_in_brackets_is_complete(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organisé par la Chambre d'agriculture, d'élevage et de pêche et le BIT.",
            ["Chambre d'agriculture, d'élevage et de pêche", "BIT"],
        ),
        ("Organisé par l'OIT, d'une durée de trois jours, l'atelier réunit 40 inspecteurs.", ["OIT"]),
    ],
)
def test_a_french_name_goes_on_after_a_comma_with_its_next_topic(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Le ministère de l'Emploi, du Travail et de la Protection sociale et l'OIT organisent un atelier.",
            ["ministère de l'Emploi, du Travail et de la Protection sociale", "OIT"],
        ),
        (
            "El Ministerio de Trabajo, Empleo y Seguridad Social y la OIT organizan un foro.",
            ["Ministerio de Trabajo, Empleo y Seguridad Social", "OIT"],
        ),
        ("Le 5 mai, le BIT organise un atelier.", ["BIT"]),  # a date before the comma is no name
        ("El pasado lunes, la OIT organizó un taller.", ["OIT"]),
    ],
)
def test_a_subject_opening_with_le_or_el_is_a_name_unless_a_time_follows(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organized by the Workers and Employers Group of the Committee.",
            ["Workers and Employers Group of the Committee"],
        ),
        (
            "Organised by Employers and Workers Forum Sri Lanka and the ILO.",
            ["Employers and Workers Forum Sri Lanka", "ILO"],
        ),
        ("Organized by employers and the Ministry of Labour.", ["Ministry of Labour"]),  # a kind of body, then a body
    ],
)
def test_a_lone_kind_of_body_before_and_starts_a_longer_name(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organizado por el Ministerio de Trabajo y Previsión Social, Gobierno de Chile.",
            ["Ministerio de Trabajo y Previsión Social, Gobierno de Chile"],
        ),
        (
            "Organized by the Ministry of Labour, the Government of Nepal and the ILO.",
            ["Ministry of Labour", "Government of Nepal", "ILO"],  # with "the": a second organiser
        ),
    ],
)
def test_a_ministrys_government_after_a_comma_belongs_to_its_name(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("The workshop is organized by the ILO, UNDP, and UNICEF.", ["ILO", "UNDP", "UNICEF"]),
        (
            "Organized by the Ministry of Labor, the ILO, and the European Union.",
            ["Ministry of Labor", "ILO", "European Union"],
        ),
        ("The ILO, UNESCO, and the World Bank will host a forum on skills.", ["ILO", "UNESCO", "World Bank"]),
        (
            "Organizado por el Ministerio de Trabajo y Previsión Social, Gobierno de Chile, y la OIT.",
            ["Ministerio de Trabajo y Previsión Social, Gobierno de Chile", "OIT"],
        ),
        ("Organized by the ILO, and attended by 40 delegates.", ["ILO"]),  # a clause, not a name
    ],
)
def test_a_serial_comma_before_and_goes_on_with_the_list(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organisé par les Missions permanentes du Maroc et de la France auprès de l'Office des Nations Unies"
            " à Genève et l'OIT.",
            ["Missions permanentes du Maroc et de la France auprès de l'Office des Nations Unies à Genève", "OIT"],
        ),
        (
            "Organizado por la Misión Permanente de México ante las Naciones Unidas en Ginebra y la OIT.",
            ["Misión Permanente de México ante las Naciones Unidas en Ginebra", "OIT"],
        ),
        (
            "The Permanent Mission of Norway to the UN in Geneva will host a side event.",
            ["Permanent Mission of Norway to the UN in Geneva"],
        ),
        ("The ILO will present its report to the United Nations in New York.", []),
    ],
)
def test_where_a_mission_is_accredited_is_part_of_its_name(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("Convoca: Ministerio de Trabajo de Chile", ["Ministerio de Trabajo de Chile"]),
        ("Organiza: OIT y CEPAL", ["OIT", "CEPAL"]),
    ],
)
def test_convoca_and_organiza_are_labels_like_organizan(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Organisé par le Conseil économique, social et culturel et l'OIT.",
            ["Conseil économique, social et culturel", "OIT"],
        ),
        (
            "Organizado por el Consejo económico, social y ambiental y la OIT.",
            ["Consejo económico, social y ambiental", "OIT"],
        ),
    ],
)
def test_a_run_of_adjectives_after_a_comma_goes_on_the_name(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Hosted by the ILO Office for Nepal as well as the Nepal Rastra Bank.",
            ["ILO Office for Nepal", "Nepal Rastra Bank"],
        ),
        ("Organisé par le BIT ainsi que la Banque mondiale.", ["BIT", "Banque mondiale"]),
        ("Organizado por la OIT así como por el Banco Mundial.", ["OIT", "Banco Mundial"]),
    ],
)
def test_as_well_as_ainsi_que_and_asi_como_join_names(text, names):
    assert parse_organisers(text).names == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("Sous l'égide du Premier ministre, l'OIT organisera un forum national.", ["OIT"]),
        ("Bajo el patrocinio de la Presidencia de la República, la OIT organiza un foro.", ["OIT"]),
    ],
)
def test_a_fronted_patronage_in_french_or_spanish_is_no_organiser(text, names):
    assert parse_organisers(text).names == names


def test_acogido_por_names_its_host_as_accueilli_par_does():
    assert parse_organisers("Foro acogido por la Universidad de la República y la OIT.").names == [
        "Universidad de la República",
        "OIT",
    ]
