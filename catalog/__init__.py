"""KNOW: identifiers to papers: id vocabulary, SQLite store, resolvers and title matching.

The application imports the catalog through the names below. The heavy parts (httpx, SQLite,
rapidfuzz) load on first use, so the scanner can import the vocabulary in `catalog.types` and
`catalog.ids` cheaply.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names for type checkers; at run time `__getattr__` loads them
    from catalog.bibtex import (
        citation_keys,
        format_entries,
        parse_entries,
        placeholder_key,
        placeholder_note,
        read_entries,
    )
    from catalog.core import Catalog
    from catalog.export import bibtex_entries, paper_record
    from catalog.guard import CatalogUnusable, inspect, is_text_file, move_aside
    from catalog.ids import (
        ADS_RECORD,
        arxiv_year,
        doi_url,
        doi_year,
        key_date,
        parse_arxiv,
        ref_from_string,
    )
    from catalog.imports import IMPORTERS, detect_format, import_file
    from catalog.keys import (
        IDENTIFIER_KINDS,
        author_year_ref,
        family_name,
        id_keys,
        normalize_title,
        text_ref,
        title_ref,
        year_letter,
    )
    from catalog.limits import (
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_RUN_BUDGET,
        DEFAULT_SERVICE_BUDGET,
    )
    from catalog.records import (
        ResolverError,
        ResolverSettings,
        ResolverUnavailable,
        ServiceUnavailable,
    )
    from catalog.resolvers import RESOLVERS
    from catalog.schema import SchemaTooNew
    from catalog.store import Store, default_catalog_path
    from catalog.titles import title_mismatch
    from catalog.types import Paper, PaperRef, Reference, RefKind, Resolution, ResolutionStatus
    from catalog.works import ReferenceWork, reference_work_keyed, reference_work_of

_EXPORTS = {
    "Catalog": "catalog.core",
    "CatalogUnusable": "catalog.guard",
    "inspect": "catalog.guard",
    "is_text_file": "catalog.guard",
    "move_aside": "catalog.guard",
    "ResolverError": "catalog.records",
    "ResolverSettings": "catalog.records",
    "ResolverUnavailable": "catalog.records",
    "ServiceUnavailable": "catalog.records",
    "DEFAULT_REQUEST_TIMEOUT": "catalog.limits",
    "DEFAULT_RUN_BUDGET": "catalog.limits",
    "DEFAULT_SERVICE_BUDGET": "catalog.limits",
    "Paper": "catalog.types",
    "PaperRef": "catalog.types",
    "Reference": "catalog.types",
    "RefKind": "catalog.types",
    "Resolution": "catalog.types",
    "ResolutionStatus": "catalog.types",
    "IDENTIFIER_KINDS": "catalog.keys",
    "id_keys": "catalog.keys",
    "author_year_ref": "catalog.keys",
    "family_name": "catalog.keys",
    "normalize_title": "catalog.keys",
    "ReferenceWork": "catalog.works",
    "reference_work_of": "catalog.works",
    "reference_work_keyed": "catalog.works",
    "text_ref": "catalog.keys",
    "title_ref": "catalog.keys",
    "year_letter": "catalog.keys",
    "ADS_RECORD": "catalog.ids",
    "arxiv_year": "catalog.ids",
    "key_date": "catalog.ids",
    "doi_url": "catalog.ids",
    "doi_year": "catalog.ids",
    "parse_arxiv": "catalog.ids",
    "ref_from_string": "catalog.ids",
    "Store": "catalog.store",
    "default_catalog_path": "catalog.store",
    "SchemaTooNew": "catalog.schema",
    "title_mismatch": "catalog.titles",
    "import_file": "catalog.imports",
    "detect_format": "catalog.imports",
    "IMPORTERS": "catalog.imports",
    "RESOLVERS": "catalog.resolvers",
    "bibtex_entries": "catalog.export",
    "paper_record": "catalog.export",
    "citation_keys": "catalog.bibtex",
    "format_entries": "catalog.bibtex",
    "parse_entries": "catalog.bibtex",
    "placeholder_key": "catalog.bibtex",
    "placeholder_note": "catalog.bibtex",
    "read_entries": "catalog.bibtex",
}

__all__ = [
    "ADS_RECORD",
    "DEFAULT_REQUEST_TIMEOUT",
    "DEFAULT_RUN_BUDGET",
    "DEFAULT_SERVICE_BUDGET",
    "IDENTIFIER_KINDS",
    "IMPORTERS",
    "RESOLVERS",
    "Catalog",
    "CatalogUnusable",
    "Paper",
    "PaperRef",
    "RefKind",
    "Reference",
    "ReferenceWork",
    "Resolution",
    "ResolutionStatus",
    "ResolverError",
    "ResolverSettings",
    "ResolverUnavailable",
    "SchemaTooNew",
    "ServiceUnavailable",
    "Store",
    "arxiv_year",
    "author_year_ref",
    "bibtex_entries",
    "citation_keys",
    "default_catalog_path",
    "detect_format",
    "doi_url",
    "doi_year",
    "family_name",
    "format_entries",
    "id_keys",
    "import_file",
    "inspect",
    "is_text_file",
    "key_date",
    "move_aside",
    "normalize_title",
    "paper_record",
    "parse_arxiv",
    "parse_entries",
    "placeholder_key",
    "placeholder_note",
    "read_entries",
    "ref_from_string",
    "reference_work_keyed",
    "reference_work_of",
    "text_ref",
    "title_mismatch",
    "title_ref",
    "year_letter",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'catalog' has no attribute {name!r}")
