"""What attribution knows of a Python module, whoever read it: definitions with their line spans,
and the strings that document a symbol; and the rules every reader shares.

Four readers fill a `Structure`: `pylines` (valid Python, from its logical lines, the fast
path), `pyast` (valid Python it cannot place), `pylibcst` (a grammar newer than the
interpreter's) and `pyfallback` (broken code, Python 2, Cython).
"""

from __future__ import annotations

from dataclasses import dataclass

from scanner.types import Symbol

# Calls that attach documentation to a name defined elsewhere (numpy's `add_newdoc`, torch's
# `add_docstr`): their string arguments document that name, not the code around the call.
DOC_CALLS = frozenset(
    {"add_docstr", "_add_docstr", "add_newdoc", "add_newdoc_ufunc", "_add_newdoc", "add_docstring"}
)


@dataclass(frozen=True, slots=True)
class Definition:
    """A class or function: its first line (decorators included), last line and column."""

    symbol: Symbol
    first_line: int
    end_line: int
    column: int  # of the `def`/`class` keyword: its body is indented past this


@dataclass(frozen=True, slots=True)
class Structure:
    """Definitions in source order, and documenting strings keyed by (line, column).

    `pieces`: the (line, column) of each string literal of one documentation value built from
    several (`f.__doc__ = "..." + "..."`, `add_docstr(fn, "..." + x + "...")`), one tuple per
    value with two pieces or more; the parser makes each such value one block.
    """

    definitions: tuple[Definition, ...]
    docs: dict[tuple[int, int], Symbol]
    pieces: tuple[tuple[tuple[int, int], ...], ...] = ()


def is_doc_call(dotted: str) -> bool:
    """Whether a call of `dotted` (`add_newdoc`, `torch._C._add_docstr`) documents a name."""
    return dotted.rsplit(".", 1)[-1] in DOC_CALLS


def char_column(lines: list[str], line: int, byte_column: int) -> int:
    """Parsers count columns in UTF-8 bytes; blocks count characters."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if text.isascii():
        return byte_column
    return len(text.encode("utf-8", "surrogatepass")[:byte_column].decode("utf-8", "replace"))
