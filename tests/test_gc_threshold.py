"""A crawl's processes collect young garbage less often (crawler/gc_threshold.py), and give the caller its
own pace back when the crawl ends."""

from __future__ import annotations

import gc
import os
import pickle
import signal
from types import SimpleNamespace

from crawler import parse_pool, run
from crawler.gc_threshold import YOUNG_THRESHOLD
from crawler.parse_pool import _HEADER

PAGE = "<html><body><ul><li><a href='/a'>An entry about decent work</a></li></ul></body></html>"


class _ProcessThatRecords:
    """Stands for Scrapy's CrawlerProcess: no reactor, no signal handlers; `start` notes the collector's pace."""

    thresholds: list = []

    def __init__(self, settings):
        pass

    def create_crawler(self, spider):
        return SimpleNamespace(settings=None, stats=None, spider=None)

    def crawl(self, crawler, **kwargs):
        pass

    def start(self):
        self.thresholds.append(gc.get_threshold())


def test_a_crawl_collects_young_garbage_less_often_and_gives_the_callers_pace_back(monkeypatch):
    monkeypatch.setattr(run, "CrawlerProcess", _ProcessThatRecords)
    monkeypatch.setattr(_ProcessThatRecords, "thresholds", [])
    before = gc.get_threshold()
    run.run_crawl("listing", None, ["http://127.0.0.1:9/"])
    seen = _ProcessThatRecords.thresholds
    assert seen and seen[0][0] == YOUNG_THRESHOLD > before[0]
    assert seen[0][1:] == before[1:]
    assert gc.get_threshold() == before


def test_the_parse_worker_collects_young_garbage_less_often(monkeypatch):
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # the worker's Ctrl-C set-up, not this test's
    requests_in, requests_out = os.pipe()
    answers_in, answers_out = os.pipe()
    request = pickle.dumps((PAGE, "http://127.0.0.1/", "http://127.0.0.1/", None))
    os.write(requests_out, _HEADER.pack(len(request)) + request)
    os.close(requests_out)
    before = gc.get_threshold()

    class End:
        def __init__(self, fd):
            self.fd = fd

        def fileno(self):
            return self.fd

    try:
        parse_pool._worker_main(End(requests_in), End(answers_out))
        during = gc.get_threshold()
    finally:
        gc.set_threshold(*before)
        for fd in (requests_in, answers_out):
            os.close(fd)
    answer = os.read(answers_in, 1 << 20)
    os.close(answers_in)
    assert pickle.loads(answer[_HEADER.size :])[0] is True  # it answered the page
    assert during[0] == YOUNG_THRESHOLD > before[0]
