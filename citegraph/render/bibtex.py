"""A BibTeX bibliography of the codebase, written through bibtexparser.

arXiv papers get `eprint`, `archivePrefix` and `primaryClass`; DOI papers `doi`; every entry
carries `url` when known. Keys are stable (`firstauthorYEARfirstword`, suffixed `a`, `b`, ...
on collisions in key order) so regenerating the file produces no churn. Papers without
metadata still get a valid `@misc` entry with their identifier and a note saying so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import count, product
from string import ascii_lowercase

from catalog.keys import surname
from citegraph.render import RenderOptions
from citegraph.report import PaperEntry, Report

_STOP = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "from", "by"}
# Fields LaTeX typesets as text; identifiers and URLs are verbatim and never escaped.
_TEXT_FIELDS = {"title", "author", "journal", "howpublished", "note", "abstract"}
# `&`, `%`, `#` and `_` are LaTeX syntax outside math; metadata means them literally. Already
# escaped ones (`\&`) and math spans (`$x_1$`, common in arXiv titles) are left alone.
_MATH_OR_SPECIAL = re.compile(r"(?<!\\)\$[^$]*(?<!\\)\$|(?<!\\)[&%#_]")
# A backslash that starts no LaTeX command or escape is a literal one.
_STRAY_BACKSLASH = re.compile(r"\\(?![A-Za-z&%#_${}\\'\"`^~=.])")


class BibtexRenderer:
    """Renders one entry per paper."""

    name = "bibtex"
    extension = ".bib"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the .bib document."""
        import bibtexparser
        from bibtexparser.model import Entry, Field

        library = bibtexparser.Library()
        for key, paper in citation_keys(report.papers).items():
            entry_type, fields = bibtex_fields(paper)
            library.add(Entry(entry_type, key, [Field(k, v) for k, v in fields.items()]))
        return bibtexparser.write_string(library)


def citation_keys(papers: Iterable[PaperEntry]) -> dict[str, PaperEntry]:
    """Stable, unique citation keys for `papers`, in key order.

    Papers sharing a stem get `a`, `b`, ... `z`, `aa`, ... in the order of their citegraph
    keys, skipping any suffixed key that another paper already owns as its plain stem.
    """
    groups: dict[str, list[PaperEntry]] = {}
    for paper in sorted(papers, key=lambda p: p.key):
        groups.setdefault(_base_key(paper), []).append(paper)
    taken = set(groups)
    keys: dict[str, PaperEntry] = {}
    for stem, group in sorted(groups.items()):
        if len(group) == 1:
            keys[stem] = group[0]
            continue
        suffixes = (s for s in _suffixes() if stem + s not in taken)
        for paper, suffix in zip(group, suffixes, strict=False):  # suffixes never end
            taken.add(stem + suffix)
            keys[stem + suffix] = paper
    return dict(sorted(keys.items()))


def _suffixes() -> Iterator[str]:
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _base_key(paper: PaperEntry) -> str:
    title = paper.title or paper.title_hint or ""
    words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in _STOP]
    stem = (
        _ascii(surname(paper.authors[0]) if paper.authors else "")
        + (str(paper.year) if paper.year else "")
        + (_ascii(words[0]) if words else "")
    )
    return stem or _ascii(paper.key) or "paper"


def latex_text(text: str) -> str:
    """`text` as a safe BibTeX text value: one line, balanced braces, LaTeX specials escaped."""
    text = " ".join(text.split())
    # An unbalanced brace would swallow the rest of the file, so braces go if they don't pair.
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        text = text.replace("{", "(").replace("}", ")")
    text = _STRAY_BACKSLASH.sub(r"\\textbackslash{}", text)
    return _MATH_OR_SPECIAL.sub(lambda m: m[0] if len(m[0]) > 1 else "\\" + m[0], text)


def bibtex_fields(paper: PaperEntry) -> tuple[str, dict[str, str]]:
    """The entry type and brace-safe fields of one paper."""
    fields: dict[str, str] = {}
    title = paper.title or paper.title_hint
    if title:
        fields["title"] = title
    if paper.authors:
        fields["author"] = " and ".join(paper.authors)
    if paper.year:
        fields["year"] = str(paper.year)
    arxiv, doi = paper.ids.get("arxiv"), paper.ids.get("doi")
    entry_type = "misc"
    if paper.venue and doi and not arxiv:
        entry_type = "article"
        fields["journal"] = paper.venue
    elif paper.venue:
        fields["howpublished"] = paper.venue
    if arxiv:
        fields["eprint"] = arxiv
        fields["archivePrefix"] = "arXiv"
        if paper.primary_category:
            fields["primaryClass"] = paper.primary_category
    if doi:
        fields["doi"] = doi
    if "isbn" in paper.ids:
        fields["isbn"] = paper.ids["isbn"]
    if paper.url:
        fields["url"] = paper.url
    if paper.abstract:
        fields["abstract"] = paper.abstract
    if paper.status not in ("resolved", "cached"):
        fields["note"] = f"citegraph: {paper.status.replace('-', ' ')} ({paper.key})"
    # bibtexparser's writer adds the outer braces; verbatim fields only need balanced ones.
    return entry_type, {
        k: latex_text(v) if k in _TEXT_FIELDS else _verbatim(v) for k, v in fields.items()
    }


def _verbatim(value: str) -> str:
    value = "".join(value.split())
    return value.replace("{", "%7B").replace("}", "%7D") if "{" in value or "}" in value else value
