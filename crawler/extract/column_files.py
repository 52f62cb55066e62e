"""Table rows whose links are the row's files, each under a header cell naming its kind (issue 21, a gazette's
latest editions): "Data | Sumário Geral | Edição Ordinária | Sumário de Autopublicação" over rows of
"04/10/2025 | <a>Sumário Geral</a> | <a>Edição Ordinária 4959</a> | <a>Sumário de Autopublicação 1744</a>". A link
whose words open on its column's header and go on (a number) is that column's document for the row: two of them
in one row are one entry's files (a day's edition and its supplement, a meeting's agenda and minutes numbered),
not two entries."""

from __future__ import annotations

from collections import defaultdict

from .html import tag, text_of


def several_entries(named: list, target, most: float) -> bool:
    """More than `most` records hold two named links or more to different targets (`named`: (record index, link)),
    once the links named after their column are set aside: the records are no entries of one link each."""
    if _multi(named, target) <= most:
        return False
    heads: dict = {}
    return _multi([(i, a) for i, a in named if not _named_after_column(a, heads)], target) > most


def column_labels(links) -> set:
    """The words of links that only repeat their column's header ("Sumário Geral" under "Sumário Geral"): the
    column's kind, naming no row."""
    heads: dict = {}
    return {text_of(a) for a in links if _after_column(a, heads) == ""}


def _multi(named: list, target) -> int:
    targets: dict[int, set] = defaultdict(set)
    for i, a in named:
        targets[i].add(target(a))
    return sum(1 for found in targets.values() if len(found) > 1)


def _named_after_column(a, heads: dict) -> bool:
    """The link's words open on its column's header words and say more ("Edição Ordinária 4959")."""
    return bool(_after_column(a, heads))


def _after_column(a, heads: dict) -> str | None:
    """What the link's words say after its column's header words ("4959"; "" for the header's words alone); None
    when they do not open on them, or the link is in no table under a header row of as many cells."""
    cell = next((x for x in a.iterancestors() if tag(x) in ("td", "th")), None)
    row = cell.getparent() if cell is not None else None
    table = next((x for x in row.iterancestors() if tag(x) == "table"), None) if row is not None else None
    if table is None:
        return None
    if table not in heads:  # one look for each table: a long table without a header row is read once
        heads[table] = next((r for r in table.iter("tr") if any(tag(c) == "th" for c in r)), None)
    head = heads[table]
    cells = [c for c in row if tag(c) in ("td", "th")]
    names = [c for c in head if tag(c) in ("td", "th")] if head is not None and head is not row else []
    if len(names) != len(cells) or any(c.get("colspan") for c in names + cells):
        return None
    name, words = (text_of(names[cells.index(cell)]) or "").casefold(), (text_of(a) or "").casefold()
    return words[len(name) :].strip() if name and words.startswith(name) else None
