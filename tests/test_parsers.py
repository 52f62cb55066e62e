import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.profiles import document_patterns
from crawler.parsers.credits import parse_credit
from crawler.parsers.groups import parse_group_heading
from crawler.parsers.ids import canonical_url, entry_id
from crawler.parsers.organisers import parse_organisers
from crawler.parsers.text import clean_paragraphs, clean_text, guess_language, unescaped_text


@pytest.mark.parametrize(
    "text,author,holder,year",
    [
        ("© Hoa Tran / ILO 2023", "Hoa Tran", "ILO", 2023),
        ("©ILO", None, "ILO", None),
        ("© ILO", None, "ILO", None),
        ("© ILO/Marcel Crozet", "Marcel Crozet", "ILO", None),
        ("© ILO/Luu Van Tien 2024", "Luu Van Tien", "ILO", 2024),
        ("© JD Ligier / USDA 2023", "JD Ligier", "USDA", 2023),
        ("© Made By Survivors 2023", None, "Made By Survivors", 2023),
        ("© G20 2023", None, "G20", 2023),
        (
            "© Provincial Labour and Social Welfare, Champasack",
            None,
            "Provincial Labour and Social Welfare, Champasack",
            None,
        ),
        ("Photo: Marcel Crozet", "Marcel Crozet", None, None),
        ("Photo: ILO", None, "ILO", None),
        ("(c) ILO 2020", None, "ILO", 2020),
        ("© OIT/Juan Pérez 2023", "Juan Pérez", "OIT", 2023),
        ("© UNICEF/UN0123456/Smith", "Smith", "UNICEF", None),
        ("Photo: John Smith for ILO", "John Smith", "ILO", None),
        ("© ILO / M. Crozet", "M. Crozet", "ILO", None),
    ],
)
def test_credits(text, author, holder, year):
    credit = parse_credit(text)
    assert (credit.text, credit.author, credit.holder, credit.year) == (text, author, holder, year)


def test_credit_absent_or_empty():
    assert parse_credit(None) is None
    assert parse_credit("  ") is None
    assert parse_credit("©").author is None and parse_credit("©").holder is None


ORGANISERS = [
    (
        "Jointly organized by the ILO/China Partnership Programme and Ministry of Labour and Social "
        "Welfare, Lao People Democratic Republic",
        ["ILO/China Partnership Programme", "Ministry of Labour and Social Welfare, Lao People Democratic Republic"],
    ),
    ("The workshop is organised by the ILO.", ["ILO"]),
    ("The event is co-organized by UNDP and UN Women.", ["UNDP", "UN Women"]),
    (
        "Meeting hosted by the ILO Country Office and Tandem Research, of Goa, India.",
        ["ILO Country Office", "Tandem Research"],
    ),
    ("A two-day workshop organized by the ILO, UNDP and ESCWA.", ["ILO", "UNDP", "ESCWA"]),
    (
        "The Asian Research Centre for Migration, based in the Institute of Asian Studies in Chulalongkorn "
        "University in collaboration with "
        "the ILO, IOM and the Stockholm Environment Institute will host the annual conference",
        ["Asian Research Centre for Migration", "ILO", "IOM", "Stockholm Environment Institute"],
    ),
    (
        "The ILO Country Office for Sri Lanka and the Maldives has organised a tripartite study tour.",
        ["ILO Country Office for Sri Lanka and the Maldives"],
    ),
    ("The ILO Pakistan Office will convene a tripartite consultation.", ["ILO Pakistan Office"]),
    (
        "L'atelier est organisé par le Bureau de l'OIT et le ministère du Travail.",
        ["Bureau de l'OIT", "ministère du Travail"],
    ),
    (
        "Séminaire co-organisé par l'OIT et la Confédération syndicale internationale.",
        ["OIT", "Confédération syndicale internationale"],
    ),
    (
        "El taller fue organizado por la OIT y el Ministerio de Trabajo y Seguridad Social.",
        ["OIT", "Ministerio de Trabajo y Seguridad Social"],
    ),
    (
        "The webinar was organised by two regional ILO programmes—the Skills for Prosperity in Southeast "
        "Asia Programme (SfP-SEA) funded by the UK "
        "government and the Industry Skills for Inclusive Growth (InSIGHT-2) project funded by the "
        "government of Japan.",
        [
            "Skills for Prosperity in Southeast Asia Programme (SfP-SEA)",
            "Industry Skills for Inclusive Growth (InSIGHT-2) project",
        ],
    ),
    ("The seminar was organised by the ILO in partnership with the Government of Fiji.", ["ILO", "Government of Fiji"]),
    (
        "The ILO, in collaboration with the Ministry of Labour, organized a seminar on wages.",
        ["ILO", "Ministry of Labour"],
    ),
    ("Organized by the ILO with the support of the European Union.", ["ILO"]),
    ("Le forum est organisé par l'Agence nationale pour l'emploi.", ["Agence nationale pour l'emploi"]),
    ("Atelier organisé par le BIT pour les jeunes travailleurs.", ["BIT"]),
    (
        "Organisers: ILO, UNDP and the Ministry of Labour and Social Welfare. Venue: Vientiane.",
        ["ILO", "UNDP", "Ministry of Labour and Social Welfare"],
    ),
    ("The event was organized by: ILO and FAO.", ["ILO", "FAO"]),
    ("Organisateurs : OIT et PNUD.", ["OIT", "PNUD"]),
    ("This ILO Brief is part of a quantitative research of the labour force.", []),
    ("ILO and IGAD secretariat provided a five-day training for Labour Attachés.", []),
]


@pytest.mark.parametrize("text,names", ORGANISERS)
def test_organisers(text, names):
    found = parse_organisers(text)
    assert found.names == names
    assert (found.text is None) == (not names)


def test_organiser_text_is_the_sentence_that_names_them():
    found = parse_organisers(
        "The ILO opens a new office. The workshop is organised by the Ministry of Labour. More soon."
    )
    assert found.text == "The workshop is organised by the Ministry of Labour."


@pytest.mark.parametrize(
    "text,month",
    [
        ("January 2023", "2023-01"),
        ("janvier 2023", "2023-01"),
        ("enero de 2023", "2023-01"),
        ("Enero 2023", "2023-01"),
        ("2023", None),
        ("News", None),
        ("", None),
    ],
)
def test_group_headings(text, month):
    shown, group_month = parse_group_heading(text)
    assert group_month == month
    assert shown == (text or None)


def test_text_is_normalised_but_nothing_dropped():
    assert clean_text("  Lao People’s\u00a0Democratic   Republic \u200b") == "Lao People’s Democratic Republic"
    assert unescaped_text("  Lao People&rsquo;s\u00a0Democratic Republic") == "Lao People’s Democratic Republic"
    assert clean_text("“Towards stronger” — communities") == "“Towards stronger” — communities"
    assert clean_paragraphs(["One ", "", " Two"]) == "One\nTwo"


def test_language_guess():
    assert guess_language("Le séminaire est organisé par le Bureau de l'OIT et les partenaires") == "fr"
    assert guess_language("El taller fue organizado por la OIT y el Ministerio de los trabajadores") == "es"
    assert guess_language("The workshop was organised by the ILO and the Ministry of Labour") == "en"


def test_entry_ids():
    ilo = "https://www.ilo.org/asia/media-centre/multimedia/WCMS_865548/lang--en/index.htm"
    assert entry_id(ilo, "t", "l", document_patterns(ilo)) == "WCMS_865548"
    assert entry_id(ilo, "t", "l") == "https://ilo.org/asia/media-centre/multimedia/WCMS_865548/lang--en/index.htm"
    assert entry_id("https://WWW.Example.org/a?utm_source=x&b=1#top", "t", "l") == "https://example.org/a?b=1"
    assert entry_id(None, "A title", "https://x.org/l") == entry_id(None, "  a   TITLE ", "https://x.org/l")
    assert entry_id(None, "A title", "https://x.org/l") != entry_id(None, "A title", "https://x.org/other")
    assert canonical_url("http://ilo.org/x") == canonical_url("https://www.ilo.org/x")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_input_makes_a_field_parser_raise(text):
    parse_credit(text)
    parse_organisers(text)
    parse_group_heading(text)
    clean_text(text)


_CREDIT_ALPHABET = st.sampled_from(
    ["©", "(", "c", "C", "p", "P", "f", "F", ")", " ", "\t", "\n", "\x85", "\u2000", "\u200b", "\u00ad", "\ue001"]
    + ["\x00", "\u0327", "&", "&copy;", "&#169;", ";", "o", "h", "J", "é", "Photo:", "credit:", "(c) ", "copyright"]
)


@settings(max_examples=600)
@given(st.lists(_CREDIT_ALPHABET, max_size=6).map("".join))
def test_a_credit_line_is_told_as_its_cleaned_text_tells_it(text):
    """looks_like_credit rules most lines out by their first character before cleaning them: the same
    answer as reading the cleaned text, with invisible characters and leading spaces ("&copy;" left as shown)."""
    from crawler.parsers.credits import _CREDIT_INITIALS, _CREDIT_START, looks_like_credit

    shown = clean_text(text)
    expected = bool(shown and len(shown) < 160 and shown[0] in _CREDIT_INITIALS and _CREDIT_START.match(shown))
    assert looks_like_credit(text) == expected
    assert looks_like_credit(" © ILO") and looks_like_credit("\u200b© ILO") and not looks_like_credit("The ILO")
    assert not looks_like_credit("&copy; ILO")  # what a page shows when it writes "&amp;copy;": no credit sign


@settings(max_examples=600)
@given(st.lists(_CREDIT_ALPHABET | st.sampled_from(["A", "x", "1", "\x7f", "\x1f", "\x0b"]), max_size=6).map("".join))
def test_a_block_ruled_out_uncleaned_is_no_credit(raw):
    """plainly_no_credit (which spares cleaning a block's whole text) never rules out text that cleans into a credit."""
    from crawler.parsers.credits import looks_like_credit, plainly_no_credit

    shown = clean_text(raw)
    if plainly_no_credit(raw):
        assert not (shown and looks_like_credit(shown))
    assert plainly_no_credit(" \t\x01The ILO") and plainly_no_credit("")
    assert not plainly_no_credit("\x7f(c) ILO") and not plainly_no_credit(" © ILO") and not plainly_no_credit("é")
    assert plainly_no_credit(" &copy; ILO")  # shown as written: no credit sign (entities were decoded by the parser)


@settings(max_examples=600)
@given(st.text(st.characters(max_codepoint=0x2FF) | st.sampled_from(["\x85", "\ud800", "\ufffe", "\uffff", "é"])))
def test_a_character_class_is_found_as_the_regex_finds_it(text):
    """has_char_in answers plain ASCII text from its bytes: the same answer as the regex's search."""
    from crawler.extract.html import _XML_ALLOWED, NOT_XML
    from crawler.parsers.text import _CONTROL, _NOT_CONTROL, has_char_in

    assert has_char_in(text, _CONTROL, _NOT_CONTROL) == bool(_CONTROL.search(text))
    assert has_char_in(text, NOT_XML, _XML_ALLOWED) == bool(NOT_XML.search(text))
    assert has_char_in("a\x7fb", _CONTROL, _NOT_CONTROL) and not has_char_in("a\tb\n", _CONTROL, _NOT_CONTROL)


def test_no_character_the_control_class_matches_is_printable():
    """clean_text skips the control-character search for a printable text: sound only while every character
    _CONTROL matches is unprintable (all of Unicode checked)."""
    from crawler.parsers.text import _CONTROL

    assert not [hex(i) for i in range(0x110000) if _CONTROL.match(chr(i)) and chr(i).isprintable()]


def test_a_printable_text_is_cleaned_without_a_search_for_control_characters(monkeypatch):
    import crawler.parsers.text as text_module

    def refuse(*args):
        raise AssertionError("searched")

    monkeypatch.setattr(text_module, "has_char_in", refuse)
    assert clean_text("  Decent work,  for all \u00e9 ") == "Decent work, for all \u00e9"
    with pytest.raises(AssertionError):
        clean_text("a\x01b")  # an unprintable one is searched
