"""An author-year mention joined to the one entry or identifier of its place that it names."""

from __future__ import annotations

from catalog.keys import family_name, normalize_title
from catalog.types import RefKind
from scanner.places.base import ENTRY_KINDS, MAX_NAMESAKES, Groups, mergeable
from scanner.places.bibcodes import volume_of_record, year_and_initial
from scanner.places.labels import entry_label
from scanner.places.names import NAME_YEAR_LABEL, authors, first_family, same_family
from scanner.types import Hit


def join_author_year_mentions(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join an author-year mention to the one entry or identifier of the place whose first
    author and year it names (else whose co-author and year, else whose first author alone
    when the entry has no year)."""
    by_year: dict[int, list[tuple[int, str]]] = {}  # candidates indexed once: linear in hits
    # Entries without a year (`R. Van der Merwe "Sigma-Point Kalman Filters..."`, an arXiv
    # id's entry that gives none): a mention with a year points at one of them when no dated
    # entry has its author.
    undated: list[tuple[int, str]] = []
    # ADS records linked without their entry (`"JAM package of Cappellari (2008)"` over
    # `https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71C`): the bibcode's year and initial.
    records: dict[int, list[tuple[int, str]]] = {}
    for i, other in enumerate(hits):
        if other.kind is RefKind.AUTHOR_YEAR or not mergeable(other):
            continue
        record = year_and_initial(other.ref) if other.reference is None else None
        if record is not None:
            records.setdefault(record[0], []).append((i, record[1]))
        year, family = (
            (other.reference.year, first_family(other.reference)) if other.reference else (None, "")
        )
        if (year is None or not family) and other.ref is not None:
            # An identifier whose entry was not read still carries its label's name and year
            # (`[Haveliwala2002] ...` above its DOI).
            named = NAME_YEAR_LABEL.fullmatch(entry_label(text, other.start) or "")
            if named is not None:
                year, family = int(named["year"]), named["name"].lower()
        if year is None and family:
            # an entry read without its year whose link is an ADS record (`.. [1] Moore, B. et
            # al., "Title", https://ui.adsabs.harvard.edu/abs/1998ApJ...499L...5M`): the
            # bibcode's year, when its initial is the entry's first author's
            bibcode = year_and_initial(other.ref)
            if bibcode is not None and family.startswith(bibcode[1]):
                year = bibcode[0]
        if year is not None and family:
            by_year.setdefault(year, []).append((i, family))
        elif family and (other.kind in ENTRY_KINDS or other.ref is not None):
            # an identifier's entry with its authors and no year (`[1] Nicola De Cao, Ivan
            # Titov, Wilker Aziz. Block Neural Autoregressive Flow. [arXiv:1904.04676]`)
            undated.append((i, family))
    # Mentions already joined to an entry or identifier (its authors and year): not in-text.
    placed = {groups.find(i) for i, h in enumerate(hits) if h.kind is not RefKind.AUTHOR_YEAR}
    for index, hit in enumerate(hits):
        if hit.kind is not RefKind.AUTHOR_YEAR or hit.reference is None or not mergeable(hit):
            continue
        wanted = first_family(hit.reference)
        if not wanted or hit.reference.year is None:
            continue
        # a mention that gives its volume (`Lind 2024, JOSS, 9, 7023`) names no ADS record
        # of another volume (`2024ApJ...970...51L`)
        volume = hit.reference.volume
        candidates = [
            (i, family)
            for i, family in by_year.get(hit.reference.year, ())
            if not _other_volume(hits[i], volume)
        ]
        if len(candidates) > MAX_NAMESAKES:
            continue  # a generated table of entries: no mention points at one of them
        targets = {groups.find(i) for i, family in candidates if same_family(wanted, family)}
        if len(targets) > 1 and groups.find(index) not in placed:
            # Two entries of the first author's that year (`Wu et al. (2013)` above `Wu, S. D.
            # ... (2013). Modified multiscale ...` and `Wu, S. D. ... (2013). Time series
            # ...`): the mention names one of them, not a third work. Which one the text does
            # not say; it joins the first, so that the place counts each work once.
            groups.join(min(targets, key=lambda root: _first_start(hits, groups, root)), index)
            continue
        if not targets and len(hit.reference.authors) == 1:
            # "Wu/Perloff 2007" read as "Perloff 2007": a co-author of the year's one entry
            # (a mention that names two authors names its first: "Rousselet and Pernet 2012"
            # is not "Pernet, Wilcox, Rousselet ... 2012")
            targets = {
                groups.find(i)
                for i, _ in candidates
                if any(family_name(a) == wanted for a in authors(hits[i])[1:])
            }
        if not targets:
            # the entry's authors misread (`[1] Maren W. Okafor, John L. Lind. Erika Moss and
            # Paul A. Roe 1986.` read from "Paul"): the year's one entry whose first
            # author, as written, is the mention's (its surname among the first three words),
            # the mention's other authors after it
            names = [family_name(a) for a in hit.reference.authors]
            targets = {
                groups.find(i)
                for i, _ in candidates
                if _written_first(text, hits[i], names, hit.reference.year)
            }
        if not targets:
            # an ADS link of the mention's year whose bibcode ends with its author's initial
            targets = {
                groups.find(i)
                for i, initial in records.get(hit.reference.year, ())
                if wanted.startswith(initial) and not _other_volume(hits[i], volume)
            }
        if not targets and len(undated) <= MAX_NAMESAKES:
            targets = {
                groups.find(i)
                for i, family in undated
                if same_family(wanted, family) and _lists_co_authors(hits[i], hit)
            }
        if not targets and groups.find(index) not in placed:
            # "BERT (Devlin et al., 2019)" above the preprint's entry of 2018: a year apart,
            # the preprint's and the venue's, when the author's only entry is that one.
            year = hit.reference.year
            targets = {
                groups.find(i)
                for near in (year - 1, year + 1)
                for i, family in by_year.get(near, ())
                if same_family(wanted, family)
            }
        if len(targets) == 1:
            groups.join(targets.pop(), index)


def _other_volume(entry: Hit, volume: str | None) -> bool:
    """Whether `entry` is an ADS record whose bibcode gives a volume other than `volume`, the
    one a mention gives (an entry's volume as read may be its page: `TOMS 9, 346 (1983)`)."""
    given = volume_of_record(entry.ref)
    return volume is not None and given is not None and given != volume


def _lists_co_authors(entry: Hit, mention: Hit) -> bool:
    """Whether `entry` lists the co-authors `mention` names after its first author: `Lind,
    Moss and Vale, 2013` names no undated entry of `Lind, Roe and Holm`."""
    listed = {family_name(a) for a in authors(entry)}
    return all(family_name(a) in listed for a in authors(mention)[1:])


def _written_first(text: str, entry: Hit, names: list[str], year: int) -> bool:
    line_start = text.rfind("\n", 0, entry.start) + 1
    year_at = text.find(str(year), line_start, entry.end)
    if year_at < 0 or not names or not names[0]:
        return False
    words = [w for w in normalize_title(text[line_start:year_at]).split() if not w.isdigit()]
    if names[0] not in words[:3]:
        return False
    at = words.index(names[0])
    for name in names[1:]:
        if not name or name not in words[at + 1 :]:
            return False
        at = words.index(name, at + 1)
    return True


def _first_start(hits: list[Hit], groups: Groups, root: int) -> int:
    """Where the group of `root` is first written in the place."""
    return min(hits[i].start for i in range(len(hits)) if groups.find(i) == root)
