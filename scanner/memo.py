"""A per-run memo of byte-identical files: the first copy is scanned, every other takes its result.

Vendored trees repeat files verbatim (the tensorflow wheel's headers hold 1,859 copies of other
files: `_virtual_includes/`, `external/`), and a copy costs a full scan. A file's result depends
on its bytes, its language and the run's options, and on its path only through the file-level
symbol of the languages that name it after the path (`SymbolKind.FILE`: C and C++, Java and Go
without a package, documentation files). The memo keeps, per worker process, the result of each
(content digest, language) under the run's options, and gives a copy that result with its path
and that symbol replaced: exactly what scanning the copy gives. Languages whose symbols or
blocks depend on the path otherwise (Python's module names and documentation modules, the
module names of Rust, JavaScript and TypeScript) are scanned every time, as are skipped files
(a timeout depends on the machine's load, an internal error's message on the file).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from scanner.languages import LANGUAGES, Language
from scanner.options import ScanOptions
from scanner.parsers.tsnames import MODULE_NAMED
from scanner.types import FileScan, FileStatus, Mention, Symbol, SymbolKind

# Parsers whose results name the path only in the file-level symbol (`SourceFile.module`, the
# path, for every language but Python's), some of their languages aside (`MODULE_NAMED`).
_PATH_NAMING_PARSERS = frozenset({"text", "tree-sitter"})
# Results kept per run: enough for a large tree, bounded for a huge one.
MAX_ENTRIES = 65536

T = TypeVar("T")

_options: ScanOptions | None = None  # the options the results kept were scanned under
_scans: dict[tuple[bytes, str], FileScan] = {}


def memoizable(language: Language) -> bool:
    """Whether a copy of a file of `language` scans to the first copy's result, relocated."""
    return language.parser in _PATH_NAMING_PARSERS and language.name not in MODULE_NAMED


def recall(options: ScanOptions, digest: bytes, language: Language, path: str) -> FileScan | None:
    """The result of a file with content `digest` scanned earlier under `options`, as
    scanning `path` gives it, or None."""
    if options is not _options and options != _options:
        return None
    known = _scans.get((digest, language.name))
    if known is None:
        return None
    return relocate(known, path)


def remember(options: ScanOptions, digest: bytes, language: Language, scan: FileScan) -> None:
    """Keep `scan`, the result under `options` of a file with content `digest`, for its
    copies."""
    global _options
    if not memoizable(language) or scan.status is FileStatus.SKIPPED:
        return
    if options is not _options and options != _options:
        _options = options
        _scans.clear()
    if len(_scans) < MAX_ENTRIES:
        _scans[(digest, language.name)] = scan


def relocate(scan: FileScan, path: str) -> FileScan:
    """`scan` as the scan of an identical file at `path`: the path, and the file-level symbol
    of every mention the old path named, replaced."""
    if not scan.mentions:
        return replace(scan, path=path)
    old = Symbol(scan.path, SymbolKind.FILE)
    new = Symbol(path, SymbolKind.FILE)
    return replace(scan, path=path, mentions=tuple(_moved(m, old, new) for m in scan.mentions))


def _moved(mention: Mention, old: Symbol, new: Symbol) -> Mention:
    return replace(mention, symbol=new) if mention.symbol == old else mention


def copies_together(jobs: Sequence[tuple[str, str]]) -> list[int]:
    """The order to hand `jobs` (path, language name) to a pool's workers: path order, but each
    file of a language the memo serves followed at once by the later files of its name and
    language, so that copies of a file (which keep its name) reach the same worker, whose memo
    holds the first one's result (dealt out in path order, half of tf-include's copies went to
    the other worker of two and were scanned again)."""
    return [index for group in copy_groups(jobs) for index in group]


def copy_groups(jobs: Sequence[tuple[str, str]]) -> list[list[int]]:
    """`jobs` (path, language name) as the groups of `copies_together`, in its order: a file of
    a language the memo serves with the later files of its name and language, every other
    file alone."""
    named: dict[tuple[str, str], list[int]] = {}
    for index, (path, language) in enumerate(jobs):
        if memoizable(LANGUAGES[language]):
            named.setdefault((path.rpartition("/")[2], language), []).append(index)
    groups: list[list[int]] = []
    placed = bytearray(len(jobs))
    for index, (path, language) in enumerate(jobs):
        if placed[index]:
            continue
        group = named.get((path.rpartition("/")[2], language))
        if group is None:
            group = [index]
        for member in group:
            placed[member] = 1
        groups.append(group)
    return groups


def in_job_order(results: Iterator[T], order: Sequence[int]) -> Iterator[T]:
    """`results`, made for the jobs in `order` (see `copies_together`), in the jobs' own order:
    a result made early waits for its turn (only those of files moved up to join a copy)."""
    waiting: dict[int, T] = {}
    wanted = 0
    for index, result in zip(order, results, strict=False):
        waiting[index] = result
        while wanted in waiting:
            yield waiting.pop(wanted)
            wanted += 1
