"""The index's vocabulary: sources, scan jobs, per-repository results and outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from scanner import FileScan


class SourceKind(str, Enum):
    """Where a repository comes from."""

    PATH = "path"  # a directory on a file system the workers share
    GIT = "git"  # a git URL, cloned shallow into the work directory
    PYPI = "pypi"  # a PyPI release artifact (sdist, else a wheel)
    NPM = "npm"  # an npm package tarball
    ARCHIVE = "archive"  # a release artifact on a file system the workers share (a wheel)


@dataclass(frozen=True, slots=True)
class Source:
    """One SOURCE argument, parsed. `spec` is what the user wrote (normalized); `location` the
    path, URL or package name; `version` the requested version, if any."""

    spec: str
    kind: SourceKind
    location: str
    version: str | None = None
    # Directories inside a local source that the index itself writes (its DIR, its work
    # directory), as POSIX paths relative to it: neither a change nor code of the source.
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Job:
    """One repository to scan, as sent to a worker: where to get it and what it is expected to
    be. `artifact`, `digest` describe a package file (URL or local path, and
    `algorithm:hex`)."""

    source: Source
    revision: str
    name: str
    work_dir: str
    options: tuple[tuple[str, object], ...] = ()
    timeout: float | None = None
    artifact: str | None = None
    digest: str | None = None
    max_download: int = 0
    max_unpacked: int = 0


@dataclass(frozen=True, slots=True)
class RepoScan:
    """What a worker sends back: the repository's file scans (the mentions in them) and where
    they came from. Resolution happens later, in the client, for all repositories at once."""

    spec: str
    name: str
    revision: str
    root: str
    scans: tuple[FileScan, ...]
    seconds: float
    scanner: str  # the scanner fingerprint the worker ran


class Status(str, Enum):
    """How one repository ended up in this run."""

    SCANNED = "scanned"
    UNCHANGED = "unchanged"  # stored result reused: same revision, scanner and options
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One repository's line in the index: its status, and why it failed if it did."""

    spec: str
    name: str
    status: Status
    revision: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
