"""The title and author-year detector proper: regions of a block, each read three ways.

Imported by `scanner.titles.find_citations` only once a block has a cue: its author-list and
venue patterns take a tenth of a second to compile, which a rescan of a few changed files
whose comments cite nothing by title need not pay.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalog.types import RefKind
from scanner.spans import DisjointSpans
from scanner.titles import AUTHOR_YEAR_RULE, TITLE_RULE, bibtex
from scanner.titles.bibtex import bibtex_entries
from scanner.titles.cues import EDITION, PAIR_TITLE, YEAR_DIGITS, edition_word
from scanner.titles.entries import Entry, identifier_follows, parse_after_authors, parse_title_first
from scanner.titles.fields import (
    CITED_FROM_NAMES,
    NAME_COLON_TITLE,
    NAMES_REACH,
    QUOTED,
    find_spaced,
)
from scanner.titles.inline import (
    CITE_KEY,
    KEY_TAG_NEEDLES,
    NOT_PEOPLE,
    author_year,
    bare_keys,
    cite_keys,
    initials_year,
    lower_case_etal,
)
from scanner.titles.leads import holds_any, led, needles
from scanner.titles.names import (
    AUTHOR_LIST,
    ETAL,
    FULL_NAMES_LINE,
    INITIALS_LINE,
    NAME,
    NOT_NAMES,
    glued_to_word,
    list_start,
    names_cut_at_initial,
    opens_with_non_name,
)
from scanner.titles.sections import Region, entry_body, regions
from scanner.types import EntryFields, Hit

# Phrases after which an unquoted title may follow: "described in <Title> by <Authors>".
_CITING = re.compile(
    r"(?:\b(?:paper|article|described in|presented in|introduced in|proposed in|based on|"
    r"taken from|adapted from|from|follows|following|in|see|cf\.?)|Reference|References|See)"
    r"\s*[:,]?\s+(?=[\"“`'A-Z])"
)
# Searched over every region: led by their first characters (`leads`), the same matches, faster.
_CITING = led(_CITING)
_QUOTED = led(QUOTED)
# What the BibTeX and citation-key readers' patterns cannot match without (`=`, `]_`, `cite`):
# a region that holds none of it is not searched.
_BIBTEX_NEEDLES = needles(bibtex._TITLE_FIELD)
_CITE_KEY_NEEDLES = needles(CITE_KEY)
# ...nor a quoted title without one of its quotes (most regions of a docstring hold none).
_QUOTED_NEEDLES = needles(QUOTED)
# What makes a quoted string a title on its own: `described in "Title"`, `the paper "Title"`.
_CITED_IN = re.compile(
    r"(?i:\b(?:described|presented|introduced|proposed|published|explained|defined|detailed)"
    r"\s+in(?:\s+(?:the|their|his|her)\s+(?:paper|article))?|\b(?:the|this|their|his|her)"
    r"\s+(?:paper|article)|\b(?:paper|article|report|thesis|dissertation|book|monograph|"
    r"preprint|survey)(?:\s+(?:titled|entitled|called))?|\b(?:titled|entitled))\s*[:,]?\s*$"
)
# A weaker citing word before a quote: the quote must read as a longer title ("Implements
# Step 1a from "An algorithm for suffix stripping"").
_CITED_FROM = re.compile(r"(?i:\b(?:from|in|see|cf\.?|following|after))\s*[:,]?\s*$")
_CITED_FROM_NAMES = re.compile(CITED_FROM_NAMES)
_MIN_CITED_FROM_WORDS = 4
# ...but a section of the same documentation is named that way too: `described in "Building
# from Source" below`, `"Configuring the Build" of the manual`, `"Usage" section`.
_DOC_SECTION_AFTER = re.compile(
    r"[\"”]?\s*(?i:sections?|chapters?|below|above|of\s+(?:the|this|our)\s+\w+|in\s+the\s+"
    # also a project's own documents: `"Normal Form For Geometry" in the JTS Technical
    # Specifications`
    r"(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:docs|documentation|manual|user\s+guide|tutorial|readme|specifications?))\b"
)
_MIN_CITED_WORDS = 3  # a quoted one- or two-word string after "described in" is a section name
_WORD_START = re.compile(r"\b[A-Z]")
_INITIAL = re.compile(r"(?:^|\s|,)[A-Z]\.")
# (the last name's stop may be the sentence's: `Lind, S. and Moss, D. Tidal Coding`)
_INITIAL_LAST = re.compile(r"(?:^|\s|,)[A-Z](?:\.|$)")
_EDITION = re.compile(EDITION)
# The edition after an entry's title: `"Title." Second Edition.`, `Title, Volume 1, 2nd ed.`
_EDITION_NEXT = re.compile(r"[\s.,;:\"”']*[^\n.;]{0,30}?" + EDITION)
_AFTER_QUOTED_TITLE = re.compile(r"[\"”'][.,]?\s*$|[.,]\s*[\"”]\s*$")
# ...unless that quote opens its line: it opens the entry, quoted whole (`see:\n "Lind, A., &
# Moss, T. (2023). Title. In ..."`)
_QUOTE_OPENING_LINE = re.compile(r"(?:^|\n)[ \t]*[\"“]$")
_JOINERS = frozenset({"and", "et", "al"})


def detect(text: str) -> list[Hit]:
    """Title and author-year citations in a block that has a cue (see `find_citations`)."""
    return detect_with_spares(text)[0]


def detect_with_spares(text: str) -> tuple[list[Hit], list[Hit]]:
    """`detect`'s citations, and the author-year mentions an overlapping longer hit put
    aside: where the vetoes drop that hit (`Sun, ICRS and HCRS (See Archinal et al. 2011` read
    as an entry by `ICRS`), the mention inside it still cites."""
    candidates: list[Hit] = []
    entries = _AuthorEntries(text)
    held = _Held.of(text)
    for region in regions(text):
        candidates.extend(_region_hits(text, region, entries, held))
    kept = _without_overlaps(candidates)
    chosen = {id(hit) for hit in kept}
    spares = [hit for hit in candidates if id(hit) not in chosen and _sure_mention(text, hit)]
    return kept, spares


class _AuthorEntries:
    """The author-first entries of one block, each read once: a reference entry is read at its
    region's start and again where the author-list search finds it, and that search's match
    is the one `_author_entry` would make again there (the author-list pattern is the
    detector's costliest)."""

    __slots__ = ("_entries", "_lists", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._entries: dict[tuple[int, int], Entry | None] = {}
        self._lists: dict[tuple[int, int], re.Match[str]] = {}

    def found(self, match: re.Match[str], limit: int) -> None:
        """`AUTHOR_LIST` matched at `match.start()` in a search that ended at `limit`."""
        self._lists[match.start(), limit] = match

    def entry(self, start: int, limit: int) -> Entry | None:
        """`_author_entry(text, start, limit)`."""
        key = (start, limit)
        if key in self._entries:
            return self._entries[key]
        entry = self._entries[key] = _author_entry(self.text, start, limit, self._lists.get(key))
        return entry


@dataclass(frozen=True, slots=True)
class _Held:
    """What of the strings some readers need a block holds anywhere: a region of a block
    without them holds none either, and is not searched for them region by region."""

    bibtex: bool
    cite_key: bool
    key_tag: bool
    and_word: bool  # " and ": two surnames before a title (`_PAIR_TITLE`)

    @classmethod
    def of(cls, text: str) -> _Held:
        end = len(text)
        return cls(
            holds_any(text, _BIBTEX_NEEDLES, 0, end),
            holds_any(text, _CITE_KEY_NEEDLES, 0, end),
            holds_any(text, KEY_TAG_NEEDLES, 0, end),
            " and " in text,
        )


def _region_hits(text: str, region: Region, entries: _AuthorEntries, held: _Held) -> list[Hit]:
    hits: list[Hit] = []
    limit = region.end
    # Only a list marker can open with `..`: an unmarked region's body starts after blanks.
    body = entry_body(text, region) if region.in_references or region.marked else region.start
    if part := _PART_CITED.match(text, body, limit):
        body = part.end()  # "Chapter 13 in B. Bollobas, Random Graphs": the entry follows
    if region.in_references or (
        region.marked and text[region.start : body].strip().startswith("..")
    ):
        entry = entries.entry(body, limit)
        if entry is None and (paragraph := _PARAGRAPH_TAG.match(text, body, limit)):
            # a Javadoc entry under its paragraph's tag, alone on the line above its authors
            entry = entries.entry(paragraph.end(), limit)
        entry = entry or parse_title_first(text, body, limit, labelled=True)
        if (
            entry is not None
            and entry.evidence >= 1
            and (entry.reference.title or entry.reference.year)
        ):
            hits.append(_hit(entry, relaxed=True))
        hits.extend(_lower_case_entries(text, region.start, limit))
    elif region.marked and _NUMBERED.match(text, region.start) is not None:
        # a numbered entry outside a reference section that opens with its title (`[1]
        # Gaussian Processes for Machine Learning, C. E. Rasmussen, C. K. I. Williams. The MIT
        # Press, 2005.`): read as one when its authors, year and venue all stand after it
        entry = parse_title_first(text, body, limit)
        if entry is not None and entry.evidence >= 3 and entry.reference.authors:
            hits.append(_hit(entry, relaxed=True))
    elif (title := _title_over_names(text, body, limit)) is not None:
        # a paragraph that is an entry, its title, its authors by their initials on the next
        # line, then its venue and year (`Topology Preserving Edge Contraction\n T. Dey, H.
        # Edelsbrunner,\n Pub. Inst. Math. 1999`): read as one when they are all there
        entry = parse_title_first(text, title, limit)
        if (
            entry is not None
            and entry.reference.authors
            and entry.reference.year is not None
            and entry.reference.venue is not None
        ):
            hits.append(_hit(entry, relaxed=True))
    # Most regions hold no year: an author-first entry without one is accepted only with
    # initials (`_accept`), and the readers that end in a year find nothing there.
    dated = _YEAR_IN.search(text, region.start, limit) is not None
    if dated or _INITIAL_IN.search(text, region.start, limit) is not None:
        for start in _author_starts(text, region.start, limit, region.in_references, entries):
            entry = entries.entry(start, limit)
            if entry is not None and _accept(entry, text):
                hits.append(_hit(entry))
    quotes = (
        _QUOTED.finditer(text, region.start, limit)
        if holds_any(text, _QUOTED_NEEDLES, region.start, limit)
        else ()
    )
    for match in quotes:
        entry = parse_title_first(text, match.start(), limit)
        if (
            entry is not None
            and entry.reference.title
            and (entry.evidence >= 2 or _cited_in(text, match, entry.reference.title))
        ):
            hits.append(_hit(entry))
    for match in _CITING.finditer(text, region.start, limit):
        # ("See Section 5 of" the work: the part cited is no word of its title)
        part = _PART_CITED.match(text, match.end(), limit)
        entry = parse_title_first(text, part.end() if part else match.end(), limit)
        if (
            entry is not None
            and entry.reference.authors
            and (entry.evidence >= 2 or _titled_by(text, match.end(), entry))
            # "following Saltelli et al. Technometrics 1999": a mention, read as author-year
            and ETAL.search(entry.reference.title or "") is None
            # "See Hewlett and Ann K. Blombach 1989": names, not a title and a name
            and not names_cut_at_initial(entry.reference.title or "")
        ):
            hits.append(_hit(entry))
    if held.bibtex and holds_any(text, _BIBTEX_NEEDLES, region.start, limit):
        for start, end, reference in bibtex_entries(text, region.start, limit):
            hits.append(
                Hit(start, end, RefKind.TITLE, TITLE_RULE, None, 0.9, reference.title, reference)
            )
    if dated:
        hits.extend(_dated_hits(text, region.start, limit))
    has_and = held.and_word and text.find(" and ", region.start, limit) >= 0
    pairs = _PAIR_TITLE.finditer(text, region.start, limit) if has_and else ()
    for match in pairs:
        if _pair_title(match):
            names = (match["first"], match["second"])
            fields = EntryFields(authors=names, title=match["title"])
            hits.append(
                Hit(
                    match.start("first"),
                    match.end(),
                    RefKind.TITLE,
                    TITLE_RULE,
                    None,
                    0.5,
                    match["title"],
                    fields,
                )
            )
    keys: Iterable[tuple[int, int, EntryFields, float]] = ()
    if held.cite_key and holds_any(text, _CITE_KEY_NEEDLES, region.start, limit):
        keys = cite_keys(text, region.start, limit)
    if held.key_tag and holds_any(text, KEY_TAG_NEEDLES, region.start, limit):
        keys = itertools.chain(keys, bare_keys(text, region.start, limit))
    for start, end, reference, confidence in keys:
        hits.append(
            Hit(
                start, end, RefKind.AUTHOR_YEAR, AUTHOR_YEAR_RULE, None, confidence, None, reference
            )
        )
    return hits


# An entry of a reference section written in lower case, one a line: the surnames, perhaps the
# report it is, and the year (Vallado's SGP4 headers: `hoots, roehrich, norad spacetrack report
# #3 1980`, `vallado, crawford, hujsak, kelso  2006`). One surname needs the rest of the entry.
_LOWER_CASE_ENTRY = re.compile(
    r"(?m)^[ \t]*(?P<names>[a-z][a-z'-]{2,}(?:,[ \t]*[a-z][a-z'-]{2,})*"
    r"(?:,?[ \t]+and[ \t]+[a-z][a-z'-]{2,})?)(?P<rest>,[ \t]*[a-z][^\n]{0,80}?)?"
    rf"[ \t]+(?P<year>{YEAR_DIGITS})[ \t]*$"
)


def _lower_case_entries(text: str, start: int, limit: int) -> Iterator[Hit]:
    for match in _LOWER_CASE_ENTRY.finditer(text, start, limit):
        names = tuple(
            n.capitalize() for n in re.split(r",[ \t]*|,?[ \t]+and[ \t]+", match["names"]) if n
        )
        if len(names) < 2 and not match["rest"]:
            continue
        fields = EntryFields(authors=names, year=int(match["year"]))
        yield Hit(
            match.start("names"), match.end("year"), RefKind.AUTHOR_YEAR, AUTHOR_YEAR_RULE,
            None, 0.5, None, fields,
        )  # fmt: skip


# The part of a work an entry cites, before the work's own entry.
_PART_CITED = re.compile(r"(?:Chapters?|Ch\.|Sections?|Sec\.|§)[ \t]*[\d.–-]+[ \t]+(?:in|of)\s+")
# A paragraph's tag alone on its line (`<p>`).
_PARAGRAPH_TAG = re.compile(r"(?i)<p[ \t]*/?>[ \t]*\n\s*")
# A list marker that numbers its entries: `[1]`, `(1)`, `1.`.
_NUMBERED = re.compile(r"[ \t]*(?:\[[ \t]*\d{1,3}[ \t]*\]|\(?\d{1,3}[.)])")
# What a year or an initial of a name needs in a region (any four digits of a year, a capital
# and a full stop): found by the engine's fast scan for a literal first character.
_YEAR_IN = re.compile(YEAR_DIGITS)
# A line in title case over a line of authors by their initials or full names.
# (possessive, `{7,200}+`: a title given back to what follows could not match where the whole
# one did not, the line it reads being the same)
_TITLE_OVER_NAMES = re.compile(
    r"(?P<title>[A-Z][^\n.]{7,200}+)\.?[ \t]*\n[ \t*#/!]*"
    r"(?=" + INITIALS_LINE + "|" + FULL_NAMES_LINE + ")"
)
_BLANKS = re.compile(r"\s*")
_COMMENT_MARKS = re.compile(r"[ \t*#/!]*")  # a comment's marks before the title's line
_INTRODUCES = 80  # characters of the line that introduces the title before its last word


def _title_over_names(text: str, start: int, limit: int) -> int | None:
    """Where the title of a paragraph that opens with a title over its authors' names starts,
    perhaps under the line that introduces it (`Implementation of:`), or None.

    The introducing line is read in Python, not as an optional group of the pattern: tried at
    every region as `[^\n]{0,80}(?::|of|in)`, the group backtracked over its 80 characters
    (a tenth of the title detector's time on scipy's docstrings)."""
    first = _past(_BLANKS, text, start, limit)  # the first line that holds a word
    line_end = text.find("\n", first, limit)
    if line_end >= 0 and _introduces(text, first, line_end):
        marks = _past(_COMMENT_MARKS, text, line_end + 1, limit)
        over = _TITLE_OVER_NAMES.match(text, marks, limit)
        if over is not None:
            return over.start("title")
    over = _TITLE_OVER_NAMES.match(text, first, limit)
    return None if over is None else over.start("title")


def _past(pattern: re.Pattern[str], text: str, at: int, limit: int) -> int:
    """Where a pattern that matches the empty string too ends, read from `at`."""
    found = pattern.match(text, at, limit)
    return at if found is None else found.end()


def _introduces(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line ends with a colon, `of` or `in` (then spaces) at most 80 characters
    after its first word: `Implementation of:`, `This is described in`."""
    end = line_end
    while end > line_start and text[end - 1] in " \t":
        end -= 1
    if text.endswith(":", line_start, end):
        word = end - 1
    elif text.endswith(("of", "in"), line_start, end) and not _word_char(text, end - 3):
        word = end - 2
    else:
        return False
    return word - line_start <= _INTRODUCES


def _word_char(text: str, at: int) -> bool:
    return at >= 0 and (text[at].isalnum() or text[at] == "_")


_INITIAL_IN = re.compile(r"[A-Z]\.")


def _dated_hits(text: str, start: int, limit: int) -> Iterator[Hit]:
    """The author-year mentions, then the `Title, Surname, Surname Year` lines, of the region
    `text[start:limit]`, which holds a year."""
    mentions = author_year(text, start, limit)
    if text.find(" et al", start, limit) >= 0:
        mentions = itertools.chain(mentions, lower_case_etal(text, start, limit))
    if text.find("&", start, limit) >= 0:
        mentions = itertools.chain(mentions, initials_year(text, start, limit))
    for at, end, reference, confidence in mentions:
        yield Hit(at, end, RefKind.AUTHOR_YEAR, AUTHOR_YEAR_RULE, None, confidence, None, reference)
    for match in _TITLE_NAMES_YEAR.finditer(text, start, limit):
        if _title_names_year(match):
            listed = match["names"] or match["bracketed"]
            names = tuple(n for n in re.split(r",\s*|\s+(?:and|&)\s+", listed) if n)
            year = int(match["year"] or match["first_year"])
            fields = EntryFields(authors=names, title=match["title"], year=year)
            title = match["title"]
            end = match.end("year") if match["year"] else match.end("close")
            yield Hit(
                match.start("title"), end, RefKind.TITLE, TITLE_RULE, None, 0.6, title, fields
            )
    if text.find('("', start, limit) >= 0 or text.find("(“", start, limit) >= 0:
        yield from _names_quoted_year(text, start, limit)


# Surnames, then the quoted title and the year in brackets: `Kummer ("Über die
# Hypergeometrische Reihe", 1837)`, `Linderholm and Segal ("An Overlooked Series ...", 1995)`.
_NAMES_QUOTED_YEAR = re.compile(
    r"(?<![\w.])(?P<names>[A-Z][\w'’-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?)"
    r"[ \t]*\([\"“](?P<title>[A-Z0-9][^\"”\n]{2,200}(?:\n[^\"”\n]{1,200})?)[\"”][ \t]*,"
    rf"[ \t]*(?P<year>{YEAR_DIGITS})[ \t]*\)"
)


def _names_quoted_year(text: str, start: int, limit: int) -> Iterator[Hit]:
    for match in _NAMES_QUOTED_YEAR.finditer(text, start, limit):
        names = tuple(n for n in re.split(r"\s+(?:and|&)\s+", match["names"]) if n)
        if any(n.split()[0].lower() in NOT_NAMES or n.lower() in NOT_PEOPLE for n in names):
            continue
        title = " ".join(match["title"].split()).strip(" ,.")
        fields = EntryFields(authors=names, title=title, year=int(match["year"]))
        yield Hit(match.start(), match.end(), RefKind.TITLE, TITLE_RULE, None, 0.7, title, fields)


_PAIR_TITLE = re.compile(PAIR_TITLE)
# A line that is a title in title case, then its authors' surnames and the year: "Accurate Sum
# and Dot Product, Ogita, Rump, Oishi 2005." (read otherwise as a list of names), or the year
# and the surnames in brackets: "Weighted Random Sampling (2005; Efraimidis, Spirakis)".
_SURNAMES = (
    r"[A-Z][a-z'’-]+(?:,[ \t]+[A-Z][a-z'’-]+){0,5}(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][a-z'’-]+)?"
)
_TITLE_NAMES_YEAR = re.compile(
    r"(?m)^[ \t]*(?P<title>[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){2,15})(?:,[ \t]+"
    rf"(?P<names>{_SURNAMES})[ \t]+(?P<year>{YEAR_DIGITS})"
    rf"|[ \t]+\((?P<first_year>{YEAR_DIGITS})[ \t]*[;,][ \t]*"
    rf"(?P<bracketed>{_SURNAMES})(?P<close>\)))"
    r"[.,]?[ \t]*$"
)


def _title_names_year(match: re.Match[str]) -> bool:
    """Whether a `Title, Surname, Surname Year` line names a work: every long word of the title
    capitalized (prose is not), two surnames or more, none a word that names no person."""
    words = _LONG_WORD.findall(match["title"])
    names = re.findall(r"[A-Z][a-z'’-]+", match["names"] or match["bracketed"])
    return (
        len(words) >= _MIN_TITLE_CASE_WORDS
        and len(names) >= _MIN_NAMES
        and all(w[0].isupper() for w in words)
        and not any(n.lower() in NOT_NAMES or n.lower() in NOT_PEOPLE for n in names)
    )


_MIN_TITLE_CASE_WORDS = 2
_MIN_NAMES = 2  # one surname and a year after a title-case phrase is too often a product's


_MIN_PAIR_TITLE_WORDS = 5


def _pair_title(match: re.Match[str]) -> bool:
    """Whether a line `Surname and Surname, A title in sentence case,` names a work: the
    names are no words of prose (`Read and Write, The ...`) and the title is long enough not
    to be a phrase about the code."""
    if {match["first"].lower(), match["second"].lower()} & NOT_NAMES:
        return False
    title = match["title"]
    return len(title.split()) >= _MIN_PAIR_TITLE_WORDS and _SPOKEN.search(title) is None


def _cited_in(text: str, quote: re.Match[str], title: str) -> bool:
    """Whether the quoted `title` follows a citing phrase, reads like a title and is not a
    section of the documentation."""
    opening = title[0].isupper() or NAME_COLON_TITLE.match(title) is not None
    if not (opening and _DOC_SECTION_AFTER.match(text, quote.end()) is None):
        return False
    words = len(title.split())
    before = max(0, quote.start() - 40)
    if words >= _MIN_CITED_WORDS and _CITED_IN.search(text, before, quote.start()) is not None:
        return True
    cited_from = _CITED_FROM.search(text, before, quote.start()) is not None
    if not cited_from and (
        named := _CITED_FROM_NAMES.search(text, max(0, quote.start() - NAMES_REACH), quote.start())
    ):
        # (only a title in title case: `see Read and Write, "Open the file first"` is prose;
        # nor a word of prose or a thing for a name: `from Python Software, "..."`)
        names = named["names"] or named["name"]
        cited_from = all(w[0].isupper() for w in _LONG_WORD.findall(title)) and not any(
            n.lower().strip(".") in NOT_NAMES or n.lower() in NOT_PEOPLE
            for n in re.split(r"\s+(?:and|&)\s+|\s+", names)
        )
    if not cited_from and _ETAL_BEFORE.search(
        text, max(0, quote.start() - NAMES_REACH), quote.start()
    ):
        # `derived from Gansner, et al., "A Technique for Drawing Directed Graphs."`: the work's
        # authors right before it; a short title in title case is enough (`"Bilayer Cross
        # Counting."`)
        return (
            words >= _MIN_ETAL_WORDS
            and all(w[0].isupper() for w in _LONG_WORD.findall(title))
            and not any(c in title for c in "!?=()[]{}<>%$")
            and _SPOKEN.search(title) is None
        )
    return (
        words >= _MIN_CITED_FROM_WORDS
        and cited_from
        and not any(c in title for c in "!?=()[]{}<>%$")
        and _SPOKEN.search(title) is None
    )


# A first author and `et al.` right before a quoted title (the year left out).
_ETAL_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w'’-]+,?\s+et\.?\s+al\.?,?\s*$")
_MIN_ETAL_WORDS = 2


# A message or a sentence in quotes, not a title: "Could not find the file", "Please use x".
_SPOKEN = re.compile(r"(?i:\b(?:not|cannot|can't|don't|could|should|must|please|we|you|your|i)\b)")


# A title written in title case: its words of four letters or more are capitalized.
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_MAX_BY_TITLE_WORDS = 10


def _titled_by(text: str, start: int, entry: Entry) -> bool:
    """Whether a title-first entry with no year or venue names its work as prose does a book:
    a title in title case, then "by" and the authors (`see Numerical Optimization by Nocedal
    & Wright`, `Matrix Computations by Golub and Van Loan`)."""
    title = entry.reference.title or ""
    words = _LONG_WORD.findall(title)
    if not 2 <= len(title.split()) <= _MAX_BY_TITLE_WORDS or not words:
        return False
    if any(not w[0].isupper() for w in words):
        return False
    return (
        re.match(r"[\"”*]?\s+by\s", text[start + len(title) : start + len(title) + 6]) is not None
    )


def _author_starts(
    text: str, start: int, limit: int, everywhere: bool, entries: _AuthorEntries
) -> list[int]:
    """Where author lists begin in `text[start:limit]`, skipping words that cannot be names.

    Outside reference sections only the text shortly before a year, a quote or a line break
    tag is searched: an entry's authors come before those, and the author-list pattern is
    too costly to try at every position of a long docstring.
    """
    if everywhere:
        windows = [(start, limit)]
    else:
        windows = []
        anchors = heapq.merge(
            (m.start() for m in _ANCHOR.finditer(text, start, limit)),
            (
                m.start()
                for m in (
                    _EDITION_ANCHOR.finditer(text, start, limit)
                    if edition_word(text, start, limit)
                    else ()
                )
            ),
        )
        for anchor in anchors:
            low = max(start, anchor - _AUTHOR_REACH)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], anchor)
            else:
                windows.append((low, anchor))
    starts: list[int] = []
    for low, high in windows:
        starts.extend(
            s for s in _starts_in(text, max(low, starts[-1] + 1 if starts else low), high, entries)
        )
    return starts


# An entry's authors come before its year, its quoted title, a `<br>` or its book's edition.
# The edition is searched apart: written case-insensitively inside the alternation, it kept
# `led` from giving the other anchors their lead, and the whole pattern was tried everywhere.
_ANCHOR = led(re.compile(rf"(?<!\d){YEAR_DIGITS}(?!\d)|[\"“”]|``|<\s*br"))
_EDITION_ANCHOR = re.compile(EDITION)
_AUTHOR_REACH = 300  # how far before its year or title an author list may begin


def _starts_in(text: str, start: int, limit: int, entries: _AuthorEntries) -> list[int]:
    starts = []
    pos = start
    while pos > 0 and pos < limit and text[pos - 1].isalnum():
        pos += 1  # a window opens mid-word; names start at a word
    while (match := AUTHOR_LIST.search(text, pos, limit)) is not None:
        if opens_with_non_name(match.group()) or glued_to_word(text, match.start()):
            # (a word glued to the one before by a hyphen is no name: `the p-Value, as in`)
            first = match.group().split()[0].strip(",.")
            nxt = _WORD_START.search(text, match.start() + len(first) + 1, limit)
            pos = nxt.start() if nxt else limit
            continue
        starts.append(list_start(text, match.start(), limit))
        entries.found(match, limit)
        pos = match.end()
    return starts


def _author_entry(
    text: str, start: int, limit: int, match: re.Match[str] | None = None
) -> Entry | None:
    """The entry whose author list opens at `start` (`match`: that list, if already found)."""
    if match is None:
        match = AUTHOR_LIST.match(text, start, limit)
    if match is None or (
        _AFTER_QUOTED_TITLE.search(text, max(0, start - 4), start)
        and not _QUOTE_OPENING_LINE.search(text, max(0, start - 40), start)
    ):
        # `"Title." N. M. Temme. Venue, 8, 1994`: the authors follow their title, and what
        # follows them is the venue, which the title-first reading gives as such.
        return None
    if _CODE_AUTHORS_BEFORE.search(text, max(0, start - 40), start):
        return None  # "This function has been developed by: A, B and C.": the code's authors
    end = match.end()
    # Cut the list before a "name" that is really a word of the title or venue.
    for word in re.finditer(r"[^\W\d_][\w'’.-]*", match.group()):
        lowered = word.group().strip(".").lower()
        if (
            word.start() > 0
            and len(lowered) > 1
            and lowered in NOT_NAMES
            and lowered not in _JOINERS
            and not _initialled_surname(match.group(), word)
        ):
            # ...and the words of that "name" before it: "Social Network Analysis" is a title
            cut = word.start()
            listed = match.group()
            previous: re.Match[str] | None = None
            for name in NAME.finditer(listed):
                if name.start() < cut < name.end() and previous is not None:
                    # after a whole name ("Faust, K.,", "Fan Chung-Graham,") or a line break;
                    # not after a surname that wants its given name ("Vazirani, Vijay ...")
                    whole = len(previous.group().replace(",", " ").split()) >= 2
                    if whole or _AFTER_WHOLE_NAME.search(listed, 0, name.start()) is not None:
                        cut = name.start()
                    break
                previous = name
            end = match.start() + cut
            end = start + len(text[start:end].rstrip(" ,&\n\t\r"))
            break
    if opens_with_non_name(text[start:end]):
        return None
    entry = parse_after_authors(text, start, end, limit)
    if entry is None:
        # A list ends with its `and` name: "J. Erhel, K. Burrage and B. Pohl, Restarted GMRES
        # preconditioned ..." is not one more name "Restarted GMRES" before a lower-case title.
        last = max(_AND_NAME.finditer(text, start, end), key=lambda m: m.end(), default=None)
        if last is not None and last.end() < end:
            entry = parse_after_authors(text, start, last.end(), limit)
    return entry


# A word that is a surname too, written with a person's initials in the list: `W. H. Press and
# S. A. Teukolsky`, `Press, W. H., Teukolsky, S. A.` (the authors of Numerical Recipes), `R. M.
# May` (a list's "name" that is a title's or venue's word has none).
_INITIALS_BEFORE = re.compile(r"(?:^|[,;&][ \t]*|\band[ \t]+)(?:[A-Z]\.[ \t]?){1,3}$")
_INITIALS_AFTER = re.compile(r",[ \t]*(?:[A-Z]\.[ \t]?){1,3}(?=[,;&]|[ \t]+and\b|[ \t]*$)")


def _initialled_surname(listed: str, word: re.Match[str]) -> bool:
    name = word.group().rstrip(".")
    return (
        name[:1].isupper()
        and name[1:].islower()
        and (
            _INITIALS_BEFORE.search(listed, 0, word.start()) is not None
            or _INITIALS_AFTER.match(listed, word.start() + len(name)) is not None
        )
    )


_CODE_AUTHORS_BEFORE = re.compile(
    r"(?i)\b(?:developed|written|implemented|coded|ported|maintained|contributed)\s+by\s*:\s*$"
)
_AND_NAME = re.compile(r"\s(?:and|&)\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?=,)")


_AFTER_WHOLE_NAME = re.compile(r"(?:\.[ \t]*,?|\n)\s*$")


def _accept(entry: Entry, text: str) -> bool:
    """Whether an author-first entry found in prose is a citation, not a capitalized phrase."""
    ref = entry.reference
    if ref.title is None:
        return ref.year is not None and ref.venue is not None
    if ref.year is None:
        # no year: a venue, or a book's edition (`David S. Watkins, "Fundamentals of Matrix
        # Computations," Second Edition`), and author names in a form prose never takes
        # ("J. Schneider and M. Vlachos", "Vitter, J. S.") still make an entry
        # ... and so does an identifier closing the title (`A. Lind, B. Moss. Fast sketches of
        # tidal streams. https://doi.org/...`)
        edition = (
            _EDITION.search(text, entry.start, entry.end) is not None
            or _EDITION_NEXT.match(text, entry.end) is not None
        )
        # ... and so does the part of the work cited after its title (`Lin, S. and Costello,
        # D. Error Control Coding. Section 7.4.`): a book is cited so
        if _PART_AFTER.match(text, entry.end) is not None:
            return all(_INITIAL_LAST.search(a) for a in ref.authors)
        closed = ref.venue is not None or edition or _identifier_after_title(text, entry)
        # (bare surnames too, two or more, when the paper's DOI or arXiv id closes the title:
        # `Lind, Moss and Vale, Fast Tidal Sketches, arXiv 1411.2005`; not a place and its
        # state's code before a publisher and a link, `Philadelphia, PA, USA: Society ...`)
        return bool(closed) and (
            all(_INITIAL.search(a) for a in ref.authors)
            or (
                len(ref.authors) >= 2
                and all(_BARE_SURNAME.fullmatch(a) for a in ref.authors)
                and _identifier_after_title(text, entry, links=False)
            )
        )
    return (
        entry.evidence >= 2
        or len(ref.authors) >= 2
        or _APA_AUTHOR.match(text, entry.start) is not None
        or _LINE_ENTRY.match(text, text.rfind("\n", 0, entry.start) + 1) is not None
        or (
            _HARVARD_AUTHOR.match(text, entry.start) is not None
            and not text[text.rfind("\n", 0, entry.start) + 1 : entry.start].strip(" \t*/#!-")
        )
    )


_PART_AFTER = re.compile(
    r"[ \t]*(?:Section|Sec\.|Chapter|Ch\.|Algorithm|Table|Theorem|Lemma|Proposition|"
    r"Corollary|Definition|Exercise|Figure|Fig\.|Appendix|Eq\.|Equation|pp?\.|[Pp]ages?)"
    r"[ \t]*\(?\d"
)
# One author in APA's form, a surname, its initials and the year in brackets before the title
# (`Lind, A. (2018). Tides on graphs.`): an entry's opening, which prose never writes.
_APA_AUTHOR = re.compile(
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,[ \t]+(?:[A-Z]\.[ \t]?){1,3}[ \t]*"
    r"\((?:1[6-9]|20)\d\d[a-z]?\)\.[ \t]+[A-Z]"
)
# ... or in Harvard's, perhaps with `et al.` and without the stops (`Lind L. et al. (2017)
# Tides on graphs.`): an entry's opening where it opens its line (in prose, `developed by Lind,
# A. et al. (2009). The model ...` is a sentence going on), not a part of a work (`Chapter 8 in`).
_HARVARD_AUTHOR = re.compile(
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,?[ \t]+(?:[A-Z]\.[ \t]?){1,3}[ \t]*"
    r"(?:et[ \t]+al\.?[ \t]*)?\((?:1[6-9]|20)\d\d[a-z]?\)\.?[ \t]+"
    r"(?!(?:Chapter|Section|Part|Sec\.|Ch\.)[ \t])[A-Z]"
)


# ... or a line that is the whole entry, one author's given name and surname, the title and
# the year closing it (`Michael Lind. Quadric-based tide simplification. 1999`): the form of a
# file header listing the works it builds on, one a line, which prose does not take.
_LINE_ENTRY = re.compile(
    r"[ \t*#/!-]*[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]?)?(?:[A-Z][a-z][\w'’-]*[ \t]+)?"
    r"[A-Z][a-z][\w'’-]*\."
    r"[ \t]+[A-Z][^\n]*?\S[^\n]*?[.?!][ \t]+(?:1[6-9]|20)\d\d\.?[ \t]*(?:\n|$)"
)


_BARE_SURNAME = re.compile(r"[A-Z][a-z][\w'’-]*")


def _identifier_after_title(text: str, entry: Entry, links: bool = True) -> bool:
    """Whether an identifier follows the title of `entry` (a title as written; a DOI or arXiv
    id only, without `links`)."""
    title = entry.reference.title or ""
    # (a wrapped title is reported on one line: found with any run of blanks between its words)
    end = find_spaced(text, title, entry.start, entry.end)[1] if title else -1
    return end >= 0 and identifier_follows(text, end, links)


def _hit(entry: Entry, relaxed: bool = False) -> Hit:
    ref = entry.reference
    score = 0.45 + 0.1 * entry.evidence + (0.1 if ref.authors else 0) + (0.1 if relaxed else 0)
    confidence = round(min(score, 0.95), 2)
    if ref.title:
        return Hit(
            entry.start, entry.end, RefKind.TITLE, TITLE_RULE, None, confidence, ref.title, ref
        )
    return Hit(
        entry.start, entry.end, RefKind.AUTHOR_YEAR, AUTHOR_YEAR_RULE, None, confidence, None, ref
    )


def _sure_mention(text: str, hit: Hit) -> bool:
    """Whether a hit is an author-year mention in prose with `et al` or two surnames joined
    before the year or a journal and the year in brackets (`Archinal et al. 2011`, `Schlegel
    and Noack 2015`, `Dinse and Larson, Biometrika (1986)`), not an entry's
    reading: a lone surname with a year is too often a title's last word (`Fundamentals of
    Astrodynamics (1971)`), and a name list with a venue (`Signal Separation (LVA/ICA 2010)`)
    a title's too; not so a venue with its volume and page after the year (`Gordon et al.
    2009, ApJ, 705, 1320`), which no title writes."""
    ref = hit.reference
    return (
        hit.kind is RefKind.AUTHOR_YEAR
        and ref is not None
        and ref.title is None
        and (ref.venue is None or (ref.volume is not None and ref.pages is not None))
        and (
            ETAL.search(text, hit.start, hit.end) is not None
            or _PAIR_YEAR.search(text, hit.start, hit.end) is not None
        )
    )


_PAIR_YEAR = re.compile(
    rf"\s(?:and|&)\s+[A-Z][\w'’-]+(?:,[ \t]+[A-Z][\w.&]*[ \t]*(?=\())?,?\s*[(\[]?\s*{YEAR_DIGITS}"
)


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep, of overlapping hits, those with a title first, then the longest."""
    ranked = sorted(hits, key=lambda h: (h.kind is not RefKind.TITLE, -(h.end - h.start), h.start))
    kept: list[Hit] = []
    taken = DisjointSpans()
    for hit in ranked:
        if not taken.overlaps(hit.start, hit.end):
            kept.append(hit)
            taken.add(hit.start, hit.end)
    return sorted(kept, key=lambda h: h.start)
