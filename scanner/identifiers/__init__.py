"""Identifier extractors, one module per kind, registered in `EXTRACTORS` by rule id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Protocol

from catalog.types import RefKind
from scanner.identifiers.arxiv import ArxivExtractor
from scanner.identifiers.doi import DoiExtractor
from scanner.identifiers.isbn import IsbnExtractor
from scanner.identifiers.urls import PaperUrlExtractor
from scanner.types import Hit


class Extractor(Protocol):
    """Finds one kind of reference in a block of text.

    `VALID` texts must yield at least one hit and `INVALID` texts none; one parametrized test
    runs them for every registered extractor.
    """

    rule: ClassVar[str]
    kind: ClassVar[RefKind]
    VALID: ClassVar[tuple[str, ...]]
    INVALID: ClassVar[tuple[str, ...]]

    def find(self, text: str) -> Iterator[Hit]:
        """Yield every reference in `text` as an offset span."""
        ...


# Order matters when two hits overlap at the same place: the earlier extractor wins (an
# arXiv DOI URL is an arXiv reference; a doi.org URL is not an "other paper URL").
EXTRACTORS: dict[str, Extractor] = {
    extractor.rule: extractor
    for extractor in (ArxivExtractor(), DoiExtractor(), PaperUrlExtractor(), IsbnExtractor())
}

__all__ = ["EXTRACTORS", "Extractor"]
