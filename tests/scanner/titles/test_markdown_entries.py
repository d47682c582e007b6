"""Entries as Markdown documents write them: footnotes one after another (`[^2]:`), titles set
in emphasis with `*` or `_`, and a title in emphasis followed by its author."""

from __future__ import annotations

from pathlib import Path

from scanner import ScanOptions
from scanner.scan import scan_file

NOTES = """\
# Meshes

Halfedge meshes can represent any complex[^1]; the discrete operator[^2] and the
sorted triangulations[^3] need them.

[^1]: see Section 2.1 of *Algebraic Topology* by Allen Hatcher

[^2]: Lind, Ada I., and Boris A. Vale. _A discrete operator for simplicial meshes._ Discrete
& Computational Geometry (2007)
[^3]: Holm, Nicholas and Berg, Yousuf.  _Navigating Sorted Triangulations_.  ACM Graph. (2019)
"""


def _titles(tmp_path: Path) -> dict[int, tuple[str | None, tuple[str, ...]]]:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    scan = scan_file(tmp_path, "notes.md", ScanOptions(cache=False))
    return {
        m.line: (m.reference.title, m.reference.authors)
        for m in scan.mentions
        if m.reference is not None
    }


def test_a_title_in_emphasis_before_its_author_is_a_title(tmp_path: Path) -> None:
    assert _titles(tmp_path)[6] == ("Algebraic Topology", ("Allen Hatcher",))


def test_footnotes_one_after_another_are_two_entries_with_underscored_titles(
    tmp_path: Path,
) -> None:
    titles = _titles(tmp_path)
    assert titles[8][0] == "A discrete operator for simplicial meshes"
    assert titles[10] == (
        "Navigating Sorted Triangulations",
        ("Holm, Nicholas", "Berg, Yousuf"),
    )
