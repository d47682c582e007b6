"""The catalog's vocabulary: identifier kinds, paper references and resolved papers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class RefKind(str, Enum):
    """What kind of reference a mention is; also the scheme of its key."""

    ARXIV = "arxiv"
    DOI = "doi"
    URL = "url"
    ISBN = "isbn"
    TITLE = "title"
    AUTHOR_YEAR = "author-year"
    BOOK = "book"  # a book or reference work named without an identifier

    @property
    def is_identifier(self) -> bool:
        """Whether the key is an identifier someone wrote, not one made from a title or
        authors and year (a book's included)."""
        # A set made once: naming the members here looked each up on the class per call, a
        # microsecond that assembling a report paid a few times per citation.
        return self not in _NAMED_KINDS


_NAMED_KINDS = frozenset({RefKind.TITLE, RefKind.AUTHOR_YEAR, RefKind.BOOK})


@dataclass(frozen=True, slots=True)
class PaperRef:
    """A normalized identifier of a paper: `arxiv:1908.03265`, `doi:10.1145/...`, `url:...`.

    `value` is the canonical form (arXiv id without version, lowercase DOI, normalized URL,
    ISBN-13). The version of an arXiv id is kept apart in `version` so that every version of
    one paper shares one key.
    """

    kind: RefKind
    value: str
    version: str | None = None

    @property
    def key(self) -> str:
        """The stable string key, e.g. `arxiv:1908.03265`."""
        return f"{self.kind.value}:{self.value}"

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True, slots=True)
class Reference:
    """A work as the text names it: the key it is resolved under and what was read about it.

    This is what the scanner hands the catalog. `ref` is the identifier written for the work
    (arXiv id, DOI, URL, ISBN) or, for a work named without one, its title or authors-and-year
    key (`catalog.keys`); `ref.kind` says which. The other fields are those read beside it (a
    reference entry's fields, a link's text or a quoted title), all optional.
    """

    ref: PaperRef
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    volume: str | None = None
    pages: str | None = None

    @property
    def key(self) -> str:
        """The key it is resolved under (`ref.key`)."""
        return self.ref.key

    @property
    def identifier(self) -> PaperRef | None:
        """The identifier written for the work; None for one named by title or authors."""
        return self.ref if self.ref.kind.is_identifier else None


class ResolutionStatus(str, Enum):
    """How a reference ended up: resolved online, from the store, or not at all."""

    RESOLVED = "resolved"
    CACHED = "cached"
    NOT_FOUND = "not-found"
    UNRESOLVED_TITLE = "unresolved-title"
    OFFLINE = "offline"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper's metadata, merged from every source that knows it.

    `ids` maps identifier kinds (`arxiv`, `doi`, `openreview`, `s2`, `pmid`, `url`, ...) to their
    normalized values; all of them are aliases of one record.
    """

    key: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    abstract: str | None = None
    url: str | None = None
    ids: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    primary_category: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one reference."""

    ref_key: str
    status: ResolutionStatus
    paper: Paper | None = None
    confidence: float | None = None
    message: str | None = None
