"""SARIF 2.1.0 output, validated against the OASIS schema vendored in tests/fixtures/schemas."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from reports import small_report

from citegraph.render import render
from citegraph.report import Finding, Report
from citegraph.rules import RULES

# The SARIF 2.1.0 schema is not committed: .ci/run takes it from an npm package that ships it.
SCHEMA = Path(
    os.environ.get("CITEGRAPH_SARIF_SCHEMA")
    or Path(__file__).resolve().parents[3] / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
)


def validate(log: dict) -> None:
    if not SCHEMA.is_file():
        pytest.fail(f"SARIF schema missing at {SCHEMA}: .ci/run installs it")
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(log)


def test_findings_validate_with_rules_locations_and_fingerprints() -> None:
    log = json.loads(render(small_report(), "sarif"))
    validate(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "CG003" and result["level"] == "warning"
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "CG003" and rule["name"] == "unresolved-identifier"
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "model/typo.py"
    assert location["region"] == {"startLine": 7, "startColumn": 5, "endLine": 7, "endColumn": 21}
    assert result["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "binary" in notes[0]["message"]["text"]


def test_every_rule_is_described_once() -> None:
    rules = json.loads(render(small_report(), "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    assert {code for code, rule in RULES.items() if rule.default_enabled} <= set(ids)


def test_fingerprints_survive_line_moves_and_tell_repeats_apart() -> None:
    finding = small_report().findings[0]
    moved = replace(finding, line=70, end_line=70)
    twice = Report(root="/", repository="r", findings=(finding, finding))
    prints = [
        r["partialFingerprints"]["primaryLocationLineHash"]
        for r in json.loads(render(twice, "sarif"))["runs"][0]["results"]
    ]
    assert prints[0] != prints[1] and prints[0].split(":")[0] == prints[1].split(":")[0]
    single = Report(root="/", repository="r", findings=(moved,))
    result = json.loads(render(single, "sarif"))["runs"][0]["results"][0]
    assert result["partialFingerprints"]["primaryLocationLineHash"] == prints[0]


def test_scanned_text_cannot_become_a_link_and_paths_are_uri_references() -> None:
    finding = Finding(
        rule="CG004",
        level="warning",
        message="doi:10.1/x is 'A', but the text names '[click](https://evil.example)'",
        path="src/my file#1.py",
        line=3,
    )
    log = json.loads(render(Report(root="/", repository="r", findings=(finding,)), "sarif"))
    validate(log)
    result = log["runs"][0]["results"][0]
    assert "\\[click\\](https://evil.example)" in result["message"]["text"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "src/my%20file%231.py"


def test_an_empty_report_is_a_valid_log() -> None:
    log = json.loads(render(Report(root="/", repository="r"), "sarif"))
    validate(log)
    assert log["runs"][0]["results"] == []


def test_rules_link_their_documentation_and_say_whether_they_are_fixable() -> None:
    rules = json.loads(render(small_report(), "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    doc = (Path(__file__).resolve().parents[3] / "docs" / "rules.md").read_text()
    headings = {
        "#" + line[3:].strip().lower().replace(" ", "-")
        for line in doc.splitlines()
        if line.startswith("## ")
    }
    for rule in rules:
        assert rule["helpUri"] == RULES[rule["id"]].help_uri
        assert rule["properties"]["fixable"] is RULES[rule["id"]].fixable
    for code, each in RULES.items():  # opt-in rules too: every code has its section
        assert each.help_uri.startswith("https://github.com/citegraph/citegraph/blob/main/docs/")
        assert "#" + each.help_uri.split("#")[1] in headings, code


def test_every_run_has_an_invocation_with_its_warnings() -> None:
    report = replace(small_report(), skipped=(), warnings=("network unreachable",))
    log = json.loads(render(report, "sarif"))
    validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert notes == [{"level": "warning", "message": {"text": "network unreachable"}}]
    quiet = json.loads(render(replace(report, warnings=()), "sarif"))["runs"][0]
    assert quiet["invocations"] == [{"executionSuccessful": True}]
