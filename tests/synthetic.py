"""Small synthetic listing pages the extraction tests share: the generic extractor's (generic_entries)
and `learn`'s (page, read, with their TITLES, DATES and ISO days)."""

from crawler.entries import build_entries
from crawler.extract import extract_page
from crawler.extract.learn_site import learn_profile

URL = "https://example.org/news/"
TITLES = [
    "Annual report on forests 2023",
    "New rules for river fishing",
    "Town council meets on budget",
    "Volunteers plant two thousand trees",
]
DATES = ["12 March 2023", "3 February 2023", "20 January 2023", "5 January 2023"]
ISO = ["2023-03-12", "2023-02-03", "2023-01-20", "2023-01-05"]
NOISE = (
    '<nav class="menu"><ul><li><a href="/">Home page link</a></li>'
    '<li><a href="/about">About us here</a></li></ul></nav>'
)


def page(body: str) -> str:
    return f'<html lang="en"><head><title>News</title></head><body>{NOISE}<main>{body}</main></body></html>'


def read(html: str, examples: list[str]) -> tuple[str, list[dict]]:
    learned = learn_profile(html, URL, examples, "test page")
    return learned.text, build_entries(extract_page(html, URL, learned.profile), URL, URL, learned.profile)


def generic_entries(items: str, head: str = "<html>") -> list[dict]:
    """The generic extractor's entries of `items` in a page's main, beside a small menu."""
    html = f"{head}<body><nav><a href='/'>Home</a><a href='/about'>About</a></nav><main>{items}</main></body></html>"
    return build_entries(extract_page(html, URL, "auto"), URL)
