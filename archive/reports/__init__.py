"""Diff reports: a registry of formats, one module per format (text, markdown, html, json, atom).

Each format registers its name, its renderer, its media type and file suffix, and
(when a notification can carry it) the Apprise body format. `diff --format` and the
notifier take their choices from this registry, so a new format is one module that
calls `register`. Every renderer reads the dict archive.diff.diff() returns.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from .common import (  # noqa: F401  (the reports' helpers)
    clip,
    compared,
    excerpt,
    groups,
    is_long,
    show,
    title_line,
    word_diff,
)


@dataclass(frozen=True)
class ReportFormat:
    name: str
    render: Callable[..., str]  # render(report, *, colour=False, feed_url=None) -> str
    media_type: str
    suffix: str
    notify_as: str | None = None  # the Apprise body format a notification in it is sent as ("text", "markdown", "html")
    order: int = 50  # where it comes in the list of choices


FORMATS: dict[str, ReportFormat] = {}


def register(fmt: ReportFormat) -> ReportFormat:
    FORMATS[fmt.name] = fmt
    for name in sorted(FORMATS, key=lambda n: (FORMATS[n].order, n)):
        FORMATS[name] = FORMATS.pop(name)
    return fmt


def format_names() -> list[str]:
    return list(FORMATS)


def notify_formats() -> list[str]:
    return [name for name, f in FORMATS.items() if f.notify_as]


def get_format(name: str) -> ReportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}") from None


def render(
    report: dict,
    fmt: str,
    colour: bool = False,
    feed_url: str | None = None,
    limit: int | None = None,
    more_hint: str | None = None,
) -> str:
    """The report in format `fmt`. `limit` cuts each list ("and N more", then `more_hint`):
    notifications use it; a report file is whole."""
    clipped = clip(report, limit)
    clipped["more_hint"] = more_hint
    return get_format(fmt).render(clipped, colour=colour, feed_url=feed_url, brief=limit is not None)


def _load() -> None:
    """Import every module of this package: each format module registers itself."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


_load()
