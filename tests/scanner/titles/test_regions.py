"""Regions: the line-anchored patterns tried only where they can match find what a search finds."""

from __future__ import annotations

import random
import re

import pytest

from scanner.titles import find_citations, sections
from scanner.titles.leads import line_leads

ATOMS = (
    "\n", " ", "\t", "  ", "[1]", "[ 12 ]", ".. [Smith2003]", "..", "1.", "\u0661.", "2)", "(3)",
    "(", "-", "*", "\u2022", "@see", "\\cite", "<li>", "< li class=x>", "References",
    "REFERENCE", "\u017fources", "Sources:", "\n---", "\n====", "Examples", "Notes", "See Also",
    "Parameters", " [Ab2003] ", "Foo", '"Title"', "x", ":", "<h2>", "</h2>", "**", "# ", "## ",
    ".. rubric::", "@par ", "\\par ", "Further reading", "[", "<", "Bibliography", "\n\n",
    "[Ab:2003]", "[Lee 2019]",
)  # fmt: skip


def _searched(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    """The regions as a plain search of every pattern finds them."""
    with monkeypatch.context() as patch:
        for name in ("_HEADER_LEADS", "_MARKER_LEADS", "_NEXT_SECTION_LEADS"):
            patch.setattr(sections, name, None)
        return sections.regions.__wrapped__(text)


def test_the_patterns_are_read_for_their_leads() -> None:
    for pattern in (sections._HEADER, sections._MARKER, sections._NEXT_SECTION):
        assert line_leads(pattern) is not None, pattern.pattern


def test_regions_are_those_a_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    picked = random.Random(20)
    texts = [
        "Notes\n-----\nSee [1]_.\n\nReferences\n----------\n.. [1] A. Smith, Title, 1999.\n"
        "(2) B. Jones, Other, 2001.\n  3. C. Lee\n\u0663) D. Wu\n<li> E. Fox </li>\nExamples\n",
        "  .. rubric:: References\n\n  [Ab2003] Ab, Title.\n\t- item\n\t* item\n@see Foo",
        "<h2>Further reading</h2>\n**Bibliography**\n## Sources\n\\par Literature",
    ]
    texts += [
        "".join(picked.choice(ATOMS) for _ in range(picked.randint(0, 30))) for _ in range(3000)
    ]
    for text in texts:
        assert sections.regions.__wrapped__(text) == _searched(text, monkeypatch), text


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?m)^\s*x",  # blanks that may cross a line
        r"(?m)^[ \t]*x",  # blanks a match may give back
        r"(?m)^[ \t]*(?![ \t])(?i:x)",  # a case the character class would not fold
        r"(?m)^[ \t]*(?![ \t])\w+",  # a first character that cannot be listed
        r"(?m)^[ \t]*(?![ \t])x|\w",
    ],
)
def test_other_forms_are_searched_as_they_are(pattern: str) -> None:
    assert line_leads(re.compile(pattern)) is None


@pytest.mark.parametrize("label", ["Input:", "Inputs:", "Output:", "Args:", "Arguments:"])
def test_a_google_style_section_is_no_part_of_the_entry_above(label: str) -> None:
    (hit,) = find_citations(
        "    This function runs the seasonal trend test (Lind, R. M., Vale, J. R. 1984).\n"
        f"    {label}\n"
        "        x:   a vector of data\n"
        "        period: seasonal cycle. For monthly data it is 12 (the default)\n"
    )
    assert hit.title_hint is None
