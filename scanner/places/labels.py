"""Entry labels: a label mention joined to its entry, a reference starting at its label."""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.types import RefKind
from scanner.places.base import MAX_NAMESAKES, Groups, mergeable
from scanner.places.names import NAME_YEAR_LABEL, first_family, same_family
from scanner.types import Hit

# An entry's label at the start of its line (`.. [Smith2011] J. Smith. ...`) and a mention of
# it in the text (`[Smith2011]_`, `[Smith2011]`).
_ENTRY_LABEL = re.compile(r"[ \t]*(?:\.\.[ \t]*)?\[(?P<label>[^\]\n]{1,40})\][ \t]")

# A Markdown link definition's label opening an entry (`[1]: J. Smith. Title. ... <link>`): the
# label a reference-style mention names (`[Smith et al. (2015)][1]`). Not an entry's own label
# for its reference's line: a definition whose link follows the label is read in `links.py`.
_DEFINITION_LABEL = re.compile(r"[ \t]*\[(?P<label>[^\]\n]{1,40})\]:[ \t]")


_LABEL_MENTION = re.compile(r"\[(?P<label>[^\]\n]{1,40})\]_?")


def join_labels(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a label mention (`[Smith2011]_`) to the entry that carries that label."""
    labelled: dict[str, int] = {}
    for index, hit in enumerate(hits):
        label = entry_label(text, hit.start)
        if label is None and "]:" in text:
            found = _entry_label_match(text, hit.start, _DEFINITION_LABEL)
            label = found["label"] if found is not None else None
        if label is not None and mergeable(hit):
            labelled.setdefault(label.casefold(), index)
    for index, hit in enumerate(hits):
        if hit.ref is not None:
            continue
        mention = _LABEL_MENTION.fullmatch(text, hit.start, hit.end)
        if mention is None and mergeable(hit):
            # `Smith et al. (2015) [1]_`, `"Title" [2]`: the mention names the entry its label
            # points at
            mention = _LABEL_AFTER.match(text, hit.end)
            if mention is not None and not _may_be(hit, labelled, mention["label"], hits):
                mention = None
        if mention is not None:
            target = labelled.get(mention["label"].casefold())
            if target is not None and target != index:
                groups.join(target, index)


# (perhaps after the sentence's full stop: `from Middlehurst (2021). [1]_`, or as the label of
# a Markdown reference-style link whose text is the mention: `[(Smith et al., 2015)][1]`)
_LABEL_AFTER = re.compile(r"(?:[.,]?[ \t]*|\)?\])\[(?P<label>[^\]\n]{1,40})\]_?")


def _may_be(mention: Hit, labelled: dict[str, int], label: str, hits: list[Hit]) -> bool:
    """Whether the entry labelled `label` may be the work the author-year `mention` names:
    nothing read in it (its first author, its year) says otherwise."""
    target = labelled.get(label.casefold())
    if target is None or mention.reference is None:
        return False
    entry = hits[target].reference
    if entry is None:
        return True
    wanted, found = first_family(mention.reference), first_family(entry)
    year, entry_year = mention.reference.year, entry.year
    if year is not None and entry_year is not None and year != entry_year:
        # a preprint's year against its proceedings' (`Middlehurst (2021). [1]_` for an entry of
        # 2020) only when the label says so and the first author is the entry's
        return abs(year - entry_year) == 1 and bool(wanted and found) and same_family(wanted, found)
    return not (wanted and found) or same_family(wanted, found)


_LABEL_LOOKBACK_LINES = 4  # an entry's identifier stands at most this many lines below its label


def entry_label(text: str, start: int) -> str | None:
    """The label of the entry a hit at `start` stands in: on its own line, or on one of the
    few lines above it in the same paragraph (`[Haveliwala2002] T. H. ...` then the DOI)."""
    found = _entry_label_match(text, start)
    return found["label"] if found is not None else None


def _entry_label_match(
    text: str, start: int, pattern: re.Pattern[str] = _ENTRY_LABEL
) -> re.Match[str] | None:
    line_end = start + 1
    for _ in range(_LABEL_LOOKBACK_LINES):
        line_start = text.rfind("\n", 0, line_end - 1) + 1
        label = pattern.match(text, line_start, line_end)
        if label is not None:
            return label
        if line_start == 0 or not text[line_start:line_end].strip():
            return None
        line_end = line_start
        if not text[text.rfind("\n", 0, line_end - 1) + 1 : line_end].strip():
            return None  # a blank line above: the paragraph starts here
    return None


def from_entry_label(text: str, hit: Hit, previous_end: int) -> Hit:
    """An identifier in a labelled entry, starting at the entry's label: a reference's line
    is its entry's first line, even when the identifier comes lines later. Not past the
    previous hit (`previous_end`), which belongs to an entry of its own."""
    if hit.ref is None or hit.problem is not None:
        return hit
    label = _entry_label_match(text, hit.start)
    if label is None or not previous_end <= label.start("label") - 1 < hit.start:
        return hit
    return replace(hit, start=label.start("label") - 1)


# A bracketed label in the text that may name an entry: `[FFGM2007]`, `[Smith2011]_`. A
# numeric one (`[1]`) is a back-reference and never names one.
_BRACKET_LABEL = re.compile(r"\[(?P<label>[A-Za-z][\w.+:-]{1,39})\]_?")


def with_label_mentions(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits of labelled entries with the places where the text names their label added to
    `also`: the same label (`[FFGM2007]`), or one spelled differently with the same first
    author and year (`[LeeEtal2019]` for `[LeePark2019] H. Lee and J. Park ... 2019`). An
    author-year hit that is only such a label (`[SmithEtal2011]_`) becomes part of the entry."""
    labels: dict[str, int] = {}
    by_year: dict[int, list[tuple[int, str]]] = {}
    own: set[int] = set()  # where the entries' own labels stand
    for index, hit in enumerate(hits):
        if hit.kind is RefKind.AUTHOR_YEAR or not mergeable(hit):
            continue
        found = _own_label(text, hit.start)
        if found is None or not found["label"][:1].isalpha():
            continue
        own.add(found.start("label") - 1)
        labels.setdefault(found["label"].casefold(), index)
        named = NAME_YEAR_LABEL.fullmatch(found["label"])
        if named is not None:
            by_year.setdefault(int(named["year"]), []).append((index, named["name"].lower()))
        elif hit.reference is not None and hit.reference.year is not None:
            family = first_family(hit.reference)
            if family:
                by_year.setdefault(hit.reference.year, []).append((index, family))
    if not labels:
        return hits
    label_hits = {(h.start, h.end): i for i, h in enumerate(hits) if h.kind is RefKind.AUTHOR_YEAR}
    added: dict[int, set[int]] = {}
    dropped: set[int] = set()
    for mention in _BRACKET_LABEL.finditer(text):
        if mention.start() in own:
            continue
        target: int | None = labels.get(mention["label"].casefold())
        if target is None and (named := NAME_YEAR_LABEL.fullmatch(mention["label"])):
            family = named["name"].lower()
            candidates = by_year.get(int(named["year"]), [])
            if len(candidates) > MAX_NAMESAKES:
                continue  # a generated table of entries: no label points at one of them
            targets = {i for i, other in candidates if same_family(family, other)}
            target = targets.pop() if len(targets) == 1 else None
        if target is None or hits[target].start <= mention.start() < hits[target].end:
            continue
        added.setdefault(target, set()).add(mention.start())
        if (label_hit := label_hits.get(mention.span())) is not None:
            dropped.add(label_hit)
    return [
        replace(hit, also=tuple(sorted({*hit.also, *added[i]}))) if i in added else hit
        for i, hit in enumerate(hits)
        if i not in dropped
    ]


def _own_label(text: str, start: int) -> re.Match[str] | None:
    """The label of the entry a hit starting at `start` stands in: the hit starts at it (an
    entry read from its label), or it stands on one of the lines above."""
    line_start = text.rfind("\n", 0, start) + 1
    label = _ENTRY_LABEL.match(text, line_start)
    if label is not None and label.start("label") - 1 >= start:
        return label
    return _entry_label_match(text, start)
