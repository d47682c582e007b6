"""The pipeline: scan a tree, resolve what it cites, and assemble the report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from catalog import Reference, Resolution, key_date
from citegraph import __version__
from citegraph.assemble import (
    Site,
    card_reading,
    citation_of,
    findings_of,
    paper_entry,
    reference_key,
)
from citegraph.checks.selection import selected
from citegraph.checks.suppress import split_suppressed
from citegraph.config import Config
from citegraph.labels import card_of_key, cited_keys
from citegraph.report import PaperEntry, Report, SkippedFile
from citegraph.resolution import mismatches as title_mismatches
from citegraph.sameworks import same_work_targets, written_letters
from scanner import FileScan, FileStatus, repository_of, scan_paths, work_tree


class ScanObserver(Protocol):
    """Receives progress; the CLI shows it, library callers may ignore it. An observer with an
    `on_scanned(count)` method also hears how many files the workers have finished, as they
    finish them (ahead of `on_file`, which hears each file in path order)."""

    def on_file(self, scan: FileScan) -> None:
        """Called once per file, scanned or skipped."""

    def on_total(self, total: int) -> None:
        """Called once the number of files is known (after the walk), before most of them."""

    def on_warning(self, message: str) -> None:
        """Called for a problem the user should know about (a source offline, ...)."""


class ReferenceResolver(Protocol):
    """Turns references into papers (the catalog, through `citegraph.resolution`)."""

    def resolve(
        self, references: Sequence[Reference], warn: Callable[[str], None]
    ) -> dict[str, Resolution]:
        """A `Resolution` per distinct reference key; problems go to `warn`."""


def run_scan(
    root: Path,
    config: Config,
    *,
    observer: ScanObserver | None = None,
    resolver: ReferenceResolver | None = None,
    scans: Iterable[FileScan] | None = None,
    revision: bool = True,
) -> Report:
    """Scan `root` and return the report. `resolver` turns references into papers (the
    catalog); without it every paper is reported unresolved. `scans` replaces the scan itself
    (e.g. scans of two git revisions, or the files a pre-commit hook was given). Without
    `revision` git is not asked for the repository's name and commit (the report names the
    directory, at no revision): a caller that shows only findings needs neither."""
    root = root.resolve()
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        if observer is not None:
            observer.on_warning(message)

    sites: list[Site] = []
    skipped: list[SkippedFile] = []
    fallbacks: list[SkippedFile] = []
    stats: Counter[str] = Counter()
    unmarked: set[str] = set()  # files with mentions that hold no suppression marker
    on_total = observer.on_total if observer is not None else None
    on_scanned = getattr(observer, "on_scanned", None)
    if scans is None:
        stream: Iterable[FileScan] = scan_paths(
            root, config.scan_options(), on_plan=on_total, on_scanned=on_scanned
        )
    else:
        stream = scans
        if on_total is not None and isinstance(scans, Sized):
            on_total(len(scans))
    # Every path listed is scanned or skipped (`listed = files scanned + skipped`); files of no
    # known type are listed and skipped but not counted among the files. Plain counters: this
    # loop runs once per file of the tree, unchanged ones included.
    listed = files = blocks = 0
    for scan in _observed(stream, observer):
        listed += 1
        files += scan.language is not None
        blocks += scan.blocks
        if scan.status is FileStatus.SKIPPED:
            skipped.append(SkippedFile(scan.path, scan.reason or "skipped"))
            continue
        if scan.status is FileStatus.FALLBACK:
            fallbacks.append(SkippedFile(scan.path, scan.reason or "fallback parser"))
        if scan.mentions:
            sites.extend(Site(scan.path, scan.language or "", m) for m in scan.mentions)
            if scan.marked is False:
                unmarked.add(scan.path)
    if listed:  # an empty tree has none of these keys, as before
        stats.update(listed=listed, files=files, blocks=blocks)

    resolutions: dict[str, Resolution] = {}
    mismatches: dict[tuple[str, str], str] = {}
    if resolver is not None and config.resolve:
        references = [
            s.mention.reference for s in sites if s.mention.reference and not s.mention.problem
        ]
        resolutions = resolver.resolve(references, warn)
        mismatches = title_mismatches(references, resolutions)
    # A git process (its start and its CPU, most of a pre-commit hook's wait) only when asked.
    repository = repository_of(root) if revision else (root.name, None)
    report = _assemble(
        root,
        sites,
        resolutions,
        mismatches,
        skipped,
        fallbacks,
        stats,
        warnings,
        unmarked,
        repository,
        lambda rule: selected(rule, config),
    )
    prefix = root_prefix(root)
    return replace(report, prefix=prefix) if prefix else report


def root_prefix(root: Path) -> str:
    """`root`'s path inside its git work tree ('' at the top, or outside git): found by the
    walk up to `.git`, no git process."""
    top = work_tree(root)
    if top is None:
        return ""
    try:
        inside = root.resolve().relative_to(top)
    except ValueError:
        return ""
    return "" if inside == Path(".") else inside.as_posix()


def _paper_entries(
    by_paper: dict[str, list[Site]],
    ref_keys: dict[str, list[str]],
    resolutions: dict[str, Resolution],
) -> dict[str, PaperEntry]:
    """Each paper's output record, from its sites and the first of its references that
    resolved to a paper."""
    entries = {}
    for paper_key, paper_sites in by_paper.items():
        keys = ref_keys.get(paper_key) or [paper_key]
        resolution = next(
            (resolutions[k] for k in keys if k in resolutions and resolutions[k].paper is not None),
            resolutions.get(keys[0]),
        )
        entries[paper_key] = paper_entry(paper_key, paper_sites, resolution)
    return entries


def _locators(by_paper: dict[str, list[Site]]) -> dict[str, tuple[str | None, str | None]]:
    """The volume and pages each card's reading gives, where it gives a volume."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for key, sites in by_paper.items():
        reading = card_reading(sites, key_date(key))
        if reading is not None and reading.volume:
            found[key] = (reading.volume, reading.pages)
    return found


def _observed(scans: Iterable[FileScan], observer: ScanObserver | None) -> Iterator[FileScan]:
    for scan in scans:
        if observer is not None:
            observer.on_file(scan)
        yield scan


def _assemble(
    root: Path,
    sites: list[Site],
    resolutions: dict[str, Resolution],
    mismatches: dict[tuple[str, str], str],
    skipped: list[SkippedFile],
    fallbacks: list[SkippedFile],
    stats: Counter[str],
    warnings: list[str],
    unmarked: set[str],
    repository: tuple[str, str | None],
    reported: Callable[[str], bool],
) -> Report:
    cited = [s for s in sites if not (s.mention.problem and s.mention.ref is None)]
    by_paper: dict[str, list[Site]] = {}
    ref_keys: dict[str, list[str]] = {}  # the reference keys of each paper's sites, in order
    site_paper: list[tuple[Site, str]] = []
    keyed: list[tuple[Site, str, str]] = []  # each site, its reference key and its card's
    for site in cited:
        ref_key = reference_key(site.mention)
        resolution = resolutions.get(ref_key)
        keyed.append(
            (site, ref_key, resolution.paper.key if resolution and resolution.paper else ref_key)
        )
    # A bibliography key cited alone ("Hellwig2022a") is the card of the entry it labels.
    labels = cited_keys((site.mention, paper_key) for site, _, paper_key in keyed)
    for site, ref_key, paper_key in keyed:
        entry = card_of_key(site.mention, labels)
        by_paper.setdefault(entry or paper_key, []).append(site)
        if entry is None:
            # a key's own reading (a surname and a year) resolves to a guess; the card is
            # resolved by its entry
            ref_keys.setdefault(paper_key, []).append(ref_key)
        site_paper.append((site, entry or paper_key))
    entries = _paper_entries(by_paper, ref_keys, resolutions)
    # A work named by its title in one place and by an identifier in another is one card.
    joined = same_work_targets(
        entries.values(),
        _locators(by_paper),
        {key: len(sites) for key, sites in by_paper.items()},
        written_letters(
            (key, site.mention.raw, site.mention.reference.year)
            for key, sites in by_paper.items()
            for site in sites
            if site.mention.reference is not None
        ),
        {
            key: frozenset(other.key for site in sites for other in site.mention.others)
            for key, sites in by_paper.items()
        },
    )
    if joined:
        for source, target in joined.items():  # a reference work's card may be new
            if source not in by_paper:
                # a link in a chain that no site names: a reference work's card its sections
                # joined, which joined another card in turn (their sites move straight there)
                continue
            by_paper.setdefault(target, []).extend(by_paper.pop(source))
            ref_keys.setdefault(target, []).extend(ref_keys.pop(source))
        site_paper = [(site, joined.get(key, key)) for site, key in site_paper]
        entries = _paper_entries(by_paper, ref_keys, resolutions)
    papers = list(entries.values())
    papers.sort(key=lambda p: (-len({s.mention.symbol.name for s in by_paper[p.key]}), p.key))
    citations = sorted(
        (citation_of(s, k) for s, k in site_paper),
        key=lambda c: (c.path, c.line, c.column, c.paper),
    )
    # Inline `citegraph: ignore[...]` markers silence findings in every format, as in `check`;
    # only files whose scan saw a marker are read again for them. The configured `select` and
    # `ignore` apply too: the SARIF a CI step uploads must not open alerts `check` ignores.
    findings, suppressed = split_suppressed(
        root,
        sorted(
            (f for f in findings_of(sites, resolutions, mismatches) if reported(f.rule)),
            key=lambda f: (f.path, f.line, f.column, f.rule),
        ),
        unmarked,
    )
    stats.update(
        citations=len(citations),
        papers=len(papers),
        skipped=len(skipped),
        scanned=stats["listed"] - len(skipped),
        fallbacks=len(fallbacks),
        findings=len(findings),
        resolved=sum(1 for p in papers if p.title),
    )
    return Report(
        root=str(root),
        repository=repository[0],
        revision=repository[1],
        tool_version=__version__,
        papers=tuple(papers),
        citations=tuple(citations),
        findings=tuple(findings),
        skipped=tuple(skipped),
        fallbacks=tuple(fallbacks),
        stats=dict(stats),
        warnings=tuple(warnings),
        suppressed=tuple(suppressed),
    )
