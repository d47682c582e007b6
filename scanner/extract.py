"""Extraction: every reference in one block of text, placed in its file.

`find_hits` runs the registered identifier extractors over the block (with identifiers wrapped
across lines joined), resolves overlaps, merges reference entries found by the title detector
(the identifier stays the key; the entry's fields become its title hint), and adds title
hints from links and quotes. `find_mentions` turns hits into `Mention`s with file positions.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from catalog.keys import book_ref, named_ref
from catalog.types import Reference, RefKind
from scanner.identifiers import EXTRACTORS
from scanner.identifiers.hints import title_hint
from scanner.identifiers.joining import join_wrapped
from scanner.options import TitleScope
from scanner.spans import SpanIndex
from scanner.titles import find_citations
from scanner.types import Context, Hit, Mention, TextBlock

# A hit is reported under the rule of its reference's kind: an arXiv DOI found by the DOI
# extractor is an arXiv reference (CG101), suppressed and configured as one.
_RULE_OF_KIND = {extractor.kind: rule for rule, extractor in EXTRACTORS.items()}


@lru_cache(maxsize=16384)  # two entries a block, more than the blocks of one file
def find_hits(text: str, titles: TitleScope = TitleScope.ALL) -> tuple[Hit, ...]:
    """Every reference in `text`, sorted by position, without overlaps. `titles` says whether
    the title detector reads the block (`TitleScope`): with less than `ALL`, a block that holds
    no identifier yields nothing; with `NONE`, the identifiers are returned as written.

    Cached: parsers call it to decide whether a file needs its structure read, and
    `find_mentions` calls it again on the same blocks; the identifiers as written are cached
    under `TitleScope.NONE`, so a block read again with titles is not searched again for them.
    """
    if "\r\n" in text:
        # A file with CRLF line ends reads as its LF copy: the readers' patterns end a line
        # at `\n`, and the `\r` before it, a character of the line, kept many from matching
        # (a reference list's entry, a list literal's item, a link closing its line). Blanked
        # to a space, every offset stays the block's.
        return find_hits(text.replace("\r\n", " \n"), titles)
    if titles is TitleScope.NONE:
        return _identifiers(text)
    # Imported here: reading identifiers as written (a pre-commit check's first read) needs no
    # joining of a place's hits.
    from scanner.places import merge_place

    identifiers = list(find_hits(text, TitleScope.NONE))
    if not identifiers:
        if titles is not TitleScope.ALL:
            return ()
        # Most blocks cite nothing: without identifiers, the title detector's entries are the
        # hits as they stand once merged by place.
        entries = find_citations(text)
        return tuple(merge_place(text, sorted(entries, key=_position))) if entries else ()
    spans = tuple((h.start, h.end) for h in identifiers)
    entries = find_citations(text)
    merged: list[Hit] = []
    for hit in identifiers:
        if hit.ref is not None and hit.title_hint is None:
            hit = replace(hit, title_hint=title_hint(text, hit.start, hit.end, spans))
        merged.append(hit)
    # Lookups by index keep this linear in the block: a generated reference list has
    # thousands of entries and identifiers, and comparing each with each took minutes.
    holding = _identifiers_in(merged, entries)
    owners = _TitleOwners(merged)
    for entry in entries:
        inside = holding(entry)
        if inside:
            # The entry is the reference text of the identifiers written in it (an entry with
            # its DOI, a Sphinx role whose text is the entry): one reference, spanning both.
            fields = entry.reference
            for i in inside:
                hit = merged[i]
                if hit.problem is None:
                    merged[i] = replace(
                        hit,
                        start=min(hit.start, entry.start),
                        end=max(hit.end, entry.end),
                        reference=fields or hit.reference,
                        title_hint=(fields.title if fields and fields.title else None)
                        or entry.title_hint
                        or hit.title_hint,
                    )
                    owners.changed(i, hit, merged[i])
            continue
        owner = owners.first(entry)
        if owner is not None:
            # `"Adam: ..." (arXiv:1412.6980)`: the quoted title already is the identifier's
            # hint, so the title citation is the same reference, not a second one.
            if merged[owner].reference is None:
                merged[owner] = replace(merged[owner], reference=entry.reference)
            if merged[owner].start < entry.start and not (
                owners.sole(entry) and _entry_below(text, merged[owner], entry)
            ):
                continue
            # The identifier ends the entry (its title hint read back into it), or the entry is
            # written again on the lines below it (its BibTeX entry under `` `Title` - <link>
            # ``): the entry joins it in `merge_place` by their one title, so that the reference
            # starts at the entry's first line, or holds the entry's lines and identifiers.
        merged.append(entry)
    merged.sort(key=_position)
    return tuple(merge_place(text, merged))


def cites_any(texts: Sequence[str], titles: TitleScope = TitleScope.ALL) -> bool:
    """Whether `find_hits(text, titles)` finds anything in one of `texts`: what `any` over
    them says, asked in a cheaper order. A text holding an identifier has a hit whatever the
    title detector reads in it (merging by place never leaves none), so every text is searched
    for identifiers first, and the title detector (most of a block's cost) reads the texts, in
    their order, only when none holds one. Parsers ask this of a file's blocks before reading
    its structure: a docstring with examples is read again with them blanked, so its reading
    with them is wasted whenever another block settles the question."""
    if any(find_hits(text, TitleScope.NONE) for text in texts):
        return True
    return titles is TitleScope.ALL and any(find_hits(text, titles) for text in texts)


def _identifiers(text: str) -> tuple[Hit, ...]:
    """The identifiers written in `text`, sorted by position, without overlaps, each its own
    hit (two of one work joined only by link syntax are one)."""
    view = join_wrapped(text)
    found: list[tuple[int, Hit]] = []
    for order, extractor in enumerate(EXTRACTORS.values()):
        for hit in extractor.find(view.text):
            start, end = view.span(hit.start, hit.end)
            kind = hit.ref.kind if hit.ref is not None else hit.kind
            rule = _RULE_OF_KIND.get(kind, hit.rule)
            found.append((order, replace(hit, start=start, end=end, kind=kind, rule=rule)))
    if not found:
        return ()
    found.sort(key=lambda item: (item[1].start, -(item[1].end - item[1].start), item[0]))
    identifiers: list[Hit] = []
    for _, hit in found:
        if not identifiers or hit.start >= identifiers[-1].end:
            identifiers.append(hit)
    return tuple(_join_link_pairs(text, identifiers))


def _position(hit: Hit) -> tuple[int, int]:
    return hit.start, hit.end


# What may stand between a link's text and its target, or an id and its link, when both name
# the same work: `[10.1/x](https://doi.org/10.1/x)`, `arXiv:1706.03762 (https://arxiv.org/...)`,
# `doi:10.1/x <https://doi.org/10.1/x>`.
_LINK_GLUE = re.compile(r"[\s\]\[(<:,]{0,6}")
_NEWLINE = re.compile(r"\n")


def _join_link_pairs(text: str, hits: list[Hit]) -> list[Hit]:
    """One hit for two neighbouring hits of the same work joined by link syntax."""
    joined: list[Hit] = []
    for hit in hits:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and hit.ref is not None
            and previous.ref == hit.ref
            and _LINK_GLUE.fullmatch(text, previous.end, hit.start)
        ):
            joined[-1] = replace(
                previous, end=hit.end, title_hint=previous.title_hint or hit.title_hint
            )
        else:
            joined.append(hit)
    return joined


@dataclass(frozen=True, slots=True)
class _At:
    """An identifier's span and its index among the hits."""

    start: int
    end: int
    index: int


def _identifiers_in(hits: list[Hit], entries: Sequence[Hit]) -> Callable[[Hit], list[int]]:
    """A function giving the indices of the identifier hits (with a ref) that overlap an entry.

    When the entries lie apart, widening a hit over one entry never makes it reach another, so
    the spans as they are now answer for every entry; otherwise each lookup reads the hits as
    they are at that moment."""
    if all(a.end <= b.start for a, b in itertools.pairwise(entries)):
        index = SpanIndex([_At(h.start, h.end, i) for i, h in enumerate(hits) if h.ref is not None])
        return lambda entry: [at.index for at in index.overlapping(entry.start, entry.end)]
    return lambda entry: [
        i
        for i, h in enumerate(hits)
        if h.ref is not None and h.start < entry.end and entry.start < h.end
    ]


def _entry_below(text: str, owner: Hit, entry: Hit) -> bool:
    """Whether `entry`, whose title is `owner`'s title hint, stands on a line below it with
    the same fields, so that the two join by their title (not one sentence's quoted title),
    and the hint was written before the identifier, as its label (`` `Title` - <link> ``):
    a hint read from a quote after it may be the next entry's title."""
    fields = owner.reference
    hint = _title_key(owner.title_hint)
    before = _title_key(text[max(0, owner.start - _HINT_REACH) : owner.start])
    return (
        "\n" in text[owner.end : entry.start]
        and fields is not None
        and _title_key(fields.title)
        == _title_key(entry.reference.title if entry.reference else None)
        and hint is not None
        and before is not None
        and hint in before
    )


_HINT_REACH = 600  # characters before an identifier where the label it is read from stands


def _title_key(title: str | None) -> str | None:
    return " ".join(title.casefold().split()) if title else None


class _TitleOwners:
    """For each title, the first identifier hit whose title hint it is."""

    def __init__(self, hits: list[Hit]) -> None:
        self._by_title: dict[str, set[int]] = {}
        for index, hit in enumerate(hits):
            self._add(index, hit)

    def _add(self, index: int, hit: Hit) -> None:
        key = _title_key(hit.title_hint) if hit.ref is not None else None
        if key is not None:
            self._by_title.setdefault(key, set()).add(index)

    def changed(self, index: int, old: Hit, new: Hit) -> None:
        """Hit `index` went from `old` to `new`."""
        key = _title_key(old.title_hint) if old.ref is not None else None
        if key is not None:
            self._by_title[key].discard(index)
        self._add(index, new)

    def sole(self, entry: Hit) -> bool:
        """Whether one identifier hit alone has the title of `entry` as its hint (two links of
        one quoted title may be two copies, or a quote read for the wrong link)."""
        title = (entry.reference.title if entry.reference else None) or entry.title_hint
        key = _title_key(title)
        return key is not None and len(self._by_title.get(key, ())) == 1

    def first(self, entry: Hit) -> int | None:
        """The index of the identifier hit whose title hint is the title of `entry`, if any."""
        title = (entry.reference.title if entry.reference else None) or entry.title_hint
        key = _title_key(title)
        indices = self._by_title.get(key) if key is not None else None
        return min(indices) if indices else None


def find_mentions(block: TextBlock, titles: TitleScope = TitleScope.ALL) -> list[Mention]:
    """Every reference in `block`, with 1-based lines and columns in the file (`titles`: see
    `find_hits`).

    `end_line`/`end_column` point just past the mention (SARIF's convention), so a mention on
    one line spans columns `[column, end_column)`.
    """
    hits = find_hits(block.text, titles)
    if not hits:
        return []
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(block.text)]

    def position(offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(line_starts, offset) - 1
        column = offset - line_starts[index] + (block.column if index == 0 else 0)
        return block.line + index, column + 1

    mentions = []
    for hit in hits:
        if block.context is Context.STRING and hit.problem is not None:
            # A malformed id in a string literal is data (a URL prefix being built, a test
            # case), not a citation someone got wrong: keep what it names, drop the complaint.
            if hit.ref is None:
                continue
            hit = replace(hit, problem=None)
        line, column = position(hit.start)
        end_line, end_column = position(hit.end)
        raw = block.text[hit.start : hit.end]
        mentions.append(
            Mention(
                kind=hit.kind,
                rule=hit.rule,
                reference=reference_of(hit, raw),
                raw=raw,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                context=block.context,
                symbol=block.symbol,
                confidence=hit.confidence,
                problem=hit.problem,
                also_lines=tuple(sorted({position(offset)[0] for offset in hit.also} - {line})),
                others=hit.others,
            )
        )
    return mentions


def reference_of(hit: Hit, raw: str) -> Reference | None:
    """The reference a hit names: its identifier, else the key its title or authors and year
    make (`catalog.keys`), with the fields read beside it; None for a malformed identifier."""
    fields = hit.reference
    title = hit.title_hint or (fields.title if fields else None)
    authors = fields.authors if fields else ()
    year = fields.year if fields else None
    if hit.ref is not None:
        ref = hit.ref
    elif hit.problem is not None:
        return None
    elif hit.kind is RefKind.BOOK:
        ref = book_ref(title, authors, year, raw)
    else:
        ref = named_ref(title, authors, year, raw)
    if fields is None:
        return Reference(ref, title)
    venue = fields.venue
    if venue and title and fields.title and _words(f"{fields.title} {venue}") == _words(title):
        # One reader cut the title where it wrapped and read its last words as the venue;
        # another read it whole ("... Bayesian Inference" / "Algorithm").
        venue = None
    return Reference(ref, title, authors, year, venue, fields.volume, fields.pages)


def _words(text: str) -> list[str]:
    return text.casefold().split()
