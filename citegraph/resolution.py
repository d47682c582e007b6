"""Resolving citation sites through the paper catalog.

Identifiers go to `Catalog.resolve`; title and author-year citations to `Catalog.match_titles`.
A project's committed bibliography (`bibliography = "references.bib"`) is imported into the
catalog first, so a project can ship the metadata of the papers it cites and resolve fully
offline. A title hint that contradicts the resolved title is returned as a mismatch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from catalog.types import PaperRef, Resolution
from citegraph.assemble import Site
from citegraph.config import Config


def resolve_sites(
    sites: list[Site], config: Config, warn: Callable[[str], None], root: Path | None = None
) -> tuple[dict[str, Resolution], dict[str, str]]:
    """Resolve every distinct reference of `sites`; returns resolutions keyed by reference key
    and, for identifiers whose title hint names another paper, the resolved title."""
    from catalog import Catalog, ResolverSettings, TitleQuery, import_file, title_mismatch

    refs: dict[str, PaperRef] = {}
    queries: dict[str, TitleQuery] = {}
    hints: dict[str, str] = {}
    for site in sites:
        reference = site.mention.reference
        if reference is None:
            continue
        key = reference.key
        if reference.identifier is not None:
            refs.setdefault(key, reference.identifier)
            if reference.title:
                hints.setdefault(key, reference.title)
        elif key not in queries:
            queries[key] = TitleQuery(
                key=key, title=reference.title, authors=reference.authors, year=reference.year
            )
    catalog_path = Path(config.catalog).expanduser() if config.catalog else None
    settings = ResolverSettings.from_environment(
        mailto=config.mailto,
        run_budget=config.network_budget,
        service_budget=config.network_service_budget,
        request_timeout=config.network_request_timeout,
    )
    with Catalog.open(
        catalog_path,
        offline=config.offline,
        settings=settings,
        on_warning=warn,
        threshold=config.min_title_confidence,
    ) as catalog:
        if config.bibliography and root is not None:
            _import_bibliography(catalog, root / config.bibliography, import_file, warn)
        resolutions = catalog.resolve(list(refs.values())) if refs else {}
        if queries:
            resolutions.update(catalog.match_titles(list(queries.values())))
    mismatches = {}
    for key, hint in hints.items():
        resolution = resolutions.get(key)
        title = resolution.paper.title if resolution and resolution.paper else None
        if title and title_mismatch(hint, title) is not None:
            mismatches[key] = title
    return resolutions, mismatches


def _import_bibliography(
    catalog: object, path: Path, import_file: Callable[..., object], warn: Callable[[str], None]
) -> None:
    if not path.is_file():
        return  # not written yet: `citegraph check` reports it (CG005), `citegraph bib` makes it
    try:
        import_file(catalog.store, path)  # type: ignore[attr-defined]
    except (OSError, ValueError) as error:
        warn(f"could not read the bibliography {path}: {error}")
