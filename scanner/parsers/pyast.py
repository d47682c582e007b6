"""The structure of valid Python, read with `ast`: definitions, docstrings, `__doc__`
assignments and documentation calls (`add_docstr(f, "...")`, `add_newdoc("pkg", "name", "...")`).

`ast` is about ten times faster than libcst and gives line spans for free. Only statements are
walked, never expressions, so the cost is per statement, not per node.
"""

from __future__ import annotations

import ast
import gc
import warnings

from scanner.parsers.pystructure import (
    DOC_CALLS,
    Definition,
    Structure,
    char_column,
    is_doc_call,
)
from scanner.types import Symbol, SymbolKind

_NESTED_BODIES = ("body", "orelse", "finalbody")
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


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
    walker = AstWalker(module, lines, bom)
    if tree.body:
        walker.docstring(tree.body, walker.module)
    walker.walk(tree.body, walker.module, in_class=False)
    docs = walker.resolve_docs()
    return Structure(tuple(walker.definitions), docs, tuple(walker.pieces))


class AstWalker:
    """Walks statements only (never expressions), so the cost is per statement, not per node.

    `pylines` walks with it the few statements it parses alone (`__doc__` assignments and
    documentation calls), positioned where they stand in the file.
    """

    def __init__(self, module: str, lines: list[str], bom: bool) -> None:
        self.module = Symbol(module, SymbolKind.MODULE)
        package, _, leaf = module.rpartition(".")
        self.docs_package = package if package and "add_newdoc" in leaf else None
        self.lines = lines
        self.bom = bom
        self.definitions: list[Definition] = []
        self.docs: dict[tuple[int, int], Symbol] = {}
        self.pieces: list[tuple[tuple[int, int], ...]] = []
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
                if isinstance(statement.value, ast.Call):
                    # `fn = add_docstr(impl, "...")`: the function is published as `fn`.
                    self._doc_call(statement.value, owner, _assigned_name(statement.targets))
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
        # Most assignments set no `__doc__`: look at the targets before reading the value.
        if not any(_sets_doc(target) for target in node.targets):
            return
        strings = _strings(node.value)
        if not strings:
            return
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id == "__doc__":
                self._value(strings)
                for string in strings:  # `__doc__ = ...` in a class body or at module level
                    self._key(string, owner)
            elif isinstance(target, ast.Attribute) and target.attr == "__doc__":
                dotted = _dotted(target.value)
                if dotted:
                    self._value(strings)
                    self.pending.append((dotted, owner, SymbolKind.FUNCTION, strings))

    def _doc_call(self, call: ast.Call, owner: Symbol, assigned: str | None = None) -> None:
        # The called name's last part says whether it may be a doc call; most calls are not,
        # and their dotted names need not be built.
        func = call.func
        last = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if last not in DOC_CALLS or not call.args:
            return
        name = _dotted(func)
        if not name or not is_doc_call(name):
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
            dotted = assigned or _dotted(args[0])
        values = [_strings(a) for a in args[1:]]
        strings = [s for value in values for s in value]
        if dotted and strings:
            for value in values:
                self._value(value)
            self.pending.append((dotted, owner, SymbolKind.FUNCTION, strings))

    def _absolute_docs(self, target: str, node: ast.expr) -> None:
        items = node.elts if isinstance(node, ast.List) else [node]
        for item in items:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                attribute, doc = item.elts
                if isinstance(attribute, ast.Constant) and isinstance(attribute.value, str):
                    symbol = Symbol(f"{target}.{attribute.value}", SymbolKind.METHOD)
                    self._value(_strings(doc))
                    for string in _strings(doc):
                        self._key(string, symbol)
            else:
                self._value(_strings(item))
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
        self.docs.setdefault(self._position(node), symbol)

    def _value(self, strings: list[ast.expr]) -> None:
        """Record the pieces of one documentation value built from several literals."""
        if len(strings) > 1:
            self.pieces.append(tuple(self._position(s) for s in strings))

    def _position(self, node: ast.expr) -> tuple[int, int]:
        line = node.lineno
        return line, char_column(self.lines, line, node.col_offset) + (self.bom and line == 1)


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


def _sets_doc(target: ast.expr) -> bool:
    """Whether an assignment target is `__doc__` or `<something>.__doc__`."""
    if isinstance(target, ast.Name):
        return target.id == "__doc__"
    return isinstance(target, ast.Attribute) and target.attr == "__doc__"


def _assigned_name(targets: list[ast.expr]) -> str | None:
    """The one plain name an assignment binds (`fn = ...`), else None."""
    if len(targets) == 1 and isinstance(targets[0], ast.Name):
        return targets[0].id
    return None


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None
