"""The last look at each citation read without an identifier: what its place says it is not.

Both readers (rules and tagger) take a quoted phrase, a date or an encyclopedia entry for a
citation when its shape is an entry's; the words around it tell. `VETOES` is the one list of
what they say, each a named test of one hit in its block. A veto of the source (`Wikipedia`,
a manual, a talk) drops the hit; a veto of the title alone (a quotation, a sentence of prose)
keeps the authors and year the hit was read with, as an author-year mention, when it has both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from catalog.types import RefKind
from scanner.identifiers.paperlinks import is_talk_or_teaching
from scanner.identifiers.records import is_standard_doi
from scanner.titles import AUTHOR_YEAR_RULE
from scanner.titles.cues import EDITION
from scanner.titles.entries import PLACES
from scanner.titles.fields import MONTHS, NAME_COLON_TITLE, YEAR, find_spaced
from scanner.titles.marked import (
    definition_in_list_item,
    markup_inside_title,
    named_with_year,
    prose_after_emphasized_mention,
    title_in_mid_sentence,
)
from scanner.titles.names import AUTHOR_LIST, ETAL, split_authors
from scanner.titles.notworks import (
    personal_communication,
    retrieved_page,
    software_file,
    talk_link,
    venue_editors,
)
from scanner.titles.publishers import IMPRINT, PRESS
from scanner.types import EntryFields, Hit

__all__ = ["VETOES", "Veto", "vet"]


@dataclass(frozen=True, slots=True)
class Veto:
    """One thing a place says about a hit: `test(text, hit, stop)` is True when it says the
    hit is not a citation (`stop`: where the hit's entry must end, the next hit). With
    `title_only`, it says the hit's title is not a title: authors and a year still cite."""

    name: str
    test: Callable[[str, Hit, int], bool]
    title_only: bool = False


def vet(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` without those a veto rejects (see the module); title vetoes demote a hit that
    has authors and a year to an author-year mention."""
    out: list[Hit] = []
    demoted: list[Hit] = []
    for index, hit in enumerate(hits):
        if hit.ref is not None or hit.kind not in (RefKind.TITLE, RefKind.AUTHOR_YEAR):
            out.append(hit)
            continue
        stop = hits[index + 1].start if index + 1 < len(hits) else len(text)
        kept = _vetted(text, hit, stop)
        if kept is not None:
            out.append(kept)
            if kept.kind is not hit.kind:
                demoted.append(kept)
    if demoted:
        # a wrong title's authors and year are a mention only where no entry already cites
        # them: "Theory and Methods", a journal's section read as a second title of an entry
        titles = [hit for hit in out if hit.kind is RefKind.TITLE]
        out = [
            hit
            for hit in out
            if not any(hit is d for d in demoted)
            or not any(t.start < hit.end and hit.start < t.end for t in titles)
        ]
    return out


def _vetted(text: str, hit: Hit, stop: int) -> Hit | None:
    for veto in VETOES:
        if veto.title_only and not _fields(hit).title:
            continue
        if veto.test(text, hit, stop):
            if not veto.title_only:
                return None
            demoted = _demoted(hit)
            # the author-year mention left is vetted again, as one
            return _vetted(text, demoted, stop) if demoted is not None else None
    return hit


def _demoted(hit: Hit) -> Hit | None:
    """The hit as the author-year mention it still is, or None without authors and year.
    A "title" that is an author list with `et al` holds the authors (`Abdelhafez et al. PRA
    (2019)`, read as title "Abdelhafez et al" by "PRA")."""
    fields = hit.reference or EntryFields()
    title = (fields.title or "").strip(" .,")
    if ETAL.search(title) and AUTHOR_LIST.fullmatch(title):
        fields = replace(fields, authors=split_authors(title))
    if not fields.authors or fields.year is None or _all_acronyms(fields.authors):
        return None
    return replace(
        hit,
        kind=RefKind.AUTHOR_YEAR,
        rule=AUTHOR_YEAR_RULE,
        title_hint=None,
        reference=replace(fields, title=None),
    )


def _fields(hit: Hit) -> EntryFields:
    return hit.reference or EntryFields()


def _bare(hit: Hit) -> bool:
    """Whether the hit is a title alone: no authors, year or venue vouch for it."""
    fields = _fields(hit)
    return not fields.authors and fields.year is None and not fields.venue


# --- The source: an encyclopedia, a web page, a manual, a talk or lecture notes ---------

_ENCYCLOPEDIA = re.compile(
    r"(?i)\bwikipedia\b|\bmathworld\b|\bwolfram\s+web\s+resource\b|\bfree\s+encyclopedia\b|"
    r"\bplanetmath\b|wikipedia\.org|mathworld\.wolfram\.com|\bwiki(?:versity|books)\b|"
    # a society's glossary: `"Composite reflectivity". Glossary of Meteorology`
    r"\bglossary\s+of\b|\bglossary\.\w+\.org\b"
)
# Said just before a title: `the Wikipedia article "Depth-limited search"`.
_WEB_PAGE_BEFORE = re.compile(
    r"(?i)\b(?:wikipedia|mathworld|blog|web|online)\s+(?:article|page|entry|post)s?\s*[:,]?\s*"
    r"[\"“'`]?\s*$"
)
_ENTRY_STOP = re.compile(r"\n[ \t*#/]*\n|\n[ \t*#/]*(?:\.\.\s+\[|\[\d+\]|\(\d+\)|\d{1,3}[.)]\s)")
_REACH = 160  # how far past a hit the rest of its entry may run


def _entry_rest(text: str, hit: Hit, stop: int) -> str:
    """What follows the hit in its entry: up to a blank line or the next entry or hit."""
    end = min(stop, len(text), hit.end + _REACH)
    cut = _ENTRY_STOP.search(text, hit.end, end)
    return text[hit.end : cut.start() if cut else end]


def _encyclopedia(text: str, hit: Hit, stop: int) -> bool:
    """An encyclopedia or a web page: `Weisstein, Eric W. "X." From MathWorld`, `"X."
    Wikipedia, The Free Encyclopedia`, `"X" in https://en.wikipedia.org/...`. The rest of an
    entry counts only when it has no venue or year of its own (a paper's entry may end with
    a link to an encyclopedia for background)."""
    if _ENCYCLOPEDIA.search(text, hit.start, hit.end) is not None:
        return True
    if _WEB_PAGE_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None:
        return True
    fields = _fields(hit)
    if any(_ENCYCLOPEDIA.search(author) for author in fields.authors):
        return True  # a citation key read as its author and year: `wikibooks2010monotone`
    if fields.venue or fields.year is not None or not fields.title:
        return False  # an entry with a year, or a mention: a link after it is background
    return _ENCYCLOPEDIA.search(_entry_rest(text, hit, stop)) is not None


# --- A data set or a web page: its title or its entry says so ----------------------------

# A title that is a data set's name (`Iris Data Set`, `The UCI Machine Learning Repository`):
# a few words ending with what holds data. A paper about one has more to say, after a colon
# (`ImageNet: A Large-Scale Hierarchical Image Database`).
_DATASET_TITLE = re.compile(
    r"(?:[\w'’.&()-]+[ \t]+){0,4}(?i:data[ \t]?sets?|database|data[ \t]+(?:repository|library|"
    r"archive|bank)|machine[ \t]+learning[ \t]+repository)"
    # ... an archive of one task's data sets: `The UEA & UCR Time Series Classification Repository`
    r"|(?:[\w'’.&()-]+[ \t]+){0,6}(?i:classification|regression|benchmark)[ \t]+"
    r"(?i:repository|archive)"
)
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# A label that says the entry is a data set's (`Data from: Authors (2019). Name.`), or APA's
# `[Data set]` in the entry.
_DATASET_LABEL = re.compile(r"(?i)\b(?:data[ \t]?set|data[ \t]+(?:from|source))[ \t]*:[ \t]*$")
_DATASET_MARK = re.compile(r"(?i)\[[ \t]*data[ \t]?set[ \t]*\]")
# The site a data series was taken from (`Market Rate [TB3MS], retrieved from FRED, Federal
# Reserve Bank of St. Louis; <url>, March 24, 2020.`): what follows `retrieved from` names where,
# not a work.
_RETRIEVED_FROM = re.compile(
    r"(?i)\b(?:retrieved|downloaded|accessed)[ \t]+(?:from|at|via)[ \t:]*$"
)


# A data repository named right before the citation key of its entry (`- UCI Repository
# :footcite:`moro2012bank``, `OpenML :cite:`vanschoren2014``): the key cites the data.
_DATA_HOST_KEY = re.compile(
    r"(?i:\b(?:UCI(?:[ \t]+Machine[ \t]+Learning)?(?:[ \t]+Repository)?|OpenML|Kaggle|"
    r"data[ \t]?set[ \t]+(?:repository|archive)|data[ \t]+(?:repository|archive)))"
    r"[ \t]*:(?:foot)?cite(?::[a-z]+)?:`$"
)
# The word that names what holds the data, last in a data set's name: `UCI Adult dataset`.
_DATA_WORD_LAST = re.compile(r"(?i)[ \t]+data[ \t]?sets?$")


def _dataset(text: str, hit: Hit, stop: int) -> bool:
    """A data set cited as if a paper (`Fisher, R. A. Iris Data Set. UCI Machine Learning
    Repository, 1988.`, `Kohavi, R. (1996). UCI Adult dataset.`, `Data from: Dua, D. and
    Graff, C. (2019). UCI ...`), or the key of a data repository's entry."""
    title = (_fields(hit).title or "").strip(" .,;")
    if (
        title
        and ":" not in title
        and _DATASET_TITLE.fullmatch(title) is not None
        # the name's words capitalised; the data word closing it may be in lower case
        and all(w[0].isupper() for w in _LONG_WORD.findall(_DATA_WORD_LAST.sub("", title)))
    ):
        return True
    line_start = text.rfind("\n", 0, hit.start) + 1
    if _DATASET_LABEL.search(text, line_start, hit.start) is not None:
        return True
    if _DATA_HOST_KEY.search(text, line_start, hit.start) is not None:
        return True
    if _RETRIEVED_FROM.search(text, line_start, hit.start) is not None:
        return True
    return _DATASET_MARK.search(text, hit.start, min(stop, hit.end + _REACH)) is not None


# A web page said to be one in its entry (`Circles and spheres. Web page.`, `Bit Twiddling
# Hacks page by ...`, `Personal homepage`), when the entry names no venue.
_WEB_PAGE = re.compile(
    r"(?i)\b(?:web[ \t]?(?:page|site)|home[ \t]?page|online[ \t]+resource|blog[ \t]+post)\b"
    r"|(?-i:\b[A-Z][\w-]*[ \t]+)page[ \t]+by\b"
)


# An entry that ends with a web page's address and names no year or venue: `Name, "Topic",
# url: https://host/.../topic.html` (a paper is cited with its year or where it appeared; a
# paper's own page is read as a link citation, which keeps the reference).
_PAGE_LINK_NEXT = re.compile(
    r"[\s,.;:]*(?i:url|see|available\s+at|online|at)?[\s:]*<?https?://[^\s<>\"']+?"
    r"\.(?i:html?|php|aspx?)\b"
)


# A link's text that names a page (`STEREO Mission Page <https://...>`__, `Publications Page:`).
_PAGE_TITLE = re.compile(
    r"(?:[^\s<]+[ \t]+){0,5}(?i:page|web[ \t]?site|home[ \t]?page|portal)[ \t]*:?[ \t]*(?:<\S*)?"
)


def _web_page(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.venue:
        return False
    if _PAGE_TITLE.fullmatch((fields.title or "").strip()) is not None:
        return True
    line_start = text.rfind("\n", 0, hit.start) + 1
    rest = _entry_rest(text, hit, stop)
    if not fields.title and text[hit.end - 1 : hit.end] in (")", "]"):
        # a mention closed by its bracket (`Kohler et al. (2014, A&A, 565, 9)`): the next line
        # is the next sentence (`Computed by DustEm and downloaded from the DustEm website.`)
        rest = rest.split("\n", 1)[0]
    if _WEB_PAGE.search(text[line_start : hit.end] + rest) is not None:
        return True
    return (
        fields.year is None
        and _PAGE_LINK_NEXT.match(rest) is not None
        and _CALLED_A_PAPER.search(text, max(0, hit.start - 60), hit.start) is None
    )


# The words right before a title that call it a paper (`based on the paper "Title" by ...`):
# its page is the paper's page, whatever its address ends with.
_CALLED_A_PAPER = re.compile(
    r"(?i)\b(?:the|this|a|following)[ \t]+(?:paper|article|publication)[ \t]*:?[\s*/#!]*$"
)


# --- A standard: it calls itself one, or its entry's DOI is a standards body's -----------

_STANDARD_NAME = re.compile(
    r"(?i)\b(?:IEEE\s+Std\b|(?:IEEE|ANSI|ISO|IEC)\s+Standard\b|Standard\s+for\s+[A-Z]|"
    r"ISO/IEC\s+\d|ANSI/[A-Z]|ECMA-\d|(?:Technical|Unicode)\s+Standard\b|"
    r"Language\s+Specification\b|W3C\s+(?:Recommendation|Working\s+Draft)\b|"
    # a specification by its version: `"Multimedia Programming Interface and Data
    # Specifications 1.0"`
    r"Specifications?\s+(?:[Vv](?:ersion)?\.?\s*)?\d+\.\d+\b|"
    # a system's interface document: `"Interface Control Document for the RPG ..."`
    r"Interface\s+(?:Control|Requirements?|Design)\s+Document\b|Interface\s+Specification\b|"
    r"(?-i:Report|Rec\.|Recommendation)\s+ITU-[RT]\s+[A-Z]{1,2}\.?\s*\d|"  # `Report ITU-R BT.2246`
    # a space agencies' standard (`CCSDS 503.0-B-1 recommended standard`, its Blue Book), a
    # radio committee's (`RTCM STANDARD 10403.2`, an `RTCM Paper ... -SC104-818` proposal)
    r"CCSDS\s+\d{3}\.\d+-[A-Z]-\d|Recommended\s+Standard\b|RTCM\s+(?:Standard|Paper)\b)"
)
# In a title (an entry may name them beside a paper: `ICD-GPS-200, Rev. C` over Klobuchar's
# paper, `as presented in IERS conventions 1996` after one): an interface control document
# (`ICD L1, L2 GLONASS`; not the ICD-10 classification's codes), the conventions and reference
# systems bodies define (the IERS Conventions, the World Geodetic System 1984, the SI brochure).
_STANDARD_IN_TITLE = re.compile(
    r"(?-i:\bICD\b)(?![- ]?\d)|(?i:\bIERS\s+Conventions?\b|\bWorld\s+Geodetic\s+System\b|"
    r"\bInternational\s+System\s+of\s+Units\b|\bSI\s+brochure\b)"
)
# A title that opens with a standard's or recommendation's number: `ISO 13655:2009 ...`,
# `Rec. ITU-R BT.709-6 ...`, `ITU-T H.273`, `SMPTE ST 2065-1`, `RFC 3986` (a paper may name
# one later in its title: `A fast parser for RFC 3986 URIs`).
_STANDARD_TITLE = re.compile(
    r"(?:ISO|IEC)\s+\d{3,5}\b|(?:Rec(?:ommendation)?\.?\s+)?ITU-[RT]\s+[A-Z]{1,2}\.?\s*\d|"
    r"SMPTE\s+(?:ST|RP|EG)\s*\d|RFC\s*\d{3,4}\b"
)
# What a quoted title is called right before it: `... standard "Geographic Information"`.
_STANDARD_BEFORE = re.compile(r"(?i)\b(?:standard|specification)[ \t]*$")
_RFC_BEFORE = re.compile(r"\bRFC[ \t]*\d{3,4}\b[^.;\n]*$")
_DOI_IN_ENTRY = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>]+")


def _standard(text: str, hit: Hit, stop: int) -> bool:
    """A standard read as a title (`IEEE Standard for Floating-Point Arithmetic`, `IEEE Std
    1003.1`), or an entry whose DOI is a standards body's (`10.1109/IEEESTD.2008.4610935`): the
    DOI reader drops that DOI as naming no paper, and the title it ends names none either."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    entry = text[line_start : hit.end] + _entry_rest(text, hit, stop)
    if _STANDARD_NAME.search(entry) is not None:
        return True
    if _RFC_BEFORE.search(text, line_start, hit.start) is not None:
        return True  # `As defined in RFC 3986, Uniform Resource Identifier ... (2005)`
    if _STANDARD_BEFORE.search(text, max(0, hit.start - 30), hit.start) is not None:
        return True  # `the OGC 08-015r2/ISO-19111 standard "Geographical Information -- ..."`
    if hit.title_hint and (
        _STANDARD_TITLE.match(hit.title_hint) or _STANDARD_IN_TITLE.search(hit.title_hint)
    ):
        return True
    # ... or read as an author: `[World Geodetic System 1984](...)` as an author-year
    if any(_STANDARD_IN_TITLE.search(name) for name in _fields(hit).authors):
        return True
    dois = (doi.group().lower().rstrip(".,;:)]") for doi in _DOI_IN_ENTRY.finditer(entry))
    return any(is_standard_doi(doi) for doi in dois)


# What a title of something other than a paper or a book says of itself: a manual (but
# "The Algorithm Design Manual" is a book), a software version, lecture notes (but `Lecture
# Notes in Computer Science` is a series that publishes papers), slides, a course.
_NOT_WORK_TITLE = re.compile(
    # (`User's Manual`, `Users' Guide`, `Users Manual`)
    r"(?i:\b(?:training|reference|user(?:s|['’]s|s['’])?|programmer['’]?s|software|technical|"
    r"installation|instruction|operator['’]?s|operating|owner['’]?s|service)\s+manual\b|"
    r"\buser(?:s|['’]s|s['’])?\s+guide\b|"
    # a solver's manuals issued as reports ("User Documentation for CVODE v7.5.0", "Example
    # Programs for CVODE v7.5.0")
    r"\buser(?:s|['’]s)?\s+documentation\b|\bexample\s+programs\s+for\b|"
    r"\bversion\s+\d|\blecture\s+\d+\b|"
    r"\blecture\s+notes\b(?!\s+in\b)|\bcourse\s+notes\b|\bslides\b|\bkeynote\b|\bwebinar\b|"
    # a course's exercise sheet ("Homework Assignment 5", "Problem Set 3")
    r"\bhomework\b|\bproblem\s+set\s+\d|\bexercise\s+sheet\b|"
    # a product's data sheet (`F-Log Data Sheet Ver.1.1`; not "Datasheets for Datasets")
    r"\bdata\s?sheet\b(?=\s*(?:ver|v\d|rev|[,.;:]|$))|"
    # an online course ("Lecture 6.5 - rmsprop, COURSERA: Neural Networks for Machine Learning")
    r"\bcoursera\b|\budacity\b|"
    # a Stata command in the Statistical Software Components archive ("ranktest: Stata module
    # to test the rank of a matrix")
    r"\bstata\s+modules?\b)"
    r"|\b(?i:optimi[sz]ation|modell?ing|software|solver)\s+(?i:suite|studio)\b"
)
# Who writes manuals: "Manual, CPLEX User's" read as an author.
_NOT_AUTHOR = re.compile(r"(?i)\bmanual\b|\busers?['’]s?\b")


def _not_work_title(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    title = fields.title or hit.title_hint or ""
    return _NOT_WORK_TITLE.search(title) is not None or any(
        _NOT_AUTHOR.search(a) for a in fields.authors
    )


# Code: a repository on a code host, a package page. An entry whose only links point there and
# that names no venue is software ("Pujol, G. (2006) fast99 - R `sensitivity` package" and its
# GitHub link), not a paper; a paper's entry that also links its code names its venue.
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`)\]]+")


def _called_a_book(text: str, title: str | None) -> bool:
    """Whether the place says "book" right before the title ("see my book Kalman and ...")."""
    if not title or "book" not in text.lower():
        return False
    lead = r"\s+".join(re.escape(w) for w in title.split()[:3])
    return re.search(r"(?i)\bbook\b[\s:,\"“]{1,12}" + lead, text) is not None


_CODE_LINK = re.compile(
    r"(?i)(?:https?://)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|sourceforge\.net|"
    r"pypi\.org/project|cran\.r-project\.org/(?:web/)?packages?)/"
)


def _code_repository(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.venue or _called_a_book(text, fields.title):
        return False  # a venue, or a book the place calls one (its notebooks may be on GitHub)
    # the links the entry was read with: a link on a later line may be about the code there
    links = _LINK.findall(text, hit.start, hit.end)
    return bool(links) and all(_CODE_LINK.match(link) for link in links)


# A forum or a mailing list: an entry without a venue whose link points at one (`Hoffman, M.
# (2013). <i>Lazy updates</i>. Retrieved from <a href="https://groups.example.com/...">`).
_FORUM_LINK = re.compile(
    r"(?i)(?:https?://)?(?:www\.)?(?:groups\.(?:google|yahoo)\.com|stackoverflow\.com|"
    r"[\w-]+\.stackexchange\.com|mathoverflow\.net|reddit\.com|mail-archive\.com|"
    r"lists\.[\w.-]+/|discourse\.[\w.-]+/)"
)


def _forum(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.venue:
        return False
    # (past the next hit: the tagger may read the link itself as a title)
    rest = _entry_rest(text, hit, len(text))
    links = _LINK.findall(text[hit.start : hit.end] + rest)
    if not links or not all(_FORUM_LINK.match(link) for link in links):
        return False
    # the entry is the post's (`Castro, S. (2014). Title? Retrieved ..., from <forum>`); a bare
    # mention with a forum link under it (`Hacine-Gharbi (2018)` then a Q&A page about it)
    # still names the paper
    before_link = rest[: rest.find(links[0])] if links[0] in rest else ""
    return bool(fields.title) or len(WORDS.findall(before_link)) >= _FORUM_ENTRY_WORDS


WORDS = re.compile(r"[^\W\d_]{2,}")
_FORUM_ENTRY_WORDS = 2


# ... or a message named by its subject, quoted after the words that say so (`discussions from
# the java-dev thread with subject "Dynamic array reallocation", started on Jan 12 2010`, `the
# e-mail titled "..."`): a post to a list, not a work, whatever date follows it
_SUBJECT_BEFORE = re.compile(
    r"(?i)\b(?:subject(?:[ \t]+line)?|(?:thread|e-?mail|message|posting|post)"
    r"(?:[ \t]+(?:titled|entitled|called|named))?)[ \t]*:?\s*[\"“'«]$"
)


def _message_subject(text: str, hit: Hit, stop: int) -> bool:
    quoted = _quoted_at(text, hit)
    return quoted is not None and (
        _SUBJECT_BEFORE.search(text, max(0, quoted[0] - 40), quoted[0]) is not None
    )


# A blog post: an entry without a venue whose every link points at a blogging host, perhaps
# on its own line a blank line below within the same list item (`.. [3] G. Lee. Multiple
# Seasons in Python.` then, indented under it, `https://medium.com/...`).
# ... or a post's dated permalink on any host, its path opening with the year and month and
# ending with the post's slug (`svm-tutorial.com/2017/10/support-vector-machines-.../`),
# ... or a post's permalink named by its date and slug (`.../posts/2017-08-20-gan/#section`)
_DATED_POST = (
    r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/(?:(?:19|20)\d\d/(?:0[1-9]|1[0-2])/(?:\d\d/)?"
    r"|(?:[\w-]+/)*(?:19|20)\d\d-(?:0[1-9]|1[0-2])-[0-3]\d-)"
    r"[a-z][\w%-]*[a-z][\w%-]*/?(?:\.html?)?(?:#[\w%-]*)?[.,;]?$"
)
_DATED_POST_LINK = re.compile("(?i)" + _DATED_POST)
_BLOG_LINK = re.compile(
    r"(?i)(?:https?://)?(?:[\w-]+\.)*(?:medium\.com|towardsdatascience\.com|blogspot\.com|"
    r"wordpress\.com|substack\.com|hashnode\.dev|dev\.to|[\w-]*blog\.[a-z]{2,6})/"
    # a company's or a lab's blog on its own site: `www.unrealengine.com/blog/physically-...`
    r"|(?:https?://)?[\w.-]+/(?:[\w.-]+/)*blogs?/"
    # ... or on a blog subdomain: `blog.example.org/...`
    r"|(?:https?://)?(?:www\.)?blog\.[\w.-]+/"
    r"|" + _DATED_POST
)
_LINK_BELOW = re.compile(r"\n[ \t*#/]*\n([ \t]+)(?:https?://|www\.)[^\s<>]+[ \t]*(?=\n|$)")


def _blog(text: str, hit: Hit, stop: int) -> bool:
    rest = _entry_rest(text, hit, len(text))
    below = _LINK_BELOW.match(text, hit.end + len(rest))
    links = _LINK.findall(text[hit.start : hit.end] + rest + (below.group() if below else ""))
    if not links:
        return False
    if all(_DATED_POST_LINK.match(link) for link in links):
        # a dated post's only links say what it is, whatever the entry's "venue" (often its
        # author's name read as one: `["Title", Kowalczyk A., 2017](<dated permalink>)`)
        return True
    return not _fields(hit).venue and all(_BLOG_LINK.match(link) for link in links)


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
# Perissinotto for Jpatch Project by Sascha Ledinsky", "Ported from C++ version provided by".
_PORTED_FROM = re.compile(r"(?i)\b(?:port(?:ed)?|translat(?:ion|ed))[ \t]+from[ \t]+$")
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


def _code_credit(text: str, hit: Hit, stop: int) -> bool:
    # within the hit's own text: a credit on the next line is that line's, not the mention's
    line_start = text.rfind("\n", 0, hit.start) + 1
    fields = _fields(hit)
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
    year = _fields(hit).year
    year_at = text.rfind(str(year), hit.start, hit.end) if year is not None else hit.end
    port = _PORT_CREDIT.search(text, hit.start, hit.end)
    return port is not None and port.start() < year_at


# A tag that names the code's authors (`@author`, `\author`), or a file header's `Author:`
# field, whose lines below, set at the column its first name starts at, go on with it
# (`// Author:   Gerald Evenden (1995)` / `//           Thomas Knudsen (2016) - add tests`).
_AUTHOR_TAG = re.compile(r"[^\S\n]*(?:[/*#!%;-]+[^\S\n]*)?[@\\]authors?[^\S\n]+")
_AUTHOR_FIELD = re.compile(r"[^\S\n]*(?:[/*#!%;-]+[^\S\n]*)?Authors?:[^\S\n]*(?=\S)")
_HEADER_LINES = 4  # lines a header's `Author:` field runs on


def _code_author(text: str, hit: Hit, stop: int) -> bool:
    """The code's authors and a year, not a work: the line of a Javadoc or Doxygen author tag
    (`@author`, or its backslash form before "Barend and Maarten, 1995"), or the lines that go
    on with a file header's `Author:` field."""
    fields = _fields(hit)
    if fields.title or not fields.authors:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    tag = _AUTHOR_TAG.match(text, line_start)
    if tag is not None:
        # the names right after the tag are the code's; a source it credits is cited
        # (`@author After Andoyer, republished by Meeus, 1999`)
        return tag.end() == hit.start
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


# A publisher and its city before a year are a book's imprint, which the entry before them
# already names ("<i>Spatial Databases With Application To GIS</i>. Morgan Kaufmann, San
# Francisco, 2002."), not authors: a publisher's whole name read as the first author.
_IMPRINT = re.compile(IMPRINT)


def _publisher_as_author(text: str, hit: Hit, stop: int) -> bool:
    """An imprint line (`Morgan Kaufmann, San Francisco, 2002.`): a publisher's whole name
    at the start of its line."""
    fields = _fields(hit)
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
    r"Commission|Committee|Council|Consortium|Institut[eo]?|Corporation|Foundation|Bureau|Agency)"
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


def _body_as_author(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title:
        return _BODY_TITLE.fullmatch(fields.title.strip(" .,")) is not None
    if _BODY_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None:
        return True
    return _BODY_OPENING.match(text, hit.start) is not None


# A talk at a conference that publishes none (`(Salvi, GDC 2016)`), or said to be a talk.
_TALK = re.compile(r"\bGDC\b|(?i:\bgame\s+developers\s+conference\b|\btalk\b|\bkeynote\b)")


def _talk(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title:
        return False  # an entry: its title and venue decide (`_not_work_title`)
    return _TALK.search(text, hit.start, hit.end) is not None or any(
        _TALK.search(a) for a in fields.authors
    )


# The text of a Markdown link (`[Hinton, 2012](.../slides/lecture6.pdf)`, `[Lee (2019)](...)`)
# names what the link gives: slides, a talk, teaching notes or a blog post are no paper.
# (The hit may run on into the link's target: `Lind (2018)](https://...`.)
_LINK_TEXT_END = re.compile(r"[^\[\]\n]{0,80}?\]\(\s*<?(?P<url>(?:https?://|www\.)[^\s)>]+)")
_LINK_TEXT_START = re.compile(r"\[\s*\(?\s*$")


# ... or of a reference-style link (`see [Jang (2018)][3]`) whose definition's every link is one
# (`[3]: E. Jang. Normalizing Flows Tutorial. 2018. http://blog.example.com/2018/01/nf2.html`).
_LINK_LABEL_END = re.compile(r"[^\[\]\n]{0,80}?\]\[(?P<label>[^\[\]\n]{1,40})\]")


def _talk_link_text(text: str, hit: Hit, stop: int) -> bool:
    if _LINK_TEXT_START.search(text, max(0, hit.start - 4), hit.start) is None:
        return False
    link = _LINK_TEXT_END.match(text, hit.start)
    if link is not None:
        return is_talk_or_teaching(link["url"])
    label = _LINK_LABEL_END.match(text, hit.start)
    if label is None:
        return False
    definition = re.search(
        r"(?m)^[ \t]*\["
        + re.escape(label["label"])
        + r"\]:(?P<body>[^\n]*(?:\n[ \t]+(?!\[)[^\n]+)*)",
        text,
    )
    links = _LINK.findall(definition["body"]) if definition is not None else []
    return bool(links) and all(
        is_talk_or_teaching(url) or _DATED_POST_LINK.match(url) for url in links
    )


# --- Dates, acronyms and counts read as a name and a year ------------------------------

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "  # noqa: SIM905
    "week weekend quarter semester season".split()
)
# A bare year after these is a date: "within May 2015", "until Jun 2016".
_TIME_BEFORE = re.compile(
    r"(?i)\b(?:within|until|till|since|during|through|throughout|between)"
    r"\s+$"
)
# A month's name, whole or cut short ("Sep", "Sept.", "September"), in any case.
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_MONTH_DAY_AFTER = re.compile(
    rf"[ \t]+{_MONTH}\.?[ \t]+\d{{1,2}}\b"
    # written as one token: `2017-Sep-28`, `2017-09-28`
    rf"|-{_MONTH}-\d{{1,2}}\b|-\d\d-\d\d\b"
)
_DAY_MONTH = re.compile(r"\(\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*(?:1[6-9]|20)\d\d\s*\)")
# ... or, alone on its line, a name with its month and year in brackets: "Paul Okafor (Oct
# 2012)" signs a change (in prose, "as shown by Smith (Oct. 2013), ..." cites).
_MONTH_YEAR = re.compile(
    rf"\(\s*{_MONTH}\.?\s+"
    r"(?:1[6-9]|20)\d\d\s*\)"
)


_DAY_BEFORE = re.compile(r"(?<![\w.,:\[(/-])(?:0?[1-9]|[12]\d|3[01])[ \t]+$")
# ... not a locator's number: "figure 1 Lind 2005"
_LOCATOR_NUMBER = re.compile(
    r"(?i)\b(?:figures?|figs?\.|tables?|eqs?\.|equations?|sections?|sec\.|steps?|pages?|p\.|"
    r"chapters?|ch\.|items?|refs?\.?)[ \t]+\d{1,2}[ \t]+$"
)
_DAY_WORD_YEAR = re.compile(r"[A-Z][a-zà-ÿ]{2,11}\.?[ \t]+(?:1[6-9]|20)\d\d")


def _date(text: str, hit: Hit, stop: int) -> bool:
    """A date, not an author and year: `Thursday (Oct. 3, 2013)`, `within May 2015`, `Hack
    Week 2016`."""
    fields = _fields(hit)
    if fields.title or not fields.authors:
        return False
    words = {w.strip(",.").lower() for a in fields.authors for w in a.split()}
    if words & _WEEKDAYS or any(a.strip(",.").lower() in MONTHS for a in fields.authors):
        return True
    if _DAY_MONTH.search(text, hit.start, hit.end + 1) is not None:
        return True
    if _MONTH_YEAR.search(text, hit.start, hit.end + 1) is not None and _alone_on_line(text, hit):
        return True
    if _MONTH_DAY_AFTER.match(text, hit.end):
        return True  # "bug report from Reto Schüttel, 2008 Dec 10", "2017-Sep-28": the day it came
    if hit.end > hit.start and _on_a_date_line(text, hit):
        return True  # names above a line that is a date alone: a file header's release date
    year_at = text.rfind(str(fields.year), hit.start, hit.end) if fields.year else -1
    if year_at > 0 and _DAY_AND_MONTH_BEFORE.search(text, max(0, year_at - 24), year_at):
        return True  # "Asarnha Bucha Day (Saturday 24th July 2021)": a day's full date
    if len(fields.authors) != 1:
        return False
    if _TIME_BEFORE.search(text, max(0, hit.start - 12), hit.start) is not None:
        return True
    # a day's number before one word and a year: a month misspelt or in another language
    # ("Original date 25 Feburary 2011", "12 Juni 2009"; not "figure 1 Lind et al (2005)")
    return (
        _DAY_WORD_YEAR.fullmatch(text, hit.start, hit.end) is not None
        and _DAY_BEFORE.search(text, max(0, hit.start - 4), hit.start) is not None
        and _LOCATOR_NUMBER.search(text, max(0, hit.start - 16), hit.start) is None
    )


# A year that dates a product or a platform, not a work: `(Since 2016)` after a platform's
# name, `C++Builder 2009 and above` (the versions from that year on).
_SINCE_BEFORE = re.compile(r"(?i)[(\[][ \t]*(?:since|until|till|before|after|as[ \t]+of)[ \t]+$")
_VERSIONS_AFTER = re.compile(
    r"(?i)[ \t]*(?:and|or)[ \t]+(?:above|higher|newer)\b"
    r"|[ \t]*(?:or|and)[ \t]+later[ \t]+versions?\b"
)


def _product_year(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title or fields.year is None or len(fields.authors) != 1:
        return False
    year_at = text.find(str(fields.year), hit.start, hit.end + 1)
    if year_at < 0:
        return False
    year_end = year_at + 4
    return (
        _SINCE_BEFORE.search(text, max(0, year_at - 12), year_at) is not None
        or _VERSIONS_AFTER.match(text, year_end) is not None
    )


# A line holding only a date: `October 31, 1992`, `November 2011` (a vendored LAPACK routine's
# header under its authors' institutions, `Univ. of Tennessee, ... NAG Ltd.`).
_DATE_LINE = re.compile(
    rf"[ \t*#/!-]*{_MONTH}\.?[ \t]+"
    r"(?:\d{1,2},?[ \t]+)?(?:1[6-9]|20)\d\d[ \t.,*#/-]*(?:\n|$)"
)


# A day's number, perhaps ordinal, and its month right before the year: a date.
_DAY_AND_MONTH_BEFORE = re.compile(
    r"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t]+"
    rf"{_MONTH}\.?,?[ \t]+$"
)


def _on_a_date_line(text: str, hit: Hit) -> bool:
    """Whether the year of an author-year spread over lines ends a line that is a date alone."""
    line_start = text.rfind("\n", hit.start, hit.end) + 1
    return line_start > hit.start and _DATE_LINE.match(text, line_start) is not None


def _alone_on_line(text: str, hit: Hit) -> bool:
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    rest = text[hit.end : line_end if line_end >= 0 else len(text)]
    return not text[line_start : hit.start].strip() and not rest.strip(" \t.,;")


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}|[A-Z][a-z]{1,5}[A-Z]{2,}[a-z]?")
# (the second form, an acronym in mixed case: `NeurIPS 2018`, `EuroVIS 2019`; a surname has no
# run of capitals after its lower case: `McDonald`, `LeCun`, `DeVries`)


def _acronym(text: str, hit: Hit, stop: int) -> bool:
    """An acronym and a year, not a person's: `GH 2002` (an issue), `VS 2008`, `CEC 2006`,
    `IEEE 754`. A mention whose every name is in capitals names no author; an entry may have
    a body for its author, with its title in quotes: `"High-Fin Tube Banks." ESDU (1986)`."""
    fields = _fields(hit)
    if not fields.authors or not _all_acronyms(fields.authors):
        return False
    # a title in quotes may have a body for its author; a phrase with "NTPS" for one has none
    return not fields.title or (not fields.venue and _quoted_at(text, hit) is None)


def _all_acronyms(authors: tuple[str, ...]) -> bool:
    return all(
        all(_ACRONYM.fullmatch(w.strip(",.")) for w in a.split() if len(w.strip(",.")) > 1)
        for a in authors
    )


# A year glued to a name in capitals is part of that name, not a date (`Lab, REC2020, or P3`,
# `BT2020`); a citation key in brackets or a role (`[LIU2019]`, `:cite:`LEE2019``) is not one.
_GLUED_YEAR = re.compile(r"(?<![\w\[`:])[A-Z]{2,}(?P<year>1[89]\d\d|20\d\d)(?![\w\]`])")


def _glued_year(text: str, hit: Hit, stop: int) -> bool:
    """A mention whose only year is glued to a name in capitals."""
    fields = _fields(hit)
    if fields.title or fields.year is None:
        return False
    year = str(fields.year)
    glued = [g for g in _GLUED_YEAR.finditer(text, hit.start, hit.end) if g["year"] == year]
    return bool(glued) and text.count(year, hit.start, hit.end) == len(glued)


# A count, not a year: "Allocate 1608 bytes", "Smith 2000 samples", "Pass 1932 tests".
_COUNT_AFTER = re.compile(
    r"[ \t]+(?:bytes|bits|words|points|(?:data|grid|sample|time)[ \t]+points|samples|elements|"
    r"items|entries|rows|columns|cols|"
    r"iterations|iters|steps|times|seconds|secs|ms|us|ns|px|pixels|nodes|edges|vertices|cells|"
    r"characters|chars|lines|digits|coefficients|values|records|tokens|threads|calls|runs|"
    r"trials|epochs|cycles|frames|objects|bins|buckets|slots|tests|cases|files|images|pages|"
    r"examples|instances|observations|documents|sentences|sequences|queries|requests|users|"
    r"[kKMG]i?B)\b"
)


def _count(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title or fields.year is None:
        return False
    return _COUNT_AFTER.match(text, hit.end) is not None


# A product and its model year, not a work: "a MacBook Pro M1 Pro (2021)", "an iPhone 12 Pro
# (2020)": the word before the "surname" is a model's code of letters and digits.
_MODEL_CODE_BEFORE = re.compile(r"(?<![\w-])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+[ \t]+$")


def _nameless(text: str, hit: Hit, stop: int) -> bool:
    """Whether an author-year mention has no author left (`IAOs, JPCA 128, 8570 (2024)`, its
    one "name" an acronym): a journal, a volume and a year alone cite no one."""
    return hit.kind is RefKind.AUTHOR_YEAR and not _fields(hit).authors


def _product_model(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title or len(fields.authors) != 1:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _MODEL_CODE_BEFORE.search(text, line_start, hit.start) is not None


# A document or a program released in numbered versions, not a paper: its title followed by the
# version (`"DH Parameters of the Arm" Version 1.0.8, July 25, 2013`, `"Radar Grids and
# Projections", Version 1.01`), or a release's number cut from the title by the reader (`Bird
# Song Analysis Software v18.03.0.41 (Version v18.03.0.41). Zenodo`).
_VERSION_AFTER = re.compile(
    r"(?:\.\d+)*[\"”'’]?[ \t]*,?[ \t]*\(?(?i:version|ver\.)[ \t]*v?\d+(?:\.\d+)+"
)


def _versioned(text: str, hit: Hit, stop: int) -> bool:
    title = _fields(hit).title
    if not title:
        return False
    end = find_spaced(text, title, hit.start, min(len(text), hit.end + 2))[1]
    return end >= 0 and _VERSION_AFTER.match(text, end) is not None


# A BibTeX field that names no work, the hit inside its value: `keywords = {Simulation analysis,
# Wave dynamics, Monte Carlo, ...}` read as a title and its "author".
_OTHER_BIBTEX_FIELD = re.compile(
    r"(?i)\b(?:keywords|abstract|annote|address|publisher|organization|institution|school|"
    r"howpublished|series|month|issn|isbn|url|copyright|language)[ \t]*=[ \t]*[{\"][^\n]*$"
)


def _bibtex_field(text: str, hit: Hit, stop: int) -> bool:
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _OTHER_BIBTEX_FIELD.search(text, line_start, hit.start) is not None


# A language's or a standard's edition named by its year, not a work: "Upgrade to Rust 2018
# edition", "the ECMAScript 2015 edition" (a book's edition is an ordinal: "2nd edition").
_YEAR_EDITION_AFTER = re.compile(r"[ \t]+edition\b", re.IGNORECASE)


def _year_edition(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title or fields.year is None:
        return False
    return _YEAR_EDITION_AFTER.match(text, hit.end) is not None


# A data set named after the paper that made it, not that paper: "the Yeo 2011 atlas",
# "loads Miyawaki et al. 2008 dataset", "the Schaefer 2018 parcellation".
_DATA_AFTER = re.compile(
    r"[)\]]?[ \t]+(?i:atlas(?:es)?|data[ \t]?sets?|corpus|corpora|parcellations?)\b"
)
# ... or an evaluation campaign and its data, the year bare: "the CoNLL 2002 shared task",
# "the GermEval 2014 Named Entity Recognition Shared Task data", "the Evalita 2007 and 2009 NER
# shared tasks", "read from the GermEval 2014 data" (a year in brackets cites: "from Roman
# (1987) data")
_CAMPAIGN_AFTER = re.compile(
    r"(?:[ \t]+(?:and[ \t]+(?:1[89]|20)\d\d|[A-Z][\w-]*)){0,4}[ \t]+"
    r"(?i:shared[ \t]+tasks?|challenges?|competitions?|contests?|data(?![ \t]+(?:from|of|on|in)\b))"
    r"\b"
)


def _dataset_name(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.title or fields.year is None:
        return False
    if _DATA_AFTER.match(text, hit.end) is not None:
        return True
    return (
        text[hit.end - 1 : hit.end].isdigit() and _CAMPAIGN_AFTER.match(text, hit.end) is not None
    )


# --- A title that is not one: a quotation, a phrase, prose ------------------------------

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


def _verb_first(text: str, hit: Hit, stop: int) -> bool:
    return _VERB_FIRST.match(_fields(hit).title or "") is not None


# A sentence of the comment with its passive verb, not a title: "The DCP was developed to
# identify environments ...", "These values were compiled from ...".
_PASSIVE_SENTENCE = re.compile(
    r"^(?:The|This|These|Those|It|They|Its)\b[^.;:]{0,60}?\s(?:was|were|is|are|has\s+been|"
    r"have\s+been)\s+[a-z]+ed\s+(?:to|by|for|from|with|in|on|as)\s"
)


def _passive_sentence(text: str, hit: Hit, stop: int) -> bool:
    return _PASSIVE_SENTENCE.match(_fields(hit).title or "") is not None


# A line that leads in to the work it names next, not a title: "The peephole implementation
# is based on:" above the work's link and entry (a title ends with no dangling preposition).
_LEAD_IN = re.compile(
    r"\s(?:is|are|was|were|has\s+been|have\s+been)\s+[a-z]+(?:ed|en)\s+(?:on|in|from|by|at)\W*$"
)


def _lead_in(text: str, hit: Hit, stop: int) -> bool:
    return _LEAD_IN.search(_fields(hit).title or "") is not None


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
_CITING_BEFORE_COLON = frozenset(
    "titled entitled called named in see from cf cf. reference references".split()  # noqa: SIM905
)
_SPOKEN = re.compile(
    r"(?i:\b(?:not|cannot|can't|don't|doesn't|doesn’t|isn't|won't|could|should|must|please|"
    r"we|you|your|i|us|our)\b)"
)
_QUOTE_OPEN = "\"“'`«"


def _quoted_at(text: str, hit: Hit) -> tuple[int, int] | None:
    """Where the hit's title is written in quotes, as the span inside them, or None."""
    title = _fields(hit).title
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


def _eponym_name(text: str, hit: Hit, stop: int) -> bool:
    title = (_fields(hit).title or "").strip(" .,")
    if len(title.split()) > _EPONYM_WORDS:
        return False
    if _quoted_at(text, hit) is not None and _EPONYM_NAME.fullmatch(title) is not None:
        return True
    # the thing's name set off, the noun after it: `the *Kruskal's Standardized Residual Sum of
    # Squares (STRESS)* index`, `"Henze-Zirkler's" test`
    return (
        _bare(hit)
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


def _image_caption(text: str, hit: Hit, stop: int) -> bool:
    quoted = _quoted_at(text, hit)
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


def _quoted_list_item(text: str, hit: Hit, stop: int) -> bool:
    quoted = _quoted_at(text, hit)
    if quoted is None:
        return False
    start, end = quoted[0] - 1, quoted[1] + 1  # the quote marks
    if (
        _LIST_ITEM_BEFORE.search(text, max(0, start - 12), start) is not None
        or _LIST_ITEM_AFTER.match(text, end) is not None
    ):
        return True
    close = _close_quote(text, quoted[1])  # (the title read without the string's full stop)
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


def _quoted_beside_words(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    quoted = None if fields.authors or fields.year else _quoted_at(text, hit)
    if quoted is None:
        return False
    line_start = text.rfind("\n", 0, quoted[0]) + 1
    line_end = text.find("\n", quoted[1])
    words = _QUOTED_WORD.finditer(text, line_start, len(text) if line_end < 0 else line_end)
    return any(not quoted[0] - 1 <= word.start() <= quoted[1] for word in words)


# A line that quotes a page of a work: `"Derived Geometric Constants: **R2: ...**" (p131)`.
_QUOTED_PAGE = re.compile(r"[\"“][^\n]*[\"”][ \t]*\((?:p|pg|page)\.?[ \t]*\d+\)[ \t.,;]*$")


def _quotation(text: str, hit: Hit, stop: int) -> bool:
    """A quoted sentence, not a title."""
    if _bare(hit):
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end)
        quoted = _QUOTED_PAGE.search(text, line_start, line_end if line_end >= 0 else len(text))
        if quoted is not None and quoted.start() < hit.start:
            return True
    where = _quoted_at(text, hit)
    if where is None:
        return False
    start = where[0]
    close = _close_quote(text, start)
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
    fields = _fields(hit)
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
    ):
        return True
    # a sentence that speaks, unless a citing phrase names it a work ('the paper "Attention
    # Is All You Need"'); a long one is a passage quoted from the work whatever names it
    # ('from the 2010 paper: "In practice, this algorithm converges better if we ..."')
    title = _fields(hit).title or ""
    return (
        _bare(hit)
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


def _close_quote(text: str, start: int) -> int:
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


def _named_thing(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.authors or fields.venue:
        return False
    where = _quoted_at(text, hit)
    if where is None:
        return False
    start, end = where
    if _NAMED_THING.search(text, max(0, start - 12), start) is None:
        return False
    close = _close_quote(text, end - 1)
    return close >= 0 and _AFTER_NAME.match(text, close) is not None


# A title alone that names a part of a work or of documentation: `"Section 3.2: ..."`,
# `"X" in the reference documentation`, `"X" in :cite:`Key``, `"X" 3.2`, or whose entry is
# elsewhere (`"X" [2]_`).
_PART_FIRST = re.compile(
    r"(?i)(?:sections?|chapters?|appendix|part|§)\s*[\dA-Z.]*\b"
    # a numbered table or figure (`*Table 2 Canon-Log Code Values* table in [1]`); not a book of
    # tables (`Tables of Integrals, Series, and Products`)
    r"|(?:tables?|fig(?:ure)?s?\.?)[ \t]+\d"
)
_PART_AFTER = re.compile(
    r"[\"”'`]*[ \t]*\n?[ \t]*(?:\[\d+\]_?|in\s+(?:the\s+|this\s+|our\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:documentation|docs|manual|guide|tutorial|paper|article|book|readme)\b|"
    r"in\s+:(?:foot)?cite|"
    # a named section of a specification or manual (`"First Words" section of the spec`)
    r"(?:sections?|chapters?)[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?[\w.+-]+(?:[ \t]+[\w.+-]+)?"
    r"[ \t]+(?:documentation|docs|specification|spec|manual|standard|guide)\b|"
    # a section's number after its quoted name (`see paper "Two-way search method" 3.2`)
    r"[ \t]+(?:§[ \t]*)?\d{1,2}(?:\.\d{1,2}){1,3}[ \t]*[.,;)]?[ \t]*(?:\n|$))"
)


# ... or that a word before it calls a part: `the example in "Using the parsed JSON"`, `the
# Notes on "Custom minimizers"`, `the section "Modifying stores"`.
_PART_BEFORE = re.compile(
    r"(?i)\b(?:(?:the\s+)?(?:examples?|sections?|chapters?|notes?|headings?|paragraphs?|"
    r"subsections?|tutorials?)(?:\s+(?:in|on|of|called|titled|entitled))?|see\s+(?:the\s+)?"
    r"(?:section|chapter|heading))\s*[:,]?\s*[\"“'`]+\s*$"
)


_SECTION_NUMBER = re.compile(
    r"(?i)\b(?:sections?|sec\.|chapters?|ch\.|§)\s*\d+(?:\.\d+)*[,;:]?[\s#*/]*[\"“'`]*$"
)


def _part_of(text: str, hit: Hit, stop: int) -> bool:
    if not _bare(hit):
        # `Puterman 2005, Section 3.2, Section 4.6.1` then `"single-product ... control"`:
        # the quote names the section the mention points into
        where = _quoted_at(text, hit)
        return where is not None and _SECTION_NUMBER.search(text, hit.start, where[0]) is not None
    title = _fields(hit).title or ""
    if _PART_FIRST.match(title):
        return True
    where = _quoted_at(text, hit)
    if where is None:
        return False
    if _PART_BEFORE.search(text, max(0, where[0] - 40), where[0]) is not None:
        return True
    close = _close_quote(text, where[1] - 1)
    return close >= 0 and _PART_AFTER.match(text, close) is not None


# A string passed to a call in code quoted in a comment: `LoggingUtil.exception("Out of memory
# in algorithm", e)`, `warn("Data Set Too Small")`, or commented-out code that passes it after
# other arguments (`tokenize(optsvec, "FixedH RecMet SPXYZ")`).
_CALL_BEFORE = re.compile(r"[\w\])}>]\((?:[^()\n\"'`]{0,60},)?\s*[\"'`]\s*$")
_LOG_CALL_BEFORE = re.compile(r"\w[ \t]?\([ \t]*[\"'`][ \t]*\[[^\]\n]{1,60}\][ \t:-]*$")
# A conversion of C's printf inside the "title": a format string (`"Proc %d: offloading ..."`).
_FORMAT_SPEC = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp](?![a-z])")


# ... or a value code gives a name: a keyword argument or an assignment (an example's
# `.plot(title="Thermal Comfort Zones (EN 16798)")`, commented-out `title = "Response plot for "
# + ", ".join(names)`), not an attribute inside an HTML tag (`<a href=... title="...">`).
_NAMED_VALUE_BEFORE = re.compile(r"(?<![\w.:-])[A-Za-z_]\w*[ \t]*=[ \t]*[\"'`][ \t]*$")
_OPEN_TAG = re.compile(r"<[A-Za-z][^<>\n]*$")


def _call_argument(text: str, hit: Hit, stop: int) -> bool:
    if not _bare(hit):
        return False
    if _FORMAT_SPEC.search(_fields(hit).title or hit.title_hint or "") is not None:
        return True
    where = _quoted_at(text, hit)
    if where is not None and _CALL_BEFORE.search(text, max(0, where[0] - 80), where[0]):
        return True
    if where is not None and (
        named := _NAMED_VALUE_BEFORE.search(text, max(0, where[0] - 80), where[0])
    ):
        line_start = text.rfind("\n", 0, named.start()) + 1
        return _OPEN_TAG.search(text, line_start, named.start()) is None
    # a log call's message, its function's name in brackets first: `PCL_WARN ("[compute] The
    # number of points differs ...\n");`
    title = _fields(hit).title or ""
    at = text.find(title.split()[0], hit.start, hit.end) if title.split() else -1
    return at > 0 and _LOG_CALL_BEFORE.search(text, max(0, at - 120), at) is not None


# A title read from prose next to a real author-year: it holds `et al` or `(Yang 1994`
# (another mention), or a `name : type` line of a parameter list.
_MENTION_INSIDE = re.compile(
    r"\bet\.?\s+al\b|^\w+\s*:\s+(?:float|int|str|bool|array|list)\b"
    r"|\(\s*[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?,?\s+(?:1[6-9]|20)\d\d\b"
    # a sentence naming its sources: "tests are based on Dean 1992 and text books"
    r"|\b(?:on|by|are|is|from|see)\s+[A-Z][a-z]{2,}\s+(?:1[6-9]|20)\d\d[a-z]?\b"
)


def _mention_title(text: str, hit: Hit, stop: int) -> bool:
    return _MENTION_INSIDE.search(_fields(hit).title or "") is not None


# A quoted phrase, not a title: it opens with a word in lower case ("not totally silly
# traversal, quickly."); a title in quotes opens with a capital, a digit or a name like
# `k-means++`, or with its method's name before a colon (`"node2vec: Scalable ..."`).
_LOWER_FIRST = re.compile(r"[a-z]+(?:[ \t,.;:]|$)")


def _lower_phrase(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if fields.authors or fields.venue:
        return False
    title = fields.title or ""
    return (
        _quoted_at(text, hit) is not None
        and _LOWER_FIRST.match(title) is not None
        and NAME_COLON_TITLE.match(title) is None
    )


def _bare_lower(text: str, hit: Hit, stop: int) -> bool:
    """A title alone, unquoted, that opens with a word in lower case: a clause of prose
    (`return an "edgeObj", edge object, that is composed of ...`), with no authors, year, venue
    or quotes to say it cites."""
    title = _fields(hit).title or ""
    return (
        _bare(hit)
        and _LOWER_FIRST.match(title) is not None
        and NAME_COLON_TITLE.match(title) is None
        and _quoted_at(text, hit) is None
    )


def _year_inside(text: str, hit: Hit, stop: int) -> bool:
    """A sentence that holds a year ("runs on 1000 points on a 2014 laptop") read as a title
    and that year: nothing but the sentence says it cites."""
    fields = _fields(hit)
    if fields.venue or fields.year is None or not fields.title:
        return False
    if fields.authors and not _all_acronyms(fields.authors):
        return False  # "CEC" in "functions from CEC 2006 competition" is no author
    return any(int(m.group(1)) == fields.year for m in YEAR.finditer(fields.title))


# An author-first entry in prose whose "title" is the sentence after its year: `Coifman and
# Lafon (2006): Then only the geometry ...`, `Wetzels & Wagenmakers, 2012. Integral solving`.
# An entry's title there has a venue, volume or pages after it, or quotes.
_LABEL_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:\.\.\s+)?(?:\[[^\]\n]{1,40}\]_?|\(?\d{1,3}[.)]|[-*•]|<li>)"
    r"[ \t]*$"
)


def _prose_title(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    if not fields.authors or fields.year is None or fields.venue or fields.volume or fields.pages:
        return False
    if _quoted_at(text, hit) is not None or text[max(0, hit.start - 1) : hit.start + 1].strip(
        " \t\n"
    )[:1] in (*_QUOTE_OPEN, "*"):
        # quoted or set off whole: `"Amberg et al. 2007: Optimal Step ..."`, `*du Plessis and
        # Engelbrecht, 2013, Self-Adaptive Environment ...*`
        return False
    if _LABEL_BEFORE.search(text, max(0, hit.start - 60), hit.start) is not None:
        return False  # an entry of a list, not a sentence
    title = fields.title or ""
    if any(_INITIALS.search(a) for a in fields.authors) or _TITLE_SHAPE.match(title):
        # an entry's shape: `Snow, J. (1849). On the Mode ...`, `Anselin and Rey (2014)
        # Modern Spatial Econometrics in Practice`, `(1991), QMR: a quasi-minimal ...`
        return False
    span = text[hit.start : hit.end]
    year = re.search(rf"(?<!\d){fields.year}(?!\d)", span)
    words = title.split()
    at = span.find(words[0]) if words else -1
    # the title right after the year, in the same sentence: "(2006): Then only ..."
    return (
        year is not None and at > year.start() and _GAP.fullmatch(span, year.end(), at) is not None
    )


_INITIALS = re.compile(r"(?:^|[\s,])[A-Z]\.")
# A title in title case (its words of four letters or more capitalized, three words or more),
# or opening with an acronym and a colon.
_TITLE_SHAPE = re.compile(r"[A-Z][A-Za-z0-9-]*:\s|(?=(?:\S+\s+){2})(?!.*\b[a-z][a-z]{3,}\b)[A-Z]")
_GAP = re.compile(r"[a-z]?\)?[ \t]*[.,:;]?[ \t]*\n?[ \t]*")


# A sentence that names the authors at its end, read as the title: "Millimolar concentration
# of respective ion after von Ahsen".
_BEFORE_NAME = frozenset("by of from after see in following".split())  # noqa: SIM905
# ... or after a two-word citing phrase: "Magnitude estimation according to Bakun".
_PHRASE_BEFORE_NAME = frozenset({("according", "to"), ("due", "to"), ("thanks", "to")})


def _names_author(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    title = (fields.title or "").rstrip(" ,.;:")
    for author in fields.authors:
        name = author.split(",")[0].strip()
        if len(name) > 1 and title.endswith((f" {name}'s", f" {name}’s")):
            return True  # the mention's names, run into: "... only for OLS. MacKinnon and White's"
        if len(name) > 1 and title.endswith(" " + name):
            words = title[: -len(name)].split()
            if words and words[-1].lower() in _BEFORE_NAME:
                return True
            if len(words) > 1 and (words[-2].lower(), words[-1].lower()) in _PHRASE_BEFORE_NAME:
                return True
    return False


# A venue read as the title: "Journal of Optimization Theory and Applications", an
# abbreviated journal ("J Mol Graph Mod", "Phys. Rev. Lett.").
_VENUE_TITLE = re.compile(
    r"(?:The\s+)?(?:International\s+)?(?:Journal|Transactions|Proceedings|Annals|Bulletin|"
    r"Communications)\s+(?:of|on)\b.*"
    # a meeting's name: "Proc. ACM/SIGACT-SIAM Symposium on Discrete Algorithms", "International
    # Work-Conference on Artificial Neural Networks"
    r"|(?:Proc\.?\s+|Proceedings\s+of\s+)?(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?:[A-Z][\w/&-]*\s+){0,5}(?:[A-Z][a-z]+-)?(?:Symposium|Conference|Workshop|Congress)\s+on\s+[A-Z].*"
    r"|(?:[A-Z]\.?|[A-Z][a-z]{1,5}\.)(?:\s+[A-Z][a-z]{0,5}\.?){1,5}"
    # what kind of work an entry is, with its school: "Master of Science Thesis, Department of
    # Aeronautics and Astronautics", "PhD dissertation, University of ..."
    r"|(?:Master(?:['’]?s)?(?:\s+of\s+(?:Science|Arts|Engineering))?|Ph\.?\s?D\.?|Doctoral|"
    r"Bachelor(?:['’]?s)?|Diploma)\s+(?:Thesis|Dissertation)\b.*"
)


# A journal's volume and issue, which a title never follows on its line: `Journal of the
# American Statistical Association, March 1994, Vol. 89, No. 425, Theory and Methods` (the
# journal's section).
_ISSUE_BEFORE = re.compile(r"\b(?:Vol(?:ume)?|No|Issue)\.?[ \t]*\d+[ \t]*[,.;:][ \t]*$")


def _after_issue(text: str, hit: Hit, stop: int) -> bool:
    title = _fields(hit).title
    if not title:
        return False
    start = find_spaced(text, title, hit.start, hit.end)[0]
    if start < 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return _ISSUE_BEFORE.search(text, line_start, start) is not None


# A title that is only an edition: `Doviak and Zrnic, Doppler Radar and Weather Observations,
# Second\n Edition, 1993` read with the book's title among the names.
_EDITION_ONLY = re.compile(EDITION)


def _edition_title(text: str, hit: Hit, stop: int) -> bool:
    return _EDITION_ONLY.fullmatch((_fields(hit).title or "").strip(" .,")) is not None


# A statement of code commented out, the hit on its one line: the line ends a statement (`;`,
# an empty body `{ }`) and shows code's own syntax, a stream, a scope, an arrow, a method call
# or an empty call (`aggrcols.Add("Grade 2013");`, `std::cerr << "Overlay success." <<
# std::endl;`, `TQuoteBs() : StrQtIdH(New(Mega(2000), Mega(256))) { }`). An entry's volume and
# issue (`J. Foo 12(3): 1-10;`) is none of these.
_STATEMENT_END = re.compile(r"(?:;|\{[ \t]*\}|\{)[ \t]*$")
_CODE_SIGN = re.compile(r"<<|::|->|\w\.[A-Za-z_]\w*\(|\b[A-Za-z_]\w*\(\)")


def _commented_code(text: str, hit: Hit, stop: int) -> bool:
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.start)
    line_end = len(text) if line_end < 0 else line_end
    if hit.end > line_end:
        return False  # a hit over several lines is no one statement
    line = text[line_start:line_end]
    return _STATEMENT_END.search(line) is not None and _CODE_SIGN.search(line) is not None


# A title read over the items of a `name: description` list (a docstring's `Output:` section,
# `slope: Theil-Sen estimator\n intercept: intercept of the robust line`): it opens after one
# item's lower-case name and runs into the next item's. (`title: ...` and the other fields of a
# citation block are a work's.)
_ITEM_NAME = re.compile(
    r"[ \t]*(?!(?:title|author|authors|journal|booktitle|year|note)\b)[a-z_]\w*:[ \t]"
)


def _field_list_title(text: str, hit: Hit, stop: int) -> bool:
    title = _fields(hit).title
    start = text.find(title.split()[0], hit.start, hit.end) if title else -1
    if start < 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    label = _ITEM_NAME.match(text, line_start)
    if label is None or text[label.end() : start].strip():
        return False
    next_line = text.find("\n", start, hit.end)
    return next_line >= 0 and _ITEM_NAME.match(text, next_line + 1) is not None


# A place in a work read as its title: `see Algorithm 1 of P. Berkhin, A Survey on PageRank
# Computing, ...` gives "Algorithm 1 of P" (the locator and the author's initial). (`Figure 1
# from Batagelj and Zaversnik's paper titled <title>` holds the title: kept.)
_LOCATOR_TITLE = re.compile(
    r"(?:Algorithm|Section|Chapter|Theorem|Lemma|Proposition|Corollary|Definition|Equation|Eq\.?|"
    r"Figure|Fig\.|Table|Appendix|Example|Exercise|Step)\s+[\dIVX]+(?:\.\d+)*[a-z]?\s+(?:of|in)\b.*"
)


def _locator_title(text: str, hit: Hit, stop: int) -> bool:
    return _LOCATOR_TITLE.fullmatch((_fields(hit).title or "").strip(" .,")) is not None


# A path of a site or a document tree, quoted as where to read on: `(see "Tutorials/Causal
# Discovery/CD Overview")`. Two slashes between words; one is a title's ("Input/Output").
_PATH_TITLE = re.compile(r"[^\s/]/[^\s/][^/]*[^\s/]/[^\s/]")


def _path_title(text: str, hit: Hit, stop: int) -> bool:
    title = _fields(hit).title or hit.title_hint or ""
    return _bare(hit) and _PATH_TITLE.search(title) is not None


# A "title" that is one web address or path, the quoted `href` of a link read as a title
# (`<a href="http://www.example.edu/~lind/PS75.pdf"><em>Title</em></a>`), whatever is around it.
_ADDRESS_TITLE = re.compile(r"(?:www\.|[a-z][a-z+.-]*://)?[^\s/]+(?:/[^\s/]*)+|www\.\S+")


def _address_title(text: str, hit: Hit, stop: int) -> bool:
    title = (_fields(hit).title or "").strip()
    return bool(title) and _ADDRESS_TITLE.fullmatch(title) is not None


# An institution named after a report's number, read as a title with nothing around it:
# `Technical Report CES-487, The School of Computer Science and Electronic Engineering,\n
# University of Essex`.
_INSTITUTION_TITLE = re.compile(
    r"(?:The\s+)?(?:School|Department|Dept\.|Faculty|Institute|University|College|"
    r"Laboratory|Centre|Center|Division)\s+(?:of|for)\s"
)


def _institution_title(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    title = fields.title or hit.title_hint or ""
    if not fields.authors and fields.year is None and _INSTITUTION_TITLE.match(title) is not None:
        return True
    # ... or a list of institutions alone, whatever was read around it as names, as a vendored
    # routine's header credits them above its date (`Univ. of California Berkeley, Xerox Palo
    # Alto Research Center,\n and Lawrence Berkeley National Lab.\n October 15, 2003`)
    parts = [p for p in _LIST_PARTS.split(title.strip(" .")) if p]
    return len(parts) >= 2 and all(_INSTITUTION.fullmatch(p) is not None for p in parts)


_LIST_PARTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# One institution's name: its words, ending in what it calls itself, or opening with a
# university (`Univ. of Tennessee`, `University of Colorado Denver`).
_INSTITUTION = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){0,6}(?:Center|Centre|Lab|Labs|Laboratory|Laboratories|University|"
    r"Institute|Corporation|Corp\.?|Inc\.?|Ltd\.?|Department|College|Foundation|Agency)"
    r"|(?:The\s+)?(?:Univ\.|University)\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)


# An author's affiliation read as the title: `code developed by A. Lind, Oxford-Man Institute of
# Quantitative Finance, and published in GPU Computing Gems, volume 2, 2010` names the work by
# its author, venue and year; the mention is theirs.
_AFFILIATION = re.compile(
    _INSTITUTION.pattern
    + r"|(?:[A-Z][\w.&'’-]*\s+){0,4}(?:Institute|University|Laboratory|Centre|Center|School|"
    r"College|Department)\s+(?:of|for)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&))*"
)
_LIST_TAIL = re.compile(
    r"[\s,.;]*(?:\b(?:and|&)\s*)?(?:\b(?:published|appeared|presented)\s+in\b.*)?$", re.DOTALL
)


def _affiliation_title(text: str, hit: Hit, stop: int) -> bool:
    fields = _fields(hit)
    title = _LIST_TAIL.sub("", fields.title or "")
    return bool(fields.authors) and _AFFILIATION.fullmatch(title) is not None


# Where an author works, read as the title: `G. Lind, Depto. de Informatica, Universidad Jaime
# I, Spain.` (a department and a university together name no work).
_DEPARTMENT = re.compile(r"\b(?:Dept|Depto|Department|Departamento|D[ée]partement|Faculty)\b")
_UNIVERSITY = re.compile(
    r"\b(?:Univ|University|Universidad|Universit[àäé]t?|Universidade|Universiteit|Institute|"
    r"Instituto|Laboratory|Lab)\b"
)
# ... or what the entry says the code did, read as the work's title: `[1] A Level 3 BLAS QR
# factorization algorithm with column pivoting developed in 1996.` (the title comes later)
_DEVELOPED_IN = re.compile(
    r"\b(?:developed|written|implemented|designed|coded)\s+in\s+(?:1[6-9]|20)\d\d$"
)


def _affiliation_line_title(text: str, hit: Hit, stop: int) -> bool:
    title = _fields(hit).title or ""
    department = _DEPARTMENT.search(title)
    return bool(
        (department and (_UNIVERSITY.search(title) or department.end() >= len(title) - 1))
        or _DEVELOPED_IN.search(title)
    )


def _venue_title(text: str, hit: Hit, stop: int) -> bool:
    title = (_fields(hit).title or "").strip(" .,")
    return _VENUE_TITLE.fullmatch(title) is not None or _spelled_acronym(text, hit, title)


# A name spelled out before its acronym in brackets is a venue's or a body's, not a work's
# title: "Computer Vision and Pattern Recognition (CVPR), 2020" under an entry's authors.
_ACRONYM_AFTER = re.compile(r"(?P<word>[\w-]+)[ \t]*\((?P<acronym>[A-Z]{3,8})\)")
_MINOR_WORDS = frozenset("and of on for in the to".split())  # noqa: SIM905


def _spelled_acronym(text: str, hit: Hit, title: str) -> bool:
    words = title.split()
    if len(words) < 3 or any(not w[0].isupper() for w in words if w not in _MINOR_WORDS):
        return False
    initials = "".join(w[0] for w in words if w not in _MINOR_WORDS)
    return any(
        after["word"] == words[-1] and after["acronym"] == initials
        for after in _ACRONYM_AFTER.finditer(text, hit.start, min(len(text), hit.end + 40))
    )


# A book's place of publication and its publisher, read as its title: `New York: Wiley`.
_PLACE_PUBLISHER = re.compile(
    r"(?P<place>[A-Z][\w .]{2,30}?)(?:,[ \t]*[A-Z]{2})?[ \t]*:[ \t]*\S[^:]{0,50}"
)


# ... or the publisher alone, perhaps with its city: `Atlantic Financial Press London`.
_PUBLISHER_ALONE = re.compile(PRESS + r"(?:[ \t]+[A-Z][a-z]+)?")


def _publisher_title(text: str, hit: Hit, stop: int) -> bool:
    title = " ".join((_fields(hit).title or "").split()).strip(" .,")
    match = _PLACE_PUBLISHER.fullmatch(title)
    return (match is not None and match["place"] in PLACES) or _PUBLISHER_ALONE.fullmatch(
        title
    ) is not None


VETOES: tuple[Veto, ...] = (
    # first: the names it holds are the mention's, which the acronym test then reads
    Veto("mention-in-title", _mention_title, title_only=True),
    Veto("nameless-mention", _nameless),
    Veto("encyclopedia", _encyclopedia),
    Veto("standard", _standard),
    Veto("dataset", _dataset),
    Veto("web-page", _web_page),
    Veto("not-a-work", _not_work_title),
    Veto("code-repository", _code_repository),
    Veto("forum", _forum),
    Veto("message-subject", _message_subject),
    Veto("blog", _blog),
    Veto("code-credit", _code_credit),
    Veto("code-author", _code_author),
    Veto("talk", _talk),
    Veto("talk-file", talk_link),
    Veto("retrieved-page", retrieved_page),
    Veto("personal-communication", personal_communication),
    Veto("venue-editors", venue_editors),
    Veto("software-file", software_file),
    Veto("talk-link-text", _talk_link_text),
    Veto("publisher-as-author", _publisher_as_author),
    Veto("body-as-author", _body_as_author),
    Veto("date", _date),
    Veto("product-year", _product_year),
    Veto("acronym", _acronym),
    Veto("glued-year", _glued_year),
    Veto("count", _count),
    Veto("year-edition", _year_edition),
    Veto("versioned", _versioned),
    Veto("bibtex-field", _bibtex_field),
    Veto("product-model", _product_model),
    Veto("dataset-name", _dataset_name),
    Veto("named-with-year", named_with_year),
    Veto("verb-first", _verb_first, title_only=True),
    Veto("passive-sentence", _passive_sentence, title_only=True),
    Veto("quotation", _quotation, title_only=True),
    Veto("quoted-list-item", _quoted_list_item, title_only=True),
    Veto("quoted-beside-words", _quoted_beside_words, title_only=True),
    Veto("image-caption", _image_caption, title_only=True),
    Veto("eponym-name", _eponym_name, title_only=True),
    Veto("named-thing", _named_thing, title_only=True),
    Veto("part-of", _part_of, title_only=True),
    Veto("call-argument", _call_argument, title_only=True),
    Veto("venue-as-title", _venue_title, title_only=True),
    Veto("locator-as-title", _locator_title, title_only=True),
    Veto("path-as-title", _path_title),
    Veto("address-as-title", _address_title, title_only=True),
    Veto("institution-as-title", _institution_title),
    Veto("affiliation-as-title", _affiliation_title, title_only=True),
    Veto("department-as-title", _affiliation_line_title, title_only=True),
    Veto("commented-code", _commented_code),
    Veto("edition-as-title", _edition_title, title_only=True),
    Veto("publisher-as-title", _publisher_title, title_only=True),
    Veto("after-issue", _after_issue, title_only=True),
    Veto("lower-case-phrase", _lower_phrase, title_only=True),
    Veto("lower-case-clause", _bare_lower, title_only=True),
    Veto("year-inside-title", _year_inside, title_only=True),
    Veto("prose-after-mention", _prose_title, title_only=True),
    Veto("markup-inside-title", markup_inside_title, title_only=True),
    Veto("prose-after-emphasized-mention", prose_after_emphasized_mention, title_only=True),
    Veto("title-in-mid-sentence", title_in_mid_sentence, title_only=True),
    Veto("definition-in-list-item", definition_in_list_item, title_only=True),
    Veto("sentence-names-author", _names_author, title_only=True),
    Veto("lead-in-line", _lead_in, title_only=True),
    Veto("title-over-list-items", _field_list_title, title_only=True),
)
