"""The wheel people install carries the licence the project declares."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_license_file_is_mit_and_in_the_wheel() -> None:
    assert (REPO / "LICENSE").read_text().startswith("MIT License\n")
    wheelhouse = Path(os.environ.get("CITEGRAPH_WHEELHOUSE", str(REPO / ".ci" / "wheelhouse")))
    wheels = sorted(wheelhouse.glob("citegraph-*.whl"))
    if not wheels:
        pytest.fail(f"no citegraph wheel in {wheelhouse}: .ci/run builds it (pip wheel -w)")
    with zipfile.ZipFile(wheels[-1]) as wheel:
        names = wheel.namelist()
        licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert wheel.read(licence).decode() == (REPO / "LICENSE").read_text()
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert b"License-Expression: MIT" in metadata
