"""`check` of many named files (`pre-commit run --all-files` names the whole tree) scans them
as a tree scan does, with the scan cache and the worker pool, and finds what the check of the
whole tree finds, file for file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import scanner.scan
from catalog import Paper
from catalog.store import Store
from citegraph.checks.runner import run_check
from citegraph.config import load_config
from scanner.extract import find_hits
from scanner.scan import NAMED_TREE_MIN_FILES

# Each module cites a paper the catalog knows under another title (CG004, which reads the
# files again with their titles), a malformed DOI (CG001) and an identifier of its own that
# no source was asked about.
MODULE = '''"""Window number {n}.

As in "Synthetic Windows Revisited", doi:10.1234/known.title
See also doi:11.1234/broken{n} and arXiv:2101.{n:05d}.
"""


def window_{n}(x):
    return x
'''
COUNT = NAMED_TREE_MIN_FILES + 5  # enough for the tree's machinery, and for its pool


def project(root: Path, jobs: int) -> list[str]:
    """A project of `COUNT` modules; their paths."""
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f"[tool.citegraph]\njobs = {jobs}\n")
    names = [f"pkg/mod{n:03d}.py" for n in range(COUNT)]
    (root / "pkg").mkdir()
    for n, name in enumerate(names):
        (root / name).write_text(MODULE.format(n=n))
    store = Store(Path(os.environ["CITEGRAPH_CATALOG"]))
    try:
        paper = Paper("doi:10.1234/known.title", title="Entirely Different Matters")
        store.save(paper, lookup_keys=["doi:10.1234/known.title"])
    finally:
        store.close()
    return names


def findings(root: Path, files: list[str], findings_only: bool = True) -> list[str]:
    find_hits.cache_clear()
    result = run_check(root, load_config(root), files, findings_only=findings_only)
    return [str(f) for f in result.findings]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("findings_only", [True, False])
def test_many_named_files_find_what_the_whole_tree_finds(
    tmp_path: Path, jobs: int, findings_only: bool
) -> None:
    root = tmp_path / "p"
    names = project(root, jobs)
    tree = findings(root, [])
    # Every file has its findings: a file the named scan dropped would show.
    assert {name for name in names if any(f"path='{name}'" in f for f in tree)} == set(names)
    assert {"CG001", "CG004"} <= {f.split("rule='")[1][:5] for f in tree}
    assert findings(root, names, findings_only) == tree
    assert findings(root, names, findings_only) == tree  # and again, from the cache


def test_many_named_files_are_read_once_then_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "p"
    names = project(root, jobs=1)  # one process: the reads are counted here
    first = findings(root, names)
    read: list[str] = []
    real = scanner.scan.scan_bytes
    monkeypatch.setattr(
        scanner.scan,
        "scan_bytes",
        lambda root, path, *args, **kwargs: read.append(path) or real(root, path, *args, **kwargs),
    )
    assert findings(root, names) == first
    assert read == []  # unchanged files: every result came from the cache
    (root / names[3]).write_text(MODULE.format(n=999))
    changed = findings(root, names)
    assert read == [names[3], names[3]]  # read without titles, then with them (CG004)
    assert len(changed) == len(first)


PROBE = """
import sys
from citegraph.cli import run
code = run(sys.argv[1:])
print("LOADED", code, " ".join(sorted(sys.modules)))
"""


def test_many_named_files_without_titles_leave_the_title_detector_unloaded(
    tmp_path: Path,
) -> None:
    # The catalog knows none of the identifiers: no file is read again with its titles, so
    # the pool's parent prepares its workers without the title detector and its model.
    root = tmp_path / "p"
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.citegraph]\njobs = 2\n")
    names = [f"mod{n:03d}.py" for n in range(COUNT)]
    for n, name in enumerate(names):
        (root / name).write_text(f"# See doi:11.1234/broken{n} and arXiv:2101.{n:05d}.\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--force-exclude", *names],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("LOADED")), "")
    assert line, done.stdout + done.stderr
    _, code, *loaded = line.split()
    assert code == "1"  # the malformed DOIs
    assert {"scanner.cache", "scanner.parallel"} <= set(loaded)  # the tree's machinery
    title_detector = {"scanner.titles.detect", "scanner.titles.tagger", "scanner.titles.vet"}
    assert title_detector.isdisjoint(loaded)


def test_every_file_given_tells_the_lock_s_entries_no_longer_cited(tmp_path: Path) -> None:
    # `pre-commit run --all-files` (as pre-commit.ci runs it) names every file: the lock's
    # entry that nothing cites any more passed, as for a commit's few staged files.
    root = tmp_path / "p"
    names = project(root, jobs=1)
    (root / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n')
    (root / "refs.bib").write_text(
        "@misc{gone,\n  title = {A Synthetic Paper Nothing Cites},\n  eprint = {1412.6980},\n"
        "  archivePrefix = {arXiv}\n}\n"
    )
    stale = "refs.bib lists 'gone', which the code no longer cites"
    assert any(stale in f for f in findings(root, [*names, "pyproject.toml", "refs.bib"]))
    assert not any(stale in f for f in findings(root, names[1:]))  # one file not given


def test_a_small_project_s_every_file_tells_the_lock_s_stale_entries(tmp_path: Path) -> None:
    # `pre-commit run --all-files` of a project of a few modules named fewer files than a tree
    # scan's, and was never taken as the whole project: the stale entry passed
    root = tmp_path / "small"
    (root / "pkg").mkdir(parents=True)
    names = [f"pkg/mod{n}.py" for n in range(5)]
    for n, name in enumerate(names):
        (root / name).write_text(MODULE.format(n=n))
    (root / "pyproject.toml").write_text('[tool.citegraph]\nbibliography = "refs.bib"\n')
    (root / "refs.bib").write_text(
        "@misc{gone,\n  title = {A Synthetic Paper Nothing Cites},\n  eprint = {1412.6980},\n"
        "  archivePrefix = {arXiv}\n}\n"
    )
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C"]
    subprocess.run([*git, str(root), "init", "-q"], check=True)
    subprocess.run([*git, str(root), "add", "-A"], check=True)
    stale = "refs.bib lists 'gone', which the code no longer cites"
    every = [*names, "pyproject.toml", "refs.bib"]
    assert any(stale in f for f in findings(root, every))
    assert not any(stale in f for f in findings(root, names[:2]))  # a commit's staged files
    # A linked worktree's `.git` is a file naming its git directory, where its index is.
    subprocess.run([*git, str(root), "commit", "-qm", "all"], check=True)
    linked = tmp_path / "linked"
    subprocess.run([*git, str(root), "worktree", "add", "-q", str(linked)], check=True)
    assert any(stale in f for f in findings(linked, every))
