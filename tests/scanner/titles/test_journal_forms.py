"""Citations as chemistry and physics code writes them: a label before the names, a journal
named by abbreviations, its volume, issue, page and the year in brackets; and what such text
holds that cites no one (a journal alone, a compound word, a machine's model number)."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits
from scanner.titles import find_citations
from scanner.titles.fields import first_year


@pytest.mark.parametrize("label", ["Ref:", "Refs:", "Ref.", "Refs"])
def test_a_label_before_the_names_is_no_author(label: str) -> None:
    (hit,) = find_citations(
        f"IP matvec.\n\n{label} Lind and Okafor, J. Chem. Phys. 102, 1681 (1995)\n"
    )
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == ("Lind", "Okafor")
    assert (hit.reference.venue, hit.reference.year) == ("J. Chem. Phys.", 1995)


def test_names_the_model_reads_as_a_title_stay_the_authors() -> None:
    """The label leads the tagger to read the two names as a title; they are the authors."""
    (hit,) = find_citations("Hubbard U.\n\nRefs: Lind and Moss, PRB 71, 035105 (2005)\n")
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == ("Lind", "Moss")
    assert hit.reference.year == 2005


@pytest.mark.parametrize(
    "line",
    [
        "Ref: J. Chem. Theory. Comput. 12, 2528-2541 (2016)",
        "Ref: J. Chem. Theory Comput. 9, 1, 232-246 (2013)",
        "Ref: Phys. Rev. B 76, 165106 (2007)",
        "Reference: J. Low Temp. Phys. 29, 179 (1977)",
        "Localized with IAOs, JPCA 128, 8570 (2024)",
    ],
)
def test_a_journal_volume_and_year_without_authors_cite_no_one(line: str) -> None:
    """No title, no authors: the journal's abbreviations (`J. Chem`, `J. Low Temp`) and an
    acronym's plural are no names, and nothing is left to make a card of."""
    assert find_citations(f"Exact GW.\n\n{line}\n") == []


def test_a_journal_in_abbreviations_after_the_names_is_the_venue() -> None:
    (hit,) = find_citations("Functional.\n\nLind & Moss, Theor. Chim. Acta 37, 329 (1975)\n")
    assert hit.reference.authors == ("Lind", "Moss")
    assert (hit.reference.venue, hit.reference.year) == ("Theor. Chim. Acta", 1975)


def test_a_page_before_the_bracketed_year_is_no_year() -> None:
    text = (
        "Couplings.\n\nThe ``electron velocity factors'' of Lind and\n"
        "Moss [JPCL 3, 2039 (2012)] are included.\n"
    )
    assert [hit.reference.year for hit in find_citations(text)] == [2012]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("JPCL 3, 2039 (2012)]", 2012),
        ("Science 285, 1368 (1999)", 1999),
        ("Wiley, 1987 (1998)", 1987),  # a year, then its reprint's: no volume before it
        ("vol 12, 2001", 2001),
    ],
)
def test_the_first_year_of_a_tail_skips_a_page(text: str, year: int) -> None:
    assert first_year(text) == year


@pytest.mark.parametrize(
    "text",
    [
        "/* CASE21: Constrained And Smoothed semi-Empirical 2021 functional */\n",
        "/*     Machine constants for the Burroughs 1700 system. */\n",
        "/*     Constants as measured on the Lind 1900 series. */\n",
    ],
)
def test_a_compounds_word_or_a_model_number_is_no_author_year(text: str) -> None:
    assert find_citations(text) == []


def test_an_imprints_publisher_and_place_are_no_authors() -> None:
    text = (
        "Radii.\n\n 3. J.E. Lind, E.A. Moss, and R.L. Moss in Tidal Chemistry\n"
        "    Principles of Structure, 4th edition, HarperCollins,\n"
        "    New York, USA, 1993.\n"
    )
    for hit in find_citations(text):
        assert "USA" not in hit.reference.authors
        assert "HarperCollins" not in hit.reference.authors


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        ("Lind, S. and Moss, D. Error Tidal Coding. Section 7.4.", "Error Tidal Coding"),
        (
            "Lind, D. and Okafor, D. Topics in Tidal Fields. Algorithm 6.1.7.",
            "Topics in Tidal Fields",
        ),
        ("Lind, S. and Moss, D. Error Tidal Coding. Table 2.7.", "Error Tidal Coding"),
    ],
)
def test_a_yearless_entry_citing_a_part_of_its_work_is_read(entry: str, title: str) -> None:
    """`Authors. Title. Section 7.4.`: a book cited by its authors, title and the part used,
    with no year or publisher."""
    (hit,) = find_citations(f"Decode.\n\nReferences:\n    - {entry}\n")
    assert hit.title_hint == title


def test_a_yearless_title_without_a_part_cited_stays_unread() -> None:
    assert find_citations("Decode.\n\nLind, S. and Moss, D. Error Tidal Coding. We use it.\n") == []


def test_a_models_year_after_its_authors_name_still_cites() -> None:
    """`the Lind 2016 model` is Lind's model of 2016, unlike a machine's model number."""
    (hit,) = find_citations("    Splashback radius for the Lind 2016 model.\n")
    assert (hit.kind, hit.reference.authors, hit.reference.year) == (
        RefKind.AUTHOR_YEAR,
        ("Lind",),
        2016,
    )


@pytest.mark.parametrize(
    ("text", "authors", "venue", "year"),
    [
        # the volume, the year in brackets, then the pages; two such citations in one sentence
        (
            "    uses an extension of an algorithm due to M. Lind, CACM 15 (1972), pp. 949-951,\n"
            "    with the improvements suggested by M. Moss and S.\n"
            "    Okafor, CACM 17 (1974), pp. 276-277.  An earlier version\n",
            [("M. Lind",), ("M. Moss", "S. Okafor")],
            ["CACM", "CACM"],
            [1972, 1974],
        ),
        # the volume, the pages over a line break, the year last; then another citation
        (
            "    radii are taken from A. Lind, J. Phys. Chem., 68, 441 -\n"
            "    452, 1964, except the value for H, which is taken from R.S.\n"
            "    Moss & R. Okafor, J.Phys.Chem., 100, 7384 - 7391, 1996. Radii\n",
            [("A. Lind",), ("Moss", "R. Okafor")],
            ["J. Phys. Chem.", "J.Phys.Chem"],
            [1964, 1996],
        ),
    ],
)
def test_a_journal_citations_volume_pages_and_year_in_any_order(
    text: str, authors: list[tuple[str, ...]], venue: list[str], year: list[int]
) -> None:
    hits = find_citations(text)
    assert [hit.reference.authors for hit in hits] == authors
    assert [hit.reference.venue for hit in hits] == venue
    assert [hit.reference.year for hit in hits] == year


def test_a_journal_citation_with_the_year_first_after_a_numbered_label() -> None:
    (hit,) = find_citations("Radii.\n\n 1. A. Lind, J. Phys. Chem., 1964, 68, 441.\n")
    assert (hit.reference.authors, hit.reference.year) == (("A. Lind",), 1964)


def test_a_quoted_titles_authors_end_where_the_journal_begins() -> None:
    text = (
        "''' When using results of this code, please cite the following paper:\n"
        '    "Tidal orbital active spaces for multireference calculations of wave systems"\n'
        "     E. R. Lind and S. Moss-Okafor, J. Chem. Theory Comput., 15, 1679 (2019).\n"
        "'''\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference.authors == ("E. R. Lind", "S. Moss-Okafor")
    assert (hit.reference.venue, hit.reference.year) == ("J. Chem. Theory Comput.", 2019)


def test_a_title_then_a_journal_with_the_year_first() -> None:
    text = (
        "k-point MP2 with staggered meshes\n"
        "Reference: Staggered Mesh Method for Tidal Energy Calculations of Solids: Second-Order\n"
        "        Moller-Plesset Perturbation Theory,\n"
        "        J. Chem. Theory Comput. 2021, 17, 8, 4733-4745\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference.authors == ()
    assert (hit.reference.venue, hit.reference.year) == ("J. Chem. Theory Comput.", 2021)


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        # a lead-in sentence before the names is no title, however the journal reads
        (
            "        For full details see:\n"
            "            E. B. Lind, G. S. Moss, N. Okafor, and E. Tide,\n"
            "            Phys. Rev. B 59, 235 (1999)\n",
            ("E. B. Lind", "G. S. Moss", "N. Okafor", "E. Tide"),
            1999,
        ),
        (
            "For the RSGDF method: Hong-Zhou Lind and Timothy C. Moss, J. Chem. Phys. 154, "
            "131104 (2021)\n",
            ("Hong-Zhou Lind", "Timothy C. Moss"),
            2021,
        ),
        # a year and two numbers after full names: no journal's abbreviated name, no journal
        (
            "VCG04: `Lind, Moss, & Okafor 2014, 616, 912\n<https://ui.example.org/abs/x>`_\n",
            ("Lind", "Moss", "Okafor"),
            2014,
        ),
    ],
)
def test_the_names_of_a_journal_citation_stay_names(
    text: str, authors: tuple[str, ...], year: int
) -> None:
    hits = [hit for hit in find_citations(text) if hit.reference.authors]
    assert [(hit.reference.authors, hit.reference.year, hit.title_hint) for hit in hits] == [
        (authors, year, None)
    ]


def test_a_journals_name_with_a_colon_is_no_author() -> None:
    text = "        # Lind method (J. Phys.: Condens. Matter 22 (2010) 202201)\n"
    assert find_citations(text) == []


def test_names_the_model_reads_as_a_title_with_their_label_stay_the_authors() -> None:
    text = (
        "        Attributes:\n"
        "            U_idx: same as the input.\n"
        "            C_ao_lo: (np.ndarray) Custom local orbitals.\n"
        "            alpha: the perturbation [in eV] used to compute U in LR-cDFT.\n"
        "                Refs: Lind and de Moss, PRB 71, 035105 (2005)\n"
    )
    (hit,) = find_citations(text)
    assert (hit.kind, hit.title_hint) == (RefKind.AUTHOR_YEAR, None)
    assert hit.reference.authors == ("Lind", "de Moss")


def test_a_journal_cut_at_its_volume_label_is_no_title() -> None:
    text = (
        "    References\n    ----------\n"
        "    Lind and Moss, JCP Vol. 117, Num. 20 22 Nov. 2002\n"
        "    http://folk.example.org/moss/reprints/2002/JCP117b_Tides.pdf\n"
    )
    assert [
        (hit.title_hint, hit.reference.authors, hit.reference.year) for hit in find_hits(text)
    ] == [(None, ("Lind", "Moss"), 2002)]


def test_a_books_title_before_its_volume_stays_the_title() -> None:
    text = "    .. [1] Lind, G. H. and Moss, C. F. Matrix tides. Vol. 3. JHU press, 2012.\n"
    (hit,) = find_citations(text)
    assert hit.title_hint == "Matrix tides"


@pytest.mark.parametrize(
    "text",
    [
        "   See Okafor (JTR 1978), unnumbered equation on page 2367.\n",
        "   Approximate formula from Okafor (1980 MTR), as given by the tables.\n",
        "   The drift term follows Okafor (ApJ 2011).\n",
    ],
)
def test_a_journals_acronym_beside_the_year_in_brackets_is_the_venue(text: str) -> None:
    # meteorology and astronomy name the journal by its acronym in the mention's brackets
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors == ("Okafor",)


@pytest.mark.parametrize(
    "text",
    ["   Okafor (1980 and later) kept the tables.\n", "   the Okafor tables (TIDE 1980)\n"],
)
def test_words_or_a_word_in_capitals_beside_the_year_cite_no_one(text: str) -> None:
    # (guards: words after the year, and a thing's name in capitals, are no journal's acronym)
    assert find_citations(text) == []


@pytest.mark.parametrize(
    ("text", "venue", "volume", "pages"),
    [
        ("    From Okafor, Lind, & Moss (2009, ApJ, 705, 1320)\n", "ApJ", "705", "1320"),
        ("    See Okafor et al. (2015, ApJL, 804, L21) for the fit.\n", "ApJL", "804", "L21"),
        ("    the curve of Okafor et al. 2014, A&A, 561, A138.\n", "A&A", "561", "A138"),
        ("    Please cite Okafor and Lind 2024, JOSS 9(100), 7023.\n", "JOSS", "9", "7023"),
    ],
)
def test_a_journal_volume_and_page_after_a_mentions_year_are_its_fields(
    text: str, venue: str, volume: str, pages: str
) -> None:
    """Astronomy's form: the journal, volume and first page after the year, in the mention's
    brackets or after it; the mention stays an author-year, its journal and volume read."""
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.AUTHOR_YEAR
    assert hit.reference.authors[0] == "Okafor"
    assert (hit.reference.venue, hit.reference.volume, hit.reference.pages) == (
        venue,
        volume,
        pages,
    )


def test_a_tables_number_after_a_mentions_year_is_no_journal() -> None:
    (hit,) = find_citations("    as in Okafor and Lind (2001, Table 3, 4).\n")
    assert (hit.reference.venue, hit.reference.volume) == (None, None)


def test_a_link_text_of_names_year_journal_volume_and_page_is_the_links_reading() -> None:
    """`Okafor et al. 2003, ApJ, 594, 279` over its ADS record under a References heading:
    one reference, the link's, with the names, year and journal its text gives (a mention
    with a venue was taken for no sure mention, and the entry's label and names read as a
    title)."""
    text = (
        "References\n==========\n\n"
        "O03: `Okafor et al. 2003, ApJ, 594, 279\n"
        "<https://ui.adsabs.harvard.edu/abs/2003ApJ...594..279O>`_\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.URL
    assert hit.start == text.index("Okafor")
    assert (hit.reference.authors, hit.reference.year, hit.reference.venue) == (
        ("Okafor",),
        2003,
        "ApJ",
    )
