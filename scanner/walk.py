"""Choosing the files to scan: git's view of the tree when there is one, else a careful walk.

Inside a git work tree the candidates are the tracked files plus untracked files that are not
ignored (`git ls-files -co --exclude-standard`); elsewhere a walk that honours every
`.gitignore` on the way down. Either way default tool/build directories and the user's
exclude globs are dropped, and symlinks are never followed out of the root.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from scanner.options import DEFAULT_EXCLUDED_DIRS, ScanOptions


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file the walk chose, or refused with a reason (`skip`)."""

    path: str  # relative to the root, `/`-separated
    skip: str | None = None


def iter_candidates(root: Path, options: ScanOptions) -> Iterator[Candidate]:
    """Yield the files under `root` to consider, sorted by path."""
    root = root.resolve()
    listed = _git_listing(root)
    paths = listed if listed is not None else _walk(root)
    include = GitIgnoreSpec.from_lines(options.include) if options.include else None
    exclude = GitIgnoreSpec.from_lines(options.exclude) if options.exclude else None
    venv_dirs: dict[str, bool] = {}
    for rel in sorted(paths):
        if options.default_excludes and _in_excluded_dir(root, rel, venv_dirs):
            continue
        if exclude is not None and exclude.match_file(rel):
            continue
        if include is not None and not include.match_file(rel):
            continue
        yield _check_link(root, rel)


def _git_listing(root: Path) -> list[str] | None:
    """Tracked plus untracked-but-not-ignored files, or None outside a git work tree."""
    if not _inside_git_work_tree(root):
        return None
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "-co", "--exclude-standard"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    seen: set[str] = set()
    for raw in out.split(b"\0"):
        if raw:
            seen.add(os.fsdecode(raw))
    # ls-files lists files git knows of even if a work tree checkout removed them.
    return [p for p in seen if os.path.lexists(root / p)]


def _inside_git_work_tree(root: Path) -> bool:
    probe = root
    while True:
        if (probe / ".git").exists():
            return True
        if probe.parent == probe:
            return False
        probe = probe.parent


def _walk(root: Path) -> Iterator[str]:
    """A walk outside git: honours nested .gitignore files, never follows directory links."""
    specs: list[tuple[str, GitIgnoreSpec]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        specs = [(base, spec) for base, spec in specs if _is_within(rel_dir, base)]
        ignore_file = Path(dirpath) / ".gitignore"
        if ignore_file.is_file():
            try:
                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
                specs.append((rel_dir, GitIgnoreSpec.from_lines(lines)))
            except OSError:
                pass
        kept = []
        for name in sorted(dirnames):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if not _ignored(specs, rel + "/"):
                kept.append(name)
        dirnames[:] = kept
        for name in filenames:
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if not _ignored(specs, rel):
                yield rel


def _is_within(rel_dir: str, base: str) -> bool:
    return base == "" or rel_dir == base or rel_dir.startswith(base + "/")


def _ignored(specs: list[tuple[str, GitIgnoreSpec]], rel: str) -> bool:
    for base, spec in specs:
        local = rel[len(base) + 1 :] if base else rel
        if spec.match_file(local):
            return True
    return False


def _in_excluded_dir(root: Path, rel: str, venv_dirs: dict[str, bool]) -> bool:
    parts = rel.split("/")[:-1]
    for i, part in enumerate(parts):
        if part in DEFAULT_EXCLUDED_DIRS or part.endswith(".egg-info"):
            return True
        # A virtual environment under any name is recognised by its marker file; the answer is
        # cached per directory because a tree has far more files than directories.
        prefix = "/".join(parts[: i + 1])
        if prefix not in venv_dirs:
            venv_dirs[prefix] = (root / prefix / "pyvenv.cfg").is_file()
        if venv_dirs[prefix]:
            return True
    return False


def _check_link(root: Path, rel: str) -> Candidate:
    path = root / rel
    if not path.is_symlink():
        return Candidate(rel)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Candidate(rel, skip="broken symlink")
    if not target.is_relative_to(root):
        return Candidate(rel, skip="symlink points outside the scan root")
    return Candidate(rel, skip=f"symlink to {target.relative_to(root).as_posix()} (read there)")
