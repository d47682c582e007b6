"""`find_spaced` finds a phrase whatever whitespace its words are wrapped with."""

from __future__ import annotations

import random
import re

from scanner.titles.fields import find_spaced


def _by_pattern(text: str, phrase: str, start: int, end: int | None) -> tuple[int, int]:
    if not phrase.split():
        return -1, -1
    pattern = re.compile(r"\s+".join(re.escape(word) for word in phrase.split()))
    match = pattern.search(text, start, len(text) if end is None else end)
    return (match.start(), match.end()) if match else (-1, -1)


def test_wrapped_title() -> None:
    text = "[1] A. Smith, A Fast\n    Algorithm for Sorting, 1999"
    assert find_spaced(text, "A Fast Algorithm for Sorting") == (14, 46)
    assert find_spaced(text, "A Fast Algorithm", 0, 20) == (-1, -1)
    assert find_spaced(text, "  ") == (-1, -1)


def test_same_spans_as_the_pattern() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("ab \n\t\xa0c.") for _ in range(rng.randint(0, 14)))
        phrase = "".join(rng.choice("ab \nc.") for _ in range(rng.randint(0, 6)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text)), len(text) + 3])
        assert find_spaced(text, phrase, start, end) == _by_pattern(text, phrase, start, end)
