"""DataCite REST resolver: DOIs Crossref does not know, including arXiv's 10.48550 DOIs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import quote

from catalog.http import HttpSession, json_body
from catalog.ids import ARXIV_DOI_PREFIX, normalize_doi, parse_arxiv
from catalog.keys import id_key
from catalog.records import ResolverSettings
from catalog.resolvers.base import build_paper
from catalog.types import Paper, PaperRef, RefKind


class DataciteResolver:
    """One request per DOI (DataCite has no batch lookup by DOI list); 404 means unknown."""

    name = "datacite"
    kinds = frozenset({RefKind.DOI})

    def __init__(self, settings: ResolverSettings) -> None:
        self.base_url = settings.base_url(self.name)
        self.mailto = settings.mailto

    def accepts(self, ref: PaperRef) -> bool:
        """Any DOI."""
        return ref.kind is RefKind.DOI

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """Look each DOI up on its own."""
        found: dict[str, Paper] = {}
        params = {"mailto": self.mailto} if self.mailto else None
        for doi in sorted({ref.value for ref in refs}):
            url = f"{self.base_url}/dois/{quote(doi, safe='/')}"
            response = session.request(self.name, "GET", url, params=params, not_found_ok=True)
            if response is None:
                continue
            body = json_body(response, self.name)
            data = body.get("data") if isinstance(body, Mapping) else None
            attributes = data.get("attributes") if isinstance(data, Mapping) else None
            paper = parse_attributes(attributes) if isinstance(attributes, Mapping) else None
            if paper is not None:
                found[id_key("doi", doi)] = paper
        return found


def parse_attributes(attributes: Mapping[str, object]) -> Paper | None:
    """A `Paper` from DataCite's `data.attributes`; arXiv DOIs become arXiv ids."""
    doi = normalize_doi(str(attributes.get("doi") or ""))
    if not doi:
        return None
    ids: dict[str, str] = {}
    arxiv = parse_arxiv(doi[len(ARXIV_DOI_PREFIX) :]) if doi.startswith(ARXIV_DOI_PREFIX) else None
    if arxiv is not None:
        ids["arxiv"] = arxiv.value
    else:
        ids["doi"] = doi
    titles = [t.get("title") for t in _list(attributes.get("titles")) if isinstance(t, Mapping)]
    authors = []
    for creator in _list(attributes.get("creators")):
        if isinstance(creator, Mapping):
            given, family = creator.get("givenName"), creator.get("familyName")
            authors.append(f"{given} {family}" if given and family else str(creator.get("name")))
    abstracts = [
        d.get("description")
        for d in _list(attributes.get("descriptions"))
        if isinstance(d, Mapping) and d.get("descriptionType") == "Abstract"
    ]
    container = attributes.get("container")
    venue = container.get("title") if isinstance(container, Mapping) else None
    if arxiv is not None:
        venue = venue or "arXiv"
    return build_paper(
        "datacite",
        ids,
        title=titles[0] if titles else None,
        authors=authors,
        year=attributes.get("publicationYear"),
        venue=venue or attributes.get("publisher"),
        abstract=abstracts[0] if abstracts else None,
        url=f"https://arxiv.org/abs/{arxiv.value}" if arxiv else attributes.get("url"),
    )


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
