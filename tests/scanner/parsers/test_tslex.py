"""The C-family lexer finds the blocks tree-sitter finds, and the parser skips parsing with it
only where no block could cite anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import QueryCursor

from scanner.extract import find_hits
from scanner.languages import LANGUAGES
from scanner.parsers import treesitter
from scanner.parsers.treesitter import TreeSitterParser
from scanner.parsers.tsblocks import RawBlock, comment_blocks, string_block
from scanner.parsers.tslex import lex, texts_at
from scanner.prefilter import cue_offsets
from scanner.types import SourceFile

SOURCES = Path(__file__).parents[2] / "fixtures" / "sources"
LEXED = ("c", "cpp", "cuda")

# What a lexer without a parse can get wrong: quotes that start nothing, comments inside
# strings and strings inside directives, continuations, markers, columns, prefixes.
TRICKY = r"""#include "some/long/header/path.h"  // trailing comment
#include <vector>
#define GREETING "not a block: a directive's text" // nor this comment
#define TWO(a) (a) /* but this one is a comment */ + 2
#error don't "stop" here
#pragma message("not a block either")
#if 0
  it's prose in a disabled region, with "quotes" and // a comment
#endif
// A run of line comments
// stays one block, see arXiv:1706.03762
  // at another column it is another
/// a doc marker starts another
/// and continues it
//! an inner doc marker
//// a separator is a plain comment
// line comment with a continuation \
   that goes on here
int big = 1'000'000; // digit separators; it's fine
char q = '"'; char s = '\''; char e = '\\';
const char* raw = R"x(raw // not a comment /* nor this */ "quoted" )x";
const char* u = u8"prefixed";
const wchar_t* w = L"wide str";
const char* shorty = "7chars!";
const char* ten = "8 chars!";
const char* esc = "escaped \"quote\" inside";
/* a block comment
 * with a margin, described in "Attention Is All You Need" */
int x = 1;  // trailing
            // continues at the same column
/**/ int y; /*
 multi-line */
/*  6. A. Lind, "A Shifted Tidal Lanczos   */
/*     Algorithm for Harbours", 1993.       */
/**/
   /* at another column: another block */
/* a comment followed by code */ int z;
/* not continued by it */
/** a doc comment */
/** is not joined either */
/* one line */
/* then a comment over
   two lines */
"""

# A comment citing only by a quoted title: the title detector reads quotes the prefilter's
# needles do not have.
QUOTED = (
    "// Copyright 2019 Someone\n"
    "int a; // see arXiv:abc (no id: a cue without a citation)\n"
    '// This method is described in "Fast Algorithms for Sorting Large Arrays".\n'
    "int b;\n"
)


def _tree_sitter_blocks(language: str, data: bytes) -> list[RawBlock]:
    grammar = treesitter._grammar(language)
    tree = grammar.parser.parse(data)
    captures = QueryCursor(grammar.query).matches(tree.root_node)
    comments = sorted((n for _, c in captures for n in c.get("comment", ())), key=_start)
    strings = sorted((n for _, c in captures for n in c.get("string", ())), key=_start)
    blocks = comment_blocks(comments, data)
    return blocks + [b for s in strings if (b := string_block(s, data)) is not None]


def _start(node: object) -> int:
    return node.start_byte  # type: ignore[attr-defined,no-any-return]


def _cases() -> list[tuple[str, str]]:
    # tree-sitter-c reads `'"'` as the start of a string (its C++ grammar does not).
    cases = [("c", TRICKY.replace("""char q = '"'; """, ""))]
    cases += [(name, TRICKY) for name in LEXED if name != "c"]
    cases += [("cpp", TRICKY.replace("\n", "\r\n"))]
    for name in LEXED:
        for path in sorted((SOURCES / name).glob("*")):
            if path.suffix in LANGUAGES[name].extensions:
                cases.append((name, path.read_text(encoding="utf-8")))
    return cases


@pytest.mark.parametrize(("language", "text"), _cases())
def test_the_lexer_finds_tree_sitters_blocks(language: str, text: str) -> None:
    data = text.encode()
    expected = _tree_sitter_blocks(language, data)
    lexed = lex(data, raw_strings=language != "c")
    assert lexed is not None
    assert lexed.count == len(expected)
    # Every offset asked for: the texts of all blocks, exactly as tsblocks makes them.
    everywhere = list(range(len(data)))
    expected.sort(key=lambda b: b.start_byte)
    assert texts_at(lexed, data, everywhere) == [b.text for b in expected]


def test_blocks_without_a_cue_or_quote_are_left_out() -> None:
    data = b"// plain words\n// Smith et al. 2019\nint x; // other words\n"
    lexed = lex(data, raw_strings=True)
    assert lexed is not None and lexed.count == 2
    assert texts_at(lexed, data, sorted(cue_offsets(data))) == [
        "   plain words\n   Smith et al. 2019"
    ]
    assert texts_at(lexed, data, []) == []
    quoted = b'int x; // the "Foo" option\n'
    lexed = lex(quoted, raw_strings=True)
    assert lexed is not None and texts_at(lexed, quoted, []) == ['   the "Foo" option']


@pytest.mark.parametrize(
    ("comment", "read"),
    [
        (b"// the `bool` value\n", False),  # one backtick: no title detector cue
        (b"// ``Fast Sorting''\n", True),
        (b"// the 'T' type\n", True),
        ("// \u201cFast Sorting\u201d\n".encode(), True),
        (b"// Smith et. al\n", True),
    ],
)
def test_quotes_the_title_detector_reads_make_a_cue_block(comment: bytes, read: bool) -> None:
    lexed = lex(comment, raw_strings=True)
    assert lexed is not None
    assert bool(texts_at(lexed, comment, [])) is read


def test_an_unterminated_comment_makes_the_lexer_unsure() -> None:
    assert lex(b"int x; /* never closed\nint y;\n", raw_strings=True) is None


def _source(language: str, text: str, prefilter: bool = True) -> SourceFile:
    cues = tuple(sorted(set(cue_offsets(text.encode())))) if prefilter else None
    return SourceFile(
        "pkg/file.cc", Path("pkg/file.cc"), language, text, "pkg/file.cc", prefilter, cues
    )


def test_a_file_whose_cue_blocks_cite_nothing_is_not_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "// Returns a reference to the 2019 table.\nint f();\n// plain\nint g();\n"

    def no_parse(name: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(treesitter, "_grammar", no_parse)
    parsed = TreeSitterParser().parse(_source("cpp", text))
    assert parsed.blocks == () and parsed.quiet == 2


def test_a_quoted_title_is_found_beside_other_cues() -> None:
    assert find_hits('This method is described in "Fast Algorithms for Sorting Large Arrays".')
    parsed = TreeSitterParser().parse(_source("cpp", QUOTED))
    assert any("Fast Algorithms" in b.text for b in parsed.blocks)
    assert len(parsed.blocks) + parsed.quiet == 3


def test_without_the_prefilter_every_block_is_returned() -> None:
    parsed = TreeSitterParser().parse(_source("cpp", QUOTED, prefilter=False))
    assert len(parsed.blocks) == 3 and parsed.quiet == 0


# A licence header whose copyright line reads like an entry, the only text that could cite.
LICENSED = (
    '// Copyright 2019 J. Smith and K. Jones, "Fast Sorting of Large Arrays", J. Algorithms,\n'
    "// 2019.\n"
    "// All rights reserved.\n"
    "namespace sorting {\n"
    "int f();\n"
    "}\n"
)


def test_a_file_citing_only_in_its_licence_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The extractors read a block with its licence text blanked: so does the choice to parse.
    def no_parse(name: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(treesitter, "_grammar", no_parse)
    parsed = TreeSitterParser().parse(_source("cpp", LICENSED))
    assert parsed.blocks == () and parsed.quiet == 1


def test_a_citation_below_a_licence_is_parsed_and_owned() -> None:
    text = LICENSED.replace("int f();", "// See Smith et al. (2019) for the bound.\nint f();")
    parsed = TreeSitterParser().parse(_source("cpp", text))
    cited = [b for b in parsed.blocks if find_hits(b.text)]
    assert [b.symbol.name for b in cited] == ["sorting::f"]
    assert all("Copyright" not in b.text for b in parsed.blocks)
