"""Identifier extractors, one module per kind, registered in `EXTRACTORS` by rule id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Protocol

from catalog.types import RefKind
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


EXTRACTORS: dict[str, Extractor] = {}
