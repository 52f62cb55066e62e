"""Records of real listing pages the generic extractor read wrong (issue 21, batch M, part A), each in small
synthetic HTML."""

from synthetic import URL
from synthetic import generic_entries as _entries

NEWS = ["Semana acadêmica de computação", "Resultado do edital de monitoria", "Defesas de TCC do semestre"]
NEWS += ["Nota de falecimento"]
SHOWN = ["2021-10-18", "2021-09-20", "2021-07-05", "2020-11-05"]


def _media_row(title: str, shown: str, stamp: str) -> str:
    slug = title.lower().replace(" ", "-")
    return (
        f"<div class='media'><a href='{URL}{slug}/'><img src='/t.png' alt=''></a><div class='media-body'>"
        f"<h4><a href='{URL}{slug}/'>{title}</a></h4><ul class='meta'><li>Autor</li>"
        f"<li><time datetime='{stamp}' itemprop='datePublished'>{shown}</time></li></ul>"
        f"<p>Um resumo da notícia, com algumas palavras.</p><a href='{URL}{slug}/'>ler mais</a></div></div>"
    )


def test_a_datetime_stamped_alike_on_every_entry_gives_way_to_the_dates_the_entries_show():
    # a static site's build time in every <time datetime>, each post's own date in the element's text
    rows = "".join(_media_row(t, d, "2021-10-18T20:20:37Z") for t, d in zip(NEWS, SHOWN, strict=True))
    entries = _entries(f"<h2>Notícias</h2>{rows}", "<html>")
    assert [e["title"] for e in entries] == NEWS
    assert [e["date_start"] for e in entries] == SHOWN


def test_a_datetime_of_each_entry_still_completes_a_date_shown_without_its_year():
    # the guard: per-entry datetimes ("3 May" shown) keep giving the year
    shown = ["3 May", "20 April", "2 March", "9 February"]
    stamps = ["2022-05-03", "2022-04-20", "2022-03-02", "2022-02-09"]
    rows = "".join(_media_row(t, d, s) for t, d, s in zip(NEWS, shown, stamps, strict=True))
    entries = _entries(f"<h2>News</h2>{rows}", "<html lang='en'>")
    assert [e["date_start"] for e in entries] == stamps
