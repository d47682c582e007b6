"""Python module names from file paths: `src/pkg/sub/mod.py` -> `pkg.sub.mod`.

The package root is found by walking up while the parent directory holds an `__init__.py`;
the module name is the path from there. A file outside any package is named by its path
below the scan root, with a leading `src/` or `lib/` layout directory dropped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_LAYOUT_DIRS = ("src", "lib", "python")


def module_name(root: Path, relpath: str) -> str:
    """The dotted module name of the Python file `relpath` under `root`."""
    parts = relpath.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    dirs = parts[:-1]
    # The longest chain of package directories that ends at the file's directory.
    first_package = len(dirs)
    while first_package > 0 and _is_package(str(root), "/".join(dirs[:first_package])):
        first_package -= 1
    if first_package < len(dirs):
        names = dirs[first_package:]
    else:
        names = dirs[1:] if dirs and dirs[0] in _LAYOUT_DIRS else dirs
    if stem != "__init__":
        names = [*names, stem]
    return ".".join(names) if names else stem


@lru_cache(maxsize=65536)
def _is_package(root: str, reldir: str) -> bool:
    base = Path(root, reldir)
    return (base / "__init__.py").is_file() or (base / "__init__.pyi").is_file()
