"""Vetoes of a name and a year that are something else: a date, an acronym, a count, a
product's or a version's year."""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.titles.fields import MONTHS, find_spaced
from scanner.titles.vetoes.base import fields_of
from scanner.titles.vetoes.quotes import quoted_at
from scanner.types import Hit

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


def date(text: str, hit: Hit, stop: int) -> bool:
    """A date, not an author and year: `Thursday (Oct. 3, 2013)`, `within May 2015`, `Hack
    Week 2016`."""
    fields = fields_of(hit)
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


def product_year(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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


def acronym(text: str, hit: Hit, stop: int) -> bool:
    """An acronym and a year, not a person's: `GH 2002` (an issue), `VS 2008`, `CEC 2006`,
    `IEEE 754`. A mention whose every name is in capitals names no author; an entry may have
    a body for its author, with its title in quotes: `"High-Fin Tube Banks." ESDU (1986)`."""
    fields = fields_of(hit)
    if not fields.authors or not all_acronyms(fields.authors):
        return False
    # a title in quotes may have a body for its author; a phrase with "NTPS" for one has none
    return not fields.title or (not fields.venue and quoted_at(text, hit) is None)


def all_acronyms(authors: tuple[str, ...]) -> bool:
    return all(
        all(_ACRONYM.fullmatch(w.strip(",.")) for w in a.split() if len(w.strip(",.")) > 1)
        for a in authors
    )


# A year glued to a name in capitals is part of that name, not a date (`Lab, REC2020, or P3`,
# `BT2020`); a citation key in brackets or a role (`[LIU2019]`, `:cite:`LEE2019``) is not one.
_GLUED_YEAR = re.compile(r"(?<![\w\[`:])[A-Z]{2,}(?P<year>1[89]\d\d|20\d\d)(?![\w\]`])")


def glued_year(text: str, hit: Hit, stop: int) -> bool:
    """A mention whose only year is glued to a name in capitals."""
    fields = fields_of(hit)
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


def count(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.title or fields.year is None:
        return False
    return _COUNT_AFTER.match(text, hit.end) is not None


# A product and its model year, not a work: "a MacBook Pro M1 Pro (2021)", "an iPhone 12 Pro
# (2020)": the word before the "surname" is a model's code of letters and digits.
_MODEL_CODE_BEFORE = re.compile(r"(?<![\w-])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+[ \t]+$")


def nameless(text: str, hit: Hit, stop: int) -> bool:
    """Whether an author-year mention has no author left (`IAOs, JPCA 128, 8570 (2024)`, its
    one "name" an acronym): a journal, a volume and a year alone cite no one."""
    return hit.kind is RefKind.AUTHOR_YEAR and not fields_of(hit).authors


def product_model(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
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


def versioned(text: str, hit: Hit, stop: int) -> bool:
    title = fields_of(hit).title
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


def bibtex_field(text: str, hit: Hit, stop: int) -> bool:
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _OTHER_BIBTEX_FIELD.search(text, line_start, hit.start) is not None


# A language's or a standard's edition named by its year, not a work: "Upgrade to Rust 2018
# edition", "the ECMAScript 2015 edition", "Rust (Edition 2021)" (a book's edition is an
# ordinal: "2nd edition").
_YEAR_EDITION_AFTER = re.compile(r"[ \t]+edition\b", re.IGNORECASE)
_EDITION_YEAR = re.compile(r"(?i)\([ \t]*edition[ \t]+(?:1[89]|20)\d\d[ \t]*\)")


def year_edition(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.title or fields.year is None:
        return False
    return (
        _YEAR_EDITION_AFTER.match(text, hit.end) is not None
        or _EDITION_YEAR.search(text, hit.start, hit.end) is not None
    )


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


def dataset_name(text: str, hit: Hit, stop: int) -> bool:
    fields = fields_of(hit)
    if fields.title or fields.year is None:
        return False
    if _DATA_AFTER.match(text, hit.end) is not None:
        return True
    return (
        text[hit.end - 1 : hit.end].isdigit() and _CAMPAIGN_AFTER.match(text, hit.end) is not None
    )
