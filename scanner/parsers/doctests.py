"""Doctest examples in documentation are code, not reference text: they are blanked.

An example starts at a `>>>` prompt, goes on over its `...` continuation lines, and its output
runs to the next blank line or prompt. Its code and its output (a DataFrame's rows, a date, a
keyword argument `title="My plot"`) hold years, names and quoted strings that read like
citations and never are; a link in a `>>>` call is code too. Blanking keeps every newline and
every other offset, so what is left maps to the file as before.
"""

from __future__ import annotations

import re

_PROMPT = ">>>"
# A prompt line: the prompt alone or followed by a blank (`>>>>` is no prompt).
_PROMPT_LINE = re.compile(r"[ \t]*>>>(?:[ \t]|$)")


def blank_doctests(text: str) -> str:
    """`text` with its doctest examples (prompts, continuations and output) blanked."""
    if _PROMPT not in text:
        return text
    lines = text.split("\n")
    inside = False
    changed = False
    for number, line in enumerate(lines):
        if _PROMPT_LINE.match(line):
            inside = True
        elif inside and not line.strip():
            inside = False
        if inside:
            lines[number] = " " * len(line)
            changed = True
    return "\n".join(lines) if changed else text
