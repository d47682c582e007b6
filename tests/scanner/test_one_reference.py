"""A second citation of a reference already counted by its identifier is part of it.

The shapes a scan of real code showed: an author-year whose sentence runs on to the work's
link, the fields of a labelled entry after its linked title, one work and one bare link in a
place, a figure's alt text and target, two readings of one entry's line, a Sphinx key's entry,
an entry's identifiers on other hosts. And the shapes that stay two works.
"""

from __future__ import annotations

import pytest

from catalog.types import PaperRef, RefKind
from scanner.extract import find_hits
from scanner.places.base import Groups
from scanner.places.fields import join_fields_after_links
from scanner.places.same import join_overlapping, join_title_prefixes
from scanner.types import EntryFields, Hit

ONE_WORK = [
    # the link closing the sentence that announces the paper, its cite key a paragraph below
    "   Implementation of the Global Tide Collider algorithm from the following paper:\n"
    "   http://research.microsoft.com/en-us/um/people/lind/papers/gtc_cvpr2016.pdf\n\n"
    "   @cite Wang_2016_CVPR\n",
    # a link labelled as the preprint of the paper linked just before it
    "Consult the `Tide paper <https://doi.org/10.5555/j.tides.2017.001>`_ or\n"
    "`its preprint on arXiv <https://arxiv.org/abs/1703.00001>`_ for details.\n",
    # a locator into the linked work, then its authors and year in brackets
    "Source: https://doi.org/10.5555/j.tides.2009.001, Table 12 (Lind et al. 2009)\n",
    # a Markdown list item's link, then the work's full citation quoted under it
    "## References\n\n- [Tidal sketches](https://dl.acm.org/citation.cfm?id=1234567)\n"
    '  > Lind, Erika. 2005. "Tidal Sketches." _J. Tides_ 5 (1): 58--75.'
    " <https://doi.org/10.5555/j.tides.2005.001>.\n",
    # an author-year, a locator or `see`, then the link closing the sentence
    "The inner-product transform (Hale et al., 2014, see"
    " https://www.cs.example.edu/~hale/papers/ipt.pdf)\n",
    "# Area of two caps: Orlov & Penn (2001), eq. 4, https://doi.org/10.5555/ps.8701\n",
    "See Roth et al., 2015, J. Example 574:A36 (arXiv:1409.7581).\n",
    "The procedure of Sherwood, 1997,\nDiscrete & Computational Geometry 18(3):305-363\n"
    "http://www.cs.example.edu/~sherwood/papers/robust.pdf\n",
    "For details see Lin et al (2020): Learning Kernels for Two-Sample Tests\n"
    "(https://arxiv.org/abs/2002.09116)\n",
    "It follows appendix C of Varga & Kell (2006).\n"
    "See https://www.cs.example.edu/~varga/papers/aiaa-2006.pdf\n",
    "As described in Kopp et al. 2010 (see: `<http://arxiv.org/abs/0907.1081>`_).\n",
    # ... the link on the next line, what it gives or a locator into it after it
    "Canonical tides.\n\n    See Lind et al. (2019). TideImage. DOI:\n"
    "    10.5555/j.tideimage.2019.116009 for equation references.\n",
    "Transfer function of the tide model.\n\n    See: Lind, L. & Moss, A.K., 2015, Physical"
    " Review, DOI:\n    10.5555/PhysRevE.91.040101, Eq. 4.\n",
    # the mention set off in emphasis, the sentence going on after it, its entry below
    "\nSimulation of TVD - Lind, Moss and Ode (2009)\n==========\n\n"
    "Define the *Lind et al. (2009)* physiologically-based model for\n"
    "simulation of tide vision deficiency.\n\n-   :func:`tides.matrix_tvd_Lind2009`\n\n"
    "References\n----------\n"
    "-   :cite:`Tideblindora` : Tideblindor. (n.d.). Deuteranopia - Red-Green Tide\n"
    "    Blindness. Retrieved July 4, 2015, from\n"
    "    http://www.tide-blindness.example.com/deuteranopia/\n"
    "-   :cite:`Lind2009` : Lind, G.M., Moss, M. M., & Ode, L.\n"
    "    (2009). A Physiologically-based Model for Simulation of Tide Vision\n"
    "    Deficiency. IEEE Transactions on Tides, 15(6), 1291-1298.\n"
    "    doi:10.5555/tvcg.2009.113\n",
    # a title, then its link on the next line after a word naming it
    'J. Sato, K. Lim. "Fast Sketching of Streams", SODA 2011.\n'
    "Original paper: https://arxiv.org/abs/1105.1234\n",
    # a title line, then `See <link> for <what it gives>` on the next line
    "Residual Learning of Deep Image Stacks (2015).\n"
    "See https://www.cs.example.edu/~smith/pubs/ds.pdf for the original formulation.\n",
    "Smith and Jones (2015). Residual learning of deep image stacks.\n\n"
    "See https://www.cs.example.edu/~smith/pubs/ds.pdf for the proof of the bound.\n",
    # the link opening its paragraph, its entry on the next line
    "https://arxiv.org/abs/1512.03385\n"
    "Smith, J. and Jones, K. (2015). Residual learning of deep image stacks.\n",
    "- Residual learning of deep image stacks (Smith and Jones, 2015)\n"
    "  https://arxiv.org/abs/1512.03385\n",
    # a line leading to the entry's link after it
    "J. Sato, K. Lim. Fast sketching of data streams. SODA 2011.\n"
    "Proposed in https://arxiv.org/abs/1105.1234\n",
    # a reST figure whose alt text names the work its target links
    ".. figure:: ../img/cruz2019.png\n   :alt: Figure from Cruz, D. (2019).\n"
    "   :target: https://doi.org/10.5555/e21121167\n",
    # a Sphinx key labelling an entry read from inside the key, its link lines below
    "References\n----------\n-   :cite:`Mora2010a` : Mora, Gil Mello. (2010). A model for\n"
    "    simulating colour deficiency and a contrast enhancement\n"
    "    technique for dichromats. (pp. 1-94).\n    http://www.lume.example.br/handle/10183/26950\n",
    # an entry's DOI with its repository id, then the repository's link
    ".. [1] Zara Abel, Rui Ravel. An Exact Edit Distance Algorithm for Pattern Problems.\n"
    "   4th Conference on Pattern Methods 2015, Lisbon. 2015,\n"
    "   <10.5555/0005209202710278>. <hal-01168816>\n"
    "   https://hal.archives-ouvertes.fr/hal-01168816\n",
    # an entry's DOI and arXiv copies listed on its last line
    "M. Rossi, D. Axel, and C. T. Berg:\nThe flow equation,\n"
    "Eur. Phys. J. Special Topics 178, 13 (2009).\n"
    "https://dx.doi.org/10.5555/epjst/e2010-01179-1, https://arxiv.org/abs/0906.1402\n",
    "J. Sato, K. Lim. Fast sketching of data streams. SODA 2011.\n"
    "https://doi.org/10.5555/soda.2011.42 (https://www.cs.example.edu/~sato/papers/sketch.pdf)\n",
    # one BibTeX entry's DOI and ADS link
    '@ARTICLE{example2018,\n    title = "{The Example Project: Status of the Core Package}",\n'
    "   eprint = {1801.02634},\n      doi = {10.5555/1538-3881/aabc4f},\n"
    "   adsurl = {https://ui.adsabs.harvard.edu/abs/2018AJ....156..123T},\n}\n",
    # one work linked twice in a docstring on two hosts, each link's text its authors and year
    "The importance follows `Lind et al. 2006 <http://dx.doi.org/10.18637/jss.v099.i01>`_.\n\n"
    "The shares sum to one. See\n"
    "`Lind 2006 <https://www.jstatsoft.org/article/view/v099i01>`_ for details.\n",
    # an HTML link with an unquoted address, its text the authors and year
    "K2-59 b  <a refstr=VANDER_ET_AL__2016 href=https://ui.adsabs.harvard.edu/abs/"
    "2016ApJS..222...14V/abstract target=ref>Vander et al. 2016</a>  338.9\n",
    # a link whose HTML text is its address, then its title and authors in parentheses
    'Based on the paper <a href="https://arxiv.org/abs/1705.07001">'
    "https://arxiv.org/abs/1705.07001</a>\n"
    '("A Fast Algorithm for Frequent Items in Streams"\nby Dana Anders and Lee Rho)\n',
    # an entry's publisher link, then its preprint under a hyphenated label on the next line
    "Smith A., Jones B.: Fast Parallel Closeness with Little Memory, Euro-Par 2020.\n"
    "https://link.springer.com/chapter/10.1007/978-3-030-57675-2_12\n"
    "ArXiv pre-print: https://arxiv.org/abs/2005.12345.\n",
    # a Markdown list (a Rust doc comment): the entry, then its PDF copy as an item whose link
    # text is the entry's title and the copy's format
    "# References\n\n- Lind, A., & Moss, K. (2012). Fast tide sketches. *Journal of Tides*,\n"
    "  4(2), 1-10. [doi:10.5555/jt.2012.4](https://doi.org/10.5555/jt.2012.4)\n"
    "- [Fast tide sketches (PDF)](https://www.example.edu/~lind/tides.pdf)\n",
    # a technical report's entry, its institution before the report's number, then its PDF
    "The algorithm is based on: A. V. Lind. Finding a maximum density\n"
    "tide. EECS Department, University of California, Berkeley. Technical Report\n"
    "No. UCB/CSD-84-171, 1984.\n"
    "https://www2.eecs.example.edu/Pubs/TechRpts/1984/CSD-84-171.pdf\n",
    # a Javadoc entry, then after the author tag its `@see` anchor whose text is the DOI
    " Reference:\n <p>\n A. Lind, K. Moss<br>\n Clustering tides by density<br>\n"
    " Proc. 12th Int. Conf. on Coastal Data (ICCD 2014)\n\n @author Erika Lind\n"
    ' @see <a href="https://doi.org/10.5555/iccd.2014.7">doi:10.5555/iccd.2014.7</a>\n',
    # an author-year over the ADS record whose bibcode gives its year and first author's initial
    "If this helps, cite the tide model of Lind (2008)\n\n"
    "    https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71L\n\n"
    "V1.1: simpler formulas from Lind (2008).\n",
]

TWO_WORKS = [
    # two list items, each a link: the second item is no quote under the first
    "- [Tidal sketches](https://dl.acm.org/citation.cfm?id=1234567)\n"
    "- [Tide filters](https://doi.org/10.5555/j.tides.2006.002)\n",
    "J. Sato, K. Lim. Fast sketching of data streams. SODA 2011.\n"
    "Based on this we propose https://arxiv.org/abs/1105.1234\n",
    "As in Smith (2001), which Lee extended in https://arxiv.org/abs/1501.01234\n",
    "Smith (2001), also https://arxiv.org/abs/1501.01234 for graphs.\n",
    "Built on Smith (2001). We use https://arxiv.org/abs/1501.01234\n",
    # two pages of one archive, one per line: a paper and its correction
    "Implements the inverse, AS 109.\n  https://www.jstor.org/stable/2346798\n"
    "  https://www.jstor.org/stable/2346887\n",
    # a `See <link> for` line that names another work
    "Smith and Jones (2015). Residual learning of deep image stacks.\n"
    "See https://arxiv.org/abs/1603.05027 for a faster variant of the update.\n",
    # entries each above its link, one per line
    "Smith and Jones (2015). Residual learning of deep image stacks.\n"
    "https://arxiv.org/abs/1512.03385\nLee and Park (2016). Identity mappings for stacks.\n"
    "https://arxiv.org/abs/1603.05027\n",
    # two DOIs whose links' texts name one author and year: two works of that year
    "See `Lind 2006 <https://doi.org/10.5555/tide.1>`_ and\n"
    "`Lind 2006 <https://doi.org/10.5555/bay.2>`_.\n",
    # a Javadoc entry, then a `@see` anchor that names another work
    " Reference:\n <p>\n A. Lind, K. Moss<br>\n Clustering tides by density<br>\n"
    " Proc. 12th Int. Conf. on Coastal Data (ICCD 2014)\n\n @author Erika Lind\n"
    ' @see <a href="https://doi.org/10.5555/jt.2016.3">Lind (2016), Tides revisited</a>\n',
    # a link first, then a mention that the work cites
    "https://www.jstor.org/stable/2346798\n\nAn approximation as in (cf. Scholz and Tuck, 1944)\n",
    # a mention of two authors whose first is the entry's co-author: another work of the year
    "Skipped correlation (Moss and Lind 2012).\n\nReferences\n----------\n"
    ".. [1] Lind CR, Okafor R, Moss GA. Robust tide analyses: False Positive and Power.\n"
    "   Frontiers in Tides. 2012;3:606. doi:10.5555/tides.2012.00606.\n",
    # an ADS record of another year or another first author's initial: another work
    "The tide model of Lind (2008)\n\n    https://ui.adsabs.harvard.edu/abs/2009MNRAS.390...71L\n"
    "    https://ui.adsabs.harvard.edu/abs/2010MNRAS.391...72L\n",
    "The tide model of Lind (2008)\n\n    https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71M\n"
    "    https://ui.adsabs.harvard.edu/abs/2010MNRAS.391...72L\n",
]


@pytest.mark.parametrize("text", ONE_WORK)
def test_a_second_mention_of_an_identified_work_is_one_reference(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None


@pytest.mark.parametrize("text", TWO_WORKS)
def test_two_works_stay_two(text: str) -> None:
    assert len(find_hits(text)) >= 2


def test_an_entrys_fields_after_its_linked_title_are_that_entry() -> None:
    text = (
        "References\n----------\n"
        ".. [1] `Complex Symmetric Distributions: Survey and Results\n"
        "    <https://www.lab.example.edu/~olla/pubs/ces.pdf>`_\n"
        "    E. Olla, D.E. Tyne, V. Koiv, H.V. Pohl. IEEE Transactions on\n"
        "    Signal Processing, 2012.\n"
        ".. [2] `A distribution-free estimator of scatter\n"
        "    <https://doi.org/10.5555/aos/1176350263>`_\n"
        "    D.E. Tyne. The Annals of Statistics, 1987.\n"
    )
    first, second = find_hits(text)
    assert first.kind is RefKind.URL and second.kind is RefKind.DOI
    assert not first.also and not second.also  # the fields are the entries' own text


def test_a_mention_after_an_unlabelled_link_stays_apart() -> None:
    text = "Read more at `the notes <https://arxiv.org/abs/1507.04544>`_\nSmith (2001) differs.\n"
    assert len(find_hits(text)) == 2


def test_two_readings_of_one_entry_line_are_one_reference() -> None:
    text = (
        ".. [1] Michel, Paul Lafont de, and Fred Ouel. 2020. “A Study of Seven\n"
        "   Asymmetric Kernels for Distribution Functions,” November.\n"
        "   https://arxiv.org/abs/2011.14893v1.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.ARXIV
    assert hit.reference is not None and hit.reference.title is not None
    assert hit.reference.title.startswith("A Study of Seven")


@pytest.mark.parametrize(
    "text",
    [
        # a description citing the work, then its @see link in a paragraph of its own
        "Sharp levels use visible normal sampling (Hertz, 2018), while rough levels\n"
        "integrate a smaller source.\n\n"
        "@see {@link https://jcgt.org/published/0007/04/01/ | Sampling Visible Normals}\n",
        # the link alone (or labelled) in its paragraph, then the work's entry
        "Shrink the sketch.\n\nhttps://arxiv.org/abs/1512.03385\n\n"
        "Okafor, J. and Lind, K. (2015). Residual learning of deep tide stacks.\n",
        "Shrink the sketch.\n\nPaper: https://arxiv.org/abs/1512.03385\n\n"
        "Okafor and Lind (2015), Residual learning of deep tide stacks.\n",
        # an entry, a blank line, its link
        "Based on:\n\nMara Saf, Gui Cu, and Ming Lo,\n"
        '"Perceptually uniform colour space for image signals,"\n'
        "Opt. Express 25, 15131-15151 (2017)\n\nhttps://doi.org/10.5555/OE.25.015131\n",
        # `Available at:` in a paragraph of its own
        "Felz P, Hutt D. *Distance transforms of sampled functions.\n"
        "Cornell Computing and Information.* 2004.\n\nAvailable at:\n"
        "https://citeseerx.ist.psu.edu/viewdoc/download?doi=10.1.1.88.1647&rep=rep1&type=pdf.\n",
        # a quoted title with its authors, then `<p>Reference:` and the link
        'based on the paper\n"Relative Error Streaming Quantiles" by Gil Corm, Zoe Karn,\n'
        "and Edo Lib.\n\n<p>Reference: https://arxiv.org/abs/2004.01668</p>\n",
        # an entry under `.. seealso::`, then its PDF under another
        ".. seealso::\n\n   Ruiz, A., Vale, M., & Moss, S. (1987). Minimizing multimodal\n"
        "   functions with adaptive annealing. ACM Trans. Math. Softw., 13(3), 262-280.\n\n"
        ".. seealso::\n\n   https://people.example.edu/~ruiz/5420a/annealing.pdf\n",
    ],
)
def test_the_one_work_and_the_one_bare_link_of_a_place_are_one_reference(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None


@pytest.mark.parametrize(
    "clause",
    ["", " for the full paper.", " for a description of the algorithm and its proofs."],
)
def test_an_entry_and_its_see_tag_link_below_are_one_reference_at_the_entry(clause: str) -> None:
    text = (
        "Computes the robust covariance.\n\n"
        "Rossi, P. J., and Van Dael, K. (1999). A fast algorithm for the minimum covariance\n"
        "determinant estimator. Technometrics, 41(3), 212-223.\n"
        "@see {@link https://stat.example-univ.edu/papers/mcd-fast.pdf}" + clause + "\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.URL and text[hit.start :].startswith("Rossi")


def test_a_see_tag_link_to_another_work_stays_apart_from_the_entry() -> None:
    text = (
        "Rossi, P. J., and Van Dael, K. (1999). A fast algorithm for the minimum covariance\n"
        "determinant estimator. Technometrics, 41(3), 212-223.\n"
        "@see {@link https://stat.example-univ.edu/papers/mcd-faster.pdf} for a faster variant\n"
    )
    assert len(find_hits(text)) == 2


def test_an_entry_and_its_link_a_paragraph_apart_start_at_the_entry() -> None:
    text = (
        'Green, D. A., 2011, "A colour scheme for intensity images",\n'
        "Bulletin of the Example Society, 39, 289.\n\nhttps://arxiv.org/pdf/1108.5081.pdf\n"
    )
    (hit,) = find_hits(text)
    assert hit.start == 0 and hit.kind is RefKind.ARXIV


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph of its own between them points elsewhere
        'Lind, Bates (1988). "Newton Raphson for mixed models". JASA 83, 1014-1022.\n\n'
        "See also this more recent document:\n\n"
        "http://www.econ.example.edu/~doug/papers/mixed.pdf\n",
        # no blank line: the layout does not say the link is the work's
        "Sharp levels use visible normal sampling (Hertz, 2018), and rough levels do not.\n"
        "@see {@link https://jcgt.org/published/0007/04/01/}\n",
        # a second work in the place: which one the link is cannot be told
        "Uses Hertz (2018) and Smith (2001).\n\n@see {@link https://jcgt.org/published/0007/04/01/}\n",
        # the link first, the mention after
        "https://jcgt.org/published/0007/04/01/\n\nAs in Hertz (2018).\n",
        # a list of references: the link is an item of its own
        "References\n----------\n* Shaw, S. S., & Wilks, M. B. (1965). An analysis of variance\n"
        "  test for normality. Biometrika, 52(3/4), 591-611.\n\n"
        "* https://www.stats.example.edu/~lee/papers/normality.pdf\n",
        # a preprint posted years after the entry's year is another work
        'Reference:\n    Ada Lind et al. "Sequential tide forecasting." in ICDM 2018.\n\n'
        "Reference:\n    https://arxiv.org/pdf/2310.14079.pdf\n",
    ],
)
def test_a_link_the_layout_does_not_tie_to_the_work_stays_apart(text: str) -> None:
    assert len(find_hits(text)) >= 2


def test_two_titles_read_over_each_other_stay_two_unless_one_is_names() -> None:
    # Two readers each read over both entries of one sentence (`A, B. Title one (2008); and A,
    # B. Title two`): their spans overlap, their titles differ, neither is the other's names.
    text = "A. Clay, C. Moor. Title one here (2008); and A. Clay, C. Moor. Title two there.\n"
    authors = ("A. Clay", "C. Moor")
    one = Hit(0, 80, RefKind.TITLE, "CG105", reference=EntryFields(authors, "Title one here"))
    two = Hit(9, 80, RefKind.TITLE, "CG105", reference=EntryFields(authors, "Title two there"))
    groups = Groups(2)
    join_overlapping(text, [one, two], groups)
    assert len(groups.members()) == 2
    # a title read from the other's authors is a junk reading of the same entry
    junk = Hit(9, 60, RefKind.TITLE, "CG105", reference=EntryFields((), "Clay, C. Moor"))
    groups = Groups(2)
    join_overlapping(text, [one, junk], groups)
    assert len(groups.members()) == 1


def test_entries_whose_titles_agree_to_the_shorter_stay_two_by_their_authors() -> None:
    # `A. Stark and N. Worth, Generating random regular graphs quickly, 1999` and `Jae Kim and
    # Van Vo, Generating random regular graphs, 2003`: two entries, two works.
    quick = EntryFields(("A. Stark", "N. Worth"), "Generating random regular graphs quickly")
    plain = EntryFields(("Jae Kim", "Van Vo"), "Generating random regular graphs")
    hits = [
        Hit(0, 60, RefKind.TITLE, "CG105", reference=quick),
        Hit(80, 140, RefKind.TITLE, "CG105", reference=plain),
    ]
    groups = Groups(2)
    join_title_prefixes(hits, groups)
    assert len(groups.members()) == 2
    # the same title cut short by one reader, with no other author, is one work
    cut = EntryFields(("A. Stark",), "Generating random regular graphs")
    hits[1] = Hit(80, 140, RefKind.TITLE, "CG105", reference=cut)
    groups = Groups(2)
    join_title_prefixes(hits, groups)
    assert len(groups.members()) == 1


def test_a_venue_after_the_title_read_as_another_title_is_the_entrys() -> None:
    text = (
        '  <li>Shaffer, J. D. (1985).  "Multiple Objective Optimization."  Genetic\n'
        "      Algorithms and Their Uses: Proceedings of the First Conference, pp. 93-100.\n"
    )
    authors = ("Shaffer, J. D.",)
    title = EntryFields(authors, "Multiple Objective Optimization", year=1985)
    venue = EntryFields(authors, "Genetic Algorithms and Their Uses", year=1985)
    hits = [
        Hit(0, 60, RefKind.TITLE, "CG105", reference=title),
        Hit(6, 120, RefKind.TITLE, "CG105", reference=venue),
    ]
    groups = Groups(2)
    join_overlapping(text, hits, groups)
    assert len(groups.members()) == 1
    assert hits[0].reference == title and hits[1].reference is not None
    assert hits[1].reference.title is None  # the venue is no title of the work


def test_a_bare_doi_item_and_the_entry_whose_year_it_holds_are_one_reference() -> None:
    text = (
        "References\n----------\n.. [1] https://doi.org/10.5555/jco.1994.12.10.2086\n\n"
        ".. [2] Schuman, M., Basler, G., et al.\n"
        '    "A randomized trial of hormonal treatment in node-positive patients."\n'
        "    Journal of Example Oncology 12, 2086-2093. (1994)\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.DOI and len(hit.also) == 1


def test_a_bare_doi_item_of_another_year_stays_apart() -> None:
    text = (
        "References\n----------\n.. [1] https://doi.org/10.5555/jco.2001.19.10.2086\n\n"
        ".. [2] Schuman, M., Basler, G., et al.\n"
        '    "A randomized trial of hormonal treatment in node-positive patients."\n'
        "    Journal of Example Oncology 12, 2086-2093. (1994)\n"
    )
    assert len(find_hits(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # CRLF line ends
        ".. [1] `On information and sufficiency\r\n    <https://www.jstor.org/stable/2236703>`_\r\n"
        "    S. Kullby, R. Leiber.\r\n    The Annals of Example Statistics, 1951, 22 (1).\r\n",
        # the mention read from the item's second line after the link
        ".. [2] `Riemannian geometry applied to classification\n"
        "    <https://hal.archives-ouvertes.fr/hal-00602700/>`_\n"
        "    A. Barr, S. Bonn, M. Cong and C. Jutt. 9th International\n"
        "    Conference Latent Variable Analysis and Signal Separation\n"
        "    (LVA/ICA 2010), LNCS vol. 6365, 2010, p. 629-636.\n",
    ],
)
def test_an_entrys_fields_after_its_link_in_other_layouts_are_that_entry(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None and not hit.also


def test_another_work_named_after_an_entrys_link_stays_apart() -> None:
    text = (
        ".. [1] `On information and sufficiency\n    <https://www.jstor.org/stable/2236703>`_\n"
        "    See also Smith, J. (2001). A later bound. Annals of Examples.\n"
    )
    link_end = text.index(">`_") + 1
    mention = text.index("Smith")
    link = Hit(
        text.index("https"),
        link_end,
        RefKind.URL,
        "CG103",
        ref=PaperRef(RefKind.URL, "https://jstor.org/stable/2236703"),
    )
    named = Hit(mention, mention + 17, RefKind.AUTHOR_YEAR, "CG106")
    groups = Groups(2)
    assert not join_fields_after_links(text, [link, named], groups)
    assert len(groups.members()) == 2


def test_a_list_items_link_in_the_items_next_paragraph_is_its_entrys() -> None:
    text = (
        ".. [1] Okafor, J. (2015). Residual learning of deep tide stacks. J. Tides 3.\n\n"
        "       https://doi.org/10.5555/jt.2015.12\n\n"
        ".. [2] Lind, K. (2016). Another thing entirely. J. Things 4.\n"
    )
    first, second = find_hits(text)
    assert first.ref is not None and first.ref.key == "doi:10.5555/jt.2015.12"
    assert "\n" not in text[first.start : text.index("Okafor")]  # the reference opens there
    assert second.ref is None and second.start == text.index("Lind")


def test_a_link_under_the_next_items_label_is_not_the_entry_above() -> None:
    # the first item's own link is a software page; the second item names a reference work
    # and links it: two references, the book's without the second item's link
    text = (
        '.. [1] Okafor, Shanjie and Lind, Jianming. "Computation of Tidal\n'
        '       Functions", John Wiley and Sons, 1996, chapter 5.\n'
        "       https://people.example.edu/~okafor/f77_src/tidal/tidal_functions.html\n\n"
        ".. [2] NIST Digital Library of Tidal Functions.\n"
        "       https://dlmf.nist.gov/10.6.E7\n"
    )
    book, link = find_hits(text)
    assert book.ref is None and book.kind is RefKind.BOOK
    assert link.ref is not None and link.ref.key == "url:https://dlmf.nist.gov/10.6.E7"
    assert link.start > text.index(".. [2]")


def test_a_link_paragraph_outside_the_item_stays_apart() -> None:
    text = (
        ".. [1] Okafor, J. (2015). Residual learning of deep tide stacks. J. Tides 3.\n\n"
        "https://doi.org/10.5555/jt.2015.12\n\n"
        ".. [2] Lind, K. (2016). Another thing entirely. J. Things 4.\n"
    )
    assert len(find_hits(text)) == 3


@pytest.mark.parametrize(
    "mention",
    [
        'The paper "Residual learning of deep tide stacks" by Okafor and Lind shows that\n'
        "the skip blocks of very deep networks train fast.\n",
        "In Residual Learning of Deep Tide Stacks, Okafor and Lind show that very deep\n"
        "networks with skips train fast, 2015.\n",
    ],
)
def test_a_sentence_naming_an_entrys_title_is_that_entry(mention: str) -> None:
    text = (
        "Reference:\nOkafor, J. and Lind, K. Residual learning of deep tide stacks.\n"
        "In Proc. Tides, pp. 1-9, 2015.\n\n" + mention
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE and hit.start == text.index("Okafor")
    assert hit.title_hint == "Residual learning of deep tide stacks"


def test_a_longer_title_of_another_year_stays_another_work() -> None:
    text = (
        "Okafor, J. (2015). Residual learning of deep tide stacks. In Proc. Tides.\n\n"
        "Lind, K. (2019). Beyond residual learning of deep tide stacks. J. Tides 4.\n"
    )
    assert len(find_hits(text)) == 2


@pytest.mark.parametrize(
    "mention", ["the estimator of Okafor et al. (2015) [1]_", "Okafor and Lind (2015) [1]"]
)
def test_a_mention_followed_by_its_entrys_label_is_that_entry(mention: str) -> None:
    text = f"Uses {mention}.\n\nReferences\n----------\n.. [1] https://doi.org/10.5555/jt.2015.12\n"
    (hit,) = find_hits(text)
    assert hit.ref is not None and len(hit.also) == 1


def test_a_mention_followed_by_another_works_label_stays_apart() -> None:
    text = (
        "Uses the estimator of Okafor et al. (2015) [1]_.\n\nReferences\n----------\n"
        ".. [1] Lind, K. (2019). Another thing entirely. J. Tides 4.\n"
        "       https://doi.org/10.5555/jt.2019.4\n"
    )
    assert len(find_hits(text)) == 2


# Markdown reference-style links to the place's reference definitions (`[1]: ...`).
MARKDOWN_DEFINITIONS = (
    "A tide estimator [(Okafor and Lind, 2014)][1], then the surge of\n"
    "[Moss et al. (2016)][2].\n\n"
    "#### References\n\n"
    "[1]: Jin Okafor and Kai Lind. Auto-Encoding Tidal Surges. In _Tides_, 2014.\n"
    "     https://arxiv.org/abs/1312.0001\n"
    '[2]: Moss, R., Okafor, J. "Surges for Big Harbours", 2016\n'
    "     https://proceedings.mlr.press/v5/moss16a/moss16a.pdf\n"
)


def test_a_markdown_reference_style_label_is_its_definitions_entry() -> None:
    found = [(h.ref.key if h.ref else None, bool(h.also)) for h in find_hits(MARKDOWN_DEFINITIONS)]
    assert found == [
        ("arxiv:1312.0001", True),
        ("url:https://proceedings.mlr.press/v5/moss16a.html", True),
    ]


def test_a_markdown_definitions_link_does_not_run_into_the_next_definition() -> None:
    text = (
        '[1]: Okafor, J. "Tidal Model Selection for Sparse Harbour Surges", 2009.\n'
        "     https://proceedings.mlr.press/v5/okafor09a/okafor09a.pdf\n"
        '[2]: Lind, K., Moss, R. "Surges for Big Harbours", 2013\n'
        "     https://arxiv.org/abs/1309.0001\n"
    )
    titles = [h.reference.title if h.reference else None for h in find_hits(text)]
    assert titles == [
        "Tidal Model Selection for Sparse Harbour Surges",
        "Surges for Big Harbours",
    ]


def test_bracketed_author_years_each_before_its_link_are_two_references() -> None:
    text = (
        "  ''this is the usual tide swarm of today.''\n"
        "  [Okafor et al., 2007] http://dx.doi.org/10.5555/s1-2007-2\n"
        "  [Lind and Moss, 2002] http://dx.doi.org/10.5555/4235.98\n"
    )
    found = [(h.ref.key if h.ref else None, h.also) for h in find_hits(text)]
    assert found == [("doi:10.5555/s1-2007-2", ()), ("doi:10.5555/4235.98", ())]


def test_a_chapter_and_its_emphasised_collection_are_one_reference() -> None:
    text = (
        "    References\n    ----------\n"
        "    Okafor, J. H., & Lind, M. (2005). Testing for weak tides in linear IV\n"
        "    regression. In *Identification and Inference for Tidal Models*.\n"
        "    Cambridge University Press.\n"
    )
    (hit,) = find_hits(text)
    assert hit.title_hint == "Testing for weak tides in linear IV regression"


def test_a_link_closed_by_doxygens_line_break_command_ends_its_line() -> None:
    text = (
        "  ''the rows were configured into r rows and c columns'' \\n\n"
        "  [Okafor et al., 2005] http://dx.doi.org/10.5555/11589990_80 \\n\n"
        "  (there is an error in the description above)\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "doi:10.5555/11589990_80"


def test_a_bracketed_author_year_label_heads_its_entry_and_link() -> None:
    text = (
        "  many particles with a small probability'' \\n\n"
        "  [Okafor Lind, 2011] Standard Tide Swarm Optimisation, From 2006 to 2011 \\n\n"
        "  http://lind.okafor.example.fr/pso/SPSO_descriptions.pdf\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.start == text.index("Okafor")


def test_an_html_links_italic_text_is_its_title() -> None:
    text = (
        ' <p>[1] Jane Okafor, et al, <a href="https://algo.example.edu/okafor/Publications/t07.pdf">\n'
        "<i>TideLogLog: the analysis of a near-optimal tide estimation algorithm.</i></a>\n"
        " DMTCS proc. <b>AH</b>, 2007, 127-146.\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None
    assert hit.title_hint == "TideLogLog: the analysis of a near-optimal tide estimation algorithm"


PAPER_COPY = (
    "Segmentation.\n\nNotes\n-----\nBased on the work from [1]_.\n\n"
    "- source code adapted based on: https://github.com/lab/seg\n"
    "- paper available at: https://lab.example.edu/~lee/papers/pdf/seg.pdf\n\n"
    "References\n----------\n.. [1] Lee, D., Moss, P. & Ode, S.\n"
    '   "Greedy segmentation of multivariate series.",\n'
    "   Adv Data Anal Classif 13, 727-751 (2019).\n"
    "   https://doi.org/10.1007/s11634-018-0335-0\n"
)


def test_a_link_labelled_as_the_paper_and_the_places_one_entry_are_one_reference() -> None:
    (hit,) = find_hits(PAPER_COPY)
    assert hit.kind is RefKind.DOI and PAPER_COPY[hit.start :].startswith("[1] Lee")


def test_a_link_labelled_as_another_work_stays_apart_from_the_entry() -> None:
    text = PAPER_COPY.replace("- paper available at:", "- see also this other work:")
    assert [h.kind for h in find_hits(text)] == [RefKind.URL, RefKind.DOI]


LABELLED_ENTRY = (
    "Single classifier.\n\nBase model from {mention} [1]_\n\nOverview text here.\n\n"
    "References\n----------\n..  [1] Jane Okafor, James Lind, Gavin Moss and Anne Ode\n"
    '    "The Temporal Tide Ensemble Classifier for Series\n'
    '    Classification", in proceedings of the European Conference on Learning, 2020.\n'
)


def test_a_mention_a_year_off_its_labelled_entry_by_the_same_first_author_is_that_entry() -> None:
    # a preprint's year against its proceedings', after the sentence's full stop
    (hit,) = find_hits(LABELLED_ENTRY.format(mention="Okafor (2021)."))
    assert hit.kind is RefKind.TITLE and len(hit.also) == 1


@pytest.mark.parametrize("mention", ["Okafor (2017).", "Lind (2021)."])
def test_a_mention_of_another_year_or_first_author_stays_apart_from_the_label(
    mention: str,
) -> None:
    assert len(find_hits(LABELLED_ENTRY.format(mention=mention))) == 2


def test_every_link_inside_one_bibtex_entry_is_that_entry() -> None:
    text = (
        "[Tidal Normalization of Deep Harbours](https://arxiv.org/abs/1502.00017)\n\n"
        "```bibtex\n"
        "@article{DBLP:journals/corr/OkaforL15,\n"
        "    author = {Jin Okafor and Kai Lind},\n"
        "    title = {Tidal Normalization of Deep Harbours},\n"
        "    year = {2015},\n"
        "    url = {http://arxiv.org/abs/1502.00017},\n"
        "    eprint = {1502.00017},\n"
        "    timestamp = {Mon, 13 Aug 2018 16:47:06 +0200},\n"
        "    biburl = {https://dblp.org/rec/journals/corr/OkaforL15.bib},\n"
        "    bibsource = {dblp computer science bibliography, https://dblp.org}\n"
        "}\n"
        "```\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:1502.00017"


@pytest.mark.parametrize(
    "link",
    [
        "If you use this code, please cite our [paper](https://example.edu/~okafor/tides.pdf):\n\n"
        "```bibtex\n",
        "    Main description available in this `paper <https://example.edu/~okafor/tides.pdf>`__.\n"
        "\n        .. code:: latex\n\n",
        # the link's text names the work by its author, kind and year only
        "This MDP first appeared in [Jo Okafor's PhD Thesis (2020)]"
        "(https://example.edu/~okafor/tides.pdf)\n\n```\n",
    ],
)
def test_a_link_called_the_paper_and_the_bibtex_entry_under_it_are_one_work(link: str) -> None:
    """A project's "how to cite us": the paper's PDF linked by the word "paper", then its
    BibTeX entry set as code: one work, its DOI, its line the link's."""
    text = (
        link + "@article{okafor2020,\n  author = {Okafor, J. and Lind, K.},\n"
        "  title = {Tidal Stacks for Quadratic Programs},\n  year = {2020},\n"
        "  doi = {10.5555/mp.2020.12},\n}\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "doi:10.5555/mp.2020.12"
    assert hit.start == text.index("https://")


def test_a_link_with_words_of_its_own_stays_apart_from_the_bibtex_under_it() -> None:
    text = (
        "See the [tide tables](https://arxiv.org/abs/2001.01234), and cite:\n\n"
        "```bibtex\n@article{okafor2020,\n  title = {Tidal Stacks for Quadratic Programs},\n"
        "  year = {2020},\n  doi = {10.5555/mp.2020.12},\n}\n```\n"
    )
    assert len(find_hits(text)) == 2


def test_two_bibtex_entries_stay_two() -> None:
    text = (
        "@article{okafor2015,\n  title = {Tidal Normalization of Deep Harbours},\n"
        "  doi = {10.5555/th.2015.1},\n  year = {2015},\n}\n\n"
        "@article{lind2019,\n  title = {Surges for Big Harbours},\n"
        "  timestamp = {Mon, 13 Aug 2018},\n  doi = {10.5555/sb.2019.4},\n}\n"
    )
    assert [h.ref.key for h in find_hits(text) if h.ref] == [
        "doi:10.5555/th.2015.1",
        "doi:10.5555/sb.2019.4",
    ]


def test_an_entry_ends_before_a_sentence_naming_another_works_authors() -> None:
    # A Doxygen comment over a C++ constructor: the algorithm's paper, then its parallel
    # version's entry, with that one's publisher link and preprint.
    text = (
        "Approximation of the closeness according to the algorithm\n"
        "described in Bergamini E., and Crescenzi P. (2019): Computing top-k\n"
        "closeness centrality faster in unweighted graphs.\n"
        "Parallel implementation by Smith A., Jones B., and Brown C.: Fast Parallel\n"
        "Closeness with Little Memory, Euro-Par 2020.\n"
        "https://link.springer.com/chapter/10.1007/978-3-030-57675-2_12\n"
        "ArXiv pre-print: https://arxiv.org/abs/2005.12345.\n"
    )
    first, second = find_hits(text)
    assert first.ref is None and first.title_hint == (
        "Computing top-k closeness centrality faster in unweighted graphs"
    )
    assert second.ref is not None and second.ref.key == "arxiv:2005.12345"


def test_an_entry_set_with_a_hanging_indent_runs_on_to_its_link() -> None:
    text = (
        "    References\n    ----------\n"
        "    Jochen Broecker. Chapter 7 in Forecast Verification: A Practitioner's Guide\n"
        "        in Atmospheric Science. John Wiley & Sons, Ltd, Chichester, UK, 2nd\n"
        "        edition, 2012.\n"
        "        https://drive.example.com/file/d/0B8AfRcot4nsIYmc3alpTeTZpLWc\n"
        "    Tilmann Gneiting and Adrian E. Raftery. Strictly proper scoring rules,\n"
        "        prediction, and estimation, 2005. University of Washington Department of\n"
        "        Statistics Technical Report no. 463R.\n"
        "        https://www.stat.example.edu/research/reports/2004/tr463R.pdf\n"
    )
    hits = [h for h in find_hits(text) if h.kind is not RefKind.BOOK]
    assert [(h.kind, h.title_hint) for h in hits] == [
        (RefKind.URL, "Strictly proper scoring rules, prediction, and estimation")
    ]
    # prose after the entry, at its indent, is not the entry's: the link is the code's
    prose = text.replace("no. 463R.\n", "no. 463R. This module follows it.\n")
    assert len([h for h in find_hits(prose) if h.kind is not RefKind.BOOK]) == 2


def test_a_mention_with_its_meetings_acronym_joins_the_entry_below() -> None:
    text = (
        "Drift detection based on the DDM method of Joao Gama SBIA 2004.\n\n"
        "Joao Gama, Pedro Medas, Gladys Castillo, Pedro Pereira Rodrigues: Learning\n"
        "with Drift Detection. SBIA 2004: 286-295\n"
    )
    (hit,) = find_hits(text)
    assert hit.title_hint == "Learning with Drift Detection"


@pytest.mark.parametrize("key", [":cite:`Lind2018`", "[Lind2018]"])
def test_a_bibliography_key_on_the_line_after_an_entry_is_that_entry(key: str) -> None:
    # A Python docstring (kornia's shape): the paper's quoted title, then `See <key> for ...`.
    text = (
        "Runs the shape net on patches. This is based on the original code from paper\n"
        '"Repeatability Is Enough: Learning Tide Regions from Tides".\n'
        f"See {key} for more details.\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE and hit.also


@pytest.mark.parametrize(
    "after",
    [
        "See :cite:`Lind2019` for an extension to video.\n",  # another work, named so
        "\nSee :cite:`Lind2018` for more details.\n",  # a paragraph of its own
    ],
)
def test_a_key_after_an_entry_in_other_layouts_stays_apart(after: str) -> None:
    text = (
        "This is based on the paper\n"
        '"Repeatability Is Enough: Learning Tide Regions from Tides".\n' + after
    )
    assert len(find_hits(text)) == 2


def test_see_a_key_or_the_works_link_is_one_reference() -> None:
    # A Python docstring (botorch's shape): the key of the module's entry and the paper's link.
    text = (
        "Robust tide models.\n\n"
        "For details, see [Lind2024tides]_ or https://arxiv.org/abs/2410.24222.\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:2410.24222"


def test_a_key_or_a_link_without_see_stays_two_works() -> None:
    text = "Use the kernel of [Lind2024tides]_ or https://arxiv.org/abs/2410.24222 instead.\n"
    assert len(find_hits(text)) == 2


def test_links_listed_under_a_sentence_of_prose_are_each_a_work() -> None:
    # A TODO comment in a Python method (pyro's shape): two papers to read, one link a line.
    text = (
        "TODO initialize via the mode, then perform a few MCMC steps\n"
        "https://www.cs.example.edu/~lind/permanent.pdf\n"
        "https://papers.nips.cc/paper/2012/file/4c27cea8526af8cfee3be5e183ac9605-Paper.pdf\n"
    )
    assert len(find_hits(text)) == 2


def test_an_entrys_links_one_a_line_under_its_text_are_that_entry() -> None:
    text = (
        "Lind, A. Fast tides. J. Tides 12, 2012.\n"
        "https://doi.org/10.5555/tides.12\nhttps://arxiv.org/abs/1501.01234\n"
    )
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:1501.01234"


TWO_ENTRIES_OF_ONE_YEAR = (
    "Multiscale entropy.\n\n"
    "To reduce the variance at large scales, {mention} introduced the composite\n"
    "algorithm, which averages the coarse-grained series of every start.\n\n"
    "References\n----------\n"
    "* Lind, S. D., Wu, C. W., Lee, K. Y., & Lin, S. G. (2013). Modified multiscale entropy for\n"
    "  short-term series analysis. Physica A, 392(23), 5865-5873.\n"
    "* Lind, S. D., Wu, C. W., Lin, S. G., Wang, C. C., & Lee, K. Y. (2013). Series analysis\n"
    "  using composite multiscale entropy. Entropy, 15(3), 1069-1084.\n"
)


def test_a_mention_of_one_of_two_entries_of_its_author_and_year_is_not_a_third_work() -> None:
    # Which of the two it names the text does not say; it is one of them, not another work.
    hits = find_hits(TWO_ENTRIES_OF_ONE_YEAR.format(mention="Lind et al. (2013)"))
    assert [hit.kind for hit in hits] == [RefKind.TITLE, RefKind.TITLE]
    assert sum(len(hit.also) for hit in hits) == 1


def test_a_mention_of_another_year_than_two_entries_of_its_author_stays_apart() -> None:
    hits = find_hits(TWO_ENTRIES_OF_ONE_YEAR.format(mention="Lind et al. (2014)"))
    assert [hit.kind for hit in hits] == [RefKind.AUTHOR_YEAR, RefKind.TITLE, RefKind.TITLE]


def test_a_mention_of_a_surname_with_an_inner_apostrophe_is_its_entrys() -> None:
    text = (
        "Generates data as in Sant'Anna and Zhao (2020).\n\nReferences\n----------\n"
        "Sant\u2019Anna, P. H. and Zhao, J. (2020),\n"
        "Doubly robust estimators. Journal of Econometrics, 219(1), 101-122.\n"
        "doi:10.5555/jeconom.2020.06.003\n"
    )
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.DOI and len(hit.also) == 1


def test_bibtex_entries_one_after_another_are_read_each_with_its_own_fields() -> None:
    # upper-case entry types, quoted values, no blank line between the entries, a protected
    # word in braces inside a quoted journal
    text = (
        "Decoding follows these:\n"
        "  @PHDTHESIS{Lin76,\n"
        '    author="Ada Clark Lind",\n'
        '    title="Source coding algorithms for fast tide compression",\n'
        '    school="Dept. of Tidal Engineering, Stanford University",\n'
        "    month=May,\n    year=1976\n  }\n"
        "  @ARTICLE{MNW98,\n"
        '   author="Bo Moss and Cy Neal and Ian H. Hale",\n'
        '   title="Arithmetic Tides Revisited",\n'
        '   journal="{ACM} Transactions on Tidal Systems",\n'
        "   year=1998,\n   volume=16,\n"
        "  }\n"
    )
    hits = find_hits(text)
    assert [(h.title_hint, h.reference.authors if h.reference else None) for h in hits] == [
        ("Source coding algorithms for fast tide compression", ("Ada Clark Lind",)),
        ("Arithmetic Tides Revisited", ("Bo Moss", "Cy Neal", "Ian H. Hale")),
    ]
    assert hits[1].reference is not None
    assert hits[1].reference.venue == "ACM Transactions on Tidal Systems"


@pytest.mark.parametrize(
    "text",
    [
        # the entry's authors read from its last name on (a full stop after the second)
        "Progeny genotypes by a gene-drop simulation (Okafor et al. 1986 [1]).\n\n"
        "References\n----------\n"
        "[1] Maren W. Okafor, John L. Lindqvist. Bruce Read and Oliver A. Ryder 1986.\n"
        '"Pedigree analysis by computer simulation." Zoo Biology 5: 147-160.\n',
        # the entry's first author written given name first, read as two names
        "Pairwise beta between all pairs of samples as described in Weir and Moss 2017 [1].\n\n"
        "References\n----------\n"
        "[1] - Bruce, S. Weir, and Erika Moss 2017.\n"
        '"A Unified Characterization of Tide Structure." Tides 206 (4): 2085-2103.\n',
    ],
)
def test_a_mention_of_an_entrys_first_author_as_written_is_that_entry(text: str) -> None:
    assert [hit.kind.value for hit in find_hits(text)] == ["title"]


@pytest.mark.parametrize(
    "text",
    [
        # the work named in prose, its preprint's link lines below after a sentence of its own
        "For these we take the example in Moss et al. 2017\n"
        "'A shortcut for a stepwise procedure'\nand check the values.\n"
        "https://arxiv.org/abs/1710.08273\n",
        # the summary names it, a paragraph far below links two versions of one preprint
        "Gated tide unit - Okafor et al. 2014.\n\n"
        "Words about hardware.\n\n1. `activation` is `tanh`\n2. `use_bias` is `True`\n\n"
        "The default is based on [v3](https://arxiv.org/abs/1406.1078v3), the other on\n"
        "[original](https://arxiv.org/abs/1406.1078v1).\n",
        # a bibliography key of the authors and year, the preprint in the citation metadata below
        "An implementation of the tide model from [lind2019b]_.\n\nIt sums the tides.\n\n"
        "---\ncitation:\n    author: Lind\n    year: 2019\n"
        "    link: https://arxiv.org/abs/1905.09791\n",
        # the same with a bioRxiv preprint's DOI, which holds the day it was posted
        "The tide graph from [lind2020]_.\n\nIt links the tides.\n\n"
        "---\ncitation:\n    author: Lind\n    year: 2020\n"
        "    link: https://doi.org/10.1101/2020.05.09.084897\n",
    ],
)
def test_a_work_named_with_its_year_and_the_one_preprint_of_that_year_are_one_reference(
    text: str,
) -> None:
    (hit,) = find_hits(text)
    assert hit.kind in (RefKind.ARXIV, RefKind.DOI)
    assert hit.reference is not None and hit.reference.year


@pytest.mark.parametrize(
    "text",
    [
        # submitted the year before: the layout does not say it is the work
        "Sparse tide processes, Okafor, Lind and Moss, UAI 2013.\n\n"
        "For classification see https://arxiv.org/abs/1411.2005\n",
        # two works of the preprint's year: which one it is cannot be told
        "Follows Moss et al. (2017) and Lind (2017).\n\nSee https://arxiv.org/abs/1703.01234\n",
        # two preprints of the work's year
        "Follows Moss et al. (2017).\n\nSee https://arxiv.org/abs/1703.01234 and\n"
        "https://arxiv.org/abs/1705.04321\n",
        # an old-style id does not date itself
        "As in Lind (1999).\n\nAlso hep-th/9901001.\n",
        # a bioRxiv DOI of the old form does not date itself
        "As in Lind (2018).\n\nAlso https://doi.org/10.1101/282962\n",
        # two keys of the preprint's year
        "From [lind2017]_ and [moss2017]_.\n\nSee https://arxiv.org/abs/1703.01234\n",
        # in one sentence: the link is what the sentence says it is
        "Use the kernel of Lind (2024) or https://arxiv.org/abs/2410.24222 instead.\n",
        # an entry the entry rules left apart from the link
        "J. Sato, K. Lim. Fast sketching of data streams. SODA 2011.\n"
        "Based on this we propose https://arxiv.org/abs/1105.1234\n",
    ],
)
def test_a_named_work_and_a_preprint_not_dated_alike_stay_apart(text: str) -> None:
    assert len(find_hits(text)) >= 2


_PII_LINK = "https://www.sciencedirect.com/science/article/pii/S0965997813001853"
_SPRINGER_LINK = "https://link.springer.com/article/10.1007/s10898-007-9149-x"


@pytest.mark.parametrize(
    "text",
    [
        # the PII's two digits date the article to 2013, its issue to 2013 or the next year
        "The implementation follows the pseudo-code of the original Lind and Moss (2014)\n"
        f"paper.\n\n.. seealso::\n\n   {_PII_LINK} for the paper\n",
        # two links: the Springer DOI's `-007-` dates the other to 2007 or 2008
        "Proposed by Okafor in 2005.\n\nBased on Lind and Moss (2014) - Algorithm 2.\n\n"
        f"See: {_SPRINGER_LINK} for the paper\n\nSee: {_PII_LINK} for the pseudo-code\n",
    ],
)
def test_a_work_named_with_its_year_and_the_one_publisher_link_dating_it_are_one_reference(
    text: str,
) -> None:
    named = [hit for hit in find_hits(text) if hit.kind is RefKind.AUTHOR_YEAR]
    assert named == []


@pytest.mark.parametrize(
    "text",
    [
        # the PII's years are 2013 and 2014: a work of 2016 is another
        "Proposed by Okafor in 2005.\n\nBased on Lind and Moss (2016) - Algorithm 2.\n\n"
        f"See: {_SPRINGER_LINK} for the paper\n\nSee: {_PII_LINK} for the pseudo-code\n",
        # two works of the link's two years: which one it is cannot be told
        "Based on Lind and Moss (2014) and Okafor (2013).\n\n"
        f"See: {_SPRINGER_LINK} for the paper\n\nSee: {_PII_LINK} for the pseudo-code\n",
    ],
)
def test_a_named_work_and_a_publisher_link_not_dated_alike_stay_apart(text: str) -> None:
    (link,) = [hit for hit in find_hits(text) if hit.ref and "pii" in hit.ref.key]
    assert link.reference is None or not link.reference.authors
