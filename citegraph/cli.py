"""The `citegraph` command: a thin click layer over the library."""

from __future__ import annotations

import logging
import sys
import traceback

import click

from citegraph import __version__
from citegraph.commands.bib import bib_command
from citegraph.commands.check import check_command
from citegraph.commands.diff import diff_command
from citegraph.commands.report import report_command
from citegraph.commands.scan import scan_command
from citegraph.errors import CitegraphError
from citegraph.exitcodes import ExitCode


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citegraph")
@click.option("-v", "--verbose", count=True, help="More logging on standard error.")
def cli(verbose: int) -> None:
    """Find the academic papers a codebase cites, and the code that cites them."""
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2), format="citegraph: %(levelname)s: %(message)s"
    )


cli.add_command(scan_command)
cli.add_command(report_command)
cli.add_command(check_command)
cli.add_command(bib_command)
cli.add_command(diff_command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with an `ExitCode`."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code instead of exiting."""
    try:
        result = cli.main(args=argv, prog_name="citegraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("citegraph: interrupted", err=True)
        return ExitCode.INTERRUPTED
    except KeyboardInterrupt:
        click.echo("citegraph: interrupted", err=True)
        return ExitCode.INTERRUPTED
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return int(error.exit_code)
    except CitegraphError as error:
        click.echo(f"citegraph: error: {error}", err=True)
        return ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    except Exception:
        click.echo("citegraph: internal error, please report it with this traceback:", err=True)
        traceback.print_exc()
        return ExitCode.ERROR
    return int(result or 0)
