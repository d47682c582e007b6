"""The language table: file extension -> language, and which parser reads it.

Adding a tree-sitter language is one `Language` entry here, one `queries/<name>.scm` file and
a fixture; no new control flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Bytes of a file's head read to tell a foreign language sharing an extension (`foreign`).
_SNIFF = 65536
# Why a file of no language is not read: its `FileScan.reason` (`scanner.types.UNKNOWN_TYPE`).
UNKNOWN_LANGUAGE = "unknown file type"


@dataclass(frozen=True, slots=True)
class Language:
    """How to read one language.

    `parser` names an entry of `scanner.parsers.PARSERS`; `grammar` is the importable module of
    the tree-sitter grammar wheel and `grammar_function` the function in it that returns the
    language capsule; `separator` joins qualified names (`.`, `::`). `export_macros`: blank
    `FOO_API`-style export macros before parsing (C and C++ headers). `inner_docs`: comment
    prefixes that document the enclosing item rather than the next one (Rust `//!`, `/*!`).
    `dialects`: (language, pattern) pairs; a file whose text matches the pattern is read as that
    language instead (a C++ header named `.h`). `doxygen`: a doc comment (`/**`, `/*!`, `///`)
    standing apart from the code above it documents the declaration after it across a blank line,
    as Doxygen reads it (C, C++, CUDA), JSDoc reads a `/** */` block (JavaScript, TypeScript) and
    the Javadoc tool a Javadoc block (Java). `help_text`: a comment block right inside a definition,
    after its opening line, documents it, as does one with only comments above it in the file, above
    its first definition (MATLAB's and Octave's help text; Fortran's `!!` and `!>`, as FORD and
    Doxygen read them). `rewrite` names an entry of `scanner.parsers.tsrewrite.REWRITES`, a
    same-length rewrite of the bytes before parsing, so offsets hold (Octave's `#` comments,
    Fortran's fixed-form comment lines). `foreign`: (language, pattern) pairs of languages citegraph
    does not read that share the extensions (Objective-C's `.m`); a file whose head matches is
    skipped as an unknown file type.
    """

    name: str
    extensions: tuple[str, ...]
    parser: str
    grammar: str | None = None
    grammar_function: str = "language"
    separator: str = "."
    filenames: tuple[str, ...] = ()
    export_macros: bool = False
    inner_docs: tuple[str, ...] = ()
    dialects: tuple[tuple[str, str], ...] = ()
    doxygen: bool = False
    help_text: bool = False
    rewrite: str | None = None
    foreign: tuple[tuple[str, str], ...] = ()
    # The query file, `queries/<query>.scm`; defaults to the language's own name. Grammars that
    # extend another one (CUDA of C++, TSX of TypeScript) share its captures.
    query: str | None = None


# Lines only C++ has: namespaces, templates, classes, `extern "C++"`, access specifiers, `std::`.
CPP_LINE = (
    r"^[ \t]*(?:namespace\s+\w|template\s*<|class\s+\w+[^;()]*$|using\s+namespace\b"
    r"|(?:public|private|protected)\s*:)"
)
CPP_NAME = r"\bstd::\w"
CPP_HEADER = "(?m)" + CPP_LINE + "|" + CPP_NAME

# `.m` files that are not MATLAB: Objective-C (`#import`, `@interface` ... `@end` at a line's
# start), Mathematica packages (`(* ... *)` comments), Mercury modules (`:- module`).
OBJECTIVE_C = (
    r"(?m)^[ \t]*(?:#[ \t]*(?:import|include)\b|@(?:interface|implementation|protocol|end)\b)"
)
MATHEMATICA = r"(?m)^\(\*"
MERCURY = r"(?m)^:-[ \t]*(?:module|interface|implementation|import_module|pred|func|type)\b"
# A `.f` file in free form: a statement at the first column (not a fixed-form comment's `C`,
# `c`, `D`, `d`) or indented by one to four spaces (fixed form's statements start at the
# seventh; a tab there is fixed form's tab to it).
FREE_FORM = r"(?m)^(?:[ABE-Zabe-z]| {1,4}[A-Za-z])"

LANGUAGE_LIST: tuple[Language, ...] = (
    Language("python", (".py", ".pyi", ".pyw"), parser="python", grammar="tree_sitter_python"),
    # Cython shares Python's comments and strings; libcst cannot read `cdef`, so its scopes
    # come from indentation (see scanner.parsers.python).
    Language("cython", (".pyx", ".pxd", ".pxi"), parser="python"),
    Language(
        "c",
        (".c", ".h"),
        parser="tree-sitter",
        grammar="tree_sitter_c",
        separator="::",
        export_macros=True,
        doxygen=True,
        # `.h` is C++ as often as C; the C grammar cannot read classes or namespaces.
        dialects=(("cpp", CPP_HEADER),),
    ),
    Language(
        "cpp",
        (".cc", ".cpp", ".cxx", ".c++", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".tpp", ".inl"),
        parser="tree-sitter",
        grammar="tree_sitter_cpp",
        separator="::",
        export_macros=True,
        doxygen=True,
    ),
    Language(
        "cuda",
        (".cu", ".cuh"),
        parser="tree-sitter",
        grammar="tree_sitter_cuda",
        separator="::",
        export_macros=True,
        doxygen=True,
        query="cpp",
    ),
    Language("java", (".java",), parser="tree-sitter", grammar="tree_sitter_java", doxygen=True),
    Language(
        "javascript",
        (".js", ".mjs", ".cjs", ".jsx"),
        parser="tree-sitter",
        grammar="tree_sitter_javascript",
        doxygen=True,
    ),
    Language(
        "typescript",
        (".ts", ".mts", ".cts"),
        parser="tree-sitter",
        grammar="tree_sitter_typescript",
        grammar_function="language_typescript",
        doxygen=True,
    ),
    Language(
        "tsx",
        (".tsx",),
        parser="tree-sitter",
        grammar="tree_sitter_typescript",
        grammar_function="language_tsx",
        query="typescript",
        doxygen=True,
    ),
    Language("go", (".go",), parser="tree-sitter", grammar="tree_sitter_go"),
    Language(
        "rust",
        (".rs",),
        parser="tree-sitter",
        grammar="tree_sitter_rust",
        separator="::",
        inner_docs=("//!", "/*!"),
    ),
    Language(
        "matlab",
        (".m",),
        parser="tree-sitter",
        grammar="tree_sitter_matlab",
        help_text=True,
        rewrite="octave",
        foreign=(("objective-c", OBJECTIVE_C), ("mathematica", MATHEMATICA), ("mercury", MERCURY)),
    ),
    # Free-form Fortran (Fortran 90 on) and fixed form (FORTRAN 77 and the codes written in it:
    # LAPACK, ARPACK, MINPACK, QUADPACK), one grammar; GitHub's Linguist names them "Fortran
    # Free Form" and "Fortran". A module's procedures are `module::name`, as Doxygen writes them.
    Language(
        "fortran",
        (".f90", ".f95", ".f03", ".f08", ".f18"),
        parser="tree-sitter",
        grammar="tree_sitter_fortran",
        separator="::",
        help_text=True,
    ),
    Language(
        "fortran-fixed",
        (".f", ".for", ".f77", ".ftn"),
        parser="tree-sitter",
        grammar="tree_sitter_fortran",
        separator="::",
        help_text=True,
        rewrite="fixed-form",
        dialects=(("fortran", FREE_FORM),),
        query="fortran",
    ),
    Language("markdown", (".md", ".markdown", ".mdx"), parser="text"),
    Language("rst", (".rst", ".rest"), parser="text"),
    Language(
        "text",
        (".txt", ".text"),
        parser="text",
        filenames=("README", "CITATION", "NOTICE", "AUTHORS"),
    ),
)

LANGUAGES: dict[str, Language] = {lang.name: lang for lang in LANGUAGE_LIST}
_BY_EXTENSION: dict[str, Language] = {
    ext: lang for lang in LANGUAGE_LIST for ext in lang.extensions
}
_BY_FILENAME: dict[str, Language] = {
    name: lang for lang in LANGUAGE_LIST for name in lang.filenames
}


def language_for(path: str) -> Language | None:
    """The language of a file, from its extension (case-insensitive) or its exact name."""
    name = path.rsplit("/", 1)[-1]
    if name in _BY_FILENAME:
        return _BY_FILENAME[name]
    dot = name.rfind(".")
    if dot <= 0:
        return None
    return _BY_EXTENSION.get(name[dot:].lower())


def foreign_language(language: Language, data: bytes) -> str | None:
    """The language citegraph does not read that a file of `language`'s extensions is written in
    (`Language.foreign`, told by the file's head: an Objective-C `.m` file), else None."""
    for name, pattern in language.foreign:
        if _bytes_pattern(pattern).search(data, 0, _SNIFF) is not None:
            return name
    return None


@cache
def _bytes_pattern(pattern: str) -> re.Pattern[bytes]:
    return re.compile(pattern.encode())
