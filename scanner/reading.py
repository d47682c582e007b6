"""Reading one file safely: size, binary and encoding checks before any parser sees it."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from scanner.lazyre import lazy_compile

_SNIFF = 8192
# Opened without blocking and without becoming the controlling terminal: see `read_regular`.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# Compiled on first use: a warm rescan decodes no file.
_PY_CODING = lazy_compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
# Other languages declare an encoding the Emacs or Vim way, in a comment on the first lines.
_DECLARED_CODING = lazy_compile(
    rb"^[^\n]*?(?:-\*-[^\n]*?coding[:=][ \t]*|vim?:[^\n]*?fileencoding=)([-\w.]+)", re.MULTILINE
)
# Byte order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# More than this share of invalid UTF-8 bytes means the file is in another encoding, not a
# UTF-8 file with a few stray bytes.
_MAX_BAD_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, or why it could not be read; `note` flags a lossy but usable decode."""

    text: str | None = None
    skip: str | None = None
    note: str | None = None
    # Whether the text came from UTF-8 (or ASCII) bytes, so that byte-level checks such as
    # the prefilter may read the bytes as they are; otherwise they read the text re-encoded.
    utf8: bool = True


_SPECIAL = {
    stat.S_IFIFO: "FIFO",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFDIR: "directory",
}


def not_regular(mode: int) -> str:
    """The skip reason of a directory entry that is not a regular file (by its `st_mode`)."""
    return f"not a regular file ({_SPECIAL.get(stat.S_IFMT(mode), 'unknown type')})"


def too_large(size: int, max_size: int) -> str:
    """The skip reason of a file over the size limit."""
    return f"too large ({size:,} bytes > {max_size:,}; see max-file-size)"


def read_regular(
    path: str | Path, max_size: int
) -> tuple[bytes | None, str | None, os.stat_result | None]:
    """A regular file's bytes and the stat they were read under, or `(None, reason, None)`
    when it is too large, unreadable or not a regular file.

    The file is opened without blocking and checked with fstat before any read, so a FIFO,
    socket or device that took a file's place never hangs the scan; at most `max_size + 1`
    bytes are read, so a file growing meanwhile cannot take more memory than the limit.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:  # listed by the walk, gone before its turn
        return None, "deleted during the scan", None
    except OSError as error:
        return None, f"unreadable: {error.strerror or error}", None
    # The descriptor itself, not a file object around it: opening one cost a cold scan of
    # 10,000 files 0.03 s.
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return None, not_regular(status.st_mode), None
        if status.st_size > max_size:
            return None, too_large(status.st_size, max_size), None
        # Ask for the size fstat saw plus one byte, not the limit: a read allocates what it
        # asks for, per file. A file that grew meanwhile is read on, up to the limit.
        want = status.st_size + 1
        data = os.read(fd, want)
        if len(data) == want:
            data += os.read(fd, max_size + 1 - want)
    except OSError as error:
        return None, f"unreadable: {error.strerror or error}", None
    finally:
        os.close(fd)
    if len(data) > max_size:
        return None, too_large(len(data), max_size), None
    return data, None, status


def read_bytes(path: str | Path, max_size: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or `(None, reason)` when it is too large, unreadable or not a
    regular file."""
    data, reason, _ = read_regular(path, max_size)
    return data, reason


# What `decode` makes of a file `plainly_decoded` says is plain, short of its text.
PLAIN = Decoded()


def plainly_decoded(data: bytes) -> bool:
    """Whether `decode` gives the characters of `data` as they are, without a note: ASCII (so no
    byte order mark) with no NUL byte in the head it sniffs. Testing costs a tenth of decoding,
    which a caller may then leave until it needs the text (`data.decode("ascii")`)."""
    return data.isascii() and data.find(b"\0", 0, _SNIFF) < 0


def decode(data: bytes, language: str) -> Decoded:
    """Decode source bytes: a UTF-32 or UTF-16 byte order mark, UTF-8 (with or without BOM),
    a declared encoding (a Python coding cookie, an Emacs or Vim line), or lossy UTF-8 when
    only a few bytes are bad. Binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data.decode(encoding), utf8=False)
            except UnicodeDecodeError:
                return Decoded(skip=f"undecodable {encoding.upper()}")
    if b"\0" in data[:_SNIFF]:
        return Decoded(skip="binary (NUL bytes)")
    try:
        return Decoded(text=data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        first_error = error
    declared = (_PY_CODING if language == "python" else _DECLARED_CODING).search(
        data, 0, _first_two_lines_end(data)
    )
    if declared:
        try:
            return Decoded(text=data.decode(declared.group(1).decode("ascii")), utf8=False)
        except (LookupError, UnicodeDecodeError):
            pass
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(1, int(len(data) * _MAX_BAD_SHARE)):
        return Decoded(
            text=lossy,
            note=f"not valid UTF-8 at byte {first_error.start}; {bad} byte(s) replaced",
        )
    return Decoded(skip=f"undecodable: not UTF-8 (first bad byte at offset {first_error.start})")


def _first_two_lines_end(data: bytes) -> int:
    first = data.find(b"\n")
    if first < 0:
        return len(data)
    second = data.find(b"\n", first + 1)
    return len(data) if second < 0 else second
