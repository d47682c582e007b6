"""The repairs of `scanner.titles.tidy` that read text without compiling a pattern per entry."""

from __future__ import annotations

import re

import pytest

from scanner.titles.tidy import ends_listing

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
