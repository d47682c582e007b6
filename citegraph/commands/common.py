"""Pieces shared by commands: progress/warnings on stderr and rendering to targets."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

import click

from citegraph.errors import ConfigError
from citegraph.output import OutputTarget, make_directories, refuse_empty, write_output
from citegraph.progress import is_terminal
from citegraph.render import RenderOptions, format_names, render

if TYPE_CHECKING:
    from citegraph.report import Report
    from scanner import FileScan


class StderrObserver:
    """Prints warnings to standard error as they happen (progress bars come from rich)."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def on_file(self, scan: FileScan) -> None:
        """Files are reported in the summary, not one by one."""

    def on_total(self, total: int) -> None:
        """Nor is their number."""

    def on_warning(self, message: str) -> None:
        """Show a warning unless quiet."""
        from citegraph.textsafe import one_line  # its patterns: only for a warning to show

        if not self.quiet:
            click.echo(f"citegraph: warning: {one_line(message)}", err=True)


# Help text wraps at the terminal's width and would cut a whole URL in two: the example
# stands in an unwrapped paragraph (`\b`) of its own.
SOURCE_URL_EXAMPLE = (
    "\b\n--source-url for a repository on GitHub:\n"
    "  https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}"
)


def check_source_url(template: str | None) -> None:
    """A `--source-url` the Papers page cannot use is a usage error, not silently dropped:
    an http(s) URL with `{path}` and only the fields `{rev}`, `{path}` and `{line}`."""
    if not template:
        return  # the Papers page's module (a sixth of a warm rescan's imports) is not needed
    from citegraph.render.html import source_template

    if "{path}" not in template or source_template(template) is None:
        raise ConfigError(
            f"source-url {template!r} must be an http(s) URL with {{path}} and only the "
            "fields {rev}, {path} and {line}, e.g. "
            "https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}"
        )


def render_targets(report: Report, targets: list[OutputTarget], options: RenderOptions) -> None:
    """Render every target first, then write them, so a failing renderer writes nothing."""
    write_rendered(rendered_targets(report, [(t, target_options(t, options)) for t in targets]))


def rendered_targets(
    report: Report, targets: Sequence[tuple[OutputTarget, RenderOptions]]
) -> list[tuple[OutputTarget, str]]:
    """Each target with its text, rendered with its options (see `target_options`)."""
    return [(target, render(report, target.format, options)) for target, options in targets]


def write_rendered(rendered: Sequence[tuple[OutputTarget, str | memoryview]]) -> None:
    """Write texts rendered for their targets (making the directories of their files)."""
    make_directories([target for target, _ in rendered])
    for target, text in rendered:
        write_output(target, text)


def target_options(target: OutputTarget, options: RenderOptions) -> RenderOptions:
    """Colour and wrapping only for a terminal: the terminal's width (`COLUMNS` first), else
    one record per line, so that `| grep` never splits a symbol from its path."""
    if target.path is not None or not is_terminal(sys.stdout):
        return options
    import shutil  # here: with the compressors it brings, a fifth of click's import

    return replace(options, color=True, width=shutil.get_terminal_size().columns)


_F = TypeVar("_F", bound=Callable[..., Any])


class OutputPath(click.Path):
    """The path of an `-o` that takes one file or directory: click's `Path`, refusing an
    empty value (see `refuse_empty`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The path, or a `ConfigError` for an empty one."""
        if isinstance(value, str):
            refuse_empty(param.opts[0] if param is not None else "-o", value)
        return super().convert(value, param, ctx)


def output_options(command: _F) -> _F:
    """`-f/--format` and `-o/--output [FORMAT:]PATH`, shared by `scan` and `report`."""
    command = click.option(
        "-o",
        "--output",
        "outputs",
        multiple=True,
        metavar="[FORMAT:]PATH",
        help="Write to PATH instead of standard output; repeat with FORMAT:PATH to write "
        "several formats at once.",
    )(command)
    return click.option(
        "-f",
        "--format",
        "format_name",
        type=click.Choice(format_names("report")),
        default=None,
        help="Output format (default: from each -o PATH's extension, else terminal).",
    )(command)


def _apply(command: _F, *decorators: Callable[[_F], _F]) -> _F:
    """Apply option decorators so that they show in the order given."""
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def file_options(command: _F) -> _F:
    """Which files are read and what of them: `--include`, `--exclude`,
    `--default-excludes/--no-default-excludes`, `--max-file-size`, `--strings/--no-strings`
    and `--generated/--no-generated`, shared by `scan` and `index`."""
    return _apply(
        command,
        click.option("--include", multiple=True, metavar="GLOB", help="Only scan matching files."),
        click.option(
            "--exclude", multiple=True, metavar="GLOB", help="Do not scan matching files."
        ),
        click.option(
            "--default-excludes/--no-default-excludes",
            default=None,
            help="Leave out tool, dependency and build directories (.git, node_modules, "
            "venvs, build, dist, target; default: on, but an unpacked release's build "
            "directories are read: they hold the code it ships). Build directories left out "
            "are listed as skipped.",
        ),
        click.option(
            "--max-file-size",
            type=click.IntRange(min=1),
            metavar="BYTES",
            help="Skip files larger than this (default 2 MiB).",
        ),
        click.option(
            "--strings/--no-strings",
            default=None,
            help="Also read string literals in code (messages, tables), not only comments "
            "and docstrings (default: off).",
        ),
        click.option(
            "--generated/--no-generated",
            default=None,
            help="Also read generated files (a Cython, SWIG or protoc banner, DO NOT EDIT at "
            "their head), which are otherwise skipped (default: off).",
        ),
    )


def resolve_options(command: _F) -> _F:
    """How papers are looked up: `--resolve/--no-resolve`, `--offline`, `--catalog` and
    `--mailto`, shared by `scan` and `index`."""
    return _apply(
        command,
        click.option(
            "--resolve/--no-resolve",
            default=None,
            help="Look up paper metadata (from the catalog, and online unless --offline; "
            "default: on).",
        ),
        click.option(
            "--offline",
            is_flag=True,
            default=None,
            help="Use the local catalog only (env CITEGRAPH_OFFLINE).",
        ),
        click.option(
            "--catalog",
            type=click.Path(dir_okay=False),
            metavar="PATH",
            help="The paper catalog database (default: user cache directory; env "
            "CITEGRAPH_CATALOG).",
        ),
        click.option(
            "--mailto",
            metavar="EMAIL",
            help="Contact address for polite API use (env CITEGRAPH_MAILTO).",
        ),
    )


def quiet_option(command: _F) -> _F:
    """`-q/--quiet`: errors only on standard error, as `ruff -q` and `codespell -q` give."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        callback=_quiet_logging,
        help="Errors only on standard error: no progress, no warnings.",
    )(command)


def _quiet_logging(ctx: click.Context, param: click.Parameter, quiet: bool) -> bool:
    """With `-q`, the warnings the library logs (a damaged scan cache rebuilt) go unsaid too,
    as the ones the command prints itself do; errors are still logged."""
    if quiet:
        import logging

        logger = logging.getLogger()
        previous = logger.level
        logger.setLevel(logging.ERROR)
        ctx.call_on_close(lambda: logger.setLevel(previous))  # a library caller's level stays
    return quiet
