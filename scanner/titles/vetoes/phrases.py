"""Vetoes of a title that is other text of its place: a part of a work, a call's argument,
prose, a locator, a path or an address, commented-out code."""

from __future__ import annotations

import re

from scanner.titles.cues import EDITION
from scanner.titles.fields import NAME_COLON_TITLE, YEAR, find_spaced
from scanner.titles.vetoes.base import fields_of, is_bare
from scanner.titles.vetoes.dates import all_acronyms
from scanner.titles.vetoes.quotes import QUOTE_OPEN, close_quote, quoted_at
from scanner.types import Hit

# A title alone that names a part of a work or of documentation: `"Section 3.2: ..."`,
# `"X" in the reference documentation`, `"X" in :cite:`Key``, `"X" 3.2`, or whose entry is
# elsewhere (`"X" [2]_`).
_PART_FIRST = re.compile(
    r"(?i)(?:sections?|chapters?|appendix|part|§)\s*[\dA-Z.]*\b"
    # a numbered table or figure (`*Table 2 Canon-Log Code Values* table in [1]`); not a book of
    # tables (`Tables of Integrals, Series, and Products`)
    r"|(?:tables?|fig(?:ure)?s?\.?)[ \t]*\d"
)
# ... and with authors, a numbered table, figure or equation where the title would stand
# (`Lind & Moss (2019) Table2` over `Corrections for Vega`): the place in the work the mention
# points into. (A part or chapter may open a real title: `Part I: Foundations of ...`.)
# Unless the words go on to the title (`Figure 1 from Lind and Moss's paper titled <title>`).
_LOCATOR_FIRST = re.compile(
    r"(?i)(?:tables?|fig(?:ure)?s?\.?|eqs?\.|equations?)[ \t]*\(?\d(?!.*\b(?:en)?titled\b)", re.S
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


def part_of(text: str, hit: Hit, stop: int) -> bool:
    if not is_bare(hit):
        if _LOCATOR_FIRST.match(fields_of(hit).title or ""):
            return True
        # `Puterman 2005, Section 3.2, Section 4.6.1` then `"single-product ... control"`:
        # the quote names the section the mention points into
        where = quoted_at(text, hit)
        return where is not None and _SECTION_NUMBER.search(text, hit.start, where[0]) is not None
    title = fields_of(hit).title or ""
    if _PART_FIRST.match(title):
        return True
    where = quoted_at(text, hit)
    if where is None:
        return False
    if _PART_BEFORE.search(text, max(0, where[0] - 40), where[0]) is not None:
        return True
    close = close_quote(text, where[1] - 1)
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


def call_argument(text: str, hit: Hit, stop: int) -> bool:
    if not is_bare(hit):
        return False
    if _FORMAT_SPEC.search(fields_of(hit).title or hit.title_hint or "") is not None:
        return True
    where = quoted_at(text, hit)
    if where is not None and _CALL_BEFORE.search(text, max(0, where[0] - 80), where[0]):
        return True
    if where is not None and (
        named := _NAMED_VALUE_BEFORE.search(text, max(0, where[0] - 80), where[0])
    ):
        line_start = text.rfind("\n", 0, named.start()) + 1
        return _OPEN_TAG.search(text, line_start, named.start()) is None
    # a log call's message, its function's name in brackets first: `PCL_WARN ("[compute] The
    # number of points differs ...\n");`
    title = fields_of(hit).title or ""
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


def mention_title(text: str, hit: Hit, stop: int) -> bool:
    return _MENTION_INSIDE.search(fields_of(hit).title or "") is not None


# A quoted phrase, not a title: it opens with a word in lower case ("not totally silly
# traversal, quickly."); a title in quotes opens with a capital, a digit or a name like
# `k-means++`, or with its method's name before a colon (`"node2vec: Scalable ..."`).
_LOWER_FIRST = re.compile(r"[a-z]+(?:[ \t,.;:]|$)")


def lower_phrase(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.authors or fields.venue:
        return False
    title = fields.title or ""
    return (
        quoted_at(text, hit) is not None
        and _LOWER_FIRST.match(title) is not None
        and NAME_COLON_TITLE.match(title) is None
    )


def bare_lower(text: str, hit: Hit, stop: int) -> bool:
    """A title alone, unquoted, that opens with a word in lower case: a clause of prose
    (`return an "edgeObj", edge object, that is composed of ...`), with no authors, year, venue
    or quotes to say it cites."""
    title = fields_of(hit).title or ""
    return (
        is_bare(hit)
        and _LOWER_FIRST.match(title) is not None
        and NAME_COLON_TITLE.match(title) is None
        and quoted_at(text, hit) is None
    )


def year_inside(text: str, hit: Hit, stop: int) -> bool:
    """A sentence that holds a year ("runs on 1000 points on a 2014 laptop") read as a title
    and that year: nothing but the sentence says it cites."""
    fields = fields_of(hit)
    if fields.venue or fields.year is None or not fields.title:
        return False
    if fields.authors and not all_acronyms(fields.authors):
        return False  # "CEC" in "functions from CEC 2006 competition" is no author
    return any(int(m.group(1)) == fields.year for m in YEAR.finditer(fields.title))


def unclosed_bracket(text: str, hit: Hit, stop: int) -> bool:
    """A "title" that opens a square bracket and ends before closing it (`Row counts : 12
    [Less: 4, Greater: 5`, a program's output quoted in a comment): a title read cut inside a
    bracketed run is no title, whatever it was cut from."""
    title = fields_of(hit).title or ""
    return title.count("[") > title.count("]")


# An author-first entry in prose whose "title" is the sentence after its year: `Coifman and
# Lafon (2006): Then only the geometry ...`, `Wetzels & Wagenmakers, 2012. Integral solving`.
# An entry's title there has a venue, volume or pages after it, or quotes.
_LABEL_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:\.\.\s+)?(?:\[[^\]\n]{1,40}\]_?|\(?\d{1,3}[.)]|[-*•]|<li>)"
    r"[ \t]*$"
)


def prose_title(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if not fields.authors or fields.year is None or fields.venue or fields.volume or fields.pages:
        return False
    if quoted_at(text, hit) is not None or text[max(0, hit.start - 1) : hit.start + 1].strip(
        " \t\n"
    )[:1] in (*QUOTE_OPEN, "*"):
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


def names_author(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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
VENUE_TITLE = re.compile(
    r"(?:The\s+)?(?:International\s+)?(?:Journal|Transactions|Proceedings|Annals|Bulletin|"
    r"Communications)\s+(?:of|on)\b.*"
    # a meeting's name: "Proc. ACM/SIGACT-SIAM Symposium on Discrete Algorithms", "International
    # Work-Conference on Artificial Neural Networks"
    r"|(?:Proc\.?\s+|Proceedings\s+of\s+)?(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?:[A-Z][\w/&-]*\s+){0,5}(?:[A-Z][a-z]+-)?(?:Symposium|Conference|Workshop|Congress)\s+on\s+[A-Z].*"
    r"|(?:[A-Z]\.?|[A-Z][a-z]{1,5}\.)(?:\s+[A-Z][a-z]{0,5}\.?){1,5}"
    # the American Physical Society's journals, spelt out: "Physical Review B", "Physical Review
    # Letters" (an entry's emphasised venue)
    r"|Physical\s+Review(?:\s+(?:Letters|[A-EX]|Applied|Research|Materials|Fluids))?"
    # what kind of work an entry is, with its school: "Master of Science Thesis, Department of
    # Aeronautics and Astronautics", "PhD dissertation, University of ..."
    r"|(?:Master(?:['’]?s)?(?:\s+of\s+(?:Science|Arts|Engineering))?|Ph\.?\s?D\.?|Doctoral|"
    r"Bachelor(?:['’]?s)?|Diploma)\s+(?:Thesis|Dissertation)\b.*"
)


# A journal's volume and issue, which a title never follows on its line: `Journal of the
# American Statistical Association, March 1994, Vol. 89, No. 425, Theory and Methods` (the
# journal's section).
_ISSUE_BEFORE = re.compile(r"\b(?:Vol(?:ume)?|No|Issue)\.?[ \t]*\d+[ \t]*[,.;:][ \t]*$")


def after_issue(text: str, hit: Hit, stop: int) -> bool:
    title = fields_of(hit).title
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


def edition_title(text: str, hit: Hit, stop: int) -> bool:
    return _EDITION_ONLY.fullmatch((fields_of(hit).title or "").strip(" .,")) is not None


# A statement of code commented out, the hit on its one line: the line ends a statement (`;`,
# an empty body `{ }`) and shows code's own syntax, a stream, a scope, an arrow, a method call
# or an empty call (`aggrcols.Add("Grade 2013");`, `std::cerr << "Overlay success." <<
# std::endl;`, `TQuoteBs() : StrQtIdH(New(Mega(2000), Mega(256))) { }`). An entry's volume and
# issue (`J. Foo 12(3): 1-10;`) is none of these.
_STATEMENT_END = re.compile(r"(?:;|\{[ \t]*\}|\{)[ \t]*$")
_CODE_SIGN = re.compile(r"<<|::|->|\w\.[A-Za-z_]\w*\(|\b[A-Za-z_]\w*\(\)")


def commented_code(text: str, hit: Hit, stop: int) -> bool:
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


def field_list_title(text: str, hit: Hit, stop: int) -> bool:
    title = fields_of(hit).title
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


def locator_title(text: str, hit: Hit, stop: int) -> bool:
    return _LOCATOR_TITLE.fullmatch((fields_of(hit).title or "").strip(" .,")) is not None


# A path of a site or a document tree, quoted as where to read on: `(see "Tutorials/Causal
# Discovery/CD Overview")`. Two slashes between words; one is a title's ("Input/Output").
_PATH_TITLE = re.compile(r"[^\s/]/[^\s/][^/]*[^\s/]/[^\s/]")


def path_title(text: str, hit: Hit, stop: int) -> bool:
    title = fields_of(hit).title or hit.title_hint or ""
    return is_bare(hit) and _PATH_TITLE.search(title) is not None


# A "title" that is one web address or path, the quoted `href` of a link read as a title
# (`<a href="http://www.example.edu/~lind/PS75.pdf"><em>Title</em></a>`), whatever is around it.
_ADDRESS_TITLE = re.compile(r"(?:www\.|[a-z][a-z+.-]*://)?[^\s/]+(?:/[^\s/]*)+|www\.\S+")


def address_title(text: str, hit: Hit, stop: int) -> bool:
    title = (fields_of(hit).title or "").strip()
    return bool(title) and _ADDRESS_TITLE.fullmatch(title) is not None
