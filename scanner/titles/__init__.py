"""Citations given without an identifier: reference entries, quoted titles, author-year."""

from __future__ import annotations

from scanner.types import Hit


def find_citations(text: str) -> list[Hit]:
    """Title and author-year citations in one block of text (placeholder until issue 3 lands)."""
    return []
