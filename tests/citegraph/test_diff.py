"""`citegraph diff`: papers and sites added, removed and moved; text, JSON, Markdown; git revs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import git

from citegraph.cli import run
from citegraph.diffing import Move, ReportDiff, Site, diff_reports
from citegraph.render import render
from citegraph.report import Citation, PaperEntry, Report


def as_format(name: str, diff: ReportDiff) -> str:
    return render(diff, name, kind="diff")


def site(paper: str, symbol: str, path: str, line: int = 1) -> Citation:
    return Citation(
        path=path,
        line=line,
        column=1,
        end_line=line,
        end_column=20,
        symbol=symbol,
        symbol_kind="function",
        language="python",
        context="comment",
        kind="arxiv",
        id=paper,
        version=None,
        raw=paper,
        title_hint=None,
        rule="arxiv",
        confidence=1.0,
        paper=paper,
    )


def report(*citations: Citation, titles: dict[str, str] | None = None) -> Report:
    keys = sorted({c.paper for c in citations})
    papers = tuple(
        PaperEntry(key=k, kind="arxiv", status="resolved", title=(titles or {}).get(k))
        for k in keys
    )
    return Report(root="p", repository="p", papers=papers, citations=citations)


def test_added_removed_and_moved_sites() -> None:
    base = report(
        site("arxiv:1412.6980", "optim.Adam", "optim.py"),
        site("arxiv:1207.0580", "nn.dropout", "nn.py"),
        site("arxiv:1706.03762", "nn.attend", "nn.py", 10),
    )
    head = report(
        site("arxiv:1412.6980", "optim.Adam", "optim.py", 40),  # only the line moved
        site("arxiv:1706.03762", "nn.attend", "layers/attention.py"),
        site("arxiv:1706.03762", "nn.Block", "nn.py"),
        site("arxiv:1607.06450", "nn.norm", "nn.py"),
        titles={"arxiv:1607.06450": "Layer Normalization"},
    )
    diff = diff_reports(base, head)
    assert [p.key for p in diff.added_papers] == ["arxiv:1607.06450"]
    assert [p.key for p in diff.removed_papers] == ["arxiv:1207.0580"]
    assert [(s.paper, s.symbol) for s in diff.added_sites] == [
        ("arxiv:1607.06450", "nn.norm"),
        ("arxiv:1706.03762", "nn.Block"),
    ]
    assert [(s.paper, s.symbol) for s in diff.removed_sites] == [("arxiv:1207.0580", "nn.dropout")]
    assert [(m.old_path, m.new_path) for m in diff.moved_sites] == [
        ("nn.py", "layers/attention.py")
    ]
    assert diff.summary() == "This change starts citing 1 paper and stops citing 1 paper."
    text = as_format("text", diff)
    assert "+ paper arxiv:1607.06450 (Layer Normalization)" in text
    assert "~ nn.attend moved nn.py -> layers/attention.py (arxiv:1706.03762)" in text
    data = json.loads(as_format("json", diff))
    assert data["summary"] == diff.summary() and len(data["added_sites"]) == 2


def test_a_definition_moved_to_another_module_is_a_move() -> None:
    # Its qualified name follows the module: it was one site removed and one added.
    base = report(
        site("arxiv:1412.6980", "pkg.optim.adam_step", "pkg/optim.py", 30),
        site("arxiv:1207.0580", "pkg.optim", "pkg/optim.py", 1),
        site("arxiv:1207.0580", "pkg.nn.Dropout.forward", "pkg/nn.py", 5),
    )
    head = report(
        site("arxiv:1412.6980", "pkg.steps.adam_step", "pkg/steps.py", 3),
        site("arxiv:1207.0580", "pkg.steps", "pkg/steps.py", 1),  # another module's own
        site("arxiv:1207.0580", "pkg.nn.Noise.forward", "pkg/nn.py", 9),  # same file
    )
    diff = diff_reports(base, head)
    assert diff.moved_sites == (
        Move(
            "arxiv:1412.6980",
            "pkg.steps.adam_step",
            "pkg/optim.py",
            "pkg/steps.py",
            old_symbol="pkg.optim.adam_step",
        ),
    )
    assert [s.symbol for s in diff.added_sites] == ["pkg.nn.Noise.forward", "pkg.steps"]
    assert [s.symbol for s in diff.removed_sites] == ["pkg.nn.Dropout.forward", "pkg.optim"]
    assert (
        "~ pkg.steps.adam_step moved pkg/optim.py -> pkg/steps.py (was pkg.optim.adam_step)"
        " (arxiv:1412.6980)"
    ) in as_format("text", diff)
    row = "| moved | pkg/optim.py → pkg/steps.py | pkg.steps.adam\\_step \\(was pkg.optim.adam"
    assert row in as_format("markdown", diff)
    assert json.loads(as_format("json", diff))["moved_sites"][0]["old_symbol"] == (
        "pkg.optim.adam_step"
    )


def test_a_removed_site_shows_its_line_in_the_base() -> None:
    # An added site showed `path:line`, a removed one its path alone: which of a file's
    # citations went was left to the reader's search.
    base = report(site("arxiv:1207.0580", "nn.dropout", "nn.py", 12))
    diff = diff_reports(base, report())
    assert "- nn.py:12 nn.dropout no longer cites arxiv:1207.0580" in as_format("text", diff)
    assert "| removed | nn.py:12 | nn.dropout | arxiv:1207.0580 |" in as_format("markdown", diff)


def test_summary_of_changes_to_papers_already_cited() -> None:
    base = report(site("arxiv:1412.6980", "a.f", "a.py"))
    head = report(site("arxiv:1412.6980", "a.f", "a.py"), site("arxiv:1412.6980", "a.g", "a.py"))
    assert diff_reports(base, head).summary() == (
        "This change changes 1 citation site of papers already cited."
    )
    unchanged = diff_reports(base, base)
    assert unchanged.empty and unchanged.summary().endswith("does not touch any paper citation.")


def test_markdown_escapes_untrusted_text_and_marks_itself_generated() -> None:
    head = report(
        site("arxiv:1607.06450", "f|<script>", "a.py"),
        titles={"arxiv:1607.06450": "Layer *Normalization* [x](javascript:y)"},
    )
    markdown = as_format("markdown", diff_reports(report(), head))
    assert markdown.startswith("<!-- generated by citegraph")
    assert "<script>" not in markdown and "f\\|" in markdown
    assert "\\*Normalization\\*" in markdown and "\\[x\\]" in markdown
    assert markdown.count("\n| ") == 2  # header and one row: the pipe did not split the table


def in_dir(root: Path, *args: str) -> int:
    old = os.getcwd()
    os.chdir(root)
    try:
        return run(list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "optim.py").write_text('class Adam:\n    """Kingma & Ba, arXiv:1412.6980."""\n')
    (root / "old.py").write_text("# Dropout: arXiv:1207.0580\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    (root / "old.py").unlink()
    (root / "attention.py").write_text("def attend():\n    # arXiv:1706.03762\n    pass\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "head")
    return root


def test_diff_between_git_revisions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in data["added_papers"]] == ["arxiv:1706.03762"]
    assert [p["key"] for p in data["removed_papers"]] == ["arxiv:1207.0580"]
    assert data["added_sites"][0]["symbol"] == "attention.attend"


def test_an_output_file_s_extension_chooses_the_format(repo: Path, tmp_path: Path) -> None:
    # As a scan's -o does: `diff -o diff.md` wrote plain text, not the pull-request comment.
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "-o", str(tmp_path / "diff.md")) == 0
    assert (tmp_path / "diff.md").read_text().startswith("<!-- generated by citegraph diff -->")
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "-o", str(tmp_path / "diff.json")) == 0
    assert json.loads((tmp_path / "diff.json").read_text())["added_papers"]


def test_diff_against_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "optim.py").write_text("class Adam:\n    pass\n")
    assert in_dir(repo, "diff", "HEAD") == 0
    out = capsys.readouterr().out
    assert out.startswith("This change stops citing 1 paper.")
    assert "- paper arxiv:1412.6980" in out


def test_diff_of_saved_scans(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head_scan = tmp_path / "head.json"
    assert in_dir(repo, "scan", ".", "-q", "-o", f"json:{head_scan}") == 0
    (repo / "attention.py").unlink()
    base_scan = tmp_path / "base.json"
    assert in_dir(repo, "scan", ".", "-q", "-o", f"json:{base_scan}") == 0
    capsys.readouterr()
    assert in_dir(repo, "diff", str(base_scan), str(head_scan), "-f", "markdown") == 0
    assert "starts citing 1 paper" in capsys.readouterr().out


def test_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert in_dir(repo, "diff", "no-such-rev") == 2
    assert "cannot read revision 'no-such-rev'" in capsys.readouterr().err
    # A saved scan's path mistyped was 'cannot read revision ...: Not a valid object name'.
    assert in_dir(repo, "diff", "base-scan.json", "HEAD") == 2
    err = capsys.readouterr().err
    assert err == (
        "citegraph: error: base-scan.json: no such file (a saved scan), nor a revision of that"
        " name\n"
    )


def test_a_file_that_is_no_saved_scan_is_named_as_such(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "scan.json"
    assert in_dir(repo, "scan", ".", "-q", "-o", f"json:{scan}") == 0
    page = tmp_path / "papers.html"
    page.write_text("<html></html>\n")
    capsys.readouterr()
    assert in_dir(repo, "diff", str(scan), str(page)) == 2
    err = capsys.readouterr().err
    assert "papers.html: not a readable JSON scan" in err and "revision" not in err


def test_a_committed_symlink_out_of_the_tree_is_left_out_of_a_revision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # git archive carries the links as committed; extracting one to an absolute path or out
    # of the tree raised tarfile's AbsoluteLinkError, an internal error of the whole diff
    (repo / "abs").symlink_to("/usr/share")
    (repo / "up").symlink_to("../../elsewhere")
    (repo / "extra.py").write_text("# arXiv:1512.03385\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "links")
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in data["added_papers"]] == ["arxiv:1512.03385"]


def test_a_revision_missing_from_a_shallow_clone_says_why(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # actions/checkout fetches one commit; 'not a valid object name' alone reads like a typo
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    assert in_dir(clone, "diff", "HEAD~1") == 2
    err = capsys.readouterr().err
    assert "cannot read revision 'HEAD~1'" in err and "this clone is shallow" in err
    assert in_dir(repo, "diff", "no-such-rev") == 2
    assert "shallow" not in capsys.readouterr().err


@pytest.mark.parametrize("format_name", ["text", "markdown"])
def test_control_and_bidi_characters_of_the_code_are_escaped(format_name: str) -> None:
    # a right-to-left override in a title reached the pull-request comment as it was
    title = "Bidi \u202etxt.exe title \x1b[31m"
    paper = PaperEntry("arxiv:2101.00002", "arxiv", "offline", title_hint=title)
    diff = ReportDiff(
        (paper,),
        (),
        (Site("arxiv:2101.00002", "mod\u202e.f", "mod.py", 3),),
        (),
        (Move("arxiv:2101.00002", "f", "old\n.py", "new.py"),),
    )
    out = render(diff, format_name, kind="diff")
    assert "\u202e" not in out and "\x1b" not in out
    assert "Bidi \\u202etxt.exe" in out.replace("\\\\", "\\")
    assert "old\\x0a.py" in out.replace("\\\\", "\\")
    assert json.loads(render(diff, "json", kind="diff"))["added_papers"][0]["title_hint"] == title


def test_a_range_reads_as_git_reads_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 'diff main...feature' (as in git diff, and CI's origin/main...HEAD) was a git error
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "bloom.py").write_text("# doi:10.1145/362686.362692\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "feature")
    git(repo, "checkout", "-q", "-")
    (repo / "resnet.py").write_text("# arXiv:1512.03385\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "main moves on")
    main = git(repo, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
    assert in_dir(repo, "diff", f"{main}...feature", "-f", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in data["added_papers"]] == ["doi:10.1145/362686.362692"]
    assert data["removed_papers"] == []  # main's own change is not the feature's
    assert in_dir(repo, "diff", f"{main}..feature", "-f", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in data["removed_papers"]] == ["arxiv:1512.03385"]
    assert in_dir(repo, "diff", "HEAD~1..") == 0
    assert "starts citing 1 paper" in capsys.readouterr().out
    assert in_dir(repo, "diff", "nope...feature") == 2
    assert "cannot read revision 'nope...feature'" in capsys.readouterr().err


def test_a_pull_request_comment_fits_githubs_limit() -> None:
    # 164 KB for a change adding 1,000 papers: GitHub refuses a comment over 65,536 characters
    papers = tuple(
        PaperEntry(f"arxiv:2101.{n:05d}", "arxiv", "offline", title_hint=f"Title number {n}")
        for n in range(3000)
    )
    sites = tuple(Site(p.key, f"mod{n}.f", f"mod{n}.py", 3) for n, p in enumerate(papers))
    out = render(ReportDiff(papers, (), sites, (), ()), "markdown", kind="diff")
    assert len(out) <= 65_536
    assert out.rstrip().endswith(
        "papers and 3000 of 3000 citation sites are not shown; `citegraph diff -f json` lists"
        " them all._"
    )
    small = render(ReportDiff(papers[:3], (), sites[:3], (), ()), "markdown", kind="diff")
    assert "not shown" not in small and small.count("| added |") == 3


def test_a_past_revisions_invalid_configuration_warns_and_uses_todays(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the typo, fixed since, stopped every diff against that revision, naming a temporary path
    (repo / "pyproject.toml").write_text('[tool.citegraph]\nexlude = ["x"]\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "typo")
    (repo / "pyproject.toml").write_text('[tool.citegraph]\nexclude = ["x"]\n')
    (repo / "extra.py").write_text("# arXiv:1512.03385\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "fixed")
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "-f", "json") == 0
    out = capsys.readouterr()
    assert [p["key"] for p in json.loads(out.out)["added_papers"]] == ["arxiv:1512.03385"]
    assert "HEAD~1:pyproject.toml: unknown key 'exlude'" in out.err
    assert "citegraph-diff-" not in out.err
    assert in_dir(repo, "diff", "HEAD", "HEAD~1") == 0  # either side


def test_files_git_archive_would_leave_out_are_in_the_revision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # export-ignore (a tests/ folder) left the revision without them: the diff against the
    # working tree said the change started citing their papers
    (repo / ".gitattributes").write_text("tests/ export-ignore\nnotes.md export-subst\n")
    (repo / "tests").mkdir()
    (repo / "tests" / "t.py").write_text("# arXiv:1512.03385\n")
    (repo / "notes.md").write_text("$Format:%H$ cites arXiv:1301.3781\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "attributes")
    assert in_dir(repo, "diff", "HEAD") == 0
    assert capsys.readouterr().out.startswith("This change does not touch any paper citation.")
    assert in_dir(repo, "diff", "HEAD~1", "HEAD", "-f", "json") == 0
    added = json.loads(capsys.readouterr().out)["added_papers"]
    assert sorted(p["key"] for p in added) == ["arxiv:1301.3781", "arxiv:1512.03385"]
