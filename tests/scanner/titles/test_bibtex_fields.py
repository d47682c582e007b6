"""The fields of a BibTeX entry pasted into a comment."""

from __future__ import annotations

from scanner.titles.bibtex import bibtex_entries


def test_an_authors_protecting_braces_are_no_part_of_the_name() -> None:
    text = (
        "    @ARTICLE{Okafor2008,\n"
        "        author = {{Okafor}, Jide and {van der Lind}, Ada and R{\\o}ssler, Bo and"
        ' M\\"{u}\\ss{}ler, Jo and Xin{-}Tide Yang},\n'
        '        title = "{Tide stacks of axisymmetric galaxies}",\n'
        "        year = 2008,\n"
        "    }\n"
    )
    [(_, _, fields)] = bibtex_entries(text, 0, len(text))
    # an accent's braces are left to the characters reader
    assert fields.authors == (
        "Okafor, Jide",
        "van der Lind, Ada",
        "R{\\o}ssler, Bo",
        'M\\"{u}\\ss{}ler, Jo',
        "Xin-Tide Yang",
    )
