"""Run by benchmarks/learn_peers.py in autoscraper's own virtualenv (autoscraper 1.1.14 needs the
beautifulsoup4 of its time: with 4.13 it matches nothing). Reads [{"html": path, "url": ..., "example": ...}]
as JSON on stdin, writes {url: [title, ...]} as JSON on stdout. No network: the page is given as html.
"""

import json
import re
import socket
import sys
import unicodedata

from autoscraper import AutoScraper


def refuse(*args, **kwargs):
    raise OSError("network switched off by benchmarks/autoscraper_run.py")


def as_shown(title: str) -> re.Pattern:
    """The title as a person copies it from the browser, matched as the page's markup holds it: autoscraper
    compares texts exactly, after its own NFKD normalisation, and saved HTML breaks lines inside them."""
    words = unicodedata.normalize("NFKD", title).split()
    return re.compile(r"\s*" + r"\s+".join(map(re.escape, words)) + r"\s*")


def titles(page: dict) -> list[str]:
    with open(page["html"], "rb") as handle:
        text = handle.read().decode("utf-8", "replace")
    scraper = AutoScraper()
    try:
        scraper.build(url=page["url"], html=text, wanted_list=[as_shown(page["example"])])
        found = scraper.get_result_similar(url=page["url"], html=text, keep_order=True)
    except Exception as exc:  # noqa: BLE001 - a crash is data for the benchmark
        return {"crash": f"{type(exc).__name__}: {exc}"}
    return [unicodedata.normalize("NFC", " ".join(t.split())) for t in found]


def main() -> None:
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = refuse
    pages = json.load(sys.stdin)
    json.dump({page["url"]: titles(page) for page in pages}, sys.stdout)


if __name__ == "__main__":
    main()
