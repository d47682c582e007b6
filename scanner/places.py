"""One place, one reference: the hits of one block that name the same work become one hit.

A place is one docstring or one contiguous comment block (a `TextBlock`). Within it, every
mention of one work is one reference (`reference/references.md`):

- an entry's identifiers (arXiv id, DOI, URL) wherever they stand in the entry, the
  identifier perhaps a few lines after the title;
- the same identifier, or the same title, written twice;
- an in-text author-year mention or label (`Smith et al. (2011)`, `(Nguyen, 2003)`,
  `[Smith2011]_`) that points at an entry or identifier of the place by its first author's
  family name and year (a label spelled slightly differently still matches).

The merged hit keeps the strongest identifier written (arXiv > DOI > URL > ISBN > book >
title > author-year), the entry's fields, and spans the reference text (the entry with its
identifiers); the other mentions' offsets are its `also`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.keys import author_year_ref, family_name, normalize_title, title_ref
from catalog.types import RefKind
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
# The kinds of an entry read by its title, which an identifier after it may end.
_ENTRY_KINDS = frozenset({RefKind.TITLE, RefKind.BOOK})
# What ends an entry between its text and an identifier after it: a blank line, or the start
# of the next entry (a reST or numbered label, a bullet, a Doxygen or Javadoc tag).
_ENTRY_BREAK = re.compile(
    r"\n[ \t]*\n|\n[ \t]*(?:\.\.[ \t]*\[|\[[^\]\n]{1,40}\][ \t]|[-*•][ \t]|\d{1,3}[.)][ \t]|"
    r"@see\b|@cite\b|\\cite\b)"
)
# The words that may stand between an entry and its identifier (`Available at`, `[Online]`,
# `Also: arXiv preprint`); any other word is prose about something else (`came first. We
# follow arXiv:...` names another work). Numbers and dates are allowed too.
_TRAILER_WORDS = frozenset(
    [
        "available",
        "online",
        "at",
        "from",
        "url",
        "urls",
        "doi",
        "link",
        "links",
        "see",
        "also",
        "arxiv",
        "preprint",
        "e-print",
        "eprint",
        "accessed",
        "retrieved",
        "in",
        "on",
        "pdf",
        "full",
        "text",
        "version",
        "published",
        "as",
        "and",
        "or",
        "via",
        "cited",
    ]
)
# A sentence of prose in the gap: a word followed by a lowercase word, at the gap's start or
# after a sentence end (`came first. We follow`), unless the word is an entry's own (a
# trailer word, or `Chapter in "Book" edited by`, `Technical report`, `PhD thesis`).
_PROSE = re.compile(
    r"(?:^|[.!?][\"”')\]]?)\s+(?!(?i:chapter|edited|technical|lecture|thesis|phd)\b)"
    r"([A-Za-z][a-z]+)\s+[a-z]{2,}"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# A repository's id written before its link (`2015. hal-01231784` then the HAL link).
_REPOSITORY_ID = re.compile(r"\b(?:hal|tel|inria|halshs)-\d{6,}\b")
_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)
# A list item's label before an entry on its line: within a labelled list, everything up to
# the next label or blank line is the entry's.
_LABELLED = re.compile(
    r"[ \t]*(?:\.\.[ \t]*\[[^\]\n]+\]|\[[^\]\n]{1,40}\]|\d{1,3}[.)]|[-*•]|@see|@cite|\\cite)"
    r"[ \t]*$"
)
_ENTRY_REACH = 400  # characters from an entry's end to an identifier that still belongs to it
_MAX_NAMESAKES = 50  # entries of one year a mention is compared with
_SURNAME_SIMILARITY = 85  # rapidfuzz ratio for a label spelled unlike its entry


def merge_place(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits of one place with each work's mentions merged into one hit, sorted."""
    if len(hits) < 2:
        return _with_link_references(text, hits)
    groups = _Groups(len(hits))
    _join_same_work(hits, groups)
    _join_title_prefixes(hits, groups)
    _join_chapter_collections(text, hits, groups)
    _join_entry_identifiers(text, hits, groups)
    _join_labels(text, hits, groups)
    _join_author_year_mentions(text, hits, groups)
    merged = [_merge(text, [hits[i] for i in members]) for members in groups.members()]
    merged.sort(key=lambda h: (h.start, h.end))
    if "[" in text:  # asked once per place: asked per hit, it read a huge block once per hit
        merged = [
            _from_entry_label(text, hit, merged[i - 1].end if i else 0)
            for i, hit in enumerate(merged)
        ]
        merged = _with_label_mentions(text, merged)
    return _with_link_references(text, merged)


class _Groups:
    """Union-find over hit indexes."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for index in range(len(self._parent)):
            found.setdefault(self.find(index), []).append(index)
        return list(found.values())


def _mergeable(hit: Hit) -> bool:
    # A malformed identifier names nothing, and its finding points at its own span.
    return hit.problem is None


def _join_same_work(hits: list[Hit], groups: _Groups) -> None:
    """Join hits with the same identifier or the same entry title."""
    first_of: dict[str, int] = {}
    for index, hit in enumerate(hits):
        if not _mergeable(hit):
            continue
        keys = [f"span:{hit.start}:{hit.end}"]  # identifiers of one entry share its span
        if hit.ref is not None:
            keys.append(hit.ref.key)
        title = hit.reference.title if hit.reference else None
        if title and (ref := title_ref(title)) is not None:
            keys.append(ref.key)
        elif hit.kind is RefKind.AUTHOR_YEAR and hit.reference is not None:
            # `:footcite:`KolesEtAl1990`` twice, `Koles et al. (1990)` and `Koles et al. 1990`
            named = author_year_ref(hit.reference.authors[:1], hit.reference.year)
            keys.extend([named.key] if named is not None else [])
        for key in keys:
            groups.join(first_of.setdefault(key, index), index)


_PREFIX_WORDS = 4  # a title cut short still names its work when this many words agree


def _join_title_prefixes(hits: list[Hit], groups: _Groups) -> None:
    """Join hits whose titles agree up to where one of them stops: a quoted title cut at a
    parenthesis (`"... complexity O(n`) and the same title read whole beside its DOI."""
    buckets: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    for index, hit in enumerate(hits):
        title = (hit.reference.title if hit.reference else None) or hit.title_hint
        if not title or not _mergeable(hit):
            continue
        words = normalize_title(title).split()
        if len(words) >= _PREFIX_WORDS:
            buckets.setdefault(tuple(words[:_PREFIX_WORDS]), []).append((index, words))
    for members in buckets.values():
        if len(members) > _MAX_NAMESAKES:
            continue
        for a, (first, first_words) in enumerate(members):
            for second, second_words in members[a + 1 :]:
                # A title citation against another reading; two identifiers given one quoted
                # title as their hint may be two works cited in one sentence.
                if not {hits[first].kind, hits[second].kind} & _ENTRY_KINDS:
                    continue
                shorter = min(len(first_words), len(second_words))
                if first_words[:shorter] == second_words[:shorter]:
                    groups.join(first, second)


# Between a chapter's title and the title of the collection it is in: `Title. Chapter in
# "Collection"`, `Title. In: Collection`.
_CHAPTER_IN = re.compile(r"(?i)[\s.,;:]*(?:chapter\s+)?in\b[\s:]*[\"“«']?[ \t]*")


def _join_chapter_collections(text: str, hits: list[Hit], groups: _Groups) -> None:
    """Join a chapter's entry to the collection's title read right after it on its line
    (`Title. Chapter in "Collection" edited by ...`): one reference, the chapter."""
    for index in range(1, len(hits)):
        hit, entry = hits[index], hits[index - 1]
        if (
            hit.ref is None
            and entry.ref is None
            and hit.kind in _ENTRY_KINDS
            and entry.kind in _ENTRY_KINDS
            and _mergeable(hit)
            and _mergeable(entry)
            and _CHAPTER_IN.fullmatch(text, entry.end, hit.start) is not None
        ):
            groups.join(index - 1, index)
            # The collection's title and editors are the chapter's venue, not its fields
            # (nor those of the chapter's identifiers that were read with them).
            collection, title = hit.reference, hit.title_hint
            for later in range(index, len(hits)):
                other = hits[later]
                if other.start - hit.end > _ENTRY_REACH:
                    break
                if (collection is not None and other.reference == collection) or (
                    title and other.title_hint == title
                ):
                    hits[later] = replace(other, reference=None, title_hint=None)


def _join_entry_identifiers(text: str, hits: list[Hit], groups: _Groups) -> None:
    """Join an identifier to the entry it ends: the title entry right before it, with no
    blank line or next entry between them; or the entry's identifier right before it (a
    publisher's page, then the working paper: `DOI: 10.1016/...` then `http://escholarship...`)
    with only the words entries put before a link between them."""
    in_entry = {i for i, hit in enumerate(hits) if hit.ref is not None and hit.reference}
    for index in range(1, len(hits)):
        hit, entry = hits[index], hits[index - 1]
        if hit.ref is None or not _mergeable(hit) or not _mergeable(entry):
            continue
        if entry.ref is None and entry.kind in _ENTRY_KINDS:
            if _continues_entry(text, entry, hit.start):
                groups.join(index - 1, index)
                in_entry.add(index)
        elif entry.ref is not None and (index - 1 in in_entry or _ends_entry_line(text, entry)):
            gap = text[entry.end : hit.start]
            words = _WORD.findall(gap)
            if (
                "\n" in gap
                and _ENTRY_BREAK.search(text, entry.start, hit.start) is None
                # `url1,\n url2` and `url1 and\n url2` list several works.
                and (
                    # The note may have been read into the entry: look from its line's start.
                    _PUBLISHED_VERSION.match(gap)
                    or _PUBLISHED_VERSION.match(
                        text[text.rfind("\n", 0, entry.end) + 1 : hit.start]
                    )
                    or (
                        not _LIST_SEPARATOR.search(gap)
                        and all(
                            _trailer_or_locator(w) and w.lower() not in ("and", "or") for w in words
                        )
                    )
                )
                and _ends_its_line(text, hit.end)
            ):
                groups.join(index - 1, index)
                in_entry.add(index)


# Where in a work an entry points (`p. 294`, `Ch. 7`), between its identifiers.
_LOCATOR_WORDS = frozenset(["p", "pp", "page", "pages", "ch", "chapter", "sec", "section", "eq"])


def _trailer_or_locator(word: str) -> bool:
    return word.lower() in _TRAILER_WORDS or word.lower() in _LOCATOR_WORDS


_LIST_SEPARATOR = re.compile(r"[,;]")
# A note of the published version between a preprint's id and the journal's link:
# `arXiv:0905.4913` then `Published 2010 in Elec. J. Combinatorics 17(1).` then the link.
_PUBLISHED_VERSION = re.compile(
    r"[\s.,;]*(?:also\s+)?(?:published|appeared|to appear)\b[^\n]{0,120}\n[^\S\n]*$",
    re.IGNORECASE,
)
# A heading: a line ending with `:`, an underline, or the line above an underline.
_UNDERLINE = re.compile(r"[ \t]*[-=~^*]{3,}[ \t]*")
_PARAGRAPH_REACH = 300
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINKS = re.compile(r"\S*(?:://|www\.|doi:|arxiv:)\S*", re.IGNORECASE)


# What may follow an entry's last link on its line: punctuation, a parenthesised remark
# (`(working paper)`), or the words entries put after a link.
_LINE_TAIL = re.compile(
    r"[^\S\n]*[.,;:)>\]`'\"]*[^\S\n]*(?:\([^()\n]{0,40}\)[.,;]?)?[^\S\n]*(?:\n|$)"
)


def _ends_its_line(text: str, end: int) -> bool:
    """Whether only punctuation or a parenthesised remark follows `end` on its line: the link
    closes its entry rather than starting a sentence (`https://... extends it.`)."""
    return _LINE_TAIL.match(text, end) is not None


def _ends_entry_line(text: str, hit: Hit) -> bool:
    """Whether the identifier `hit` ends entry text (`..., Phys. Rev. E, 2016,
    doi:10.1103/...`), not a list of links under a heading (`See:`, `References:`)."""
    window = text[max(0, hit.start - _PARAGRAPH_REACH) : hit.start]
    blank = _BLANK_LINE.search(window[::-1])
    paragraph = window[len(window) - blank.start() :] if blank else window
    lines = paragraph.split("\n")
    kept = [
        line
        for i, line in enumerate(lines)
        if not line.rstrip().endswith(":")
        and not _UNDERLINE.fullmatch(line)
        and not (i + 1 < len(lines) and _UNDERLINE.fullmatch(lines[i + 1]))
    ]
    words = _WORD.findall(_LINKS.sub(" ", "\n".join(kept)))
    return not all(_trailer_or_locator(w) for w in words)


def _continues_entry(text: str, entry: Hit, start: int) -> bool:
    """Whether an identifier at `start` still belongs to `entry`: near, no blank line or next
    entry between them, and either the entry is a labelled list item, only the words entries
    put before a link stand between, or the entry starts its paragraph and no prose starts."""
    end = entry.end
    if not 0 <= start - end <= _ENTRY_REACH:
        return False
    gap = text[end:start]
    if _ENTRY_BREAK.search(gap) is not None:
        return False
    line_start = text.rfind("\n", 0, entry.start) + 1
    if _LABELLED.fullmatch(text, line_start, entry.start):
        return True
    words = _WORD.findall(_REPOSITORY_ID.sub(" ", gap))
    if all(w.lower() in _TRAILER_WORDS or w.lower()[:3] in _MONTHS for w in words):
        return True
    # A numpy or Google `References` entry runs on through its publisher and notes to its
    # link, as long as no sentence of prose starts; so does an entry cited in prose ("as
    # described by B. N. Parlett, "Title", Journal, 1969,") onto the next line, to its DOI.
    return (_starts_paragraph(text, line_start, entry.start) or gap.count("\n") <= 1) and all(
        match[1].lower() in _TRAILER_WORDS for match in _PROSE.finditer(gap)
    )


def _starts_paragraph(text: str, line_start: int, start: int) -> bool:
    """Whether `start` begins its line's text and that line follows a blank line, a heading
    underline or the start of the block."""
    if text[line_start:start].strip():
        return False
    if _follows_paragraph_markup(text, line_start):
        return True
    # Found by looking back from the line, not by copying the text before it: a block of
    # thousands of entries asks this of each.
    last = line_start - 1
    while last >= 0 and text[last] in " \t\n":
        last -= 1
    # The line above is blank when only spaces stand on it: a comment's blank line (` *`,
    # `//`) keeps the spaces its delimiters were blanked to.
    spaces = line_start - 2
    while spaces >= 0 and text[spaces] in " \t":
        spaces -= 1
    ends_blank = line_start >= 1 and spaces >= 0 and text[spaces] == "\n"
    return last < 0 or ends_blank or text[last] in "-=:"


def _follows_paragraph_markup(text: str, line_start: int) -> bool:
    """Whether the line above holds paragraph markup only (Doxygen's `</para><para>`,
    Javadoc's `<p>`): a blank line of the rendered text."""
    if line_start < 2:
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return "<" in above and _PARAGRAPH_TAGS.fullmatch(above) is not None


_PARAGRAPH_TAGS = re.compile(r"(?i)[ \t]*(?:</?(?:para|p|br)[ \t]*/?>[ \t]*)+")


# An entry's label at the start of its line (`.. [Smith2011] J. Smith. ...`) and a mention of
# it in the text (`[Smith2011]_`, `[Smith2011]`).
_ENTRY_LABEL = re.compile(r"[ \t]*(?:\.\.[ \t]*)?\[(?P<label>[^\]\n]{1,40})\][ \t]")
_LABEL_MENTION = re.compile(r"\[(?P<label>[^\]\n]{1,40})\]_?")


def _join_labels(text: str, hits: list[Hit], groups: _Groups) -> None:
    """Join a label mention (`[Smith2011]_`) to the entry that carries that label."""
    labelled: dict[str, int] = {}
    for index, hit in enumerate(hits):
        label = _entry_label(text, hit.start)
        if label is not None and _mergeable(hit):
            labelled.setdefault(label.casefold(), index)
    for index, hit in enumerate(hits):
        mention = _LABEL_MENTION.fullmatch(text, hit.start, hit.end)
        if mention is not None and hit.ref is None:
            target = labelled.get(mention["label"].casefold())
            if target is not None and target != index:
                groups.join(target, index)


_LABEL_LOOKBACK_LINES = 4  # an entry's identifier stands at most this many lines below its label


def _entry_label(text: str, start: int) -> str | None:
    """The label of the entry a hit at `start` stands in: on its own line, or on one of the
    few lines above it in the same paragraph (`[Haveliwala2002] T. H. ...` then the DOI)."""
    found = _entry_label_match(text, start)
    return found["label"] if found is not None else None


def _entry_label_match(text: str, start: int) -> re.Match[str] | None:
    line_end = start + 1
    for _ in range(_LABEL_LOOKBACK_LINES):
        line_start = text.rfind("\n", 0, line_end - 1) + 1
        label = _ENTRY_LABEL.match(text, line_start, line_end)
        if label is not None:
            return label
        if line_start == 0 or not text[line_start:line_end].strip():
            return None
        line_end = line_start
        if not text[text.rfind("\n", 0, line_end - 1) + 1 : line_end].strip():
            return None  # a blank line above: the paragraph starts here
    return None


# A label made of the first author's name and the year: `Haveliwala2002`, `SmithEtAl2011`.
_NAME_YEAR_LABEL = re.compile(
    r"(?P<name>[A-Z][a-z]+)(?:[A-Z][a-z]+)*?(?:EtAl|etal)?(?P<year>(?:19|20)\d\d)[a-z]?"
)


def _join_author_year_mentions(text: str, hits: list[Hit], groups: _Groups) -> None:
    """Join an author-year mention to the one entry or identifier of the place whose first
    author and year it names (else whose co-author and year, else whose first author alone
    when the entry has no year)."""
    by_year: dict[int, list[tuple[int, str]]] = {}  # candidates indexed once: linear in hits
    # Entries without a year (`R. Van der Merwe "Sigma-Point Kalman Filters..."`): a mention
    # with a year points at one of them when no dated entry has its author.
    undated: list[tuple[int, str]] = []
    for i, other in enumerate(hits):
        if other.kind is RefKind.AUTHOR_YEAR or not _mergeable(other):
            continue
        year, family = (
            (other.reference.year, _first_family(other.reference))
            if other.reference
            else (None, "")
        )
        if (year is None or not family) and other.ref is not None:
            # An identifier whose entry was not read still carries its label's name and year
            # (`[Haveliwala2002] ...` above its DOI).
            named = _NAME_YEAR_LABEL.fullmatch(_entry_label(text, other.start) or "")
            if named is not None:
                year, family = int(named["year"]), named["name"].lower()
        if year is not None and family:
            by_year.setdefault(year, []).append((i, family))
        elif family and other.kind in _ENTRY_KINDS:
            undated.append((i, family))
    for index, hit in enumerate(hits):
        if hit.kind is not RefKind.AUTHOR_YEAR or hit.reference is None or not _mergeable(hit):
            continue
        wanted = _first_family(hit.reference)
        if not wanted or hit.reference.year is None:
            continue
        candidates = by_year.get(hit.reference.year, ())
        if len(candidates) > _MAX_NAMESAKES:
            continue  # a generated table of entries: no mention points at one of them
        targets = {groups.find(i) for i, family in candidates if _same_family(wanted, family)}
        if not targets:
            # "Wu/Perloff 2007" read as "Perloff 2007": a co-author of the year's one entry.
            targets = {
                groups.find(i)
                for i, _ in candidates
                if any(family_name(a) == wanted for a in _authors(hits[i])[1:])
            }
        if not targets and len(undated) <= _MAX_NAMESAKES:
            targets = {groups.find(i) for i, family in undated if _same_family(wanted, family)}
        if len(targets) == 1:
            groups.join(targets.pop(), index)


def _authors(hit: Hit) -> tuple[str, ...]:
    return hit.reference.authors if hit.reference else ()


def _first_family(fields: EntryFields) -> str:
    return family_name(fields.authors[0]) if fields.authors else ""


def _same_family(wanted: str, other: str) -> bool:
    if not other:
        return False
    if wanted == other:
        return True
    from rapidfuzz import fuzz  # imported here: most blocks never compare two surnames

    return fuzz.ratio(wanted, other) >= _SURNAME_SIMILARITY


def _merge(text: str, group: list[Hit]) -> Hit:
    """One hit for the mentions of one work: the strongest identifier, the entry's fields,
    the span of the reference text, the other mentions' offsets in `also`."""
    if len(group) == 1:
        return group[0]
    group.sort(key=lambda h: (h.start, h.end))
    primary = min(group, key=lambda h: (_STRENGTH[h.kind], h.start))
    run = _reference_text(text, group, primary)
    fields = _richest_fields(group)
    return replace(
        primary,
        start=run[0].start,
        end=max(h.end for h in run),
        confidence=max(h.confidence for h in group),
        title_hint=_best_title(
            [
                fields.title if fields else None,
                *(h.title_hint for h in group if h.kind in _ENTRY_KINDS),
                primary.title_hint,
                *(h.title_hint for h in group),
            ]
        ),
        reference=fields,
        also=tuple(sorted({h.start for h in group} - {h.start for h in run})),
    )


def _reference_text(text: str, group: list[Hit], primary: Hit) -> list[Hit]:
    """The mentions that make up the reference text around `primary`: the entry with its
    identifiers, one run of mentions with no blank line or next entry between them.
    In-text author-year mentions are never part of it unless they are all there is."""
    body = [h for h in group if h.kind is not RefKind.AUTHOR_YEAR or h is primary]
    runs: list[list[Hit]] = [[body[0]]]
    last_end = body[0].end  # the furthest end of the current run
    for hit in body[1:]:
        if hit.start - last_end <= _ENTRY_REACH and not _ENTRY_BREAK.search(
            text, last_end, max(last_end, hit.start)
        ):
            runs[-1].append(hit)
            last_end = max(last_end, hit.end)
        else:
            runs.append([hit])
            last_end = hit.end
    return next(run for run in runs if primary in run)


def _from_entry_label(text: str, hit: Hit, previous_end: int) -> Hit:
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


def _with_label_mentions(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits of labelled entries with the places where the text names their label added to
    `also`: the same label (`[FFGM2007]`), or one spelled differently with the same first
    author and year (`[LeeEtal2019]` for `[LeePark2019] H. Lee and J. Park ... 2019`). An
    author-year hit that is only such a label (`[SmithEtal2011]_`) becomes part of the entry."""
    labels: dict[str, int] = {}
    by_year: dict[int, list[tuple[int, str]]] = {}
    own: set[int] = set()  # where the entries' own labels stand
    for index, hit in enumerate(hits):
        if hit.kind is RefKind.AUTHOR_YEAR or not _mergeable(hit):
            continue
        found = _own_label(text, hit.start)
        if found is None or not found["label"][:1].isalpha():
            continue
        own.add(found.start("label") - 1)
        labels.setdefault(found["label"].casefold(), index)
        named = _NAME_YEAR_LABEL.fullmatch(found["label"])
        if named is not None:
            by_year.setdefault(int(named["year"]), []).append((index, named["name"].lower()))
        elif hit.reference is not None and hit.reference.year is not None:
            family = _first_family(hit.reference)
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
        if target is None and (named := _NAME_YEAR_LABEL.fullmatch(mention["label"])):
            family = named["name"].lower()
            candidates = by_year.get(int(named["year"]), [])
            if len(candidates) > _MAX_NAMESAKES:
                continue  # a generated table of entries: no label points at one of them
            targets = {i for i, other in candidates if _same_family(family, other)}
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
    candidates = [h.reference for h in group if h.reference is not None]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda f: (
            bool(f.title),
            len(f.authors),
            f.year is not None,
            bool(f.venue),
        ),
    )


# reST hyperlink targets before a link on its line (`.. _Title: url`, `__ url`, `.. __: url`)
# and the references that point at them (`` `Title`_ ``, `Title_`, `` `text`__ ``).
_NAMED_TARGET = re.compile(r"\.\.[ \t]+_(?P<name>`[^`\n]+`|[^:\n]+):[ \t]*$")
_ANONYMOUS_TARGET = re.compile(r"(?:^|\n)[ \t]*(?:\.\.[ \t]+)?__:?[ \t]*$")
_NAMED_REFERENCE = re.compile(
    r"`(?P<quoted>[^`<>\n]+)`_(?!_)|(?<![\w`])(?P<word>\w[\w.-]*\w)_(?![\w_])"
)
_ANONYMOUS_REFERENCE = re.compile(r"`(?P<text>[^`<>\n]+)`__")


def _with_link_references(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits of links written as reST targets, with the references that point at them (the
    same work mentioned elsewhere in the place) added to `also`, and the reference's text as
    the title hint where none was read."""
    if "_" not in text or not hits:
        return hits
    anonymous = list(_ANONYMOUS_REFERENCE.finditer(text))
    anonymous_targets = 0
    named_references: dict[str, list[re.Match[str]]] | None = None  # read at the first target
    out: list[Hit] = []
    spans: list[tuple[int, list[re.Match[str]]]] = []  # each link hit's references
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        before = text[max(0, line_start - 1) : hit.start]
        pointing: list[re.Match[str]] = []
        if hit.ref is not None and (named := _NAMED_TARGET.search(before)):
            if named_references is None:
                named_references = {}
                for m in _NAMED_REFERENCE.finditer(text):
                    named_references.setdefault(_link_name(m["quoted"] or m["word"]), []).append(m)
            pointing = _pointing(text, named_references, named["name"], line_start)
        elif hit.ref is not None and _ANONYMOUS_TARGET.search(before):
            if anonymous_targets < len(anonymous):
                pointing = [anonymous[anonymous_targets]]
            anonymous_targets += 1
        if pointing:
            name = pointing[0].groupdict().get("quoted") or pointing[0].groupdict().get("text")
            hit = replace(
                hit,
                also=tuple(sorted({*hit.also, *(m.start() for m in pointing)})),
                title_hint=hit.title_hint or _link_title(name),
            )
        out.append(hit)
        if pointing:
            spans.append((len(out) - 1, pointing))
    return _absorb_reference_texts(out, spans) if spans else out


_INDIRECT_DEPTH = 3  # `.. _A: b_` then `.. _b: url`: how many names a link may pass through


def _pointing(
    text: str, named: dict[str, list[re.Match[str]]], name: str, before: int
) -> list[re.Match[str]]:
    """The references to the target `name` above `before`, and through indirect targets
    (`.. _'Title', NIPS 2010: online-lda_` above `.. _online-lda: https://...`) the
    references to the names that point at it."""
    found: list[re.Match[str]] = []
    names = [(_link_name(name), before)]
    for _ in range(_INDIRECT_DEPTH):
        further = []
        for wanted, limit in names:
            for m in named.get(wanted, ()):
                if m.start() >= limit:
                    continue
                found.append(m)
                line_start = text.rfind("\n", 0, m.start()) + 1
                if indirect := _NAMED_TARGET.search(text[max(0, line_start - 1) : m.start()]):
                    further.append((_link_name(indirect["name"]), line_start))
        names = further
    return found


def _absorb_reference_texts(
    hits: list[Hit], spans: list[tuple[int, list[re.Match[str]]]]
) -> list[Hit]:
    """The hits with a title read inside a reference to a link (`` `'Online Learning for
    Latent Dirichlet Allocation', NIPS 2010`_ ``) folded into that link's hit."""
    absorbed: set[int] = set()
    for index, pointing in spans:
        link = hits[index]
        for other_index, other in enumerate(hits):
            if other.ref is not None or other_index in absorbed or not _mergeable(other):
                continue
            if any(other.start < m.end() and m.start() < other.end for m in pointing):
                absorbed.add(other_index)
                link = replace(
                    link,
                    also=tuple(sorted({*link.also, other.start})),
                    title_hint=link.title_hint or other.title_hint,
                    reference=link.reference or other.reference,
                )
        hits[index] = link
    return [hit for i, hit in enumerate(hits) if i not in absorbed]


def _link_title(text: str | None) -> str | None:
    """A link's text as the work's title hint: one that reads as a title, not a phrase of
    prose (`` `the journal version`__ ``)."""
    text = " ".join(text.split()) if text else ""
    return text if text[:1].isupper() or text[:1].isdigit() else None


def _link_name(name: str) -> str:
    """A reST reference name as docutils compares them: case and whitespace folded."""
    return " ".join(name.strip("`").split()).casefold()
