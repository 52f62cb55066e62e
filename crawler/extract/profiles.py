"""Site profiles: a listing's markup described as data (TOML), one file per site."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

SELECTOR_KEYS = ("page_title", "container", "group", "entry", "title", "date", "description", "credit", "image", "next", "pages")


class ProfileError(ValueError):
    """A profile file that cannot be used, with a message saying why."""


@dataclass(frozen=True)
class Profile:
    name: str
    selectors: dict[str, str]
    domains: tuple[str, ...] = ()
    document_id: re.Pattern | None = None
    rows_per_page: int | None = None
    description: str = ""
    source: str = field(default="", compare=False)

    def matches(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)


def _from_mapping(data: dict, source: str) -> Profile:
    name = data.get("name")
    selectors = data.get("selectors") or {}
    if not isinstance(name, str) or not name:
        raise ProfileError(f"{source}: a profile needs a name")
    if not isinstance(selectors, dict) or not selectors.get("entry"):
        raise ProfileError(f"{source}: a profile needs [selectors] with at least 'entry'")
    unknown = set(selectors) - set(SELECTOR_KEYS)
    if unknown:
        raise ProfileError(f"{source}: unknown selector(s) {', '.join(sorted(unknown))}; known: {', '.join(SELECTOR_KEYS)}")
    from cssselect import SelectorError, GenericTranslator

    for key, sel in selectors.items():
        try:
            GenericTranslator().css_to_xpath(sel)
        except SelectorError as exc:
            raise ProfileError(f"{source}: selector {key} = {sel!r} is not valid CSS: {exc}") from None
    try:
        pattern = re.compile(data["document_id"]) if data.get("document_id") else None
    except re.error as exc:
        raise ProfileError(f"{source}: document_id is not a valid regular expression: {exc}") from None
    return Profile(
        name=name,
        selectors=dict(selectors),
        domains=tuple(d.lower() for d in data.get("domains", [])),
        document_id=pattern,
        rows_per_page=data.get("rows_per_page"),
        description=data.get("description", ""),
        source=source,
    )


def read_toml(path: str | Path, what: str, error: type[ValueError]) -> dict:
    """A TOML file as a dict; a missing or malformed file raises `error` saying which."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"no {what} file at {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None


def load_profile_file(path: str | Path) -> Profile:
    return _from_mapping(read_toml(path, "profile", ProfileError), str(path))


@lru_cache(maxsize=1)
def bundled_profiles() -> dict[str, Profile]:
    out = {}
    for item in resources.files("crawler.profiles").iterdir():
        if item.name.endswith(".toml"):
            profile = _from_mapping(tomllib.loads(item.read_text(encoding="utf-8")), item.name)
            out[profile.name] = profile
    return out


def get_profile(name_or_path: str | None) -> Profile | None:
    """A bundled profile by name, a profile file by path, or None for "auto"."""
    if name_or_path in (None, "", "auto"):
        return None
    profiles = bundled_profiles()
    if name_or_path in profiles:
        return profiles[name_or_path]
    if name_or_path.endswith(".toml") or Path(name_or_path).exists():
        return load_profile_file(name_or_path)
    raise ProfileError(f"unknown profile {name_or_path!r}: use one of {', '.join(sorted(profiles))}, 'auto', or a .toml file")


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
