"""Fixtures for catalog tests: the fake services and catalogs wired to them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_services import FakeServices

from catalog.core import Catalog


@pytest.fixture
def services() -> Iterator[FakeServices]:
    """The five fake metadata services on a loopback port."""
    with FakeServices() as running:
        yield running


@pytest.fixture
def warnings() -> list[str]:
    """Warnings collected from catalogs made by `make_catalog`."""
    return []


@pytest.fixture
def sleeps() -> list[float]:
    """Sleeps requested by catalogs made by `make_catalog` (none are really slept)."""
    return []


@pytest.fixture
def make_catalog(
    tmp_path: Path, services: FakeServices, warnings: list[str], sleeps: list[float]
) -> Iterator[Callable[..., Catalog]]:
    """Open catalogs on one store file, pointed at the fake services."""
    opened: list[Catalog] = []

    def make(offline: bool = False, **settings: object) -> Catalog:
        catalog = Catalog.open(
            tmp_path / "catalog.sqlite3",
            offline=offline,
            settings=services.settings(**settings),
            on_warning=warnings.append,
            sleep=sleeps.append,
        )
        opened.append(catalog)
        return catalog

    yield make
    for catalog in opened:
        catalog.close()
