"""Books and reference works among the citations read without an identifier; manuals and
Q&A posts, which are neither papers nor books, dropped.

A title or author-year citation is a book when its entry names an edition (`3rd ed.`,
`Second Edition`) or a book publisher (`Springer-Verlag`, `Chapman and Hall`, `Cambridge
University Press, 2004`) and nothing a paper is published in (a journal, proceedings, a
report, a preprint, a volume with its issue). A few reference works are cited by a short
name that no entry pattern reads (`Knuth, Vol. 2`, `Knuth, 4.6.1`, `Numerical Recipes`,
`DLMF 20.4`); `KNOWN_WORKS` finds those. A library (Cephes, Boost) or an eponymous method
(Welford's, Lloyd's algorithm) is neither.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from catalog.types import RefKind
from scanner.titles import KNOWN_NEEDLES, TITLE_RULE
from scanner.titles.cues import EDITION
from scanner.titles.fields import MEETINGS
from scanner.titles.leads import holds_any, led, needles
from scanner.titles.names import NOT_NAMES
from scanner.titles.publishers import BOOK_HOUSES
from scanner.types import EntryFields, Hit

# A reference work cited by a short name, and the title it stands for. The pattern must not
# match a bare name in prose ("referred to as l() in Knuth"): a volume or section is needed.
KNOWN_WORKS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(
            r"\bKnuth,?\s+(?:TAOCP,?\s*)?"
            r"(?:[Vv]ol(?:ume|\.)?\s*(?:[1-4]|IV|I{1,3})\b|§?\s*\d\.\d+(?:\.\d+)?\b)"
        ),
        "The Art of Computer Programming",
        ("Knuth",),
    ),
    (
        re.compile(r"\b(?:The Art of Computer Programming|TAOCP)\b"),
        "The Art of Computer Programming",
        (),
    ),
    # Kernighan and Ritchie's book by their initials, with its edition ("K&R Second Edition";
    # "K&R style" braces are no book).
    (
        re.compile(r"(?<![\w&])K&R,?\s+(?:2nd|1st|[Ss]econd|[Ff]irst)\s+[Ee]d(?:ition\b|\.|\b)"),
        "The C Programming Language",
        ("Kernighan", "Ritchie"),
    ),
    (
        re.compile(r"\bNumerical Recipes(?: in (?:C\+\+|C|Fortran(?: \d+)?|Pascal)\b)?"),
        "",  # as written: "Numerical Recipes in C"
        (),
    ),
    (
        re.compile(r"\b(?:Handbook of Mathematical Functions|Abramowitz\s+(?:and|&)\s+Stegun)\b"),
        "Handbook of Mathematical Functions",
        (),
    ),
    (
        re.compile(r"\bDLMF\s+(?:§\s*)?\d+\.\d+"),
        "NIST Digital Library of Mathematical Functions",
        (),
    ),
    (
        re.compile(r"\bThe Elements of Statistical Learning\b"),
        "The Elements of Statistical Learning",
        (),
    ),
    # Nocedal and Wright's book, named with its edition ("See Numerical Optimization, second
    # edition, equation (5.44)"): the two words alone name a field as often as the book.
    (
        re.compile(
            r"\bNumerical Optimization\b"
            r"(?=[\"'”’*]?,?[ \t]*\(?(?:2nd|[Ss]econd|1st|[Ff]irst)[ \t]+[Ee]d(?:ition\b|\.|\b))"
        ),
        "Numerical Optimization",
        ("Nocedal", "Wright"),
    ),
    # The almanac of ephemerides whose formulae astronomy code cites by year ("adopted in
    # "Astronomical Almanac" in 1984"); its Explanatory Supplement is another book.
    (
        re.compile(
            r"(?<!Supplement to )(?<!Supplement to the )\b(?:[Tt]he\s+)?Astronomical Almanac\b"
        ),
        "The Astronomical Almanac",
        (),
    ),
    # The chemists' and physicists' handbook, cited by its name and edition ("cross-checked vs
    # the CRC Handbook of Chemistry and Physics (105th edition)").
    (
        re.compile(r"\bCRC\s+Handbook\s+of\s+Chemistry\s+and\s+Physics\b"),
        "CRC Handbook of Chemistry and Physics",
        (),
    ),
    # Warren's book of bit tricks, cited by its name and a section ("Hacker's Delight 2-5").
    (re.compile(r"\bHacker['’]s Delight\b"), "Hacker's Delight", ()),
    # A book named after the word: "See my book Kalman and Bayesian Filters in Python"; its
    # title is the run of capitalized words (and the small words between them) that follows.
    (
        re.compile(
            r"\b(?:[Mm]y|[Tt]he|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:text)?book\s*[:,]?[ \t]+"
            r"(?P<title>[A-Z][\w'-]+(?:[ \t]+(?:(?:and|of|in|for|the|a|an|to|with|on|from)[ \t]+)*"
            r"[A-Z][\w'+-]*){1,10})"
        ),
        "",
        (),
    ),
)

_EDITION = re.compile(EDITION)
_PUBLISHER = re.compile(
    r"\b(?:University\s+Press|[A-Z][\w&.'/-]*\s+[Pp]ress\b|"
    + BOOK_HOUSES
    + r"|Cambridge\s+University|Oxford\s+University|Princeton\s+University|"
    r"S(?:IAM|iam)\b(?!\s+(?:J|Journal|Review|Rev|Trans|News)\b)"
    # any publisher after its city, then the year: "Wellesley, Massachusetts: A K Peters. 1994"
    r"|\b[A-Z][a-z]+(?:[ ,]+[A-Z][a-z]+)?[ \t]*:[ \t]*[A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3}"
    r"[.,][ \t]*(?:1[6-9]|20)\d\d\b)"
)
_PUBLISHER = led(_PUBLISHER)  # the same matches, found faster (`leads.led`)
# What a paper, a chapter or a report is published in: never a book's entry. Read after the
# title, so that a book called "... Review" or "... Letters" stays one.
_NOT_BOOK = re.compile(
    r"\b(?:Journal|J\.|Trans(?:actions|\.)?|Proc(?:eedings|\.)?|Conference|Conf\.|"
    # a meeting's name in lower case too: "ACM-SIAM symposium on Discrete algorithms"
    r"(?i:symposium|workshop|proceedings|conference)|Letters|Lett\.|Review|Rev\.|Annals|Ann\.|Bulletin|Magazine|Quarterly|Acta|"
    r"Commun(?:ications|\.)|Lecture\s+Notes|arXiv|preprint|[Tt]ech(?:nical|\.)\s*[Rr]ep|"
    r"[Rr]eport|[Tt]hesis|[Dd]issertation|[Mm]anual|[Uu]ser'?s?\s+[Gg]uide|In\s*:)"
    r"|\b\d{1,4}\s*\(\s*\d{1,4}\s*\)"  # volume(issue)
    # a BibTeX entry's journal, or the book or proceedings a chapter or paper appears in
    r"|(?i:\b(?:journal|booktitle)\s*=)"
)
# A paper read with its entry's title: its meeting named with the year ("In KDD'01, pages
# 97-106", "In Artificial Intelligence and Statistics 2001", DBLP's "SBIA 2004: 286-295").
# Only for a title already read: the publisher reader, which finds entries no other reader
# does, keeps such an entry as the book's it also is.
_MEETING = re.compile(
    r"\bIn\s+[A-Z]{2,}[’']\d\d\b|\bIn\s+(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|for|in)\s+)?){1,6}"
    r"(?:19|20)\d\d\b|\b[A-Z][A-Za-z&/-]{1,15}\s+(?:19|20)\d\d\s*:\s*\d+\s*[-–]\s*\d+"
    # ... or two meetings' acronyms held jointly, with the year: "ECML PKDD 2021"
    r"|\b[A-Z]{2,}[ \t]+[A-Z]{2,}[ \t]+(?:19|20)\d\d\b"
)
# A meeting or journal named by its acronym after the title (`NIPS 18, MIT Press, 2005`, `SODA
# 2000, pages 770-779, SIAM, 2000`, `AALTD, ECML-PKDD, Springer, 2021`, `ICML2013`): the paper's
# venue, whose proceedings a book publisher may print. Capitals only, so no word of a book's
# imprint reads as one.
_MEETING_ACRONYM = re.compile(
    r"(?<![A-Za-z])(?:NeurIPS|"
    + "|".join(sorted(MEETINGS, key=len, reverse=True))
    + r")(?![A-Za-z])"
)
# Software manuals and Q&A posts are documentation, not works a reader could cite: "Stata
# Regression Statistics: Reference Manual", "SuperLU Users' Guide", a Stack Exchange answer.
_NOT_WORK = re.compile(
    r"(?i)\b(?:reference\s+manual|users?['’]?\s+(?:guide|manual)|stack\s*exchange|"
    r"stack\s*overflow|mathoverflow)\b"
)
_BY = re.compile(r"[\"”*]?\s+by\s")
_PAPER_BEFORE = re.compile(r"(?i)\b(?:paper|article|preprint)\s*[:,]?\s*[\"“'`]?\s*$")
_PAPER_REACH = 30
_PAPER_FIRST = re.compile(r"(?i)(?:the|this|a|our|their)\s+(?:paper|article|preprint)\b")
_ET_AL = re.compile(r"\bet\.?\s+al\b")
# A paper's title is longer than a book's: the books named so on the development sets have two
# to six words before any subtitle ("Numerical Optimization", "Introduction to Stochastic Search
# and Optimization: Estimation, Simulation and Control"), the papers seven or more ("Fibonacci
# Heaps and Their Uses in Improved Network Optimization Algorithms" by M.L. Fredman and R.E.
# Tarjan, in JGAlgo's Javadoc).
_PAPER_TITLE_WORDS = 7
_ENTRY_STOP = re.compile(r"\n[ \t*#/]*\n|\n[ \t*#/]*(?:\.\.\s+\[|\[\d+\]|\d{1,3}[.)]\s|[-*•]\s)")
_REACH = 160  # how far past a hit its entry's publisher may stand


def mark_books(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with the entries of books as `RefKind.BOOK`, and the reference works cited by a
    short name (`KNOWN_WORKS`) that no hit covers added."""
    out = []
    for index, hit in enumerate(hits):
        if hit.kind in (RefKind.TITLE, RefKind.AUTHOR_YEAR) and _not_work(hit):
            continue
        stop = hits[index + 1].start if index + 1 < len(hits) else len(text)
        if hit.kind is RefKind.TITLE and hit.ref is None and _documented(text, hit, stop):
            continue
        if hit.kind in (RefKind.TITLE, RefKind.AUTHOR_YEAR) and _is_book(text, hit, stop):
            hit = replace(hit, kind=RefKind.BOOK)
        out.append(hit)
    if any(needle in text for needle in KNOWN_NEEDLES):
        out.extend(_known_works(text, out))
        out.sort(key=lambda h: h.start)
    if ":" in text:
        # `_PUBLISHER` over the whole block (as costly as the rest of this function) only where
        # an entry `_colon_entries` reads may stand, or where its verdict still orders `out`.
        colon = _COLON_CUE.search(text) is not None
        if (colon or not _in_order(out)) and _PUBLISHER.search(text):
            if colon:
                out.extend(_colon_entries(text, out))
            out.sort(key=lambda h: h.start)
    return out


def _in_order(hits: list[Hit]) -> bool:
    return all(a.start <= b.start for a, b in pairwise(hits))


# A book's entry as older comments write it, its author, a colon, its title, then its volume,
# publisher and year (`Yudell Luke: The special functions and their approximations, Vol. II,
# Academic Press, p. 301, 1969`), which no entry reader takes: the author's name (initials and
# capitalised words), the title's words up to a comma, perhaps wrapped once, then a volume,
# the publisher and the year in the same sentence.
_COLON_ENTRY = re.compile(
    r"(?P<names>(?:[A-Z][a-z]*\.?[ \t]+){0,3}[A-Z][a-z'’-]+)[ \t]*:[ \t]*"
    r"(?P<title>[A-Z][a-z'’-]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Za-z][\w'’-]*){2,14})[ \t]*,"
    r"(?P<rest>[^;:\n]{0,80}(?:\n[^;:\n]{0,80})?)"
)
_COLON_ENTRY = led(_COLON_ENTRY)
# What every `_COLON_ENTRY` holds, found at each colon: a name's last letter (or a space) before
# it, a capital after it.
_COLON_CUE = re.compile(r":(?<=[a-z'’\- \t]:)[ \t]*[A-Z]")
_SENTENCE_END = re.compile(r"[a-z]{3,}\.\s+[A-Z]")
_COLON_YEAR = re.compile(r"\b(?P<year>(?:1[6-9]|20)\d\d)\b")
_COLON_VOLUME = re.compile(r"^[ \t]*(?:[Vv]ol(?:ume|\.)?[ \t]*(?:[IVX]+|\d+)[ \t]*,)?")


def _colon_entries(text: str, hits: list[Hit]) -> list[Hit]:
    """Books written `Author: Title, Vol. II, Publisher, year` that no hit covers."""
    found = []
    for match in _COLON_ENTRY.finditer(text):
        rest = match["rest"]
        volume = _COLON_VOLUME.match(rest)
        publisher = _PUBLISHER.search(rest, volume.end() if volume else 0)
        if publisher is None or _NOT_BOOK.search(text, match.start(), match.end()):
            continue
        year = _COLON_YEAR.search(rest, publisher.end())
        names = match["names"].split()
        if year is None or names[-1].lower() in NOT_NAMES or names[0].lower() in NOT_NAMES:
            continue
        if _SENTENCE_END.search(rest, 0, year.start()):
            continue  # the year is another sentence's
        start, end = match.start("names"), match.start("rest") + year.end()
        if any(h.start < end and start < h.end for h in hits):
            continue
        title = " ".join(match["title"].split())
        fields = EntryFields(authors=(" ".join(names),), title=title, year=int(year["year"]))
        found.append(Hit(start, end, RefKind.BOOK, TITLE_RULE, None, 0.6, title, fields))
    return found


# A link into a project's documentation: what an entry that ends with one names is a page of
# that documentation ("Maddock et al., "Incomplete Gamma Functions", https://www.boost.org/doc/
# libs/.../igamma.html"), not a paper or a book.
_DOCS_LINK = re.compile(
    r"https?://\S*(?:/docs?/|/documentation/|readthedocs\.io|/manual/|/api/|/stable/|/latest/)"
)


def _documented(text: str, hit: Hit, stop: int) -> bool:
    """Whether the entry of a title citation ends with a link into documentation and holds
    no venue or year of a publication."""
    fields = hit.reference
    if fields is not None and (fields.venue or fields.year):
        return False
    return _DOCS_LINK.search(_entry_text(text, hit, stop)) is not None


def _not_work(hit: Hit) -> bool:
    fields = hit.reference or EntryFields()
    written = " ".join(t for t in (hit.title_hint, fields.title, fields.venue) if t)
    return bool(written) and _NOT_WORK.search(written) is not None


def is_book_entry(text: str, hit: Hit, stop: int) -> bool:
    """Whether the title citation `hit` (its entry running to `stop` at most) is a book's."""
    return hit.kind is RefKind.TITLE and _is_book(text, hit, stop)


def _is_book(text: str, hit: Hit, stop: int) -> bool:
    fields = hit.reference
    if fields is None or not (fields.title or fields.venue):
        return False  # an in-text mention (`Owen (2001)`): its entry decides, elsewhere
    if fields.title and _known_title(fields.title):
        return True
    entry = _entry_text(text, hit, stop)
    if fields.title:
        # The title's own words ("... Review", "... Letters") say nothing about where it is
        # published: only what follows it is read.
        at = entry.find(fields.title.split()[-1])
        after = entry[at:] if at >= 0 else entry
    else:
        after = entry
    if _NOT_BOOK.search(after) or (fields.venue and _NOT_BOOK.search(fields.venue)):
        return False
    if fields.title and _MEETING.search(after):
        return False
    if _MEETING_ACRONYM.search(after) or (fields.venue and _MEETING_ACRONYM.search(fields.venue)):
        return False
    if fields.title and fields.authors and fields.year is None and not fields.venue:
        # A work named in prose by its title and authors alone: "see Numerical Optimization
        # by Nocedal & Wright"; a paper is cited with its year or venue.
        at = entry.find(fields.title)
        after_title = at + len(fields.title)
        before = text[max(0, hit.start - _PAPER_REACH) : hit.start] + entry[: max(at, 0)]
        if (
            at >= 0
            and _BY.match(entry, after_title)
            # "the paper "Title" by Smith and Jones": a paper, named as one
            and _PAPER_BEFORE.search(before) is None
            and _PAPER_FIRST.match(fields.title) is None
            # "by I. Loshchilov et al.": a paper's many authors, not a book's
            and _ET_AL.search(entry, after_title, after_title + 80) is None
            and len(fields.title.split(":")[0].split()) < _PAPER_TITLE_WORDS
        ):
            return True
    return bool(_EDITION.search(entry) or _PUBLISHER.search(after))


def _entry_text(text: str, hit: Hit, stop: int) -> str:
    """The hit's text and the rest of its entry: up to a blank line, the next entry or hit,
    at most `_REACH` characters on."""
    end = min(stop, len(text), hit.end + _REACH)
    cut = _ENTRY_STOP.search(text, hit.end, end)
    return text[hit.start : cut.start() if cut else end]


def _known_title(title: str) -> bool:
    return any(pattern.fullmatch(title.strip(" .,")) for pattern, _, _ in KNOWN_WORKS[1:])


# Strings one of which every match of each `KNOWN_WORKS` pattern holds (`leads.needles`).
_KNOWN_STRINGS = tuple(needles(pattern) for pattern, _, _ in KNOWN_WORKS)


def _known_works(text: str, hits: list[Hit]) -> list[Hit]:
    """The reference works named by a short name, new hits or hits read better: an entry that
    holds the name but was read without a title (`Knuth, The Art of Computer Programming:
    Volume 2, Third edition` cut at the colon) is that work."""
    found: list[Hit] = []
    for (pattern, title, authors), strings in zip(KNOWN_WORKS, _KNOWN_STRINGS, strict=True):
        if not holds_any(text, strings, 0, len(text)):
            continue  # each pattern opens with `\b` and was tried at every position of the block
        for match in pattern.finditer(text):
            start, end = match.span()
            overlapping = [i for i, h in enumerate(hits) if h.start < end and start < h.end]
            if any(f.start < end and start < f.end for f in found):
                continue
            if "title" in pattern.groupindex:
                start, end = match.span("title")
            named = title or text[start:end]
            if not overlapping:
                fields = EntryFields(authors=authors, title=named)
                found.append(Hit(start, end, RefKind.BOOK, TITLE_RULE, None, 0.7, named, fields))
                continue
            for i in overlapping:
                hit = hits[i]
                if hit.ref is None and (hit.reference is None or not hit.reference.title):
                    old = hit.reference or EntryFields()
                    fields = replace(old, title=named, authors=authors or old.authors, venue=None)
                    hits[i] = replace(
                        hit,
                        start=min(hit.start, start),
                        end=max(hit.end, end),
                        kind=RefKind.BOOK,
                        title_hint=named,
                        reference=fields,
                    )
    return found
