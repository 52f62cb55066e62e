"""The one error `learn` raises: an example the page cannot teach from."""

from __future__ import annotations


class LearnError(ValueError):
    """An example the page cannot teach from, with a message naming it, on one line: an example pasted across a
    line break shows it as \\n."""

    def __str__(self) -> str:
        return super().__str__().replace("\r", "\\r").replace("\n", "\\n")
