"""A table whose markup leaves out each row's opening <tr> (`<tbody><td>type</td><td>17.11.2016</td><td><a>Title</a>
</td><td>price</td></tr><td>…`): the parser sets every cell side by side in one parent, so no element holds a row.
The example's cell recurs every few cells: an entry is a row's worth of cells from the row's first, its date in a
cell of its own found from the example's row (nb-skuespillersenter-kursarkiv, batch Y)."""

from __future__ import annotations

from .learn import Block

_CELLS = ("td", "th")


def make_cell_rows(block: Block) -> bool:
    """Make the block's entries rows of cells where its members are cells of one parent that is no row, evenly
    spaced (the row's width) from the first row on: each member the first cell of its row, its run the row's cells
    (a flat entry). Whether it did."""
    node, parent = block.node, block.node.getparent()
    if node.tag not in _CELLS or parent is None or parent.tag == "tr":
        return False
    cells = [c for c in parent if isinstance(c.tag, str)]
    if any(c.tag != node.tag for c in cells) or any(m.getparent() is not parent for m in block.members):
        return False  # cells of one tag alone, for `nth-of-type` to count them as the rows do
    places = [cells.index(m) for m in block.members]
    steps = {after - before for before, after in zip(places, places[1:], strict=False)}
    width = steps.pop() if len(steps) == 1 else 0
    if len(places) < _MIN_ROWS or width < 2 or places[0] >= width:
        return False  # cells not evenly spaced, or a first row without the title: no rows to be read
    column = places[0]
    starts = [cells[p - column] for p in places]
    block.node = cells[cells.index(node) - column]
    block.members = starts
    block.runs = {s: cells[p - column : p - column + width] for s, p in zip(starts, places, strict=True)}
    block.flat = True
    return True


def cell_rows_selector(block: Block, selector: str) -> str:
    """The entry selector kept to each row's first cell (`td:nth-of-type(5n+1)`) for rows of cells made above."""
    node, parent = block.node, block.node.getparent()
    if not block.flat or node.tag not in _CELLS or parent is None or parent.tag == "tr":
        return selector
    if block.members[0].getparent() is not parent:  # a broken table's cells under two parents: no spacing to count
        return selector
    width = len(block.runs[node])
    first = [c for c in parent if c.tag == node.tag].index(block.members[0]) + 1
    return f"{selector}:nth-of-type({width}n+{first})"


_MIN_ROWS = 3  # rows alike, for the cells' spacing to say the row's width
