"""An entry's identifiers written one after another (the publisher's DOI, then the working
paper's link) are one reference; a list of bare links, or entries a blank line apart, are not."""

from __future__ import annotations

from catalog.types import RefKind
from scanner.extract import find_hits

ENTRY = """References
----------

A. Author, B. Author, Interval estimation of entropy densities, Journal of
Econometrics, Volume 138, June 2007, Pages 532-546.
DOI: 10.1016/j.jeconom.2006.05.008.
http://escholarship.org/uc/item/7jf5w1ht  (working paper)
"""


def keys(text: str) -> list[str]:
    return [h.ref.key for h in find_hits(text) if h.ref is not None]


def test_an_entry_with_its_doi_and_its_working_paper_is_one_reference() -> None:
    assert keys(ENTRY) == ["doi:10.1016/j.jeconom.2006.05.008"]


def test_bare_links_one_per_line_stay_apart() -> None:
    text = "See:\nhttps://arxiv.org/abs/1706.03762\nhttps://arxiv.org/abs/1810.04805\n"
    assert keys(text) == ["arxiv:1706.03762", "arxiv:1810.04805"]


def test_entries_a_blank_line_apart_stay_apart() -> None:
    text = (
        "An O(m) Algorithm for Cores Decomposition of Networks\n"
        "Vladimir Author and Matjaz Author, 2003.\n"
        "https://arxiv.org/abs/cs.DS/0310049\n\n"
        "Generalized Cores\nVladimir Author and Matjaz Author, 2002.\n"
        "https://arxiv.org/pdf/cs/0202039\n"
    )
    assert keys(text) == ["arxiv:cs/0310049", "arxiv:cs/0202039"]


def test_identifiers_ending_entry_text_and_the_link_below_are_one_reference() -> None:
    text = (
        "R. Author and J.-C. Author. Laplacian Dynamics and Multiscale Structure,\n"
        "doi:10.1109/TNSE.2015.2391998.\n"
        "https://arxiv.org/abs/0812.1770\n\n"
        "Numerical methods, 2nd ed. (ISBN 0-521-43108-5)\n"
        "p. 294\n"
        "<http://www.example.edu/~a/papers/c7-3.pdf>\n"
    )
    assert keys(text) == ["arxiv:0812.1770", "url:https://example.edu/~a/papers/c7-3.pdf"]


def test_links_listed_under_a_heading_stay_apart() -> None:
    text = "References:\nhttps://arxiv.org/abs/1706.03762\nhttps://arxiv.org/abs/1810.04805\n"
    assert keys(text) == ["arxiv:1706.03762", "arxiv:1810.04805"]
    text = "See https://arxiv.org/abs/1706.03762\nhttps://arxiv.org/abs/1810.04805\n"
    assert keys(text) == ["arxiv:1706.03762", "arxiv:1810.04805"]


def test_links_listed_under_a_numpy_heading_or_with_commas_stay_apart() -> None:
    text = (
        "References\n-----------\n"
        "section 5 in https://www.example.edu/~a/papers/appendix.pdf,\n"
        "http://www.example.net/proceedings/2006/stats/x08.pdf,\n"
        "http://eprints.example.ac.uk/84988/1/tests_final.pdf\n"
    )
    assert len(keys(text)) == 3
    text = "Smith (2001), https://www.example.edu/~a/papers/a.pdf,\nhttps://www.example.edu/~a/papers/b.pdf\n"
    assert len(keys(text)) == 2


def test_a_link_that_starts_a_sentence_is_another_work() -> None:
    text = "This follows doi:10.1145/3360572.\nhttps://arxiv.org/abs/1706.03762 extends it.\n"
    assert keys(text) == ["doi:10.1145/3360572", "arxiv:1706.03762"]


def test_a_preprint_and_its_published_version_below_are_one_reference() -> None:
    text = (
        ".. [1] A. Author, B. Author. A simple algorithm for degree sequences.\n"
        "       arXiv:0905.4913, Jan. 2010.\n"
        "       Published 2010 in Elec. J. Combinatorics (17(1)). R66.\n"
        "       http://www.example.net/Volume_17/PDF/v17i1r66.pdf\n"
    )
    assert keys(text) == ["arxiv:0905.4913"]


def test_a_chapter_entry_after_doxygen_paragraph_markup_is_one_reference() -> None:
    # `</para><para>` renders as a blank line: the entry starts its paragraph, and its
    # `Chapter in "Book" edited by ...` sentence is the entry's own, not prose.
    text = (
        " References:\n\n"
        " </para><para>\n"
        ' Novak, L.: Streaming sketches for community detection. Chapter in "Advances\n'
        ' in Streaming Algorithms" edited by A. Roe, B. Poe\n'
        " &amp; C. Moe (Example Press, New York, 2018).\n"
        " https://doi.org/10.9999/example.ch5\n"
        " https://arxiv.org/abs/1709.05634\n\n"
        " </para><para>\n"
    )
    hits = find_hits(text)
    assert [(h.kind.value, h.ref.key if h.ref else None) for h in hits] == [
        ("arxiv", "arxiv:1709.05634")
    ]
    assert text.count("\n", 0, hits[0].start) + 1 == 4


def kinds_and_keys(text: str) -> list[tuple[str, str | None]]:
    return [(h.kind.value, h.ref.key if h.ref else None) for h in find_hits(text)]


def test_an_entry_after_a_comment_blank_line_runs_on_to_its_identifiers() -> None:
    # The blank line of a `/** ... */` block keeps the spaces where ` *` stood.
    text = (
        "   [Articles]\n"
        "   A. Author, « Sketching sparse streams », Proc. Example Soc., vol. 3, 2006\n"
        "   https://doi.org/10.9999/example.2006.1\n"
        "   \n"
        "   Doe, J. « Counting distinct elements in sparse streams is easy ».\n"
        "   Physical Review E, vol. 94, no 5, novembre 2016, p. 052315. arXiv.org,\n"
        "   doi:10.9999/example.2016.2.\n"
        "   https://arxiv.org/pdf/1606.02319.pdf\n"
    )
    assert [key for kind, key in kinds_and_keys(text)] == [
        "doi:10.9999/example.2006.1",
        "arxiv:1606.02319",
    ]


def test_a_hal_id_before_its_link_is_the_entrys() -> None:
    text = (
        "   [Articles]\n"
        "   Doe, J. « Sketching sparse streams ». Physical Review E, vol. 9, 2016.\n"
        "   https://arxiv.org/pdf/1606.02319.pdf\n"
        "   \n"
        "   Nicolas Dugué, Anthony Perez. Directed Louvain: maximizing modularity in\n"
        "   directed networks. [Research Report] Université d’Orléans. 2015. hal-01231784\n"
        "   https://hal.archives-ouvertes.fr/hal-01231784\n"
    )
    assert kinds_and_keys(text) == [
        ("arxiv", "arxiv:1606.02319"),
        ("url", "url:https://hal.science/hal-01231784"),
    ]


def test_an_entry_within_a_sentence_runs_on_to_its_doi() -> None:
    text = (
        " Balancing as described by B. N. Parlett and C. Reinsch,\n"
        ' "Balancing a Matrix for Calculation of Eigenvalues and Eigenvectors".\n'
        " In: Numerische Mathematik, Volume 13, Number 4 (1969), 293-304,\n"
        " Springer Berlin / Heidelberg. DOI: 10.1007/BF02165404\n"
    )
    assert kinds_and_keys(text) == [("doi", "doi:10.1007/bf02165404")]


def test_a_chapter_and_its_collection_on_one_line_are_one_reference() -> None:
    # `Title. Chapter in "Collection" edited by ...`: the collection's title is read as an
    # entry of its own; it is the chapter's venue, not a second work.
    text = (
        " References:\n\n"
        " </para><para>\n"
        ' Novak, L.: Label propagation for clustering. Chapter in "Advances in\n'
        ' Network Clustering and Blockmodeling" edited by P. Doreian, V. Batagelj\n'
        " &amp; A. Ferligoj (Wiley, New York, 2018).\n"
        " https://doi.org/10.1002/9781119483298.ch5\n"
        " https://arxiv.org/abs/1709.05634\n\n"
        " </para><para>\n"
    )
    assert kinds_and_keys(text) == [("arxiv", "arxiv:1709.05634")]
    (hit,) = find_hits(text)
    assert hit.title_hint == "Label propagation for clustering"


def test_identifiers_in_the_fields_of_one_bibtex_entry_are_one_reference() -> None:
    # `eprint` and `doi` are two fields of one entry, a comma and a line apart.
    text = (
        "@article{lind2013,\n"
        "  Author = {Ada Lind and Ben Okafor},\n"
        "  Title  = {A Survey of Tidal Functions For Layered Problems},\n"
        "  Year   = {2013},\n"
        "  Eprint = {arXiv:1308.4009},\n"
        "  Doi    = {10.1504/IJTIDE.2013.059999},\n"
        "}\n"
    )
    assert keys(text) == ["arxiv:1308.4009"]


def test_two_bibtex_entries_one_after_the_other_stay_apart() -> None:
    text = (
        "@article{Lind2014,\n"
        "  author  = {Ada Lind and Ben Okafor},\n"
        "  title   = {Tide: A Method for Layered Optimisation},\n"
        "  year    = {2014},\n"
        "  url     = {http://arxiv.org/abs/1412.6981}\n"
        "}\n"
        "@article{\n"
        "  title   = {On the convergence of Tide and beyond},\n"
        "  url     = {https://openreview.net/pdf?id=ryQu7f-XY}\n"
        "  year    = {2018}\n"
        "}\n"
    )
    assert keys(text) == ["arxiv:1412.6981", "url:https://openreview.net/forum?id=ryQu7f-XY"]


def test_a_copy_accessible_at_a_link_after_the_doi_is_the_same_reference() -> None:
    text = (
        "References\n----------\n"
        "3. Lind, A., B. Okafor, and C. Moss. 2008.\n"
        "    Global Tidal Analysis: The Primer.\n"
        "    Wiley, West Sussex, U.K.\n"
        "    https://dx.doi.org/10.1002/9780470725999\n"
        "    Accessible at:\n"
        "    http://www.example.eu/file/repository/Primer_Corrected_2022.pdf\n"
    )
    assert keys(text) == ["doi:10.1002/9780470725999"]


def test_links_then_a_labelled_entry_are_one_reference() -> None:
    # A module header names the paper by its links, then the entry under an `[Article]:` label.
    text = (
        "Keyer taking a string and normalizing it into a tidal key.\n\n"
        "[Reference]:\n"
        "http://dl.acm.org/citation.cfm?id=999999\n"
        "http://citeseerx.ist.psu.edu/viewdoc/download?doi=10.1.1.99.999&rep=rep1&type=pdf\n\n"
        "[Article]:\n"
        'Lind, Ada J. and Ben Okafor. 1984. "Automatic Tidal Correction\n'
        'in Scientific and Scholarly Text." Communications of the ACM, 27(4).\n'
        "358--368.\n\n"
        "[Tags]: keyer.\n"
    )
    hits = [h for h in find_hits(text) if h.ref is not None or h.reference is not None]
    assert [h.ref.key if h.ref else None for h in hits] == [
        "url:https://dl.acm.org/citation.cfm?id=999999"
    ]


def test_a_link_then_an_unlabelled_paragraph_stays_apart() -> None:
    text = (
        "See https://arxiv.org/abs/1706.03762\n\n"
        'Lind, A. and B. Okafor. 1984. "Automatic Tidal Correction in Text."\n'
        "Communications of the ACM, 27(4).\n"
    )
    assert len(find_hits(text)) == 2


def test_a_venue_and_year_ending_a_title_entry_are_that_entry() -> None:
    # "Agile 2006" after the title reads as a name and a year: it is the entry's venue.
    text = (
        " <h3>References</h3>\n <ul>\n"
        " <li>[LO06] Lind, Ada and van Okafor, Ben,\n"
        " <i>Interchange of Tidal Data-Inhibiting Factors</i>,\n"
        " Agile 2006, Visegrad, Hungary. 2006\n </ul>\n"
    )
    hits = find_hits(text)
    assert [(h.kind.value, h.title_hint) for h in hits] == [
        ("title", "Interchange of Tidal Data-Inhibiting Factors")
    ]


def test_a_publishers_address_and_year_in_brackets_below_an_entry_are_that_entry() -> None:
    # "Colonial Survey, Elm Road, Tolworth, Surrey 1973" reads as names and a year: the
    # entry's publisher, after its journal (a known venue, which ends the title reader's entry).
    text = (
        "References\n----------\n"
        "[2] T. Marlowe, Direct and Inverse Solutions of Geodesics on the Ellipsoid\n"
        "    with Nested Series, Survey Review 21 (170),\n"
        "    (Directorate of Colonial Survey, Elm Road, Tolworth, Surrey 1973)\n"
    )
    hits = find_hits(text)
    assert [(h.kind.value, h.title_hint) for h in hits] == [
        ("title", "Direct and Inverse Solutions of Geodesics on the Ellipsoid with Nested Series")
    ]


def test_an_italic_venue_read_as_a_title_after_an_entry_is_that_entrys() -> None:
    from catalog.types import RefKind
    from scanner.places.base import Groups
    from scanner.places.entries import join_entry_tails
    from scanner.types import EntryFields, Hit

    text = (
        "E. Marsh, F. Osei,\nThinner Roadmaps for Replanning,\n"
        "<em>Example Conference on Robotics (ECR)</em> May 2016.\n"
    )
    venue_at = text.index("<em>")
    entry = Hit(
        0,
        text.index(",\n<em>"),
        RefKind.TITLE,
        "test",
        reference=EntryFields(authors=("E. Marsh", "F. Osei"), title="Thinner Roadmaps"),
    )
    venue = Hit(
        venue_at,
        len(text) - 1,
        RefKind.TITLE,
        "test",
        reference=EntryFields(title="Example Conference on Robotics (ECR)", year=2016),
    )
    groups = Groups(2)
    join_entry_tails(text, [entry, venue], groups)
    assert groups.find(0) == groups.find(1)
    # a title without the italics, or after an entry read without its authors, stays apart
    plain = Hit(venue_at + 4, len(text) - 1, RefKind.TITLE, "test")
    groups = Groups(2)
    join_entry_tails(text, [entry, plain], groups)
    assert groups.find(0) != groups.find(1)
    untitled = Hit(0, entry.end, RefKind.TITLE, "test", reference=EntryFields(title="Thinner"))
    groups = Groups(2)
    join_entry_tails(text, [untitled, venue], groups)
    assert groups.find(0) != groups.find(1)


def test_a_doxygen_paragraph_heading_starts_the_paragraph_below_it() -> None:
    from scanner.places.layout import starts_paragraph

    for heading, starts in (
        ("@par External documentation", True),
        ("\\par References", True),
        ("Compares the par value of two bonds,", False),
    ):
        text = f"   {heading}\n   E. Marsh, F. Osei,\n   Thinner roadmaps for replanning,\n"
        line = text.index("   E. Marsh")
        assert starts_paragraph(text, line, line + 3) is starts, heading


def test_a_chapter_whose_emphasized_title_closes_before_in_is_one_reference() -> None:
    # `*Title,* in Collection, Editor, Ed. Publisher, year`: the collection's title, read as a
    # book, is the chapter's venue.
    text = (
        "    Implements the method presented in\n\n"
        "    D. Lind, N. Moss, and H. Sato *Determined Tide\n"
        "    Separation with Low-Rank Analysis,* in\n"
        "    Tide Separation, S. Makino, Ed. Springer, 2018, pp. 125-156.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE
    assert hit.title_hint == "Determined Tide Separation with Low-Rank Analysis"


PRE_ENTRY = (
    "This class follows the original implementation by\n"
    "<pre>\n"
    "Yuzhen Ye & Adam Godzik (2003)\n"
    "Flexible structure alignment by chaining aligned fragment pairs allowing twists.\n"
    "Bioinformatics vol.19 suppl. 2. ii246-ii255.\n"
    "https://www.ncbi.nlm.nih.gov/pubmed/14534198\n"
    "</pre>\n"
)


def test_an_entry_in_a_pre_block_and_its_link_under_its_venue_are_one_reference() -> None:
    # `<pre>` alone on its line opens a block, as a blank line would; `Bioinformatics vol.19`
    # is the entry's venue and volume, not a sentence about another work.
    hits = find_hits(PRE_ENTRY)
    assert [h.ref.key if h.ref else h.kind for h in hits] == [
        "url:https://pubmed.ncbi.nlm.nih.gov/14534198"
    ]
    assert hits[0].reference is not None
    assert hits[0].reference.title == (
        "Flexible structure alignment by chaining aligned fragment pairs allowing twists"
    )


def test_a_venue_word_before_prose_still_parts_a_pre_entry_from_a_link() -> None:
    text = PRE_ENTRY.replace("Bioinformatics vol.19", "Bioinformatics people also use")
    assert len(find_hits(text)) == 2


def test_a_pre_line_opens_the_entry_as_a_blank_line_would() -> None:
    text = PRE_ENTRY.replace("Bioinformatics vol.19 suppl. 2.", "Bioinformatics, 19(2),")
    assert len(find_hits(text)) == 1


def test_a_venue_and_its_volume_are_no_prose_between_an_entry_and_its_link() -> None:
    text = PRE_ENTRY.replace("<pre>\n", "\n").replace("</pre>\n", "")
    assert len(find_hits(text)) == 1


def test_a_bare_doi_on_a_line_opened_by_the_volume_is_the_entrys() -> None:
    # A wrapped entry's last line opens with its volume or issue number, then holds only its
    # pages and its bare DOI: the number is no next item of a numbered list.
    text = (
        "References\n----------\n"
        ".. [1] Okafor, Eamonn & Vale, Michael. (2002). Derivative Dynamic Time Warping.\n"
        "    First SIAM International Conference on Data Mining.\n"
        "    1. 10.5555/1.9781611972719.1.\n\n"
        ".. [2] Arthur, David & Vale, Sergei. (2007). Fast Seeding: The Advantages of\n"
        "    Careful Seeding. Proc. of the Annu. Symp. on Discrete Algorithms.\n"
        "    8. 1027-1035. 10.5555/1283383.1283494.\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.DOI, "Derivative Dynamic Time Warping"),
        (RefKind.DOI, "Fast Seeding: The Advantages of Careful Seeding"),
    ]


def test_the_next_numbered_item_with_its_own_doi_stays_apart() -> None:
    text = (
        "1. Okafor, E. (2001). Sampling rough surfaces. J. Comp. 4, 1-9.\n"
        "2. Vale, M. (2003). Voxel walks. 10.5555/1283383.1283494.\n"
    )
    assert len(find_hits(text)) == 2


def test_a_venue_named_with_a_small_word_is_no_sentence_of_prose() -> None:
    # `Research and Development in ...` after the title is the entry's venue: its link below
    # is the entry's
    text = (
        "Okafor, Xin (2009) Sampling Algorithm, Levy Walks and Global\n"
        "Optimization. Research and Development in Intelligent Systems XXVI, pp 209-218.\n"
        "http://arxiv.org/pdf/1003.1464.pdf\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.ARXIV


def test_an_entrys_doi_and_labelled_arxiv_id_as_rest_links_are_one_reference() -> None:
    text = (
        "Okafor, H. D. and Vale, K. (2021), Multiway Cluster Robust Machine Learning,\n"
        "Journal of Business & Economic Statistics,\n"
        "doi: `10.5555/07350015.2021.1895815 <https://doi.org/10.5555/07350015.2021.1895815>`_,\n"
        "arXiv:`1909.03489 <https://arxiv.org/abs/1909.03489>`_.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.ARXIV


def test_two_rest_links_of_one_kind_after_a_comma_stay_two_works() -> None:
    text = (
        "See `arXiv:1909.03489 <https://arxiv.org/abs/1909.03489>`_,\n"
        "arXiv:`1706.03762 <https://arxiv.org/abs/1706.03762>`_.\n"
    )
    assert len(find_hits(text)) == 2


def test_entries_one_a_line_of_authors_and_year_stay_two_works() -> None:
    # a source list whose lines are each an author-year; the second line's link is its own
    text = (
        "    Thin lens profile.\n    source:\n    Okafor and Lind (1998)\n"
        "    Brandt 2021: https://arxiv.org/pdf/2106.00001.pdf\n"
    )
    assert [(h.kind, h.ref.key if h.ref else None) for h in find_hits(text)] == [
        (RefKind.AUTHOR_YEAR, None),
        (RefKind.ARXIV, "arxiv:2106.00001"),
    ]
    # authors and year alone on an entry's first line still head it (its title on the next)
    entry = (
        "References\n----------\nOkafor and Lind (1998)\n"
        "A Sweep for Thin Lenses. https://arxiv.org/abs/2106.00001\n"
    )
    assert [h.ref.key for h in find_hits(entry) if h.ref] == ["arxiv:2106.00001"]
    assert len(find_hits(entry)) == 1


def test_an_entry_quoted_whole_and_its_link_under_it_are_one_reference() -> None:
    # The opening quote before the first author is no title's closing quote: the entry is
    # read with its title, and its arXiv link in brackets on the next line joins it.
    text = (
        "    For more info see:\n"
        '    "Okafor, A., & Lind, T. (2023, June). Stable light recurrent units for tide\n'
        '    recognition. In ICASSP 2023 (pp. 1-5). IEEE."\n'
        "    (https://arxiv.org/abs/2302.10144)\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:2302.10144"
    assert hit.title_hint == "Stable light recurrent units for tide recognition"
    assert hit.reference is not None and hit.reference.authors == ("Okafor, A.", "Lind, T.")
