"""One place, one reference: an entry's title, identifiers and in-text mentions are one hit."""

from __future__ import annotations

from catalog.types import RefKind
from scanner.extract import find_hits, reference_of

# A JSDoc block as the parser gives it: delimiters blanked, so its blank line keeps spaces.
FRENCH_ENTRIES = (
    "\n   Sorting networks\n   ================\n  \n"
    "   Dupont, J. « Fast sorting networks: Depth optimization and comparator\n"
    "   counts are equivalent ». Physical Review E, vol. 12, no 3,\n"
    "   mars 2016, p. 031234. arXiv.org, doi:10.1234/PhysRevE.12.031234.\n"
    "   https://arxiv.org/pdf/1601.01234.pdf\n  \n"
    "   Jeanne Durand\u0301, Paul Martin. Directed sorting: odd-even merges in\n"
    "   directed networks. [Research Report] Universite de Lyon. 2015. hal-01234567\n"
    "   https://hal.science/hal-01234567\n"
)


def test_an_entry_after_a_blank_comment_line_takes_its_identifiers() -> None:
    hits = find_hits(FRENCH_ENTRIES)
    assert [(h.kind, h.title_hint) for h in hits] == [
        (
            RefKind.ARXIV,
            "Fast sorting networks: Depth optimization and comparator counts are equivalent",
        ),
        (RefKind.URL, "Directed sorting: odd-even merges in directed networks"),
    ]
    first = hits[0]
    assert FRENCH_ENTRIES[first.start :].startswith("Dupont")


def test_a_mention_points_at_an_entry_without_a_year_by_its_author() -> None:
    text = (
        "Generates sigma points according to Van der Merwe's\n2004 dissertation[1] for the\n"
        "filter class. It uses alpha, beta and kappa terms.\n\n"
        "Usually this will not matter. As of van der Merwe's dissertation of\n"
        "2004 [1] this was not a well studied area.\n\n"
        "References\n----------\n\n"
        '.. [1] R. Van der Merwe "Sigma-Point Kalman Filters for Probabilistic\n'
        '       Inference in Dynamic State-Space Models" (Doctoral dissertation)\n'
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.TITLE]
    assert hits[0].title_hint and hits[0].title_hint.startswith("Sigma-Point Kalman Filters")
    assert len(hits[0].also) == 2


def test_a_lone_entry_takes_in_the_mentions_of_its_label() -> None:
    text = (
        "Fit the tidal stack.\n\nAs in [KernNolan]_, the weights decay.\n\n"
        '.. [KernNolan] A. Kern and B. Nolan, "Tidal stacks of deep basins", J. Tides, 2018.\n'
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE
    assert [text.count("\n", 0, offset) + 1 for offset in hit.also] == [3]
    assert text.count("\n", 0, hit.start) + 1 == 5


def test_a_mention_points_at_an_identifiers_entry_without_a_year_by_its_author() -> None:
    text = (
        "A flow of stacked tidal blocks (Marsh et al., 2019): dense layers\n"
        "built into the transform.\n\n"
        ":param factors: units per input, as in Marsh et al. (2019).\n\n"
        "References:\n\n"
        "[1] Ada Marsh, Ben Okafor, Cy Lind. Stacked Tidal Block Flows.\n"
        "[arXiv:1904.04676]\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.ARXIV]
    assert len(hits[0].also) >= 1
    # another author's mention stays a work of its own
    other = text.replace("(Marsh et al., 2019)", "(Quinn et al., 2019)")
    assert [h.kind for h in find_hits(other)] == [RefKind.AUTHOR_YEAR, RefKind.ARXIV]


def test_a_mention_of_another_author_stays_apart_from_an_undated_entry() -> None:
    text = (
        "As of Smith's dissertation of 2004 this was open.\n\n"
        "References\n----------\n\n"
        '.. [1] R. Van der Merwe "Sigma-Point Kalman Filters for Probabilistic\n'
        '       Inference in Dynamic State-Space Models" (Doctoral dissertation)\n'
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.AUTHOR_YEAR, RefKind.TITLE]


def test_an_affiliation_is_no_title_and_its_authors_point_at_their_entry() -> None:
    text = (
        "Lexicon information\n===================\n\n"
        "Authors: Alice Hu and Bob Liu, 2004.\n"
        "    Department of Computer Science\n"
        "    University of Somewhere at Springfield\n\n"
        "Related papers:\n\n"
        '- Alice Hu and Bob Liu. "Mining and summarizing customer reviews".\n'
        "    Proceedings of the ACM SIGKDD Conference (KDD-04), 2004.\n"
    )
    hits = find_hits(text)
    assert [h.title_hint for h in hits] == ["Mining and summarizing customer reviews"]
    assert len(hits[0].also) == 1


def test_sphinx_bibtex_keys_are_author_year_mentions_once_per_work_in_a_place() -> None:
    text = (
        "CSP was first described in :footcite:`KolesEtAl1990`; a tutorial is\n"
        "in :footcite:`BlankertzEtAl2008`. Multi-class solving is from\n"
        ":footcite:p:`Grosse-WentrupBuss2008,Ozarslan2013`.\n\n"
        "norm_trace : bool\n"
        "    A step of the original algorithm :footcite:`KolesEtAl1990`, not of\n"
        "    more recent work :footcite:t:`BlankertzEtAl2008`.\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.reference.authors, h.reference.year) for h in hits if h.reference] == [
        (RefKind.AUTHOR_YEAR, ("Koles",), 1990),
        (RefKind.AUTHOR_YEAR, ("Blankertz",), 2008),
        (RefKind.AUTHOR_YEAR, ("Grosse-Wentrup",), 2008),
        (RefKind.AUTHOR_YEAR, ("Ozarslan",), 2013),
    ]
    assert [len(h.also) for h in hits] == [1, 1, 0, 0]


def test_a_sphinx_key_naming_a_body_or_an_encyclopedia_is_no_mention() -> None:
    text = (
        "References\n----------\n:cite:`Okafor2019a`, :cite:`ASTMInternational2015`,\n"
        ":cite:`AdobeSystems2013b`, :cite:`Wikipedia2004c`\n"
    )
    hits = find_hits(text)
    assert [h.reference.authors for h in hits if h.reference] == [("Okafor",)]


def test_a_mention_a_year_from_its_preprints_entry_points_at_it() -> None:
    text = (
        "Encoder following TIDE (Okafor et al., 2019).\n\n"
        "References:\n"
        "    Okafor, B., Marsh, L., Lind, K. TIDE: Pre-training of Deep Wave\n"
        "    Encoders for Coastal Prediction. arXiv:1810.04805, 2018.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.ARXIV and len(hit.also) == 1


def test_a_mention_between_two_works_of_its_author_a_year_apart_stays_apart() -> None:
    text = (
        "Encoder following Okafor (2019).\n\n"
        "References:\n"
        "    .. [1] Okafor, B. Deep wave encoders. arXiv:1810.04805, 2018.\n"
        "    .. [2] Okafor, B. Deeper wave encoders. arXiv:2001.04805, 2020.\n"
    )
    assert [h.kind for h in find_hits(text)] == [
        RefKind.AUTHOR_YEAR,
        RefKind.ARXIV,
        RefKind.ARXIV,
    ]


def test_an_entry_a_year_from_another_entry_of_its_author_stays_apart() -> None:
    # The later entry's authors and year open the entry: no in-text mention of the first.
    text = (
        "Implementation of WAVEfastv2, as described in:\n"
        "    Okafor, B. H. et al. (2025). The WAVEfast coastal beat detection algorithm: design,\n"
        "    benchmarking, and open-source distribution. Coastal Measurement, 46, 035002,\n"
        "    doi:10.1088/1361-6579/adb89e\n\n"
        "    Also, when win_durn=8, this is an implementation of WAVEfastv1, as described in:\n"
        "    Okafor, B. H. et al. (2024). WAVEfast: An Efficient Coastal Beat Detection\n"
        "    Algorithm. Proc CinC.\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.DOI, RefKind.TITLE]


def test_a_sphinx_role_without_a_year_in_its_key_is_no_mention() -> None:
    assert find_hits("As shown in :footcite:`koles_csp` and :cite:`smith`, 2 works.\n") == ()


def test_a_title_in_a_rest_reference_to_an_indirect_target_is_its_links_work() -> None:
    text = (
        "The estimation follows the `reference script <https://example.org/code>`_, by\n"
        "A. Author, B. Author:\n"
        "`'Online Learning for Topic Models', NIPS 2010`_.\n\n"
        ".. _'Online Learning for Topic Models', NIPS 2010: online-topics_\n"
        ".. _online-topics: https://papers.example.cc/paper/2010/file/1234-Paper.pdf\n"
    )
    hits = [h for h in find_hits(text) if h.kind is not RefKind.URL or "papers" in str(h.ref)]
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.URL, "Online Learning for Topic Models")
    ]
    assert [text.count("\n", 0, at) for at in hits[0].also] == [1]  # the authors, the title


def test_a_chapter_and_the_collection_it_is_in_are_one_reference() -> None:
    text = (
        "References:\n\n"
        'Author, L.: Label propagation for clustering. Chapter in "Advances in\n'
        'Network Clustering and Blockmodeling" edited by P. Editor, V. Editor\n'
        "(Wiley, New York, 2018).\n"
        "https://doi.org/10.1002/9781119483298.ch5\n"
        "https://arxiv.org/abs/1709.05634\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.ARXIV, "Label propagation for clustering")
    ]


def test_a_chapter_in_an_emphasised_book_is_one_title_reference() -> None:
    # `In *Book*`: the book is the chapter's collection, not a second work, and the reference
    # is the chapter (a title), not the book.
    text = (
        "References\n----------\n"
        "Ruiz, A., & Vale, R. (2005). Testing for weak signals in linear\n"
        "models. In *Identification and Inference for Signal Models*.\n"
        "Cambridge University Press.\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.TITLE, "Testing for weak signals in linear models")
    ]


def test_a_sentence_about_the_code_after_a_mention_is_no_title() -> None:
    text = (
        "Implements the algorithm described by Raghavan, Albert and Kumara (2007). This\n"
        "version extends the original method by the ability to take edge weights into\n"
        "consideration.\n\n"
        "References:\n\n"
        "Raghavan, U.N. and Albert, R. and Kumara, S.: Near linear time algorithm to\n"
        "detect community structures in large-scale networks. Phys Rev E 76, 036106\n"
        "(2007). https://doi.org/10.1103/PhysRevE.76.036106\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.DOI]
    assert len(hits[0].also) == 1


def test_a_volume_and_the_series_it_belongs_to_are_one_book() -> None:
    text = (
        "The algorithm used is\n"
        "described in \"Knuth, D. 1969. 'Seminumerical Algorithms.\n"
        "The Art of Computer Programming' vol 2.\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.BOOK]


def test_an_entry_read_by_its_authors_and_year_takes_its_link_on_the_next_line() -> None:
    text = (
        "References\n----------\n"
        ".. [1] Eswaran, Kapali P., and R. Endre Tarjan. (1975) Augmentation problems.\n"
        "    http://epubs.siam.org/doi/abs/10.1137/0205044\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
        (RefKind.DOI, "doi:10.1137/0205044")
    ]
    assert text.count("\n", 0, hits[0].start) == 2  # the entry's first line is its line


def test_authors_and_year_before_a_linked_title_are_one_reference() -> None:
    text = (
        "Reference: Arthur & Vassilvitskii (2007), "
        '["k-means++: the Advantages of Careful Seeding"]'
        "(https://theory.example.edu/~sergei/papers/kMeansPP-soda.pdf)\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.URL]
    assert hits[0].title_hint == "k-means++: the Advantages of Careful Seeding"


def test_an_author_year_in_a_sentence_stays_apart_from_a_link_after_it() -> None:
    text = (
        "The update follows Smith et al. (2011), which later work improved:\n"
        "https://arxiv.org/abs/1412.6980\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.AUTHOR_YEAR, RefKind.ARXIV]


def test_authors_and_year_before_the_title_of_a_link_entry_in_a_sentence_are_one_reference() -> (
    None
):
    text = (
        "Adapted from Hastie et al. (2009), The Elements of Statistical Learning,\n"
        "https://stat.example.edu/ElemStatLearn/printings/ESLII_print12.pdf\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.URL]


def test_an_author_year_before_another_works_link_stays_apart() -> None:
    text = (
        "Adapted from Hastie et al. (2009), with the correction of\n"
        '"Sparse subspace clustering on graphs", https://people.example.edu/~a/ssc.pdf\n'
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.AUTHOR_YEAR, RefKind.URL]


def test_a_title_read_on_past_the_end_of_its_html_link_is_the_links_text() -> None:
    text = (
        ' The implementation follows <a href="https://www.cs.example.edu/~k/papers/m.pdf">\n'
        " Kececioglu, J., Pecqueur, J.: Computing maximum-cardinality matchings in sparse\n"
        " general graphs</a>, WAE 1998.\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.URL]


def test_a_bare_see_link_after_an_entry_is_its_link() -> None:
    entry = (
        " Reference: Fan, L., Cao, P., Almeida, J., & Broder, A. Z. (2000). Summary cache: a\n"
        " scalable wide-area web cache sharing protocol. IEEE/ACM Transactions on Networking.\n"
    )
    see = " @see {@link https://www.cs.example.edu/~cao/papers/share.pdf} for the full paper\n"
    assert [h.kind for h in find_hits(entry + see)] == [RefKind.URL]
    # a link with words of its own after it names something else
    other = " @see {@link https://www.cs.example.edu/~cao/papers/other.pdf} for a faster variant\n"
    assert [h.kind for h in find_hits(entry + other)] == [RefKind.TITLE, RefKind.URL]


def test_an_entry_with_its_venue_after_the_title_takes_its_publisher_link() -> None:
    text = (
        "    Smith, J. (2010). A fast filter. Journal of Filters.\n"
        "    https://onlinelibrary.wiley.com/doi/full/10.1002/jf.2010\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.DOI]


def test_an_entrys_identifiers_of_two_kinds_after_a_comma_are_one_reference() -> None:
    same_line = (
        "Smith, J. (2010). A fast filter. Journal of Filters, 3(2), 1-10.\n"
        "PDF: https://www.example.edu/~smith/papers/filter.pdf, DOI: 10.1234/jf.2010.3\n"
    )
    in_brackets = (
        'See J. Smith, "A fast filter", Journal of Filters, 2010\n'
        "(https://www.sciencedirect.com/science/article/pii/S0167865510000017,\n"
        "doi:10.1016/j.patrec.2010.01.002).\n"
    )
    assert [h.kind for h in find_hits(same_line)] == [RefKind.DOI]
    assert [h.kind for h in find_hits(in_brackets)] == [RefKind.DOI]
    # two links of one kind after a comma are two works
    two = "Filters: https://a.example.edu/~x/papers/one.pdf, https://b.example.edu/~y/two.pdf\n"
    assert [h.kind for h in find_hits(two)] == [RefKind.URL, RefKind.URL]


def test_a_markdown_reference_link_and_its_definition_are_one_reference() -> None:
    text = (
        "Based on [Opportunistic data structures with applications][fm2000] by Ferragina and\n"
        "Manzini (2000).\n\n"
        "[fm2000]: https://people.example.edu/manzini/papers/focs00draft.pdf\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.URL]
    assert hits[0].title_hint == "Opportunistic data structures with applications"
    assert {text.count("\n", 0, at) for at in hits[0].also} == {0}  # the reference link's line
    # a definition no reference link uses stays a link of its own, beside the title
    unused = text.replace("][fm2000]", "]")
    assert RefKind.URL in [h.kind for h in find_hits(unused)]


# An entry that holds its DOI, as Javadoc and JSDoc write it; the second link is the same work.
_GAPS_ENTRY = (
    " Smith, J. and Doe, A. (2015). Fast spectral gaps in sparse graphs. Journal of\n"
    " Graph Methods, 12(3), 45-67. doi:10.1234/jgm.2015.045\n"
)


def test_a_link_on_the_lines_after_an_entrys_identifier_is_a_copy_of_its_work() -> None:
    copies = [
        # an HTML anchor after a paragraph tag
        ' <p>\n <a href="https://journals.graph-methods.test/article/view/45">(journal page)</a>\n',
        # a bare link on another host on the next line
        " https://journals.graph-methods.test/article/view/45\n",
        # under a copy's label, after a blank comment line
        '  \n Preprint: <a href="https://people.example.edu/~smith/papers/gaps.pdf">PDF</a>\n',
        # the anchor's text is the entry's own title
        ' <a href="https://people.example.edu/~smith/papers/gaps.pdf">Fast spectral gaps in'
        " sparse graphs</a>\n",
    ]
    for copy in copies:
        hits = find_hits(_GAPS_ENTRY + copy)
        assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
            (RefKind.DOI, "doi:10.1234/jgm.2015.045")
        ], copy
    # two copies, on two lines or side by side on one
    pdf = '<a href="https://people.example.edu/~smith/papers/gaps.pdf">PDF</a>'
    page = '<a href="https://journals.graph-methods.test/article/view/45">journal page</a>'
    for both in (f" {pdf}\n {page}\n", f" {pdf} | {page}\n"):
        assert [h.kind for h in find_hits(_GAPS_ENTRY + both)] == [RefKind.DOI], both
    other = '<a href="https://people.example.edu/~lee/papers/other.pdf">Spectral gaps revisited</a>'
    assert [h.kind for h in find_hits(_GAPS_ENTRY + f" {pdf} | {other}\n")] == [
        RefKind.DOI,
        RefKind.URL,
    ]
    # the entry's DOI written with an encoded slash, its copy labelled on the next line
    encoded = (
        " based on [Able, B.; Baker, C. (1 May 1999)](https://dx.doi.org/10.5555%2F1999.42)\n"
        " Original paper here: <https://people.example.edu/~able/papers/widgets.pdf>\n"
    )
    assert [h.kind for h in find_hits(encoded)] == [RefKind.DOI]
    # the preprint after a paragraph tag: one reference, of the strongest identifier
    preprint = ' <p>\n <a href="https://arxiv.org/abs/1501.01234">preprint</a>\n'
    hits = find_hits(_GAPS_ENTRY + preprint)
    assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
        (RefKind.ARXIV, "arxiv:1501.01234")
    ]


def test_anchored_copies_whose_text_is_their_id_or_whose_anchor_wraps_are_the_entrys() -> None:
    doi_line = ' DOI: <a href="https://doi.org/10.1234/jgm.2015.045">10.1234/JGM.2015.045</a>.\n'
    entry = _GAPS_ENTRY.replace(" doi:10.1234/jgm.2015.045\n", "\n") + doi_line
    # the preprint's anchor text is its own id with its subject class
    arxiv = ' arXiv: <a href="https://arxiv.org/abs/1501.01234">1501.01234 [math.CO]</a>.\n'
    assert [h.kind for h in find_hits(entry + arxiv)] == [RefKind.ARXIV]
    # the DOI's anchor text is its suffix, after the preprint's line
    suffix = ' DOI: <a href="https://doi.org/10.1109/CONF.2020.9197338">CONF.2020.9197338</a>\n'
    bare_entry = _GAPS_ENTRY.replace(" doi:10.1234/jgm.2015.045\n", "\n")
    assert [h.kind for h in find_hits(bare_entry + arxiv + suffix)] == [RefKind.ARXIV]
    # an anchor opened on the line before its href
    wrapped = ' <a\n href="https://people.example.edu/~smith/papers/gaps.pdf">[PDF]</a>\n'
    assert [h.kind for h in find_hits(entry + wrapped)] == [RefKind.DOI]
    # another preprint's id as the anchor text: another work
    other = arxiv.replace(">1501.01234 [", ">1502.04321 [")
    assert RefKind.ARXIV in [h.kind for h in find_hits(entry + other)][1:]


def test_a_copy_under_a_label_line_or_after_another_labelled_link_is_the_entrys_work() -> None:
    # the copy's label on a line of its own, after a blank line
    labelled = "  \n Author's copy:\n https://people.example.edu/~smith/papers/gaps.pdf\n"
    # a project page under `@see` between the identifier and the copy (no paper: not a hit)
    see = (
        " @see http://www.example.edu/~smith/gaps.html\n"
        " @see https://journals.graph-methods.test/article/view/45\n"
    )
    for copy in (labelled, see):
        assert [h.kind for h in find_hits(_GAPS_ENTRY + copy)] == [RefKind.DOI], copy
    # a label line that names a work of its own is no copy's label
    other = "  \n Follow-up by Lee:\n https://people.example.edu/~lee/papers/revisited.pdf\n"
    assert [h.kind for h in find_hits(_GAPS_ENTRY + other)] == [RefKind.DOI, RefKind.URL]


def test_a_link_whose_own_text_calls_it_a_copy_is_the_work_before_it() -> None:
    md = (
        "Uses [Widget Normalization](https://arxiv.org/abs/1607.01234) ([pdf]("
        "https://www.example.edu/~able/absps/WidgetNorm.pdf)).\n"
    )
    rst = (
        "Uses widget norm, https://arxiv.org/abs/1607.01234, see also the\n"
        "`journal version <https://www.example.edu/~able/absps/WidgetNorm.pdf>`_.\n"
    )
    for text in (md, rst):
        hits = find_hits(text)
        assert [h.kind for h in hits] == [RefKind.ARXIV], text
        assert hits[0].title_hint != "journal version"  # a copy's label is no title
    # words of another work before the copy's text: two works
    other = (
        "Uses https://arxiv.org/abs/1607.01234 and the method of\n"
        '<a href="https://www.example.edu/~lee/papers/other.pdf">PDF</a>.\n'
    )
    assert [h.kind for h in find_hits(other)] == [RefKind.ARXIV, RefKind.URL]


def test_a_link_the_words_after_an_identifier_call_its_copy_is_the_same_reference() -> None:
    for text in (
        "Uses the method of Roe (2010), https://doi.org/10.1137/090771234 (a free\n"
        "version is at http://www.example.edu/~roe/pubs/gizmo.pdf).\n",
        "See doi:10.1137/090771234; preprint: https://www.example.edu/~roe/pubs/gizmo.pdf\n",
    ):
        assert [h.kind for h in find_hits(text)] == [RefKind.DOI], text
    # a link, then the DOI the words between call its published version
    for text in (
        ' Implements <a href="http://www.example.edu/~kim/papers/gadgets.pdf">Kim (2015)</a>.\n'
        " Published as doi:10.1234/jfw.2015.7.\n",
        "Based on the preprint https://www.example.edu/~kim/papers/gadgets.pdf\n"
        "(journal version: https://doi.org/10.1234/jfw.2015.7).\n",
    ):
        assert [h.kind for h in find_hits(text)] == [RefKind.DOI], text
    # a link, then on the next line a DOI labelled only as one: its work's DOI
    see = (
        ' @see <a href="https://www.sciencedirect.com/science/article/pii/S0098300400000001">'
        "Original article</a>\n"
        ' @see <a href="https://doi.org/10.1234/jfw.2015.7">DOI</a>\n'
    )
    assert [h.kind for h in find_hits(see)] == [RefKind.DOI]
    # two DOIs, one per line: two works
    dois = " doi:10.1234/jfw.2015.7\n doi:10.1234/jfw.2016.8\n"
    assert [h.kind for h in find_hits(dois)] == [RefKind.DOI, RefKind.DOI]
    titled = see.replace(">DOI<", ">The follow-up by Lee<")
    assert [h.kind for h in find_hits(titled)] == [RefKind.URL, RefKind.DOI]
    # a link, then a DOI with nothing that calls it the same work; two DOIs: two works
    for text in (
        "See https://www.example.edu/~kim/papers/gadgets.pdf and doi:10.1234/jfw.2016.8\n",
        "See doi:10.1234/jfw.2015.7 (its erratum, published as doi:10.1234/jfw.2016.8)\n",
        "See arXiv:1501.01234 (and the preprint arXiv:1601.04321)\n",
    ):
        assert len(find_hits(text)) == 2, text
    # words of another work between them: two references
    two = (
        "See https://doi.org/10.1137/090771234 and the later version by Lee at\n"
        "http://www.example.edu/~lee/pubs/gizmo2.pdf\n"
    )
    assert [h.kind for h in find_hits(two)] == [RefKind.DOI, RefKind.URL]


def test_the_proceedings_copy_after_a_rest_linked_preprint_is_the_same_reference() -> None:
    text = (
        "Proposed in `Sparse widget attention\n"
        "<https://arxiv.org/abs/1801.01234>`__ (`pdf <https://arxiv.org/pdf/1801.01234v2.pdf>`__,\n"
        "`proceedings <https://proceedings.example-conf.org/paper/2018/widgets.pdf>`__).\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.ARXIV]


def test_a_link_after_an_entry_that_names_a_work_of_its_own_is_another_reference() -> None:
    others = [
        # the anchor's text is another title
        ' <a href="https://people.example.edu/~lee/papers/revisited.pdf">Spectral gaps'
        " revisited</a>\n",
        # words of its own before the link
        " The follow-up by Lee extends it: https://people.example.edu/~lee/papers/revisited.pdf\n",
        # the next entry in between
        " Lee, K. (2017). Spectral gaps revisited. Graph Letters.\n"
        " https://people.example.edu/~lee/papers/revisited.pdf\n",
        # four lines down
        "  \n  \n  \n https://people.example.edu/~lee/papers/revisited.pdf\n",
        # the next entry of the list, labelled
        " .. [2] https://people.example.edu/~lee/papers/revisited.pdf\n",
        " - https://people.example.edu/~lee/papers/revisited.pdf\n",
    ]
    for other in others:
        kinds = [h.kind for h in find_hits(_GAPS_ENTRY + other)]
        assert kinds[0] is RefKind.DOI and RefKind.URL in kinds, other
    # two footnote entries, the second's link on its own line under it
    footnotes = (
        "    [^1]: Able, B., Baker, C.D., Dunn, E., 2017. Automatic Drift Detection in the Field"
        " Via\n    Statistical Sketches. https://doi.org/10.48550/ARXIV.1701.00001.\n"
        "    [^2]: Cole, D.F., Eve, G.H., 2020. PyDrift: A Streaming Drift Detection Toolkit in"
        " Python.\n    https://doi.org/10.48550/ARXIV.2001.00002.\n"
    )
    assert [h.ref.key for h in find_hits(footnotes) if h.ref] == [
        "arxiv:1701.00001",
        "arxiv:2001.00002",
    ]
    # a link, then a title and its authors read into that link's entry, then their own link
    two_links = (
        "\nSee the following references for details:\n\n"
        "A Linear Algorithm for Widget Decomposition of Networks\n"
        "Ann Able and Bob Baker, 2003.\nhttps://arxiv.org/abs/cs.DS/0301001\n\n"
        "Generalized Widgets\nAnn Able and Bob Baker, 2002.\n"
        "https://arxiv.org/pdf/cs/0201002\n\n"
    )
    assert [h.ref.key for h in find_hits(two_links) if h.ref] == [
        "arxiv:cs/0301001",
        "arxiv:cs/0201002",
    ]
    # two preprints side by side after an entry: two works
    preprints = (
        _GAPS_ENTRY + " https://arxiv.org/abs/1501.01234 and https://arxiv.org/abs/1502.04321\n"
    )
    assert [h.ref.key for h in find_hits(preprints) if h.ref][-2:] == [
        "arxiv:1501.01234",
        "arxiv:1502.04321",
    ]
    # without an entry, two links labelled by what they are list two works
    labelled = (
        ' <a href="https://people.example.edu/~smith/papers/gaps.pdf">PDF</a>\n'
        ' <a href="https://other.example.edu/~lee/papers/other.pdf">PDF</a>\n'
    )
    assert [h.kind for h in find_hits(labelled)] == [RefKind.URL, RefKind.URL]
    # without an entry, two links list two works
    bare = (
        " https://doi.org/10.1234/jgm.2015.045\n"
        " https://people.example.edu/~lee/papers/revisited.pdf\n"
    )
    assert [h.kind for h in find_hits(bare)] == [RefKind.DOI, RefKind.URL]


def test_an_entrys_authors_and_year_join_its_anchored_link() -> None:
    see = (
        " See: Roe, K., Poe, L., &amp; Moe, M. (2009). <i>Refining eigenvalue bounds on sparse\n"
        " graphs</i>. Linear Algebra Letters, 3, 1-12. Retrieved from\n"
        ' <a href="https://people.example.edu/~roe/papers/refine09.pdf">here</a>\n'
    )
    assert [h.kind for h in find_hits(see)] == [RefKind.URL]
    anchored = (
        " Quinn, R. (2002).\n"
        ' <a href="https://doi.org/10.5555/warm.2002.7">\n'
        " Warm starts for iterative eigensolvers</a>. Numerical Notes, 7, 1-9.\n"
    )
    assert [h.kind for h in find_hits(anchored)] == [RefKind.DOI]


def test_a_shortcut_reference_link_is_its_definitions_reference() -> None:
    text = (
        " Corners are handled as in [Doe 2020], which discusses the general case.\n\n"
        " [Doe 2020]: https://dl.acm.org/doi/10.5555/3300000.3300001\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.DOI]
    assert text.index("[Doe 2020]") + 1 in hits[0].also


def test_an_ads_record_of_an_arxiv_eprint_is_the_same_reference_as_its_arxiv_id() -> None:
    text = (
        "Follows Able et al. (2012), arXiv:1207.5579.\n\n"
        "References\n----------\n"
        ".. [1] http://adsabs.harvard.edu/abs/2012arXiv1207.5578S\n"
    )
    # another e-print's id: another reference
    assert RefKind.URL in [h.kind for h in find_hits(text)]
    for ads in ("2012arXiv1207.5578S", "2012arXiv1207.5578S/abstract"):
        same = text.replace("1207.5579", "1207.5578").replace("2012arXiv1207.5578S", ads)
        assert [h.kind for h in find_hits(same)] == [RefKind.ARXIV], ads
    # five-digit numbers are written without their dot in a bibcode
    five = "See arXiv:1707.04476 and https://ui.adsabs.harvard.edu/abs/2017arXiv170704476B\n"
    assert [h.kind for h in find_hits(five)] == [RefKind.ARXIV]


_ONE_WORK = (
    "Segments a series.\n\nNotes\n-----\nBased on the work from [1]_.\n\n"
    "- source code adapted from: https://github.com/example/widgets\n"
    "- {label} https://people.example.edu/~able/papers/pdf/widgets.pdf\n\n"
    "References\n----------\n"
    '.. [1] Able, A., Baker, B. & Cole, C. "Greedy widget segmentation of series.",\n'
    "   Adv Widget Anal 13, 727-751 (2019). https://doi.org/10.1234/awa.2019.0335\n"
)


def test_a_link_labelled_the_paper_in_a_place_of_one_work_is_that_work() -> None:
    for label in ("paper available at:", "PDF:", "the original article:"):
        text = _ONE_WORK.format(label=label)
        assert [h.kind for h in find_hits(text)] == [RefKind.DOI], label
    # pointing at another work: another link
    also = _ONE_WORK.format(label="see also the paper at:")
    assert RefKind.URL in [h.kind for h in find_hits(also)]
    # a second work in the place: which one the link is cannot be told
    two = _ONE_WORK.format(label="paper available at:").replace(
        "Based on the work from [1]_.", "Based on the work from [1]_ and Lee et al. (2015)."
    )
    assert RefKind.URL in [h.kind for h in find_hits(two)]


def test_the_venue_and_year_after_a_linked_title_are_that_entrys() -> None:
    slug = (
        "A_unified_approach_to_the_Clenshaw_summation_and_the_recursive_computation_of_very_high"
        "_degree_and_order_normalised_associated_Legendre_functions"
    )
    text = (
        "   It is described in their 2002 paper: <a\n"
        f'   href="https://www.researchgate.net/publication/226460594_{slug}">\n'
        "   A unified approach to he Clenshaw summation and the recursive computation of\n"
        "   very high degree and order normalised associated Legendre functions</a>\n"
        "   (Journal of Geodesy (2002) 76: 279-299).\n"
        "   </p>\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.URL]
    # an author-year written apart from the anchor stays its own mention
    apart = text.replace("</a>\n   (Journal", "</a>.\n   See also (Journal")
    assert [h.kind for h in find_hits(apart)] == [RefKind.URL, RefKind.AUTHOR_YEAR]


def test_an_entry_without_a_title_read_takes_its_links_each_on_its_line() -> None:
    # the authors' full names and a comma open the entry; its publisher's page and its preprint
    # follow, bare or as anchors whose text is the link again
    entry = (
        "For details, please see:\n"
        "Ada Lind and Bo Moss, Decoding many integers per second\n"
        "through vectorization Software: Practice &amp; Experience\n"
    )
    page = "http://onlinelibrary.wiley.com/doi/10.1002/spe.2203/abstract"
    preprint = "http://arxiv.org/abs/1209.2137"
    bare = f"{page}\n{preprint}\n"
    anchors = f'<a href="{page}">{page}</a>\n<a href="{preprint}">{preprint}</a>\n'
    for links in (bare, anchors):
        hits = find_hits(entry + links)
        assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
            (RefKind.ARXIV, "arxiv:1209.2137")
        ], links
    # under a sentence of prose, links one a line are a list of works
    prose = "The codec was tuned against these two:\n"
    for links in (bare, anchors):
        assert len(find_hits(prose + links)) == 2, links


def test_entries_one_a_line_without_markers_are_each_their_own_reference() -> None:
    # a Javadoc's reference section, each entry whole on its line, ending with its year or with
    # a link after its year, the next entry's names opening the next line
    text = (
        "Solver.\n\n"
        "References:\n"
        " Lind, E.R. and Hale, R.C., A Unified Form of the Transfer Theorem, Goddard Space"
        " Flight Center, 1968.\n"
        " Ada Lind. Revisiting the transfer problem. Celestial Mechanics and Dynamical"
        " Astronomy, 2015. https://arxiv.org/abs/1403.2705\n"
        " Bo J. Hale. The Superior Transfer Algorithm. Advanced Maui Optical and Space"
        " Surveillance Technologies, 2011.\n"
    )
    hits = find_hits(text)
    arxiv = next(h for h in hits if h.kind is RefKind.ARXIV)
    # the preprint keeps its own entry, not the one on the line above
    assert arxiv.title_hint == "Revisiting the transfer problem"
    assert text[arxiv.start :].startswith("Ada Lind")
    # the last entry's venue is no second title
    titles = [h.title_hint for h in hits if h.kind is RefKind.TITLE]
    assert "The Superior Transfer Algorithm" in titles
    assert not any(t and t.startswith("Advanced Maui") for t in titles)
    assert len(hits) == 3


def test_the_authors_and_year_after_a_titled_link_on_its_line_are_the_links_work() -> None:
    link = "[Fast sketches of tidal streams](https://arxiv.org/abs/1104.1234)"
    for after in (". Lind and Moss, 2011.", ", Lind and Moss (2011)", " - Lind & Moss, 2011"):
        hits = find_hits(f"Compute.\n\nSee:\n- {link}{after}\n")
        assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
            (RefKind.ARXIV, "arxiv:1104.1234")
        ], after
        assert hits[0].reference is not None and hits[0].reference.year == 2011
    # a work the sentence sets apart from the link is another one
    hits = find_hits(f"Compute.\n\nSee:\n- {link}. See also Lind and Moss (2013).\n")
    assert [h.kind for h in hits] == [RefKind.ARXIV, RefKind.AUTHOR_YEAR]


def test_a_mention_joins_the_undated_entry_its_link_closes() -> None:
    # an entry without a year or venue, its title closed by its link: still an entry (its
    # authors with initials), and the in-text mention of its first author is that work
    for link in (
        "https://doi.org/10.1234/jts.2011.045",
        "https://www.cs.example.edu/~lind/papers/sketches.pdf",
    ):
        text = (
            "Estimate the tide, as in Lind and Moss (2011), with a sketch.\n\n"
            "References\n----------\n"
            f".. [1] A. Lind, B. Moss, C. Hale. Fast sketches of tidal streams. {link}\n"
        )
        hits = find_hits(text)
        assert len(hits) == 1, link
        assert hits[0].title_hint == "Fast sketches of tidal streams"
    # ... a link to course notes closes no paper's entry: no title card for it
    notes = (
        "Properties are well documented [1]_.\n\nReferences\n----------\n"
        ".. [1] Kenneth I. Lind, Tidal polynomials,\n"
        "   http://www.example.edu/education/CAGDNotes/Tidal-Polynomials.pdf\n"
    )
    assert not find_hits(notes)


def test_an_identifier_after_its_entry_is_not_read_as_the_next_entrys() -> None:
    # each entry: title, then authors and year, then its link, a blank line between entries
    text = (
        "See the following references for details:\n\n"
        "An O(m) Algorithm for Cores Decomposition of Networks\n"
        "Vladimir Lind and Matjaz Moss, 2003.\n"
        "https://arxiv.org/abs/cs.DS/0310049\n\n"
        "Generalized Cores\nVladimir Lind and Matjaz Moss, 2002.\n"
        "https://arxiv.org/pdf/cs/0202039\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
        (RefKind.ARXIV, "arxiv:cs/0310049"),
        (RefKind.ARXIV, "arxiv:cs/0202039"),
    ]
    # an entry whose collection is quoted after its title, its links after that: one work
    text = (
        ".. [3] Ada Lind, Bo Moss and Cy Hale\n"
        '   "Graph Symmetry Detection and Canonical Labeling: Differences and Synergies"\n'
        '   in "Turing-100. The Alan Turing Centenary" Ed: A. Voronkov p. 181 -- 195, (2012).\n'
        "   https://doi.org/10.29007/gzc1 https://arxiv.org/abs/1208.6271\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.ARXIV]


def test_a_surname_joined_by_unicodes_hyphen_is_one_name() -> None:
    # `Campos‐Cerqueira` with U+2010, as text copied from a PDF gives it: the entry is read
    # with its authors, and the DOI after it is the same reference (not a second author-year)
    for hyphen in ("\u2010", "\u2011", "-"):
        text = (
            "References:\n"
            f"    - Lind{hyphen}Moss, M., et al., 2020. How does tidal certification affect the"
            " fauna? Remote Sensing in Tidal Conservation 6, 274-285."
            " https://doi.org/10.1002/rse2.120\n"
        )
        hits = find_hits(text)
        assert [h.kind for h in hits] == [RefKind.DOI], hyphen
        assert hits[0].title_hint == "How does tidal certification affect the fauna"


def test_an_entry_under_another_entrys_link_is_its_own_with_its_link() -> None:
    # a Doxygen reference list without markers: an entry and its arXiv link, then the next
    # entry's authors, its title and its PDF
    text = (
        "References:\n"
        "    B. Lind et al: TIDESIM: The modular tide simulation toolkit\n"
        "    https://arxiv.org/abs/1407.7676\n"
        "    V. Moss, P. Hale:\n"
        "    On the Evaluation of the Complex-Valued Tidal Integral\n"
        "    https://www.sci.example.edu/~vmoss/research/2011_JGT.pdf\n"
    )
    hits = find_hits(text)
    assert [(h.kind, h.ref.key if h.ref else None) for h in hits] == [
        (RefKind.ARXIV, "arxiv:1407.7676"),
        (RefKind.URL, "url:https://sci.example.edu/~vmoss/research/2011_JGT.pdf"),
    ]
    # the second one's title stops where its link starts
    assert hits[1].title_hint == "On the Evaluation of the Complex-Valued Tidal Integral"


def test_a_mention_naming_other_co_authors_stays_apart_from_an_undated_entry() -> None:
    text = (
        "    For tidal gauges, this implements\n\n"
        "    Tidal Sketches for Big data, Lind, Moss and Vale, UAI 2013,\n\n"
        "    For river gauges, this implements\n\n"
        "    Lind, Roe and Holm, Sketching Tides of Rivers, ArXiv 1411.2005\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.AUTHOR_YEAR, RefKind.ARXIV]
    assert not any(h.also for h in hits)
    # ... and a mention of the entry's own co-authors is that entry
    same = text.replace("Lind, Moss and Vale, UAI 2013", "Lind, Roe and Holm, UAI 2013")
    assert [h.kind for h in find_hits(same)] == [RefKind.ARXIV]


def test_the_letter_after_a_year_keys_each_work_of_an_author_and_year_apart() -> None:
    # two citation keys of one author and year, told apart by their letters: two works
    text = "Decompose the maps.\n\nSee :footcite:t:`Lind2011c` and :footcite:t:`Lind2011d`.\n"
    refs = [reference_of(h, text[h.start : h.end]) for h in find_hits(text)]
    assert [r.ref.key for r in refs if r] == ["author-year:lind-2011c", "author-year:lind-2011d"]
    # ... and a mention without a letter keeps the plain key
    (hit,) = find_hits("Tides as measured, see Lind (1990) for the gauges.\n")
    assert (ref := reference_of(hit, "Lind (1990)")) is not None
    assert ref.ref.key == "author-year:lind-1990"


def test_two_entries_of_one_title_by_other_authors_in_another_year_are_two_works() -> None:
    # a paper, then the letters about it printed under its title a year later
    text = (
        "* Maren Okafor: Rounding Errors in Tidal Models. *Tidal Computing Review*,\n"
        "  Vol.: 11, No.: 1 (March 1993), pages 5--48.\n\n"
        "* Erratum: *Tidal Computing Review*, Vol.: 11, No.: 3 (May 1993), page 413. And see\n"
        "  also the letters by R. T. Lind and Rosa\n"
        "  V. Vale in Readers' Corner: \"Rounding Errors in Tidal\n"
        '  Models". *Tidal Computing Review*, Vol.: 12, No.: 4 (May 1994), page 211.\n'
    )
    hits = find_hits(text)
    assert [(h.reference.authors[0], h.reference.year) for h in hits if h.reference] == [
        ("Maren Okafor", 1993),
        ("R. T. Lind", 1994),
    ]
    # the same title by the same first author is one work, whatever the year
    twice = text.replace("R. T. Lind", "M. T. Okafor")
    assert len(find_hits(twice)) == 1


def test_a_corrections_label_is_no_author() -> None:
    # `Corrigendum:` opens the correction's line as a surname would, before its venue and year
    for label in ("Corrigendum", "Erratum"):
        text = (
            "* Maren Okafor: Rounding Errors in Tidal Models. *ACM Tidal Surveys*,\n"
            "  Vol.: 11, No.: 1 (March 1993), pages 5--48.\n\n"
            f"* {label}: *ACM Tidal Surveys*, Vol.: 11, No.: 3 (September\n"
            "  1993), page 413.\n"
        )
        assert [h.kind for h in find_hits(text)] == [RefKind.TITLE], label


def test_two_volumes_of_one_author_and_year_are_two_works() -> None:
    """`Okafor 2024, JOSS 9(100), 7023` and `Okafor et al. 2024, ApJ, 970, 51`: one first
    author and year, two journals' volumes, two works; a mention that gives the ApJ volume
    is the ApJ record's."""
    text = (
        "Please cite `Okafor 2024, JOSS 9(100), 7023\n"
        "<https://joss.theoj.org/papers/10.21105/joss.07023>`_.\n\n"
        "The curve is from Okafor et al. (2024, ApJ, 970, 51).\n\n"
        "O24: `Okafor et al. 2024, ApJ, 970, 51\n"
        "<https://ui.adsabs.harvard.edu/abs/2024ApJ...970...51O>`_\n"
    )
    joss, ads = find_hits(text)
    assert (joss.kind, joss.reference.venue, joss.also) == (RefKind.DOI, "JOSS", ())
    assert (ads.kind, ads.reference.venue) == (RefKind.URL, "ApJ")
    assert ads.also == (text.index("Okafor et al. (2024"),)
