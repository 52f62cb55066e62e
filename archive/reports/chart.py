"""Small charts as inline SVG: no script, no outside resource, so they work offline and in print.

`small_multiples` draws one row of stacked bars per panel (a listing), all on one
scale; the HTML report uses it for the last crawls, `serve` for entries per month.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .safety import for_html

SERIES = (
    ("new", "new", "#2e7d32"),
    ("changed", "changed", "#f9a825"),
    ("removed", "removed", "#c62828"),
    ("restored", "restored", "#00838f"),
)
WIDTH, PANEL, BARS, LEFT = 640, 86, 48, 4


def _t(text) -> str:
    return str(escape(for_html(text)))


def small_multiples(
    panels: list[tuple[str, list[tuple[str, dict]]]], series=SERIES, title: str = "", width: int = WIDTH
) -> Markup:
    """panels: [(panel title, [(bar label, {series key: count})])]; one SVG, one scale for all."""
    if not panels:
        return Markup("")
    top = max((sum(v.get(k, 0) for k, _, _ in series) for _, bars in panels for _, v in bars), default=0) or 1
    height = 24 + PANEL * len(panels)
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'width="100%" style="max-width:{width}px" font-family="system-ui, sans-serif" font-size="11">'
        ),
        f"<title>{_t(title)}</title>",
    ]
    x = LEFT
    for _key, label, colour in series:  # the legend
        out.append(
            f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/><text x="{x + 14}" y="13">{_t(label)}</text>'
        )
        x += 24 + 7 * len(label)
    for i, (name, bars) in enumerate(panels):
        out.append(_panel(24 + i * PANEL, name, bars, series, top, width))
    out.append("</svg>")
    return Markup("".join(out))


def _panel(y0: int, name: str, bars: list, series, top: int, width: int) -> str:
    out = [
        f'<text x="{LEFT}" y="{y0 + 12}" font-weight="600">{_t(name)}</text>',
        f'<line x1="{LEFT}" x2="{width - LEFT}" y1="{y0 + 16 + BARS}" y2="{y0 + 16 + BARS}" stroke="#999"/>',
    ]
    slot = (width - 2 * LEFT) / max(len(bars), 1)
    bar_w = max(4.0, min(40.0, slot * 0.6))
    for j, (label, values) in enumerate(bars):
        x = LEFT + j * slot + (slot - bar_w) / 2
        base = y0 + 16 + BARS
        total = 0
        for key, text, colour in series:
            n = values.get(key, 0)
            if not n:
                continue
            h = BARS * n / top
            base -= h
            total += n
            out.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{_t(label)}: {n} {_t(text)}</title></rect>"
            )
        if total:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - 2:.1f}" text-anchor="middle">{total}</text>')
        out.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{y0 + 28 + BARS}" text-anchor="middle" fill="#555">{_t(label)}</text>'
        )
    return "".join(out)


def activity_chart(activity: dict) -> Markup:
    """New, changed, removed and restored entries per listing over the last crawls (diff()'s `activity`)."""
    rows = activity.get("rows") or []
    if not rows:
        return Markup("")
    listings: dict[str, str] = {}
    for r in rows:
        listings.setdefault(r["listing_url"] or "", r["listing"] or r["listing_url"] or "(no listing)")
    by_key = {(r["crawl"], r["listing_url"] or ""): r for r in rows}
    panels = []
    for url, name in listings.items():
        bars = [
            (f"#{c['id']} {(c['started_at'] or '')[5:10]}", by_key.get((c["id"], url), {})) for c in activity["crawls"]
        ]
        panels.append((name, bars))
    return small_multiples(panels, title="New, changed, removed and restored entries per listing, last crawls")
