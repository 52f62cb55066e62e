"""A stranger's attack on batch M's general rules (issue 21): everyday listings the new rules must leave as they
were, each in small synthetic HTML."""

import pytest
from synthetic import generic_entries as _entries

POSTS = ["Storm reaches the northern coast", "Roads closed near the harbour", "Ferries cancelled until evening"]
POSTS += ["Schools reopen after the storm"]


def _live_post(number: int, title: str, shown: str) -> str:
    return (
        f"<article><h2><a href='/live/{number}'>{title}</a></h2><time datetime='2024-03-05'>{shown}</time>"
        f"<p>What happened on the coast today, in a few words.</p></article>"
    )


@pytest.mark.parametrize(
    "shown",
    [["9:15", "10:40", "12:05", "14:30"], ["1 hour ago", "2 hours ago", "4 hours ago", "6 hours ago"]],
    ids=["times", "relative"],
)
def test_posts_of_one_day_showing_their_times_keep_the_day_their_datetime_gives(shown):
    # a live blog: every post's datetime is that day (truly), the text shows the hour or how long ago; the times
    # are no dates that differ from it, so the datetime is no build time stamped alike
    rows = "".join(_live_post(n, t, s) for n, (t, s) in enumerate(zip(POSTS, shown, strict=True)))
    entries = _entries(f"<h1>Live news</h1>{rows}", "<html lang='en'>")
    assert [e["title"] for e in entries] == POSTS
    assert [e["date_start"] for e in entries] == ["2024-03-05"] * len(POSTS)
