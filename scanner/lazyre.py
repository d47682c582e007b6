"""Regular expressions compiled on first use, for the patterns a short run never needs."""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# The compiled pattern's attributes a `LazyPattern` takes on at its first use.
_TAKEN = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A regular expression compiled the first time it is used.

    Compiling costs about as much as importing a module (a large pattern a few milliseconds),
    and a pre-commit check or a warm rescan runs a few dozen of the project's few hundred
    patterns. At its first use the pattern is compiled and its methods become attributes of
    this object, so every later call costs what a call on the compiled pattern does. `pattern`
    is readable without compiling (patterns built from other patterns' text).
    """

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Python calls this only for an attribute the object lacks: before the first use.
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _TAKEN:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, flags))
