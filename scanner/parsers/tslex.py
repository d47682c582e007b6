"""The comment and string blocks of a C, C++ or CUDA file, found without parsing it.

One compiled regex walks the file as tree-sitter's lexer does: line comments (with `\\`
continuations), block comments, string literals (raw strings in C++), character literals (so that
a quote inside one starts nothing), and the preprocessor directives whose argument tree-sitter
reads as opaque text (`#define` bodies, `#pragma`, `#error`: only `/* */` comments in them are
comments). Line comments group into blocks by the rule of `tsblocks`. The parser uses this to
settle the files whose blocks cite nothing, most files that pass the prefilter, without a parse:
it needs the blocks holding a cue (`prefilter.cue_offsets`), built here exactly as `tsblocks`
builds them from tree-sitter's nodes, and how many blocks there are.

Where the lexer is unsure (an unterminated comment), it says so and the file is parsed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from scanner.parsers.tsblocks import MIN_STRING, comment_text, string_text

_CODE = rb"[^/\"'#]*+"
_LINE_COMMENT = rb"(//[^\n\\]*+(?:\\(?:\r\n|.)[^\n\\]*+)*+)"
_BLOCK_COMMENT = rb"(/\*[^*]*+\*++(?:[^/*][^*]*+\*++)*+/)"
_STRING = rb"(\"[^\"\\\n]*+(?:\\(?:\r\n|.)[^\"\\\n]*+)*+\")"
# `R"delim( ... )delim"`; in C, tree-sitter reads it as two ordinary strings, as this does.
_RAW_STRING = rb"((?<=R)\"([^()\\ \t\n]{0,16})\((?s:.*?)\)\4\")"  # group 4: the delimiter
# A quote between digits separates them (`1'000'000`, C++14): it starts no character literal.
_CHAR = rb"(?<![0-9a-fA-F])'[^'\\\n]*+(?:\\.[^'\\\n]*+)*+'"
# Directives tree-sitter reads structurally (their strings and comments are nodes); any other
# directive's argument is one opaque token up to the line's end, except for `/* */` comments.
_OPAQUE_DIRECTIVE = (
    rb"#[ \t]*+(?!(?:include|if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b)[A-Za-z_]\w*+"
    rb"(?:[^\n\\/]++|\\(?:\r\n|.)|/(?!\*))*+"
)
_UNTERMINATED = rb"(/\*)"
_TAIL = rb"|.|\Z)"


def _token_pattern(raw_strings: bool) -> re.Pattern[bytes]:
    alternatives = [_LINE_COMMENT, _BLOCK_COMMENT]
    alternatives += [_RAW_STRING] if raw_strings else [rb"(\0(\0)\0)"]  # keeps group numbers
    alternatives += [_STRING, _CHAR, _OPAQUE_DIRECTIVE, _UNTERMINATED]
    return re.compile(_CODE + rb"(?:" + rb"|".join(alternatives) + _TAIL, re.DOTALL)


# Groups: 1 line comment, 2 block comment, 3 raw string (4 its delimiter), 5 string,
# 6 unterminated block comment.
_PATTERNS = {False: _token_pattern(False), True: _token_pattern(True)}
_LINE, _BLOCK, _RAW, _STR, _OPEN = 1, 2, 3, 5, 6
# What besides the prefilter's cues makes the title detector read a block (the quotes of
# `scanner.titles._has_cue`): a quoted title needs no year, `described in "Title"`. Over the
# text with its delimiters blanked; `_COMMENT_QUOTE` and `_STRING_QUOTE` find the same (or more)
# over the bytes of a comment's span and of a string's span inside its quotes.
QUOTE_CUE = re.compile("[\"\u201c\u201d]|``|et\\. al|\\]_|\\s'[A-Z0-9]")
_COMMENT_QUOTE = re.compile(rb"\"|``|\xe2\x80[\x9c\x9d]|et\. al|\]_|[\s/*!#]'[A-Z0-9]")
_STRING_QUOTE = re.compile(rb"\"|``|\xe2\x80[\x9c\x9d]|et\. al|\]_|(?<=[\s\"])'[A-Z0-9]")
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
    # The current run of line comments: where its last comment ends, its column and marker.
    run_end, run_column, run_marker = -2, -1, b""
    for match in _PATTERNS[raw_strings].finditer(data):
        kind = match.lastindex
        if kind is None:
            continue
        start, end = match.span(kind)
        if kind == _LINE:
            newline = data.rfind(b"\n", 0, start)
            column = start - newline - 1
            marker = _marker(data, start)
            # tsblocks' rule: on the next line, at the same column, alone on its line, with
            # the same marker.
            if (
                column == run_column
                and marker == run_marker
                and (newline == run_end or (newline == run_end + 1 and data[run_end] == 13))
                and (not column or data[newline + 1 : start].isspace())
            ):
                ends[-1] = run_end = end
                continue
            run_end, run_column, run_marker = end, column, marker
        elif kind == _BLOCK:
            run_end = -2
        elif kind == _OPEN:
            return None
        else:
            run_end = -2
            # Strings make a block only from 10 bytes on, prefix and quotes included.
            shortfall = MIN_STRING + 2 - (end - start)
            if shortfall > 0 and (shortfall > 3 or _prefix(data, start, kind) < shortfall):
                continue
        starts.append(start)
        ends.append(end)
        kinds.append(kind)
    return Lexed(len(starts), starts, ends, kinds)


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
    chosen: set[int] = set()
    for offset in offsets:
        index = bisect.bisect_right(lexed.starts, offset) - 1
        if index >= 0 and offset < lexed.ends[index]:
            chosen.add(index)
    for index, kind in enumerate(lexed.kinds):
        start, end = lexed.starts[index], lexed.ends[index]
        # In bytes, before the delimiters are blanked: `//'Title'`, a string's own quotes.
        if kind in (_LINE, _BLOCK):
            if _COMMENT_QUOTE.search(data, start, end) is not None:
                chosen.add(index)
        elif _STRING_QUOTE.search(data, start + 1, end - 1) is not None:
            chosen.add(index)
    texts = []
    for index in sorted(chosen):
        start, end, kind = lexed.starts[index], lexed.ends[index], lexed.kinds[index]
        if kind in (_LINE, _BLOCK):
            texts.append(comment_text(data, start, end))
        elif (text := string_text(data, start - _prefix(data, start, kind), end)) is not None:
            texts.append(text)
    return texts
