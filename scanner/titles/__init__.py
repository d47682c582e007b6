"""Citations given without an identifier: reference entries, quoted titles, author-year.

`find_citations` reads one comment or docstring block. A cheap needle test rejects blocks with
no year, quote, `et al` or reference-section cue; the rest are split into regions (list entries
and paragraphs, see `sections`), and each region is read three ways: entries that open with an
author list (`entries.parse_after_authors`), entries and mentions that open with a title,
quoted or after a citing phrase (`entries.parse_title_first`), and author-year mentions
(`inline`). Overlapping candidates keep the one with a title, then the longest (`detect`).
"""

from __future__ import annotations

import re

from scanner.types import Hit

__all__ = ["find_citations"]

# The needle test: plain substring checks (C speed) first, then one anchored regex for years.
_CUE_STRINGS = ('"', "“", "”", "``", "et al", "et. al", "eferences", "EFERENCES", "cite", "]_")
_YEAR_NEEDLE = re.compile(r"[12][0-9]{3}")
_SINGLE_QUOTED = re.compile(r"\s'[A-Z0-9]")


def find_citations(text: str) -> list[Hit]:
    """Title and author-year citations in one block of text, as hits sorted by position.

    Each hit spans a whole entry or mention and carries the parsed `Reference`; a title
    citation is `RefKind.TITLE` (rule CG105), one with only authors and a year is
    `RefKind.AUTHOR_YEAR` (rule CG106).
    """
    if not _has_cue(text):
        return []
    # Imported on the first block with a cue: compiling the detector's patterns costs more
    # than scanning a few changed files.
    from scanner.titles.detect import detect

    return detect(text)


def _has_cue(text: str) -> bool:
    """Whether `text` has anything a citation needs: a year, a quote, "et al" or a header."""
    if any(cue in text for cue in _CUE_STRINGS):
        return True
    if "'" in text and _SINGLE_QUOTED.search(text):
        return True
    return any(m.group()[:2] in ("16", "17", "18", "19", "20") for m in _YEAR_NEEDLE.finditer(text))
