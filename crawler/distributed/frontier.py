"""The shared frontier in Redis: one crawl at a time per Redis database.

Keys (all under PREFIX):
  crawl            hash: token, config (JSON), state (running|done), heartbeat (the coordinator's)
  q:HOST           list of pages to fetch on HOST: JSON {id, url, host, listing_url, page}
  hosts            zset: host with pages waiting -> when its next page may be handed out (ms)
  sched            hash: host -> that moment, kept while its queue is empty
  processing       zset: lease id -> deadline (ms, Redis clock); leases   hash: id -> message
  attempts         hash: id -> times a lease on it expired
  seen             set of page keys already asked for (the dupefilter)
  listing:N        hash: pages_requested, pages_fetched, pages_failed (the Nth start URL)
  problems:N       set of texts saying why listing N is incomplete
  unread:N         list of "URL: never fetched: why" of listing N's pages a Scrapy limit dropped (DEPTH_LIMIT...)
  results          list of page outcomes (codec JSON) waiting for the archive writer
  validators       hash: page url -> JSON {id, validators, page_links, entry_ids} (conditional requests)
  host:NAME        the next moment (ms) a request may start to that host: shared politeness
  ids              the counter page ids are made from (each id starts with the crawl's token)
  left             set of listing URLs a worker without Chromium gave pages of back (rendered listings)
  workers          zset: worker id -> until when it counts as alive (ms, Redis clock; renewed while it runs);
                   a worker that leaves is taken out, so one still in it and past its time died without a word
  stops            hash: worker id -> why it left (its Scrapy close reason, a CLOSESPIDER_* setting named)

A page's outcome (its result, its counts, its pagination links, the release of its
lease) is one Lua script: a worker killed at any point has either reported the page
whole or not at all, and then its lease expires and the page goes back to the queue.
Nothing is reached but the Redis at the URL given (Redis 6.2 or later; not a cluster:
the scripts name per-host queues themselves).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from urllib.parse import urlsplit

import redis

from ..errors import ListingArchiveError
from ..listing_state import ListingState
from ..origins import host as host_of  # the host politeness counts by, as Scrapy's slots
from ..origins import mask_query_secrets, redact
from ..spiders.base import _page_key
from ..wording import counted
from . import scripts
from .codec import decode_listing

PREFIX = "listing-archive:"
SCHEMES = ("redis", "rediss", "unix")
# A coordinator that has not been heard from for this long has died; its frontier can be taken over.
COORDINATOR_GONE = 30.0
# A pagination link's field saying why Scrapy's DEPTH_LIMIT or URLLENGTH_LIMIT drops it: asked for, never queued.
DROPPED = "dropped"
# A worker that has not been heard from for this long has died (it says so every WORKER_BEAT seconds); the
# crawl's FRONTIER_WORKER_GONE setting, which the workers read from the crawl's config, never under WORKER_BEAT x 2.
WORKER_GONE = 15.0
WORKER_BEAT = 1.0


class FrontierError(ListingArchiveError, RuntimeError):
    """A frontier URL that cannot be used, or a frontier another coordinator is using."""


def check_url(url: str, given_as: str = "--frontier") -> str:
    """A redis://HOST:PORT/DB URL (rediss:// or unix:// too); FrontierError otherwise, naming `given_as` (the
    option or the config file) and showing the URL without its password, as a refused start URL is."""
    shown = repr(redact(url))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError:
        raise FrontierError(f"{given_as}: {shown} is not a valid URL") from None
    if parts.scheme not in SCHEMES or (parts.scheme != "unix" and not parts.hostname):
        raise FrontierError(f"{given_as}: {shown} is not a redis://HOST:PORT/DB URL")
    # redis-py reads a path it cannot take as a number ("/x", "/0/1") as database 0: another crawl's frontier.
    database = parts.path.removeprefix("/")
    if parts.scheme != "unix" and database and not (database.isascii() and database.isdigit()):
        raise FrontierError(f"{given_as}: {shown} names no database: after HOST:PORT give /DB, a number (/0)")
    return url


def _reason(exc: Exception) -> str:
    """Redis's answer, with what to do when the database number is one the server does not have."""
    if "DB index is out of range" in str(exc):
        return "the server has no database of that number (it has 0 to 15 unless its `databases` setting says more)"
    return str(exc)


def page_key(url: str) -> str:
    """One key per page whatever the spelling (the spider's own rule)."""
    return _page_key(url)


class Frontier:
    def __init__(self, url: str, lease_seconds: float = 120.0):
        self.url = check_url(url)
        self.redis = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10)
        self.lease_ms = int(lease_seconds * 1000)
        self.held: set[str] = set()  # lease ids this process holds (a worker's)
        self.token: str | None = None  # the crawl this process works for: a late worker cannot touch the next one
        self.host_delay_ms = 0  # pages of one host are handed out no closer than this (the crawl's delay)
        self.worker_gone_ms = int(WORKER_GONE * 1000)  # a worker silent this long is gone (the crawl's setting)
        self._commit = self.redis.register_script(scripts.COMMIT)
        self._take = self.redis.register_script(scripts.TAKE)
        self._renew = self.redis.register_script(scripts.RENEW)
        self._reclaim = self.redis.register_script(scripts.RECLAIM)
        self._reserve = self.redis.register_script(scripts.RESERVE)
        self._release = self.redis.register_script(scripts.RELEASE)
        self._worker = self.redis.register_script(scripts.WORKER)
        self._live_workers = self.redis.register_script(scripts.LIVE_WORKERS)
        self._silent_workers = self.redis.register_script(scripts.SILENT_WORKERS)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def key(self, name: str) -> str:
        return PREFIX + name

    def ping(self) -> None:
        try:
            self.redis.ping()
        except redis.RedisError as exc:
            raise FrontierError(f"cannot reach the frontier {redact(self.url)}: {_reason(exc)}") from None

    # -- the crawl -------------------------------------------------------

    def open_crawl(self, config: dict, validators: dict[str, dict], dropped: dict[str, str] | None = None) -> str:
        """Start a crawl in this frontier (the coordinator): clear what an earlier one left, seed the start pages;
        those in `dropped` ({URL: "URL: never fetched: why"}, a Scrapy limit's) are counted, never queued."""
        self.ping()
        old = self.redis.hgetall(self.key("crawl"))
        old_owner = json.loads(old.get(b"config") or "{}").get("owner")
        alive = time.time() - float(old.get(b"heartbeat") or 0) < COORDINATOR_GONE
        # The same archive's coordinator is dead: this one holds the archive's lock.
        if old.get(b"state") == b"running" and alive and old_owner != config.get("owner"):
            raise FrontierError(f"another coordinator is running a crawl in {redact(self.url)}")
        self.clear()
        self.token = token = uuid.uuid4().hex
        config = {**config, "lease_ms": self.lease_ms, "worker_gone_ms": self.worker_gone_ms}
        pipe = self.redis.pipeline()
        if validators:
            pipe.hset(self.key("validators"), mapping={u: json.dumps(v) for u, v in validators.items()})
        pipe.hset(
            self.key("crawl"),
            mapping={"token": token, "config": json.dumps(config), "state": "running", "heartbeat": time.time()},
        )
        pipe.execute()
        max_pages = int(config.get("max_pages") or 0)
        for url in config["start_urls"]:
            seed = {DROPPED: dropped[url]} if url in (dropped or {}) else {}
            self.commit(config["start_urls"], url, None, None, 0, 0, [], [(url, 1, seed)], max_pages)
        return token

    def heartbeat(self) -> None:
        self.redis.hset(self.key("crawl"), "heartbeat", time.time())

    def close_crawl(self) -> None:
        """The crawl is over: workers see `done` and leave; the rest is cleared, and the config kept (its owner)
        holds its start URLs' `?token=`s masked: no worker fetches them again."""
        config = self.redis.hget(self.key("crawl"), "config")
        masked = {"config": mask_query_secrets(config.decode())} if config else {}
        self.redis.hset(self.key("crawl"), mapping={"state": "done", "heartbeat": time.time(), **masked})
        self.clear(keep=self.key("crawl"))

    def clear(self, keep: str | None = None) -> None:
        for key in self.redis.scan_iter(match=PREFIX + "*", count=1000):
            if key.decode() != keep:
                self.redis.delete(key)

    def crawl_info(self) -> tuple[str | None, str | None, dict | None]:
        """(token, state, config) of the crawl in the frontier, or Nones."""
        info = self.redis.hgetall(self.key("crawl"))
        if not info:
            return None, None, None
        config = json.loads(info[b"config"]) if info.get(b"config") else None
        return info.get(b"token", b"").decode() or None, info.get(b"state", b"").decode(), config

    def state_of(self, token: str) -> str:
        """running, done, or gone (another crawl took the frontier)."""
        found, state = self.redis.hmget(self.key("crawl"), ["token", "state"])
        if found is None or found.decode() != token:
            return "gone"
        return (state or b"done").decode()

    def validators(self) -> dict[str, dict]:
        return {k.decode(): json.loads(v) for k, v in self.redis.hgetall(self.key("validators")).items()}

    # -- workers ---------------------------------------------------------

    def worker_alive(self) -> None:
        """This worker is at work in the crawl for `worker_gone_ms` more (FRONTIER_WORKER_GONE)."""
        self._worker_says("")

    def worker_left(self, why: str) -> None:
        """This worker has left the crawl; `why` (its close reason) stays for the coordinator to read."""
        self._worker_says(why or "unknown")

    def _worker_says(self, why: str) -> None:
        keys = self._keys("crawl", "workers", "stops")
        self._worker(keys=keys, args=[self.token or "", self.worker_id, self.worker_gone_ms, why])

    def live_workers(self) -> int:
        """How many workers were heard from within FRONTIER_WORKER_GONE seconds and have not left."""
        return int(self._live_workers(keys=[self.key("workers")]))

    def silent_workers(self) -> int:
        """How many workers of this crawl stopped saying they are at work without saying they left (kill -9,
        a machine stopped): gone."""
        return int(self._silent_workers(keys=[self.key("workers")]))

    def worker_stops(self) -> dict[str, str]:
        """{worker id: why it left} of the workers that left this crawl."""
        return {k.decode(): v.decode() for k, v in self.redis.hgetall(self.key("stops")).items()}

    # -- pages -----------------------------------------------------------

    def take(self, count: int) -> list[dict]:
        """Up to `count` pages, each now leased to this process."""
        if count <= 0:
            return []
        keys = self._keys("hosts", "processing", "leases", "crawl", "sched")
        args = [self.lease_ms, count, self.token or "", self.host_delay_ms, PREFIX]
        taken = [json.loads(m) for m in self._take(keys=keys, args=args)]
        self.held.update(m["id"] for m in taken)
        return taken

    def renew(self) -> None:
        """Push back the deadline of every lease still held (a live worker keeps its pages)."""
        if self.held:
            self._renew(keys=[self.key("processing")], args=[self.lease_ms, *self.held])

    def commit(self, start_urls, listing_url, lease, result, fetched, failed, problems, links, max_pages) -> int:
        """A page's outcome and its links, atomically with the release of its lease.

        links: [(url, page number or None[, via])] to ask for, unless already asked for or the
        listing is at `max_pages`. Returns how many were queued, or -1 if the lease had
        expired (the page went back to the queue; this outcome is dropped), -2 if the
        frontier holds another crawl now.
        """
        index = start_urls.index(listing_url)
        requests = [  # each link's `via` (where it was: crawler.spiders.whole_page) travels with it
            {"key": page_key(url), "url": url, "host": host_of(url), "listing_url": listing_url, "page": page, **via}
            for url, page, *more in links
            for via in [more[0] if more and more[0] else {}]
        ]
        keys = self._keys("hosts", "processing", "leases", "seen", "results")
        keys += [self.key(f"listing:{index}"), self.key(f"problems:{index}"), self.key("ids"), self.key("attempts")]
        keys += [*self._keys("crawl", "sched"), self.key(f"unread:{index}")]
        args = [lease or "", result or "", fetched, failed, max_pages, json.dumps(list(problems)), json.dumps(requests)]
        args += [self.token or "", PREFIX]
        if lease:
            self.held.discard(lease)
        return int(self._commit(keys=keys, args=args))

    def share_feed(self, listing_url: str, state: dict, items: list[dict] | None) -> None:
        """A listing's feed as one worker read it (or found none), for the workers that read its
        later pages: they reconcile with it as one process does, and do not fetch it again."""
        field = f"{self.token}:{listing_url}"
        self.redis.hset(self.key("feeds"), field, json.dumps({"state": state, "items": items}))

    def shared_feed(self, listing_url: str) -> dict | None:
        """{"state", "items"} of the listing's feed in this crawl, or None (not read yet)."""
        raw = self.redis.hget(self.key("feeds"), f"{self.token}:{listing_url}")
        return json.loads(raw) if raw else None

    def release(self) -> int:
        """Give back, at once, the pages this process holds and will not finish (a worker stopping)."""
        held, self.held = list(self.held), set()
        if not held:
            return 0
        return int(self._release(keys=self._keys("hosts", "processing", "leases", "sched"), args=[PREFIX, 1, *held]))

    def give_back(self, messages: list[dict]) -> int:
        """Give back, at once, pages this process took but cannot serve (a rendered listing's, on a worker
        without Chromium): each goes behind its host's other pages, for another worker; its listing is
        remembered, so that a crawl no worker could finish says why."""
        ids = [m["id"] for m in messages]
        if not ids:
            return 0
        self.held.difference_update(ids)
        self.redis.sadd(self.key("left"), *{m["listing_url"] for m in messages})
        return int(self._release(keys=self._keys("hosts", "processing", "leases", "sched"), args=[PREFIX, 0, *ids]))

    def left_listings(self) -> set[str]:
        """The listings some worker gave pages of back (it could not render them)."""
        return {url.decode() for url in self.redis.smembers(self.key("left"))}

    def reclaim(self, max_attempts: int) -> list[dict]:
        """Expired leases back to the queue; the pages given up on (tried `max_attempts` times) returned."""
        keys = self._keys("hosts", "processing", "leases", "attempts", "sched")
        return [json.loads(m) for m in self._reclaim(keys=keys, args=[max_attempts, PREFIX])]

    def give_up(self, start_urls, message: dict, attempts: int) -> None:
        """A page no worker could finish: its listing is incomplete."""
        index = start_urls.index(message["listing_url"])
        problem = f"{redact(message['url'])}: given up after {counted(attempts, 'worker')} holding it stopped answering"
        pipe = self.redis.pipeline()
        pipe.hincrby(self.key(f"listing:{index}"), "pages_failed", 1)
        pipe.sadd(self.key(f"problems:{index}"), problem)
        pipe.execute()

    def idle(self) -> bool:
        """Nothing queued, nothing leased, no result waiting: the crawl is over."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.zcard(self.key("hosts"))
        pipe.zcard(self.key("processing"))
        pipe.llen(self.key("results"))
        return not any(pipe.execute())

    def counts(self) -> tuple[int, int]:
        """(hosts with pages waiting, pages leased)"""
        pipe = self.redis.pipeline(transaction=True)
        pipe.zcard(self.key("hosts"))
        pipe.zcard(self.key("processing"))
        queued, leased = pipe.execute()
        return queued, leased

    def results_waiting(self) -> int:
        return int(self.redis.llen(self.key("results")))

    def results(self, count: int, wait: float = 0.0) -> list[bytes]:
        found = self.redis.lpop(self.key("results"), count) or []
        if not found and wait > 0:
            popped = self.redis.blpop([self.key("results")], timeout=wait)
            found = [popped[1]] if popped else []
        return found

    def listing_report(self, start_urls: list[str]) -> dict[str, ListingState]:
        """Per listing, as ListingSpider.listing_report gives it for a crawl in one process."""
        pipe = self.redis.pipeline()
        for n in range(len(start_urls)):
            pipe.hgetall(self.key(f"listing:{n}"))
            pipe.smembers(self.key(f"problems:{n}"))
        found = pipe.execute()
        return {url: decode_listing(found[2 * n], found[2 * n + 1]) for n, url in enumerate(start_urls)}

    def never_fetched(self, start_urls: list[str], listing_url: str) -> str | None:
        """The first of the listing's pages a Scrapy limit dropped, and why, as a crawl in one process says it."""
        first = self.redis.lindex(self.key(f"unread:{start_urls.index(listing_url)}"), 0)
        return first.decode() if first else None

    # -- politeness ------------------------------------------------------

    def reserve(self, host: str, delay: float, min_wait: float = 0.0) -> float:
        """Take the next slot for `host`, shared by every worker; returns the seconds to wait for it.
        A pause longer than the crawl's delay also holds back the handing out of the host's pages."""
        keys = [self.key(f"host:{host}"), self.key("hosts"), self.key("sched")]
        args = [int(delay * 1000), int(max(0.0, min_wait) * 1000), host, self.host_delay_ms]
        return int(self._reserve(keys=keys, args=args)) / 1000.0

    def _keys(self, *names: str) -> list[str]:
        return [self.key(n) for n in names]
