"""A file's own bibliography: the citation keys whose entry in the file names no work.

colour-science lists its sources in the module docstring, each entry labelled with its
bibliography key (`-   :cite:`Lindbloom2003c` : Lindbloom, B. (2003). Delta E (CIE 1976).
Retrieved February 24, 2014, from http://.../Eqn_DeltaE_CIE76.html`), and each function cites
the key alone (`:cite:`Lindbloom2003c``). A key made of a name and a year reads as an
author-year citation wherever it stands; but it stands for its entry, and when the file's entry
for it is read as no reference (a web page, a standard, a talk, a private discussion:
`scanner.titles.vet`), the key cited anywhere in the file names no work either. A key whose
entry is read (an entry with its DOI, an author-year entry) keeps its citations, and so does a
key with no entry in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from catalog.types import RefKind
from scanner.options import TitleScope
from scanner.types import Hit, Mention, TextBlock

__all__ = ["drop_unread_keys", "unread_keys"]

# An entry's label at the start of its line, perhaps after a bullet: a Sphinx citation role
# followed by a colon (`-   :cite:`Key` : Authors ...`) or a reST citation (`.. [Key] ...`).
_LABEL = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?(?::cite:`(?P<cite>[^`\s]+)`[ \t]*:|\.\.[ \t]+\[(?P<rst>[^\]\s]+)\])",
    re.MULTILINE,
)
# Where a labelled entry ends: a blank line, or the next label.
_ENTRY_END = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*•][ \t]+)?(?::cite:`[^`\s]+`[ \t]*:|\.\.[ \t]+\[))"
)
# A key an author-year reader takes for a name and a year: letters and digits.
_NAMED_KEY = re.compile(r"(?=.*[^\W\d_])(?=.*\d)[\w.+:-]+")
_KEY_MARKS = "`[]_ \t\n"


def unread_keys(text: str, hits: Iterable[Hit]) -> set[str]:
    """The keys of the entries of `text` (one place) that none of its `hits` reads beyond the
    key itself."""
    spans = [(hit.start, hit.end) for hit in hits] + [
        (offset, offset + 1) for hit in hits for offset in hit.also
    ]
    unread: set[str] = set()
    for label in _LABEL.finditer(text):
        name = "cite" if label.group("cite") is not None else "rst"
        key = label.group(name)
        if _NAMED_KEY.fullmatch(key) is None:
            continue
        key_start, key_end = label.span(name)
        end = _ENTRY_END.search(text, label.end())
        entry_end = end.start() if end else len(text)
        if not any(
            start < entry_end and label.start() < stop and not key_start <= start < stop <= key_end
            for start, stop in spans
        ):
            unread.add(key)
    return unread


def drop_unread_keys(
    blocks: Iterable[TextBlock], mentions: list[Mention], titles: TitleScope
) -> list[Mention]:
    """`mentions` of one file without the author-year citations of keys whose entry in the
    file is read as no reference."""
    if not any(m.kind is RefKind.AUTHOR_YEAR for m in mentions):
        return mentions
    from scanner.extract import find_hits  # cached: the block's hits were found already

    unread: set[str] = set()
    for block in blocks:
        if ("cite:`" in block.text or ".. [" in block.text) and _LABEL.search(block.text):
            unread |= unread_keys(block.text, find_hits(block.text, titles))
    if not unread:
        return mentions
    return [
        m
        for m in mentions
        if not (m.kind is RefKind.AUTHOR_YEAR and m.raw.strip(_KEY_MARKS) in unread)
    ]
