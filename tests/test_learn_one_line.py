"""learn's refusals are one line, whatever the example holds (found by a stranger, 2026-12-07)."""

from __future__ import annotations

from conftest import invoke
from synthetic import TITLES, URL, page

# Talks as free-text lines "DATE<mark> Title op <a>Venue</a>" (docs/learn.md's third shape), with the date written
# otherwise than the docs' "7/10/2025": with its hour, or as ISO figures joined by the "-" a mark may also be.
DAYS = ["7/10/2025", "23/10/2025", "6/05/2025", "25/2/2025"]
ISO_DAYS = ["2025-10-07", "2025-10-23", "2025-05-06", "2025-02-25"]


def talk_lines(shape: str, days: list[str]) -> str:
    items = "".join(shape.format(i=i, t=t, d=d) for i, (t, d) in enumerate(zip(TITLES, days, strict=True)))
    return page(f'<h2>Talks</h2><ul class="talks">{items}</ul>')


def test_learn_refuses_an_example_with_a_line_break_in_one_line(tmp_path):
    saved = tmp_path / "talks.html"
    saved.write_text(talk_lines('<li>{d}: {t} op <a href="/v/{i}">Campus Noord</a></li>', DAYS))
    example = "Nothing of the kind\nsecond line"
    done = invoke("learn", saved, "--url", URL, "--example", example, "-o", tmp_path / "talks.toml")
    assert done.exit_code == 1 and "is not on the page" in done.output, done.output
    assert len(done.output.strip().splitlines()) == 1, done.output
