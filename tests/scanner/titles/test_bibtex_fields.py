"""The fields of a BibTeX entry pasted into a comment."""

from __future__ import annotations

from scanner.titles import find_citations
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


def test_an_entry_whose_long_title_the_model_reads_no_title_in_still_cites() -> None:
    # a title over three lines, TeX math at its end: the entry's labelled fields stand
    text = (
        "The BibTeX entry for the paper is::\n\n"
        "    @ARTICLE{Okafor2023,\n"
        "        author = {Okafor, Jide},\n"
        '        title = "{Full tide fitting with gauges in TIDES: stellar tides\n'
        "            versus dynamical masses, non-parametric tide formation history and\n"
        '            salinity for 3200 LEGA-C estuaries at redshift $z\\approx0.8$}",\n'
        "        journal = {MNRAS},\n"
        "        eprint = {2208.00001},\n"
        "        year = 2023,\n"
        "        volume = 526,\n"
        "        pages = {3273-3300},\n"
        "    }\n"
    )
    [hit] = find_citations(text)
    assert hit.reference is not None
    assert (hit.reference.authors, hit.reference.year, hit.reference.volume) == (
        ("Okafor, Jide",),
        2023,
        "526",
    )


def test_an_aastex_journal_macro_is_the_journals_name() -> None:
    entry = (
        "    @ARTICLE{Okafor2008,\n"
        "        author = {{Okafor}, Jide},\n"
        '        title = "{Tide stacks of axisymmetric galaxies}",\n'
        "        journal = {%s},\n"
        "        year = 2008,\n"
        "    }\n"
    )
    venues = []
    for journal in ("\\apj", "\\aj", "{Tide Letters}", "\\tidejournal"):
        text = entry % journal
        [(_, _, fields)] = bibtex_entries(text, 0, len(text))
        venues.append(fields.venue)
    # a macro AASTeX does not define stays as written
    assert venues == [
        "Astrophysical Journal",
        "Astronomical Journal",
        "Tide Letters",
        "\\tidejournal",
    ]
