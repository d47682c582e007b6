"""The bibliography lock: a committed `references.bib` (or Markdown list) that must list exactly
the papers the code cites. `citegraph check` reports drift (CG005); `citegraph bib` rewrites it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from catalog import (
    IDENTIFIER_KINDS,
    RefKind,
    author_year_ref,
    id_keys,
    parse_arxiv,
    parse_entries,
    placeholder_key,
    title_ref,
)
from citegraph.config import Config
from citegraph.errors import InputError
from citegraph.render.bibtex import bibtex_document
from citegraph.report import Citation, Finding, PaperEntry, Report
from scanner import GENERATED_MARKER, find_hits

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LockEntry:
    """One paper listed in the bibliography: the keys it answers to, where it stands (line,
    and the character offsets of its text) and its label (the citation key of a BibTeX entry)."""

    keys: frozenset[str]
    line: int
    label: str
    start: int = 0
    end: int = 0


def paper_keys(paper: PaperEntry) -> frozenset[str]:
    """Every key a cited paper answers to: its own, its identifiers, its title."""
    keys = {paper.key, *id_keys(paper.ids, IDENTIFIER_KINDS)}
    keys.update(_title_keys(paper.title, paper.title_hint))
    return frozenset(keys)


def _title_keys(*titles: str | None) -> set[str]:
    return {ref.key for ref in (title_ref(t) for t in titles if t) if ref is not None}


def read_lock(path: Path) -> list[LockEntry]:
    """The entries of a `.bib` file or a Markdown list (one `- ` or `* ` item per paper)."""
    return _lock_entries(path, _read(path, errors="replace"))


def _read(path: Path, errors: str = "strict") -> str:
    # Line endings as they are: offsets must point into the file, and CRLF must stay CRLF.
    with open(path, encoding="utf-8", errors=errors, newline="") as handle:
        return handle.read()


def _lock_entries(path: Path, text: str) -> list[LockEntry]:
    if _is_markdown(path):
        return _markdown_entries(text)
    return _bibtex_entries(path, text)


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() in (".md", ".markdown")


# A work with neither identifier nor title (`Clauset (2007)`, a cite label) has only its made
# key, which the lock's entry records: in the note of citegraph's BibTeX entry
# (`citegraph: unresolved title (author-year:clauset-2007)`, `catalog.placeholder_note`) and at the
# end of its Markdown item (`_markdown_item`). Read back, so the lock settles after one `bib`.
_MADE_KINDS = "|".join(re.escape(k.value) for k in RefKind if not k.is_identifier)
_MADE_KEY = re.compile(rf"(?:{_MADE_KINDS}):.+")
_ITEM_KEY = re.compile(rf"(?:^[-*] |\. )((?:{_MADE_KINDS}):[^.]+)$")


def _bibtex_entries(path: Path, text: str) -> list[LockEntry]:
    entries = []
    read, failures = parse_entries(text)
    for why, line in failures:
        # Said where it is: the block lists nothing until it is fixed, and `bib` leaves it
        # as it is. (bibtexparser said it over two lines, at 'line 0' for the first line.)
        where = f"{path}:{line}" if line is not None else str(path)
        logger.warning("%s: this entry is left out (%s) until it is fixed", where, why)
    for entry in read:
        fields = entry.fields
        keys: set[str] = set()
        if entry.paper is not None:
            keys.update(id_keys(entry.paper.ids, IDENTIFIER_KINDS))
        # The authors and year a work is cited by (`Clauset (2007)`), keyed as the scanner does.
        year = fields.get("year", "")
        authors = [name for name in fields.get("author", "").split(" and ") if name.strip()]
        if (named := author_year_ref(authors, int(year) if year.isdigit() else None)) is not None:
            keys.add(named.key)
        noted = placeholder_key(fields.get("note", ""))
        if noted is not None and _MADE_KEY.fullmatch(noted):
            keys.add(noted)
        # An `eprint` without `archivePrefix` still names an arXiv paper in a lock file.
        if "eprint" in fields and (ref := parse_arxiv(fields["eprint"])) is not None:
            keys.add(ref.key)
        for name in ("url", "howpublished", "note"):
            keys.update(h.ref.key for h in find_hits(fields.get(name, "")) if h.ref)
        keys.update(_title_keys(fields.get("title")))
        entries.append(LockEntry(frozenset(keys), entry.line, entry.key, entry.start, entry.end))
    return entries


def _markdown_entries(text: str) -> list[LockEntry]:
    entries = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, offset = offset, offset + len(line)
        item = line.strip()
        if not item.startswith(("- ", "* ")):
            continue
        keys = {h.ref.key for h in find_hits(item) if h.ref}
        if (made := _ITEM_KEY.search(item)) is not None:
            keys.add(made[1])
        title = item[2:].split(". ")[0].strip("*_ ")
        keys.update(_title_keys(title))
        entries.append(LockEntry(frozenset(keys), number, item[2:60], start, offset))
    return entries


def scan_config(root: Path, config: Config) -> Config:
    """`config` for the scan behind `check` and `bib`: a lock file that does not exist yet is
    not a metadata source (the resolver would reject it), only something to report or write."""
    if config.bibliography and not (root / config.bibliography).is_file():
        return replace(config, bibliography=None)
    return config


def lock_findings(
    root: Path, config: Config, report: Report, *, complete: bool = True
) -> list[Finding]:
    """CG005 findings: papers cited but not listed (at their first citation site), and, when
    `report` covers the whole project (`complete`), entries no longer cited."""
    assert config.bibliography is not None
    path = root / config.bibliography
    relative = config.bibliography
    if not path.is_file():
        return [
            Finding(
                "CG005",
                "error",
                f"{relative} does not exist; create it with `citegraph bib`",
                relative,
                1,
            )
        ]
    entries = read_lock(path)
    cited = {p.key: paper_keys(p) for p in report.papers}
    first_site: dict[str, Citation] = {}
    for citation in report.citations:
        first_site.setdefault(citation.paper, citation)
    findings = []
    for key, keys in sorted(cited.items()):
        if not any(keys & entry.keys for entry in entries):
            site = first_site.get(key)
            findings.append(
                Finding(
                    "CG005",
                    "error",
                    f"the code cites {key} but {relative} does not list it; run `citegraph bib`",
                    site.path if site else relative,
                    site.line if site else 1,
                    site.column if site else 1,
                    site.end_line if site else None,
                    site.end_column if site else None,
                    paper=key,
                )
            )
    if not complete:
        return findings
    for entry in entries:
        if not any(entry.keys & keys for keys in cited.values()):
            findings.append(
                Finding(
                    "CG005",
                    "error",
                    f"{relative} lists {entry.label!r}, which "
                    "the code no longer cites; run `citegraph bib`",
                    relative,
                    entry.line,
                )
            )
    return findings


def write_lock(report: Report, path: Path) -> str:
    """The bibliography text for `path`: BibTeX, or a Markdown list for `.md` files.

    An existing file is a lock, not an output: entries still cited stay exactly as written
    (fields, order, key, formatting, comments), entries no longer cited are cut out, and
    papers it lacks are appended. On an up-to-date file the result is the file itself.
    """
    try:
        existing = _read(path) if path.is_file() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot update the bibliography: {error}") from error
    if not existing.strip():
        return _fresh(report, path)
    newline = "\r\n" if "\r\n" in existing else "\n"
    entries = _lock_entries(path, existing)
    cited = [paper_keys(p) for p in report.papers]
    listed = frozenset().union(*(entry.keys for entry in entries))
    stale = [entry for entry in entries if not any(entry.keys & keys for keys in cited)]
    missing = [p for p, keys in zip(report.papers, cited, strict=True) if not keys & listed]
    text = _cut(existing, stale, newline)
    if missing:
        if _is_markdown(path):
            added = "".join(_markdown_item(p) + "\n" for p in _by_title(missing))
        else:
            added = "\n" + bibtex_document(missing, taken=(entry.label for entry in entries))
        added = added.replace("\n", newline)
        text = text.rstrip("\r\n") + newline + added if text.strip() else added.lstrip()
    return text


def _cut(text: str, entries: list[LockEntry], newline: str) -> str:
    """`text` without `entries`, each taken out with the blank lines that followed it."""
    for entry in sorted(entries, key=lambda e: e.start, reverse=True):
        end = entry.end
        while end < len(text) and text[end] in " \t\r\n":
            end += 1
        start = entry.start
        if end == len(text):  # the last entry: the blank lines before it go instead
            while start > 0 and text[start - 1] in " \t\r\n":
                start -= 1
            text = text[:start] + (newline if start else "")
        else:
            text = text[:start] + text[end:]
    return text


def _fresh(report: Report, path: Path) -> str:
    if not _is_markdown(path):
        return bibtex_document(report.papers)
    lines = [GENERATED_MARKER + ": run `citegraph bib` to update -->", "# References", ""]
    lines += [_markdown_item(paper) for paper in _by_title(report.papers)]
    return "\n".join(lines) + "\n"


def _by_title(papers: Iterable[PaperEntry]) -> list[PaperEntry]:
    return sorted(papers, key=lambda p: (p.title or p.title_hint or p.key).lower())


def _markdown_item(paper: PaperEntry) -> str:
    # Each part only when known: a work cited by its authors and year read
    # `author-year:brox-2004. Brox (2004). author-year:brox-2004`, its key standing in for a title.
    who = ", ".join(paper.authors[:3]) + (" et al." if len(paper.authors) > 3 else "")
    year = f"({paper.year})" if paper.year else ""
    parts = [paper.title or paper.title_hint or "", " ".join(filter(None, (who, year))), paper.key]
    return "- " + ". ".join(part for part in parts if part)
