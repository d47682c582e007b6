"""A CSL-JSON bibliography (the input format of citeproc, Zotero and pandoc)."""

from __future__ import annotations

import json
from typing import Any

from citegraph.render import RenderOptions
from citegraph.render.bibtex import citation_keys
from citegraph.report import PaperEntry, Report


class CslJsonRenderer:
    """Renders one CSL item per paper, keyed like the BibTeX output."""

    name = "csl-json"
    extension = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return a JSON array of CSL items."""
        items = [csl_item(key, paper) for key, paper in citation_keys(report.papers).items()]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def csl_item(key: str, paper: PaperEntry) -> dict[str, Any]:
    """One CSL-JSON item; arXiv preprints are `article` with arXiv as the archive."""
    arxiv = paper.ids.get("arxiv")
    item: dict[str, Any] = {"id": key, "type": "article" if arxiv else "article-journal"}
    if paper.title or paper.title_hint:
        item["title"] = paper.title or paper.title_hint
    if paper.authors:
        item["author"] = [_name(a) for a in paper.authors]
    if paper.year:
        item["issued"] = {"date-parts": [[paper.year]]}
    if paper.venue:
        item["container-title"] = paper.venue
    if paper.ids.get("doi"):
        item["DOI"] = paper.ids["doi"]
    if arxiv:
        item["archive"] = "arXiv"
        item["number"] = arxiv
    if paper.url:
        item["URL"] = paper.url
    if paper.abstract:
        item["abstract"] = paper.abstract
    if paper.status not in ("resolved", "cached"):
        item["note"] = f"citegraph: {paper.status} ({paper.key})"
    return item


def _name(author: str) -> dict[str, str]:
    if "," in author:
        family, given = (part.strip() for part in author.split(",", 1))
        return {"family": family, "given": given}
    parts = author.split()
    if len(parts) == 1:
        return {"literal": author}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}
