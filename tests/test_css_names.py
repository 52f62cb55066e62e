"""Which class names a learnt profile may use (crawler/extract/css_names.py)."""

import pytest
from lxml import html

from crawler.extract.css_names import stable_classes


@pytest.mark.parametrize("name", ["BlogList-item-title", "NewsItem", "PostTitle", "news-item", "entry_title"])
def test_readable_names_are_kept(name):
    """The name "BlogList-item-title" was taken for a CSS-in-JS hash ("BlogList" is mixed case): learn could not
    name a blog's title links by it, fell back to each post's first <a>, read an image link's empty text and lost
    a post."""
    assert stable_classes(html.fromstring(f'<a class="{name}">x</a>')) == [name]


@pytest.mark.parametrize("name", ["sc-bdVaJa", "kXhSfq", "css-1x9ab2", "post-1234", "jsx-8812", "ng-star-inserted"])
def test_generated_names_are_left_out(name):
    assert stable_classes(html.fromstring(f'<a class="{name}">x</a>')) == []
