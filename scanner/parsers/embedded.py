"""Comments of code held in a string literal (a shader in a template string) are places.

three.js keeps its GLSL in JavaScript template strings, and the shaders' comments cite their
papers (`// Estevez and Kulla 2017, "Production Friendly Microfacet Sheen BRDF"`); a Python
string may hold JavaScript or C the same way. The string is code, read only with `--strings`,
but each run of its own-line `//` comments, and each `/* ... */` comment in it, is a comment
block: a place. A string block is split into one COMMENT block per run (the rest blanked) and
the STRING block with those runs blanked, so no text is read twice; offsets are kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scanner.types import Context, TextBlock

# An own-line `//` comment (a URL's `//` follows its scheme on the line), or a block comment.
_COMMENT = re.compile(r"(?m)^[ \t]*//[^\n]*|/\*.*?\*/", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
# Where an own-line `//` may start after the first line: a search from a literal, which the
# engine skips to, where `_COMMENT`'s line anchor is tried at every character.
_OWN_LINE_SLASHES = re.compile(r"\n[ \t]*//")


def split_embedded(block: TextBlock) -> list[TextBlock]:
    """The STRING `block` and the comment blocks of the code it holds (see module doc)."""
    text = block.text
    if block.context is not Context.STRING or "\n" not in text:
        return [block]
    if "/*" not in text and not (
        text.lstrip(" \t").startswith("//") or _OWN_LINE_SLASHES.search(text)
    ):
        return [block]  # no comment (most such strings hold a URL's `//`)
    runs: list[tuple[int, int]] = []
    for match in _COMMENT.finditer(text):
        start, end = match.span()
        # Own-line comments on consecutive lines are one block, as in source code.
        if runs and _adjacent(text, runs[-1][1], start):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    if not runs:
        return [block]
    rest = text
    blocks = []
    for start, end in runs:
        comment = _delimiters_blanked(text[start:end])
        blanked = _blank(text[:start]) + comment + _blank(text[end:])
        blocks.append(replace(block, text=blanked, context=Context.COMMENT))
        rest = rest[:start] + _blank(rest[start:end]) + rest[end:]
    return [replace(block, text=rest), *blocks]


def _adjacent(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip() and text.count("\n", end, start) == 1


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


# A comment's delimiters, blanked as in a comment of source code: each line's `//`, or the
# `/*`, `*/` and ` * ` margin of a block comment (a title over two `//` lines keeps no `//`).
_DELIMITER = re.compile(r"(?m)^([ \t]*)(//+|\*+(?!/))|/\*+|\*+/")


def _delimiters_blanked(comment: str) -> str:
    return _DELIMITER.sub(
        lambda m: (m.group(1) or "") + " " * len(m.group(2) or m.group(0)), comment
    )
