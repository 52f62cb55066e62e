"""Records of real listing pages the generic extractor read wrong (issue 21, batch N, part B), each in small
synthetic HTML."""

from synthetic import generic_entries as _entries

POSTS = ["Seventh trail cup takes the best paths", "Solo trail cup this spring", "Free entry to the first race"]
POSTS += ["New paths and old classics this year"]
SLUGS = ["2020/07/20/seventh", "2020/04/19/solo", "2019/04/15/free-entry", "2019/04/09/new-paths"]
SHOWN = ["20.7.", "19.4.", "15.4.", "09.4."]


def _full_posts(shown: list[str], slugs: list[str]) -> str:
    # every post in full under its linked heading, no wrapper per post, links in the posts' own text
    texts = [
        "<p>The series starts again on Tuesday. See the <a href='/2020/races/kauppi/'>Kauppi Sports Center stage</a>"
        " page for the route and the parking.</p><p><a href='https://example.com/photos/1'>Photo album of the race"
        ", Heikki V.</a></p>",
        "<p>Run the routes on your own schedule this week. <a href='/2020/races/solo/'>Read more</a></p>",
        "<p>Follow our channels (<a href='https://example.com/tw'>Twitter</a>) for the hidden egg.</p>",
        "<h2>Results</h2><p><a href='https://example.com/results/9'>All the results of the race</a></p>",
    ]
    return "<div id='blog-post'>" + "".join(
        f"<h2><a href='/news/{slug}.html'>{title}</a> <span>{day}</span></h2><p>The post's first paragraph.</p>{text}"
        for title, slug, day, text in zip(POSTS, slugs, shown, texts, strict=True)
    ) + "</div>"


def test_posts_shown_in_full_under_linked_headings_are_the_entries_not_the_links_in_their_text():
    entries = _entries(_full_posts(SHOWN, SLUGS), "<html lang='fi'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["url"] for e in entries] == [f"https://example.org/news/{slug}.html" for slug in SLUGS]
