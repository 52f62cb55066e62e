"""Which of a page's scored lists is its listing: the best scored, unless another reading of the same records wins
(an undated carousel gives way to the dated list it repeats; records holding a finer list of documents give way to
it; files give way to the named rows or label/value records that list them; a documents table wins)."""

from __future__ import annotations

from .file_rows import named_file_rows
from .label_pairs import pair_records
from .lists import dated_repeat, finer_records, slider_repeat
from .table_lists import documents_table


def winning_list(scored, min_records: int):
    """The winner among `scored` (best first: rank, records, title links, flat, quality)."""
    return (
        dated_repeat(scored, min_records)
        or slider_repeat(scored, min_records)  # a slideshow over the posts it shows again: the posts
        or finer_records(scored)
        or named_file_rows(scored, min_records)  # a meeting's row listing its files: the row
        or pair_records(scored, min_records)  # "Titulo: …" over "Archivos: <a>…</a> <a>…</a>": the record
        or documents_table(scored, min_records)
        or scored[0]
    )
