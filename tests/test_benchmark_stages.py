"""The per-stage breakdown: nested stages charge their own time only, and a scan is covered."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.stages import ORDER, StageClock

_ROOT = Path(__file__).resolve().parents[1]


def _spin(seconds: float) -> None:
    # The clock charges this thread's CPU time, so spin on that clock: the process clock also
    # counts other threads (a loaded machine or a plugin's thread made the stage look short).
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_an_inner_stage_is_not_charged_to_the_outer_one() -> None:
    clock = StageClock()
    inner = clock.wrap("titles", lambda: _spin(0.05))

    def outer_body() -> None:
        _spin(0.02)
        inner()

    clock.wrap("identifiers", outer_body)()
    assert clock.seconds["titles"] >= 0.05
    assert 0.02 <= clock.seconds["identifiers"] < 0.05


def test_a_generator_stage_is_charged_each_step() -> None:
    clock = StageClock()

    def walk():  # type: ignore[no-untyped-def]
        for _ in range(3):
            _spin(0.01)
            yield 1

    assert sum(clock.wrap("walk", walk)()) == 3
    assert clock.seconds["walk"] >= 0.03


def test_breakdown_of_a_scan_names_every_stage(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(
        '"""The model of Vaswani et al. (2017), arXiv:1706.03762."""\n\n# see doi:10.1000/xyz123\n',
        encoding="utf-8",
    )
    output = subprocess.run(
        [
            sys.executable,
            str(_ROOT / "benchmarks" / "stages.py"),
            str(tmp_path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds = json.loads(output)
    assert list(seconds) == list(ORDER)
    assert seconds["lex/parse"] > 0 and seconds["identifiers"] > 0 and seconds["titles"] > 0
