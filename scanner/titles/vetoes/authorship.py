"""Vetoes of who is named: the people who wrote, ported or changed the code, a publisher or a
body read as a work's authors."""

from __future__ import annotations

import re

from scanner.titles.publishers import IMPRINT
from scanner.titles.vetoes.base import fields_of
from scanner.types import Hit

# A credit for code, not a work: `Template obtained from Weka` / `Developped for Weka by Zheng
# Alan Zhao` / `December 27, 2004` (a release note read as a title, its author and date).
_CODE_CREDIT = re.compile(
    r"(?i)\b(?:develop+ed|written|implemented|ported|coded|programmed|maintained|contributed)"
    r"[ \t]+(?:for[ \t]+[^\s,.;]+(?:[ \t]+[^\s,.;]+){0,3}[ \t]+)?by[ \t\n*/#]+(?-i:[A-Z])"
)
# A port of the code and who made it, the year its date's: "Port to PROJ.4 by Jane Doe, 4 April
# 2016" (after an entry's year, "ported to ImageJ plugin by G.Landini" credits the code below
# the entry, not the entry).
_PORT_CREDIT = re.compile(
    r"(?i:\bport(?:ed)?[ \t]+(?:to|from)[ \t]+[^\n,;]{1,40}?[ \t]+by[ \t\n*/#]+)(?-i:[A-Z])"
)
# Who adapted the code to a project, just before the hit: "Adapted to JSXGraph and some code
# changes by Jane Doe 2020" (not "adapted from <a work> by", which may cite).
_ADAPTED_TO_BY = re.compile(r"(?i)\badapted[ \t]+to[ \t]+[^\n,;]{1,60}?[ \t]+by[ \t]+$")
# Whose code this one was ported from, just before the hit: "Original Java port from Paolo
# Perissinotto for Jpatch Project by Sascha Ledinsky", "Ported from C++ version provided by",
# "Ported to Python from Shampine's MATLAB version" (the language it was ported to between).
_PORTED_FROM = re.compile(
    r"(?i)\b(?:port(?:ed)?|translat(?:ion|ed))(?:[ \t]+(?:in)?to[ \t]+[^\s,;]+)?[ \t]+from[ \t]+$"
)
# A file header's field naming who changed the code, opening its line: "Altered by: Andreas
# Zieringer 2003 for OpenSG project", "Modified by: Name, 2012" (not a report's "edited by:").
_CHANGED_BY_FIELD = re.compile(
    r"[^\S\n]*(?:[/*#!%;-]+[^\S\n]*)?(?i:altered|modified|changed|updated|adapted|"
    r"maintained|rewritten|ported|written|contributed)[^\S\n]+by[^\S\n]*:[^\S\n]*$"
)


# Who wrote or changed the code, named by a full given name after a credit for code: "Based on
# MATLAB code developed by Jane Doe 2004", "Modifications to work with X by Jane Doe, 2020",
# "The implementation was adapted by Jane Doe (2020)". A paper's authors go by their surnames
# ("code provided by Okafor and Lind (2002)" cites the paper).
_CODE_BY = re.compile(
    r"(?i)(?:\b(?:code|implementation|program|software|script|routine|port)\b[^\n.;:]{0,50}?"
    r"\b(?:develop+ed|written|adapted|modified|ported|coded|programmed|contributed|maintained|"
    r"translated|rewritten)|\bmodifications?\b[^\n.;:]{0,50}?)[ \t]+by[ \t]*\n?[ \t*#/]*$"
)
_GIVEN_SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:[a-z]{1,3} )?[A-Z][\w'’-]+")


def code_credit(text: str, hit: Hit, stop: int) -> bool:
    # within the hit's own text: a credit on the next line is that line's, not the mention's
    line_start = text.rfind("\n", 0, hit.start) + 1
    fields = fields_of(hit)
    if (
        not fields.title
        and fields.authors
        and _GIVEN_SURNAME.fullmatch(fields.authors[0]) is not None
        and _CODE_BY.search(text, max(0, hit.start - 100), hit.start) is not None
    ):
        return True
    if (
        _CODE_CREDIT.search(text, hit.start, hit.end) is not None
        or _PORTED_FROM.search(text, max(0, hit.start - 30), hit.start) is not None
        or _ADAPTED_TO_BY.search(text, max(0, hit.start - 80), hit.start) is not None
        or _CHANGED_BY_FIELD.match(text, line_start, hit.start) is not None
    ):
        return True
    year = fields_of(hit).year
    year_at = text.rfind(str(year), hit.start, hit.end) if year is not None else hit.end
    port = _PORT_CREDIT.search(text, hit.start, hit.end)
    return port is not None and port.start() < year_at


# A tag that names the code's authors (`@author`, `\author`), or a file header's `Author:`
# field, whose lines below, set at the column its first name starts at, go on with it
# (`// Author:   Gerald Evenden (1995)` / `//           Thomas Knudsen (2016) - add tests`).
_AUTHOR_TAG = re.compile(r"[^\S\n]*(?:[/*#!%;-]+[^\S\n]*)?[@\\]authors?[^\S\n]+")
_AUTHOR_FIELD = re.compile(r"[^\S\n]*(?:[/*#!%;-]+[^\S\n]*)?Authors?:[^\S\n]*(?=\S)")
# More of the code's authors after the tag's first names, joined to them (`\author Ada Lind (and
# Ben Moss 2012)`, `@author Ada Lind, with Ben Moss (2011)`): names and joiners only, so a source
# the tag credits in words (`After Lind, ..., republished by Moss, 1999`) is still cited.
_TAG_NAMES_GO_ON = re.compile(
    r"(?:[A-Z][\w.'’-]*[^\S\n]*,?[^\S\n]*)+[(\[]?[^\S\n]*(?:and|&|with)?[^\S\n]*"
)
_HEADER_LINES = 4  # lines a header's `Author:` field runs on


def code_author(text: str, hit: Hit, stop: int) -> bool:
    """The code's authors and a year, not a work: the line of a Javadoc or Doxygen author tag
    (`@author`, or its backslash form before "Barend and Maarten, 1995"), the lines that go
    on with a file header's `Author:` field, or the items of a list under an `Authors`
    heading."""
    fields = fields_of(hit)
    if fields.title or not fields.authors:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    tag = _AUTHOR_TAG.match(text, line_start)
    if tag is not None:
        # the names right after the tag are the code's; a source it credits is cited
        # (`@author After Andoyer, republished by Meeus, 1999`)
        return (
            tag.end() == hit.start
            or _TAG_NAMES_GO_ON.fullmatch(text, tag.end(), hit.start) is not None
        )
    if _under_authors_heading(text, line_start, hit.start):
        return True
    # the lines below a header's field, its text's column kept (the field's own line may name
    # the authors of the work the file implements, as a data file's docstring does)
    column = hit.start - line_start
    if text[line_start : hit.start].strip(" \t/*#!%;-"):
        return False
    for _ in range(_HEADER_LINES):
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        field = _AUTHOR_FIELD.match(text, line_start)
        if field is not None:
            return field.end() - line_start == column
        margin = text[line_start : line_start + column].strip(" \t/*#!%;-")
        rest = text[line_start + column : text.find("\n", line_start)]
        if margin or not rest.strip():
            return False  # not a line that goes on with the field
    return False


# A module's list of its authors: a heading alone on its line (`Authors`, `Authors:`), then one
# item a line (`- Ada Lind (2020)`, ` * Moss 2021`), each naming one of the code's authors and
# the year they worked on it.
_AUTHORS_HEADING = re.compile(
    r"[^\S\n]*(?:Authors?|Contributors?|Maintainers?)[^\S\n]*:?[^\S\n]*\n"
)
_LIST_ITEM = re.compile(r"[^\S\n]*[-*+\u2022][^\S\n]+")
_LIST_ITEMS = 40  # items a module's list of authors runs to


def _under_authors_heading(text: str, line_start: int, start: int) -> bool:
    """Whether the hit opens an item of a list of the code's authors: only the item's mark
    before it on its line, and items only between its line and the heading above."""
    item = _LIST_ITEM.match(text, line_start)
    if item is None or item.end() != start:
        return False
    for _ in range(_LIST_ITEMS):
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        if _AUTHORS_HEADING.match(text, line_start) is not None:
            return True
        if _LIST_ITEM.match(text, line_start) is None:
            return False
    return False


# A publisher and its city before a year are a book's imprint, which the entry before them
# already names ("<i>Spatial Databases With Application To GIS</i>. Morgan Kaufmann, San
# Francisco, 2002."), not authors: a publisher's whole name read as the first author.
_IMPRINT = re.compile(IMPRINT)


def publisher_as_author(text: str, hit: Hit, stop: int) -> bool:
    """An imprint line (`Morgan Kaufmann, San Francisco, 2002.`): a publisher's whole name
    at the start of its line."""
    fields = fields_of(hit)
    if fields.title or not fields.authors:
        return False
    first = fields.authors[0].strip(" ,.")
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _IMPRINT.fullmatch(first) is not None and not text[line_start : hit.start].strip(
        " \t*/#!"
    )


# A body named as the author or as the title (`The Academy of Motion Picture Arts and Sciences,
# Science and Technology Council ... (2014). Technical Bulletin ...`, `Society of Motion Picture
# and Television Engineers. (1993). ...`): what such bodies issue are standards, bulletins and
# manuals, not papers.
_BODY_WORDS = (
    r"(?:Academy|Society|Association|Union|Organi[sz]ation|"
    # (`Institut`, `Instituto`: the name as the body writes it)
    r"Commission|Committee|Council|Consortium|Institut[eo]?|Corporation|Foundation|Bureau|Agency|"
    # a government body whose data a module ships (`U.S. Energy Information Administration
    # (Sep. 2019)` under a data set's References)
    r"Administration)"
)
_BODY = r"(?:The\s+)?(?:[A-Z][\w-]*\s+){0,3}" + _BODY_WORDS
_BODY_OPENING = re.compile(_BODY + r"(?:\s+(?:of|for)\b|[,.])")
# As a title the name wants a word before the body's (`European Broadcasting Union`) or to open
# with a body that names its members (`Society of ... Engineers`): `Organization of Growing
# Random Networks` and `Union of Balls` are titles.
_BODY_TITLE = re.compile(
    r"(?:(?:The\s+)?(?:[A-Z][\w-]*\s+){1,3}"
    + _BODY_WORDS
    + r"|(?:The\s+)?(?:Academy|Society|Association|Institut[eo]?|Council|Committee))"
    r"(?:\s+(?:of|for)(?:\s+(?:and\s+)?[A-Z][\w-]*)+)?"
)


# ... or the mention's names are the members a body is named after (`the Society of Dyers and
# Colourists, 1994`: read from `Dyers`).
_BODY_BEFORE = re.compile(_BODY_WORDS + r"\s+(?:of|for)\s+(?:the\s+)?$")


def body_as_author(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.title:
        return _BODY_TITLE.fullmatch(fields.title.strip(" .,")) is not None
    if _BODY_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None:
        return True
    return _BODY_OPENING.match(text, hit.start) is not None
