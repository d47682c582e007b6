"""String literals are read only on request (`ScanOptions.strings`): a place is a docstring,
however assembled, or a comment block; a string literal in code is neither, in any language."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner import ScanOptions
from scanner.scan import scan_file

# One string literal in code per language, holding an identifier, beside a comment that cites.
CODE_STRINGS = {
    "code.c": 'const char *ref = "see doi:10.1000/string.c";\n// doi:10.1000/comment.c\n',
    "code.cpp": 'auto ref = R"(doi:10.1000/string.cpp)";\n// doi:10.1000/comment.cpp\n',
    "code.cu": 'const char *ref = "doi:10.1000/string.cu";\n// doi:10.1000/comment.cu\n',
    "Code.java": (
        'class Code {\n  String ref = "doi:10.1000/string.java";\n'
        "  // doi:10.1000/comment.java\n}\n"
    ),
    "code.js": (
        "const ref = `see doi:10.1000/string.js`;\n"
        "warn('Enabling doi:10.1000/message.js');\n// doi:10.1000/comment.js\n"
    ),
    "code.ts": "const ref: string = `doi:10.1000/string.ts`;\n// doi:10.1000/comment.ts\n",
    "code.go": ('package code\n\nvar ref = "doi:10.1000/string.go"\n\n// doi:10.1000/comment.go\n'),
    "code.rs": 'const REF: &str = "doi:10.1000/string.rs";\n// doi:10.1000/comment.rs\n',
    "code.py": ('REFS = [("Speagle (2020)", "doi:10.1000/string.py")]\n# doi:10.1000/comment.py\n'),
    "code.pyx": 'REF = "doi:10.1000/string.pyx"\n# doi:10.1000/comment.pyx\n',
}


def _ids(root: Path, name: str, options: ScanOptions) -> set[str]:
    scan = scan_file(root, name, options)
    return {m.ref.key for m in scan.mentions if m.ref is not None}


@pytest.mark.parametrize("name", sorted(CODE_STRINGS))
def test_string_literals_are_read_only_on_request(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(CODE_STRINGS[name], encoding="utf-8")
    suffix = name.rsplit(".", 1)[1]
    comment = f"doi:10.1000/comment.{suffix}"
    assert _ids(tmp_path, name, ScanOptions(cache=False)) == {comment}
    with_strings = _ids(tmp_path, name, ScanOptions(cache=False, strings=True))
    assert comment in with_strings
    assert f"doi:10.1000/string.{suffix}" in with_strings


def test_scan_options_default_to_places_only() -> None:
    assert ScanOptions().strings is False


PYTHON_DOCS = '''"""Module docstring, doi:10.1000/module.doc"""
import numpy as np

x = 1

"""A second string statement, doi:10.1000/statement"""

_fit_doc = """Template, doi:10.1000/template"""
_shared_docs = {}
_shared_docs["fit"] = \\
    """Shared, doi:10.1000/shared"""
TABLE = {}
TABLE["fit"] = """Not documentation, doi:10.1000/table"""


def fit():
    """Fit, doi:10.1000/function.doc"""
    print("Starting the method of doi:10.1000/printed")


fit.__doc__ = "Assigned " + "later, doi:10.1000/dunder.doc"
np.add_docstr(fit, """Through a call, doi:10.1000/add.docstr""")


@appender("""Decorated, doi:10.1000/decorator""")
def other():
    pass


class Model:
    alpha = 0.5
    """Attribute docstring, doi:10.1000/attribute"""

    def method(self):
        y = ("A parenthesised value, doi:10.1000/value")
        return property(lambda s: y, doc="Keyword doc, doi:10.1000/keyword")
'''


def test_every_python_docstring_form_is_read_without_strings(tmp_path: Path) -> None:
    (tmp_path / "forms.py").write_text(PYTHON_DOCS, encoding="utf-8")
    scan = scan_file(tmp_path, "forms.py", ScanOptions(cache=False))
    found = {
        m.ref.key.rsplit("/", 1)[1]: (m.context.value, m.symbol.name)
        for m in scan.mentions
        if m.ref is not None
    }
    assert found == {
        "module.doc": ("docstring", "forms"),
        "statement": ("docstring", "forms"),
        "template": ("docstring", "forms"),
        "shared": ("docstring", "forms"),
        "function.doc": ("docstring", "forms.fit"),
        "dunder.doc": ("docstring", "forms.fit"),
        "add.docstr": ("docstring", "forms.fit"),
        "decorator": ("docstring", "forms.other"),
        "attribute": ("docstring", "forms.Model"),
        "keyword": ("docstring", "forms.Model.method"),
    }
    with_strings = scan_file(tmp_path, "forms.py", ScanOptions(cache=False, strings=True))
    strings = {m.ref.key.rsplit("/", 1)[1] for m in with_strings.mentions if m.ref}
    assert strings - set(found) == {"table", "printed", "value"}


def test_a_module_of_documentation_reads_its_assigned_strings(tmp_path: Path) -> None:
    (tmp_path / "function_docs.py").write_text(
        'besselj = r"""Bessel, doi:10.1000/table.doc"""\n', encoding="utf-8"
    )
    (tmp_path / "constants.py").write_text(
        'besselj = r"""Bessel, doi:10.1000/constant"""\n', encoding="utf-8"
    )
    assert _ids(tmp_path, "function_docs.py", ScanOptions(cache=False)) == {"doi:10.1000/table.doc"}
    assert _ids(tmp_path, "constants.py", ScanOptions(cache=False)) == set()


EMBEDDED = '''
SCENE = """
var radii = [
// covalent radii after Smith, J. (2008). Bond lengths as sums of atomic radii.
// https://arxiv.org/pdf/0804.2488.pdf
  ["C", 0.77],
];
"""
MESSAGE = "see https://arxiv.org/abs/1412.6980 // not a comment"
'''


def test_comments_of_code_in_a_string_are_places(tmp_path: Path) -> None:
    (tmp_path / "scene.py").write_text(EMBEDDED, encoding="utf-8")
    scan = scan_file(tmp_path, "scene.py", ScanOptions(cache=False))
    found = [(m.context.value, m.line, m.ref.key) for m in scan.mentions if m.ref is not None]
    assert found == [("comment", 4, "arxiv:0804.2488")]
    with_strings = scan_file(tmp_path, "scene.py", ScanOptions(cache=False, strings=True))
    keys = sorted(m.ref.key for m in with_strings.mentions if m.ref is not None)
    assert keys == ["arxiv:0804.2488", "arxiv:1412.6980"]  # each read once


def test_a_bibtex_text_bound_to_two_names_wrapped_by_a_formatter_is_a_place(
    tmp_path: Path,
) -> None:
    (tmp_path / "pkg.py").write_text(
        '__bibtex__ = (\n    __citation__\n) = r"""@article{lind2017,\n'
        '  doi = {10.1000/chained.bib}}"""\n'
        'VALUES = (\n    OTHER\n) = "doi:10.1000/not.a.place"\n',
        encoding="utf-8",
    )
    scan = scan_file(tmp_path, "pkg.py", ScanOptions(cache=False))
    assert [m.ref.key for m in scan.mentions if m.ref] == ["doi:10.1000/chained.bib"]


def test_a_data_set_description_is_a_place_of_the_module(tmp_path: Path) -> None:
    # A data set module describes its data in `DESCR` (or `DESCRLONG`, `CITATION`), citing the
    # paper the data come from, as a package's `__bibtex__` cites its own; other module
    # constants stay code.
    (tmp_path / "wages.py").write_text(
        '"""Wage data."""\n'
        'DESCR = """\nA. Ruiz (1992), "Wages," doi:10.1000/descr.data\n\nwage  monthly pay\n"""\n'
        'DESCRLONG = "doi:10.1000/descrlong.data"\n'
        'CITATION = """doi:10.1000/citation.data"""\n'
        '__bibtex__ = """@article{ruiz1992, doi = {10.1000/bibtex.data}}"""\n'
        'DESCRIPTION_URL = "doi:10.1000/not.a.place"\n',
        encoding="utf-8",
    )
    scan = scan_file(tmp_path, "wages.py", ScanOptions(cache=False))
    found = {m.ref.key: (m.context.value, m.symbol.name) for m in scan.mentions if m.ref}
    assert found == {
        "doi:10.1000/descr.data": ("docstring", "wages"),
        "doi:10.1000/descrlong.data": ("docstring", "wages"),
        "doi:10.1000/citation.data": ("docstring", "wages"),
        "doi:10.1000/bibtex.data": ("docstring", "wages"),
    }


def test_a_comments_delimiters_in_a_string_of_code_are_blanked(tmp_path: Path) -> None:
    # a shader's `//` comment citing a title over two lines: the second `//` is no title text
    shader = (
        "export const fs = /* glsl */ `\\\n"
        "// How the normals of the surface are spread\n"
        '// Implementation from "Average Irregularity Representation of a Roughened Surface\n'
        '// for Ray Reflection" by T. S. Trowbridge, and K. P. Reitz\n'
        "// Its constants as in the SIGGRAPH 2013 notes on shading\n"
        "float distribution(float r) {\n  return r;\n}\n`;\n"
    )
    (tmp_path / "pbr.js").write_text(shader, encoding="utf-8")
    scan = scan_file(tmp_path, "pbr.js", ScanOptions(cache=False))
    titles = [m.reference.title for m in scan.mentions if m.reference is not None]
    title = "Average Irregularity Representation of a Roughened Surface for Ray Reflection"
    assert title in titles and not any("//" in t for t in titles if t)
