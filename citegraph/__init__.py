"""citegraph: find the academic papers a codebase relies on, and the code that relies on them."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("citegraph")
except PackageNotFoundError:  # pragma: no cover - run from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
