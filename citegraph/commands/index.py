"""`citegraph index SOURCE... -o DIR`: many repositories on Dask, one index and one Papers page."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import click

from citegraph.commands.common import OutputPath, file_options, quiet_option, resolve_options
from citegraph.exitcodes import ExitCode


@click.command("index")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=OutputPath(path_type=Path),
    metavar="DIR",
    help="Where the index, the page, the summary and per-repository results go.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Use this Dask scheduler (tcp://host:8786) instead of a local cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes of the local cluster (default: one per core).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=1800.0,
    metavar="SECONDS",
    help="Give up on a repository after this long (default 1800; 0: no limit).",
)
@click.option("--refresh", is_flag=True, help="Rescan every repository, changed or not.")
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="PATH",
    help="Where clones and unpacked packages are kept (default DIR/work); with --scheduler, "
    "a path the workers can write.",
)
@file_options
@resolve_options
@quiet_option
def index_command(
    sources: tuple[str, ...],
    out_dir: Path,
    scheduler: str | None,
    workers: int | None,
    timeout: float,
    refresh: bool,
    work_dir: Path | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    default_excludes: bool | None,
    max_file_size: int | None,
    strings: bool | None,
    generated: bool | None,
    resolve: bool | None,
    offline: bool | None,
    catalog: str | None,
    mailto: str | None,
    quiet: bool,
) -> int:
    """Index many repositories: local paths, release archives (.whl, .tar.gz, .tgz,
    .zip), git URLs, pypi:NAME[==VERSION], npm:NAME[@VERSION], or @FILE with one source
    per line."""
    from citegraph.config import check_setting
    from citegraph.errors import ConfigError, InputError
    from citegraph.index import IndexSettings, Outcome, Status, expand_sources, index_sources
    from citegraph.index.cluster import require_dask
    from citegraph.index.outputs import (
        index_document,
        merge_reports,
        repositories,
        summary_markdown,
    )
    from citegraph.index.progress import IndexProgress
    from citegraph.index.store import write_atomic
    from citegraph.output import check_path, make_directory
    from citegraph.render import RenderOptions, render
    from citegraph.render.html import HtmlRenderer
    from citegraph.report import counted, without_unknown_types
    from citegraph.textsafe import displayable, escape_surrogates, one_line

    rejected: list[tuple[str, str]] = []
    parsed = expand_sources(sources, rejected)
    if not parsed:
        if rejected:  # nothing to index: a typo, told as one
            raise InputError(rejected[0][1])
        raise click.UsageError("no sources (an @FILE list was empty)")
    # checked here, once: a glob that cannot be read failed every repository, one by one
    scan_overrides = {
        k: check_setting(k, v)
        for k, v in {
            "include": include or None,
            "exclude": exclude or None,
            "default_excludes": default_excludes,
            "max_file_size": max_file_size,
            "strings": strings,
            "generated": generated,
        }.items()
        if v is not None
    }
    require_dask()  # before DIR is made: a missing extra left an empty DIR behind
    check_path(out_dir, directory=True)
    for part in ("repos", "work"):  # kept there between runs; a file there crashed the run
        if (out_dir / part).exists() and not (out_dir / part).is_dir():
            raise ConfigError(f"-o {str(out_dir)!r}: {out_dir / part} is not a directory")
    make_directory(out_dir)
    client_overrides = {
        "resolve": resolve,
        "offline": offline,
        "catalog": catalog,
        "mailto": mailto,
    }
    settings = IndexSettings(
        scheduler=scheduler,
        workers=workers,
        timeout=timeout or None,
        refresh=refresh,
        work_dir=work_dir,
        scan_overrides=scan_overrides,
        client_overrides=client_overrides,
    )
    with IndexProgress(quiet=quiet) as progress:
        result = index_sources(parsed, out_dir, settings, observer=progress)
    malformed = tuple(Outcome(spec, spec, Status.FAILED, reason=why) for spec, why in rejected)
    result = replace(result, outcomes=(*result.outcomes, *malformed))
    merged = merge_reports(result.reports)
    names = [report.repository for report in result.reports]
    # For people, as `scan` renders them: files of no known type left out, control characters,
    # bidi overrides and undecodable bytes of file names written as escapes.
    shown = displayable(without_unknown_types(merged))
    # Render everything, then write: a failing renderer leaves the previous outputs in place.
    outputs = {
        "index.json": json.dumps(
            index_document(result.outcomes, result.reports, merged),
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        "papers.html": HtmlRenderer().render(
            shown,
            RenderOptions(),
            repositories=names,
            failed=[
                (one_line(o.spec), one_line(o.reason or "failed"))
                for o in result.outcomes
                if o.status is Status.FAILED
            ],
        ),
        "summary.md": summary_markdown(result.outcomes, result.reports, shown),
        # What a reader found on the page, for their own bibliography: `report` reads a
        # scan, not an index, and `bib` one project.
        "papers.bib": render(merged, "bibtex", RenderOptions()),
    }
    for name, text in outputs.items():
        write_atomic(out_dir / name, escape_surrogates(text))
    counts = {status: sum(o.status is status for o in result.outcomes) for status in Status}
    click.echo(
        f"{repositories(len(result.outcomes))} ({counts[Status.SCANNED]} scanned, "
        f"{counts[Status.UNCHANGED]} unchanged, {counts[Status.FAILED]} failed): "
        f"{counted(len(merged.papers), 'paper')}, "
        f"{counted(len(merged.citations), 'citation')} -> {out_dir}"
    )
    for outcome in result.outcomes:
        if outcome.status is Status.FAILED:
            click.echo(f"  failed: {outcome.spec}: {outcome.reason}")
    return ExitCode.FINDINGS if counts[Status.FAILED] else ExitCode.OK
