"""Organisers named in ILO event and news descriptions, in English, French and Spanish.

Each case is (description, expected names); [] where the description names no organiser.
Sentences marked "real" are copied (some cut short) from real ILO listing pages kept in the
project's reference texts; the others are modelled closely on the wording of ILO event and
news listings in English, French and Spanish. benchmarks/organisers.py scores the same
table, with the labelled fixture pages, and lists what it misses.
"""

import time

import pytest

from crawler.parsers.organisers import parse_organisers

# A name may hold "and", "&" or a comma.
NAMES_WITH_AND = [
    (
        (
            "The workshop is organized by the ILO Decent Work Technical Support Team and Country Office for "
            "Eastern and Southern Africa."
        ),
        ["ILO Decent Work Technical Support Team and Country Office for Eastern and Southern Africa"],
    ),
    (
        (
            "Jointly organized by the ILO Decent Work Technical Support Team and Office for the Caribbean and the"
            " Caribbean Employers' Confederation."
        ),
        ["ILO Decent Work Technical Support Team and Office for the Caribbean", "Caribbean Employers' Confederation"],
    ),
    ("Organized by the Decent Work Team and Office for the Region.", ["Decent Work Team and Office for the Region"]),
    (
        "The forum is organised by the Ministry of Planning & Development and the ILO.",
        ["Ministry of Planning & Development", "ILO"],
    ),
    (
        (
            "Organized by the Federation of Pakistan Chambers of Commerce & Industry (FPCCI) with support from "
            "the ILO."
        ),
        ["Federation of Pakistan Chambers of Commerce & Industry (FPCCI)"],
    ),
    (
        "The training is organized by the Department of Trade, Law Development Programme (LDP) and the ILO.",
        ["Department of Trade, Law Development Programme (LDP)", "ILO"],
    ),
    (
        "Hosted by the Department of Trade, Law Development Programme (LDP).",
        ["Department of Trade, Law Development Programme (LDP)"],
    ),
    (
        (
            "The consultation was organized by the Ministry of Labour, Invalids and Social Affairs (MOLISA) and "
            "the ILO."
        ),
        ["Ministry of Labour, Invalids and Social Affairs (MOLISA)", "ILO"],
    ),
    (
        (
            "Hosted by the Ministry of Women, Children and Social Welfare and the ILO Office for Pacific Island "
            "Countries."
        ),
        ["Ministry of Women, Children and Social Welfare", "ILO Office for Pacific Island Countries"],
    ),
    (
        (
            "The event is co-organised by the Ministry of Commerce, Consumer, Trade, Innovation and Labour "
            "(MCCTIL) and the ILO."
        ),
        ["Ministry of Commerce, Consumer, Trade, Innovation and Labour (MCCTIL)", "ILO"],
    ),
    (
        (
            "Jointly organized by the ILO/China Partnership Programme and Ministry of Labour and Social Welfare "
            "of Lao People's Democratic Republic"
        ),
        [
            "ILO/China Partnership Programme",
            "Ministry of Labour and Social Welfare of Lao People's Democratic Republic",
        ],
    ),  # real
    (
        "The high-level forum was organized by the Government of Norway and the Financial Times.",
        ["Government of Norway", "Financial Times"],
    ),
    (
        (
            "Co-organized by the International Labour Standards Department (NORMES) and the International "
            "Training Centre of the ILO (ITCILO), the webinar prepares constituents for the General Survey."
        ),
        ["International Labour Standards Department (NORMES)", "International Training Centre of the ILO (ITCILO)"],
    ),
    (
        (
            "A seminar organized by the Employers' Federation of Ceylon, the National Trade Union Federation and "
            "the ILO."
        ),
        ["Employers' Federation of Ceylon", "National Trade Union Federation", "ILO"],
    ),
    (
        (
            "Atelier organisé par le Bureau de pays de l'OIT pour Madagascar, les Comores, Maurice et les "
            "Seychelles."
        ),
        ["Bureau de pays de l'OIT pour Madagascar, les Comores, Maurice et les Seychelles"],
    ),
    (
        (
            "Séminaire organisé par le Bureau de pays de l'OIT pour l'Algérie, la Libye, le Maroc, la Mauritanie "
            "et la Tunisie."
        ),
        ["Bureau de pays de l'OIT pour l'Algérie, la Libye, le Maroc, la Mauritanie et la Tunisie"],
    ),
    (
        (
            "Le séminaire est organisé par le ministère de l'Emploi, du Travail et de la Protection sociale et le"
            " BIT."
        ),
        ["ministère de l'Emploi, du Travail et de la Protection sociale", "BIT"],
    ),
    (
        "Organisé par la Chambre de commerce & d'industrie du Cameroun et l'OIT.",
        ["Chambre de commerce & d'industrie du Cameroun", "OIT"],
    ),
    (
        (
            "Taller organizado por la Oficina de País de la OIT para Costa Rica, El Salvador, Guatemala, "
            "Honduras, Nicaragua, Panamá y República Dominicana."
        ),
        [
            (
                "Oficina de País de la OIT para Costa Rica, El Salvador, Guatemala, Honduras, Nicaragua, Panamá "
                "y República Dominicana"
            ),
        ],
    ),
    (
        "El seminario fue organizado por el Ministerio de Trabajo, Empleo y Seguridad Social y la OIT.",
        ["Ministerio de Trabajo, Empleo y Seguridad Social", "OIT"],
    ),
    (
        "Organizado por la Oficina Regional de la OIT para América Latina y el Caribe.",
        ["Oficina Regional de la OIT para América Latina y el Caribe"],
    ),
    (
        "Foro organizado por la Cámara de Comercio & Industria de Guatemala y la OIT.",
        ["Cámara de Comercio & Industria de Guatemala", "OIT"],
    ),
]

# "and" inside parentheses or quotes does not cut a name.
AND_IN_BRACKETS = [
    (
        (
            "The validation workshop is organized by the ILO (Dakar and SECTOR) in collaboration with the "
            "Ministry of Fisheries."
        ),
        ["ILO (Dakar and SECTOR)", "Ministry of Fisheries"],
    ),
    (
        "Jointly organised by the ILO (Dakar and Sector) and the Ministry of Labour of Senegal.",
        ["ILO (Dakar and Sector)", "Ministry of Labour of Senegal"],
    ),
    (
        (
            "The launch is organised by the ILO project 'Skills and Jobs for Youth' and the Ministry of "
            "Education."
        ),
        ["ILO project 'Skills and Jobs for Youth'", "Ministry of Education"],
    ),
    (
        (
            "Hosted by the project “Decent Work in the Garment Sector Supply Chains in Asia” and the Ministry of "
            "Labour."
        ),
        ["project “Decent Work in the Garment Sector Supply Chains in Asia”", "Ministry of Labour"],
    ),
    (
        (
            "The dialogue is organized by the Better Work programme (ILO and IFC) and the Garment Manufacturers "
            "Association."
        ),
        ["Better Work programme (ILO and IFC)", "Garment Manufacturers Association"],
    ),
    (
        (
            "Atelier organisé par le projet « Emplois et compétences pour les jeunes » et le ministère de la "
            "Jeunesse."
        ),
        ["projet « Emplois et compétences pour les jeunes »", "ministère de la Jeunesse"],
    ),
    (
        "Le forum est organisé par le BIT (Bureau de Dakar et Département des politiques sectorielles).",
        ["BIT (Bureau de Dakar et Département des politiques sectorielles)"],
    ),
    (
        "El taller fue organizado por el proyecto “Empleo y Juventud” de la OIT y el Ministerio de Trabajo.",
        ["proyecto “Empleo y Juventud” de la OIT", "Ministerio de Trabajo"],
    ),
    (
        "Organizado por la OIT (Oficina de Lima y Departamento de Políticas de Empleo).",
        ["OIT (Oficina de Lima y Departamento de Políticas de Empleo)"],
    ),
]

# "A through the B": both organise.
THROUGH = [
    (
        "The ILO, through the ENHANCE Project, will organize a national workshop on child labour.",
        ["ILO", "ENHANCE Project"],
    ),
    (
        (
            "The workshop is organized by the Government of Timor-Leste through the Secretariat of State for "
            "Vocational Training and Employment Policy (SEPFOPE)."
        ),
        ["Government of Timor-Leste", "Secretariat of State for Vocational Training and Employment Policy (SEPFOPE)"],
    ),
    ("Organized by the ILO through the Better Work Viet Nam programme.", ["ILO", "Better Work Viet Nam programme"]),
    (
        (
            "The ILO through its Ship to Shore Rights South-East Asia Programme is organizing a regional dialogue"
            " on fishers."
        ),
        ["ILO", "Ship to Shore Rights South-East Asia Programme"],
    ),
    ("The seminar was organised by the ILO through a series of online sessions.", ["ILO"]),
    (
        "Le BIT, à travers le projet PROSPECTS, organise un atelier de validation à Abidjan.",
        ["BIT", "projet PROSPECTS"],
    ),
    (
        "L'atelier est organisé par le gouvernement du Niger à travers le ministère de l'Emploi.",
        ["gouvernement du Niger", "ministère de l'Emploi"],
    ),
    ("El taller es organizado por la OIT a través del proyecto Empleo Juvenil.", ["OIT", "proyecto Empleo Juvenil"]),
    (
        "La OIT, a través de su Oficina para los Países Andinos, organiza un foro sobre empleo juvenil.",
        ["OIT", "Oficina para los Países Andinos"],
    ),
]

# A programme named in parentheses is the event's frame, not an organiser.
PROGRAMME_IN_BRACKETS = [
    ("The training is organized by the ILO (under the Skills for Prosperity Programme) for TVET instructors.", ["ILO"]),
    ("Jointly organized by the ILO and UNICEF (Joint Programme on Social Protection).", ["ILO", "UNICEF"]),
    ("Hosted by the Ministry of Labour (with support from the ILO's PROSPECTS programme).", ["Ministry of Labour"]),
    (
        (
            "The ILO and the Ministry of Manpower (Skills Development Project) will host a national dialogue on "
            "apprenticeships."
        ),
        ["ILO", "Ministry of Manpower"],
    ),
    (
        (
            "Atelier organisé par le ministère du Travail (dans le cadre du Programme pays de promotion du "
            "travail décent)."
        ),
        ["ministère du Travail"],
    ),
    ("Organisé par l'OIT et l'UNICEF (Programme conjoint sur la protection sociale).", ["OIT", "UNICEF"]),
    (
        "Organizado por la OIT y el Ministerio de Trabajo (Programa de Empleo Juvenil).",
        ["OIT", "Ministerio de Trabajo"],
    ),
    ("El taller fue organizado por la OIT (en el marco del proyecto Empleo Verde).", ["OIT"]),
]

# Organisers named only as the subject of an active sentence.
ACTIVE = [
    ("UNICEF and the ILO convene a regional consultation on child labour in agriculture.", ["UNICEF", "ILO"]),
    ("ILO to host regional forum on green jobs for youth", ["ILO"]),
    ("ILO and ADB to co-host a webinar on skills for the future of work", ["ILO", "ADB"]),
    (
        "The ILO co-organised with the Ministry of Manpower a national dialogue on social protection.",
        ["ILO", "Ministry of Manpower"],
    ),
    (
        (
            "This webinar, co-organized with the International Training Centre of the ILO, will discuss skills "
            "recognition for migrant workers."
        ),
        ["International Training Centre of the ILO"],
    ),
    (
        (
            "The ILO’s Bureau for Workers’ Activities (ACTRAV) will organize the launch of the new edition of the"
            " International Journal of Labour Research on 11 December."
        ),
        ["ILO’s Bureau for Workers’ Activities (ACTRAV)"],
    ),
    (
        (
            "The European Commission (EC) together with the International Labour Organization (ILO) are "
            "organizing a conference on domestic workers and their safety and health at work in Brussels."
        ),
        ["European Commission (EC)", "International Labour Organization (ILO)"],
    ),
    (
        (
            "The ILO and the African Union Commission, in collaboration with IOM, are organizing the Africa "
            "Labour Migration Conference."
        ),
        ["ILO", "African Union Commission", "IOM"],
    ),
    (
        "The ILO Office for Pacific Island Countries hosts a regional meeting on labour mobility in Suva.",
        ["ILO Office for Pacific Island Countries"],
    ),
    ("ILO organizes training on labour inspection for Sindh", ["ILO"]),
    (
        (
            "The Ministry of Labour, in cooperation with the ILO, organized a training of newly appointed labour "
            "inspectors."
        ),
        ["Ministry of Labour", "ILO"],
    ),
    (
        (
            "The training was organised by the Ministry of Labour, in cooperation with the ILO, to make newly "
            "appointed labour inspectors aware of trafficking and forced labour."
        ),
        ["Ministry of Labour", "ILO"],
    ),
    (
        (
            "This course, organized by the International Training Centre of the ILO in Turin, trains participants"
            " to identify and investigate forced labour cases."
        ),
        ["International Training Centre of the ILO"],
    ),
    (
        (
            "ILO’s TRIANGLE in ASEAN programme is organizing an event for International Migrants Day with the "
            "theme “Towards stronger and resilient communities through effective protection of the Rights of All "
            "Migrant Workers”."
        ),
        ["ILO’s TRIANGLE in ASEAN programme"],
    ),  # real
    ("L'OIT et le PNUD organisent un atelier sur l'emploi des jeunes à Dakar.", ["OIT", "PNUD"]),
    ("Le BIT organise une formation sur l'inspection du travail.", ["BIT"]),
    ("L'OIT accueillera la réunion régionale africaine à Abidjan.", ["OIT"]),
    (
        (
            "Le Bureau de pays de l'OIT pour le Sénégal, en collaboration avec le ministère du Travail, "
            "organisera un atelier tripartite."
        ),
        ["Bureau de pays de l'OIT pour le Sénégal", "ministère du Travail"],
    ),
    (
        (
            "Un atelier de formation organisé par le Bureau sous-régional de l'OIT pour l'Afrique du Nord à "
            "Tunis."
        ),
        ["Bureau sous-régional de l'OIT pour l'Afrique du Nord"],
    ),
    (
        "Atelier co-organisé avec l'Organisation internationale des employeurs (OIE).",
        ["Organisation internationale des employeurs (OIE)"],
    ),
    ("Le séminaire, organisé par le Bureau de l'OIT à Yaoundé, réunit les mandants tripartites.", ["Bureau de l'OIT"]),
    (
        "La OIT y el Ministerio de Trabajo organizan un taller sobre inspección laboral.",
        ["OIT", "Ministerio de Trabajo"],
    ),
    ("La OIT convoca a una reunión tripartita sobre el futuro del trabajo.", ["OIT"]),
    (
        "Seminario co-organizado con la Organización Iberoamericana de Seguridad Social (OISS).",
        ["Organización Iberoamericana de Seguridad Social (OISS)"],
    ),
    (
        "Encuentro organizado por la Oficina de la OIT para los Países Andinos en Lima.",
        ["Oficina de la OIT para los Países Andinos"],
    ),
    (
        (
            "El encuentro, organizado por la Oficina de la OIT para el Cono Sur, reunió a representantes de "
            "gobiernos."
        ),
        ["Oficina de la OIT para el Cono Sur"],
    ),
    (
        (
            "La actividad, convocada por el Ministerio de Trabajo, Empleo y Seguridad Social de Argentina con el "
            "apoyo de la OIT, contará con representantes de gobiernos."
        ),
        ["Ministerio de Trabajo, Empleo y Seguridad Social de Argentina"],
    ),
]

# Sentences that name no organiser: a wrong organiser is worse than none.
NONE = [
    (
        (
            "ILO and IGAD secretariat provided a five-day training for Labour Attachés and consular officials of "
            "IGAD member states."
        ),
        [],
    ),  # real
    (
        (
            "The Government of Timor-Leste, with support from the ILO, conducted a two day Seminar for the "
            "Development of the National Social Protection Strategy in Timor-Leste in October."
        ),
        [],
    ),  # real
    (
        (
            "On July 17, the Government, through the Secretary of State for Vocational Training and Employment "
            "Policy (SEPFOPE), with the support of the Office of the Minister of State, Economic Affairs "
            "Coordinator (MECAE) and the International Labour Organization (ILO), launched the \"National "
            "Employment Strategy\" (NES) program for the period 2017-2030."
        ),
        [],
    ),  # real
    (
        (
            "The ILO and the China Enterprise Confederation (CEC) have signed an agreement to build capacity for "
            "CEC's Consulting and Training Centre."
        ),
        [],
    ),  # real
    ("ILO joined UNDP in Viet Nam in launching the Youth Leaders Incubator Programme (YLIP) 2023.", []),  # real
    ("Ethiopia marks 100 years of ILO membership with a National Labour Conference.", []),
    ("The research received financial support from the ILO/Korea Partnership Programme.", []),  # real
    (
        (
            "The ILO’s Ship to Shore Rights South-East Asia Programme supports the two-day public dialogues to "
            "improve services and protection of Indonesian migrant workers."
        ),
        [],
    ),  # real
    ("ILO to launch report on youth employment trends in Asia", []),
    ("ILO to support Myanmar in labour law reform", []),
    ("UNICEF and the ILO call for an end to child labour in supply chains.", []),
    ("Ministers convene in Geneva for the International Labour Conference.", []),
    ("Experts convene to discuss the future of social protection.", []),
    ("The report was launched by the ILO and UNDP in Hanoi.", []),
    ("The event is sponsored by the Government of Japan.", []),
    ("Participants organized themselves into working groups to discuss priorities.", []),
    ("The ILO and host countries discuss fair recruitment of migrant workers.", []),
    ("The workshop will be held in Vientiane and will bring together government officials and social partners.", []),
    ("Workers in the informal economy are less organized and rarely covered by social security.", []),
    ("Le rapport est publié par le BIT et présente les tendances de l'emploi.", []),
    ("Ce webinaire est le premier d'une série organisée en ligne.", []),
    ("Les ministres du Travail se réunissent à Abidjan.", []),
    ("L'OIT salue la ratification de la convention n° 190 par le Sénégal.", []),
    ("El informe fue presentado por la OIT en Lima.", []),
    ("Una serie de seminarios web organizados en toda la región.", []),
    ("La OIT apoya al gobierno en la reforma de la legislación laboral.", []),
    ("Host communities in Lebanon face growing pressure on jobs and services.", []),
    ("The ILO supports host countries in integrating refugees into the labour market.", []),
    ("Domestic workers are organizing to claim their rights in Hong Kong.", []),
    ("Informal workers in Ghana have organized into associations to access social protection.", []),
    ("Employers' organizations hold the key to productivity growth, says a new ILO report.", []),
    ("The minimum wage will hold at its current level until 2025.", []),
    ("Stakeholders called for better coordination of labour inspection.", []),
    ("The Government hosted 2,000 refugees in temporary shelters last year.", []),
    ("Trade union leaders convened at the ITUC headquarters on Monday.", []),
    ("The conference will be organized in three thematic sessions.", []),
    ("Unions organised a strike at the port of Colombo.", []),
    ("La OIT acoge con satisfacción la ratificación del Convenio 190 por Argentina.", []),
    ("L'OIT accueille favorablement la ratification de la convention n° 189 par le Maroc.", []),
    ("Los trabajadores se organizan en cooperativas para acceder a mercados.", []),
    ("Les travailleurs domestiques s'organisent pour défendre leurs droits.", []),
    ("The ILO welcomes the decision of the Government to host the regional meeting.", []),
    ("Workers' organizations held a rally for a higher minimum wage.", []),
    ("The ILO is organized around four strategic objectives.", []),
    ("Households headed by women are more likely to be poor.", []),
]

# More of each shape, mixed, written before the parser was tuned to them.
MIXED = [
    (
        (
            "The ILO, through the BRMM, FAIRWAY and JLMP LEAD projects, is organizing a regional training on "
            "social protection for migrant workers."
        ),
        ["ILO", "BRMM", "FAIRWAY", "JLMP LEAD projects"],
    ),
    (
        (
            "The ILO and the African Union Commission, in collaboration with the International Organization for "
            "Migration, will host the conference."
        ),
        ["ILO", "African Union Commission", "International Organization for Migration"],
    ),
    (
        "The ILO Regional Office for Asia and the Pacific will host a regional tripartite meeting in Bangkok.",
        ["ILO Regional Office for Asia and the Pacific"],
    ),
    (
        "Jointly organised by the ILO Regional Office for Arab States and the Arab Labour Organization.",
        ["ILO Regional Office for Arab States", "Arab Labour Organization"],
    ),
    (
        "The conference is organized by the ILO and the Government of the Philippines.",
        ["ILO", "Government of the Philippines"],
    ),
    (
        "Hosted by the Ministry of Labour and Employment and the Bangladesh Employers' Federation.",
        ["Ministry of Labour and Employment", "Bangladesh Employers' Federation"],
    ),
    ("The forum was co-hosted by the ILO and the Asian Development Bank.", ["ILO", "Asian Development Bank"]),
    (
        (
            "Organized by the ILO's Sectoral Policies Department, the workshop brings together experts from 12 "
            "countries."
        ),
        ["ILO's Sectoral Policies Department"],
    ),
    (
        "The ILO Country Office for Indonesia and Timor-Leste is organizing a national seminar on skills.",
        ["ILO Country Office for Indonesia and Timor-Leste"],
    ),
    (
        (
            "The Better Work programme, a partnership between the ILO and IFC, will host its annual stakeholder "
            "forum."
        ),
        ["Better Work programme"],
    ),
    (
        (
            "The meeting will be hosted by the Government of Fiji, with support from the ILO and the European "
            "Union."
        ),
        ["Government of Fiji"],
    ),
    ("ILO, UNDP and UN Women to host joint webinar on the care economy", ["ILO", "UNDP", "UN Women"]),
    ("The National Tripartite Committee will convene to review the draft labour code.", []),
    (
        (
            "The seminar is organised by the ILO in partnership with the Ministry of Labour and Social Security "
            "and the Zimbabwe Congress of Trade Unions."
        ),
        ["ILO", "Ministry of Labour and Social Security", "Zimbabwe Congress of Trade Unions"],
    ),
    (
        (
            "A validation workshop organized by the Ministry of Labour, Employment and Social Protection with "
            "technical support from the ILO."
        ),
        ["Ministry of Labour, Employment and Social Protection"],
    ),
    (
        "Le BIT et l'Union européenne organisent un séminaire régional sur les migrations de main-d'œuvre.",
        ["BIT", "Union européenne"],
    ),
    (
        (
            "Organisé par le ministère de la Fonction publique, du Travail et de la Protection sociale, en "
            "partenariat avec le BIT."
        ),
        ["ministère de la Fonction publique, du Travail et de la Protection sociale", "BIT"],
    ),
    (
        "L'atelier est co-organisé par l'OIT et l'Organisation mondiale de la santé (OMS).",
        ["OIT", "Organisation mondiale de la santé (OMS)"],
    ),
    (
        (
            "Le Centre international de formation de l'OIT organisera une formation en ligne sur le dialogue "
            "social."
        ),
        ["Centre international de formation de l'OIT"],
    ),
    ("Une formation organisée à Dakar pour les inspecteurs du travail.", []),
    ("Le rapport a été présenté lors d'un atelier à Abidjan.", []),
    ("La OIT y la CEPAL organizan un seminario sobre el empleo en América Latina.", ["OIT", "CEPAL"]),
    (
        (
            "El foro fue organizado por la Oficina de la OIT para México y Cuba y la Secretaría del Trabajo y "
            "Previsión Social."
        ),
        ["Oficina de la OIT para México y Cuba", "Secretaría del Trabajo y Previsión Social"],
    ),
    (
        "Organizado conjuntamente por la OIT y el Ministerio de Trabajo, Empleo y Seguridad Social.",
        ["OIT", "Ministerio de Trabajo, Empleo y Seguridad Social"],
    ),
    ("La OIT organizará un taller sobre seguridad y salud en el trabajo en Bogotá.", ["OIT"]),
    ("Los trabajadores organizados en sindicatos tienen mejores salarios.", []),
    ("El informe será presentado por la OIT y la CEPAL.", []),
    (
        "Taller organizado por la OIT a través del proyecto “Trabajo decente para los jóvenes y las mujeres”.",
        ["OIT", "proyecto “Trabajo decente para los jóvenes y las mujeres”"],
    ),
    ("The ILO has organized a series of webinars for employers and workers' organizations.", ["ILO"]),
    ("Workers' and employers' organizations will hold consultations next week.", []),
    (
        (
            "The study tour was organised by the ILO’s Bureau for Employers’ Activities (ACT/EMP) and the "
            "Confederation of Danish Industry."
        ),
        ["ILO’s Bureau for Employers’ Activities (ACT/EMP)", "Confederation of Danish Industry"],
    ),
    (
        "Organized by the Ministry of Planning, Development & Special Initiatives and the ILO.",
        ["Ministry of Planning, Development & Special Initiatives", "ILO"],
    ),
    ("The event is organized by the ILO (Jakarta and Bangkok offices).", ["ILO (Jakarta and Bangkok offices)"]),
    (
        "Organized by the ILO Office in Beirut and the Ministry of Labour of Lebanon.",
        ["ILO Office in Beirut", "Ministry of Labour of Lebanon"],
    ),
    (
        "Co-organised by the ILO and the Government of Sri Lanka (Ministry of Labour).",
        ["ILO", "Government of Sri Lanka (Ministry of Labour)"],
    ),
    ("Organised by ILO-IPEC.", ["ILO-IPEC"]),
    ("Hosted by UNESCAP, the ILO and the Asian Development Bank.", ["UNESCAP", "ILO", "Asian Development Bank"]),
    (
        (
            "The training was organized by the ILO's International Training Centre (ITCILO), in cooperation with "
            "the ILO Country Office for the Philippines."
        ),
        ["ILO's International Training Centre (ITCILO)", "ILO Country Office for the Philippines"],
    ),
    ("ILO hosts webinar on COVID-19 and the world of work", ["ILO"]),
    ("ILO convenes experts to discuss a just transition", ["ILO"]),
    ("The ILO office in Yangon has organized a training for labour inspectors.", ["ILO office in Yangon"]),
    ("Government and ILO launch national action plan on youth employment", []),
    ("Participants from 10 countries attended the workshop, which was organized by the ILO.", ["ILO"]),
    (
        (
            "The workshop, organized by the ILO and funded by the Government of Japan, aims to strengthen labour "
            "inspection."
        ),
        ["ILO"],
    ),
    ("Supported by the ILO, the Ministry of Labour organized a job fair for young people.", ["Ministry of Labour"]),
    ("Organized by the ILO, the workshop gathered 40 participants.", ["ILO"]),
    ("Organisé par le BIT, l'atelier a réuni 40 participants.", ["BIT"]),
    ("Organizado por la OIT, el taller reunió a 40 participantes.", ["OIT"]),
    (
        "Organized by the ILO, UNICEF, the World Bank and the Government of Malawi.",
        ["ILO", "UNICEF", "World Bank", "Government of Malawi"],
    ),
    ("Le séminaire est organisé conjointement par le BIT et l'OIE.", ["BIT", "OIE"]),
    (
        (
            "Organisé par l'OIT, en collaboration avec le gouvernement du Burkina Faso et les partenaires "
            "sociaux."
        ),
        ["OIT", "gouvernement du Burkina Faso"],
    ),
    (
        (
            "Organizado por la OIT en colaboración con el Ministerio de Trabajo y las organizaciones de "
            "empleadores y de trabajadores."
        ),
        ["OIT", "Ministerio de Trabajo"],
    ),
    ("The ILO and social partners will organize a national tripartite forum.", ["ILO"]),
    ("The event will be held at the UN Conference Centre in Bangkok.", []),
    ("A high-level panel hosted by Al Jazeera discussed the future of work.", ["Al Jazeera"]),
    ("The ILO calls on governments to organize labour inspection more effectively.", []),
    ("Trade unions have organized protests against the reform.", []),
    (
        (
            "The Pacific Islands Forum Secretariat and the ILO are hosting a regional dialogue on labour "
            "mobility."
        ),
        ["Pacific Islands Forum Secretariat", "ILO"],
    ),
    ("The ILO, together with the Ministry of Manpower, held a workshop in Jakarta.", []),
    ("L'OIT organisera, en collaboration avec la CEDEAO, un forum sur l'emploi des jeunes.", ["OIT", "CEDEAO"]),
    (
        (
            "Ce forum, organisé par l'Organisation internationale du Travail (OIT), a réuni les mandants "
            "tripartites."
        ),
        ["Organisation internationale du Travail (OIT)"],
    ),
    ("La OIT, junto con el Ministerio de Trabajo, organizó un taller en Quito.", ["OIT", "Ministerio de Trabajo"]),
    (
        (
            "El evento, convocado por la Organización Internacional del Trabajo (OIT), reunió a expertos de la "
            "región."
        ),
        ["Organización Internacional del Trabajo (OIT)"],
    ),
    ("Con el apoyo de la OIT, el Ministerio de Trabajo organizó una feria de empleo.", ["Ministerio de Trabajo"]),
    (
        (
            "La conferencia es organizada por la Secretaría de Trabajo y Previsión Social (STPS) con el apoyo de "
            "la OIT."
        ),
        ["Secretaría de Trabajo y Previsión Social (STPS)"],
    ),
    (
        "The ILO (Dakar and Sector) is organizing a sub-regional workshop on fisheries in Dakar.",
        ["ILO (Dakar and Sector)"],
    ),
    ("The project 'Skills and Jobs for Youth' will host a job fair in Tunis.", ["project 'Skills and Jobs for Youth'"]),
    (
        "The ILO Decent Work Team and Office for the Region will convene a meeting of experts.",
        ["ILO Decent Work Team and Office for the Region"],
    ),
    (
        (
            "The Ministry of Planning & Development, in collaboration with the ILO, will organize a national "
            "consultation."
        ),
        ["Ministry of Planning & Development", "ILO"],
    ),
    (
        (
            "The Department of Trade, Law Development Programme (LDP) is organizing a training on trade and "
            "labour."
        ),
        ["Department of Trade, Law Development Programme (LDP)"],
    ),
    (
        "Organized by the ILO through its project 'Skills and Jobs for Youth'.",
        ["ILO", "project 'Skills and Jobs for Youth'"],
    ),
    ("UNICEF and the ILO convene the first regional meeting on child labour in Africa.", ["UNICEF", "ILO"]),
    ("ILO and UNHCR to host a consultation on refugees' access to labour markets", ["ILO", "UNHCR"]),
    (
        "The ILO, through the Better Work programme, organized a dialogue with garment factories.",
        ["ILO", "Better Work programme"],
    ),
    (
        "Jointly organized by the ILO and the Ministry of Labour (Skills for Employment Programme).",
        ["ILO", "Ministry of Labour"],
    ),
    ("The training, co-organised with the ILO, targets labour inspectors.", ["ILO"]),
    (
        "Organisé par le Bureau de l'OIT pour l'Afrique du Nord, l'atelier a réuni des inspecteurs.",
        ["Bureau de l'OIT pour l'Afrique du Nord"],
    ),
    ("L'OIT et l'UNICEF convoquent une réunion régionale sur le travail des enfants.", ["OIT", "UNICEF"]),
    (
        "Le ministère du Plan & du Développement et le BIT organisent un atelier.",
        ["ministère du Plan & du Développement", "BIT"],
    ),
    (
        "Le projet « Compétences et emplois pour les jeunes » organise un forum à Tunis.",
        ["projet « Compétences et emplois pour les jeunes »"],
    ),
    (
        "Organizado por la Oficina de la OIT (San José y Departamento de Políticas Sectoriales).",
        ["Oficina de la OIT (San José y Departamento de Políticas Sectoriales)"],
    ),
    (
        "El proyecto “Habilidades y Empleo para la Juventud” organiza una feria de empleo.",
        ["proyecto “Habilidades y Empleo para la Juventud”"],
    ),
    (
        "La OIT, a través del programa Better Work, organizó un diálogo con fábricas textiles.",
        ["OIT", "programa Better Work"],
    ),
    ("La OIT y UNICEF convocan una reunión regional sobre trabajo infantil.", ["OIT", "UNICEF"]),
    ("The workshop was opened by the Minister of Labour and chaired by the ILO Country Director.", []),
    ("The report was prepared by the ILO Regional Office for Asia and the Pacific.", []),
    ("The study was commissioned by the ILO and carried out by the University of Indonesia.", []),
    (
        (
            "Hosted by Ms Tomoko Nishimoto, ILO Assistant Director-General and Regional Director for Asia and the"
            " Pacific."
        ),
        [],
    ),
    ("The ILO has hosted the Global Jobs Pact since 2009.", ["ILO"]),
    ("Participants will be hosted by local families during the study visit.", []),
    ("Le séminaire a été ouvert par le ministre du Travail.", []),
    ("El evento fue inaugurado por el Ministro de Trabajo.", []),
    (
        (
            "A national forum co-organized by the Ministry of Labour, Employment and Social Protection and the "
            "ILO Country Office for Tunisia."
        ),
        ["Ministry of Labour, Employment and Social Protection", "ILO Country Office for Tunisia"],
    ),
    (
        "Organised by the ILO Country Office for Zambia, Malawi and Mozambique.",
        ["ILO Country Office for Zambia, Malawi and Mozambique"],
    ),
    (
        "Hosted by the ILO Regional Office for Latin America and the Caribbean and the Government of Peru.",
        ["ILO Regional Office for Latin America and the Caribbean", "Government of Peru"],
    ),
    (
        (
            "This event is organized by the ILO Office for the Caribbean in collaboration with the Caribbean "
            "Development Bank (CDB)."
        ),
        ["ILO Office for the Caribbean", "Caribbean Development Bank (CDB)"],
    ),
    (
        (
            "The ILO Jakarta Office together with the Ministry of Manpower will hold a national seminar on social"
            " security."
        ),
        ["ILO Jakarta Office", "Ministry of Manpower"],
    ),
    ("The ILO will hold a tripartite workshop on the ratification of Convention No. 190.", ["ILO"]),
    (
        (
            "In the first quarter of 2020, under the support of ILO EU project on Promoting ILS within framework "
            "of EVFTA, MOLISA will hold nine technical meetings with Ministry of Justice, Government Office, "
            "President Office, and National Assembly Committees to advocate for the Convention 105 ratification "
            "dossier."
        ),
        [],
    ),  # real
    (
        (
            "Skills are key to the recovery. The ILO and the Asian Development Bank will host a regional webinar "
            "on 5 May. Registration is open."
        ),
        ["ILO", "Asian Development Bank"],
    ),
    (
        (
            "Youth unemployment remains high in the region. A national forum, organized by the Ministry of Youth "
            "and Sports and the ILO, will discuss solutions."
        ),
        ["Ministry of Youth and Sports", "ILO"],
    ),
    (
        (
            "The ILO Country Office for Bangladesh is organizing the event in partnership with the Bangladesh "
            "Garment Manufacturers and Exporters Association (BGMEA)."
        ),
        ["ILO Country Office for Bangladesh", "Bangladesh Garment Manufacturers and Exporters Association (BGMEA)"],
    ),
    (
        (
            "Organized by the Ministry of Labour and Employment Relations and the ILO, with funding from the "
            "Government of Sweden."
        ),
        ["Ministry of Labour and Employment Relations", "ILO"],
    ),
    (
        (
            "The ILO and the Ministry of Labour, Social Affairs and Family of Slovakia will host a high-level "
            "conference."
        ),
        ["ILO", "Ministry of Labour, Social Affairs and Family of Slovakia"],
    ),
    (
        "Organised by the ILO's Better Work Viet Nam, the event brings together 200 factory managers.",
        ["ILO's Better Work Viet Nam"],
    ),
    ("ILO-Korea Partnership Programme to host regional forum on skills", ["ILO-Korea Partnership Programme"]),
    (
        (
            "The event was hosted by the ILO Regional Office for Africa and the African Union Commission (AUC) in"
            " Addis Ababa."
        ),
        ["ILO Regional Office for Africa", "African Union Commission (AUC)"],
    ),
    (
        (
            "Le BIT, en partenariat avec le ministère de l'Emploi, de la Formation professionnelle et du Dialogue"
            " social, organise une conférence."
        ),
        ["BIT", "ministère de l'Emploi, de la Formation professionnelle et du Dialogue social"],
    ),
    ("La conférence est organisée par l'OIT, l'UNICEF et la Banque mondiale.", ["OIT", "UNICEF", "Banque mondiale"]),
    (
        (
            "L'Organisation internationale du Travail (OIT) organise, du 12 au 14 mars, un atelier sur la "
            "protection sociale."
        ),
        ["Organisation internationale du Travail (OIT)"],
    ),
    ("El taller, organizado por la OIT y la Unión Europea, se realizará en Asunción.", ["OIT", "Unión Europea"]),
    (
        (
            "El Ministerio de Trabajo y Promoción del Empleo y la OIT organizan el foro nacional sobre empleo "
            "juvenil."
        ),
        ["Ministerio de Trabajo y Promoción del Empleo", "OIT"],
    ),
    (
        "La reunión fue convocada por la Oficina Regional de la OIT para América Latina y el Caribe.",
        ["Oficina Regional de la OIT para América Latina y el Caribe"],
    ),
    ("Employers will host apprentices in their workplaces.", []),
    ("The programme organizes its work around three pillars.", []),
    ("The ILO organises its work through a network of offices around the world.", []),
    ("Countries that host large numbers of refugees need support.", []),
    ("The forum is organized around three themes: skills, social protection and migration.", []),
    ("Le séminaire est organisé autour de trois thèmes.", []),
    ("El seminario está organizado en tres sesiones.", []),
    ("Through its ENHANCE project, the ILO will organize a study visit to Sri Lanka.", ["ILO", "ENHANCE project"]),
    (
        "Through the Better Work programme, the ILO and IFC are organizing a buyers' forum.",
        ["ILO", "IFC", "Better Work programme"],
    ),
    (
        "À travers son projet PROSPECTS, le BIT organise une formation sur l'entrepreneuriat.",
        ["BIT", "projet PROSPECTS"],
    ),
    ("A través de su proyecto Empleo Juvenil, la OIT organiza un taller en Lima.", ["OIT", "proyecto Empleo Juvenil"]),
    (
        "The ILO, through its Regional Office for Asia and the Pacific, will host a regional meeting.",
        ["ILO", "Regional Office for Asia and the Pacific"],
    ),
    (
        (
            "Organized by the Government of Cambodia through the Ministry of Labour and Vocational Training "
            "(MoLVT) with support from the ILO."
        ),
        ["Government of Cambodia", "Ministry of Labour and Vocational Training (MoLVT)"],
    ),
    (
        (
            "The dialogue was organized by the ILO and the International Organisation of Employers (IOE) through "
            "the Global Business Network for Social Protection Floors."
        ),
        [
            "ILO",
            "International Organisation of Employers (IOE)",
            "Global Business Network for Social Protection Floors",
        ],
    ),
    ("The workshop, organised through the ILO's SCORE programme, trained 30 factory managers.", []),
    (
        "Seminar organized by the ILO (ACTRAV and ACT/EMP) and the International Training Centre.",
        ["ILO (ACTRAV and ACT/EMP)", "International Training Centre"],
    ),
    (
        "Organized by the Confederation of Indonesia Prosperity Trade Union (KSBSI) & the ILO.",
        ["Confederation of Indonesia Prosperity Trade Union (KSBSI)", "ILO"],
    ),
    (
        (
            "Hosted by the Ministry of Human Resources and Social Security (MOHRSS) and the ILO Country Office "
            "for China and Mongolia."
        ),
        ["Ministry of Human Resources and Social Security (MOHRSS)", "ILO Country Office for China and Mongolia"],
    ),
    (
        (
            "The event is organized by the Jordan Chamber of Industry, the Jordan Chamber of Commerce and the "
            "ILO."
        ),
        ["Jordan Chamber of Industry", "Jordan Chamber of Commerce", "ILO"],
    ),
    (
        "Organised by the ILO and the Trade Union Congress of the Philippines (TUCP).",
        ["ILO", "Trade Union Congress of the Philippines (TUCP)"],
    ),
    ("The webinar is co-organized by the ILO and the OECD, with the participation of the World Bank.", ["ILO", "OECD"]),
    (
        (
            "The meeting, organized by the ILO, is part of the project 'Promoting Decent Work in Fishing and "
            "Seafood Processing'."
        ),
        ["ILO"],
    ),
    (
        (
            "The ILO’s Ship to Shore Rights Project is organizing the regional dialogue, co-organised with the "
            "ASEAN Secretariat."
        ),
        ["ILO’s Ship to Shore Rights Project", "ASEAN Secretariat"],
    ),
    (
        "Cet atelier est organisé par le projet « Appui à l'emploi des jeunes et des femmes » du BIT.",
        ["projet « Appui à l'emploi des jeunes et des femmes » du BIT"],
    ),
    (
        (
            "El encuentro fue organizado por el proyecto 'Empleo y Formación' de la OIT y la Cámara de Comercio "
            "de Bogotá."
        ),
        ["proyecto 'Empleo y Formación' de la OIT", "Cámara de Comercio de Bogotá"],
    ),
    ("The ILO has been organizing trainings for labour inspectors since 2015.", ["ILO"]),
    ("The ILO is hosting the International Labour Conference from 5 to 16 June.", ["ILO"]),
    ("Our partners are organized into three regional networks.", []),
    ("The ILO Director-General will host a press conference on the new report.", []),
    ("The campaign, hosted on the ILO website, invites young people to share their stories.", []),
    ("More than 200 participants joined the forum hosted online.", []),
    (
        (
            "THAMM supports a series of capacity-building workshops for labour inspectors held by the CONMIGO "
            "Project"
        ),
        ["CONMIGO Project"],
    ),
    ("Join the ILO for this virtual high-level discussion on the technical guidelines on labour inspection.", []),
    (
        (
            "The ILO Director-General, Mr. Guy Ryder, visited Algeria in April 2013 at the invitation of the "
            "Algerian Government and the social partners."
        ),
        [],
    ),
    (
        (
            "Organizado por el Centro Internacional de Formación de la OIT (CIFOIT), en colaboración con el "
            "Departamento de Normas Internacionales del Trabajo (NORMES) y las oficinas de la OIT en el terreno."
        ),
        [
            "Centro Internacional de Formación de la OIT (CIFOIT)",
            "Departamento de Normas Internacionales del Trabajo (NORMES)",
        ],
    ),
    (
        (
            "Un atelier d'examen du rapport sur l'avenir du travail a été organisé hier par le ministère du "
            "Travail, dans le cadre du centenaire de l'OIT."
        ),
        ["ministère du Travail"],
    ),
    (
        (
            "Terminó el diplomado sobre Normas Internacionales del Trabajo para los países andinos, organizado "
            "por la Universidad Libre de Colombia, en alianza con OIT."
        ),
        ["Universidad Libre de Colombia", "OIT"],
    ),
    ("Une journée portes ouvertes a été organisée vendredi au siège du bureau de l'OIT à Yaoundé.", []),
    ("La session de la Conférence des ministres du Travail a été organisée avec la participation de 56 pays.", []),
    ("The forum, held in Oslo in September 2008, was the first public discussion of the ILO Declaration.", []),
    (
        (
            "Around 20 to 30 per cent of children in low income countries complete their school to work "
            "transition by the age of 15, says a new ILO report prepared for World Day against Child Labour."
        ),
        [],
    ),
    (
        "The training session was held by the Ministry of Labour and Social Protection with ILO support.",
        ["Ministry of Labour and Social Protection"],
    ),
    ("The position is held by the Ministry of Labour.", []),
    ("ILO, Japan host forum on green jobs in Asia", ["ILO", "Japan"]),
    (
        "Brazil and the ILO will host the IV Global Conference on the Sustained Eradication of Child Labour.",
        ["Brazil", "ILO"],
    ),
    ("Experts and practitioners convene in Bangkok to discuss social protection.", []),
    ("ILO and partners convene regional dialogue on labour migration", ["ILO"]),
    ("Young people organize to demand decent jobs", []),
    ("Cambodia and ILO organize national forum on skills", ["Cambodia", "ILO"]),
    ("Le Sénégal et le BIT organisent un forum sur l'emploi des jeunes.", ["Sénégal", "BIT"]),
    ("Perú y la OIT organizan foro sobre empleo juvenil", ["Perú", "OIT"]),
    ("Minister Smith and the ILO will host a roundtable on wages.", ["ILO"]),
    ("Students will host a debate on the future of work.", []),
    (
        (
            "The ILO Country Office for Viet Nam, in collaboration with the Viet Nam General Confederation of "
            "Labour (VGCL), will organize a national workshop on collective bargaining on 12 March 2019 in Hanoi."
        ),
        ["ILO Country Office for Viet Nam", "Viet Nam General Confederation of Labour (VGCL)"],
    ),
    (
        (
            "This regional workshop aims to share good practices on extending social protection to workers in the"
            " informal economy."
        ),
        [],
    ),
    (
        (
            "The ILO and the Ministry of Labour and Social Security are organizing a two-day validation workshop "
            "for the National Employment Policy."
        ),
        ["ILO", "Ministry of Labour and Social Security"],
    ),
    ("A tripartite delegation from Myanmar visited Thailand to learn about labour inspection practices.", []),
    (
        (
            "The training is organized by ILO-IPEC in cooperation with the Department of Labour Protection and "
            "Welfare."
        ),
        ["ILO-IPEC", "Department of Labour Protection and Welfare"],
    ),
    (
        (
            "The webinar will be hosted by the ILO Regional Office for Asia and the Pacific and the ASEAN "
            "Secretariat."
        ),
        ["ILO Regional Office for Asia and the Pacific", "ASEAN Secretariat"],
    ),
    ("The ILO launched its World Employment and Social Outlook report in Geneva today.", []),
    (
        (
            "The launch event, co-hosted by the ILO and the Embassy of Sweden, will take place at the UN "
            "Convention Centre."
        ),
        ["ILO", "Embassy of Sweden"],
    ),
    (
        (
            "L'atelier national de validation de la politique nationale de l'emploi est organisé par le ministère"
            " de l'Emploi avec l'appui technique du BIT."
        ),
        ["ministère de l'Emploi"],
    ),
    (
        (
            "Le BIT a organisé une session de formation sur la sécurité et la santé au travail pour les "
            "inspecteurs du travail."
        ),
        ["BIT"],
    ),
    ("Les mandants tripartites ont adopté le programme par pays de promotion du travail décent.", []),
    (
        (
            "La OIT, en colaboración con el Ministerio de Trabajo y Promoción del Empleo, organizó un taller "
            "sobre inspección del trabajo."
        ),
        ["OIT", "Ministerio de Trabajo y Promoción del Empleo"],
    ),
    ("El seminario está dirigido a representantes de organizaciones de empleadores y de trabajadores.", []),
    (
        "El Programa Regional de Empleo Juvenil de la OIT organiza un concurso de emprendimiento.",
        ["Programa Regional de Empleo Juvenil de la OIT"],
    ),
    (
        (
            "The Ministry of Manpower and the ILO will organize a national seminar to mark World Day for Safety "
            "and Health at Work."
        ),
        ["Ministry of Manpower", "ILO"],
    ),
    ("The consultation brought together representatives of government, employers' and workers' organizations.", []),
    (
        (
            "Organized by the Federation of Uganda Employers (FUE) and the ILO, the forum will discuss youth "
            "employment."
        ),
        ["Federation of Uganda Employers (FUE)", "ILO"],
    ),
    (
        (
            "The ILO's Better Work Jordan programme and the Jordan Garments, Accessories & Textiles Exporters' "
            "Association (JGATE) will host the annual buyers' forum."
        ),
        [
            "ILO's Better Work Jordan programme",
            "Jordan Garments, Accessories & Textiles Exporters' Association (JGATE)",
        ],
    ),
    ("A regional conference on labour migration will be held in Kathmandu from 5 to 7 June.", []),
    (
        "The event is jointly organized by the ILO, UNDP, UN Women and the Government of Nepal.",
        ["ILO", "UNDP", "UN Women", "Government of Nepal"],
    ),
    (
        (
            "Le Bureau international du Travail (BIT) organise, en collaboration avec le ministère de la Fonction"
            " publique, un atelier de validation de l'étude sur l'économie informelle."
        ),
        ["Bureau international du Travail (BIT)", "ministère de la Fonction publique"],
    ),
    (
        (
            "Cet atelier est organisé conjointement par le ministère du Travail, de l'Emploi et de la Sécurité "
            "sociale et le Bureau de pays de l'OIT pour la Côte d'Ivoire."
        ),
        [
            "ministère du Travail, de l'Emploi et de la Sécurité sociale",
            "Bureau de pays de l'OIT pour la Côte d'Ivoire",
        ],
    ),
    ("La Journée mondiale contre le travail des enfants sera célébrée le 12 juin à Niamey.", []),
    ("Les résultats de l'enquête seront présentés lors d'un atelier national.", []),
    (
        (
            "Organisée par l'OIT et l'Union africaine, la conférence réunira les ministres du Travail du "
            "continent."
        ),
        ["OIT", "Union africaine"],
    ),
    (
        "Le projet PAMODEC du BIT organise un séminaire sous-régional sur le dialogue social à Lomé.",
        ["projet PAMODEC du BIT"],
    ),
    (
        (
            "Le séminaire a été organisé par l'Équipe d'appui technique au travail décent et Bureau de pays de "
            "l'OIT pour l'Afrique centrale."
        ),
        ["Équipe d'appui technique au travail décent et Bureau de pays de l'OIT pour l'Afrique centrale"],
    ),
    (
        (
            "La OIT y el Ministerio de Trabajo y Seguridad Social organizan un foro sobre trabajo decente en las "
            "zonas rurales."
        ),
        ["OIT", "Ministerio de Trabajo y Seguridad Social"],
    ),
    ("El informe fue elaborado con el apoyo técnico de la OIT.", []),
    (
        (
            "El taller regional, organizado por la Oficina de la OIT para Centroamérica, Haití, Panamá y "
            "República Dominicana, reunió a 40 participantes."
        ),
        ["Oficina de la OIT para Centroamérica, Haití, Panamá y República Dominicana"],
    ),
    ("Los ministros de trabajo de la región se reunirán en Lima para debatir sobre el futuro del trabajo.", []),
    (
        (
            "El Centro Interamericano para el Desarrollo del Conocimiento en la Formación Profesional "
            "(OIT/Cinterfor) organiza un seminario virtual."
        ),
        ["Centro Interamericano para el Desarrollo del Conocimiento en la Formación Profesional (OIT/Cinterfor)"],
    ),
    ("La OIT presentó el informe Panorama Laboral 2023 en una conferencia de prensa.", []),
    (
        (
            "El evento es coorganizado por la OIT y la Comisión Económica para América Latina y el Caribe "
            "(CEPAL)."
        ),
        ["OIT", "Comisión Económica para América Latina y el Caribe (CEPAL)"],
    ),
    (
        (
            "Con motivo del Día Internacional de la Mujer, la OIT organiza un conversatorio sobre igualdad "
            "salarial."
        ),
        ["OIT"],
    ),
    ("Des experts de 15 pays participent à cette formation organisée à Turin.", []),
    ("Participants were hosted by the Ministry of Labour during their study visit.", ["Ministry of Labour"]),
]

CASES = NAMES_WITH_AND + AND_IN_BRACKETS + THROUGH + PROGRAMME_IN_BRACKETS + ACTIVE + NONE + MIXED


@pytest.mark.parametrize("text,names", CASES)
def test_organisers(text, names):
    found = parse_organisers(text)
    assert found.names == names
    assert (found.text is None) == (not names)


def test_text_is_the_sentence_that_names_them():
    found = parse_organisers("Skills matter. UNICEF and the ILO convene a regional consultation. More soon.")
    assert found.text == "UNICEF and the ILO convene a regional consultation."


def test_language_hint_is_optional():
    text = "Séminaire co-organisé par l'OIT et la Confédération syndicale internationale."
    expected = ["OIT", "Confédération syndicale internationale"]
    assert parse_organisers(text, "fr").names == parse_organisers(text).names == expected


def test_empty_input():
    assert parse_organisers(None).names == [] and parse_organisers("  ").text is None


def test_long_inputs_stay_fast():
    start = time.perf_counter()
    for text in ("Organized by the ILO in " + "A" * 60 + "!", "organised by " + "the ILO and " * 300, "Ab " * 2000):
        parse_organisers(text)
    assert time.perf_counter() - start < 1  # no pattern backtracks without end
