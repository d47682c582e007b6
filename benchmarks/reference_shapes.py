"""Whether a source file's text has a shape in which one place cites one work more than once."""

from __future__ import annotations

import re

YEAR = re.compile(r"\b(1[89]|20)\d\d[a-z]?\b")
NAMED = re.compile(r"\bet al\b|[A-Z][a-z]+,? (?:[A-Z]\.|and |& )|[A-Z][a-z]+ \(?(1[89]|20)\d\d")
HTML_LINK = re.compile(r"<a\s+href=[\"']https?://", re.IGNORECASE)
EMPHASIS = re.compile(r"<(?:i|em|cite)>|\"[A-Z][^\"]{12,}\"")
IDENTIFIER = re.compile(r"arxiv|\bdoi\b|\b10\.\d{4,9}/|https?://|\bisbn\b", re.IGNORECASE)
SECTION = re.compile(
    r"^[\s#*/!-]*(?:\.\. rubric:: )?(?:References?|Bibliography|Citations?)\s*:?\s*$"
    r"|^[\s#*/!-]*[@\\](?:see|cite)\b",
    re.IGNORECASE | re.MULTILINE,
)
IN_TEXT = re.compile(
    r"\[[A-Za-z][\w.+-]*\]_|:cite:|\\cite\{|@cite\b"
    r"|\b[A-Z][a-z]+(?: et al\.?| and [A-Z][a-z]+)?,? \(?(1[89]|20)\d\d[a-z]?\)"
)
# A numbered reST label (`[1]_`, `[#2]_`) beside its entry: the draws from the nineteenth set's
# fourth batch on count it too.
NUMBERED = re.compile(r"\[#?\d{1,2}\]_")
LINKED_TITLE = re.compile(
    r"`[A-Z][^`<>\n]*(?: [^`<>\n]+){2,}<https?://[^>\s]+>`__?"
    r"|\[[A-Z][^\]\n]*(?: [^\]\n]+){2,}\]\(https?://[^)\s]+\)"
)


def entry_with_identifier(lines: list[str]) -> bool:
    """A line naming authors and a year whose identifier is on it or on one of the next two, or
    an HTML link beside an emphasised or quoted title (`<a href=...>Section 4.2</a> of
    <i>Algorithms</i>`)."""
    for i, line in enumerate(lines):
        dated = YEAR.search(line) and NAMED.search(line)
        if dated and any(IDENTIFIER.search(after) for after in lines[i : i + 3]):
            return True
        if HTML_LINK.search(line) and any(EMPHASIS.search(near) for near in lines[i : i + 3]):
            return True
    return False


def repeats_a_reference(text: str, numbered: bool = False) -> bool:
    """One of the shapes that cite a work twice in one place: a reference entry with its link,
    DOI, ISBN or arXiv id on the same or a later line; an in-text author-year, label or `\\cite`
    beside a references section or `@see`; a reST or Markdown link whose text is a title."""
    return (
        entry_with_identifier(text.splitlines())
        or bool(SECTION.search(text) and IN_TEXT.search(text))
        or bool(numbered and SECTION.search(text) and NUMBERED.search(text))
        or bool(LINKED_TITLE.search(text))
    )
