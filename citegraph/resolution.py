"""The catalog a command resolves a scan's references through.

`open_resolver` opens the catalog the configuration names and wraps it in a `CatalogResolver`,
the object `run_scan` takes. A project's committed bibliography (`bibliography =
"references.bib"`) is imported into the catalog before the first lookup, so a project can ship
the metadata of the papers it cites and resolve fully offline. `mismatches` names the
citations whose title hint contradicts the title their identifier resolves to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from citegraph.config import Config

if TYPE_CHECKING:  # the catalog (SQLite, rapidfuzz) loads only when a command resolves
    from catalog import Catalog, Reference, Resolution


class CatalogResolver:
    """Resolves references through an open catalog, importing the project's bibliography
    before the first lookup; warnings go to the `warn` of each call (the run's report)."""

    def __init__(self, catalog: Catalog, bibliography: Path | None = None) -> None:
        self.catalog = catalog
        self._bibliography = bibliography

    def resolve(
        self, references: Sequence[Reference], warn: Callable[[str], None]
    ) -> dict[str, Resolution]:
        """A `Resolution` per distinct reference key."""
        self.catalog.online.on_warning = warn
        if self._bibliography is not None:
            _import_bibliography(self.catalog, self._bibliography, warn)
            self._bibliography = None
        return self.catalog.resolve(references)


@contextmanager
def open_resolver(config: Config, root: Path | None = None) -> Iterator[CatalogResolver | None]:
    """The catalog `config` names (offline, contact, budgets, title threshold), open for one
    command; `root` locates the project's bibliography. None when `config` does not resolve."""
    if not config.resolve:
        yield None
        return
    from catalog import Catalog, ResolverSettings  # the store and the resolvers: only now

    catalog_path = Path(config.catalog).expanduser() if config.catalog else None
    settings = ResolverSettings.from_environment(
        mailto=config.mailto,
        run_budget=config.network_budget,
        service_budget=config.network_service_budget,
        request_timeout=config.network_request_timeout,
    )
    bibliography = root.resolve() / config.bibliography if config.bibliography and root else None
    with Catalog.open(
        catalog_path,
        offline=config.offline,
        settings=settings,
        threshold=config.min_title_confidence,
    ) as catalog:
        yield CatalogResolver(catalog, bibliography)


def mismatches(
    references: Iterable[Reference], resolutions: Mapping[str, Resolution]
) -> dict[tuple[str, str], str]:
    """Title hints naming another paper than the one their identifier resolves to: the
    resolved title, keyed by (reference key, title hint).

    Every distinct hint of a key is judged on its own, so a citation whose title is right is
    never flagged because another citation of the same identifier carries a wrong one.
    """
    from catalog import title_mismatch

    found: dict[tuple[str, str], str] = {}
    judged: set[tuple[str, str]] = set()
    for reference in references:
        if reference.identifier is None or not reference.title:
            continue
        pair = (reference.key, reference.title)
        if pair in judged:
            continue
        judged.add(pair)
        resolution = resolutions.get(reference.key)
        title = resolution.paper.title if resolution and resolution.paper else None
        if title and title_mismatch(reference.title, title) is not None:
            found[pair] = title
    return found


def _import_bibliography(catalog: Catalog, path: Path, warn: Callable[[str], None]) -> None:
    from catalog import import_file

    if not path.is_file():
        return  # not written yet: `citegraph check` reports it (CG005), `citegraph bib` makes it
    if path.suffix.lower() in (".md", ".markdown"):
        return  # a Markdown list is a lock only: its items hold no metadata to import
    try:
        import_file(catalog.store, path)
    except (OSError, ValueError) as error:
        warn(f"could not read the bibliography {path}: {error}")
