"""`citegraph report SCAN.json`: render a saved scan in any format (scan once, render many)."""

from __future__ import annotations

from pathlib import Path

import click

from citegraph.commands.common import (
    SOURCE_URL_EXAMPLE,
    check_source_url,
    output_options,
    render_targets,
)
from citegraph.exitcodes import ExitCode
from citegraph.output import parse_targets
from citegraph.render import RenderOptions
from citegraph.report import load_report


@click.command("report", epilog=SOURCE_URL_EXAMPLE)
@click.argument("scan_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_options
@click.option(
    "--source-url",
    metavar="TEMPLATE",
    help="Link citing code: an http(s) URL with {path}, and {rev} and {line} if wanted "
    "(an example below).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1024),
    metavar="BYTES",
    help="Size cap for the Markdown summary (default 1 MiB).",
)
def report_command(
    scan_file: Path,
    format_name: str | None,
    outputs: tuple[str, ...],
    source_url: str | None,
    max_bytes: int | None,
) -> int:
    """Render SCAN_FILE, a scan saved with `citegraph scan --format json`."""
    check_source_url(source_url)
    report = load_report(scan_file)
    targets = parse_targets(format_name, outputs)
    render_targets(report, targets, RenderOptions(source_url=source_url, max_bytes=max_bytes))
    return ExitCode.OK
