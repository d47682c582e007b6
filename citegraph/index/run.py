"""`index_sources`: probe every source, scan the changed ones on Dask, resolve all, write DIR.

DIR holds `repos/<name>.json` (one stored result per repository, reused while its revision,
the scanner and the options are unchanged), `index.json`, `papers.html` and `summary.md`.
Every file is replaced atomically and the three outputs are written last, so an interrupted
run leaves the previous outputs and every result finished so far.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from citegraph.index import store
from citegraph.index.sources import Probe, SourceUnavailable, display_name, probe, slug
from citegraph.index.types import Job, Outcome, RepoScan, Source, SourceKind, Status
from citegraph.report import Report

MAX_DOWNLOAD = 512 * 1024 * 1024
MAX_UNPACKED = 2 * 1024 * 1024 * 1024
_PROBE_THREADS = 8


class IndexObserver(Protocol):
    """Receives the run's progress; the CLI shows it."""

    def on_plan(self, total: int, unchanged: int, failed: int) -> None:
        """Called once: how many sources, how many need no scan, how many failed to probe."""

    def on_start(self, spec: str) -> None:
        """A worker started scanning `spec`."""

    def on_done(self, outcome: Outcome) -> None:
        """A scan finished, well or not."""

    def on_warning(self, message: str) -> None:
        """A problem the user should know about."""


@dataclass(frozen=True, slots=True)
class IndexSettings:
    """How to run: the cluster, limits and the scan options every repository gets."""

    scheduler: str | None = None
    workers: int | None = None
    processes: bool = True
    timeout: float | None = 1800.0
    refresh: bool = False
    work_dir: Path | None = None
    scan_overrides: dict[str, Any] = field(default_factory=dict)
    client_overrides: dict[str, Any] = field(default_factory=dict)
    max_download: int = MAX_DOWNLOAD
    max_unpacked: int = MAX_UNPACKED
    grace: float = 30.0  # past its time-out, a task that did not stop is cancelled


@dataclass(frozen=True, slots=True)
class IndexResult:
    """What one run produced: each repository's outcome and the resolved reports."""

    outcomes: tuple[Outcome, ...]
    reports: tuple[Report, ...]


def index_sources(
    sources: Sequence[Source],
    out_dir: Path,
    settings: IndexSettings,
    observer: IndexObserver | None = None,
    probe_source: Callable[[Source], Probe] = probe,
) -> IndexResult:
    """Index `sources` into `out_dir` and return the outcomes and reports."""
    from citegraph.index.adapter import build_reports, client_config

    out_dir = out_dir.resolve()
    plan = _plan(sources, out_dir, settings, probe_source)
    if observer is not None:
        failed = sum(1 for o in plan.outcomes.values() if o.status is Status.FAILED)
        observer.on_plan(len(sources), len(plan.outcomes) - failed, failed)
    if plan.jobs:
        _scan(plan, out_dir, settings, observer)

    warn = observer.on_warning if observer is not None else (lambda message: None)
    ordered = [plan.repos[s.spec] for s in sources if s.spec in plan.repos]
    reports = build_reports(ordered, client_config(out_dir, settings.client_overrides), warn)
    by_spec = {repo.spec: report for repo, report in zip(ordered, reports, strict=True)}
    outcomes = []
    for source in sources:
        outcome, report = plan.outcomes[source.spec], by_spec.get(source.spec)
        if report is not None:
            counts = {
                k: report.stats.get(k, 0) for k in ("files", "papers", "citations", "resolved")
            }
            outcome = replace(outcome, counts=counts)
        outcomes.append(outcome)
    return IndexResult(tuple(outcomes), tuple(reports))


@dataclass
class _Plan:
    """Each source's fate so far: failed to probe, unchanged (its stored result), or a job."""

    outcomes: dict[str, Outcome] = field(default_factory=dict)
    repos: dict[str, RepoScan] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)
    keys: dict[str, dict[str, str]] = field(default_factory=dict)
    sizes: dict[str, int | None] = field(default_factory=dict)


def _plan(
    sources: Sequence[Source],
    out_dir: Path,
    settings: IndexSettings,
    probe_source: Callable[[Source], Probe],
) -> _Plan:
    from citegraph.index.adapter import scanner_fingerprint

    work_dir = (settings.work_dir or out_dir / "work").resolve()
    # `citegraph index . -o index`: the run's own DIR inside a source changed it every run
    # (never unchanged), and its outputs were scanned with it
    sources = [_without(source, (out_dir, work_dir)) for source in sources]
    names = _unique_names(sources)
    options_digest = _digest(settings.scan_overrides)
    scanner = scanner_fingerprint()
    with ThreadPoolExecutor(_PROBE_THREADS) as pool:  # probes wait on git and registries
        probes = dict(
            zip(
                (s.spec for s in sources),
                pool.map(_probe_or_reason(probe_source), sources),
                strict=True,
            )
        )
    plan = _Plan()
    for source in sources:
        answer, name = probes[source.spec], names[source.spec]
        if isinstance(answer, str):
            plan.outcomes[source.spec] = Outcome(source.spec, name, Status.FAILED, reason=answer)
            continue
        key = {"revision": answer.revision, "scanner": scanner, "options": options_digest}
        plan.keys[source.spec] = key
        stored = None if settings.refresh else store.load(_result_path(out_dir, source), key)
        if stored is not None:
            # named as in this run: a source added since with the same directory name took
            # the plain name, and two repositories of one name were one on the page
            plan.repos[source.spec] = replace(stored, name=name)
            plan.outcomes[source.spec] = Outcome(
                source.spec, name, Status.UNCHANGED, stored.revision, seconds=stored.seconds
            )
            continue
        plan.sizes[source.spec] = answer.size
        plan.jobs.append(
            Job(
                source=source,
                revision=answer.revision,
                name=name,
                work_dir=str(work_dir),
                options=tuple(sorted(settings.scan_overrides.items())),
                timeout=settings.timeout,
                artifact=answer.artifact,
                digest=answer.digest,
                max_download=settings.max_download,
                max_unpacked=settings.max_unpacked,
            )
        )
    plan.jobs.sort(key=lambda job: _largest_first(plan.sizes.get(job.source.spec)))
    return plan


def _without(source: Source, inside: Sequence[Path]) -> Source:
    """`source` with the directories of `inside` that lie in it (a local source) ignored."""
    if source.kind is not SourceKind.PATH:
        return source
    top = Path(source.location)
    ignore = tuple(
        sorted(
            {d.relative_to(top).as_posix() for d in inside if d != top and d.is_relative_to(top)}
        )
    )
    return replace(source, ignore=ignore) if ignore else source


def _largest_first(size: int | None) -> tuple[int, int]:
    """Sort key: unknown sizes (git URLs) first, then the largest. Started last, one large
    repository would leave the other workers idle while it finishes."""
    return (0, 0) if size is None else (1, -size)


def _scan(
    plan: _Plan, out_dir: Path, settings: IndexSettings, observer: IndexObserver | None
) -> None:
    """Run the plan's jobs on the cluster, storing each result as soon as it arrives."""
    from citegraph.index.cluster import open_client, run_jobs

    started = (lambda job: observer.on_start(job.source.spec)) if observer else None
    with open_client(settings.scheduler, settings.workers, settings.processes) as client:
        for finished in run_jobs(client, plan.jobs, on_start=started, grace=settings.grace):
            job, repo = finished.job, finished.result
            spec = job.source.spec
            if repo is None:
                outcome = Outcome(spec, job.name, Status.FAILED, reason=finished.error)
            else:
                store.save(_result_path(out_dir, job.source), plan.keys[spec], repo)
                plan.repos[spec] = repo
                outcome = Outcome(
                    spec, repo.name, Status.SCANNED, repo.revision, seconds=repo.seconds
                )
            plan.outcomes[spec] = outcome
            if observer is not None:
                observer.on_done(outcome)


def _probe_or_reason(probe_source: Callable[[Source], Probe]) -> Callable[[Source], Probe | str]:
    def run(source: Source) -> Probe | str:
        try:
            return probe_source(source)
        except SourceUnavailable as error:
            return str(error)
        except OSError as error:
            return f"cannot read: {error}"

    return run


def _unique_names(sources: Sequence[Source]) -> dict[str, str]:
    """Display names, made unique with a suffix (two directories both called `lib`)."""
    seen: dict[str, int] = {}
    names = {}
    for source in sources:
        name = display_name(source)
        seen[name] = seen.get(name, 0) + 1
        names[source.spec] = name if seen[name] == 1 else f"{name}-{seen[name]}"
    return names


def _result_path(out_dir: Path, source: Source) -> Path:
    return out_dir / "repos" / f"{slug(source)}.json"


def _digest(options: dict[str, Any]) -> str:
    text = json.dumps(options, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
