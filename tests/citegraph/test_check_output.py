"""`citegraph check` output formats, from hand-built findings: escaping and limits."""

from __future__ import annotations

import json

from citegraph.checks.selection import selected
from citegraph.checks.suppress import suppressed_codes
from citegraph.config import Config
from citegraph.render import render
from citegraph.render.findings import GITHUB_ANNOTATIONS_PER_LEVEL
from citegraph.report import Finding, Report


def as_format(name: str, findings: tuple[Finding, ...]) -> str:
    return render(Report(root="p", repository="p", findings=findings), name, kind="findings")


def finding(
    line: int,
    level: str = "error",
    message: str = "bad id",
    path: str = "a.py",
    rule: str = "CG001",
) -> Finding:
    return Finding(rule, level, message, path, line, 3, line, 9)


def test_github_annotations_escape_data_and_properties() -> None:
    out = as_format(
        "github", (finding(2, message="100% wrong\r\nnext: line", path="dir:x/a,b.py"),)
    )
    first = out.splitlines()[0]
    assert first == (
        "::error file=dir%3Ax/a%2Cb.py,line=2,col=3,endLine=2,endColumn=9,"
        "title=citegraph CG001::100%25 wrong%0D%0Anext: line"
    )


def test_github_annotations_are_capped_per_level_and_the_rest_printed() -> None:
    findings = (
        *(finding(n) for n in range(1, 15)),
        finding(20, "warning", rule="CG003"),
        finding(21, "note", rule="CG201"),
    )
    out = as_format("github", findings)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert sum(a.startswith("::error ") for a in annotations) == GITHUB_ANNOTATIONS_PER_LEVEL
    assert sum(a.startswith("::warning ") for a in annotations) == 1
    assert sum(a.startswith("::notice ") for a in annotations) == 1
    # Every finding, annotated or not, is still in the plain-text log, fenced off from the
    # runner's command parser.
    assert "a.py:14:3: CG001 bad id" in out
    assert out.splitlines()[-3].endswith("(CG001 x14, CG003 x1, CG201 x1).")
    assert out.splitlines()[-2] == "[*] 1 fixable with `citegraph check --fix`."


def test_github_output_cannot_be_injected_through_a_file_name() -> None:
    # A file name with a newline, or starting with `::`, must not start a workflow command.
    hostile = ("x\n::error file=evil.py::pwned.py", "::warning::pwned.py", "a\x1b]0;t\x07\u202e.py")
    out = as_format("github", tuple(finding(1, path=p) for p in hostile))
    lines = out.splitlines()
    annotations = [line for line in lines if line.startswith("::") and " file=" in line]
    assert len(annotations) == 3 and all(line.startswith("::error file=") for line in annotations)
    assert all(line.count("::") == 2 for line in annotations)  # `::error props::message`
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].split("::")[2]
    assert lines[-1] == f"::{token}::" and token not in "\n".join(lines[start + 1 : -1])
    # Everything between the fences is one line per finding, with nothing raw in it.
    fenced = lines[start + 1 : -1]
    assert len(fenced) == 4 and "\\x1b" in fenced[2] and "\\u202e" in fenced[2]
    assert all(ch.isprintable() for line in lines for ch in line)


def test_text_is_empty_without_findings() -> None:
    assert as_format("text", ()) == ""
    assert (
        as_format("text", (finding(1),)) == "a.py:1:3: CG001 bad id\nFound 1 problem (CG001 x1).\n"
    )


def test_code_quality_fingerprints_are_unique_and_stable() -> None:
    issues = json.loads(as_format("codequality", (finding(1), finding(5))))
    assert len({i["fingerprint"] for i in issues}) == 2
    moved = json.loads(as_format("codequality", (finding(7), finding(9))))
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert issues[0]["severity"] == "major" and issues[0]["description"] == "CG001 bad id"


def test_selection_prefixes_all_and_opt_in() -> None:
    assert selected("CG001", Config()) and not selected("CG201", Config())
    assert selected("CG201", Config(select=("CG2",))) and not selected(
        "CG001", Config(select=("CG2",))
    )
    assert selected("CG203", Config(select=("ALL",)))
    assert not selected("CG003", Config(select=("ALL",), ignore=("CG003",)))
    assert selected("CG003", Config(select=("cg0",)))  # codes are case-insensitive


def test_suppression_markers() -> None:
    assert suppressed_codes("x = 1  # arXiv:1706.03762") is None
    assert suppressed_codes("# citegraph: ignore") == frozenset()
    assert suppressed_codes("# citegraph:ignore[cg003, CG201]") == {"CG003", "CG201"}
