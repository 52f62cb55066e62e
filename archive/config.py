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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crawler.extract.profiles import read_toml

KNOWN = {"db", "contact", "notify", "log_dir", "jobdir", "settings", "listing"}


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    listings: list[dict]
    db: str | None = None
    contact: str | None = None
    notify: list[str] = field(default_factory=list)
    log_dir: str | None = None
    jobdir: str | None = None
    settings: dict = field(default_factory=dict)

    @property
    def spider(self) -> str:
        spiders = {item.get("spider", "ilo") for item in self.listings}
        return spiders.pop() if len(spiders) == 1 else "listing"

    @property
    def profiles(self) -> dict[str, str]:
        """Each listing's profile; a listing of spider `ilo` reads with the ILO profile by default."""
        return {item["url"]: item.get("profile") or ("ilo" if item.get("spider", "ilo") == "ilo" else "auto") for item in self.listings}


def load_config(path: str) -> Config:
    file = Path(path)
    data = read_toml(file, "config", ConfigError)
    unknown = set(data) - KNOWN
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN))}")
    listings = data.get("listing") or []
    if not listings:
        raise ConfigError(f"{path}: no [[listing]] with a url")
    for item in listings:
        url = item.get("url", "")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{path}: listing url {url!r} is not an http(s) URL")
        if item.get("spider", "ilo") not in ("ilo", "listing"):
            raise ConfigError(f"{path}: listing {url}: spider must be ilo or listing")
    base = file.resolve().parent

    def beside(value):  # paths in the file are relative to the file
        return str((base / value).resolve()) if value else None

    notify = data.get("notify") or []
    return Config(
        listings=listings,
        db=beside(data.get("db")),
        contact=data.get("contact"),
        notify=[notify] if isinstance(notify, str) else list(notify),
        log_dir=beside(data.get("log_dir")),
        jobdir=beside(data.get("jobdir")),
        settings=dict(data.get("settings") or {}),
    )
