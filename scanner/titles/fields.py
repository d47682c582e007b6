"""Patterns for the bibliographic fields of an entry: year, venue cues, volume, pages, quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from scanner.titles.cues import KEY_TAGS, YEAR_DIGITS
from scanner.titles.publishers import JOURNAL_HOUSES

MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "  # noqa: SIM905
    "july august september october november december".split()
)

# A publication year: not part of a longer number, a version (2.2019), a date (2019-05) or a range.
YEAR = re.compile(rf"(?<![\w./:-])({YEAR_DIGITS})[a-z]?(?![\w/-]|\.\d|:\d)")
PAREN_YEAR = re.compile(rf"\(\s*(?:[A-Z][a-z]{{2,8}}\.?\s+)?({YEAR_DIGITS})[a-z]?\s*\)")
VENUE_CUE = re.compile(
    r"(?:\b(?:[Ii]n\s*:|In\s+(?=[A-Z])|Proc\b|Proceedings|Journal|J\.|Trans\b|Transactions|"
    r"Conference|Conf\b|Symposium|Workshop|Annals|Ann\.|Review|Letters|Lett\.|Comm\b|"
    r"Communications|Bulletin|Magazine|ACM|IEEE|SIAM|Springer|Elsevier|Wiley|preprint|"
    r"Press|Thesis|thesis|Report|Vol\b|vol\b|Volume|pp\b|pp\.|pages|Math\b|Softw|Stat\b|"
    r"NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|AAAI|IJCAI|KDD|SIGGRAPH|SIGMOD|VLDB|Eurographics|"
    r"Biometrika|Econometrica|Science|Nature|arXiv|Publishers?|Verlag|Univ|"
    r"Chapman|CRC|Addison|Prentice|McGraw|Dover|Kluwer|Birkh(?:ä|a)user|Pearson|"
    r"Numerische|Zeitschrift|Annalen|Acta|Revue|Rivista|Giornale|Comptes)\b)"
)
# A book's edition: "second edition", "3rd ed.", "6th edn".
VOLUME = re.compile(
    r"\b(?:[Vv]ol(?:ume|\.)?\s*(\d+)|(\d{1,4})\s*\(\s*\d{1,4}\s*\)|(\d{1,4})\s*:\s*\d+\s*[-–]+)"
)
PAGES = re.compile(
    r"(?:\bp{1,2}\.?\s*|\bpages\s+|:\s*)(\d+\s*[-–—]+\s*\d+)|\b(\d{2,5}[-–—]{1,2}\d{2,5})\b"
)
# A journal's name in capitalised words and the small words between them (`Data Mining and
# Knowledge Discovery`): read after a title's last comma or full stop.
JOURNAL_WORDS = r"[A-Z][\w&'’.-]*(?:[ \t\n]+(?:[A-Z][\w&'’.-]*|of|and|on|for|in|the|&)){0,8}"
# Quoted strings: straight, curly, TeX and reST-literal quotes. Titles span lines at most.
QUOTED = re.compile(
    r"\"(?P<a>[^\"\n]{3,300}(?:\n[^\"\n]{1,300}){0,3})\""
    r"|“(?P<b>[^”]{3,400})”"
    r"|``(?P<c>[^`']{3,400})''"
    # two apostrophes each side, TeX's closing quote written at both ends, the entry going on
    # after it on its line (`''Title,'' Authors, Venue`; a line of prose is quoted that way too)
    r"|(?<![\w'])''(?P<f>[A-Z0-9][^'\n]{3,300}(?:\n[^'\n]{1,300}){0,3})''(?=[ \t]+[A-Za-z])"
    r"|(?<![\w'])'(?P<d>[A-Z0-9][^'\n]{3,300})'(?!\w)"
    r"|«[ \t\xa0]*(?P<e>[^»]{3,400}?)[ \t\xa0]*»"  # French quotes: « Titre »
)
# A title that opens with its method's name in lower case before a colon, a form paper titles
# in machine learning often take: `kmeans++: The Advantages of Careful Seeding`, `node2vec:
# Scalable Feature Learning for Networks`, `wav2vec 2.0: A Framework for ...`.
# (three words at least after the colon: `"id: The Value"` is a field)
NAME_COLON_TITLE = re.compile(r"[a-z][\w+.-]*(?:[ \t][\d.]+)?:[ \t]+[A-Z]\S*(?:[ \t]+\S+){2}")
# A citing word and two authors' surnames right before a quoted title (`See e.g. Crandall &
# Pomerance, "Prime Numbers"`), or one author written out by a given name or initials and a
# comma (`Formula from Raymond Lind, "Principles of Tidal Climate"`, `see R. Lind, "..."`: the
# names before the quotes, as `"Title" by Raymond Lind` after them), read in the `NAMES_REACH`
# characters before the quote by the detector and by the quote gate.
CITED_FROM_NAMES = (
    r"(?:(?i:\b(?:see|cf\.?)\s+(?:e\.\s?g\.,?\s+)?)"
    r"(?P<names>[A-Z][\w'’-]+\s+(?:and|&)\s+[A-Z][\w'’-]+),?"
    r"|(?i:\b(?:see|cf\.?|from)\s+)"
    r"(?P<name>(?:[A-Z]\.[ \t]?){1,3}[A-Z][a-z][\w'’-]*"
    r"|[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]?)?[A-Z][a-z][\w'’-]*),)\s*$"
)
NAMES_REACH = 60
# Markdown emphasis around a title right after its authors (rustdoc, Markdown docs):
# `Cordella, Foggia; *A (Sub)Graph Isomorphism Algorithm ...*`. Only there: emphasis in
# prose marks words, not titles.
# (a title may open with a letter in lower case before a hyphen or a capital: `*p-values for
# high-dimensional regression*`, `*mRNA decay in yeast*`)
EMPHASIZED = re.compile(
    r"(?<![*\w])\*(?P<f>(?:[A-Z]|[a-z](?=-|[A-Z]))[^*\n]{3,200}(?:\n[^*\n]{1,200}){0,2})\*(?![*\w])"
    # ... or in Markdown's underscores: `_Navigating Intrinsic Triangulations_`
    r"|(?<![_\w])_(?P<u>[A-Z][^_\n]{3,200}(?:\n[^_\n]{1,200}){0,2})_(?![_\w])"
)


def run_in_venue(loose: bool) -> str:
    """A pattern for a venue written straight after a title with no full stop between ("...
    Flowgraph ACM Transactions on ...", "... environment Journal of ..."): where a title that
    ran on ends. The rules, cutting an unquoted title as they read it, stop only at journal
    forms; `loose` also takes conferences and a year before the venue, for trimming a title
    the tagger has already labelled."""
    year = r"(?:(?:1[6-9]|20)\d\d\s+)?" if loose else ""
    kinds = r"Trans|J\b|Journal|Comm" + (r"|Conf|Int" if loose else "")
    return (
        r"(?<!ACM)(?<!IEEE)(?<!SIAM)(?<!\s)\s+(?=" + year + r"(?:ACM|IEEE|SIAM)\s+(?:" + kinds + ")"
        r"|(?:Journal|Proceedings|Communications|Transactions|Annals) (?:of|on)\b"
        # (`Proc of`, `Proc. of` broken over a line: `... inertia weights Proc\n of Congress`)
        r"|Proc\.?\s+of\b)"
    )


CODE_CHARS = re.compile(
    r"\bhttps?:|\bwww\.|[=<>{}\[\]|\\#@$]|\(\)|\w\(|::|->|\w\.\w+\(|%[sd]|\.py\b|"
    # a slash, but not a ratio's between digits: "An 11/6-Approximation Algorithm for ..."
    r"(?<!\d)/|/(?!\d)"
)


# A venue is never an identifier (`arXiv preprint arXiv:1412.6980`, `PMC 3604768. PMID`)...
_VENUE_IDENTIFIER = re.compile(
    r"\b(?:(?i:arxiv|doi):|https?://|PMID\b|PMC\s*\d)|\b10\.\d{4,9}/|\b\d{4}\.\d{4,5}\b"
)
# ...nor one of its cue words alone ("Press", "Volume", "Proc"), the letter of a series
# without its journal ("Review E"), a publisher's generic part ("University Press", "Report
# No"), or the editors of a collection ("A. Bonato and F. Chung (Eds)"): those are evidence
# of an entry, not its venue.
_VENUE_FRAGMENT = re.compile(
    r"(?:[Vv]ol(?:ume)?|pp|pages|Press|Review|Letters|Report(?:\s+No)?|Thesis|thesis|Journal|"
    r"Proc|Proceedings|Conference|Transactions|Trans|Publishers?|Univ|University(?:\s+Press)?|"
    r"Math|Stat|Comm|Softw|Verlag|Series|(?:Review|Letters)\s+[A-Z])\.?"
    r"|.*\(\s*[Ee]ds?\.?\s*\)"
)


# A field after the name: "Physical Reports Volume", "John Wiley & Sons. p" (of "p. 126"),
# "Front. Psychol. 4" (its volume; a year stays: "ICML 2017"), "Press. June" (a month).
_TRAILING_FIELD = re.compile(
    r"[\s,.]+(?:[Vv]ol(?:ume)?|Issue|No|pp?)\.?$|(?<=[A-Za-z.])\s+(?!(?:1[6-9]|20)\d\d$)\d{1,4}$"
    r"|\s*[:,]\s*\d+\s*[-–]+\s*\d+$"  # its pages: "ESCAPE19:925-930"
    r"|[\s,.]+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$"
)
# A report's number is its identifier, not its venue: "Report No. RE-TR-70-17".
_REPORT_NUMBER = re.compile(r"[\s,]+(?:No\.?|Number|#)\s*[A-Z./-]*\d[\w./-]*$")
_REPORT_FIRST = re.compile(r"^(?:Technical\s+)?Report\s+No\.?\s*[A-Z./-]*\d[\w/-]*[.,]\s+(?=[A-Z])")
# The publisher after a journal's name: "Reliability Engineering and System Safety, Elsevier".
_TRAILING_PUBLISHER = re.compile(r"(?<=\w),\s*" + JOURNAL_HOUSES + r"[\w .&-]*$")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,5}\.\s")


@lru_cache(maxsize=1024)
def clean_venue(venue: str | None) -> str | None:
    """`venue` as a name: whitespace collapsed, without the punctuation and emphasis marks
    around it (`*Information Processing Letters*`, reST's backquotes) or an identifier after
    it; None when markup is left inside (a role: "doc:`scipy:...`") or when
    nothing of a venue is left (see `_VENUE_FRAGMENT`)."""
    if not venue:
        return None
    ident = _VENUE_IDENTIFIER.search(venue)
    name = " ".join(venue[: ident.start() if ident else len(venue)].split()).strip(" ,:;*_`")
    name = name.lstrip(".`").strip()
    name = _REPORT_FIRST.sub("", name)  # the institution after it is the venue
    name = _TRAILING_FIELD.sub("", _TRAILING_PUBLISHER.sub("", _REPORT_NUMBER.sub("", name)))
    closed = _closed(name)
    if closed is None:
        return None
    name = closed
    if name.endswith(".") and not _ABBREVIATION.search(name, 0, name.rfind(" ") + 1):
        name = name[:-1]  # a sentence's end; an abbreviated name keeps it: "Math. Softw."
    if len(name) < 3 or _VENUE_FRAGMENT.fullmatch(name) or "`" in name:
        return None  # a backquote is markup or code: "doc:`scipy:tutorial/optimize`"
    return name


def _closed(name: str) -> str | None:
    """`name` without a closing bracket it never opened at its end ("Northeastern
    University)"); None when one stands inside it: the reader started inside a bracket, in
    prose or another field ("STAMP) algorithm and MASS", "Research Report] RR-7751")."""
    depth = 0
    for at, char in enumerate(name):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return name[:at].rstrip(" ,.;:") if at == len(name) - 1 else None
    return name


# Meetings and journals cited by their acronym beside the authors and year ("Joao Gama SBIA
# 2004", "Runge NeurIPS 2021", "Agrawal, Goyal, ICML 2013"), written in capitals.
MEETINGS = frozenset(
    [tag.upper() for tag in KEY_TAGS if tag not in ("phd", "thesis", "tro", "ivc")]
    + "SBIA ECML PKDD KDD ICDM SDM AAAI IJCAI ICDE VLDB SIGMOD CIKM WSDM ACL NAACL EMNLP".split()  # noqa: SIM905
    + "COLING UAI AISTATS COLT STOC FOCS SODA ICALP SOCG NEURIPS SIGGRAPH ICASSP".split()  # noqa: SIM905
    + "INTERSPEECH MICCAI WACV CEC GECCO PPSN ICPR ICIP SIGIR".split()  # noqa: SIM905
)


# What a person's name never holds: a venue's or an institution's words ("Information
# Processing Letters", "York University", "SAS Institute"), a journal's abbreviated word read as
# a surname ("Amer. J. Soc.", "Phys. Rev."), digits.
_NOT_A_PERSON = re.compile(
    r"\b(?:Letters|Journal|Proceedings|Transactions|Conference|Symposium|Workshop|Surveys|"
    r"Review|Reports|University|Universit[éy]|Department|Institute|Laboratory|Society|Inc|Ltd|"
    r"Corporation|Foundation)\b|\d"
    r"|^(?:Amer|Phys|Rev|Proc|Trans|Comput|Lett|Soc|Natl|Acad|Sci|Ann|Math|Stat)\.?$"
    # a journal abbreviated after its publisher or as `J.` and an acronym (`SIAM J Numer
    # Anal`, `J. ACM`)
    r"|\b(?:ACM|SIAM|IEEE|AIAA|ASME|IMA|AMS|SPIE)\b|^J\.?[ \t]+[A-Z]{2,}$"
    r"|^[A-Z]{2,}s$"  # an acronym's plural (`IAOs, JPCA 128, 8570 (2024)`)
    # a conference's acronym read as the last author (`Agrawal, Goyal, ICML 2013`)
    r"|^(?:NeurIPS|Interspeech|" + "|".join(sorted(MEETINGS)) + r")$"
)


def is_person(author: str) -> bool:
    """Whether an author read from an entry can be a person's name."""
    return _NOT_A_PERSON.search(author.strip()) is None


@lru_cache(maxsize=1024)
def first_year(text: str) -> int | None:
    """The first publication year in `text`, or None."""
    for match in YEAR.finditer(text):
        if year_after_page(text, match.end(1)) is None:
            return int(match.group(1))
        # a page, then the year in brackets (`JPCL 3, 2039 (2012)`): the next one is the year
    return None


def year_after_page(text: str, end: int) -> int | None:
    """The year in brackets right after a number that ends at `end` of `text` and follows a
    volume (`JPCL 3, 2039 (2012)`): that number is a page, the bracketed one the year."""
    match = _PAGE_BEFORE_YEAR.match(text, end)
    if match is None or _VOLUME_BEFORE.search(text, max(0, end - 44), end - 4) is None:
        return None
    return int(match["year"])


_PAGE_BEFORE_YEAR = re.compile(rf"[ \t]*\((?P<year>{YEAR_DIGITS})\)")
_VOLUME_BEFORE = re.compile(r"\d[ \t]*[,:][ \t]*$")


@lru_cache(maxsize=1024)
def volume_of(text: str) -> str | None:
    """The volume number in `text` ("Vol. 26", "38(3)", "17:98-111"), or None."""
    match = VOLUME.search(text)
    return next((g for g in match.groups() if g), None) if match else None


@lru_cache(maxsize=1024)
def pages_of(text: str) -> str | None:
    """The page range in `text` ("pp. 363-372", ":651-675"), normalized to `first-last`: the
    first one labelled as pages, else the first bare one that is not a range of days
    (`October 13-17, 2019, ... (pp. 636-644)`) or years."""
    bare = None
    for match in PAGES.finditer(text):
        value = match.group(1) or match.group(2)
        first, last = re.split(r"\s*[-–—]+\s*", value)
        if YEAR.fullmatch(first) and YEAR.fullmatch(last):
            continue  # a range of years, not pages
        if match.group(1):
            return f"{first}-{last}"
        if bare is None and not _MONTH_BEFORE.search(text, 0, match.start()):
            bare = f"{first}-{last}"
    return bare


_MONTH_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(sorted(MONTHS)) + r")\.?)[ \t]*$")


def find_spaced(text: str, phrase: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """The span of `phrase` in `text[start:end]` where any run of whitespace in it may be any
    other run, or (-1, -1). Titles and venues are reported with their whitespace collapsed,
    while the text still has the line breaks and comment indentation of a wrapped entry."""
    # What searching for the words joined by `\s+` finds, without compiling a pattern for each
    # title: the first place where the first word is followed by each next one after a run
    # of whitespace.
    words = phrase.split()
    if not words:
        return -1, -1
    end = len(text) if end is None else min(end, len(text))
    at = text.find(words[0], start, end)
    while at >= 0:
        to = _spaced_end(text, words, at + len(words[0]), end)
        if to >= 0:
            return at, to
        at = text.find(words[0], at + 1, end)
    return -1, -1


def _spaced_end(text: str, words: list[str], pos: int, end: int) -> int:
    """Where `words[1:]` end when each follows a run of whitespace from `pos`, or -1."""
    for word in words[1:]:
        gap = pos
        while gap < end and text[gap].isspace():
            gap += 1
        if gap == pos or not text.startswith(word, gap, end):
            return -1
        pos = gap + len(word)
    return pos
