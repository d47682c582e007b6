"""Text made safe to show: control characters, bidi overrides and undecodable bytes escaped.

File names, code and paper metadata are untrusted: `\\x1b]0;...\\x07` retitles a terminal, a
right-to-left override reorders a line a reviewer reads, a newline in a file name starts a
GitHub workflow command, and a name that is not UTF-8 (kept as surrogate escapes) cannot be
written at all. Every human-readable output passes its values through `printable` (the
renderers get a report made `displayable`); machine formats (JSON) escape by their own rules
and keep the exact text, with `escape_surrogates` as the last step.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from scanner import lazy_compile

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line and paragraph
# separators, and lone surrogates (from file names that are not UTF-8).
_UNSAFE = lazy_compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
_UNSAFE_LINES = lazy_compile(_UNSAFE.pattern[:-1] + "\t\n]")
_SURROGATE = lazy_compile("[\ud800-\udfff]")

T = TypeVar("T")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str, *, multiline: bool = True) -> str:
    """`text` with every unsafe character written as a Python-style escape (`\\x1b`, `\\u202e`,
    `\\xff` for an undecodable byte). Newlines and tabs are kept unless `multiline` is false."""
    pattern = _UNSAFE if multiline else _UNSAFE_LINES
    if pattern.search(text) is None:  # the common case costs one scan
        return text
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """`printable` for a value that must stay on one line (a path, a workflow command)."""
    return printable(text, multiline=False)


def escape_surrogates(text: str) -> str:
    """Lone surrogates written as `\\udcXX`: inside a JSON string, the escape JSON itself uses,
    so a file name that is not UTF-8 round-trips through a saved scan."""
    try:
        text.encode("utf-8")  # fails only on a surrogate; far faster than a regex search
        return text
    except UnicodeEncodeError:
        pass
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def displayable(value: T) -> T:
    """A copy of a frozen dataclass (a `Report`) with every string in it made `printable`;
    fields named `path` or `..._path` also lose their newlines and tabs."""
    return _clean(value, "")  # type: ignore[no-any-return]


def _clean(value: Any, name: str) -> Any:
    if isinstance(value, str):
        return one_line(value) if name.endswith("path") else printable(value)
    if isinstance(value, tuple):
        return tuple(_clean(item, name) for item in value)
    if isinstance(value, list):
        return [_clean(item, name) for item in value]
    if isinstance(value, dict):
        return {_clean(k, ""): _clean(v, "") for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in fields(value):
            old = getattr(value, field.name)
            new = _clean(old, field.name)
            if new is not old and new != old:
                changes[field.name] = new
        return replace(value, **changes) if changes else value
    return value
