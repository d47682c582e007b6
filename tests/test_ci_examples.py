"""The example CI files: valid YAML, and their commands produce the artifacts they promise."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import git

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CITEGRAPH = [sys.executable, "-m", "citegraph"]


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "optim.py").write_text('class Adam:\n    """Kingma & Ba, arXiv:1412.6980."""\n')
    (root / "old.py").write_text("# Dropout: arXiv:1207.0580\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    base = git(root, "rev-parse", "HEAD").stdout.strip()
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
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], command)


SHA_PIN = re.compile(r"^[\w./-]+@[0-9a-f]{40}$")
ACTION = EXAMPLES.parent / "action.yml"
SARIF_SCHEMA = os.environ.get("CITEGRAPH_SARIF_SCHEMA") or str(
    EXAMPLES.parent / ".ci" / "vendor" / "sarif-schema-2.1.0.json"
)


def run_action(
    root: Path, tmp_path: Path, inputs: dict[str, str], github: dict[str, str]
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run the action's shell steps as the runner would, in `root`, with `inputs` over the
    declared defaults; the `uses:` steps are checked for pins and for their inputs' files.
    The install step is left out: the tests run the citegraph under test."""
    action = yaml.safe_load(ACTION.read_text())
    assert action["runs"]["using"] == "composite"
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update({f"inputs.{k}": v for k, v in inputs.items()})
    values.update({f"github.{k}": v for k, v in github.items()})
    values["github.action_path"] = str(EXAMPLES.parent)
    bin_dir = str(Path(sys.executable).parent)
    results = {}
    for step in action["runs"]["steps"]:
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]
            continue
        if step["name"] == "Install citegraph":
            assert step["run"].endswith('"$ACTION_PATH"')
            assert step["env"]["ACTION_PATH"] == "${{ github.action_path }}"
            continue
        outputs = tmp_path / f"output-{step['name']}"
        env = {
            **os.environ,
            "PATH": bin_dir + os.pathsep + os.environ["PATH"],
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "step-summary.md"),
            **{k: expand(str(v), values) for k, v in step.get("env", {}).items()},
        }
        assert "${{" not in step["run"], "inputs reach scripts through env, never inline"
        results[step["name"]] = done = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if outputs.is_file():
            for line in outputs.read_text().splitlines():
                name, _, value = line.partition("=")
                values[f"steps.{step['id']}.outputs.{name}"] = value
        if done.returncode != 0 and step["name"] != "Verdict":
            break
    return results


GITHUB = {"server_url": "https://github.com", "repository": "org/repo"}


def test_the_action_writes_the_reports_summary_and_annotations(
    repo: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = repo
    (root / "typo.py").write_text("# arXiv:2113.01234\n")
    results = run_action(root, tmp_path, {"offline": "true"}, GITHUB)
    assert [r.returncode for r in results.values()] == [0, 0, 0, 1], {
        k: r.stderr for k, r in results.items()
    }
    report = root / "citegraph-report"
    assert {p.name for p in report.iterdir()} == {
        "scan.json",
        "papers.html",
        "summary.md",
        "citegraph.sarif",
    }
    jsonschema.validate(
        json.loads((report / "citegraph.sarif").read_text()),
        json.loads(Path(SARIF_SCHEMA).read_text()),
    )
    summary = (tmp_path / "step-summary.md").read_text()
    assert "arxiv:1706.03762" in summary
    annotations = results["Check citations"].stdout
    assert annotations.startswith("::error file=typo.py,line=1,col=3,")
    assert "::error title=citegraph::citegraph check found" in results["Verdict"].stdout
    assert "https://github.com/org/repo/blob/" in (report / "papers.html").read_text()


def test_the_action_checks_only_its_path(repo: tuple[Path, str], tmp_path: Path) -> None:
    # The check step ran in `path` without naming it: the whole repository was checked, so a
    # typo outside `path` failed the step while the reports covered `path` alone.
    root, _ = repo
    (root / "typo.py").write_text("# arXiv:2113.01234\n")
    (root / "src").mkdir()
    (root / "src" / "lib.py").write_text("# arXiv:2113.05678\n")
    git(root, "add", "-A")
    results = run_action(root, tmp_path, {"offline": "true", "path": "src"}, GITHUB)
    annotations = results["Check citations"].stdout
    assert annotations.startswith("::error file=src/lib.py,line=1,col=3,"), annotations
    assert "typo.py" not in annotations
    assert results["Verdict"].returncode == 1


def test_the_action_can_report_without_failing_and_refuses_unknown_formats(
    repo: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = repo
    (root / "typo.py").write_text("# arXiv:2113.01234\n")
    inputs = {"offline": "true", "fail-on-findings": "false", "formats": "bibtex,jsonl"}
    inputs["upload-sarif"] = "false"
    results = run_action(root, tmp_path, inputs, GITHUB)
    assert results["Verdict"].returncode == 0
    assert {p.name for p in (root / "citegraph-report").iterdir()} == {
        "references.bib",
        "citations.jsonl",
        "summary.md",
    }
    bad = run_action(root, tmp_path, {"offline": "true", "formats": "pdf"}, GITHUB)
    assert bad["Scan"].returncode == 2 and "unknown format 'pdf'" in bad["Scan"].stdout


def test_github_workflow_uses_the_pinned_action_and_its_steps_run(
    repo: tuple[Path, str], tmp_path: Path
) -> None:
    root, base = repo
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text())
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    for step in steps:
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    ours = next(s for s in steps if s.get("uses", "").startswith("citegraph/citegraph@"))
    assert_commit_has(ours["uses"].split("@")[1], "action.yml")
    results = run_action(root, tmp_path, {**ours["with"], "offline": "true"}, GITHUB)
    assert all(r.returncode == 0 for r in results.values()), results
    values = {"github.event.pull_request.base.sha": base}
    env = {**os.environ, "CITEGRAPH_OFFLINE": "1"}
    for step in steps[steps.index(ours) + 1 :]:
        if step["name"] == "Comment the diff":
            continue  # needs GitHub's API
        assert "${{" not in step["run"], "values reach scripts through env, never inline"
        step_env = {**env, **{k: expand(str(v), values) for k, v in step.get("env", {}).items()}}
        words = shlex.split(step["run"].replace("citegraph ", "CITEGRAPH ", 1))
        words = CITEGRAPH + words[1:] if words[0] == "CITEGRAPH" else words
        words = [os.path.expandvars(w) if w.startswith("$") else w for w in words]
        words = [step_env.get(w[1:], w) if w.startswith("$") else w for w in words]
        done = subprocess.run(words, cwd=root, env=step_env, capture_output=True, text=True)
        assert done.returncode == 0, (step["name"], done.stdout, done.stderr)
    diff = (root / "citegraph-report" / "diff.md").read_text()
    assert "starts citing 2 papers and stops citing 1 paper" in diff
    assert "arxiv:1207.0580" in diff


def assert_commit_has(sha: str, path: str) -> None:
    """`sha` is a commit of this repository that holds `path` (so the pin can be used)."""
    found = subprocess.run(
        ["git", "-C", str(EXAMPLES.parent), "cat-file", "-e", f"{sha}:{path}"],
        capture_output=True,
    )
    assert found.returncode == 0, f"{sha} is not a commit of this repository with {path}"


def test_workflows_pass_zizmor_without_high_findings() -> None:
    done = subprocess.run(
        [
            shutil.which("zizmor", path=str(Path(sys.executable).parent)) or "zizmor",
            "--offline",
            "--format",
            "json",
            str(EXAMPLES / "github-actions.yml"),
            str(ACTION),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(done.stdout)
    severe = [f for f in findings if f["determinations"]["severity"] in ("High", "Medium")]
    assert severe == [], severe


def test_gitlab_job_commands_produce_the_code_quality_report(repo: tuple[Path, str]) -> None:
    root, _ = repo
    (root / "typo.py").write_text("# arXiv:2113.01234\n")
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text())["citegraph"]
    env = {**os.environ, "CITEGRAPH_OFFLINE": "1"}
    codes = []
    assert_commit_has(job["variables"]["CITEGRAPH_COMMIT"], "pyproject.toml")
    for line in job["script"]:
        if "pip install" in line:
            assert "git+https://github.com/citegraph/citegraph@${CITEGRAPH_COMMIT}" in line
            continue
        command = line.split(" || ")[0]
        codes.append(run_command(command, root, env).returncode)
    assert codes == [0, 1, 1]  # scan ok; check reports the typo (the job fails, as it should)
    report = json.loads((root / job["artifacts"]["reports"]["codequality"]).read_text())
    assert [i["check_name"] for i in report] == ["CG001"]
    assert report[0]["location"] == {"path": "typo.py", "lines": {"begin": 1}}


def test_pre_commit_snippets_name_the_published_hook_at_an_existing_commit() -> None:
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text())
    hooks = yaml.safe_load((EXAMPLES.parent / ".pre-commit-hooks.yaml").read_text())
    (repo,) = config["repos"]
    assert repo["hooks"][0]["id"] in {h["id"] for h in hooks}
    assert_commit_has(repo["rev"], ".pre-commit-hooks.yaml")
    readme = (EXAMPLES.parent / "README.md").read_text()
    assert f"rev: {repo['rev']}" in readme


def test_the_action_s_verdict_after_a_failed_scan_says_so(tmp_path: Path) -> None:
    # a scan that failed (a bad setting) left the check unrun; the verdict then said "citegraph
    # check failed with exit code " with no code, and the SARIF upload failed on a missing file
    action = yaml.safe_load(ACTION.read_text())
    steps = {step.get("name"): step for step in action["runs"]["steps"]}
    env = {**os.environ, "EXIT_CODE": "", "FAIL_ON_FINDINGS": "true"}
    done = subprocess.run(
        ["bash", "-e", "-c", steps["Verdict"]["run"]], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stdout == (
        "::error title=citegraph::citegraph did not finish; see the first failed step above\n"
    )
    # GitHub evaluates the condition: the upload waits for the file the scan writes.
    assert (
        "hashFiles(format('{0}/citegraph.sarif', inputs.report-dir))"
        in (steps["Upload SARIF"]["if"])
    )
