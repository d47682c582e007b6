"""Crossref REST resolver: DOIs in batches through `filter=doi:...`, polite pool via mailto."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from catalog.http import HttpSession, json_body
from catalog.ids import ARXIV_DOI_PREFIX, doi_url, normalize_doi, parse_arxiv
from catalog.keys import id_key
from catalog.records import ResolverError, ResolverSettings
from catalog.resolvers.base import build_paper, chunks, field_list, field_map
from catalog.types import Paper, PaperRef, Reference, RefKind

BATCH = 50
SEARCH_ROWS = 5
SELECT = "DOI,title,author,issued,container-title,abstract,URL,relation"


class CrossrefResolver:
    """Crossref knows most journal and proceedings DOIs, but not arXiv's own (10.48550)."""

    name = "crossref"
    kinds = frozenset({RefKind.DOI})

    def __init__(self, settings: ResolverSettings) -> None:
        self.base_url = settings.base_url(self.name)
        self.mailto = settings.mailto

    def accepts(self, ref: PaperRef) -> bool:
        """DOIs that are not arXiv DOIs."""
        return ref.kind is RefKind.DOI and not ref.value.startswith(ARXIV_DOI_PREFIX)

    def _params(self, **params: object) -> dict[str, object]:
        return {**params, "mailto": self.mailto} if self.mailto else dict(params)

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """Batched filter queries; a DOI with a comma cannot sit in a filter and goes alone."""
        dois = sorted({ref.value for ref in refs})
        found: dict[str, Paper] = {}
        for batch in chunks([d for d in dois if "," not in d], BATCH):
            params = self._params(
                filter=",".join(f"doi:{d}" for d in batch), rows=len(batch), select=SELECT
            )
            response = session.request(self.name, "GET", f"{self.base_url}/works", params=params)
            assert response is not None
            asked = set(batch)
            for item in _items(json_body(response, self.name)):
                paper = parse_work(item)
                if paper is not None and paper.ids["doi"] in asked:
                    found[id_key("doi", paper.ids["doi"])] = paper
        for doi in (d for d in dois if "," in d):
            url = f"{self.base_url}/works/{quote(doi, safe='/')}"
            response = session.request(
                self.name, "GET", url, params=self._params(), not_found_ok=True
            )
            if response is not None:
                body = json_body(response, self.name)
                paper = parse_work(body.get("message") if isinstance(body, dict) else None)
                if paper is not None and paper.ids["doi"] == doi:
                    found[id_key("doi", paper.ids["doi"])] = paper
        return found

    def search_title(self, session: HttpSession, query: Reference) -> list[Paper]:
        """`query.bibliographic` search: title plus first author and year when known."""
        text = " ".join(str(x) for x in (query.title, *query.authors[:1], query.year) if x)
        params = self._params(
            **{"query.bibliographic": text, "rows": SEARCH_ROWS, "select": SELECT}
        )
        response = session.request(self.name, "GET", f"{self.base_url}/works", params=params)
        assert response is not None
        items = _items(json_body(response, self.name))[:SEARCH_ROWS]
        return [p for p in map(parse_work, items) if p]


def _items(body: Any) -> list[Any]:
    message = body.get("message") if isinstance(body, dict) else None
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise ResolverError("crossref: response has no message.items list")
    return items


def _first(value: object) -> object:
    return (
        value[0] if isinstance(value, list) and value else value if isinstance(value, str) else None
    )


def parse_work(work: object) -> Paper | None:
    """A `Paper` from one Crossref work object; None when it has no DOI."""
    if not isinstance(work, Mapping):
        return None
    doi = normalize_doi(str(work.get("DOI") or ""))
    if not doi:
        return None
    ids = {"doi": doi}
    relation = field_map(work, "relation")
    for name in ("has-preprint", "is-preprint-of"):
        for rel in relation.get(name) or []:
            rel_id = str(rel.get("id") or "").lower() if isinstance(rel, Mapping) else ""
            if ARXIV_DOI_PREFIX in rel_id:
                arxiv = parse_arxiv(rel_id.split(ARXIV_DOI_PREFIX, 1)[1])
                if arxiv:
                    ids["arxiv"] = arxiv.value
    authors = []
    for person in work.get("author") or []:
        if isinstance(person, Mapping):
            name = " ".join(str(p) for p in (person.get("given"), person.get("family")) if p)
            authors.append(name or str(person.get("name") or ""))
    issued = field_map(work, "issued")
    parts = field_list(issued, "date-parts") or [[None]]
    year = parts[0][0] if parts and isinstance(parts[0], list) and parts[0] else None
    return build_paper(
        "crossref",
        ids,
        title=_first(work.get("title")),
        authors=authors,
        year=year,
        venue=_first(work.get("container-title")),
        abstract=work.get("abstract"),
        url=work.get("URL") or doi_url(doi),
    )
