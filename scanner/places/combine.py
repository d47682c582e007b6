"""The mentions of one work made one hit: the strongest identifier, the richest fields, `also`."""

from __future__ import annotations

from dataclasses import replace

from catalog.keys import normalize_title
from catalog.types import PaperRef, RefKind
from scanner.places.base import ENTRY_BREAK, ENTRY_KINDS, ENTRY_REACH
from scanner.places.copies import labels_a_copy
from scanner.types import EntryFields, Hit

_STRENGTH = {
    RefKind.ARXIV: 0,
    RefKind.DOI: 1,
    RefKind.URL: 2,
    RefKind.ISBN: 3,
    RefKind.BOOK: 4,
    RefKind.TITLE: 5,
    RefKind.AUTHOR_YEAR: 6,
}


def merge(
    text: str,
    group: list[Hit],
    beside: frozenset[int] = frozenset(),
    bridged: frozenset[int] = frozenset(),
) -> Hit:
    """One hit for the mentions of one work: the strongest identifier, the entry's fields,
    the span of the reference text, the other mentions' offsets in `also`. A mention that
    starts at an offset in `beside` is part of the reference text (a link's text), not an
    in-text mention; an entry that starts at an offset in `bridged` runs on to the next
    mention across a blank line (its link in a paragraph of its own)."""
    if len(group) == 1:
        return group[0]
    group.sort(key=lambda h: (h.start, h.end))
    primary = min(group, key=lambda h: (_STRENGTH[h.kind], h.start))
    run = _reference_text(text, group, primary, beside, bridged)
    fields = _richest_fields(group)
    return replace(
        primary,
        start=run[0].start,
        end=max(h.end for h in run),
        confidence=max(h.confidence for h in group),
        title_hint=_best_title(
            [
                fields.title if fields else None,
                *(h.title_hint for h in group if h.kind in ENTRY_KINDS),
                primary.title_hint,
                # a copy's link text (`journal version`, `PDF`) names no title
                *(h.title_hint for h in group if not labels_a_copy(h.title_hint or "")),
            ]
        ),
        reference=fields,
        also=tuple(sorted({h.start for h in group} - {h.start for h in run})),
        others=_published_doi(primary, run),
    )


def _published_doi(primary: Hit, run: list[Hit]) -> tuple[PaperRef, ...]:
    """The one DOI the reference text gives beside the arXiv id it is keyed by (an entry's
    `doi` and `eprint` fields, a journal's link and the preprint's side by side): the same
    work, which another place may cite by the DOI alone. Two DOIs may be two works' (an entry
    read with its neighbour's link): none; nor one elsewhere in the place (two links a name
    and a year joined, `Okafor et al. 2021 <DOI>` and `Okafor, Lind 2021 <arXiv>`, may be
    two of a year's papers)."""
    if primary.kind is not RefKind.ARXIV:
        return ()
    dois = {h.ref for h in run if h.kind is RefKind.DOI and h.ref is not None}
    return tuple(dois) if len(dois) == 1 else ()


def _reference_text(
    text: str, group: list[Hit], primary: Hit, beside: frozenset[int], bridged: frozenset[int]
) -> list[Hit]:
    """The mentions that make up the reference text around `primary`: the entry with its
    identifiers, one run of mentions with no blank line or next entry between them.
    In-text author-year mentions are never part of it unless they are all there is, or the
    link's text."""
    body = [
        h for h in group if h.kind is not RefKind.AUTHOR_YEAR or h is primary or h.start in beside
    ]
    runs: list[list[Hit]] = [[body[0]]]
    last_end = body[0].end  # the furthest end of the current run
    for hit in body[1:]:
        if runs[-1][-1].start in bridged or (
            hit.start - last_end <= ENTRY_REACH
            and not ENTRY_BREAK.search(text, last_end, max(last_end, hit.start))
        ):
            runs[-1].append(hit)
            last_end = max(last_end, hit.end)
        else:
            runs.append([hit])
            last_end = hit.end
    return next(run for run in runs if primary in run)


def _best_title(candidates: list[str | None]) -> str | None:
    """The first title read, or a longer one that completes it (a title cut short at a
    parenthesis by one reader and read whole by another)."""
    titles = [t for t in candidates if t]
    if not titles:
        return None
    best = titles[0]
    for title in titles[1:]:
        if len(title) > len(best) and normalize_title(title).startswith(normalize_title(best)):
            best = title
    return best


def _richest_fields(group: list[Hit]) -> EntryFields | None:
    """The fields of the mention that read most about the work (an entry over a mention)."""
    candidates = [(h.reference, h.ref is not None) for h in group if h.reference is not None]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda c: (
            bool(c[0].title),
            len(c[0].authors),
            c[0].year is not None,
            bool(c[0].venue),
            # on a tie, the entry read around an identifier over a title reader's reading of
            # the same text
            c[1],
        ),
    )[0]
