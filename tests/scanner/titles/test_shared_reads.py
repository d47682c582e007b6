"""The entry readers several detector readers share: each text is read once, as it was read anew.

An entry's author list, venue, volume, pages and year are read by each reader that reads the
entry (author-first, title-first, quoted and author-year readings, the tagger's combination,
tidying, vetting); these readers are pure functions of their text, kept by text so that a second
reader gets the first one's answer. The answers must be what a fresh read gives, and values no
caller can change in place.
"""

from __future__ import annotations

from typing import Any

import pytest

from scanner.titles import entries, fields, inquotes, names

# Synthetic pieces of entries, as the readers hand them over.
_TEXTS = (
    "J. Smith, A. B. Jones and C. Lee",
    "Smith, J., Jones, A. B., et al.",
    "Deb, Pratab, Agarwal, and Meyarivan",
    "Welch, Bernard Lewis",
    "Maaten, L. Van Der and Hinton, G.",
    "The Annals of Statistics, 12(3):651-675, 1984",
    "*Information Processing Letters*, vol. 26, pp. 363-372",
    "J. Comput. Phys. 3, 2039 (2012)",
    "Fast Sketches of Tidal Streams",
    "  Fast sketches\n   of tidal streams, ",
    "Fast Sketches by A. Lind and B. Moss, 2019",
    "",
)

# (lru_cache's wrappers: `__wrapped__` is the reader itself)
_READERS: tuple[tuple[str, Any], ...] = (
    ("split_authors", names.split_authors),
    ("opens_with_non_name", names.opens_with_non_name),
    ("clean_venue", fields.clean_venue),
    ("first_year", fields.first_year),
    ("volume_of", fields.volume_of),
    ("pages_of", fields.pages_of),
    ("entry_inside", inquotes.entry_inside),
)


def _frozen(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_frozen(item) for item in value)
    return value is None or isinstance(value, (str, int, bool))


@pytest.mark.parametrize(("name", "reader"), _READERS, ids=[name for name, _ in _READERS])
def test_a_shared_read_is_a_fresh_read(name: str, reader: Any) -> None:
    fresh = reader.__wrapped__  # the reader itself, without the texts it keeps
    for text in _TEXTS:
        first = reader(text)
        assert first == fresh(text), (name, text)
        assert reader(text) == first, (name, text)
        assert _frozen(first), (name, text, first)


def test_a_shared_title_read_is_a_fresh_read() -> None:
    fresh = entries._clean_title.__wrapped__
    for text in _TEXTS:
        for quoted in (False, True):
            read = entries._clean_title(text, quoted)
            assert read == fresh(text, quoted)
            assert entries._clean_title(text, quoted) == read
            assert _frozen(read)
