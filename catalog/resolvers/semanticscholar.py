"""Semantic Scholar Graph API resolver: POST /paper/batch with up to 500 prefixed ids."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from catalog.http import HttpSession, json_body
from catalog.ids import ARXIV_DOI_PREFIX, normalize_doi, parse_arxiv
from catalog.keys import id_keys
from catalog.records import ResolverError, ResolverSettings
from catalog.resolvers.base import build_paper, chunks, field_map
from catalog.types import Paper, PaperRef, Reference, RefKind

BATCH = 500
FIELDS = "paperId,externalIds,title,authors,year,venue,abstract,url"
PREFIX = {RefKind.ARXIV: "ARXIV", RefKind.DOI: "DOI", RefKind.URL: "URL"}
URL_HOSTS = (
    "semanticscholar.org",
    "arxiv.org",
    "aclweb.org",
    "aclanthology.org",
    "acm.org",
    "biorxiv.org",
)
EXTERNAL = {
    "DOI": "doi",
    "PubMed": "pmid",
    "PubMedCentral": "pmcid",
    "DBLP": "dblp",
    "ACL": "acl",
    "CorpusId": "corpusid",
}


class SemanticScholarResolver:
    """Knows arXiv ids, DOIs and many paper URLs, and links them to each other."""

    name = "semanticscholar"
    kinds = frozenset(PREFIX)

    def __init__(self, settings: ResolverSettings) -> None:
        self.base_url = settings.base_url(self.name)
        self.headers = {"x-api-key": settings.s2_api_key} if settings.s2_api_key else {}

    def accepts(self, ref: PaperRef) -> bool:
        """arXiv ids, DOIs, and URLs of the sites the Graph API recognises."""
        if ref.kind is RefKind.URL:
            host = ref.value.split("://", 1)[-1].split("/", 1)[0]
            return host.endswith(URL_HOSTS)
        return ref.kind in PREFIX

    def fetch(self, session: HttpSession, refs: Sequence[PaperRef]) -> dict[str, Paper]:
        """Batches of 500; entries are matched back through `externalIds`, position as fallback,
        because merged papers can come back under another id."""
        found: dict[str, Paper] = {}
        unique = sorted({ref.key: ref for ref in refs}.values(), key=lambda r: r.key)
        for batch in chunks(unique, BATCH):
            response = session.request(
                self.name,
                "POST",
                f"{self.base_url}/paper/batch",
                params={"fields": FIELDS},
                json={"ids": [_s2_id(r) for r in batch]},
                headers=self.headers,
            )
            assert response is not None
            body = json_body(response, self.name)
            if not isinstance(body, list):
                raise ResolverError("semanticscholar: batch response is not a list")
            wanted = {r.key for r in batch}
            for position, entry in enumerate(body):
                paper = parse_paper(entry)
                if paper is None:
                    continue
                keys = set(id_keys(paper.ids)) & wanted
                if not keys and position < len(batch) and len(body) == len(batch):
                    keys = {batch[position].key}
                for key in keys:
                    found[key] = paper
        return found

    def search_title(self, session: HttpSession, query: Reference) -> list[Paper]:
        """`/paper/search/match`: the single closest title, or nothing (404)."""
        if not query.title:
            return []
        response = session.request(
            self.name,
            "GET",
            f"{self.base_url}/paper/search/match",
            params={"query": query.title, "fields": FIELDS},
            headers=self.headers,
            not_found_ok=True,
        )
        if response is None:
            return []
        body = json_body(response, self.name)
        data = body.get("data") if isinstance(body, Mapping) else None
        # The match endpoint answers with one paper; more is not an answer to the question.
        data = data[:1] if isinstance(data, list) else []
        return [p for p in map(parse_paper, data) if p is not None]


def _s2_id(ref: PaperRef) -> str:
    value = f"https://{ref.value.split('://', 1)[-1]}" if ref.kind is RefKind.URL else ref.value
    return f"{PREFIX[ref.kind]}:{value}"


def parse_paper(entry: Any) -> Paper | None:
    """A `Paper` from one Graph API paper object (None entries mean not found)."""
    if not isinstance(entry, Mapping):
        return None
    ids: dict[str, str] = {}
    external = field_map(entry, "externalIds")
    arxiv = parse_arxiv(str(external.get("ArXiv") or "")) if external.get("ArXiv") else None
    if arxiv is not None:
        ids["arxiv"] = arxiv.value
    for name, kind in EXTERNAL.items():
        if external.get(name):
            ids[kind] = str(external[name])
    doi = normalize_doi(ids.get("doi", ""))
    if doi and not doi.startswith(ARXIV_DOI_PREFIX):
        ids["doi"] = doi
    else:
        ids.pop("doi", None)
    if entry.get("paperId"):
        ids["s2"] = str(entry["paperId"])
    if not ids:
        return None
    authors = [
        str(a.get("name") or "") for a in entry.get("authors") or [] if isinstance(a, Mapping)
    ]
    return build_paper(
        "semanticscholar",
        ids,
        title=entry.get("title"),
        authors=authors,
        year=entry.get("year"),
        venue=entry.get("venue"),
        abstract=entry.get("abstract"),
        url=entry.get("url"),
    )
