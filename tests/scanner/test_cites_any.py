"""`cites_any`, the question a parser asks before reading a file's structure: the same answer
as `find_hits` over every block, asked identifiers first."""

from __future__ import annotations

import itertools

import pytest

import scanner.extract as extract
from scanner.extract import cites_any, find_hits
from scanner.options import TitleScope

IDENTIFIER = "The method follows arXiv:1706.03762, section 3."
ENTRY = (
    "References\n----------\n"
    ".. [1] Smith, J. and Jones, K. (2011). A fast method for sparse linear solvers.\n"
    "   Journal of Computational Mathematics, 3, 1-10.\n"
)
EXAMPLES = ENTRY + "\nExamples\n--------\n>>> solve(a, b)\narray([1., 2.])\n"
PLAIN = "Compute the sum of the array along the given axis."
MALFORMED = "See arXiv:9999.99999999 for the details."
TEXTS = (IDENTIFIER, ENTRY, EXAMPLES, PLAIN, MALFORMED)


def test_the_texts_cover_each_case() -> None:
    find_hits.cache_clear()
    assert find_hits(IDENTIFIER, TitleScope.NONE)
    assert find_hits(ENTRY) and not find_hits(ENTRY, TitleScope.NONE)
    assert not find_hits(PLAIN)


@pytest.mark.parametrize("scope", list(TitleScope))
@pytest.mark.parametrize("size", [0, 1, 2, 3])
def test_same_answer_as_any_find_hits(scope: TitleScope, size: int) -> None:
    for texts in itertools.permutations(TEXTS, size):
        find_hits.cache_clear()
        expected = any(find_hits(text, scope) for text in texts)
        find_hits.cache_clear()
        assert cites_any(list(texts), scope) is expected, (texts, scope)


def test_an_identifier_anywhere_settles_it_without_the_title_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unread(text: str) -> list[object]:
        raise AssertionError(f"the title detector read {text!r}")

    find_hits.cache_clear()
    monkeypatch.setattr(extract, "find_citations", unread)
    assert cites_any([PLAIN, ENTRY, IDENTIFIER])
    find_hits.cache_clear()
