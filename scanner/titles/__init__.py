"""Citations given without an identifier: reference entries, quoted titles, author-year.

`find_citations` reads one comment or docstring block. A cheap needle test rejects blocks with
no year, quote, `et al`, venue word or reference-section cue; the rest are read by the rules
(`detect`: regions split into list entries and paragraphs, each read three ways: entries that
open with an author list, entries and mentions that open with a title, quoted or after a citing
phrase, and author-year mentions), then by the tagger, a token CRF that reads the rules'
output as features (`tagger`, `tagged`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ahocorasick_rs import AhoCorasick

from scanner.lazyre import lazy_compile
from scanner.titles.characters import marked_words_read, may_hold_marks, read_marks
from scanner.titles.cues import (
    BY_TITLE,
    CUES,
    EDITION,
    KEY_TAG,
    ORDINAL_ED,
    PAIR_TITLE,
    YEAR_PATTERN,
    edition_word,
)
from scanner.types import Hit

__all__ = [
    "AUTHOR_YEAR_RULE",
    "KNOWN_NEEDLES",
    "SHIPPED_MODEL",
    "TITLE_RULE",
    "find_citations",
    "may_cite",
    "rule_citations",
]

# The rule ids of citations without an identifier, whichever reader (rules or tagger) found them.
TITLE_RULE = "CG105"
AUTHOR_YEAR_RULE = "CG106"

SHIPPED_MODEL = object()  # `find_citations`' default tagger: the model shipped with citegraph

# The needle test: the cues a citation without an identifier needs (`scanner.titles.cues`, the
# one list, which the prefilter reads too), checked once per block, so that the detector and its
# tagger read only blocks that may cite. A cue is a plain string (found by `in`, at C speed) or,
# where the plain string is mostly something else, a string and the pattern the detector reads
# it in; the string is tested first, so the pattern runs only on blocks that hold it.
_CUE_STRINGS = tuple(dict.fromkeys(c.text for c in CUES if not c.book and not c.pattern))
_CUE_PATTERNS = tuple((c.text, lazy_compile(c.pattern)) for c in CUES if not c.book and c.pattern)
# The short names of reference works (`scanner.titles.books.KNOWN_WORKS`): `Knuth, Vol. 2`.
KNOWN_NEEDLES = tuple(c.text for c in CUES if c.book)
_YEAR_NEEDLE = YEAR_PATTERN
# Every string the test looks for (the cue strings first, then those in front of the cue
# patterns, then the short names of reference works), found in one pass over the block by an
# Aho-Corasick automaton: its overlapping matches find each string wherever `in` would, and
# one pass cost less than a third of the thirty `in` scans a block that fails the test needs.
_GATE_STRINGS = tuple(
    dict.fromkeys((*_CUE_STRINGS, *(needle for needle, _ in _CUE_PATTERNS), *KNOWN_NEEDLES))
)
_GATE = AhoCorasick(list(_GATE_STRINGS))
_CUE_IDS = frozenset(range(len(_CUE_STRINGS)))
_PATTERN_IDS = tuple((_GATE_STRINGS.index(needle), pattern) for needle, pattern in _CUE_PATTERNS)
_BOOK_IDS = frozenset(_GATE_STRINGS.index(needle) for needle in KNOWN_NEEDLES)
# Quotes are tested last: a block whose only cue is one is read only if a reader could cite in
# it beside the quote (`quotegate`), as most quotes in code quote a word.
_QUOTES = frozenset({'"', "'", "“", "”", "«", "``"})
_QUOTE_IDS = frozenset(_GATE_STRINGS.index(cue) for cue in _CUE_STRINGS if cue in _QUOTES)
_CUE_IDS = _CUE_IDS - _QUOTE_IDS
_QUOTE_PATTERN_IDS = tuple(
    (_GATE_STRINGS.index(needle), pattern) for needle, pattern in _CUE_PATTERNS if needle in _QUOTES
)
_PATTERN_IDS = tuple(
    (_GATE_STRINGS.index(needle), pattern)
    for needle, pattern in _CUE_PATTERNS
    if needle not in _QUOTES
)
# The same, by string: the patterns tried once the automaton has found their string, looked up
# through the set of strings found (a set intersection in C, where a generator over every
# pattern ran per block).
_PATTERNS_AT = {index: tuple(p for i, p in _PATTERN_IDS if i == index) for index, _ in _PATTERN_IDS}
_PATTERN_KEYS = frozenset(_PATTERNS_AT)
_QUOTE_PATTERNS_AT = {
    index: tuple(p for i, p in _QUOTE_PATTERN_IDS if i == index) for index, _ in _QUOTE_PATTERN_IDS
}
_QUOTE_PATTERN_KEYS = frozenset(_QUOTE_PATTERNS_AT)
# (a surname and its initial, or the last surname and the year: `Rajaraman &amp; Ullman (2014)`)
_ESCAPED_AND = re.compile(
    r"&amp;(?=[ \t]+[A-Z][\w'’-]+(?:,[ \t]*[A-Z]\.|[ \t]*\([ \t]*(?:1[6-9]|20)\d\d"
    r"|,?[ \t]+(?:1[6-9]|20)\d\d\b))"
)
_ITALIC = re.compile(r"<(?P<tag>i|em)>(?P<words>[^<>\n]{3,200}(?:\n[^<>\n]{1,200})?)</(?P=tag)>")
_QUOTED_WHOLE = re.compile(r"\s*[\"“][^\"“”]+[\"”]\s*")


def _as_quoted(match: re.Match[str]) -> str:
    """An italic title's tags as quotes, padded to their length; a word or symbol stays."""
    words = match["words"]
    if len(words.split()) < 2:
        return match.group()
    tag = len(match["tag"])
    if _PERSON.fullmatch(words) or _QUOTED_WHOLE.fullmatch(words):
        # a name set in italics (`<em>Title</em>, <em>Richard P. Lind</em>, Dover, 2002`): the
        # entry's author, its tags blanked; so are the tags around a title quoted inside them
        # (`<em>"Seeded Region Growing"</em>`: quotes around its quotes would quote nothing)
        return " " * (tag + 2) + words + " " * (tag + 3)
    return '"' + " " * (tag + 1) + words + " " * (tag + 2) + '"'


# One person's name with an initial: given names or initials, then the surname (`Richard P.
# Lind`, `R. P. Lind`; `Improved Lunar Ephemeris` is a title).
_PERSON = re.compile(r"(?:[A-Z][a-z]+[ \t]+)*(?:[A-Z]\.[ \t]?)+(?:[A-Z][a-z]+[ \t]+)*[A-Z][\w'’-]+")


_NOT_CITATION_LINES = ("copyright", "(c)", "©", "spdx", "license")


# HTML's quotation marks (`&ldquo;Title&rdquo;` in Javadoc), read as the quotes they are: the
# same length, blanks beside the mark, so that every offset still points into the block.
_QUOTE_ENTITY = re.compile(r"&(?:ldquo|rdquo|quot);")


def _as_quote(match: re.Match[str]) -> str:
    blanks = " " * (len(match.group()) - 1)
    return blanks + '"' if match.group() == "&rdquo;" else '"' + blanks


def find_citations(text: str, tagger: object = SHIPPED_MODEL) -> list[Hit]:
    """Title and author-year citations in one block of text, as hits sorted by position.

    Each hit spans a whole entry or mention and carries the parsed `Reference`; a title
    citation is `RefKind.TITLE` (rule CG105), one with only authors and a year is
    `RefKind.AUTHOR_YEAR` (rule CG106), and either is `RefKind.BOOK` when its entry is a
    book's (`scanner.titles.books`). The rules read the block first; the tagger (the
    shipped model unless another `Tagger`, or None for the rules alone, is given) then reads
    the regions with bibliographic cues, and its entries replace or join the rules' ones.
    """
    text = _quotes_read(text)
    found = _strings_in(text)
    if not _has_cue(text, found):
        if _BOOK_IDS.isdisjoint(found):
            return []
        from scanner.titles.books import mark_books

        return mark_books(text, [])
    return _detected(text, tagger)


def _quotes_read(text: str) -> str:
    """`text` with HTML's quotation marks and a title's italics read as the quotes they stand
    for, and Unicode's hyphens as hyphens (offsets kept), before the needle test: a title set
    in `<i>` is as quoted as one in `"` (`See <i>A Linear-Time ... Applications</i> by Whang,
    Vander-Zanden, Taylor`)."""
    if "&" in text:
        text = _QUOTE_ENTITY.sub(_as_quote, text)
    if "<i>" in text or "<em>" in text:
        text = _ITALIC.sub(_as_quoted, text)
    if "\u2010" in text or "\u2011" in text:
        # Unicode's hyphens, as a PDF's text gives them (`Campos‐Cerqueira, M.`), read as the
        # hyphen they are: a double-barrelled surname is one name
        text = text.translate(_HYPHENS)
    if "-\n" in text or "- \n" in text or "-  " in text:
        text = _WORD_BREAK.sub(_joined, text)
    if "\\" in text:
        # a name written with LaTeX's accents (`S\"oren`) read as the name it is, offsets kept
        text = marked_words_read(text)
        if "\\\n" in text:
            # a line continued by a backslash (a Python string's `... recurrent \` over
            # `neural networks ...`, whose value holds neither) reads as one line: the
            # backslash is no character of a title wrapped there
            text = _CONTINUED_LINE.sub(" ", text)
    return text


# A backslash that continues its line of words, after a blank (not one that continues a link,
# whose lines the identifier readers join, nor the second of LaTeX's `\\` line break).
_CONTINUED_LINE = re.compile(r"(?<=[ \t])\\(?=\n)")


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# A word broken over two lines by a hyphen, as text copied from a PDF is (`a criterion for the
# adjust-\n    ment formula`): read as the one word it is, the blanks moved after it, so that
# the entry's title reads whole and every later offset still points into the block. A hyphen
# before `and` or `or` is a compound's, left standing: `threshold- and quantile-weighted`; so is
# one before a capital, joined to it (`Floating-\n Point` reads `Floating-Point`). Blanks may
# end the line, where a comment's right border was (`/* ... Floating-  */`). The letter before
# the hyphen is looked behind for after the `-`, not before it: a pattern that opens with a
# literal is searched for that literal, where a look-behind first is tried at every position.
_WORD_BREAK = re.compile(
    r"-(?<=[a-z]-)[ \t]*\n[ \t]*"
    r"(?:(?!(?:and|or|nor|to)\b)(?P<rest>[a-z]+)|(?P<capital>[A-Z][a-z]+))"
)


def _joined(match: re.Match[str]) -> str:
    word = match["rest"] or "-" + match["capital"]
    return word + " " * (match.end() - match.start() - len(word))


def may_cite(text: str) -> bool:
    """Whether `find_citations` may find anything in `text`: its needle test. A parser may
    leave out a block that fails it and holds none of the prefilter's cues either."""
    text = _quotes_read(text)
    found = _strings_in(text)
    return _has_cue(text, found) or not _BOOK_IDS.isdisjoint(found)


def _detected(text: str, tagger: object) -> list[Hit]:
    """What the rules, the tagger and the book reader find in `text`, past the needle test."""
    # Imported on the first block with a cue: compiling the detector's patterns and loading
    # the model cost more than scanning a few changed files.
    from scanner.spans import DisjointSpans
    from scanner.titles.books import mark_books
    from scanner.titles.detect import detect_with_spares
    from scanner.titles.labelled import labelled_hits
    from scanner.titles.tagged import with_tagger
    from scanner.titles.tidy import tidy
    from scanner.titles.vet import vet

    if "&amp;" in text:
        # Javadoc and HTML write `Webb, G., &amp; Boughton, J. (2005)`: before a name and its
        # initial, read as the `&` it is, padded so that every offset stays the block's
        text = _ESCAPED_AND.sub("&    ", text)
    if "<i>" in text or "<em>" in text:
        # ...and set a title in italics (`in <i>Numerical Optimization</i> (2nd edition)`): read
        # as the quotes they stand for, padded likewise
        text = _ITALIC.sub(_as_quoted, text)
    rules, spares = detect_with_spares(text)
    labelled = labelled_hits(text, TITLE_RULE)
    if labelled:
        # a form's fields stand as labelled: what else read those lines gives way to them
        taken = DisjointSpans()
        for hit in labelled:
            taken.add(hit.start, hit.end)
        rules = [hit for hit in rules if not taken.overlaps(hit.start, hit.end)]
    tagged = with_tagger(text, rules, tagger, SHIPPED_MODEL)
    if labelled:
        tagged = sorted(
            [*(hit for hit in tagged if not taken.overlaps(hit.start, hit.end)), *labelled],
            key=lambda hit: hit.start,
        )
    found = vet(text, tidy(text, tagged))
    if spares:
        found = _with_spares(text, found, spares)
    found = mark_books(text, found)
    if may_hold_marks(text):
        # the fields are the characters their markup stands for (`num&eacute;rique`, `S\\"arkk\\"a`)
        found = [_characters_read(hit) for hit in found]
    return found


def _characters_read(hit: Hit) -> Hit:
    fields = hit.reference
    if fields is None:
        return hit
    reference = replace(
        fields,
        title=read_marks(fields.title) if fields.title else fields.title,
        venue=read_marks(fields.venue) if fields.venue else fields.venue,
        authors=tuple(read_marks(a) for a in fields.authors),
    )
    hint = read_marks(hit.title_hint) if hit.title_hint else hit.title_hint
    if reference == fields and hint == hit.title_hint:
        return hit
    return replace(hit, title_hint=hint, reference=reference)


def _with_spares(text: str, found: list[Hit], spares: list[Hit]) -> list[Hit]:
    """`found` and those of the rules' author-year mentions put aside for a longer hit that
    overlap nothing found (that hit was vetoed or retold by the tagger), vetted in turn."""
    from scanner.spans import DisjointSpans
    from scanner.titles.tidy import tidy
    from scanner.titles.vet import vet

    taken = DisjointSpans()
    for hit in found:
        taken.add(hit.start, hit.end)
    back = []
    for hit in sorted(spares, key=lambda h: (-(h.end - h.start), h.start)):
        if not taken.overlaps(hit.start, hit.end):
            back.append(hit)
            taken.add(hit.start, hit.end)
    if not back:
        return found
    back = vet(text, tidy(text, sorted(back, key=lambda h: h.start)))
    return sorted([*found, *back], key=lambda h: h.start)


def rule_citations(text: str) -> list[Hit]:
    """The citations the rules alone find in `text` (the tagger's input features)."""
    if not _has_cue(text):
        return []
    from scanner.titles.detect import detect

    return detect(text)


def _strings_in(text: str) -> set[int]:
    """The indices in `_GATE_STRINGS` of the strings `text` holds."""
    try:
        matches = _GATE.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte kept) stops the automaton
        return {index for index, string in enumerate(_GATE_STRINGS) if string in text}
    return {match[0] for match in matches}


def _has_cue(text: str, found: set[int] | None = None) -> bool:
    """Whether `text` has anything a citation needs: a year, "et al", a header, or a quote
    with what a reader needs beside it (`quotegate`) (`found`: its `_strings_in`, when
    known)."""
    if found is None:
        found = _strings_in(text)
    if not _CUE_IDS.isdisjoint(found):
        return True
    # The cheap tests first (the answer is the same in any order): a year is one search with a
    # literal lead, while the cue patterns (two surnames on a line, an edition) are tried at
    # many places of a block.
    if _dated(text):
        return True
    held = _PATTERN_KEYS.intersection(found)
    if held and _any_search(text, held, _PATTERNS_AT):
        return True
    if not _QUOTE_IDS.isdisjoint(found) or (
        (held := _QUOTE_PATTERN_KEYS.intersection(found))
        and _any_search(text, held, _QUOTE_PATTERNS_AT)
    ):
        from scanner.titles.quotegate import quote_may_cite

        return quote_may_cite(text) or not _BOOK_IDS.isdisjoint(found)
    return False


def _dated(text: str) -> bool:
    """Whether `text` holds a year on a line that is no copyright or license notice."""
    position = 0
    while (match := _YEAR_NEEDLE.search(text, position)) is not None:
        position = match.start() + 1
        if match.start() and text[match.start() - 1].isdigit():
            continue
        # A year on a copyright or license line is in most files and never makes a citation
        # (the prefilter reads whole files the same way): nor does any other year on it.
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = end if end >= 0 else len(text)
        line = text[start:end].lower()
        if not any(word in line for word in _NOT_CITATION_LINES):
            return True
        position = end
    return False


def _any_search(
    text: str, held: frozenset[int], patterns: dict[int, tuple[re.Pattern[str], ...]]
) -> bool:
    """Whether a pattern of one of the strings `held` is found in `text`."""
    for index in held:
        for pattern in patterns[index]:
            if pattern.pattern in _EDITION_PATTERNS and not edition_word(text, 0, len(text)):
                continue
            held_by = _LINE_BOUND.get(pattern.pattern)
            if held_by is not None:
                if _on_lines_with(text, held_by, pattern):
                    return True
            elif (offset := _AT_STRING.get(pattern.pattern)) is not None:
                if _at_string(text, _GATE_STRINGS[index], offset, pattern):
                    return True
            elif pattern.search(text):
                return True
    return False


_EDITION_PATTERNS = frozenset({EDITION, ORDINAL_ED})
# Patterns each of whose matches holds a string and no line break, searched only on the lines
# that hold the string: `PAIR_TITLE` opens with `^` (tried at every position of a block),
# `BY_TITLE` with a capital (tried at every capital).
_LINE_BOUND = {PAIR_TITLE: " and ", BY_TITLE: "by"}


# Patterns each of whose matches holds the string they are tried for (its cue's) this many
# characters from its start: a citation key's venue tag opens its match (`Smith09tro`), as do
# `Proc` and `Trans` theirs, and `eference` stands one character into `References`. Each opens
# with a word boundary or a look-behind, which a search tries at every position of a block;
# they are matched where their string stands instead. A key's match may hold another venue's
# tag than the one it is tried for: that tag is a cue's string too, and is tried in its turn.
_AT_STRING = {
    KEY_TAG: 0,
    r"\b[Rr]eferences?\b": 1,
    r"\bProc(?:\b|eedings)": 0,
    r"\bTrans(?:\b|actions)": 0,
}


def _at_string(text: str, string: str, offset: int, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches `offset` characters before a place of `string` in `text`:
    for a pattern whose every match holds `string` there, whether it matches at all."""
    at = text.find(string, offset)
    while at >= 0:
        if pattern.match(text, at - offset) is not None:
            return True
        at = text.find(string, at + 1)
    return False


def _on_lines_with(text: str, needle: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches on a line of `text` that holds `needle`: what a search of the
    whole text finds for a pattern whose matches hold `needle` and no line break."""
    at = text.find(needle)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if pattern.search(text, start, end) is not None:
            return True
        at = text.find(needle, end)
    return False
