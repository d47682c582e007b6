"""Same-length rewrites of a file's bytes before its grammar parses it (`Language.rewrite`).

Each keeps every byte's offset (and so every line, and every column but on a fixed-form
continuation line), changes only what its grammar cannot read, and leaves comment text as
written but for its comment marker:

- `octave`: Octave's `#` comments (`#`, `##`, `#{ ... #}`, a `#` after code outside quotes)
  read as MATLAB's `%`, its `endfunction`, `endif`, ... keywords opening a line as `end`, and
  its `!` and `!=` in code (outside strings and comments) as `~` and `~=`, and the default
  values of a function's arguments (`function y = f (x, tol = 1e-6)`) blanked (tree-sitter-matlab
  knows none of them; on gnu-octave/statistics they left 565 of 593 files with error nodes,
  after the rewrite 154).
- `fixed-form`: a fixed-form Fortran comment line (`C`, `c` or `*` in the first column) read as a
  `!` comment, which is all tree-sitter-fortran knows (it reads free form); the marker is then
  blanked like any `!`. A continuation line (a mark in the sixth column: `$`, `+`, `&`, `1`, ...)
  is joined as free form joins it, by an `&` ending the line before: the line break moves one
  byte to the right over the mark (`...,\n     $  TAU )` reads `...,&\n       TAU )`), so the
  continued code reads one column to the left. Left as they were, the marks broke the statement
  (a `subroutine` whose arguments go on over continuation lines was no unit at all, and its
  comments fell to the file); on ARPACK's 320 fixed-form files the grammar's error nodes went
  from 5,517 to none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A `#` opening a comment: first on its line, or after code whose quotes all close before it
# (a transpose's `'` opens none that closes: such a line keeps its `#`) and holding no `%`.
_HASH_COMMENT = re.compile(
    rb"(?m)^([ \t]*)(#+)|^((?:[^'\"%#\n]|'[^'\n]*'|\"[^\"\n]*\")*?[ \t;,)\]}])(#+)"
)
_OCTAVE_END = re.compile(
    rb"(?m)^([ \t]*end)(function|if|for|while|switch|_try_catch|_unwind_protect|classdef"
    rb"|methods|properties|events|enumeration|parfor|spmd)\b"
)
_FIXED_COMMENT = re.compile(rb"(?m)^[Cc*]")
_FIXED_CONTINUATION = re.compile(rb"(\r?\n) {5}[^ 0\r\n]")


# What Octave's `!` is looked for outside of, in order: a `%{ ... %}` block comment, a string
# (a `'` after a name, a closing bracket, a dot or a quote is a transpose), a comment (`%` to the
# line's end, `...` and its comment); else the `!` itself.
_OCTAVE_NOT = re.compile(
    rb"(?m)^[ \t]*%\{[ \t]*\r?$.*?^[ \t]*%\}|\"[^\"\n]*\"|(?<![\w)\]}.'])'[^'\n]*'|%[^\n]*"
    rb"|\.\.\.[^\n]*|(!)",
    re.DOTALL,
)


# A function line's arguments, up to the last `)` before any comment.
_SIGNATURE = re.compile(rb"(?m)^([ \t]*function\b[^\n(%]*\()([^\n%]*)\)")


def _no_defaults(match: re.Match[bytes]) -> bytes:
    """A function line with each argument's default (`= value`, up to the next comma outside
    brackets and quotes) blanked."""
    arguments = match.group(2)
    if b"=" not in arguments:
        return match.group(0)
    kept = bytearray(arguments)
    depth = 0
    quote = 0
    blanking = False
    for index, char in enumerate(arguments):
        if quote:
            quote = 0 if char == quote else quote
        elif char in b"'\"":
            quote = char
        elif char in b"([{":
            depth += 1
        elif char in b")]}":
            depth -= 1
        elif char == ord(",") and depth == 0:
            blanking = False
            continue
        elif char == ord("=") and depth == 0:
            blanking = True
        if blanking:
            kept[index] = ord(" ")
    return match.group(1) + bytes(kept) + b")"


def _tilde(match: re.Match[bytes]) -> bytes:
    return b"~" if match.group(1) is not None else match.group(0)


def _percent(match: re.Match[bytes]) -> bytes:
    if match.group(1) is not None:
        return match.group(1) + b"%" * len(match.group(2))
    return match.group(3) + b"%" * len(match.group(4))


def _plain_end(match: re.Match[bytes]) -> bytes:
    return match.group(1) + b" " * len(match.group(2))


def octave(data: bytes) -> bytes:
    """Octave's comments, end keywords, `!` and default arguments as MATLAB writes them."""
    if b"#" in data:
        data = _HASH_COMMENT.sub(_percent, data)
    if b"end" in data:
        data = _OCTAVE_END.sub(_plain_end, data)
    if b"!" in data:
        data = _OCTAVE_NOT.sub(_tilde, data)
    if b"=" in data:
        data = _SIGNATURE.sub(_no_defaults, data)
    return data


def fixed_form(data: bytes) -> bytes:
    """Fixed-form Fortran's column-one comment lines as `!` comments, its continuation lines
    joined by an `&` ending the line before."""
    return _FIXED_CONTINUATION.sub(_joined, _FIXED_COMMENT.sub(b"!", data))


def _joined(match: re.Match[bytes]) -> bytes:
    return b"&" + match.group(1) + b"     "


# rewrite name (`Language.rewrite`) -> the rewrite.
REWRITES: dict[str, Callable[[bytes], bytes]] = {
    "octave": octave,
    "fixed-form": fixed_form,
}
