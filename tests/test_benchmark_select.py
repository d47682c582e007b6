"""The twenty-second set's draw: which files carry a reference list (`has_reference_list`)."""

from __future__ import annotations

import pytest

from benchmarks.select_reference_files import has_reference_list

WITH_LIST = [
    # a numpy-style section heading
    'def f():\n    """Do it.\n\n    References\n    ----------\n    .. [1] A. Writer.\n    """\n',
    # a Google-style heading with its colon
    "    References:\n        Writer, A. (2001). On things.\n",
    # three entry-like lines near each other, without a heading
    "/* A. Writer (1990): On things, Proc. Meeting.\n"
    " * B. Author, Journal of Stuff 12, 1991.\n"
    " * [3] C. Third, pp. 1-10, 1992.\n */\n",
]
WITHOUT_LIST = [
    "# Copyright (C) 2013 A. Writer\n# version 2013-08-23\n",
    # one entry alone is a citation, not a list
    "/* See A. Writer (1990): On things, Proc. Meeting. */\n",
    # entry-like lines too far apart
    "// A. Writer (1990), Proc. Meeting\n"
    + "x = 1\n" * 50
    + "// B. Author, Journal 1991\n"
    + "y = 2\n" * 50
    + "// C. Third, pp. 1-10, 1992\n",
]


@pytest.mark.parametrize("text", WITH_LIST)
def test_a_heading_or_three_entries_make_a_reference_list(text: str) -> None:
    assert has_reference_list(text)


@pytest.mark.parametrize("text", WITHOUT_LIST)
def test_licence_lines_and_lone_entries_make_none(text: str) -> None:
    assert not has_reference_list(text)
