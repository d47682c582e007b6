"""SARIF 2.1.0 for code scanning: findings with rule metadata, locations and fingerprints."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from citegraph.render import RenderOptions
from citegraph.report import Finding, Report
from citegraph.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "note": "note"}


class SarifRenderer:
    """Renders `Report.findings` as one SARIF run; skipped files become notifications."""

    name = "sarif"
    extension = ".sarif"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the SARIF log as JSON."""
        used = sorted({f.rule for f in report.findings} | {"CG001", "CG002", "CG003", "CG004"})
        rules = [_rule(code) for code in used if code in RULES]
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "citegraph",
                    "semanticVersion": report.tool_version or "0.0.0",
                    "informationUri": "https://github.com/citegraph/citegraph",
                    "rules": rules,
                }
            },
            "automationDetails": {"id": "citegraph/"},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index) for f in report.findings if f.rule in index],
        }
        if report.skipped:
            run["invocations"] = [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": [
                        {
                            "level": "note",
                            "message": {"text": f"{s.path}: skipped: {s.reason}"},
                            "locations": [
                                {"physicalLocation": {"artifactLocation": {"uri": s.path}}}
                            ],
                        }
                        for s in report.skipped
                    ],
                }
            ]
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, Any]:
    rule = RULES[code]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description, "markdown": rule.description},
        "defaultConfiguration": {"level": _LEVELS.get(rule.level, "warning")},
        "properties": {"tags": ["citations", "documentation"], "precision": "high"},
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line:
        region["endLine"] = finding.end_line
    if finding.end_column:
        region["endColumn"] = finding.end_column
    # Stable across runs and line moves: the rule, the file and what was written.
    digest = hashlib.sha256(
        f"{finding.rule}\0{finding.path}\0{finding.message}".encode()
    ).hexdigest()
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVELS.get(finding.level, "warning"),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"citegraphFinding/v1": digest[:32]},
    }
