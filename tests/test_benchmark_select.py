"""The twenty-second, twenty-third and twenty-fifth sets' draws: which files carry a reference
list (`has_reference_list`), which pair an identifier with a name (`pairs_identifier_and_name`),
which name a work in words (`names_a_work`)."""

from __future__ import annotations

import pytest

from benchmarks.select_reference_files import (
    has_reference_list,
    names_a_work,
    pairs_identifier_and_name,
)

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


PAIRED = [
    # an author-year over its arXiv link
    '    """Fit it.\n\n    Writer et al. (2019) show how.\n'
    '    https://arxiv.org/abs/1901.00001\n    """\n',
    # a quoted title and its DOI three lines below
    '// "A Fast Method For Things"\n// Journal of Stuff.\n//\n// doi:10.1000/xyz123\n',
    # a year in the identifier's line, outside the link
    "/* Writer 2003, http://example.org/papers/writer03.pdf */\n",
    # an italic title beside a URL
    "#  *Sampling Random Things Quickly*, see https://example.org/abs/42\n",
]
UNPAIRED = [
    # the only year is inside the identifier
    "# https://arxiv.org/abs/2003.01234\n",
    # a version date is no year of a work
    "/*\nThing.js v5.0.0 10/1/2024\nhttps://example.org/article/things/\n*/\n",
    # licence lines carry years and links
    "# Copyright 2019 Someone\n# Licensed under http://www.apache.org/licenses/LICENSE-2.0\n",
    # a year too far from the link
    "# Writer (2001)\n" + "x = 1\n" * 4 + "# https://example.org/page\n",
]


@pytest.mark.parametrize("text", PAIRED)
def test_an_identifier_and_a_name_within_three_lines_pair(text: str) -> None:
    assert pairs_identifier_and_name(text)


@pytest.mark.parametrize("text", UNPAIRED)
def test_identifier_digits_dates_licences_and_distance_do_not_pair(text: str) -> None:
    assert not pairs_identifier_and_name(text)


NAMING = [
    # a bibliography label in a docstring
    '    """An implementation of the thing from [writer2019]_."""\n',
    # an author-year in prose
    "// as proposed by Writer et al. in their study\n",
    "# following Writer, 2003\n",
    # a reference list
    "    References:\n        A. Writer. On things.\n",
]
NOT_NAMING = [
    # an identifier alone
    "# https://arxiv.org/abs/2003.01234\n",
    # no work at all
    "def f(x):\n    return x + 2019\n",
]


@pytest.mark.parametrize("text", NAMING)
def test_a_label_a_textual_cue_or_a_list_name_a_work(text: str) -> None:
    assert names_a_work(text)


@pytest.mark.parametrize("text", NOT_NAMING)
def test_identifiers_and_numbers_alone_name_no_work(text: str) -> None:
    assert not names_a_work(text)
