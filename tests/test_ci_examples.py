"""The example CI files: valid YAML, and their commands produce the artifacts they promise."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CITEGRAPH = [sys.executable, "-m", "citegraph"]


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    return subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "optim.py").write_text('class Adam:\n    """Kingma & Ba, arXiv:1412.6980."""\n')
    (root / "old.py").write_text("# Dropout: arXiv:1207.0580\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    base = git(root, "rev-parse", "HEAD")
    (root / "old.py").unlink()
    (root / "attention.py").write_text("def attend():\n    # arXiv:1706.03762\n    pass\n")
    (root / "norm.py").write_text("# https://arxiv.org/abs/1607.06450\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "head")
    return root, base


def run_command(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    words = shlex.split(command.replace("citegraph ", "CITEGRAPH ", 1))
    if words[0] == "CITEGRAPH":
        words = CITEGRAPH + words[1:]
    return subprocess.run(words, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def expand(command: str, values: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: values[m.group(1)], command)


def test_github_workflow_commands_produce_the_artifacts(
    repo: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = repo
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text())
    steps = {s.get("name"): s for s in workflow["jobs"]["citegraph"]["steps"]}
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "CITEGRAPH_OFFLINE": "1"}
    values = {
        "github.server_url": "https://github.com",
        "github.repository": "org/repo",
        "github.event.pull_request.base.sha": base,
    }
    for name in ("Scan", "Check citations", "Citation diff"):
        result = run_command(expand(steps[name]["run"], values), root, env)
        assert result.returncode == 0, (name, result.stdout, result.stderr)
    summary_line = steps["Job summary"]["run"]
    subprocess.run(["bash", "-c", summary_line], cwd=root, env=env, check=True)
    report = root / "citegraph-report"
    assert {p.name for p in report.iterdir()} >= {
        "scan.json",
        "papers.html",
        "citegraph.sarif",
        "summary.md",
        "diff.md",
    }
    schema = os.environ.get("CITEGRAPH_SARIF_SCHEMA") or str(
        EXAMPLES.parent / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
    )
    jsonschema.validate(
        json.loads((report / "citegraph.sarif").read_text()), json.loads(Path(schema).read_text())
    )
    assert 0 < summary.stat().st_size < 1024 * 1024
    assert "arxiv:1706.03762" in summary.read_text()
    diff = (report / "diff.md").read_text()
    assert "starts citing 2 papers and stops citing 1 paper" in diff
    assert "arxiv:1207.0580" in diff
    scan = json.loads((report / "scan.json").read_text())
    assert {p["key"] for p in scan["papers"]} == {
        "arxiv:1412.6980",
        "arxiv:1706.03762",
        "arxiv:1607.06450",
    }
    html = (report / "papers.html").read_text()
    assert "https://github.com/org/repo/blob/" in html


def test_gitlab_job_commands_produce_the_code_quality_report(repo: tuple[Path, str]) -> None:
    root, _ = repo
    (root / "typo.py").write_text("# arXiv:2113.01234\n")
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text())["citegraph"]
    env = {**os.environ, "CITEGRAPH_OFFLINE": "1"}
    codes = []
    for line in job["script"]:
        if "pip install" in line:
            continue
        command = line.split(" || ")[0]
        codes.append(run_command(command, root, env).returncode)
    assert codes == [0, 1, 1]  # scan ok; check reports the typo (the job fails, as it should)
    report = json.loads((root / job["artifacts"]["reports"]["codequality"]).read_text())
    assert [i["check_name"] for i in report] == ["CG001"]
    assert report[0]["location"] == {"path": "typo.py", "lines": {"begin": 1}}


def test_pre_commit_snippet_names_the_published_hook() -> None:
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text())
    hooks = yaml.safe_load((EXAMPLES.parent / ".pre-commit-hooks.yaml").read_text())
    assert config["repos"][0]["hooks"][0]["id"] in {h["id"] for h in hooks}


def test_github_steps_after_the_check_still_run_when_it_finds_problems() -> None:
    steps = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text())["jobs"]["citegraph"][
        "steps"
    ]
    names = [s.get("name") for s in steps]
    after = steps[names.index("Check citations") + 1 :]
    assert after and all(
        "always()" in s.get("if", "") or "!cancelled()" in s.get("if", "") for s in after
    )
