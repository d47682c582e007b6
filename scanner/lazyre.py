"""Regular expressions compiled on first use, for the patterns a short run never needs."""

from __future__ import annotations

import contextlib
import re
import weakref
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
        _MADE.add(self)

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


# Every lazy pattern alive in this process (a module's constants), for `compile_made`.
_MADE: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def made_sources() -> list[tuple[str | bytes, int]]:
    """The pattern and flags of each lazy pattern made so far and not yet compiled."""
    return [(lazy.pattern, int(lazy._flags)) for lazy in _MADE if "search" not in lazy.__dict__]


def compile_made() -> None:
    """Compile every lazy pattern made so far (by the modules imported), as a pool's parent does
    before it forks: its workers inherit them compiled, where each compiled those it used (50
    to 70 on a tree, 10 ms to 20 ms of a worker), and the parent reads them from the pattern
    store (`scanner.patternstore.ahead_of_use`) in a fraction of that. One that does not compile
    is left to raise at its first use, as it would have."""
    for lazy in list(_MADE):
        if "search" not in lazy.__dict__:
            with contextlib.suppress(re.error):
                lazy.search  # noqa: B018 - the first use compiles it


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, flags))
