"""What a pattern's matches start with and must hold, read from its parse tree, for speed."""

from __future__ import annotations

import _sre as _engine
import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ahocorasick_rs import AhoCorasick

try:  # Python 3.11 and later
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

_MAX_CHARS = 128  # a longer list of first characters tests no faster than the pattern itself
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(
    getattr(_sre, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre, name)
)
# What reading a parse tree of another Python version may raise. Nothing broader: the per-file
# time budget interrupts a scan with an exception (`scanner.budget.FileTimeout`), and these
# run while a scan first imports the detector.
_UNREADABLE = (AttributeError, IndexError, KeyError, TypeError, ValueError, re.error)
_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, led by a lookahead for the characters a match of it can start with.

    The matches are the same. A search without a leading literal or character set tries the
    whole pattern at every position, each form of a long alternation in turn; the lookahead
    rejects most positions in one test. A match may also start with a blank (`\\s`) or be the
    text's end (`\\Z`), which the lookahead names as such. A pattern whose first character
    cannot be listed (a class such as `\\w`, a case-insensitive letter, a possibly empty
    match), or that the engine already finds by its leading characters, is returned as it is.
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
        items = list(parsed.data)
        if not items or _tested_first(*items[0]):
            return pattern
        first = _sequence(items)
    except _UNREADABLE:  # an engine internal we cannot read: keep the pattern as it is
        return pattern
    if first is None or first[1] or not first[0] or len(first[0]) > _MAX_CHARS:
        return pattern
    listed = sorted(first[0] - {_END})
    chars = "".join(char if char == _BLANK else f"\\U{ord(char):08x}" for char in listed)
    lead = f"[{chars}]|\\Z" if _END in first[0] else f"[{chars}]"
    flags = _GLOBAL_FLAGS.match(pattern.pattern)
    body = pattern.pattern[flags.end() :] if flags else pattern.pattern
    return re.compile(f"(?={lead})(?:{body})", pattern.flags)


# What a match may start with besides listed characters, as the lead names them: any blank
# (`\s`, which no list of characters spells for every Unicode blank), and the text's end (a
# form that is `\Z` alone matches there, before any character).
_BLANK = "\\s"
_END = "\\Z"


def _tested_first(op: Any, value: Any) -> bool:
    """Whether a pattern's first item already rejects a wrong position in one test: a literal
    or a set (which the engine also scans for), a line anchor, or alternatives that each open
    with one."""
    if op in (_sre.LITERAL, _sre.IN):
        return True
    if op is _sre.AT:
        return value in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_LINE, _sre.AT_BEGINNING_STRING)
    return op is _sre.BRANCH and all(
        alternative.data and alternative.data[0][0] in (_sre.LITERAL, _sre.IN)
        for alternative in value[1]
    )


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a sequence of parsed items can start with, and whether it can match
    empty; None when they cannot be listed."""
    chars: set[str] = set()
    for op, value in items:
        found = _item(op, value)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _item(op: Any, value: Any) -> tuple[set[str], bool] | None:
    if op is _sre.LITERAL:
        return {chr(value)}, False
    if op is _sre.AT and value is _sre.AT_END_STRING:
        return {_END}, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _sre.IN:
        return _members(value)
    if op is _sre.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in value[1]:
            found = _sequence(list(alternative.data))
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
        return chars, empty
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = value
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(list(inner.data))
    if op in _REPEATS:
        low, _high, inner = value
        found = _sequence(list(inner.data))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    return None


def _members(value: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    for op, item in value:
        if op is _sre.LITERAL:
            chars.add(chr(item))
        elif op is _sre.RANGE and item[1] - item[0] < _MAX_CHARS:
            chars.update(chr(code) for code in range(item[0], item[1] + 1))
        elif op is _sre.CATEGORY and item is _sre.CATEGORY_SPACE:
            chars.add(_BLANK)
        else:
            return None
    return chars, False


def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` holds, or None when they cannot be read.

    For each top-level alternative, the longest run of literal characters it matches in
    sequence (only characters without case when the pattern ignores case): a text span that
    holds none of them holds no match, which `str.find` tells far faster than a search.
    """
    try:
        items = list(_parse.parse(pattern.pattern, pattern.flags).data)
    except _UNREADABLE:  # an engine internal we cannot read: no needles
        return None
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        alternatives = [list(alternative.data) for alternative in items[0][1][1]]
    else:
        alternatives = [items]
    cased = bool(pattern.flags & re.IGNORECASE)
    found: list[str] = []
    for alternative in alternatives:
        runs, run = [], ""
        for op, value in alternative:
            if op is _sre.LITERAL and not (cased and _engine.unicode_iscased(value)):
                run += chr(value)
            else:
                runs.append(run)
                run = ""
        longest = max([*runs, run], key=len)
        if not longest:
            return None
        found.append(longest)
    return tuple(dict.fromkeys(found))


def holds_any(text: str, strings: tuple[str, ...] | None, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds one of `strings` (always, when they are None)."""
    if strings is None:
        return True
    if len(strings) < _MANY_STRINGS:
        return any(text.find(string, start, end) >= 0 for string in strings)
    # Asked of each region of a block in turn: the strings are found in the whole block once.
    found = _FOUND.get(strings)
    if found is None or found.text is not text:
        found = _FOUND[strings] = _Found(text, strings)
    return found.within(start, end)


# From this many strings on, one pass over the block for all of them costs less than a
# search for each in every region.
_MANY_STRINGS = 4


class _Found:
    """Where any of some strings occurs in one text (overlapping occurrences included)."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, strings: tuple[str, ...]) -> None:
        self.text = text
        try:
            matches = _automaton(strings).find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate (an undecodable byte kept)
            matches = [
                (0, at, at + len(string)) for string in strings for at in _find_all(text, string)
            ]
        # The automaton reports overlapping matches by where they end.
        matches.sort(key=lambda match: match[1])
        self.starts = [match[1] for match in matches]
        self.ends = [match[2] for match in matches]

    def within(self, start: int, end: int) -> bool:
        """Whether an occurrence lies inside `[start, end)`."""
        starts, ends = self.starts, self.ends
        at = bisect.bisect_left(starts, start)
        while at < len(starts) and starts[at] < end:
            if ends[at] <= end:
                return True
            at += 1
        return False


_FOUND: dict[tuple[str, ...], _Found] = {}  # per tuple of strings, for the last text asked


@lru_cache(maxsize=16)
def _automaton(strings: tuple[str, ...]) -> AhoCorasick:
    return AhoCorasick(list(strings))


def _find_all(text: str, string: str) -> list[int]:
    found = []
    at = text.find(string)
    while at >= 0:
        found.append(at)
        at = text.find(string, at + 1)
    return found


@dataclass(frozen=True, slots=True)
class LineLeads:
    """Where a pattern can match, read from its parse tree: `lines` finds the newlines after
    which its alternatives that open with `^` can match, `chars` are the characters its other
    alternatives open with."""

    lines: re.Pattern[str]
    chars: tuple[str, ...]


_BLANKS = [(_sre.IN, [(_sre.LITERAL, 32), (_sre.LITERAL, 9)])]


def line_leads(pattern: re.Pattern[str]) -> LineLeads | None:
    """The `LineLeads` of a pattern whose alternatives each open with `^[ \t]*(?![ \t])` (then
    a character that can be listed: a letter, a digit, a set) or with a literal character;
    None when it has another form or its parse tree cannot be read.

    A search with a pattern that opens with `^` tries it at every character of the text; trying
    it only where these say gives the same matches for a fraction of the time.
    """
    try:
        items = list(_parse.parse(pattern.pattern, pattern.flags).data)
        if len(items) == 1 and items[0][0] is _sre.BRANCH:
            alternatives = [list(alternative.data) for alternative in items[0][1][1]]
        else:
            alternatives = [items]
        after_blanks: list[_Member] = []
        chars: list[str] = []
        for alternative in alternatives:
            if alternative and alternative[0][0] is _sre.AT:
                if alternative[0][1] not in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_LINE):
                    return None
                if not _opens_with_blanks(alternative[1:3]):
                    return None
                first = _first_chars(alternative[3:])
                if first is None:
                    return None
                after_blanks.extend(first)
            else:
                first = _first_chars(alternative)
                if first is None or any(kind != "char" for kind, _ in first):
                    return None
                chars.extend(char for _, char in first)
    except _UNREADABLE:
        return None
    body = "".join(dict.fromkeys(_class_part(member) for member in after_blanks))
    lines = re.compile(rf"\n(?=[ \t]*[{body}])" if body else r"(?!)", pattern.flags)
    return LineLeads(lines, tuple(dict.fromkeys(chars)))


# A member of a character class: ("char", "x"), ("range", "az") or ("digit", "").
_Member = tuple[str, str]


def _class_part(member: _Member) -> str:
    kind, chars = member
    if kind == "char":
        return re.escape(chars)
    if kind == "range":
        return f"{re.escape(chars[0])}-{re.escape(chars[1])}"
    return r"\d"


def _opens_with_blanks(items: list[tuple[Any, Any]]) -> bool:
    """Whether `items` are `[ \t]*(?![ \t])`: blanks taken whole."""
    if len(items) != 2:
        return False
    (repeat, (low, _high, blank)), (negative, (direction, ahead)) = items
    return (
        repeat is _sre.MAX_REPEAT
        and low == 0
        and list(blank.data) == _BLANKS
        and negative is _sre.ASSERT_NOT
        and direction == 1
        and list(ahead.data) == _BLANKS
    )


def _first_chars(items: list[tuple[Any, Any]]) -> list[_Member] | None:
    """The members of a character class that holds every character a match of `items` can
    open with; None when they cannot be listed or the match can be empty."""
    found = _first_of(items)
    if found is None or found[1]:
        return None
    return found[0]


def _first_of(items: list[tuple[Any, Any]]) -> tuple[list[_Member], bool] | None:
    members: list[_Member] = []
    for op, value in items:
        if op is _sre.LITERAL:
            return [*members, ("char", chr(value))], False
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the next item opens the match
        if op is _sre.IN:
            found = _class_members(value)
            return None if found is None else ([*members, *found], False)
        if op is _sre.BRANCH:
            empty = False
            for alternative in value[1]:
                inner = _first_of(list(alternative.data))
                if inner is None:
                    return None
                members.extend(inner[0])
                empty = empty or inner[1]
            if not empty:
                return members, False
            continue
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = value
            if add_flags or del_flags:
                return None  # `(?i:...)`: the class would not fold as the pattern does
            inner = _first_of(list(sub.data))
            optional = False
        elif op in _REPEATS:
            low, _high, sub = value
            inner = _first_of(list(sub.data))
            optional = low == 0
        else:
            return None
        if inner is None:
            return None
        members.extend(inner[0])
        if not (inner[1] or optional):
            return members, False
    return members, True


def _class_members(value: list[tuple[Any, Any]]) -> list[_Member] | None:
    members: list[_Member] = []
    for op, item in value:
        if op is _sre.LITERAL:
            members.append(("char", chr(item)))
        elif op is _sre.RANGE:
            members.append(("range", chr(item[0]) + chr(item[1])))
        elif op is _sre.CATEGORY and item == _sre.CATEGORY_DIGIT:
            members.append(("digit", ""))
        else:
            return None
    return members
