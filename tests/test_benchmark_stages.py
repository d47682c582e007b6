"""The per-stage breakdown: nested stages charge their own time only, and a scan is covered."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.stages import FINE_ORDER, ORDER, StageClock

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


def _breakdown(root: Path, *options: str) -> dict[str, float]:
    (root / "model.py").write_text(
        '"""The model of Vaswani et al. (2017), arXiv:1706.03762."""\n\n# see doi:10.1000/xyz123\n',
        encoding="utf-8",
    )
    output = subprocess.run(
        [
            sys.executable,
            str(_ROOT / "benchmarks" / "stages.py"),
            str(root),
            "--format",
            "json",
            *options,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds: dict[str, float] = json.loads(output)
    return seconds


def test_breakdown_of_a_scan_names_every_stage(tmp_path: Path) -> None:
    seconds = _breakdown(tmp_path)
    assert list(seconds) == list(ORDER)
    assert seconds["lex/parse"] > 0 and seconds["identifiers"] > 0 and seconds["titles"] > 0


def test_each_fine_stage_follows_the_stage_it_is_a_part_of() -> None:
    assert [stage for stage in FINE_ORDER if ": " not in stage] == list(ORDER)
    for stage in FINE_ORDER:
        whole, _, part = stage.partition(": ")
        if part:
            assert whole in ORDER
            assert FINE_ORDER.index(whole) < FINE_ORDER.index(stage)
            between = FINE_ORDER[FINE_ORDER.index(whole) + 1 : FINE_ORDER.index(stage)]
            assert all(name.startswith(whole + ": ") for name in between), stage


def test_the_fine_breakdown_takes_the_parse_and_the_detector_apart(tmp_path: Path) -> None:
    # A citing module: its structure is read (the compiler's symbol table), and its docstring
    # goes through the needle test and the detector's rules and tagger.
    seconds = _breakdown(tmp_path, "--fine")
    assert list(seconds) == list(FINE_ORDER)
    for stage in (
        "lex/parse: Python lexing",
        "lex/parse: symbol table",
        "lex/parse: logical lines",
        "titles: needle test",
        "titles: rules",
        "titles: tagger features",
        "titles: vetting",
    ):
        assert seconds[stage] > 0, stage
