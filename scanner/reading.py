"""Reading one file safely: size, binary and encoding checks before any parser sees it."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

_SNIFF = 8192
_PY_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
# More than this share of invalid UTF-8 bytes means the file is in another encoding, not a
# UTF-8 file with a few stray bytes.
_MAX_BAD_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, or why it could not be read; `note` flags a lossy but usable decode."""

    text: str | None = None
    skip: str | None = None
    note: str | None = None


def too_large(size: int, max_size: int) -> str:
    """The skip reason of a file over the size limit."""
    return f"too large ({size:,} bytes > {max_size:,}; see max-file-size)"


def read_bytes(path: Path, max_size: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or `(None, reason)` when it is too large or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_size:
            return None, too_large(size, max_size)
        with path.open("rb") as handle:
            return handle.read(), None
    except OSError as error:
        return None, f"unreadable: {error.strerror or error}"


def decode(data: bytes, language: str) -> Decoded:
    """Decode source bytes: UTF-8 (with or without BOM), a Python coding cookie, or lossy UTF-8
    when only a few bytes are bad. Binary data is refused."""
    if b"\0" in data[:_SNIFF] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(skip="binary (NUL bytes)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(text=data.decode("utf-16"))
        except UnicodeDecodeError:
            return Decoded(skip="undecodable UTF-16")
    try:
        return Decoded(text=data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        first_error = error
    if language == "python":
        cookie = _PY_CODING.search(data, 0, _first_two_lines_end(data))
        if cookie:
            try:
                return Decoded(text=data.decode(cookie.group(1).decode("ascii")))
            except (LookupError, UnicodeDecodeError):
                pass
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(1, int(len(data) * _MAX_BAD_SHARE)):
        return Decoded(
            text=lossy,
            note=f"not valid UTF-8 at byte {first_error.start}; {bad} byte(s) replaced",
        )
    return Decoded(skip=f"undecodable: not UTF-8 (first bad byte at offset {first_error.start})")


def _first_two_lines_end(data: bytes) -> int:
    first = data.find(b"\n")
    if first < 0:
        return len(data)
    second = data.find(b"\n", first + 1)
    return len(data) if second < 0 else second
