"""Running `citegraph check`: the scan of the given files, then selection and suppressions.

The findings come from the same scan as `citegraph scan` (malformed identifiers, unresolved
identifiers, title mismatches), plus opt-in style rules and the bibliography lock. Resolution
uses the local catalog only unless `online` is asked for, so a pre-commit hook never waits on
the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from citegraph.checks.selection import selected
from citegraph.checks.style import style_findings
from citegraph.checks.suppress import split_suppressed
from citegraph.config import Config
from citegraph.pipeline import run_scan
from citegraph.report import Finding, Report
from scanner import FileScan, scan_file

__all__ = ["CheckResult", "run_check"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The report of the checked files and the findings that survived selection."""

    report: Report
    findings: tuple[Finding, ...]


def run_check(
    root: Path,
    config: Config,
    files: Iterable[str] = (),
    *,
    online: bool = False,
    resolve: bool = True,
) -> CheckResult:
    """Check `files` (paths relative to `root`), or the whole tree when none are given."""
    from citegraph.bibliography import lock_findings, scan_config
    from citegraph.resolution import open_resolver

    scans: Iterable[FileScan] | None = None
    paths = sorted(set(files))
    if paths:
        options = config.scan_options()
        scans = [scan_file(root, path, options) for path in paths if (root / path).is_file()]
    checked = replace(
        scan_config(root, config), offline=config.offline or not online, resolve=resolve
    )
    with open_resolver(checked, root) as resolver:
        report = run_scan(root, checked, resolver=resolver, scans=scans)
    findings = list(report.findings) + style_findings(report)
    if config.bibliography:
        # A hook sees only the changed files: it can tell that they cite a paper the lock
        # lacks, but not that a listed paper is cited nowhere any more.
        findings += lock_findings(root, config, report, complete=not paths)
    kept, suppressed = split_suppressed(root, (f for f in findings if selected(f.rule, config)))
    suppressed += [f for f in report.suppressed if selected(f.rule, config)]
    order = lambda f: (f.path, f.line, f.column, f.rule)  # noqa: E731
    kept.sort(key=order)
    suppressed.sort(key=order)
    checked_report = replace(report, findings=tuple(kept), suppressed=tuple(suppressed))
    return CheckResult(checked_report, tuple(kept))
