"""Running `citegraph check`: the scan of the given files, then selection and suppressions.

The findings come from the same scan as `citegraph scan` (malformed identifiers, unresolved
identifiers, title mismatches), plus opt-in style rules and the bibliography lock. Resolution
uses the local catalog only unless `online` is asked for, so a pre-commit hook never waits on
the network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from citegraph.checks.selection import selected
from citegraph.checks.style import style_findings
from citegraph.checks.suppress import split_suppressed
from citegraph.config import Config
from citegraph.pipeline import ReferenceResolver, run_scan
from citegraph.report import Finding, Report
from scanner import FileScan, scan_file

if TYPE_CHECKING:
    from catalog import Reference, Resolution

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
    from citegraph.resolution import open_resolver

    scans: Iterable[FileScan] | None = None
    paths = sorted(set(files))
    if paths:
        # Without a lock no finding depends on a work named by its title alone (see
        # `_IdentifiersOnly`), so the title detector reads only the blocks holding an
        # identifier: most of a hook's time went to reading reference lists for nothing. A
        # check of the whole tree keeps the titles, to share the scan cache with `scan`.
        options = replace(config.scan_options(), titles=bool(config.bibliography))
        scans = [scan_file(root, path, options) for path in paths if (root / path).is_file()]
    checked = replace(config, offline=config.offline or not online, resolve=resolve)
    if config.bibliography:
        # Imported only with a lock: it brings the BibTeX reader and writer.
        from citegraph.bibliography import lock_findings, scan_config

        checked = scan_config(root, checked)
    with open_resolver(checked, root) as opened:
        resolver: ReferenceResolver | None = opened
        if opened is not None and not config.bibliography:
            resolver = _IdentifiersOnly(opened)
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


class _IdentifiersOnly:
    """Resolves only written identifiers. Without a bibliography lock no finding depends on a
    work named by its title alone (only an identifier can be malformed, unknown, or named
    wrongly by the title beside it), so matching such titles (catalog searches, fuzzy scores,
    with --online a search per title) would cost a hook its time for nothing."""

    def __init__(self, inner: ReferenceResolver) -> None:
        self.inner = inner

    def resolve(
        self, references: Sequence[Reference], warn: Callable[[str], None]
    ) -> dict[str, Resolution]:
        """What the inner resolver says of the identifier references."""
        return self.inner.resolve([r for r in references if r.identifier is not None], warn)
