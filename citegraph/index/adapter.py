"""The index's one adapter to the scan pipeline and the catalog.

Workers scan with `run_scan` (no resolution) and keep the file scans; the client resolves the
references of every repository at once through `open_resolver` (one catalog, one process
writing it) and assembles each repository's report with `run_scan` over the stored scans.
Everything the index needs from those APIs goes through this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from catalog import Reference, Resolution
from citegraph.config import Config, load_config
from citegraph.index.types import RepoScan
from citegraph.report import Report
from scanner import FileScan


def scanner_fingerprint() -> str:
    """Identifies the scanner's code and version: a change to either rescans everything."""
    return _scanner_digest()


@cache
def _scanner_digest() -> str:
    # The scanner's own files (code, queries, the title model): an edit in an editable
    # install counts as a new scanner, as it does for the per-file scan cache.
    import scanner
    from citegraph import __version__

    package = Path(scanner.__file__).resolve().parent
    hasher = hashlib.blake2b(__version__.encode(), digest_size=10)
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".scm", ".crfsuite"} and "__pycache__" not in path.parts:
            hasher.update(path.relative_to(package).as_posix().encode())
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


class _Recorder:
    """A scan observer that keeps every file scan and lets the caller stop the scan."""

    def __init__(self, on_file: Callable[[FileScan], None]) -> None:
        self.scans: list[FileScan] = []
        self._on_file = on_file

    def on_file(self, scan: FileScan) -> None:
        self.scans.append(scan)
        self._on_file(scan)

    def on_total(self, total: int) -> None:
        """The index counts repositories, not files."""

    def on_warning(self, message: str) -> None:
        """Warnings of the scan itself (none without resolution) are not the index's."""


def scan_tree(
    root: Path, overrides: dict[str, Any], on_file: Callable[[FileScan], None]
) -> tuple[FileScan, ...]:
    """Scan one repository in this process, without resolving: its file scans, in path order.
    The repository's own `[tool.citegraph]` applies; `on_file` may raise to stop early."""
    # One task per repository is the unit of parallelism: no process pool inside a task.
    config = load_config(root, {**overrides, "jobs": 1, "resolve": False})
    recorder = _Recorder(on_file)
    from citegraph.pipeline import run_scan

    run_scan(root, config, observer=recorder)
    return tuple(recorder.scans)


class _Answers:
    """A resolver for `run_scan` that records the references asked and answers from a batch
    resolved beforehand."""

    def __init__(self, resolutions: dict[str, Resolution] | None = None) -> None:
        self.asked: list[Reference] = []
        self.resolutions = resolutions or {}

    def resolve(
        self, references: Sequence[Reference], warn: Callable[[str], None]
    ) -> dict[str, Resolution]:
        self.asked.extend(references)
        return self.resolutions


def build_reports(
    repos: Sequence[RepoScan], config: Config, warn: Callable[[str], None]
) -> list[Report]:
    """Each repository's report, resolved through the catalog in one batch for all of them."""
    from citegraph.pipeline import run_scan

    collect = replace(config, resolve=True)
    capture = _Answers()
    for repo in repos:
        run_scan(Path(repo.root), collect, scans=repo.scans, resolver=capture)
    answers = _Answers()
    if capture.asked:
        from citegraph.resolution import open_resolver

        with open_resolver(config) as resolver:
            if resolver is not None:
                answers = _Answers(resolver.resolve(capture.asked, warn))
    reports = []
    for repo in repos:
        report = run_scan(Path(repo.root), collect, scans=repo.scans, resolver=answers)
        reports.append(replace(report, repository=repo.name, revision=repo.revision))
    return reports


def client_config(directory: Path, overrides: dict[str, Any]) -> Config:
    """The settings of the client's side (catalog, offline, title confidence)."""
    return load_config(directory, overrides)
