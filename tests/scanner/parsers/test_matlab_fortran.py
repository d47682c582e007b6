"""MATLAB/Octave and Fortran: comment syntaxes, help text, names, and the files of other languages
that share their extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.languages import LANGUAGES, foreign_language, language_for
from scanner.parsers.treesitter import TreeSitterParser
from scanner.parsers.tsnames import matlab_module
from scanner.parsers.tsrewrite import fixed_form, octave
from scanner.scan import scan_file
from scanner.types import SourceFile

REF = "arXiv:1706.03762"


def owners(path: str, text: str) -> list[tuple[str, str, str]]:
    """(symbol, its kind, context) of every block holding `REF`; its marker is blanked."""
    language = language_for(path)
    assert language is not None
    source = SourceFile(path, Path(path), language.name, text, path)
    blocks = TreeSitterParser().parse(source).blocks
    found = []
    for block in blocks:
        if REF in block.text:
            assert block.text.lstrip()[:1] not in ("%", "#", "!", "{", "}", ".")
            found.append((block.symbol.name, block.symbol.kind.value, block.context.value))
    return found


@pytest.mark.parametrize(
    "comment",
    [
        f"% {REF}",
        f"%% {REF}",
        f"# {REF}",
        f"## {REF}",
        f"%{{\n{REF}\n%}}",
        f"#{{\n{REF}\n#}}",
    ],
)
def test_matlab_and_octave_comments_are_read_with_their_markers_blanked(comment: str) -> None:
    text = f"x = 1;\n{comment}\ny = 2;\n"
    assert owners("tools/step.m", text) == [("step", "module", "comment")]


def test_a_comment_after_a_continuation_is_read() -> None:
    text = f"w = [1, 2, ...  weights of {REF}\n     3];\n"
    assert owners("w.m", text) == [("w", "module", "comment")]


def test_octave_rewrite_keeps_every_offset() -> None:
    data = b"x = 'a # b'; # note\n  ## doc\nendfunction\n  endif\n"
    rewritten = octave(data)
    assert len(rewritten) == len(data)
    assert rewritten == b"x = 'a # b'; % note\n  %% doc\nend        \n  end  \n"


def test_octave_not_and_default_arguments_read_as_matlab_with_comments_and_strings_kept() -> None:
    data = (
        b"function y = f (x, tol = 1e-6, how = 'a,b', w = [1, 2]) % note = kept!\n"
        b"  if (! isempty (x) && x != 0)  # not! here\n"
        b"    s = 'wow!'; t = x'; u = \"hey!\";\n"
        b"  endif\n%{\nBlock! text\n%}\nv = !w; ... more!\n"
    )
    rewritten = octave(data)
    assert len(rewritten) == len(data)
    assert rewritten == (
        b"function y = f (x, tol       , how        , w         ) % note = kept!\n"
        b"  if (~ isempty (x) && x ~= 0)  % not! here\n"
        b"    s = 'wow!'; t = x'; u = \"hey!\";\n"
        b"  end  \n%{\nBlock! text\n%}\nv = ~w; ... more!\n"
    )
    text = (
        "function y = smooth (x, n = 3)\n"
        f"  ## SMOOTH after Savitzky and Golay, {REF}\n"
        "  if (! isempty (x))\n    y = x;\n  endif\nendfunction\n"
    )
    assert owners("smooth.m", text) == [("smooth", "function", "docstring")]


def test_help_text_documents_the_function_and_the_file_opening_block_the_first_one() -> None:
    text = (
        f"% The block opening the file, {REF}\n\n"
        f"function r = step(x)\n% STEP One step ({REF}).\nr = x;\n% a body comment, {REF}\nend\n"
        f"\nfunction helper()\n  # HELPER after the line, in Octave's syntax: {REF}\nendfunction\n"
    )
    assert owners("+solvers/step.m", text) == [
        ("solvers.step", "function", "docstring"),
        ("solvers.step", "function", "docstring"),
        ("solvers.step", "function", "comment"),
        ("solvers.step.helper", "function", "docstring"),
    ]


def test_octave_help_text_below_the_copyright_notice_documents_the_function() -> None:
    text = (
        "## Copyright (C) 2020 Someone\n##\n## This program is free software.\n\n"
        f"## -*- texinfo -*-\n## @deftypefn {{}} {{@var{{y}} =}} smooth (@var{{x}})\n"
        f"## Reference: Savitzky and Golay, {REF}\n## @end deftypefn\n\n"
        "function y = smooth (x)\n  y = x;\nendfunction\n\n%!assert (smooth (1), 1)\n"
    )
    assert owners("inst/smooth.m", text) == [("smooth", "function", "docstring")]
    script = f"x = 1;\n\n% A comment below code: {REF}\n\nfunction y = f(x)\ny = x;\nend\n"
    assert owners("run.m", script) == [("run", "module", "comment")]


def test_classdef_methods_and_properties() -> None:
    text = (
        "classdef Solver < handle\n"
        f"    % SOLVER help text: {REF}\n"
        "    properties\n"
        f"        % The tolerance of {REF}.\n"
        "        tol = 1e-6\n"
        "    end\n"
        "    methods\n"
        "        function r = solve(obj, A)\n"
        f"            % SOLVE help text: {REF}\n"
        "            r = A;\n"
        "        end\n"
        "    end\n"
        "end\n"
    )
    assert owners("+geom/Solver.m", text) == [
        ("geom.Solver", "class", "docstring"),
        ("geom.Solver.tol", "variable", "docstring"),
        ("geom.Solver.solve", "method", "docstring"),
    ]


@pytest.mark.parametrize(
    ("path", "module"),
    [
        ("hull.m", "hull"),
        ("toolbox/+geom/+mesh/hull.m", "geom.mesh.hull"),
        ("toolbox/+geom/@Polygon/area.m", "geom.Polygon.area"),
        ("@Polygon/area.m", "Polygon.area"),
        ("src/+/odd.m", "odd"),
    ],
)
def test_matlab_module_names(path: str, module: str) -> None:
    assert matlab_module(path) == module


@pytest.mark.parametrize(
    ("head", "foreign"),
    [
        (b"#import <Foundation/Foundation.h>\n@interface A : NSObject\n@end\n", "objective-c"),
        (b'// A class.\n#include "a.h"\n\n@implementation A\n@end\n', "objective-c"),
        (b'(* ::Package:: *)\nBeginPackage["A`"]\n', "mathematica"),
        (b":- module sketch.\n:- interface.\n", "mercury"),
        (b"function r = f(x)\n% #import is prose here; @end too\nr = x;\nend\n", None),
        (b"%% A script\nx = 1; # Octave\n#{\nblock\n#}\n", None),
    ],
)
def test_files_of_other_languages_named_dot_m(head: bytes, foreign: str | None) -> None:
    assert foreign_language(LANGUAGES["matlab"], head) == foreign


def test_an_objective_c_file_is_skipped_as_of_unknown_type(tmp_path: Path) -> None:
    (tmp_path / "Sketch.m").write_text(
        f"#import <Foundation/Foundation.h>\n// see {REF}\n@implementation Sketch\n@end\n",
        encoding="utf-8",
    )
    scan = scan_file(tmp_path, "Sketch.m")
    assert (scan.status.value, scan.language, scan.reason) == ("skipped", None, "unknown file type")


def test_fixed_form_rewrite_keeps_every_offset() -> None:
    data = (
        b"C     A comment\nc     another\n*     LAPACK's\n      X = A +\n     $    B\n"
        b"      CALL F\n 100  CONTINUE\n"
    )
    rewritten = fixed_form(data)
    assert len(rewritten) == len(data)
    assert rewritten == (
        b"!     A comment\n!     another\n!     LAPACK's\n      X = A +&\n         B\n"
        b"      CALL F\n 100  CONTINUE\n"
    )


def test_fixed_form_comments_belong_to_their_subroutine() -> None:
    text = (
        f"*> \\brief DFOO, after {REF}\n"
        "      SUBROUTINE DFOO( N,\n     $                 X )\n"
        f"C     Body: {REF}\n"
        "      INTEGER N\n      END\n"
        f"c     Above DBAR: {REF}\n"
        "      SUBROUTINE DBAR\n      END\n"
    )
    assert owners("lapack/dfoo.f", text) == [
        ("DFOO", "function", "docstring"),
        ("DFOO", "function", "docstring"),
        ("DBAR", "function", "docstring"),
    ]


def test_a_dot_f_file_in_free_form_is_read_as_free_form() -> None:
    text = f"module m\ncontains\n  ! {REF}\n  subroutine s()\n  end subroutine s\nend module m\n"
    assert owners("free.f", text) == [("m::s", "function", "docstring")]


def test_fortran_doxygen_and_ford_blocks() -> None:
    text = (
        f"!> Module doc: {REF}\nmodule m\ncontains\n"
        f"  !> Doxygen above, {REF}\n  !! going on\n  subroutine s(x)\n"
        f"    !! FORD below the line: {REF}\n    real :: x\n"
        f"    x = 1  ! trailing: {REF}\n  end subroutine s\nend module m\n"
    )
    assert owners("m.f90", text) == [
        ("m", "module", "docstring"),
        ("m::s", "function", "docstring"),
        ("m::s", "function", "docstring"),
        ("m::s", "function", "comment"),
    ]


def test_every_fortran_extension_is_known() -> None:
    for name in ("a.f90", "a.F90", "a.f95", "a.f03", "a.f08"):
        assert language_for(name) is LANGUAGES["fortran"]
    for name in ("a.f", "a.F", "a.for", "a.f77", "a.FTN"):
        assert language_for(name) is LANGUAGES["fortran-fixed"]


def test_a_unit_whose_statement_goes_on_over_continuation_lines_owns_its_comments() -> None:
    # ARPACK's headers: the file's opening block, then arguments on continuation lines.
    text = (
        f"c\\BeginDoc\nc  Sorensen, after {REF}\nc\\EndDoc\nc\n"
        "      subroutine dsaupd\n     &   ( ido, bmat, n,\n     &     which )\n"
        f"      integer n\nc     Body: {REF}\n      end\n"
    )
    assert owners("arpack/dsaupd.f", text) == [
        ("dsaupd", "function", "docstring"),
        ("dsaupd", "function", "comment"),
    ]
    crlf = text.replace("\n", "\r\n")
    assert fixed_form(crlf.encode()).count(b"&\r\n") == 2
    assert owners("arpack/dsaupd.f", crlf) == owners("arpack/dsaupd.f", text)
