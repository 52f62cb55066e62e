"""`--config FILE`: one TOML file names the archive, the listings and their spider or
profile, so that one cron line serves many listings.

    db = "archive.db"
    contact = "research-team@example.org"
    notify = ["mailto://user:pass@example.org"]
    log_dir = "logs"

    [settings]                 # Scrapy settings
    DOWNLOAD_DELAY = 2

    [[listing]]
    url = "https://www.ilo.org/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm"
    spider = "ilo"             # ilo (default) or listing
    profile = "ilo"            # optional: a bundled name, auto, or a profile .toml
    username = "reader"        # optional: HTTP basic auth, sent to this listing's origin only
    password_env = "LISTING_PW"  # the password from this environment variable (or password = "...")
    render = true              # optional: a browser builds this list (docs/rendering.md)

The file is checked against a schema before anything is crawled: an unknown key (a
typo) or a value of the wrong type is an error naming the file, the key and the type
expected, never a silent fall-back to a default.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from crawler.credentials import add_credentials, split_credentials
from crawler.errors import ListingArchiveError
from crawler.extract.profiles import ProfileError, get_profile, profile_beside, read_toml
from crawler.origins import StartUrlError, check_start_url, same_request
from crawler.settings import SettingError, check_settings

from .config_folders import folder_problem
from .notify import refused_urls, shown

# Top-level keys and the type each must have ("text" is a non-empty string).
TOP_LEVEL = {
    "db": "text",
    "contact": "text",
    "notify": "text or list of text",
    "log_dir": "text",
    "jobdir": "text",
    "frontier": "text",
    "settings": "table",
    "listing": "list of tables ([[listing]])",
}
LISTING_KEYS = {
    "url": "an http(s) URL",
    "spider": "ilo or listing",
    "profile": "text",
    "username": "text",
    "password": "text",
    "password_env": "the name of an environment variable",
    "render": "true or false",
}
AUTH_KEYS = ("username", "password", "password_env")
SPIDERS = ("ilo", "listing")
KNOWN = set(TOP_LEVEL)


class ConfigError(ListingArchiveError, ValueError):
    pass


class StartUrlConfigError(ConfigError, StartUrlError):
    """A listing's url no crawl can begin at: exit 2 (StartUrlError's), as the same URL as --start-url."""


@dataclass
class Config:
    listings: list[dict]
    db: str | None = None
    contact: str | None = None
    notify: list[str] = field(default_factory=list)
    log_dir: str | None = None
    jobdir: str | None = None
    frontier: str | None = None  # redis://HOST:PORT/DB: a crawl shared by workers
    settings: dict = field(default_factory=dict)
    credentials: dict = field(default_factory=dict, repr=False)  # {origin: (user, password)}

    @property
    def spider(self) -> str:
        spiders = {item.get("spider", "ilo") for item in self.listings}
        return spiders.pop() if len(spiders) == 1 else "listing"

    @property
    def rendered(self) -> list[str]:
        """The listings a browser builds (`render = true`): crawled in Chromium."""
        return [item["url"] for item in self.listings if item.get("render")]

    @property
    def profiles(self) -> dict[str, str]:
        """Each listing's profile; a listing of spider `ilo` reads with the ILO profile by default."""
        return {
            item["url"]: item.get("profile") or ("ilo" if item.get("spider", "ilo") == "ilo" else "auto")
            for item in self.listings
        }


_KINDS = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", dict: "a table", list: "an array"}


def _wrong(path, where: str, key: str, expected: str, value) -> ConfigError:
    """The message for a value of the wrong type: the file, the key, what was expected and what was found."""
    kind = _KINDS.get(type(value), type(value).__name__)
    return ConfigError(f"{path}: {where}key {key!r}: expected {expected}, got {kind} {value!r}")


def _unknown(path, where: str, keys, known) -> None:
    for key in sorted(set(keys) - set(known)):
        close = difflib.get_close_matches(key, list(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"{path}: {where}unknown key {key!r}{hint}; known keys: {', '.join(sorted(known))}")


def _text(path, where: str, key: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _wrong(path, where, key, "a non-empty string", value)
    return value


def _check_listing(path, number: int, item) -> dict:
    where = f"[[listing]] #{number}: "
    if not isinstance(item, dict):
        raise _wrong(path, "", "listing", "a list of tables ([[listing]])", item)
    _unknown(path, where, item, LISTING_KEYS)
    if "url" not in item:
        raise ConfigError(f"{path}: {where}missing key 'url' (expected an http(s) URL)")
    url = _text(path, where, "url", item["url"])
    try:
        check_start_url(url)
    except StartUrlError as exc:
        raise StartUrlConfigError(f"{path}: {where}key 'url': {exc}") from None
    if "spider" in item and item["spider"] not in SPIDERS:
        raise _wrong(path, where, "spider", "ilo or listing", item["spider"])
    if "profile" in item:
        _check_profile(path, where, _text(path, where, "profile", item["profile"]))
    if "render" in item and not isinstance(item["render"], bool):
        raise _wrong(path, where, "render", "true or false", item["render"])
    return item


def _listing_credentials(path, where: str, item: dict) -> tuple[str, str] | None:
    """The listing's user and password, from its URL or its keys (taken off both); None if it has none."""
    item["url"], in_url = split_credentials(item["url"])
    keys = {key: item.pop(key) for key in AUTH_KEYS if key in item}
    if not keys:
        return in_url
    for key, value in keys.items():
        if not isinstance(value, str) or not value:  # the value is not printed: it may be the password
            raise ConfigError(f"{path}: {where}key {key!r}: expected a non-empty string")
    if in_url:
        raise ConfigError(f"{path}: {where}a user and password both in 'url' and in {', '.join(keys)}: give them once")
    if "username" not in keys or ("password" in keys) == ("password_env" in keys):
        raise ConfigError(f"{path}: {where}HTTP authentication takes 'username' and one of 'password', 'password_env'")
    if "password" in keys:
        return keys["username"], keys["password"]
    password = os.environ.get(keys["password_env"])
    if not password:
        raise ConfigError(f"{path}: {where}key 'password_env': no environment variable {keys['password_env']} is set")
    return keys["username"], password


def _check_profile(path, where: str, profile: str) -> None:
    try:
        get_profile(profile_beside(profile, Path(path).resolve().parent))
    except ProfileError as exc:
        raise ConfigError(f"{path}: {where}key 'profile': {exc}") from None


def _check_top(path, data: dict) -> None:
    _unknown(path, "", data, TOP_LEVEL)
    for key in ("db", "contact", "log_dir", "jobdir", "frontier"):
        if key in data:
            _text(path, "", key, data[key])
    notify = data.get("notify", [])
    if isinstance(notify, str):
        notify = [notify]
    if not isinstance(notify, list) or not all(isinstance(n, str) and n.strip() for n in notify):
        raise _wrong(path, "", "notify", "a string or a list of strings", data["notify"])

    refused = refused_urls(notify)
    if refused:
        raise ConfigError(f"{path}: key 'notify': {shown(refused[0])} is not a notification URL Apprise understands")
    if "settings" in data and not isinstance(data["settings"], dict):
        raise _wrong(path, "", "settings", "a table ([settings])", data["settings"])
    listings = data.get("listing")
    if listings is None or listings == []:
        raise ConfigError(f"{path}: no [[listing]] with a url")
    if not isinstance(listings, list):
        raise _wrong(path, "", "listing", "a list of tables ([[listing]])", listings)


def _credentials(path, listings: list[dict]) -> dict:
    """{origin: (user, password)} from every listing's URL or keys."""
    found: dict = {}
    for number, item in enumerate(listings, 1):
        pair = _listing_credentials(path, f"[[listing]] #{number}: ", item)
        problem = add_credentials(found, item["url"], pair) if pair else None
        if problem:
            raise ConfigError(f"{path}: [[listing]] #{number}: {problem}")
    return found


def _check_duplicates(path, listings: list[dict]) -> None:
    """A listing given twice would be crawled once with one of its two profiles: say so instead."""
    first: dict[str, int] = {}
    for number, item in enumerate(listings, 1):
        key = same_request(item["url"])  # `url#top` and `url?` are `url` again: Scrapy fetches it once
        if key in first:
            raise ConfigError(
                f"{path}: [[listing]] #{number}: key 'url': {item['url']} is already [[listing]] #{first[key]}"
            )
        first[key] = number


def _check_settings(path, settings: dict) -> dict:
    """The [settings] table converted to the settings' types, or a ConfigError naming the file and setting."""
    try:
        return check_settings(settings)
    except SettingError as exc:
        raise ConfigError(f"{path}: [settings] {exc}") from None


def _folder(path, key: str, value: str | None) -> str | None:
    """A folder the crawl creates or reuses (`jobdir`, `log_dir`): one that exists as a file is refused here,
    not deep inside Scrapy."""
    problem = value and folder_problem(value)
    if problem:
        raise ConfigError(f"{path}: key {key!r}: {problem}")
    return value


def load_config(path: str) -> Config:
    file = Path(path)
    if file.is_dir():
        raise ConfigError(f"{path} is a folder, not a config file")
    data = read_toml(file, "config", ConfigError)
    _check_top(path, data)
    listings = [_check_listing(path, n, item) for n, item in enumerate(data["listing"], 1)]
    credentials = _credentials(path, listings)
    _check_duplicates(path, listings)
    settings = _check_settings(path, dict(data.get("settings") or {}))
    base = file.resolve().parent

    def beside(value):  # paths in the file are relative to the file
        return str((base / value).resolve()) if value else None

    for item in listings:
        if "profile" in item:
            item["profile"] = profile_beside(item["profile"], base)
    notify = data.get("notify") or []
    return Config(
        listings=listings,
        db=beside(data.get("db")),
        contact=data.get("contact"),
        notify=[notify] if isinstance(notify, str) else list(notify),
        log_dir=_folder(path, "log_dir", beside(data.get("log_dir"))),
        jobdir=_folder(path, "jobdir", beside(data.get("jobdir"))),
        frontier=data.get("frontier"),
        settings=settings,
        credentials=credentials,
    )
