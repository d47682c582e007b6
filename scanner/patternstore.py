"""Regular expressions compiled once per interpreter, kept beside the bytecode as it is.

`re` compiles a pattern in Python, with a parser and a compiler of its own, and hands the
engine (`_sre.compile`) the code it made: the scanner's six hundred patterns took 0.12 s of a
cold scan's start, a third of what the pool's parent does before its workers can fork, and
0.024 s of a pre-commit check. That code depends only on the pattern, its flags and the
interpreter, so `stored_patterns()` keeps it in a file beside the scanner's bytecode
(`__pycache__/patterns.<tag>.marshal`) and later runs hand it to the engine directly. Only
patterns compiled while a module is imported are stored (the module's own, the same every run),
and those a pool's parent builds for its workers ahead of their use (`ahead_of_use`, a fixed
family); one compiled later may be built from the text read (a title's first words). Where
no bytecode is written beside the scanner (`PYTHONDONTWRITEBYTECODE`, as CI images and some
users set it, or a read-only installation) the store is kept in the user cache directory
instead, as the scan cache is: without one, every pre-commit check compiled the title
detector's patterns again (0.35 s of its 0.5 s of CPU). A store that is missing, damaged or
another interpreter's is made again; one that cannot be written is not kept; where `re` lacks
the internals read here (before Python 3.11), patterns compile as always.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

try:
    import _sre
    from re import _compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10 lays out `re` otherwise
    _compiler = None
try:  # CPython's own BLAKE2, as the scan cache's: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another interpreter
    from hashlib import blake2b

STORE = Path(__file__).parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.marshal"
# A store written by another interpreter or engine is not read.
_STAMP = f"{sys.version}|{getattr(_sre, 'MAGIC', '') if _compiler else ''}".encode()
# In the user cache directory, shared by every installation, each interpreter keeps its own.
_CACHED_NAME = (
    f"patterns.{sys.implementation.cache_tag}-{blake2b(_STAMP, digest_size=6).hexdigest()}.marshal"
)
_KEPT_AT_MOST = 6000
_DEBUG = 128  # `re.DEBUG`: such a pattern prints its code as it compiles, so it is never stored

# What `_sre.compile` takes after the pattern: flags, code, groups, group index, index group.
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_loaded: dict[Path, dict[tuple[str | bytes, int], Code]] = {}  # each store read once a process
# `re` is compiled by one thread at a time while `_sre` is swapped for a recorder.
_COMPILING = threading.Lock()
_ahead = 0  # how many `ahead_of_use` blocks are open


def _unlocked_in_child() -> None:
    global _COMPILING
    _COMPILING = threading.Lock()  # a thread of the parent's that held it is not in the child


os.register_at_fork(after_in_child=_unlocked_in_child)


def default_store() -> Path:
    """Where the store is kept: beside the scanner's bytecode, where Python writes that;
    elsewhere in the user cache directory (a store is a cache too, and without one every run
    compiles the scanner's patterns again)."""
    if not sys.dont_write_bytecode and _writable(STORE):
        return STORE
    from platformdirs import user_cache_dir  # imported here: most runs keep the store beside

    return Path(user_cache_dir("citegraph", appauthor=False)) / "patterns" / _CACHED_NAME


@contextlib.contextmanager
def stored_patterns(path: Path | None = None) -> Iterator[None]:
    """Within, `re` takes a pattern's compiled code from the store at `path` (default: the
    `default_store()`) where it is there, and on leaving, the code of the patterns compiled
    anew is added to the store."""
    if _compiler is None or _compiler.compile.__module__ == __name__:  # or within already
        yield
        return
    path = path or default_store()
    store = _loaded.get(path)
    if store is None:
        store = _loaded[path] = _load(path)
    used: dict[tuple[str | bytes, int], Code] = {}  # every pattern compiled within
    fresh = False  # whether one of them was compiled anew
    compile_anew = _compiler.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        nonlocal fresh
        if not isinstance(pattern, (str, bytes)) or flags & _DEBUG:
            with _COMPILING:  # a parsed pattern (`re.Scanner`), or a debug one
                return compile_anew(pattern, flags)
        key = (pattern, int(flags))
        code = store.get(key)
        if code is not None:
            with contextlib.suppress(Exception):  # code the engine refuses is made again
                compiled = _sre.compile(pattern, *code)
                used[key] = code
                return compiled
        compiled, code = _recorded(compile_anew, pattern, flags)
        if _ahead or _importing():
            used[key] = code
            fresh = True
        return compiled

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = compile_anew
        if fresh:
            # Commands use different patterns, so each run adds to the store; a store grown past
            # ten times the scanner's patterns (those of older versions) keeps this run's only.
            kept = store | used
            kept = _loaded[path] = kept if len(kept) <= _KEPT_AT_MOST else used
            _save(path, kept)


@contextlib.contextmanager
def ahead_of_use() -> Iterator[None]:
    """Within (and within `stored_patterns`), a pattern compiled anew is kept in the store as an
    import's are: a fixed family of patterns, the same every run, built before a pool forks so
    that its workers inherit them (`scanner.parsers.tslex.prebuild`) rather than each building
    those it meets."""
    global _ahead
    _ahead += 1
    try:
        yield
    finally:
        _ahead -= 1


def cheap_ahead(sources: Iterable[tuple[str | bytes, int]], path: Path | None = None) -> bool:
    """Whether building the patterns `sources` (pattern, flags) ahead of use costs little: the
    store read by the `stored_patterns` around (at `path`, default the `default_store()`)
    holds them all, or will keep the ones made anew (built once, then read). Where it cannot
    (a store nowhere writable), every run would compile them all: they are better left to
    their first use."""
    path = path or default_store()
    store = _loaded.get(path)
    if store is None or _compiler is None:
        return False
    if all((pattern, int(flags)) in store for pattern, flags in sources):
        return True
    return _writable(path)


def _writable(path: Path) -> bool:
    """Whether a store can be written at `path`: the nearest existing place on its way is a
    writable folder."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK)


class _Recorder:
    """Stands in for `_sre` in `re._compiler` while it compiles one pattern, and keeps the
    arguments it gives the engine."""

    def __init__(self) -> None:
        self.code: Code | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)

    def compile(self, pattern: Any, flags: int, code: list[int], *groups: Any) -> Any:
        self.code = (int(flags), [int(op) for op in code], *groups)  # type: ignore[assignment]
        return _sre.compile(pattern, flags, code, *groups)


def _recorded(compile_anew: Any, pattern: str | bytes, flags: int) -> tuple[Any, Code]:
    """`re`'s own compilation of `pattern`, and the code it gave the engine."""
    recorder = _Recorder()
    with _COMPILING:
        _compiler._sre = recorder  # type: ignore[attr-defined]
        try:
            compiled = compile_anew(pattern, flags)
        finally:
            _compiler._sre = _sre  # type: ignore[attr-defined]
    assert recorder.code is not None
    return compiled, recorder.code


def _importing() -> bool:
    """Whether a module is being imported (its code runs under importlib's frames:
    `<frozen importlib._bootstrap>`, or its source file with `-X frozen_modules=off`)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if "importlib" in name and "_bootstrap" in name:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _load(path: Path) -> dict[tuple[str | bytes, int], Code]:
    """The store at `path`, empty unless it is whole and of this interpreter."""
    try:
        data = path.read_bytes()
        stamp, digest, payload = marshal.loads(data)
        if stamp == _STAMP and digest == blake2b(payload, digest_size=16).digest():
            return dict(marshal.loads(payload))
    except Exception:  # missing, unreadable, damaged: made again
        pass
    return {}


def _save(path: Path, store: dict[tuple[str | bytes, int], Code]) -> None:
    """Write `store` to `path` whole (a reader sees the old file or the new one), if it can."""
    import tempfile

    payload = marshal.dumps(list(store.items()))
    data = marshal.dumps((_STAMP, blake2b(payload, digest_size=16).digest(), payload))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            os.chmod(temporary, Path(__file__).stat().st_mode & 0o666)  # as the bytecode's
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError:  # a read-only installation: patterns compile as before
        pass
