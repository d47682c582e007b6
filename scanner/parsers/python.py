"""Python sources: comments, docstrings and strings, each attributed to its def or class.

A fast lexer (`pylex`) finds every comment and string block first. Only when some block holds
a reference does libcst parse the file to learn its structure (definitions, docstrings,
`__doc__` assignments, `add_docstr` calls): most files cite nothing and never pay for libcst.
A file libcst rejects (Python 2, syntax errors) is attributed by indentation instead, and the
result says so.
"""

from __future__ import annotations

import bisect
import re

import libcst as cst

from scanner.extract import find_hits
from scanner.parsers import ParsedFile
from scanner.parsers.pylex import LineIndex, RawBlock, lex_blocks
from scanner.parsers.pystructure import Definition, ModuleStructure, read_structure
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock

_DEF_LINE = re.compile(
    r"^([ \t]*)(?:async[ \t]+)?(def|class|cdef[ \t]+class|cp?def[ \t]+(?:[\w.\[\], ]+?[ \t*&]+)?"
    r"(?=\w+[ \t]*\())[ \t]*(\w+)",
    re.MULTILINE,
)


class PythonParser:
    """Reads Python files (libcst for structure, a lexer for positions)."""

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return the file's blocks; `fallback` is set when libcst could not parse it."""
        text = source.text
        raw_blocks = lex_blocks(text)
        module = Symbol(source.module, SymbolKind.MODULE)
        index = LineIndex(text)
        candidates = [b for b in raw_blocks if find_hits(b.text)]
        if not candidates:
            # Nothing to attribute: skip the parse, keep the blocks for the counts.
            return ParsedFile(
                tuple(
                    _block(b, index, Context.COMMENT if b.is_comment else Context.STRING, module)
                    for b in raw_blocks
                )
            )
        fallback = None
        if source.language == "cython":
            structure = _indentation_structure(text, source.module)
            return ParsedFile(tuple(_attribute(raw_blocks, structure, index, module, text)))
        try:
            structure = _read_statements(text, source.module, raw_blocks, candidates, index)
        except (_SyntaxError, RecursionError) as error:
            structure = _indentation_structure(text, source.module)
            fallback = f"libcst could not parse it ({_first_line(error)}); scopes from indentation"
        return ParsedFile(
            tuple(_attribute(raw_blocks, structure, index, module, text)), fallback=fallback
        )


class _SyntaxError(Exception):
    """libcst rejected a statement; the message gives the file's line."""


def _read_statements(
    text: str, module: str, raw_blocks: list[RawBlock], candidates: list[RawBlock], index: LineIndex
) -> ModuleStructure:
    """Parse with libcst only the top-level statements that hold (or follow) a reference.

    A top-level statement is self-contained, so parsing it alone gives the same structure as
    parsing the file, at a fraction of the cost on large modules that cite in few places.
    """
    lines = text.splitlines(keepends=True)
    starts = _statement_starts(lines, raw_blocks, index)
    top_level = _top_level_names(lines, starts, module)
    wanted: set[int] = set()
    for block in candidates:
        first = index.line(block.start)
        wanted.add(_statement_of(starts, first))
        following = _next_code_line([line.rstrip("\r\n") for line in lines], index.line(block.end))
        if following is not None:
            wanted.add(_statement_of(starts, following))
    definitions: list[Definition] = []
    docs: dict[tuple[int, int], Symbol] = {}
    for start in sorted(wanted):
        position = bisect.bisect_right(starts, start)
        end = starts[position] if position < len(starts) else len(lines) + 1
        chunk = "".join(lines[start - 1 : end - 1])
        if start == starts[0] and start > 1:
            chunk = "".join(lines[: end - 1])  # keep the header: the module docstring's context
            first_line = 1
        else:
            first_line = start
        try:
            structure = read_structure(chunk, module, first_line=first_line, top_level=top_level)
        except cst.ParserSyntaxError as error:
            raise _SyntaxError(
                f"syntax error at line {error.raw_line + first_line - 1}, "
                f"column {error.raw_column + 1}"
            ) from error
        definitions.extend(structure.definitions)
        docs.update(structure.docs)
    return ModuleStructure(tuple(definitions), docs)


_CONTINUATION = re.compile(r"^(?:[)\]}]|(?:else|elif|except|finally|case)\b)")


def _statement_starts(lines: list[str], raw_blocks: list[RawBlock], index: LineIndex) -> list[int]:
    """1-based lines where a top-level statement starts (decorators start their def)."""
    inside_string: set[int] = set()
    for block in raw_blocks:
        if not block.is_comment:
            first, last = index.line(block.start), index.line(block.end)
            inside_string.update(range(first + 1, last + 1))
    starts: list[int] = []
    decorated = False
    for number, line in enumerate(lines, start=1):
        if not line or line[0] in " \t\r\n#\f" or number in inside_string:
            continue
        if _CONTINUATION.match(line):
            continue
        if not decorated:
            starts.append(number)
        decorated = line.startswith("@")
    return starts or [1]


def _statement_of(starts: list[int], line: int) -> int:
    position = bisect.bisect_right(starts, line) - 1
    return starts[max(position, 0)]


def _top_level_names(lines: list[str], starts: list[int], module: str) -> dict[str, Symbol]:
    names: dict[str, Symbol] = {}
    for number in starts:
        for offset in range(0, 50):  # skip the decorators of a definition
            if number + offset > len(lines):
                break
            match = _DEF_LINE.match(lines[number + offset - 1])
            if match and not match.group(1):
                kind = SymbolKind.CLASS if match.group(2).endswith("class") else SymbolKind.FUNCTION
                names[match.group(3)] = Symbol(f"{module}.{match.group(3)}", kind, number + offset)
                break
            if not lines[number + offset - 1].startswith("@") and offset > 0:
                break
    return names


def _first_line(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return message[0][:120] if message else type(error).__name__


def _block(raw: RawBlock, index: LineIndex, context: Context, symbol: Symbol) -> TextBlock:
    return TextBlock(raw.text, context, index.line(raw.start), index.column(raw.start), symbol)


def _attribute(
    raw_blocks: list[RawBlock],
    structure: ModuleStructure,
    index: LineIndex,
    module: Symbol,
    text: str,
) -> list[TextBlock]:
    definitions = sorted(structure.definitions, key=lambda d: d.first_line)
    by_first_line = {d.first_line: d for d in definitions}
    by_def_line = {d.symbol.line: d for d in definitions}
    doc_lines = {line: symbol for (line, _), symbol in structure.docs.items()}
    lines = text.splitlines()
    blocks = []
    for raw in raw_blocks:
        line, column = index.line(raw.start), index.column(raw.start)
        if not raw.is_comment:
            doc = structure.docs.get((line, column)) or doc_lines.get(line)
            if doc is not None:
                blocks.append(_block(raw, index, Context.DOCSTRING, doc))
            else:
                blocks.append(
                    _block(raw, index, Context.STRING, _enclosing(definitions, line, module))
                )
            continue
        owner: Symbol | None = None
        if raw.own_line:
            following = _next_code_line(lines, index.line(raw.end))
            if following in by_first_line:
                owner = by_first_line[following].symbol
        elif line in by_def_line:
            owner = by_def_line[line].symbol
        blocks.append(
            _block(raw, index, Context.COMMENT, owner or _enclosing(definitions, line, module))
        )
    return blocks


def _next_code_line(lines: list[str], after: int) -> int | None:
    """The first line after `after` (1-based) that is not blank; None at the end."""
    for number in range(after + 1, min(after + 3, len(lines)) + 1):
        if lines[number - 1].strip():
            return number
    return None


def _enclosing(definitions: list[Definition], line: int, module: Symbol) -> Symbol:
    """The innermost definition whose span holds `line`, else the module."""
    position = bisect.bisect_right([d.first_line for d in definitions], line)
    best: Definition | None = None
    for definition in definitions[:position]:
        if definition.first_line <= line <= definition.end_line and (
            best is None or definition.first_line >= best.first_line
        ):
            best = definition
    return best.symbol if best else module


def _indentation_structure(text: str, module: str) -> ModuleStructure:
    """Definitions from `def`/`class` lines and indentation, for code libcst rejects."""
    lines = text.splitlines()
    found: list[tuple[int, int, str, str]] = []  # (line, indent, keyword, name)
    for match in _DEF_LINE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, len(match.group(1).expandtabs()), match.group(2), match.group(3)))
    definitions: list[Definition] = []
    stack: list[tuple[int, int, str, SymbolKind]] = []  # (indent, line, name, kind)
    for line, indent, keyword, name in found:
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent_is_class = bool(stack) and stack[-1][3] is SymbolKind.CLASS
        kind = (
            SymbolKind.CLASS
            if keyword.endswith("class")
            else SymbolKind.METHOD
            if parent_is_class
            else SymbolKind.FUNCTION
        )
        qualname = ".".join([module, *(s[2] for s in stack), name])
        definitions.append(
            Definition(Symbol(qualname, kind, line), line, _block_end(lines, line, indent))
        )
        stack.append((indent, line, name, kind))
    docs: dict[tuple[int, int], Symbol] = {}
    for definition in definitions:
        following = _next_code_line(lines, definition.symbol.line)
        if (
            (following is not None
            and lines[following - 1].lstrip()[:1] in ("'", '"'))
            or (
                following is not None
                and lines[following - 1].lstrip()[:2].lower() in ("r'", 'r"', "u'", 'u"')
            )
        ):
            stripped = lines[following - 1]
            docs[(following, len(stripped) - len(stripped.lstrip()))] = definition.symbol
    return ModuleStructure(tuple(definitions), docs)


def _block_end(lines: list[str], line: int, indent: int) -> int:
    end = line
    for number in range(line + 1, len(lines) + 1):
        content = lines[number - 1]
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        if len(content) - len(content.lstrip()) <= indent and not content.lstrip().startswith(
            (")", "]", "}")
        ):
            break
        end = number
    return end
