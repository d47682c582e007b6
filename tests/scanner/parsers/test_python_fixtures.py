"""Block-level fixtures for the Python parser: `<case>.py` beside `<case>.py.blocks.json`.

Each line of the JSON is one block: position, context, owning symbol and the first 40
characters of its text (delimiters blanked). Regenerate with CITEGRAPH_REGEN_FIXTURES=1 and
review the diff. (`<case>.py.expected.json` holds the scan-level mentions of the shared
fixture test.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SOURCES, assert_expected, block_rows_text

from scanner.parsers.python import PythonParser
from scanner.types import SourceFile

FIXTURES = sorted((SOURCES / "python").glob("*.py"))


def describe(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    source = SourceFile(path.name, path, "python", text, path.stem)
    parsed = PythonParser(attribute_all=True).parse(source)
    rows = [
        [
            f"{b.line}:{b.column}",
            b.context.value,
            b.symbol.name,
            b.symbol.kind.value,
            b.symbol.line,
            b.text[:40],
        ]
        for b in parsed.blocks
    ]
    return {"fallback": parsed.fallback, "blocks": rows}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_blocks(fixture: Path) -> None:
    actual = describe(fixture)
    assert_expected(fixture.with_name(fixture.name + ".blocks.json"), actual, block_rows_text)


def test_every_fixture_has_blocks() -> None:
    assert len(FIXTURES) >= 6
