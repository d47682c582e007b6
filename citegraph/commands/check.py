"""`citegraph check [FILES...]`: lint citations, for pre-commit hooks and CI."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from citegraph import __version__
from citegraph.commands.common import OutputPath, quiet_option
from citegraph.config import Config, load_config
from citegraph.errors import ConfigError
from citegraph.exitcodes import ExitCode
from citegraph.output import OutputTarget, check_path, format_of, write_output
from citegraph.render import FINDINGS_ALONE, RenderOptions, format_names, render
from citegraph.report import Report, counted
from citegraph.textsafe import one_line
from scanner import GENERATED_BY, UNKNOWN_TYPE, project_root

# Paper statuses that mean no metadata source was asked (offline, or every source failed).
_UNASKED = frozenset({"offline", "failed"})
_TITLE_KINDS = frozenset({"title", "author-year", "book"})


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True))
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(format_names("findings")),
    default=None,
    help="How to report findings (default: the one -o's extension names, else text).",
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(path_type=Path),
    help="Write the report to a file instead of standard output.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODE",
    help=(
        "Only these rules (codes or prefixes such as CG2, comma-separated or repeated); "
        "also enables opt-in rules."
    ),
)
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these rules.")
@click.option("--online", is_flag=True, help="Ask metadata services about unknown identifiers.")
@click.option("--fix", is_flag=True, help="Repair what can be repaired safely.")
@click.option(
    "--force-exclude/--no-force-exclude",
    default=None,
    help="Apply the configured `exclude` to files named on the command line too (as the "
    "pre-commit hook does).",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Project root (default: the git work tree or the current directory).",
)
@quiet_option
def check_command(
    files: tuple[str, ...],
    format_name: str | None,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    online: bool,
    fix: bool,
    force_exclude: bool | None,
    root: Path | None,
    quiet: bool,
) -> int:
    """Check citations in FILES (files or directories; default: the whole project). Exit 1
    when there are findings.

    Without --online only the local catalog is consulted, so the check is fast and works
    offline, as a pre-commit hook should.
    """
    from citegraph.checks.runner import run_check
    from citegraph.checks.selection import check_codes, force_excluded, selected_codes

    if output is not None:
        check_path(output)  # before the check runs: a bad -o costs nothing
    format_name = format_name or format_of(output, format_names("findings"))
    root = (root or project_root(Path.cwd())).resolve()
    config = load_config(root, {"force_exclude": force_exclude})
    if config.bibliography and (root / config.bibliography).is_dir():
        # said as `bib` says it; the finding read 'does not exist; create it with citegraph bib'
        raise ConfigError(f"bibliography {config.bibliography!r}: it is a directory, not a file")
    check_codes(config.select, "select in [tool.citegraph]")
    check_codes(config.ignore, "ignore in [tool.citegraph]")
    # `--select CG001,CG002`, as ruff takes it (one code per flag only, before)
    select = tuple(code.strip() for item in select for code in item.split(",") if code.strip())
    ignore = tuple(code.strip() for item in ignore for code in item.split(",") if code.strip())
    check_codes(select, "--select")
    check_codes(ignore, "--ignore")
    config = replace(config, select=select or config.select, ignore=config.ignore + ignore)
    relative = [r for r in (_relative(root, f) for f in files) if r is not None]
    if not quiet and len(relative) < len(files):
        # Said, not silent: `check ../other/mod.py` run from another project exited 0 with
        # nothing on the screen, read as a clean check. (A hook names only the project's own.)
        outside = [f for f in files if _relative(root, f) is None]
        shown = ", ".join(one_line(f) for f in outside[:3]) + (", ..." if len(outside) > 3 else "")
        click.echo(
            f"citegraph: warning: not checked, outside the project at {one_line(str(root))}: "
            f"{shown} (pass --root)",
            err=True,
        )
    if any(r == "." for r in relative):
        files, relative = (), []  # the project's root itself: the whole project, as without FILES
    relative = _expand_directories(root, config, relative)
    if config.force_exclude:
        left_out = force_excluded(root, relative, config)
        relative = [r for r in relative if r not in left_out]
    options = RenderOptions(rules=selected_codes(config))
    if files and not relative:
        # Every file given is outside the project or excluded: not ours, and no findings,
        # said in the format asked for (`-o check.sarif` was left unwritten, and the step that
        # uploads it failed on a missing file).
        nothing = Report(root=str(root), repository=root.name, tool_version=__version__)
        text = render(nothing, format_name, options, kind="findings")
        write_output(OutputTarget(format_name, output), text)
        return ExitCode.OK
    result = run_check(
        root, config, relative, online=online, findings_only=format_name in FINDINGS_ALONE
    )
    if not quiet:  # findings are the output: -q leaves them, as `ruff check -q` does
        _warn(result.report, online)
        _say_skipped(result.report, files)
    findings = result.findings
    if fix and findings:
        from citegraph.checks.fix import apply_fixes

        fixed = {id(f) for f in apply_fixes(root, findings)}
        if config.bibliography and any(f.rule == "CG005" for f in findings):
            from citegraph.bibliography import write_lock

            path = root / config.bibliography
            # The lock lists the whole project's papers, not only those of the files given.
            report = run_check(root, config, online=online).report if relative else result.report
            write_output(OutputTarget("bibtex", path), write_lock(report, path))
            fixed |= {id(f) for f in findings if f.rule == "CG005"}
        if fixed and not quiet:
            click.echo(f"citegraph: fixed {counted(len(fixed), 'finding')}", err=True)
        findings = tuple(f for f in findings if id(f) not in fixed)
    text = render(replace(result.report, findings=findings), format_name, options, kind="findings")
    write_output(OutputTarget(format_name, output), text)
    return ExitCode.FINDINGS if findings else ExitCode.OK


def _warn(report: Report, online: bool) -> None:
    """Say what the check could not do, so a clean result is never a silent half-check."""
    for message in report.warnings:
        click.echo(f"citegraph: warning: {message}", err=True)
    unasked = sorted(
        p.key for p in report.papers if p.status in _UNASKED and p.kind not in _TITLE_KINDS
    )
    if online and unasked:
        shown = ", ".join(unasked[:5]) + (", ..." if len(unasked) > 5 else "")
        click.echo(
            f"citegraph: warning: CG003 was not checked for {len(unasked)} identifier(s) "
            f"no metadata source could be asked about ({shown})",
            err=True,
        )


def _say_skipped(report: Report, files: tuple[str, ...]) -> None:
    """Name each file given that was not read (too large, binary, undecodable, unreadable):
    a clean result must not hide it. Files of no known language (a staged `.yaml`) and
    generated files (Cython's C: their citations are the source's, checked there) are not
    checked by design and go unnamed, as files an `exclude` covers do."""
    if not files:
        return
    for skipped in report.skipped:
        if skipped.reason != UNKNOWN_TYPE and not skipped.reason.startswith(GENERATED_BY):
            message = f"{one_line(skipped.path)} not checked: {one_line(skipped.reason)}"
            click.echo(f"citegraph: warning: {message}", err=True)


def _expand_directories(root: Path, config: Config, relative: list[str]) -> list[str]:
    """`relative` with each directory replaced by the files the project's walk finds under
    it (its excludes and ignore files apply, as in `scan`)."""
    directories = [r for r in relative if (root / r).is_dir()]
    if not directories:
        return relative
    from scanner import iter_candidates

    prefixes = tuple(d.rstrip("/") + "/" for d in directories)
    under = [
        candidate.path
        for candidate in iter_candidates(root, config.scan_options())
        if candidate.skip is None and candidate.path.startswith(prefixes)
    ]
    return [r for r in relative if r not in directories] + under


def _relative(root: Path, file: str) -> str | None:
    path = Path(file)
    absolute = path if path.is_absolute() else Path(os.getcwd()) / path
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return None  # outside the project: not ours to check
