"""Structure for Python that `ast` rejects: tree-sitter-python, else indentation.

tree-sitter recovers from errors, so a Python 2 file or one with a syntax error still gets its
definitions, their spans and their docstrings. Cython (`cdef class`, `cpdef int f(...)`) and
any file tree-sitter cannot read are read from `def`/`class` lines and indentation instead.
Documentation assigned later (`__doc__ =`, `add_docstr`) is only recognised by `ast`.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from scanner.parsers.pystructure import Definition, Structure, char_column
from scanner.types import Symbol, SymbolKind

if TYPE_CHECKING:
    from scanner.parsers.pylex import RawBlock

_DEF_LINE = re.compile(
    r"^([ \t]*)(?:async[ \t]+)?(def|class|cdef[ \t]+class|cp?def[ \t]+(?:[\w.\[\], ]+?[ \t*&]+)?"
    r"(?=\w+[ \t]*\())[ \t]*(\w+)",
    re.MULTILINE,
)
_DOC_START = re.compile(r"[ \t]*(?:[rRuU]|[bB][rR]?|[rR][bB])?['\"]")
# Statement containers whose children may hold definitions (ERROR: tree-sitter's recovery).
_CONTAINERS = frozenset(
    {
        "module", "block", "ERROR", "if_statement", "elif_clause", "else_clause", "for_statement",
        "while_statement", "try_statement", "except_clause", "except_group_clause",
        "finally_clause", "with_statement", "match_statement", "case_clause",
    }
)  # fmt: skip


def libcst_complaint(text: str, error: BaseException) -> str | None:
    """Why `text` is not Python ("libcst: syntax error at line 3"), or None if libcst reads it.

    Only files `ast` rejected (with `error`) come here: Python 2, broken code, or a grammar
    newer than the running interpreter's, which libcst reads and which is therefore valid.
    The line comes from `ast`, whose positions are exact where libcst's are approximate.
    libcst is not asked about nesting `ast` refuses: its native parser overflows the C stack
    (killing the process) on a few thousand open brackets.
    """
    message = getattr(error, "msg", None) or str(error)
    if "null bytes" in message:
        return "null bytes in the source"
    if not isinstance(error, SyntaxError):
        return f"nesting too deep ({type(error).__name__})"
    line = error.lineno or 1
    if "too many" in (error.msg or "") or _bracket_depth(text) > _LIBCST_MAX_DEPTH:
        return f"syntax error at line {line}: {message}"
    import libcst as cst

    try:
        cst.parse_module(text)
    except cst.ParserSyntaxError:
        return f"libcst: syntax error at line {line}"
    except (RecursionError, MemoryError):
        return "libcst: nesting too deep"
    except Exception as rejection:  # libcst's native parser raises a few types of its own
        return f"libcst: {type(rejection).__name__}"
    return None


_LIBCST_MAX_DEPTH = 500
_BRACKET = re.compile(r"[()\[\]{}]")


def _bracket_depth(text: str) -> int:
    """The deepest bracket nesting, brackets in strings included (an over-estimate)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(text):
        if match.group() in "([{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def fallback_structure(
    text: str, module: str, lines: list[str], raw_blocks: list[RawBlock]
) -> Structure:
    """Definitions and docstrings from tree-sitter-python, or from indentation without it."""
    parser = _tree_sitter_parser()
    if parser is None:
        return indentation_structure(text, module, lines, raw_blocks)
    tree = parser.parse(text.encode("utf-8", "surrogatepass"))
    reader = _TreeReader(lines)
    reader.read(tree.root_node, Symbol(module, SymbolKind.MODULE), in_class=False)
    return Structure(tuple(reader.definitions), reader.docs)


@cache
def _tree_sitter_parser() -> Any:
    try:
        import tree_sitter
        import tree_sitter_python
    except ImportError:
        return None
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_python.language()))


class _TreeReader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.definitions: list[Definition] = []
        self.docs: dict[tuple[int, int], Symbol] = {}

    def read(self, node: Any, owner: Symbol, *, in_class: bool) -> None:
        if node.type == "module":
            self._docstring(node, owner)
        for child in node.named_children:
            kind = child.type
            if kind == "decorated_definition":
                definition = child.child_by_field_name("definition")
                if definition is not None:
                    self._define(definition, child.start_point[0] + 1, owner, in_class=in_class)
            elif kind in ("function_definition", "class_definition"):
                self._define(child, child.start_point[0] + 1, owner, in_class=in_class)
            elif kind in _CONTAINERS:
                self.read(child, owner, in_class=in_class)

    def _define(self, node: Any, first_line: int, owner: Symbol, *, in_class: bool) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is None:
            return
        is_class = node.type == "class_definition"
        kind = (
            SymbolKind.CLASS if is_class else SymbolKind.METHOD if in_class else SymbolKind.FUNCTION
        )
        name = name_node.text.decode("utf-8", "replace")
        line = node.start_point[0] + 1
        symbol = Symbol(f"{owner.name}.{name}", kind, line)
        column = char_column(self.lines, line, node.start_point[1])
        self.definitions.append(Definition(symbol, first_line, node.end_point[0] + 1, column))
        if body is not None:
            self._docstring(body, symbol)
            self.read(body, symbol, in_class=is_class)

    def _docstring(self, body: Any, symbol: Symbol) -> None:
        first = body.named_children[0] if body.named_child_count else None
        while first is not None and first.type == "comment":
            first = first.next_named_sibling
        if first is None or first.type != "expression_statement" or not first.named_child_count:
            return
        string = first.named_children[0]
        if string.type in ("string", "concatenated_string"):
            line = string.start_point[0] + 1
            self.docs[(line, char_column(self.lines, line, string.start_point[1]))] = symbol


def indentation_structure(
    text: str, module: str, lines: list[str], raw_blocks: list[RawBlock]
) -> Structure:
    """Definitions from `def`/`class`/`cdef` lines and indentation (Cython, broken files)."""
    spans = [(b.start, b.end) for b in raw_blocks]
    definitions: list[Definition] = []
    stack: list[tuple[int, Symbol]] = []  # (indent, symbol) of the open definitions
    line_starts = _line_starts(lines)
    inside = _string_interiors(raw_blocks, line_starts)
    span_index = 0
    for match in _DEF_LINE.finditer(text):
        offset = match.start(2)
        while span_index < len(spans) and spans[span_index][1] <= offset:
            span_index += 1
        if span_index < len(spans) and spans[span_index][0] <= offset:
            continue  # a `def` inside a string or comment
        line = _line_of(line_starts, match.start())
        indent = len(match.group(1).expandtabs())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        owner = stack[-1][1] if stack else Symbol(module, SymbolKind.MODULE)
        keyword = match.group(2)
        kind = (
            SymbolKind.CLASS
            if keyword.endswith("class")
            else SymbolKind.METHOD
            if owner.kind is SymbolKind.CLASS
            else SymbolKind.FUNCTION
        )
        symbol = Symbol(f"{owner.name}.{match.group(3)}", kind, line)
        first = line
        while first > 1 and lines[first - 2].strip().startswith("@"):
            first -= 1
        end = _block_end(lines, line, indent, inside)
        definitions.append(Definition(symbol, first, end, len(match.group(1))))
        stack.append((indent, symbol))
    docs: dict[tuple[int, int], Symbol] = {}
    module_doc = _first_code_line(lines, 0)
    if module_doc is not None and _DOC_START.match(lines[module_doc - 1]):
        docs[(module_doc, _indent(lines[module_doc - 1]))] = Symbol(module, SymbolKind.MODULE)
    for definition in definitions:
        header_end = _header_end(lines, definition.symbol.line)
        following = _first_code_line(lines, header_end)
        if (
            following is not None
            and following <= definition.end_line
            and _DOC_START.match(lines[following - 1])
        ):
            docs[(following, _indent(lines[following - 1]))] = definition.symbol
    return Structure(tuple(definitions), docs)


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\f"))


def _first_code_line(lines: list[str], after: int) -> int | None:
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _header_end(lines: list[str], line: int) -> int:
    """The line closing a `def`/`class` header that spans several lines (up to 50)."""
    for number in range(line, min(line + 50, len(lines)) + 1):
        if lines[number - 1].split("#", 1)[0].rstrip().endswith(":"):
            return number
    return line


def _string_interiors(raw_blocks: list[RawBlock], starts: list[int]) -> set[int]:
    """Lines that continue a multi-line string: their indentation means nothing."""
    inside: set[int] = set()
    for block in raw_blocks:
        if not block.is_comment:
            first, last = _line_of(starts, block.start), _line_of(starts, block.end - 1)
            inside.update(range(first + 1, last + 1))
    return inside


def _block_end(lines: list[str], line: int, indent: int, inside: set[int]) -> int:
    """The last line of the body of the definition on `line`, from indentation."""
    end = _header_end(lines, line)
    for number in range(end + 1, len(lines) + 1):
        content = lines[number - 1].expandtabs()
        stripped = content.strip()
        if number in inside:
            end = number
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if len(content) - len(content.lstrip()) <= indent and stripped[0] not in ")]}":
            break
        end = number
    return end
