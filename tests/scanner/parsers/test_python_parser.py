"""The Python parser: exact block positions, contexts and owning symbols."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.parsers.pyast import resolve_name
from scanner.parsers.python import PythonParser
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock


def parse(text: str, module: str = "pkg.mod", language: str = "python") -> list[TextBlock]:
    source = SourceFile("pkg/mod.py", Path("pkg/mod.py"), language, text, module)
    return list(PythonParser(attribute_all=True).parse(source).blocks)


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and 0-based column of `needle` in `text`, counting only `\\n`."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1)


def block_with(blocks: list[TextBlock], needle: str) -> TextBlock:
    (found,) = [b for b in blocks if needle in b.text]
    return found


def located(block: TextBlock, needle: str) -> tuple[int, int]:
    """Where `needle` sits in the file, computed from the block's own offsets."""
    offset = block.text.index(needle)
    line = block.line + block.text.count("\n", 0, offset)
    start = block.text.rfind("\n", 0, offset)
    column = block.column + offset if start < 0 else offset - start - 1
    return line, column


def test_offsets_map_back_to_the_file() -> None:
    text = (
        '"""Module doc, arXiv:1412.6980."""\n'
        "x = 1  # trailing arXiv:1706.03762\n"
        "    # indented own-line\n"
        "    # second line arXiv:1502.03167\n"
        "def f():\n"
        '    """First line\n'
        "    second arXiv:1607.06450\n"
        '    """\n'
    )
    blocks = parse(text)
    for needle in ("arXiv:1412.6980", "arXiv:1706.03762", "arXiv:1502.03167", "arXiv:1607.06450"):
        assert located(block_with(blocks, needle), needle) == where(text, needle)
    assert [(b.line, b.column) for b in blocks] == [(1, 0), (2, 7), (3, 4), (6, 4)]


def test_delimiters_are_blanked_and_newlines_kept() -> None:
    blocks = parse('def f():\n    r"""Doc\n    here."""\n# one\n#  two\n')
    assert blocks[0].text == "    Doc\n    here.   "
    assert blocks[1].text == "  one\n   two"
    assert len(blocks[0].text) == len('r"""Doc\n    here."""')


def test_escapes_are_blanked_in_place_except_in_raw_strings() -> None:
    text = (
        'x = "see \\"Rational approximations,\\" Cody\\n\\tdoi:10.1090/x"\n'
        'y = r"raw \\n text here"\n'
    )
    plain, raw = parse(text)
    assert plain.text == ' see  "Rational approximations, " Cody    doi:10.1090/x '
    assert len(plain.text) == len(text.split("\n")[0]) - 4
    assert raw.text == "  raw \\n text here "


def test_the_pieces_of_one_docstring_are_one_block() -> None:
    text = (
        "def f():\n"
        "    pass\n"
        'f.__doc__ = ("As in Cody (1969).\\n"\n'
        "    # a comment between the pieces stays a comment\n"
        '    "More text here.\\n") + NOTES + """\n'
        "References: Cody, W. J. (1969). Rational approximations.\n"
        '"""\n'
        'msg = "Cody (1969) says so" + str(1) + "in another string"\n'
    )
    blocks = parse(text)
    doc = block_with(blocks, "As in Cody")
    assert doc.context is Context.DOCSTRING and doc.symbol.name == "pkg.mod.f"
    for needle in ("As in Cody", "More text here", "References: Cody"):
        assert located(doc, needle) == where(text, needle)
    assert "NOTES" not in doc.text and "comment" not in doc.text
    assert block_with(blocks, "a comment between").context is Context.COMMENT
    # A string built from pieces that documents nothing keeps its pieces apart.
    assert block_with(blocks, "Cody (1969) says so").context is Context.STRING
    assert "in another string" not in block_with(blocks, "Cody (1969) says so").text


def test_consecutive_comment_lines_form_one_block_per_indentation() -> None:
    text = "# a\n# b\n    # c\n# d\n\n# e\n"
    assert [(b.line, b.column, b.text) for b in parse(text)] == [
        (1, 0, "  a\n  b"),
        (3, 4, "  c"),
        (4, 0, "  d"),
        (6, 0, "  e"),
    ]


def test_symbol_kinds_and_qualified_names() -> None:
    text = (
        "class A:\n"
        '    """Class doc here."""\n'
        "    def m(self):\n"
        '        """Method doc here."""\n'
        "        def inner():\n"
        '            """Inner doc here."""\n'
        "    class B:\n"
        "        async def n(self):\n"
        '            """Async method doc."""\n'
        "def top():\n"
        '    """Function doc here."""\n'
    )
    symbols = [(b.context, b.symbol) for b in parse(text)]
    assert symbols == [
        (Context.DOCSTRING, Symbol("pkg.mod.A", SymbolKind.CLASS, 1)),
        (Context.DOCSTRING, Symbol("pkg.mod.A.m", SymbolKind.METHOD, 3)),
        (Context.DOCSTRING, Symbol("pkg.mod.A.m.inner", SymbolKind.FUNCTION, 5)),
        (Context.DOCSTRING, Symbol("pkg.mod.A.B.n", SymbolKind.METHOD, 8)),
        (Context.DOCSTRING, Symbol("pkg.mod.top", SymbolKind.FUNCTION, 10)),
    ]


def test_methods_under_conditionals_stay_methods() -> None:
    text = "class A:\n    if True:\n        def m(self):\n            pass  # inside arXiv:1\n"
    assert parse(text)[0].symbol == Symbol("pkg.mod.A.m", SymbolKind.METHOD, 3)


def test_comment_placement() -> None:
    text = (
        "# far away from f\n"  # 1
        "\n"
        "\n"
        "# right above f\n"  # 4
        "@decorator\n"
        "# between decorator and def\n"  # 6
        "def f(\n"
        "    a,  # on a parameter line\n"  # 8
        "):  # on the closing line\n"  # 9
        "    return a\n"
        "    # after the last statement\n"  # 11
        "# at column zero after f\n"  # 12
        "\n"
        "# one blank line above g\n"  # 14
        "\n"
        "def g(): pass\n"
    )
    owners = [(b.line, b.symbol.name.removeprefix("pkg.mod")) for b in parse(text)]
    assert owners == [
        (1, ""),
        (4, ""),  # above a `def` at top level: the module's note (references.md)
        (6, ".f"),
        (8, ".f"),
        (9, ".f"),
        (11, ".f"),
        (12, ""),
        (14, ""),
    ]


def test_comment_deeper_than_the_next_def_stays_in_the_previous_body() -> None:
    text = "def a():\n    x = 1\n    # end of a\ndef b():\n    pass\n"
    assert parse(text)[0].symbol.name == "pkg.mod.a"


def test_comment_between_methods_belongs_to_the_class() -> None:
    text = (
        "class C:\n    def a(self):\n        pass\n    # about b\n    def b(self):\n        pass\n"
    )
    assert parse(text)[0].symbol.name == "pkg.mod.C"


def test_strings_are_attributed_and_short_ones_skipped() -> None:
    text = 'def f():\n    x = "short"\n    return "https://arxiv.org/abs/1706.03762"\n'
    (block,) = parse(text)
    assert block.context is Context.STRING
    assert block.symbol.name == "pkg.mod.f"
    assert (block.line, block.column) == (3, 11)


def test_docstring_forms() -> None:
    text = (
        "def a():\n"
        '    ("parenthesised and "\n'
        "     'concatenated docstring')\n"
        "def b():\n"
        "    f'an f-string docstring {x}'\n"
        "def c():\n"
        "    x = 1\n"
        '    "not the docstring: a string statement, documentation all the same"\n'
    )
    blocks = parse(text)
    assert [(b.context, b.symbol.name, b.line, b.column) for b in blocks] == [
        (Context.DOCSTRING, "pkg.mod.a", 2, 5),
        (Context.DOCSTRING, "pkg.mod.b", 5, 4),
        (Context.DOCSTRING, "pkg.mod.c", 8, 4),
    ]
    assert blocks[0].text.split() == ["parenthesised", "and", "concatenated", "docstring"]


def test_docs_assigned_later() -> None:
    text = (
        "import numpy as np\n"
        "class Foo:\n"
        "    def method(self): pass\n"
        "def fn(): pass\n"
        'Foo.__doc__ = "Foo documented later."\n'
        'fn.__doc__ = """fn documented later."""\n'
        'Foo.method.__doc__ = "Foo.method documented later."\n'
        'np.add.__doc__ = "Foreign object documented here."\n'
        'undefined.__doc__ = "A bare unknown name."\n'
        'fn.__doc__ = "Formatted {}.".format(1)\n'
        'fn.__doc__ = "Percent-formatted %s." % x\n'
    )
    assert [(b.context, b.symbol) for b in parse(text)] == [
        (Context.DOCSTRING, Symbol("pkg.mod.Foo", SymbolKind.CLASS, 2)),
        (Context.DOCSTRING, Symbol("pkg.mod.fn", SymbolKind.FUNCTION, 4)),
        (Context.DOCSTRING, Symbol("pkg.mod.Foo.method", SymbolKind.METHOD, 3)),
        (Context.DOCSTRING, Symbol("np.add", SymbolKind.FUNCTION)),
        (Context.DOCSTRING, Symbol("pkg.mod.undefined", SymbolKind.FUNCTION)),
        (Context.DOCSTRING, Symbol("pkg.mod.fn", SymbolKind.FUNCTION, 4)),
        (Context.DOCSTRING, Symbol("pkg.mod.fn", SymbolKind.FUNCTION, 4)),
    ]


def test_doc_calls() -> None:
    text = (
        'add_docstr(torch.abs, r"""torch.abs documented.""")\n'
        '_add_docstr(helper, "helper documented by call.")\n'
        'add_newdoc("numpy.core", "thing", """numpy.core.thing documented.""")\n'
        'add_newdoc("numpy.core", "ndarray", [("T", "the T attribute."), ("a", "attr a doc.")])\n'
        'add_newdoc("jv", """A name in this module.""")\n'
        'print(helper, "not a documentation call")\n'
        "def helper(): pass\n"
    )
    assert [(b.context, b.symbol.name, b.symbol.kind) for b in parse(text)] == [
        (Context.DOCSTRING, "torch.abs", SymbolKind.FUNCTION),
        (Context.DOCSTRING, "pkg.mod.helper", SymbolKind.FUNCTION),
        (Context.STRING, "pkg.mod", SymbolKind.MODULE),  # "numpy.core" is a name, not a doc
        (Context.DOCSTRING, "numpy.core.thing", SymbolKind.FUNCTION),
        (Context.STRING, "pkg.mod", SymbolKind.MODULE),
        (Context.DOCSTRING, "numpy.core.ndarray.T", SymbolKind.METHOD),
        (Context.DOCSTRING, "numpy.core.ndarray.a", SymbolKind.METHOD),
        (Context.DOCSTRING, "pkg.mod.jv", SymbolKind.FUNCTION),
        (Context.STRING, "pkg.mod", SymbolKind.MODULE),
    ]


def test_class_body_doc_assignment() -> None:
    (block,) = parse('class K:\n    __doc__ = "Assigned in the body."\n')
    assert (block.context, block.symbol.name) == (Context.DOCSTRING, "pkg.mod.K")


@pytest.mark.parametrize(
    ("dotted", "scope", "expected"),
    [
        ("Foo", "m", Symbol("m.Foo", SymbolKind.CLASS, 1)),
        ("Foo.bar", "m", Symbol("m.Foo.bar", SymbolKind.METHOD, 2)),
        ("Foo.baz", "m", Symbol("m.Foo.baz", SymbolKind.METHOD)),
        ("bar", "m.Foo", Symbol("m.Foo.bar", SymbolKind.METHOD, 2)),
        ("np.add", "m", Symbol("np.add", SymbolKind.FUNCTION)),
        ("gone", "m.Foo", Symbol("m.gone", SymbolKind.FUNCTION)),
    ],
)
def test_resolve_name(dotted: str, scope: str, expected: Symbol) -> None:
    defined = {
        "m.Foo": Symbol("m.Foo", SymbolKind.CLASS, 1),
        "m.Foo.bar": Symbol("m.Foo.bar", SymbolKind.METHOD, 2),
    }
    assert resolve_name(dotted, scope, "m", defined, SymbolKind.FUNCTION) == expected


def test_non_ascii_columns_count_characters() -> None:
    text = 'class Café:\n    pass\nCafé.__doc__ = "Menu with ünïcode, arXiv:1412.6980"\n'
    (block,) = parse(text)
    assert (block.context, block.symbol.name) == (Context.DOCSTRING, "pkg.mod.Café")
    assert located(block, "arXiv") == where(text, "arXiv")


def test_bytes_are_included() -> None:
    (block,) = parse('DATA = b"bytes citing arXiv:2001.08361"\n')
    assert block.context is Context.STRING
    assert "arXiv:2001.08361" in block.text


def test_add_newdoc_in_a_documentation_module_names_the_package() -> None:
    text = 'add_newdoc("jv", """Bessel function, doi:10.1145/7921.214331.""")\n'
    (block,) = parse(text, module="scipy.special._add_newdocs")
    assert block.symbol == Symbol("scipy.special.jv", SymbolKind.FUNCTION)


def test_scans_skip_the_parse_of_files_that_cite_nothing() -> None:
    from pathlib import Path

    from scanner.types import SourceFile

    broken = SourceFile("old.py", Path("old.py"), "python", 'print "hi"\n# nothing here\n', "old")
    parsed = PythonParser().parse(broken)
    assert parsed.fallback is None  # never parsed: nothing to attribute
    assert [b.symbol.name for b in parsed.blocks] == ["old"]
    assert PythonParser(attribute_all=True).parse(broken).fallback is not None


def test_both_exact_readers_share_one_documentation_call_rule() -> None:
    from scanner.parsers import pyast, pylibcst

    text = (
        "def helper():\n    pass\n"
        '_add_docstr(helper, "documented by a known call.")\n'
        'add_doc(helper, "add_doc is not a documentation call.")\n'
        'torch._C.add_docstring(helper, "the module path is not part of the rule.")\n'
    )
    lines = text.split("\n")
    by_ast = pyast.read_structure(text, "pkg.mod", lines)
    by_libcst = pylibcst.read_structure(text, "pkg.mod", lines)
    assert by_ast.definitions == by_libcst.definitions
    names = {key: symbol.name for key, symbol in by_ast.docs.items()}
    assert names == {key: symbol.name for key, symbol in by_libcst.docs.items()}
    assert names == {(3, 20): "pkg.mod.helper", (5, 31): "pkg.mod.helper"}
