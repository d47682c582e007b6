"""Same-length rewrites of a file's bytes before its grammar parses it (`Language.rewrite`).

Each keeps every byte's offset (and so every line and column), changes only what its grammar
cannot read, and leaves comment text as written but for its comment marker:

- `octave`: Octave's `#` comments (`#`, `##`, `#{ ... #}`, a `#` after code outside quotes)
  read as MATLAB's `%`, and its `endfunction`, `endif`, ... keywords opening a line as `end`
  (tree-sitter-matlab knows neither).
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


def _percent(match: re.Match[bytes]) -> bytes:
    if match.group(1) is not None:
        return match.group(1) + b"%" * len(match.group(2))
    return match.group(3) + b"%" * len(match.group(4))


def _plain_end(match: re.Match[bytes]) -> bytes:
    return match.group(1) + b" " * len(match.group(2))


def octave(data: bytes) -> bytes:
    """Octave's comments and end keywords as MATLAB writes them."""
    if b"#" in data:
        data = _HASH_COMMENT.sub(_percent, data)
    if b"end" in data:
        data = _OCTAVE_END.sub(_plain_end, data)
    return data


# rewrite name (`Language.rewrite`) -> the rewrite.
REWRITES: dict[str, Callable[[bytes], bytes]] = {
    "octave": octave,
}
