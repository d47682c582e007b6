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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from citegraph.index import store
from citegraph.index.sources import Probe, SourceUnavailable, display_name, probe, slug
from citegraph.index.types import Job, Outcome, RepoScan, Source, Status
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
    from citegraph.index.adapter import build_reports, client_config, scanner_fingerprint

    out_dir = out_dir.resolve()
    work_dir = (settings.work_dir or out_dir / "work").resolve()
    names = _unique_names(sources)
    options_digest = _digest(settings.scan_overrides)
    scanner = scanner_fingerprint()

    probes: dict[str, Probe | str] = {}
    with ThreadPoolExecutor(_PROBE_THREADS) as pool:
        for source, answer in zip(
            sources, pool.map(_probe_or_reason(probe_source), sources), strict=False
        ):
            probes[source.spec] = answer

    outcomes: dict[str, Outcome] = {}
    repos: dict[str, RepoScan] = {}
    jobs: list[Job] = []
    keys: dict[str, dict[str, str]] = {}
    for source in sources:
        answer, name = probes[source.spec], names[source.spec]
        if isinstance(answer, str):
            outcomes[source.spec] = Outcome(source.spec, name, Status.FAILED, reason=answer)
            continue
        key = {"revision": answer.revision, "scanner": scanner, "options": options_digest}
        keys[source.spec] = key
        stored = None if settings.refresh else store.load(_result_path(out_dir, source), key)
        if stored is not None:
            repos[source.spec] = stored
            outcomes[source.spec] = Outcome(
                source.spec, name, Status.UNCHANGED, stored.revision, seconds=stored.seconds
            )
            continue
        jobs.append(
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
    if observer is not None:
        failed = sum(1 for o in outcomes.values() if o.status is Status.FAILED)
        observer.on_plan(len(sources), len(outcomes) - failed, failed)

    if jobs:
        from citegraph.index.cluster import open_client, run_jobs

        started = (lambda job: observer.on_start(job.source.spec)) if observer else None
        with open_client(settings.scheduler, settings.workers, settings.processes) as client:
            for finished in run_jobs(client, jobs, on_start=started, grace=settings.grace):
                spec = finished.job.source.spec
                if finished.result is None:
                    outcome = Outcome(spec, finished.job.name, Status.FAILED, reason=finished.error)
                else:
                    repo = finished.result
                    store.save(_result_path(out_dir, finished.job.source), keys[spec], repo)
                    repos[spec] = repo
                    outcome = Outcome(
                        spec, repo.name, Status.SCANNED, repo.revision, seconds=repo.seconds
                    )
                outcomes[spec] = outcome
                if observer is not None:
                    observer.on_done(outcome)

    warn = observer.on_warning if observer is not None else (lambda message: None)
    ordered = [repos[s.spec] for s in sources if s.spec in repos]
    config = client_config(out_dir, settings.client_overrides)
    reports = build_reports(ordered, config, warn)
    by_spec = {repo.spec: report for repo, report in zip(ordered, reports, strict=False)}
    final = []
    for source in sources:
        outcome = outcomes[source.spec]
        report = by_spec.get(source.spec)
        if report is not None:
            counts = {
                k: report.stats.get(k, 0) for k in ("files", "papers", "citations", "resolved")
            }
            outcome = Outcome(
                outcome.spec,
                outcome.name,
                outcome.status,
                outcome.revision,
                outcome.reason,
                outcome.seconds,
                counts,
            )
        final.append(outcome)
    return IndexResult(tuple(final), tuple(reports))


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
