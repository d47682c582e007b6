"""Vetoes of a title that is a sentence: a quotation, a quoted word or list item, a sentence
about the code, a caption."""

from __future__ import annotations

import re

from scanner.titles.vetoes.base import fields_of, is_bare
from scanner.types import Hit

# A sentence about code: it opens with a verb in the third person ("Returns an owned
# reference to ...", "Computes the ...").
_VERB_FIRST = re.compile(
    r"(?:Returns|Computes|Calculates|Creates|Gets|Sets|Checks|Converts|Initiali[sz]es|"
    r"Constructs|Performs|Generates|Finds|Evaluates|Applies|Builds|Adds|Removes|Updates|"
    r"Loads|Writes|Reads|Raises|Yields|Takes|Makes|Uses|Implements|Handles|Stores|Prints|"
    r"Allocates|Frees|Copies|Wraps|Tests|Ensures|Determines|Fills|Sorts|Splits|Parses)\s+[a-z]"
    # ...or in the imperative, then an article or the data it works on
    r"|(?:Return|Compute|Calculate|Create|Get|Set|Check|Convert|Transform|Initiali[sz]e|Load|"
    r"Write|Read|Update|Remove|Add|Perform|Run|Apply|Fit|Find|Generate|Build|Plot|Evaluate|"
    r"Determine|Obtain|Construct|Extract|Process|Filter|Detect|Solve)\s+"
    r"(?:the|a|an|this|these|all|each|input|output|given)\s"
)


def verb_first(text: str, hit: Hit, stop: int) -> bool:
    return _VERB_FIRST.match(fields_of(hit).title or "") is not None and not _quoted_in_entry(
        text, hit
    )


def _quoted_in_entry(text: str, hit: Hit) -> bool:
    """Whether the hit is an entry that quotes its title between its authors and its venue: a
    title may read as a sentence (`"The BOSS is concerned with time series classification in
    the presence of noise"`), and the entry around it says it is one."""
    fields = fields_of(hit)
    return bool(fields.authors and fields.venue) and quoted_at(text, hit) is not None


# A sentence of the comment with its passive verb, not a title: "The DCP was developed to
# identify environments ...", "These values were compiled from ...".
_PASSIVE_SENTENCE = re.compile(
    r"^(?:The|This|These|Those|It|They|Its)\b[^.;:]{0,60}?\s(?:was|were|is|are|has\s+been|"
    r"have\s+been)\s+[a-z]+ed\s+(?:to|by|for|from|with|in|on|as)\s"
)


def passive_sentence(text: str, hit: Hit, stop: int) -> bool:
    return _PASSIVE_SENTENCE.match(fields_of(hit).title or "") is not None and not (
        _quoted_in_entry(text, hit)
    )


# A line that leads in to the work it names next, not a title: "The peephole implementation
# is based on:" above the work's link and entry (a title ends with no dangling preposition).
_LEAD_IN = re.compile(
    r"\s(?:is|are|was|were|has\s+been|have\s+been)\s+[a-z]+(?:ed|en)\s+(?:on|in|from|by|at)\W*$"
)


def lead_in(text: str, hit: Hit, stop: int) -> bool:
    return _LEAD_IN.search(fields_of(hit).title or "") is not None


# A quotation, not a title: it ends with an ellipsis or opens with a bullet, it follows
# `states:`/`says:` or a colon, it speaks ("should", "we", "you", "doesn't").
# A quoted clause of a sentence: it opens in lower case and closes with the sentence's full stop.
_LOWER_SENTENCE = re.compile(r"(?:the|a|an|it|this|we|is|are)\s(?:\S+\s+){6,}\S+[^.\s]\.")
_QUOTATION_END = re.compile(r"(?:\.\.\.|…)\s*[\"”']?\s*$")
_QUOTATION_START = re.compile(r"[\"“'`«][ \t]*(?:\.\.\.|…)[ \t]*$")
_SPEAKS_BEFORE = re.compile(
    r"(?i)\b(?:states|stated|says|said|writes|wrote|notes|noted|puts\s+it|quote)\s*:?"
    r"\s*[\"“]\s*[•\-*]?\s*$"
)
# ...or a colon, after a mention's year ("From Langfelder and Horvath 2012: "...""), not
# after authors whose entry goes on with a venue, nor after a citing word ("titled:", "in :").
_COLON_BEFORE = re.compile(r"(?P<word>[\w.]+)?[ \t]*:\s*[\"“]\s*$")
_INITIAL_WORD = re.compile(r"(?:[\w.]*\.)?[A-Z][a-z]?\.")
# An author list's bracketed year right before the colon that opens the quote.
_YEAR_BEFORE_COLON = re.compile(r"\([ \t]*(?P<year>\d{4})[a-z]?[ \t]*\)[ \t]*:\s*[\"“]\s*$")


def _entry_year_before(text: str, open_at: int, year: int | None) -> bool:
    bracketed = _YEAR_BEFORE_COLON.search(text, max(0, open_at - 24), open_at + 1)
    return year is not None and bracketed is not None and int(bracketed["year"]) == year


_CITING_BEFORE_COLON = frozenset(
    "titled entitled called named in see from cf cf. reference references".split()  # noqa: SIM905
)
_SPOKEN = re.compile(
    r"(?i:\b(?:not|cannot|can't|don't|doesn't|doesn’t|isn't|won't|could|should|must|please|"
    r"we|you|your|i|us|our)\b)"
)
QUOTE_OPEN = "\"“'`«"


def quoted_at(text: str, hit: Hit) -> tuple[int, int] | None:
    """Where the hit's title is written in quotes, as the span inside them, or None."""
    title = fields_of(hit).title
    if not title:
        return None
    first = title.split()[0]
    at = text.find(first, hit.start, hit.end)
    while at >= 0:
        # (an empty `before`, the title opening an indented line, is no quote)
        if _OPENS_QUOTE.search(text, max(0, at - 8), at) is not None:
            return at, at + len(title)
        at = text.find(first, at + 1, hit.end)
    return None


# What stands right before a quoted title: the quote, perhaps a bullet or an ellipsis (a passage
# quoted from its middle, `"... the sign of the remainder"`) after it.
_OPENS_QUOTE = re.compile(r"[\"“'`«](?:[ \t]*(?:\.\.\.|…))?[ \t•*-]{0,3}$")


# A quoted eponymous name, not a title: `the "Kleibergen-Paap rk Wald F statistic"`, `"Lloyd's
# algorithm"` (the convention counts no eponym).
_EPONYM_NAME = re.compile(
    r"(?:[A-Z][a-z]+[-–][A-Z][a-z]+|[A-Z][a-z]+['’]s)\b"
    r"(?:[ \t]+(?!(?i:for|of|in|on|with|to|from|by|and|via|using|under)\b)[\w-]+){0,4}?"
    r"[ \t]+(?i:statistic|test|estimator|"
    r"criterion|method|algorithm|distribution|index|coefficient|transform|filter|rule|bound|"
    r"inequality|theorem|lemma|formula|equation)s?"
)


def eponym_name(text: str, hit: Hit, stop: int) -> bool:
    title = (fields_of(hit).title or "").strip(" .,")
    if len(title.split()) > _EPONYM_WORDS:
        return False
    if quoted_at(text, hit) is not None and _EPONYM_NAME.fullmatch(title) is not None:
        return True
    # the thing's name set off, the noun after it: `the *Kruskal's Standardized Residual Sum of
    # Squares (STRESS)* index`, `"Henze-Zirkler's" test`
    return (
        is_bare(hit)
        and _POSSESSIVE_NAME.match(title) is not None
        and _THING_AFTER.match(text, hit.end) is not None
    )


_EPONYM_WORDS = 8
_POSSESSIVE_NAME = re.compile(r"[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?['’]s\s")
_THING_AFTER = re.compile(
    r"[*\"”'`_]*\s*(?:\([^()\n]{0,60}(?:\n[^()\n]{0,60})?\)[*\"”'`_]*\s*)?"
    r"(?i:statistic|test|estimator|criterion|method|algorithm|distribution|index|coefficient|"
    r"transform|filter|rule|bound|inequality|theorem|lemma|formula|equation)s?\b"
)


# A Doxygen image's caption: `\image html wolf.gif "One Grey Wolf" width=3cm`.
_IMAGE_COMMAND = re.compile(r"[\\@]image[ \t]+\w+[ \t]+\S+[ \t]+$")


def image_caption(text: str, hit: Hit, stop: int) -> bool:
    quoted = quoted_at(text, hit)
    if quoted is None:
        return False
    line_start = text.rfind("\n", 0, quoted[0]) + 1
    return _IMAGE_COMMAND.search(text, line_start, quoted[0] - 1) is not None


# A quoted item of a list of quoted words (`"Close", "Adj Close", and "Volume"`): a value.
_LIST_ITEM_BEFORE = re.compile(r"[\"”'][ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?$")
_LIST_ITEM_AFTER = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?[\"“']")


# ... or one a line, as a list literal in an example writes them (`documents = [\n "Mars is
# often called the Red Planet.",\n "Venus is ...",\n]`): the line above ends the list's
# opening bracket or the item before, the string's own line ends with its comma or the close.
_ITEM_LINE_ABOVE = re.compile(r"(?:[\[(]|[\"'][ \t]*,)[ \t]*\n[ \t]*$")
_ITEM_LINE_END = re.compile(r"[ \t]*(?:,|[\])][ \t]*,?)[ \t]*(?:\n|$)")


def quoted_list_item(text: str, hit: Hit, stop: int) -> bool:
    quoted = quoted_at(text, hit)
    if quoted is None:
        return False
    start, end = quoted[0] - 1, quoted[1] + 1  # the quote marks
    if (
        _LIST_ITEM_BEFORE.search(text, max(0, start - 12), start) is not None
        or _LIST_ITEM_AFTER.match(text, end) is not None
    ):
        return True
    close = close_quote(text, quoted[1])  # (the title read without the string's full stop)
    return (
        0 <= close - quoted[1] <= 2
        and _ITEM_LINE_ABOVE.search(text, max(0, start - 120), start) is not None
        and _ITEM_LINE_END.match(text, close + 1) is not None
    )


# A line that quotes single words beside the phrase (`use "Brightness&Contrast", press "Set",
# enter "Min." 16`, `In "The beauty and the beast", the term "the" appears ...`): the phrase is
# a label or an example too, when no authors or year vouch for it as a work (a venue may be a
# word read after it: "Press").
_QUOTED_WORD = re.compile(r"[\"“][^\s\"“”]{1,15}[\"”]")


def quoted_beside_words(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    quoted = None if fields.authors or fields.year else quoted_at(text, hit)
    if quoted is None:
        return False
    line_start = text.rfind("\n", 0, quoted[0]) + 1
    line_end = text.find("\n", quoted[1])
    words = _QUOTED_WORD.finditer(text, line_start, len(text) if line_end < 0 else line_end)
    return any(not quoted[0] - 1 <= word.start() <= quoted[1] for word in words)


# A line that quotes a page of a work: `"Derived Geometric Constants: **R2: ...**" (p131)`.
_QUOTED_PAGE = re.compile(r"[\"“][^\n]*[\"”][ \t]*\((?:p|pg|page)\.?[ \t]*\d+\)[ \t.,;]*$")


def quotation(text: str, hit: Hit, stop: int) -> bool:
    """A quoted sentence, not a title."""
    if is_bare(hit):
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end)
        quoted = _QUOTED_PAGE.search(text, line_start, line_end if line_end >= 0 else len(text))
        if quoted is not None and quoted.start() < hit.start:
            return True
    where = quoted_at(text, hit)
    if where is None:
        return False
    start = where[0]
    close = close_quote(text, start)
    inside = text[start:close] if close > 0 else text[start : start + 400]
    if _QUOTATION_END.search(inside) or "•" in text[max(0, start - 3) : start]:
        return True
    if _LOWER_SENTENCE.fullmatch(inside.strip()):
        return True  # `"the maximum of the distances from a point in any ... set." (Rote, 1991)`
    if _QUOTATION_START.search(text, max(0, start - 8), start):
        return True
    # the opening quote, before any bullet and spaces: `"• The ...`
    open_at = max(0, start - 3) + len(text[max(0, start - 3) : start].rstrip(" •*-\t")) - 1
    if _SPEAKS_BEFORE.search(text, max(0, open_at - 24), open_at + 1):
        return True
    fields = fields_of(hit)
    colon = _COLON_BEFORE.search(text, max(0, open_at - 24), open_at + 1)
    if (
        colon is not None
        and not (fields.venue or fields.volume or fields.pages)
        and (colon["word"] or "").lower() not in _CITING_BEFORE_COLON
        # `described in: "Title"` introduces a work, not a quotation
        and _NAMED_WORK_BEFORE.search(text, max(0, open_at - 40), open_at + 1) is None
        # nor does an author list that ends in an initial, when the entry has its year:
        # `Svenningsen, L.: "Proposal of an Improved Power Curve Correction". EMD, 2010`
        and not (fields.authors and fields.year and _INITIAL_WORD.fullmatch(colon["word"] or ""))
        # nor the entry's own bracketed year before a capitalized title: `suggested by J.P.
        # Lewis (1995):\n "Title".` (words quoted from the work open in lower case as often
        # as not, or speak: `Dekker (1971): "The constant should be chosen equal to ..."`)
        and not (
            fields.authors
            and inside.lstrip()[:1].isupper()
            and _SPOKEN.search(inside) is None
            and _entry_year_before(text, open_at, fields.year)
        )
    ):
        return True
    # a sentence that speaks, unless a citing phrase names it a work ('the paper "Attention
    # Is All You Need"'); a long one is a passage quoted from the work whatever names it
    # ('from the 2010 paper: "In practice, this algorithm converges better if we ..."')
    title = fields_of(hit).title or ""
    return (
        is_bare(hit)
        and _SPOKEN.search(title) is not None
        and (
            _NAMED_WORK_BEFORE.search(text, max(0, open_at - 40), open_at + 1) is None
            or len(title.split()) >= _PASSAGE_WORDS
        )
    )


_PASSAGE_WORDS = 12


_NAMED_WORK_BEFORE = re.compile(
    r"(?i)\b(?:paper|article|book|report|thesis|titled|entitled|(?:described|presented|"
    r"introduced|proposed|published)\s+in)\s*[:,]?\s*[\"“]$"
)


def close_quote(text: str, start: int) -> int:
    for close in ('"', "”", "'", "''"):
        at = text.find(close, start, start + 420)
        if at >= 0:
            return at
    return -1


# A quoted name used as a word of the sentence: `the "Charlie sheen" BRDF`, `the "IEEE 754
# compliant rounding" variant`, `the "Scalable Time series Anytime Matrix Profile" (STAMP)
# algorithm`; but `the "Attention Is All You Need" paper` cites.
_NAMED_THING = re.compile(r"(?i)\b(?:the|a|an|this|that|its|their|our)\s+[\"“'`]+\s*$")
_AFTER_NAME = re.compile(
    # ... or a clause that defines it: `encoded as the "Dublin Julian Day", which is ...`
    r"(?i)[\"”'`]+,[ \t\n]+(?:which|that|i\.e\.|meaning)\b|"
    r"[\"”'`]+[ \t\n]+(?:\([A-Z][\w+-]*\)[ \t\n]+)?"
    r"(?!(?:paper|article|book|report|thesis|dissertation|monograph|survey|"
    r"preprint|by|in|of|from|and|for|on|at|with|is|was|were|are|has|had|describes|shows|"
    r"proposes|introduced|introduces|gives|presents)\b)[a-z]\w*"
)


# ... or a name the sentence says is one: `(hence the name, "No U-Turn")`, `its name "Tide"`.
_NAME_BEFORE = re.compile(r"(?i)\bname[ \t]*[,:]?[ \t]*[\"“'`]+\s*$")


def named_thing(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.authors or fields.venue:
        return False
    where = quoted_at(text, hit)
    if where is None:
        return False
    start, end = where
    if _NAME_BEFORE.search(text, max(0, start - 12), start) is not None:
        return True
    if _NAMED_THING.search(text, max(0, start - 12), start) is None:
        return False
    close = close_quote(text, end - 1)
    return close >= 0 and _AFTER_NAME.match(text, close) is not None
