"""Entries written as labelled fields, one to a line.

Code cites a paper as a small form (`Title: ...`, `Authors: ...`, `Year: 2013`) or pastes
JSTOR's cover page (the title's lines, then `Author(s): ...`, `Source: The American
Statistician, Vol. 40, No. 4 (Nov., 1986), pp. 294-296`, `Published by: ...`). Read as prose,
the labels end up inside the title (`Title: ... Authors: Tomas Mikolov`) or the venue is taken
for it; read here, each field is its label's value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from scanner.titles.fields import clean_venue, first_year, pages_of, volume_of
from scanner.titles.names import split_authors
from scanner.types import EntryFields, Hit, RefKind

# A field's label at the start of a line (after a comment's or a list's marks). Capitalized as
# a form writes it: `title : str` in a parameter list is not a field of a work.
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:[-*#/]+[ \t]*)?(?P<label>Title|Paper|Authors?|Author\(s\)|By|Source|Journal"
    r"|Venue|Published in|Conference|Proceedings|Year|Date|Publisher|Published by|Stable URL)"
    r"[ \t]?:[ \t]*(?P<value>[^\n]*)$",
    re.MULTILINE,
)
# JSTOR's cover page, copied from a PDF, runs its labels together: `WilkinsonSource: The ...`.
_RUN_ON_LABEL = re.compile(r"[ \t]*(?P<label>Source|Published by|Stable URL):")
_FIELD_OF = {
    "title": "title",
    "paper": "title",
    "author": "authors",
    "authors": "authors",
    "author(s)": "authors",
    "by": "authors",
    "source": "venue",
    "journal": "venue",
    "venue": "venue",
    "published in": "venue",
    "conference": "venue",
    "proceedings": "venue",
    "year": "year",
    "date": "date",
    "publisher": "publisher",
    "published by": "publisher",
    "stable url": "link",
}
# Fields whose value a form wraps onto the next line or two (`Source: The American` then
# `Statistician, Vol. 40, ...`).
_WRAPPED = frozenset({"title", "authors", "venue"})
_MAX_WRAPPED_LINES = 2
_MARKS = " \t#*/"  # a comment's marks around a line's text
_NOT_A_TITLE = re.compile(r"https?://|\bdoi:|\barXiv:|www\.", re.IGNORECASE)
_TITLE_LINES = 3  # how many unlabelled lines above `Author(s):` a cover page's title takes
_MIN_TITLE_WORDS = 2
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # the words title case capitalizes
_TITLE_CASE_SHARE = 0.6
_CONFIDENCE = 0.9  # as a BibTeX entry's: the fields are labelled, the work may still be none


@dataclass(slots=True)
class _Field:
    name: str
    start: int  # where the line starts
    end: int  # where its value ends (continuation lines included)
    value: str


def labelled_hits(text: str, rule: str) -> list[Hit]:
    """The labelled-field entries of a block as title citations of `rule`.

    Each field is read from its label, so these stand as they are: the tagger, which reads
    the labels as words of the title, is not asked again (`scanner.titles._detected`).
    """
    if "Author" not in text and "Title" not in text:
        return []
    return [
        Hit(start, end, RefKind.TITLE, rule, None, _CONFIDENCE, reference.title, reference)
        for start, end, reference in labelled_entries(text, 0, len(text))
    ]


def labelled_entries(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields]]:
    """The labelled-field entries in `text[start:end]` as (start, end, reference)."""
    group: list[_Field] = []
    for field in _fields(text, start, end):
        if group and text.count("\n", group[-1].end, field.start) > 1:
            yield from _entry(text, start, group)
            group = []
        if group and field.name == "title" and any(f.name == "title" for f in group):
            yield from _entry(text, start, group)  # the next entry's title
            group = []
        group.append(field)
    if group:
        yield from _entry(text, start, group)


def _fields(text: str, start: int, end: int) -> Iterator[_Field]:
    for match in _LABEL_LINE.finditer(text, start, end):
        name = _FIELD_OF[match["label"].lower()]
        value = match["value"]
        value_end = match.end("value")
        if name in _WRAPPED:
            value, value_end = _wrapped(text, value, value_end, end)
        if name == "authors":
            run_on = _RUN_ON_LABEL.search(value)
            if run_on is not None:  # `Author(s): A and B Source: Venue, ...`
                names_end = match.start("value") + run_on.start()
                yield _Field(name, match.start(), names_end, value[: run_on.start()])
                if run_on["label"] == "Source":
                    yield _Field("venue", names_end, value_end, value[run_on.end() :])
                continue
        yield _Field(name, match.start(), value_end, value)


def _wrapped(text: str, value: str, value_end: int, end: int) -> tuple[str, int]:
    """`value` with the lines it wraps onto: unlabelled, not blank, up to the region's end."""
    for _ in range(_MAX_WRAPPED_LINES):
        if value_end >= end or text[value_end] != "\n":
            break
        line_end = text.find("\n", value_end + 1, end)
        line_end = end if line_end < 0 else line_end
        line = text[value_end + 1 : line_end]
        if not line.strip() or _LABEL_LINE.match(line):
            break
        value = value + " " + line.strip(_MARKS)
        value_end = line_end
    return value, value_end


def _entry(
    text: str, region_start: int, group: list[_Field]
) -> Iterator[tuple[int, int, EntryFields]]:
    fields: dict[str, _Field] = {}
    for field in group:
        fields.setdefault(field.name, field)
    first = group[0].start
    title = fields["title"].value if "title" in fields else None
    if title is None and group[0].name == "authors" and "venue" in fields:
        # a cover page: the title is the unlabelled lines right above the authors (and a
        # file's header, `Created on ...` above `Author: ...`, names no venue)
        title, first = _title_above(text, region_start, group[0].start)
    if not title or _NOT_A_TITLE.search(title) or len(title.split()) < _MIN_TITLE_WORDS:
        return
    if not ({"year", "venue", "publisher"} & fields.keys()):
        # a title alone is a plot's or a page's, and a title with its author and date a
        # file's header (`Title: Data loaders` / `Author: ...` / `Date: 2021-03-04`)
        return
    source = fields["venue"].value if "venue" in fields else ""
    publisher = fields["publisher"].value if "publisher" in fields else ""
    year = (
        first_year(fields["year"].value)
        if "year" in fields
        else first_year(source) or first_year(publisher)  # "Publisher: Prentice-Hall, 1976"
    )
    authors = split_authors(fields["authors"].value) if "authors" in fields else ()
    yield (
        first,
        group[-1].end,
        EntryFields(
            authors=authors,
            title=" ".join(title.split()).rstrip(" ."),
            venue=clean_venue(source.split(",")[0].strip()) if source else None,
            year=year,
            volume=volume_of(source) if source else None,
            pages=pages_of(source) if source else None,
        ),
    )


def _continued_by(line: str, below: str) -> bool:
    """Whether `below` goes on with the title `line` holds: it opens in lower case (`for
    Normality`), or both are in title case."""
    return below[:1].islower() or (_title_case(line) and _title_case(below))


def _title_case(line: str) -> bool:
    long_words = _LONG_WORD.findall(line)
    capitalized = sum(word[0].isupper() for word in long_words)
    return bool(long_words) and capitalized >= _TITLE_CASE_SHARE * len(long_words)


def _title_above(text: str, region_start: int, authors_line: int) -> tuple[str | None, int]:
    """The unlabelled lines right above `authors_line` (up to a blank line or the region's
    start) as one title, and where they start."""
    lines: list[tuple[int, str]] = []
    pos = authors_line
    while pos > region_start and len(lines) < _TITLE_LINES:
        line_start = text.rfind("\n", region_start, pos - 1) + 1
        line_start = max(line_start, region_start)
        line = text[line_start : pos - 1] if text[pos - 1] == "\n" else text[line_start:pos]
        if not line.strip() or _LABEL_LINE.match(line) or line.rstrip().endswith(":"):
            break  # a blank line, a field, or the sentence that leads in to the entry
        words = line.strip(_MARKS)
        if lines and not _continued_by(words, lines[-1][1]):
            break  # the sentence that leads in to the entry: "Test data from"
        lines.append((line_start, words))
        pos = line_start
    if not lines:
        return None, authors_line
    lines.reverse()
    return " ".join(line for _, line in lines), lines[0][0]
