"""citegraph: find the academic papers a codebase relies on, and the code that relies on them."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (setuptools' `attr:`,
# read statically), so that no command pays for `importlib.metadata` (about 15 ms of imports:
# email, zipfile, csv) just to know it.
__version__ = "0.1.0"

__all__ = ["__version__"]
