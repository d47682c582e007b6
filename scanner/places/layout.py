"""Where a link stands in its text: at a line's end, after a heading, at a paragraph's start."""

from __future__ import annotations

import re

from scanner.places.words import WORD, trailer_or_locator
from scanner.types import Hit

# A heading: a line ending with `:`, an underline, or the line above an underline.
_UNDERLINE = re.compile(r"[ \t]*[-=~^*]{3,}[ \t]*")


_PARAGRAPH_REACH = 300


BLANK_LINE = re.compile(r"\n[ \t]*\n")  # a blank line between two lines of text


_LINKS = re.compile(r"\S*(?:://|www\.|doi:|arxiv:)\S*", re.IGNORECASE)


# What may follow an entry's last link on its line: the close of the HTML anchor it is the
# target of, with a short text (`">here</a>`, Javadoc's `Retrieved from <a href="...">here</a>`),
# punctuation, a parenthesised remark (`(working paper)`), or the words entries put after a link.
_LINE_TAIL = re.compile(
    r"(?:[\"']?[^<>\n]{0,60}>[^<>\n]{0,40}</a[ \t]*>)?"
    r"[^\S\n]*[.,;:)>\]`'\"]*[^\S\n]*(?:\([^()\n]{0,40}\)[.,;]?)?"
    # Doxygen's `\n` command or `<br>` ends the line as a line break does
    r"[^\S\n]*(?:\\n\b|<br[ \t]*/?>)?[^\S\n]*(?:\n|$)"
)


# A list item's label before an entry on its line: within a labelled list, everything up to
# the next label or blank line is the entry's.
_LABELLED = re.compile(
    r"[ \t]*(?:\.\.[ \t]*\[[^\]\n]+\]|\[[^\]\n]{1,40}\]|\d{1,3}[.)]|[-*•]|@see|@cite|\\cite)"
    r"[ \t]*$"
)


# A reference list's entry labelled by its Sphinx citation key: `-   :cite:`Key` : Authors...`,
# or a bullet item that opens with the key and goes on with the entry (`* :cite:`Key` Title,
# 2000 Authors - https://doi.org/...`).
CITE_LABEL = re.compile(
    r"[ \t]*(?:[-*][ \t]+)?:(?:foot)?cite(?::[pt])?:`[^`\n]{1,80}`[ \t]*:"
    r"|[ \t]*[-*][ \t]+:(?:foot)?cite(?::[pt])?:`[^`\n]{1,80}`[ \t]+(?=[A-Z\"“])"
)


def labelled_item(text: str, line_start: int, start: int) -> bool:
    """Whether only a list item's label stands before `start` on its line (`.. [1]`, `[2]`,
    `3.`, a bullet, `@see`), or the line is an item labelled by its Sphinx key (`-   :cite:`Key`
    : Authors. (Year). Title`: the item is one entry, wherever on it a reader started)."""
    if _LABELLED.fullmatch(text, line_start, start) is not None:
        return True
    return ":" in text[line_start:start] and CITE_LABEL.match(text, line_start) is not None


def ends_its_line(text: str, end: int) -> bool:
    """Whether only punctuation or a parenthesised remark follows `end` on its line: the link
    closes its entry rather than starting a sentence (`https://... extends it.`)."""
    return _LINE_TAIL.match(text, end) is not None


def ends_entry_line(text: str, hit: Hit) -> bool:
    """Whether the identifier `hit` ends entry text (`..., Phys. Rev. E, 2016,
    doi:10.1103/...`), not a list of links under a heading (`See:`, `References:`)."""
    window = text[max(0, hit.start - _PARAGRAPH_REACH) : hit.start]
    blank = BLANK_LINE.search(window[::-1])
    paragraph = window[len(window) - blank.start() :] if blank else window
    lines = paragraph.split("\n")
    kept = [
        line
        for i, line in enumerate(lines)
        if not line.rstrip().endswith(":")
        and not _UNDERLINE.fullmatch(line)
        and not (i + 1 < len(lines) and _UNDERLINE.fullmatch(lines[i + 1]))
    ]
    words = WORD.findall(_LINKS.sub(" ", "\n".join(kept)))
    return not all(trailer_or_locator(w) for w in words)


# A link line that says what the link gives: `See <url> for a description of the method.`
# The link opens its line after `See`, and a `for` clause ends the sentence; a clause naming
# another work (`for a faster variant`, `for a later extension`) leaves the link apart.
# (`See :cite:`Key` for ...`: a Sphinx role before a bibliography key.)
_SEE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*][ \t]+)?(?i:see)[ \t]*:?[ \t]*(?::\w+(?::\w+)?:)?[<(`\[]?$"
)
_FOR_CLAUSE = re.compile(
    r"[>)`_}]*[ \t]+for[ \t]+(?!(?:a|an|the|its)?[ \t]*(?i:also|another|other|faster|improved|"
    r"newer|later|recent|related|alternative|different|extended|extension|follow-up|variant|"
    r"generali[sz]ation)\b)[A-Za-z][^\n:]{0,100}$",
    re.MULTILINE,
)


def says_what_it_gives(text: str, end: int) -> bool:
    """Whether a `for` clause ending its line follows the link ending at `end` (`<url> for a
    description of the method`), and it names no other work (`for a faster variant`)."""
    return "for" in text[end : end + 8] and _FOR_CLAUSE.match(text, end) is not None


def see_for(text: str, start: int, end: int) -> bool:
    """Whether the link at `text[start:end]` is written `See <link> for <what it gives>` on a
    line of its own: the link of the entry above it, with a note of what to read there."""
    if "for" not in text[end : end + 8]:
        return False
    line_start = text.rfind("\n", 0, start)
    return (
        _SEE_BEFORE.search(text, max(0, line_start), start) is not None
        and _FOR_CLAUSE.match(text, end) is not None
    )


def starts_paragraph(text: str, line_start: int, start: int) -> bool:
    """Whether `start` begins its line's text and that line follows a blank line, a heading
    underline or the start of the block."""
    if text[line_start:start].strip():
        return False
    if _follows_paragraph_markup(text, line_start):
        return True
    # Found by looking back from the line, not by copying the text before it: a block of
    # thousands of entries asks this of each.
    last = line_start - 1
    while last >= 0 and text[last] in " \t\n":
        last -= 1
    # The line above is blank when only spaces stand on it: a comment's blank line (` *`,
    # `//`) keeps the spaces its delimiters were blanked to.
    spaces = line_start - 2
    while spaces >= 0 and text[spaces] in " \t":
        spaces -= 1
    ends_blank = line_start >= 1 and spaces >= 0 and text[spaces] == "\n"
    at_tag = last >= 0 and text[last] == ">"
    tag = _LINE_BREAK_TAG.search(text, max(0, last - 8), last + 1) if at_tag else None
    if tag is not None:
        # `See papers:<br>`: a heading that ends with an HTML line break
        last = tag.start() - 1
        while last >= 0 and text[last] in " \t":
            last -= 1
    return last < 0 or ends_blank or text[last] in "-=:"


_LINE_BREAK_TAG = re.compile(r"(?i)<br[ \t]*/?>$")


def _follows_paragraph_markup(text: str, line_start: int) -> bool:
    """Whether the line above holds paragraph markup only (Doxygen's `</para><para>`,
    Javadoc's `<p>`, the `<pre>` that opens a preformatted block): a blank line of the
    rendered text; or is a Doxygen paragraph heading
    (`@par External documentation`), which the rendered text sets apart."""
    if line_start < 2:
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    if "par" in above and _PARAGRAPH_HEADING.fullmatch(above) is not None:
        return True
    return "<" in above and _PARAGRAPH_TAGS.fullmatch(above) is not None


_PARAGRAPH_TAGS = re.compile(r"(?i)[ \t]*(?:</?(?:para|p|br|pre)[ \t]*/?>[ \t]*)+")
_PARAGRAPH_HEADING = re.compile(r"[ \t]*[@\\]par\b[^\n]{0,80}")
