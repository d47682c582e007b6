"""`citegraph check --fix`: repairs that cannot change what a citation means.

Each fixable rule maps the cited text to its repaired form; the edit is applied only when the
file still holds exactly that text at the finding's span, and edits to one file are applied
from the end backwards so earlier positions stay valid. A fixed file keeps its encoding, its
byte order mark and its line endings: only the repaired spans change.
"""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from citegraph.output import write_bytes
from citegraph.report import Finding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Lines end after `\n` (a lone `\r` ends none), as the scanner counts them; each line keeps
# its own ending, so CRLF stays CRLF.
_LINE_END = re.compile(r"(?<=\n)")
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
        source = read_source(file)
        if source is None:
            continue  # unreadable, or not in an encoding it could be written back in unchanged
        lines = _LINE_END.split(source.text)
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
            write_bytes(file, source.encode("".join(lines)), mode=source.mode)
    return fixed


@dataclass(frozen=True, slots=True)
class Source:
    """A file's text and how to turn edited text back into bytes the same way."""

    text: str
    bom: bytes
    encoding: str
    mode: int

    def encode(self, text: str) -> bytes:
        """`text` in the file's encoding, behind its original byte order mark."""
        return self.bom + text.encode(self.encoding)


def read_source(path: Path) -> Source | None:
    """The text of `path` with its BOM and encoding (UTF-8, UTF-16 with a BOM, or a Python
    coding cookie); None when unreadable or undecodable, so a fix never loses bytes."""
    try:
        data = path.read_bytes()
        mode = path.stat().st_mode & 0o7777
    except OSError:
        return None
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    body = data[len(bom) :]
    if not bom and path.suffix in (".py", ".pyi", ".pyx"):
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:
            return None
    try:
        text = body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    if text.encode(encoding) != body:
        return None  # the codec does not round-trip this file: leave it alone
    return Source(text, bom, encoding, mode)
