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


def test_a_reparse_collects_young_garbage_less_often_in_its_process_and_its_workers(tmp_path, monkeypatch):
    import archive.reparse as reparse_module
    from archive.store import Archive

    path, listing = tmp_path / "a.db", "http://127.0.0.1/news/"
    with Archive(path) as a:  # one complete crawl of one stored page
        session = a.begin_crawl("listing", [listing])
        a.record_captures(
            session, [{"url": listing, "listing_url": listing, "page": 1, "status": 200, "body": PAGE.encode()}]
        )
        a.finish_crawl(session, {listing: {"pages_fetched": 1, "complete": True}})
    seen = []
    parse = reparse_module.parse_capture

    def parse_noting_the_pace(job):
        seen.append(gc.get_threshold())
        return parse(job)

    monkeypatch.setattr(reparse_module, "parse_capture", parse_noting_the_pace)
    before = gc.get_threshold()
    with Archive(path) as a:
        assert reparse_module.reparse(a, workers=1)["entries"]
    assert seen and {s[0] for s in seen} == {YOUNG_THRESHOLD} and before[0] < YOUNG_THRESHOLD
    assert gc.get_threshold() == before  # the caller's pace back
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # a worker's set-up, run here: not this test's
    monkeypatch.setattr(reparse_module, "exit_with_parent", lambda: None)
    try:
        reparse_module._leave_ctrl_c_to_parent()  # what each pool worker runs first
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    finally:
        gc.set_threshold(*before)
