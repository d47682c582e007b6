"""Block fixtures for the tree-sitter parser: `<case>.<ext>` beside `<case>.<ext>.blocks.json`.

Each row of the JSON is one block: `line:column`, context, owning symbol, its kind and line, and
the first 40 characters of the block text (delimiters blanked). Regenerate with
CITEGRAPH_REGEN_FIXTURES=1 and review the diff. (`<case>.<ext>.expected.json` holds the
scan-level mentions of the shared fixture test.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SOURCES, assert_expected, block_rows_text

from scanner.languages import LANGUAGES, language_for
from scanner.parsers.treesitter import TreeSitterParser
from scanner.types import SourceFile

TREE_SITTER = sorted(name for name, lang in LANGUAGES.items() if lang.parser == "tree-sitter")
FIXTURES = sorted(
    path
    for name in TREE_SITTER
    for path in (SOURCES / name).rglob("*")
    if path.is_file() and not path.name.endswith(".json")
)


def describe(path: Path) -> dict[str, object]:
    relative = path.relative_to(SOURCES).as_posix()
    language = language_for(relative)
    assert language is not None
    text = path.read_text(encoding="utf-8")
    parsed = TreeSitterParser().parse(SourceFile(relative, path, language.name, text, relative))
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


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.relative_to(SOURCES).as_posix())
def test_blocks(fixture: Path) -> None:
    actual = describe(fixture)
    assert_expected(fixture.with_name(fixture.name + ".blocks.json"), actual, block_rows_text)


def test_every_tree_sitter_language_has_a_block_fixture() -> None:
    covered = {p.relative_to(SOURCES).parts[0] for p in FIXTURES}
    assert covered == set(TREE_SITTER)
