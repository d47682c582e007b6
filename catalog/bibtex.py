"""The one BibTeX writer and reader: papers to entries (types, fields, keys) and entries back.

`citegraph scan -f bibtex`, `citegraph bib` and `citegraph catalog export` write through
`format_entries`; the catalog import and the bibliography lock read through `read_entries`.
Both go through bibtexparser. Entry types follow the venue: `@inproceedings` (`booktitle`) for
proceedings, `@article` (`journal`) for journals, `@book` (`publisher`) for an ISBN-only work
or a book the scan read without an identifier, and `@misc` for a preprint (`eprint`,
`archivePrefix`, `primaryClass`) or anything else.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count, product
from string import ascii_lowercase

from catalog.keys import surname
from catalog.types import Paper

_STOP = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "from", "by"}
# Fields LaTeX typesets as text; identifiers and URLs are verbatim and never escaped.
_TEXT_FIELDS = {"title", "author", "journal", "booktitle", "publisher", "howpublished", "note"}
_TEXT_FIELDS |= {"abstract"}
# `&`, `%`, `#`, `_` and `^` are LaTeX syntax outside math, and so is a `$` that opens no math
# span (`a 5$ fee`: it would swallow the rest of the entry); metadata means them literally.
# Already escaped ones (`\&`, the accent `\^o`) and math spans (`$x_1$`, common in arXiv
# titles) are left alone.
_MATH_OR_SPECIAL = re.compile(r"(?<!\\)\$[^$]*(?<!\\)\$|(?<!\\)[&%#_$^]")
_ESCAPED = {"^": "\\textasciicircum{}"}
# ... which the LaTeX decoder reads back as U+02C6, the modifier letter: a caret again.
_CARET = str.maketrans({"\u02c6": "^"})
# A backslash that starts no LaTeX command or escape is a literal one.
_STRAY_BACKSLASH = re.compile(r"\\(?![A-Za-z&%#_${}\\'\"`^~=.])")
# Venues that are proceedings of a meeting rather than journals.
_PROCEEDINGS = re.compile(
    r"(?i)\b(?:proceedings|conference|workshop|symposium|colloquium|advances in neural "
    r"information processing|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|"
    r"ijcai|kdd|sigmod|vldb|sosp|osdi|pldi|popl|chi|uist|siggraph)\b"
)


# --- writing ---------------------------------------------------------------------------------


def entry_type(paper: Paper) -> str:
    """`inproceedings`, `article`, `book` or `misc` (preprints and everything else)."""
    ids = paper.ids
    if paper.key.startswith("book:") and not ids.keys() & {"doi", "arxiv"}:
        # a book the scan read without an identifier: its venue is its publisher
        return "book"
    if paper.venue and _PROCEEDINGS.search(paper.venue):
        return "inproceedings"
    if paper.venue and ("doi" in ids or "arxiv" not in ids) and "isbn" not in ids:
        return "article"
    if "isbn" in ids and "doi" not in ids and "arxiv" not in ids:
        return "book"
    return "misc"


# The note of the entry written for a paper no source gave metadata for: why, and the paper's
# key (`citegraph: offline (doi:10.1/x)`). Such an entry holds what the code says and no more:
# read back as metadata, it made its paper look resolved, and an online scan never asked
# about an identifier the store thus "knew" (a lock written offline by a hook's --fix).
_PLACEHOLDER = re.compile(r"citegraph: [a-z ]+ \((\S.*)\)")


def placeholder_note(status: str, key: str) -> str:
    """The note of a placeholder entry: the paper's `status` (why it has no metadata) and
    its `key`."""
    return f"citegraph: {status.replace('-', ' ')} ({key})"


def placeholder_key(note: str) -> str | None:
    """The paper key a placeholder entry's note names; None for any other note."""
    match = _PLACEHOLDER.fullmatch(note.strip())
    return match[1] if match else None


def bibtex_fields(paper: Paper, note: str | None = None) -> tuple[str, dict[str, str]]:
    """The entry type and brace-safe fields of one paper, in the order they are written."""
    kind = entry_type(paper)
    fields: dict[str, str] = {}
    if paper.title:
        fields["title"] = paper.title
    if paper.authors:
        fields["author"] = " and ".join(paper.authors)
    if paper.year:
        fields["year"] = str(paper.year)
    if paper.venue:
        venue_field = {"inproceedings": "booktitle", "article": "journal", "book": "publisher"}
        fields[venue_field.get(kind, "howpublished")] = paper.venue
    if "arxiv" in paper.ids:
        fields["eprint"] = paper.ids["arxiv"]
        fields["archivePrefix"] = "arXiv"
        if paper.primary_category:
            fields["primaryClass"] = paper.primary_category
    for name in ("doi", "isbn"):
        if name in paper.ids:
            fields[name] = paper.ids[name]
    if paper.url:
        fields["url"] = paper.url
    if paper.abstract:
        fields["abstract"] = paper.abstract
    if note:
        fields["note"] = note
    # bibtexparser's writer adds the outer braces; verbatim fields only need balanced ones.
    return kind, {
        k: latex_text(v) if k in _TEXT_FIELDS else _verbatim(v) for k, v in fields.items()
    }


def format_entries(entries: Iterable[tuple[str, Paper, str | None]]) -> str:
    """`(citation key, paper, note)` triples as BibTeX: two-space indents, a blank line
    between entries."""
    import bibtexparser
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = bibtexparser.Library()
    for key, paper, note in entries:
        kind, fields = bibtex_fields(paper, note)
        library.add(Entry(kind, key, [Field(k, v) for k, v in fields.items()]))
    style = BibtexFormat()
    style.indent = "  "
    style.block_separator = "\n"  # each entry ends its line: one blank line between
    return bibtexparser.write_string(library, bibtex_format=style).strip() + "\n"


def citation_keys(papers: Iterable[Paper], taken: Iterable[str] = ()) -> dict[str, Paper]:
    """Stable, unique citation keys (`kingma2014adam`) for `papers`, in key order.

    Papers sharing a stem get `a`, `b`, ... `z`, `aa`, ... in the order of their citegraph
    keys, skipping any key another paper owns as its plain stem or that is `taken` already.
    """
    groups: dict[str, list[Paper]] = {}
    for paper in sorted(papers, key=lambda p: p.key):
        groups.setdefault(base_key(paper), []).append(paper)
    reserved = set(taken)
    used = set(groups) | reserved
    keys: dict[str, Paper] = {}
    for stem, group in sorted(groups.items()):
        if len(group) == 1 and stem not in reserved:
            keys[stem] = group[0]
            continue
        suffixes = (s for s in _suffixes() if stem + s not in used)
        for paper, suffix in zip(group, suffixes, strict=False):  # suffixes never end
            used.add(stem + suffix)
            keys[stem + suffix] = paper
    return dict(sorted(keys.items()))


def streamed_keys(papers: Iterable[Paper]) -> Iterator[tuple[str, Paper]]:
    """Unique keys for a stream too long to sort (a catalog export): the first paper of a
    stem gets the stem, later ones `b`, `c`, ..."""
    used: set[str] = set()
    for paper in papers:
        stem = base_key(paper)
        key = stem
        if key in used:
            key = next(stem + s for s in _suffixes() if s != "a" and stem + s not in used)
        used.add(key)
        yield key, paper


def base_key(paper: Paper) -> str:
    """`family` + `year` + first significant title word, ASCII: `kingma2014adam`."""
    words = [w for w in re.findall(r"[^\W_]+", (paper.title or "").lower()) if w not in _STOP]
    stem = (
        _ascii(surname(paper.authors[0]) if paper.authors else "")
        + (str(paper.year) if paper.year else "")
        + (_ascii(words[0]) if words else "")
    )
    return stem or _ascii(paper.key) or "paper"


def _suffixes() -> Iterator[str]:
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


# C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and marks: no bibliography
# means them, and written as escapes (`\x1b`, `\u202e`) they would be TeX commands.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def latex_text(text: str) -> str:
    """`text` as a safe BibTeX text value: one line, balanced braces, LaTeX specials escaped,
    control and bidi characters dropped."""
    text = " ".join(_UNSAFE.sub("", text).split())
    # An unbalanced brace would swallow the rest of the file, so braces go if they don't pair.
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        text = text.replace("{", "(").replace("}", ")")
    text = _STRAY_BACKSLASH.sub(r"\\textbackslash{}", text)
    return _MATH_OR_SPECIAL.sub(
        lambda m: m[0] if len(m[0]) > 1 else _ESCAPED.get(m[0], "\\" + m[0]), text
    )


def _verbatim(value: str) -> str:
    value = "".join(value.split())
    return value.replace("{", "%7B").replace("}", "%7D") if "{" in value or "}" in value else value


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BibEntry:
    """One parsed entry: its citation key, where its text lies in the file (character
    offsets and 1-based line), its fields (lowercase names, LaTeX decoded) and its paper."""

    key: str
    start: int
    end: int
    line: int
    paper: Paper | None
    fields: dict[str, str] = field(default_factory=dict)


def read_entries(text: str) -> list[BibEntry]:
    """Every entry of a BibTeX document, in file order; unparsable blocks are left out."""
    return parse_entries(text)[0]


def parse_entries(text: str) -> tuple[list[BibEntry], list[tuple[str, int | None]]]:
    """Every entry of a BibTeX document, in file order, and why each block that looked like
    an entry but could not be read was left out, with its 1-based line (see `_failure`)."""
    import bibtexparser
    from bibtexparser.middlewares import (
        LatexDecodingMiddleware,
        SeparateCoAuthors,
        SplitNameParts,
    )

    # bibtexparser warns of each block it cannot parse, over two lines, at a 0-based line of
    # `text` (a chunk of the file, for an import): the failures are returned with their
    # line instead, for the caller to say where in its file.
    splitter = logging.getLogger("bibtexparser.splitter")
    level = splitter.level
    splitter.setLevel(logging.ERROR)
    try:
        library = bibtexparser.parse_string(
            text,
            append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()],
        )
    finally:
        splitter.setLevel(level)
    entries = []
    position = 0
    for parsed in library.entries:
        # The middlewares keep each entry's `raw`, the exact text it was cut from.
        raw = parsed.raw or ""
        start = text.find(raw, position) if raw else -1
        if start < 0:  # cannot happen for a block cut from `text`; never lose the entry
            start = position
        position = start + len(raw)
        fields = {f.key.lower(): _field_text(f.value) for f in parsed.fields}
        entries.append(
            BibEntry(
                key=parsed.key,
                start=start,
                end=position,
                line=text.count("\n", 0, start) + 1,
                paper=entry_paper(parsed),
                fields=fields,
            )
        )
    return entries, [(_failure(block), _line(block)) for block in library.failed_blocks]


def _line(block: object) -> int | None:
    start = getattr(block, "start_line", None)  # 0-based, when bibtexparser knows it
    return start + 1 if isinstance(start, int) else None


def _failure(block: object) -> str:
    from bibtexparser import model

    # bibtexparser's kinds of failed block, most specific first; any other did not parse.
    reasons = (
        (model.DuplicateBlockKeyBlock, "with a key used before"),
        (model.DuplicateFieldKeyBlock, "with a field given twice"),
    )
    return next((why for kind, why in reasons if isinstance(block, kind)), "not valid BibTeX")


def _field_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip().translate(_CARET)
    if isinstance(value, list):
        return " and ".join(_name(v) for v in value)
    return str(value)


def _name(value: object) -> str:
    if isinstance(value, str):
        return value
    parts = [*value.first, *value.von, *value.last, *value.jr]  # type: ignore[attr-defined]
    return " ".join(parts)


def entry_paper(entry: object) -> Paper | None:
    """A paper from one parsed bibtexparser entry (with its author names split)."""
    from catalog.imports.common import collect_ids, paper_from

    fields = {f.key.lower(): f.value for f in entry.fields}  # type: ignore[attr-defined]

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value.strip().translate(_CARET) if isinstance(value, str) and value.strip() else None

    eprint = text("eprint")
    is_arxiv = (text("archiveprefix") or text("eprinttype") or "").lower() == "arxiv"
    ids = collect_ids(
        doi=text("doi"),
        arxiv=eprint if is_arxiv else text("arxiv"),
        url=text("url"),
        isbn=text("isbn"),
        pmid=text("pmid"),
    )
    authors = [_name(name) for name in fields.get("author") or []]
    return paper_from(
        "bibtex",
        ids,
        title=text("title"),
        authors=authors,
        year=text("year"),
        venue=text("journal") or text("booktitle") or text("publisher"),
        abstract=text("abstract"),
        url=text("url"),
        primary_category=text("primaryclass"),
    )
