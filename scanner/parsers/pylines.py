"""The structure of valid Python read from its logical lines, checked against its symbol table.

`ast` builds a Python object for every node of the file and frees them all again, which costs
about as much as the parse; attribution needs only the definitions, their line spans and their
docstrings. Here the compiler's `symtable` parses the file in C, so the file is valid exactly
when `ast` would accept it, and names every function and class scope with its line. The
definitions are read from the code's logical lines (the lexer's tokens blanked out, brackets,
backslash continuations and indentation), and must be the symbol table's, name, line and
nesting. Where the two disagree, or the file holds what only `ast` reads (documentation
assigned to `__doc__` or passed to a documentation call, a byte-order mark, a decorator or
header this reader cannot place), `read_structure` returns None and the caller asks `ast`.
"""

from __future__ import annotations

import _symtable
import ast
import bisect
import re
import sys
import unicodedata
import warnings
from itertools import accumulate, repeat
from operator import or_, sub
from typing import Any

from scanner.parsers.pyast import AstWalker
from scanner.parsers.pystructure import Definition, Structure
from scanner.types import Symbol, SymbolKind

Token = tuple[int, int, bool]  # (start, end, is_comment), as `pylex.lex_tokens` gives them
_Logical = tuple[int, "int | None", Symbol, int]

# Keeps brackets (as `(` and `)`), backslashes and newlines of ASCII code; what is left of
# other text (non-ASCII identifiers) counts for nothing.
_BRACKETS = {code: None for code in range(128)} | str.maketrans("([{)]}\\\n", "((()))\\\n")
_HEAD = re.compile(r"(?:async[ \t\f]+)?(def|class)[ \t\f]+(\w+)")
_CLAUSE = re.compile(r"(?:try|except|else|finally)\b")
_HEADER_PUNCTUATION = re.compile(r"[()\[\]{}:]")
# Documentation `ast` reads and this reader does not (`pyast._AstWalker`): an assignment to
# `__doc__` or `x.__doc__`, a call of `add_docstr`/`add_newdoc` (`pystructure.DOC_CALLS`).
_ONLY_AST = re.compile(r"__doc__[ \t\f)\\\r\n]*=(?!=)|add_docstr|add_newdoc")
# A statement that is only a string: literals (a blanked literal reads `"` and then `\x01`s)
# implicitly concatenated, in as many brackets as close after them, up to `;` or its end.
_STRING_STATEMENT = re.compile(
    r"[ \t\f\r\n\\]*((?:\([ \t\f\r\n\\]*)*)(\")[\x01\"\s\\]*((?:\)[ \t\f\r\n\\]*)*)(?:;|\Z)"
)
# How the lines that may open a definition, a decorator or a `try` start.
_OPENERS = ("@", "def", "class", "async", "try")
_LONE_CR = re.compile(r"\r(?!\n)|\\\r")
_PREFIX = re.compile(r"[rRbBuUfFtT]{0,2}")
# From 3.12 an f-string may hold its own quotes (PEP 701), which the lexer reads as 3.11 does.
_NESTED_FSTRINGS = sys.version_info >= (3, 12)
# Scopes of expressions (lambdas, comprehensions), which hold no definitions.
_EXPRESSION_SCOPES = frozenset({"lambda", "genexpr", "listcomp", "setcomp", "dictcomp"})
_SCOPE_TYPES = frozenset({_symtable.TYPE_CLASS, _symtable.TYPE_FUNCTION})


def read_structure(
    text: str, module: str, lines: list[str], tokens: list[Token], starts: list[int]
) -> Structure | None:
    """The structure of `text`, or None when `ast` must read it (also when it is not valid).

    `lines` is `text.split("\\n")`, `tokens` its comments and string literals, `starts` the
    offset of each line.
    """
    if _NESTED_FSTRINGS:
        return None
    if text.startswith("\ufeff") or ("\r" in text and _LONE_CR.search(text)):
        # `ast`'s columns on a byte-order mark's line; a lone `\r` breaks a line for the
        # compiler, not for the lexer; nor does the lexer read `\\\r\n` in a literal.
        return None
    try:
        table = symbol_table(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None
    code = _blank(text, tokens)
    reader = _LineReader(text, code, module, lines, starts)
    if not reader.read(code.split("\n")):
        return None
    found = sorted((d.symbol.name, d.symbol.line, d.symbol.kind is SymbolKind.CLASS)
                   for d in reader.definitions)  # fmt: skip
    if found != sorted(_scopes(table, module)):
        return None
    return Structure(tuple(reader.definitions), reader.resolve_docs(), tuple(reader.walker.pieces))


def symbol_table(text: str) -> Any:
    """The compiler's raw symbol table of `text` (what `symtable.symtable` wraps: its scopes
    are read without building a wrapper object for each); raises what the compiler raises for
    code that is not valid Python. The compiler's parse of the whole module, most of the cost
    of reading a module's structure."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes warn; library code never prints
        return _symtable.symtable(text, "<source>", "exec")


def _blank(text: str, tokens: list[Token]) -> str:
    """`text` with comments blanked and each string literal made `"` and `\\x01`s: same length
    and lines, so offsets still hold, and no bracket, backslash or keyword of a literal left."""
    pieces = []
    position = 0
    for start, end, is_comment in tokens:
        pieces.append(text[position:start])
        if is_comment:
            pieces.append(" " * (end - start))
        elif text.find("\n", start, end) < 0:
            pieces.append('"' + "\x01" * (end - start - 1))
        else:
            parts = text[start + 1 : end].split("\n")
            pieces.append('"' + "\n".join("\x01" * len(part) for part in parts))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _scopes(table: Any, prefix: str) -> list[tuple[str, int, bool]]:
    """Every class and function scope under the raw symbol table `table` (as `symtable`'s
    `get_children`, `get_name`, `get_type` and `get_lineno` read it): (dotted name, line, is a
    class)."""
    found = []
    for child in table.children:
        name = child.name
        kind = child.type
        if name in _EXPRESSION_SCOPES or kind not in _SCOPE_TYPES:
            continue
        dotted = f"{prefix}.{name}"
        found.append((dotted, child.lineno, kind == _symtable.TYPE_CLASS))
        found.extend(_scopes(child, dotted))
    return found


class _LineReader:
    """Definitions and docstrings from the logical lines of blanked code."""

    def __init__(
        self, text: str, code: str, module: str, lines: list[str], starts: list[int]
    ) -> None:
        self.text = text
        self.code = code
        self.starts = starts
        self.module = Symbol(module, SymbolKind.MODULE)
        self.definitions: list[Definition] = []
        self.docs: dict[tuple[int, int], Symbol] = {}
        # Statements `ast` must read: walked alone, with `pyast`'s walker, in source order.
        self.only_ast = [m.start() for m in _ONLY_AST.finditer(code)] if (
            "__doc__" in code or "add_" in code
        ) else []  # fmt: skip
        self.only_ast_seen = 0  # how many of them lie in the lines read so far
        self.walker = AstWalker(module, lines, bom=False)
        self.walker.definitions = self.definitions
        self.walker.docs = self.docs

    def read(self, lines: list[str]) -> bool:
        """Read every logical line; False where this reader cannot place something."""
        # Per line, C-level maps: brackets opened minus closed, and whether a backslash
        # continues it (no backslash is left in code outside literals but those).
        brackets = self.code.translate(_BRACKETS).split("\n")
        depths = accumulate(
            map(sub, map(str.count, brackets, repeat("(")), map(str.count, brackets, repeat(")")))
        )
        continued = [False, *map(or_, depths, map(str.__contains__, brackets, repeat("\\")))]
        # Indentation is spaces, tabs and form feeds; any other whitespace there is no Python.
        contents = list(map(str.lstrip, lines))
        # A logical line starts on a line holding code (not blank, not inside a literal), not
        # inside brackets and not after a backslash.
        logical = [
            number
            for number, (content, inside) in enumerate(zip(contents, continued, strict=False), 1)
            if content and not inside and content[0] != "\x01"
        ]
        plain = "\t" not in self.code and "\f" not in self.code
        # open definitions: (indentation, symbol, index in `self.definitions`)
        stack: list[tuple[int, Symbol, int]] = []
        tries: list[list[Any]] = []  # open `try` statements: [indentation, clause, handler defs]
        decorated: int | None = None  # the line of the first decorator of what comes next
        expect: Symbol | None = self.module  # whose docstring the next statement may be
        pending: tuple[Symbol, int] | None = None  # a statement to read as a docstring
        # The logical line before: where it starts, where a statement on it may start (None:
        # none does, a decorator; after the colon of a header), its scope and its line.
        previous: _Logical = (0, None, self.module, 1)
        starts = self.starts
        only_ast = bool(self.only_ast)
        # `quiet`: nothing is pending (no docstring expected or to read, no decorator, no open
        # `try`, nothing only `ast` reads, indentation in spaces), so a line that cannot open a
        # definition, decorator or `try` and closes no definition (indented past `top`, the
        # innermost one's) changes nothing: most lines are skipped on that test alone.
        quiet = False
        top = -1
        for number in logical:
            content = contents[number - 1]
            if (
                quiet
                and not content.startswith(_OPENERS)
                and len(lines[number - 1]) - len(content) > top
            ):
                continue
            quiet = False
            line = lines[number - 1]
            margin = len(line) - len(content)
            offset = starts[number - 1] + margin
            if pending is not None:
                self._docstring(*pending, offset)
                pending = None
            if only_ast and not self._walk_alone(*previous, offset):
                return False
            indent = margin if plain else _indentation(line[:margin])
            if stack and stack[-1][0] >= indent:
                last = _last_code_line(lines, number)
                while stack and stack[-1][0] >= indent:
                    self._close(stack.pop()[2], last)
            owner = stack[-1][1] if stack else self.module
            first = content[0]
            if tries or first == "t":
                _follow_tries(tries, indent, content)
            if first == "@":
                after = content[1:].lstrip(" \t\f")
                if not after or not (after[0].isidentifier()):
                    return False  # the decorator's expression starts elsewhere
                decorated = decorated or number
                expect = None
                previous = (offset, None, owner, number)
                continue
            head = _HEAD.match(content) if first in "acd" else None
            if head is None:
                if expect is not None and first in '"(\\':
                    pending = (expect, offset)
                decorated = expect = None
                previous = (offset, offset, owner, number)
                quiet = pending is None and not tries and plain and not only_ast
                top = stack[-1][0] if stack else -1
                continue
            if tries and not _in_handler_order(tries):
                return False
            symbol = self._define(head, owner, number, decorated or number, margin)
            stack.append((indent, symbol, len(self.definitions) - 1))
            decorated = expect = None
            colon = _header_colon(self.code, offset + head.end())
            if colon is None:
                return False
            previous = (offset, colon + 1, owner, number)
            newline = self.code.find("\n", colon)
            rest = self.code[colon + 1 : newline if newline >= 0 else len(self.code)].strip()
            if rest == "\\":
                return False
            if rest:
                pending = (symbol, colon + 1)  # a body on the header's line
            else:
                expect = symbol
        if pending is not None:
            self._docstring(*pending, len(self.code))
        if self.only_ast and not self._walk_alone(*previous, len(self.code)):
            return False
        last = _last_code_line(lines, len(lines) + 1)
        while stack:
            self._close(stack.pop()[2], last)
        return True

    def _walk_alone(
        self, start: int, statements: int | None, owner: Symbol, line: int, end: int
    ) -> bool:
        """Walk the logical line `start`-`end` with `ast` if what only `ast` reads is in it
        from `statements` on; False if the line cannot be read alone (a header's body)."""
        only_ast = self.only_ast
        seen = self.only_ast_seen
        while seen < len(only_ast) and only_ast[seen] < end:
            seen += 1
        found = any(statements <= at for at in only_ast[self.only_ast_seen : seen]) if (
            statements is not None
        ) else False  # fmt: skip
        self.only_ast_seen = seen
        if not found:
            return True
        if statements != start:
            return False  # on a header's line, after its colon: `def f(): f.__doc__ = ...`
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(self.text[start:end])
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            return False  # `else: f.__doc__ = ...` is no statement alone
        margin = start - self.starts[line - 1]
        for node in ast.walk(tree):
            if isinstance(node, (ast.stmt, ast.expr)):
                if node.lineno == 1:
                    node.col_offset += margin
                node.lineno += line - 1
        self.walker.walk(tree.body, owner, in_class=owner.kind is SymbolKind.CLASS)
        return True

    def resolve_docs(self) -> dict[tuple[int, int], Symbol]:
        """The docstrings, and the strings documentation calls and assignments name."""
        return self.walker.resolve_docs() if self.walker.pending else self.docs

    def _define(
        self, head: re.Match[str], owner: Symbol, line: int, first: int, column: int
    ) -> Symbol:
        name = head.group(2)
        if not name.isascii():
            name = unicodedata.normalize("NFKC", name)  # as the compiler reads identifiers
        if head.group(1) == "class":
            kind = SymbolKind.CLASS
        else:
            kind = SymbolKind.METHOD if owner.kind is SymbolKind.CLASS else SymbolKind.FUNCTION
        symbol = Symbol(f"{owner.name}.{name}", kind, line)
        # The end is known when the body closes; `ast`'s column is in bytes, and only
        # indentation (ASCII) precedes a `def`.
        self.definitions.append(Definition(symbol, first, line, column))
        return symbol

    def _close(self, index: int, last: int) -> None:
        definition = self.definitions[index]
        self.definitions[index] = Definition(
            definition.symbol, definition.first_line, last, definition.column
        )

    def _docstring(self, symbol: Symbol, start: int, end: int) -> None:
        """Key the string at `start` as `symbol`'s docstring if the statement from `start` to
        `end` is only a string (not bytes)."""
        match = _STRING_STATEMENT.match(self.code, start, end)
        if match is None or match.group(1).count("(") != match.group(3).count(")"):
            return
        at = match.start(2)
        prefix = _PREFIX.match(self.text, at)
        if prefix is not None and "b" in prefix.group().lower():
            return
        line = bisect.bisect_right(self.starts, at)
        self.docs.setdefault((line, at - self.starts[line - 1]), symbol)


def _last_code_line(lines: list[str], before: int) -> int:
    """The last line before line `before` holding code or part of a literal (0 if none)."""
    number = before - 1
    while number > 0 and not lines[number - 1].strip(" \t\f\r"):
        number -= 1
    return number


def _follow_tries(tries: list[list[Any]], indent: int, content: str) -> None:
    """Keep `tries` (the `try` statements open around a logical line, each with the clause it
    is in) up to date with the logical line `content`, indented by `indent`."""
    while tries and tries[-1][0] > indent:
        tries.pop()
    clause = _CLAUSE.match(content)
    keyword = clause.group() if clause else None
    if tries and tries[-1][0] == indent:
        if keyword in ("except", "else", "finally"):
            tries[-1][1] = "handler" if keyword == "except" else "after"
        else:
            tries.pop()
    if keyword == "try":
        tries.append([indent, "body", False])


def _in_handler_order(tries: list[list[Any]]) -> bool:
    """Whether a definition here comes in the order `ast`'s walker visits it: the walker
    reads a `try`'s `else` and `finally` clauses before its handlers, so a definition in one
    of those after another in a handler would come out of source order."""
    for entry in tries:
        if entry[1] == "handler":
            entry[2] = True
        elif entry[1] == "after" and entry[2]:
            return False
    return True


def _header_colon(code: str, position: int) -> int | None:
    """The offset of the colon that ends the `def`/`class` header going on at `position`, or
    None if a lambda outside brackets (whose colon would come first) makes it unclear."""
    depth = 0
    segment = position  # where the current stretch outside brackets began
    for match in _HEADER_PUNCTUATION.finditer(code, position):
        mark = match.group()
        if mark in "([{":
            if depth == 0 and "lambda" in code[segment : match.start()]:
                return None
            depth += 1
        elif mark in ")]}":
            depth -= 1
            if depth == 0:
                segment = match.end()
        elif depth == 0:
            return None if "lambda" in code[segment : match.start()] else match.start()
    return None


def _indentation(margin: str) -> int:
    """The column of an indentation as the tokenizer counts it: tabs to multiples of eight, a
    form feed starting again from zero."""
    column = 0
    for char in margin:
        if char == "\t":
            column = (column // 8 + 1) * 8
        elif char == "\f":
            column = 0
        else:
            column += 1
    return column
