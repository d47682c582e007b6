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

from citegraph.checks.project import project_findings
from citegraph.checks.selection import selected
from citegraph.checks.suppress import split_suppressed
from citegraph.config import Config
from citegraph.pipeline import ReferenceResolver, run_scan
from citegraph.report import Finding, Report
from citegraph.rules import RULES
from scanner import FileScan, Parses, TitleScope, scan_named

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
    findings_only: bool = False,
) -> CheckResult:
    """Check `files` (paths relative to `root`), or the whole tree when none are given.

    With `findings_only` (the caller shows the findings, not the report's citations), an
    offline check of given files may leave out of the report the citations no finding is
    about; the findings are the same.
    """
    from citegraph.resolution import open_resolver

    scans: list[FileScan] | None = None
    paths = sorted(set(files))
    checked = replace(config, offline=config.offline or not online, resolve=resolve)
    # Without a lock no finding depends on a work named by its title alone (see
    # `_IdentifiersOnly`), so the title detector reads only the blocks holding an identifier:
    # most of a hook's time went to reading reference lists for nothing. A check of the whole
    # tree keeps the titles, to share the scan cache with `scan`.
    scope = TitleScope.ALL if config.bibliography else TitleScope.BESIDE_IDENTIFIERS
    lazy = findings_only and checked.offline and scope is not TitleScope.ALL
    lazy = lazy and all(code in _IDENTIFIER_RULES for code in RULES if selected(code, config))
    parses = Parses() if lazy else None
    if paths:
        options = replace(config.scan_options(), titles=TitleScope.NONE if lazy else scope)
        scans = scan_named(root, [p for p in paths if (root / p).is_file()], options, parses)
    if config.bibliography:
        # Imported only with a lock: it brings the BibTeX reader and writer.
        from citegraph.bibliography import scan_config

        checked = scan_config(root, checked)
    with open_resolver(checked, root) as opened:
        resolver: ReferenceResolver | None = opened
        if opened is not None and not config.bibliography:
            resolver = _IdentifiersOnly(opened)
        # Findings alone name no revision: git need not be asked for one.
        report = run_scan(root, checked, resolver=resolver, scans=scans, revision=not findings_only)
        if lazy and scans:
            # Read without the title detector, each identifier is its own mention, and a
            # malformed one is as in a full read. Only identifiers the catalog knows (a paper
            # with a title, or not found) can make other findings, which need their spans and
            # the titles beside them: the files holding one are read again (their parse kept), as
            # without `lazy`.
            known = _files_needing_titles(report)
            if known:
                options = replace(options, titles=scope)
                again = iter(
                    scan_named(root, [s.path for s in scans if s.path in known], options, parses)
                )
                scans = [next(again) if s.path in known else s for s in scans]
                report = run_scan(root, checked, resolver=resolver, scans=scans, revision=False)
    # A hook sees only the changed files: it can tell that they cite a paper the lock lacks,
    # but not that a listed paper is cited nowhere any more, unless it was given every file
    # (`pre-commit run --all-files`, as pre-commit.ci runs it).
    complete = bool(config.bibliography) and (not paths or _whole_project(root, config, paths))
    findings = list(report.findings) + project_findings(root, config, report, complete=complete)
    kept, suppressed = split_suppressed(root, (f for f in findings if selected(f.rule, config)))
    suppressed += [f for f in report.suppressed if selected(f.rule, config)]
    order = lambda f: (f.path, f.line, f.column, f.rule)  # noqa: E731
    kept.sort(key=order)
    suppressed.sort(key=order)
    checked_report = replace(report, findings=tuple(kept), suppressed=tuple(suppressed))
    return CheckResult(checked_report, tuple(kept))


def _whole_project(root: Path, config: Config, paths: Sequence[str]) -> bool:
    """Whether `paths` hold every file a check of the whole project reads. Asked of as many
    files as a tree scan's, or of half the files git tracks or more (a commit's few staged
    files of a larger project never are: the walk would cost the hook more than its check)."""
    from scanner import NAMED_TREE_MIN_FILES, iter_candidates, language_for, tracked_file_count

    if len(paths) < NAMED_TREE_MIN_FILES:
        # A small project's every file (`pre-commit run --all-files` of 40 modules) was never
        # taken as the whole project: a lock entry cited nowhere went unreported. Its walk is
        # cheap: fewer than twice as many files as given.
        tracked = tracked_file_count(root)
        if tracked is None or 2 * len(paths) < tracked:
            return False
    given = set(paths)
    return all(
        candidate.path in given
        for candidate in iter_candidates(root, config.scan_options())
        if candidate.skip is None and language_for(candidate.path) is not None
    )


# The rules whose findings a read without titles gives exactly (see `run_check`): malformed
# identifiers as they are; unresolved ones and title mismatches once their files are read again;
# the bibliography lock's only with a lock, which keeps the titles.
_IDENTIFIER_RULES = frozenset({"CG001", "CG002", "CG003", "CG004", "CG005", "CG006"})
_RESOLVED = frozenset({"CG003", "CG004"})  # the findings about what an identifier resolves to


def _files_needing_titles(report: Report) -> set[str]:
    """The files of a report read without titles whose findings may depend on them: those
    citing a paper whose title the catalog holds (a mismatch, CG004, compares the title written
    beside it) or an identifier no source knows (CG003, at the span of the reference text)."""
    titled = {p.key for p in report.papers if p.title}
    files = {c.path for c in report.citations if c.paper in titled}
    files.update(f.path for f in (*report.findings, *report.suppressed) if f.rule in _RESOLVED)
    return files


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
