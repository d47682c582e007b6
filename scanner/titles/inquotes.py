"""A whole citation written inside one pair of quotes, where a title alone usually stands.

Javadoc's `@see "..."` and prose quote a work's entry as often as its title: `"Depth first
search and linear graph algorithms by R. E. Tarjan (1972), SIAM J. Comp."`, `"Ulrik Brandes: A
Faster Algorithm for Betweenness Centrality. Journal of Mathematical Sociology 25(2), 2001."`,
`"Stoer, Bulirsch - Introduction to Numerical Analysis"`, `"Lind, J., Moss, P. (2005), Title"`,
`"'Authoritative sources in a hyperlinked environment' by Jon Kleinberg, 1997"`. Read as a
title, the quote's names, year and venue would stay in it and name no work. `entry_inside`
returns the title, the authors and the year such a quote holds, or None for a quoted title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scanner.titles.fields import VENUE_CUE, first_year
from scanner.titles.names import AUTHOR_LIST, NOT_NAMES, opens_with_non_name, split_authors

_YEAR = r"(?:1[6-9]|20)\d\d"
# the title in quotes of its own, "by", the names and perhaps the year
_QUOTED_TITLE_BY = re.compile(
    rf"['‘`](?P<title>[^'’`]{{8,300}})['’`],?\s+by\s+(?P<names>{AUTHOR_LIST.pattern})"
    rf"(?:,?\s*\(?(?P<year>{_YEAR})\)?)?"
)
# a title, "by", the names, then what an entry's tail holds: a year, a venue
_TITLE_BY = re.compile(
    rf"(?P<title>[A-Z][^\n]{{8,200}}?)\s+by\s+(?P<names>{AUTHOR_LIST.pattern})"
    r"(?P<rest>(?:[\s,.;(].*)?)"
)
# the names, a colon, the title to its full stop, then the venue
_NAMES_COLON_TITLE = re.compile(
    rf"(?P<names>{AUTHOR_LIST.pattern}):\s+(?P<title>[A-Z][^\n]{{8,300}}?)(?:\.\s+(?P<rest>.*)|\.?)"
)
# surnames, a dash and a title in title case: `"Stoer, Bulirsch - Introduction to Numerical
# Analysis"`
_SURNAMES_DASH_TITLE = re.compile(
    r"(?P<names>[A-Z][\w'’-]+(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)[A-Z][\w'’-]+){0,3})"
    r"[ \t]+[-–—][ \t]+(?P<title>[A-Z][^\n]{8,200})"
)
# a title, the authors by their initials and surnames, then the venue and year: `"Navigation
# in a small world J. Kleinberg, Nature 406(2000), 845."`
_INITIALS_NAME = r"(?:[A-Z]\.[ \t]?)+[A-Z][\w'’-]+"
_TITLE_INITIALS_VENUE = re.compile(
    rf"(?P<title>[A-Z][^\n]{{8,200}}?)[ \t]+(?P<names>{_INITIALS_NAME}"
    rf"(?:(?:,[ \t]*|[ \t]+and[ \t]+){_INITIALS_NAME})*),[ \t]+(?P<rest>[^\n]+)"
)
# the names, the year in brackets, then the title: `"Lind, J., Moss, P. (2005), Filtering
# Poincare plots"` (an APA entry quoted whole)
_NAMES_YEAR_TITLE = re.compile(
    rf"(?P<names>{AUTHOR_LIST.pattern})\s*\((?P<year>{_YEAR})[a-z]?\)[.,:]?\s+"
    r"(?P<title>[A-Z][^\n]{8,300}?)\.?"
)
# surnames with their initials after them, the title to its full stop, then a year or venue:
# `"Lind, S. Tidal Filtering and Smoothing. Cambridge 2013"` (the last initial's stop is the
# names' end)
_INVERTED_NAME = r"[A-Z][\w'’-]+,[ \t]*(?:[A-Z]\.[ \t]?){1,3}"
_INVERTED_NAMES_TITLE = re.compile(
    rf"(?P<names>{_INVERTED_NAME}(?:(?:,[ \t]*|,?[ \t]+(?:and|&)[ \t]+){_INVERTED_NAME})*)"
    r"[ \t]*(?P<title>[A-Z][^\n.]{8,300})\.[ \t]+(?P<rest>[^\n]+)"
)
_NAME_GOES_ON = re.compile(r"[A-Z][\w'’-]+(?:,|[ \t]+et[ \t]+al\b)")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# a journal's name and volume: `Nature 406`
_JOURNAL = re.compile(r"[A-Z][\w.&' ]{2,60}?[ \t]+\d+")
_YEAR_FIRST = re.compile(rf",?\s*\(?{_YEAR}\b")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_VENUE = VENUE_CUE
_MIN_TITLE_WORDS = 3
_MIN_DASH_NAMES = 2

Inside = tuple[str, tuple[str, ...], int | None]


@lru_cache(maxsize=1024)
def entry_inside(raw: str) -> Inside | None:
    """The title, authors and year of a quote's text `raw` when it holds a whole entry."""
    text = " ".join(raw.split()).strip(" .,;")
    return (
        _quoted_title_by(text)
        or _title_by(text)
        or _names_colon_title(text)
        or _surnames_dash_title(text)
        or _title_initials_venue(text)
        or _names_year_title(text)
        or _inverted_names_title(text)
    )


def _quoted_title_by(text: str) -> Inside | None:
    match = _QUOTED_TITLE_BY.fullmatch(text)
    if match is None or not _names(match["names"]):
        return None
    year = int(match["year"]) if match["year"] else None
    return " ".join(match["title"].split()), split_authors(match["names"]), year


def _title_by(text: str) -> Inside | None:
    """`Title by Names ...`: the names given with a first name or initials, or followed by the
    year (`by Edmonds and Karp, 1972`); a title holding "by" itself is prose."""
    match = _TITLE_BY.fullmatch(text)
    if match is None or " by " in match["title"] or not _names(match["names"]):
        return None
    authors = split_authors(match["names"])
    dated = _YEAR_FIRST.match(match["rest"]) is not None
    if not (dated or all(" " in name for name in authors)):
        return None
    if len(match["title"].split()) < _MIN_TITLE_WORDS:
        return None
    return match["title"], authors, first_year(match["rest"])


def _names_colon_title(text: str) -> Inside | None:
    """`Given Surname and Given Surname: Title. Venue, year`: every author named with a first
    name or initials, so that a label (`Note: ...`) is no author, and the venue or year after
    the title's full stop, so that a title's own colon (`Prime Numbers: A Computational
    Perspective`) is no author's."""
    match = _NAMES_COLON_TITLE.fullmatch(text)
    if match is None or not _names(match["names"]):
        return None
    rest = match["rest"] or ""
    if first_year(rest) is None and _VENUE.search(rest) is None:
        return None
    authors = split_authors(match["names"])
    if not authors or not all(" " in name for name in authors):
        return None
    if len(match["title"].split()) < _MIN_TITLE_WORDS:
        return None
    return " ".join(match["title"].split()), authors, first_year(rest)


def _surnames_dash_title(text: str) -> Inside | None:
    """`Surname, Surname - Title`: a title in title case of three words or more, after two
    names or more that are no words of prose (one word before a dash is a label: `"Error -
    Could Not Open ..."`)."""
    match = _SURNAMES_DASH_TITLE.fullmatch(text)
    if match is None or not _names(match["names"]):
        return None
    authors = tuple(n for n in re.split(r",\s*|\s+(?:and|&)\s+", match["names"]) if n)
    if len(authors) < _MIN_DASH_NAMES or any(name.lower() in NOT_NAMES for name in authors):
        return None
    title = match["title"]
    words = _LONG_WORD.findall(title)
    if len(title.split()) < _MIN_TITLE_WORDS or any(not w[0].isupper() for w in words):
        return None
    return title, authors, None


def _title_initials_venue(text: str) -> Inside | None:
    """`Title A. B. Surname, Venue (year)`: names by their initials, then a venue and a year."""
    match = _TITLE_INITIALS_VENUE.fullmatch(text)
    if match is None or len(match["title"].split()) < _MIN_TITLE_WORDS:
        return None
    year = first_year(match["rest"])
    venue = _VENUE.search(match["rest"]) is not None or _JOURNAL.match(match["rest"]) is not None
    if year is None or not venue:
        return None
    authors = tuple(n for n in re.split(r",\s*|\s+and\s+", match["names"]) if n)
    return match["title"], authors, year


def _names(text: str) -> bool:
    return bool(_WORD.search(text)) and not opens_with_non_name(text)


def _names_year_title(text: str) -> Inside | None:
    """`Surname, I., Surname, I. (year), Title`: every author with initials or a first name,
    the title of three words or more."""
    match = _NAMES_YEAR_TITLE.fullmatch(text)
    if match is None or not _names(match["names"]):
        return None
    authors = split_authors(match["names"])
    title = match["title"]
    if not authors or len(title.split()) < _MIN_TITLE_WORDS:
        return None
    if not all(" " in name or "," in name for name in authors):
        return None
    if any(ch.isdigit() for ch in title) or _VENUE.search(title) is not None:
        return None  # the whole entry, its venue and numbers too: read as an entry, not here
    return " ".join(title.split()), authors, int(match["year"])


def _inverted_names_title(text: str) -> Inside | None:
    """`Surname, I. Title. Venue year`: a title of three words or more, then a year or venue."""
    match = _INVERTED_NAMES_TITLE.fullmatch(text)
    if match is None or len(match["title"].split()) < _MIN_TITLE_WORDS:
        return None
    if _NAME_GOES_ON.match(match["title"]):
        return None  # `"LIND, F. Kenneth, et al. Title. ..."`: the names go on past the initial
    year = first_year(match["rest"])
    if year is None and _VENUE.search(match["rest"]) is None:
        return None
    authors = tuple(
        name.strip(" ,")
        for name in re.split(r"(?<=\.)(?:,[ \t]*|,?[ \t]+(?:and|&)[ \t]+)", match["names"])
    )
    return " ".join(match["title"].split()), tuple(a for a in authors if a), year
