"""Copyright lines and licence paragraphs are blanked, offsets kept; the prose beside is not."""

from __future__ import annotations

import re

import pytest

from scanner.parsers.licences import blank_licences


def test_copyright_lines_are_blanked_and_the_description_kept() -> None:
    text = (
        "  Copyright 2000-2002 Jane Roe.  All rights reserved.\n"
        "  (c) 2019 Someone Else\n"
        "  SPDX-License-Identifier: BSD-3-Clause\n"
        "  Implements the method of Smith et al. (2011).\n"
    )
    blanked = blank_licences(text)
    assert len(blanked) == len(text)
    assert blanked.split("\n")[:3] == [" " * 53, " " * 23, " " * 39]
    assert "Smith et al. (2011)" in blanked


def test_the_lines_going_on_with_a_copyright_lines_holders_are_blanked() -> None:
    text = (
        "   Copyright 2009-2011  Tidal Corporation;  Jane Roe\n"
        "             2012-2013  Ann Lind;  Bo Moss\n"
        "                        Cy Ode;   Go Tides Inc.\n"
        "             2014       Tide University (author: Di Ode)\n"
        "\n"
        "   Implements the method of Smith et al. (2011).\n"
    )
    blanked = blank_licences(text)
    assert len(blanked) == len(text)
    assert blanked.split("\n")[:4] == [" " * len(line) for line in text.split("\n")[:4]]
    assert "Smith et al. (2011)" in blanked
    # a sentence under a copyright line is the description, even indented
    text = "   Copyright 2011 Jane Roe\n      Smith 2011 gives the bound used here.\n"
    assert "Smith 2011 gives" in blank_licences(text)


def test_a_licence_paragraph_is_blanked_whole() -> None:
    terms = (
        "Permission is hereby granted, free of charge, to any person obtaining\n"
        'a copy of this software, provided "as is", without any warranty.\n'
    )
    text = terms + "\nSee Doe, J. (1999). A Title. J. Stuff.\n"
    blanked = blank_licences(text)
    assert blanked.strip() == "See Doe, J. (1999). A Title. J. Stuff."
    assert len(blanked) == len(text)


def test_a_javadoc_paragraph_mark_ends_the_licence_paragraph() -> None:
    # Javadoc separates paragraphs by a `<p>` line, not a blank one: the credit's licence words
    # must not blank the reference list of the same comment.
    text = (
        "   A sampler of covariance shapes.\n"
        "   <p>\n"
        "   Ported from the code by J. Roe at example.org, originally licensed under the GNU\n"
        "   LGPLv3.\n"
        "   <p>\n"
        "   References:\n"
        "   <ol>\n"
        "     <li>Roe, J. and Doe, A. (2004).  Sampling Covariance Shapes.  In Proceedings\n"
        "         of the Eighth Conference on Sampling, pp. 282-291.\n"
        "   </ol>\n"
    )
    blanked = blank_licences(text)
    assert len(blanked) == len(text)
    assert "originally licensed" not in blanked
    assert "Roe, J. and Doe, A. (2004).  Sampling Covariance Shapes." in blanked
    assert "A sampler of covariance shapes." in blanked
    # the same in a file with CRLF line ends
    crlf = blank_licences(text.replace("\n", "\r\n"))
    assert "Sampling Covariance Shapes." in crlf and "originally licensed" not in crlf


def test_a_short_paragraph_loses_only_its_licence_line() -> None:
    text = "Licensed under the MIT licence.\nImplements Smith (2011).\n"
    assert blank_licences(text) == " " * 31 + "\nImplements Smith (2011).\n"


def test_prose_without_legal_wording_is_returned_as_is() -> None:
    text = "A revision of the estimator by Smith (2011), with permission to vary h.\n"
    assert blank_licences(text) is text


def test_a_text_blanked_again_is_not_searched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # A tree repeats its licence header in every file: the second file's copy is the first's
    # blanked text, found without running the patterns again.
    from scanner.parsers import licences

    header = "Copyright 2024 The Roe Authors. All Rights Reserved.\nLicensed under the X.\n"
    first = blank_licences(header)
    calls: list[str] = []
    blanked = licences._blanked  # what runs the patterns
    monkeypatch.setattr(licences, "_blanked", lambda text: calls.append(text) or blanked(text))
    assert blank_licences(str(header.encode().decode())) == first
    assert calls == []
    assert blank_licences(header + "\nImplements Smith (2011).\n").endswith("Smith (2011).\n")
    assert calls


def test_an_ascii_text_is_blanked_as_the_case_insensitive_patterns_blank_it() -> None:
    """An ASCII text is read lowered, its patterns without `(?i)` (`_blanked_ascii`): the same
    spans blanked as the case-insensitive patterns over the text itself, on licence words in
    any case, paragraph marks and copyright lines in any mix."""
    import random

    from scanner.parsers import licences

    # Lowering a pattern must leave its escapes as they are (`\\S` is not `\\s`).
    assert not re.search(r"\\[A-Z]", licences._LEGAL_TERMS)

    def general(text: str) -> str:
        if licences._LEGAL_TERMS_PATTERN.search(text) is not None:
            text = licences._PARAGRAPH_PATTERN.sub(licences._blank_legal_paragraph, text)
        return licences._LEGAL_LINE_PATTERN.sub(licences._blank, text)

    pieces = [
        "Copyright 2001 Jane Roe", "(C) 2019 Foo", "All Rights Reserved.", "SPDX-License-Id: MIT",
        "PERMISSION is hereby granted", "Licensed Under The X", "LICENCE, version 2",
        'provided "AS IS"', "without any warranty", "GNU General Public License",
        "u.s. government", "C.F.R. 1995", "Revision 2003", "<P>", "</para>", "<br/>", "  ",
        "Smith (2011) A Title", "\t", "  * ", "//", "\r", "\n", "\n\n", "           Ann Lind;",
    ]  # fmt: skip
    rng = random.Random(3)
    for _ in range(20000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert licences._blanked_ascii(text) == general(text), repr(text)


def test_the_bsd_no_endorsement_clause_is_blanked_with_its_institutions() -> None:
    # its list of institutions reads like authors and titles (`..., Lakeside National
    # Security, LLC., Riverbend National Security, LLC., ...`), with no copyright line near
    clause = (
        "    3. Neither the name of the Example Alliance for Fluid Research, U.S.\n"
        "          Dept. of Energy, Pine Ridge Institute for Science and Education (WRISE),\n"
        "          Lakeside National Security, LLC., Riverbend National Security,\n"
        "          LLC., the University of Westfield, nor the names of its contributors\n"
        "          may be used to endorse or promote products derived from this software\n"
        "          without specific prior written permission.\n"
    )
    text = clause + "\n    Implements the method of Smith et al. (2011).\n"
    blanked = blank_licences(text)
    assert len(blanked) == len(text)
    assert blanked.strip() == "Implements the method of Smith et al. (2011)."
