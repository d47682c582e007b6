"""Identifiers and URLs broken across comment lines, joined back into one run of text.

A block's text keeps its newlines (and the blanks where comment markers were). When a line
ends inside a URL or DOI (the last word contains `://`, `doi`, `arxiv` or a `10.NNNN/` prefix
and ends with a character that cannot end one, such as `/`, `-` or `=`; or with `.` or `:`
when the next line starts with identifier-like text), the newline and the next line's
indentation are dropped from a *view* of the text; so is a backslash that continues a Python
string's line inside a URL (`.../uploads/2016/06/` and a backslash, then `Paper.pdf` at the
next line's start). Extractors run on the view, and `JoinedText.span` maps a match back to
offsets in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line break after one of these characters, inside an identifier-like word, is a wrap.
# The break is matched from the newline, with the character before it checked by look-behind.
_BREAK = re.compile(r"\n(?<=[/\-_=?&#.:]\n)[ \t]*")
_NEEDLES = ("://", "doi", "arxiv", "10.", "www.")
# A string literal's line continuation: the backslash and the newline are not in the string,
# and the next line's first character (no indentation) is the string's next one.
_CONTINUATION = re.compile(r"\\\n(?=\S)")
_IDENTIFIER_WORD = re.compile(r"(?i)(?:://|doi|arxiv|\b10\.\d{4,9}/|www\.)")
# After `.` or `:` a line usually ends a sentence (`...arxiv.org/abs/2110.09456.` followed by a
# parameter name or a capitalised sentence), and after `/` a complete URL may end
# (`.../document/1163711/` followed by `R. Author, ...`). The next line then only continues the
# identifier when its first word looks like one: holding a digit, `/` or an inner dot
# (`j.\n cell.2019.05.031`, `abs/\n 1908.03265`), and after `.`/`:` starting in lowercase.
_LOOKS_LIKE_ID = r"[^\s]*?(?:\d|/|\.\w)"
# A line that starts a new link or marked identifier never continues the previous one
# (`DOI: 10.1016/j.x.2006.05.008.` then `http://www.sciencedirect.com/...` on the next line),
# nor does one whose first word holds a link behind a list number (`3.https://...`), nor the
# next item of a numbered list (`doi.org/10.1002/nme.7545.` then `2. Lee R (2019) ...`).
_STARTS_IDENTIFIER = re.compile(r"(?i)https?://|www\.|doi:|arxiv:|[^\s]*?://|\d{1,3}[.)][ \t]")
_CONTINUES_AFTER = {
    ".": re.compile(r"(?=[a-z0-9])" + _LOOKS_LIKE_ID),
    ":": re.compile(r"(?=[a-z0-9])" + _LOOKS_LIKE_ID),
    # A name of code with a trailing number (`vec3 dir = ...`, `float2(`) starts a line of code
    # after a complete link, as in a shader's comment inside a string literal.
    "/": re.compile(r"(?![A-Za-z_]+\d+[\s(;,=\[])" + _LOOKS_LIKE_ID),
}


@dataclass(frozen=True, slots=True)
class JoinedText:
    """A view of `original` with wrapped identifiers joined; `origin[i]` is the offset in
    `original` of `text[i]` (None when nothing was joined)."""

    original: str
    text: str
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` span of the view back to the original text."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def join_wrapped(text: str) -> JoinedText:
    """Join identifiers wrapped over line breaks; returns the text itself when none are."""
    if "\n" not in text:
        return JoinedText(text, text)
    lowered = text.lower()
    if not any(needle in lowered for needle in _NEEDLES):
        return JoinedText(text, text)
    cuts: list[tuple[int, int]] = []
    for brk in _BREAK.finditer(text):
        start = brk.start()
        if brk.end() >= len(text):
            continue
        if text[brk.end()].isspace():
            continue  # a blank line ends any identifier
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        word = text[word_start:start]
        continuation = _CONTINUES_AFTER.get(text[start - 1])
        if (
            _IDENTIFIER_WORD.search(word)
            and (continuation is None or continuation.match(text, brk.end()))
            and not _STARTS_IDENTIFIER.match(text, brk.end())
        ):
            cuts.append((start, brk.end()))
    if "\\\n" in text:
        cuts = sorted(cuts + _continuations(text))
    if not cuts:
        return JoinedText(text, text)
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for cut_start, cut_end in cuts:
        pieces.append(text[position:cut_start])
        origin.extend(range(position, cut_start))
        position = cut_end
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    return JoinedText(text, "".join(pieces), tuple(origin))


def _continuations(text: str) -> list[tuple[int, int]]:
    """The backslash-newline pairs that continue an identifier-like word onto the next line."""
    cuts = []
    for match in _CONTINUATION.finditer(text):
        start = match.start()
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        if _IDENTIFIER_WORD.search(text, word_start, start) and not _STARTS_IDENTIFIER.match(
            text, match.end()
        ):
            cuts.append((start, match.end()))
    return cuts
