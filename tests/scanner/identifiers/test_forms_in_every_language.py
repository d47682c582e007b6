"""The link forms of issue #15 items 5 and 8, and the paper-link lessons, written in the comment
syntax of every supported language: each gives the same references as plain text does, and the
prefilter lets every file through."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.languages import LANGUAGES
from scanner.prefilter import may_cite
from scanner.scan import scan_file

# One reference per paragraph (a blank comment line between them keeps each its own entry).
LINES = [
    "The residual net: [10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90).",
    "",
    "The optimizer: [https://arxiv.org/abs/1412.6980](https://arxiv.org/abs/1412.6980).",
    "",
    "The unwinder: doi:10.1145/3360572 (https://doi.org/10.1145/3360572).",
    "",
    "Without a scheme: dx.doi.org/10.1109/5.771073 is one.",
    "",
    "Cut by a bracket (see https://doi.org/10.1002/andp.19053220806)/notes.",
    "",
    "A dotted registrant: doi:10.1000.10/123456",
    "",
    "An old id with a dash: Phys. hep-ph-9711200",
    "",
    "Working paper: http://www.bepress.com/deptstats/paper42/",
    "",
    "SIAM J. Matrix Anal., 1997, https://doi.org/10.1137/S0895479893251472T.",
    "",
    "Not papers: the guide https://www.example.net/files/UserManual_v2.pdf and",
    "the course notes https://www.example.edu/astro/Stat310_0910/notes_mle.pdf",
]
EXPECTED = [
    "doi:10.1109/cvpr.2016.90",
    "arxiv:1412.6980",
    "doi:10.1145/3360572",
    "doi:10.1109/5.771073",
    "doi:10.1002/andp.19053220806",
    "doi:10.1000.10/123456",
    "arxiv:hep-ph/9711200",
    "url:https://bepress.com/deptstats/paper42",
    "doi:10.1137/s0895479893251472",
]


def _comment(language: str, lines: list[str]) -> str:
    """`lines` as a comment (or docstring, or prose) of `language`, above a declaration."""
    if language in ("python", "cython"):
        body = "\n".join(f"    {line}" if line else "" for line in lines)
        return f'def f(x):\n    """Forms.\n\n{body}\n    """\n    return x\n'
    if language in ("markdown", "rst", "text"):
        return "Forms\n\n" + "\n".join(lines) + "\n"
    if language == "rust":
        return "\n".join(f"/// {line}".rstrip() for line in lines) + "\npub fn f() {}\n"
    if language == "go":
        comment = "\n".join(f"// {line}".rstrip() for line in lines)
        return f"package p\n\n{comment}\nfunc F() {{}}\n"
    if language == "matlab":
        help_text = "\n".join(f"% {line}".rstrip() for line in lines)
        return f"function r = f(x)\n{help_text}\nr = x;\nend\n"
    if language == "fortran":
        doc = "\n".join(f"!> {line}".rstrip() for line in lines)
        return f"{doc}\nsubroutine f(x)\nend subroutine f\n"
    if language == "fortran-fixed":
        doc = "\n".join(f"C     {line}".rstrip() for line in lines)
        return f"      SUBROUTINE F(X)\n{doc}\n      END\n"
    body = "\n".join(f" * {line}".rstrip() for line in lines)
    declaration = {
        "java": "class F { void f() {} }",
        "javascript": "export function f() {}",
        "typescript": "export function f(): void {}",
        "tsx": "export function f(): void {}",
    }.get(language, "void f(void);")
    return f"/**\n{body}\n */\n{declaration}\n"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_link_forms_in_every_language(language: str, tmp_path: Path) -> None:
    extension = LANGUAGES[language].extensions[0]
    source = _comment(language, LINES)
    (tmp_path / f"forms{extension}").write_text(source, encoding="utf-8")
    assert may_cite(source.encode())
    scan = scan_file(tmp_path, f"forms{extension}")
    found = [m.ref.key for m in scan.mentions if m.ref is not None and m.kind.value != "title"]
    assert found == EXPECTED, source
