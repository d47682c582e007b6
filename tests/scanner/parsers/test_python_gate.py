"""With the prefilter, the Python parser leaves out the blocks that cannot cite, and only them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.extract import find_mentions
from scanner.options import TitleScope
from scanner.parsers.python import PythonParser
from scanner.prefilter import cue_offsets
from scanner.types import SourceFile

FIXTURES = Path(__file__).parents[2] / "fixtures" / "sources" / "python"

# Non-ASCII text before the cues shifts their byte offsets from the text's character offsets.
WIDE = '''"""Ünïcödé módule — it cites below."""

# Größe: a comment with no cue, after wide characters


def f():
    """Résumé of the method (see arXiv:1706.03762)."""
    note = "ça n'a pas de repère"  # plain
    return note


def g():
    # Smith, J. (1712). An old treatise: a year the prefilter does not count.
    return "λ → µ"


# {"é" * 80}
x = 1  # doi:10.1000/182
'''.replace('{"é" * 80}', "é" * 80)


def read(text: str, *, prefilter: bool) -> tuple[list, int]:
    cues = tuple(sorted(set(cue_offsets(text.encode("utf-8"))))) if prefilter else None
    source = SourceFile("m.py", Path("m.py"), "python", text, "m", prefilter, cues)
    parsed = PythonParser().parse(source)
    mentions = [m for block in parsed.blocks for m in find_mentions(block)]
    return mentions, len(parsed.blocks) + parsed.quiet


@pytest.mark.parametrize(
    "text",
    [WIDE, *(path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.py")))],
    ids=["wide", *(path.name for path in sorted(FIXTURES.glob("*.py")))],
)
def test_left_out_blocks_never_cite(text: str) -> None:
    every, count = read(text, prefilter=False)
    assert read(text, prefilter=True) == (every, count)


def test_blocks_without_cue_are_counted_not_returned() -> None:
    cues = tuple(sorted(set(cue_offsets(WIDE.encode("utf-8")))))
    source = SourceFile("m.py", Path("m.py"), "python", WIDE, "m", True, cues)
    parsed = PythonParser().parse(source)
    texts = [block.text for block in parsed.blocks]
    assert any("arXiv:1706.03762" in text for text in texts)
    assert any("1712" in text for text in texts)  # the title detector's year, no cue
    assert not any("Größe" in text or "repère" in text for text in texts)
    assert parsed.quiet >= 2


@pytest.mark.parametrize(
    ("cue", "kept"),
    [
        (0, [1]),  # the first comment's first byte
        (6, [1]),  # the second byte of its last `é`: still the first comment's
        (7, []),  # the newline after it
        (len("# été\nx = 1\n".encode()), [3]),  # the second comment's first byte
    ],
)
def test_a_cue_keeps_the_block_holding_its_byte(cue: int, kept: list[int]) -> None:
    # Cue offsets count UTF-8 bytes and blocks characters: a cue on any byte of a block, even
    # inside a wide character, keeps that block and no other.
    text = "# été\nx = 1\n# plain\n"
    source = SourceFile("m.py", Path("m.py"), "python", text, "m", True, (cue,), TitleScope.NONE)
    parsed = PythonParser(attribute_all=True).parse(source)
    assert [block.line for block in parsed.blocks] == kept
    assert parsed.quiet == 2 - len(kept)


# Not valid Python (the parse would fall back), and the one cue is a doctest example's DOI.
EXAMPLE_ONLY = '''def fetch(:
    """Fetch a record by its identifier.

    >>> fetch("doi:10.1000/182")
    'ok'
    """
'''


def test_a_module_is_read_only_when_the_text_the_scan_reads_cites() -> None:
    # Doctest examples are blanked before the scan reads a docstring: an identifier in one cites
    # nothing, so the module's structure is not read (nor is it found invalid) for its sake.
    cues = tuple(sorted(set(cue_offsets(EXAMPLE_ONLY.encode("utf-8")))))
    assert cues
    source = SourceFile("m.py", Path("m.py"), "python", EXAMPLE_ONLY, "m", True, cues)
    parsed = PythonParser().parse(source)
    assert (parsed.blocks, parsed.fallback, parsed.quiet) == ((), None, 1)
    # ...while the same identifier in the docstring's prose has it read, and found invalid
    prose = EXAMPLE_ONLY.replace('>>> fetch("doi:10.1000/182")', "See doi:10.1000/182.")
    cues = tuple(sorted(set(cue_offsets(prose.encode("utf-8")))))
    source = SourceFile("m.py", Path("m.py"), "python", prose, "m", True, cues)
    parsed = PythonParser().parse(source)
    assert parsed.fallback is not None
    assert [m.raw for b in parsed.blocks for m in find_mentions(b)] == ["doi:10.1000/182"]
