"""`citegraph catalog ...`: import bibliographies and snapshots, inspect and export the store."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from catalog import (
    IMPORTERS,
    PaperRef,
    Store,
    bibtex_entries,
    default_catalog_path,
    detect_format,
    import_file,
    paper_record,
    ref_from_string,
)
from citegraph.commands.common import OutputPath, StderrObserver
from citegraph.errors import InputError
from citegraph.exitcodes import ExitCode
from citegraph.output import check_path, format_of, is_special, make_directory
from citegraph.textsafe import one_line

_Command = TypeVar("_Command", bound=Callable[..., Any])
_CATALOG_HELP = "The catalog database (default: user cache directory; env CITEGRAPH_CATALOG)."


def _chosen_catalog(ctx: click.Context, _: click.Parameter, path: Path | None) -> None:
    """`--catalog` given after the subcommand, as `scan --catalog PATH` takes it: it had been
    'No such option' there, and only `catalog --catalog PATH stats` worked."""
    if path is not None:
        ctx.obj = path


def catalog_option(command: _Command) -> _Command:
    """`--catalog PATH` on a subcommand: the store it works on (the group's, if not given)."""
    return click.option(
        "--catalog",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH",
        expose_value=False,
        callback=_chosen_catalog,
        help=_CATALOG_HELP,
    )(command)


@click.group("catalog")
@click.option(
    "--catalog",
    "catalog_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help=_CATALOG_HELP,
)
@click.pass_context
def catalog_group(ctx: click.Context, catalog_path: Path | None) -> None:
    """Manage the local paper catalog that scans resolve against."""
    ctx.obj = catalog_path or default_catalog_path()


@contextmanager
def _store(path: Path) -> Iterator[Store]:
    store = Store(path)
    try:
        yield store
    finally:
        store.close()


@catalog_group.command("import")
@catalog_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(IMPORTERS)),
    help="What FILE holds (default: told from the file).",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=5000,
    help="Records per transaction (default 5000).",
)
@click.pass_obj
def import_command(path: Path, file: Path, fmt: str | None, batch: int) -> int:
    """Add the papers in FILE (BibTeX, CSL-JSON, or the arXiv metadata snapshot) to the catalog.

    The file is streamed, so a multi-gigabyte snapshot needs little memory. Papers already in
    the catalog under any of their ids are merged, not duplicated.
    """
    try:
        fmt = fmt or detect_format(file)
    except ValueError as error:
        raise InputError(str(error)) from error
    start = time.perf_counter()
    with _store(path) as store:
        try:
            count = import_file(store, file, fmt, batch=batch)
        except (ValueError, UnicodeDecodeError) as error:
            raise InputError(f"{file}: {error}") from error
    elapsed = time.perf_counter() - start
    click.echo(
        f"imported {file.name} ({fmt}): {count.added} new, {count.merged} merged"
        f"{_skipped(count.skipped)} in {elapsed:.1f} s into {path}"
    )
    if not count.added and not count.merged:
        # a JSON object where a list of items was expected, a BibTeX file cut short: the
        # import said '0 new, 0 merged' and nothing else
        click.echo(
            f"citegraph: warning: {file.name} held no {fmt} record with a title or an"
            " identifier; nothing was imported",
            err=True,
        )
    return ExitCode.OK


def _skipped(reasons: tuple[tuple[str, int, tuple[int, ...]], ...]) -> str:
    """', 3 skipped (2 not valid BibTeX at lines 4, 9; 1 with neither a title nor an identifier
    at line 2)': the records an import left out (it used to leave them out without a word),
    and where the first few start."""
    if not reasons:
        return ""

    def where(count: int, lines: tuple[int, ...]) -> str:
        if not lines:
            return ""
        more = ", ..." if count > len(lines) else ""
        return f" at line{'s' if count > 1 else ''} {', '.join(map(str, lines))}{more}"

    total = sum(n for _, n, _ in reasons)
    parts = [f"{n} {why}{where(n, lines)}" for why, n, lines in reasons]
    return f", {total} skipped ({'; '.join(parts)})"


@catalog_group.command("stats")
@catalog_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def stats_command(path: Path, as_json: bool) -> int:
    """Show what the catalog holds."""
    with _store(path) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats, indent=2, sort_keys=True))
        return ExitCode.OK
    click.echo(
        f"catalog   {stats['path']} (schema v{stats['schema_version']}, "
        f"{float(str(stats['bytes'])) / 1e6:.1f} MB)"
    )  # type: ignore[call-overload]
    click.echo(f"papers    {stats['papers']}")
    for label, key in (("ids", "aliases"), ("sources", "sources")):
        counts = stats[key]
        assert isinstance(counts, dict)
        click.echo(f"{label:<9} " + (", ".join(f"{k} {v}" for k, v in counts.items()) or "-"))
    click.echo(
        f"lookups   {stats['cached_lookups']} cached, {stats['cached_not_found']} of them not found"
    )
    return ExitCode.OK


def parse_id(text: str) -> PaperRef:
    """A ref from what a user types: a key (`doi:...`), an arXiv id, a DOI or a URL (arXiv and
    DOI URLs become arXiv and DOI refs)."""
    ref = ref_from_string(text.strip())
    if ref is None:
        raise click.BadParameter(f"{text!r} is not an arXiv id, DOI, URL or key")
    return ref


@catalog_group.command("show")
@catalog_option
@click.argument("identifier")
@click.option("--offline", is_flag=True, help="Do not look it up online if it is not stored.")
@click.option(
    "--mailto", metavar="EMAIL", help="Contact address for polite API use (env CITEGRAPH_MAILTO)."
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def show_command(
    path: Path, identifier: str, offline: bool, mailto: str | None, as_json: bool
) -> int:
    """Show the paper behind IDENTIFIER (arXiv id, DOI, URL or key), resolving it if needed."""
    from catalog import Catalog

    ref = parse_id(identifier)
    observer = StderrObserver()
    catalog = Catalog.open(path, offline=offline, mailto=mailto, on_warning=observer.on_warning)
    with catalog:
        result = catalog.resolve([ref])[ref.key]
    if result.paper is None:
        click.echo(
            one_line(
                f"{ref.key}: {result.status.value}"
                + (f" ({result.message})" if result.message else "")
            ),
            err=True,
        )
        return ExitCode.FINDINGS
    record = paper_record(result.paper)
    if as_json:
        click.echo(json.dumps({**record, "status": result.status.value}, indent=2))
        return ExitCode.OK
    for name, value in record.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}:{v}" for k, v in value.items())
        elif isinstance(value, list):
            value = "; ".join(value)
        if value not in (None, ""):
            # Metadata comes from services and files: escape terminal controls and bidi.
            click.echo(f"{name:<17}{one_line(str(value))}")
    return ExitCode.OK


_EXPORTS = ("jsonl", "bibtex")


@catalog_group.command("export")
@catalog_option
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_EXPORTS),
    default=None,
    help="JSON lines (one paper a line) or BibTeX (default: the one -o's extension names, "
    "else JSON lines).",
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(path_type=Path),
    help="Write here instead of standard output (replaced only when complete).",
)
@click.pass_obj
def export_command(path: Path, fmt: str | None, output: Path | None) -> int:
    """Write every paper in the catalog as JSON lines or BibTeX."""
    if output is not None:
        check_path(output)
    fmt = fmt or format_of(output, _EXPORTS, "jsonl")  # `-o everything.bib` wrote JSON lines
    with _store(path) as store:
        papers = store.iter_papers()
        lines = (
            (entry + "\n" for entry in bibtex_entries(papers))
            if fmt == "bibtex"
            else (json.dumps(paper_record(p), ensure_ascii=False) + "\n" for p in papers)
        )
        if output is None:
            for line in lines:
                click.echo(line, nl=False)
            return ExitCode.OK
        _export_to(output, lines)
    return ExitCode.OK


def _export_to(output: Path, lines: Iterator[str]) -> None:
    """Write `lines` to `output`, replacing it only when complete (a device is written in
    place); its missing directories are created as for every other `-o`."""
    try:
        if is_special(output):
            with open(output, "w", encoding="utf-8") as stream:
                stream.writelines(lines)
            return
        make_directory(output.parent)
        descriptor, temporary = tempfile.mkstemp(
            dir=output.parent, prefix=f".{output.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.writelines(lines)
            os.replace(temporary, output)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:  # a full disk, a device refusing the write
        raise InputError(f"cannot write {output}: {error.strerror or error}") from error


@catalog_group.command("check")
@catalog_option
@click.pass_obj
def check_command(path: Path) -> int:
    """Check the catalog file for damage (read-only). Exit 1 when it is damaged."""
    from catalog import inspect, is_text_file

    problems = inspect(path)
    if not problems:
        state = "ok" if path.exists() else "ok (does not exist yet; created on first use)"
        click.echo(f"catalog {one_line(str(path))}: {state}")
        return ExitCode.OK
    click.echo(f"catalog {one_line(str(path))}: damaged or not a catalog:")
    for problem in problems:
        click.echo(f"  {one_line(problem)}")
    # A folder or a text file is no catalog to repair: `rebuild` would move it aside.
    if path.is_dir() or is_text_file(path):
        click.echo("choose a catalog file with --catalog (or CITEGRAPH_CATALOG)")
    else:
        click.echo("run `citegraph catalog rebuild` to move it aside and start an empty catalog")
    return ExitCode.FINDINGS


@catalog_group.command("rebuild")
@catalog_option
@click.option("--force", is_flag=True, help="Also when the check finds nothing wrong.")
@click.pass_obj
def rebuild_command(path: Path, force: bool) -> int:
    """Move a damaged catalog aside (kept as PATH.broken-TIME) and start an empty one."""
    from catalog import inspect, is_text_file, move_aside

    problems = inspect(path)
    if not path.exists():
        raise InputError(f"catalog {path} does not exist; it is created on first use")
    if path.is_dir():  # CITEGRAPH_CATALOG naming a folder: never move someone's folder aside
        raise InputError(f"catalog {path} is a directory, not a catalog file; nothing moved")
    if is_text_file(path):  # `--catalog references.bib`: the user's own file, left in place
        raise InputError(f"catalog {path} is a text file, not a catalog; nothing moved")
    if not problems and not force:
        raise InputError(f"catalog {path} is sound; pass --force to start an empty one anyway")
    aside = move_aside(path, time.strftime("%Y%m%d-%H%M%S"))
    Store(path).close()
    click.echo(f"moved {one_line(str(path))} to {one_line(str(aside))}")
    click.echo(
        f"created an empty catalog at {one_line(str(path))}; import your bibliographies again "
        "with `citegraph catalog import`"
    )
    return ExitCode.OK
