"""Writing outputs: `FORMAT:PATH` targets, all checked before the run, written only after it.

A regular file (or a new one) is replaced atomically, so readers never see half of it; a
device or FIFO (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is written in place, since
replacing it would turn `/dev/null` into a regular file for every later user of the machine.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from citegraph.errors import ConfigError, InputError
from citegraph.progress import is_terminal
from citegraph.render import format_names
from scanner import lazy_compile

# A bare path's extension names its format.
EXTENSIONS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".sarif": "sarif",
    ".md": "markdown",
    ".bib": "bibtex",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".dot": "dot",
    ".txt": "terminal",
}
# What a `FORMAT:` prefix looks like, as opposed to a path with a colon in it (`C:\\x`, `a:b/c`).
_FORMAT_PREFIX = lazy_compile(r"[a-z][a-z0-9-]+")


@dataclass(frozen=True, slots=True)
class OutputTarget:
    """Where one rendered format goes; `path` None means standard output."""

    format: str
    path: Path | None


def parse_targets(
    default_format: str | None, outputs: tuple[str, ...], *, fallback: str = "terminal"
) -> list[OutputTarget]:
    """Turn `-o` values into checked targets, before anything runs.

    `FORMAT:PATH` names its format; a bare `PATH` takes `default_format` (the `-f` given), else
    the format its extension names, else `fallback` when it has no extension. No `-o` at all
    writes `default_format` (or `fallback`) to standard output. An unknown format, an
    unknown extension, a directory, or a place no directory can be created or written is a
    `ConfigError`: a bad second `-o` stops the run before the first is written.
    """
    if not outputs:
        return [OutputTarget(default_format or fallback, None)]
    targets = [_target(value, default_format, fallback) for value in outputs]
    seen: dict[Path | None, str] = {}
    for value, target in zip(outputs, targets, strict=True):
        # Two formats in one place would interleave on standard output, or the second replace
        # the first in a file: one place, one output. A device (`/dev/null`) takes any number.
        place = None if target.path is None else Path(os.path.abspath(target.path))
        if place in seen and (place is None or not is_special(place)):
            where = "standard output" if place is None else str(target.path)
            raise ConfigError(f"-o {seen[place]!r} and -o {value!r} both write to {where}")
        seen.setdefault(place, value)
        if target.path is not None:
            _check_writable(value, target.path)
    return targets


def format_of(path: Path | None, formats: Collection[str], fallback: str = "text") -> str:
    """The one of a command's `formats` that `-o PATH`'s extension names, as a scan's `-o`
    reads it (`findings.sarif`, `diff.md`, `papers.bib`), else `fallback`: `check -o x.sarif`
    wrote plain text into it. An extension none of `formats` has (`.log`) takes `fallback`."""
    name = EXTENSIONS.get(path.suffix.lower(), fallback) if path is not None else fallback
    name = fallback if name == "terminal" else name  # .txt: each command's plain text
    return name if name in formats else fallback


def refuse_empty(option: str, value: str) -> None:
    """An empty path names nothing, but `Path("")` is `.`, the current directory: `-o ""` (a
    variable left unset in a script) put an index's files in the working directory, and
    other commands called it `. is a directory`."""
    if not value:
        raise ConfigError(f"{option} '': the path is empty")


def _target(value: str, default_format: str | None, fallback: str) -> OutputTarget:
    refuse_empty("-o", value)
    head, sep, tail = value.partition(":")
    if sep and _FORMAT_PREFIX.fullmatch(head):
        # An extension's name stands for its format too (`md:summary`, `bib:refs`), as a
        # bare path's extension does.
        head = EXTENSIONS.get(f".{head}", head) if head not in format_names("report") else head
        if head not in format_names("report"):
            known = ", ".join(format_names("report"))
            raise ConfigError(f"-o {value!r}: unknown format {head!r} (known: {known})")
        if not tail:
            raise ConfigError(f"-o {value!r}: missing the path after {head!r}:")
        return OutputTarget(head, None if tail == "-" else _file_path(value, tail))
    if value == "-":
        return OutputTarget(default_format or fallback, None)
    path = _file_path(value, value)
    if default_format is not None:
        return OutputTarget(default_format, path)
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return OutputTarget(EXTENSIONS[suffix], path)
    if suffix and not is_special(path):
        known = ", ".join(sorted(EXTENSIONS))
        raise ConfigError(
            f"-o {value!r}: cannot tell the format from {suffix!r} (known: {known}); "
            "write FORMAT:PATH or give -f"
        )
    return OutputTarget(fallback, path)


def _file_path(value: str, text: str) -> Path:
    """`text` (of `-o value`) as the path of a file. A trailing slash names a directory: `Path`
    drops it, and `-o report/` wrote the terminal summary to a file named `report`."""
    if text.endswith(("/", os.sep)):
        raise ConfigError(f"-o {value!r}: {text} is a directory; name a file in it ({text}NAME)")
    return Path(text)


def is_special(path: Path) -> bool:
    """Whether `path` exists and is neither a regular file nor a directory (a device, a FIFO)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _check_writable(value: str, path: Path) -> None:
    check_path(path, f"-o {value!r}")


def check_path(path: Path, label: str | None = None, *, directory: bool = False) -> None:
    """Check, before anything runs, that `path` can take an output (a directory of outputs
    when `directory`): not a directory (not a file), and the nearest existing directory on
    its way writable. Missing directories are created when the output is written
    (`-o citegraph-report/scan.json`: the GitHub Action and the GitLab example rely on it),
    so a place none can be created in stops the run before any output is written. Errors
    open with `label` (default `-o 'PATH'`)."""
    label = label or f"-o {str(path)!r}"
    if directory:
        if path.exists() and not path.is_dir():
            raise ConfigError(f"{label}: {path} is not a directory")
    elif path.is_dir():
        raise ConfigError(f"{label}: {path} is a directory")
    elif is_special(path):
        if not os.access(path, os.W_OK):
            raise ConfigError(f"{label}: {path} is not writable")
        return
    parent = path if directory else path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"{label}: {parent} is not a directory")
    if not os.access(parent, os.W_OK):
        raise ConfigError(f"{label}: directory {parent} is not writable")
    _probe(parent, label)


def _probe(directory: Path, label: str) -> None:
    """Create and remove a file in `directory`: `os.access` answers from the permission bits,
    which root passes everywhere, so `-o /proc/x.json` as root (or a directory of a file
    system that takes no new files) failed only when written, after the whole scan."""
    try:
        handle, temp = _create_beside(directory / "citegraph-probe", 0o600)
    except OSError as error:
        raise ConfigError(
            f"{label}: cannot create a file in {directory}: {_reason(error)}"
        ) from None
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def make_directories(targets: list[OutputTarget]) -> None:
    """Create every target's missing directories, before any output is written: a place
    that cannot hold one stops the run with nothing written."""
    for target in targets:
        if target.path is not None and not is_special(target.path):
            make_directory(target.path.parent)


def make_directory(path: Path) -> None:
    """Create `path` and its missing parents; a place that cannot hold one is an
    `InputError` naming it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {path}: {error.strerror or error}") from error


def stdout_for_any_text(stream: TextIO | None = None) -> None:
    """Make standard output take every character, before anything is written to it.

    Titles and authors come in every script, and a stream in a legacy encoding (Windows
    output redirected to a file is cp1252; a Latin-1 locale) raised UnicodeEncodeError on
    the first it lacked, after the whole scan. Sent to a file or pipe, output is UTF-8, as
    every file citegraph writes is (so `> scan.json` reads back); on a terminal, what its
    encoding cannot show is escaped (`\\u5f20`), as Python's own standard error does.
    """
    stream = sys.stdout if stream is None else stream
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8") or not isinstance(stream, io.TextIOWrapper):
        return
    if is_terminal(stream):
        stream.reconfigure(errors="backslashreplace")
    else:
        stream.reconfigure(encoding="utf-8")


def write_output(target: OutputTarget, text: str | memoryview) -> None:
    """Write `text` (or its UTF-8 bytes) to the target; a file is replaced atomically so
    readers never see half."""
    if target.path is None:
        try:
            sys.stdout.write(text if isinstance(text, str) else str(text, "utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # `| head` has read what it wanted: not an error (see `cli.run`)
        except OSError as error:  # `> file` on a full disk: it was an internal error
            raise InputError(
                f"cannot write to standard output: {error.strerror or error}"
            ) from error
        return
    try:
        write_bytes(target.path, text.encode("utf-8") if isinstance(text, str) else text)
    except OSError as error:  # a full disk, a device refusing the write
        raise InputError(f"cannot write {target.path}: {error.strerror or error}") from error


def write_bytes(path: Path, data: bytes | memoryview, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically (with permissions `mode`, default as for a new
    file); a device or FIFO is written in place, and a symlink's target is replaced."""
    if is_special(path):
        with open(path, "wb") as stream:
            stream.write(data)
        return
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created as an ordinary new file is (the umask applies), or private until `mode` is set.
    handle, temp = _create_beside(path, 0o666 if mode is None else 0o600)
    try:
        if mode is not None:
            os.chmod(temp, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# As `tempfile.mkstemp` opens its files; tempfile itself, with the random module and the
# compressors it brings, cost a warm rescan a tenth of its imports.
_NEW_FILE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def _create_beside(path: Path, mode: int) -> tuple[int, str]:
    """A new file with a random name beside `path` (`.NAME.` and 12 hex digits), open for
    writing: its descriptor and its path."""
    for _ in range(100):
        temp = os.path.join(path.parent, f".{path.name}.{os.urandom(6).hex()}")
        try:
            return os.open(temp, _NEW_FILE, mode), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary name", str(path.parent))
