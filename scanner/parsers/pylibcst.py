"""The structure of Python of a newer grammar than the interpreter's, read with libcst.

Only what attribution needs: each class/function with its qualified name and line span, and
every string that documents a symbol: body docstrings, `X.__doc__ = "..."` assignments, and
`add_docstr(fn, "...")` / `add_newdoc("pkg.mod", "name", "...")` calls. libcst is slow, so only
files `ast` rejects come here (see `python`).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from scanner.parsers.pystructure import Definition, Structure, is_doc_call
from scanner.types import Symbol, SymbolKind


def read_structure(source: str, module: str, lines: list[str]) -> Structure:
    """Parse `source` (split into `lines`) with libcst; raises `libcst.ParserSyntaxError` on
    invalid code."""
    tree = cst.parse_module(source)
    visitor = _StructureVisitor(module)
    MetadataWrapper(tree, unsafe_skip_copy=True).visit(visitor)
    definitions = []
    for symbol, first_line, end_line in visitor.definitions:
        line = lines[symbol.line - 1] if symbol.line else ""
        column = len(line) - len(line.lstrip())
        definitions.append(Definition(symbol, first_line, end_line, column))
    return Structure(tuple(definitions), dict(visitor.docs))


class _StructureVisitor(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, module: str) -> None:
        super().__init__()
        self.module = module
        self.scopes: list[tuple[str, SymbolKind]] = []
        self.definitions: list[tuple[Symbol, int, int]] = []  # symbol, first line, last line
        self.docs: dict[tuple[int, int], Symbol] = {}
        self.module_symbol = Symbol(module, SymbolKind.MODULE)

    # -- definitions ---------------------------------------------------------------------
    def visit_Module(self, node: cst.Module) -> None:
        self._body_docstring(node.body, self.module_symbol)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._enter(node, node.name.value, SymbolKind.CLASS)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        in_class = bool(self.scopes) and self.scopes[-1][1] is SymbolKind.CLASS
        self._enter(node, node.name.value, SymbolKind.METHOD if in_class else SymbolKind.FUNCTION)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def _enter(self, node: cst.ClassDef | cst.FunctionDef, name: str, kind: SymbolKind) -> None:
        position = self.get_metadata(PositionProvider, node)
        first = position.start.line
        if node.decorators:
            first = self.get_metadata(PositionProvider, node.decorators[0]).start.line
        def_line = self.get_metadata(PositionProvider, node.name).start.line
        qualname = ".".join([self.module, *(n for n, _ in self.scopes), name])
        symbol = Symbol(qualname, kind, def_line)
        self.definitions.append((symbol, first, position.end.line))
        self.scopes.append((name, kind))
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        self._body_docstring(body, symbol)

    def _body_docstring(self, body: object, symbol: Symbol) -> None:
        statements = list(body) if isinstance(body, (list, tuple)) else []
        if not statements or not isinstance(statements[0], cst.SimpleStatementLine):
            return
        first = statements[0].body[0] if statements[0].body else None
        if isinstance(first, cst.Expr) and _is_string(first.value):
            self._doc(first.value, symbol)

    # -- documentation assigned after the fact -------------------------------------------
    def visit_Assign(self, node: cst.Assign) -> None:
        if not _is_string(node.value):
            return
        for target in node.targets:
            attribute = target.target
            if isinstance(attribute, cst.Attribute) and attribute.attr.value == "__doc__":
                owner = _dotted(attribute.value)
                if owner:
                    self._doc(node.value, self._named(owner))

    def visit_Call(self, node: cst.Call) -> None:
        name = _dotted(node.func)
        if not name or not is_doc_call(name):
            return
        args = [a.value for a in node.args]
        strings = [a for a in args if _is_string(a)]
        if not strings:
            return
        doc = max(strings, key=lambda s: len(_literal(s)))
        target = None
        if len(args) >= 3 and all(_is_string(a) for a in args[:2]):
            target = f"{_literal(args[0])}.{_literal(args[1])}"  # add_newdoc("pkg", "name", doc)
        elif args and not _is_string(args[0]):
            owner = _dotted(args[0])
            target = owner and self._named(owner).name
        if target:
            self._doc(doc, Symbol(target, SymbolKind.FUNCTION))

    def _named(self, dotted: str) -> Symbol:
        depth = self.module.count(".") + 1  # top-level definitions of this module
        defined = {
            symbol.name.rsplit(".", 1)[-1]: symbol
            for symbol, _, _ in self.definitions
            if symbol.name.count(".") == depth
        }
        head = dotted.split(".")[0]
        if head in defined:
            rest = dotted[len(head) :]
            base = defined[head]
            kind = base.kind if not rest else SymbolKind.METHOD
            return Symbol(base.name + rest, kind, base.line if not rest else 0)
        return Symbol(dotted if "." in dotted else f"{self.module}.{dotted}", SymbolKind.FUNCTION)

    def _doc(self, node: cst.BaseExpression, symbol: Symbol) -> None:
        start = self.get_metadata(PositionProvider, node).start
        self.docs[(start.line, start.column)] = symbol


def _is_string(node: object) -> bool:
    if isinstance(node, cst.Parenthesized if hasattr(cst, "Parenthesized") else ()):
        return False
    return isinstance(node, (cst.SimpleString, cst.ConcatenatedString))


def _literal(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        evaluated = node.evaluated_value
        return evaluated if isinstance(evaluated, str) else ""
    if isinstance(node, cst.ConcatenatedString):
        return _literal(node.left) + _literal(node.right)
    return ""


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None
