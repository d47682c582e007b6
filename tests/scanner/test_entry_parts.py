"""One entry read in pieces is one reference: a publication list's venue in the italics after
its linked title, and a book's authors and year with the part cited before its title."""

from __future__ import annotations

from scanner.extract import find_hits

PUBLICATIONS = (
    "Publications using the library:\n\n"
    '1) Nadia Orlov, Tomas Brandt. <a href="https://doi.org/10.5555/exa.2024.0042"> Adaptive'
    " Sampling Schedules for Greenhouse Robots.</a> <em>Journal of Example Agronomy, Volume 7,"
    " </em> May 2024.\n"
    '2) Pia Lund, Omar Haddad. <a href="https://doi.org/10.5555/exb.2023.17"> Sparse Probes'
    " for Soil Moisture Maps.</a> <em>Preprints 2023, 2023051234, </em> May 2023.\n"
    '3) K. Ito. <a href="https://doi.org/10.5555/exc.2022.9">Thinner Roadmaps for'
    " Replanning.</a> <em>  Embedded Example Systems: Architectures, Modeling, and Simulation."
    " EES 2022. Lecture Notes in Example Science, vol 12. Springer.</em> Nov. 2022.\n"
)


def test_a_venue_in_italics_after_a_linked_title_is_that_entrys() -> None:
    hits = find_hits(PUBLICATIONS)
    assert [(h.kind.value, h.ref.key if h.ref else None) for h in hits] == [
        ("doi", "doi:10.5555/exa.2024.0042"),
        ("doi", "doi:10.5555/exb.2023.17"),
        ("doi", "doi:10.5555/exc.2022.9"),
    ]
    # the venue's words are not the entry's title
    assert [h.title_hint for h in hits] == [
        "Adaptive Sampling Schedules for Greenhouse Robots",
        "Sparse Probes for Soil Moisture Maps",
        "Thinner Roadmaps for Replanning",
    ]


def test_two_entries_stay_two_when_a_venue_was_read_with_the_next_entry() -> None:
    # the first entry's venue read as the head of the next entry, which its link ends: the
    # venue joined to both would make the two works one
    text = (
        '18) Ana Duarte. <a href="https://arxiv.org/pdf/2412.99999"> Open Example Computation'
        " with Salsa Chips.</a> <em>  Computer Science, School of Business, Example University."
        " </em> Dec. 2024.\n"
        "19) S. Brunner, P. Feldmannsberger, C. Fabrizio, E. Gringolet and C. G. Schuster. <a"
        ' href="https://doi.org/10.5555/exd.2024.10749250"> Towards a Heuristic Planner for a'
        " Target Time Management System in Example Traffic.</a> <em>  2024 ACME EXA/IEEE 12th"
        " Example Avionics Systems Conference (EASC), San Diego, CA, USA, 2024, pp. 1-10. </em>"
        " Nov. 2024.\n"
    )
    assert [h.ref.key for h in find_hits(text) if h.ref] == [
        "arxiv:2412.99999",
        "doi:10.5555/exd.2024.10749250",
    ]


def test_a_work_after_a_linked_title_outside_italics_stays_apart() -> None:
    text = (
        'Compare <a href="https://doi.org/10.5555/exa.2024.0042">the greenhouse schedules</a>'
        ' with Hartmann and Okafor (1971), "Thinner Roadmaps for Replanning Robots".\n'
    )
    assert len(find_hits(text)) == 2


BOOK_PART = """References
==========

* Hartmann, Lise; Okafor, Ben, eds. (1971), Chapter 4, Section 2,
  Handbook of Mathematical Functions, with Formulas and Tables
* Duarte, Ana (1984), "Chapter 9",
  The Art of Computer Programming
"""


def test_a_book_entry_with_the_part_it_cites_before_its_title_is_one_reference() -> None:
    hits = find_hits(BOOK_PART)
    # each entry once, with its title (the first reader's title may keep the section)
    kinds = [h.kind.value for h in hits]
    assert len(kinds) == 2 and "author-year" not in kinds
    assert hits[1].title_hint == "The Art of Computer Programming"


def test_a_mention_in_a_sentence_before_a_book_stays_apart() -> None:
    # the author-year does not open an entry: it names a work of its own in the sentence
    text = "The bound follows Hartmann (1971), and\nNumerical Recipes in C gives the constants.\n"
    assert sorted(h.kind.value for h in find_hits(text)) == ["author-year", "book"]


JAVADOC_ENTRY = """   Implements the sketch published by
   <p>
   <strong>Ana Duarte and Lise Hartmann</strong>:
   <em>
       The Q<sup>3</sup> Method for Streaming Estimation of Quantiles and
       Histograms for Sensor Networks
   </em>
   <br>
   [<a href="https://example.edu/~duarte/papers/stream-quantiles.pdf">Journal of Example
   Computing; May 1991, Volume 4, Number 2</a>]
"""


def test_a_title_in_italics_and_its_link_after_a_line_break_are_one_reference() -> None:
    hits = find_hits(JAVADOC_ENTRY)
    assert [h.kind.value for h in hits] == ["url"]
    assert hits[0].title_hint == (
        "Method for Streaming Estimation of Quantiles and Histograms for Sensor Networks"
    )


def test_prose_between_a_title_in_italics_and_a_link_keeps_them_apart() -> None:
    text = JAVADOC_ENTRY.replace("   <br>\n", "   <br>\n   The tables we ship were computed\n")
    assert [h.kind.value for h in find_hits(text)] == ["title", "url"]


def test_a_venue_joins_the_link_whose_anchor_text_was_read_as_a_title_first() -> None:
    from catalog.types import PaperRef, RefKind
    from scanner.places.base import Groups
    from scanner.places.venues import join_anchor_venues
    from scanner.types import Hit

    text = (
        '21) Ana Duarte. <a href="https://doi.org/10.5555/exe.2024.028"> SoilSense: Modelling'
        " the uptake of example nutrients.</a> <em> Journal of Example Soil Science. </em>"
        " Oct. 2024.\n"
    )
    link_at, title_at = text.index("https"), text.index("Modelling")
    link = Hit(
        link_at,
        text.index('">'),
        RefKind.DOI,
        "CG102",
        ref=PaperRef(RefKind.DOI, "10.5555/exe.2024.028"),
    )
    anchor_text = Hit(title_at, text.index(".</a>"), RefKind.TITLE, "CG105")
    venue = Hit(text.index("<em>"), len(text) - 1, RefKind.TITLE, "CG105")
    # the anchor's text joined to its link: the venue after the anchor joins them
    groups = Groups(3)
    groups.join(0, 1)
    join_anchor_venues(text, [link, anchor_text, venue], groups)
    assert len(groups.members()) == 1
    # a title that is not the anchor's text stands between: the venue stays apart
    groups = Groups(3)
    join_anchor_venues(text, [link, anchor_text, venue], groups)
    assert len(groups.members()) == 3


def test_a_venue_in_italics_after_a_quoted_linked_title_is_that_entrys() -> None:
    # a Javadoc entry: its title quoted around an anchor to the authors' page (no paper's
    # link), then its venue in italics, read as a second title with the entry's year
    text = (
        " You can read more in Nadia Orlov and Tomas Brandt, &ldquo;<a"
        ' href="http://tides.example.org/papers.php#OrBTT">Elastic tide tables in\n'
        " Java: Design, implementation and light-weight search</a>&rdquo;,\n"
        " <i>Internet Math.</i>, 2(4):405-427, 2005.\n"
        " The algorithm is the one by Pia Lund in &ldquo;<a"
        ' href="http://tides.example.org/papers.php#LuBR">Broadword Implementation of Tide'
        " Rank Queries</a>&rdquo;,\n"
        " <em>Proc. of the 7th International Workshop on Example Tides, WET 2008</em>,\n"
        " number 5038 in Lecture Notes in Example Science, pages 154-168, 2008.\n"
    )
    hits = find_hits(text)
    assert [h.title_hint for h in hits] == [
        "Elastic tide tables in Java: Design, implementation and light-weight search",
        "Broadword Implementation of Tide Rank Queries",
    ]
    # the entry takes the venue's words and year
    fields = [(h.reference.venue, h.reference.year) for h in hits if h.reference]
    assert fields == [
        ("Internet Math", 2005),
        ("Proc. of the 7th International Workshop on Example Tides, WET 2008", 2008),
    ]


def test_a_work_in_italics_after_a_quoted_title_and_prose_stays_apart() -> None:
    text = (
        ' As in &ldquo;<a href="http://tides.example.org/p.php#A">Broadword Implementation of'
        " Tide Rank Queries</a>&rdquo;"
        " and later in the book by Lund and Okafor, <i>Tide Tables for Everyone</i>\n"
        " (Example Press, 2011).\n"
    )
    assert len(find_hits(text)) == 2
