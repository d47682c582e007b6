"""What to scan: the scanner's own options, independent of how the CLI gathers them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
# Seconds one file may take to parse and search before it is skipped as timed out. Real
# files take milliseconds (the slowest of networkx, 3,000 lines, about 0.3 s).
DEFAULT_TIME_BUDGET = 10.0

# Directory names that hold tools' state, dependencies or build output, never the project's own
# code. A `venv`-like directory is recognised by its `pyvenv.cfg` too (see scanner.walk).
DEFAULT_EXCLUDED_DIRS: frozenset[str] = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        ".citegraph",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "__pycache__",
        ".ipynb_checkpoints",
        "node_modules",
        "bower_components",
        ".eggs",
        "site-packages",
        "build",
        "dist",
        "_build",
        ".next",
        ".nuxt",
        ".gradle",
        ".idea",
        ".vscode",
        "bazel-bin",
        "bazel-out",
        "bazel-testlogs",
        "target",
        "cmake-build-debug",
        "cmake-build-release",
    }
)


# Of those, the directories a build writes the project's own code into (an npm package's
# `dist`, a wheel's `build/lib`, Rust's and Maven's `target`): left out like the others, but
# reported as skipped, since they may be the only copy of the code a user meant to scan.
BUILD_OUTPUT_DIRS: frozenset[str] = frozenset({"build", "dist", "_build", "target"})
BUILD_OUTPUT_REASON = (
    "build output directory (not scanned by default; --no-default-excludes reads it)"
)


class TitleScope(str, Enum):
    """Which blocks the title detector reads (`ScanOptions.titles`)."""

    # Every block that passes its needle test: citations by title or by authors and year.
    ALL = "all"
    # Only blocks holding an identifier, for the title written beside it; the identifier
    # mentions (spans, titles, findings) are as with `ALL`.
    BESIDE_IDENTIFIERS = "beside-identifiers"
    # None: the identifiers as written, each its own mention, unmerged and without a title.
    # Malformed ones are as with `ALL`; which of the others a catalog knows decides whether a
    # check needs to read the file again with `BESIDE_IDENTIFIERS` (`citegraph.checks`).
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """Which files to read and how.

    `include` and `exclude` are gitignore-style globs relative to the scan root; an empty
    `include` means every file of a known language. `strings` also reads string literals in
    code (messages, tables, test data), which are not places: only comments and docstrings
    (however assembled) are read by default. `generated` also reads files whose head carries
    a generator's banner (Cython, SWIG, protoc, `DO NOT EDIT`; see `scanner.generated`),
    otherwise skipped with the banner as their reason. `jobs` is the number of worker
    processes (0: one per available core; small scans always run in-process). `cache` reuses
    results of unchanged files from the scan cache in `cache_dir` (default: see
    `scanner.cache.default_cache_dir`).
    `time_budget` is the seconds one file may take before it is skipped as timed out (0: no
    limit). `titles` says which blocks the title detector reads (`TitleScope`): with less than
    `ALL`, works named by title or by authors and year alone are not reported, which a
    pre-commit check without a bibliography lock has no use for.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    default_excludes: bool = True
    strings: bool = False
    generated: bool = False
    prefilter: bool = True
    jobs: int = 0
    cache: bool = True
    cache_dir: Path | None = None
    time_budget: float = DEFAULT_TIME_BUDGET
    titles: TitleScope = TitleScope.ALL
