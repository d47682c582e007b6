"""Inline citations in prose: author-year mentions and citation keys."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.titles.cues import KEY_TAGS, YEAR_DIGITS
from scanner.titles.fields import MEETINGS, MONTHS
from scanner.titles.leads import led
from scanner.titles.names import (
    AUTHOR_LIST,
    ETAL,
    LIST_END,
    NOT_NAMES,
    glued_to_word,
    list_start,
    split_authors,
)
from scanner.types import EntryFields

_YEAR = YEAR_DIGITS
# `Vaswani et al. (2017)`, `Kingma & Ba, 2014`, `(Smith and Jones 2003)`, `Hill, G. W. (1970)`,
# `Smith et al. [2011]`, and with the venue or pages in the brackets: `Harvey (1989, p. 120)`,
# `Hastie and Tibshirani (Statistical Science, 1986)`, `Collins [JACM 14 (1967), 128-142]`.
# ... and after a possessive, the work before its year: `van der Merwe's dissertation of 2004`.
_WORK_OF = (
    r"(?:\s+(?:paper|article|dissertation|thesis|book|monograph|report)(?:\s+(?:of|from|in))?)"
)
# A journal's or a meeting's acronym beside the year in a mention's brackets: `Berger (JAS
# 1978)`, `Bolton (1980 MWR)`, `Tan et al. (IJCAI 2011)` (capitals, perhaps a small letter
# between them: `ApJ`, `PRSA`).
_JOURNAL_ACRONYM = r"[A-Z][A-Za-z]?[A-Z]{1,5}\b"
# What follows the names of a mention: the year, in its forms.
_AFTER_NAMES = (
    rf"(?:['’]s{_WORK_OF}?)?"
    rf"(?:\s*(?P<open>[(\[])\s*(?:(?P<venue>[A-Z](?:[^()\[\]\n]|\([^()\n]{{0,12}}\)){{0,60}}?)"
    rf"[,\s(]\s*)?(?P<y1>{_YEAR})[a-z]?(?!::|/)\)?"
    # after the year, a field after its comma, or a journal's acronym alone: "Bolton (1980 MWR)"
    rf"(?:\s*[,;:][^()\[\]\n]{{0,30}}|[ \t]+{_JOURNAL_ACRONYM})?\s*[)\]]"
    rf"|,?\s+(?P<y2>{_YEAR})[a-z]?\b(?:['’]s\b)?(?![\w/.-]\d)"
    # a comma before the bracket, the year alone in it: "Guerrero and Perera, (2004)"
    rf"|,[ \t]*\((?P<y5>{_YEAR})[a-z]?\)"
    # after `et al.`, the journal then the year: "Saltelli et al. Technometrics 1999",
    # "Abdelhafez et al. PRA (2019)", "(Zhuang et al, CVPR 2018)"
    rf"|,?\s+(?P<journal>[A-Z][A-Za-z&.]*(?:[ \t]+[A-Z][A-Za-z&.]*){{0,3}})[ \t,]+"
    rf"(?:\((?P<y3>{_YEAR})\)|(?P<y4>{_YEAR})\b(?![\w/.-]\d))"
    # the journal run into the names, then its volume and the year in brackets: "Yohai and
    # Zamar JASA, vol 83 (1988)" (the journal is cut from the last name)
    rf"|,[ \t]*(?i:vol)\.?[ \t]*\d{{1,4}}[ \t]*,?[ \t]*\((?P<y6>{_YEAR})\))"
)
AUTHOR_YEAR = re.compile(rf"(?P<names>{AUTHOR_LIST.pattern}){_AFTER_NAMES}")
# Where a mention's names may end, with its year after them. Most windows searched for a mention
# (the text before a year) hold none: there the author-list pattern matches at each capital and
# gives its list back name by name, trying the year's forms after each, before the search moves
# on to the next capital. Where no list end (`names.LIST_END`) has the year's forms after it, no
# mention can be found, and this one pass over the window's capitals says so.
_MENTION_END = re.compile(rf"{LIST_END}(?={_AFTER_NAMES})")
_SURNAME_WORDS = frozenset({"press"})
# Two surnames joined, then a comma and one word: a journal, as a list of three would put its
# "and" before the last ("Dinse and Larson, Biometrika (1986)").
_PAIR_THEN_JOURNAL = re.compile(
    r"(?P<pair>[A-Z][\w'’-]+[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+),[ \t]+[A-Z][\w.&]*"
)
# A single surname with a year is only a citation after a citing word: "described by Hill (1970)"
# (opening its sentence too: "Phases: From E. C. Hill, 1970").
_CITING = re.compile(
    r"(?:\b(?:by|[Ii]n|[Ss]ee|[Aa]lso|[Ff]rom|of|[Aa]fter|[Ff]ollowing|[Ff]ollows|[Pp]er|"
    r"[Cc]f\.?|to|and)\s*[:,]?\s*"
    # inside brackets, perhaps after "e.g.", or the next of several: "(Miller, 1990; Lee, 1998)"
    r"|[(\[;]\s*(?:(?:e\.\s?g|i\.\s?e)\.,?\s*)?)$"
)
# Who wrote or changed the code: "Written by", "revised for the exporter by", "Ported by", "an
# independent implementation by", "submitted by".
_AUTHORSHIP = re.compile(
    r"(?:\b(?:[Ww]ritten|[Rr]e-?written|[Rr]evised|[Mm]odified|[Cc]ontributed|[Mm]aintained|"
    r"[Pp]orted|[Aa]dded|[Uu]pdated|[Ff]ixed|[Cc]oded|[Rr]eviewed|[Tt]ranslated|[Ee]dited|"
    r"[Cc]hanged|[Cc]reated|[Aa]uthored|[Ss]ubmitted|[Pp]atch(?:ed)?|"
    # ... or put into other code, perhaps with an aside: "Put into the Torus code (with a
    # minimum of fuss) by" (not "put forward by", which cites)
    r"(?:[Pp]ut|[Ii]ncorporated|[Ii]mported|[Cc]onverted|[Mm]oved)[ \t]+in(?:to)?)\b"
    r"(?:\s+(?:[\w-]+|\([^()\n]{1,40}\))){0,6}|"
    # ... and what was made of the code: "C version by", "AVX2 support by", "test code by"
    r"\b(?:[Ii]mplementation|[Vv]ersion|[Pp]ort|[Cc]ode|[Ss]upport))\s+by\s*[:,]?\s*$"
)
# An institution's name before the word read as a lone author: "University of Michigan, 1991"
# names where a program was written, not who wrote a paper.
_INSTITUTION_OF = re.compile(
    r"\b(?:[Uu]niversity|[Ii]nstitute|[Cc]ollege|[Ss]chool|[Dd]epartment|[Dd]ept\.?|"
    r"[Ll]aboratory|[Aa]cademy|[Mm]inistry|[Cc]enter|[Cc]entre)\s+of\s*$"
)
# Sphinx citation keys `[Smith2003]_`, BibTeX-style keys in `@cite smith2003fast` / `\cite{...}`.
# A Sphinx key may be a reference manager's: the name in lower case, a word of the title after
# the year (`[hensman2013svgp]_`, `[Zhe2019hogp]_`), or the year's two digits (`[Lacour17]_`).
CITE_KEY = re.compile(
    rf"\[(?P<k1>[A-Za-z][A-Za-z'-]+?)(?P<y1>{YEAR_DIGITS})[A-Za-z]*\]_"
    r"|\[(?P<k4>[A-Z][a-z]{2,})(?P<y4>\d\d)[a-z]?\]_"
    # ... and the year's two digits before a word: `@cite{matsumoto98mersenne}`
    rf"|[@\\]cite\{{?\s*(?P<k2>[A-Za-z][a-z'-]+)(?:_|:)?(?P<y2>{YEAR_DIGITS}|\d\d(?=[a-z]))"
    r"[a-z]*\}?"
    # ... and such a key in brackets without Sphinx's underscore (`as in [Dwivedi2020].`): a
    # name in lower case after its capital (no acronym), not an index (`x[Col2020]`), a link's
    # text (`[Lee2019](url)`) or a link definition's label (`[Lee2019]: url`)
    rf"|(?<![\w\])])\[(?P<k3>[A-Z][a-z]{{2,}}(?:[A-Z][a-z]+)*?)(?:EtAl|Etal|etal)?"
    rf"(?P<y3>{YEAR_DIGITS})[a-z]?\](?![_(\[:\w])"
)
# Searched led by their first characters (`leads.led`; the same matches, faster); the detector
# reads the needles of the pattern as written.
_CITE_KEY = led(CITE_KEY)


# A surname written in lower case, as terse comments write one, before `et al.` and the year:
# "eq. 8 in lukic et al. 2008" (pynbody). `et al.` alone marks the word a name; no other lower
# case word is read as one.
_LOWER_CASE_ETAL = re.compile(
    r"(?<![\w.'’-])(?P<name>[a-z][a-z'’-]{2,})[ \t]+et[ \t]+al\.?,?[ \t]+"
    rf"(?:\((?P<y1>{_YEAR})[a-z]?\)|(?P<y2>{_YEAR})[a-z]?(?![\w/.-]\d))"
)


def lower_case_etal(
    text: str, start: int, end: int
) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Mentions of a work by a surname in lower case and `et al.` with the year, in
    `text[start:end]` (`lukic et al. 2008`), as (start, end, reference, confidence)."""
    for match in _LOWER_CASE_ETAL.finditer(text, start, end):
        if match["name"] in NOT_NAMES:
            continue
        fields = EntryFields(authors=(match["name"],), year=int(match["y1"] or match["y2"]))
        yield match.start(), match.end(), fields, 0.5


def author_year(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Author-year mentions in `text[start:end]` as (start, end, reference, confidence)."""
    # The names end right before the year, so only the text just before each year is searched:
    # the author-list pattern is too costly to try at every position of a long docstring.
    pos = start
    for year_match in _YEAR_RE.finditer(text, start, end):
        window = max(pos, year_match.start() - 160)
        if _CAPITALIZED.search(text, window, year_match.start()) is None:
            continue  # no name can precede this year (a column of a numeric table)
        match = _mention_search(text, window, min(end, year_match.end() + 40))
        while match is not None and (
            (match.start() > start and text[match.start() - 1].isalnum())
            # the rest of a compound, not a name: "semi-Empirical 2021"
            or glued_to_word(text, match.start())
            or _names_inside(match)
            or _journal_without_etal(match)
        ):
            match = _mention_search(text, match.start() + 1, min(end, year_match.end() + 40))
        if match is None or match.start() > year_match.start():
            continue
        if (first := list_start(text, match.start(), end)) != match.start():
            match = AUTHOR_YEAR.match(text, first, min(end, year_match.end() + 40)) or match
        match = _without_leading_words(text, match, min(end, year_match.end() + 40))
        if match is None:
            continue
        pos = match.end()
        names = match.group("names")
        etal = ETAL.search(names) is not None  # "et\nal." wrapped over two lines too
        # a surname that is a word too, before `et al`: "(See Press et al. 1989)"
        not_names = NOT_NAMES - _SURNAME_WORDS if etal else NOT_NAMES
        authors = tuple(a for a in split_authors(names) if a.split()[0].lower() not in not_names)
        if (pair := _PAIR_THEN_JOURNAL.fullmatch(names)) is not None:
            authors = split_authors(pair["pair"])  # "Dinse and Larson, Biometrika (1986)"
        if (
            authors
            and (tagged := _VENUE_TAG_LAST.fullmatch(authors[-1])) is not None
            and tagged["tag"].upper() in MEETINGS
        ):
            # "the DDM method of Joao Gama SBIA 2004": the meeting's acronym, not a surname
            authors = (*authors[:-1], tagged["name"])
        surname = names.split()[0].strip(",")
        if not authors and etal and surname.lower() in _SURNAME_WORDS:
            authors = (surname,)
        last = names.split()[-1].strip(",.").lower()
        first_word = names.split()[0].strip(",").lower()
        if not authors or first_word in not_names or last in NOT_NAMES:
            continue
        if all(part in MONTHS for part in first_word.split("-")):
            continue  # "unstable in Sept-Dec 2022": months, not a double-barrelled surname
        if (
            match.group("y2")
            and not etal
            and any(w.strip(",.").lower() in _NOT_PEOPLE for w in names.split())
        ):
            continue  # "from Fortran 2008", "and Visual Studio 2019"
        if (
            match.group("y2")
            and names.lower() in _LANGUAGES
            and text[match.end("names") : match.start("y2")] == " "
        ):
            continue  # "the new keyword in Rust 2024", a language's edition; "(Rust, 1987)" cites
        before = text[max(start, match.start() - 30) : match.start()]
        if not (etal or len(authors) >= 2 or _CITING.search(before) or _lone_name(match)):
            continue
        if not etal and len(authors) == 1 and _INSTITUTION_OF.search(before):
            continue  # "University of Michigan, 1991": a place, not an author
        if not etal and _AUTHORSHIP.search(text, max(start, match.start() - 60), match.start()):
            continue  # "Revised by Jane Doe, 2012": who wrote the code, not a citation
        if _SIGNED.match(text, match.end()) or _not_prose_line(text, match.start()):
            continue
        if match.group("y6") and len(authors[-1].split()) > 1:
            authors = (*authors[:-1], authors[-1].rsplit(maxsplit=1)[0])  # "Zamar JASA"
        year = int(next(y for y in match.group("y1", "y2", "y3", "y4", "y5", "y6") if y))
        confidence = 0.75 if etal or match.group("y1") else 0.6
        # "(Pugh 1990): https://doi.org/..." - the span takes in the identifier that follows, so
        # that extract.py folds this mention into the identifier's instead of reporting both.
        ident = _TRAILING_ID.match(text, match.end(), end)
        if ident is not None and _MORE_IDS.match(text, ident.end(), end):
            ident = None  # "Smith (2001), <link>,\n<link>": a list of links, each its own
        # "(Wilcox, 2004, 2005)", "Wilcox (2004, 2005)": the same author's works of each year
        more_years: list[re.Match[str]] = []
        if ident is None and (match.group("y1") or (match.group("y2") and _in_brackets(before))):
            after_year = match.end("y1") if match.group("y1") else match.end()
            more_years = list(_more_years(text, after_year, end, year))
        if more_years and match.group("y1"):
            stop = match.end("y1")  # the bracket's later years are the next mentions' spans
        else:
            stop = ident.end() if ident else match.end()
        cited = _journal_cited(text, match, end)
        fields = EntryFields(
            authors=authors,
            year=year,
            venue=cited["venue"] if cited else None,
            volume=cited["volume"] if cited else None,
            pages=cited["pages"] if cited else None,
        )
        yield match.start(), stop, fields, confidence
        for more in more_years:
            later = EntryFields(authors=authors, year=int(more["year"]))
            yield more.start("year"), more.end(), later, confidence
        if (
            ident is None
            and match.group("y1")
            and (again := _SAME_AUTHORS_AGAIN.match(text, match.end(), end))
        ):
            # "MacKinnon (1994) and (2010)": the same authors' second work
            later = EntryFields(authors=authors, year=int(again["year"]))
            yield again.start("paren"), again.end(), later, confidence


def _mention_search(text: str, start: int, end: int) -> re.Match[str] | None:
    """`AUTHOR_YEAR.search(text, start, end)`, without the search where no mention's names can
    end (`_MENTION_END`)."""
    if _MENTION_END.search(text, start, end) is None:
        return None
    return AUTHOR_YEAR.search(text, start, end)


# After a mention's year, the journal, its volume (perhaps its issue) and the first page, as
# astronomers cite: `Gordon et al. (2009, ApJ, 705, 1320)`, `(2015, ApJL, 804, L21)`, `Lind &
# Moss 2014, A&A, 561, A138.`, `Lind 2024, JOSS 9(100), 7023`. A journal's words, then two
# numbers, say it (not a table's or an equation's number: `Lind (2001, Table 3, 4)`); the fields
# end the mention's brackets or its entry.
_JOURNAL_VOLUME_PAGE = re.compile(
    r"[a-z]?\)?[ \t]*,[ \t]*(?!(?:Table|Fig|Figure|Eq|Equation|Section|Sec|Chapter|Ch|Vol|"
    r"Volume|No|Part|Appendix|Example|Page|Pages|Theorem|Lemma)\b)"
    r"(?P<venue>[A-Z][A-Za-z&.]*(?:[ \t]+[A-Z][A-Za-z&.]*){0,3})[ \t]*,?"
    r"[ \t]*(?P<volume>\d{1,4})(?:\(\d{1,4}\))?[ \t]*,[ \t]*"
    r"(?P<pages>[A-Z]?\d{1,6}(?:[-–]+\d{1,6})?)[ \t]*(?=[)\].;<]|\s*$|\n)"
)


def _journal_cited(text: str, match: re.Match[str], end: int) -> re.Match[str] | None:
    """The journal, volume and first page written right after a mention's year (`(2009, ApJ,
    705, 1320)`), else None (the year alone, or in another form)."""
    year = "y1" if match.group("y1") else "y2" if match.group("y2") else None
    return _JOURNAL_VOLUME_PAGE.match(text, match.end(year), end) if year else None


# In brackets, after `(Name, 2004`, the same authors' other works by their years: `, 2005)`.
_MORE_YEAR = re.compile(rf"[ \t]*[,;][ \t]*(?P<year>{YEAR_DIGITS})[a-z]?(?=[ \t]*[,;)\]])")


def _in_brackets(before: str) -> bool:
    """Whether the text before a mention leaves a bracket open: `... technique (` or `(see`."""
    return before.rfind("(") > before.rfind(")") or before.rfind("[") > before.rfind("]")


def _more_years(text: str, pos: int, end: int, first: int) -> Iterator[re.Match[str]]:
    """The years that follow a bracketed mention's first year, each a later work of its
    authors; a year far from the first is a different kind of number, and ends the run."""
    while (more := _MORE_YEAR.match(text, pos, end)) is not None:
        if int(more["year"]) == first or abs(int(more["year"]) - first) > 40:
            return
        yield more
        pos = more.end()


_VENUE_TAG_LAST = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*?)\s+(?P<tag>[A-Z][A-Za-z]{2,7})"
)
# After an author-year mention `Name (1994)`, the same authors' other work by its year alone.
_SAME_AUTHORS_AGAIN = re.compile(
    rf"[ \t]*(?:,|,?[ \t]+(?:and|or|&))[ \t]+(?P<paren>\()(?P<year>{YEAR_DIGITS})[a-z]?\)"
)


# A work called by its two authors' initials where it is cited again and again ("see p. 580
# in L&L 1998", "K&R 1988"); never a trade's or a phrase's (`R&D 2010`, `Q&A 2019`).
INITIALS_YEAR = re.compile(
    rf"(?<![\w&])(?P<names>[A-Z]&[A-Z])(?![\w&])[ \t]*,?[ \t]*"
    rf"(?:\((?P<y1>{YEAR_DIGITS})\)|(?P<y2>{YEAR_DIGITS})(?!\d))"
)
_NOT_INITIALS = frozenset(
    "R&D Q&A M&A P&L S&P B&B A&M T&C C&C P&G H&M A&E B&W R&B D&D E&O I&O O&M".split()  # noqa: SIM905
)


def initials_year(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Author-year mentions by two initials (`L&L 1998`), as `author_year` gives them."""
    for match in INITIALS_YEAR.finditer(text, start, end):
        if match["names"] not in _NOT_INITIALS and not _not_prose_line(text, match.start()):
            year = int(match["y1"] or match["y2"])
            fields = EntryFields(authors=(match["names"],), year=year)
            yield match.start(), match.end(), fields, 0.6


def _journal_without_etal(match: re.Match[str]) -> bool:
    """Whether a journal stands between names and year without `et al.` before it: "A
    PARSIMONY PROCEDURE\n Wheeler (1990)" is no mention of "PROCEDURE" in "Wheeler"."""
    return bool(match.group("journal")) and ETAL.search(match.group("names")) is None


# Names closing the "venue" (two joined, or `et al`), then the bracket that opens their own
# year: the brackets hold a mention of their own (`Modified Dissimilarity Index (Dissimilarity
# from Lind and Moss (1997))`); one word there is the venue's (`Lind (Biometrika (1986))`).
_NAME_THEN_BRACKET = re.compile(r"(?:(?:\band|&)\s+[A-Z][\w'’-]+|\bet\s+al\.?)\s*\($")


_ACRONYM_ALONE = re.compile(_JOURNAL_ACRONYM)


def _names_inside(match: re.Match[str]) -> bool:
    """Whether the "venue" in the brackets is the author list itself, or opens with one and
    `et al`: "WordNet (Miller, 1990)" cites Miller, not a work by WordNet; or ends with a
    mention of its own, its name before its year's bracket."""
    venue = match.group("venue")
    if not venue:
        return False
    if _NAME_THEN_BRACKET.search(match.string, match.start("venue"), match.start("y1")):
        return True
    venue = venue.strip(" ,;")
    first = venue.split()[0].strip(",.'’")
    if first.upper() in MEETINGS or _ACRONYM_ALONE.fullmatch(venue):
        # a meeting's or a journal's acronym, then the year: "Tan et al. (IJCAI 2011)",
        # "Berger (JAS 1978)"
        return False
    # or opens with it, then its venue: "BATA (Zhuang et al, CVPR 2018)"
    names = AUTHOR_LIST.fullmatch(venue) or AUTHOR_LIST.match(venue)
    if names is None or (names.end() < len(venue) and ETAL.search(names.group()) is None):
        return False
    return venue.split()[0].strip(",.").lower() not in NOT_NAMES


def _without_leading_words(text: str, match: re.Match[str], limit: int) -> re.Match[str] | None:
    """The mention without the capitalized words before its names that are not names: "From
    Pevzner & Hearst (2002)", "Following Church and Hanks (1990)", "Where Brants (2000)"."""
    while match.group("names").split()[0].strip(",.").lower() in _LEADING:
        nxt = _NEXT_WORD.search(text, match.start() + 1, match.end("names"))
        if nxt is None:
            return None
        again = AUTHOR_YEAR.match(text, nxt.start(), limit)
        years = ("y1", "y2", "y3", "y4", "y5", "y6")
        if again is None or again.group(*years) != match.group(*years):
            return None
        match = again
    return match


_NEXT_WORD = re.compile(r"(?<=\s)[^\W\d_]")
# Words that open a sentence before the names it cites; content words ("Data Mining and
# Knowledge Discovery, 2007") are not stripped: what follows them is no author list either.
_LEADING_WORDS = (
    "from following follows where when see in as by after before since per cf also and or the "
    "this that these those with like unlike using use uses implements implemented based "
    "according whereas while then thus hence here there both"
)
_LEADING = frozenset(_LEADING_WORDS.split())


def _lone_name(match: re.Match[str]) -> bool:
    """Whether one name with a year and no citing word before it is a citation: a surname
    with its year in brackets (`Harvey (1989, p. 120)`, `Efron [1979]`), or one word right
    before a bare year (`Bartlett 1954 has fewer terms`). Never a product, language, season or
    release word (`Fortran 2008`, `Visual Studio 2019`, `Updated 2015`)."""
    names = match.group("names")
    words = [w.strip(",.").lower() for w in names.split()]
    parts = [p for w in words for p in w.split("-")]  # "April-May 2007"
    if any(p in NOT_NAMES for p in parts) or names.isupper():
        return False
    before = match.string[max(0, match.start() - 40) : match.start()]
    previous = _PREVIOUS_WORD.search(before)
    if previous is not None and previous["gap"] in (" ", "\t"):  # the word right before it
        word = previous["word"]
        if word.lower() in ("a", "an"):
            return False  # "a Planar Graph on a Grid 1989"
        if word[0].isupper() and word.lower() not in _LEADING and not match.group("open"):
            return False  # the end of a longer name: "Extending Database Technology 2012"
    if match.group("y2") and _PRODUCT_AFTER.match(match.string, match.end("y2")):
        return False  # "the Burroughs 1700 system": a machine's model number
    if match.group("open"):
        # "Harvey (1989)", not code: "Week(1998, 1, 1)"
        return match.string[match.start("open") - 1].isspace()
    if match.group("y5"):
        # "Titsias, (2009)": the year in brackets after the name's comma, as "Harvey (1989)"
        # writes it without (not a call's arguments: "f(Week, (1998))")
        return match.start() == 0 or match.string[match.start() - 1] not in "(["
    # A bare year: one surname, written right before it ("Jane Smith, 2012" signs a comment),
    # not across a table's column gap ("Timestamps      2000").
    if match.group("y2") and _COLUMN_GAP.search(
        match.string, match.end("names"), match.start("y2")
    ):
        return False
    return len(words) == 1 and not match.group().startswith(names + ",")


_COLUMN_GAP = re.compile(r"[ \t]*\t|  ")
# What a number names when a machine or product is called by it (not a model: "the Lind 2016
# model" is Lind's, of 2016).
_PRODUCT_AFTER = re.compile(
    r"[ \t]+(?:systems?|series|computers?|machines?|mainframes?|processors?|workstations?|"
    r"chips?|compilers?|architectures?|hardware|platforms?)\b"
)


_PREVIOUS_WORD = re.compile(r"(?P<word>[^\W\d_][\w'-]*)(?P<gap>\W*)$")
# Capitalized words before a bare year that name things, times or events, not an author.
_NOT_PEOPLE_WORDS = (
    "fortran ada cobol algol pascal lisp ecmascript javascript typescript es windows linux "
    "macos ubuntu debian fedora android ios visual studio office excel word server sql gcc "
    "clang msvc llvm glibc cuda opencl opengl directx unicode release released updated "
    "revised modified rewritten edited summer winter spring autumn fall circa around during "
    "through year years issue draft standard revision amendment update patch build rev published "
    "year's conference workshop competition challenge contest tutorial meeting summit "
    "spec specification version versions line lines step rule item row column case "
    "test bug ticket error number size level length count mode phase stage round epoch "
    "iteration order degree type laboratory lab labs center centre institute group society "
    "association committee council agency corporation company team project consortium "
    "collaboration "
    # an imprint's publisher and place read as names (`HarperCollins, New York, USA, 1993`)
    "publishing publishers co inc ltd usa uk"
)
NOT_PEOPLE = frozenset(_NOT_PEOPLE_WORDS.split())
# Languages whose editions or standards go by their year, and whose names are surnames too
# (John Rust's 1987 paper): a year right after the name, with no comma, is the edition's.
_LANGUAGES = frozenset(["rust", "python", "java", "kotlin", "scala", "haskell", "go", "c++"])
_NOT_PEOPLE = NOT_PEOPLE
# A name with a year and then an e-mail address signs the code: "Jake Vanderplas (2013)
# <jake@example.org>".
_SIGNED = re.compile(r"[ \t,:]*<?[\w.+-]+@[\w-]+\.")


def _not_prose_line(text: str, at: int) -> bool:
    """Whether the line holding `at` is a doctest line or names who holds the copyright or
    wrote the file: a year there is never a citation's."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    head = line.lstrip(" \t#*/!-")
    return head.startswith((">>>", "... ")) or _OWNERSHIP.search(line) is not None


_OWNERSHIP = re.compile(
    r"(?i)copyright|\(c\)|©|\bspdx\b|\blicen[cs]ed?\b|@author\b|\bauthors?\s*:|"
    r"\bmaintainers?\s*:|\bcontributors?\s*:|\b(?:date|created|modified|updated)\s*:"
)


# An identifier right after an author-year, perhaps opening the brackets after it ("Vakili &
# Hogg 2016 (ArXiv:1610.05873, Section 3.2)"): the mention's span takes it in.
_TRAILING_ID = re.compile(
    r"\)?[ \t]*(?:[:,;]|\((?=[ \t]*(?i:https?://|doi:|arxiv:)))?[ \t]*<?"
    r"(?:https?://|(?i:doi):\s*|(?i:arxiv):\s*)[^\s\])>]+>?"
)
_MORE_IDS = re.compile(r"[ \t]*[,;]?\s*(?:and\s+)?<?(?:https?://|doi:|arXiv:)")
_YEAR_RE = re.compile(_YEAR + r"(?!\d)")
_CAPITALIZED = re.compile(r"[A-Z][A-Za-z]")  # every author list holds one capitalized word


def _key_name(written: str) -> str:
    """A citation key's surname as a name is written: `cohen-steiner` -> `Cohen-Steiner`."""
    return "-".join(part.capitalize() for part in written.split("-"))


def cite_keys(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Citation keys that name an author and a year (`[Smith2003]_`, `@cite smith2003`,
    sphinxcontrib-bibtex roles `:footcite:p:`KolesEtAl1990,Ozarslan2013``, one per key)."""
    found = [
        (
            m.start(),
            m.end(),
            _key_name(m.group("k1") or m.group("k2") or m.group("k3") or m.group("k4")),
            m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4"),
        )
        for m in _CITE_KEY.finditer(text, start, end)
        # a bare bracketed key opening its line labels the entry after it (`.. [Lee2019] H.
        # Lee, ...`, `[Lee2019] H. Lee, ...`): the entry is the citation
        if not (
            m.group("k3")
            and _LABEL_OPENING.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        )
        # a key of initials (`[KN2018]_`, as `[SFG17]_`) spells out no name: a label, which
        # names a work only through its entry
        and not (m.group("k1") and m.group("k1").isupper())
    ]
    if ":" in text:
        for role in _CITE_ROLE.finditer(text, start, end):
            for key in _ROLE_KEY.finditer(text, role.start("keys"), role.end("keys")):
                names = [n for n in _KEY_NAME.findall(key["names"]) if n not in ("Et", "Al")]
                body = key["names"].lower()  # "Societyof...Engineers": words run together
                if names and not any(word in body for word in _BODIES):
                    found.append((key.start(), key.end(), names[0], key["year"]))
            for key in _LOWER_KEY.finditer(text, role.start("keys"), role.end("keys")):
                found.append((key.start(), key.end(), _key_name(key["name"]), key["year"]))
            found.extend(_other_role_keys(text, role, found))
    for key_start, key_end, name, year in sorted(found):
        number = int(year)
        if len(year) == 2:  # a BibTeX key's two digits
            number += 2000 if number < _CENTURY_TURN else 1900
        yield key_start, key_end, EntryFields(authors=(name,), year=number), 0.5


_LABEL_OPENING = re.compile(r"[ \t]*(?:\.\.[ \t]+)?")


# The words of a key that names a body, not a person: its works are standards, manuals and
# reports (`InternationalOrganizationforStandardization2012`, `TheAcademyof...Sciences2014q`,
# `ASTMInternational2015`, `AdobeSystems2013`), or an encyclopedia's pages (`Wikipedia2004b`).
_BODY_WORDS = (
    "organization organisation union commission committee council consortium association "
    "institute institution society academy agency corporation foundation bureau "
    "standardization standardisation international systems wikipedia wiktionary mathworld"
)
_BODIES = frozenset(_BODY_WORDS.split())
# sphinxcontrib-bibtex's roles, whose keys are often the first author and the year:
# `:footcite:t:`Wedeen2005``, `:cite:p:`Merlet2013,Cheng2011``.
_CITE_ROLE = re.compile(r":(?:foot)?cite(?::[a-z]+)?:`(?P<keys>[^`\n]{1,300})`")
_ROLE_KEY = re.compile(
    r"(?<![\w-])(?P<names>[A-Z][A-Za-z'-]*?)(?P<year>(?:1[6-9]|20)\d\d)[a-z]?(?![\w-])"
)
_KEY_NAME = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*")
# ... or written in lower case, the authors joined by `+` (`++` for "and others"), the year and
# a word of the title after underscores: `:footcite:p:`banerjee++_2020_numerical``,
# `:footcite:`serfling+zuo_2000_general``.
_LOWER_KEY = re.compile(
    r"(?<![\w+-])(?P<name>[a-z][a-z'-]+)(?:\+[a-z][a-z'-]*)*\+*_(?P<year>(?:1[6-9]|20)\d\d)"
    r"(?:_[a-z0-9]+)*(?![\w+-])"
)


# ... or in the other shapes reference managers give keys, each key the whole of its item in
# the role: a capitalized name and the year after an underscore (`Getis_2010`); a lower-case
# name run into the year, perhaps a word of the title after it (`nowosad2018`,
# `altman1998Districting`, `wolf2019geosilhouettes`); a name, words of the title and the year
# after underscores (Zotero's `hyndman_sample_1996`, `collins_long-term_2013`); a lower-case name,
# a colon and the year (`gericke:2002`); a name and the
# year's two digits (`cliff81`), perhaps capitalized and words of the title run in after them
# (`Snelson06sparsegaussian`); a lower-case name, up to four capitalized words of the title and
# the year, Better BibTeX's default for Zotero (`schumannContrailCirrusPrediction2012`).
_ROLE_ITEM = re.compile(r"[^,\s`]+")
_OTHER_KEYS = (
    re.compile(r"(?P<name>[A-Z][a-z'-]+)_(?P<year>(?:1[6-9]|20)\d\d)[a-z]?"),
    re.compile(r"(?P<name>[a-z][a-z'-]+):(?P<year>(?:1[6-9]|20)\d\d)[a-z]?"),
    re.compile(r"(?P<name>[a-z][a-z'-]+)(?P<year>(?:1[6-9]|20)\d\d)[a-z]?(?:[A-Z]?[a-z]+)?"),
    re.compile(
        r"(?P<name>[a-z][a-z'-]+)(?:_[a-z][a-z0-9'-]*){1,3}_(?P<year>(?:1[6-9]|20)\d\d)[a-z]?"
    ),
    re.compile(
        # (not a particle before the family name, `vanHoeij2002`: the name is not `Van`)
        r"(?!(?:van|von|de|der|den|di|du|da|del|dos|la|le)[A-Z])"
        r"(?P<name>[a-z][a-z'-]+)(?:[A-Z][a-z0-9'-]*){1,4}(?P<year>(?:1[6-9]|20)\d\d)[a-z]?"
    ),
    re.compile(r"(?P<name>[a-z]{3,})(?P<year>\d\d)[a-z]?"),
    re.compile(r"(?P<name>[A-Za-z][a-z]{2,})(?P<year>\d\d)[a-z]*"),
)


def _other_role_keys(
    text: str, role: re.Match[str], found: list[tuple[int, int, str, str]]
) -> Iterator[tuple[int, int, str, str]]:
    """The role's keys in `_OTHER_KEYS`' shapes that no pattern above read."""
    taken = [(start, end) for start, end, _, _ in found]
    for item in _ROLE_ITEM.finditer(text, role.start("keys"), role.end("keys")):
        if any(start < item.end() and item.start() < end for start, end in taken):
            continue
        words = item.group().lower()  # `world_meteorological_organization_guide_2008`
        if any(word in words for word in _BODIES):
            continue
        written = item.group()
        if (prefixed := _KEY_PREFIX.match(written)) is not None:
            written = written[prefixed.end() :]  # `DeseqStats-love2014moderated`
        for shape in _OTHER_KEYS:
            key = shape.fullmatch(written)
            if key is not None:
                yield item.start(), item.end(), _key_name(key["name"]), key["year"]
                break


# The prefix sphinxcontrib-bibtex's `:keyprefix:` puts before every key of a bibliography, so
# that two bibliographies may cite one work: a capitalized word and a hyphen.
_KEY_PREFIX = re.compile(r"[A-Z][A-Za-z0-9]*-(?=[a-z])")


# A bare citation key from the BibTeX file a project's authors share: first author, the year's
# two digits, the venue's short name (`see Hartley13ijcv`, `(Zhang97ivc)`, `Murray94book`,
# `Wilson14eccv_1DSfM.pdf`); never a type or function name (`Float64bits`, `Urng32bits`).
# ... and written in lower case before a venue's tag (`barfoot14tro Eq. 102`): never before
# `book`, `phd` or `thesis`, which name code too (`abc12book`).
_VENUE_TAGS = tuple(tag for tag in KEY_TAGS if tag not in ("phd", "thesis"))
BARE_KEY = re.compile(
    r"(?<![\w-])(?:(?P<name>[A-Z][a-z]{2,}(?:-?[A-Z][a-z]+)?)(?P<yy>\d\d)"
    rf"(?P<tag>{'|'.join((*KEY_TAGS, 'book'))})"
    rf"|(?P<lname>[a-z]{{3,}})(?P<lyy>\d\d)(?:{'|'.join(_VENUE_TAGS)}))\d?(?![a-z])"
)
_BARE_KEY = led(BARE_KEY)
KEY_TAG_NEEDLES = (*KEY_TAGS, "book")
# Words that name code, not people, before two digits: `Test16book`, `Float32thesis`.
_CODE_WORDS = frozenset(
    "test tests float int uint vec mat type data case win ver version rev build step tag".split()  # noqa: SIM905
)
_CENTURY_TURN = 40  # `Murray94book` is of 1994, `Hartley13ijcv` of 2013 (years end at 2039)


def bare_keys(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields, float]]:
    """Bare citation keys (`Hartley13ijcv`) as author-year mentions, as `author_year` gives
    them."""
    for match in _BARE_KEY.finditer(text, start, end):
        name = match["name"] or _key_name(match["lname"])
        if name.lower() in NOT_NAMES | _CODE_WORDS or _not_prose_line(text, match.start()):
            continue
        two = int(match["yy"] or match["lyy"])
        year = (2000 if two < _CENTURY_TURN else 1900) + two
        yield match.start(), match.end(), EntryFields(authors=(name,), year=year), 0.5
