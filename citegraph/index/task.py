"""The Dask task: fetch one repository on the worker, scan it, send back its file scans."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from citegraph.index.types import Job, RepoScan, SourceKind
from scanner import git

EVENT_TOPIC = "citegraph-index"
# a package's published files
_RELEASES = frozenset({SourceKind.PYPI, SourceKind.NPM, SourceKind.ARCHIVE})


class RepoTimeout(Exception):
    """The repository took longer than `--timeout`."""


def scan_repository(job: Job) -> RepoScan:
    """Run one job; raises with a readable message when the repository cannot be scanned."""
    from citegraph.index.adapter import scan_tree, scanner_fingerprint
    from citegraph.index.fetch import materialize

    started = time.monotonic()
    deadline = started + job.timeout if job.timeout else None
    _announce(job.source.spec)

    def check(_scan: object) -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise RepoTimeout(f"timed out after {job.timeout:g} s")

    root = materialize(job, deadline)
    check(None)
    overrides = dict(job.options)
    if job.source.ignore:  # the index's own directories inside a local source
        globs = tuple(f"/{rel}/" for rel in job.source.ignore)
        given: tuple[str, ...] = tuple(overrides.get("exclude") or ())  # type: ignore[arg-type]
        overrides["exclude"] = (*given, *globs)
    if job.source.kind in _RELEASES:
        # A release holds what its authors ship: an npm package's code is in `dist/` or
        # `build/`, which a repository's scan leaves out as build output.
        overrides.setdefault("default_excludes", False)
    scans = scan_tree(root, overrides, check)
    revision = _checked_out(root) if job.source.kind is SourceKind.GIT else None
    return RepoScan(
        spec=job.source.spec,
        name=job.name,
        revision=revision or job.revision,
        root=str(root),
        scans=scans,
        seconds=time.monotonic() - started,
        scanner=scanner_fingerprint(),
    )


def _announce(spec: str) -> None:
    """Tell the client the task has started (for progress and the time-out backstop)."""
    try:
        from distributed import get_worker

        get_worker().log_event(EVENT_TOPIC, {"spec": spec, "started": time.time()})
    except (ImportError, ValueError):  # run outside a Dask worker (tests, a plain call)
        pass


def _checked_out(root: Path) -> str | None:
    try:
        out = git(root, "rev-parse", "HEAD", timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.decode("utf-8", "replace").strip() or None
