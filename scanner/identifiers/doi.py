"""CG102: DOIs: bare `10.NNNN/...`, `doi:` prefixes, doi.org URLs and publisher URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import unquote

from catalog.ids import DOI, clean_doi, doi_problem, doi_ref
from catalog.types import RefKind
from scanner.identifiers.base import iter_urls
from scanner.identifiers.cleaning import clean
from scanner.identifiers.hints import role_title
from scanner.identifiers.hosts import is_not_paper_host
from scanner.identifiers.paperlinks import entry_around
from scanner.identifiers.records import (
    cites_deposited_paper,
    is_repository_doi,
    is_standard_doi,
)
from scanner.spans import SpanSet
from scanner.types import Hit

# Any other URL whose path has a segment that starts a DOI (tried last).
_ANY_HOST = re.compile(
    r"(?i)^(?:https?://)?[\w.-]+(?:/[^/?#]+)*?/(?P<doi>10\.\d{4,9}/[^?#]+)(?:[?#].*)?$"
)
# Publisher URLs that carry the DOI in their path, each with the group that holds it.
_URL_PATTERNS = (
    re.compile(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/(?:urn:doi:)?(?P<doi>10\..+)$"),
    re.compile(
        r"(?i)^(?:https?://)?[\w.-]+/doi/(?:(?:abs|full|pdf|epdf|fullHtml|book|"
        r"proceedings|reader|figure)/)?(?P<doi>10\.\d{4,9}/.+)$"
    ),
    re.compile(
        r"(?i)^(?:https?://)?link\.springer\.com/(?:article|chapter|book|"
        r"referenceworkentry|protocol|content/pdf)/(?P<doi>10\.\d{4,9}/.+)$"
    ),
    re.compile(r"(?i)^(?:https?://)?journals\.aps\.org/\w+/(?:abstract|pdf)/(?P<doi>10\..+)$"),
    re.compile(
        r"(?i)^(?:https?://)?(?:www\.)?(?:bio|med)rxiv\.org/content/"
        r"(?P<doi>10\.1101/[\d.]+)"
    ),
    re.compile(
        r"(?i)^(?:https?://)?(?:www\.)?frontiersin\.org/(?:journals/[\w-]+/)?articles/"
        r"(?P<doi>10\.\d{4,9}/[^/]+)"
    ),
    # bioRxiv's and medRxiv's older PDF links name only the DOI's number.
    re.compile(
        r"(?i)^(?:https?://)?(?:www\.)?(?:bio|med)rxiv\.org/content/(?:bio|med)rxiv/early/"
        r"\d{4}/\d\d/\d\d/(?P<number>\d{6,})"
    ),
    re.compile(r"(?i)^(?:https?://)?journals\.plos\.org/\w+/article\S*[?&]id=(?P<doi>10\.[^&]+)"),
    re.compile(
        r"(?i)^(?:https?://)?iopscience\.iop\.org/article/(?P<doi>10\.\d{4,9}/.+?)"
        r"(?:/(?:pdf|meta|fulltext)(?:/[^/]*)?)?$"
    ),
    re.compile(r"(?i)^(?:https?://)?doi\.acm\.org/(?P<doi>10\..+)$"),
    _ANY_HOST,
)
# A link written without its scheme (`doi.org/10.1145/...`, `pubs.acs.org/doi/10.1021/...`):
# a host name, then a path that reaches a DOI. Searched only where `/10.` occurs.
_SCHEMELESS = re.compile(
    r"(?i)(?<![\w.:/@-])(?:[a-z0-9-]+\.)+[a-z]{2,}/(?:[^\s\"'<>`|/]+/)*?10\.\d{4,9}"
    r"[^\s\"'<>`|\\^{}。，、；：！？（）]*"
)
_SHORT_DOI_URL = re.compile(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/(?P<doi>10/[a-z0-9]{2,12})/?$")
_NATURE = re.compile(r"(?i)^(?:https?://)?(?:www\.)?nature\.com/articles/(?P<suffix>[\w.-]+)")
# `doi:`, `DOI `, `doi =` (BibTeX) followed by whatever the author meant as the DOI.
# `?doi=` and `&doi=` are URL query parameters (CiteSeerX uses them for its own ids), and
# `:doi:`...`` is the Sphinx role.
# Searched in the lowercased text, so that the pattern starts with the literal `doi` and the
# regex engine can skip to it (a case-insensitive or look-behind start tries every position).
# (`info:doi/10...` is the OpenURL form.)
_PREFIXED = re.compile(
    r"doi(?<![\w/.?&]doi)\s*(?::|(?<=info:doi)/|=\s*[{\"]?|\s)\s*(?P<doi>[^\s,{}\"`]+)"
)
# The role's target may follow a text: `:doi:`Bastian et al., 2019. Title <10.1145/3360572>``.
_ROLE = re.compile(r"(?i):doi:`(?:(?P<text>[^`<]*)<(?P<target>[^`\s<>]+)>|(?P<doi>[^`\s]+))`")
_SHORT_DOI = re.compile(r"(?i)^(?:10/)?[a-z0-9]{3,12}$")
# The look-behind follows the literal `10.` so that the regex engine can search for the literal
# first; a leading look-behind makes it try the whole pattern at every position.
_BARE = re.compile(r"10\.(?<![\w./]10\.)" + DOI.pattern.removeprefix(r"10\."))


class DoiExtractor:
    """Finds DOIs in URLs, after `doi:` markers and bare in text."""

    rule: ClassVar[str] = "CG102"
    kind: ClassVar[RefKind] = RefKind.DOI
    VALID: ClassVar[tuple[str, ...]] = (
        "doi:10.1145/3360572",
        "DOI: 10.1016/0167-2789(84)90263-6;",
        "(doi:10.1145/3368089.3409741).",
        "https://doi.org/10.1038/nature14539",
        "http://dx.doi.org/10.1109/5.771073",
        "https://dl.acm.org/doi/pdf/10.1145/3147.3165",
        "https://onlinelibrary.wiley.com/doi/abs/10.1002/sim.4067",
        "https://link.springer.com/article/10.1007/s10994-006-6226-1",
        "https://www.nature.com/articles/nature14539",
        "https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1.full.pdf",
        "Journal of Stats 12(3), 2001. 10.1080/01621459.2000.10473909",
        "doi = {10.1145/78973.78977},",
        ":doi:`10.1093/biomet/19.3-4.225`",
        ":doi:`Bastian, T. et al., 2019. Reliable and fast DWARF-based stack unwinding "
        "<10.1145/3360572>`",
        "http://doi.acm.org/10.1145/2187980.2188150",
        "https://iopscience.iop.org/article/10.1209/0295-5075/97/28005/pdf",
        "https://doi.org/10/bm6",
        "See doi.org/10.1016/j.epsl.2011.11.037 for details.",
        "dx.doi.org/10.1109/5.771073",
        "pubs.acs.org/doi/10.1021/ja00051a040",
        "https://www.biorxiv.org/content/biorxiv/early/2018/03/15/282962.full.pdf",
        "https://bmcmedresmethodol.biomedcentral.com/articles/10.1186/1471-2288-13-152#Sec27",
        "doi:10.1000.10/123456",
        "[10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90)",
    )
    INVALID: ClassVar[tuple[str, ...]] = (
        "the value was 10.5 in prose",
        "10.1234 without a slash",
        "version 10.12/3",
        "the DOI lookup fails when DOI: is empty",
        "see https://github.com/org/repo/pull/10",
        "192.168.10.1000/24",
        "https://docs.python.org/3/library/re.html",
        "http://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.42.2777",
        "the 10.2019/2020 season",
        "ratio 10.1234/5 and time 10.0000/s",
        "10.1999/12",
    )

    def find(self, text: str) -> Iterator[Hit]:
        """Yield DOI hits; a malformed DOI after `doi:` carries a `problem`. A standard's DOI
        is left out, and so is a data or software repository's unless its entry cites a paper
        deposited there."""
        for hit in self._find(text):
            doi = hit.ref.value if hit.ref is not None else ""
            if is_standard_doi(doi) or (
                is_repository_doi(doi)
                and not cites_deposited_paper(entry_around(text, hit.start, hit.end))
            ):
                continue
            yield hit

    def _find(self, text: str) -> Iterator[Hit]:
        lowered = text.lower()
        if (
            "10." not in text
            and "doi" not in lowered
            and "nature.com" not in lowered
            and "rxiv.org" not in lowered
        ):
            return
        taken = SpanSet()
        for start, end, url in iter_urls(text):
            if _IMAGE.search(url.split("?", 1)[0]):
                taken.add(start, end)  # a badge's image (`zenodo.org/badge/DOI/10...svg`)
                continue
            doi = _doi_in_url(url)
            if doi and doi.startswith(_ZENODO) and _badge_target(text, start):
                taken.add(start, end)  # the software release a README badge links to
                continue
            if doi and _SICI_OPEN.search(doi) and text.startswith("<", end):
                # A SICI DOI goes on past the `<` that ends a URL in prose:
                # `https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM>3.0.CO;2-X`
                tail = _SICI_TAIL.match(text, end)
                if tail:
                    longer = clean_doi(doi + tail.group(0).lower())
                    end += len(longer) - len(doi)
                    doi = longer
            if doi:
                taken.add(start, end)
                yield Hit(start, end, self.kind, self.rule, ref=doi_ref(doi))
        for match in _SCHEMELESS.finditer(text) if "/10." in text else ():
            if taken.covers(match.start()):
                continue
            url = clean(match.group(0))
            doi = _doi_in_url(url)
            if doi:
                taken.add(match.start(), match.start() + len(url))
                yield Hit(
                    match.start(), match.start() + len(url), self.kind, self.rule, ref=doi_ref(doi)
                )
        for match in _ROLE.finditer(text) if ":doi:" in lowered else ():
            candidate = clean_doi(match["doi"] or match["target"])
            taken.add(*match.span())
            if candidate in ("", "...", "…"):
                continue  # a placeholder in documentation of the role itself
            if _SHORT_DOI.match(candidate) and not candidate.startswith("10."):
                short = candidate if candidate.startswith("10/") else "10/" + candidate
                yield Hit(
                    match.start(), match.end(), self.kind, self.rule, ref=doi_ref(short.lower())
                )
                continue
            in_url = _doi_in_url(candidate) if "://" in candidate else None
            if in_url:
                # Sphinx would link doi.org/https://doi.org/...: the citation is clear, the
                # markup is broken.
                yield Hit(
                    match.start(),
                    match.end(),
                    self.kind,
                    self.rule,
                    ref=doi_ref(in_url),
                    problem="the :doi: role takes a bare DOI, not a URL",
                )
                continue
            problem = doi_problem(candidate)
            yield Hit(
                match.start(),
                match.end(),
                self.kind,
                self.rule,
                problem=problem,
                ref=None if problem else doi_ref(candidate.lower()),
                title_hint=role_title(match["text"]) if match["text"] else None,
            )
        # Lowercasing keeps offsets except for a few non-ASCII letters; then search a copy
        # lowercased letter by letter where it does.
        searched = lowered if len(lowered) == len(text) else _lower_in_place(text)
        for match in _PREFIXED.finditer(searched) if "doi" in lowered else ():
            if taken.covers(match.start()):
                continue
            raw = text[match.start("doi") : match.end("doi")]
            if not raw[:1].isdigit():
                continue  # "the DOI lookup", "DOI: see below": prose, not an identifier
            if raw.endswith(("/...", "/…", "/<suffix>")):
                continue  # a placeholder in documentation: `doi:10.1145/...`
            cleaned = _trim(clean_doi(raw))
            problem = doi_problem(cleaned)
            start = match.start()
            end = match.start("doi") + len(cleaned)
            taken.add(start, max(end, match.end()))
            if problem:
                yield Hit(start, end, self.kind, self.rule, problem=problem)
            else:
                yield Hit(
                    start,
                    end,
                    self.kind,
                    self.rule,
                    ref=doi_ref(cleaned.lower()),
                    problem=_delimited_punctuation(text, (start, match.start("doi")), end),
                )
        for match in _BARE.finditer(text) if "10." in text else ():
            if taken.covers(match.start()):
                continue
            cleaned = _trim(clean_doi(match.group(0)))
            if not _plausible_bare(cleaned):
                continue
            end = match.start() + len(cleaned)
            yield Hit(
                match.start(),
                end,
                self.kind,
                self.rule,
                ref=doi_ref(cleaned.lower()),
                confidence=0.95,
                problem=_delimited_punctuation(text, (match.start(),), end),
            )


# The issue part of a SICI (`...(19980430)17:8`, the AMS journals' `...(1995)052`) before its
# `<...>` item part, which ends in the code's version and check character (`>2.0.CO;2`,
# `>3.0.CO;2-X`): only that shape goes on past a `<`, never markup (`...(02)00501<br>`).
_SICI_OPEN = re.compile(r"\)\d+(?::[\d/-]+)*$")
_SICI_TAIL = re.compile(r"(?i)<[^\s<>]+>\d\.\d\.[a-z]{2};\d(?:-[\da-z#])?")
# An image is never the paper, though a badge's image URL holds a DOI.
_IMAGE = re.compile(r"(?i)\.(?:svg|png|jpe?g|gif|webp)$")
# Zenodo's DOIs name software releases and data sets; behind a README badge they are the
# project's own release, not a paper it cites (a JOSS paper's badge still is a paper).
_ZENODO = "10.5281/zenodo."
# What precedes a badge's link: a Markdown image inside a link, `[![DOI](image)](`, or reST's
# `:target:` option of an `.. image::`.
_BADGE_BEFORE = re.compile(r"(?:\[!\[[^\]\n]*\]\([^)\s]*\)\]\(|^[ \t]*:target:[ \t]*)$", re.M)


def _badge_target(text: str, start: int) -> bool:
    """Whether the link at `start` is the target of a badge image."""
    return _BADGE_BEFORE.search(text, max(0, start - 300), start) is not None


def _host(url: str) -> str:
    return re.sub(r"(?i)^(?:https?://)?", "", url).split("/", 1)[0].split(":", 1)[0].lower()


# A `#` or `?` written percent-encoded is part of the DOI (a Wiley SICI's check character,
# `...3.0.CO;2-%23`); only a raw one starts the link's fragment or query. Decoding keeps them
# encoded until the fragment and query are cut off.
_ENCODED_DELIMITER = re.compile(r"(?i)%(23|3f)")


def _doi_in_url(url: str) -> str | None:
    decoded = unquote(_ENCODED_DELIMITER.sub(r"%25\1", url))
    short = _SHORT_DOI_URL.match(decoded)
    if short:
        return short["doi"].lower()
    for pattern in _URL_PATTERNS:
        if pattern is _ANY_HOST and is_not_paper_host(_host(decoded)):
            continue  # `github.com/org/repo/blob/main/10.1234/x` names a file
        match = pattern.match(decoded)
        if match and "number" in match.groupdict():
            return "10.1101/" + match["number"]
        if match:
            doi = clean_doi(
                re.split(r"[?#]", match["doi"])[0] if "plos" not in decoded else match["doi"]
            )
            doi = re.sub(r"(?i)v\d+$", "", doi) if "rxiv.org" in decoded else _trim(doi)
            doi = unquote(doi.rstrip("/"))  # `https://doi.org/10.1145/3360572/`: no DOI ends in `/`
            return doi.lower() if "/" in doi else None
    nature = _NATURE.match(decoded)
    if nature:
        return "10.1038/" + re.sub(r"(?i)\.pdf$", "", nature["suffix"]).lower()
    return None


# Without a `doi:` marker, `10.2019/2020` (a season), `10.1234/5` (a ratio) or `10.0000/s` (a
# timing) is not a DOI: registrant codes start at 1000, and a one- or two-digit suffix, or a
# short number after a year-like code, is arithmetic or a date (`10.1000/182` stays a DOI).
_IMPLAUSIBLE_BARE = re.compile(
    r"10\.(?:0\d*|\d{1,3})(?:\.\d+)*/.*|[^/]+/\d{1,2}|10\.(?:19|20)\d\d/\d{1,4}"
)


# SIAM's legacy DOIs carry a fixed-length PII (`S` + ISSN + year + article + check digit:
# `10.1137/S0895479894246905`); letters glued after it are a typo or the next word, never
# part of the DOI.
_FIXED_LENGTH = re.compile(r"(?i)(?P<doi>10\.1137/s\d{15}[\dx])[a-z]+")


# Full-width punctuation of CJK prose, never raw in a DOI, and a string literal's escape
# sequence (`\n`, `\t`, `\"`): a DOI in a C or Python string (a docstring table, a help text)
# ends where the escaped line break or quote starts.
_NOT_IN_DOI = re.compile(r"[。，、；：！？（）]|\\(?:[ntr0\\\"']|$)")


def _trim(doi: str) -> str:
    """`doi` without what cannot belong to it: CJK prose or a string escape after it, or what
    follows the end its registrant's fixed format gives it."""
    doi = _NOT_IN_DOI.split(doi, maxsplit=1)[0]
    fixed = _FIXED_LENGTH.fullmatch(doi)
    return fixed["doi"] if fixed else doi


def _plausible_bare(doi: str) -> bool:
    return "/" in doi and not doi.endswith("/") and not _IMPLAUSIBLE_BARE.fullmatch(doi)


def _delimited_punctuation(text: str, starts: tuple[int, ...], end: int) -> str | None:
    """A DOI followed by punctuation and then a closing delimiter (`}`, `"`, `>`) was written
    with the punctuation inside it, as in `doi = {10.1145/3360572.}`.  citegraph: ignore
    Only when the delimiters hold the DOI alone, opening right before it or its `doi:` label
    (`starts`): a quoted entry that ends with its DOI (`@see "Authors (2006), Title,
    doi:10.1029/2005GL025545."`) ends its own sentence."""
    tail = re.match(r"[.,;:]+[}\"'>\]]", text[end : end + 4])
    opening = _OPENING.get(tail.group(0)[-1], "") if tail else ""
    if tail and any(start > 0 and text[start - 1] in opening for start in starts):
        return f"trailing {tail.group(0)[:-1]!r} inside the delimited DOI"
    return None


# The opening delimiters a closing one may pair with (a quote closes what either quote opened).
_OPENING = {"}": "{", '"': "\"'", "'": "'\"", ">": "<", "]": "["}


def _lower_in_place(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
