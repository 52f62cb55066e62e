"""Words that mark an organisation's name, shared by the credit and organiser parsers.

One list of institution words (English, French, Spanish) and the two patterns built
from it: photo credits add the words of picture agencies and media, organiser
sentences add the words of units and groups that host events. Then the words that
tell a name's parts apart: lower-case heads, places written with "the", people's titles,
a ministry and its units, programmes.
"""

from __future__ import annotations

import re

# Institutions in all three languages: "Ministry of Labour", "Bureau de l'OIT", "Oficina de la OIT".
INSTITUTION_WORDS: tuple[str, ...] = (
    "ministry",
    "ministère",
    "ministerio",
    "department",
    "office",
    r"organi[sz]ation",
    "agency",
    "union",
    "council",
    "committee",
    "federation",
    "association",
    "institute",
    "centre",
    "center",
    "bank",
    "government",
    "secretariat",
    "commission",
    "foundation",
    "university",
    "project",
    "programme",
    "program",
    "fund",
)

# Holders of a photo's rights that are not people: "© Made By Survivors", "© UNICEF/...", "© Reuters".
CREDIT_WORDS: tuple[str, ...] = (
    "news",
    "press",
    "media",
    "studio",
    "welfare",
    "labour",
    "labor",
    "social",
    "survivors",
    "photos?",
    "images",
    "pictures",
    "archives?",
    "unicef",
    "unesco",
    "ltd",
    "inc",
    "gmbh",
    r"s\.a\.",
    "reuters",
    "getty",
    "afp",
    "shutterstock",
)

# Bodies that host events: "Decent Work Technical Support Team", "Employers' Federation", "Oficina".
ORGANISER_WORDS: tuple[str, ...] = (
    "ministries",
    "institution",
    "chamber",
    "confederation",
    "confédération",
    "network",
    "red",
    "representation",
    "représentation",
    "representación",
    "authority",
    "unit",
    "alliance",
    "partnership",
    "forum",
    "group",
    "team",
    "service",
    "services",
    "embassy",
    "mission",
    "employers",
    "workers",
    r"trade\s+unions?",
    "bureau",
    "organisation",
    "projet",
    "agence",
    "syndicat",
    "gouvernement",
    "oficina",
    "organización",
    "programa",
    "proyecto",
    "agencia",
    "sindicato",
    "gobierno",
    "secrétariat",
    "secretaría",
    "direction",
    "dirección",
    "división",
    "division",
    "directorate",
    "cámara",
    "chambre",
    "confederación",
    "fédération",
    "federación",
    "asociación",
    "instituto",
    "institut",
    "fundación",
    "fondation",
    "universidad",
    "université",
    "consejo",
    "conseil",
    "comité",
    "comisión",
    "centro",
    "banco",
    "banque",
    "unión",
    "réseau",
    "superintendencia",
    "superintendence",
    "surintendance",
    "defensoría",
    "procuraduría",
    "contraloría",
    "alcaldía",
    "ayuntamiento",
    "municipalidad",
    "mairie",
    "municipality",
)


def words_pattern(*lists: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the words as a whole word.

    The words are grouped by their first letter ("m(?:inistry|inistère|...)"): the same
    words, but the regex engine tries one group at each word instead of every word (3x faster)."""
    groups: dict[str, list[str]] = {}
    for word in (w for words in lists for w in words):
        assert word[:1].isalpha(), word  # a plain first letter, so it can be taken out of the word
        groups.setdefault(word[0], []).append(word[1:])
    tree = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(r"\b(?:" + tree + r")\b", re.IGNORECASE)


# A credit's holder is an organisation when it holds one of these words.
CREDIT_ORG_WORDS = words_pattern(INSTITUTION_WORDS, CREDIT_WORDS)
# A part of an organiser list starts a new name when it holds one of these words.
ORG_HEAD = words_pattern(INSTITUTION_WORDS, ORGANISER_WORDS)

# Institution words written in lower case inside a name: "the ENHANCE project", "le ministère du Travail".
GENERIC_HEAD = re.compile(
    r"(?:project|programme|program|office|team|department|ministry|secretariat|unit|government|partners?|"
    r"organi[sz]ations?|programmes|projects|agencies|institutions?|ministère|bureau|gouvernement|ministerio|"
    r"oficina|gobierno|secrétariat|secretaría|projet|proyecto|programa)"
)
# Places written with "the", which go on a name rather than start one ("for Sri Lanka and the Maldives").
PLACE_WITH_THE = re.compile(
    r"^the\s+(?:Maldives|Philippines|Pacific|Caribbean|Gambia|Netherlands|Bahamas|Comoros|Seychelles|Congo|Sudan|"
    r"Arab\s+States|Americas|Middle\s+East|Gulf|Sahel|Balkans|Andes|Mekong|United\s+|Czech|Dominican|Central\s+African|"
    r"Marshall|Solomon|Cook|Horn|Region|Lao|Republic)\b"
)
# "Hosted by Ms Tomoko Nishimoto, ILO Assistant Director-General": people and their titles, not organisations.
# Written to start with a letter every match starts with (see organisers._ACRONYM): r"^(?:Mr|Ms|Mrs|Dr|H\.?E|M|Mme|
# Sr|Sra)\.?\s|\b(?:Director|Minister|Ambassador|President|Chair(?:person)?|Directeur|Directrice|[Mm]inistre|Ministro|
# Ministra|Directora|Presidente)\b", "^" as "(?<![\s\S]M)" after the letter, "\b" as "(?<!\wM)" (test_organisers).
PERSON_MARK = re.compile(
    r"M(?:(?<![\s\S]M)(?:r|s|rs|me)?\.?\s|(?<!\wM)inist(?:er|re|ro|ra)\b)"
    r"|D(?:(?<![\s\S]D)r\.?\s|(?<!\wD)irect(?:or|eur|rice|ora)\b)"
    r"|H(?<![\s\S]H)\.?E\.?\s|S(?<![\s\S]S)ra?\.?\s|m(?<!\wm)inistre\b|A(?<!\wA)mbassador\b"
    r"|P(?<!\wP)residente?\b|C(?<!\wC)hair(?:person)?\b"
)
# One name shared by two heads: "Decent Work Technical Support Team and Country Office for ...",
# "Équipe d'appui technique au travail décent et Bureau de pays de l'OIT pour ...".
SHARED_HEAD = (
    re.compile(r"\bTeam$|^(?:Équipe|Equipo)\b"),
    re.compile(r"^(?:(?:Country|Regional|Sub-?regional)\s+)?Office\b|^(?:Bureau|Oficina)\b"),
)
# "Department of Trade, Law Development Programme": a ministry's topic is this many words at most.
PARENT_TOPIC_MAX_WORDS = 2
# "Department of Trade, Law Development Programme": a unit of the ministry or department before it.
PARENT_BODY = re.compile(
    r"^(?:Ministry|Department|Ministère|Ministerio|Departamento)\s+(?:of|de|du|des|del)"
    rf"(?:\s+\S+){{1,{PARENT_TOPIC_MAX_WORDS}}}$"
)
# "Ministry of Labour and Employment, Government of Nepal": which government's ministry, not a second organiser.
MINISTRY = re.compile(r"^(?:Ministry|Ministère|Ministerio|Department|Departamento|Secretaría)\b", re.IGNORECASE)
OF_GOVERNMENT = re.compile(r"^(?:Government|Gouvernement|Gobierno)\s+(?:of|du|de|des|del|d['’])(?=\s|[A-ZÀ-Ý])")
# "Ministry of Human Resources and Emiratisation, UAE": a country's abbreviation after a ministry says where it is.
COUNTRY_ABBREVIATION = re.compile(r"^(?:UAE|USA|US|UK|DRC|KSA|ROK|PRC|PNG|BiH|RDC|EAU|RU|EEUU|RD)$")
# "Faculty of Law, University of Geneva", "Department of Employment, Ministry of Labour", "Institute for Research on
# Labor, University of California": a unit, then after a comma the university or ministry it belongs to: one name.
UNIT_OF = re.compile(
    r"^(?:Faculty|School|Department|Institute|Centre|Center|Faculté|École|Département|Institut|Facultad|Escuela"
    r"|Departamento|Instituto|Centro)\s+(?:of|for|de|du|des|del|d['’]|pour|para)(?=\s|[A-ZÀ-Ý])"
)
# "Région Bretagne", "Región de Murcia", "Province of Ontario": a region named by its capitalised name is its
# government, a body (only at a name's start: "for the Asia Region" is no head of a name).
REGION_BODY = re.compile(
    r"^(?:Région|Region|Región|Province|Provincia|Generalitat|Canton)\s+(?:(?:of|de|du|del|de\s+la)\s+)?[A-ZÀ-Ý]"
)
# A school or faculty: never a body of its own, even when an acronym closes its name.
FACULTY = re.compile(r"^(?:Faculty|School|Faculté|École|Facultad|Escuela)\s+(?:of|de|du|des|del|d['’])(?=\s|[A-ZÀ-Ý])")
PARENT_OF_UNIT = re.compile(r"^(?:University|Université|Universidad|Ministry|Ministère|Ministerio)\b")
# "City of Barcelona, Department of Employment", "Université de Liège, Faculté de droit": a city, a university or a
# government, then after a comma one of its departments or faculties: one name, the other way round.
OWNER_OF_UNIT = re.compile(
    r"^(?:City|Municipality|University|Government|Ville|Mairie|Municipalité|Université|Gouvernement|Ayuntamiento"
    r"|Municipalidad|Alcaldía|Universidad|Gobierno|Università)\s+(?:of|de|du|des|del|d['’]|degli|di)(?=\s|[A-ZÀ-Ý])"
)
UNIT_OF_OWNER = re.compile(
    r"^(?:Department|Faculty|School|Directorate|Division|Département|Faculté|École|Direction|Departamento|Facultad"
    r"|Escuela|Dirección|Concejalía|Secretaría|Subsecretaría)\s+(?:of|for|de|du|des|del|d['’]|pour|para)(?=\s|[A-ZÀ-Ý])"
)
# "Permanent Mission of Spain to the United Nations Office at Geneva": where a mission is accredited is part of
# its name, though "to", "at", "auprès" and "ante" open clauses elsewhere.
ACCREDITED_TO = re.compile(
    r"\b(?:to\s+the\s+(?:United\s+Nations|UN|WTO|World\s+Trade\s+Organization|European\s+Union|EU)"
    r"(?:\s+Office)?(?:\s+(?:at|in)\s+(?:Geneva|New\s+York|Vienna|Nairobi))?"
    r"|auprès\s+de\s+l['’](?:Office\s+des\s+Nations\s+Unies|ONU|OMC|Union\s+européenne)(?:\s+à\s+(?:Genève|New\s+York|Vienne))?"
    r"|ante\s+(?:la\s+Oficina\s+de\s+)?las\s+Naciones\s+Unidas(?:\s+en\s+(?:Ginebra|Nueva\s+York|Viena))?)\b"
)
# "Conseil économique, social et environnemental": a run of adjectives after a comma goes on the name.
ADJECTIVE = r"[a-zà-ÿ]+(?:al|ale|el|elle|ique|ico|ica|aire|ario|aria|if|ive|ivo|iva|ien|ienne)s?"
SUB_UNIT = re.compile(r"^(?:[A-Z][\w’'-]*\s+)+(?:Programme|Program|Division|Unit|Section|Directorate|Service)$")
# A programme or project: in brackets after a name it frames the event ("(Joint Programme on X)").
PROGRAMME_WORD = re.compile(r"\b(?:programmes?|programs?|projects?|projets?|proyectos?|programas?)\b", re.IGNORECASE)
# Abbreviations that end a name with a full stop ("MOLISA Legal Dept.").
ABBREVIATIONS = ("Dept.", "Inc.", "Ltd.", "Co.", "Corp.", "Govt.", "Univ.", "Assn.", "St.")


# Events: "will hold a seminar" and "workshops held by X" name organisers, "will hold consultations next week" not.
EVENT_NOUN = (
    r"(?:seminar|workshop|conference|forum|meeting|dialogue|training|webinar|session|event|launch|ceremony|"
    r"course|symposium|panel|round-?table|exhibition|fair|summit|congress|festival|campaign|consultation|lecture)s?\b"
)
EVENT_NOUN_ROMANCE = (
    r"(?:conférence|atelier|forum|réunion|séminaire|colloque|table\s+ronde|dialogue|session|événement|cérémonie"
    r"|sommet|congrès|formation|webinaire|rencontre|journée|conferencia|taller|foro|seminario|diálogo|encuentro"
    r"|evento|sesión|cumbre|congreso|conversatorio|jornada|ceremonia|curso|mesa\s+redonda|soirée|débat|manifestation|velada|charla)s?\b"
)
# Adverbs that may stand between the verb and "by": "organisé hier par", "organized jointly by".
ADVERB = (
    r"(?:(?:jointly|conjointement|conjuntamente|once\s+again|today|yesterday|recently|also|successfully|hier|aujourd'hui|"
    r"également|récemment|ayer|hoy|también|recientemente)\s+)?"
)
# Before "by" only (the verbs' patterns, tried at every space, stay short): "organised annually by".
ADVERB_BEFORE_BY = ADVERB.removesuffix(")\\s+)?") + (
    r"|annually|every\s+year|each\s+year|chaque\s+année|annuellement|anualmente|cada\s+año)\s+)?"
)


# How a list of names is read: words that join a name's parts, words a complete list never ends with,
# and words that open a clause after the names.
NAME_JOINERS = frozenset({"the", "and", "la", "le", "el", "y", "et", "l’", "l'", "&"})
# Lower-case words of German, Dutch, Portuguese and Italian names ("Kammer für Arbeiter und Angestellte", "Central
# Única dos Trabalhadores", "Università degli Studi di Milano"): inside an English sentence they go on a name, they
# open no English clause.
FOREIGN_NAME_WORDS = frozenset(
    {"für", "und", "der", "die", "das", "den", "zur", "zum", "von", "van", "voor", "het", "dos", "degli", "della", "di"}
)
LIST_ENDS = frozenset({"and", "or", "of", "for", "the", "et", "y", "de"})
CLAUSE_OPENERS = frozenset({"a", "an", "during", "to", "with", "at", "from", "since", "until", "after", "which"})
# "International Training Centre of the ILO in Turin": where it is, not part of its name.
# As r"(?<=\S)\s+(?:in|...", written to start with a space: the regex engine scans for one (test_organisers).
# "in Washington, D.C.", "in Geneva, Switzerland": a place may end with its state or country after a comma.
TRAILING_PLACE = re.compile(
    r"\s(?<=\S\s)\s*(?:in|at|en|à)\s+[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*(?:,\s+[A-ZÀ-Ý][\w’'.-]*)?\s*$"
)
# "La Oficina de la OIT en Costa Rica organizó": an office not named "for" a region, written before the verb (so
# not where the event met), is named by its city.
OFFICE_FIRST = re.compile(
    r"^(?:Office|Bureau|Oficina|Delegation|Délégation|Delegación|Embassy|Ambassade|Embajada|Representation"
    r"|Représentation|Representación)\b(?!.*\b(?:for|pour|para)\b)"
)
# "y la Comunidad Andina (CAN)", "and the East African Community": a community named with its article is a body (a
# regional one); "Ministry of Local Government and Community Development" names a topic.
COMMUNITY = re.compile(r"^(?:the|la|le|l['’]|el)\s*(?:[A-ZÀ-Ý][\w’'-]*\s+){0,3}(?:Community|Communauté|Comunidad)\b")
# "Université du Québec à Montréal (UQAM)": a city its acronym closes is part of the name, though "à Dakar" after
# "organisé par le Bureau de l'OIT" says where the event met.
CITY_BEFORE_ACRONYM = re.compile(r"(?<=\s)à\s+[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*\s*\([A-Z][A-Z0-9\-/&]+\)")
# "Réseau de recherche sur le travail et la protection sociale", "Red para el empleo y la formación": after a topic
# in lower case, "et"/"y" and a second topic (a singular article, at most two lower-case words) go on the name;
# "et les partenaires sociaux" does not.
TOPIC_END = re.compile(
    r"\b(?:sur|sobre|pour|para)\s+(?:(?:le|la|les|el|los|las)\s+|l['’])?[a-zà-ÿ][\w’'-]*(?:\s+[a-zà-ÿ][\w’'-]*)?$"
)
NEXT_TOPIC = re.compile(
    # "l'agriculture (FAO)": an acronym may close it
    r"^(?:(?:la|le|el)\s+|l['’])[a-zà-ÿ][\w’'-]*(?:\s+[a-zà-ÿ][\w’'-]*)?(?:\s*\ue000\d+\ue001)?$"
)
ACCREDITED_WORD = re.compile(r"\b(?:to the|auprès|ante)\s")  # no ACCREDITED_TO without one: skip it
ADJECTIVE_WORD = re.compile(ADJECTIVE)
# "Instituto de Relaciones Laborales y Recursos Humanos de la Universidad Complutense": after "y", a topic (capitals,
# no article) then "de la" and a body is the first name's second topic and its owner, not a second name.
TOPIC_OF_OWNER = re.compile(
    r"^[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*){0,3}\s+(?:of|de|du|des|del)(?:\s+(?:the|la|le|los|las)\s+|\s+|\s*l['’])"
)
# "Office for the European Union and the Benelux countries", "Bureau ... pour l'Union européenne et les pays du
# Benelux": the countries an office is for go on its name after "and", though "the" or "les" starts them.
OFFICE_FOR = re.compile(r"\b(?:Office|Bureau|Oficina)\b.*\s(?:for|pour|para)\s")
MORE_COUNTRIES = re.compile(
    r"^(?:the\s+(?:[A-Z][\w-]*\s+)+countries|les\s+pays\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*[A-ZÀ-Ý]"
    r"|los\s+países\s+(?:del?|de\s+la)\s+[A-ZÀ-Ý])"
)
