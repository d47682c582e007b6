"""What a change does to the citation map: papers and citing sites added, removed and moved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from citegraph.report import PaperEntry, Report, counted


@dataclass(frozen=True, slots=True)
class Site:
    """Where a paper is cited, ignoring line numbers (which shift with every edit above)."""

    paper: str
    symbol: str
    path: str
    line: int
    also_lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Move:
    """A citation that stayed with its definition but moved to another file. `symbol` is the
    definition's name now; `old_symbol` its name before, when the move renamed it (a Python
    function moved to another module is `pkg.b.f`, no longer `pkg.a.f`)."""

    paper: str
    symbol: str
    old_path: str
    new_path: str
    old_symbol: str | None = None


@dataclass(frozen=True, slots=True)
class ReportDiff:
    """The difference between two scans."""

    added_papers: tuple[PaperEntry, ...]
    removed_papers: tuple[PaperEntry, ...]
    added_sites: tuple[Site, ...]
    removed_sites: tuple[Site, ...]
    moved_sites: tuple[Move, ...]

    @property
    def empty(self) -> bool:
        """Whether the change touches no citation at all."""
        return not (
            self.added_papers
            or self.removed_papers
            or self.added_sites
            or self.removed_sites
            or self.moved_sites
        )

    def summary(self) -> str:
        """One sentence: "This change starts citing 2 papers and stops citing 1."."""
        parts = []
        if self.added_papers:
            parts.append(f"starts citing {counted(len(self.added_papers), 'paper')}")
        if self.removed_papers:
            parts.append(f"stops citing {counted(len(self.removed_papers), 'paper')}")
        sites = len(self.added_sites) + len(self.removed_sites) + len(self.moved_sites)
        if not parts and sites:
            parts.append(f"changes {counted(sites, 'citation site')} of papers already cited")
        return (
            ("This change " + " and ".join(parts) + ".")
            if parts
            else "This change does not touch any paper citation."
        )


def _sites(report: Report) -> dict[tuple[str, str, str], Site]:
    sites: dict[tuple[str, str, str], Site] = {}
    for c in report.citations:
        sites.setdefault(
            (c.paper, c.symbol, c.path), Site(c.paper, c.symbol, c.path, c.line, c.also_lines)
        )
    return sites


def _name(site: Site) -> str:
    """The definition's own name, without its module, namespace or class (`f` of `pkg.a.f`,
    `bar` of `ns::Foo::bar`); empty for a site in no definition."""
    return re.split(r"::|[.:#/]", site.symbol)[-1] if site.symbol else ""


def diff_reports(base: Report, head: Report) -> ReportDiff:
    """Compare two scans of the same project."""
    base_papers = {p.key: p for p in base.papers}
    head_papers = {p.key: p for p in head.papers}
    old, new = _sites(base), _sites(head)
    added = [s for k, s in new.items() if k not in old]
    removed = [s for k, s in old.items() if k not in new]
    moves = []
    # The same symbol first, then a definition of the same name in another file: moved code
    # whose qualified name follows its module (it was one site removed and one added).
    for same in (
        lambda a, r: a.symbol == r.symbol,
        lambda a, r: a.path != r.path and _name(a) == _name(r) != "",
    ):
        for site in list(added):
            match = next((r for r in removed if r.paper == site.paper and same(site, r)), None)
            if match is not None:
                renamed = match.symbol if match.symbol != site.symbol else None
                moves.append(Move(site.paper, site.symbol, match.path, site.path, renamed))
                added.remove(site)
                removed.remove(match)
    order = lambda s: (s.paper, s.path, s.symbol)  # noqa: E731
    return ReportDiff(
        added_papers=tuple(head_papers[k] for k in sorted(head_papers.keys() - base_papers)),
        removed_papers=tuple(base_papers[k] for k in sorted(base_papers.keys() - head_papers)),
        added_sites=tuple(sorted(added, key=order)),
        removed_sites=tuple(sorted(removed, key=order)),
        moved_sites=tuple(sorted(moves, key=lambda m: (m.paper, m.symbol))),
    )
