"""A fast lexer for Python comments and string literals, with exact offsets.

One regular expression finds every comment and string literal (any prefix, single or triple
quoted); runs of own-line comments at one column become one block, adjacent string literals
(implicit concatenation) become one block, and so, once the structure is known, do the pieces
of one documentation value (`__doc__ = "..." + "..."`). Delimiters, `\\n`, `\\t` and `\\r`
escapes and the backslash of an escaped quote (non-raw strings) are blanked so offsets still map
to the file. The lexer tolerates code that no parser accepts (Python 2, unterminated strings).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

# Every comment and string literal (any prefix, single or triple quoted), found by one
# `finditer` that stops only at a `#` or a quote: each alternative opens with that character,
# so the engine skips the code between tokens in C. The lookbehinds after an opening quote say
# how many prefix letters (`rb"..."`, `f'...'`) the literal has: group `s2`/`d2` two, `s1`/`d1`
# one, none of them none; no token opens straight after a word character (in `x"..."` the
# quote opens nothing). The bodies are unrolled loops (`[^'\\]*(?:\\.[^'\\]*)*`): the engine
# keeps no backtracking state per character, where an alternation repeated per character cost
# 115 bytes per character of a docstring (a 1.4 MB reference list took 160 MB) and many times
# the time.
_TOKEN = re.compile(
    r"""\#[^\r\n]*
      | '(?:(?<=(?<![\w])%L{2}')(?P<s2>)|(?<=(?<![\w])%L')(?P<s1>)|(?<=(?<![\w])'))
         (?: ''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*(?:'''|\Z) | [^'\\\r\n]*(?:\\.[^'\\\r\n]*)*' )
      | "(?:(?<=(?<![\w])%L{2}")(?P<d2>)|(?<=(?<![\w])%L")(?P<d1>)|(?<=(?<![\w])"))
         (?: ""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:\"\"\"|\Z) | [^"\\\r\n]*(?:\\.[^"\\\r\n]*)*" )
    """.replace("%L", "[rRbBuUfFtT]"),
    re.VERBOSE | re.DOTALL,
)
_PREFIX = re.compile(r"[rRbBuUfFtT]{0,2}")
_BETWEEN_STRINGS = re.compile(r"(?:[ \t\f]|\\\r?\n|\r?\n)*")
_ESCAPE = re.compile(r"\\(\\|[ntr\"'])")  # an escaped backslash is skipped whole
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_MIN_STRING = 8  # shorter literals are keys and format strings, never citations


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A comment or string block before attribution: offsets into the source."""

    start: int
    end: int
    text: str  # source[start:end] with delimiters blanked
    is_comment: bool
    own_line: bool  # a comment alone on its line (not trailing code)


def lex_blocks(source: str, tokens: list[tuple[int, int, bool]] | None = None) -> list[RawBlock]:
    """Every comment block and string block of `source`, in order (from its `lex_tokens`,
    when given)."""
    if tokens is None:
        tokens = lex_tokens(source)
    blocks: list[RawBlock] = []
    i = 0
    while i < len(tokens):
        start, end, is_comment = tokens[i]
        j = i + 1
        if is_comment:
            line_start = source.rfind("\n", 0, start) + 1
            own_line = not source[line_start:start].strip()
            column = start - line_start
            while (
                own_line
                and j < len(tokens)
                and tokens[j][2]
                and _next_line_comment(source, end, tokens[j][0], column)
            ):
                end = tokens[j][1]
                j += 1
            blocks.append(RawBlock(start, end, _blank_comment(source[start:end]), True, own_line))
        else:
            while (
                j < len(tokens)
                and not tokens[j][2]
                and _BETWEEN_STRINGS.fullmatch(source, end, tokens[j][0])
            ):
                end = tokens[j][1]
                j += 1
            # The text is as long as the literals it spans and opens with a blanked quote:
            # a span this short can never hold `_MIN_STRING` characters, so is not blanked.
            if end - start <= _MIN_STRING:
                i = j
                continue
            text = _blank_strings(source, tokens[i:j], start)
            if len(text.strip()) >= _MIN_STRING:
                blocks.append(RawBlock(start, end, text, False, False))
        i = j
    return blocks


def join_pieces(
    source: str, blocks: list[RawBlock], values: list[tuple[int, ...]]
) -> list[RawBlock]:
    """Make the string blocks of each documentation value (the start offsets of its pieces) one
    block, from its first piece to its last, with the code between them blanked and newlines
    kept: `f.__doc__ = "entry..." + "...mention"` is one place, whose citations are joined."""
    index_of = {block.start: i for i, block in enumerate(blocks) if not block.is_comment}
    joined: dict[int, RawBlock] = {}
    dropped: set[int] = set()
    for value in values:
        members = sorted({index_of[start] for start in value if start in index_of})
        if len(members) < 2 or any(m in joined or m in dropped for m in members):
            continue
        # Strings between the pieces belong to the same expression (implicit concatenation
        # broken by a comment, `"a" + ("b" if x else "c")`): they join too.
        members = [
            i
            for i in range(members[0], members[-1] + 1)
            if not blocks[i].is_comment and i not in joined and i not in dropped
        ]
        first, last = blocks[members[0]], blocks[members[-1]]
        text = _keep_newlines(source[first.start : last.end])
        for member in members:
            piece = blocks[member]
            offset = piece.start - first.start
            text = text[:offset] + piece.text + text[offset + len(piece.text) :]
        joined[members[0]] = RawBlock(first.start, last.end, text, False, False)
        dropped.update(members[1:])
    if not joined:
        return blocks
    return [joined.get(i, block) for i, block in enumerate(blocks) if i not in dropped]


def lex_tokens(source: str) -> list[tuple[int, int, bool]]:
    """Every comment and string literal of `source` as (start, end, is_comment), leftmost
    first; a string starts at its prefix letters."""
    tokens: list[tuple[int, int, bool]] = []
    append = tokens.append
    for match in _TOKEN.finditer(source):
        prefix = match.lastgroup
        start = match.start()
        if prefix is not None:
            append((start - (2 if prefix[1] == "2" else 1), match.end(), False))
        else:
            append((start, match.end(), source[start] == "#"))
    return tokens


def _next_line_comment(source: str, end: int, next_start: int, column: int) -> bool:
    gap = source[end:next_start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    return next_start - (source.rfind("\n", 0, next_start) + 1) == column


_COMMENT_HASHES = re.compile(r"(?m)^([ \t]*)(#+)")


def _blank_comment(text: str) -> str:
    # Blank the `#` run that opens each comment line (and `#:`/`#!` markers' hashes).
    if "\n" not in text:  # one comment, which starts with its `#` run
        hashes = len(text) - len(text.lstrip("#"))
        return " " * hashes + text[hashes:]
    return _COMMENT_HASHES.sub(_blank_hashes, text)


def _blank_hashes(match: re.Match[str]) -> str:
    return match.group(1) + " " * len(match.group(2))


def _blank_strings(source: str, tokens: list[tuple[int, int, bool]], base: int) -> str:
    pieces = []
    position = base
    for start, end, _ in tokens:
        if start > position:  # what joins two literals: spaces, or newlines kept
            gap = source[position:start]
            pieces.append(" " * len(gap) if gap.strip("\r\n\t \f") else _keep_newlines(gap))
        literal = source[start:end]
        prefix = 0 if literal[0] in "'\"" else _PREFIX.match(literal).end()  # type: ignore[union-attr]
        quote = 3 if literal[prefix : prefix + 3] in ("'''", '"""') else 1
        closing = (
            quote
            if len(literal) - prefix >= 2 * quote and literal.endswith(literal[prefix] * quote)
            else 0
        )
        body = literal[prefix + quote : len(literal) - closing]
        if "\\" in body and "r" not in literal[:prefix].lower():
            # `"...error\n"` `"function..."`: a `\n` escape ends a line of the text as much as
            # a newline does, and must not glue itself to the word before it.
            body = _ESCAPE.sub(_blank_escape, body)
        pieces.append(" " * (prefix + quote) + body + " " * closing)
        position = end
    return "".join(pieces)


def _blank_escape(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if escaped == "\\":
        return match.group(0)
    # `\"Title,\"` reads as `"Title,"`: the quote stays, its backslash goes.
    return " " + escaped if escaped in "\"'" else "  "


def _keep_newlines(gap: str) -> str:
    return _NOT_NEWLINE.sub(" ", gap)


class LineIndex:
    """Maps offsets to 1-based lines and 0-based columns."""

    def __init__(self, source: str, lines: list[str] | None = None) -> None:
        """`lines`: `source.split("\\n")`, when the caller has it."""
        if lines is None:
            self.starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        else:  # each line starts one past the end of the one before
            self.starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))

    def line(self, offset: int) -> int:
        """The 1-based line holding `offset`."""
        return bisect.bisect_right(self.starts, offset)

    def column(self, offset: int) -> int:
        """The 0-based column of `offset` in its line."""
        return offset - self.starts[self.line(offset) - 1]

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and 0-based column."""
        return self.starts[line - 1] + column
