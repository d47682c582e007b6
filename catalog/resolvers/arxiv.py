"""arXiv API resolver: many ids per request through `id_list`, Atom parsed with defusedxml."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from catalog.http import HttpSession
from catalog.ids import normalize_doi, parse_arxiv
from catalog.keys import id_key
from catalog.records import ResolverError, ResolverSettings
from catalog.resolvers.base import build_paper, chunks
from catalog.types import Paper, PaperRef, RefKind

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
BATCH = 100


class ArxivResolver:
    """Looks arXiv ids up in batches of 100; keeps the author-supplied journal DOI as an alias."""

    name = "arxiv"
    kinds = frozenset({RefKind.ARXIV})

    def __init__(self, settings: ResolverSettings) -> None:
        self.base_url = settings.base_url(self.name)

    def accepts(self, ref: PaperRef) -> bool:
        """Every arXiv id."""
        return ref.kind is RefKind.ARXIV

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """One request per 100 ids; results come back unordered, so they are indexed by id."""
        found: dict[str, Paper] = {}
        for batch in chunks(sorted({ref.value for ref in refs}), BATCH):
            params = {"id_list": ",".join(batch), "start": 0, "max_results": len(batch)}
            response = session.request(self.name, "GET", f"{self.base_url}/query", params=params)
            assert response is not None
            asked = set(batch)
            for paper in parse_feed(response.content):
                # Only entries for ids we asked about: a mirror's whole feed is not a lookup.
                if paper.ids["arxiv"] in asked:
                    found[id_key("arxiv", paper.ids["arxiv"])] = paper
        return found


def parse_feed(content: bytes) -> list[Paper]:
    """The papers of an arXiv Atom feed; entity declarations (XML bombs) are refused."""
    try:
        root = SafeET.fromstring(content)
    except DefusedXmlException as error:
        raise ResolverError(f"arxiv: refused unsafe XML ({type(error).__name__})") from error
    except SafeET.ParseError as error:
        raise ResolverError(f"arxiv: malformed Atom feed ({error})") from error
    if root.tag != f"{ATOM}feed":
        raise ResolverError("arxiv: the response is not an Atom feed")
    return [p for p in (_entry(e) for e in root.iter(f"{ATOM}entry")) if p is not None]


def _entry(entry: Element) -> Paper | None:
    raw_id = (entry.findtext(f"{ATOM}id") or "").strip()
    # Error entries carry an id under /api/errors; an id that does not parse is not a paper.
    if "/abs/" not in raw_id:
        return None
    ref = parse_arxiv(raw_id.split("/abs/", 1)[1])
    if ref is None:
        return None
    ids = {"arxiv": ref.value}
    doi = normalize_doi(entry.findtext(f"{ARXIV}doi") or "")
    if doi:
        ids["doi"] = doi
    authors = [a.findtext(f"{ATOM}name") or "" for a in entry.findall(f"{ATOM}author")]
    primary = entry.find(f"{ARXIV}primary_category")
    return build_paper(
        "arxiv",
        ids,
        title=entry.findtext(f"{ATOM}title"),
        authors=authors,
        year=entry.findtext(f"{ATOM}published"),
        venue=entry.findtext(f"{ARXIV}journal_ref") or "arXiv",
        abstract=entry.findtext(f"{ATOM}summary"),
        url=f"https://arxiv.org/abs/{ref.value}",
        primary_category=primary.get("term") if primary is not None else None,
    )
