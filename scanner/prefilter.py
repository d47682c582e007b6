"""A cheap test that a file can hold a citation at all, before any parser runs.

All needles are searched for in one pass over the lowercased bytes (an Aho-Corasick automaton
whose SIMD candidate search runs at about 1 GB/s, where twenty `in` tests ran at 70 MB/s), so
the test costs little more than reading the file; only files that pass reach libcst or
tree-sitter. The needles cover every identifier kind and the cues of title-only citations (a
year, `et al`, reference-section words, quotes after citing words), these taken from the title
gate's one list (`scanner.titles.cues`), so the prefilter trades a little speed on files with
years in them for zero lost citations. A needle counts only where an extractor could read it:
not inside a word of code (`remove_reference_t`, `doit`, `chttp2`), not in license or copyright
wording, a link only with its scheme and where an extractor could read a paper in it
(`scanner.linkcues`), `reference` only as a section or citing word, or beside the signs of an
entry the tagger reads.
`cue_offsets` says where the cues are, so that parsers can skip the blocks without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ahocorasick_rs import MATCHKIND_LEFTMOST_FIRST, BytesAhoCorasick

from catalog.ids import ARXIV_OLD_ARCHIVES
from scanner.linkcues import LinkJudge
from scanner.titles.cues import CUES, YEARS, Confirm, Cue

# Identifier markers and the hosts whose links some extractor reads (arXiv mirrors, DOI
# publishers without `10.` in the link, the paper sites of CG103), then the words that make a
# bare `YYMM.NNNNN` an arXiv id, then words of reference entries. Needles cost nothing per
# needle: the automaton tests all of them at once.
# tests/scanner/test_prefilter.py checks that every extractor's valid examples pass.
# The first two are links of any kind, which license headers hold in most files of a real
# tree (`http://www.apache.org/licenses/LICENSE-2.0`): a link counts only off such lines.
_IDENTIFIER_NEEDLES: tuple[bytes, ...] = (
    b"http",
    b"www.",
    b"arxiv",
    b"doi",
    b"isbn",
    b"alphaxiv",
    b"ar5iv",
    b"huggingface",
    b"lanl.gov",
    b"nature.com",
    b"openreview",
    b"preprint",
    b"e-print",
    b"eprint",
    b"paper",
    b"proceedings",
    b"journal",
    b"transactions",
    b"communications of",
    # A paper on an FTP server (`ftp://athena.example.cz/ZFG/grs80.pdf`): read, not judged.
    b"ftp://",
)
# Then the needles of the cues of citations without an identifier, from the title gate's one
# list (`scanner.titles.cues.CUES`), each with what confirms it.
_TITLE_NEEDLES = {
    needle.encode(): cue for cue in CUES for needle in cue.file_needles
}  # a needle of two cues keeps the last one's checks: none of them shares a needle with checks
NEEDLES: tuple[bytes, ...] = _IDENTIFIER_NEEDLES + tuple(
    n for n in _TITLE_NEEDLES if n not in _IDENTIFIER_NEEDLES
)
# Leftmost-first matching lets the automaton use its SIMD candidate search: which needle
# matches does not matter, only whether one does.
_NEEDLES = BytesAhoCorasick(list(NEEDLES), matchkind=MATCHKIND_LEFTMOST_FIRST)
# Years, in an automaton of their own (one with both is several times slower), are checked
# afterwards: one on a copyright or license line, part of a longer number or followed by a
# decimal does not count.
_YEARS = BytesAhoCorasick(
    [str(year).encode() for year in YEARS], matchkind=MATCHKIND_LEFTMOST_FIRST
)
_EARLY_YEARS = 1800 - YEARS.start  # the automaton's first patterns: years before 1800
_FIRST_LINK_NEEDLE = 2  # needles before this index are the link needles
# Needles that count only at the start of a word: in code they sit inside identifiers
# (`remove_reference_t`, `doit`, `chttp2`, `FieldValuePrinter`, `set all`), where no extractor
# reads them (they match at word starts: `\bhttps?://`, `(?<!\w)doi`, `\bet al`); so do the
# cues' needles that start with a letter.
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_")
_WORD_START = frozenset(
    index
    for index, needle in enumerate(NEEDLES)
    if needle in (b"http", b"www.", b"doi", b"eprint", b"paper")
    or (
        needle in _TITLE_NEEDLES
        and needle[:1].isalpha()
        and _TITLE_NEEDLES[needle].confirm is Confirm.NONE  # a pattern has its own bounds
    )
)
# What after a needle makes it part of code, not a word of prose: `doing`, `doit`;
# `reference` in C++ (`reference_wrapper`, `referenced`, `typedef T& reference;`,
# `using reference = T&;`) is a word of prose only before a space, punctuation or a plural `s`
# (`References:`, `for reference, see`, `**Reference**`).
_LETTERS = frozenset(bytes([c]) for c in b"abcdefghijklmnopqrstuvwxyz")
_CODE_AFTER: dict[int, frozenset[bytes]] = {
    NEEDLES.index(b"doi"): _LETTERS,
    NEEDLES.index(b"reference"): (_LETTERS - {b"s"}) | {bytes([c]) for c in b"_0123456789;=&>("},
}
_WORD_END = frozenset(_CODE_AFTER)
# `reference` is C++ vocabulary far more often than a cue (`returns a reference to the`, `the
# reference count`, `using reference = T&;`). It is one where the detector reads it: a section
# header (`References:`, `**REFERENCES**`, the word alone on its line), a citing word
# (`Reference: Smith`, `for reference, see`, `see reference [3]`), or, for the tagger, prose
# beside a sign of an entry in its paragraph (`tagged._ENTRY_EVIDENCE`: a year, a quote, an
# initial, `<br`).
_REFERENCE = NEEDLES.index(b"reference")
_HEADER_END = re.compile(rb"s?[ \t:*]*(?:</[a-z0-9]+>)?[ \t:*]*/?[ \t]*(?:\r?\n|\Z)")
_CITING_AFTER = re.compile(rb"s?[ \t]*[:\[(]")
_CITING_BEFORE = re.compile(rb"(?:see|for|cf\.?)[ \t]+(?:the[ \t]+)?$")
_ENTRY_EVIDENCE = re.compile(
    rb"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|[\"]|\xe2\x80[\x9c\x9d]|\b[A-Z]\.[\s*]?[A-Z]|<\s*br"
)
# A line blank once its comment delimiters are blanked (`//`, ` *`, `/**`, `*/`): paragraphs,
# and the tagger's regions inside them, end there. Fewer lines than truly blank ones may count
# (a lone `#`, blank in a Python comment, is text in a C one): the paragraph is then longer.
_BLANK_LINE = re.compile(rb"[ \t]*(?://+!?|/\*+!?|\*+/?)?[ \t]*")
_PARAGRAPH_READ = 4000


def _check(cue: Cue) -> Callable[[bytes, int, int], bool] | None:
    """What confirms a needle of `cue` at `start:end` of a file's bytes (None: nothing)."""
    after = re.compile(cue.after.encode()) if cue.after else None
    pattern = re.compile(cue.pattern.encode()) if cue.confirm is not Confirm.NONE else None

    def check(data: bytes, start: int, end: int) -> bool:
        if after is not None and after.match(data, end) is None:
            return False
        if pattern is None:
            return True
        if cue.confirm is Confirm.AT:
            return pattern.match(data, start) is not None
        line_start = data.rfind(b"\n", 0, start) + 1
        line_end = data.find(b"\n", end)
        line_end = line_end if line_end >= 0 else len(data)
        return pattern.search(data, line_start, line_end) is not None

    return check if after is not None or pattern is not None else None


_CHECKS = {
    NEEDLES.index(needle): check
    for needle, cue in _TITLE_NEEDLES.items()
    if needle not in _IDENTIFIER_NEEDLES and (check := _check(cue)) is not None
}
# The checks that want a capital right after the needle (`see "Title`, ` and Mori, A ...`) or
# as its first letter (`Proc.`, `Trans.`), tested inline first: most hits of ` and `, ` by `
# and `trans` fail there, without a call.
_CAPITAL_AFTER = frozenset(
    NEEDLES.index(n) for n, cue in _TITLE_NEEDLES.items() if cue.after.startswith("[A-Z]")
)
_CAPITAL_FIRST = frozenset(
    NEEDLES.index(n)
    for n, cue in _TITLE_NEEDLES.items()
    if cue.confirm is Confirm.AT and cue.pattern.removeprefix("\\b")[:1].isupper()
)
# The checks of the bare citation keys' venue tags (`Smith09tro`), which want two digits before
# the needle: most hits of `tro` (`control`, `electron`) fail at the byte before, without a call.
_DIGITS_BEFORE = frozenset(
    NEEDLES.index(n)
    for n, cue in _TITLE_NEEDLES.items()
    if cue.confirm is Confirm.AT and cue.pattern.startswith("(?<=[a-z]\\d\\d)")
)
_DIGIT = frozenset(b"0123456789")
# `Copyright (C) Daniel Stenberg, et al.`: the authors of the code, not of a paper.
_COPYRIGHT_NEEDLES = frozenset({NEEDLES.index(b"et al")})
_NOT_CITATION_LINES = (b"copyright", b"(c)", b"\xc2\xa9", b"spdx", b"license")
# The same words in one search: one call where seven `in` tests were.
_NOT_CITATION_LINE = re.compile(b"|".join(re.escape(word) for word in _NOT_CITATION_LINES))
_DOI_PREFIX = re.compile(rb"10\.\d{4,9}(?:\.\d+)*/")  # `10.1000.10/...`: a dotted registrant
# Old-style arXiv ids (`hep-th/9901001`) and new-style ones right after "see" or "cf." carry no
# needle; `_SHAPE_STARTS` finds where they may start, these regexes confirm them there.
_OLD_ARXIV = re.compile(rb"/\d{7}")
# `hep-ph-9711200`: an old-style id with a dash for its slash, after a real archive's name.
_OLD_ARXIV_DASHED = re.compile(rb"-\d{7}")
_ARCHIVES = b"|".join(a.encode() for a in sorted(ARXIV_OLD_ARCHIVES))
_ARCHIVE_END = re.compile(rb"(?<![a-z])(?:" + _ARCHIVES + rb")$")
# Before the slash of `hep-th/9901001`, `math.gt/0309136` or `hepth/9901001` (as the arXiv
# extractor reads them): a real archive's name; `x/3802363` in code is a division.
_ARCHIVE_BEFORE_SLASH = re.compile(
    rb"(?<![a-z])(?:"
    + _ARCHIVES
    + b"|"
    + b"|".join(a.replace("-", "").encode() for a in sorted(ARXIV_OLD_ARCHIVES) if "-" in a)
    + rb")(?:\.[a-z]{2})?$"
)
_NEW_ARXIV = re.compile(rb"\.(?<=\d{4}\.)\d{4,5}")
_ARXIV_CUES = (b"see", b"also", b"cf.", b"implements", b"implements:", b"abs/", b"[")
# After the id: the end of an entry label (`[0802.2879]`) or a subject class (`[cs.lg]`).
_ARXIV_AFTER = re.compile(rb"\]|[ \t]*\[[a-z-]+(?:\.[a-z-]+)?\]")
# Where those four shapes may start, in one automaton of their own (0.05 s over tf-include's
# 142 MB, where the four regex passes took 0.29 s; with the needles or the years in it, the
# automaton is several times slower): `10.`, and `.`, `/` or `-` before a digit. Leftmost-first
# matching leaves out a start inside a match: the `.` of `10.`, the `1` of `.10.`.
_SHAPE_STARTS = BytesAhoCorasick(
    [b"10.", *(bytes([sign, digit]) for sign in b"./-" for digit in b"0123456789")],
    matchkind=MATCHKIND_LEFTMOST_FIRST,
)


def may_cite(data: bytes) -> bool:
    """True when `data` contains anything a citation could be made of."""
    return next(cue_offsets(data), None) is not None


def cue_offsets(data: bytes) -> Iterator[int]:
    """The offsets in `data` of every cue a citation could be made of (not in order: needles
    first, then identifier shapes, then years). A block of text with no cue in its span cites
    nothing."""
    lowered = data.lower()
    # Globals as locals: this loop sees every match of every needle in the file.
    word, word_start, word_end, code_after = _WORD, _WORD_START, _WORD_END, _CODE_AFTER
    checks, capital_after, capital_first = _CHECKS, _CAPITAL_AFTER, _CAPITAL_FIRST
    digits_before = _DIGITS_BEFORE
    paragraph, links, line = _Paragraph(), LinkJudge(), _Line()
    for needle, start, end in _NEEDLES.find_matches_as_indexes(lowered):
        # The commonest needles (` and `, ` by `, `trans`, `proc`) want a capital: most of
        # their matches fail here, first.
        if needle in capital_after and not data[end : end + 1].isupper():
            continue  # `import x from "react"`, ` and then`
        if needle in capital_first and not data[start : start + 1].isupper():
            continue  # `transform`, `process`
        if needle in digits_before and (not start or lowered[start - 1] not in _DIGIT):
            continue  # `control`, `electron`: no citation key's year before the venue tag
        if start and needle in word_start and lowered[start - 1] in word:
            continue  # `remove_reference_t`, `chttp2`, `set all`: inside a word of code
        if needle in word_end and lowered[end : end + 1] in code_after[needle]:
            continue  # `doing`, `ieeedouble`, `reference_wrapper`, `T& reference;`
        if needle == _REFERENCE and not _reference_cue(data, lowered, start, end, paragraph):
            continue  # `returns a reference to the`, `reference count`
        if needle in checks and not checks[needle](data, start, end):
            continue  # not what the detector reads
        if needle >= _FIRST_LINK_NEEDLE:
            if needle not in _COPYRIGHT_NEEDLES or not _on_copyright_line(lowered, start, line):
                yield start
        elif not links.ordinary(lowered, start):
            yield start
    yield from _shapes(lowered)
    yield from _years(lowered)


@dataclass(slots=True)
class _Paragraph:
    """The paragraph last read around a prose `reference` of a file (`_reference_cue`): the
    newline before it (-1 at the file's start), the newline that ends it, and whether it holds
    an entry's sign; or, when it ran on past `_PARAGRAPH_READ` bytes before the word, `long`
    and where its run of lines without a blank one ends. The cues after it reuse it."""

    first: int = -1
    stop: int = -1
    long: bool = False
    cites: bool = False


def _reference_cue(
    data: bytes, lowered: bytes, start: int, end: int, paragraph: _Paragraph
) -> bool:
    """Whether `reference` at `start:end` is a word the title detector reads (see
    `_REFERENCE`), `paragraph` the one read for the last such word of the file."""
    if data[start : start + 1] == b"R" or _HEADER_END.match(lowered, end):
        return True
    if _CITING_AFTER.match(lowered, end):
        return True
    if _CITING_BEFORE.search(lowered, max(0, start - 12), start):
        return True
    if start < paragraph.stop:
        # In the same paragraph (or run of lines): as read then, unless it now runs on past
        # the reach before this word (its own line aside), as reading it afresh would find.
        if paragraph.long:
            return True
        line_start = lowered.rfind(b"\n", 0, start) + 1
        top = paragraph.first + 1
        return paragraph.cites or (line_start != top and start - top > _PARAGRAPH_READ)
    first = _blank_before(lowered, start)
    if first is None:
        # A long run of lines: this word counts unread, and so does every one up to the next
        # blank line, whose reach before holds no blank line either.
        paragraph.long, paragraph.stop = True, _blank_after(lowered, end, None)
        return True
    last = _blank_after(lowered, end, _PARAGRAPH_READ)
    if last < 0:
        return True
    paragraph.long, paragraph.first, paragraph.stop = False, first, last
    paragraph.cites = _ENTRY_EVIDENCE.search(data, max(first, 0), last) is not None
    return paragraph.cites


def _blank_before(lowered: bytes, start: int) -> int | None:
    """The newline that ends the nearest blank line before `start`'s line (-1: none, the file
    starts the paragraph), or None when a line more than `_PARAGRAPH_READ` bytes back comes
    first (most paragraphs are a few lines)."""
    first = lowered.rfind(b"\n", 0, start)  # the end of the line before
    while first >= 0:
        line_start = lowered.rfind(b"\n", 0, first) + 1
        if _BLANK_LINE.fullmatch(lowered, line_start, first):
            break
        if start - line_start > _PARAGRAPH_READ:
            return None
        first = line_start - 1
    return first


def _blank_after(lowered: bytes, end: int, reach: int | None) -> int:
    """The newline that starts the nearest blank line after `end`'s line (the file's length:
    none), or -1 when a line more than `reach` bytes on comes first."""
    last = lowered.find(b"\n", end)  # the end of the line
    while last >= 0:
        line_end = lowered.find(b"\n", last + 1)
        if line_end < 0:
            line_end = len(lowered)
        if _BLANK_LINE.fullmatch(lowered, last + 1, line_end):
            return last
        if reach is not None and line_end - end > reach:
            return -1
        last = line_end if line_end < len(lowered) else -1
    return len(lowered)


def _shapes(lowered: bytes) -> Iterator[int]:
    """The offsets of the identifier shapes without a needle (a DOI prefix, old- and new-style
    arXiv ids), as a search for each shape's regex over the whole file finds them."""
    doi_end = 0  # the end of the last DOI prefix: the regex's matches do not overlap
    for _, start, _ in _SHAPE_STARTS.find_matches_as_indexes(lowered):
        sign = lowered[start]
        if sign == 0x31:  # `10.`, and a new-style id at its dot (`2010.01234`)
            doi, dot = start, start + 2
        else:  # a digit after `.`, `/` or `-`, which may start `10.` itself (`/10.1000/x`)
            doi = start + 1 if lowered[start + 1 : start + 4] == b"10." else -1
            dot = start if sign == 0x2E else -1
        if doi >= doi_end and (match := _DOI_PREFIX.match(lowered, doi)) is not None:
            doi_end = match.end()
            yield doi
        if sign == 0x2F:
            if _OLD_ARXIV.match(lowered, start) and _ARCHIVE_BEFORE_SLASH.search(
                lowered, max(0, start - 16), start
            ):
                yield start
        elif sign == 0x2D:
            if _OLD_ARXIV_DASHED.match(lowered, start) and _ARCHIVE_END.search(
                lowered, max(0, start - 12), start
            ):
                yield start
        elif dot >= 0 and (match := _NEW_ARXIV.match(lowered, dot)) is not None:
            before = lowered[max(0, dot - 20) : dot - 4]
            if before.rstrip(b" \t").endswith(_ARXIV_CUES) or _ARXIV_AFTER.match(
                lowered, match.end()
            ):
                yield dot - 4


@dataclass(slots=True)
class _Line:
    """The line last asked about (`_on_copyright_line`): where it starts and ends, and
    whether it says `copyright`."""

    start: int = 0
    end: int = -1
    copyright: bool = False


def _on_copyright_line(lowered: bytes, at: int, line: _Line) -> bool:
    # Each line is read once: read again for each link on it, a 2 MB line of 35,000 DOIs (a
    # minified file, a data table) took minutes, ahead of any time budget.
    if not line.start <= at < line.end:
        line.start = lowered.rfind(b"\n", 0, at) + 1
        end = lowered.find(b"\n", at)
        line.end = end if end >= 0 else len(lowered)
        line.copyright = b"copyright" in lowered[line.start : line.end]
    return line.copyright


def _years(lowered: bytes) -> Iterator[int]:
    skip_to = -1  # the end of the last copyright or license line seen
    line_end = -1  # the end of the line last judged, which holds every year before it
    for index, start, end in _YEARS.find_matches_as_indexes(lowered):
        if start < skip_to or (start and lowered[start - 1] in b"0123456789."):
            continue
        if index < _EARLY_YEARS and start and lowered[start - 1] in _WORD:
            continue  # `pkg1760`, `RFC1738`: before 1800, a year stands as a word (`Bayes 1763`)
        after = lowered[end : end + 2]
        if after[:1].isdigit() or (after[:1] == b"." and after[1:].isdigit()):
            continue
        if start >= line_end:
            # Each line is judged once: judged again for each of its years, a 2 MB line of
            # 35,000 years (a minified file, a data table) took minutes, ahead of any budget.
            line_start = lowered.rfind(b"\n", 0, start) + 1
            line_end = lowered.find(b"\n", end)
            if line_end < 0:
                line_end = len(lowered)
            # Copyright and license headers are in most files and never make a citation.
            if _NOT_CITATION_LINE.search(lowered, line_start, line_end):
                skip_to = line_end
                continue
        yield start
