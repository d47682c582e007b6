"""Identifier syntax: parse, validate and normalize arXiv ids, DOIs, paper URLs and ISBNs.

Pure functions shared by the scanner (what counts as an identifier) and the catalog (store
keys, API queries). Canonical keys: `arxiv:1908.03265` (version kept apart), `doi:` + the
lowercase DOI, `url:` + a normalized URL, `isbn:` + the ISBN-13.
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from catalog.types import PaperRef, RefKind

# The archives that exist in old-style ids (frozen in 2007-04; arXiv's own taxonomy).
ARXIV_OLD_ARCHIVES: frozenset[str] = frozenset(
    {
        "acc-phys",
        "adap-org",
        "alg-geom",
        "ao-sci",
        "astro-ph",
        "atom-ph",
        "bayes-an",
        "chao-dyn",
        "chem-ph",
        "cmp-lg",
        "comp-gas",
        "cond-mat",
        "cs",
        "dg-ga",
        "funct-an",
        "gr-qc",
        "hep-ex",
        "hep-lat",
        "hep-ph",
        "hep-th",
        "math",
        "math-ph",
        "mtrl-th",
        "nlin",
        "nucl-ex",
        "nucl-th",
        "patt-sol",
        "physics",
        "plasm-ph",
        "q-alg",
        "q-bio",
        "quant-ph",
        "solv-int",
        "supr-con",
    }
)
ARXIV_NEW_ID = re.compile(r"(?P<yy>\d\d)(?P<mm>\d\d)\.(?P<num>\d+)(?:v(?P<version>\d+))?")
ARXIV_OLD_ID = re.compile(
    r"(?P<archive>[a-zA-Z]+(?:-[a-zA-Z]+)?)(?:\.(?P<sc>[A-Za-z]{2}))?/"
    r"(?P<yy>\d\d)(?P<mm>\d\d)(?P<num>\d+)(?:v(?P<version>\d+))?"
)
ARXIV_DOI_PREFIX = "10.48550/arxiv."
# The shape of an arXiv id in a link (new or old style, optional version); validated after.
# As written in text: new style, old style (`math.GT/0309136`), an archive before a new-style id
# (`hep-th/1601.07616`) and an old-style id with a dash for its slash (`hep-ph-9711200`).
ARXIV_ID_TEXT = (
    r"(?:\d{4}\.\d+|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/(?:\d{4}\.)?\d+"
    r"|[a-z]+(?:-[a-z]+)?-\d{7})(?:v\d+)?"
)
# A whole URL of a page that serves a paper under its arXiv id: arxiv.org and its mirrors and
# readers (`export.`, language subdomains, the old `aps.`, `lanl.` and `xxx.` mirrors, ar5iv,
# alphaxiv, arXiv Vanity, the old xxx.lanl.gov).
ARXIV_URL = re.compile(
    r"(?i)^(?:https?://)?(?:www\.|export\.|[a-z]{2}\.|aps\.|lanl\.|xxx\.|ar5iv\.labs\.)?"
    r"(?:arxiv\.org|ar5iv\.org|alphaxiv\.org|arxiv-vanity\.com|xxx\.lanl\.gov)"
    r"/(?:abs|pdf|html|format|ps|overview|papers)/(?:arxiv:)?(?P<id>"
    + ARXIV_ID_TEXT
    + r")(?:\.pdf)?"
    r"(?:[/?#].*)?$"
)
# Old-style archives written without their hyphen (`hepth/9901001`), as arXiv's own parser
# accepts them.
_UNHYPHENATED = {name.replace("-", ""): name for name in ARXIV_OLD_ARCHIVES if "-" in name}


def old_archive(name: str) -> str | None:
    """The old-style arXiv archive `name` stands for (any case, hyphen optional), else None."""
    lowered = name.lower()
    if lowered in ARXIV_OLD_ARCHIVES:
        return lowered
    return _UNHYPHENATED.get(lowered)


def arxiv_problem(candidate: str, today: _dt.date | None = None) -> str | None:
    """Why `candidate` (no prefix, optional version) is not a valid arXiv id; None if it is."""
    today = today or _dt.date.today()
    new = ARXIV_NEW_ID.fullmatch(candidate)
    if new:
        yy, mm, num = int(new["yy"]), int(new["mm"]), new["num"]
        if not 1 <= mm <= 12:
            return f"month {new['mm']} does not exist"
        if (yy, mm) < (7, 4):
            return f"new-style ids start in April 2007, not 20{new['yy']}-{new['mm']}"
        if (2000 + yy, mm) > (today.year, today.month):
            return f"20{new['yy']}-{new['mm']} is in the future"
        width = 4 if (yy, mm) <= (14, 12) else 5
        if len(num) != width:
            what = "truncated" if len(num) < width else "too long"
            return f"number {num} is {what}: ids of 20{new['yy']}-{new['mm']} have {width} digits"
        if int(num) == 0:
            return "number 0 does not exist"
        if new["version"] is not None and int(new["version"]) == 0:
            return "version v0 does not exist"
        return None
    old = ARXIV_OLD_ID.fullmatch(candidate)
    if old:
        if old_archive(old["archive"]) is None:
            return f"{old['archive']!r} is not an arXiv archive"
        yy, mm, num = int(old["yy"]), int(old["mm"]), old["num"]
        if not 1 <= mm <= 12:
            return f"month {old['mm']} does not exist"
        year = 1900 + yy if yy >= 91 else 2000 + yy
        if not (1991, 7) <= (year, mm) <= (2007, 3):
            return f"old-style ids run from 1991-07 to 2007-03, not {year}-{old['mm']}"
        if len(num) != 3:
            return f"number {num} must have 3 digits"
        if int(num) == 0:
            return "number 000 does not exist"
        return None
    if re.fullmatch(r"\d{7}(?:v\d+)?", candidate):
        return f"old-style id {candidate} lacks its archive (e.g. astro-ph/{candidate})"
    return "not an arXiv identifier"


# Forms people write that arXiv's own resolver accepts: an old-style id with a dash for its
# slash (`hep-ph-9711200`), and a new-style id behind an archive name (`hep-th/1601.07616`).
_DASHED_OLD = re.compile(r"(?P<archive>[a-zA-Z]+(?:-[a-zA-Z]+)?(?:\.[A-Za-z]{2})?)-(?P<n>\d{7}\S*)")
_ARCHIVE_BEFORE_NEW = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z]+)?(?:\.[A-Za-z]{2})?/(?=\d{4}\.\d)")


def parse_arxiv(text: str) -> PaperRef | None:
    """A valid arXiv id (with or without `arXiv:` prefix and version) as a ref, else None."""
    candidate = re.sub(r"(?i)^\s*arxiv\s*:?\s*", "", text.strip())
    candidate = re.sub(r"(?i)\.pdf$", "", candidate)
    dashed = _DASHED_OLD.fullmatch(candidate)
    if dashed and old_archive(dashed["archive"].split(".")[0]):
        candidate = f"{dashed['archive']}/{dashed['n']}"
    candidate = _ARCHIVE_BEFORE_NEW.sub("", candidate, count=1)
    if arxiv_problem(candidate) is not None:
        return None
    new = ARXIV_NEW_ID.fullmatch(candidate)
    if new:
        value = f"{new['yy']}{new['mm']}.{new['num']}"
        version = new["version"]
    else:
        old = ARXIV_OLD_ID.fullmatch(candidate)
        assert old is not None
        # The subject class is not part of the external id (arXiv drops it since 2008).
        value = f"{old_archive(old['archive'])}/{old['yy']}{old['mm']}{old['num']}"
        version = old["version"]
    return PaperRef(RefKind.ARXIV, value, f"v{int(version)}" if version else None)


DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
_TRAILING = ".,;:!?'\"`*"
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
_TAILS = re.compile(
    r"(?i)(?:/(?:full|abstract|pdf|epdf|summary|meta)|\.full(?:\.pdf)?|\.pdf"
    r"|&[a-z]+;.*|</.*)$"
)


def cut_at_unbalanced_closer(text: str, closers: dict[str, str] = _CLOSERS) -> str:
    """`text` up to its first closing bracket that has no opener before it.

    An identifier never holds such a bracket, but prose and markup glue one on mid-candidate:
    `[10.1109/x](https://doi.org/10.1109/x)` (a Markdown link), `(https://doi.org/10.1/x)/y`.
    Balanced pairs stay: `10.1016/0167-2789(84)90263-6`.
    """
    depth = dict.fromkeys(closers.values(), 0)
    for index, char in enumerate(text):
        if char in depth:
            depth[char] += 1
        elif char in closers:
            opener = closers[char]
            if depth[opener] == 0:
                return text[:index]
            depth[opener] -= 1
    return text


def clean_doi(candidate: str) -> str:
    """Strip what follows a DOI in running text: anything from an unbalanced closing bracket
    on, trailing punctuation, quotes, HTML remnants and publisher path tails (`/full`,
    `.pdf`), repeated until nothing changes."""
    text = cut_at_unbalanced_closer(candidate)
    while True:
        before = text
        text = _TAILS.sub("", text)
        text = text.rstrip(_TRAILING)
        if text == before:
            return text


def normalize_doi(text: str) -> str | None:
    """The lowercase DOI in `text` (bare, `doi:` or a doi.org URL), cleaned; None if absent."""
    text = unquote(text.strip())
    text = re.sub(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/|^doi\s*:\s*", "", text)
    short = re.fullmatch(r"(?i)10/[a-z0-9]{3,12}", text)
    if short:
        return text.lower()
    match = DOI.match(text)
    if not match:
        return None
    doi = clean_doi(match.group(0))
    return doi.lower() if "/" in doi and not doi.endswith("/") else None


def doi_problem(candidate: str) -> str | None:
    """Why text given as a DOI (after `doi:`) is not one; None if it is valid."""
    text = candidate.strip()
    if re.fullmatch(r"10/[a-z0-9]+", text, re.IGNORECASE):
        return None  # a shortDOI
    if not text.startswith("10."):
        return "a DOI starts with the directory code 10."
    if not re.match(r"10\.\d{4,9}(?:\.\d+)*/", text):
        return "a DOI needs a 4-9 digit registrant code followed by '/'"
    if not clean_doi(text.split("/", 1)[1]).strip("…"):
        return "the DOI has no suffix after '/'"
    return None


# Markdown's escape of a punctuation character (`10.1007/3-540-44669-9\_12` in a link's text,
# whose target reads `..._12`): the character is the DOI's, the backslash the markup's.
_MARKDOWN_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def doi_ref(doi: str) -> PaperRef:
    """The ref of a DOI; arXiv's own DOIs (10.48550/arXiv.*) become arXiv refs. A backslash
    escaping punctuation in Markdown is no part of it."""
    doi = _MARKDOWN_ESCAPE.sub("", doi.lower())
    if doi.startswith(ARXIV_DOI_PREFIX):
        arxiv = parse_arxiv(doi[len(ARXIV_DOI_PREFIX) :])
        if arxiv is not None:
            return PaperRef(RefKind.ARXIV, arxiv.value, arxiv.version)
    return PaperRef(RefKind.DOI, doi)


# The characters a DOI may hold that a URL reads as its own syntax (the DOI Handbook's
# mandatory encodings): a SICI's check character `#` would end the link at a fragment.
_URL_RESERVED_IN_DOI = {"%": "%25", '"': "%22", "#": "%23", " ": "%20", "?": "%3F"}


def doi_url(doi: str) -> str:
    """The doi.org link of a DOI, its URL-reserved characters percent-encoded."""
    return "https://doi.org/" + "".join(_URL_RESERVED_IN_DOI.get(c, c) for c in doi)


_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|ref|source)$")


def normalize_url(url: str) -> str:
    """A stable form of a paper URL: https, no `www.`, no fragment, no trailing slash, no
    tracking parameters; meaningful queries (`?id=`, `?arnumber=`) are kept."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    host = host[4:] if host.startswith("www.") else host
    query = "&".join(
        q for q in parts.query.split("&") if q and not _TRACKING.match(q.split("=", 1)[0])
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, query, ""))


def isbn13(text: str) -> str | None:
    """The ISBN-13 of an ISBN-10 or ISBN-13 with a valid check digit, else None."""
    digits = re.sub(r"[\s-]", "", text).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        if total % 11:
            return None
        digits = "978" + digits[:9]
        return digits + str(
            (10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10) % 10
        )
    if re.fullmatch(r"97[89]\d{10}", digits):
        check = (
            10 - sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits[:12])) % 10
        ) % 10
        return digits if check == int(digits[12]) else None
    return None


def ref_from_key(key: str) -> PaperRef:
    """Rebuild a ref from its key (`arxiv:1908.03265`, `doi:...`); raises ValueError."""
    scheme, sep, value = key.partition(":")
    if not sep or not value:
        raise ValueError(f"not a reference key: {key!r}")
    kind = RefKind(scheme)
    if kind is RefKind.ARXIV:
        ref = parse_arxiv(value)
        if ref is None:
            raise ValueError(f"not an arXiv id: {value!r}")
        return ref
    if kind is RefKind.DOI:
        doi = normalize_doi(value)
        if doi is None:
            raise ValueError(f"not a DOI: {value!r}")
        return doi_ref(doi)
    return PaperRef(kind, value)


_SCHEMES = {kind.value: kind for kind in RefKind}


def ref_from_string(text: str) -> PaperRef | None:
    """The reference a person typed: a key (`arxiv:1908.03265`, `doi:10.1145/...`,
    `isbn:...`, `url:...`), an arXiv or DOI URL, a bare arXiv id, DOI or ISBN, or another URL.

    Returns None when `text` is none of these; `ref_from_key` is the strict form for keys.
    """
    text = text.strip()
    scheme, sep, value = text.partition(":")
    kind = _SCHEMES.get(scheme.lower()) if sep else None
    if kind is RefKind.ARXIV:
        return parse_arxiv(value)
    if kind is RefKind.DOI:
        doi = normalize_doi(value)
        return doi_ref(doi) if doi else None
    if kind is RefKind.ISBN:
        isbn = isbn13(value)
        return PaperRef(RefKind.ISBN, isbn) if isbn else None
    if kind is RefKind.URL:
        return PaperRef(RefKind.URL, normalize_url(value)) if "." in value else None
    if kind in (RefKind.TITLE, RefKind.AUTHOR_YEAR, RefKind.BOOK):
        return PaperRef(kind, value.strip()) if value.strip() else None
    arxiv_url = ARXIV_URL.match(text)
    if arxiv_url:
        return parse_arxiv(arxiv_url["id"])
    doi = normalize_doi(text)
    if doi:
        return doi_ref(doi)
    arxiv = parse_arxiv(text)
    if arxiv:
        return arxiv
    isbn = isbn13(re.sub(r"(?i)^isbn(?:-1[03])?\s*:?\s*", "", text))
    if isbn:
        return PaperRef(RefKind.ISBN, isbn)
    if re.match(r"(?i)^https?://[^\s/]+\.[^\s/]+", text):
        return PaperRef(RefKind.URL, normalize_url(text))
    return None


def arxiv_year(arxiv_id: str) -> int | None:
    """The year of an arXiv id's first version, read from the id (`1602.07868`: 2016,
    `math/0601001`: 2006; arXiv began in 1991); None when it holds no date."""
    digits = arxiv_id.split("/")[-1][:2]
    if not digits.isdigit():
        return None
    yy = int(digits)
    return 1900 + yy if yy >= 91 else 2000 + yy


# A DOI made from a serial item's SICI gives its issue's date after the journal's ISSN:
# `10.1002/(SICI)1097-024X(199708)27:8<983::AID-SPE117>3.0.CO;2-#` (Wiley, August 1997),
# `10.1175/1520-0469(1999)056<1766:DAEOAC>2.0.CO;2` (the AMS journals, 1999).
_SICI_DATE = re.compile(
    r"10\.\d{4,9}/(?:\(sici\))?\d{4}-\d{3}[\dx]\((?P<year>1[89]\d\d|20\d\d)\d{0,4}\)"
)


def doi_year(doi: str) -> int | None:
    """The year of the issue a SICI-made DOI names (`...1097-024X(199708)...`: 1997); None for
    a DOI that holds no date."""
    found = _SICI_DATE.match(doi.lower())
    return int(found["year"]) if found else None


# An ADS record's link (`scanner/identifiers/urls.py` gives them this form): a bibcode is the
# year, the journal, the volume, a qualifier and the page, then the first author's initial
# (`2008MNRAS.390...71C`; `2026MNRAS.549ag420C`, article `stag420`).
ADS_RECORD = re.compile(
    r"url:https://ui\.adsabs\.harvard\.edu/abs/(?P<year>\d{4})(?P<journal>[A-Za-z&.]{5})"
    r"(?P<volume>[\d.]{4})(?P<page>[A-Za-z.][\w.]{4})(?P<initial>[A-Za-z])"
)


# Publishers' identifiers that hold the year they were issued in, which is the work's year or
# the one before it (an article accepted in December is published in January): Elsevier's PII
# (`S` + the journal's ISSN + two digits of the year + the item, `S0965997813001853`; in a
# ScienceDirect link or a DOI, `10.1016/S0020-0255(14)00837-8`), its DOIs of the 2000s
# (`10.1016/j.advengsoft.2013.12.007`) and Springer's journal DOIs (`10.1007/s10898-007-9149-x`:
# 2007).
_ISSUED_YEAR = re.compile(
    r"(?i:url:https://sciencedirect\.com/science/article/(?:abs/)?pii/s\d{4}-?\d{3}[\dx]\(?(?P<pii>\d\d)\)?"
    r"\d{5}[\dx]"
    r"|doi:10\.1016/s\d{4}-?\d{3}[\dx]\(?(?P<doi_pii>\d\d)\)?\d{5}-?[\dx]"
    r"|doi:10\.1016/j\.[a-z]+\.(?P<elsevier>(?:19|20)\d\d)\.\d"
    r"|doi:10\.1007/s\d{5}-(?P<springer>[09]\d\d)-)"
)


def issued_years(key: str) -> frozenset[int]:
    """The years a publisher's identifier in `key` allows its work: the year it was issued in
    and the next (`url:https://sciencedirect.com/science/article/pii/S0965997813001853`: 2013
    or 2014); empty for a key that holds no such identifier."""
    found = _ISSUED_YEAR.match(key)
    if found is None:
        return frozenset()
    digits = found["pii"] or found["doi_pii"] or found["elsevier"] or found["springer"]
    if len(digits) == 4:
        year = int(digits)
    elif len(digits) == 3:  # Springer's: `007` is 2007, `998` 1998
        year = 1000 + int(digits) if digits[0] == "9" else 2000 + int(digits)
    else:  # a PII's two digits: 1990s or later
        year = 1900 + int(digits) if int(digits) >= 90 else 2000 + int(digits)
    return frozenset((year, year + 1))


def key_date(key: str) -> tuple[int | None, str | None]:
    """The year and the first author's initial (lower case) that a key's identifier gives by
    itself: a SICI-made DOI its issue's year, an ADS record's bibcode both; else None."""
    if key.startswith("doi:"):
        return doi_year(key[4:]), None
    record = ADS_RECORD.fullmatch(key)
    if record is not None:
        return int(record["year"]), record["initial"].lower()
    return None, None
