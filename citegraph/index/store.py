"""Per-repository results in DIR, as JSON: what a worker found, keyed by what it depends on.

A result is reused when its key (revision, scanner fingerprint, options) matches; it holds the
repository's file scans, so a rerun can resolve and render it again without rescanning. Files
are replaced atomically: an interrupted run leaves each one either old or new, never half.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import types
import typing
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from citegraph.index.types import RepoScan
from citegraph.textsafe import escape_surrogates
from scanner import FileScan, FileStatus

FORMAT = 1


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save(path: Path, key: dict[str, str], repo: RepoScan) -> None:
    """Store one repository's result under `key`."""
    document = {
        "format": FORMAT,
        "key": key,
        "spec": repo.spec,
        "name": repo.name,
        "revision": repo.revision,
        "root": repo.root,
        "scanner": repo.scanner,
        "seconds": round(repo.seconds, 3),
        "scans": [_scan_record(scan) for scan in repo.scans],
    }
    # A file name that is not UTF-8 holds lone surrogates: JSON's own escape keeps it exact.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    write_atomic(path, escape_surrogates(text))


def load(path: Path, key: dict[str, str] | None = None) -> RepoScan | None:
    """The stored result at `path` if there is one (and, given `key`, if it matches); an
    unreadable or outdated file counts as none, so the repository is scanned again."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT or (key is not None and document.get("key") != key):
            return None
        return RepoScan(
            spec=document["spec"],
            name=document["name"],
            revision=document["revision"],
            root=document["root"],
            scans=tuple(_scan_of(record) for record in document["scans"]),
            seconds=float(document.get("seconds", 0.0)),
            scanner=document.get("scanner", ""),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _scan_record(scan: FileScan) -> Any:
    # Most files cite nothing: three values, not a dict per file.
    if not scan.mentions and scan.reason is None and scan.status is FileStatus.OK:
        return [scan.path, scan.language, scan.blocks]
    return encode(scan)


def _scan_of(record: Any) -> FileScan:
    if isinstance(record, list):
        path, language, blocks = record
        return FileScan(str(path), language, FileStatus.OK, (), int(blocks))
    scan: FileScan = decode(FileScan, record)
    return scan


def encode(value: Any) -> Any:
    """A frozen dataclass tree as JSON values; fields at their default are left out, so a type
    that gains a field still reads older files."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.default is not dataclasses.MISSING and item == f.default:
                continue
            out[f.name] = encode(item)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(hint: Any, value: Any) -> Any:
    """The inverse of `encode`, guided by type hints."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(decode(item, v) for v in value)
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {k: decode(hints[k], v) for k, v in value.items() if k in hints}
        return hint(**known)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
