"""The resolver interface and the helpers every resolver shares."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from catalog.http import HttpSession
from catalog.keys import primary_key
from catalog.records import ResolverSettings
from catalog.types import Paper, PaperRef, Reference, RefKind

T = TypeVar("T")


class Resolver(Protocol):
    """One metadata source. `fetch` returns papers keyed by the ref keys it found; a key that is
    absent was not found. Transport failures raise `ResolverError`/`ResolverUnavailable`."""

    name: str
    kinds: frozenset[RefKind]

    def __init__(self, settings: ResolverSettings) -> None: ...

    def accepts(self, ref: PaperRef) -> bool:
        """Whether this source can look `ref` up at all."""
        ...

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """Look up `refs` (already filtered by `accepts`), batching where the service allows."""
        ...


class TitleSearcher(Protocol):
    """A source that can also find papers by title."""

    name: str

    def search_title(self, session: HttpSession, query: Reference) -> list[Paper]:
        """Candidate papers for a title query, best first by the service's own ranking."""
        ...


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def clean_text(text: object) -> str | None:
    """Collapse whitespace, drop markup (JATS, MathML) and entities; None for empty values."""
    if not isinstance(text, str):
        return None
    text = _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", text))).strip()
    return text or None


def field_map(container: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """`container[name]` when it is an object, else an empty mapping (services omit or null
    fields freely)."""
    value = container.get(name)
    return value if isinstance(value, Mapping) else {}


def field_list(container: Mapping[str, Any], name: str) -> list[Any]:
    """`container[name]` when it is a list, else an empty list."""
    value = container.get(name)
    return value if isinstance(value, list) else []


def as_year(value: object) -> int | None:
    """A plausible publication year from an int or a date string, else None."""
    if isinstance(value, str):
        value = value[:4]
    if not isinstance(value, (str, int)):
        return None
    try:
        year = int(value)
    except ValueError:
        return None
    return year if 1000 <= year <= 2999 else None


def build_paper(
    source: str,
    ids: dict[str, str],
    *,
    title: object = None,
    authors: Sequence[str] = (),
    year: object = None,
    venue: object = None,
    abstract: object = None,
    url: object = None,
    primary_category: str | None = None,
) -> Paper:
    """A `Paper` from raw service fields, cleaned the same way for every source."""
    ids = {k: v for k, v in ids.items() if v}
    return Paper(
        key=primary_key(ids),
        title=clean_text(title),
        authors=tuple(a for a in (clean_text(x) for x in authors) if a),
        year=as_year(year),
        venue=clean_text(venue),
        abstract=clean_text(abstract),
        url=url if isinstance(url, str) and url else None,
        ids=ids,
        source=source,
        primary_category=primary_category,
    )
