"""How an output writes a work's authors."""

from __future__ import annotations

from collections.abc import Sequence


def author_list(authors: Sequence[str], shown: int) -> str:
    """The first `shown` authors, then "et al." for the rest. Names written family name
    first ("Schubert, Erich") are set apart by semicolons: with commas, "Schubert, Erich,
    Michael Gertz" reads as three people."""
    separator = "; " if any("," in name for name in authors[:shown]) else ", "
    return separator.join(authors[:shown]) + (" et al." if len(authors) > shown else "")
