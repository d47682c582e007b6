"""How `citegraph diff` writes a `ReportDiff`: plain text, JSON, or a pull-request comment."""

from __future__ import annotations

import json
from dataclasses import asdict

from citegraph.diffing import Move, ReportDiff, Site
from citegraph.render import RenderOptions
from citegraph.render.markdown import escape_md
from citegraph.report import PaperEntry
from scanner import GENERATED_MARKER

GENERATED_COMMENT = GENERATED_MARKER + " diff -->"


def _name(paper: PaperEntry) -> str:
    title = paper.title or paper.title_hint
    return f"{paper.key} ({title})" if title else paper.key


def _also(site: Site) -> str:
    return f" (also {', '.join(map(str, site.also_lines))})" if site.also_lines else ""


def _was(move: Move) -> str:
    return f" (was {move.old_symbol})" if move.old_symbol else ""


class DiffTextRenderer:
    """A plain-text account of the diff."""

    name = "text"
    extension = ".txt"

    def render(self, diff: ReportDiff, options: RenderOptions) -> str:
        """Return the account."""
        return _text(diff)


def _text(diff: ReportDiff) -> str:
    lines = [diff.summary()]
    lines += [f"+ paper {_name(p)}" for p in diff.added_papers]
    lines += [f"- paper {_name(p)}" for p in diff.removed_papers]
    lines += [f"+ {s.path}:{s.line}{_also(s)} {s.symbol} cites {s.paper}" for s in diff.added_sites]
    # A removed site's line is the base's, as a `-` line of a unified diff is.
    lines += [
        f"- {s.path}:{s.line}{_also(s)} {s.symbol} no longer cites {s.paper}"
        for s in diff.removed_sites
    ]
    lines += [
        f"~ {m.symbol} moved {m.old_path} -> {m.new_path}{_was(m)} ({m.paper})"
        for m in diff.moved_sites
    ]
    return "\n".join(lines) + "\n"


class DiffJsonRenderer:
    """The diff as JSON, with the one-line summary."""

    name = "json"
    extension = ".json"

    def render(self, diff: ReportDiff, options: RenderOptions) -> str:
        """Return the JSON document."""
        data = {"summary": diff.summary(), **asdict(diff)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


class DiffMarkdownRenderer:
    """A pull-request comment."""

    name = "markdown"
    extension = ".md"

    def render(self, diff: ReportDiff, options: RenderOptions) -> str:
        """Return the comment, cut to fit GitHub's limit on a comment's length."""
        return _markdown(diff)


# GitHub refuses a pull-request comment longer than this many characters ('Body is too long'):
# a change that adds a vendored library cites hundreds of papers.
MAX_COMMENT_CHARS = 65_536
_NOTE_ROOM = 300


def _markdown(diff: ReportDiff, limit: int = MAX_COMMENT_CHARS) -> str:
    # The marker keeps a saved comment (e.g. citegraph-report/diff.md) out of later scans.
    head = [GENERATED_COMMENT, "### Paper citations", "", escape_md(diff.summary()), ""]
    # (line, kind): "paper" and "site" lines are counted when some are cut
    body: list[tuple[str, str]] = []
    if diff.added_papers:
        body += [("**Newly cited**", ""), ("", "")]
        body += [(f"- {escape_md(_name(p))}", "paper") for p in diff.added_papers]
        body.append(("", ""))
    if diff.removed_papers:
        body += [("**No longer cited**", ""), ("", "")]
        body += [(f"- {escape_md(_name(p))}", "paper") for p in diff.removed_papers]
        body.append(("", ""))
    rows = [("added", f"{s.path}:{s.line}{_also(s)}", s.symbol, s.paper) for s in diff.added_sites]
    rows += [
        ("removed", f"{s.path}:{s.line}{_also(s)}", s.symbol, s.paper) for s in diff.removed_sites
    ]
    rows += [
        ("moved", f"{m.old_path} → {m.new_path}", m.symbol + _was(m), m.paper)
        for m in diff.moved_sites
    ]
    if rows:
        body += [("| change | where | symbol | paper |", ""), ("|---|---|---|---|", "")]
        body += [
            (f"| {a} | {escape_md(b)} | {escape_md(c)} | {escape_md(d)} |", "site")
            for a, b, c, d in rows
        ]
    document = "\n".join(head + [line for line, _ in body]).rstrip() + "\n"
    if len(document) <= limit:
        return document
    size = len("\n".join(head)) + 1 + _NOTE_ROOM
    kept: list[str] = []
    for line, _ in body:
        size += len(line) + 1
        if size > limit:
            break
        kept.append(line)
    cut = body[len(kept) :]
    papers = sum(kind == "paper" for _, kind in cut)
    sites = sum(kind == "site" for _, kind in cut)
    note = (
        f"_Cut to fit GitHub's {limit:,}-character limit on a comment: {papers} of"
        f" {len(diff.added_papers) + len(diff.removed_papers)} papers and {sites} of"
        f" {len(rows)} citation sites are not shown; `citegraph diff -f json` lists them all._"
    )
    return "\n".join(head + kept).rstrip() + "\n\n" + note + "\n"
