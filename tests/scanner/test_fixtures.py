"""Fixture-driven scans: every source file under tests/fixtures/sources beside its expected
mentions (`<file>.expected.json`). Regenerate with CITEGRAPH_REGEN_FIXTURES=1 and review the
diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SOURCES, assert_expected

from scanner.scan import scan_file
from scanner.types import FileScan

FIXTURES = sorted(p for p in SOURCES.rglob("*") if p.is_file() and not p.name.endswith(".json"))


def describe(scan: FileScan) -> dict[str, object]:
    return {
        "status": scan.status.value,
        "reason": scan.reason,
        "mentions": [
            {
                "at": f"{m.line}:{m.column}-{m.end_line}:{m.end_column}",
                "context": m.context.value,
                "symbol": m.symbol.name,
                "symbol_kind": m.symbol.kind.value,
                "kind": m.kind.value,
                "id": m.ref.key if m.ref else None,
                "version": m.ref.version if m.ref else None,
                "title_hint": m.title_hint,
                "problem": m.problem,
                "also_lines": list(m.also_lines),
            }
            for m in scan.mentions
        ],
    }


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.relative_to(SOURCES).as_posix())
def test_fixture(fixture: Path) -> None:
    relative = fixture.relative_to(SOURCES).as_posix()
    actual = describe(scan_file(SOURCES, relative))
    assert_expected(fixture.with_name(fixture.name + ".expected.json"), actual)


def test_every_language_has_a_fixture() -> None:
    from scanner.languages import LANGUAGES

    covered = {p.relative_to(SOURCES).parts[0] for p in FIXTURES}
    assert set(LANGUAGES) <= covered
