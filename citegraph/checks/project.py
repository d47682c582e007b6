"""Findings made from a whole report rather than at one citation: the opt-in style rules
(CG2xx, at each link as written) and the bibliography lock (CG005).

`check` and `scan` both add them, so the SARIF a CI step uploads from a scan holds the findings
`check` fails the step on (a lock out of date opened no alert in code scanning before).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from citegraph.checks.selection import selected
from citegraph.checks.style import style_findings
from citegraph.checks.suppress import split_suppressed
from citegraph.config import Config
from citegraph.report import Finding, Report

__all__ = ["project_findings", "with_project_findings"]


def project_findings(
    root: Path, config: Config, report: Report, *, complete: bool
) -> list[Finding]:
    """The style findings of `report`'s links and, with a lock configured, its CG005 findings
    (entries no longer cited only when `report` covers the whole project: `complete`)."""
    findings = style_findings(report)
    if config.bibliography:
        # Imported only with a lock: it brings the BibTeX reader and writer.
        from citegraph.bibliography import lock_findings

        findings += lock_findings(root, config, report, complete=complete)
    return findings


def with_project_findings(root: Path, config: Config, report: Report, *, complete: bool) -> Report:
    """`report` with the project findings `config` selects, each kept or suppressed by the
    marker on its line, in order among the report's own."""
    chosen = (f for f in project_findings(root, config, report, complete=complete))
    kept, suppressed = split_suppressed(root, (f for f in chosen if selected(f.rule, config)))
    if not kept and not suppressed:
        return report
    findings = tuple(sorted((*report.findings, *kept), key=_order))
    return replace(
        report,
        findings=findings,
        suppressed=tuple(sorted((*report.suppressed, *suppressed), key=_order)),
        stats={**report.stats, "findings": len(findings)},
    )


def _order(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, finding.column, finding.rule)
