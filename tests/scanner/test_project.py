"""One rule for where a project is: the `.git` entry bounds every upward search."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner.project import find_pyproject, git, project_root, repository_of, work_tree


def test_work_tree_is_the_nearest_directory_with_a_git_entry(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "repo" / "src" / "pkg" / "mod.py").write_text("")
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / ".git").write_text("gitdir: elsewhere\n")  # a worktree or submodule
    assert work_tree(tmp_path / "repo" / "src" / "pkg") == (tmp_path / "repo").resolve()
    assert work_tree(tmp_path / "repo" / "src" / "pkg" / "mod.py") == (tmp_path / "repo").resolve()
    assert work_tree(tmp_path / "linked") == (tmp_path / "linked").resolve()


def test_project_root_prefers_the_nearest_pyproject_inside_the_work_tree(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")  # outside the repository: not ours
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub" / "deep").mkdir(parents=True)
    assert project_root(repo / "sub" / "deep") == repo.resolve()
    assert find_pyproject(repo / "sub" / "deep") is None
    (repo / "sub" / "pyproject.toml").write_text("")
    assert project_root(repo / "sub" / "deep") == (repo / "sub").resolve()
    assert find_pyproject(repo / "sub" / "deep") == (repo / "sub" / "pyproject.toml").resolve()


def test_outside_a_work_tree_the_start_is_the_root(tmp_path: Path) -> None:
    start = tmp_path / "a" / "b"
    start.mkdir(parents=True)
    if work_tree(tmp_path) is not None:
        pytest.skip(f"the temporary directory lies inside a git work tree ({work_tree(tmp_path)})")
    assert project_root(start) == start.resolve()
    assert repository_of(start) == ("b", None)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_repository_of_names_the_scanned_directory_and_its_commit(tmp_path: Path) -> None:
    repo = tmp_path / "proj"
    (repo / "sub").mkdir(parents=True)
    (repo / "sub" / "a.txt").write_text("a\n")
    env = ("-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, *env, "commit", "-q", "-m", "one")
    head = git(repo, "rev-parse", "HEAD").decode().strip()
    assert repository_of(repo.resolve()) == ("proj", head)
    assert repository_of((repo / "sub").resolve()) == ("sub", head)
