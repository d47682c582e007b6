"""KNOW: identifiers to papers: id vocabulary, SQLite store, resolvers and title matching.

The heavy parts (httpx, SQLite, rapidfuzz) load on first use, so the scanner can import the
vocabulary in `catalog.types` and `catalog.ids` cheaply.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Catalog": "catalog.core",
    "CatalogUnusable": "catalog.guard",
    "ResolverError": "catalog.records",
    "ResolverSettings": "catalog.records",
    "ResolverUnavailable": "catalog.records",
    "ServiceUnavailable": "catalog.records",
    "Reference": "catalog.types",
    "PaperRef": "catalog.types",
    "Store": "catalog.store",
    "default_catalog_path": "catalog.store",
    "title_mismatch": "catalog.titles",
    "import_file": "catalog.imports",
    "IMPORTERS": "catalog.imports",
    "RESOLVERS": "catalog.resolvers",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'catalog' has no attribute {name!r}")
