"""The title gate's second look at a block whose only cue is a quote: can any reader cite in it?

Most such blocks are comments and strings of code quoting a word (`(the "License")`, `a "write
lock."`, `"AS IS"`), and the detector finds a citation in about one in a hundred of them. What
it needs there besides the quote, reader by reader (`detect`, `entries`, `tagged`), is one of:

- a year (on a copyright line too): an author-first entry, an author-year mention, a quoted
  title's evidence;
- venue words (`fields.VENUE_CUE`) or a citing phrase (`the paper`, `published`): the tagger's
  windows, an entry's venue;
- a reference section's header, or a Sphinx `..` entry: the relaxed reading of entries there;
- a BibTeX `title =` field;
- `by` and an author list after it: a quoted or title-case title named by its authors
  (`"Matrix Computations" by Gene H. Golub`);
- a citing word right before a quote, or a citing word and two surnames (`see Crandall &
  Pomerance, "Title"`): a quoted title cited alone (`described in "Title"`,
  `see "Title"`, `the paper called "Title"`).

A block with none of them cannot cite, whatever its quotes say;
`tests/scanner/titles/test_gate.py` checks every fixture block the detector cites in passes.
"""

from __future__ import annotations

import re

from scanner.titles.cues import YEAR_DIGITS
from scanner.titles.fields import CITED_FROM_NAMES, NAMES_REACH, VENUE_CUE
from scanner.titles.leads import led
from scanner.titles.names import AUTHOR_LIST

_YEAR = re.compile(YEAR_DIGITS)
# Citing and section words, found in the lowercased block by `in` (inside longer words too:
# `wallpaper` passes, which costs a read, never a citation).
_WORDS = ("described", "presented", "introduced", "proposed", "published", "article", "paper")
_SECTION_WORDS = ("reference", "bibliography", "citation", "literature", "source", "further")
# A header as `sections._HEADER` reads one, after any markup that opens it; a Sphinx entry.
_HEADER = re.compile(
    r"(?im)^[ \t]*(?:[.@\\<*#][^\n]{0,80}?)?[ \t]*(?:references?|bibliography|citations?|"
    r"literature|sources?|further\s+reading)\b"
)
_SPHINX_ENTRY = re.compile(r"(?m)^[ \t]*\.\.")
_TITLE_FIELD = re.compile(r"(?i)title\s*=")
_VENUE = led(VENUE_CUE)
# What a quoted title may open with (`fields.QUOTED`), and the citing words right before it
# (`detect._CITED_IN`, `detect._CITED_FROM`), read in the 40 characters the detector reads.
_QUOTE = re.compile("[\"“`'«]")
_CITED_WORDS = (
    "described", "presented", "introduced", "proposed", "published", "explained", "defined",
    "detailed", "in", "from", "see", "cf.", "cf", "following", "after", "paper", "article",
    "report", "thesis", "dissertation", "book", "monograph", "preprint", "survey", "titled",
    "entitled", "called",
)  # fmt: skip
_CITED_WORD_END = r"\b(?:" + "|".join(map(re.escape, _CITED_WORDS)) + r")\s*[:,]?\s*$"
_CITED_BEFORE = re.compile("(?i)" + _CITED_WORD_END)
# The same, over an ASCII text lowered (the same length): `(?i)` makes the engine compare each
# character both ways, at each of the 40 places it is tried.
_CITED_BEFORE_LOWER = re.compile(_CITED_WORD_END)
_BEFORE = 40
# The characters those words end with, in either case: before most quotes stands none of them
# (code: `("name")`, `= "value"`), and the pattern, tried at each of the 40 characters, is
# not searched. A character outside ASCII may match a letter of the words ignoring case.
_WORD_ENDS = frozenset(c for word in _CITED_WORDS for c in (word[-1].lower(), word[-1].upper()))
_SEPARATORS = ":,"
_BY = re.compile(r"by\s+")
# Or a citing word and two surnames before it (`see Crandall & Pomerance, "..."`).
_CITED_NAMES = re.compile(CITED_FROM_NAMES)


def _has_pair(text: str, low: int, at: int) -> bool:
    """Whether `text[low:at]` may join two surnames (`&` or ` and `), or ends in a name's
    comma, as `_CITED_NAMES` needs."""
    return (
        text.find("&", low, at) >= 0
        or text.find(" and ", low, at) >= 0
        or text[low:at].rstrip().endswith(",")
    )


def quote_may_cite(text: str) -> bool:
    """Whether the detector may find a citation in `text`, a block whose only cue is a quote."""
    if _YEAR.search(text):
        return True
    lower = text.lower()
    if any(word in lower for word in _WORDS):
        return True
    if _has_header(text, lower):
        return True
    if ".." in text and _SPHINX_ENTRY.search(text):
        return True
    if "title" in lower and _TITLE_FIELD.search(text):
        return True
    if any(AUTHOR_LIST.match(text, by.end()) for by in _BY.finditer(text)):
        return True
    cited, cited_in = (_CITED_BEFORE_LOWER, lower) if text.isascii() else (_CITED_BEFORE, text)
    # Two surnames need `&` or ` and ` before the quote, one name written out its comma: in
    # most blocks there is none.
    pairs = "&" in text or " and " in text or "," in text
    for quote in _QUOTE.finditer(text):
        at = quote.start()
        low = max(0, at - _BEFORE)
        if _word_may_end(text, low, at) and cited.search(cited_in, low, at):
            return True
        if pairs:
            named = max(0, at - NAMES_REACH)
            if _has_pair(text, named, at) and _CITED_NAMES.search(text, named, at):
                return True
    return _VENUE.search(text) is not None


def _has_header(text: str, lower: str) -> bool:
    """Whether `_HEADER` matches in `text` (`lower`: the text lowercased). Its match opens a
    line and holds a section word on that line, so in an ASCII text it is tried only at the
    starts of the lines holding one (a search tries `^` at every character)."""
    if not text.isascii():  # lowercasing may move offsets, and `(?i)` reads more than ASCII
        return any(word in lower for word in _SECTION_WORDS) and _HEADER.search(text) is not None
    for word in _SECTION_WORDS:
        at = lower.find(word)
        while at >= 0:
            if _HEADER.match(text, lower.rfind("\n", 0, at) + 1) is not None:
                return True
            end = lower.find("\n", at)
            if end < 0:
                break
            at = lower.find(word, end)
    return False


def _word_may_end(text: str, low: int, at: int) -> bool:
    """Whether a word of `_CITED_WORDS` may end `text[low:at]` before blanks and one colon or
    comma, as `_CITED_BEFORE` reads it: the character before them is one those words end with."""
    end = at
    while end > low and text[end - 1].isspace():
        end -= 1
    if end > low and text[end - 1] in _SEPARATORS:
        end -= 1
        while end > low and text[end - 1].isspace():
            end -= 1
    if end == low:
        return False
    last = text[end - 1]
    return last in _WORD_ENDS or not last.isascii()
