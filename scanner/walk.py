"""Choosing the files to scan: git's view of the tree when there is one, else a careful walk.

Inside a git work tree the candidates are the tracked files plus untracked files that are not
ignored (`git ls-files -co --exclude-standard`); elsewhere a walk that honours every
`.gitignore` on the way down. Either way default tool/build directories and the user's
exclude globs are dropped, and symlinks are never followed out of the root.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scanner.options import DEFAULT_EXCLUDED_DIRS, ScanOptions

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file the walk chose, or refused with a reason (`skip`)."""

    path: str  # relative to the root, `/`-separated
    skip: str | None = None


def iter_candidates(root: Path, options: ScanOptions) -> Iterator[Candidate]:
    """Yield the files under `root` to consider, sorted by path."""
    root = root.resolve()
    listed = _git_listing(root)
    entries = listed if listed is not None else dict(_walk(root))
    include = _spec(options.include) if options.include else None
    exclude = _spec(options.exclude) if options.exclude else None
    venv_dirs: dict[str, bool] = {}
    for rel in sorted(entries):
        if options.default_excludes and _in_excluded_dir(root, rel, venv_dirs):
            continue
        if exclude is not None and exclude.match_file(rel):
            continue
        if include is not None and not include.match_file(rel):
            continue
        # Only symlinks need a look at the disk: the listings already know which files are.
        yield _check_link(root, rel) if entries[rel] else Candidate(rel)


def is_excluded(root: Path, rel: str, options: ScanOptions) -> bool:
    """Whether the walk of `root` would leave out `rel` by the excludes alone (the `exclude`
    globs and the tool, dependency and build directories), e.g. for a file a pre-commit hook
    names explicitly."""
    if options.default_excludes and _in_excluded_dir(root.resolve(), rel, {}):
        return True
    return bool(options.exclude) and _spec(options.exclude).match_file(rel)


def _spec(lines: Iterable[str]) -> GitIgnoreSpec:
    # pathspec costs a fifth of a warm rescan's imports, and trees without .gitignore files
    # or include/exclude globs never need it.
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _git(root: Path, *args: str) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, check=True, timeout=120
    ).stdout
    return [os.fsdecode(raw) for raw in out.split(b"\0") if raw]


def _git_listing(root: Path) -> dict[str, bool] | None:
    """Tracked plus untracked-but-not-ignored files, each with whether it is a symlink; None
    outside a git work tree."""
    if not _inside_git_work_tree(root):
        return None
    try:
        staged = _git(root, "ls-files", "-z", "-s")
        untracked = _git(root, "ls-files", "-z", "-o", "--exclude-standard")
        # Files git knows of but the work tree no longer has.
        deleted = set(_git(root, "ls-files", "-z", "-d"))
    except (OSError, subprocess.SubprocessError):
        return None
    entries: dict[str, bool] = {}
    for line in staged:
        meta, _, path = line.partition("\t")
        if path and path not in deleted:
            entries[path] = meta.startswith("120000")  # git's mode for a symlink
    for path in untracked:
        entries[path] = os.path.islink(root / path)
    return entries


def _inside_git_work_tree(root: Path) -> bool:
    probe = root
    while True:
        if (probe / ".git").exists():
            return True
        if probe.parent == probe:
            return False
        probe = probe.parent


def _walk(root: Path) -> Iterator[tuple[str, bool]]:
    """A walk outside git: honours nested .gitignore files, never follows directory links.
    Yields `(path, is_symlink)`; scandir knows both without a stat per file."""
    stack: list[tuple[str, list[tuple[str, GitIgnoreSpec]]]] = [("", [])]
    while stack:
        rel_dir, inherited = stack.pop()
        directory = root / rel_dir if rel_dir else root
        specs = list(inherited)
        ignore_file = directory / ".gitignore"
        if ignore_file.is_file():
            try:
                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
                specs.append((rel_dir, _spec(lines)))
            except OSError:
                pass
        try:
            with os.scandir(directory) as listing:
                children = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in children:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.is_dir(follow_symlinks=False):
                if not _ignored(specs, rel + "/"):
                    stack.append((rel, specs))
            elif not _ignored(specs, rel):
                yield rel, entry.is_symlink()


def _ignored(specs: list[tuple[str, GitIgnoreSpec]], rel: str) -> bool:
    for base, spec in specs:
        local = rel[len(base) + 1 :] if base else rel
        if spec.match_file(local):
            return True
    return False


def _in_excluded_dir(root: Path, rel: str, excluded: dict[str, bool]) -> bool:
    """Whether a file lies in a tool, dependency or build directory. Answers are cached per
    directory, because a tree has far more files than directories."""
    slash = rel.rfind("/")
    return slash > 0 and _excluded_directory(root, rel[:slash], excluded)


def _excluded_directory(root: Path, directory: str, excluded: dict[str, bool]) -> bool:
    known = excluded.get(directory)
    if known is not None:
        return known
    slash = directory.rfind("/")
    name = directory[slash + 1 :]
    answer = (
        (slash > 0 and _excluded_directory(root, directory[:slash], excluded))
        or name in DEFAULT_EXCLUDED_DIRS
        or name.endswith(".egg-info")
        # A virtual environment under any name is recognised by its marker file.
        or (root / directory / "pyvenv.cfg").is_file()
    )
    excluded[directory] = answer
    return answer


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
