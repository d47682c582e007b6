"""FIND: files on disk to mentions and references, without the network; its one store is the
scan cache.

The application imports the scanner through the names below. They load on first use, so
importing `scanner.types` (as worker processes and the catalog's vocabulary do) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names for type checkers; at run time `__getattr__` loads them
    from scanner.cache import source_digest, source_files
    from scanner.extract import find_hits, find_mentions
    from scanner.identifiers.urls import arxiv_alias
    from scanner.languages import language_for
    from scanner.lazyre import lazy_compile
    from scanner.options import DEFAULT_MAX_FILE_SIZE, DEFAULT_TIME_BUDGET, ScanOptions, TitleScope
    from scanner.patternstore import stored_patterns
    from scanner.project import (
        find_pyproject,
        git,
        project_root,
        repository_of,
        tracked_file_count,
        work_tree,
    )
    from scanner.scan import (
        GENERATED_MARKER,
        NAMED_TREE_MIN_FILES,
        Parses,
        TreeScan,
        scan_bytes,
        scan_file,
        scan_named,
        scan_paths,
    )
    from scanner.types import (
        GENERATED_BY,
        UNKNOWN_TYPE,
        Context,
        FileScan,
        FileStatus,
        Hit,
        Mention,
        SourceFile,
        Symbol,
        SymbolKind,
        TextBlock,
    )
    from scanner.walk import excluded, invalid_glob, is_excluded, iter_candidates

_EXPORTS = {
    "scan_paths": "scanner.scan",
    "scan_file": "scanner.scan",
    "scan_named": "scanner.scan",
    "Parses": "scanner.scan",
    "TreeScan": "scanner.scan",
    "scan_bytes": "scanner.scan",
    "GENERATED_MARKER": "scanner.scan",
    "NAMED_TREE_MIN_FILES": "scanner.scan",
    "language_for": "scanner.languages",
    "find_hits": "scanner.extract",
    "find_mentions": "scanner.extract",
    "arxiv_alias": "scanner.identifiers.urls",
    "ScanOptions": "scanner.options",
    "TitleScope": "scanner.options",
    "DEFAULT_MAX_FILE_SIZE": "scanner.options",
    "DEFAULT_TIME_BUDGET": "scanner.options",
    "find_pyproject": "scanner.project",
    "git": "scanner.project",
    "project_root": "scanner.project",
    "repository_of": "scanner.project",
    "tracked_file_count": "scanner.project",
    "work_tree": "scanner.project",
    "GENERATED_BY": "scanner.types",
    "UNKNOWN_TYPE": "scanner.types",
    "Context": "scanner.types",
    "FileScan": "scanner.types",
    "FileStatus": "scanner.types",
    "Hit": "scanner.types",
    "Mention": "scanner.types",
    "SourceFile": "scanner.types",
    "Symbol": "scanner.types",
    "SymbolKind": "scanner.types",
    "TextBlock": "scanner.types",
    "invalid_glob": "scanner.walk",
    "is_excluded": "scanner.walk",
    "excluded": "scanner.walk",
    "iter_candidates": "scanner.walk",
    "lazy_compile": "scanner.lazyre",
    "source_digest": "scanner.cache",
    "source_files": "scanner.cache",
    "stored_patterns": "scanner.patternstore",
}

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_TIME_BUDGET",
    "GENERATED_BY",
    "GENERATED_MARKER",
    "NAMED_TREE_MIN_FILES",
    "UNKNOWN_TYPE",
    "Context",
    "FileScan",
    "FileStatus",
    "Hit",
    "Mention",
    "Parses",
    "ScanOptions",
    "SourceFile",
    "Symbol",
    "SymbolKind",
    "TextBlock",
    "TitleScope",
    "TreeScan",
    "arxiv_alias",
    "excluded",
    "find_hits",
    "find_mentions",
    "find_pyproject",
    "git",
    "invalid_glob",
    "is_excluded",
    "iter_candidates",
    "language_for",
    "lazy_compile",
    "project_root",
    "repository_of",
    "scan_bytes",
    "scan_file",
    "scan_named",
    "scan_paths",
    "source_digest",
    "source_files",
    "stored_patterns",
    "tracked_file_count",
    "work_tree",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'scanner' has no attribute {name!r}")
