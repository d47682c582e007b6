"""`citegraph scan PATH`: find, resolve and report the papers a tree cites."""

from __future__ import annotations

from pathlib import Path

import click

from citegraph.commands.common import output_options, render_targets
from citegraph.config import load_config
from citegraph.exitcodes import ExitCode
from citegraph.output import parse_targets
from citegraph.pipeline import run_scan
from citegraph.progress import ProgressObserver
from citegraph.render import RenderOptions
from citegraph.resolution import open_resolver


@click.command("scan")
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@output_options
@click.option("--include", multiple=True, metavar="GLOB", help="Only scan matching files.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Do not scan matching files.")
@click.option(
    "--max-file-size",
    type=click.IntRange(min=1),
    metavar="BYTES",
    help="Skip files larger than this (default 2 MiB).",
)
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Skip a file that takes longer than this to scan (default 10; 0: no limit).",
)
@click.option(
    "--strings/--no-strings",
    default=None,
    help="Also read string literals, not only comments and docstrings.",
)
@click.option(
    "--resolve/--no-resolve",
    default=None,
    help="Look up paper metadata (from the catalog, and online unless --offline).",
)
@click.option("--offline", is_flag=True, default=None, help="Use the local catalog only.")
@click.option(
    "--catalog",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="The paper catalog database (default: user cache directory; env CITEGRAPH_CATALOG).",
)
@click.option("--mailto", metavar="EMAIL", help="Contact address for polite API use.")
@click.option(
    "--source-url",
    metavar="TEMPLATE",
    help="Link citing code, e.g. https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    metavar="N",
    help="Worker processes (default 0: one per core).",
)
@click.option(
    "--cache/--no-cache",
    default=None,
    help="Reuse results for unchanged files (default: on; env CITEGRAPH_CACHE).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on standard error.")
def scan_command(
    path: Path,
    format_name: str | None,
    outputs: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    max_file_size: int | None,
    time_budget: float | None,
    strings: bool | None,
    resolve: bool | None,
    offline: bool | None,
    catalog: str | None,
    mailto: str | None,
    source_url: str | None,
    jobs: int | None,
    cache: bool | None,
    quiet: bool,
) -> int:
    """Scan PATH (default: the current directory) for references to academic papers."""
    config = load_config(
        path,
        {
            "include": include or None,
            "exclude": exclude or None,
            "max_file_size": max_file_size,
            "time_budget": time_budget,
            "strings": strings,
            "resolve": resolve,
            "offline": offline,
            "catalog": catalog,
            "mailto": mailto,
            "source_url": source_url,
            "jobs": jobs,
            "cache": cache,
        },
    )
    targets = parse_targets(format_name, outputs)
    with ProgressObserver(quiet=quiet) as observer, open_resolver(config, path) as resolver:
        report = run_scan(path, config, observer=observer, resolver=resolver)
    render_targets(report, targets, RenderOptions(source_url=config.source_url))
    return ExitCode.OK
