"""The terminal summary: wrapped at a terminal's width, never wrapped in a pipe or a file."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from citegraph.cli import run

SYMBOL = "pkg.subpackage_with_a_long_name.module_with_a_long_name.ClassWithALongName.method"
PATH = "pkg/subpackage_with_a_long_name/module_with_a_long_name.py"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    module = root / PATH
    module.parent.mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (module.parent / "__init__.py").write_text("")
    module.write_text(
        "class ClassWithALongName:\n"
        "    def method(self):\n"
        '        """See arXiv:1706.03762, arXiv:1412.6980 and doi:10.1145/362686.362692."""\n'
    )
    return root


def test_a_pipe_gets_one_record_per_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["scan", str(repo), "--no-resolve", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    sites = [line for line in lines if "->" in line]
    assert len(sites) == 3 and all(f"-> {SYMBOL}  {PATH}:3" in line for line in sites)
    assert max(map(len, lines)) > 100 and "\x1b[" not in "".join(lines)


def test_a_file_gets_one_record_per_line_too(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.txt"
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", str(out)]) == 0
    assert out.read_text().count(f"-> {SYMBOL}  {PATH}:3\n") == 3


def at_a_terminal(repo: Path, columns: int, env_columns: str | None) -> list[str]:
    """The summary as a terminal `columns` wide shows it (COLUMNS set to `env_columns`)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    if env_columns is not None:
        env["COLUMNS"] = env_columns
    command = [sys.executable, "-m", "citegraph", "scan", str(repo), "--no-resolve", "-q"]
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    text = output.decode()
    assert "\x1b[" in text  # colour at a terminal
    plain = text.replace("\r\n", "\n")
    for code in ("\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[31m", "\x1b[33m"):
        plain = plain.replace(code, "")
    return plain.splitlines()


@pytest.mark.parametrize(("columns", "env_columns", "width"), [(72, None, 72), (72, "50", 50)])
def test_a_terminal_gets_its_width(
    repo: Path, columns: int, env_columns: str | None, width: int
) -> None:
    lines = at_a_terminal(repo, columns, env_columns)
    assert max(len(line.rstrip()) for line in lines) <= width
    assert max(len(line.rstrip()) for line in lines) > width - 15  # wrapped, not cut short
    assert "".join(lines).count(SYMBOL) == 3  # folded across lines, nothing lost
