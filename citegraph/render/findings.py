"""How `citegraph check` reports findings: text, JSON, SARIF, GitHub annotations, GitLab
Code Quality. Each renderer reads the findings of the `Report` it is given."""

from __future__ import annotations

import json
from collections import Counter

from citegraph.render import RenderOptions, render
from citegraph.report import Finding, Report, from_repository_top
from citegraph.rules import RULES
from citegraph.textsafe import one_line

# GitHub shows at most 10 annotations of each level per step; the rest are still in the log.
GITHUB_ANNOTATIONS_PER_LEVEL = 10
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


class FindingsTextRenderer:
    """`path:line:col: CODE message`, one per line (`CODE [*]` when `--fix` repairs it, as
    ruff marks fixable findings), then a count."""

    name = "text"
    extension = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the list."""
        return _text(report.findings)


def _text(findings: tuple[Finding, ...]) -> str:
    lines = [
        f"{one_line(f.path)}:{f.line}:{f.column}: {f.rule} {'[*] ' if fixable(f) else ''}"
        f"{one_line(f.message)}"
        for f in findings
    ]
    if findings:
        counts = Counter(f.rule for f in findings)
        summary = ", ".join(f"{code} x{n}" for code, n in sorted(counts.items()))
        lines.append(
            f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({summary})."
        )
        repairable = sum(1 for f in findings if fixable(f))
        if repairable:
            lines.append(f"[*] {repairable} fixable with `citegraph check --fix`.")
    return "".join(line + "\n" for line in lines)


def fixable(finding: Finding) -> bool:
    """Whether `citegraph check --fix` repairs findings of this rule."""
    rule = RULES.get(finding.rule)
    return rule is not None and rule.fixable


class FindingsJsonRenderer:
    """A JSON array of findings."""

    name = "json"
    extension = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the array."""
        records = [_record(f) for f in report.findings]
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _record(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "level": finding.level,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "message": finding.message,
        "paper": finding.paper,
        "fixable": fixable(finding),
    }


class FindingsSarifRenderer:
    """SARIF 2.1.0: the log `scan --format sarif` writes of the same report."""

    name = "sarif"
    extension = ".sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the log."""
        return render(report, "sarif", options)


def _escape_data(text: str) -> str:
    # Percent-encoding keeps the command on one line; the rest of the untrusted text (other
    # control characters, bidi overrides, bytes that are not UTF-8) is shown escaped.
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(encoded)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer:
    """GitHub workflow commands (`::error file=...::message`), at most 10 per level; every
    finding is also printed as plain text so nothing is lost."""

    name = "github"
    extension = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the commands, then the plain list."""
        # GitHub places an annotation by its path from the repository's top: a project in a
        # subdirectory (its own pyproject.toml) names its files from there.
        return _github(from_repository_top(report).findings)


def _github(findings: tuple[Finding, ...]) -> str:
    import hashlib  # only these two formats need it

    lines = []
    shown: Counter[str] = Counter()
    for finding in findings:
        level = _GITHUB_LEVELS.get(finding.level, "warning")
        if shown[level] >= GITHUB_ANNOTATIONS_PER_LEVEL:
            continue
        shown[level] += 1
        properties = [
            f"file={_escape_property(finding.path)}",
            f"line={finding.line}",
            f"col={finding.column}",
        ]
        if finding.end_line:
            properties.append(f"endLine={finding.end_line}")
        if finding.end_column and (finding.end_line in (None, finding.line)):
            properties.append(f"endColumn={finding.end_column}")
        properties.append(f"title={_escape_property('citegraph ' + finding.rule)}")
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(finding.message)}")
    plain = _text(findings)
    if plain:
        # The runner reads any line starting with `::` as a command, and a file may be named
        # `::error::x.py`: the plain list is fenced with stop-commands, under a token the
        # text itself cannot contain (derived from it).
        token = "citegraph-" + hashlib.sha256(plain.encode("utf-8", "replace")).hexdigest()[:24]
        plain = f"::stop-commands::{token}\n{plain}::{token}::\n"
    return "".join(line + "\n" for line in lines) + plain


class CodeQualityRenderer:
    """GitLab's Code Quality report: a JSON array in the Code Climate format."""

    name = "codequality"
    extension = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the array."""
        return _codequality(
            from_repository_top(report).findings
        )  # paths from the top, as GitLab reads them


def _codequality(findings: tuple[Finding, ...]) -> str:
    import hashlib  # only these two formats need it

    issues = []
    seen: Counter[str] = Counter()
    for finding in findings:
        # GitLab matches issues across pipelines by fingerprint, so it leaves out the line
        # number (an edit above a finding does not make it "new") but counts repeats, since
        # GitLab drops issues with equal fingerprints.
        identity = f"{finding.rule}\0{finding.path}\0{finding.message}"
        seen[identity] += 1
        fingerprint = hashlib.md5(
            f"{identity}\0{seen[identity]}".encode(),
            usedforsecurity=False,
        ).hexdigest()
        issues.append(
            {
                "description": f"{finding.rule} {finding.message}",
                "check_name": finding.rule,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITY.get(finding.level, "minor"),
                "location": {"path": finding.path, "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
