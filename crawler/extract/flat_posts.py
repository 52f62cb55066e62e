"""Posts shown in full with no element of their own: a heading whose only link is the post's date or its title,
then the post's paragraphs up to the next such heading ("<h2>Title <a>22.3.2026</a></h2><p>… <a>the letter</a>
…</p><h2>…"). The links in those paragraphs are the post's text, not entries of the listing."""

from __future__ import annotations

from ..parsers.datelines import date_in_line
from .html import tag, text_of
from .titles import HEADINGS, titled_heading

# The fewest such headings side by side that make a page of posts.
_MIN_POSTS = 3
# A post's body is prose: its links hold at most this share of its text, and there are at most this many of them
# per post on average. Headings over lists of entries ("<h2><a>Reports</a></h2>" over a dozen linked documents)
# head bodies of links.
_MAX_LINKED_SHARE, _MAX_LINKS_PER_POST = 1 / 3, 3


def post_bodies(links: list) -> dict:
    """{heading: the elements of its post's body} for the posts named by linked headings (each heading's following
    siblings up to the next heading of its rank or above), in every container of such headings among the entry
    `links`. A link inside a body is the post's text."""
    bodies: dict = {}
    headings = {next((x for x in a.iterancestors() if tag(x) in HEADINGS), None) for a in links}
    for parent in {h.getparent() for h in headings if h is not None}:
        if parent is not None:
            bodies.update(_bodies_in(parent))
    return bodies


def _bodies_in(parent) -> dict:
    children = [c for c in parent if isinstance(c.tag, str)]
    for rank in sorted({_rank(c) for c in children if _names_post(c)}):
        heads = [i for i, c in enumerate(children) if _rank(c) == rank and _names_post(c)]
        hrefs = {_only_link(children[i]).get("href").strip() for i in heads}
        if len(heads) < _MIN_POSTS or len(hrefs) < len(heads):
            continue
        bodies = {children[i]: _body(children[i + 1 :], rank) for i in heads}
        if _prose([el for body in bodies.values() for el in body], len(heads)):
            return bodies
    return {}


def _body(after: list, rank: int) -> list:
    """The siblings after a post's heading up to the next heading of its rank or above (the next post, or a section
    of the page's own); a heading of a lower rank is the post's own."""
    body = []
    for sibling in after:
        if tag(sibling) in HEADINGS and _rank(sibling) <= rank:
            break
        body.append(sibling)
    return body


def _rank(heading) -> int:
    return int(tag(heading)[1]) if tag(heading) in HEADINGS else 0


def _prose(body: list, posts: int) -> bool:
    links = [a for el in body for a in el.iter("a") if (a.get("href") or "").strip()]
    linked = sum(len(text_of(a) or "") for a in links)
    return len(links) <= _MAX_LINKS_PER_POST * posts and linked <= _MAX_LINKED_SHARE * sum(map(_chars, body))


def _chars(el) -> int:
    return len(text_of(el) or "")


def _only_link(heading):
    found = [a for a in heading.iter("a") if (a.get("href") or "").strip()]
    return found[0] if len(found) == 1 else None


def _names_post(el) -> bool:
    """A heading whose only link is the post's date beside its title words ("Title <a>22.3.2026</a>"), or its
    whole title ("<a>Title</a>")."""
    if tag(el) not in HEADINGS:
        return False
    link = _only_link(el)
    if link is None:
        return False
    shown, linked = text_of(el) or "", text_of(link) or ""
    if linked and date_in_line(linked) == linked:
        return titled_heading(link) is el
    return bool(linked) and linked == shown


def without_post_links(links: list, bodies: dict) -> list:
    """The entry `links` but those in the bodies of posts (`bodies`: post_bodies())."""
    inside = {el for body in bodies.values() for el in body}
    return [a for a in links if not any(x in inside for x in a.iterancestors())] if inside else links


def headed_runs(runs: list, bodies: dict) -> list:
    """Flat runs of siblings anchored on posts' headings (`bodies`: post_bodies()), each opened only by lines that
    open an entry (a date line, a picture): a paragraph before a heading ends the post above (in whose run it goes)
    or is no post's (an introduction before the first)."""
    out: list = []
    for run in runs:
        at = next((k for k, m in enumerate(run) if m in bodies), 0)
        opening = [m for m in run[:at] if _opens_entry(m)]
        for m in run[:at]:
            if m not in opening and out and m in bodies.get(_post_heading(out[-1], bodies), ()):
                out[-1] = [*out[-1], m]
        out.append([*opening, *run[at:]])
    return out


def _post_heading(run: list, bodies: dict):
    return next((m for m in run if m in bodies), None)


def _opens_entry(el) -> bool:
    shown = text_of(el)
    return not shown or date_in_line(shown) == shown
