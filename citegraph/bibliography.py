"""The bibliography lock: a committed `references.bib` (or Markdown list) that must list exactly
the papers the code cites. `citegraph check` reports drift (CG005); `citegraph bib` rewrites it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from catalog.ids import normalize_doi, parse_arxiv
from catalog.keys import IDENTIFIER_KINDS, id_key, id_keys, title_ref
from citegraph.config import Config
from citegraph.render import render
from citegraph.report import Citation, Finding, PaperEntry, Report
from scanner import GENERATED_MARKER, find_hits


@dataclass(frozen=True, slots=True)
class LockEntry:
    """One paper listed in the bibliography: the keys it answers to and where it stands."""

    keys: frozenset[str]
    line: int
    label: str


def paper_keys(paper: PaperEntry) -> frozenset[str]:
    """Every key a cited paper answers to: its own, its identifiers, its title."""
    keys = {paper.key, *id_keys(paper.ids, IDENTIFIER_KINDS)}
    keys.update(_title_keys(paper.title, paper.title_hint))
    return frozenset(keys)


def _title_keys(*titles: str | None) -> set[str]:
    return {ref.key for ref in (title_ref(t) for t in titles if t) if ref is not None}


def read_lock(path: Path) -> list[LockEntry]:
    """The entries of a `.bib` file or a Markdown list (one `- ` or `* ` item per paper)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".md", ".markdown"):
        return _markdown_entries(text)
    return _bibtex_entries(text)


def _bibtex_entries(text: str) -> list[LockEntry]:
    import bibtexparser

    entries = []
    for entry in bibtexparser.parse_string(text).entries:
        fields = {f.key.lower(): str(f.value).strip("{} ") for f in entry.fields}
        keys: set[str] = set()
        if "eprint" in fields and (ref := parse_arxiv(fields["eprint"])) is not None:
            keys.add(ref.key)
        if "doi" in fields and (doi := normalize_doi(fields["doi"])) is not None:
            keys.add(id_key("doi", doi))
        for field in ("url", "howpublished", "note"):
            keys.update(h.ref.key for h in find_hits(fields.get(field, "")) if h.ref)
        keys.update(_title_keys(fields.get("title")))
        entries.append(LockEntry(frozenset(keys), (entry.start_line or 0) + 1, entry.key))
    return entries


def _markdown_entries(text: str) -> list[LockEntry]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        item = line.lstrip()
        if not item.startswith(("- ", "* ")):
            continue
        keys = {h.ref.key for h in find_hits(item) if h.ref}
        title = item[2:].split(". ")[0].strip("*_ ")
        keys.update(_title_keys(title))
        entries.append(LockEntry(frozenset(keys), number, item[2:60]))
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
    """The bibliography text for `path`: BibTeX, or a Markdown list for `.md` files."""
    if path.suffix.lower() in (".md", ".markdown"):
        lines = [
            GENERATED_MARKER + ": run `citegraph bib` to update -->",
            "# References",
            "",
        ]
        for paper in sorted(
            report.papers, key=lambda p: (p.title or p.title_hint or p.key).lower()
        ):
            title = paper.title or paper.title_hint or paper.key
            who = ", ".join(paper.authors[:3]) + (" et al." if len(paper.authors) > 3 else "")
            year = f" ({paper.year})" if paper.year else ""
            lines.append(f"- {title}. {who}{year}. {paper.key}".replace(". .", "."))
        return "\n".join(lines) + "\n"
    return render(report, "bibtex")
