"""Inline suppressions: `citegraph: ignore` or `citegraph: ignore[CG003, CG201]` on the line.

`scan` and `check` both apply them, so a suppressed finding is absent from every report and
listed apart (SARIF shows it as a result with an `inSource` suppression).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
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


def split_suppressed(
    root: Path, findings: Iterable[Finding], unmarked: Container[str] = ()
) -> tuple[list[Finding], list[Finding]]:
    """`findings` as (kept, suppressed), reading each file under `root` once; files in
    `unmarked` are known to hold no marker (`FileScan.marked`) and are not read."""
    files: dict[str, tuple[str, ...]] = {}
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        if finding.path not in files:
            files[finding.path] = () if finding.path in unmarked else _lines(root / finding.path)
        (suppressed if _silenced(finding, files[finding.path]) else kept).append(finding)
    return kept, suppressed


def is_suppressed(root: Path, finding: Finding) -> bool:
    """Whether the line of `finding` (or, for a multi-line mention, its last line) opts out."""
    return _silenced(finding, _lines(root / finding.path))


def _silenced(finding: Finding, lines: tuple[str, ...]) -> bool:
    for number in {finding.line, finding.end_line or finding.line}:
        if 1 <= number <= len(lines):
            codes = suppressed_codes(lines[number - 1])
            if codes is not None and (not codes or finding.rule in codes):
                return True
    return False


def _lines(path: Path) -> tuple[str, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return tuple(handle.read().splitlines())
    except OSError:
        return ()
