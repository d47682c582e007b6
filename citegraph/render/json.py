"""The JSON scan document (`--format json`) and one citation per line (`--format jsonl`)."""

from __future__ import annotations

import json
from dataclasses import asdict

from citegraph.render import RenderOptions
from citegraph.report import Report


class JsonRenderer:
    """The whole report as one JSON document; `citegraph report` reads it back."""

    name = "json"
    extension = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return the scan document, pretty-printed with a stable key order."""
        # Compact: `indent` switches json to its pure-Python encoder, several times slower on
        # the report of a large repository (pipe it through `jq` to read it).
        return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


class JsonLinesRenderer:
    """One JSON object per citation site, for streaming into other tools."""

    name = "jsonl"
    extension = ".jsonl"

    def render(self, report: Report, options: RenderOptions) -> str:
        """Return one compact JSON line per citation, in file order."""
        lines = []
        for citation in report.citations:
            record = asdict(citation)
            record["authors"] = list(citation.authors)
            lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        return "".join(line + "\n" for line in lines)
