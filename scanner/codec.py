"""A `FileScan` as bytes and back, as data only: the scan cache may come from a shared CI cache.

Nothing here can run code on load (no pickle): an entry is either the compact text of a result
without mentions (`E status|language|blocks|path`, most files) or JSON, each dataclass a list of
its field values in declaration order. Field converters come from the dataclasses' own
annotations, so a field added to a type is carried without touching this module (the cache's
fingerprint covers the types' source, so old entries are never read with a new layout).
Anything malformed raises `CorruptEntry`, which the cache treats as a miss.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from catalog.types import PaperRef, Reference, RefKind
from scanner.types import Context, FileScan, FileStatus, Mention, Symbol, SymbolKind

# Types that may appear inside a `FileScan`, by the name their annotations use.
_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        FileScan,
        FileStatus,
        Mention,
        Symbol,
        SymbolKind,
        Context,
        PaperRef,
        RefKind,
        Reference,
    )
}
_EMPTY = b"E"
_EMPTY_BYTE = _EMPTY[0]
_STATUSES = {status.value: status for status in FileStatus}  # a dict is 20x faster than the enum


class CorruptEntry(ValueError):
    """A stored entry that is not a result this version wrote."""


def dumps(scan: FileScan) -> bytes:
    """Serialise a result; file names that are not UTF-8 survive as surrogate escapes."""
    if not scan.mentions and scan.reason is None and scan.marked is None and "|" not in scan.path:
        text = "|".join((scan.status.value, scan.language or "", str(scan.blocks), scan.path))
        return _EMPTY + text.encode("utf-8", "surrogateescape")
    # ensure_ascii writes lone surrogates as \udcXX escapes, which json.loads gives back.
    return json.dumps(_encode(scan), ensure_ascii=True, separators=(",", ":")).encode("ascii")


def loads(entry: bytes, start: int = 0) -> FileScan:
    """The result serialised by `dumps` (from `entry[start:]`); raises `CorruptEntry` for
    anything else."""
    try:
        if entry[start] == _EMPTY_BYTE:
            text = entry[start + 1 :].decode("utf-8", "surrogateescape")
            status, language, blocks, path = text.split("|", 3)
            return FileScan(path, language or None, _STATUSES[status], (), int(blocks), None)
        scan = _DECODERS["FileScan"](json.loads(entry[start:]))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        raise CorruptEntry(f"unreadable cache entry: {error}") from error
    if not isinstance(scan, FileScan):
        raise CorruptEntry("unreadable cache entry: not a file's result")
    return scan


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    return value


def _converter(annotation: str) -> Callable[[Any], Any]:
    """Turns JSON data back into a value of the annotated type."""
    optional = annotation.endswith(" | None")
    name = annotation.removesuffix(" | None")
    convert: Callable[[Any], Any]
    if name.startswith("tuple[") and name.removeprefix("tuple[").split(",")[0] in _TYPES:
        inner = _converter(name.removeprefix("tuple[").split(",")[0])
        convert = lambda items: tuple(map(inner, items))  # noqa: E731
    elif name.startswith("tuple["):
        convert = tuple
    elif name in _TYPES and issubclass(_TYPES[name], Enum):
        # A dict lookup: calling the enum costs a microsecond a value (KeyError: corrupt).
        kinds: type[Enum] = _TYPES[name]
        convert = {member.value: member for member in kinds}.__getitem__
    elif name in _TYPES:
        convert = _decoder(_TYPES[name])
    else:
        return _identity  # stored as is, None included
    if optional:
        return lambda value: None if value is None else convert(value)
    return convert


def _identity(value: Any) -> Any:
    return value


def _decoder(cls: type) -> Callable[[list[Any]], Any]:
    # The annotations are strings (`from __future__ import annotations`), read by name.
    converters = [_converter(str(f.type)) for f in fields(cls)]
    width = len(converters)
    # Only the fields that need converting are visited (most are stored as they are); the
    # list is json's own, fresh for this call.
    steps = [
        (index, convert) for index, convert in enumerate(converters) if convert is not _identity
    ]

    def decode(items: list[Any]) -> Any:
        if not isinstance(items, list) or len(items) != width:
            raise CorruptEntry(f"unreadable cache entry: not a {cls.__name__}")
        for index, convert in steps:
            items[index] = convert(items[index])
        return cls(*items)

    return decode


_DECODERS = {"FileScan": _decoder(FileScan)}
