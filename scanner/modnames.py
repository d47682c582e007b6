"""Python module names from file paths: `src/pkg/sub/mod.py` -> `pkg.sub.mod`.

The rules, in order:

1. A file in a regular package (its directory holds `__init__.py`, `.pyi` or Cython's
   `.pxd`) is named from the top of the chain of package directories above it:
   `pkg/sub/mod.py` -> `pkg.sub.mod`, `pkg/__init__.py` -> `pkg`, `pkg/mod.pyi` -> `pkg.mod`.
   The chain may continue above the scan root, so scanning `repo/torch/nn` still names
   `torch.nn.modules.linear`.
2. Directories between a layout directory (`src/`, `lib/`, `python/`) and that chain are
   namespace packages (PEP 420): `src/ns/pkg/mod.py` -> `ns.pkg.mod`.
3. Any other file is named by its path below the scan root, or below its last layout
   directory, so two `train.py` scripts in different folders stay distinct symbols:
   `tools/gen.py` -> `tools.gen`, `src/tool.py` -> `tool`; a script at the root is its stem,
   `setup.py` -> `setup`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_INIT_FILES = ("__init__.py", "__init__.pyi", "__init__.pxd")
_LAYOUT_DIRS = frozenset({"src", "lib", "python"})


def module_name(root: Path, relpath: str) -> str:
    """The dotted module name of the Python file `relpath` (`/`-separated) under `root`."""
    *dirs, filename = [part for part in relpath.split("/") if part not in ("", ".")]
    stem = filename.rsplit(".", 1)[0] if "." in filename[1:] else filename
    names = [*_package_path(str(root), tuple(dirs))]
    if stem != "__init__" or not names:
        names.append(stem)
    return ".".join(names)


@lru_cache(maxsize=16384)
def _package_path(root: str, dirs: tuple[str, ...]) -> tuple[str, ...]:
    """The dotted path of directory `dirs` under `root`, by the rules of the module docstring.

    Cached per directory: a repository has thousands of files in far fewer directories.
    """
    top = len(dirs)
    while top > 0 and _is_package(os.path.join(root, *dirs[:top])):
        top -= 1
    if top == 0 and _is_package(root):
        return (*_parents_in_package(root), *dirs)
    prefix = dirs[:top]
    layout = [index for index, name in enumerate(prefix) if name in _LAYOUT_DIRS]
    if layout:
        prefix = prefix[layout[-1] + 1 :]
    elif top < len(dirs):
        prefix = ()  # the package chain starts its own import root
    return (*prefix, *dirs[top:])


def _parents_in_package(root: str) -> list[str]:
    """The package names of `root` and its ancestors, when the scan root is inside a package."""
    names: list[str] = []
    directory = os.path.abspath(root)
    while _is_package(directory):
        parent = os.path.dirname(directory)
        names.insert(0, os.path.basename(directory))
        if parent == directory:
            break
        directory = parent
    return names


@lru_cache(maxsize=65536)
def _is_package(directory: str) -> bool:
    # os.path.isfile, unlike Path.is_file, treats an unreadable directory as "no".
    return any(os.path.isfile(os.path.join(directory, name)) for name in _INIT_FILES)
