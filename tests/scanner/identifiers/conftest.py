"""Identifier tests see only the identifier extractors: the title detector has its own tests,
and `tests/scanner/test_extract.py` covers how the two are merged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import scanner.extract as extract


@pytest.fixture(autouse=True)
def _without_title_citations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(extract, "find_citations", lambda text: [])
    extract.find_hits.cache_clear()
    yield
    extract.find_hits.cache_clear()
