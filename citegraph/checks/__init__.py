"""`citegraph check`: citation findings for given files, with rule selection and suppressions.

The findings come from the same scan as `citegraph scan` (malformed identifiers, unresolved
identifiers, title mismatches), plus opt-in style rules and the bibliography lock. Resolution
uses the local catalog only unless `online` is asked for, so a pre-commit hook never waits on
the network. The scan machinery loads on first use, so the output formats import cheaply.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["CheckResult", "run_check"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("citegraph.checks.runner"), name)
    raise AttributeError(f"module 'citegraph.checks' has no attribute {name!r}")
