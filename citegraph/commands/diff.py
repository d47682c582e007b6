"""`citegraph diff BASE [HEAD]`: how a change alters which papers the code cites."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import click

from citegraph.commands.common import OutputPath
from citegraph.config import load_config
from citegraph.errors import ConfigError, InputError
from citegraph.exitcodes import ExitCode
from citegraph.output import OutputTarget, check_path, format_of, write_output
from citegraph.render import format_names, render
from citegraph.report import Report, load_report
from citegraph.textsafe import one_line
from scanner import git, project_root


@click.command("diff")
@click.argument("base")
@click.argument("head", required=False)
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(format_names("diff")),
    default=None,
    help="How to report the change (markdown for a pull-request comment; default: the one "
    "-o's extension names, else text).",
)
@click.option(
    "-o", "--output", type=OutputPath(path_type=Path), help="Write to PATH instead of stdout."
)
@click.option("--online", is_flag=True, help="Look up titles of new papers online.")
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The git work tree (default: the one holding the current directory).",
)
def diff_command(
    base: str,
    head: str | None,
    format_name: str | None,
    output: Path | None,
    online: bool,
    root: Path | None,
) -> int:
    """Compare BASE with HEAD: two git revisions, or two scans saved as JSON (a file that
    exists is read as a saved scan, never as a revision). Without HEAD, BASE is compared with
    the working tree. As in git, BASE may be a range: A..B compares A with B, and A...B what B
    changed since it forked from A (their merge base with B)."""
    from citegraph.diffing import diff_reports

    if output is not None:
        check_path(output)  # before two scans, not after them
    format_name = format_name or format_of(output, format_names("diff"))
    root = (root or project_root(Path.cwd())).resolve()
    if head is None and not Path(base).exists():
        base, head = _range(root, base)
    base_report = _report(root, base, online)
    head_report = _report(root, head, online) if head else _scan(root, root, online)
    text = render(diff_reports(base_report, head_report), format_name, kind="diff")
    write_output(OutputTarget(format_name, output), text)
    return ExitCode.OK


def _range(root: Path, spec: str) -> tuple[str, str | None]:
    """`A..B` as (A, B) and `A...B` as (merge base of A and B, B), an empty side standing for
    HEAD, as git reads them; anything else as (spec, None)."""
    dots = "..." if "..." in spec else ".." if ".." in spec else None
    if dots is None:
        return spec, None
    left, right = (side or "HEAD" for side in spec.split(dots, 1))
    if dots == "..":
        return left, right
    try:
        base = git(root, "merge-base", left, right).decode().strip()
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip() or "no common ancestor"
        raise InputError(f"cannot read revision {spec!r}: {message}") from error
    return base, right


def _report(root: Path, what: str, online: bool) -> Report:
    if Path(what).is_file():
        # a saved scan, whatever its name: a file that is none gets "not a JSON scan", not a
        # git error about a revision of that name
        return load_report(Path(what))
    with tempfile.TemporaryDirectory(prefix="citegraph-diff-") as tree:
        _export(root, what, Path(tree))
        return _scan(Path(tree), root, online, revision=what)


def _export(root: Path, revision: str, into: Path) -> None:
    """Write the files of `revision` under `root` into `into`, each blob exactly as committed.

    Not `git archive`: it leaves out what `.gitattributes` marks `export-ignore` (a tests/
    folder cited papers the diff then called new) and expands `export-subst`. Symlinks and
    submodules are left out, as a scan never follows them out of its tree."""
    try:
        listing = git(root, "ls-tree", "-r", "-z", revision, timeout=600)
    except subprocess.CalledProcessError as error:
        if revision.lower().endswith(".json"):
            # a saved scan's path mistyped: git's 'Not a valid object name' said nothing of it
            raise InputError(
                f"{revision}: no such file (a saved scan), nor a revision of that name"
            ) from error
        message = error.stderr.decode("utf-8", "replace").strip()
        if _shallow(root):  # CI checkouts are one commit deep by default
            message += (
                "; this clone is shallow, so older commits are not in it: fetch the base"
                " (`git fetch --deepen=1`, or `fetch-depth: 0` in actions/checkout)"
            )
        raise InputError(f"cannot read revision {revision!r}: {message}") from error
    files: list[tuple[str, str]] = []  # (blob id, path relative to root)
    for record in listing.split(b"\0"):
        head, _, raw = record.partition(b"\t")
        fields = head.split()
        if len(fields) == 3 and fields[1] == b"blob" and fields[0] in (b"100644", b"100755"):
            files.append((fields[2].decode(), os.fsdecode(raw)))
    if not files:
        return
    blobs = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="".join(f"{blob}\n" for blob, _ in files).encode(),
        capture_output=True,
        check=True,
        timeout=600,
    ).stdout
    at = 0
    for _, rel in files:
        header_end = blobs.index(b"\n", at)
        size = int(blobs[at:header_end].split()[2])
        target = into / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1  # the content, then a newline


def _shallow(root: Path) -> bool:
    try:
        return git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except (OSError, subprocess.SubprocessError):
        return False


def _scan(tree: Path, root: Path, online: bool, revision: str | None = None) -> Report:
    from citegraph.pipeline import run_scan
    from citegraph.resolution import open_resolver

    own = tree != root and (tree / "pyproject.toml").is_file()
    try:
        config = load_config(tree if own else root, {"offline": not online})
    except ConfigError as error:
        if not own:
            raise
        # A past revision's configuration that is no longer valid (a key since fixed or
        # removed) stopped every diff against it, naming a temporary directory.
        message = str(error).replace(f"{tree}{os.sep}", f"{revision}:")
        click.echo(
            f"citegraph: warning: {one_line(message)}; {revision} is read with the working"
            " tree's configuration",
            err=True,
        )
        config = load_config(root, {"offline": not online})
    with open_resolver(config, tree) as resolver:
        return run_scan(tree, config, resolver=resolver)
