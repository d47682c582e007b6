"""Doctest examples (prompt, continuation and output lines) are blanked, offsets kept."""

from __future__ import annotations

from scanner.parsers.doctests import blank_doctests


def test_examples_and_their_output_are_blanked_up_to_a_blank_line() -> None:
    text = (
        "Prose, Smith (2011).\n"
        "    >>> f(title='Quoted Title')\n"
        "    ... more(2013)\n"
        "    Yankees 2007\n"
        "\n"
        "Prose again, Doe (2019).\n"
    )
    blanked = blank_doctests(text)
    assert len(blanked) == len(text)
    assert blanked.split("\n") == [
        "Prose, Smith (2011).",
        " " * 31,
        " " * 18,
        " " * 16,
        "",
        "Prose again, Doe (2019).",
        "",
    ]


def test_a_prompt_ends_the_previous_output() -> None:
    text = ">>> a\n1\n>>> b\n2\n\nafter"
    assert blank_doctests(text).split("\n")[-1] == "after"
    assert blank_doctests(text).strip() == "after"


def test_text_without_a_prompt_is_returned_as_is() -> None:
    text = "Arrows >>>> and quotes >>>x are no prompts (Smith, 2011).\n"
    assert blank_doctests(text) is text
    assert blank_doctests("a >>>> b\n") == "a >>>> b\n"
