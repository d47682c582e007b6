"""The `citegraph` command: a thin click layer over the library."""

from __future__ import annotations

import gc
import importlib
import logging
import sys

import click

from catalog import CatalogUnusable
from citegraph import __version__
from citegraph.errors import CitegraphError
from citegraph.exitcodes import EXIT_CODES_HELP, ExitCode

# Command name -> "module:attribute". Commands load on use, so `citegraph check` in a
# pre-commit hook never imports the HTTP stack, Jinja2 or networkx.
COMMANDS: dict[str, str] = {
    "scan": "citegraph.commands.scan:scan_command",
    "report": "citegraph.commands.report:report_command",
    "check": "citegraph.commands.check:check_command",
    "bib": "citegraph.commands.bib:bib_command",
    "diff": "citegraph.commands.diff:diff_command",
    "catalog": "citegraph.commands.catalog:catalog_group",
    "index": "citegraph.commands.index:index_command",
}
# What an internal error exits with, where it is not `ExitCode.ERROR`: pre-commit and CI read
# 2 from a linter as "the tool itself failed" (1 means findings).
INTERNAL_ERROR_EXIT: dict[str, ExitCode] = {"check": ExitCode.USAGE}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when invoked (or listed)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """All command names, in a stable order."""
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the named command's module on demand."""
        if cmd_name in COMMANDS:
            module_name, attribute = COMMANDS[cmd_name].split(":")
            command: click.Command = getattr(importlib.import_module(module_name), attribute)
            return command
        return super().get_command(ctx, cmd_name)


EXAMPLES = (
    "\b\nExamples:\n"
    "  citegraph scan .                  the papers this project cites, and where\n"
    "  citegraph scan . -o papers.html   the same as a searchable page\n"
    "  citegraph check                   exit 1 on findings (a malformed DOI, a stale lock)\n"
    "  citegraph diff main               citations this branch added or removed\n"
    "  citegraph COMMAND --help          each command's options and defaults"
)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"{EXAMPLES}\n\n{EXIT_CODES_HELP}",
)
@click.version_option(__version__, prog_name="citegraph")
@click.option("-v", "--verbose", count=True, help="More logging on standard error.")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """Find the academic papers a codebase cites, and the code that cites them."""
    if isinstance(ctx.obj, _Run):
        ctx.obj.command = ctx.invoked_subcommand
    handler = logging.StreamHandler()
    handler.setFormatter(_LogFormatter())
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2), handlers=[handler])


class _LogFormatter(logging.Formatter):
    """`citegraph: warning: ...`, as every warning citegraph prints itself reads (the logged
    ones said `citegraph: WARNING: ...`)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"citegraph: {record.levelname.lower()}: {super().format(record)}"


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with an `ExitCode`."""
    code = run(argv)
    # What is left is the interpreter's teardown, whose collections would trace every object
    # of the run (click's and citegraph's modules): a tenth of a warm rescan. Frozen, they are
    # still freed, and every exit handler still runs.
    gc.freeze()
    sys.exit(code)


class _Run:
    """What one run learns for its error handler: the command being run."""

    command: str | None = None


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code instead of exiting; the one place that turns
    exceptions into exit codes and messages."""
    from citegraph.output import stdout_for_any_text
    from scanner import stored_patterns

    stdout_for_any_text()
    state = _Run()
    try:
        # The regular expressions of the modules a command imports compile from the store
        # their code was kept in by an earlier run (a tenth of a cold scan's start).
        with stored_patterns():
            result = cli.main(args=argv, prog_name="citegraph", standalone_mode=False, obj=state)
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
    except CatalogUnusable as error:  # a damaged or foreign catalog: the user's to fix
        from citegraph.textsafe import one_line

        click.echo(f"citegraph: error: {one_line(str(error))}", err=True)
        return ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    except Exception:
        import traceback

        click.echo("citegraph: internal error, please report it with this traceback:", err=True)
        traceback.print_exc()
        return INTERNAL_ERROR_EXIT.get(state.command or "", ExitCode.ERROR)
    return int(result or 0)
