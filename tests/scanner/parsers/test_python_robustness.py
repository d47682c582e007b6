"""The Python parser on hostile input: fallbacks, odd encodings and line endings, never a crash."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from scanner.parsers import ParsedFile, pyfallback
from scanner.parsers.python import PythonParser
from scanner.types import Context, SourceFile, SymbolKind


def parse(text: str, language: str = "python") -> ParsedFile:
    source = SourceFile("m.py", Path("m.py"), language, text, "m")
    return PythonParser(attribute_all=True).parse(source)


def contexts(parsed: ParsedFile) -> list[tuple[int, int, str, str]]:
    return [(b.line, b.column, b.context.value, b.symbol.name) for b in parsed.blocks]


PYTHON2 = (
    "# Python 2, arXiv:1412.6980\n"
    'print "hello"\n'  # under eight characters: no block
    "class Old:\n"
    '    """Old-style class, arXiv:1706.03762."""\n'
    "    def run(self):\n"
    "        # body comment, doi:10.1145/3360572\n"
    "        exec 'x = 1'\n"
)


def test_python2_falls_back_with_a_reason() -> None:
    parsed = parse(PYTHON2)
    assert parsed.fallback == "libcst: syntax error at line 2"
    assert contexts(parsed) == [
        (1, 0, "comment", "m"),
        (4, 4, "docstring", "m.Old"),
        (6, 8, "comment", "m.Old.run"),
    ]


def test_indentation_fallback_without_tree_sitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyfallback, "_tree_sitter_parser", lambda: None)
    parsed = parse(PYTHON2)
    assert parsed.fallback == "libcst: syntax error at line 2"
    assert contexts(parsed) == [
        (1, 0, "comment", "m"),
        (4, 4, "docstring", "m.Old"),
        (6, 8, "comment", "m.Old.run"),
    ]
    assert parsed.blocks[2].symbol.kind is SymbolKind.METHOD


def test_indentation_fallback_ignores_defs_inside_strings_and_dedented_string_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pyfallback, "_tree_sitter_parser", lambda: None)
    text = (
        "print 'py2'\n"
        "def f(a,\n"
        "      b):\n"
        '    """Doc with an example:\n'
        "def not_real():\n"
        '    """\n'
        "    # still in f, arXiv:1412.6980\n"
        "    return a\n"
    )
    parsed = parse(text)
    assert contexts(parsed)[-2:] == [(4, 4, "docstring", "m.f"), (7, 4, "comment", "m.f")]


def test_newer_grammar_is_no_fallback() -> None:
    parsed = parse("type V = list[int]\nclass Box[T]:\n    # generic arXiv:1\n    pass\n")
    assert parsed.fallback is None
    assert contexts(parsed) == [(3, 4, "comment", "m.Box")]


def test_cython_reads_cdef_scopes_without_fallback() -> None:
    text = (
        "cdef class Tree:\n"
        '    """A cdef class, arXiv:1412.6980."""\n'
        "    cpdef double depth(self, int node) except -1:\n"
        "        # inside cpdef, doi:10.1145/3360572\n"
        "        return 0\n"
        "cdef inline int* helper(int x) nogil:\n"
        "    # helper comment here\n"
        "    pass\n"
    )
    parsed = parse(text, language="cython")
    assert parsed.fallback is None
    assert contexts(parsed) == [
        (2, 4, "docstring", "m.Tree"),
        (4, 8, "comment", "m.Tree.depth"),
        (7, 4, "comment", "m.helper"),
    ]


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n\n", "\f", "#", '"', "'''", "\0", "\r\r\r"])
def test_degenerate_files(text: str) -> None:
    parsed = parse(text)
    assert all(block.line >= 1 for block in parsed.blocks)


def test_bom_shifts_line_one_columns() -> None:
    parsed = parse('\ufeff"""Module doc after a BOM."""\n# comment here\n')
    assert contexts(parsed) == [(1, 1, "docstring", "m"), (2, 0, "comment", "m")]
    assert parsed.fallback is None


def test_crlf_line_endings_keep_lines_and_columns() -> None:
    text = (
        '"""Module doc."""\r\n'
        "def f():\r\n"
        "    # first line\r\n"
        "    # second line, arXiv:1412.6980\r\n"
        '    return "a string literal here"  # trailing\r\n'
    )
    parsed = parse(text)
    assert parsed.fallback is None
    assert contexts(parsed) == [
        (1, 0, "docstring", "m"),
        (3, 4, "comment", "m.f"),
        (5, 11, "string", "m.f"),
        (5, 36, "comment", "m.f"),
    ]
    assert parsed.blocks[1].text == "  first line\r\n      second line, arXiv:1412.6980"


def test_form_feeds_are_not_line_breaks() -> None:
    text = '# page one\n\f\n\ndef f():\n    """Doc \f with a form feed."""\n\f# page two\n'
    parsed = parse(text)
    assert contexts(parsed) == [
        (1, 0, "comment", "m"),
        (5, 4, "docstring", "m.f"),
        (6, 1, "comment", "m"),
    ]


def test_null_bytes_fall_back() -> None:
    parsed = parse('def f():\n    """Doc, arXiv:1412.6980."""\n    x = "\0"\n')
    assert parsed.fallback is not None
    assert contexts(parsed)[0] == (2, 4, "docstring", "m.f")


def test_unterminated_string_still_yields_earlier_blocks() -> None:
    parsed = parse('# before, arXiv:1412.6980\ndef f():\n    """never closed\n')
    assert parsed.fallback is not None
    assert contexts(parsed)[0] == (1, 0, "comment", "m")  # above `def f`: the module's
    assert parsed.blocks[1].text.strip() == "never closed"


def test_garbage_bytes_never_crash() -> None:
    rng = random.Random(1234)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        parsed = parse(data.decode("latin-1"))
        assert all(block.line >= 1 and block.column >= 0 for block in parsed.blocks)


def test_very_long_lines_are_fast() -> None:
    text = "x = [" + "1, " * 50_000 + "]  # trailing arXiv:1412.6980\n" + "s = '" + "a" * 500_000
    text += "'\n"
    started = time.process_time()  # CPU: a loaded machine does not stretch it
    parsed = parse(text)
    assert time.process_time() - started < 5
    assert [b.context for b in parsed.blocks] == [Context.COMMENT, Context.STRING]


@pytest.mark.parametrize("depth", [30, 150])
def test_deeply_nested_definitions(depth: int) -> None:
    lines = [" " * i + f"def f{i}():" for i in range(depth)]
    lines.append(" " * depth + "pass  # innermost, arXiv:1412.6980")
    parsed = parse("\n".join(lines) + "\n")
    (block,) = parsed.blocks
    assert block.symbol.name == "m." + ".".join(f"f{i}" for i in range(depth))
    assert (parsed.fallback is None) == (depth < 100)  # CPython allows 100 indentation levels


def test_deeply_nested_brackets() -> None:
    text = "x = " + "(" * 5000 + "1" + ")" * 5000 + "  # arXiv:1412.6980\n"
    parsed = parse(text)
    assert parsed.fallback is not None
    assert contexts(parsed) == [(1, 10007, "comment", "m")]
