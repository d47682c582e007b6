"""Inline `citegraph: ignore[...]` markers in `scan` (every format) and in `check`'s SARIF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from citegraph.checks.fix import FIXES
from citegraph.rules import RULES

SCHEMA = Path(
    os.environ.get("CITEGRAPH_SARIF_SCHEMA")
    or Path(__file__).resolve().parents[2] / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
)
SOURCE = (
    "# arXiv:2113.01234  citegraph: ignore[CG001]\n"
    "# arXiv:2113.01235\n"
    "# doi:11.1234/abcd  citegraph: ignore\n"
    "# arXiv:2113.01236  citegraph: ignore[CG002]\n"
    "# see http://arxiv.org/abs/1706.03762v5 here\n"
)


def citegraph(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citegraph", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.citegraph]\n")
    (root / "mod.py").write_text(SOURCE)
    return root


def sarif_schema() -> dict:
    if not SCHEMA.is_file():
        pytest.fail(f"SARIF schema missing at {SCHEMA}: .ci/run installs it")
    return json.loads(SCHEMA.read_text())


def active_lines(run: dict) -> list[int]:
    return [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in run["results"]
        if not r.get("suppressions")
    ]


def test_scan_honours_suppressions_in_every_format(root: Path) -> None:
    done = citegraph(
        root,
        "scan",
        ".",
        "--offline",
        "-q",
        "-o",
        "sarif:out/scan.sarif",
        "-o",
        "json:out/scan.json",
        "-o",
        "markdown:out/summary.md",
        "-o",
        "terminal:out/summary.txt",
        "-o",
        "html:out/papers.html",
    )
    assert done.returncode == 0, done.stderr
    log = json.loads((root / "out" / "scan.sarif").read_text())
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    assert active_lines(run) == [2, 4]  # line 4's marker silences another rule
    silenced = [r for r in run["results"] if r.get("suppressions")]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in silenced] == [
        1,
        3,
    ]
    assert all(r["suppressions"] == [{"kind": "inSource", "status": "accepted"}] for r in silenced)
    scan = json.loads((root / "out" / "scan.json").read_text())
    assert [f["line"] for f in scan["findings"]] == [2, 4]
    assert [f["line"] for f in scan["suppressed"]] == [1, 3]
    for name in ("summary.md", "summary.txt"):
        text = (root / "out" / name).read_text()
        assert "2113.01235" in text and "2113.01234" not in text, name


def test_scan_reports_only_the_rules_the_configuration_selects(root: Path) -> None:
    # A CI step uploads the scan's SARIF: with `ignore = ["CG001"]`, `check` passed while code
    # scanning opened an alert for every CG001. An unchanged tree's output given back whole
    # must follow a changed selection too.
    (root / "pyproject.toml").write_text('[tool.citegraph]\nignore = ["CG001"]\n')
    for _ in range(2):
        done = citegraph(root, "scan", ".", "--no-resolve", "-q", "-o", "json:out/scan.json")
        assert done.returncode == 0, done.stderr
        scan = json.loads((root / "out" / "scan.json").read_text())
        assert scan["findings"] == [] and scan["stats"]["findings"] == 0
        assert [(f["rule"], f["line"]) for f in scan["suppressed"]] == [("CG002", 3)]
    (root / "pyproject.toml").write_text('[tool.citegraph]\nselect = ["CG001"]\n')
    done = citegraph(root, "scan", ".", "--no-resolve", "-q", "-o", "json:out/scan.json")
    scan = json.loads((root / "out" / "scan.json").read_text())
    assert [f["line"] for f in scan["findings"]] == [2, 4]
    (root / "pyproject.toml").write_text('[tool.citegraph]\nselect = ["CG01"]\n')
    done = citegraph(root, "scan", ".", "--no-resolve", "-q")
    assert done.returncode == 2
    assert done.stderr == (
        "citegraph: error: select in [tool.citegraph]: unknown rule code 'CG01' (known: ALL, "
        "CG001, CG002, CG003, CG004, CG005, CG006, CG201, CG202, CG203)\n"
    )


def test_check_sarif_marks_suppressions_and_offers_fixes(root: Path) -> None:
    done = citegraph(root, "check", "--select", "ALL", "-f", "sarif", "-o", "check.sarif")
    assert done.returncode == 1, done.stderr
    log = json.loads((root / "check.sarif").read_text())
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    assert active_lines(run) == [2, 4, 5, 5]
    fixes = {r["ruleId"]: r["fixes"] for r in run["results"] if "fixes" in r}
    assert set(fixes) == {"CG201", "CG203"}
    (change,) = fixes["CG201"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert change["artifactLocation"]["uri"] == "mod.py"
    assert replacement["deletedRegion"] == {
        "startLine": 5,
        "startColumn": 7,
        "endLine": 5,
        "endColumn": 40,
    }
    assert replacement["insertedContent"]["text"] == "https://arxiv.org/abs/1706.03762v5"
    text = "".join(SOURCE.splitlines(keepends=True)[4])
    assert text[6:39] == "http://arxiv.org/abs/1706.03762v5"  # the region is that link


def test_text_and_json_say_which_findings_are_fixable(root: Path) -> None:
    text = citegraph(root, "check", "--select", "ALL").stdout
    assert "mod.py:5:7: CG201 [*] link over http://" in text
    assert "mod.py:2:3: CG001 month 13" in text
    assert text.endswith("[*] 2 fixable with `citegraph check --fix`.\n")
    records = json.loads(citegraph(root, "check", "--select", "ALL", "-f", "json").stdout)
    assert {r["rule"]: r["fixable"] for r in records} == {
        "CG001": False,
        "CG201": True,
        "CG203": True,
    }


def test_fixable_rules_are_the_ones_fix_repairs() -> None:
    # CG005 is repaired by rewriting the bibliography rather than by an edit of a span.
    assert {code for code, rule in RULES.items() if rule.fixable} == {*FIXES, "CG005"}


def test_a_warm_scan_reads_only_files_that_hold_a_marker(tmp_path: Path, monkeypatch) -> None:
    """The scan notes whether a file with mentions holds `citegraph:`; the report then reads
    no file without one to look for markers, and honours those of a cached file."""
    import citegraph.checks.suppress as suppress
    from citegraph.config import Config
    from citegraph.pipeline import run_scan

    root = tmp_path / "p"
    root.mkdir()
    (root / "mod.py").write_text(SOURCE)
    (root / "plain.py").write_text("# arXiv:2113.01235\n")
    config = Config(resolve=False, jobs=1, cache_dir=str(tmp_path / "cache"))
    read: list[str] = []
    real = suppress._lines
    monkeypatch.setattr(suppress, "_lines", lambda path: read.append(path.name) or real(path))
    cold = run_scan(root, config)
    assert read == ["mod.py"]
    read.clear()
    warm = run_scan(root, config)
    assert read == ["mod.py"] and warm == cold
    assert {f.path for f in warm.findings} == {"mod.py", "plain.py"}
    assert [f.line for f in warm.suppressed] == [1, 3]


def test_a_scan_reports_every_finding_check_reports(root: Path) -> None:
    # The Action uploads the scan's SARIF and fails the step on `check`: a bibliography lock
    # out of date (CG005) or a selected style rule (CG2xx) failed the step and opened no alert.
    (root / "pyproject.toml").write_text(
        '[tool.citegraph]\nselect = ["ALL"]\nbibliography = "refs.bib"\n'
    )
    (root / "refs.bib").write_text(
        "@misc{gone2001,\n  title = {A Paper Cited Nowhere},\n  year = {2001},\n"
        "  doi = {10.1000/gone}\n}\n"
    )

    def where(items: list[dict]) -> list[tuple[str, str, int]]:
        return sorted((f["rule"], f["path"], f["line"]) for f in items)

    done = citegraph(root, "check", "-f", "json", "-o", "check.json")
    assert done.returncode == 1, done.stderr
    checked = where(json.loads((root / "check.json").read_text()))
    assert {rule for rule, _, _ in checked} == {"CG001", "CG005", "CG201", "CG203"}
    for args in (["--offline"], ["--no-resolve"], ["--no-resolve"]):  # an unchanged tree again
        done = citegraph(
            root, "scan", ".", *args, "-q", "-o", "sarif:out/scan.sarif", "-o", "out/scan.json"
        )
        assert done.returncode == 0, done.stderr
        scan = json.loads((root / "out" / "scan.json").read_text())
        assert where(scan["findings"]) == checked
        assert scan["stats"]["findings"] == len(checked)
        log = json.loads((root / "out" / "scan.sarif").read_text())
        jsonschema.Draft4Validator(sarif_schema()).validate(log)
        run = log["runs"][0]
        results = [r for r in run["results"] if not r.get("suppressions")]
        assert sorted(r["ruleId"] for r in results) == sorted(rule for rule, _, _ in checked)
        assert {"CG005", "CG201"} <= {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    # The lock brought up to date: an unchanged tree's scan no longer reports it.
    (root / "refs.bib").write_text("")
    assert citegraph(root, "bib").returncode == 0
    done = citegraph(root, "scan", ".", "--no-resolve", "-q", "-o", "out/scan.json")
    scan = json.loads((root / "out" / "scan.json").read_text())
    assert "CG005" not in {f["rule"] for f in scan["findings"]}


def test_an_unchanged_tree_s_scan_follows_its_lock(root: Path) -> None:
    # A tree whose files are unchanged has its outputs given back whole; the lock's findings
    # depend on a file the scan need not read (here excluded), so they are made again.
    (root / "pyproject.toml").write_text(
        '[tool.citegraph]\nbibliography = "docs/refs.bib"\nexclude = ["docs/**"]\n'
    )
    (root / "docs").mkdir()
    lock = root / "docs" / "refs.bib"
    lock.write_text("")
    assert citegraph(root, "bib").returncode == 0
    for path in root.rglob("*"):  # settled: a file changed in the last moments is read again
        os.utime(path, (path.stat().st_atime - 3600, path.stat().st_mtime - 3600))

    def lock_findings() -> list[str]:
        done = citegraph(root, "scan", ".", "--no-resolve", "-q", "-o", "out/scan.json")
        assert done.returncode == 0, done.stderr
        scan = json.loads((root / "out" / "scan.json").read_text())
        return [f["rule"] for f in scan["findings"] if f["rule"] == "CG005"]

    assert lock_findings() == lock_findings() == []  # the second given back whole
    lock.write_text(lock.read_text() + "@misc{gone2001,\n  title = {Cited Nowhere}\n}\n")
    assert lock_findings() == ["CG005"]
