"""OpenAlex resolver: DOIs in OR-filter batches of 50, abstracts rebuilt from the inverted index."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from catalog.http import HttpSession, json_body
from catalog.ids import doi_url, normalize_doi, parse_arxiv
from catalog.keys import id_key
from catalog.records import ResolverError, ResolverSettings
from catalog.resolvers.base import build_paper, chunks, field_map
from catalog.types import Paper, PaperRef, Reference, RefKind

BATCH = 50
SEARCH_ROWS = 5


class OpenalexResolver:
    """Batched DOI lookups; OpenAlex also links DOIs to arXiv through landing-page URLs."""

    name = "openalex"
    kinds = frozenset({RefKind.DOI})

    def __init__(self, settings: ResolverSettings) -> None:
        self.base_url = settings.base_url(self.name)
        self.mailto = settings.mailto

    def accepts(self, ref: PaperRef) -> bool:
        """DOIs without the characters that break OpenAlex's filter syntax."""
        return ref.kind is RefKind.DOI and not any(c in ref.value for c in ",|&")

    def _get(self, session: HttpSession, **params: object) -> list[Any]:
        if self.mailto:
            params["mailto"] = self.mailto
        response = session.request(self.name, "GET", f"{self.base_url}/works", params=params)
        assert response is not None
        body = json_body(response, self.name)
        results = body.get("results") if isinstance(body, Mapping) else None
        if not isinstance(results, list):
            raise ResolverError("openalex: response has no results list")
        return results

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """One `filter=doi:a|b|...` request per 50 DOIs."""
        found: dict[str, Paper] = {}
        for batch in chunks(sorted({ref.value for ref in refs}), BATCH):
            asked = set(batch)
            for work in self._get(
                session, filter="doi:" + "|".join(batch), **{"per-page": len(batch)}
            ):
                paper = parse_work(work)
                if paper is not None and paper.ids.get("doi") in asked:
                    found[id_key("doi", paper.ids["doi"])] = paper
        return found

    def search_title(self, session: HttpSession, query: Reference) -> list[Paper]:
        """`title.search` filter, five best hits."""
        if not query.title:
            return []
        text = query.title.replace(",", " ").replace("|", " ")
        works = self._get(session, filter=f"title.search:{text}", **{"per-page": SEARCH_ROWS})
        works = works[:SEARCH_ROWS]
        return [p for p in map(parse_work, works) if p is not None]


def rebuild_abstract(index: object) -> str | None:
    """The abstract text from OpenAlex's `{word: [positions]}` inverted index."""
    if not isinstance(index, Mapping) or not index:
        return None
    placed: dict[int, str] = {}
    for word, positions in index.items():
        for position in positions if isinstance(positions, list) else []:
            if isinstance(position, int):
                placed[position] = str(word)
    return " ".join(placed[i] for i in sorted(placed)) or None


def parse_work(work: object) -> Paper | None:
    """A `Paper` from an OpenAlex work object."""
    if not isinstance(work, Mapping):
        return None
    ids: dict[str, str] = {}
    doi = normalize_doi(str(work.get("doi") or ""))
    if doi:
        ids["doi"] = doi
    openalex_id = str(work.get("id") or "").rsplit("/", 1)[-1]
    if openalex_id:
        ids["openalex"] = openalex_id
    extra = field_map(work, "ids")
    if extra.get("pmid"):
        ids["pmid"] = str(extra["pmid"]).rstrip("/").rsplit("/", 1)[-1]
    for location in work.get("locations") or []:
        page = str(location.get("landing_page_url") or "") if isinstance(location, Mapping) else ""
        if "arxiv.org/abs/" in page:
            arxiv = parse_arxiv(page.split("arxiv.org/abs/", 1)[1])
            if arxiv is not None:
                ids["arxiv"] = arxiv.value
    if not ids:
        return None
    authors = [
        str((a.get("author") or {}).get("display_name") or "")
        for a in work.get("authorships") or []
        if isinstance(a, Mapping)
    ]
    primary = field_map(work, "primary_location")
    source = field_map(primary, "source")
    return build_paper(
        "openalex",
        ids,
        title=work.get("title") or work.get("display_name"),
        authors=authors,
        year=work.get("publication_year"),
        venue=source.get("display_name"),
        abstract=rebuild_abstract(work.get("abstract_inverted_index")),
        url=doi_url(doi) if doi else primary.get("landing_page_url"),
    )
