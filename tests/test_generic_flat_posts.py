"""The generic extractor on posts shown in full with no element of their own: a heading whose only link is the
post's date (or its title), then the post's paragraphs, whose links are its text, not entries; an unlinked heading
over each entry's lines, which heads that entry and no group."""

from crawler.entries import build_entries
from crawler.extract import extract_page

URL = "https://example.org/news/"
CHROME = '<header><nav><a href="/">Home</a> <a href="/contact/">Contact us</a></nav></header>'


def _entries(body: str, url=URL):
    html = f'<html lang="en"><body>{CHROME}<main><div class="col">{body}</div></main><footer>Address</footer>'
    return build_entries(extract_page(html + "</body></html>", url, "auto"), url)


# Each post: its title, a small link whose text is its date, then paragraphs of prose with links of their own.
_POST = (
    '<h2 id="post-{i}">Training weekend number {i} <a class="small" href="/news/2025-0{i}-10-weekend.html">'
    "10.{i}.2025</a></h2>"
    "<p>The training weekend is held at the college from Friday to Sunday. The programme also has a team "
    'contest, and the <a href="https://docs.example.net/letter-{i}">training letter</a> is out now; answers are '
    "due by the end of the month.</p>"
    "<p>Participants are asked to bring their own writing material and a pocket calculator.</p>"
    '<p><a href="https://signup.example.com/course-{i}">Sign up for the weekend here!</a></p>'
)


def test_links_in_the_paragraphs_of_posts_under_date_linked_headings_are_no_entries():
    """The paragraphs' links outnumbered the headings and read as a list of their own: every sign-up link and
    letter became an entry, the posts too (twice as many entries as posts)."""
    entries = _entries(
        '<p>Follow the news <a href="/feed.xml">as a feed</a>.</p>' + "".join(_POST.format(i=i) for i in range(1, 6))
    )
    assert [e["title"] for e in entries] == [f"Training weekend number {i}" for i in range(1, 6)]
    assert [e["url"] for e in entries] == [f"https://example.org/news/2025-0{i}-10-weekend.html" for i in range(1, 6)]
    assert [e["date_start"] for e in entries] == [f"2025-0{i}-10" for i in range(1, 6)]


def test_a_one_word_heading_beside_its_date_link_is_the_title():
    """ "<h2>Olympiad <a>date</a></h2>" over a paragraph opening with a link: the heading's one word names the post,
    not the paragraph's first line."""
    olympiad = (
        '<h2>Olympiad <a class="small" href="/news/2025-06-01-olympiad.html">1.6.2025</a></h2>'
        '<p><a href="https://olympiad.example.com/">The geometry olympiad</a> has its national round on 20 June in the '
        "main building; anyone may take part, and entries close a week before.</p>"
    )
    entries = _entries("".join(_POST.format(i=i) for i in range(1, 4)) + olympiad)
    assert [e["title"] for e in entries][-2:] == ["Training weekend number 3", "Olympiad"]
    assert entries[-1]["url"] == "https://example.org/news/2025-06-01-olympiad.html"


def test_linked_headings_over_lists_of_documents_keep_the_documents():
    """A linked section heading over linked documents heads entries, not a post: its body is links and their
    dates, not prose, and the documents stay the entries (two a heading, as few links as a post may hold)."""
    doc = '<p><a href="/reports/{s}/doc-%s.pdf">Annual report of the {s} committee %s</a> (PDF, 120 kB), 3 May %s</p>'
    section = '<h2><a href="/reports/{s}/">Reports of the {s} committee</a></h2>' + "".join(
        doc % (n, 2020 + n, 2021 + n) for n in range(2)
    )
    entries = _entries("".join(section.format(s=s) for s in ("finance", "audit", "planning")))
    assert len(entries) == 6
    assert entries[0]["title"] == "Annual report of the finance committee 2020"
    assert entries[0]["url"] == "https://example.org/reports/finance/doc-0.pdf"
    assert entries[-1]["date_start"] == "2022-05-03"


def test_a_posts_last_paragraph_stays_with_it_and_the_introduction_with_none():
    """The runs were cut by the paragraph before the first heading: each post opened with the paragraph before its
    heading (the introduction, the post above's last paragraph), which named it, and its own last one went to the
    next post."""
    post = (
        '<h2>Club evening number {i} <a href="/news/2025-0{i}-10-evening.html">10.{i}.2025</a></h2>'
        '<p>The club meets on evening {i} in the small hall; see the <a href="/rooms/">map of the rooms</a> for the '
        "way in.</p>"
    )
    last = "<p>Evening {i} ends with tea and a talk about the next contest.</p>"
    intro = "<p>News of the club, newest first; older news are in the archive.</p>"
    entries = _entries(intro + "".join((post + (last if i < 4 else "")).format(i=i) for i in range(1, 5)))
    assert [e["title"] for e in entries] == [f"Club evening number {i}" for i in range(1, 5)]
    assert [e["description"].splitlines()[0][:34] for e in entries] == [
        f"The club meets on evening {i} in the" for i in range(1, 5)
    ]
    assert [e["description"].splitlines()[-1][:9] for e in entries] == [
        "Evening 1",
        "Evening 2",
        "Evening 3",
        "The club ",
    ]


def test_a_date_line_before_a_posts_heading_still_opens_it():
    """<span>date</span><h2><a>Title</a></h2><p>teaser … <a>Read more</a></p>: the date line before each heading
    is the post's own, not the end of the post above."""
    post = (
        '<span class="date">0{i}.19.15</span><h2><a href="/press/statement-{i}">Statement number {i} on the budget '
        'bill</a></h2><p class="summary">The senator today introduced a bill on the budget, the {i}th this year, '
        'to cut the cost of the offices of the state … <a href="/press/statement-{i}">Read more</a></p>'
    )
    entries = _entries("".join(post.format(i=i) for i in range(1, 5)))
    assert [e["title"] for e in entries] == [f"Statement number {i} on the budget bill" for i in range(1, 5)]
    assert [e["date_start"] for e in entries] == [f"2015-0{i}-19" for i in range(1, 5)]


CONFERENCES = [  # (the unlinked heading, the date line under it, the link's words)
    ("Qualifications Framework Fall Conference", "October 25, 2013", "Fall Conference Information"),
    ("Qualifications Framework Video Conference", "May 17, 2013", "Video Conference Information"),
    ("Quarterly Video Conference of the Partners", "September 10, 2012", "Conference Agenda"),
    ("Student Success and Framework Conference", "October 20, 2011", "Conference Information"),
]


def test_an_unlinked_heading_over_each_flat_entry_is_its_title_not_a_group_heading():
    # en-oregon-dqp-conferences: siblings with no wrapper, "<h3>Name</h3><em>date</em><p><a>Conference
    # Information</a></p>" again and again: one heading before each link heads that entry, not a group of them
    runs = "".join(
        f"<h3>{name}</h3>\n<em>{day}</em>\n<p><a href='/conferences/{i}/index.html'>{words}</a></p>\n"
        for i, (name, day, words) in enumerate(CONFERENCES)
    )
    entries = _entries(runs)
    assert [e["title"] for e in entries] == [name for name, _, _ in CONFERENCES]
    assert [e["url"] for e in entries] == [f"https://example.org/conferences/{i}/index.html" for i in range(4)]
    assert [e["date_start"] for e in entries] == ["2013-10-25", "2013-05-17", "2012-09-10", "2011-10-20"]
    assert not any(e.get("group") for e in entries)


def test_a_heading_over_several_flat_entries_still_groups_them():
    # two links under each heading: the headings head groups, the links name the entries
    runs = "".join(
        f"<h3>{name}</h3>\n<em>{day}</em>\n<p><a href='/c/{i}/a.html'>Programme of the {name}</a></p>\n"
        f"<em>{day}</em>\n<p><a href='/c/{i}/b.html'>Report of the {name}</a></p>\n"
        for i, (name, day, _) in enumerate(CONFERENCES[:3])
    )
    entries = _entries(runs)
    assert [e["title"] for e in entries] == [
        f"{w} of the {n}" for n, _, _ in CONFERENCES[:3] for w in ("Programme", "Report")
    ]
    assert [e["group"] for e in entries] == [n for n, _, _ in CONFERENCES[:3] for _ in range(2)]
