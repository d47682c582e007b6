"""CG104: ISBNs of books, recognised only after an `ISBN` marker and with a valid check digit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from catalog.ids import isbn13
from catalog.types import PaperRef, RefKind
from scanner.types import Hit

_ISBN = re.compile(
    r"(?i)\bISBN(?:-1[03]|\s1[03](?=\s*:))?\s*:?\s*(?P<isbn>(?:97[89][\s-]?)?\d[\d\s-]{7,14}[\dX])"
    r"(?![\d-])"
)


class IsbnExtractor:
    """Finds `ISBN 978-...` / `ISBN-10: ...`; a wrong check digit is reported, not kept."""

    rule: ClassVar[str] = "CG104"
    kind: ClassVar[RefKind] = RefKind.ISBN
    VALID: ClassVar[tuple[str, ...]] = (
        "ISBN 978-0-262-03384-8",
        "ISBN-10: 0-306-40615-2",
        "isbn:9780306406157",
        "ISBN 13: 978-0-262-03384-8",
        "ISBN 10: 0262033844",
    )
    INVALID: ClassVar[tuple[str, ...]] = ("ISBN pending", "page 978-0-262", "serial 0-306-40615-2")

    def find(self, text: str) -> Iterator[Hit]:
        """Yield ISBN hits; an ISBN with a bad check digit carries a `problem`."""
        if "isbn" not in text.lower():
            return
        for match in _ISBN.finditer(text):
            digits = re.sub(r"[\s-]", "", match["isbn"])
            if len(digits) not in (10, 13):
                continue
            value = isbn13(digits)
            if value is None:
                yield Hit(
                    match.start(),
                    match.end(),
                    self.kind,
                    self.rule,
                    problem=f"ISBN {match['isbn']} has a wrong check digit",
                )
            else:
                yield Hit(
                    match.start(),
                    match.end(),
                    self.kind,
                    self.rule,
                    ref=PaperRef(RefKind.ISBN, value),
                )
