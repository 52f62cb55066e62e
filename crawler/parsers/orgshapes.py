"""The sentence shapes that name organisers, in English, French and Spanish: a label
("Organisers: ILO"), passive ("organized by"), "co-organised with", active ("will host"),
present tense and headlines ("ILO to host"), and the phrases that add partners
("in collaboration with"). Read by crawler.parsers.organisers."""

from __future__ import annotations

import re

from . import orgwords as ow
from .text import has_any

# "Le 12 juin, à Abidjan,": a place after a lead-in is this long at most ("Ciudad de Guatemala").
PLACE_MAX_CHARACTERS = 40
# "will hold a national tripartite seminar": the event's noun comes within this many words of the verb.
EVENT_NOUN_WINDOW = 3

# The bodies a label may name before or after its organiser word: "Host institution:", "Structures organisatrices :".
_LABEL_KIND = (
    r"(?:partners?|institutions?|organi[sz]ations?|bod(?:y|ies)|agenc(?:y|ies)|entit(?:y|ies)|committee|structures?"
    r"|organismes?|partenaires?|entités?|comité|entidad(?:es)?|instituci(?:ón|ones)|organismos?|organizaciones?"
    r"|socios?)"
)
EVENT_NOUN, ADVERB, BY_ADVERB = ow.EVENT_NOUN, ow.ADVERB, ow.ADVERB_BEFORE_BY
# "Event organiser:", "Organisateur de l'atelier :", "Organizadores del foro:": a label may name the event.
_LABEL_EVENT_BEFORE = rf"(?:{EVENT_NOUN}|{_LABEL_KIND})\s+"
_LABEL_EVENT_AFTER = rf"\s+(?:(?:of\s+the|de\s+la|de\s+l['’]|du|del|des)\s*{ow.EVENT_NOUN_ROMANCE}|{_LABEL_KIND})"
# "Organisers: ILO, UNDP" — a label and a list.
LABEL = re.compile(
    # "Comité d'organisation :", "Comité de organización:"
    # "Lead organiser:", "Convenor:", "Organisateur principal :", "Organizan conjuntamente:", "Entidad responsable:"
    rf"(?i)(?:^|(?<=[.;]\s))(?:{_LABEL_EVENT_BEFORE}(?:d['’]|de\s+)?)?(?:(?:lead|main)\s+)?(?:co-?)?(?:organi[sz]ers?"
    r"|organi[sz]ed by|organi[sz]ing|hosts?|hosted by|conven[eo]rs?|organisat(?:eur|rice)s?|organis[ée]e?s? par|hôtes?"
    r"|organi[sz]ation|organización|organizador(?:es|as?)?|organizad[oa]s? por|organizan?(?:\s+conjuntamente)?"
    rf"|convocantes?|convocan?|anfitri(?:ón|on|ones|onas?)|{_LABEL_KIND}\s+responsables?)"
    rf"(?:\s+principa(?:l|le|ux|les))?(?:{_LABEL_EVENT_AFTER})?\s*:\s*",
)
PASSIVE = re.compile(
    # "organised for trade union educators by A", "organisé pour les inspecteurs par A": an audience before "by".
    rf"(?i)\b(?:(?:jointly|co-?)\s*)?(?:organi[sz]ed|hosted|convened|co-?hosted|co-?organi[sz]ed)\s+"
    rf"(?:for\s+(?-i:[a-z])[^,.;:]{{0,60}}?\s+)?{BY_ADVERB}by\s*:?\s+"
    r"|\b(?:co-?)?organis[ée]e?s?\s+(?:(?:pour|à\s+l['’]intention\s+d(?:e|es|u))\s+(?-i:[a-zà-ÿ])[^,.;:]{0,60}?\s+)?"
    rf"{BY_ADVERB}par\s+|\baccueillie?s?\s+par\s+|\bacogid[oa]s?\s+por\s+"
    rf"|\b(?:co-?)?organizad[oa]s?\s+(?:para\s+(?-i:[a-zà-ÿ])[^,.;:]{{0,60}}?\s+)?{BY_ADVERB}por\s+"
    r"|\bconvocad[oa]s?\s+por\s+"
    rf"|{EVENT_NOUN}[^.;]*?\bheld\s+by\s+"  # "workshops for labour inspectors held by the CONMIGO Project"
    # "Lo organizan la OIT y la CEPAL": a pronoun for the event, then the verb, then its subjects.
    r"|^(?:lo|la|los|las)\s+(?:co-?)?(?:organiz(?:a|an|ó|aron|ará|arán)|convoc(?:a|an|ó|aron))\s+",
)
# Every PASSIVE match holds one of these ("workshops held by" too): a cheap test before the slow pattern.
PASSIVE_WORDS = ("organi", "host", "conven", "accueilli", "acogid", "convocad", "held")
PASSIVE_WORD = re.compile("|".join(PASSIVE_WORDS), re.IGNORECASE)
# Rarer passive shapes, tried only when a sentence holds one of PASSIVE_RARE_WORDS (the last is slow).
PASSIVE_RARE = re.compile(
    # "L'atelier, que co-organisent A et B,": an inverted relative, the names after the verb.
    r"(?i)\b(?:que\s+|qu['’])(?:co-?)?(?:organisent|organise|organiseront|organisera|accueillent|accueille|organizan"
    r"|organiza|organizarán|organizará)\s+(?=(?:l['’]|le\s|la\s|les\s|el\s|los\s|las\s)\s*(?-i:[A-ZÀ-Ý]))"
    # "organizado entre A y B" (organised jointly by), "Organización a cargo de A", "Organisation assurée par A".
    r"|\b(?:co-?)?organizad[oa]s?\s+entre\s+(?=(?:el|la|los|las)\s+(?-i:[A-ZÀ-Ý]))"
    # "La organización corre a cargo de A", "L'organisation est assurée conjointement par A".
    r"|\b(?:co-?)?organizaci[óo]n\s+(?:corre\s+|correrá\s+|está\s+|estará\s+)?a\s+cargo\s+del?\s+"
    rf"|\b(?:co-?)?organisation\s+(?:est\s+|sera\s+)?assurée\s+{BY_ADVERB}par\s+"
    # "Brought to you by A", "Hosted at the Palais des Nations by A": a venue between the verb and "by".
    r"|\bbrought\s+to\s+you\s+by\s+|\bhosted\s+at\s+(?-i:[A-Z]|the\s)[^,.;:]{0,60}?\s+by\s+"
    # "Un webinaire proposé par A" offers an event; "un thème proposé par les participants" names none.
    rf"|{ow.EVENT_NOUN_ROMANCE}\s+(?:\S+\s+){{0,2}}?(?:propos[ée]e?s?\s+par|propuest[oa]s?\s+por)\s+"
)
PASSIVE_RARE_WORDS = ("que", "qu'", "qu’", "entre", "cargo", "assurée", "propos", "propuest", "brought", "hosted at")
# "The organisers of the forum are A and B", "Les organisateurs sont A", "Los anfitriones del foro son A": a noun for
# who organises, then the names; "a joint initiative of A", "à l'initiative de A", "una iniciativa de A": whose
# initiative the event is organises it. A name (an article or a capital) must follow.
_NAME_NEXT = r"(?=(?:the|its|l['’]|le|la|les|el|los|las)?\s*(?-i:[A-ZÀ-Ý]))"
NAMED_AFTER = re.compile(
    # Each alternative starts a word with one of these letters: the engine tries the rest only there (3x faster).
    r"(?i)\b(?=[ohaiuàpc])(?:(?:co-?)?(?:organi[sz]ers?|hosts?|organisat(?:eur|rice)s?|hôtes?|organizador(?:es|as?)?"
    r"|anfitri(?:ón|ones|onas?))(?:\s+(?:of|de|du|des|del)\s+(?:the\s+|this\s+|la\s+|l['’]|le\s+|cette\s+|ce\s+"
    r"|este\s+|esta\s+)?[\w-]+)?\s+(?:are|is|were|was|will\s+be|sont|est|seront|sera|son|es|serán|será)\s+"
    # An initiative, not "the Minimum Wage Initiative of": "an initiative of", "à l'initiative de", "por iniciativa de".
    r"|(?:an?\s+(?:joint\s+)?initiative|(?:at|on)\s+the\s+initiative)\s+of\s+"
    # "A collaboration between A and B, the series ...": both organise it.
    r"|an?\s+collaboration\s+between\s+|une\s+collaboration\s+entre\s+|una\s+colaboración\s+entre\s+"
    r"|(?:une\s+initiative(?:\s+conjointe)?|[àa]\s+l['’]initiative(?:\s+conjointe)?)\s+(?:de\s+|du\s+|des\s+|d['’])"
    r"|(?:una\s+iniciativa(?:\s+conjunta)?|(?:por|a)\s+iniciativa)\s+(?:de\s+|del\s+)"
    rf"|an?\s+joint\s+{EVENT_NOUN}\s+(?:of|by)\s+|une?\s+(?:{ow.EVENT_NOUN_ROMANCE}|activités?)\s+conjointe?s?\s+(?:de\s+|du\s+|des\s+|d['’])"
    rf"|una?\s+(?:{ow.EVENT_NOUN_ROMANCE}|actividad(?:es)?)\s+conjunt[oa]s?\s+(?:de\s+|del\s+))" + _NAME_NEXT
)
# "an initiative of the OIF and of the ILO", "de l'OIF et du BIT", "de la OEI y de la OIT": the list repeats its "of".
REPEATED_OF = re.compile(
    r"\s(and|et|y)\s+(?:of\s+(?=the\s)|du\s+|des\s+|del\s+|de\s+(?=la\s|l['’])|d['’](?=[A-ZÀ-Ý]))(?=\S)"
)
# "A and B invite you to a symposium", "A vous invitent à une table ronde", "A los invitan a un foro": who invites to
# an event organises it ("vous invite à préparer votre voyage" names no event).
_EVENT_AFTER = rf"\s+(?:\S+\s+){{0,{EVENT_NOUN_WINDOW}}}?"
INVITE = re.compile(
    r"(?i)\s+(?:(?:cordially|are\s+pleased\s+to|is\s+pleased\s+to|are\s+delighted\s+to|is\s+delighted\s+to)\s+)?"
    rf"invites?\s+you\s+(?:all\s+)?(?:to|for){_EVENT_AFTER}{EVENT_NOUN}"
    rf"|\s+vous\s+(?:invite|convie)(?:nt)?\s+(?:à|au|aux){_EVENT_AFTER}{ow.EVENT_NOUN_ROMANCE}"
    rf"|\s+(?:(?:le|les|te|los|las)\s+)?invita(?:n)?\s+al?{_EVENT_AFTER}(?:{ow.EVENT_NOUN_ROMANCE}|lanzamiento)"
)
# Every shape below holds one of these.
TRIGGER_WORDS = (
    "organi",
    "host",
    "conven",
    "accueil",
    "convoc",
    "convoq",
    "hold",
    "held",
    "hôte",
    "anfitri",
    "acog",
    "initiati",
    "iniciativ",
    "invit",
    "realiz",
    "joint",
    "conjunt",
    "tiendr",
    "tienn",
    " tient",
    "celebr",
    "a cabo",
    "présente ",
    "présente,",
    "présentent",
    "presenta ",
    "presenta,",
    "presentan",
    "teaming up",
    "collaboration between",
    "collaboration entre",
    "colaboración entre",
    "proposé",
    "propuest",
    "convie",
    "responsable",
    "brought to you",
)
TRIGGER = re.compile("|".join(TRIGGER_WORDS), re.IGNORECASE)
# "co-organised with A": A is an organiser, and so is the sentence's subject when it is an organisation.
CO_WITH = re.compile(
    r"(?i)\b(?:co-?organi[sz]ed|co-?hosted|jointly\s+organi[sz]ed|organi[sz]ed\s+jointly)\s+with\s+"
    # "co-organisé(e)(s) avec": the participle; "co-organise avec l'OIT une conférence" is ACTIVE's.
    r"|\bco-?organisée?s?\s+avec\s+|\bco-?organizad[oa]s?\s+con\s+"
    # "la réunion, organisée avec l'OIT": with no "co-", a name must follow ("organised with the support of" names none)
    r"|\borgani[sz]ed\s+with\s+(?=(?:the\s+)?(?-i:[A-Z]))"
    r"|\borganisée?s?\s+avec\s+(?=(?:l['’]|le\s+|la\s+|les\s+)?(?-i:[A-ZÀ-Ý]))"
    r"|\borganizad[oa]s?\s+con\s+(?=(?:el\s+|la\s+|los\s+|las\s+)?(?-i:[A-ZÀ-Ý]))",
)
# Opening a sentence (matched there only): "Organised in cooperation with B", "Organisé en partenariat avec B" name B.
CO_WITH_OPENING = re.compile(
    r"(?i)organi[sz]ed\s+in\s+(?:close\s+)?(?:collaboration|cooperation|partnership|association)\s+with\s+"
    r"|organisée?s?\s+en\s+(?:étroite\s+)?(?:collaboration|coopération|partenariat|association)\s+avec\s+"
    r"|organizad[oa]s?\s+en\s+(?:estrecha\s+)?(?:colaboración|cooperación|coordinación|alianza|asociación)\s+con\s+",
)
# An event next: "un atelier", "una jornada", "l'atelier tripartite".
_EVENT_NEXT = rf"(?:un|une|la|le|l['’]|les|el|los|las|una|des|sa|son|ses|su|sus)\s*(?:\S+\s+)?{ow.EVENT_NOUN_ROMANCE}"
ACTIVE = re.compile(
    # "the Committee will convene to review" names no event, nor does "will hold consultations next week".
    rf"\s+(?:will|shall|is going to)\s+{ADVERB}(?:co-?)?(?:host|organi[sz]e"
    r"|convene(?!\s+(?:to|in|on|at|for|from|next)\b)|"
    rf"hold(?=(?:\s+\S+){{0,{EVENT_NOUN_WINDOW}}}?\s+{EVENT_NOUN}))\b"
    rf"|\s+(?:has|have|had)\s+{ADVERB}(?:co-?)?(?:organi[sz]ed|hosted|convened)\b(?!\s+(?:into|themselves|itself|around))"
    r"|\s+(?:has|have)\s+been\s+(?:co-?)?(?:organi[sz]ing|hosting|convening)\b"
    rf"|\s+(?:is|are)\s+{ADVERB}(?:co-?)?(?:organi[sz]ing|hosting|convening"
    rf"|holding(?=(?:\s+\S+){{0,{EVENT_NOUN_WINDOW}}}?\s+{EVENT_NOUN}))\b"
    rf"|\s+{ADVERB}(?:co-?)?(?:organi[sz]ed|hosted|convened)\s+(?=(?:a|an|the|two|three|its|their)\b)"
    # "L'OIT accueille (favorablement) la ratification" welcomes it: only the future "accueillera" hosts.
    rf"|\s+{ADVERB}(?:co-?)?(?:organisera|organiseront|organisent|organise|accueillera|accueilleront"
    r"|convoque|convoquent|organizará|organizarán|organiza|organizan|organizó|organizaron|convoca|convocan|convocó"
    # Spanish "acoge con beneplácito" welcomes: as in French, only the future "acogerá" hosts, or the present before
    # an event ("accueille la conférence", "acoge el foro").
    r"|acogerá|acogerán)\b"
    # "realizan el Foro Nacional": "realizar" holds an event, only before one ("realizó un estudio" holds none), and
    # not "se realizará un foro", which names no subject.
    r"|\s+(?<!\bse\s)(?:realiza|realizan|realizará|realizarán|realizó|realizaron)"
    rf"(?=\s+(?:el|la|los|las|un|una)\s+(?i:{ow.EVENT_NOUN_ROMANCE}))"
    # "accueille, le 4 octobre, la première réunion": a time may come between, a word before the event.
    rf"|\s+{ADVERB}(?:accueillent|accueille|acogen|acoge)(?=(?:,\s+(?:le|el|du|del|ce|cette|este|esta|avec|con|en)\s[^,]{{1,40}},)?"
    rf"\s+(?:la|le|l['’]|les|un|une|el|los|las|un|una)\s*(?:[\w’'-]+\s+)?{ow.EVENT_NOUN_ROMANCE})"
    rf"|\s+(?:a|ont)\s+{ADVERB}(?:co-?)?(?:organisé|accueilli(?!\s+(?:favorablement|avec)))\b"
    # "A will be the host of the forum", "A sera l'hôte de", "A será el anfitrión del encuentro": a host by its noun.
    r"|\s+(?:will\s+be|is|was|sera|est|était|será|es|fue)\s+(?:the|l['’]|el|la)\s*(?:co-?)?(?:host|hôte"
    r"|anfitri(?:ón|ona)|organi[sz]er|organisat(?:eur|rice)|organizador(?:a)?)\b",
)
# Rarer active verbs, tried only when a sentence holds one of ACTIVE_RARE_WORDS.
ACTIVE_RARE = re.compile(
    # "are teaming up to hold", "join forces to host": the subjects organise together.
    rf"\s+(?:(?:are|is|have|has|will)\s+)?{ADVERB}(?:team(?:s|ing|ed)?\s+up|join(?:s|ing|ed)?\s+forces)\s+to\s+"
    r"(?:co-?)?(?:organi[sz]e|host|hold|convene)\b"
    # "unissent leurs efforts pour organiser", "unen esfuerzos para organizar", "vuelve a organizar" (again).
    r"|\s+(?:unissent|unit|uniront|ont\s+uni)\s+leurs\s+efforts\s+pour\s+(?:co-?)?organiser\b"
    r"|\s+(?:unen|une|unieron|unió|unirán)\s+(?:sus\s+)?esfuerzos\s+para\s+(?:co-?)?organizar\b"
    r"|\s+(?:vuelve|vuelven|volverá|volverán)\s+a\s+(?:co-?)?organizar\b"
    # "tiendront du 2 au 4 avril un atelier": holding an event (a time may come between).
    rf"|\s+{ADVERB}(?:tiendra|tiendront|tient|tiennent)(?=(?:\s+\S+){{0,6}}?\s+{ADVERB}{_EVENT_NEXT})"
    # "celebrarán un diálogo", "llevarán a cabo un taller", "presentan, junto con C, una jornada": right before an
    # event ("presenta su informe en la conferencia" presents a report).
    rf"|\s+{ADVERB}(?:celebra|celebran|celebrará|celebrarán|celebró|celebraron|(?:lleva|llevan|llevará|llevarán"
    rf"|llevó|llevaron)\s+a\s+cabo|présente|présentent|presenta|presentan)(?=(?:,[^.;]{{1,120}}?,)?\s+{ADVERB}{_EVENT_NEXT})",
    re.IGNORECASE,
)
ACTIVE_RARE_WORDS = (
    "team",
    "forces",
    "tiendr",
    "tienn",
    " tient",
    "celebr",
    "a cabo",
    "présent",
    "presenta",
    "efforts",
    "esfuerzos",
    "vuelve",
    "volver",
)
# "A has teamed up with B to organise", "A s'associe à B pour organiser", "A se une a B para organizar": both organise.
JOINED = re.compile(
    r"(?i)\s+(?:(?:(?:has|have|had|will|is|are)\s+)?(?:teamed\s+up|teams?\s+up|joined\s+forces|joins?\s+forces"
    r"|partnered|partnering|partners?)\s+with"
    r"|(?:s['’]est\s+(?:associée?|alliée?)s?|s['’]associe(?:nt|ra|ront)?|s['’]allie(?:nt)?)\s+(?:à|au|aux|avec)(?=\s)"
    r"|se\s+(?:ha\s+|han\s+)?(?:unido|une|unen|unió|unieron|alía|alían|alió|aliado|asocia|asocian|asoció|asociado)"
    r"\s+(?:a|al|con)(?=\s)|(?:unió|unieron|une|unen|unirá|unirán)\s+(?:sus\s+)?esfuerzos\s+con)"
    r"(?P<partner>\s+[^.;]+?)\s+(?:to|pour|para)\s+(?:co-?)?(?:organi[sz]e|organiser|organizar|host|accueillir|acoger"
    r"|convene|convoquer|convocar|hold)\b"
)
# "A is co-hosting the dialogue with B", "A co-organise avec B une conférence": a co- verb's "with" names a partner,
# whose name ends where the verb's object starts ("une conférence").
CO_VERB = re.compile(r"(?i)\bco-?(?:host|organi)")
CO_VERB_WITH = re.compile(r"(?:[^,;.]*?\s)?(?:with|avec|con)\s+")
VERB_OBJECT = re.compile(r"\s+(?:a|an|une?|una?)\s+(?=[a-zà-ÿ])")
# Present tense and headlines ("UNICEF and the ILO convene ...", "ILO to host ..."): the subject must name
# an organisation, since "Experts convene ..." names none.
ACTIVE_PRESENT = re.compile(
    rf"\s+(?:to\s+)?{ADVERB}(?:co-?)?(?:hosts?|organi[sz]es?|convenes?)\s+(?!(?:its|their)\s+work|itself|around)(?=[\w“\"‘'])"
)
PARTNER = re.compile(
    r"(?i),?\s+\b(?:in\s+(?:close\s+)?(?:collaboration|coordination|cooperation|partnership|association|conjunction)\s+with"
    r"|together\s+with|jointly\s+with|along\s+with|en\s+(?:étroite\s+)?(?:collaboration|coopération|partenariat)\s+avec"
    r"|(?:conjointement|en\s+association|de\s+concert)\s+avec|in\s+concert\s+with|(?:junto|conjuntamente|en\s+conjunto)\s+con|junto\s+al?(?=\s)"
    r"|en\s+(?:estrecha\s+)?(?:colaboración|cooperación|coordinación|alianza|asociación)\s+con"
    # "with the collaboration of B", "avec la collaboration de B", "con la colaboración del B": as "in ... with"
    r"|with\s+the\s+(?:collaboration|cooperation)\s+of|avec\s+la\s+(?:collaboration|coopération)\s+d[eu]"
    r"|con\s+la\s+(?:colaboración|cooperación|coorganización)\s+del?"
    # "A, aux côtés de B, organisera", "A organiza, de la mano de B, el foro": B organises beside A.
    r"|aux\s+côtés\s+d(?:e|u|es)|de\s+la\s+mano\s+del?"
    # "A through the B", "A à travers le B", "A a través del B": B is the unit that organises for A.
    r"|through(?=\s+(?:the\s+|its\s+|their\s+)?(?:(?-i:[A-Z])|project|programme|program|office|unit))"
    r"|à\s+travers(?=\s+(?:le|la|les|l['’]|son|sa|ses)\b)"
    r"|par\s+l['’]intermédiaire\s+d[eu]|a\s+través\s+del?|por\s+medio\s+del?"
    # "A will host the forum, which it co-organises with B", "qu'il coorganise avec B", "que coorganiza con B"
    r"|(?:which\s+it|that\s+it|qu['’](?:il|elle)|que)\s+co-?(?:organi[sz]\w*|host\w*)\s+(?:with|avec|con))\s+",
)
# "A, with B, organised a training", "A, avec B, organise", "A, con B, organiza": a name (an article or a capital)
# after a bare "with" in an aside closed before the verb is a partner ("with the support of" starts in lower case).
ASIDE_PARTNER = re.compile(
    r",\s+(?:with|avec|con)\s+(?=(?:the\s+|l['’]|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+)?[A-ZÀ-Ý\ue000])(?P<partner>[^,]+)"
    r",\s*$"
)
# PARTNER tries its alternatives at every space of a text. Every match holds one of these words, which
# text.has_any rules out at a tenth of the cost (most descriptions hold none).
PARTNER_WORDS = ("with", "avec", "con", "junto", "through", "trav", "interm", "medio", "côtés", "mano")
PARTNER_WORD = re.compile("|".join(PARTNER_WORDS), re.IGNORECASE)


# Where the clause that lists names ends, and the lead-ins before a subject.
# ", to sensitize ..." ends the names; ", the National ...", ", du Travail", a serial comma's ", and the ILO" and a
# topic's next topic (", d'industrie et d'artisanat" after "Chambre de commerce") or adjectives (", social et
# environnemental") go on with them.
CLAUSE_AFTER_COMMA = (
    r",\s+(?=[a-z])(?!(?:(?:and|et|y)\s+)?(?:(?:by|par|por)\s+)?(?:the\s+|le\s+|la\s+|les\s+|l['’]|el\s+|los\s+|las\s+"
    r"|du\s+|des\s+"
    r"|de(?:\s+la|\s+l['’])?\s*|del\s+)?[A-ZÀ-Ý])"
    # ", d'industrie et", ", des études et des statistiques": a name's next lower-case topic
    r"(?!(?:d['’]|des\s+|du\s+|de\s+la\s+|de\s+l['’]|del\s+)[a-zà-ÿ]+(?:,|\s+(?:et|y|e)\s))"
    rf"(?!{ow.ADJECTIVE}\s+(?:et|y)\s+{ow.ADJECTIVE}\b)"
    r".*$"
)
# Where a name written after "by" stops: a trailing clause, not part of the name.
# As r"\s*,?\s+(?:led|...)\b.*$|" + CLAUSE_AFTER_COMMA, written to start with the character every match starts
# with (a space or a comma) and to check what came before after it: the regex engine scans for that character
# instead of trying the pattern at every position (test_organisers: the same matches).
NAME_END = re.compile(
    r"[\s,](?:(?:(?<=\s)\s*(?:,\s+)?|(?<=,)\s+)"
    r"(?:led|chaired|attended|with\s+(?:the\s+)?(?:support|funding|financial)"
    r"|under\s+the|as\s+part\s+of|on\s+(?:behalf|the\s+occasion)|from\s+\d|on\s+\d|in\s+\d|at\s+the\s+request)\b.*$"
    r"|(?<=,)" + CLAUSE_AFTER_COMMA.removeprefix(",") + ")",
)
# A lead-in, and the place that may follow it: "Le 12 juin, à Abidjan," "Del 3 al 5 de junio, en Lima,".
INTRO = re.compile(
    r"(?i)^(?:on|in|at|during|to|for|after|before|last|this|next|as|from|with|following|under|sous|bajo|tras|après|"
    r"en|à|dans|lors|pour|durante|con|avec|supported|funded|financed|sponsored|backed|"
    # "Le 5 mai," and "El pasado lunes," open with a time; "Le ministère de l'Emploi, du Travail ..." is a name.
    r"(?:le|el|du|del)(?=\s+(?:\d|1er|premier|dernier|pasado|próximo|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|mois|mes|año|semaine|semana)))\b[^,]*,\s*"
    rf"(?:(?:in|at|à|au|en)\s+(?-i:[A-ZÀ-Ý])[^,]{{0,{PLACE_MAX_CHARACTERS}}},\s*)?",
)
# "A, with the support of B and in cooperation with C": a support phrase, then a partner phrase joined to it by "and"
# or a comma: C is still A's partner.
SUPPORT_THEN_PARTNER = re.compile(
    r"(?i)^[\s,]*(?:with\s+(?:the\s+)?(?:\w+\s+)?(?:support|funding|assistance|help|backing)|with\s+funds"
    r"|avec\s+(?:l['’]|le\s+|la\s+)(?:appui|soutien|aide|concours|contribution)|grâce\s+au?"
    r"|con\s+(?:el\s+|la\s+)?(?:apoyo|financiamiento|financiación|contribución|asistencia|patrocinio)|gracias\s+al?"
    r"|(?:funded|supported|financed|sponsored)\s+by)\b[^.;:]*?(?:,|\s(?:and|et|y))\s*$"
)
# "A para los mandantes de la región, en colaboración con B": a purpose closed by a comma, then a partner phrase.
PURPOSE_THEN_PARTNER = re.compile(r"^\s+(?:for|pour|para)\s+(?-i:[a-zà-ÿ])[^.;:,]*,$")
SOFT_END = re.compile(r"(?:^|\s*,?\s+)(?:funded|supported|financed|sponsored)\s+by\b.*$")
ROMANCE_CLAUSE = re.compile(
    r"\s+(?:afin|avec|qui|que|lors|con|quien|quienes|durante|en\s+el\s+marco|dans\s+le\s+cadre|à|a\s+fin)\b.*$"
)
# "pour"/"para" open a clause only before a lower-case word ("pour les jeunes"), and
# never inside a name that starts with an institution ("Agence nationale pour l'emploi").
ROMANCE_PURPOSE = re.compile(
    r"\s+(?:pour|para|sur|sobre|dans)\s+(?!(?:le|la|les|l['’]|el|los|las|des|del|du)\s*[A-ZÀ-Ý])(?![A-ZÀ-Ý]).*$"
)
# The full stop's checks come after it: the pattern then starts with a literal, which the regex engine
# scans for (3x faster than trying the look-behinds at every character).
_FULL_STOP = r"\.(?<!Dept\.)(?<!Inc\.)(?<!Ltd\.)(?<!\b[A-Z]\.)(?=\s|$)"
SENTENCE_END = re.compile(r"[;:]|" + _FULL_STOP)
# A label's list ends at a full stop or the next label; a semicolon, a spaced slash or dash, a pipe or a bullet cuts
# it into items ("Organizers: ILO; UNDP", "ILO / UNICEF", "A | B", "A — B", "Organized by: • A • B"); "ILO/Japan" and
# "CSI-Afrique" stay one name.
LABEL_END = re.compile(r":|" + _FULL_STOP)
LABEL_ITEM = re.compile(r"\s*(?:[;•·▪●|]|\s[/—–](?=\s))\s*")
# A news dateline before the subject: "Geneva, 12 March 2025 – ", "GENÈVE (BIT Infos) – ": a place, then a date or a
# source in brackets (hidden as a mark), then a dash ("ILO – UNDP Joint Programme" keeps its name).
DATELINE = re.compile(
    r"^[A-ZÀ-Ý][\w’'.-]*(?:\s+[A-ZÀ-Ý][\w’'.-]*){0,2}"
    r"(?:\s*\ue000\d+\ue001|,\s+[^–—,]{0,20}\d[^–—,]{0,20})\s+[–—]\s+(?=\S)"
)
# "A organise, avec B, un atelier": a partner in an aside right after the verb.
VERB_ASIDE_PARTNER = re.compile(
    r",\s+(?:with|avec|con)\s+(?P<partner>(?:the\s+|l['’]|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+)?[A-ZÀ-Ý\ue000][^,]*),"
)
_PASSIVE_RARE_WORD = re.compile("|".join(PASSIVE_RARE_WORDS), re.IGNORECASE)
_ACTIVE_RARE_WORD = re.compile("|".join(ACTIVE_RARE_WORDS), re.IGNORECASE)


def rare_passive(sentence: str) -> re.Match[str] | None:
    return PASSIVE_RARE.search(sentence) if has_any(sentence, PASSIVE_RARE_WORDS, _PASSIVE_RARE_WORD) else None


def active_verb(sentence: str) -> re.Match[str] | None:
    """The first active verb: ACTIVE's, or a rarer one written before it ("join forces to organise")."""
    verb = ACTIVE.search(sentence)
    rare = ACTIVE_RARE.search(sentence) if has_any(sentence, ACTIVE_RARE_WORDS, _ACTIVE_RARE_WORD) else None
    return rare if rare and (not verb or rare.start() < verb.start()) else verb
