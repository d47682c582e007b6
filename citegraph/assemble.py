"""Assembling the report: citation sites plus resolutions become papers, citations, findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from catalog import (
    Paper,
    PaperRef,
    Reference,
    RefKind,
    Resolution,
    ResolutionStatus,
    doi_url,
    family_name,
    key_date,
    normalize_title,
    reference_work_keyed,
    text_ref,
)
from citegraph.report import Citation, Finding, PaperEntry
from citegraph.rules import MALFORMED_FALLBACK_RULE, MALFORMED_RULE_BY_KIND
from scanner import Mention

_RESOLVABLE = frozenset({RefKind.ARXIV, RefKind.DOI, RefKind.URL})


@dataclass(frozen=True, slots=True)
class Site:
    """A mention together with the file it was found in."""

    path: str
    language: str
    mention: Mention


def reference_key(mention: Mention) -> str:
    """The key a mention is resolved under (its reference's; a malformed identifier, which
    names no reference, is keyed by its text)."""
    if mention.reference is not None:
        return mention.reference.key
    return text_ref(mention.raw).key


def citation_of(site: Site, paper_key: str) -> Citation:
    """The output record of one citation site."""
    m = site.mention
    reference = m.reference
    ref = m.ref
    return Citation(
        path=site.path,
        line=m.line,
        column=m.column,
        end_line=m.end_line,
        end_column=m.end_column,
        symbol=m.symbol.name,
        symbol_kind=m.symbol.kind.value,
        language=site.language,
        context=m.context.value,
        kind=m.kind.value,
        id=ref.key if ref else None,
        version=ref.version if ref else None,
        raw=m.raw,
        title_hint=m.title_hint,
        rule=m.rule,
        confidence=round(m.confidence, 3),
        paper=paper_key,
        authors=reference.authors if reference else (),
        year=reference.year if reference else None,
        venue=reference.venue if reference else None,
        problem=m.problem,
        also_lines=m.also_lines,
    )


def paper_entry(key: str, sites: list[Site], resolution: Resolution | None) -> PaperEntry:
    """The output record of one paper, from its resolution or, failing that, its citations."""
    first = sites[0].mention
    # the card of a reference work's sections (`catalog.works`) is the work's
    work = reference_work_keyed(key)
    url = work.home if work else _url_of(first.ref)
    # Title, authors, year and venue come from one reading of the work (a reference entry);
    # a reference work's card reads only the citations that name it by its own title: an
    # entry that links an equation of the DLMF is some paper's, and its authors and year are
    # not the work's, while "Hyndman and Athanasopoulos, Forecasting: Principles and
    # Practice, 2018" is the book's
    dated = key_date(key)
    if work is None:
        reference = card_reading(sites, dated)
    else:
        reference = card_reading(site for site in sites if _titled(site, work.title))
    hint = work.title if work else (reference.title if reference else None)
    hint = hint or _most_written(s.mention.title_hint for s in sites)
    kind = first.kind.value
    status = resolution.status.value if resolution else "unresolved"
    if first.ref is None and resolution is None:
        status = ResolutionStatus.UNRESOLVED_TITLE.value
    ids = _ids_of_sites(sites)
    paper: Paper | None = resolution.paper if resolution else None
    if paper is None:
        return PaperEntry(
            key=key,
            kind=kind,
            status=status,
            title_hint=hint,
            authors=reference.authors if reference else (),
            year=_year(dated[0], reference.year if reference else None),
            venue=reference.venue if reference else None,
            url=url,
            ids=ids,
            confidence=resolution.confidence if resolution else None,
        )
    return PaperEntry(
        key=key,
        kind=kind,
        status=status,
        title=paper.title,
        title_hint=hint,
        authors=paper.authors,
        year=paper.year,
        venue=paper.venue,
        abstract=paper.abstract,
        url=paper.url or url,
        ids={**ids, **paper.ids},
        source=paper.source,
        confidence=resolution.confidence if resolution else None,
        primary_category=paper.primary_category,
    )


# What a citation read of its work: title, authors, year, venue.
_Fields = tuple[str | None, tuple[str, ...], int | None, str | None]


def card_reading(
    sites: Iterable[Site], dated: tuple[int | None, str | None] = (None, None)
) -> Reference | None:
    """The reading of a work its card shows: of the citations that read its authors, year or
    venue, the one that read the most of title, authors, year and venue; between equals the
    one most citations support (an entry copied into many files outweighs the one whose
    fields a neighbouring entry lent), a citation supporting each reading of its title and
    year whose authors begin with its own ("Fichet et al. (2021)" the entry of Fichet,
    Pacanowski and Wilkie, 2021); then the first. A bibliography key cited alone
    ("Carter2018") is read last: its entry's own reading is the work's. `dated`: the year and
    first author's initial the card's identifier gives by itself (`catalog.key_date`); a
    reading of another year or initial is another work's entry that copied its link (four
    entries of gammapy's halo profiles link Einasto's bibcode `1965TrAlm...5...87E`) and is
    read last too, and not at all when both differ. The card's year is the identifier's (a
    SICI DOI dates its issue: commons-numbers' `Musser (1999)` beside a DOI of August 1997)."""
    readings: dict[_Fields, tuple[int, Reference]] = {}
    counts: Counter[_Fields] = Counter()
    written: set[_Fields] = set()  # the readings some citation wrote in words
    for site in sites:
        reference = site.mention.reference
        if reference is None or not _read(reference):
            continue
        fields = (reference.title, reference.authors, reference.year, reference.venue)
        readings.setdefault(fields, (len(readings), reference))
        counts[fields] += 1
        if not _keyed(site.mention):
            written.add(fields)
    # a reading whose year and first author both differ from what the identifier gives is
    # another work's (pint-pulsar's `2019MNRAS.482.3249Z` read with the `Lange 2001` entry
    # beside it): the card shows none of it
    readings = {fields: value for fields, value in readings.items() if _fits(fields, dated)}
    counts = Counter({fields: n for fields, n in counts.items() if fields in readings})
    if not readings:
        return None
    names = {fields: _family_names(fields[1]) for fields in readings}
    titles = {fields: normalize_title(fields[0]) if fields[0] else None for fields in readings}

    def support(fields: _Fields) -> int:
        mine, title, year = names[fields], titles[fields], fields[2]
        return sum(
            count
            for other, count in counts.items()
            if mine[: len(names[other])] == names[other]
            and titles[other] in (None, title)
            and other[2] in (None, year)
        )

    best = max(
        readings,
        key=lambda f: (
            _fits(f, dated),
            f in written,
            sum(map(bool, f)),
            support(f),
            -readings[f][0],
        ),
    )
    return readings[best][1]


# A year written within this many of the identifier's is its preprint's (an ADS record of the
# journal article of 2019, cited as the e-print of 2018): the year the code wrote stands.
_PREPRINT_YEARS = 1


def _year(dated: int | None, written: int | None) -> int | None:
    """A card's year: the one its citations wrote, unless the identifier dates the work
    otherwise by more than a preprint's year (`Musser (1999)` beside a DOI of 1997's issue)."""
    if dated is None or (written is not None and abs(written - dated) <= _PREPRINT_YEARS):
        return written
    return dated


def _fits(fields: _Fields, dated: tuple[int | None, str | None]) -> int:
    """How well a reading's year and first author agree with what the identifier gives: 2 in
    all it says, 1 when one of them differs, 0 when both do (another work's entry)."""
    year, initial = dated
    first = family_name(fields[1][0]) if fields[1] else ""
    year_differs = (
        year is not None and fields[2] is not None and abs(fields[2] - year) > _PREPRINT_YEARS
    )
    initial_differs = initial is not None and bool(first) and first[0] != initial
    return 2 - year_differs - initial_differs


def _titled(site: Site, title: str) -> bool:
    """Whether a citation's reading gives `title` as its work's title."""
    reference = site.mention.reference
    if reference is None or reference.title is None:
        return False
    return normalize_title(reference.title) == normalize_title(title)


def _keyed(mention: Mention) -> bool:
    """Whether a mention is a bibliography key cited alone ("Carter2018", "Luo1996b"): the
    name and year a key was read as are the poorest reading of its entry's work."""
    return mention.kind is RefKind.AUTHOR_YEAR and not any(c.isspace() for c in mention.raw)


def _family_names(authors: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(family_name(author) for author in authors)


def _most_written(hints: Iterable[str | None]) -> str | None:
    """The title most citations give, between equals the first."""
    counts = Counter(hint for hint in hints if hint)
    return max(counts, key=counts.__getitem__) if counts else None


def _read(reference: Reference) -> bool:
    return bool(reference.authors or reference.year or reference.venue)


def _ids_of_sites(sites: Iterable[Site]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for site in sites:
        ref = site.mention.ref
        if ref is not None:
            ids.setdefault(ref.kind.value, ref.value)
    # then the identifiers a place gave beside them (an entry's DOI beside its arXiv id)
    for site in sites:
        for other in site.mention.others:
            ids.setdefault(other.kind.value, other.value)
    return ids


def _url_of(ref: PaperRef | None) -> str | None:
    if ref is None:
        return None
    if ref.kind is RefKind.ARXIV:
        return f"https://arxiv.org/abs/{ref.value}"
    if ref.kind is RefKind.DOI:
        return doi_url(ref.value)
    if ref.kind is RefKind.URL:
        return ref.value
    return None


def findings_of(
    sites: Iterable[Site],
    resolutions: Mapping[str, Resolution],
    mismatches: Mapping[tuple[str, str], str],
) -> list[Finding]:
    """Malformed identifiers, identifiers no source knows, and title/identifier mismatches.

    `mismatches` maps (reference key, title hint) to the resolved title that contradicts
    that hint: each citation is judged by the title written beside it.
    """
    findings = []
    for site in sites:
        m = site.mention
        if m.problem:
            code = MALFORMED_RULE_BY_KIND.get(m.kind.value, MALFORMED_FALLBACK_RULE)
            findings.append(_finding(code, f"{m.problem}: {m.raw!r}", site, None))
            continue
        if m.ref is None:
            continue
        resolution = resolutions.get(m.ref.key)
        # Only identifiers some source could know can "fail to resolve"; an ISBN that no
        # source covers is not a finding.
        if (
            resolution is not None
            and resolution.status is ResolutionStatus.NOT_FOUND
            and m.ref.kind in _RESOLVABLE
        ):
            findings.append(
                _finding(
                    "CG003", f"{m.ref.key} was not found by any metadata source", site, m.ref.key
                )
            )
        resolved_title = mismatches.get((m.ref.key, m.title_hint)) if m.title_hint else None
        if resolved_title is not None:
            findings.append(
                _finding(
                    "CG004",
                    f"{m.ref.key} is {resolved_title!r}, but the text names {m.title_hint!r}",
                    site,
                    m.ref.key,
                )
            )
    return findings


def _finding(code: str, message: str, site: Site, paper: str | None) -> Finding:
    return Finding.at(code, message, site.path, site.mention, paper)
