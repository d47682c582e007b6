"""A "title" read across markup: prose after an author-year set off in emphasis, or text that
holds a role or an emphasis boundary inside.

colour-science opens every module with `Define the *Ragoo and Farup (2021)* *Optimised IPT*
colourspace transformations.` and `the *Machado et al. (2009)* physiologically-based model for
...`: the emphasis sets off the mention alone, and what follows is the sentence, not the work's
title (its entry is in the References below, under its real title). A title never holds an
emphasis mark or a reST role inside (`Optimised IPT* colourspace`, `corresponds to formulas
AERK and AERKi of :cite:t`). Both are title vetoes: the authors and year still cite.

So is the definition of a term in a definition list (`* **pNN50**: The proportion of ... (Lind
et al., 1988).`, a reST field `:param misfit: Fraction of ...`): the item defines its term and
may credit who defined it; the definition is no title, whatever its shape.
"""

from __future__ import annotations

import re

from scanner.types import EntryFields, Hit

__all__ = [
    "definition_in_list_item",
    "markup_inside_title",
    "named_with_year",
    "prose_after_emphasized_mention",
    "title_in_mid_sentence",
]

# A role or a literal's backtick inside a title.
_ROLE_INSIDE = re.compile(
    r"`|:(?:foot)?cite\b|:(?:math|func|class|meth|ref)\b"
    # a Doxygen or JSDoc tag: text read across a doc comment's parameter lines
    r"|(?<!\S)[@\\](?:param|tparam|returns?|brief|throws|exception|details)\b"
)


def _fields(hit: Hit) -> EntryFields:
    return hit.reference or EntryFields()


def markup_inside_title(text: str, hit: Hit, stop: int) -> bool:
    """A title holding a role, or whose opening emphasis mark closes inside it (`*Optimised
    IPT* colourspace transformations`; an algorithm's star, `AIT* and EIT*`, opens none)."""
    title = (_fields(hit).title or "").strip()
    if not title:
        return False
    if _ROLE_INSIDE.search(title) is not None:
        return True
    if "*" not in title.rstrip("*"):
        return False
    at = text.find(title.split()[0], hit.start, hit.end)
    return at > 0 and text[at - 1] == "*"


# The mention's emphasis closing right after its year, the "title" after it: `*Machado et al.
# (2009)* physiologically-based ...`.
_CLOSED_AFTER_YEAR = re.compile(r"[)\]]?\*{1,2}[ \t]*\n?[ \t]*\*{0,2}")


def prose_after_emphasized_mention(text: str, hit: Hit, stop: int) -> bool:
    """Authors and year set off in emphasis that closes before the "title"."""
    fields = _fields(hit)
    if not fields.title or fields.year is None or not fields.authors or fields.venue:
        return False
    if text[max(0, hit.start - 1) : hit.start] != "*":
        return False
    span = text[hit.start : hit.end]
    year = re.search(rf"(?<!\d){fields.year}(?!\d)", span)
    first = fields.title.split()[0]
    if year is None:
        return False
    closed = _CLOSED_AFTER_YEAR.match(span, year.end())
    return closed is not None and span.startswith(first, closed.end())


# A name that holds a year and a count, read as authors, a year and a title: `the *CIE 1931 2
# Degree Standard Observer*`, `*Wright & Guild 1931 2 Degree RGB CMFs*` (a data set named after
# its experiment). A title opens with a word, not with the year and a number.
_YEAR_AND_COUNT = re.compile(r"(?:1[6-9]|20)\d\d[ \t]+\d")


def named_with_year(text: str, hit: Hit, stop: int) -> bool:
    """A "title" that opens with the year and a number: a name, not a citation."""
    title = (_fields(hit).title or "").strip()
    return _YEAR_AND_COUNT.match(title) is not None


# A lower-case word, then the "title": the title starts in the middle of a sentence (`This is a
# non-convex problem with ... solution.  Borsdof, Higham and Raydan (2010) compared ...`).
_MID_SENTENCE = re.compile(r"\b[a-z]+[ \t]+$")
_OPENS_MARKED = re.compile(r"[\"“‘'`*_]$")


def title_in_mid_sentence(text: str, hit: Hit, stop: int) -> bool:
    """A lower-case "title" that a lower-case word of its line leads into, set off by nothing:
    prose read as the title of the author-year after it."""
    title = (_fields(hit).title or "").strip()
    if not title or not title[0].islower():
        return False
    at = text.find(title.split()[0], hit.start, hit.end)
    if at <= 0 or _OPENS_MARKED.search(text, max(0, at - 1), at) is not None:
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return _MID_SENTENCE.search(text, line_start, at) is not None


# The head of a definition list's item: a bullet and the term set off in bold or as a literal
# (`* **pNN50**`, `- ``'method'```), or a reST field (`:param misfit:`).
_ITEM_HEAD = re.compile(
    r"[ \t]*(?:[-*\u2022+][ \t]+(?:\*\*[^*\n]{1,60}\*\*|``[^`\n]{1,60}``)"
    r"|:[a-z]+(?:[ \t]+\w+){0,2}:(?=[ \t]))"
)
# Another item or an entry's label opening a line: the item above has ended.
_OTHER_ITEM = re.compile(r"[ \t]*(?:[-*\u2022+][ \t]|\.\.[ \t]|\[\w+\]|:\w)")
_ITEM_LINES = 6  # how far above its title an item's head may stand
_INITIALS = re.compile(r"(?:^|[\s,])[A-Z]\.")
_QUOTES = "\"“‘'`"


def definition_in_list_item(text: str, hit: Hit, stop: int) -> bool:
    """An unquoted "title" inside a definition list's item, read from the definition; an
    entry written in such an item (authors with initials: `* **lind1988**: Lind, J. (1988).
    Title.`) keeps its title."""
    fields = _fields(hit)
    title = (fields.title or "").strip()
    if not title or any(_INITIALS.search(a) for a in fields.authors):
        return False
    at = text.find(title.split()[0], hit.start, hit.end)
    if at < 0 or (at > 0 and text[at - 1] in _QUOTES):
        return False
    return _in_item(text, text.rfind("\n", 0, at) + 1)


def _in_item(text: str, line_start: int) -> bool:
    """Whether the line at `line_start` is a definition item's head or one of its next lines."""
    for _ in range(_ITEM_LINES):
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not line.strip():
            return False
        if _ITEM_HEAD.match(line) is not None:
            return True
        if _OTHER_ITEM.match(line) is not None or line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False
