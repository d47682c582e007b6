"""The comment and string blocks of a C, C++ or CUDA file, found without parsing it.

One compiled regex walks the file as tree-sitter's lexer does: line comments (with `\\`
continuations), block comments, string literals (raw strings in C++), character literals (so that
a quote inside one starts nothing), and the preprocessor directives whose argument tree-sitter
reads as opaque text (`#define` bodies, `#pragma`, `#error`: only `/* */` comments in them are
comments). Line comments group into blocks by the rule of `tsblocks`, a block's later lines
matched by a second regex, so that Python sees one match per block. The parser uses this to
settle the files whose blocks cite nothing, most files that pass the prefilter, without a parse:
it needs the blocks holding a cue (`prefilter.cue_offsets`), built here exactly as `tsblocks`
builds them from tree-sitter's nodes, and how many blocks there are.

Where the lexer is unsure (an unterminated comment), it says so and the file is parsed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from scanner.parsers.tsblocks import MIN_STRING, comment_text, string_text


def _besides(excluded: bytes) -> bytes:
    """A class of every byte but `excluded`, written as ranges: `re` tests a negated class
    half again as slowly, and these classes read most bytes of every file."""
    ranges, low = [], 0
    for byte in [*sorted(set(excluded)), 256]:
        if byte > low:
            ranges.append(b"\\x%02x-\\x%02x" % (low, byte - 1))
        low = byte + 1
    return b"[" + b"".join(ranges) + b"]"


_IN_LINE = _besides(b"\n\\")
# A line comment's body (after its marker), with `\` continuations.
_LINE_BODY = _IN_LINE + rb"*+(?:\\(?:\r\n|.)" + _IN_LINE + rb"*+)*+"
_LINE_COMMENT = rb"(?P<line>//" + _LINE_BODY + rb")"
_BLOCK_COMMENT = rb"(?P<block>/\*[^*]*+\*++(?:[^/*][^*]*+\*++)*+/)"
_IN_STRING = _besides(b'"\\\n')
_STRING = rb"\"" + _IN_STRING + rb"*+(?:\\(?:\r\n|.)" + _IN_STRING + rb"*+)*+\""
# `R"delim( ... )delim"`; in C, tree-sitter reads it as two ordinary strings, as this does.
_RAW_STRING = rb"(?<=R)\"(?P<%s>[^()\\ \t\n]{0,16})\((?s:.*?)\)(?P=%s)\""
# A quote between digits separates them (`1'000'000`, C++14): it starts no character literal.
_IN_CHAR = _besides(b"'\\\n")
_CHAR = rb"(?<![0-9a-fA-F])'" + _IN_CHAR + rb"*+(?:\\." + _IN_CHAR + rb"*+)*+'"
# Directives tree-sitter reads structurally (their strings and comments are nodes); any other
# directive's argument is one opaque token up to the line's end, except for `/* */` comments.
_OPAQUE_DIRECTIVE = (
    rb"#[ \t]*+(?!(?:include|if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b)[A-Za-z_]\w*+"
    rb"(?:" + _besides(b"\n\\/") + rb"++|\\(?:\r\n|.)|/(?!\*))*+"
)
_UNTERMINATED = rb"(?P<open>/\*)"


def _token_pattern(raw_strings: bool) -> re.Pattern[bytes]:
    """Whatever is no block, then the next block (or an unterminated comment, or the end).

    What is no block (code, character literals, opaque directives, a quote that starts no
    string) is skipped inside the regex, so that Python sees only blocks; at each byte the
    skip tries what reading token by token would try there, in the same order.
    """
    if raw_strings:
        raw = rb"(?P<raw>" + _RAW_STRING % (b"delimiter", b"delimiter") + rb")"
        no_string = rb"(?!" + _RAW_STRING % (b"skipped", b"skipped") + rb")"
    else:  # C: the same groups, never matching, keep the group numbers
        raw = rb"(?P<raw>\0(?P<delimiter>\0)\0)"
        no_string = rb"(?!(?P<skipped>(?!)))"
    no_string += rb"(?!" + _STRING + rb")"
    skip = rb"(?:" + _besides(b"/\"'#") + rb"++|/(?![/*])|" + _CHAR + rb"|'|"
    skip += _OPAQUE_DIRECTIVE + rb"|#|" + no_string + rb"\")*+"
    string = rb"(?P<string>" + _STRING + rb")"
    block = rb"|".join([_LINE_COMMENT, _BLOCK_COMMENT, raw, string, _UNTERMINATED])
    return re.compile(skip + rb"(?:" + block + rb"|.|\Z)", re.DOTALL)


_PATTERNS = {False: _token_pattern(False), True: _token_pattern(True)}
_GROUPS = _PATTERNS[True].groupindex
assert _PATTERNS[False].groupindex == _GROUPS
_LINE, _BLOCK, _RAW, _STR, _OPEN = (_GROUPS[g] for g in ("line", "block", "raw", "string", "open"))
_COMMENTS = (_LINE, _BLOCK)
# The line comments that continue a block, after its first: each on the next line, alone on
# it, at the same column (in bytes) and with the same marker (the rule of `tsblocks`).
_MARKERS = {b"//": rb"//(?!!)(?!/(?!/))", b"///": rb"///(?!/)", b"//!": rb"//!"}


@lru_cache(maxsize=1024)
def _continuation(column: int, marker: bytes) -> re.Pattern[bytes]:
    return re.compile(*_continuation_source(column, marker))


def _continuation_source(column: int, marker: bytes) -> tuple[bytes, int]:
    line = rb"\n[ \t\r\x0b\x0c]{%d}" % column + _MARKERS[marker] + _LINE_BODY
    return rb"(?:" + line + rb")*+", re.DOTALL


# What besides the prefilter's cues makes the title detector read a block (the quotes of
# `scanner.titles._has_cue`): a quoted title needs no year, `described in "Title"`. Over the
# text with its delimiters blanked; `_COMMENT_QUOTE` and `_STRING_QUOTE` find the same (or more)
# over the bytes of a comment's span and of a string's span inside its quotes.
QUOTE_CUE = re.compile("[\"\u201c\u201d]|``|et\\. al|\\]_|\\s'[A-Z0-9]")
# Each starts at a rarer byte than the plain alternatives would (`"`, a backtick, the curly
# quotes' lead byte, `]`, `'`, the dot of "et. al") and checks the rest around it, so that the
# search skips to those bytes: three times as fast on C++ comments. A block's own first bytes
# (`//`, `/*`, a string's quote) keep the look-behinds inside the block.
_QUOTE_TAIL = rb"(?:(?<=\")|(?<=`)`|(?<=\xe2)\x80[\x9c\x9d]|(?<=\])_|(?<=et\.) al|(?<=%s')[A-Z0-9])"
_COMMENT_QUOTE = re.compile(rb"[\"`\xe2\]'.]" + _QUOTE_TAIL % rb"[\s/*!#]")
_STRING_QUOTE = re.compile(rb"[\"`\xe2\]'.]" + _QUOTE_TAIL % rb"[\s\"]")
# Any bytes that `QUOTE_CUE` may find in a block's text, whatever the delimiters and spaces
# around them (`\s` of text is wider than of bytes: a no-break space).
ANY_QUOTE = re.compile(rb"[\"`\xe2\]'.]" + _QUOTE_TAIL.replace(b"%s", b""))
# Where tree-sitter's string node starts: at its encoding prefix, and a raw string's `R`.
_PREFIX = {
    _STR: re.compile(rb"(?<![\w])(?:u8|[uUL])$"),
    _RAW: re.compile(rb"(?<![\w])(?:u8|[uUL])?R$"),
}


@dataclass(frozen=True, slots=True)
class Lexed:
    """How many blocks the file has, and the span (start, end) and kind of each, in order."""

    count: int
    starts: list[int]
    ends: list[int]
    kinds: list[int]  # the token's group: `_LINE`, `_BLOCK`, `_STR` or `_RAW`


def lex(data: bytes, raw_strings: bool) -> Lexed | None:
    """Every comment and string block of `data`, or None when the lexer is unsure."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    pattern = _PATTERNS[raw_strings]
    position, size = 0, len(data)
    while position < size:
        match = pattern.search(data, position)
        assert match is not None  # `.` or `\Z` always matches
        position = match.end()
        kind = match.lastindex
        if kind is None or kind == _OPEN:
            if kind == _OPEN:
                return None
            continue
        start, end = match.span(kind)
        if kind == _LINE:
            # The comments below it that continue its block, all in one match; none where the
            # next line has no `//` at its column (most blocks of one line).
            column = start - data.rfind(b"\n", 0, start) - 1
            if data[end + column + 1 : end + column + 3] == b"//":
                later = _continuation(column, _marker(data, start)).match(data, end)
                assert later is not None  # it matches the empty string
                end = position = later.end()
        elif kind == _BLOCK:
            # The one-line comments below a one-line comment alone on its line (`tsblocks`).
            if data[end : end + 1] in _LINE_ENDS and _alone_block(data, start, end):
                column = start - data.rfind(b"\n", 0, start) - 1
                later = _block_continuation(column).match(data, end)
                assert later is not None  # it matches the empty string
                end = position = later.end()
        else:
            # Strings make a block only from 10 bytes on, prefix and quotes included.
            shortfall = MIN_STRING + 2 - (end - start)
            if shortfall > 0 and (shortfall > 3 or _prefix(data, start, kind) < shortfall):
                continue
        starts.append(start)
        ends.append(end)
        kinds.append(kind)
    return Lexed(len(starts), starts, ends, kinds)


_LINE_ENDS = frozenset((b"\n", b"\r", b" ", b"\t", b""))
_SPACE = rb"[ \t\r\x0b\x0c]"
# A `/* ... */` comment within one line, its marker plain (`/*`, or the empty `/**/`).
_ONE_LINE_BLOCK = rb"/\*(?:\*/|(?![*!])[^*\n]*+\*++(?:[^/*\n][^*\n]*+\*++)*+/)"


def _alone_block(data: bytes, start: int, end: int) -> bool:
    """Whether the block comment `data[start:end]` is a plain one-line comment alone on its
    line, which a one-line comment below it may continue (`tsblocks.comment_runs`)."""
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    return (
        _ONE_LINE.fullmatch(data, start, end) is not None
        and not data[line_start:start].strip()
        and not data[end : line_end if line_end >= 0 else len(data)].strip()
    )


_ONE_LINE = re.compile(_ONE_LINE_BLOCK)


@lru_cache(maxsize=1024)
def _block_continuation(column: int) -> re.Pattern[bytes]:
    return re.compile(_block_continuation_source(column))


def _block_continuation_source(column: int) -> bytes:
    line = (
        _SPACE
        + rb"*+\n"
        + rb"[ \t\x0b\x0c]{%d}" % column
        + _ONE_LINE_BLOCK
        + rb"(?="
        + _SPACE
        + rb"*+(?:\n|\Z))"
    )
    return rb"(?:" + line + rb")*+"


# The columns whose continuation patterns a pool's parent builds before it forks: each worker
# built every one it met, 70 to 90 on tensorflow's headers (comments after code stand at many
# columns), a third of a millisecond apiece, where one read from the pattern store costs a
# few microseconds. A column past these is built on first use, as before.
PREBUILT_COLUMNS = 96


def prebuild() -> None:
    """Build the continuation patterns of the first `PREBUILT_COLUMNS` columns now, from the
    pattern store (`scanner.patternstore`), if it holds them or will keep them."""
    from scanner.patternstore import ahead_of_use, cheap_ahead

    columns = range(PREBUILT_COLUMNS)
    sources = [_continuation_source(c, m) for c in columns for m in _MARKERS]
    sources += [(_block_continuation_source(c), 0) for c in columns]
    if not cheap_ahead(sources):
        return
    with ahead_of_use():
        for column in columns:
            for marker in _MARKERS:
                _continuation(column, marker)
            _block_continuation(column)


def _prefix(data: bytes, start: int, kind: int) -> int:
    """The length of a string's encoding prefix (`u8`, `L`, a raw string's `R`)."""
    match = _PREFIX[kind].search(data, max(0, start - 3), start)
    return match.end() - match.start() if match is not None else 0


def _marker(data: bytes, start: int) -> bytes:
    """`tsblocks._marker` of a line comment: `//`, `///` or `//!` (`////` is a `//`)."""
    third = data[start + 2 : start + 3]
    if third == b"!" or (third == b"/" and data[start + 3 : start + 4] != b"/"):
        return data[start : start + 3]
    return b"//"


def texts_at(lexed: Lexed, data: bytes, offsets: list[int]) -> list[str]:
    """The texts of the blocks holding any of `offsets` (sorted) or a quote (`QUOTE_CUE`),
    as `tsblocks` makes them from tree-sitter's nodes."""
    starts, ends, kinds = lexed.starts, lexed.ends, lexed.kinds
    chosen: set[int] = set()
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < ends[index]:
            chosen.add(index)
    for index, kind in enumerate(kinds):
        # In bytes, before the delimiters are blanked: `//'Title'`, a string's own quotes.
        if kind in _COMMENTS:
            if _COMMENT_QUOTE.search(data, starts[index], ends[index]) is not None:
                chosen.add(index)
        elif _STRING_QUOTE.search(data, starts[index] + 1, ends[index] - 1) is not None:
            chosen.add(index)
    texts = []
    for index in sorted(chosen):
        start, end, kind = starts[index], ends[index], kinds[index]
        if kind in _COMMENTS:
            texts.append(comment_text(data, start, end))
        elif (text := string_text(data, start - _prefix(data, start, kind), end)) is not None:
            texts.append(text)
    return texts
