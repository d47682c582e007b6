"""The index's outputs: one cross-repository report, the index JSON and the Markdown summary.

The cross-repository report is an ordinary `Report` whose paths start with their repository's
name, so the Papers page renders it with a repository facet: a paper cited in several
repositories is one card, also when one repository names it by its title and another by its
identifier (`citegraph.sameworks`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from catalog import RefKind
from citegraph import __version__
from citegraph.index.types import Outcome, Status
from citegraph.report import PaperEntry, Report, counted
from citegraph.sameworks import key_strength, same_work_targets

SCHEMA_VERSION = 1
_RESOLVED = ("resolved", "cached")


# The file counts of the repositories' scans that add up across them.
_SUMMED = ("listed", "files", "scanned", "skipped", "blocks")


def merge_reports(reports: Sequence[Report]) -> Report:
    """All repositories' reports as one, paths prefixed by `repository/`."""
    joined = _joined(reports)
    papers = _cards(reports, joined)
    citations, findings, skipped, fallbacks, warnings = [], [], [], [], []
    stats: Counter[str] = Counter()
    for report in reports:
        prefix = f"{report.repository}/"
        citations += [
            replace(c, path=prefix + c.path, paper=joined.get(c.paper, c.paper))
            for c in report.citations
        ]
        findings += [replace(f, path=prefix + f.path) for f in report.findings]
        skipped += [replace(s, path=prefix + s.path) for s in report.skipped]
        fallbacks += [replace(s, path=prefix + s.path) for s in report.fallbacks]
        warnings += [w for w in report.warnings if w not in warnings]
        stats.update({k: v for k, v in report.stats.items() if k in _SUMMED})
    repos_of = repositories_by_paper(reports, joined)
    symbols: dict[str, set[str]] = defaultdict(set)
    for citation in citations:
        symbols[citation.paper].add(f"{citation.path}|{citation.symbol}")
    ordered = sorted(
        papers.values(), key=lambda p: (-len(repos_of[p.key]), -len(symbols[p.key]), p.key)
    )
    stats.update(
        citations=len(citations),
        papers=len(ordered),
        findings=len(findings),
        resolved=sum(1 for p in ordered if p.title),
        repositories=len(reports),
    )
    return Report(
        root="",
        repository=f"{len(reports)} repositories" if len(reports) != 1 else reports[0].repository,
        tool_version=__version__,
        papers=tuple(ordered),
        citations=tuple(citations),
        findings=tuple(findings),
        skipped=tuple(skipped),
        fallbacks=tuple(fallbacks),
        stats=dict(stats),
        warnings=tuple(warnings),
    )


def _cards(reports: Sequence[Report], joined: dict[str, str]) -> dict[str, PaperEntry]:
    """Each card of the merged report, from every repository's entry of its work (its own key
    and the keys that joined it): the first resolved entry of its key, else its first; and,
    unresolved, the fullest reading of any of them (title, authors, year, venue), as one
    repository's card shows the fullest reading of its citations. A DOI that one repository
    writes alone and another in a whole entry is one card with the entry's authors and year."""
    entries: dict[str, list[PaperEntry]] = defaultdict(list)
    for report in reports:
        for paper in report.papers:
            entries[joined.get(paper.key, paper.key)].append(paper)
    cards = {}
    for key, group in entries.items():
        own = [paper for paper in group if paper.key == key] or group
        card = next((paper for paper in own if paper.status in _RESOLVED), own[0])
        ids = {k: v for paper in reversed(group) for k, v in paper.ids.items()}
        card = replace(card, ids={**ids, **card.ids})
        if card.title is None:
            # the first of the fullest: between equals, the reading shown before
            reading = max(group, key=_fields_read)
            if _fields_read(reading) > _fields_read(card):
                card = replace(
                    card,
                    title_hint=reading.title_hint or card.title_hint,
                    authors=reading.authors,
                    year=reading.year,
                    venue=reading.venue,
                )
        cards[key] = card
    return cards


def _fields_read(paper: PaperEntry) -> int:
    return sum(map(bool, (paper.title_hint, paper.authors, paper.year, paper.venue)))


def repositories_by_paper(
    reports: Sequence[Report], joined: dict[str, str] | None = None
) -> dict[str, list[str]]:
    """Paper key -> the repositories citing it, in source order (`joined`: `_joined(reports)`,
    if the caller has it already)."""
    joined = _joined(reports) if joined is None else joined
    out: dict[str, list[str]] = defaultdict(list)
    for report in reports:
        for key in dict.fromkeys(joined.get(c.paper, c.paper) for c in report.citations):
            out[key].append(report.repository)
    return out


def _joined(reports: Sequence[Report]) -> dict[str, str]:
    """The papers, across repositories, that join another's card: one repository's title
    that another names by a stronger identifier."""
    # every repository's entry of a key: one repository's reading of a DOI may name its title
    # where another's is the DOI alone
    papers = [paper for report in reports for paper in report.papers]
    cited = Counter(citation.paper for report in reports for citation in report.citations)
    joined = same_work_targets(papers, cited=cited)
    # a card one repository joined under a stronger key lists the weaker key among its ids (an
    # ADS link its BibTeX entry's arXiv card took in): another repository's card of that key
    # is the same work
    keys = {paper.key for paper in papers}
    for paper in papers:
        card = joined.get(paper.key, paper.key)
        for kind, value in paper.ids.items():
            other = f"{kind}:{value}"
            if (
                other in keys
                and other not in joined
                and other != card
                and key_strength(other) > key_strength(card)
            ):
                joined[other] = card
    # each added step is to a stronger key: the chains end
    for key, card in joined.items():
        while card in joined:
            card = joined[card]
        joined[key] = card
    return _names_kept_home(joined)


_NAMED_BY_AUTHORS = RefKind.AUTHOR_YEAR.value + ":"


def _names_kept_home(joined: dict[str, str]) -> dict[str, str]:
    """`joined` without an author-year key's joins: a name and a year keep the card their own
    repository's scan gave them. Across two repositories a surname and a year are often two
    works (an astronomy package's `Chen et al. (2019)` is not a spectroscopy package's Chen
    2019 paper); inside one, the scan judged them with every citation the code writes, and
    the index sees less: a mention `Okafor 2020b` the scan joined to a link written `Okafor
    2020b` is no longer there to tell that `Okafor 2020` in another module is another work."""
    return {key: card for key, card in joined.items() if not key.startswith(_NAMED_BY_AUTHORS)}


def index_document(
    outcomes: Sequence[Outcome], reports: Sequence[Report], merged: Report
) -> dict[str, Any]:
    """The index as JSON: repositories (revision, status, counts), papers, citations. A
    citation names its paper by the merged card's key, as `papers` does: a title one
    repository cites that another names by its DOI is that DOI's paper here."""
    joined = _joined(reports)
    repos_of = repositories_by_paper(reports, joined)
    sites = Counter(c.paper for c in merged.citations)
    citations = []
    for report in reports:
        for record in report.to_dict()["citations"]:
            record["paper"] = joined.get(record["paper"], record["paper"])
            citations.append({"repository": report.repository, **record})
    papers = []
    for record in merged.to_dict()["papers"]:
        record.pop("citations", None)
        papers.append(
            {
                **record,
                "repositories": repos_of.get(record["key"], []),
                "sites": sites[record["key"]],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "citegraph", "version": __version__},
        "repositories": [_outcome_record(o) for o in outcomes],
        "stats": {
            "repositories": len(outcomes),
            "scanned": sum(o.status is Status.SCANNED for o in outcomes),
            "unchanged": sum(o.status is Status.UNCHANGED for o in outcomes),
            "failed": sum(o.status is Status.FAILED for o in outcomes),
            "papers": len(merged.papers),
            "citations": len(merged.citations),
        },
        "papers": papers,
        "citations": citations,
    }


def _outcome_record(outcome: Outcome) -> dict[str, Any]:
    return {
        "source": outcome.spec,
        "name": outcome.name,
        "status": outcome.status.value,
        "revision": outcome.revision,
        "reason": outcome.reason,
        "seconds": round(outcome.seconds, 2),
        "counts": dict(sorted(outcome.counts.items())),
    }


def summary_markdown(
    outcomes: Sequence[Outcome], reports: Sequence[Report], merged: Report, top: int = 25
) -> str:
    """A short Markdown summary: repositories, failures, the papers cited most widely."""
    repos_of = repositories_by_paper(reports)
    failed = [o for o in outcomes if o.status is Status.FAILED]
    lines = [
        "<!-- generated by citegraph index -->",
        "# Papers across repositories",
        "",
        f"{repositories(len(outcomes))} ({len(outcomes) - len(failed)} indexed, "
        f"{len(failed)} failed): {counted(len(merged.papers), 'paper')}, "
        f"{counted(len(merged.citations), 'citation')}.",
        "",
        "| repository | status | revision | papers | citations |",
        "|---|---|---|---:|---:|",
    ]
    for o in outcomes:
        revision = _code(short_revision(o.revision)) if o.revision else ""
        papers, citations = o.counts.get("papers", ""), o.counts.get("citations", "")
        lines.append(
            f"| {_cell(o.name)} | {o.status.value} | {revision} | {papers} | {citations} |"
        )
    if failed:
        lines += ["", "## Failed", ""]
        lines += [
            f"- **{_cell(o.name)}** ({_code(o.spec)}): {_cell(o.reason or 'failed')}"
            for o in failed
        ]
    shared = [p for p in merged.papers if repos_of.get(p.key)][:top]
    if shared:
        lines += ["", "## Most widely cited", "", "| paper | repositories |", "|---|---|"]
        for paper in shared:
            title = paper.title or paper.title_hint
            # a paper known by its key alone (offline, unresolved) is named once, not twice
            named = f"{_cell(title)} ({_code(paper.key)})" if title else _code(paper.key)
            lines.append(f"| {named} | {_cell(', '.join(repos_of[paper.key]))} |")
    return "\n".join(lines) + "\n"


def short_revision(revision: str) -> str:
    """`revision` with each digest in it cut to 12 digits, its other parts whole: a release's
    `3.0.1:sha512:90069a1cb15e...` is `3.0.1:sha512:90069a1cb15e` (its first 12 characters,
    `3.0.1:sha512`, named no digest at all, and a longer version lost part of itself)."""
    return ":".join(part[:12] if _DIGEST.fullmatch(part) else part for part in revision.split(":"))


_DIGEST = re.compile(r"[0-9a-f]{13,}")


def repositories(number: int) -> str:
    """`1 repository`, `2 repositories`."""
    return f"{number} repositor{'y' if number == 1 else 'ies'}"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no pipes, newlines or markup."""
    cleaned = " ".join(str(text).split())
    for char in "\\|*_`[]<>#":
        cleaned = cleaned.replace(char, "\\" + char)
    return cleaned


def _code(text: str) -> str:
    """Text as an inline code span (backticks and pipes cannot end it early)."""
    cleaned = " ".join(str(text).split()).replace("`", "'").replace("|", "\\|")
    return f"`{cleaned}`"
