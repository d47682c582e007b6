"""Index sources: parsing, and unpacking package artifacts safely."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from citegraph.errors import InputError
from citegraph.index.fetch import unpack
from citegraph.index.sources import SourceUnavailable, display_name, parse_source, probe, slug
from citegraph.index.types import SourceKind


@pytest.mark.parametrize(
    ("spec", "kind", "location", "version"),
    [
        ("pypi:SciPy", SourceKind.PYPI, "scipy", None),
        ("pypi:zope.interface==7.0", SourceKind.PYPI, "zope-interface", "7.0"),
        ("npm:d3", SourceKind.NPM, "d3", None),
        ("npm:d3@7.9.0", SourceKind.NPM, "d3", "7.9.0"),
        ("npm:@babel/core@7.1.0", SourceKind.NPM, "@babel/core", "7.1.0"),
        ("npm:@babel/core", SourceKind.NPM, "@babel/core", None),
        (
            "https://github.com/org/repo.git",
            SourceKind.GIT,
            "https://github.com/org/repo.git",
            None,
        ),
        ("git@github.com:org/repo.git", SourceKind.GIT, "git@github.com:org/repo.git", None),
        ("file:///srv/repo", SourceKind.GIT, "file:///srv/repo", None),
        (
            "/dist/pkg-1.0-py3-none-any.whl",
            SourceKind.ARCHIVE,
            "/dist/pkg-1.0-py3-none-any.whl",
            None,
        ),
        ("/dist/pkg-1.0.tar.gz", SourceKind.ARCHIVE, "/dist/pkg-1.0.tar.gz", None),
        ("/dist/pkg-1.0.TGZ", SourceKind.ARCHIVE, "/dist/pkg-1.0.TGZ", None),
        ("/src/pkg-1.0", SourceKind.PATH, "/src/pkg-1.0", None),
    ],
)
def test_source_kinds(spec: str, kind: SourceKind, location: str, version: str | None) -> None:
    source = parse_source(spec)
    assert (source.kind, source.location, source.version) == (kind, location, version)


def test_a_local_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = parse_source("repo")
    assert source.kind is SourceKind.PATH and source.location == str(tmp_path / "repo")


@pytest.mark.parametrize("spec", ["pypi:", "pypi:a b", "pypi:x==1 2", "npm:", "npm:Bad Name"])
def test_malformed_package_sources(spec: str) -> None:
    with pytest.raises(InputError):
        parse_source(spec)


def test_a_directory_named_like_an_archive_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "data.zip").mkdir()
    assert parse_source(str(tmp_path / "data.zip")).kind is SourceKind.PATH


@pytest.mark.parametrize(
    ("file_name", "name"),
    [
        ("scikit_fda-0.10.1-py3-none-any.whl", "scikit_fda-0.10.1"),
        ("gpy-1.15.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl", "gpy-1.15.0"),
        ("pkg-2.0-1-py3-none-any.whl", "pkg-2.0-1"),  # a build tag stays
        ("ml-pls-4.4.1.tgz", "ml-pls-4.4.1"),
        ("pyclustering-0.10.1.2.tar.gz", "pyclustering-0.10.1.2"),
    ],
)
def test_an_archive_is_named_by_its_release(file_name: str, name: str) -> None:
    assert display_name(parse_source(f"/dist/{file_name}")) == name


def test_a_path_that_cannot_be_scanned_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_text("x")
    # the reason follows its source where shown (`failed: SOURCE: REASON`): no path in it
    with pytest.raises(SourceUnavailable, match=r"^not a directory$"):
        probe(parse_source(str(tmp_path / "notes.txt")))
    with pytest.raises(SourceUnavailable, match=r"^no such directory$"):
        probe(parse_source(str(tmp_path / "gone")))
    with pytest.raises(SourceUnavailable, match=r"^no such file$"):
        probe(parse_source(str(tmp_path / "gone-1.0.tar.gz")))
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # chmod 000 stops no one running as root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(SourceUnavailable, match=r"^cannot read the directory: Permission denied$"):
        probe(parse_source(str(locked)))


def test_slugs_are_safe_and_distinct() -> None:
    one, two = slug(parse_source("npm:@a/b")), slug(parse_source("npm:@a/b@1.0"))
    assert one != two and "/" not in one and not one.startswith(".")


def _tar(tmp_path: Path, members: list[tarfile.TarInfo], data: bytes = b"x") -> Path:
    path = tmp_path / "a.tar.gz"
    with tarfile.open(path, "w:gz") as bundle:
        for info in members:
            bundle.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def _file(name: str, size: int = 1) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    return info


def test_tar_members_cannot_leave_the_target(tmp_path: Path) -> None:
    link = tarfile.TarInfo("pkg/link")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    hard = tarfile.TarInfo("pkg/hard")
    hard.type, hard.linkname = tarfile.LNKTYPE, "../../outside"
    device = tarfile.TarInfo("pkg/dev")
    device.type = tarfile.CHRTYPE
    archive = _tar(
        tmp_path,
        [
            _file("../escape.py"),
            _file("/abs.py"),
            _file("pkg/../../up.py"),
            link,
            hard,
            device,
            _file("pkg/ok.py"),
        ],
    )
    target = tmp_path / "out" / "tree"
    target.mkdir(parents=True)
    unpack(archive, target, 10_000)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "pkg",
        "pkg/ok.py",
    ]
    assert not (tmp_path / "escape.py").exists() and not (tmp_path / "out" / "up.py").exists()


def test_zip_members_cannot_leave_the_target(tmp_path: Path) -> None:
    archive = tmp_path / "a.whl"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../escape.py", "x")
        bundle.writestr("C:/windows.py", "x")
        bundle.writestr("pkg/ok.py", "x")
    target = tmp_path / "tree"
    target.mkdir()
    unpack(archive, target, 10_000)
    assert [p.relative_to(target).as_posix() for p in target.rglob("*.py")] == ["pkg/ok.py"]


def test_unpacking_stops_at_the_size_limit_whatever_the_headers_say(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("big.txt", b"0" * 5_000_000)
    target = tmp_path / "tree"
    target.mkdir()
    with pytest.raises(SourceUnavailable, match="size limit"):
        unpack(archive, target, 1_000_000)


def test_a_damaged_artifact_is_reported(tmp_path: Path) -> None:
    archive = tmp_path / "junk.tar.gz"
    archive.write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(SourceUnavailable):
        unpack(archive, tmp_path, 1000)
