"""A spider for any listing: start pages, pagination to the end, one item a page carrying its entries.

It never leaves the start URLs' hosts, never requests a page twice in a crawl, and
keeps count, per listing, of pages fetched and failed: a listing is complete only
when every page it found was fetched.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.spidermiddlewares.httperror import HttpError

from ..credentials import add_credentials, redact, split_credentials
from ..extract import scripted
from ..extract.profiles import get_profile
from ..items import NOT_WHOLE_HEADER, READ_WITH_HEADER, EntryItem, PageItem
from ..listing_state import STOPPED, ListingState
from ..log_records import clean_log_records
from ..origins import allowed_origins, host, on_site
from ..parse_pool import ParsedPage, ParsePool, note_read, parse_page
from .dropped import UnansweredPagesMixin
from .feeds import FeedWitnessMixin
from .whole_page import LINKED_FROM, LINKER_CLOSED, failed_without_words, html_closes, judge_page
from .whole_page import page_key as _page_key

# Why a resumed crawl is partial: the summary and the crawl's note say it.
RESUMED = (
    "resumed from --jobdir: the stopped crawl fetched some of this listing's pages, so this crawl "
    "does not hold them all and marks nothing removed (the next crawl without a job to resume does)"
)

# Why a listing whose later page repeats earlier pages is partial.
REPEATED_PAGE = "lists only entries already read on an earlier page (the site ignores the page parameter?)"


def _split_urls(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [u.strip() for u in value if u and u.strip()]


def reading_digest(profile) -> str:
    """What reads a listing's pages, short: "auto" (the generic extractor), or a digest of the profile's contents
    (not where its file is), so an edited or another profile reads the pages again (crawler.middlewares)."""
    if profile is None:
        return "auto"
    return hashlib.sha256(repr(replace(profile, source="")).encode()).hexdigest()[:16]


class ListingSpider(FeedWitnessMixin, UnansweredPagesMixin, scrapy.Spider):
    name = None  # an abstract base: the spiders `ilo` and `listing` name themselves
    default_profile = "auto"
    default_start_urls: list[str] = []

    def __init__(self, start_urls=None, profile=None, listing_profiles=None, render_listings=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # {listing URL: profile name or file}: one crawl may read each listing its own way.
        self.listing_profiles = dict(listing_profiles) if isinstance(listing_profiles, dict) else {}
        urls = _split_urls(start_urls) or list(self.listing_profiles) or list(self.default_start_urls)
        if not urls:
            raise ValueError(f"spider {self.name!r} needs start URLs: -a start_urls=URL,URL")
        bad = [redact(u) for u in urls if urlsplit(u).scheme not in ("http", "https") or not host(u)]
        if bad:
            raise ValueError(f"not an http(s) URL: {', '.join(bad)}")
        urls = self._take_credentials(urls)
        self.start_urls = urls
        self.profile_name = profile or self.default_profile
        self._profiles = {name: get_profile(name) for name in {self.profile_name, *self.listing_profiles.values()}}
        self.readings = {url: reading_digest(self._profile_for(url)) for url in urls}  # {listing URL: what reads it}
        # Pages stay on the start URLs' origins (crawler.origins); Scrapy's offsite filter too.
        self.origins = allowed_origins(urls)
        self.allowed_domains = sorted({host(u).removeprefix("www.") for u in urls})
        self.listings = {u: ListingState() for u in urls}
        self._requested: set[str] = set()
        self.render_specs = self._render_specs(render_listings)
        self.feed_items: dict[str, list[dict]] = {}  # per listing: its feed's items, once read
        # Per listing: {entry id: the page it was first read on}, to catch a site that ignores its page parameter.
        self.entries_read_on: dict[str, dict[str, str]] = {}

    def _take_credentials(self, urls: list[str]) -> list[str]:
        """`scrapy crawl -a start_urls=https://user:pass@host/`: the URLs kept and logged bare, the
        user and password sent to their origin only (crawler.credentials); the CLI has taken them off already.
        A `?token=` in their query is sent too, and masked in every log line (`scrapy crawl` logs them too)."""
        clean_log_records()
        self.http_credentials = dict(getattr(self, "http_credentials", None) or {})
        bare = []
        for url in urls:
            url, pair = split_credentials(url)
            problem = add_credentials(self.http_credentials, url, pair) if pair else None
            if problem:
                raise ValueError(problem)
            bare.append(url)
        self.listing_profiles = {split_credentials(u)[0]: p for u, p in self.listing_profiles.items()}
        return list(dict.fromkeys(bare))

    def _render_specs(self, render_listings) -> dict[str, dict]:
        """{listing URL: how its pages are rendered} for the listings a browser builds: asked for
        by the crawl (`render_listings`: URLs, or True for all) or by the listing's profile."""
        asked = set(self.start_urls) if render_listings is True else set(_split_urls(render_listings))
        specs = {}
        for url in self.start_urls:
            profile = self._profile_for(url)
            if url in asked or (profile is not None and profile.render):
                specs[url] = profile.render_spec() if profile is not None else {}
        return specs

    async def start(self):
        self.watch_close_reason()
        state = getattr(self, "state", None)  # set by Scrapy when the crawl has a JOBDIR
        if state is not None:
            stored = list(state.get("listings") or {})
            if state.get("requested") and set(stored) != set(self.start_urls):
                # The job knows only its own listings (a KeyError here before); the CLI refuses it sooner.
                ours, asked = (", ".join(redact(url) for url in urls) for urls in (stored, self.start_urls))
                self.logger.error(
                    f"JOBDIR holds a stopped crawl of {ours}, not of {asked}: resume it with its own "
                    "start URLs, or give another JOBDIR"
                )
                raise CloseSpider("resumed_job_mismatch")  # the job kept for its own start URLs
            if state.get("requested"):
                # Resuming: pages already asked for are in the job's queue or done. A resumed
                # crawl never counts as complete: its earlier pages belong to the stopped crawl.
                self._requested = state["requested"]
                self.listings = {url: ListingState.of(info) for url, info in state["listings"].items()}
                for info in self.listings.values():
                    info.resumed = True
                    self._problem(info, RESUMED)
            state["requested"], state["listings"] = self._requested, self.listings
        for url in self.start_urls:
            request = self.page_request(url, url, 1)
            if request is not None:
                yield request

    # -- hooks: where a page's output goes. This spider gives it to Scrapy; the distributed
    # worker's (crawler/distributed/spider.py) sends it to the frontier instead.

    def page_request(self, url: str, listing_url: str, page: int | None, via: dict | None = None):
        """A listing page to fetch (a start page or a pagination link): its Request, or None.
        `via`: where its link was (LINKED_FROM, LINKER_CLOSED), for crawler.spiders.whole_page."""
        state = self.listings[listing_url]
        key = _page_key(url)
        if key in self._requested:
            return None
        if not on_site(url, self.origins):
            self._problem(state, f"pagination leads off the start hosts: {redact(url)}")
            return None
        max_pages = self.settings.getint("LISTING_MAX_PAGES")
        if max_pages and state.pages_requested >= max_pages:
            self._problem(state, f"stopped at LISTING_MAX_PAGES={max_pages} pages (endless pagination?)")
            return None
        self._requested.add(key)
        state.pages_requested += 1
        self.parse_pool.start_if_due(len(self._requested))
        meta = {"listing_url": listing_url, "page": page, **(via or {})}
        if listing_url in self.render_specs:
            meta["render"] = dict(self.render_specs[listing_url])  # crawler.render.RenderMiddleware reads it
        request = scrapy.Request(
            url,
            callback=self.read_page,
            errback=self.on_page_error,
            meta=meta,
            dont_filter=True,  # our own set above already keeps one request per page
        )
        return self.awaiting(listing_url, key, request)

    def deliver_page(self, item: PageItem, entries: list[EntryItem] | None = None):
        """A fetched page's item (the archive keeps it as a capture) and the entries read from it, when
        they come with it: one item to the item pipelines (crawler/items.py says why one)."""
        if entries:
            item["entries"] = entries
        return (item,)

    def deliver_entries(self, items: list[EntryItem]):
        """A page's entries that come apart from its item (held for the listing's feed): to the item pipelines."""
        return items

    def page_done(self, listing_url: str) -> None:
        """A page is read whole: its item, entries and pagination delivered (after its feed, if it waits for one)."""

    def _profile_for(self, listing_url: str):
        """The listing's profile, loaded once (None: "auto", the generic extractor)."""
        return self._profiles[self._profile_name_for(listing_url)]

    def _profile_name_for(self, listing_url: str) -> str:
        return self.listing_profiles.get(listing_url, self.profile_name)

    @property
    def parse_pool(self) -> ParsePool:
        if not hasattr(self, "_parse_pool"):
            processes = self.settings.getint("PARSE_PROCESSES")
            self._parse_pool = ParsePool(
                processes,
                self.settings.getint("PARSE_PROCESS_AFTER"),
                self.settings.getfloat("PARSE_ANSWER_TIMEOUT"),
            )
        return self._parse_pool

    async def read_page(self, response):
        """A listing page's callback: parsed in the pool's worker when it runs, then read as parse_listing reads it."""
        parsed = None
        if self.parse_pool.active and response.status == 200 and hasattr(response, "text"):
            listing_url = response.meta["listing_url"]
            name = self._profile_name_for(listing_url)
            parsed = await self.parse_pool.parse(
                response.text, response.url, listing_url, name, self._profile_for(listing_url)
            )
            self.crawler.stats.inc_value("parse_pool/pages")
        for output in self.parse_listing(response, parsed):
            yield output

    def parse_listing(self, response, parsed: ParsedPage | None = None):
        listing_url = response.meta["listing_url"]
        state = self.listings[listing_url]
        self.answered(response.meta)
        self.crawler.stats.inc_value("listing/pages")
        page_number = response.meta.get("page")
        if response.status == 304:
            # Unchanged since the archive's last capture: no parsing; the archive sights
            # that capture's entries again, and its pagination links are followed.
            state.pages_fetched += 1
            links = response.meta.get("previous_page_links") or []
            if not response.meta.get("previous_listed", True):  # as when it answered 200 with no entries
                self._problem(state, f"{response.url}: a listing page with no entries (unchanged, 304)")
            else:  # read by what it listed last time: a 304 page may repeat an earlier page, or be repeated
                self._check_repeats(response, listing_url, response.meta.get("previous_entry_ids"), " (unchanged, 304)")
            why = response.meta.get("previous_not_whole")  # as its last capture read: not a whole page of the listing
            if why:
                self._problem(state, f"{response.url}: {why} (unchanged, 304)")
            yield from self.deliver_page(self._page_item(response, page_number, links, "not-modified", not_whole=why))
        elif not hasattr(response, "text"):
            state.pages_failed += 1
            self._problem(state, f"not an HTML page: {response.url}")
            yield from self.deliver_page(self._page_item(response, page_number, [], "failed"))
            self.page_done(listing_url)
            return
        else:
            yield from self._parse_page(response, listing_url, page_number, parsed)
            return
        yield from self._follow(links, listing_url, page_number, {LINKED_FROM: response.url})
        self.page_done(listing_url)

    def _parse_page(self, response, listing_url: str, page_number, parsed: ParsedPage | None):
        if parsed is None:
            # response.text: decoded by Scrapy from the headers, <meta charset> or a guess.
            parsed = parse_page(response.text, response.url, listing_url, self._profile_for(listing_url))
        page, entries = parsed, parsed.entries
        state = self.listings[listing_url]
        state.pages_fetched += 1
        start_page = response.meta.get("page") == 1
        note_read(state, start_page, page.extractor, len(entries), page.script_links, page.prose_links)
        page_number = page.page_number or page_number
        self._check_browser_built(response, listing_url, len(entries), page.page_links)
        if not entries:
            # A block page, an error page served with 200, a redesign: what it does not list was not removed.
            self._problem(state, f"{response.url}: a listing page with no entries")
        else:
            self._check_repeats(response, listing_url, [entry["entry_id"] for entry in entries])
        last = getattr(self.crawler, "previous_captures", {}).get(response.url)  # for a start page, its last capture
        why, entries = judge_page(response, listing_url, page.page_links, entries, last)
        if why:  # a "Page not found" or cut-short page answered 200: it is not known to be the listing's last
            self._problem(state, f"{response.url}: {why}")
        feed = self.feed_request(response, listing_url, entries, page_number, page.page_links)
        feed_url = (self.listings[listing_url].feed or {}).get("url")
        page_item = self._page_item(response, page_number, page.page_links, "parsed", feed_url, why)
        if feed is not None:
            yield from self.deliver_page(page_item)
            yield feed  # the entries and the pagination wait for the feed (FeedWitnessMixin)
            return
        entries = self.with_feed(listing_url, entries)
        yield from self.deliver_page(page_item, [EntryItem.seen_on(e, response.url, page_number) for e in entries])
        yield from self._follow(page.page_links, listing_url, page_number, self.via(response))
        self.page_done(listing_url)

    def _check_repeats(self, response, listing_url: str, ids: list[str] | None, how: str = "") -> None:
        """A page after the first that lists only entries read on other pages of its listing in this crawl (page 1
        served again as page 2): what the later pages hold was never read, so the listing is incomplete. `ids`: the
        entries it lists, for a 304 those its last capture listed (None: not known, as from an older frontier)."""
        if ids is None:
            return
        asked_for = (response.meta.get("redirect_urls") or [response.url])[0]
        page_key = _page_key(asked_for)
        read_on = self.entries_read_on.setdefault(listing_url, {})
        repeated = all(read_on.get(entry_id, page_key) != page_key for entry_id in ids)
        for entry_id in ids:
            read_on.setdefault(entry_id, page_key)
        if repeated and response.meta.get("page") != 1:
            where = asked_for if asked_for == response.url else f"{asked_for} (redirected to {response.url})"
            self._problem(self.listings[listing_url], f"{where}: {REPEATED_PAGE}{how}")

    def _check_browser_built(self, response, listing_url: str, entries: int, page_links: list) -> None:
        """A rendered page: whether its list was expanded whole. A plain one: whether a browser builds
        its list (then archive.health makes the crawl suspect, with the hint)."""
        state = self.listings[listing_url]
        if "render" in response.meta:
            from ..render_page import expansion

            grown = expansion(response.meta) or {}
            if grown.get("more"):
                limit = self.settings.getint("LISTING_MAX_PAGES")
                self._problem(
                    state,
                    f"{response.url}: still more to load after {grown['rounds']} rounds "
                    f"(LISTING_MAX_PAGES={limit}, or it stopped answering)",
                )
            return
        profile = self._profile_for(listing_url)
        if scripted.builds_list_in_browser(response.text, entries, page_links, profile and profile.load_more):
            state.browser_hint = scripted.HINT

    @staticmethod
    def via(response) -> dict:
        """What the pages a fetched page links to are told of it (crawler.spiders.whole_page)."""
        return {LINKED_FROM: response.url, LINKER_CLOSED: html_closes(response.text)}

    def _follow(self, links, listing_url: str, page_number, via: dict | None = None):
        current = page_number or 1
        for n, link in enumerate(links):
            request = self.page_request(link, listing_url, current + 1 if n == 0 else None, via)
            if request is not None:
                yield request

    def _page_item(self, response, page_number, links, outcome, feed_url=None, not_whole=None) -> PageItem:
        # Each header's last value, as headers.get(name) gives it, read from the dict Scrapy's Headers is: its keys
        # are normalised already, and get() normalised each again: 56 K -> 20 K instructions a page.
        headers = {
            name.decode("latin-1").lower(): values[-1].decode("latin-1")
            for name, values in dict.items(response.headers)
            if values
        }
        headers[READ_WITH_HEADER] = self.readings.get(response.meta["listing_url"], "")
        if not_whole:  # a 304 of it says so again (archive.record.last_captures)
            headers[NOT_WHOLE_HEADER] = not_whole
        return PageItem(
            url=response.url,
            listing_url=response.meta["listing_url"],
            page=page_number,
            status=response.status,
            headers=headers,
            body=response.body,
            links=list(links),
            outcome=outcome,
            previous_capture_id=response.meta.get("previous_capture_id"),
            feed_url=feed_url,
        )

    def note(self, state: ListingState, text: str) -> None:
        """Something the crawl's summary should say about a listing, without making it incomplete."""
        if state.note(text):
            self.logger.warning("%s", text)

    def _problem(self, state: ListingState, text: str) -> None:
        if state.problem(text):
            self.logger.warning("listing incomplete: %s", text)

    def on_page_error(self, failure):
        request = failure.request
        listing_url = request.meta.get("listing_url")
        status = failure.value.response.status if failure.check(HttpError) else None
        reason = f"HTTP {status}" if status else failure.getErrorMessage() or failed_without_words(failure)
        shown = redact(request.url)  # a redirect may lead to an address holding a password or a ?token=
        self.logger.error("listing page failed: %s (%s)", shown, reason)
        if listing_url not in self.listings:
            return
        self.answered(request.meta)
        state = self.listings[listing_url]
        state.pages_failed += 1
        self._problem(state, reason if shown in reason else f"{shown}: {reason}")
        if status is not None:  # an error page is kept as a capture, for the record
            response = failure.value.response
            response.meta.setdefault("listing_url", listing_url)
            yield from self.deliver_page(self._page_item(response, request.meta.get("page"), [], "failed"))
        self.page_done(listing_url)

    def closed(self, reason):
        if hasattr(self, "_parse_pool"):
            self._parse_pool.close(wait=True)
        state = getattr(self, "state", None)
        if state is not None and reason == "finished":
            state.clear()  # a finished job leaves nothing to resume: the next crawl starts afresh

    def listing_report(self) -> dict[str, ListingState]:
        """Per listing: pages fetched and failed, and whether every page was fetched."""
        # Told to stop: seen by crawler.stop_waits or the forced shutdown, or by Scrapy's close reason alone when
        # a Ctrl-C closed the crawl within the half second before stop_waits looked (a page left in the scheduler).
        stopped = getattr(self, "stop_requested", False) or self.close_reason == "shutdown"
        for url, state in self.listings.items():
            if stopped and state.pages_fetched + state.pages_failed < max(state.pages_requested, 1):
                self._problem(state, STOPPED)  # one Ctrl-C or SIGTERM
            if not state.problems and state.pages_fetched + state.pages_failed < state.pages_requested:
                self._problem(state, self.why_unanswered(url) or f"{url}: a page it asked for was never fetched")
            state.settle()
        return self.listings
