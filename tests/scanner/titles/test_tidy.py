"""The repairs of `scanner.titles.tidy` that read text without compiling a pattern per entry."""

from __future__ import annotations

import re

import pytest

from scanner.titles.tidy import _year_places, ends_listing

CASES = [
    ("See Jane Roe and", "Jane Roe"),
    ("See Jane Roe,", "Jane Roe"),
    ("See Jane Roe &  \t", "Jane Roe"),
    ("See Jane Roe \t and \t", "Jane Roe"),
    ("See Jane Roeand", "Jane Roe"),
    ("See Jane Roe and\n", "Jane Roe"),
    ("See Jane Roe and John", "Jane Roe"),
    ("See Jane Roe", "Jane Roe"),
    ("See Jane Roe and and", "Jane Roe"),
    ("Jane Roe,", "Jane Roe"),
    (",", ""),
    ("x", ""),
    ("Roe ,", "Roe "),
    ("Roe  ,", "Roe "),
    ("Roe,", "Roe "),
    ("A. Roe.,", "A. Roe."),
    ("A (Roe) &", "(Roe)"),
    ("Roe\t,", "Roe\t"),
    ("Roe", "Roe"),
    ("", "Roe"),
]


@pytest.mark.parametrize(("text", "name"), CASES)
def test_a_list_ending_in_the_name_is_what_the_pattern_finds(text: str, name: str) -> None:
    pattern = re.escape(name) + r"[ \t]*(?:,|and|&)[ \t]*\Z"
    assert ends_listing(text, name) is (re.search(pattern, text) is not None)


def test_a_year_is_found_where_the_pattern_finds_it() -> None:
    # Digits, other characters and Unicode digits (`٢`, `７`, which `\d` is too), in random
    # texts: the places of a year not after a digit are those the per-year pattern finds.
    import random

    rng = random.Random(11)
    alphabet = ["1", "9", "2", "0", "x", " ", "-", "٢", "７", "."]
    for _ in range(20_000):
        digits = "".join(rng.choice("1920") for _ in range(rng.choice((2, 4))))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        wanted = [m.start() for m in re.finditer(rf"(?<!\d){digits}", text)]
        assert _year_places(digits, text) == wanted, (digits, text)
