"""Vetoes of the source: an encyclopedia, a data set, a web page, a standard, a manual, a code
repository, a forum, a blog or a talk is cited, not a paper."""

from __future__ import annotations

import re

from scanner.identifiers.paperlinks import is_talk_or_teaching
from scanner.identifiers.records import is_standard_doi
from scanner.titles.vetoes.base import fields_of
from scanner.titles.vetoes.quotes import quoted_at
from scanner.types import Hit

# --- An encyclopedia or a web page ----------------------------------------------------

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


def encyclopedia(text: str, hit: Hit, stop: int) -> bool:
    """An encyclopedia or a web page: `Weisstein, Eric W. "X." From MathWorld`, `"X."
    Wikipedia, The Free Encyclopedia`, `"X" in https://en.wikipedia.org/...`. The rest of an
    entry counts only when it has no venue or year of its own (a paper's entry may end with
    a link to an encyclopedia for background)."""
    if _ENCYCLOPEDIA.search(text, hit.start, hit.end) is not None:
        return True
    if _WEB_PAGE_BEFORE.search(text, max(0, hit.start - 40), hit.start) is not None:
        return True
    fields = fields_of(hit)
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


def dataset(text: str, hit: Hit, stop: int) -> bool:
    """A data set cited as if a paper (`Fisher, R. A. Iris Data Set. UCI Machine Learning
    Repository, 1988.`, `Kohavi, R. (1996). UCI Adult dataset.`, `Data from: Dua, D. and
    Graff, C. (2019). UCI ...`), or the key of a data repository's entry."""
    title = (fields_of(hit).title or "").strip(" .,;")
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


def web_page(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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
# A standard's number where a mention's year stands: `Deflate (RFC 1951)`, `C (ISO 9899)`.
_NUMBER_AS_YEAR = re.compile(r"\b(?:RFC|ISO|IEC|ECMA)[ \t-]*(?P<number>\d{4})\b")
_DOI_IN_ENTRY = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>]+")


def standard(text: str, hit: Hit, stop: int) -> bool:
    """A standard read as a title (`IEEE Standard for Floating-Point Arithmetic`, `IEEE Std
    1003.1`), or an entry whose DOI is a standards body's (`10.1109/IEEESTD.2008.4610935`): the
    DOI reader drops that DOI as naming no paper, and the title it ends names none either."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    entry = text[line_start : hit.end] + _entry_rest(text, hit, stop)
    if _STANDARD_NAME.search(entry) is not None:
        return True
    if _RFC_BEFORE.search(text, line_start, hit.start) is not None:
        return True  # `As defined in RFC 3986, Uniform Resource Identifier ... (2005)`
    year = fields_of(hit).year
    if year is not None and any(
        int(number["number"]) == year
        for number in _NUMBER_AS_YEAR.finditer(text, hit.start, hit.end)
    ):
        return True  # `the Deflate (RFC 1951) format`: a standard's number, not a year
    if _STANDARD_BEFORE.search(text, max(0, hit.start - 30), hit.start) is not None:
        return True  # `the OGC 08-015r2/ISO-19111 standard "Geographical Information -- ..."`
    if hit.title_hint and (
        _STANDARD_TITLE.match(hit.title_hint) or _STANDARD_IN_TITLE.search(hit.title_hint)
    ):
        return True
    # ... or read as an author: `[World Geodetic System 1984](...)` as an author-year
    if any(_STANDARD_IN_TITLE.search(name) for name in fields_of(hit).authors):
        return True
    dois = (doi.group().lower().rstrip(".,;:)]") for doi in _DOI_IN_ENTRY.finditer(entry))
    return any(is_standard_doi(doi) for doi in dois)


# What a title of something other than a paper or a book says of itself: a manual (but
# "The Algorithm Design Manual" is a book), a software version, lecture notes (but `Lecture
# Notes in Computer Science` is a series that publishes papers), slides, a course.
# A manual's title (`User's Manual`, `Users' Guide`, `Users Manual`), and a solver's manuals
# issued as reports ("User Documentation for CVODE v7.5.0", "Example Programs for CVODE v7.5.0").
_MANUAL = (
    r"\b(?:training|reference|user(?:s|['’]s|s['’])?|programmer['’]?s|software|technical|"
    r"installation|instruction|operator['’]?s|operating|owner['’]?s|service)\s+manual\b|"
    r"\buser(?:s|['’]s|s['’])?\s+guide\b|"
    r"\buser(?:s|['’]s)?\s+documentation\b|\bexample\s+programs\s+for\b"
)
MANUAL_TITLE = re.compile(f"(?i:{_MANUAL})")
NOT_WORK_TITLE = re.compile(
    rf"(?i:{_MANUAL}|"
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
    r"\bstata\s+modules?\b|"
    # R itself, as its authors ask it cited ("R: A language and environment for statistical
    # computing", R Core Team)
    r"\blanguage\s+and\s+environment\s+for\s+statistical\s+computing\b)"
    r"|\b(?i:optimi[sz]ation|modell?ing|software|solver)\s+(?i:suite|studio)\b"
)
# Who writes manuals: "Manual, CPLEX User's" read as an author.
_NOT_AUTHOR = re.compile(r"(?i)\bmanual\b|\busers?['’]s?\b")


def not_work_title(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    title = fields.title or hit.title_hint or ""
    return NOT_WORK_TITLE.search(title) is not None or any(
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


def code_repository(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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


def forum(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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


def message_subject(text: str, hit: Hit, stop: int) -> bool:
    quoted = quoted_at(text, hit)
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


def blog(text: str, hit: Hit, stop: int) -> bool:
    rest = _entry_rest(text, hit, len(text))
    below = _LINK_BELOW.match(text, hit.end + len(rest))
    links = _LINK.findall(text[hit.start : hit.end] + rest + (below.group() if below else ""))
    if not links:
        return False
    if all(_DATED_POST_LINK.match(link) for link in links):
        # a dated post's only links say what it is, whatever the entry's "venue" (often its
        # author's name read as one: `["Title", Kowalczyk A., 2017](<dated permalink>)`)
        return True
    return not fields_of(hit).venue and all(_BLOG_LINK.match(link) for link in links)


# --- A talk, slides or teaching notes ---------------------------------------------------

# A talk at a conference that publishes none (`(Salvi, GDC 2016)`), or said to be a talk.
_TALK = re.compile(r"\bGDC\b|(?i:\bgame\s+developers\s+conference\b|\btalk\b|\bkeynote\b)")


def talk(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.title:
        return False  # an entry: its title and venue decide (`not_work_title`)
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


def talk_link_text(text: str, hit: Hit, stop: int) -> bool:
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
