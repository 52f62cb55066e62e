"""Site profiles: a listing's markup described as data (TOML), one file per site."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ListingArchiveError
from ..parsers.ids import host_of

SELECTOR_KEYS = (
    "page_title",
    "container",
    "group",
    "entry",
    "title",
    "link",  # where the title's element links nowhere: the entry's link (its "Read more"); else the title's link
    "date",
    "description",
    "credit",
    "image",
    "next",
    "pages",
)

# Every key a profile file may hold: its type, and the words an error names it by.
SCHEMA: dict[str, tuple[type | tuple[type, ...], str]] = {
    "name": (str, "a string"),
    "description": (str, "a string"),
    "domains": (list, "a list of host names"),
    "document_id": (str, "a regular expression (a string)"),
    "page_offset": (str, "a regular expression (a string) with one group: the first row's offset"),
    "rows_per_page": (int, "a whole number"),
    "selectors": (dict, "a table of CSS selectors"),
    "flat": (bool, "true or false (an entry is its element and the siblings after it, up to the next entry)"),
    "title_quoted": (bool, "true or false (an entry's title is the part of its title's text in quote marks)"),
    "title_after_date": (str, 'a mark (":", "–", "|": the title follows the date its text opens on and this mark)'),
    "title_with_date": (bool, "true or false (each title keeps the date its element's text opens or closes on)"),
    "title_whole": (bool, "true or false (each title is its element's whole text, its lines in blocks kept)"),
    "title_before": (list, 'a list of words or marks the title ends before (" op ", " at ", "(")'),
    "title_line_after_date": (bool, "true or false (each title is the line after its entry's date element)"),
    "title_without": (str, "a CSS selector (the part of each title's element left out of the title: a badge)"),
    "title_after_label": (str, 'a field label ("Description:": the title follows it where its text opens on it)'),
    # Listings a browser builds (crawler/render.py): render them, wait for a selector, expand the list.
    "render": (bool, "true or false"),
    "wait_for": (str, "a CSS selector"),
    "load_more": (str, 'a CSS selector (the "Load more" button)'),
    "scroll": (bool, "true or false"),
}
# The keys that hold CSS selectors besides [selectors], checked as such.
RENDER_SELECTORS = ("wait_for", "load_more")
CSS_KEYS = (*RENDER_SELECTORS, "title_without")


class ProfileError(ListingArchiveError, ValueError):
    """A profile file that cannot be used, with a message saying why."""


@dataclass(frozen=True)
class Profile:
    name: str
    selectors: dict[str, str]
    domains: tuple[str, ...] = ()
    document_id: re.Pattern | None = None  # the site's document number in an entry's link; it becomes entry_id
    rows_per_page: int | None = None
    page_offset: re.Pattern | None = None  # a page's first row in its URL ("nextRow--20"), to number pages
    description: str = ""
    # Entries with no element of their own (<dt>+<dd>, <h3>+<p>): `entry` selects each entry's first
    # element, and the siblings after it, up to the next entry, belong to it too.
    flat: bool = False
    # `Speaker (Lab) on "Title"`: the title is the quoted part of the title element's text (quoted_title).
    title_quoted: bool = False
    # `7/10/2025: Title op Venue`: the title is the part of its element's text after the date it opens on and this
    # mark (that date is the entry's), and before the first of `title_before` (title_cuts.py).
    title_after_date: str = ""
    title_before: tuple[str, ...] = ()
    # `May 5, 2026 at 4:30 PM - Committee`: the title is its element's whole text, the date at its edge kept (the
    # words beside the date name a kind that repeats from entry to entry, no entry's own name).
    title_with_date: bool = False
    # Each title is its element's whole text: the lines in blocks after its opening words are no byline or date lines
    # of a card but part of its name (`<a>1 - Case: Appeal<br><div>1.0000.24.506095-9/001</div></a>`).
    title_whole: bool = False
    # `<a><strong>Sonntag, 24. April</strong></a> “A faun”<br>…`: the title is the words after the date element to the
    # end of their line, else the next line (title_cuts.line_after_date).
    title_line_after_date: bool = False
    # `<dd>Name <span class="text-success">cerrado</span></dd>`: the title is its element's text without the parts this
    # selector names inside it (a state badge).
    title_without: str = ""
    # `<td>Description: Boundary Adjustment</td>`: the title is its element's text after this field label.
    title_after_label: str = ""
    render: bool = False  # its pages are rendered in Chromium (crawler/render.py)
    wait_for: str = ""  # a selector the rendered page must hold before it is read
    load_more: str = ""  # a "Load more" button, clicked until it goes away
    scroll: bool = False  # an infinite scroll, scrolled until the page stops growing
    source: str = field(default="", compare=False)

    def render_spec(self) -> dict:
        """How a rendered page of this profile is waited for and expanded (crawler/render_page.py)."""
        return {"wait_for": self.wait_for, "load_more": self.load_more, "scroll": self.scroll}

    def matches(self, url: str) -> bool:
        host = host_of(url)
        return any(host == d or host.endswith("." + d) for d in self.domains)


def document_patterns(url: str) -> tuple[re.Pattern, ...]:
    """The document-number patterns of the bundled site profiles for this URL's host (all of
    them for a bare number such as "WCMS_865548")."""
    return _patterns_for_host(host_of(url) if "://" in url else None)


@lru_cache(maxsize=1024)
def _patterns_for_host(host: str | None) -> tuple[re.Pattern, ...]:
    profiles = bundled_profiles().values()
    return tuple(
        p.document_id for p in profiles if p.document_id is not None and (host is None or p.matches(f"https://{host}/"))
    )


def _type_name(value) -> str:
    return {
        str: "a string",
        int: "a whole number",
        list: "a list",
        dict: "a table",
        bool: "true/false",
        float: "a number",
    }.get(type(value), type(value).__name__)


def validate(data: dict, source: str) -> None:
    """Check a profile's keys and types against SCHEMA; a ProfileError names the file, the key
    and what was expected."""
    for key, value in data.items():
        if key not in SCHEMA:
            raise ProfileError(f"{source}: unknown key {key!r}; a profile holds {', '.join(SCHEMA)}")
        kind, expected = SCHEMA[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise ProfileError(f"{source}: {key} must be {expected}, not {_type_name(value)} ({value!r})")
    if not data.get("name"):
        raise ProfileError(f'{source}: a profile needs a name (name = "...")')
    if any(not isinstance(d, str) for d in data.get("domains", [])):
        raise ProfileError(f"{source}: domains must be a list of host names (strings)")
    if any(not isinstance(w, str) or not w.strip() for w in data.get("title_before", [])):
        raise ProfileError(f'{source}: title_before must be a list of words or marks (strings: " op ", "(")')
    selectors = data.get("selectors") or {}
    if not selectors.get("entry"):
        raise ProfileError(f"{source}: a profile needs [selectors] with at least 'entry'")
    for key, sel in selectors.items():
        if key not in SELECTOR_KEYS:
            # `flat = true` added at the end of the file lands in [selectors]: TOML reads it as that table's
            above = f" ({key} is a profile key: it goes above [selectors])" if key in SCHEMA else ""
            raise ProfileError(
                f"{source}: unknown selector {key!r} in [selectors]{above}; known: {', '.join(SELECTOR_KEYS)}"
            )
        if not isinstance(sel, str):
            raise ProfileError(
                f"{source}: selectors.{key} must be a CSS selector (a string), not {_type_name(sel)} ({sel!r})"
            )


def _pattern(data: dict, key: str, source: str) -> re.Pattern | None:
    try:
        pattern = re.compile(data[key]) if data.get(key) else None
    except re.error as exc:
        raise ProfileError(f"{source}: {key} is not a valid regular expression: {exc}") from None
    if pattern is not None and _nested_repeat(re._parser.parse(pattern.pattern)):
        raise ProfileError(
            f"{source}: {key} = {pattern.pattern!r} repeats a repetition (like (a+)+), which can take hours "
            "on one link: write it without the nested repeat"
        )
    return pattern


def _nested_repeat(items, inside: bool = False) -> bool:
    """Whether a parsed pattern repeats something that itself repeats a variable number of times (catastrophic
    backtracking: (a+)+, (a*b*)*, (x{1,9})+); a fixed count ((ab){2})+ is harmless."""
    for op, arg in items:
        if op in (re._constants.MAX_REPEAT, re._constants.MIN_REPEAT, re._constants.POSSESSIVE_REPEAT):
            low, high, sub = arg
            if inside and low != high:
                return True
            if _nested_repeat(sub, inside or low != high):
                return True
            continue
        for part in arg if isinstance(arg, (list, tuple)) else ():
            subs = part if isinstance(part, list) else [part]  # a BRANCH holds a list of alternatives
            if any(isinstance(s, re._parser.SubPattern) and _nested_repeat(s, inside) for s in subs):
                return True
    return False


def _from_mapping(data: dict, source: str) -> Profile:
    validate(data, source)
    selectors = data["selectors"]
    from cssselect import GenericTranslator, SelectorError

    checked = {**selectors, **{key: data[key] for key in CSS_KEYS if data.get(key)}}
    for key, sel in checked.items():
        try:
            GenericTranslator().css_to_xpath(sel)
        except SelectorError as exc:
            raise ProfileError(f"{source}: selector {key} = {sel!r} is not valid CSS: {exc}") from None
    return Profile(
        name=data["name"],
        selectors=dict(selectors),
        domains=tuple(d.lower() for d in data.get("domains", [])),
        document_id=_pattern(data, "document_id", source),
        rows_per_page=data.get("rows_per_page"),
        page_offset=_pattern(data, "page_offset", source),
        description=data.get("description", ""),
        flat=data.get("flat", False),
        title_quoted=data.get("title_quoted", False),
        title_after_date=data.get("title_after_date", ""),
        title_before=tuple(data.get("title_before", ())),
        title_with_date=data.get("title_with_date", False),
        title_whole=data.get("title_whole", False),
        title_line_after_date=data.get("title_line_after_date", False),
        title_without=data.get("title_without", ""),
        title_after_label=data.get("title_after_label", ""),
        render=data.get("render", False),
        wait_for=data.get("wait_for", ""),
        load_more=data.get("load_more", ""),
        scroll=data.get("scroll", False),
        source=source,
    )


def read_toml(path: str | Path, what: str, error: type[ValueError]) -> dict:
    """A TOML file as a dict; a missing, malformed, huge or not regular file raises `error` saying which."""
    from ..files import TEXT_FILE_LIMIT, read_regular_file

    data = read_regular_file(path, what, TEXT_FILE_LIMIT, error)
    try:
        return tomllib.loads(data.decode("utf-8-sig"))  # -sig: a byte order mark, as Windows editors write
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise error(f"{path}: not valid TOML: nested too deeply") from None


def profile_from_text(text: str, source: str) -> Profile:
    """A profile from TOML text (a profile being written, checked before it is saved)."""
    try:
        return _from_mapping(tomllib.loads(text), source)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: not valid TOML: {exc}") from None


def load_profile_file(path: str | Path) -> Profile:
    return _from_mapping(read_toml(path, "profile", ProfileError), str(path))


@lru_cache(maxsize=1)
def bundled_profiles() -> dict[str, Profile]:
    out = {}
    for item in resources.files("crawler.profiles").iterdir():
        if item.name.endswith(".toml"):
            try:
                data = tomllib.loads(item.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ProfileError(f"{item.name}: not valid TOML: {exc}") from None
            profile = _from_mapping(data, item.name)
            out[profile.name] = profile
    return out


# Profile files as the crawl that named them read them ({path: TOML text}): a distributed crawl's worker reads its
# coordinator's profile from the frontier, never a file of the same name on its own disk (missing, or edited since).
_GIVEN_TEXTS: dict[str, str] = {}


def use_profile_texts(texts: dict) -> None:
    """Read these profile files from `texts` ({path: TOML text}), not from this machine's disk."""
    _GIVEN_TEXTS.update({str(path): str(text) for path, text in (texts or {}).items()})


def profile_texts(names) -> dict[str, str]:
    """{path: TOML text} of the profile files among `names` (bundled names and "auto" aside), as read now."""
    files = {n for n in names if n and n != "auto" and n not in bundled_profiles()}
    return {name: Path(name).read_text(encoding="utf-8") for name in sorted(files) if Path(name).is_file()}


def get_profile(name_or_path: str | None) -> Profile | None:
    """A bundled profile by name, a profile file by path, or None for "auto"."""
    if name_or_path in (None, "", "auto"):
        return None
    profiles = bundled_profiles()
    if name_or_path in profiles:
        return profiles[name_or_path]
    if name_or_path in _GIVEN_TEXTS:
        return profile_from_text(_GIVEN_TEXTS[name_or_path], name_or_path)
    if name_or_path.endswith(".toml") or Path(name_or_path).exists():
        return load_profile_file(name_or_path)
    raise ProfileError(
        f"unknown profile {name_or_path!r}: use one of {', '.join(sorted(profiles))}, 'auto', or a .toml file"
    )


def profile_beside(profile: str | None, base: Path) -> str | None:
    """A profile file's path made absolute against `base` (a config file's folder, or the working folder of
    the command that names it), so a crawl records where it is; a name (ilo, auto) stays a name."""
    if not profile or not (profile.endswith(".toml") or "/" in profile):
        return profile
    return str((base / profile).resolve())


def profile_for_url(url: str) -> Profile | None:
    for profile in bundled_profiles().values():
        if profile.matches(url):
            return profile
    return None


def choose_profile(name: str | None, url: str) -> Profile | None:
    """The one rule for which profile reads a page: a name or file as given, "auto" the
    generic extractor (None), no name the bundled profile whose domains match the URL."""
    if name is None:
        return profile_for_url(url)
    return get_profile(name)
