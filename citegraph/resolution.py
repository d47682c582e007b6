"""Resolving citation sites through the paper catalog (placeholder until the catalog lands)."""

from __future__ import annotations

from collections.abc import Callable

from catalog.types import Resolution
from citegraph.assemble import Site
from citegraph.config import Config


def resolve_sites(
    sites: list[Site], config: Config, warn: Callable[[str], None]
) -> tuple[dict[str, Resolution], dict[str, str]]:
    """Resolve every distinct reference of `sites`; returns resolutions and title mismatches."""
    return {}, {}
