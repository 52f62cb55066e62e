"""crawler.extract.html.decode_html: bytes to text as a browser reads them, and better where none is declared."""

import warnings

import pytest

from crawler.extract.html import decode_html

PAGES = {
    "cp1251": "<html><body><h1>Новости</h1><p>Международная организация труда опубликовала доклад о занятости.</p>",
    "cp1252": "<html><body><h1>Actualités</h1><p>Le BIT a publié un rapport sur l’emploi.</p>",
    "shift_jis": "<html><body><h1>ニュース</h1><p>国際労働機関は雇用に関する報告書を発表しました。</p>",
    "utf-8": "<html><body><h1>Notícias</h1><p>A Organização Internacional do Trabalho publicou um relatório.</p>",
}


@pytest.mark.parametrize("encoding", PAGES)
def test_a_page_that_declares_no_charset_is_read_in_its_own(encoding):
    # A fixed Windows-1252 guess made the Cyrillic and Japanese pages mojibake; UnicodeDammit detects them.
    assert decode_html(PAGES[encoding].encode(encoding)) == PAGES[encoding]


def test_declared_charsets_win_and_a_mislabelled_utf8_page_is_repaired():
    text = "<html><head><meta charset='iso-8859-1'></head><body>lawmakers’ café</body></html>"
    assert decode_html(text.encode("utf-8"), "text/html; charset=iso-8859-1") == text  # UTF-8 bytes, Latin-1 label
    latin2 = "<html><head><meta charset='iso-8859-2'></head><body>łódź</body></html>"
    assert decode_html(latin2.encode("iso-8859-2")) == latin2
    assert decode_html("<p>café</p>".encode("cp1252"), "text/html; charset=windows-1252") == "<p>café</p>"


def test_decoding_asks_nothing_w3lib_deprecates():
    """w3lib 2.6 deprecates html_to_unicode's auto_detect_fun and default_encoding: the suite showed 2,639
    DeprecationWarnings from decode_html. Our guess stays ours (the same text on every saved page, measured
    with benchmarks/accuracy.py), through the arguments w3lib keeps."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for encoding, text in PAGES.items():
            assert decode_html(text.encode(encoding)) == text
        assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "text/html; charset=iso-8859-1") == "<p>café</p>"  # BOM
