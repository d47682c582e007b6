"""Making a source a directory on the worker: shallow git clones and unpacked package artifacts.

Everything lands in the work directory and is reused: a clone is fetched again rather than
cloned, an unpacked release is kept under its version and digest. Archives are unpacked
defensively: no absolute paths, no `..`, no links or devices, and caps on the download and on
the unpacked size (a compression bomb stops at the cap, whatever its headers claim).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from citegraph.index.sources import SourceUnavailable, check_directory, run_git, slug
from citegraph.index.types import Job, SourceKind

_CHUNK = 1 << 20


def materialize(job: Job, deadline: float | None) -> Path:
    """The directory to scan for `job`, fetched into the work directory if need be."""
    source = job.source
    if source.kind is SourceKind.PATH:
        path = Path(source.location)
        try:
            check_directory(path)
        except SourceUnavailable as error:
            raise SourceUnavailable(f"{error} (on the worker)") from error
        return path
    work = Path(job.work_dir)
    if source.kind is SourceKind.GIT:
        return clone(source.location, work / "git" / slug(source), _left(deadline))
    if job.artifact is None:
        raise SourceUnavailable("no artifact to fetch")
    target = work / "packages" / slug(source) / _safe_name(job.revision)
    if (target / ".citegraph-complete").is_file():
        return _single_root(target)
    return unpack_artifact(job, target, deadline)


def _left(deadline: float | None) -> float:
    import time

    return 600.0 if deadline is None else max(1.0, deadline - time.monotonic())


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in text)[:80]


def clone(url: str, target: Path, timeout: float) -> Path:
    """A shallow checkout of `url`'s HEAD at `target`, reusing an earlier clone."""
    if (target / ".git").is_dir():
        try:
            run_git(["fetch", "--depth", "1", "--", "origin", "HEAD"], cwd=target, timeout=timeout)
            run_git(["reset", "--hard", "--quiet", "FETCH_HEAD"], cwd=target, timeout=timeout)
            run_git(["clean", "-fdxq"], cwd=target, timeout=timeout)
            return target
        except SourceUnavailable:
            shutil.rmtree(target, ignore_errors=True)  # a broken clone: start again
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        run_git(
            ["clone", "--quiet", "--depth", "1", "--no-tags", "--", url, str(partial)],
            timeout=timeout,
        )
        shutil.rmtree(target, ignore_errors=True)
        os.replace(partial, target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


def unpack_artifact(job: Job, target: Path, deadline: float | None) -> Path:
    """Download `job.artifact` (or read it, a local archive), check its digest, and unpack it
    at `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fetch-", dir=target.parent) as scratch:
        if job.source.kind is SourceKind.ARCHIVE:
            archive = Path(job.artifact or "")
            if not archive.is_file():
                raise SourceUnavailable("no such file on the worker")
        else:
            archive = Path(scratch) / "artifact"
            _download(job.artifact or "", archive, job.max_download, _left(deadline))
        # a local archive replaced since it was probed is not the revision the index records
        _check_digest(archive, job.digest, local=job.source.kind is SourceKind.ARCHIVE)
        tree = Path(scratch) / "tree"
        tree.mkdir()
        unpack(archive, tree, job.max_unpacked, (job.artifact or "").rsplit("?", 1)[0])
        (tree / ".citegraph-complete").write_text(job.revision, encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tree, target)
    return _single_root(target)


def _single_root(tree: Path) -> Path:
    """An sdist or npm tarball holds one top directory (`pkg-1.0/`, `package/`): scan that."""
    entries = [p for p in tree.iterdir() if p.name != ".citegraph-complete"]
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else tree


def _download(url: str, path: Path, limit: int, timeout: float) -> None:
    import httpx

    try:
        with (
            httpx.Client(timeout=min(timeout, 120.0), follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise SourceUnavailable(f"download failed: HTTP {response.status_code} ({url})")
            declared = response.headers.get("content-length", "")
            if limit and declared.isdigit() and int(declared) > limit:
                raise SourceUnavailable(
                    f"the artifact is {int(declared):,} bytes, over the {limit:,} byte limit"
                )
            written = 0
            with path.open("wb") as out:
                for chunk in response.iter_bytes(_CHUNK):
                    written += len(chunk)
                    if limit and written > limit:
                        raise SourceUnavailable(f"the artifact is over the {limit:,} byte limit")
                    out.write(chunk)
    except httpx.HTTPError as error:
        raise SourceUnavailable(f"download failed: {error}") from error


def _check_digest(path: Path, expected: str | None, local: bool = False) -> None:
    if not expected:
        return
    algorithm, _, value = expected.partition(":")
    hasher = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            hasher.update(chunk)
    if hasher.hexdigest() != value.lower():
        if local:
            raise SourceUnavailable("the file changed while the index ran: run again")
        raise SourceUnavailable(f"the artifact's {algorithm} digest does not match the registry's")


def unpack(archive: Path, target: Path, limit: int, name: str = "") -> None:
    """Unpack a tar (any compression) or zip archive into `target`, regular files and
    directories only, refusing paths that leave `target` and stopping at `limit` bytes."""
    budget = [limit if limit > 0 else -1]  # -1: no limit
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zipped:
            for info in zipped.infolist():
                relative = _member_path(info.filename)
                if relative is None or info.is_dir():
                    continue
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    continue  # a symlink stored in a zip
                with zipped.open(info) as stream:
                    _write(target, relative, stream, budget)
        return
    try:
        bundle = tarfile.open(archive, "r:*")  # noqa: SIM115 (closed below, after the check)
    except tarfile.TarError as error:
        raise SourceUnavailable(
            f"the artifact {name or archive.name} is no tar or zip archive"
        ) from error
    with bundle:
        try:
            for member in bundle:
                relative = _member_path(member.name)
                if relative is None or not member.isfile():
                    continue  # directories are made as needed; links and devices never
                member_stream = bundle.extractfile(member)
                if member_stream is not None:
                    _write(target, relative, member_stream, budget)
        except (tarfile.TarError, EOFError, OSError) as error:
            raise SourceUnavailable(f"the artifact is damaged: {error}") from error


def _member_path(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts or ":" in path.parts[0]:
        return None
    parts = [p for p in path.parts if p not in ("", ".")]
    return PurePosixPath(*parts) if parts else None


def _write(target: Path, relative: PurePosixPath, stream: IO[bytes], budget: list[int]) -> None:
    destination = target.joinpath(*relative.parts)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with destination.open("wb") as out:
        for chunk in _chunks(stream):
            if budget[0] >= 0:
                if len(chunk) > budget[0]:
                    raise SourceUnavailable("the unpacked artifact is over the size limit")
                budget[0] -= len(chunk)
            out.write(chunk)


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    return iter(lambda: stream.read(_CHUNK), b"")
