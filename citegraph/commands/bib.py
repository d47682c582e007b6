"""`citegraph bib`: regenerate the committed bibliography from what the code cites."""

from __future__ import annotations

from pathlib import Path

import click

from citegraph.commands.common import OutputPath
from citegraph.config import load_config
from citegraph.errors import ConfigError
from citegraph.exitcodes import ExitCode
from citegraph.output import OutputTarget, check_path, write_output
from citegraph.report import counted
from scanner import project_root


@click.command("bib")
@click.option(
    "-o",
    "--output",
    type=OutputPath(path_type=Path),
    help="Where to write (default: `bibliography` from [tool.citegraph]).",
)
@click.option("--online", is_flag=True, help="Fetch missing metadata from online sources.")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Project root (default: the git work tree or the current directory).",
)
def bib_command(output: Path | None, online: bool, root: Path | None) -> int:
    """Write the bibliography lock: every paper the code cites, nothing else (BibTeX, or a
    Markdown list for a .md path)."""
    root = (root or project_root(Path.cwd())).resolve()
    config = load_config(root, {"offline": not online})
    target = output or (root / config.bibliography if config.bibliography else None)
    if target is None:
        raise ConfigError("no bibliography path: pass -o or set `bibliography` in [tool.citegraph]")
    check_path(target, None if output else f"bibliography {str(target)!r}")
    # Imported here so that loading the CLI for `citegraph check` stays cheap.
    from citegraph.bibliography import scan_config, write_lock
    from citegraph.pipeline import run_scan
    from citegraph.resolution import open_resolver

    scanned = scan_config(root, config)
    with open_resolver(scanned, root) as resolver:
        report = run_scan(root, scanned, resolver=resolver)
    text = write_lock(report, target)
    papers = counted(len(report.papers), "paper")
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        # Left as it is, as a lock file is (it said 'wrote 16 papers' every time, and touched
        # the file for tools that watch its time).
        click.echo(f"citegraph: {target} is up to date ({papers})", err=True)
        return ExitCode.OK
    write_output(OutputTarget("bibtex", target), text)
    click.echo(f"citegraph: wrote {papers} to {target}", err=True)
    return ExitCode.OK
