"""citegraph: find the academic papers a codebase relies on, and the code that relies on them."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
