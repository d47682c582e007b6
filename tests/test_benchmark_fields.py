"""The entry-field check of benchmarks/entry_fields.py: each kind of suspicious field is flagged,
and a well-read entry is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.entry_fields import check, main

ENTRY = (
    'def f():\n    """Rates.\n\n'
    "    C. Chevallier and D. Polarski. Accelerating universes with scaling dark matter.\n"
    "        International Journal of Modern Physics D, 10(2):213-223, 2001.\n"
    '    """\n'
)


def _citation(**fields: object) -> dict[str, object]:
    return {
        "path": "m.py",
        "line": 4,
        "end_line": 5,
        "raw": "C. Chevallier",
        "paper": "title:accelerating universes with scaling dark matter",
        "title_hint": "Accelerating universes with scaling dark matter",
        "authors": ["C. Chevallier", "D. Polarski"],
        "year": 2001,
        "venue": "International Journal of Modern Physics D",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({}, None),
        ({"venue": "Journal of Modern Physics D"}, "venue-truncated"),
        ({"venue": "Review E"}, "venue-fragment"),
        ({"venue": "University Press"}, "venue-fragment"),
        ({"venue": "arXiv preprint arXiv:1412."}, "venue-identifier"),
        ({"venue": "A. Bonato and F. Chung (Eds)"}, "venue-editors"),
        ({"year": 2010}, "year-not-written"),
        ({"title_hint": "/abs/Accelerating universes"}, "title-slash"),
        ({"authors": ["Information Processing Letters"]}, "author-not-a-name"),
    ],
)
def test_each_kind_of_suspicious_field(
    tmp_path: Path, fields: dict[str, object], problem: str | None
) -> None:
    (tmp_path / "m.py").write_text(ENTRY, encoding="utf-8")
    document = {"root": str(tmp_path), "citations": [_citation(**fields)]}
    ((_, found),) = list(check([document]))
    assert found == ([problem] if problem else [])


def test_command_prints_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "m.py").write_text(ENTRY, encoding="utf-8")
    document = {"root": str(tmp_path), "citations": [_citation(), _citation(venue="Press")]}
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps(document), encoding="utf-8")
    assert main([str(scan), "--show", "all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 suspicious of 2 citations with fields (1 of 1 papers)")
    assert "venue-fragment" in out and "m.py:4" in out
