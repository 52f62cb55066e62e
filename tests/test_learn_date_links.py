"""`listing-archive learn` where an entry's only link is put on its date (a permalink), not on its title."""

from synthetic import DATES, ISO, TITLES, page, read


def test_a_heading_whose_only_link_is_its_date_is_the_title_and_the_date_link_the_entry_link():
    # News as headings: the title's words, then a small link showing the day the post went up, which is the
    # post's own page; a paragraph of text follows each. The heading's words are the title, the date link its link.
    posts = "".join(
        f'<h2>{t} <a class="small" href="/news/post-{i}.html">{DATES[i]}</a></h2>'
        f"<p>A few lines about this post, long enough to read as the entry's text and nothing more.</p>"
        for i, t in enumerate(TITLES)
    )
    text, entries = read(page(f'<main><p>Follow us <a href="/feed.xml">by feed</a>.</p>{posts}</main>'), [TITLES[0]])
    assert [(e["title"], e["url"], e["date_start"]) for e in entries] == [
        (t, f"https://example.org/news/post-{i}.html", ISO[i]) for i, t in enumerate(TITLES)
    ], text
