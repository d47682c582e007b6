"""`citegraph check --fix`: repairs that cannot change what a citation means.

Each fixable rule maps the cited text to its repaired form; the edit is applied only when the
file still holds exactly that text at the finding's span, and edits to one file are applied
from the end backwards so earlier positions stay valid.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from citegraph.output import OutputTarget, write_output
from citegraph.report import Finding

_VERSION = re.compile(r"(?i)(arxiv\.org/(?:abs|pdf|html)/[^\s]*?)v\d+")


def _https(text: str) -> str | None:
    return "https://" + text[len("http://") :] if text.lower().startswith("http://") else None


def _abstract_page(text: str) -> str | None:
    fixed = re.sub(r"(?i)arxiv\.org/pdf/([^\s]+?)(?:\.pdf)?$", r"arxiv.org/abs/\1", text)
    return fixed if fixed != text else None


def _unversioned(text: str) -> str | None:
    fixed = _VERSION.sub(r"\1", text)
    return fixed if fixed != text else None


def _strip_trailing(text: str) -> str | None:
    fixed = text.rstrip(".,;:")
    return fixed if fixed != text else None


FIXES: dict[str, Callable[[str], str | None]] = {
    "CG201": _https,
    "CG202": _abstract_page,
    "CG203": _unversioned,
}


def apply_fixes(root: Path, findings: tuple[Finding, ...]) -> list[Finding]:
    """Apply every safe fix; returns the findings that were fixed."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.rule in FIXES and finding.end_line == finding.line and finding.end_column:
            by_file[finding.path].append(finding)
    fixed = []
    for path, items in by_file.items():
        file = root / path
        try:
            lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
        except (OSError, UnicodeDecodeError):
            continue
        changed = False
        spans: dict[tuple[int, int, int], list[Finding]] = defaultdict(list)
        for finding in items:
            spans[(finding.line, finding.column, finding.end_column or 1)].append(finding)
        # Later spans first, so earlier positions stay valid; fixes of one span compose.
        for (number, column, end_column), group in sorted(spans.items(), reverse=True):
            line = lines[number - 1]
            start, end = column - 1, end_column - 1
            text = line[start:end]
            for finding in sorted(group, key=lambda f: f.rule):
                repaired = FIXES[finding.rule](text)
                if repaired is not None:
                    text = repaired
                    fixed.append(finding)
            if text != line[start:end]:
                lines[number - 1] = line[:start] + text + line[end:]
                changed = True
        if changed:
            write_output(OutputTarget("text", file), "".join(lines))
    return fixed
