"""Focused rules of the tree-sitter parser: blocks, delimiters, offsets and attribution."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from scanner.languages import LANGUAGES
from scanner.parsers import get_parser
from scanner.parsers.treesitter import TreeSitterParser
from scanner.types import Context, SourceFile, SymbolKind, TextBlock

REF = "arXiv:1706.03762"
TREE_SITTER = sorted(name for name, lang in LANGUAGES.items() if lang.parser == "tree-sitter")
# The line comment of the languages whose comments are not C's `//`.
LINE_COMMENT = {"matlab": "%", "fortran": "!", "fortran-fixed": "C"}


def parse(language: str, text: str, path: str = "pkg/file.x") -> list[TextBlock]:
    source = SourceFile(path, Path(path), language, text, path)
    return list(TreeSitterParser().parse(source).blocks)


def owners(language: str, text: str, path: str = "pkg/file.x") -> list[tuple[str, str, str]]:
    """(first words of the block, symbol, context) for every block holding a reference."""
    return [
        (b.text.split()[0], b.symbol.name, b.context.value)
        for b in parse(language, text, path)
        if REF in b.text
    ]


def test_grammar_loading_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    # Grammars come from the installed wheels: no socket is opened and nothing is written to
    # HOME (no download cache), even on a cold start of every grammar.
    home = Path(os.environ["HOME"])
    before = sorted(home.rglob("*"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("grammar loading touched the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from scanner.parsers import treesitter

    treesitter._grammar.cache_clear()
    for name in TREE_SITTER:
        marker = LINE_COMMENT.get(name, "//")
        assert parse(name, f"{marker} {REF}\n")[0].text.strip() == REF
    assert sorted(home.rglob("*")) == before


def test_registered_under_the_tree_sitter_name() -> None:
    assert isinstance(get_parser("tree-sitter"), TreeSitterParser)


@pytest.mark.parametrize("language", TREE_SITTER)
def test_every_language_finds_comments_and_strings(language: str) -> None:
    text = f'// first {REF}\nx = "string with {REF}";\n'
    if language == "go":
        text = f'package p\n// first {REF}\nvar x = "string with {REF}"\n'
    if language in LINE_COMMENT:
        text = f'{LINE_COMMENT[language]} first {REF}\n      x = "string with {REF}"\n'
    contexts = {b.context for b in parse(language, text) if REF in b.text}
    assert Context.STRING in contexts
    assert contexts & {Context.COMMENT, Context.DOCSTRING}


def test_offsets_map_back_to_the_file() -> None:
    text = f'int f() {{\n    /* see\n     * {REF} */\n    return g("é—{REF}");\n}}\n'
    lines = text.split("\n")
    for block in parse("c", text):
        offset = block.text.index(REF)
        before = block.text[:offset]
        line = block.line + before.count("\n")
        column = offset - (before.rfind("\n") + 1) if "\n" in before else block.column + offset
        assert lines[line - 1][column : column + len(REF)] == REF


def test_delimiters_are_blanked_with_lengths_kept() -> None:
    text = f"/**\n * Doc {REF}\n */\nint f();\n//! inner\n/// outer\n"
    blocks = parse("cpp", text)
    assert blocks[0].text == f"   \n   Doc {REF}\n   "
    assert [len(line) for line in blocks[0].text.split("\n")] == [3, len(" * Doc ") + len(REF), 3]
    assert "/" not in "".join(b.text for b in blocks)


def test_consecutive_line_comments_merge_into_one_block() -> None:
    text = "// Attention, see https://arxiv.org/\n// abs/1706.03762 for details\nint x;\n"
    (block,) = parse("c", text)
    assert block.text == "   Attention, see https://arxiv.org/\n   abs/1706.03762 for details"


@pytest.mark.parametrize(
    "text",
    [
        "// one\n\n// two\n",  # a blank line between
        "// one\n    // two\n",  # another column
        "int a; // one\nint b; // two\n",  # trailing comments annotate their own lines
        "/// one\n// two\n",  # another marker
    ],
)
def test_line_comments_that_do_not_merge(text: str) -> None:
    assert len(parse("cpp", text)) == 2


def test_rust_inner_doc_stays_apart_from_the_item_doc() -> None:
    text = f"//! Module {REF}\n/// Item {REF}\npub fn f() {{}}\n"
    assert owners("rust", text, "src/a/b.rs") == [
        ("Module", "crate::a::b", "docstring"),
        ("Item", "crate::a::b::f", "docstring"),
    ]


def test_tiny_strings_are_skipped() -> None:
    blocks = parse("javascript", 'const a = "x"; const b = "long enough string";\n')
    assert [b.text.strip() for b in blocks] == ["long enough string"]


def test_cpp_namespaces_classes_and_out_of_line_members() -> None:
    text = f"""
namespace a::b {{
namespace c {{
/// Doc {REF}
template <typename T>
class TORCH_API Foo {{
  void bar();
  /* Inline {REF} */
}};
}}
}}
// Out {REF}
template <typename T>
void a::b::c::Foo<T>::bar() {{ /* Body {REF} */ }}
"""
    assert owners("cpp", text) == [
        ("Doc", "a::b::c::Foo", "docstring"),
        ("Inline", "a::b::c::Foo", "comment"),
        ("Out", "a::b::c::Foo::bar", "docstring"),
        ("Body", "a::b::c::Foo::bar", "comment"),
    ]
    kinds = {b.symbol.name: b.symbol.kind for b in parse("cpp", text)}
    assert kinds["a::b::c::Foo"] is SymbolKind.CLASS
    assert kinds["a::b::c::Foo::bar"] is SymbolKind.METHOD


def test_cpp_a_comment_over_a_data_member_documents_the_member() -> None:
    text = f"""
namespace opts {{
struct SearchOptions {{
  // Width of the search.
  int width = 4;

  // Patience, as described in {REF}.
  // Applies to the width above.
  float patience = 1;
  int depth;  // trailing {REF}
  int next;

  /* Loose {REF} */

  int* table = nullptr;
}};
}}
"""
    assert owners("cpp", text) == [
        ("Patience,", "opts::SearchOptions::patience", "docstring"),
        ("trailing", "opts::SearchOptions", "comment"),
        ("Loose", "opts::SearchOptions", "comment"),
    ]
    kinds = {b.symbol.name: b.symbol.kind for b in parse("cpp", text)}
    assert kinds["opts::SearchOptions::patience"] is SymbolKind.VARIABLE


def test_cpp_a_javadoc_block_right_under_a_declaration_documents_the_next_one() -> None:
    # Doxygen reads a `/** */` block as the next declaration's across one blank line, even
    # right under another declaration; dlib's `/*!` contracts there are the one above's.
    text = f"""
struct Cell {{
  void reset(float d);
  /**
   * Tied dropout, see {REF}.
   */

  void reset(float d, float r);
  void keep(float d);
  /*!
      ensures: {REF}
  !*/

  void last(float d);
}};
"""
    assert owners("cpp", text) == [
        ("Tied", "Cell::reset", "docstring"),
        ("ensures:", "Cell", "comment"),
    ]
    # ...but one right under its scope's opening brace, a blank line above a class, stays the
    # scope's
    opening = f"namespace n {{\n/** Bridge test, {REF}. */\n\nclass Sampler {{}};\n}}\n"
    assert owners("cpp", opening) == [("Bridge", "n", "comment")]


def test_export_macro_is_blanked_so_the_class_parses() -> None:
    text = f"class CAFFE2_API Net : public Base {{\n  // {REF}\n  void run();\n}};\n"
    (block,) = parse("cpp", text)
    assert block.symbol.name == "Net::run"
    assert block.symbol.kind is SymbolKind.METHOD


def test_opencv_export_and_binding_macros_are_blanked_so_definitions_own_their_blocks() -> None:
    text = (
        "namespace cv {\n"
        f"/** Flow, {REF} */\n"
        "class CV_EXPORTS_W Flow : public Algorithm\n{\npublic:\n"
        f"    /** Weight, {REF} */\n    CV_WRAP virtual double getAlpha() const = 0;\n"
        f"    /** Maker, {REF} */\n    CV_WRAP static Ptr<Flow> create(int a = 1);\n"
        f"    /** Size, {REF} */\n    CV_PROP_RW int size;\n}};\n"
        f"/** Named, {REF} */\nCV_EXPORTS_AS(make_flow) Ptr<Flow> makeFlow();\n"
        f"/** Plain, {REF} */\nCV_EXPORTS Mat flowMatrix(int n);\n}}\n"
    )
    assert [(words, name) for words, name, _ in owners("cpp", text)] == [
        ("Flow,", "cv::Flow"),
        ("Weight,", "cv::Flow::getAlpha"),
        ("Maker,", "cv::Flow::create"),
        ("Size,", "cv::Flow::size"),
        ("Named,", "cv::makeFlow"),
        ("Plain,", "cv::flowMatrix"),
    ]
    from scanner.parsers.treesitter import _EXPORT_MACRO

    assert _EXPORT_MACRO.search(b"#ifndef FLOW_EXPORTS_H\n#define FLOW_EXPORTS_H\n") is None


def test_the_right_border_of_a_box_of_line_comments_is_no_text() -> None:
    box = (
        "//////////////////////////////////////////////////////\n"
        '// See Lind, A., "Incremental tidal        //\n'
        '// construction with {BRIO}," In Proc. 19th  //\n'
        "// Tidal Symposium, 211-219, 2003.           //\n"
        "//////////////////////////////////////////////////////\n"
        "int tide();\n"
    )
    (block,) = parse("cpp", box)
    assert "//" not in block.text
    assert "Incremental tidal" in block.text and "construction with" in block.text


def test_a_run_of_one_line_block_comments_is_one_block() -> None:
    # f2c's and boxed C headers' prose: a `/* ... */` a line, the title wrapped over two
    text = (
        "/*  References:                              */\n"
        '/*  6. A. Lind, B. Moss and C. Okafor, "A Shifted Tidal Lanczos */\n'
        '/*     Algorithm for Harbours", SIAM J. Tides, 1993. */\n'
        "/*     arXiv:1706.03762                     */\n"
        "int tide();\n"
    )
    (block,) = parse("c", text)
    assert "/*" not in block.text and "*/" not in block.text
    assert '"A Shifted Tidal Lanczos' in block.text and "Algorithm for Harbours" in block.text


def test_device_function_markers_are_blanked_so_members_own_their_blocks() -> None:
    # Eigen's `EIGEN_DEVICE_FUNC` and the libraries that wrap it (`SOPHUS_FUNC`): before a
    # `static` member the class body did not parse, and its blocks went to the class.
    text = (
        "namespace Sophus {\ntemplate <class Scalar_, int Options>\n"
        "class Sim2 : public Sim2Base<Sim2<Scalar_, Options>> {\n public:\n"
        f"  /// Exp, {REF}\n  SOPHUS_FUNC static Sim2<Scalar> exp(Tangent const& a) {{\n"
        f"    // Body, {REF}\n    return Sim2();\n  }}\n"
        f"  /// Log, {REF}\n  EIGEN_DEVICE_FUNC Tangent log() const {{ return Tangent(); }}\n"
        "};\n}\n"
    )
    assert [(words, name) for words, name, _ in owners("cpp", text)] == [
        ("Exp,", "Sophus::Sim2::exp"),
        ("Body,", "Sophus::Sim2::exp"),
        ("Log,", "Sophus::Sim2::log"),
    ]


def test_an_unknown_macro_before_a_template_return_type_leaves_the_name_alone() -> None:
    # `LIB_DECL Ptr<DenseFlow> makeFlow();` may parse as the qualified name
    # `Ptr<DenseFlow>::makeFlow`, with a `::` the parser supplied: the function is `makeFlow`,
    # not `PtrmakeFlow`.
    text = f"namespace cv {{\n/** {REF} */\nLIB_DECL Ptr<DenseFlow> makeFlow();\n}}\n"
    assert [name for _, name, _ in owners("cpp", text)] == ["cv::makeFlow"]


@pytest.mark.parametrize(
    "macro",
    [
        "MYLIB_DLL_PUBLIC",
        "MYLIB_DLL_LOCAL",
        "MYLIB_DLL_EXPORT",
        "MYLIB_DLL_PUBLIC_INLINE_CLASS",
        "MYLIB_CONTRIB_DLLEXPORT",
        "MYTEST_API_",
    ],
)
def test_visibility_macros_named_dll_something_are_blanked_too(macro: str) -> None:
    # A Doxygen block over `class LIB_DLL_PUBLIC widget` documents the class, and a member's
    # block inside it the member, not the namespace.
    text = (
        f"namespace ns {{\n/// Brief.\n/** {REF} */\nclass {macro} widget {{\n"
        f"  /** {REF} */\n  double dist() const;\n}};\n"
        f"/** {REF} */\nstruct {macro} helper {{ int x; }};\n}}\n"
    )
    assert [(name, ctx) for _, name, ctx in owners("cpp", text)] == [
        ("ns::widget", "docstring"),
        ("ns::widget::dist", "docstring"),
        ("ns::helper", "docstring"),
    ]


def test_a_declaration_files_typed_constants_own_their_jsdoc() -> None:
    # `.d.ts` files declare constants without a value; the JSDoc above is theirs.
    text = (
        f"/**\n * Osc {REF}\n */\nexport declare const dsf: Osc;\n"
        f"/** Var {REF} */\ndeclare var g: number;\n"
        f"/** Fn {REF} */\nexport declare const h: (n: number) => X;\n"
    )
    assert owners("typescript", text, "package/osc-dsf.d.ts") == [
        ("Osc", "osc-dsf.dsf", "docstring"),
        ("Var", "osc-dsf.g", "docstring"),
        ("Fn", "osc-dsf.h", "docstring"),
    ]


@pytest.mark.parametrize("language", ["javascript", "typescript"])
def test_a_jsdoc_a_blank_line_above_its_function_documents_it(language: str) -> None:
    # JSDoc reads a `/** */` block standing apart from the code above as the next
    # declaration's, across a blank line; a plain comment there stays the module's.
    text = (
        f"const a = 1;\n\n/**\n * Noise {REF}\n */\n\nexport function noise(x) {{ return x; }}\n"
        f"\n// Note {REF}\n\nfunction plain(y) {{ return y; }}\n"
    )
    assert owners(language, text, "src/x/sanPlot.js") == [
        ("Noise", "sanPlot.noise", "docstring"),
        ("Note", "sanPlot", "comment"),
    ]


@pytest.mark.parametrize("language", ["javascript", "typescript"])
def test_a_jsdoc_opening_the_file_a_blank_line_above_a_function_is_the_modules(
    language: str,
) -> None:
    text = f"/**\n * Header {REF}\n */\n\nexport function noise(x) {{ return x; }}\n"
    assert owners(language, text, "src/x/sanPlot.js") == [("Header", "sanPlot", "comment")]


def test_operator_names_keep_their_brackets() -> None:
    text = f"struct V {{\n  // {REF}\n  bool operator<(const V&) const;\n}};\n"
    (block,) = parse("cpp", text)
    assert (block.symbol.name, block.symbol.kind) == ("V::operator<", SymbolKind.METHOD)


def test_cuda_kernel() -> None:
    text = f"// {REF}\n__global__ void scale(float* x) {{ }}\n"
    (block,) = parse("cuda", text)
    assert (block.symbol.name, block.symbol.kind) == ("scale", SymbolKind.FUNCTION)


def test_java_package_nested_classes_and_constructors() -> None:
    text = f"""package org.pkg;
/** Top {REF} */
@SuppressWarnings("x")
public class A {{
  /** Ctor {REF} */
  public A() {{}}
  static class B {{
    enum E {{ ONE; void m() {{ /* Deep {REF} */ }} }}
  }}
}}
"""
    assert owners("java", text) == [
        ("Top", "org.pkg.A", "docstring"),
        ("Ctor", "org.pkg.A.A", "docstring"),
        ("Deep", "org.pkg.A.B.E.m", "comment"),
    ]


def test_java_a_javadoc_block_documents_the_class_across_a_blank_line() -> None:
    text = f"""package org.pkg;

/**
 * A note on the file's origin.
 */

/**
 * Doc {REF}
 */

public class A {{}}
"""
    assert owners("java", text) == [("Doc", "org.pkg.A", "docstring")]


def test_java_without_package_uses_the_file() -> None:
    (block,) = parse("java", f"// {REF}\n\nclass A {{}}\n", "src/A.java")
    assert (block.symbol.name, block.symbol.kind) == ("src/A.java", SymbolKind.FILE)


def test_javascript_functions_arrows_objects_and_classes() -> None:
    text = f"""
/** Arrow {REF} */
export const f = (x) => x;
const api = {{
  // Method {REF}
  get() {{}},
}};
class C {{
  /** Field {REF} */
  handler = () => 1;
}}
export function g() {{ return `Template {REF}`; }}
"""
    assert owners("javascript", text) == [
        ("Arrow", "file.f", "docstring"),
        ("Method", "file.api.get", "docstring"),
        ("Field", "file.C.handler", "docstring"),
        ("Template", "file.g", "string"),
    ]


@pytest.mark.parametrize(
    ("path", "module"),
    [
        ("src/geometry/hull.js", "hull"),
        ("hull.mjs", "hull"),
        ("types/hull.d.ts", "hull"),
        ("lib/quantileSeq.transform.js", "quantileSeq.transform"),
        ("src/.eslintrc.js", ".eslintrc"),
    ],
)
def test_javascript_symbols_carry_their_module(path: str, module: str) -> None:
    text = f"""// Top {REF}

export function convexHull(points) {{}}
/** Method {REF} */
class Hull {{
  /** Add {REF} */
  add(p) {{}}
}}
"""
    assert owners("javascript", text, path) == [
        ("Top", module, "comment"),
        ("Method", f"{module}.Hull", "docstring"),
        ("Add", f"{module}.Hull.add", "docstring"),
    ]


def test_a_factory_callback_belongs_to_the_name_it_is_assigned_to() -> None:
    text = f"""export var createErf = /* #__PURE__ */factory(name, deps, _ref => {{
  /** Inside {REF} */
  return typed('erf', {{}});
  /** Helper {REF} */
  function erf1(y) {{ return y; }}
}});
// Plain {REF}
export var table = build(3);
"""
    assert owners("javascript", text, "src/erf.js") == [
        ("Inside", "erf.createErf", "comment"),
        ("Helper", "erf.createErf.erf1", "docstring"),
        ("Plain", "erf", "comment"),
    ]


def test_typescript_interfaces_types_and_namespaces() -> None:
    text = f"""
export namespace Outer.Inner {{
  /** Iface {REF} */
  export interface Shape {{ area(): number; }}
}}
// Alias {REF}
type Id = string;
"""
    assert owners("typescript", text) == [
        ("Iface", "file.Outer.Inner.Shape", "docstring"),
        ("Alias", "file.Id", "docstring"),
    ]


def test_go_package_methods_and_functions() -> None:
    text = f"""// Package p {REF}
package p

// T {REF}
type T struct{{}}

// M {REF}
func (t *T) M() {{}}

func F() {{
	// Inside {REF}
}}
"""
    assert owners("go", text) == [
        ("Package", "p", "docstring"),
        ("T", "p.T", "docstring"),
        ("M", "p.T.M", "docstring"),
        ("Inside", "p.F", "comment"),
    ]


@pytest.mark.parametrize(
    ("path", "module"),
    [
        ("src/lib.rs", "crate"),
        ("src/main.rs", "crate"),
        ("src/foo/bar.rs", "crate::foo::bar"),
        ("src/foo/mod.rs", "crate::foo"),
        ("crates/core/src/graph.rs", "crate::graph"),
    ],
)
def test_rust_module_from_the_path(path: str, module: str) -> None:
    text = f"// {REF}\n\nmod m {{\n    /// {REF}\n    pub fn f() {{}}\n}}\n"
    names = [b.symbol.name for b in parse("rust", text, path)]
    assert names == [module, f"{module}::m::f"]


def test_rust_impl_trait_for_type_puts_methods_under_the_type() -> None:
    text = f"""
impl<T: Clone> fmt::Debug for Wrapper<T> {{
    /// {REF}
    fn fmt(&self) {{}}
}}
"""
    (block,) = parse("rust", text, "src/lib.rs")
    assert (block.symbol.name, block.symbol.kind) == ("crate::Wrapper::fmt", SymbolKind.METHOD)


def test_attribute_between_doc_and_item_is_skipped() -> None:
    text = f"/// {REF}\n#[derive(Debug)]\n#[repr(C)]\npub struct S;\n"
    (block,) = parse("rust", text, "src/lib.rs")
    assert (block.symbol.name, block.context) == ("crate::S", Context.DOCSTRING)


def test_comment_separated_by_a_blank_line_is_not_a_doc() -> None:
    text = f"namespace n {{\n// {REF}\n\nint f();\n}}\n"
    (block,) = parse("cpp", text)
    assert (block.symbol.name, block.context) == ("n", Context.COMMENT)


def test_file_with_syntax_errors_keeps_its_comments() -> None:
    text = f"int f( {{ /* {REF} */\n  return +;\n}}}}}}\n// {REF}\n"
    blocks = parse("cpp", text)
    assert [b.text.strip() for b in blocks] == [REF, REF]


def test_non_utf8_text_and_empty_files() -> None:
    assert parse("go", "") == []
    (block,) = parse("c", f"// caf\udce9 {REF}\n")
    assert REF in block.text


def test_cpp_header_named_dot_h_is_read_as_cpp() -> None:
    lines = ["namespace at {", "class TORCH_API Tensor {", " public:", f"  // {REF}"]
    text = "\n".join([*lines, "  void add();", "};", "}", ""])
    (block,) = parse("c", text, "aten/Tensor.h")
    assert (block.symbol.name, block.symbol.kind) == ("at::Tensor::add", SymbolKind.METHOD)


def test_c_header_stays_c() -> None:
    # `new` and `class` are plain identifiers in C; the C grammar must keep reading this file.
    text = f"struct node {{ int class; }};\n// {REF}\nstruct node *new(void);\n"
    (block,) = parse("c", text, "list.h")
    assert (block.symbol.name, block.context) == ("new", Context.DOCSTRING)


@pytest.mark.parametrize(
    "macro",
    [
        "TORCH_API",
        "FOO_API_",
        "LIB_DLL",
        "LIB_DLL_PUBLIC_INLINE_CLASS",
        "LIBDLL_EXPORT",
        "BOOST_MATH_GPU_ENABLED",
        "EIGEN_STRONG_INLINE",
        "FOO_NOEXCEPT(T)",
        "EIGEN_MAKE_ALIGNED_OPERATOR_NEW",
        "EIGEN_MAKE_ALIGNED_OPERATOR_NEW_IF(x)",
        "Q_OBJECT",
        "Q_GADGET",
        "CV_EXPORTS",
        "CV_EXPORTS_W_SIMPLE",
        "CV_EXPORTS_AS(name)",
        "CV_WRAP",
        "CV_WRAP_AS(name)",
        "CV_PROP_RW",
        "EIGEN_DEVICE_FUNC",
        "SOPHUS_FUNC",
    ],
)
def test_every_export_macro_passes_the_gate_before_its_blanking(macro: str) -> None:
    # The macros are blanked only in a file or block the gate finds one of their tails in.
    from scanner.parsers.treesitter import _EXPORT_MACRO, _MACRO_GATE, _MACRO_GATE_TEXT

    code = f"class {macro} Foo {{}};\n".encode()
    found = _EXPORT_MACRO.search(code)
    assert found is not None
    assert _MACRO_GATE.search(found.group()) is not None
    assert _MACRO_GATE_TEXT.search(found.group().decode()) is not None


def test_export_macros_are_blanked_as_a_substitution_blanks_them() -> None:
    """The export macros are matched only at the start of a word holding a gate's tail (their
    first word always holds one), where the substitution tried every position: the same
    blanks, in bytes and in text, also where a macro's parentheses hold another's tail."""
    import random

    from scanner.parsers.treesitter import (
        _EXPORT_MACRO,
        _EXPORT_MACRO_TEXT,
        _MACRO_GATE,
        _MACRO_GATE_TEXT,
        _WORD_BYTES,
        _WORD_TEXT,
        _blanked_macros,
    )

    pieces = [
        "TORCH_API", "FOO_EXPORT", "FOO_EXPORTS", "FOO_EXPORTS_H", "CV_EXPORTS_W",
        "CV_EXPORTS_AS(A_API)", "CV_WRAP", "CV_PROP_RW", "X_NOEXCEPT", "X_NOEXCEPT(T_API)",
        "Q_OBJECT", "EIGEN_MAKE_ALIGNED_OPERATOR_NEW", "A_ALIGNED_OPERATOR_NEW_IF(x)",
        "LIB_DLL_PUBLIC_INLINE_CLASS", "LIB_DLL_EXPORT_H", "foo_API", "_API", "AB_API_", "9_API",
        "FOO_INLINE (", "x", " ", "\n", "(", ")", "é", "a",
    ]  # fmt: skip
    rng = random.Random(8)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        data = text.encode()
        blanked = _EXPORT_MACRO.sub(lambda m: b" " * len(m.group(0)), data)
        assert _blanked_macros(data, _EXPORT_MACRO, _MACRO_GATE, _WORD_BYTES, b" ") == blanked
        blanked_text = _EXPORT_MACRO_TEXT.sub(lambda m: " " * len(m.group(0)), text)
        assert _blanked_macros(text, _EXPORT_MACRO_TEXT, _MACRO_GATE_TEXT, _WORD_TEXT, " ") == (
            blanked_text
        )


def test_the_cpp_sniff_finds_what_a_search_for_its_pattern_finds() -> None:
    """A `.h` file is read as C++ when the C++ lines or `std::` stand in its head: the sniff
    tries the pattern only where one of its words stands, and says what a search (bounded as
    `_dialect` bounds it) says, on any text."""
    import random
    import re

    from scanner.languages import CPP_HEADER
    from scanner.parsers.treesitter import _sniffs_cpp

    search = re.compile(CPP_HEADER)
    pieces = [
        "namespace", "template", "class", "using", "public", "private", "protected", "std::",
        " ", "\t", "\n", "x", "<", ";", "(", ":", "Foo", "\u00a0", "_", "prot", "ected",
    ]  # fmt: skip
    rng = random.Random(4)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        end = rng.randint(0, len(text) + 2)
        assert _sniffs_cpp(text, end) == (search.search(text, 0, end) is not None), repr(text)
    assert _sniffs_cpp("#pragma once\n  template <typename T>\n", 100)
    assert not _sniffs_cpp("/* a class of functions */\nint f(void);\n", 100)


def test_a_file_of_many_variables_of_one_name_parses_in_linear_time() -> None:
    # Each variable was compared with every other of its name (whether it held one, as
    # `var f = exports.f = ...` does): a generated 2 MB file of `var x = ...;` took minutes,
    # and was skipped as timed out after ten seconds of a worker's time.
    from scanner.budget import time_budget

    text = "var x = 0;\n" * 40_000 + f"/** See {REF}. */\nfunction f() {{}}\n"
    with time_budget(10.0):  # quadratic, this took minutes
        found = owners("javascript", text, "pkg/many.js")
    assert found == [("See", "many.f", "docstring")]
