"""`scan`, `check` and the pre-commit hook never import Dask; `index` explains a missing extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "demo"

PROBE = """
import sys
from citegraph.cli import run
code = run(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed"))
print("IMPORTED", heavy)
"""


def _imports(tmp_path: Path, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    return next(line for line in done.stdout.splitlines() if line.startswith("IMPORTED"))


def test_scan_and_check_never_import_dask(tmp_path: Path) -> None:
    scan = ["scan", str(EXAMPLE), "--offline", "-q", "-f", "json", "-o", str(tmp_path / "s.json")]
    assert _imports(tmp_path, *scan) == "IMPORTED []"
    assert _imports(tmp_path, "check", str(EXAMPLE / "docs" / "design.md")) == "IMPORTED []"
    assert _imports(tmp_path, "index", "--help") == "IMPORTED []"


def test_index_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "a.py").write_text('"""arXiv:1412.6980"""\n')
    blocker = tmp_path / "block"
    blocker.mkdir()
    # A module named `distributed` that fails to import, first on the path.
    (blocker / "distributed.py").write_text("raise ImportError('no dask here')\n")
    done = subprocess.run(
        [sys.executable, "-m", "citegraph", "index", "repo", "-o", "out", "--offline", "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**__import__("os").environ, "PYTHONPATH": str(blocker)},
    )
    assert done.returncode == 2
    assert "pip install 'dask[distributed]'" in done.stderr and "Traceback" not in done.stderr


def test_index_without_the_extra_makes_no_output_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from citegraph.cli import run

    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "a.py").write_text('"""arXiv:1412.6980"""\n')
    found = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "distributed" else found(name, *a),
    )
    out = tmp_path / "out"
    assert run(["index", str(tmp_path / "repo"), "-o", str(out), "--offline", "-q"]) == 2
    assert not out.exists()  # an empty DIR was left behind
