"""Splitting a block into regions: reference-list entries and the paragraphs between them."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from scanner.titles.leads import LineLeads, line_leads

# Headers of reference sections: numpy (`References\n----------`), Google (`References:`),
# Sphinx (`.. rubric:: References`), Doxygen/Javadoc (`@par References`, `Reference:`).
# HTML (`<h2>References</h2>`, `<b>References:</b>`) and Markdown (`**Reference**`,
# `## References`) headings too.
_HEADER = re.compile(
    r"(?im)^[ \t]*(?![ \t])(?:\.\.\s+rubric::\s*|@par\s+|\\par\s+)?"
    r"(?:<(?:h[1-6]|b|strong|p)\b[^>\n]{0,40}>[ \t]*|\*\*|#{1,6}[ \t]+)?"
    r"(?:References?|Bibliography|Citations?|Literature|Sources?|Further reading)"
    r"[ \t]*:?[ \t]*(?:</(?:h[1-6]|b|strong|p)>|\*\*)?[ \t]*:?[ \t]*"
    r"(?:\n[ \t]*[-=~^]{3,}[ \t]*)?$"
)
# The start of a list entry: `.. [1]`, `.. [Smith2003]`, `[1]`, a Markdown reference definition
# `[1]:`, an author-year key opening its line (`[Herrmann:1973]`, `[Lee 2019]`), `1.`, `(1)`,
# `-`, `*`, `@see`, `<li>`.
_MARKER = re.compile(
    r"(?m)(?:^[ \t]*(?![ \t])(?:\.\.[ \t]*\[[^\]\n]{1,40}\]|\[\s*\d{1,3}\s*\]:?"
    r"|\[[A-Za-z][\w+.-]{0,24}[: ]?(?:1[6-9]|20)\d\d[a-z]?\](?=[ \t]+[A-Z])"
    r"|\(?\d{1,3}[.)](?=[ \t])"
    r"|[-*•](?=[ \t])|[@\\](?:see|cite|ref|par)\b)"
    r"|(?<=[ \t])\[\s*(?:\d{1,3}|[A-Z][A-Za-z+]{1,7}\d{2,4}[a-z]?)\s*\](?=[ \t]+[A-Z\"“])"
    r"|<\s*li\b[^>\n]{0,80}>)"
)
# Another docstring section ends a numpy/Google reference section, and a paragraph (`Input:`
# under an entry's line is no part of its title).
_NEXT_SECTION = re.compile(
    r"(?m)^[ \t]*(?![ \t])(?:Examples?|Notes?|See Also|Parameters|Returns|Yields|Raises|Attributes|"
    r"Methods|Warnings?|Todo|Args|Arguments|Inputs?|Outputs?)"
    r"[ \t]*:?[ \t]*(?:\n[ \t]*[-=~^]{3,}[ \t]*)?$"
)
_BLANK = re.compile(r"\n[ \t]*\n")
# A line holding only an HTML paragraph or preformatted-block tag breaks a Javadoc comment as a
# blank line does (`</pre>` then `and for the original algorithm:` then `<pre>` and the next
# entry).
_HTML_BREAK = re.compile(r"(?i)\n[ \t]*</?(?:p|pre|ul|ol|dl|blockquote|hr)[ \t]*/?>[ \t]*(?=\n)")
_NON_SPACE = re.compile(r"\S")  # what `str.strip` keeps: a span without it is blank


@dataclass(frozen=True, slots=True)
class Region:
    """A span of the block read as one unit: a list entry or a paragraph."""

    start: int
    end: int
    in_references: bool  # inside a reference section, or a marked entry that reads like one
    marked: bool = False  # opens with a list marker (`[2]`, `.. [Key]`, `1.`, `-`, `@see`)


@lru_cache(maxsize=16)
def regions(text: str) -> tuple[Region, ...]:
    """The regions of `text`, in order: entries split at list markers and blank lines.

    Cached: the rules and then the tagger's window selection read the same block's regions.
    """
    headers = _at_lines(_HEADER, _HEADER_LEADS, text)
    ref_spans = _reference_spans(text, headers)
    cuts = {0, len(text)}
    cuts.update(
        match.start()
        for match in _at_lines(_MARKER, _MARKER_LEADS, text)
        if not _continues_entry(text, match)
    )
    for match in _BLANK.finditer(text):
        cuts.add(match.start())
    if "<" in text:
        cuts.update(match.start() for match in _HTML_BREAK.finditer(text))
    for match in headers:
        cuts.update((match.start(), match.end()))
    for start, end in ref_spans:
        cuts.update(_complete_entry_lines(text, start, end))
    cuts.update(match.start() for match in _at_lines(_NEXT_SECTION, _NEXT_SECTION_LEADS, text))
    for start, end in ref_spans:
        cuts.update(_next_author_year_lines(text, start, end))
    ordered = sorted(cuts)
    out = []
    for start, end in itertools.pairwise(ordered):
        if _NON_SPACE.search(text, start, end) is None:
            continue
        inside = bool(ref_spans) and any(s <= start < e for s, e in ref_spans)
        out.append(Region(start, end, inside, _MARKER.match(text, start) is not None))
    return tuple(out)


# A reference section's entries one a line, each its authors and year alone (`source:` /
# `Keeton and Kochanek (1998)` / `Oguri 2021: https://arxiv.org/...`): a line that is only an
# author-year mention ends its entry when the next line opens with another. (Authors and year
# alone on an entry's first line, its title on the next, stay one entry.)
_AUTHOR_YEAR_LINE = re.compile(
    r"[ \t]*[A-Z][\w'’-]+(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?,?"
    r"[ \t]+\(?(?:1[89]|20)\d\d[a-z]?\)?[ \t]*[.,;]?[ \t]*$"
)
_AUTHOR_YEAR_OPENS = re.compile(
    r"[ \t]*[A-Z][\w'’-]+(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?,?"
    r"[ \t]+\(?(?:1[89]|20)\d\d[a-z]?\b"
)


def _next_author_year_lines(text: str, start: int, end: int) -> list[int]:
    """The starts of the lines, within a reference section, that open a new author-year entry
    right after a line that is one."""
    cuts = []
    line = start
    while line < end:
        stop = text.find("\n", line, end)
        if stop < 0:
            break
        following = stop + 1
        if _AUTHOR_YEAR_LINE.fullmatch(text, line, stop) and _AUTHOR_YEAR_OPENS.match(
            text, following, end
        ):
            cuts.append(following)
        line = following
    return cuts


# A line that an HTML line break ends, its entry going on below (`A general theory of
# classificatory sorting strategies<br>` then `1. Hierarchical systems<br>`, a title's part).
_BROKEN_LINE = re.compile(r"(?i)<br[ \t]*/?>[ \t]*\n[ \t]*\Z")
_NUMBER = re.compile(r"[ \t]*\(?(\d{1,3})[.)]")


def _continues_entry(text: str, marker: re.Match[str]) -> bool:
    """Whether a number opening a line is a part of the entry the line above broke with `<br>`
    rather than a list's item: the line above is no item, and no next number follows."""
    number = _NUMBER.match(text, marker.start())
    if number is None or marker.start() == 0:
        return False
    above = text.rfind("\n", 0, marker.start() - 1) + 1
    if _BROKEN_LINE.search(text, above, marker.start()) is None:
        return False
    if _MARKER.match(text, above) is not None:
        return False
    following = re.compile(rf"(?m)^[ \t]*\(?{int(number[1]) + 1}[.)][ \t]")
    return following.search(text, marker.end()) is None


# A search with a pattern that opens with `^` tries it at every character of the block (most of
# the time `regions` took); its matches start only at line starts, so each is tried only at the
# line starts its first character can follow (found by a search for a newline, which the engine
# does fast) and, a marker, at the characters its other forms open with (`[`, `<`), skipping
# those inside the match before as `finditer` does: the same matches. Both are read from the
# patterns (`leads.line_leads`), so they follow any change to them.
_HEADER_LEADS = line_leads(_HEADER)
_MARKER_LEADS = line_leads(_MARKER)
_NEXT_SECTION_LEADS = line_leads(_NEXT_SECTION)


def _at_lines(pattern: re.Pattern[str], leads: LineLeads | None, text: str) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` finds, tried only where its `leads` say it can match."""
    if leads is None:  # a form `line_leads` cannot read: every character is tried
        return list(pattern.finditer(text))
    candidates = [m.end() for m in leads.lines.finditer(text)]
    more = [at for char in leads.chars for at in _find_all(text, char)]
    if more:
        candidates = sorted({*candidates, *more})
    found = []
    match = pattern.match
    end = 0
    if (hit := match(text, 0)) is not None:
        found.append(hit)
        end = hit.end()
    for start in candidates:
        if start >= end and (hit := match(text, start)) is not None:
            found.append(hit)
            end = hit.end()
    return found


def _find_all(text: str, char: str) -> list[int]:
    found = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


# A reference section's entry written whole on its line, without a marker, ending with its
# year and a full stop or with a link after its year (`Lee, E.R. and Hale, R.C., A Unified
# Form ..., Goddard Space Flight Center, 1968.`), then the next entry's names on the next line:
# the line ends its entry (read on, the next entry's text is the venue of the first).
_WHOLE_ENTRY_LINE = re.compile(
    r"(?m)^[ \t]*[A-Z][^\n]*?[,.][ \t]*(?:1[6-9]|20)\d\d[a-z]?\)?"
    r"(?:\.|[.,;]?[ \t]+(?:https?://|www\.)\S+)[ \t]*\n"
    r"(?=[ \t]*[A-Z][\w'’-]*(?:,[ \t]*[A-Z]\.|[ \t]+[A-Z]\.(?:[ \t]*[A-Z]\.)*[ \t]+[A-Z]|"
    r"[ \t]+[A-Z][\w'’-]+[.,]))"
)


def _complete_entry_lines(text: str, start: int, end: int) -> list[int]:
    """Where a reference section's entries, one a line without markers, start (the lines
    after `_WHOLE_ENTRY_LINE`s)."""
    if end - start > _ENTRY_LINES_REACH:
        return []  # long sections are numbered lists; the search would read every line
    return [match.end() for match in _WHOLE_ENTRY_LINE.finditer(text, start, end)]


_ENTRY_LINES_REACH = 20_000


def _reference_spans(text: str, headers: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans = []
    for header in headers:
        following = _NEXT_SECTION.search(text, header.end())
        spans.append((header.end(), following.start() if following else len(text)))
    return spans


def entry_body(text: str, region: Region) -> int:
    """Where the entry text of `region` begins, after its list marker."""
    marker = _MARKER.match(text, region.start)
    pos = marker.end() if marker else region.start
    while pos < region.end and text[pos].isspace():
        pos += 1
    if marker is not None and text.startswith(":", pos) and text[pos + 1 : pos + 2].isspace():
        # a colon between the label and its entry: `.. [Glasberg] : Glasberg B. R., ...`
        pos += 1
        while pos < region.end and text[pos].isspace():
            pos += 1
    return pos
