"""Pieces shared by commands: progress/warnings on stderr and rendering to targets."""

from __future__ import annotations

import click

from citegraph.output import OutputTarget, write_output
from citegraph.render import RenderOptions, render
from citegraph.report import Report
from scanner.types import FileScan


class StderrObserver:
    """Prints warnings to standard error as they happen (progress bars come from rich)."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def on_file(self, scan: FileScan) -> None:
        """Files are reported in the summary, not one by one."""

    def on_warning(self, message: str) -> None:
        """Show a warning unless quiet."""
        if not self.quiet:
            click.echo(f"citegraph: warning: {message}", err=True)


def render_targets(report: Report, targets: list[OutputTarget], options: RenderOptions) -> None:
    """Render every target first, then write them, so a failing renderer writes nothing."""
    rendered = [(target, render(report, target.format, options)) for target in targets]
    for target, text in rendered:
        write_output(target, text)
