"""Writing outputs: `FORMAT:PATH` targets, written atomically and only after success."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from citegraph.errors import ConfigError
from citegraph.render import RENDERERS


@dataclass(frozen=True, slots=True)
class OutputTarget:
    """Where one rendered format goes; `path` None means standard output."""

    format: str
    path: Path | None


def parse_targets(default_format: str, outputs: tuple[str, ...]) -> list[OutputTarget]:
    """Turn `-o` values into targets: `PATH` uses `default_format`, `FORMAT:PATH` names its
    own format. No `-o` at all writes `default_format` to standard output."""
    if not outputs:
        return [OutputTarget(default_format, None)]
    targets = []
    for value in outputs:
        head, sep, tail = value.partition(":")
        if sep and head in RENDERERS["report"] and tail:
            targets.append(OutputTarget(head, None if tail == "-" else Path(tail)))
        elif sep and head and not tail:
            raise ConfigError(f"-o {value!r}: missing the path after {head!r}:")
        else:
            targets.append(OutputTarget(default_format, None if value == "-" else Path(value)))
    return targets


def write_output(target: OutputTarget, text: str) -> None:
    """Write `text` to the target; a file is replaced atomically so readers never see half."""
    if target.path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_bytes(target.path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically (with permissions `mode`, default as for a new
    file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    # mkstemp makes 0600; outputs are ordinary files.
    os.chmod(temp, 0o666 & ~umask if mode is None else mode)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
