"""SARIF 2.1.0 for code scanning: findings with rule metadata, locations and fingerprints."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

from citegraph.render import RenderOptions
from citegraph.report import Citation, Finding, Report, from_repository_top
from citegraph.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/citegraph/citegraph"
_LEVELS = {"error": "error", "warning": "warning", "note": "note"}
# SARIF plain-text messages treat `[text](target)` as an embedded link (SARIF 3.11.6); scanned
# text must never become one, so brackets (and the escape character itself) are escaped.
_LINK_CHARS = re.compile(r"([\\\[\]])")


class SarifRenderer:
    """Renders `Report.findings` as one SARIF run; skipped files become notifications."""

    name = "sarif"
    extension = ".sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the SARIF log as JSON: every enabled rule, one result per finding."""
        # Code scanning reads `%SRCROOT%` as the repository's top: a subdirectory's scan names
        # its files from there.
        report = from_repository_top(report)
        listed = report.findings + report.suppressed
        used = {f.rule for f in listed if f.rule in RULES}
        # The rules the run checked: code scanning shows this list as the tool's rules, and a
        # rule the project ignores listed there reads as one it checks and found clean.
        checked = options.rules
        if checked is None:
            checked = tuple(code for code, rule in RULES.items() if rule.default_enabled)
        codes = sorted(used | set(checked))
        rules = [_rule(code) for code in codes]
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        occurrences: Counter[str] = Counter()
        raw = {_span(c): c.raw for c in report.citations}
        also = {_span(c): c.also_lines for c in report.citations if c.also_lines}
        suppressed = set(report.suppressed)
        results = []
        for finding in sorted(listed, key=lambda f: (f.path, f.line, f.column, f.rule)):
            if finding.rule in index:
                result = _result(finding, index, occurrences)
                fix = _fix(finding, raw.get(_span(finding)))
                if fix is not None:
                    result["fixes"] = [fix]
                if lines := also.get(_span(finding)):
                    result["relatedLocations"] = _related(finding.path, lines)
                if finding in suppressed:
                    # The marker in the file is the suppression; code scanning shows the
                    # result as suppressed rather than as an open alert.
                    result["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
                results.append(result)
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "citegraph",
                    "semanticVersion": report.tool_version or "0.0.0",
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "automationDetails": {"id": "citegraph/"},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        run["invocations"] = [_invocation(report)]
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _invocation(report: Report) -> dict[str, Any]:
    """The run itself: it finished (a report exists), with warnings and skipped files as
    notifications."""
    notifications: list[dict[str, Any]] = [
        {"level": "warning", "message": {"text": plain_text(message)}}
        for message in report.warnings
    ]
    notifications += [
        {
            "level": "note",
            "message": {"text": plain_text(f"{s.path}: skipped: {s.reason}")},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(s.path)}}],
        }
        for s in report.skipped
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _span(item: Citation | Finding) -> tuple[str, int, int, int | None, int | None]:
    return (item.path, item.line, item.column, item.end_line, item.end_column)


def _related(path: str, lines: tuple[int, ...]) -> list[dict[str, Any]]:
    """The other lines of the cited reference in its place (an entry's in-text mention, its
    label), where a reviewer looks too."""
    return [
        {
            "id": number,
            "physicalLocation": {
                "artifactLocation": _artifact(path),
                "region": {"startLine": line},
            },
            "message": {"text": "Another mention of the same reference"},
        }
        for number, line in enumerate(lines, 1)
    ]


def _fix(finding: Finding, raw: str | None) -> dict[str, Any] | None:
    """The replacement `citegraph check --fix` would make, for a one-line span of known text."""
    from citegraph.checks.fix import FIXES

    repair = FIXES.get(finding.rule)
    if repair is None or raw is None or finding.end_line not in (None, finding.line):
        return None
    if finding.end_column is None or finding.end_column - finding.column != len(raw):
        return None
    repaired = repair(raw)
    if repaired is None:
        return None
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.line,
        "endColumn": finding.end_column,
    }
    return {
        "description": {"text": plain_text(f"Replace with {repaired}")},
        "artifactChanges": [
            {
                "artifactLocation": _artifact(finding.path),
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": repaired}}],
            }
        ],
    }


def plain_text(text: str) -> str:
    """`text` made safe for a SARIF `message.text`: no embedded links, one line."""
    return _LINK_CHARS.sub(r"\\\1", " ".join(text.split()))


def _artifact(path: str) -> dict[str, str]:
    # A repo-relative URI reference: spaces, `%`, `#` and `?` in file names are percent-encoded.
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule(code: str) -> dict[str, Any]:
    rule = RULES[code]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description.replace("`", ""), "markdown": rule.description},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {
            "level": _LEVELS.get(rule.level, "warning"),
            "enabled": rule.default_enabled,
        },
        "properties": {
            "tags": ["citations", "documentation"],
            "precision": "high",
            "fixable": rule.fixable,
        },
    }


def _result(finding: Finding, index: dict[str, int], occurrences: Counter[str]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line:
        region["endLine"] = finding.end_line
    if finding.end_column:
        region["endColumn"] = finding.end_column
    # Like GitHub's primaryLocationLineHash, `<hash>:<occurrence>`, but hashed over what was
    # found rather than the line's text, so an alert survives edits that only move the line.
    digest = hashlib.sha256(
        f"{finding.rule}\0{finding.path}\0{finding.paper or ''}\0{finding.message}".encode()
    ).hexdigest()[:16]
    occurrences[digest] += 1
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVELS.get(finding.level, "warning"),
        "message": {"text": plain_text(finding.message)},
        "locations": [
            {"physicalLocation": {"artifactLocation": _artifact(finding.path), "region": region}}
        ],
        "partialFingerprints": {"primaryLocationLineHash": f"{digest}:{occurrences[digest]}"},
    }
