"""`citegraph check`: each rule at the right line, suppressions, selection, formats, --fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citegraph.cli import run

RULE_CASES = {
    "CG001": "# Implements arXiv:2113.01234.\n",
    "CG002": "# Published as doi:11.1234/abcd.\n",
    "CG004": '# "Deep Residual Learning for Image Recognition", arXiv:1706.03762\n',
    "CG006": "# The textbook, ISBN 978-0-262-03384-9.\n",
    "CG201": "# http://arxiv.org/abs/1706.03762\n",
    "CG202": "# https://arxiv.org/pdf/1706.03762\n",
    "CG203": "# https://arxiv.org/abs/1706.03762v5\n",
}
BIB = (
    "@misc{vaswani2017,\n  title = {Attention Is All You Need},\n  author = {Vaswani, A.},\n"
    "  year = {2017},\n  eprint = {1706.03762},\n  archivePrefix = {arXiv}\n}\n"
)


def project(root: Path, config: str = "", bib: str = BIB) -> Path:
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n' + config)
    (root / "refs.bib").write_text(bib)
    return root


def check(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, out, _ = check_all(root, *args, capsys=capsys)
    return code, out


def check_all(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of `citegraph check ARGS`."""
    old = os.getcwd()
    os.chdir(root)
    try:
        code = run(["check", *args])
    finally:
        os.chdir(old)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_each_rule_is_reported_at_its_line(
    rule: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='select = ["ALL"]\n')
    (root / "mod.py").write_text("import os\n\n" + RULE_CASES[rule] + "x = 1\n")
    code, out = check(root, "mod.py", capsys=capsys)
    rules = [line.split()[1] for line in out.splitlines() if line.startswith("mod.py:")]
    assert code == 1 and rule in rules
    assert all(line.startswith("mod.py:3:") for line in out.splitlines() if "mod.py:" in line)


def test_clean_files_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    (root / "mod.py").write_text('"""Transformer, https://arxiv.org/abs/1706.03762."""\n')
    assert check(root, "mod.py", capsys=capsys) == (0, "")


def test_opt_in_rules_are_off_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p")
    (root / "mod.py").write_text(RULE_CASES["CG203"])
    assert check(root, "mod.py", capsys=capsys)[0] == 0
    code, out = check(root, "mod.py", "--select", "CG2", capsys=capsys)
    assert code == 1 and "CG203" in out


def test_inline_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    (root / "mod.py").write_text(
        "# arXiv:2113.01234  citegraph: ignore[CG001]\n"
        "# doi:11.1234/abcd  citegraph: ignore\n"
        "# arXiv:2113.01234  citegraph: ignore[CG002]\n"
    )
    code, out = check(root, "mod.py", capsys=capsys)
    assert code == 1 and [line.split(":")[1] for line in out.splitlines()[:-1]] == ["3"]


def test_ignore_in_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p", config='ignore = ["CG001"]\n')
    (root / "mod.py").write_text(RULE_CASES["CG001"])
    assert check(root, "mod.py", capsys=capsys)[0] == 0


def test_bibliography_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    (root / "mod.py").write_text("# Adam, arXiv:1412.6980\n")
    code, out = check(root, capsys=capsys)
    assert code == 1
    assert "cites arxiv:1412.6980 but refs.bib does not list it" in out
    assert "refs.bib:1:1: CG005 [*] refs.bib lists 'vaswani2017'" in out
    old = os.getcwd()
    os.chdir(root)
    try:
        assert run(["bib"]) == 0
    finally:
        os.chdir(old)
    assert "1412.6980" in (root / "refs.bib").read_text()
    assert check(root, capsys=capsys)[0] == 0


def test_output_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    (root / "a,b.py").write_text("# arXiv:2113.01234\n")
    code, out = check(root, "a,b.py", "--format", "json", capsys=capsys)
    assert code == 1 and json.loads(out)[0]["rule"] == "CG001"
    code, out = check(root, "a,b.py", "--format", "github", capsys=capsys)
    assert out.startswith("::error file=a%2Cb.py,line=1,col=3,")
    code, out = check(root, "a,b.py", "--format", "codequality", capsys=capsys)
    issue = json.loads(out)[0]
    assert issue["location"] == {"path": "a,b.py", "lines": {"begin": 1}}
    assert issue["check_name"] == "CG001" and len(issue["fingerprint"]) == 32


def test_an_output_file_s_extension_chooses_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a scan's -o does: `check -o findings.sarif` wrote plain text into the .sarif file.
    root = project(tmp_path / "p")
    (root / "a.py").write_text("# arXiv:2113.01234\n")
    for name, parse in {
        "findings.sarif": lambda text: json.loads(text)["runs"][0]["results"][0]["ruleId"],
        "findings.json": lambda text: json.loads(text)[0]["rule"],
        "findings.log": lambda text: text.split()[1],  # no format of its own: text
    }.items():
        assert check(root, "a.py", "-o", name, capsys=capsys)[0] == 1
        assert parse((root / name).read_text()) == "CG001", name
    assert check(root, "a.py", "-o", "findings.json", "-f", "text", capsys=capsys)[0] == 1
    assert (root / "findings.json").read_text().startswith("a.py:1:3: CG001 ")  # -f wins


def test_fix_repairs_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p", config='select = ["CG2"]\n')
    source = root / "mod.py"
    source.write_text("# see http://arxiv.org/abs/1706.03762v5 here\n")
    assert check(root, "mod.py", "--fix", capsys=capsys)[0] == 0  # all fixed
    assert source.read_text() == "# see https://arxiv.org/abs/1706.03762 here\n"
    assert check(root, "mod.py", capsys=capsys)[0] == 0


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "p")
    assert check(root, "--format", "xml", capsys=capsys)[0] == 2


def test_check_does_not_load_the_report_machinery(tmp_path: Path) -> None:
    # The hook runs on every commit: graph and HTML libraries must stay unloaded.
    root = project(tmp_path / "p")
    (root / "mod.py").write_text(RULE_CASES["CG001"])
    probe = (
        "import sys\nfrom citegraph.cli import run\ncode = run(['check', 'mod.py'])\n"
        "print(code, sorted(m for m in ('networkx', 'jinja2') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "1 []", done.stdout + done.stderr


@pytest.mark.parametrize(
    ("args", "config"),
    [
        (("--select", "CG999"), ""),
        (("--ignore", "BOGUS"), ""),
        ((), 'select = ["CG999"]\n'),
        ((), 'ignore = ["CG0", "XX1"]\n'),
    ],
)
def test_unknown_rule_codes_are_usage_errors(
    args: tuple[str, ...], config: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config=config)
    (root / "mod.py").write_text(RULE_CASES["CG001"])
    code, _, error = check_all(root, "mod.py", *args, capsys=capsys)
    assert code == 2
    assert "unknown rule code" in error and "known: ALL, CG001, CG002" in error


def test_known_prefixes_and_all_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='ignore = ["cg2"]\n')
    (root / "mod.py").write_text(RULE_CASES["CG001"])
    assert check(root, "mod.py", "--select", "ALL", "--select", "CG0", capsys=capsys)[0] == 1


def test_codes_may_be_given_as_a_comma_separated_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--select CG001,CG203`, as ruff takes it, was 'unknown rule code'
    root = project(tmp_path / "p")
    (root / "mod.py").write_text(RULE_CASES["CG203"])
    code, out = check(root, "mod.py", "--select", "CG001, CG203", capsys=capsys)
    assert code == 1 and "CG203" in out
    assert check(root, "mod.py", "--select", "CG2,", "--ignore", "CG001,CG203", capsys=capsys) == (
        0,
        "",
    )


def test_a_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p")
    code, _, error = check_all(root, "missing.py", capsys=capsys)
    assert code == 2 and "missing.py" in error


def test_a_directory_checks_the_files_the_walk_finds_under_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='exclude = ["src/vendor/**"]\n')
    (root / "src" / "vendor").mkdir(parents=True)
    (root / "src" / "vendor" / "third.py").write_text(RULE_CASES["CG001"])
    (root / "src" / "model.py").write_text(RULE_CASES["CG001"])
    (root / "other.py").write_text(RULE_CASES["CG002"])
    code, out = check(root, "src", capsys=capsys)
    assert code == 1 and "src/model.py:1:" in out
    assert "vendor" not in out and "other.py" not in out  # excluded, and outside src/
    code, out = check(root, ".", capsys=capsys)  # the root: the whole project, as with no FILES
    assert code == 1 and "src/model.py:1:" in out and "other.py:1:" in out


def test_force_exclude_applies_the_excludes_to_named_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='exclude = ["vendor/**"]\n')
    (root / "vendor").mkdir()
    (root / "vendor" / "third.py").write_text(RULE_CASES["CG001"])
    (root / "node_modules").mkdir()
    (root / "node_modules" / "x.js").write_text("// arXiv:2113.01234\n")
    (root / "mod.py").write_text(RULE_CASES["CG001"])
    assert check(root, "vendor/third.py", capsys=capsys)[0] == 1  # named: checked, like ruff
    assert check(root, "--force-exclude", "vendor/third.py", capsys=capsys) == (0, "")
    assert check(root, "--force-exclude", "node_modules/x.js", capsys=capsys) == (0, "")
    code, out = check(root, "--force-exclude", "vendor/third.py", "mod.py", capsys=capsys)
    assert code == 1 and "vendor" not in out and "mod.py:1:" in out


def test_force_exclude_from_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='exclude = ["vendor/"]\nforce-exclude = true\n')
    (root / "vendor").mkdir()
    (root / "vendor" / "third.py").write_text(RULE_CASES["CG001"])
    assert check(root, "vendor/third.py", capsys=capsys)[0] == 0
    assert check(root, "--no-force-exclude", "vendor/third.py", capsys=capsys)[0] == 1


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("utf-8", b"", "\r"),
        ("latin-1", b"", "\n"),
    ],
)
def test_fix_keeps_line_endings_encoding_and_bom(
    encoding: str, bom: bytes, newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='select = ["CG2"]\n')
    source = root / "mod.py"
    lines = [
        "# -*- coding: latin-1 -*-" if encoding == "latin-1" else "# Café",
        "def f():  ",
        "    # see http://arxiv.org/abs/1706.03762v5 here (Gödel)",
        "    pass\t",
        "",
    ]
    source.write_bytes(bom + newline.join(lines).encode(encoding))
    source.chmod(0o755)
    assert check(root, "mod.py", "--fix", capsys=capsys)[0] == 0
    lines[2] = "    # see https://arxiv.org/abs/1706.03762 here (Gödel)"
    assert source.read_bytes() == bom + newline.join(lines).encode(encoding)
    assert source.stat().st_mode & 0o777 == 0o755


def test_fix_leaves_a_file_it_cannot_write_back_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "p", config='select = ["CG2"]\n')
    source = root / "notes.txt"
    # One stray Latin-1 byte: the scanner reads the file lossily, a rewrite would lose it.
    data = b"caf\xe9 http://arxiv.org/abs/1706.03762\n" + b"plain text\n" * 30
    source.write_bytes(data)
    assert check(root, "notes.txt", "--fix", capsys=capsys)[0] == 1
    assert source.read_bytes() == data


def test_online_check_without_a_network_says_cg003_was_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The test guard refuses every connection, as a machine without a network would.
    root = project(tmp_path / "p", config='ignore = ["CG005"]\n')
    (root / "mod.py").write_text("# arXiv:1412.6980\n")
    code, _, error = check_all(root, "--online", "mod.py", capsys=capsys)
    assert code == 0
    assert "CG003 was not checked for 1 identifier(s)" in error and "arxiv:1412.6980" in error


def test_link_rules_point_at_the_link_inside_a_multi_line_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The citation of an entry spans it (authors, title, then the link): the finding used to
    # span the entry too, so `--fix` (which rewrites one line's span) left it while `[*]`
    # promised a fix, and code scanning marked the authors' line.
    root = project(tmp_path / "p", config='select = ["CG2"]\n')
    source = root / "mod.py"
    source.write_text(
        "def f():\n"
        '    """Sum.\n\n'
        "    References:\n"
        "        [1] Smith, Jones et al.\n"
        "            A synthetic title about sums. 1995.\n"
        "            http://arxiv.org/pdf/quant-ph/9503016v2.pdf\n"
        '    """\n'
    )
    code, out = check(root, "mod.py", capsys=capsys)
    assert code == 1
    assert [line.split(" ")[:2] for line in out.splitlines()[:3]] == [
        ["mod.py:7:13:", "CG201"],
        ["mod.py:7:13:", "CG202"],
        ["mod.py:7:13:", "CG203"],
    ]
    assert check(root, "mod.py", "--fix", capsys=capsys)[0] == 0
    assert "            https://arxiv.org/abs/quant-ph/9503016\n" in source.read_text()
    assert check(root, "mod.py", capsys=capsys)[0] == 0


def test_a_file_given_but_not_read_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A staged file too large to read, or binary, passed in silence: a clean result hid that
    # its malformed identifier was never looked at. A file of no known language stays quiet.
    root = project(tmp_path / "p", config="max-file-size = 64\n")
    (root / "big.py").write_text(RULE_CASES["CG001"] + "x = 1\n" * 20)
    (root / "blob.py").write_bytes(b"\x00\x01" + RULE_CASES["CG001"].encode())
    (root / "notes.yaml").write_text("key: value\n")
    code, out, err = check_all(root, "big.py", "blob.py", "notes.yaml", capsys=capsys)
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "citegraph: warning: big.py not checked: too large (151 bytes > 64; see max-file-size)",
        "citegraph: warning: blob.py not checked: binary (NUL bytes)",
    ]


def test_a_generated_file_given_goes_unnamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Skipped by design, as a file `exclude` covers: a hook named every staged Cython C file on
    # each failing commit, and told to pass `--generated`, which `check` does not take.
    root = project(tmp_path / "p")
    (root / "fast.c").write_text("/* Generated by Cython 3.0.0 */\n" + RULE_CASES["CG001"])
    code, out, err = check_all(root, "fast.c", capsys=capsys)
    assert (code, out, err) == (0, "", "")


def test_quiet_keeps_the_findings_and_says_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As `ruff check -q`: the findings are the output; warnings (a file not read) go unsaid.
    root = project(tmp_path / "p", config="max-file-size = 64\n")
    (root / "big.py").write_text(RULE_CASES["CG001"] + "x = 1\n" * 20)
    (root / "mod.py").write_text(RULE_CASES["CG002"])
    code, out, err = check_all(root, "-q", "big.py", "mod.py", capsys=capsys)
    assert code == 1
    assert out.startswith("mod.py:1:16: CG002 ")
    assert err == ""


@pytest.mark.parametrize(
    ("fmt", "expected"), [("github", "file=pkg/mod.py,"), ("codequality", '"path": "pkg/mod.py"')]
)
def test_annotations_of_a_project_in_a_subdirectory_name_files_from_the_repository_top(
    tmp_path: Path,
    fmt: str,
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A monorepo's package with its own pyproject.toml: GitHub and GitLab place annotations by
    # their path from the repository's top, and `mod.py` alone pointed at no file.
    (tmp_path / ".git").mkdir()
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "pyproject.toml").write_text("[tool.citegraph]\n")
    (package / "mod.py").write_text(RULE_CASES["CG001"])
    monkeypatch.chdir(package)
    assert run(["check", "--format", fmt]) == 1
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize(("name", "empty"), [("check.sarif", None), ("check.json", [])])
def test_an_output_file_is_written_when_no_file_given_is_the_project_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, empty: list | None
) -> None:
    # every file given excluded (or outside the project): `-o check.sarif` was left unwritten,
    # and the CI step uploading it failed on a missing file
    root = project(tmp_path / "p", config='exclude = ["vendor/**"]\n')
    (root / "vendor").mkdir()
    (root / "vendor" / "third.py").write_text(RULE_CASES["CG001"])
    code, _ = check(root, "--force-exclude", "-o", name, "vendor/third.py", capsys=capsys)
    assert code == 0
    written = json.loads((root / name).read_text())
    if empty is not None:
        assert written == empty
    else:
        (run_,) = written["runs"]
        assert run_["results"] == [] and run_["tool"]["driver"]["semanticVersion"] != "0.0.0"


def test_a_file_outside_the_project_is_named_as_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `check ../other/mod.py` from another project exited 0 with nothing said: read as clean
    root = project(tmp_path / "p")
    other = tmp_path / "other" / "mod.py"
    other.parent.mkdir()
    other.write_text(RULE_CASES["CG001"])
    code, out, error = check_all(root, str(other), capsys=capsys)
    assert code == 0 and out == ""
    assert error == (
        f"citegraph: warning: not checked, outside the project at {root}: {other} (pass --root)\n"
    )
    assert check_all(root, "-q", str(other), capsys=capsys) == (0, "", "")
