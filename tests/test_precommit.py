"""The real pre-commit tool runs the hook from this repository on a staged file, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import git

REPO = Path(__file__).resolve().parent.parent


def commit(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`git commit` in `project`, which runs the installed pre-commit hook."""
    identity = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    return subprocess.run(
        ["git", "commit", "-m", "cite"],
        cwd=project,
        env={**env, **identity},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_manifest_declares_the_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    check = hooks["citegraph-check"]
    assert check["entry"] == "citegraph check --force-exclude" and check["language"] == "python"
    assert check["types"] == ["text"] and check["require_serial"] is True


def offline_env(tmp_path: Path) -> dict[str, str]:
    """pre-commit installs the hook from the local wheelhouse, never from an index."""
    wheelhouse = os.environ.get("CITEGRAPH_WHEELHOUSE", str(REPO / ".ci" / "wheelhouse"))
    if not Path(wheelhouse).is_dir():
        pytest.fail(f"no wheelhouse at {wheelhouse}: .ci/run builds it (pip wheel -w)")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": wheelhouse,
        "CITEGRAPH_CATALOG": str(tmp_path / "catalog.sqlite3"),
    }


def snapshot(tmp_path: Path) -> tuple[Path, str]:
    """The hook repository: this checkout as committed, plus any uncommitted change."""
    hook_repo = tmp_path / "hook-repo"
    subprocess.run(["git", "clone", "-q", str(REPO), str(hook_repo)], check=True)
    for changed in git(REPO, "ls-files", "-m", "-o", "--exclude-standard").stdout.split():
        target = hook_repo / changed
        if (REPO / changed).is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / changed, target)
    git(hook_repo, "add", "-A")
    git(hook_repo, "commit", "-q", "-m", "snapshot", check=False)
    return hook_repo, git(hook_repo, "rev-parse", "HEAD").stdout.strip()


# The pre-commit of this interpreter (a test dependency), on PATH or not.
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


@pytest.mark.slow
def test_try_repo_skips_what_the_project_excludes_and_fails_on_a_malformed_id(
    tmp_path: Path,
) -> None:
    env = offline_env(tmp_path)
    hook_repo, rev = snapshot(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    (project / "pyproject.toml").write_text('[tool.citegraph]\nexclude = ["vendor/**"]\n')
    (project / "vendor").mkdir()
    (project / "vendor" / "third.py").write_text("# Upstream's typo: arXiv:2113.01234\n")
    git(project, "add", "-A")

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(hook_repo), "citegraph-check", "--ref", rev],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    excluded = try_repo()
    assert excluded.returncode == 0, excluded.stdout + excluded.stderr
    assert "Passed" in excluded.stdout

    (project / "model.py").write_text('"""Transformer.\n\nSee arXiv:2113.01234.\n"""\n')
    git(project, "add", "-A")
    refused = try_repo()
    output = refused.stdout + refused.stderr
    assert refused.returncode == 1, output
    assert "model.py:3:5: CG001 month 13 does not exist" in output
    assert "vendor/third.py" not in output


@pytest.mark.slow
def test_commit_is_refused_until_the_citation_is_fixed(tmp_path: Path) -> None:
    env = offline_env(tmp_path)
    hook_repo, rev = snapshot(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    (project / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(
            {"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "citegraph-check"}]}]}
        )
    )
    (project / "model.py").write_text('"""Transformer.\n\nSee arXiv:2113.01234.\n"""\n')
    subprocess.run([*PRE_COMMIT, "install"], cwd=project, check=True, env=env, capture_output=True)
    git(project, "add", "-A")
    refused = commit(project, env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "model.py:3:5: CG001 month 13 does not exist" in output

    (project / "model.py").write_text('"""Transformer.\n\nSee arXiv:2112.01234.\n"""\n')
    git(project, "add", "-A")
    accepted = commit(project, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
