"""Catalog records as JSON-ready dicts and BibTeX entries (for `citegraph catalog export`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from catalog.keys import family_name, normalize_title
from catalog.titles import significant_words
from catalog.types import Paper

_SPECIAL = re.compile(r"([&%$#_])")


def paper_record(paper: Paper) -> dict[str, object]:
    """The JSON form of a paper: every field and every id, nothing left out."""
    return {
        "key": paper.key,
        "title": paper.title,
        "authors": list(paper.authors),
        "year": paper.year,
        "venue": paper.venue,
        "abstract": paper.abstract,
        "url": paper.url,
        "ids": dict(sorted(paper.ids.items())),
        "source": paper.source,
        "primary_category": paper.primary_category,
    }


def citation_key(paper: Paper) -> str:
    """`family` + `year` + first significant title word, e.g. `kingma2014adam`."""
    family = (family_name(paper.authors[0]) if paper.authors else "") or "anon"
    words = significant_words(paper.title or "")
    first = next((w for w in normalize_title(paper.title or "").split() if w in words), "")
    return f"{family}{paper.year or ''}{first}" or "paper"


def _value(text: str) -> str:
    # Braces keep BibTeX from changing capitalization; specials are escaped, other braces
    # are dropped because an unbalanced one would corrupt the whole file.
    return "{" + _SPECIAL.sub(r"\\\1", text.replace("{", "").replace("}", "")) + "}"


def bibtex_entry(paper: Paper, key: str) -> str:
    """One BibTeX entry; `@misc` with eprint fields for preprints, `@article` otherwise."""
    preprint = "doi" not in paper.ids and "arxiv" in paper.ids
    fields: list[tuple[str, str]] = []
    if paper.title:
        fields.append(("title", "{" + _value(paper.title) + "}"))
    if paper.authors:
        fields.append(("author", _value(" and ".join(paper.authors))))
    if paper.year:
        fields.append(("year", str(paper.year)))
    if paper.venue and not preprint:
        fields.append(("journal", _value(paper.venue)))
    if "doi" in paper.ids:
        fields.append(("doi", _value(paper.ids["doi"])))
    if "arxiv" in paper.ids:
        fields += [("eprint", _value(paper.ids["arxiv"])), ("archiveprefix", "{arXiv}")]
        if paper.primary_category:
            fields.append(("primaryclass", _value(paper.primary_category)))
    if "isbn" in paper.ids:
        fields.append(("isbn", _value(paper.ids["isbn"])))
    if paper.url:
        fields.append(("url", "{" + paper.url.replace("{", "").replace("}", "") + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    kind = "misc" if preprint or not paper.venue else "article"
    return f"@{kind}{{{key},\n{body}\n}}\n"


def bibtex_entries(papers: Iterable[Paper]) -> Iterator[str]:
    """Entries with unique citation keys (`kingma2014adam`, `kingma2014adamb`, ...)."""
    used: set[str] = set()
    for paper in papers:
        base = citation_key(paper)
        key, suffix = base, 0
        while key in used:
            suffix += 1
            key = f"{base}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
        used.add(key)
        yield bibtex_entry(paper, key)
