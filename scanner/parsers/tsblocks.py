"""Comment and string nodes of a tree-sitter tree turned into text blocks.

Consecutive line comments in one column with the same marker (`//`, `///`, `//!`, Fortran's
`!`, MATLAB's `%`) become one block, so a reference wrapped over several `//` lines stays whole
while a Rust `//!` module doc never merges into the `///` doc of the item below it. Delimiters
(`//`, `/*`, `*/`, the ` * ` margin of block comments, `!`, `%`, `%{`, quotes and string
prefixes) are blanked so offsets still map to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

# On every line at once: `^` after each newline, the margin never crossing one.
# (`%`, `%{`, `%}`: MATLAB; `!`, `!!`, `!>`: Fortran; `...`: a MATLAB continuation's comment.)
_LINE_MARKER = re.compile(r"(?m)^([^\S\n]*)(//+!?|#+|%+[{}]?|!+[<>]?|\.\.\.)")
_BLOCK_OPEN = re.compile(r"^/\*+!?")
_MARGIN = re.compile(r"(?m)^([ \t]*)(\*+)(?!/)")
# The delimiters of each comment in a run of one-line `/* ... */` comments, but the run's first
# opening and last closing (cut by `_blank_block_comment` as in any block comment).
_LINE_DELIMITERS = re.compile(r"\*+/(?=[ \t]*\r?\n)|(?<=\n)([ \t]*)/\*+")
_MARKER = re.compile(rb"//[/!]?|/\*[*!]?|[!%#]")
# The markers of line comments, which continue a run of their own marker: Fortran's `!`, `!!`,
# `!>` are one (Doxygen's `!>` block goes on with `!!` lines), MATLAB's `%` and Octave's `#`.
_LINE_COMMENTS = ("//", "!", "%", "#")
# The right border of a box of line comments: `//` after a blank, ending its line.
_RIGHT_BORDER = re.compile(r"(?m)([ \t])(//+)[ \t]*$")
_ESCAPE = re.compile(r"\\(\\|[ntr\"'\n])")  # an escaped backslash is kept whole
MIN_STRING = 8  # characters between the quotes: shorter strings make no block
# Macros of Python's C API whose string argument is a Python docstring written in C.
_PYTHON_DOC_MACROS = frozenset({b"PyDoc_STRVAR", b"PyDoc_STR"})


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A comment or string block before attribution."""

    text: str
    line: int  # 1-based
    column: int  # 0-based, in characters
    start_byte: int
    is_comment: bool
    first_node: Node
    last_node: Node
    marker: str = ""  # the comment's opening delimiter: `//`, `///`, `//!`, `/*`, `/**`, `/*!`


def comment_blocks(comments: list[Node], data: bytes) -> list[RawBlock]:
    """Group comment nodes (in document order) into blocks."""
    return [comment_block(run, data) for run in comment_runs(comments, data)]


def comment_runs(comments: list[Node], data: bytes) -> list[list[Node]]:
    """Comment nodes (in document order) grouped into the runs that make one block each: a line
    comment directly below another one, at the same column, alone on its line and with the same
    marker, continues its run; so does a one-line `/* ... */` comment below another, each alone
    on its line (`/*  text  */` a line, as f2c and boxed C headers write prose)."""
    runs: list[list[Node]] = []
    # Each node's position read once (a node's points cost a call each), its marker only when
    # the position may continue the run.
    previous: Node | None = None
    previous_row = previous_column = -2
    previous_marker: str | None = None
    for node in comments:
        row, column = node.start_point
        marker = None
        if previous is not None and row == previous_row + 1 and column == previous_column:
            marker = _marker(node, data)
            if previous_marker is None:
                previous_marker = _marker(previous, data)
            if (
                marker.startswith(_LINE_COMMENTS)
                and marker == previous_marker
                and not data[node.start_byte - column : node.start_byte].strip()
            ) or (
                marker == previous_marker == "/*"
                and _one_line_alone(previous, data)
                and _one_line_alone(node, data)
            ):
                runs[-1].append(node)
            else:
                runs.append([node])
        else:
            runs.append([node])
        previous, previous_row, previous_column, previous_marker = (
            node,
            end_row(node, data),
            column,
            marker,
        )
    return runs


def _one_line_alone(node: Node, data: bytes) -> bool:
    """Whether a comment spans one line and is alone on it."""
    start, end = node.start_byte, node.end_byte
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    return (
        b"\n" not in data[start:end]
        and not data[line_start:start].strip()
        and not data[end : line_end if line_end >= 0 else len(data)].strip()
    )


def end_row(node: Node, data: bytes) -> int:
    """The 0-based row of a node's last character (Rust line comments end with a newline)."""
    row = node.end_point.row
    if node.end_byte > node.start_byte and data[node.end_byte - 1 : node.end_byte] == b"\n":
        row -= 1
    return row


def trails_code(node: Node, data: bytes) -> bool:
    """Whether code precedes the comment on its line (`x = 1;  // note`)."""
    line_start = node.start_byte - node.start_point.column
    return bool(data[line_start : node.start_byte].strip())


def _marker(node: Node, data: bytes) -> str:
    head = data[node.start_byte : node.start_byte + 4]
    # `////` and `/**/` are separators or empty comments, not doc markers.
    if head in (b"////", b"/**/"):
        return head[:2].decode()
    match = _MARKER.match(head)
    return match.group(0).decode() if match else ""


def comment_block(run: list[Node], data: bytes) -> RawBlock:
    """The block of a run of comment nodes."""
    first, last = run[0], run[-1]
    text = comment_text(data, first.start_byte, last.end_byte)
    return RawBlock(
        text,
        first.start_point.row + 1,
        _char_column(first, data),
        first.start_byte,
        True,
        first,
        last,
        _marker(first, data),
    )


def comment_text(data: bytes, start: int, end: int) -> str:
    """The text of the comment block spanning `data[start:end]`, delimiters blanked."""
    # Rust's line comments include their newline; it belongs to no citation.
    while end > start and data[end - 1 : end] in (b"\n", b"\r"):
        end -= 1
    text = data[start:end].decode("utf-8", errors="replace")
    if text.startswith("/*"):
        return _blank_block_comment(text)
    text = _LINE_MARKER.sub(_blank_marker, text)
    if "//\n" in text or text.endswith("//"):
        # A box of `//` lines (`// text ... //`): its right border is no text either, or a
        # title wrapped over two lines reads `Incremental // construction`.
        text = _RIGHT_BORDER.sub(_blank_marker, text)
    return text


def _blank_marker(match: re.Match[str]) -> str:
    return match.group(1) + " " * len(match.group(2))


def _blank_block_comment(text: str) -> str:
    # The opening `/*` (`/**`, `/*!`) and the closing `*/` (`**/`; after the opening is blanked,
    # so `/**/` keeps its `/`) are cut by hand: a substitution would try every position. The
    # text ends at the closing: `comment_text` cuts the newlines after it.
    if "*/\n" in text or "*/\r\n" in text:
        # a run of one-line comments: each line's own delimiters
        text = _LINE_DELIMITERS.sub(lambda m: " " * len(m.group(0)), text)
    opening = _BLOCK_OPEN.match(text)
    if opening is not None:
        text = " " * opening.end() + text[opening.end() :]
    if text.endswith("/"):
        kept = text[:-1].rstrip("*")
        if len(kept) < len(text) - 1:
            text = kept + " " * (len(text) - len(kept))
    return _MARGIN.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def string_block(node: Node, data: bytes) -> RawBlock | None:
    """A string literal as a block with its quotes and prefix blanked, or None if tiny."""
    text = string_text(data, node.start_byte, node.end_byte)
    if text is None:
        return None
    return RawBlock(
        text, node.start_point.row + 1, _char_column(node, data), node.start_byte, False, node, node
    )


def python_doc(node: Node) -> bool:
    """Whether a string literal is (a piece of) a docstring given to `PyDoc_STRVAR(name,
    "...")` or `PyDoc_STR("...")`: documentation, where other string literals are code."""
    parent = node.parent
    if parent is not None and parent.type == "concatenated_string":
        parent = parent.parent
    call = parent.parent if parent is not None and parent.type == "argument_list" else None
    if call is None or call.type != "call_expression":
        return False
    function = call.child_by_field_name("function")
    return function is not None and function.text in _PYTHON_DOC_MACROS


def string_text(data: bytes, start: int, end: int) -> str | None:
    """The text of the string literal `data[start:end]` (its prefix included) with its quotes
    and prefix blanked, or None if it is too short to hold a citation."""
    if end - start < MIN_STRING + 2:
        return None
    text = data[start:end].decode("utf-8", errors="replace")
    opening = min(
        (i for i in (text.find('"'), text.find("'"), text.find("`")) if i >= 0), default=-1
    )
    closing = max(text.rfind('"'), text.rfind("'"), text.rfind("`"))
    if opening < 0 or closing <= opening:
        return None
    body = text[opening + 1 : closing]
    if "\\" in body:
        body = _ESCAPE.sub(_blank_escape, body)
    return " " * (opening + 1) + body + " " * (len(text) - closing)


def _blank_escape(match: re.Match[str]) -> str:
    # `\n`, `\t`, `\r` and a line continuation are blanks; an escaped quote keeps its quote.
    escaped = match.group(1)
    if escaped == "\\":
        return match.group(0)
    if escaped == "\n":
        return " \n"
    return "  " if escaped in "ntr" else " " + escaped


def _char_column(node: Node, data: bytes) -> int:
    line_start = node.start_byte - node.start_point.column
    return len(data[line_start : node.start_byte].decode("utf-8", errors="replace"))
