"""The Markdown report (and the body of notifications): every scraped value escaped,
links only to http(s) URLs."""

from __future__ import annotations

from . import ReportFormat, register
from .common import environment

_env = environment("markdown")


def render_markdown(report: dict, brief: bool = False, **_) -> str:
    from ..diff import is_empty  # here: --help loads the formats, and diff loads the store

    return _env.get_template("report.md.j2").render(r=report, empty=is_empty(report), brief=brief)


FORMAT = register(
    ReportFormat("markdown", render_markdown, "text/markdown; charset=utf-8", ".md", notify_as="markdown", order=20)
)
