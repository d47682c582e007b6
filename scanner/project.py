"""Where a project lives: its git work tree, its root, its pyproject.toml, and every git call.

One rule marks a work tree: a directory holding a `.git` entry (a directory, or the file a
linked worktree or submodule has). Looking upwards for anything stops there, so a project's
settings never come from a directory that encloses its repository.
"""

from __future__ import annotations

import os
from pathlib import Path

PYPROJECT = "pyproject.toml"
_NO_PROMPT = {"GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "true"}


def git(cwd: Path | None, *args: str, timeout: float = 120) -> bytes:
    """The standard output of `git -C cwd ARGS` (of `git ARGS` in the current directory when
    `cwd` is None). Git never prompts for credentials: a clone of a private URL fails instead of
    waiting on a terminal.

    Raises `OSError` without git, `subprocess.CalledProcessError` (whose `stderr` says why)
    when git fails, and `subprocess.TimeoutExpired`.
    """
    import subprocess  # imported here: a scan outside a git work tree never starts git

    where = ["-C", str(cwd)] if cwd is not None else []
    return subprocess.run(
        ["git", *where, *args],
        capture_output=True,
        check=True,
        timeout=timeout,
        env={**os.environ, **_NO_PROMPT},
    ).stdout


def work_tree(start: Path) -> Path | None:
    """The git work tree holding `start` (a directory or a file), or None outside one."""
    probe = start.resolve()
    if probe.is_file():
        probe = probe.parent
    while True:
        if (probe / ".git").exists():
            return probe
        if probe.parent == probe:
            return None
        probe = probe.parent


def tracked_file_count(start: Path) -> int | None:
    """How many files git's index lists for the work tree holding `start`, read from the
    index's header (no git process, a 12-byte read); None outside git, before anything was
    added (no index yet) or when unreadable."""
    top = work_tree(start)
    if top is None:
        return None
    dot = top / ".git"
    try:
        if dot.is_file():  # a linked worktree or a submodule: `gitdir: PATH`
            pointer = dot.read_text(encoding="utf-8", errors="replace").strip()
            if not pointer.startswith("gitdir:"):
                return None
            dot = top / pointer.removeprefix("gitdir:").strip()
        with open(dot / "index", "rb") as index:
            header = index.read(12)
    except OSError:
        return None
    if len(header) < 12 or header[:4] != b"DIRC":
        return None
    return int.from_bytes(header[8:12], "big")


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`, not looking past its work tree."""
    probe = start.resolve()
    if probe.is_file():
        probe = probe.parent
    while True:
        candidate = probe / PYPROJECT
        if candidate.is_file():
            return candidate
        if (probe / ".git").exists() or probe.parent == probe:
            return None
        probe = probe.parent


def project_root(start: Path) -> Path:
    """The directory of the nearest pyproject.toml at or above `start` within its work tree;
    else the work tree; else `start` itself."""
    pyproject = find_pyproject(start)
    if pyproject is not None:
        return pyproject.parent
    return work_tree(start) or start.resolve()


def repository_of(root: Path) -> tuple[str, str | None]:
    """A scanned tree's repository name and current commit, or its directory name and None.

    A scan of a subdirectory is named after that directory, not after the whole repository.
    """
    if work_tree(root) is None:
        return root.name, None  # no git to ask: starting it costs more than the warm rescan
    import subprocess

    try:
        out = git(root, "rev-parse", "--show-toplevel", "HEAD", timeout=10)
    except (OSError, subprocess.SubprocessError):
        return root.name, None
    lines = out.decode("utf-8", "replace").split()
    if len(lines) != 2:
        return root.name, None
    top_level = Path(lines[0])
    return (top_level.name if top_level == root else root.name), lines[1]
