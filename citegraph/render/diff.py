"""How `citegraph diff` writes a `ReportDiff`: plain text, JSON, or a pull-request comment."""

from __future__ import annotations

import json
from dataclasses import asdict

from citegraph.diffing import ReportDiff, Site
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
    lines += [f"- {s.path} {s.symbol} no longer cites {s.paper}" for s in diff.removed_sites]
    lines += [
        f"~ {m.symbol} moved {m.old_path} -> {m.new_path} ({m.paper})" for m in diff.moved_sites
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
        """Return the comment."""
        return _markdown(diff)


def _markdown(diff: ReportDiff) -> str:
    # The marker keeps a saved comment (e.g. citegraph-report/diff.md) out of later scans.
    lines = [GENERATED_COMMENT, "### Paper citations", "", escape_md(diff.summary()), ""]
    if diff.added_papers:
        lines += ["**Newly cited**", ""] + [f"- {escape_md(_name(p))}" for p in diff.added_papers]
        lines.append("")
    if diff.removed_papers:
        lines += ["**No longer cited**", ""]
        lines += [f"- {escape_md(_name(p))}" for p in diff.removed_papers]
        lines.append("")
    rows = [("added", f"{s.path}:{s.line}{_also(s)}", s.symbol, s.paper) for s in diff.added_sites]
    rows += [("removed", s.path, s.symbol, s.paper) for s in diff.removed_sites]
    rows += [("moved", f"{m.old_path} → {m.new_path}", m.symbol, m.paper) for m in diff.moved_sites]
    if rows:
        lines += ["| change | where | symbol | paper |", "|---|---|---|---|"]
        lines += [
            f"| {a} | {escape_md(b)} | {escape_md(c)} | {escape_md(d)} |" for a, b, c, d in rows
        ]
    return "\n".join(lines).rstrip() + "\n"
