"""Python sources: comments, docstrings and strings, each attributed to its def or class.

Positions come from a lexer (`pylex`): one regular expression finds every comment and string
literal with its exact offset. Structure (which definition spans which lines, which strings
document which symbol) comes from `ast`, which is about ten times faster than libcst and gives
line spans for free. Only when `ast` rejects a file is libcst asked whether the code is valid
Python of a newer grammar; either way such files get their structure from the error-tolerant
fallback readers in `pyfallback`, and `ParsedFile.fallback` says why when libcst rejects it too.
"""

from __future__ import annotations

import ast
import gc
import warnings
from dataclasses import dataclass

from scanner.parsers import ParsedFile
from scanner.parsers.pylex import LineIndex, RawBlock, lex_blocks
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock

_DOC_CALLS = frozenset(
    {"add_docstr", "_add_docstr", "add_newdoc", "add_newdoc_ufunc", "_add_newdoc", "add_docstring"}
)
_NESTED_BODIES = ("body", "orelse", "finalbody")
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_PARSE_FAILURES = (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError)


@dataclass(frozen=True, slots=True)
class Definition:
    """A class or function: its first line (decorators included), last line and column."""

    symbol: Symbol
    first_line: int
    end_line: int
    column: int  # of the `def`/`class` keyword: its body is indented past this


@dataclass(frozen=True, slots=True)
class Structure:
    """Definitions in source order, and documenting strings keyed by (line, column)."""

    definitions: tuple[Definition, ...]
    docs: dict[tuple[int, int], Symbol]


class PythonParser:
    """Reads Python (and Cython) files into attributed text blocks."""

    def __init__(self, attribute_all: bool = False) -> None:
        # Scans only need owners for blocks that cite something; tests of attribution ask
        # for every block.
        self.attribute_all = attribute_all

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return every comment, docstring and string block of `source`; never raises.

        `fallback` is set (to libcst's complaint) when the file is not valid Python. Unless
        `attribute_all`, a file none of whose blocks holds a reference is not parsed at all
        (its blocks belong to the module): most files that pass the prefilter cite nothing,
        and the parse is the largest cost of a scan.
        """
        text = source.text
        raw_blocks = lex_blocks(text)
        if not raw_blocks:
            return ParsedFile(())
        if not self.attribute_all:
            from scanner.extract import find_hits

            if not any(find_hits(block.text) for block in raw_blocks):
                module = Symbol(source.module, SymbolKind.MODULE)
                index = LineIndex(text)
                return ParsedFile(
                    tuple(
                        TextBlock(
                            b.text,
                            Context.COMMENT if b.is_comment else Context.STRING,
                            index.line(b.start),
                            index.column(b.start),
                            module,
                        )
                        for b in raw_blocks
                    )
                )
        lines = text.split("\n")  # not splitlines(): form feeds and \x1c are not line breaks
        fallback = None
        if source.language == "cython":
            from scanner.parsers import pyfallback

            structure = pyfallback.indentation_structure(text, source.module, lines, raw_blocks)
        else:
            try:
                structure = read_structure(text, source.module, lines)
            except _PARSE_FAILURES as error:
                from scanner.parsers import pyfallback

                fallback = pyfallback.libcst_complaint(text, error)
                if fallback is None:
                    # Valid Python of a newer grammar than this interpreter's: libcst reads
                    # it exactly, `__doc__` assignments and `add_docstr` calls included.
                    structure = _libcst_structure(text, source.module, lines)
                else:
                    structure = pyfallback.fallback_structure(
                        text, source.module, lines, raw_blocks
                    )
        module = Symbol(source.module, SymbolKind.MODULE)
        blocks = attribute(raw_blocks, structure, lines, LineIndex(text), module)
        return ParsedFile(tuple(blocks), fallback=fallback)


def _libcst_structure(text: str, module: str, lines: list[str]) -> Structure:
    """The structure of `text` read with libcst (see `pystructure`)."""
    from scanner.parsers.pystructure import read_structure as read_with_libcst

    found = read_with_libcst(text, module)
    definitions = []
    for definition in found.definitions:
        line = lines[definition.symbol.line - 1] if definition.symbol.line else ""
        column = len(line) - len(line.lstrip())
        definitions.append(
            Definition(definition.symbol, definition.first_line, definition.end_line, column)
        )
    return Structure(tuple(definitions), dict(found.docs))


def read_structure(text: str, module: str, lines: list[str]) -> Structure:
    """The structure of valid Python `text` read with `ast`; raises `SyntaxError` otherwise."""
    bom = text.startswith("\ufeff")
    collecting = gc.isenabled()
    # The tree is acyclic and freed by reference counting; collections during the parse
    # only cost time (about 20% on large modules).
    gc.disable()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes warn; library code never prints
            tree = ast.parse(text[1:] if bom else text)
    finally:
        if collecting:
            gc.enable()
    walker = _AstWalker(module, lines, bom)
    if tree.body:
        walker.docstring(tree.body, walker.module)
    walker.walk(tree.body, walker.module, in_class=False)
    return Structure(tuple(walker.definitions), walker.resolve_docs())


class _AstWalker:
    """Walks statements only (never expressions), so the cost is per statement, not per node."""

    def __init__(self, module: str, lines: list[str], bom: bool) -> None:
        self.module = Symbol(module, SymbolKind.MODULE)
        package, _, leaf = module.rpartition(".")
        self.docs_package = package if package and "add_newdoc" in leaf else None
        self.lines = lines
        self.bom = bom
        self.definitions: list[Definition] = []
        self.docs: dict[tuple[int, int], Symbol] = {}
        # (dotted target, scope it was written in, kind, string nodes), resolved at the end
        # because `add_docstr(f, ...)` may come before `def f`.
        self.pending: list[tuple[str, Symbol, SymbolKind, list[ast.expr]]] = []

    def walk(self, body: list[ast.stmt], owner: Symbol, *, in_class: bool) -> None:
        for statement in body:
            if isinstance(statement, _DEFINITIONS):
                self._definition(statement, owner, in_class=in_class)
            elif isinstance(statement, ast.Expr):
                if isinstance(statement.value, ast.Call):
                    self._doc_call(statement.value, owner)
            elif isinstance(statement, ast.Assign):
                self._doc_assignment(statement, owner)
            else:
                for field in _NESTED_BODIES:
                    nested = getattr(statement, field, None)
                    if nested:
                        self.walk(nested, owner, in_class=in_class)
                for part in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
                    self.walk(part.body, owner, in_class=in_class)

    def _definition(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
        owner: Symbol,
        *,
        in_class: bool,
    ) -> None:
        is_class = isinstance(node, ast.ClassDef)
        kind = (
            SymbolKind.CLASS if is_class else SymbolKind.METHOD if in_class else SymbolKind.FUNCTION
        )
        symbol = Symbol(f"{owner.name}.{node.name}", kind, node.lineno)
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        end = node.end_lineno or node.lineno
        self.definitions.append(Definition(symbol, first, end, node.col_offset))
        self.docstring(node.body, symbol)
        self.walk(node.body, symbol, in_class=is_class)

    def docstring(self, body: list[ast.stmt], symbol: Symbol) -> None:
        first = body[0]
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.JoinedStr) or (
            isinstance(value, ast.Constant) and isinstance(value.value, str)
        ):
            self._key(value, symbol)

    def _doc_assignment(self, node: ast.Assign, owner: Symbol) -> None:
        strings = _strings(node.value)
        if not strings:
            return
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id == "__doc__":
                for string in strings:  # `__doc__ = ...` in a class body or at module level
                    self._key(string, owner)
            elif isinstance(target, ast.Attribute) and target.attr == "__doc__":
                dotted = _dotted(target.value)
                if dotted:
                    self.pending.append((dotted, owner, SymbolKind.FUNCTION, strings))

    def _doc_call(self, call: ast.Call, owner: Symbol) -> None:
        name = _dotted(call.func)
        if not name or name.rsplit(".", 1)[-1] not in _DOC_CALLS or not call.args:
            return
        args = call.args
        names = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in args[:2]
        ]
        if len(args) >= 3 and names[0] is not None and names[1] is not None:
            # add_newdoc("pkg.mod", "name", doc), doc a string, (attr, doc) or [(attr, doc)]
            self._absolute_docs(f"{names[0]}.{names[1]}", args[2])
            return
        if isinstance(names[0], str):
            # add_newdoc("name", doc) documents a name of this module, or, from a module that
            # only holds documentation (scipy.special._add_newdocs), of its package.
            dotted = names[0] if names[0].replace(".", "").isidentifier() else None
            if dotted and self.docs_package:
                dotted = f"{self.docs_package}.{dotted}"
        else:
            dotted = _dotted(args[0])
        strings = [s for a in args[1:] for s in _strings(a)]
        if dotted and strings:
            self.pending.append((dotted, owner, SymbolKind.FUNCTION, strings))

    def _absolute_docs(self, target: str, node: ast.expr) -> None:
        items = node.elts if isinstance(node, ast.List) else [node]
        for item in items:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                attribute, doc = item.elts
                if isinstance(attribute, ast.Constant) and isinstance(attribute.value, str):
                    symbol = Symbol(f"{target}.{attribute.value}", SymbolKind.METHOD)
                    for string in _strings(doc):
                        self._key(string, symbol)
            else:
                for string in _strings(item):
                    self._key(string, Symbol(target, SymbolKind.FUNCTION))

    def resolve_docs(self) -> dict[tuple[int, int], Symbol]:
        """Key the documenting strings of `__doc__` assignments and doc calls by position."""
        defined = {d.symbol.name: d.symbol for d in self.definitions}
        for dotted, scope, kind, strings in self.pending:
            symbol = resolve_name(dotted, scope.name, self.module.name, defined, kind)
            for string in strings:
                self._key(string, symbol)
        return self.docs

    def _key(self, node: ast.expr, symbol: Symbol) -> None:
        line = node.lineno
        column = _char_column(self.lines, line, node.col_offset) + (self.bom and line == 1)
        self.docs.setdefault((line, column), symbol)


def resolve_name(
    dotted: str, scope: str, module: str, defined: dict[str, Symbol], kind: SymbolKind
) -> Symbol:
    """The symbol `dotted` names when written inside `scope` (`Foo.method`, `np.add`, ...).

    Names are tried from the innermost scope out to the module; a name whose head is a
    definition here but whose tail is not (an inherited method) extends that definition; any
    other dotted name is taken as absolute (`torch.abs`), a bare one as this module's.
    """
    head, _, rest = dotted.partition(".")
    prefix = scope
    while True:
        found = defined.get(f"{prefix}.{dotted}")
        if found is not None:
            return found
        base = defined.get(f"{prefix}.{head}")
        if base is not None:
            tail_kind = SymbolKind.METHOD if base.kind is SymbolKind.CLASS else kind
            return Symbol(f"{base.name}.{rest}", tail_kind)
        if prefix == module or "." not in prefix:
            break
        prefix = prefix.rsplit(".", 1)[0]
    return Symbol(dotted if rest else f"{module}.{dotted}", kind)


def _strings(node: ast.expr) -> list[ast.expr]:
    """The string literals a documentation value is built from (`"..." % x`, `.format()`)."""
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [node]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _strings(node.left) + (_strings(node.right) if isinstance(node.op, ast.Add) else [])
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "strip", "replace", "lstrip", "rstrip")
    ):
        return _strings(node.func.value)
    return []


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _char_column(lines: list[str], line: int, byte_column: int) -> int:
    """`ast` columns count UTF-8 bytes; blocks count characters."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if text.isascii():
        return byte_column
    return len(text.encode("utf-8", "surrogatepass")[:byte_column].decode("utf-8", "replace"))


def attribute(
    raw_blocks: list[RawBlock],
    structure: Structure,
    lines: list[str],
    index: LineIndex,
    module: Symbol,
) -> list[TextBlock]:
    """Give each raw block its context and owning symbol.

    A comment block directly above a definition (or its decorators; one blank line allowed)
    and not indented past it documents that definition; any other block belongs to the
    innermost definition whose lines hold it, where a definition also holds the comment lines
    indented into its body after its last statement.
    """
    owners = _owner_by_line(structure.definitions, lines)
    heads: dict[int, Definition] = {}
    for definition in structure.definitions:
        heads.setdefault(definition.first_line, definition)
    blocks: list[TextBlock] = []
    for raw in raw_blocks:
        line, column = index.line(raw.start), index.column(raw.start)
        if not raw.is_comment:
            doc = structure.docs.get((line, column))
            context = Context.STRING if doc is None else Context.DOCSTRING
            symbol = doc or owners[line] or module
            blocks.append(TextBlock(raw.text, context, line, column, symbol))
            continue
        owner = None
        if raw.own_line:
            head = heads.get(_next_code_line(lines, index.line(raw.end - 1)) or 0)
            if head is not None and column <= head.column:
                owner = head.symbol
        symbol = owner or owners[line] or module
        blocks.append(TextBlock(raw.text, Context.COMMENT, line, column, symbol))
    return blocks


def _owner_by_line(definitions: tuple[Definition, ...], lines: list[str]) -> list[Symbol | None]:
    """The innermost definition of every 1-based line (index 0 unused)."""
    owners: list[Symbol | None] = [None] * (len(lines) + 2)
    # Definitions come parent first, so a nested one overwrites its parent's lines.
    for definition in definitions:
        end = _extended_end(definition, lines)
        owners[definition.first_line : end + 1] = [definition.symbol] * (
            end + 1 - definition.first_line
        )
    return owners


def _extended_end(definition: Definition, lines: list[str]) -> int:
    end = definition.end_line
    for number in range(definition.end_line + 1, len(lines) + 1):
        content = lines[number - 1]
        stripped = content.lstrip(" \t\f")
        if not stripped.strip():
            continue
        leading = content[: len(content) - len(stripped)]
        indent = len(leading) - leading.rfind("\f") - 1  # a form feed resets the indentation
        if stripped[0] != "#" or indent <= definition.column:
            break
        end = number
    return min(end, len(lines))


def _next_code_line(lines: list[str], after: int) -> int | None:
    """The first non-blank line after 1-based line `after`, at most one blank line on."""
    for number in (after + 1, after + 2):
        if number > len(lines):
            return None
        if lines[number - 1].strip():
            return number
    return None
