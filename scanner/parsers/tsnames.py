"""Qualified names in each language's own style, and the file-level symbol."""

from __future__ import annotations

import re
from collections.abc import Callable

from scanner.languages import Language
from scanner.types import Symbol, SymbolKind

_SPACES = re.compile(r"\s+")


def file_symbol(language: Language, path: str, package: str | None) -> Symbol:
    """The symbol of top-level text: the Java/Go package, the module a language names after the
    file (Rust, JavaScript, TypeScript, MATLAB), else the path (C, C++ and Fortran, whose
    modules, if any, are declared inside files)."""
    if package:
        return Symbol(_SPACES.sub("", package), SymbolKind.PACKAGE)
    namer = _MODULE_NAMERS.get(language.name)
    if namer is not None:
        return Symbol(namer(path), SymbolKind.MODULE)
    return Symbol(path, SymbolKind.FILE)


def rust_module(path: str) -> str:
    """`src/foo/bar.rs` -> `crate::foo::bar`; `src/lib.rs`, `src/main.rs` -> `crate`."""
    parts = path.split("/")
    if "src" in parts:
        parts = parts[len(parts) - parts[::-1].index("src") :]
    stem = parts[-1].rsplit(".", 1)[0]
    names = parts[:-1] + ([] if stem in ("lib", "main", "mod") else [stem])
    return "::".join(["crate", *names])


def file_stem(path: str) -> str:
    """`src/geometry/hull.js` -> `hull`; `types/hull.d.ts` -> `hull`: a JavaScript or TypeScript
    module is the file it sits in, named the way its importers name it."""
    name = path.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return stem.removesuffix(".d") or name


def matlab_module(path: str) -> str:
    """`toolbox/+geom/+mesh/hull.m` -> `geom.mesh.hull`; `+geom/@Polygon/area.m` ->
    `geom.Polygon.area`: MATLAB calls a file's function by its package folders (`+pkg`), its
    class folder (`@Class`) and its file name."""
    *folders, name = path.split("/")
    scopes: list[str] = []
    for folder in reversed(folders):
        if folder[:1] not in ("+", "@") or len(folder) < 2:
            break
        scopes.append(folder[1:])
    return ".".join([*reversed(scopes), name.rsplit(".", 1)[0]])


# language -> the module name of a file's path, for languages whose files are modules.
_MODULE_NAMERS: dict[str, Callable[[str], str]] = {
    "rust": rust_module,
    "javascript": file_stem,
    "typescript": file_stem,
    "tsx": file_stem,
    "matlab": matlab_module,
}
# Languages whose file is named after the definition it holds (MATLAB's function or classdef
# file): that definition is the module itself (`hull` in `hull.m` is `geom.hull`, its local
# function `geom.hull.helper`).
_FILE_DEFINED = frozenset({"matlab"})
# The languages whose file-level symbol is a module name made from the path, not the path.
MODULE_NAMED = frozenset(_MODULE_NAMERS)


def qualified_name(language: Language, top: Symbol, names: list[str]) -> str:
    """Join definition names with the language's separator, under the package or module."""
    cleaned = [_clean(name) for name in names]
    if top.kind in (SymbolKind.PACKAGE, SymbolKind.MODULE):
        if language.name in _FILE_DEFINED and cleaned[0] == top.name.rsplit(".", 1)[-1]:
            cleaned = cleaned[1:]
        cleaned = [top.name, *cleaned]
    return language.separator.join(cleaned)


def short_name(name: str, separator: str) -> str:
    """The last segment of a (possibly qualified, possibly generic) name: `a::Foo<T>` -> `Foo`."""
    return _clean(name).rsplit(separator, 1)[-1]


def _clean(name: str) -> str:
    """No spaces and no template arguments: `Foo<T, U>::bar` -> `Foo::bar`.

    `operator<`, `operator<<=` and friends keep their angle brackets.
    """
    name = _SPACES.sub("", name)
    head, operator, tail = name.partition("operator")
    return _strip_arguments(head) + operator + tail


def _strip_arguments(name: str) -> str:
    kept: list[str] = []
    depth = 0
    for char in name:
        if char == "<":
            depth += 1
        elif char == ">" and depth:
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept)
