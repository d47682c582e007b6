"""Every language but Python, through tree-sitter: one generic parser driven by data.

Each language's knowledge is its query file `scanner/queries/<language>.scm`, with captures
`@comment`, `@string`, `@package` and `@definition.<kind>` (plus `@name`, and `@receiver` for
Go methods). A comment block is attributed to the definition that immediately follows it
(doc comments), else to the innermost definition around it, else to the file or package.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tree_sitter import Language as TsLanguage
from tree_sitter import Node, Parser, Query, QueryCursor

from scanner.extract import find_hits
from scanner.languages import LANGUAGES, Language
from scanner.parsers import ParsedFile
from scanner.parsers.tsblocks import RawBlock, comment_blocks, end_row, string_block
from scanner.parsers.tsnames import file_symbol, qualified_name
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock

_QUERIES = Path(__file__).resolve().parent.parent / "queries"
# `class TORCH_API Foo : Base {` does not parse as a class; blanking the export macro (same
# length, so offsets hold) lets it.
_EXPORT_MACRO = re.compile(rb"\b[A-Z][A-Z0-9_]*_(?:API|EXPORT|IMPORT|HIDDEN|EXTERN|DLL)\b")
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
    }
)
# Siblings allowed between a doc comment and its definition.
_ATTACHMENTS = frozenset(
    {"attribute_item", "inner_attribute_item", "decorator", "annotation", "marker_annotation"}
)
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


class TreeSitterParser:
    """Reads C, C++, CUDA, Java, JavaScript, TypeScript, Go and Rust (see LANGUAGES)."""

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return the file's comment and string blocks with their owning symbols."""
        language = LANGUAGES[source.language]
        grammar = _grammar(language.name)
        data = source.text.encode("utf-8", errors="surrogatepass")
        if language.separator == "::":
            data = _EXPORT_MACRO.sub(lambda m: b" " * len(m.group(0)), data)
        tree = grammar.parser.parse(data)
        captures = QueryCursor(grammar.query).matches(tree.root_node)
        comments = sorted(
            (c for _, caps in captures for c in caps.get("comment", ())), key=lambda n: n.start_byte
        )
        strings = sorted(
            (s for _, caps in captures for s in caps.get("string", ())), key=lambda n: n.start_byte
        )
        raw = comment_blocks(comments, data) + [
            b for s in strings if (b := string_block(s, data)) is not None
        ]
        raw.sort(key=lambda b: b.start_byte)
        package = next(
            (
                caps["name"][0].text.decode("utf-8", "replace")
                for _, caps in captures
                if "package" in caps and "name" in caps
            ),
            None,
        )
        top = file_symbol(language, source.path, package)
        if not any(find_hits(block.text) for block in raw):
            return ParsedFile(tuple(_text_block(b, top) for b in raw))
        definitions = _definitions(captures, language, top, data)
        by_anchor = {d.anchor: d for d in definitions.values()}
        return ParsedFile(
            tuple(_text_block(b, _owner(b, definitions, by_anchor, top, data)) for b in raw)
        )


@cache
def _grammar(name: str) -> _Grammar:
    language: Language = LANGUAGES[name]
    assert language.grammar is not None
    module = importlib.import_module(language.grammar)
    ts_language = TsLanguage(getattr(module, language.grammar_function)())
    query = Query(ts_language, (_QUERIES / f"{name}.scm").read_text(encoding="utf-8"))
    return _Grammar(Parser(ts_language), query)


def _text_block(block: RawBlock, symbol: Symbol) -> TextBlock:
    context = Context.COMMENT if block.is_comment else Context.STRING
    return TextBlock(block.text, context, block.line, block.column, symbol)


def _definitions(
    captures: list[tuple[int, dict[str, list[Node]]]], language: Language, top: Symbol, data: bytes
) -> dict[int, _Definition]:
    """Definitions by node id, each with its qualified symbol."""
    found: dict[int, _Definition] = {}
    for _, caps in captures:
        key = next((k for k in caps if k.startswith("definition.")), None)
        if key is None or "name" not in caps:
            continue
        node = caps[key][0]
        name = caps["name"][0].text.decode("utf-8", "replace")
        if "receiver" in caps:
            name = caps["receiver"][0].text.decode("utf-8", "replace") + "." + name
        kind = SymbolKind(key.split(".", 1)[1])
        anchor = node
        while anchor.parent is not None and anchor.parent.type in _WRAPPERS:
            anchor = anchor.parent
        if node.id not in found:
            found[node.id] = _Definition(node, kind, name, anchor.start_byte)
    for definition in found.values():
        chain = []
        parent = definition.node.parent
        while parent is not None:
            outer = found.get(parent.id)
            if outer is not None:
                chain.append(outer)
            parent = parent.parent
        kind = definition.kind
        if kind is SymbolKind.FUNCTION and chain and chain[0].kind in _CONTAINERS:
            kind = SymbolKind.METHOD
        names = [d.name for d in reversed(chain)] + [definition.name]
        definition.symbol = Symbol(
            qualified_name(language, top, names), kind, definition.node.start_point.row + 1
        )
    return found


def _owner(
    block: RawBlock,
    definitions: dict[int, _Definition],
    by_anchor: dict[int, _Definition],
    top: Symbol,
    data: bytes,
) -> Symbol:
    if block.is_comment:
        previous_row = end_row(block.last_node, data)
        sibling = block.last_node.next_named_sibling
        while sibling is not None and sibling.type in _ATTACHMENTS:
            previous_row = sibling.end_point.row
            sibling = sibling.next_named_sibling
        if sibling is not None and sibling.start_point.row - previous_row <= 1:
            documented = by_anchor.get(sibling.start_byte) or definitions.get(sibling.id)
            if documented is not None and documented.symbol is not None:
                return documented.symbol
            if sibling.type in ("package_clause", "package_declaration"):
                return top
    parent = block.first_node.parent
    while parent is not None:
        definition = definitions.get(parent.id)
        if definition is not None and definition.symbol is not None:
            return definition.symbol
        parent = parent.parent
    return top
