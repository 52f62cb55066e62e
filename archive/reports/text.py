"""The terminal report: colour on a terminal, plain text when piped."""

from __future__ import annotations

from . import compared, groups, is_long, show, word_diff

_C = {"new": "32", "changed": "33", "removed": "31", "restored": "36", "-": "31", "+": "32", "dim": "2", "bold": "1"}


def render_text(r: dict, colour: bool = False) -> str:
    def c(kind, text):
        return f"\033[{_C[kind]}m{text}\033[0m" if colour else text

    lines = []
    counts = r["counts"]
    frm = f"crawl {r['from']['id']} ({r['from']['started_at']})" if r["from"] else "an empty archive"
    lines.append(c("bold", f"Changes from {frm} to crawl {r['to']['id']} ({r['to']['started_at']})"))
    if not any(counts.values()):
        lines[-1] += ": nothing new, changed or removed" + (f" ({_partial(r)})." if r["partial_crawls"] else ".")
        return "\n".join(lines) + "\n"
    lines.append(f"{counts['new']} new, {counts['changed']} changed, {counts['removed']} removed, {counts['restored']} restored")
    lines.append(c("dim", compared(r)))
    if r["partial_crawls"]:
        lines.append(c("dim", f"Note: {_partial(r)}."))
    for kind in ("new", "changed", "removed", "restored"):
        if not r[kind]:
            continue
        lines.append("")
        lines.append(c(kind, f"{kind.upper()} ({len(r[kind])})"))
        for listing, group, entries in groups(r[kind]):
            lines.append(c("dim", f"  {listing} — {group}"))
            for e in entries:
                lines.append(f"  {c(kind, '*')} {e['title']}")
                lines.append(f"      {e['url'] or ''}")
                details = [x for x in (e.get("date_text"), "; ".join(e.get("organisers") or []) or None, e.get("credit")) if x]
                if details and kind != "changed":
                    lines.append(f"      {' | '.join(details)}")
                for field, (old, new) in (e.get("changes") or {}).items():
                    if is_long(old, new):
                        parts = "".join(c(op, f"[{'-' if op == '-' else '+'}{t}]") if op != "=" else t for op, t in word_diff(old, new))
                        lines.append(f"      {field}: {parts}")
                    else:
                        lines.append(f"      {field}: {c('-', show(old))} -> {c('+', show(new))}")
    return "\n".join(lines) + "\n"


def _partial(r: dict) -> str:
    return f"crawl(s) {', '.join(map(str, r['partial_crawls']))} did not complete or looked suspect, so nothing was marked removed on their strength"
