"""The report: everything one scan found, as plain data that renderers turn into text.

A `Report` round-trips through the JSON scan document (`to_dict` / `from_dict`), so a saved
scan can be rendered into any format later (`citegraph report scan.json --format html`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from citegraph.errors import InputError
from scanner import UNKNOWN_TYPE

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation site: where the code cites a paper, and what it wrote."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    symbol: str
    symbol_kind: str
    language: str
    context: str  # comment | docstring | string | doc
    kind: str  # arxiv | doi | url | isbn | title | author-year | book
    id: str | None  # arxiv:1908.03265, doi:10.1145/..., url:..., or None for a title citation
    version: str | None
    raw: str
    title_hint: str | None
    rule: str
    confidence: float
    paper: str  # the key of the PaperEntry this site belongs to
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    problem: str | None = None
    # Other lines of the same reference in the same docstring or comment block (an entry's
    # in-text author-year mention, its label, a second link to it).
    also_lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PaperEntry:
    """A paper cited somewhere in the code, with whatever metadata is known about it.

    `key` is the paper's id: its primary identifier (`arxiv:...`, `doi:...`, `url:...`) or, for
    a paper cited by title alone and not resolved, `title:<normalized title>`. `status` says
    whether metadata was found (`resolved`, `cached`), not (`not-found`, `unresolved-title`,
    `offline`, `failed`) or never asked for (`unresolved`).
    """

    key: str
    kind: str
    status: str
    title: str | None = None
    title_hint: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    abstract: str | None = None
    url: str | None = None
    ids: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    confidence: float | None = None
    primary_category: str | None = None  # arXiv's primary category, e.g. cs.LG


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem worth a reviewer's attention (malformed id, unresolved id, title mismatch)."""

    rule: str
    level: str  # error | warning | note
    message: str
    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    paper: str | None = None

    @classmethod
    def at(cls, rule: str, message: str, path: str, where: Any, paper: str | None) -> Finding:
        """A finding of `rule` over the span of `where` (a mention or a citation: anything
        with `line`, `column`, `end_line` and `end_column`), at the rule's level."""
        from citegraph.rules import RULES

        return cls(
            rule=rule,
            level=RULES[rule].level,
            message=message,
            path=path,
            line=where.line,
            column=where.column,
            end_line=where.end_line,
            end_column=where.end_column,
            paper=paper,
        )


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that was not scanned, and why (binary, too large, undecodable, unreadable...)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one scan found. Lists are sorted so that output is deterministic."""

    root: str
    repository: str
    revision: str | None = None
    tool_version: str = ""
    papers: tuple[PaperEntry, ...] = ()
    citations: tuple[Citation, ...] = ()
    findings: tuple[Finding, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    fallbacks: tuple[SkippedFile, ...] = ()  # files read by a fallback parser, and why
    stats: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # Findings an inline `citegraph: ignore[...]` silences: kept for SARIF's `suppressions`.
    suppressed: tuple[Finding, ...] = ()
    # The scanned directory's path inside its git work tree, '/'-separated (git's "prefix"; ''
    # at the top or outside git). Paths stay relative to `root`; what names files from the
    # repository's top (SARIF for code scanning, links to the code host) puts it before them.
    prefix: str = ""

    def citations_of(self, paper_key: str) -> list[Citation]:
        """The citation sites of one paper, in file order."""
        return [c for c in self.citations if c.paper == paper_key]

    def to_dict(self) -> dict[str, Any]:
        """The JSON scan document (see `citegraph/schema/scan.schema.json`)."""
        by_paper: dict[str, list[dict[str, Any]]] = {}
        for c in self.citations:
            by_paper.setdefault(c.paper, []).append(
                {"path": c.path, "line": c.line, "column": c.column, "symbol": c.symbol}
            )
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "citegraph", "version": self.tool_version},
            "root": self.root,
            "repository": self.repository,
            "revision": self.revision,
            **({"prefix": self.prefix} if self.prefix else {}),
            "stats": dict(sorted(self.stats.items())),
            "warnings": list(self.warnings),
            "skipped": [_record(s) for s in self.skipped],
            "fallbacks": [_record(s) for s in self.fallbacks],
            "papers": [{**_record(p), "citations": by_paper.get(p.key, [])} for p in self.papers],
            "citations": [_record(c) for c in self.citations],
            "findings": [_record(f) for f in self.findings],
            "suppressed": [_record(f) for f in self.suppressed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from a JSON scan document."""
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported scan schema_version {version!r} (expected 1)")
        return cls(
            root=data["root"],
            repository=data.get("repository", ""),
            revision=data.get("revision"),
            tool_version=data.get("tool", {}).get("version", ""),
            papers=tuple(_build(PaperEntry, p) for p in data.get("papers", [])),
            citations=tuple(_build(Citation, c) for c in data.get("citations", [])),
            findings=tuple(_build(Finding, f) for f in data.get("findings", [])),
            skipped=tuple(_build(SkippedFile, s) for s in data.get("skipped", [])),
            fallbacks=tuple(_build(SkippedFile, s) for s in data.get("fallbacks", [])),
            stats=dict(data.get("stats", {})),
            warnings=tuple(data.get("warnings", [])),
            suppressed=tuple(_build(Finding, f) for f in data.get("suppressed", [])),
            prefix=data.get("prefix", ""),
        )


def load_report(path: Path) -> Report:
    """Read a scan saved with `citegraph scan --format json`, with a clear message when it is
    not one."""
    try:
        # utf-8-sig: a scan passed through an editor or a shell that adds a byte order mark
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        if isinstance(data, dict) and "repositories" in data and "root" not in data:
            # was "not a citegraph scan document: 'root'"
            raise InputError(
                f"{path}: an index (`citegraph index`), not a scan; its directory holds the "
                "papers as BibTeX (papers.bib), the page and the summary"
            )
        report = Report.from_dict(data)
        # A document edited by hand or by another program: a year written as words or a title
        # as a number stopped the renderers with an internal error.
        _check_types(report)
        return report
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable JSON scan: {error}") from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{path}: not a citegraph scan document: {error}") from error


_SCALARS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def _check_types(item: Any, where: str = "scan") -> None:
    """Raise `TypeError` naming the first field of `item` (a `Report`, and each record in it)
    whose value is not of its declared type."""
    for declared in fields(item):
        value = getattr(item, declared.name)
        kind = str(declared.type)
        if kind.startswith("tuple[") and not kind.startswith(("tuple[str", "tuple[int")):
            for record in value:  # Citation, PaperEntry, Finding, SkippedFile
                _check_types(record, type(record).__name__)
            continue
        if value is None and kind.endswith(" | None"):
            continue
        base = kind.removesuffix(" | None")
        if base.startswith("tuple["):
            ok = isinstance(value, tuple) and all(map(_SCALARS[base[6:-6]], value))
        elif base.startswith("dict[str, "):
            ok = isinstance(value, dict) and all(
                isinstance(k, str) and _SCALARS[base[10:-1]](v) for k, v in value.items()
            )
        else:
            ok = _SCALARS[base](value)
        if not ok:
            raise TypeError(f"{where} field {declared.name!r} must be {kind}, not {value!r}")


def _record(item: Any) -> dict[str, Any]:
    """A shallow field dict, tuples as lists (`asdict` deep-copies every value, which costs
    seconds on a report of a large repository)."""
    names, values, sequences = _LAYOUTS[type(item)]
    # The fields read in one C call and zipped into the dict: a loop of getattr calls was
    # most of the time a warm rescan of a citation-dense tree spent on its JSON.
    out = dict(zip(names, values(item), strict=True))
    for name in sequences:
        out[name] = list(out[name])
    return out


def _build(cls: type, record: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in names}
    return cls(**values)


def _layout(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[str, ...]]:
    names = tuple(f.name for f in fields(cls))
    # The annotations are strings (`from __future__ import annotations`): `tuple[...]` fields.
    sequences = tuple(f.name for f in fields(cls) if str(f.type).startswith("tuple["))
    if len(names) == 1:  # attrgetter of one name returns the value, not a 1-tuple
        return names, lambda item: (getattr(item, names[0]),), sequences
    return names, attrgetter(*names), sequences


_LAYOUTS = {cls: _layout(cls) for cls in (Citation, PaperEntry, Finding, SkippedFile)}


def from_repository_top(report: Report) -> Report:
    """The report with its files named from the top of their repository (`prefix` put before
    every path), as code scanning and code hosts name them."""
    if not report.prefix:
        return report
    head = report.prefix.rstrip("/") + "/"

    def moved(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(item, path=head + item.path) for item in items)

    return replace(
        report,
        citations=moved(report.citations),
        findings=moved(report.findings),
        suppressed=moved(report.suppressed),
        skipped=moved(report.skipped),
        fallbacks=moved(report.fallbacks),
        prefix="",
    )


def counted(number: int, noun: str) -> str:
    """`1 paper`, `2 papers`: a count and its noun (a regular plural)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def files_scanned(report: Report) -> int:
    """The files read for citations: those listed and not skipped (`stats.scanned`). The
    `files` count (every file of a known language) also holds the ones skipped as binary, too
    large, undecodable or unreadable."""
    return int(report.stats.get("scanned", report.stats.get("files", 0)))


def without_unknown_types(report: Report) -> Report:
    """The report without the skipped files of no known type: every listed file is in the saved
    scan, but summaries for people name only the files that could have cited something."""
    kept = tuple(s for s in report.skipped if s.reason != UNKNOWN_TYPE)
    if len(kept) == len(report.skipped):
        return report
    return replace(report, skipped=kept)
