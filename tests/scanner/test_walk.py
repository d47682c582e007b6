"""Choosing files: git listing, .gitignore walk, default excludes, globs and symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import git

from scanner.options import ScanOptions
from scanner.walk import is_excluded, iter_candidates


def write(root: Path, rel: str, text: str = "x = 1\n") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def listed(root: Path, options: ScanOptions | None = None) -> dict[str, str | None]:
    return {c.path: c.skip for c in iter_candidates(root, options or ScanOptions())}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path, "pkg/mod.py")
    write(tmp_path, "pkg/ignored.py")
    write(tmp_path, "pkg/sub/deep.cpp")
    write(tmp_path, "node_modules/lib/index.js")
    write(tmp_path, "build/gen.py")
    write(tmp_path, "env/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "env/lib/site.py")
    write(tmp_path, ".gitignore", "ignored.py\n*.log\n")
    write(tmp_path, "pkg/sub/.gitignore", "deep.cpp\n")
    write(tmp_path, "trace.log")
    return tmp_path


def test_walk_honours_nested_gitignore_and_default_excludes(tree: Path) -> None:
    assert sorted(listed(tree)) == [".gitignore", "build/", "pkg/mod.py", "pkg/sub/.gitignore"]


def test_the_walk_never_enters_excluded_directories(tree: Path, monkeypatch) -> None:
    # A vendored node_modules or a virtual environment can hold more files than the project.
    import scanner.walk

    entered: list[str] = []
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        entered.append(os.path.relpath(path, tree))
        return real(path)

    monkeypatch.setattr(scanner.walk.os, "scandir", scandir)
    assert sorted(listed(tree)) == [".gitignore", "build/", "pkg/mod.py", "pkg/sub/.gitignore"]
    assert sorted(entered) == [".", "env", "pkg", "pkg/sub"]  # env: to find its pyvenv.cfg
    entered.clear()
    assert "env/lib/site.py" in listed(tree, ScanOptions(default_excludes=False))
    assert "node_modules/lib" in entered


def test_git_listing_includes_untracked_but_not_ignored(tree: Path) -> None:
    git(tree, "init", "-q")
    git(tree, "add", "pkg/mod.py")
    git(tree, "commit", "-q", "-m", "one")
    write(tree, "pkg/new.py")
    paths = listed(tree)
    assert "pkg/mod.py" in paths and "pkg/new.py" in paths
    assert "pkg/ignored.py" not in paths and "trace.log" not in paths
    assert "pkg/sub/deep.cpp" not in paths
    assert not any(
        p.startswith(("node_modules/", "build/", "env/")) for p in paths if p != "build/"
    )


def test_a_work_tree_git_refuses_is_walked_and_said_so(
    tree: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A worktree whose repository moved (or a CI checkout git calls of "dubious ownership"):
    # the walk stands in, and the user hears why the revision and git's listing are missing.
    (tree / ".git").write_text("gitdir: /nonexistent/repo/.git/worktrees/gone\n")
    paths = listed(tree)
    assert "pkg/mod.py" in paths and "pkg/ignored.py" not in paths  # .gitignore still honoured
    [record] = [r for r in caplog.records if r.name == "scanner.walk"]
    assert record.levelname == "WARNING"
    assert "git cannot list the files of" in record.message
    assert "not a git repository" in record.message and "walking the directory" in record.message


@pytest.mark.parametrize("in_git", [False, True])
def test_build_output_left_out_is_listed_as_skipped(tmp_path: Path, in_git: bool) -> None:
    # An unpacked npm package's code is all in dist/: a scan that reads nothing says why.
    write(tmp_path, "package/package.json", "{}")
    write(tmp_path, "package/dist/index.js", "// see arXiv:1706.03762\n")
    write(tmp_path, "package/dist/esm/index.js", "// see arXiv:1706.03762\n")
    write(tmp_path, "node_modules/dep/index.js")
    write(tmp_path, "target/debug/build.rs")
    write(tmp_path, ".gitignore", "*.log\n")  # a source tree, not a release
    if in_git:
        git(tmp_path, "init", "-q")
        git(tmp_path, "add", "-f", ".")
        git(tmp_path, "commit", "-q", "-m", "one")
    paths = listed(tmp_path)
    skipped = {p: why for p, why in paths.items() if why and p.endswith("/")}
    assert sorted(skipped) == ["package/dist/", "target/"]
    assert all("--no-default-excludes" in why for why in skipped.values())
    assert not any(
        p.startswith(("package/dist/", "node_modules/", "target/")) and p not in skipped
        for p in paths
    )
    everything = listed(tmp_path, ScanOptions(default_excludes=False))
    assert everything["package/dist/esm/index.js"] is None and "package/dist/" not in everything


def test_include_and_exclude_globs(tree: Path) -> None:
    only_py = listed(tree, ScanOptions(include=("*.py",)))
    assert list(only_py) == ["pkg/mod.py"]
    assert "pkg/mod.py" not in listed(tree, ScanOptions(exclude=("pkg/",)))


def test_default_excludes_can_be_turned_off(tree: Path) -> None:
    assert "node_modules/lib/index.js" in listed(tree, ScanOptions(default_excludes=False))


def test_symlinks_are_never_followed_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, "secret.py")
    root = tmp_path / "root"
    write(root, "real.py")
    (root / "link_out.py").symlink_to(outside / "secret.py")
    (root / "link_in.py").symlink_to(root / "real.py")
    (root / "dir_out").symlink_to(outside, target_is_directory=True)
    (root / "dangling.py").symlink_to(root / "missing.py")
    paths = listed(root)
    assert paths["real.py"] is None
    assert paths["link_out.py"] == "symlink points outside the scan root"
    assert paths["link_in.py"] is not None and "real.py" in paths["link_in.py"]
    assert paths["dangling.py"] == "broken symlink"
    assert not any(p.startswith("dir_out/") for p in paths)


def test_every_entry_comes_out_with_what_it_is(tmp_path: Path) -> None:
    write(tmp_path, "ok.py")
    write(tmp_path, "data/real.py")
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "dlink").symlink_to(tmp_path / "data", target_is_directory=True)
    (tmp_path / "loop_a").symlink_to(tmp_path / "loop_b")
    (tmp_path / "loop_b").symlink_to(tmp_path / "loop_a")
    bad_name = os.fsdecode(b"x\xff.py")
    write(tmp_path, bad_name)
    paths = listed(tmp_path)
    assert paths["ok.py"] is None and paths["data/real.py"] is None
    assert paths[bad_name] is None  # kept as surrogate escapes: the exact bytes open again
    assert paths["pipe.py"] == "not a regular file (FIFO)"
    assert paths["dlink"] == "directory symlink to data (not followed)"
    assert paths["loop_a"] == paths["loop_b"] == "symlink loop"


def test_an_unreadable_directory_is_listed_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "ok.py")
    write(tmp_path, "locked/inner.py")
    write(tmp_path, "locked/.gitignore", "*.log\n")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert listed(tmp_path) == {"locked/": "unreadable directory: Permission denied", "ok.py": None}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_a_really_unreadable_directory_does_not_stop_the_walk(tmp_path: Path) -> None:
    write(tmp_path, "ok.py")
    write(tmp_path, "locked/inner.py")
    (tmp_path / "locked").chmod(0)
    try:
        assert listed(tmp_path)["locked/"].startswith("unreadable directory")
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_git_deleted_unreadable_and_submodule_entries_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "keep.py")
    write(tmp_path, "gone.py")
    write(tmp_path, "secret/hidden.py")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    # A submodule as git records it: a gitlink entry in the index.
    git(tmp_path, "update-index", "--add", "--cacheinfo", "160000", "a" * 40, "vendor/lib")
    git(tmp_path, "commit", "-q", "-m", "one")
    (tmp_path / "gone.py").unlink()
    real_lstat = os.lstat

    def lstat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("secret/hidden.py"):
            raise PermissionError(13, "Permission denied")
        return real_lstat(path, *args, **kwargs)

    (tmp_path / "secret" / "hidden.py").rename(tmp_path / "secret" / "moved")
    monkeypatch.setattr(os, "lstat", lstat)
    paths = listed(tmp_path)
    assert paths["keep.py"] is None
    assert paths["gone.py"] == "deleted (tracked by git, not in the work tree)"
    assert paths["secret/hidden.py"] == "unreadable: Permission denied"
    assert paths["vendor/lib"].startswith("git submodule")


def test_a_release_outside_git_is_read_with_its_build_output(tmp_path: Path) -> None:
    # No git, no .gitignore at the top: an unpacked wheel, sdist or npm package ships its
    # code in dist/ or build/; tools' and dependencies' directories stay out.
    write(tmp_path, "package/package.json", "{}")
    write(tmp_path, "package/dist/index.js", "// see arXiv:1706.03762\n")
    write(tmp_path, "package/node_modules/dep/index.js")
    paths = listed(tmp_path)
    assert paths["package/dist/index.js"] is None
    assert not any(p.startswith("package/node_modules/") for p in paths)


def test_a_hook_agrees_with_the_walk_on_a_releases_build_output(tmp_path: Path) -> None:
    # `check --force-exclude FILE` asks `is_excluded`: it must leave out what the walk does
    write(tmp_path, "package/dist/index.js", "// see arXiv:1706.03762\n")
    write(tmp_path, "package/node_modules/dep/index.js")
    assert not is_excluded(tmp_path, "package/dist/index.js", ScanOptions())
    assert is_excluded(tmp_path, "package/node_modules/dep/index.js", ScanOptions())
    write(tmp_path, ".gitignore", "*.log\n")  # a source tree: its build output is left out
    assert is_excluded(tmp_path, "package/dist/index.js", ScanOptions())


def test_a_gitignore_line_pathspec_cannot_read_is_left_out(tmp_path: Path) -> None:
    # git reads `[z-a]`, a lone `!` and a trailing backslash without complaint; the walk
    # crashed on them with re.error (an internal error of the whole scan)
    # (and lines it reads as no pattern, `[open` and comments, stay what they are to git)
    write(tmp_path, ".gitignore", "[z-a]\n!\nfoo\\\n[open\n# note\n*.log\n")
    write(tmp_path, "mod.py")
    write(tmp_path, "run.log")
    assert sorted(listed(tmp_path)) == [".gitignore", "mod.py"]


def test_a_gitignore_with_a_byte_order_mark_ignores_its_first_pattern_too(tmp_path: Path) -> None:
    # as git does; the mark made the first line '\ufeff*.log', which matched nothing
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbf*.log\n")
    write(tmp_path, "mod.py")
    write(tmp_path, "run.log")
    assert sorted(listed(tmp_path)) == [".gitignore", "mod.py"]
