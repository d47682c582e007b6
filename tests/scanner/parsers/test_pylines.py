"""The logical-line structure reader gives `ast`'s structure, or says it cannot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scanner.parsers import pyast, pylines
from scanner.parsers.pylex import LineIndex, lex_tokens
from scanner.parsers.pystructure import Structure
from scanner.parsers.python import PythonParser
from scanner.types import SourceFile, SymbolKind


def by_lines(text: str, module: str = "pkg.mod") -> Structure | None:
    lines = text.split("\n")
    return pylines.read_structure(text, module, lines, lex_tokens(text), LineIndex(text).starts)


def by_ast(text: str, module: str = "pkg.mod") -> Structure:
    return pyast.read_structure(text, module, text.split("\n"))


CASES = {
    "nesting": '''"""Module doc."""
import os


class Outer(Base):
    """Class doc."""

    x = 1

    def method(self, a: dict[str, int] = {"k": 1}, *, b=lambda y: y) -> None:
        """Method doc."""

        def inner():
            "inner doc"
            return 1

        class Local:
            pass

        return inner

    # a trailing comment, deeper than the class
        # and deeper still


def after():
    pass
''',
    "decorators": """@first
# a comment between decorator and decorator

@second(arg=(1,
    2))
@ spaced . name
async def run(
    a,
    b: "x:y",
) -> list[int]:
    r'''Raw docstring.'''
    await a


@dataclass
class Point:
    x: int
""",
    "docstring shapes": '''# a comment before the module's docstring

(
    "Parenthesised "
    "and concatenated."
)


def concatenated():
    "one" \\
    "two"


def not_bytes():
    b"bytes are no docstring"


def not_a_sum():
    "a" + "b"


def not_a_call():
    "a".strip()


def not_a_tuple():
    ("a", "b")


def inline(): "inline docstring"; return 1


class Inline: "class doc"; x = 1


class NotDoc: x = "no"


def formatted():
    f"""{1 + 1} is computed, still a docstring for ast"""


def followed():
    """doc"""; x = 1


def unicode_prefix():
    U"upper-case prefix"
''',
    "blocks and continuations": """import typing

if typing.TYPE_CHECKING:
    def checked() -> None: ...

try:
    import fast
except ImportError:
    def fast():
        return [
1, 2,
]
else:
    pass
finally:
    x = 1 + \\
2

text = '''
def not_a_definition():
    pass
class NotOne:
'''
braces = "( [ {"  # ) ] }


match x:
    case {"a": 1}:
        def in_case():
            pass
    case _:
        pass


def last_one(): return (
    1
)
""",
    "indentation": "class Tabs:\n\tdef method(self):\n\t\t'doc'\n\t\treturn 1\n\n"
    "\f\ndef after_form_feed():\n\f    pass\n    \f\n",
    "crlf": 'def f():\r\n    """CRLF doc."""\r\n    return 1\r\n\r\nclass C:\r\n    pass\r\n',
    "f-strings": """def f(x):
    s = f"{x['a']} {'}'}"
    t = f'{x["(" ]}'
    return s, t


def g():
    pass
""",
    "non-ascii": """ü = "é"


def ﬁx():
    "Ärger docstring"


class Café:
    def ünïcode(self): "é"
""",
    "try clauses": """try:
    from fast import helper
except ImportError:
    def helper():
        "Fallback."
else:
    pass
finally:
    cleanup = None

try:
    pass
finally:
    def late():
        pass
""",
    "lone carriage returns in literals": 'def f():\r\n    "a\\rb"\r\n',
    "no newline at the end": "def f():\n    return 1\n\n# comment\n    # indented comment",
    "empty": "",
    "only comments": "# one\n# two\n",
    "doc assignments": '''"""Module."""
__doc__ = "Module " + "replaced."


def f():
    pass


f.__doc__ = """First part,
""" + """second part."""


class C:
    def method(self):
        pass

    method.__doc__ = "Method %s." % "doc"
    __doc__ = "Class doc by assignment."


def g():
    pass
g.__doc__ = ("a" "b").format()
if g.__doc__:
    g.__doc__ = g.__doc__.strip()
''',
    "doc calls": """from numpy.lib import add_newdoc
from torch import _add_docstr


def impl(x):
    return x


add_newdoc("numpy.core", "ufunc", ("at", "Docstring of at."))
add_newdoc("numpy.core", "thing", '''Docstring of thing.''')
fn = _add_docstr(impl, "Docstring " + "of fn.")
_add_docstr(impl, r'''Docstring of impl.''')


def add_newdoc_here(name, doc):
    pass
""",
}


# From 3.12 the reader leaves every file to `ast` (f-strings may nest their own quotes).
reads = pytest.mark.skipif(sys.version_info >= (3, 12), reason="the reader reads 3.11 grammar")


@reads
@pytest.mark.parametrize("name", list(CASES))
def test_reader_gives_the_structure_ast_gives(name: str) -> None:
    text = CASES[name]
    read = by_lines(text)
    assert read is not None, name
    assert read == by_ast(text)


@reads
def test_reader_reads_the_tricky_cases_as_expected() -> None:
    read = by_lines(CASES["nesting"])
    assert read is not None
    spans = {d.symbol.name: (d.symbol.kind, d.first_line, d.end_line) for d in read.definitions}
    assert spans == {
        "pkg.mod.Outer": (SymbolKind.CLASS, 5, 20),
        "pkg.mod.Outer.method": (SymbolKind.METHOD, 10, 20),
        "pkg.mod.Outer.method.inner": (SymbolKind.FUNCTION, 13, 15),
        "pkg.mod.Outer.method.Local": (SymbolKind.CLASS, 17, 18),
        "pkg.mod.after": (SymbolKind.FUNCTION, 26, 27),
    }
    docs = {symbol.name: at for at, symbol in read.docs.items()}
    assert docs == {
        "pkg.mod": (1, 0),
        "pkg.mod.Outer": (6, 4),
        "pkg.mod.Outer.method": (11, 8),
        "pkg.mod.Outer.method.inner": (14, 12),
    }
    decorated = by_lines(CASES["decorators"])
    assert decorated is not None
    run = decorated.definitions[0]
    assert (run.symbol.name, run.first_line, run.symbol.line) == ("pkg.mod.run", 1, 7)
    shapes = by_lines(CASES["docstring shapes"])
    assert shapes is not None
    documented = {symbol.name.rsplit(".", 1)[-1] for symbol in shapes.docs.values()}
    assert documented == {
        "mod", "concatenated", "inline", "Inline", "formatted", "followed", "unicode_prefix",
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "def broken(:\n    pass\n",  # not Python: `ast` decides how it fails
        "\ufeffdef f():\n    pass\n",  # a byte-order mark shifts `ast`'s columns
        "def f() -> lambda: 1: pass\n",  # a lambda's colon before the header's
        "def f(): f.__doc__ = 'set on the header line'\n",
        "@(\n    decorator\n)\ndef f():\n    pass\n",  # the decorator starts a line later
        "x = 1\rdef f():\r    pass\r",  # a lone carriage return ends a line for `ast`
        # `ast` walks a `try`'s `else` and `finally` before its handlers: out of source order
        "try:\n    pass\nexcept E:\n    def f(): pass\nelse:\n    def g(): pass\n",
    ],
)
def test_reader_leaves_to_ast_what_it_cannot_place(text: str) -> None:
    assert by_lines(text) is None


@pytest.mark.parametrize("name", list(CASES))
def test_parser_blocks_are_those_of_the_ast_reader(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = SourceFile("pkg/mod.py", Path("pkg/mod.py"), "python", CASES[name], "pkg.mod")
    parser = PythonParser(attribute_all=True)
    fast = parser.parse(source)
    monkeypatch.setattr(pylines, "read_structure", lambda *args: None)
    assert parser.parse(source) == fast


STDLIB = Path(pytest.__file__).parent  # any sizeable body of real Python at hand


@reads
def test_reader_agrees_with_ast_on_real_code() -> None:
    files = sorted(STDLIB.rglob("*.py"))[:60]
    assert files
    decided = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        read = by_lines(text)
        if read is not None:
            decided += 1
            assert read == by_ast(text), path
    assert decided >= len(files) * 0.9, sys.version
