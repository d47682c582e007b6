"""SOURCE arguments: local paths and archives, git URLs, `pypi:NAME[==VERSION]`,
`npm:NAME[@VERSION]`, `@FILE`.

Parsing reads nothing but the file system's idea of a path; `probe` asks each source for its
current revision cheaply (git rev-parse, git ls-remote, a registry's JSON document, an archive's
digest) so that an unchanged repository is never sent to a worker.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citegraph.errors import InputError
from citegraph.index.types import Source, SourceKind
from scanner import git

_GIT_URL = re.compile(r"^(?:(?:https?|git|ssh|file)://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)
_PYPI_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")
_NPM_NAME = re.compile(r"^(?:@[a-z0-9][\w.~-]*/)?[a-z0-9][\w.~-]*$", re.IGNORECASE)
_VERSION = re.compile(r"^[\w.+!~-]+$")
GIT_TIMEOUT = 120.0
# Release artifacts: wheels, sdists, npm tarballs (fetched from a registry or given as files).
ARCHIVE_SUFFIXES = (".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz")
_WHEEL_TAGS = re.compile(r"-[^-]+-[^-]+-[^-]+$")  # a wheel's python, ABI and platform tags


def expand_sources(
    arguments: Iterable[str], rejected: list[tuple[str, str]] | None = None
) -> list[Source]:
    """Parse SOURCE arguments, reading `@FILE` lists (one source a line, `#` comments);
    duplicates are dropped, the first occurrence keeps its place. A malformed source raises
    `InputError`, or, given `rejected`, is added to it with the reason and left out: one typo
    in a list of a hundred fails that source, not the run."""
    sources: dict[str, Source] = {}
    for argument in arguments:
        for spec in _read_list(argument[1:]) if argument.startswith("@") else [argument]:
            try:
                source = parse_source(spec)
            except InputError as error:
                if rejected is None:
                    raise
                rejected.append((spec.strip(), str(error)))
                continue
            sources.setdefault(source.spec, source)
    return list(sources.values())


def _read_list(name: str) -> list[str]:
    try:
        # utf-8-sig: an editor's byte order mark made the first source a path starting with
        # an invisible U+FEFF ('no such directory')
        text = Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the source list @{name}: {error}") from error
    lines = (
        line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        for line in text.splitlines()
    )
    return [line for line in lines if line]


def parse_source(spec: str) -> Source:
    """One source from its text; raises `InputError` for a malformed package spec."""
    spec = spec.strip()
    if spec.startswith("pypi:"):
        name, _, version = spec[5:].partition("==")
        _check(spec, name, _PYPI_NAME, version)
        name = re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: one name, one directory
        return Source(
            f"pypi:{name}" + (f"=={version}" if version else ""),
            SourceKind.PYPI,
            name,
            version or None,
        )
    if spec.startswith("npm:"):
        body = spec[4:]
        at = body.find("@", 1)  # a scoped name starts with "@"
        name, version = (body[:at], body[at + 1 :]) if at > 0 else (body, "")
        _check(spec, name, _NPM_NAME, version)
        return Source(
            f"npm:{name}" + (f"@{version}" if version else ""),
            SourceKind.NPM,
            name,
            version or None,
        )
    if _GIT_URL.match(spec):
        # the URL with its credentials is only cloned from; what is shown and stored (the
        # index, the page, the summary, the logs) names it without them
        return Source(redact_url(spec), SourceKind.GIT, spec)
    if not spec:
        raise InputError("an empty source")
    path = Path(spec).expanduser().resolve()
    if path.name.lower().endswith(ARCHIVE_SUFFIXES) and not path.is_dir():
        # `citegraph index dist/*.whl`: the releases a user downloaded, scanned as published
        return Source(str(path), SourceKind.ARCHIVE, str(path))
    return Source(str(path), SourceKind.PATH, str(path))


def _check(spec: str, name: str, pattern: re.Pattern[str], version: str) -> None:
    if not pattern.match(name):
        raise InputError(f"source {spec!r}: {name!r} is not a package name")
    if version and not _VERSION.match(version):
        raise InputError(f"source {spec!r}: {version!r} is not a version")


def display_name(source: Source) -> str:
    """A short, readable repository name: the directory, the URL's last part, the package."""
    if source.kind is SourceKind.PATH:
        return Path(source.location).name or source.location
    if source.kind is SourceKind.ARCHIVE:
        return archive_name(Path(source.location).name)
    if source.kind is SourceKind.GIT:
        tail = re.split(r"[/:]", source.location.rstrip("/"))[-1]
        return tail.removesuffix(".git") or source.location
    return source.location


def archive_name(file_name: str) -> str:
    """An artifact's release, from its file name: `pkg-1.0` for `pkg-1.0-py3-none-any.whl`,
    `pkg-1.0.tar.gz` and `pkg-1.0.tgz`."""
    lowered = file_name.lower()
    suffix = next((s for s in ARCHIVE_SUFFIXES if lowered.endswith(s)), "")
    stem = file_name[: len(file_name) - len(suffix)]
    return (_WHEEL_TAGS.sub("", stem) if suffix == ".whl" else stem) or file_name


def slug(source: Source) -> str:
    """A file-system-safe, unique name for a source's files in DIR and the work directory."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", display_name(source)).strip("-.")[:40] or "repo"
    return f"{readable}-{hashlib.blake2b(source.spec.encode(), digest_size=5).hexdigest()}"


@dataclass(frozen=True, slots=True)
class Probe:
    """A source's current revision, and for packages the artifact to fetch."""

    revision: str
    artifact: str | None = None
    digest: str | None = None
    version: str | None = None
    size: int | None = None  # bytes, when known cheaply: the largest repositories go first


class SourceUnavailable(Exception):
    """The source cannot be reached or read; the message says why (shown to the user)."""


def probe(source: Source, registry: Callable[[Source], Probe] | None = None) -> Probe:
    """Find the source's current revision without fetching it."""
    if source.kind is SourceKind.PATH:
        path = Path(source.location)
        return Probe(local_revision(path, source.ignore), size=tree_size(path, source.ignore))
    if source.kind is SourceKind.ARCHIVE:
        return archive_probe(Path(source.location))
    if source.kind is SourceKind.GIT:
        return Probe(remote_revision(source.location))
    if registry is not None:
        return registry(source)
    from citegraph.index.registries import probe_package

    return probe_package(source)


# The user information of an http(s) URL: a token or a password (`https://x-access-token:T@`).
_CREDENTIALS = re.compile(r"(?i)\b(https?://)[^/@\s]+@")


def redact_url(text: str) -> str:
    """`text` with the credentials of every http(s) URL in it written as `***`."""
    return _CREDENTIALS.sub(r"\1***@", text)


def run_git(args: list[str], cwd: Path | None = None, timeout: float = GIT_TIMEOUT) -> str:
    """The output of `git ARGS` (`scanner.git`), its failures as `SourceUnavailable`."""
    try:
        return git(cwd, *args, timeout=timeout).decode("utf-8", "replace")
    except subprocess.TimeoutExpired as error:
        raise SourceUnavailable(f"git {args[0]} timed out after {timeout:.0f} s") from error
    except subprocess.CalledProcessError as error:
        lines = error.stderr.decode("utf-8", "replace").strip().splitlines()
        # git's 'fatal:' line says why; its last line can be a tail such as 'and the
        # repository exists.'
        why = next((line for line in lines if line.startswith(("fatal:", "error:"))), None)
        message = why or (lines[-1] if lines else str(error.returncode))
        raise SourceUnavailable(f"git {args[0]} failed: {redact_url(message)}") from error
    except OSError as error:
        raise SourceUnavailable(f"cannot run git: {error}") from error


def archive_probe(path: Path) -> Probe:
    """A local artifact's revision: its SHA-256 (a rebuilt wheel of the same name is new)."""
    try:
        hasher = hashlib.sha256()
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                hasher.update(chunk)
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise SourceUnavailable("no such file") from error
    except OSError as error:
        raise SourceUnavailable(f"cannot read the file: {error.strerror or error}") from error
    digest = f"sha256:{hasher.hexdigest()}"
    return Probe(digest, artifact=str(path), digest=digest, size=size)


def check_directory(path: Path) -> None:
    """Raise `SourceUnavailable` saying why `path` cannot be scanned as a directory: it is
    missing, a file, or unreadable (a scan of it failed on its first file, with a traceback's
    `PermissionError`). The reason never names the path: a failure is shown after its
    source (`failed: /src/x: no such directory`), which named it twice."""
    if not path.is_dir():
        raise SourceUnavailable("not a directory" if path.exists() else "no such directory")
    try:
        with os.scandir(path) as entries:
            next(entries, None)
    except OSError as error:
        raise SourceUnavailable(f"cannot read the directory: {error.strerror or error}") from error


def local_revision(path: Path, ignore: Sequence[str] = ()) -> str:
    """A directory's revision: its commit, plus a digest of uncommitted changes; outside git,
    a digest of every file's path, size and modification time. `ignore` names directories
    (relative POSIX paths) whose changes do not count."""
    check_directory(path)
    try:
        head = run_git(["rev-parse", "HEAD"], cwd=path, timeout=30).strip()
    except SourceUnavailable:
        return "tree:" + _tree_digest(path, ignore)
    where = ["--", ".", *(f":(exclude,top){_from_top(path, rel)}" for rel in ignore)]
    status = run_git(["status", "--porcelain=v1", "-z", *where], cwd=path, timeout=60)
    if not status:
        return head
    hasher = hashlib.blake2b(status.encode(), digest_size=8)
    hasher.update(run_git(["diff", "HEAD", "--binary", *where], cwd=path, timeout=60).encode())
    for entry in status.split("\0"):
        if entry.startswith("?? "):  # untracked: their content is in no diff
            hasher.update(_stat_line(path / entry[3:]).encode())
    return f"{head}+{hasher.hexdigest()}"


def _stat_line(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return f"{path}|-"
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


# Directories whose churn says nothing about the code (a stat digest would see every build).
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def _from_top(path: Path, rel: str) -> str:
    """`rel` (relative to `path`) relative to the top of `path`'s work tree, for a pathspec."""
    prefix = run_git(["rev-parse", "--show-prefix"], cwd=path, timeout=30).strip()
    return prefix + rel


def _kept(root: Path, directory: str, dirs: list[str], ignore: Sequence[str]) -> list[str]:
    """The subdirectories of `directory` a walk of `root` goes into."""
    rel = os.path.relpath(directory, root)
    base = "" if rel == "." else rel.replace(os.sep, "/") + "/"
    return [d for d in dirs if d not in _SKIPPED_DIRS and base + d not in ignore]


def _tree_digest(root: Path, ignore: Sequence[str] = ()) -> str:
    hasher = hashlib.blake2b(digest_size=10)
    for directory, dirs, names in os.walk(root):
        dirs[:] = sorted(_kept(root, directory, dirs, ignore))
        for name in sorted(names):
            hasher.update(_stat_line(Path(directory, name)).encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


def tree_size(root: Path, ignore: Sequence[str] = ()) -> int:
    """The bytes of a directory's files (a stat walk, no reads), skipping tools' directories
    and those `ignore` names."""
    total = 0
    for directory, dirs, names in os.walk(root):
        dirs[:] = _kept(root, directory, dirs, ignore)
        for name in names:
            try:
                total += os.lstat(os.path.join(directory, name)).st_size
            except OSError:
                continue
    return total


def remote_revision(url: str) -> str:
    """The commit a git URL's HEAD points at, by `git ls-remote` (nothing is cloned)."""
    out = run_git(["ls-remote", "--", url, "HEAD"])
    for line in out.splitlines():
        sha, _, ref = line.partition("\t")
        if ref == "HEAD" and re.fullmatch(r"[0-9a-f]{40,64}", sha):
            return sha
    raise SourceUnavailable("the repository has no HEAD commit")
