"""Inline suppressions: `citegraph: ignore` or `citegraph: ignore[CG003, CG201]` on the line."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from citegraph.report import Finding

_MARKER = re.compile(r"citegraph:\s*ignore(?:\[(?P<codes>[A-Za-z0-9,\s]+)\])?")


def suppressed_codes(line: str) -> frozenset[str] | None:
    """The codes a line suppresses: None for no marker, an empty set for all codes."""
    match = _MARKER.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    if not codes:
        return frozenset()
    return frozenset(c.strip().upper() for c in codes.split(",") if c.strip())


def is_suppressed(root: Path, finding: Finding) -> bool:
    """Whether the line of `finding` (or, for a multi-line mention, its last line) opts out."""
    lines = _lines(str(root / finding.path))
    for number in {finding.line, finding.end_line or finding.line}:
        if 1 <= number <= len(lines):
            codes = suppressed_codes(lines[number - 1])
            if codes is not None and (not codes or finding.rule in codes):
                return True
    return False


@lru_cache(maxsize=256)
def _lines(path: str) -> tuple[str, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return tuple(handle.read().splitlines())
    except OSError:
        return ()
