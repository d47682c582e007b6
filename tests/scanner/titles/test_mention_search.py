"""The author-year reader's search for a mention before a year (`inline._mention_search`)."""

from __future__ import annotations

import random

from scanner.titles import inline
from scanner.titles.inline import author_year


def _found(match: object) -> object:
    return None if match is None else (match.span(), match.groupdict())  # type: ignore[attr-defined]


def test_the_mention_search_finds_what_the_mention_pattern_finds() -> None:
    """Windows with no place where names can end before a year's forms are not searched: the
    same mentions as the pattern's own search, on windows made of names in every form (glued
    to words, with particles, accents, apostrophes, initials, `et al`), prose, other
    capitalized words and the year's forms, read from random bounds."""
    names = [
        "Smith", "J. Smith", "Smith, J.", "Smith, J. A.", "van der Merwe", "d'Aspremont",
        "O'Neil", "Mellor-Crummey", "Sobol'", "Dugue\u0301", "Ph. Tsai", "CROCHEMORE M",
        "Cai, T. Tony;", "Kinderman, A.J.", "Fabio Luporini", "\u03b1lpha", "xSmith",
        "Smithand", "K\u00f6nig", "\u00c9mile", "Li\u00b2",
    ]  # fmt: skip
    joins = [", ", " and ", " & ", "; ", ",\n  ", " ", "-", ""]
    etal = ["", " et al.", " et al", " et.al.", ", et al."]
    years = [
        " (2011)", " 2011", ", 2011", "'s paper of 2004", " [2011]", " (JASA 1988)",
        " (1980 MWR)", ", (2004)", " Technometrics 1999", " PRA (2019)", ", vol 83 (1988)",
        " (Statistical Science, 1986)", "'s 2004", " 2011b", " 20111", " 2011/12", " (2011::",
    ]  # fmt: skip
    prose = [
        "since", "the method of", "In", "See", "Copyright", "we use", "version 2.0", "(see",
        "C++", "page 12", "Table 3", "\n", "  ", "x", "\u2003", "\u03b2", "\u00e9t\u00e9",
    ]  # fmt: skip
    rng = random.Random(24)
    found = searched = skipped = 0
    for _ in range(20_000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.45:
                parts.append(rng.choice(names))
                parts.append(rng.choice(joins))
            elif kind < 0.6:
                parts.append(rng.choice(etal))
            elif kind < 0.8:
                parts.append(rng.choice(years))
            else:
                parts.append(rng.choice(prose) + " ")
        text = "".join(parts)
        start = rng.randint(0, min(4, len(text)))
        end = rng.choice([len(text), rng.randint(start, len(text))])
        want = inline.AUTHOR_YEAR.search(text, start, end)
        assert _found(inline._mention_search(text, start, end)) == _found(want), (text, start, end)
        found += want is not None
        skipped += inline._MENTION_END.search(text, start, end) is None
        searched += 1
    # Both sides are exercised: mentions found, and windows left unsearched.
    assert found > 1_500 and skipped > 2_000, (found, skipped, searched)


def test_a_mention_in_prose_is_still_found() -> None:
    text = "The estimator follows Smith et al. (2011), and not the one of 1999."
    assert [(a, b) for a, b, _, _ in author_year(text, 0, len(text))] == [(22, 41)]
