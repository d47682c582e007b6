"""A bibliography key cited alone is the card of the entry it labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from catalog import Paper, Reference, Resolution, ResolutionStatus
from citegraph.config import Config
from citegraph.pipeline import run_scan

ENTRIES = '''"""
Tide stacks.

References
----------
-   :cite:`Okafor2015a` : Okafor, J., & Lind, K. (2015). Deep tide stacks of
    narrow basins. Journal of Tides, 3(2), 1-10. doi:10.5555/tides.2015a
-   :cite:`Okafor2015b` : Okafor, J. (2015). Shallow tide stacks of open
    shelves. Journal of Tides, 3(4), 11-20. doi:10.5555/tides.2015b
"""
'''


def cited(key: str) -> str:
    """A function whose docstring cites `key` alone."""
    return (
        '\n\ndef stack():\n    """\n    Stack.\n\n    References\n    ----------\n'
        f'    :cite:`{key}`\n    """\n'
    )


def cards(tree: Path) -> dict[str, set[tuple[str, int]]]:
    report = run_scan(tree, Config(resolve=False))
    found: dict[str, set[tuple[str, int]]] = {}
    for citation in report.citations:
        found.setdefault(citation.paper, set()).add((citation.path, citation.line))
    return found


def test_a_key_cited_alone_is_the_card_of_its_entry_in_any_file(tmp_path: Path) -> None:
    # two works of one surname and year: read as "Okafor 2015", the keys made one card of both
    (tmp_path / "tides.py").write_text(ENTRIES + cited("Okafor2015a"))
    (tmp_path / "shelves.py").write_text(cited("Okafor2015b"))
    assert cards(tmp_path) == {
        "doi:10.5555/tides.2015a": {("tides.py", 6), ("tides.py", 19)},
        "doi:10.5555/tides.2015b": {("tides.py", 8), ("shelves.py", 9)},
    }


def test_a_key_that_labels_two_works_names_neither(tmp_path: Path) -> None:
    (tmp_path / "tides.py").write_text(ENTRIES + cited("Okafor2015a"))
    # another module labels another work with the same key
    (tmp_path / "basins.py").write_text(
        ENTRIES.replace("Okafor2015b", "Okafor2015c").replace("Okafor2015a", "Okafor2015b")
        + cited("Okafor2015b")
    )
    found = cards(tmp_path)
    # (the key's own card, by its surname, year and the year's letter)
    assert ("basins.py", 19) in found["author-year:okafor-2015b"]


class GuessingResolver:
    """Resolves the surname and year a key reads as to some paper of that surname and year,
    and the entries' DOIs to nothing (no service knows them)."""

    def resolve(
        self, references: Sequence[Reference], warn: Callable[[str], None]
    ) -> dict[str, Resolution]:
        guess = Paper("doi:10.5555/guess", title="Open Shelves", authors=("Okafor, J.",), year=2015)
        return {
            r.key: Resolution(r.key, ResolutionStatus.RESOLVED, guess, confidence=0.9)
            if r.key.startswith("author-year:")
            else Resolution(r.key, ResolutionStatus.NOT_FOUND)
            for r in references
        }


def test_a_cards_metadata_is_not_what_a_key_cited_alone_resolved_to(tmp_path: Path) -> None:
    (tmp_path / "tides.py").write_text(ENTRIES + cited("Okafor2015a"))
    report = run_scan(tmp_path, Config(), resolver=GuessingResolver())
    card = next(p for p in report.papers if p.key == "doi:10.5555/tides.2015a")
    assert (card.title, card.title_hint) == (None, "Deep tide stacks of narrow basins")
