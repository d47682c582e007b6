"""Every language but Python, through tree-sitter: one generic parser driven by data.

Each language's knowledge is its query file `scanner/queries/<language>.scm`, with captures
`@comment`, `@string`, `@package` and `@definition.<kind>` (plus `@name`, and `@receiver` for
Go methods). A comment block is attributed to the definition that immediately follows it (on
the next line, past attributes, decorators and annotations; `template<>` and `export` wrappers
count as the definition): that block is the definition's documentation, context DOCSTRING,
whatever its marker (`//` above a Go func is its doc comment as much as `/** */` is Javadoc).
Rust inner docs (`//!`, `/*!`) document the item around them, also as DOCSTRING, and so do
MATLAB's help text and Fortran's `!!` below a definition's opening line (`Language.help_text`).
Any other comment is a COMMENT of the innermost definition around it, else of the file or package.

Symbols are qualified the language's own way: `ns::Class::method` (C, C++, CUDA; out-of-line
`Foo<T>::bar` becomes `Foo::bar`), `pkg.Class.method` (Java, from the package declaration),
`pkg.Type.Method` (Go), `crate::module::Type::method` (Rust, module from the file path), and
`hull.Class.method` for JavaScript and TypeScript, whose module is the file the symbol sits in
(`src/geometry/hull.js`), as Python symbols carry their module; `pkg.Class.method` in MATLAB
(`+pkg` and `@Class` folders, the file's own function or class being the module itself) and
`module::procedure` in Fortran.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any, AnyStr

from tree_sitter import Language as TsLanguage
from tree_sitter import Node, Parser, Query, QueryCursor

from scanner.extract import find_hits
from scanner.languages import CPP_HEADER, CPP_LINE, CPP_NAME, LANGUAGES, Language
from scanner.parsers import ParsedFile
from scanner.parsers.embedded import split_embedded
from scanner.parsers.licences import blank_licences
from scanner.parsers.tsblocks import (
    RawBlock,
    comment_block,
    comment_runs,
    end_row,
    python_doc,
    string_block,
    trails_code,
)
from scanner.parsers.tslex import ANY_QUOTE, QUOTE_CUE, lex, prebuild, texts_at
from scanner.parsers.tsnames import file_symbol, qualified_name, short_name
from scanner.parsers.tsrewrite import REWRITES
from scanner.prefilter import cue_offsets
from scanner.titles.leads import led
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock

_SNIFF = 65536  # characters read to tell a C++ header from a C one
_QUERIES = Path(__file__).resolve().parent.parent / "queries"
# `class TORCH_API Foo : Base {` (or `class LIB_DLL_PUBLIC Foo`) does not parse as a class, nor
# does `template <class T> BOOST_MATH_GPU_ENABLED inline T f(T x) BOOST_MATH_NOEXCEPT(T) {` as a
# function; blanking export, specifier and statement macros (same length, so offsets hold)
# lets them.
_EXPORT_MACRO = re.compile(
    rb"\b[A-Z][A-Z0-9_]*_(?:API_?|EXPORT|IMPORT|HIDDEN|EXTERN|"
    # (`LIB_DLL_PUBLIC_INLINE_CLASS` too; not an include guard, `LIB_DLL_EXPORT_H`)
    rb"DLL(?:_?(?:PUBLIC|LOCAL|EXPORT|IMPORT)(?:_INLINE(?:_CLASS)?)?)?)\b"
    rb"|\b[A-Z][A-Z0-9_]*_(?:GPU_ENABLED|CUDA_ENABLED|FORCEINLINE|INLINE|CONSTEXPR|FUNC)\b"
    rb"(?![ \t]*\()"
    rb"|\b[A-Z][A-Z0-9_]*_NOEXCEPT\b(?:[ \t]*\([^()\n]*\))?"
    # Statement macros written without a semicolon in a class body: Eigen's alignment macro
    # (`EIGEN_MAKE_ALIGNED_OPERATOR_NEW`, a library's own copy of it) and Qt's `Q_OBJECT`; left
    # in, the class and the namespace around it do not parse.
    rb"|\b[A-Z][A-Z0-9_]*_ALIGNED_OPERATOR_NEW(?:_IF)?\b(?:[ \t]*\([^()\n]*\))?"
    rb"|\bQ_(?:OBJECT|GADGET)\b"
    # OpenCV's export macros and the markers its binding generators read, some with an argument:
    # `class CV_EXPORTS_W Flow`, `CV_EXPORTS_AS(name) Ptr<Flow> create();`, `CV_WRAP virtual
    # double getAlpha() const`, `CV_PROP_RW int size;` (not an include guard, `FOO_EXPORTS_H`)
    rb"|\b[A-Z][A-Z0-9_]*_EXPORTS(?:_(?!H\b)[A-Z0-9]+)*\b(?:[ \t]*\([^()\n]*\))?"
    rb"|\b[A-Z][A-Z0-9]*_(?:WRAP|PROP)(?:_[A-Z]+)*\b(?:[ \t]*\([^()\n]*\))?"
)
# The same, over a block's text: ASCII word boundaries, as in bytes.
_EXPORT_MACRO_TEXT = re.compile(_EXPORT_MACRO.pattern.decode(), re.ASCII)
# What every match of `_EXPORT_MACRO` holds: a search for it skips from underscore to
# underscore, where the macro pattern is tried at every word; most files and blocks hold none.
_MACRO_TAIL = (
    r"_(?:API|EXPORT|IMPORT|HIDDEN|EXTERN|DLL|GPU_ENABLED|CUDA_ENABLED|FORCEINLINE|INLINE"
    r"|CONSTEXPR|NOEXCEPT|ALIGNED_OPERATOR_NEW|OBJECT|GADGET|WRAP|PROP|FUNC)"
)
_MACRO_GATE = re.compile(_MACRO_TAIL.encode())
_MACRO_GATE_TEXT = re.compile(_MACRO_TAIL)
# The characters of a word to `_EXPORT_MACRO` (ASCII, in bytes and in text): every match starts
# a word, and its first word holds a match of `_MACRO_GATE`.
_WORD_TEXT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_WORD_BYTES = frozenset("".join(sorted(_WORD_TEXT)).encode())
# Languages `tslex` reads, and whether it reads raw strings in them.
_LEXED = {"c": False, "cpp": True, "cuda": True}
# Nodes that wrap a definition without naming it: a comment before them documents the
# definition inside.
_WRAPPERS = frozenset(
    {
        "template_declaration",
        "export_statement",
        "lexical_declaration",
        "variable_declaration",
        "decorated_definition",
        "declaration",
        "type_declaration",
        "const_declaration",
        "var_declaration",
        "var_spec_list",
        "friend_declaration",
        "ambient_declaration",
    }
)
# Siblings allowed between a doc comment and its definition.
_ATTACHMENTS = frozenset(
    {"attribute_item", "inner_attribute_item", "decorator", "annotation", "marker_annotation"}
)
# Comment nodes of the grammars (`comment`; Java's and Rust's line and block comments).
_COMMENT_NODES = frozenset({"comment", "line_comment", "block_comment"})
_CONTAINERS = frozenset(
    {
        SymbolKind.CLASS,
        SymbolKind.STRUCT,
        SymbolKind.INTERFACE,
        SymbolKind.IMPL,
        SymbolKind.TRAIT,
        SymbolKind.UNION,
        SymbolKind.ENUM,
    }
)


@dataclass(frozen=True, slots=True)
class _Grammar:
    parser: Parser
    query: Query


@dataclass(slots=True)
class _Definition:
    node: Node
    kind: SymbolKind
    name: str
    anchor: int  # start byte of the outermost wrapper: where a doc comment's sibling starts
    symbol: Symbol | None = None
    path: tuple[str, ...] = ()  # names from the outermost enclosing definition down
    resolve: Callable[[], Symbol] | None = None


class TreeSitterParser:
    """Reads C, C++, CUDA, Java, JavaScript, TypeScript, Go, Rust, MATLAB and Fortran (see
    LANGUAGES)."""

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return the file's comment and string blocks with their owning symbols.

        With `source.prefilter`, only the blocks holding a citation cue are returned (the
        others are counted in `quiet`), and a C-family file none of whose cue blocks yields a
        hit is settled by `tslex` without a parse."""
        language = LANGUAGES[source.language]
        data = source.text.encode("utf-8", errors="surrogatepass")
        cues = _cues(source, data)
        if cues is not None and language.name in _LEXED:
            # Only C++ has raw strings; whether a `.h` file is C++ matters only if it has one.
            raw_strings = _LEXED[language.name] or (
                b'R"' in data and _dialect(language, source.text).name != "c"
            )
            lexed = lex(data, raw_strings)
            # Each block read as `_text_block` gives it to the extractors (licence text
            # blanked), so a file that cites has its blocks' hits ready for them.
            if lexed is not None and not any(
                find_hits(blank_licences(_blank_macros(text, language)), source.titles)
                for text in texts_at(lexed, data, cues)
            ):
                return ParsedFile((), quiet=lexed.count)
        language = _dialect(language, source.text)
        grammar = _grammar(language.name)
        if language.export_macros:
            data = _blanked_macros(data, _EXPORT_MACRO, _MACRO_GATE, _WORD_BYTES, b" ")
        if language.rewrite is not None:
            data = REWRITES[language.rewrite](data)
        tree = grammar.parser.parse(data)
        # One pass over the matches, most of them a lone comment or string: the named ones
        # (definitions, the package) are kept apart for the symbols.
        comments: list[Node] = []
        strings: list[Node] = []
        named: list[dict[str, list[Node]]] = []
        for _, caps in QueryCursor(grammar.query).matches(tree.root_node):
            if "name" in caps:
                named.append(caps)
            if "comment" in caps:
                comments += caps["comment"]
            if "string" in caps:
                strings += caps["string"]
        comments.sort(key=_start_byte)
        strings.sort(key=_start_byte)
        runs = comment_runs(comments, data)
        # Only the comments that may hold a cue are made into text (the others count).
        raw = [
            comment_block(run, data)
            for run in runs
            if cues is None or _may_hold_cue(run[0].start_byte, run[-1].end_byte, cues, data)
        ]
        quiet = len(runs) - len(raw)
        raw += [b for s in strings if (b := string_block(s, data)) is not None]
        raw.sort(key=lambda b: b.start_byte)
        if cues is not None:
            cited = [b for b in raw if _holds_cue(b, cues)]
            quiet, raw = quiet + len(raw) - len(cited), cited
        package = next((_text(caps["name"][0], data) for caps in named if "package" in caps), None)
        top = file_symbol(language, source.path, package)
        if not any(find_hits(blank_licences(block.text), source.titles) for block in raw):
            return ParsedFile(tuple(_text_block(b, top) for b in raw), quiet=quiet)
        definitions = _definitions(named, language, top, data)
        by_anchor: dict[int, _Definition] = {}
        for definition in definitions.values():
            # `type (A; B)` wraps two specs: a comment above the group documents the first.
            by_anchor.setdefault(definition.anchor, definition)
        return ParsedFile(
            tuple(
                t
                for b in raw
                for t in split_embedded(
                    _text_block(b, *_owner(b, language, definitions, by_anchor, top, data))
                )
            ),
            quiet=quiet,
        )


def _cues(source: SourceFile, data: bytes) -> list[int] | None:
    """The sorted offsets of the citation cues in `data`, or None to read every block."""
    if not source.prefilter:
        return None
    if source.cues is not None:
        return list(source.cues)
    return sorted(set(cue_offsets(data)))


def _holds_cue(block: RawBlock, cues: list[int]) -> bool:
    """Whether a cue offset falls in the block's span (its first to its last node), or the
    block holds a quote the title detector reads (as `tslex.blocks_at` finds them)."""
    index = bisect.bisect_left(cues, block.start_byte)
    if index < len(cues) and cues[index] < block.last_node.end_byte:
        return True
    return QUOTE_CUE.search(block.text) is not None


def _may_hold_cue(start: int, end: int, cues: list[int], data: bytes) -> bool:
    """Whether the comment run spanning `data[start:end]` may pass `_holds_cue`: a cue offset
    falls in it, or its bytes hold what its text's `QUOTE_CUE` needs (blanking its delimiters
    adds no quote)."""
    index = bisect.bisect_left(cues, start)
    if index < len(cues) and cues[index] < end:
        return True
    return ANY_QUOTE.search(data, start, end) is not None


def _blank_macros(text: str, language: Language) -> str:
    """A block's text as it reads after `_EXPORT_MACRO` blanked the file (blanks keep the
    delimiters' word boundaries, so blanking the block alone gives the same text)."""
    if not language.export_macros:
        return text
    return _blanked_macros(text, _EXPORT_MACRO_TEXT, _MACRO_GATE_TEXT, _WORD_TEXT, " ")


def _blanked_macros(
    data: AnyStr,
    pattern: re.Pattern[AnyStr],
    gate: re.Pattern[AnyStr],
    word: frozenset[Any],
    blank: AnyStr,
) -> AnyStr:
    """`data` with each match of `pattern` (`_EXPORT_MACRO`) blanked, the same length, as its
    `sub` blanks them: a match starts a word whose characters are in `word` and that holds a
    match of `gate`, so the pattern is tried only at the start of such words (a substitution
    tried it at every capital of the file)."""
    pieces: list[AnyStr] = []
    done = 0  # where the last match ended
    tried = -1  # the start of the last word tried
    for tail in gate.finditer(data):
        start = tail.start()
        if start < done:
            continue  # inside a match, its parentheses included
        while start > 0 and data[start - 1] in word:
            start -= 1
        if start == tried or start < done:
            continue
        tried = start
        match = pattern.match(data, start)
        if match is not None:
            pieces += data[done:start], blank * (match.end() - start)
            done = match.end()
    if not pieces:
        return data
    pieces.append(data[done:])
    return data[:0].join(pieces)


def _dialect(language: Language, text: str) -> Language:
    """The language to read `text` as: a `.h` file full of C++ is read as C++."""
    for name, pattern in language.dialects:
        sniff = _SNIFFERS.get(pattern)
        if sniff(text, _SNIFF) if sniff is not None else _pattern(pattern).search(text, 0, _SNIFF):
            return LANGUAGES[name]
    return language


# The C++ sniff's line alternatives and its `std::` name, apart. Each line alternative opens
# with one of `_CPP_WORDS` after the line's blanks: the pattern is tried only at the start of
# the lines where one of them stands, where a search tried it at every blank and at each of
# their first letters (most headers read as C hold none of them).
_CPP_LINE = re.compile("(?m)" + CPP_LINE)
_CPP_NAME = re.compile(CPP_NAME)
_CPP_WORDS = ("namespace", "template", "class", "using", "public", "private", "protected")


def _sniffs_cpp(text: str, end: int) -> bool:
    """Whether `CPP_HEADER` is found in `text[:end]`, as a search for it (bounded at `end`)
    finds it."""
    for word in _CPP_WORDS:
        at = text.find(word, 0, end)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            if not text[line:at].strip(" \t") and _CPP_LINE.match(text, line, end):
                return True
            at = text.find(word, at + 1, end)
    at = text.find("std::", 0, end)
    while at >= 0:
        if _CPP_NAME.match(text, at, end):
            return True
        at = text.find("std::", at + 1, end)
    return False


_SNIFFERS = {CPP_HEADER: _sniffs_cpp}


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return led(re.compile(pattern))  # the same matches, found faster (`leads.led`)


def load_grammars(languages: Iterable[str]) -> None:
    """Load the grammars and queries of the tree-sitter languages among `languages`, and of
    the dialects their files may be read as (a `.h` file as C++), ahead of their first file."""
    names = {n for n in languages if LANGUAGES[n].parser == "tree-sitter"}
    for name in names | {d for n in names for d, _ in LANGUAGES[n].dialects}:
        _grammar(name)
    if not names.isdisjoint(_LEXED):
        prebuild()  # the lexer's patterns for a comment's later lines, by column


@cache
def _grammar(name: str) -> _Grammar:
    language: Language = LANGUAGES[name]
    assert language.grammar is not None
    module = importlib.import_module(language.grammar)
    ts_language = TsLanguage(getattr(module, language.grammar_function)())
    query_file = _QUERIES / f"{language.query or name}.scm"
    query = Query(ts_language, query_file.read_text(encoding="utf-8"))
    return _Grammar(Parser(ts_language), query)


def _start_byte(node: Node) -> int:
    return node.start_byte


def _text(node: Node, data: bytes) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _name_text(node: Node, data: bytes) -> str:
    """A definition's name as written. After an export macro (`CV_EXPORTS_W Ptr<Flow>
    createFlow();`) the parser takes the macro for the return type and reads the real return
    type as the scope of a qualified name, with a `::` it supplied itself: the name alone is the
    definition's."""
    if node.type == "qualified_identifier" and node.has_error:
        name = node.child_by_field_name("name")
        if name is not None and any(child.is_missing for child in node.children):
            return _text(name, data)
    return _text(node, data)


def _text_block(block: RawBlock, symbol: Symbol, documents: bool = False) -> TextBlock:
    if block.is_comment:
        context = Context.DOCSTRING if documents else Context.COMMENT
    else:
        context = Context.DOCSTRING if python_doc(block.first_node) else Context.STRING
    return TextBlock(blank_licences(block.text), context, block.line, block.column, symbol)


def _definitions(
    named: list[dict[str, list[Node]]], language: Language, top: Symbol, data: bytes
) -> dict[int, _Definition]:
    """Definitions by node id, each with its qualified symbol, from the query's matches that
    capture a `@name`."""
    found: dict[int, _Definition] = {}
    for caps in named:
        key = next((k for k in caps if k.startswith("definition.")), None)
        if key is None:
            continue
        node = caps[key][0]
        name = _name_text(caps["name"][0], data)
        if "receiver" in caps:
            name = _text(caps["receiver"][0], data) + "." + name
        kind = SymbolKind(key.split(".", 1)[1])
        if kind is SymbolKind.NAMESPACE and _is_inline(node):
            continue  # `inline namespace v1` is invisible in the names it holds
        # (A node's parent is found from the root down: each asked for once.)
        anchor, parent = node, node.parent
        while parent is not None and parent.type in _WRAPPERS:
            anchor, parent = parent, parent.parent
        known = found.get(node.id)
        # A module-level variable pattern and a sharper one (a function's) may both name a
        # declarator: the sharper kind wins.
        if known is None or (known.kind is SymbolKind.VARIABLE and kind is not SymbolKind.VARIABLE):
            found[node.id] = _Definition(node, kind, name, anchor.start_byte)
    # `var f = exports.f = factory(...)`: the variable is the definition it holds, not its parent.
    # (Compared with the definitions of its own name only: with every one, a header's hundreds
    # of data members made this a tenth of a parse.)
    # Each name's definitions by where they start: the others inside a variable are found by
    # bisection (a file of thousands of `var x` made this quadratic: minutes for 2 MB).
    starts: dict[str, list[int]] = {}
    for d in found.values():
        starts.setdefault(d.name, []).append(d.node.start_byte)
    for same in starts.values():
        same.sort()
    for node_id in [
        node_id
        for node_id, d in found.items()
        if d.kind is SymbolKind.VARIABLE
        # besides itself, another definition of its name starts within its span
        and bisect.bisect_left(starts[d.name], d.node.end_byte)
        - bisect.bisect_left(starts[d.name], d.node.start_byte)
        > 1
    ]:
        del found[node_id]
    # `typedef struct queue {...} queue_t;` is one definition, known by its typedef name.
    for node_id in [
        node_id
        for node_id, d in found.items()
        if d.node.parent is not None
        and (outer := found.get(d.node.parent.id)) is not None
        and outer.kind is SymbolKind.TYPE
    ]:
        del found[node_id]
    # Type names defined in this file: `Foo::bar` defined out of line is a method of `Foo`.
    types = {
        short_name(d.name, language.separator) for d in found.values() if d.kind in _CONTAINERS
    }
    # Symbols are built lazily, from the nearest enclosing definition down: only the
    # definitions that own a block pay for their names.
    for definition in found.values():
        definition.resolve = partial(_symbol, definition, found, language, top, types)
    return found


def _is_inline(node: Node) -> bool:
    first = node.child(0)
    return first is not None and first.type == "inline"


def _symbol(
    definition: _Definition,
    found: dict[int, _Definition],
    language: Language,
    top: Symbol,
    types: set[str],
) -> Symbol:
    """The qualified symbol of `definition`, memoized on it."""
    if definition.symbol is not None:
        return definition.symbol
    parent = definition.node.parent
    while parent is not None and parent.id not in found:
        parent = parent.parent
    outer = found[parent.id] if parent is not None else None
    path = (*_path(outer), definition.name) if outer is not None else (definition.name,)
    kind = definition.kind
    if kind is SymbolKind.FUNCTION and (
        (outer is not None and outer.kind in _CONTAINERS)
        or _out_of_line_method(definition.name, types)
    ):
        kind = SymbolKind.METHOD
    definition.path = path
    definition.symbol = Symbol(
        qualified_name(language, top, list(path)), kind, definition.node.start_point.row + 1
    )
    return definition.symbol


def _path(definition: _Definition) -> tuple[str, ...]:
    if not definition.path:
        assert definition.resolve is not None
        definition.resolve()
    return definition.path


def _out_of_line_method(name: str, types: set[str]) -> bool:
    """`Foo<T>::bar`, `Foo::Foo`, `Foo::~Foo`, or `Foo::bar` for a type `Foo` of this file."""
    head, separator, tail = name.rpartition("::")
    if not separator:
        return False
    qualifier = short_name(head, "::")
    return head.endswith(">") or tail.lstrip("~") == qualifier or qualifier in types


def _helped(
    block: RawBlock, definitions: dict[int, _Definition], by_anchor: dict[int, _Definition]
) -> _Definition | None:
    """The definition a comment block is the help text of (`Language.help_text`): the one whose
    opening line it follows inside it (only that line's nodes above it: `function r = f(x)`, a
    Fortran `subroutine` statement), or the file's first definition when only comments stand
    above the block in the file and between it and that definition (Octave's texinfo help
    below the file's copyright notice)."""
    first = block.first_node
    parent = first.parent
    if parent is None:
        return None
    definition = definitions.get(parent.id)
    if definition is not None:
        row = parent.start_point.row
        above = first.prev_named_sibling
        while above is not None:
            if above.start_point.row != row:
                return None
            above = above.prev_named_sibling
        return definition
    if parent.parent is not None:
        return None
    above = first.prev_named_sibling
    while above is not None and above.type in _COMMENT_NODES:
        above = above.prev_named_sibling
    if above is not None:
        return None
    below = block.last_node.next_named_sibling
    while below is not None and below.type in _COMMENT_NODES:
        below = below.next_named_sibling
    if below is None:
        return None
    return by_anchor.get(below.start_byte) or definitions.get(below.id)


_DOC_MARKERS = frozenset({"/**", "///", "/*!"})
_NAMED_DOC = re.compile(
    r"[@\\](?:fn|function|struct|class|typedef|def|var|enum|union)[ \t]+(?P<name>\w+)"
)
# Doxygen commands by which a block documents something other than the definition after it:
# the file, a page, a group or a directory (`\example` inside a function's block names a file
# that shows the function).
_ELSEWHERE_DOC = re.compile(r"[@\\](?:file|page|mainpage|defgroup|addtogroup|weakgroup|name|dir)\b")
_LAST_NAME = re.compile(r"[.:]+")


def _is_doc_comment(node: Node, data: bytes) -> bool:
    """`/** ... */`, `/*! ... */`, `///` or `//!` (not the `////` and `/**/` of separators)."""
    head = data[node.start_byte : node.start_byte + 4]
    return head[:3] in (b"/**", b"/*!", b"///", b"//!") and head not in (b"////", b"/**/")


def _stands_apart(node: Node, data: bytes, language: Language) -> bool:
    """Whether a blank line (or nothing) separates a comment from the code above it. In
    JavaScript and TypeScript a block opening the file, a blank line above its first
    declaration, is the module's header, not that declaration's JSDoc."""
    above = node.prev_sibling
    if above is None:
        return language.name not in _JSDOC_LANGUAGES
    return node.start_point.row - end_row(above, data) >= 2


_JSDOC_LANGUAGES = frozenset({"javascript", "typescript", "tsx"})


def _javadoc_under_a_declaration(block: RawBlock, language: Language) -> bool:
    """Whether a C or C++ JavaDoc `/**` block sits right under another declaration of its scope
    (not under the scope's opening brace): Doxygen reads it as the next declaration's."""
    if block.marker != "/**" or language.name in _JSDOC_LANGUAGES:
        return False
    above = block.first_node.prev_named_sibling
    return above is not None and above.type not in _COMMENT_NODES


def _owner(
    block: RawBlock,
    language: Language,
    definitions: dict[int, _Definition],
    by_anchor: dict[int, _Definition],
    top: Symbol,
    data: bytes,
) -> tuple[Symbol, bool]:
    """The symbol owning a block, and whether the block documents it."""
    inner_doc = block.marker in language.inner_docs if block.is_comment else False
    if language.help_text and block.is_comment and not trails_code(block.first_node, data):
        helped = _helped(block, definitions, by_anchor)
        if helped is not None and helped.resolve is not None:
            return helped.resolve(), True
    # A comment after code on its line annotates that line, not the definition below it.
    if block.is_comment and not inner_doc and not trails_code(block.first_node, data):
        previous_row = end_row(block.last_node, data)
        sibling = block.last_node.next_named_sibling
        # Annotations, and plain comments directly below (`/** doc */` then `// TODO ...`),
        # stand between a comment and its definition; a doc comment below documents it instead.
        while sibling is not None and (
            sibling.type in _ATTACHMENTS
            or (
                sibling.type in _COMMENT_NODES
                and sibling.start_point.row - previous_row <= 1
                and not _is_doc_comment(sibling, data)
            )
        ):
            previous_row = end_row(sibling, data)
            sibling = sibling.next_named_sibling
        # In C and C++ a Doxygen block standing apart from the code above it documents the
        # definition after it across one blank line too, as Doxygen reads it, unless it documents
        # the file, a page or a group (`@file`, `@page`); so does one in any language that names
        # its definition (`\function igraph_foo`). A `/*!` block right under a declaration
        # documents that one (dlib's contracts), not the next; in C and C++ a JavaDoc `/**` block
        # there documents the next (dynet's `/** ... */`, a blank line, `void set_dropout(...);`).
        named = _NAMED_DOC.search(block.text) if block.marker in _DOC_MARKERS else None
        gap = sibling.start_point.row - previous_row if sibling is not None else 0
        if sibling is not None and (
            gap <= 1
            or (
                gap == 2
                and block.marker in _DOC_MARKERS
                and (
                    named is not None
                    or (
                        language.doxygen
                        and (
                            _javadoc_under_a_declaration(block, language)
                            or _stands_apart(block.first_node, data, language)
                        )
                    )
                )
                and _ELSEWHERE_DOC.search(block.text) is None
            )
        ):
            documented = by_anchor.get(sibling.start_byte) or definitions.get(sibling.id)
            if documented is not None and documented.resolve is not None:
                symbol = documented.resolve()
                if gap <= 1 or not named or _LAST_NAME.split(symbol.name)[-1] == named["name"]:
                    return symbol, True
            if sibling.type in ("package_clause", "package_declaration"):
                return top, True
    parent = block.first_node.parent
    while parent is not None:
        definition = definitions.get(parent.id)
        if definition is not None and definition.resolve is not None:
            return definition.resolve(), inner_doc
        parent = parent.parent
    return top, inner_doc
