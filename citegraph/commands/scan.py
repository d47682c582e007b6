"""`citegraph scan PATH`: find, resolve and report the papers a tree cites."""

from __future__ import annotations

from pathlib import Path

import click

from citegraph.checks.project import with_project_findings
from citegraph.checks.selection import check_codes, selected_codes
from citegraph.commands.common import (
    SOURCE_URL_EXAMPLE,
    check_source_url,
    file_options,
    output_options,
    quiet_option,
    rendered_targets,
    resolve_options,
    target_options,
    write_rendered,
)
from citegraph.config import load_config
from citegraph.errors import InputError
from citegraph.exitcodes import ExitCode
from citegraph.memo import Rendered, rendered_scan
from citegraph.output import make_directories, parse_targets
from citegraph.progress import ProgressObserver
from citegraph.render import RenderOptions
from citegraph.resolution import open_resolver
from scanner import project_root, scan_file


@click.command("scan", epilog=SOURCE_URL_EXAMPLE)
@click.argument("path", default=".", type=click.Path(exists=True, path_type=Path))
@output_options
@file_options
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Skip a file that takes longer than this to scan (default 10; 0: no limit).",
)
@resolve_options
@click.option(
    "--source-url",
    metavar="TEMPLATE",
    help="Link citing code: an http(s) URL with {path}, and {rev} and {line} if wanted "
    "(an example below).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    metavar="N",
    help="Worker processes (default 0: one per core; at most four per core).",
)
@click.option(
    "--cache/--no-cache",
    default=None,
    help="Reuse results for unchanged files (default: on; env CITEGRAPH_CACHE).",
)
@quiet_option
def scan_command(
    path: Path,
    format_name: str | None,
    outputs: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    default_excludes: bool | None,
    max_file_size: int | None,
    time_budget: float | None,
    strings: bool | None,
    generated: bool | None,
    resolve: bool | None,
    offline: bool | None,
    catalog: str | None,
    mailto: str | None,
    source_url: str | None,
    jobs: int | None,
    cache: bool | None,
    quiet: bool,
) -> int:
    """Scan PATH (default: the current directory) for references to academic papers.

    PATH is a directory (its tree is scanned) or one file, reported by its path in its project
    (the directory of the nearest pyproject.toml, else the git work tree, else its directory)
    and scanned even when the project's configuration excludes it, as linters do.
    """
    root, named = scan_scope(path)
    config = load_config(
        root,
        {
            "include": include or None,
            "exclude": exclude or None,
            "default_excludes": default_excludes,
            "max_file_size": max_file_size,
            "time_budget": time_budget,
            "strings": strings,
            "generated": generated,
            "resolve": resolve,
            "offline": offline,
            "catalog": catalog,
            "mailto": mailto,
            "source_url": source_url,
            "jobs": jobs,
            "cache": cache,
        },
    )
    check_source_url(config.source_url)
    check_codes(config.select, "select in [tool.citegraph]")  # they choose the findings
    check_codes(config.ignore, "ignore in [tool.citegraph]")
    options = RenderOptions(source_url=config.source_url, rules=selected_codes(config))
    targets = [(t, target_options(t, options)) for t in parse_targets(format_name, outputs)]
    # Where the outputs go is checked before the scan, not after minutes of it.
    make_directories([target for target, _ in targets])
    with ProgressObserver(quiet=quiet) as observer, open_resolver(config, root) as resolver:
        if named is None:
            # The findings `check` makes from the whole report (the lock's, the style rules')
            # are a scan's too: the SARIF a CI step uploads holds what `check` fails on.
            rendered: Rendered = rendered_scan(
                root,
                config,
                targets,
                lambda report: rendered_targets(
                    with_project_findings(root, config, report, complete=True), targets
                ),
                observer=observer,
                resolver=resolver,
            )
        else:
            from citegraph.pipeline import run_scan

            scans = [scan_file(root, named, config.scan_options())]
            report = run_scan(root, config, observer=observer, resolver=resolver, scans=scans)
            report = with_project_findings(root, config, report, complete=False)
            rendered = rendered_targets(report, targets)
    write_rendered(rendered)  # every target rendered first: a failing renderer writes nothing
    return ExitCode.OK


def scan_scope(path: Path) -> tuple[Path, str | None]:
    """The root a scan of `path` reports paths from, and the one file named, if a file is."""
    if not path.is_file():
        if not path.is_dir():
            # a device, a FIFO or a socket: the scan walked it as a tree of nothing and said
            # '0 files scanned', listing nothing as skipped
            raise InputError(f"{path} is neither a directory nor a regular file")
        return path, None
    file = path.resolve()
    root = project_root(file.parent).resolve()
    return root, file.relative_to(root).as_posix()
