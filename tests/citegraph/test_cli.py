"""`cli.run` is the one place exceptions become exit codes and messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
import pytest

from citegraph.cli import run
from citegraph.exitcodes import ExitCode


def _fail(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("command", "target", "expected"),
    [
        # pre-commit and CI read 2 from a linter as "the tool failed"; 1 would mean findings.
        (["check"], "citegraph.checks.runner.run_check", ExitCode.USAGE),
        (["scan", ".", "-q"], "citegraph.commands.scan.rendered_scan", ExitCode.ERROR),
    ],
)
def test_internal_errors_exit_with_the_commands_code_and_a_traceback(
    command: list[str],
    target: str,
    expected: ExitCode,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.citegraph]\n")
    import citegraph.commands.scan  # noqa: F401  (so that its name can be patched)

    monkeypatch.setattr(target, _fail)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = run(command)
    finally:
        os.chdir(old)
    err = capsys.readouterr().err
    assert code == expected
    assert "internal error" in err and "RuntimeError: boom" in err


def test_configuration_errors_exit_2_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.citegraph]\nno-such-key = 1\n")
    code = run(["scan", str(tmp_path), "-q"])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE
    assert "unknown key" in err and "Traceback" not in err


def _every_option() -> list[tuple[str, click.Option]]:
    """Every visible option of every command, with the command's name."""
    from citegraph.cli import cli

    context = click.Context(cli)
    options: list[tuple[str, click.Option]] = []

    def walk(command: click.Command, name: str) -> None:
        options.extend(
            (f"{name} {param.opts[-1]}", param)
            for param in command.params
            if isinstance(param, click.Option) and not param.hidden
        )
        if isinstance(command, click.Group):
            for sub in command.list_commands(context):
                found = command.get_command(context, sub)
                assert found is not None
                walk(found, f"{name} {sub}")

    walk(cli, "citegraph")
    return options


def test_every_option_of_every_command_says_what_it_does() -> None:
    assert [name for name, option in _every_option() if not option.help] == []


def test_every_default_is_told_in_the_options_own_words() -> None:
    # `index --help` read "(0: no limit).  [default: 1800.0; x>=0]" beside scan's
    # "(default 10; 0: no limit)": one style, the default in the help text
    assert [name for name, option in _every_option() if option.show_default] == []


def test_logged_warnings_read_as_citegraphs_own_and_quiet_silences_them(tmp_path: Path) -> None:
    # 'citegraph: WARNING: scan cache ... rebuilt it' beside 'citegraph: warning: ...'; and
    # `-q` means errors only, as `ruff -q` and `codespell -q` do: the logged warning printed
    # through it.
    import subprocess
    import sys

    (tmp_path / "mod.py").write_text("# arXiv:1706.03762\n")
    cache = tmp_path / "cache"
    cache.mkdir()
    env = {**os.environ, "CITEGRAPH_CACHE_DIR": str(cache)}
    for quiet in ([], ["-q"]):
        (cache / "scan-cache.sqlite3").write_bytes(b"not a database, not at all" * 40)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "citegraph",
                "scan",
                str(tmp_path),
                "--offline",
                "-f",
                "json",
                *quiet,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0
        assert json.loads(done.stdout)["citations"]
        if quiet:
            assert done.stderr == ""
        else:
            assert "citegraph: warning: scan cache" in done.stderr
            assert "WARNING" not in done.stderr


def test_the_top_help_gives_examples_and_every_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a CI step or a hook is written against the exit codes; `--help` named none of them
    assert run(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Examples: citegraph scan ." in text
    codes = text.split("Exit codes:")[1]
    assert all(f"{int(code)} " in codes for code in ExitCode)


@pytest.mark.parametrize("command", [["scan", "-q", "--offline"], ["check", "--root"]])
def test_a_catalog_a_newer_citegraph_wrote_is_one_line_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    # a pre-commit hook pinned to an older commit shares the user's catalog with a newer CLI
    import sqlite3

    from catalog.schema import SCHEMA_VERSION

    future = tmp_path / "future.sqlite3"
    sqlite3.connect(future).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    monkeypatch.setenv("CITEGRAPH_CATALOG", str(future))
    (tmp_path / "mod.py").write_text('"""See arXiv:1706.03762."""\n')
    code = run([*command, str(tmp_path)])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE and "Traceback" not in err
    assert err.startswith(f"citegraph: error: catalog {future} was written by a newer citegraph")
    assert len(err.splitlines()) == 1
