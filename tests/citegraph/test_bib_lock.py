"""`citegraph bib` keeps a lock file stable: no churn when up to date, one entry per change."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest

from citegraph.bibliography import lock_findings, write_lock
from citegraph.cli import run
from citegraph.config import load_config
from citegraph.report import PaperEntry, Report

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"

# Hand-written: a header, tabs, a field order and keys of the author's choosing, a comment
# between entries, a trailing comma, an @string.
LOCK = """% Papers of the project.\r
% Keep this header.\r
\r
@string{acm = {ACM}}\r
\r
@Article{Resnet,\r
\ttitle={Deep Residual Learning for Image Recognition},\r
\tdoi={10.1109/CVPR.2016.90},\r
}\r
\r
% Optimizers\r
@misc{adam,   url = {https://arxiv.org/abs/1412.6980v9}, title = {Adam} }\r
\r
@misc{word2vec,\r
  eprint = {1301.3781},\r
}\r
"""
RESNET = PaperEntry(
    "doi:10.1109/cvpr.2016.90", "doi", "resolved", ids={"doi": "10.1109/cvpr.2016.90"}
)
ADAM = PaperEntry("arxiv:1412.6980", "arxiv", "resolved", ids={"arxiv": "1412.6980"})
WORD2VEC = PaperEntry("arxiv:1301.3781", "arxiv", "unresolved")
NEW = PaperEntry(
    "doi:10.1145/362686.362692",
    "doi",
    "resolved",
    title="Space/Time Trade-offs in Hash Coding with Allowable Errors",
    authors=("Burton H. Bloom",),
    year=1970,
    venue="Communications of the ACM",
    ids={"doi": "10.1145/362686.362692"},
)


def lock(tmp_path: Path, text: str = LOCK, name: str = "refs.bib") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def report(*papers: PaperEntry) -> Report:
    return Report(root="p", repository="p", papers=papers)


def test_an_up_to_date_lock_is_returned_byte_for_byte(tmp_path: Path) -> None:
    path = lock(tmp_path)
    assert write_lock(report(ADAM, WORD2VEC, RESNET), path) == LOCK


def test_a_new_paper_adds_only_its_entry(tmp_path: Path) -> None:
    path = lock(tmp_path)
    text = write_lock(report(RESNET, ADAM, WORD2VEC, NEW), path)
    assert text.startswith(LOCK)
    added = text[len(LOCK) :]
    assert added.startswith("\r\n@article{bloom1970space,\r\n  title = {Space/Time")
    assert "journal = {Communications of the ACM}" in added
    assert not bibtexparser.parse_string(text).failed_blocks


def test_a_paper_no_longer_cited_removes_only_its_entry(tmp_path: Path) -> None:
    path = lock(tmp_path)
    text = write_lock(report(RESNET, WORD2VEC), path)
    assert text == LOCK.replace(
        "@misc{adam,   url = {https://arxiv.org/abs/1412.6980v9}, title = {Adam} }\r\n\r\n", ""
    )
    last_gone = write_lock(report(RESNET, ADAM), path)
    assert last_gone == LOCK[: LOCK.index("\r\n\r\n@misc{word2vec")] + "\r\n"


def test_new_keys_never_collide_with_the_authors_keys(tmp_path: Path) -> None:
    path = lock(tmp_path, "@misc{bloom1970space,\n  title = {Something else},\n}\n")
    other = PaperEntry("arxiv:1111.1111", "arxiv", "resolved", title="Something else")
    text = write_lock(report(other, NEW), path)
    keys = [e.key for e in bibtexparser.parse_string(text).entries]
    assert keys == ["bloom1970space", "bloom1970spacea"]


def test_markdown_lock_is_kept_too(tmp_path: Path) -> None:
    text = "# Our references\n\nIntro text.\n\n- Adam. arXiv:1412.6980\n"
    text += "- Old one. arXiv:1301.3781\n"
    path = lock(tmp_path, text, "refs.md")
    updated = write_lock(report(ADAM, NEW), path)
    assert updated.startswith("# Our references\n\nIntro text.\n\n- Adam. arXiv:1412.6980\n")
    assert "1301.3781" not in updated
    assert updated.endswith("Burton H. Bloom (1970). doi:10.1145/362686.362692\n")


def test_bib_on_the_example_project_changes_nothing(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    shutil.copytree(DEMO, demo)
    (demo / ".git").mkdir()
    before = (demo / "references.bib").read_bytes()
    old = os.getcwd()
    os.chdir(demo)
    try:
        assert run(["bib"]) == 0
        assert run(["check"]) == 0
    finally:
        os.chdir(old)
    assert (demo / "references.bib").read_bytes() == before


@pytest.mark.parametrize(
    ("source", "cut"),
    [("web/src/sampling.ts", "vitter1985random"), ("hll/hll/hll.go", "flajolet2007hyperloglog")],
)
def test_example_lock_loses_exactly_the_entry_no_longer_cited(
    tmp_path: Path, source: str, cut: str
) -> None:
    demo = tmp_path / "demo"
    shutil.copytree(DEMO, demo)
    (demo / ".git").mkdir()
    bib = (demo / "references.bib").read_text()
    (entry,) = [e for e in bibtexparser.parse_string(bib).entries if e.key == cut]
    (demo / source).unlink()
    old = os.getcwd()
    os.chdir(demo)
    try:
        assert run(["bib"]) == 0
        assert run(["check"]) == 0
    finally:
        os.chdir(old)
    after = (demo / "references.bib").read_text()
    expected = bib.replace(entry.raw + "\n\n", "")
    if expected == bib:  # the last entry: the blank line before it goes with it
        expected = bib.replace("\n\n" + entry.raw, "")
    assert after == expected != bib


def test_a_lock_that_is_not_utf8_is_an_error_not_a_rewrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n')
    (tmp_path / "mod.py").write_text("# arXiv:1412.6980\n")
    data = b"@misc{x,\n  title = {Caf\xe9},\n}\n"
    (tmp_path / "refs.bib").write_bytes(data)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert run(["bib", "--root", str(tmp_path)]) == 2
    finally:
        os.chdir(old)
    assert "cannot update the bibliography" in capsys.readouterr().err
    assert (tmp_path / "refs.bib").read_bytes() == data


@pytest.mark.parametrize("name", ["refs.bib", "refs.md"])
def test_a_lock_of_works_without_identifier_or_title_settles(tmp_path: Path, name: str) -> None:
    # `Clauset (2007)` and a cite label have only a made key: the lock written for them must
    # list them, or every `bib` appended them again and `check` reported CG005 forever.
    clauset = PaperEntry(
        "author-year:clauset-2007",
        "author-year",
        "unresolved-title",
        authors=("Clauset",),
        year=2007,
    )
    label = PaperEntry("author-year:text:hyv2000", "author-year", "unresolved-title")
    path = tmp_path / name
    first = write_lock(report(clauset, label, ADAM), path)
    path.write_text(first, encoding="utf-8")
    assert write_lock(report(clauset, label, ADAM), path) == first
    root = tmp_path
    config = replace(load_config(root), bibliography=name)
    assert lock_findings(root, config, report(clauset, label, ADAM)) == []


def test_a_markdown_item_names_a_work_by_what_is_known_of_it_once(tmp_path: Path) -> None:
    # The key stood in for a missing title: `author-year:brox-2004. Brox (2004).
    # author-year:brox-2004`, and an arXiv id offline was written twice.
    brox = PaperEntry(
        "author-year:brox-2004", "author-year", "unresolved-title", authors=("Brox",), year=2004
    )
    label = PaperEntry("author-year:text:hyv2000", "author-year", "unresolved-title")
    arxiv = PaperEntry("arxiv:1706.03762", "arxiv", "offline", ids={"arxiv": "1706.03762"})
    path = tmp_path / "refs.md"
    text = write_lock(report(brox, label, arxiv), path)
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert items == [
        "- arxiv:1706.03762",
        "- Brox (2004). author-year:brox-2004",
        "- author-year:text:hyv2000",
    ]
    path.write_text(text, encoding="utf-8")
    assert write_lock(report(brox, label, arxiv), path) == text  # and it settles


def test_a_hand_written_entry_lists_the_authors_and_year_the_code_cites(tmp_path: Path) -> None:
    path = lock(tmp_path, "@article{c,\n  author = {Clauset, Aaron},\n  year = {2007},\n}\n")
    cited = PaperEntry("author-year:clauset-2007", "author-year", "unresolved-title")
    assert write_lock(report(cited), path) == path.read_text()


def test_check_says_a_bibliography_that_is_a_directory_is_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "docs"\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "mod.py").write_text("# arXiv:1412.6980\n")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert run(["check", "--root", str(tmp_path)]) == 2
    finally:
        os.chdir(old)
    err = capsys.readouterr().err
    assert "bibliography 'docs': it is a directory" in err and "does not exist" not in err
