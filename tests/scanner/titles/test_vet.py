"""Tests for the last look at citations without an identifier: what the place says they are not.

Each false case has true neighbours of the same shape that must still be found.
"""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits
from scanner.titles import find_citations
from scanner.titles.vet import VETOES, vet
from scanner.types import EntryFields, Hit


def _found(text: str) -> list[tuple[str, str]]:
    """(kind, title or first author) of each citation found in `text`."""
    out = []
    for hit in find_citations(text):
        fields = hit.reference
        assert fields is not None
        out.append((hit.kind.value, fields.title or (fields.authors or ("",))[0]))
    return out


# Text as the parsers give it: comment delimiters already blanked.
NOT_CITATIONS = [
    # who changed the code and when, signed with the month and year
    "    These routines integrate with the simulation environment\n    Paul Okafor (Oct 2012)\n",
    # a count of data points, not a year
    "        Gather 2000 data points for decent statistics\n",
    # a product and its model year
    "it triangulates the whole set in ~445 ms on a MacBook Pro M1 Pro (2021),\n",
    # a language's edition named by its year
    "- Upgrade to Rust 2018 edition\n- Fix clippy warnings\n",
    "- **Language**: Rust (Edition 2021), toolchain version in `toolchain.toml`\n",
    # a post on a company's blog, named by its title, its link under it
    "   via 'environmentBRDF' from \"Physically Based Shading on Mobile\"\n"
    "   https://www.example-engine.com/blog/physically-based-shading-on-mobile\n",
    # an encyclopedia or a web page, named in the entry or just before the title
    '    .. [2] Weisstein, Eric W. "Strongly Regular Graph."\n'
    "        From MathWorld--A Wolfram Web Resource.\n",
    '    .. [3] Encyclopedia contributors. "Glossary of Chess." Wikipedia, The Free\n'
    "        Encyclopedia, 4 Jan. 2018. Web. 9 Jan. 2018.\n",
    '    .. [1] "Jackknife resampling" in\n    https://en.wikipedia.org/wiki/Jackknife_resampling\n',
    # a system's interface control document, quoted with its build and document number
    "  Level III file structures, sizes, and static data\n"
    "  The details on these structures are documented in:\n"
    '  "INTERFACE CONTROL DOCUMENT FOR THE TIDE GAUGE TO CLASS 2 USER" Build 14.0\n'
    "  Document Number 2620009X\n",
    # a society's glossary entry, with the year the glossary gives
    '    References\n    ----------\n    Tidal Society, 2021: "Tide ratio". Glossary of Tides,\n'
    "    http://glossary.tides.org/wiki/Tide_ratio\n",
    '    to allow cut-offs based on the Wikipedia article\n    "Iterative deepening search".\n',
    "    .. [1] `Cubic Tide Interpolation\n"
    "            <https://en.wikiversity.org/wiki/Cubic_Tide_Interpolation>`_\n"
    "            on Wikiversity.\n",
    # a part of documentation named by a word before it
    'This is how the example in "Using the parsed JSON" could be written with error codes:\n',
    "        user-provided callable object that meets the requirements listed\n"
    '        therein under the Notes on "Custom minimizers" - or in more detail in\n'
    "        :doc:`scipy:tutorial/optimize` - although their use is currently\n"
    "        untested.\n",
    # a string passed to a call in code quoted in a Javadoc comment
    "   <li>\n"
    "   For infrequent logging, the following static convenience function is\n"
    "   appropriate:\n"
    "   <code>{@link tide.logging.LogUtil#exception LogUtil.exception}"
    '("Out of memory in sorter.", exception);</code>\n'
    "   <br>\n"
    "   This function is expensive (it acquires a stack trace to obtain class and\n"
    "   method references) and thus should only be used for 'rare' logging events.\n",
    # a link's text that names a page; an archive of data sets
    "STORM-WAVE EUVI Image Map\n\n"
    "    WAVE is an extreme ultraviolet (EUV) imager. Part of the STORM-WAVE\n"
    "    suite it observes the Sun from 1 to 2 solar radii. It is capable of\n"
    "    observing at 304 (He II) and 171 (Fe IX) Angstroms.\n\n"
    "    References\n    ----------\n"
    "    * `STORM Mission Page <https://storm.example.gov/>`__\n"
    "    * `STORM WAVE <https://wave.example.mil/>`__\n"
    "    * `Instrument Page <http://wave.example.com/EUVI/>`__\n    ",
    '.. [1] B. Okafor et al., "The Lind & Moss Tide Series Classification Repository",\n'
    "   www.tideseries.example.com.\n",
    # a manual, a software version, lecture notes, a talk
    '   Examples in "Protein Analysis Software Training Manual XYZ version 7"\n'
    "   by Some Institute IT Services, would often start as follows:\n",
    '   the height. In "Lecture Notes on Numerical Robustness" Shewchuk 09,\n'
    "   Section 3.1, he recommends computing areas in 2D.\n",
    "  Variance clipping in color space (Salvi, GDC 2016). Uses the moments.\n",
    # an online course's lecture, in a BibTeX entry
    " @misc{lind2012,\n   title = {Lecture 6.5 - tideprop, COURSERA: Neural Tides for Machine\n"
    "            Learning},\n   year  = {2012}\n }\n",
    # a Stata command in the Statistical Software Components archive
    "    References\n    ----------\n    Okafor, B., & Moss, C. (2007). tidetest: Stata module to\n"
    "    test the rank of a matrix using the Okafor-Moss tide statistic. *Statistical\n"
    "    Software Components* S456001, Boston College.\n",
    # a quoted section of a project's own specification
    '   as defined in "Normal Form For Tides" in the TIDE Technical\n   Specifications\n',
    # software: an entry whose only link is to code, with no venue
    "    References\n    ----------\n    3. Lind, A. (2006)\n       tide99 - R `tides` package\n"
    "       https://github.com/cran/tides/blob/master/R/tide99.R\n",
    "    4. Okafor, B., Moss, C., 2020.\n       TIDE-cvd\n"
    "       Combining variance- and tide-based global sensitivity analysis\n"
    "       https://github.com/okafor/TIDE-cvd\n",
    # dates
    "          Wednesday (Nov. 6, 2013).\n",
    "        'Tue 1974 01 01 00 00 00',\n",
    "          the rows here fall within Mat 2015\n",
    "  * During part of the Company Hack Week 2016 (and a bit after), bindings were written.\n",
    # an acronym and a year: an issue, a product, a competition
    "      integer arrays are cast first (GH 2002, GH 6589).  Note this is safe\n",
    "   Work around fmod() on win64 builds VC 9.0 (VS 2008)\n",
    "Constrained test functions from CEC 2006 competition.",
    # ... an acronym in mixed case: the meeting, not an author
    "    precision and recall metrics introduced at NeurIPS 2018.\n",
    # a count; a trade's initials
    "      Our R&D 2010 budget and the Q&A 2019 session\n",
    "    scratch: Allocate 1608 bytes for the table\n",
    "  2016.04.18\n      Pass 1932 tests.\n      Writers accept open binary streams.\n",
    # a data set named after the paper that made it
    '    """Download and load the Okafor et al. (2014) atlas.\n',
    "    Fetch the Lindqvist and Marsh 2009 dataset (12MB).\n",
    # a sentence about code
    '             """Returns an owned reference to the dtype of the array.\n             """\n',
    # ... or a docstring's summary in the imperative, before the work it is based on
    "\n    Functional wrapper for :py:class:`~tidekit.fouling.RateAnalysis`. Perform\n"
    "    the stochastic rate and recovery fouling loss calculation. Based on the\n"
    "    methods presented in Lindqvist et al. JPV 8(2) p547 2018.\n\n"
    "    Parameters\n    ----------\n",
    # quoted phrases in prose
    "    It is not a MINIMUM traversal; rather it is a\n"
    '    "not totally silly traversal, quickly." On random points\n'
    "    it is often shorter, and runs on 1000 points on a 2014 laptop.\n",
    '        The precise version should use the "IEEE 754 compliant rounding"\n'
    '        variant, and neither of the "approximate divide" variants.\n',
    "   Outerra states: \"Notice that the 'C' variant doesn't use a near plane distance, it\n"
    '   has it set at 0" (quote from a 2012 blog post).\n',
    # software named in BibTeX: a manual entry, a "manual" for an author
    "  @manual{solver,\n    author = {Acme},\n    title  = {Acme Solver Optimization Suite},\n"
    "    year   = {2025},\n  }\n",
    "  @article{manual1987,\n    title={Big solver optimization studio},\n"
    "    author={Manual, Solver User's},\n    journal={Version},\n    year={1987}\n  }\n",
    # a quoted name used as a word, even with a year nearby
    '   a fitted approximation to the "Charlie velvet" BRDF integrated over the sphere\n'
    "   from a 2017 fit.\n",
    # a part of documentation or of a paper named in quotes
    '              in with ``region``. See "Modifying existing Zarr stores" in\n'
    "              the reference documentation for full details.\n",
    '      see "Section 3.2: The Low-rank OT Problem" in the paper\n',
    # ... or followed by its section's number (a Javadoc of a parameter)
    "   * Parameter to specify the pruning threshold, a double greater than 0.0\n"
    '   * <p>\n   * see paper "Two-way tide search method" 3.2\n',
    # a statement of code commented out: a stream, a constructor's initializer list
    '           std::cerr << "Floating point overlay success." << std::endl;\n',
    "     TQuoteBs() : StrQtIdH(TBigStrPool::New(Mega(2000), Mega(256))) { }\n",
    # a date written as one token after the names of who computed a table
    "   $$ Computed by ABCD, H.-G. Lind, Onsala Tide Observatory 2017-Sep-28\n",
    "   $$ Computed by ABCD, H.-G. Lind, Onsala Tide Observatory 2017-09-28\n",
    # a standard: it calls itself one, or its DOI is a standards body's (dropped as no paper)
    '   IEEE Computer Society, "IEEE Standard for Floating-Point Arithmetic",\n   2008.\n',
    '   Working Group, "Portable Operating System Interface (POSIX) Base Specifications",\n'
    "   2017. doi:10.1109/IEEESTD.2018.8277153\n",
    "   Follows Unicode Technical Standard #18: Unicode Regular Tides (2022).\n",
    # ... a space agency's or radio committee's standard, an interface control document, the
    # conventions and reference systems bodies define
    "   References:\n"
    '   CCSDS 503.0-B-1 recommended standard. "Tracking Data Message", Blue Book, 2007.\n',
    '   @see "ICD L1, L2 GLONASS, Edition 5.1, Table 4.4, 2008"\n',
    '   Ref: 1°/ "RTCM SPECIAL COMMITTEE NO.104, RTCM Paper 107-2014-SC104-818,\n'
    "               Proposal of new SSR Messages, Stage 1: Galileo, QZSS, SBAS, BDS for RTCM\n"
    '               STANDARD 10403.2"\n'
    '        2°/ "Interface Specification for MADOCA-SEAD, Japan Aerospace Exploration Agency,\n'
    '               October 2016, rev February 2017"\n',
    "   References:\n\n   <ol> <li>Heiskanen, Moritz. Physical Geodesy. Freeman, 1967.</li>\n\n"
    "   <li>Department of Defense World Geodetic System 1984. 2000. NIMA TR 8350.2\n"
    "   Third Edition, Amendment 1.</li> </ol>\n",
    '   Conforming with SI brochure "The International System of Units" (9th edition, 2019),\n'
    "   each prefix precedes the unit.\n",
    "   As defined in RFC 3986, Uniform Tide Identifier (URI): Generic Syntax (2005).\n",
    # a year glued to a name in capitals: a colour space's name, not an author and year
    "   else the default fallback space (Lab, REC2020, or P3, whichever is the widest).\n"
    "   In Node.js, this is basically equivalent to `serialize()`.\n",
    # a body named after its members, with the year of what it issued
    "   CMC by the Colour Measurement Committee of the\n"
    "   Lindau Society of Dyers and Tiders, 1994.\n   Uses LCH rather than Lab.\n",
    # a government body whose data a module ships, the month its data were taken
    "    References\n    ----------\n    [^1]: U.S. Tidal Information Administration (Sep. 2019)\n"
    "    [^2]: https://tides.example.gov/opendata/series.php\n",
    # a program's manual, its title saying so
    '    reference:\n      "Tidal Projection Procedures for the UNIX Environment-\n'
    "      A User's Manual\" by Gerald I. Lind,\n      Open File Report 90-284 (2003)\n",
    # the code's authors: an author tag's line, a header's author field going on
    "\\brief Within detection by crossings\n\\author Lind and Moss, 1995\n\\return true\n",
    "@author Ada Lind (2014) - first version\n",
    # ... and more of them joined to the tag's first names, with the year of their part
    "\\author Ada Lind (and Ben Moss 2012)\n\\date 2014-2015\n",
    "@author Ada Lind, with Ben Moss (2011)\n",
    # a change log's port: the code it was ported from, who ported it and when
    "V1.0.0: Ported to Python from Lind's MATLAB version\n    by Ada Moss, Oxford, 4 June 2019\n",
    "Purpose:  the tidal projection.\nAuthor:   Ada Lind (1995)\n"
    "          Ben Moss, Cy Okafor (2015) - add inverse\n"
    "          Dee Quinn (2016) - revise/add regression tests\n",
    # a solver's manuals issued as reports
    '* A. Lind, R. Moss and C. Okafor, "User Documentation for TIDES v7.5.0,"\n'
    "  LLNL technical report UCRL-SM-000001, Sep 2025.\n\n"
    '* A. Lind and R. Moss, "Example Programs for TIDES v7.5.0,"\n'
    "  LLNL technical report UCRL-SM-000002, Sep 2025.\n",
    # the citation key of an encyclopedia's page
    "    Notes\n    -----\n"
    "    Uses the monotone tide algorithm :footcite:`wikibooks2010monotone`\n",
    # a clause of prose in lower case after a quoted name of code, nothing to say it cites
    '    * Tide id query functions should return an "tideObj", tide object, that is\n'
    "      composed of enough information to uniquely identify an tide: {v, w, name}.\n"
    '    * Internally we use an "tideId", a stringified form of the tideObj, to\n'
    "      reference tides. This is because we need a performant way to look these\n"
    "      tides up and, object properties, which have string keys, are the closest\n"
    "      we're going to get to a performant hashtable in JavaScript.\n",
    # a body's name in quotes, spelt as the body writes it
    "   * Following iterative algorithm was developed by\n"
    '   * "Institut for Tidenmessung", University of Lindau, July 1988.\n',
    # a data set: its name is the title, a label or APA's mark says so
    "    .. [1] Fisher, R. A. Tide Data Set. UCI Machine Learning Repository, 1988.\n",
    "    Kelly, M., Lind, R., Moss, K. The UCI Machine Learning Repository, 2023.\n",
    "    Data from: Okafor, D. and Moss, C. (2019). Coastal tide gauges. Irvine, CA.\n",
    "    Okafor, J. (2010). Global tide records 1850-2009 [Data set]. Tide Data Center.\n",
    # ... its name ending in a lower-case data word; a data repository right before its key
    "    .. [1] Lind, R. (1996). UCI Tide dataset.\n       https://tides.example.edu/ml/tide\n",
    "    Source:\n\n    - UCI Repository :footcite:`moss2012tides`\n",
    "    - OpenML :footcite:`okafor2014harbour`\n",
    # ... or the site its series was retrieved from
    "    > Board of Tides of the Coastal Survey (US), 3-Month Tide Height: Secondary\n"
    "    > Gauge Rate [TH3MS], retrieved from TIDES, Coastal Reserve Bank of St. Ives;\n"
    "    > <https://tides.example.org/series/TH3MS>, March 24, 2020.\n",
    # a blog post: its only link, on its own line below, points at a blogging host
    '    .. [3] G. Lee (2019). "Multiple Tides using TBATS in Python".\n\n'
    "       https://medium.com/some-team/forecasting-tides-in-python-398a00ac0e8a\n",
    "    .. [3] Lee, G. (2019). Multiple tides using TBATS in Python.\n\n"
    "       https://some-team.blogspot.com/2019/05/tides-in-python.html\n",
    # ... or at a post's dated permalink (year, month, slug) on the author's own site, its
    # author's name read as a venue or not
    "  //! ## References:\n  //!\n"
    '  //! * ["Support Vector Tides", Lind A., 2017](https://www.tide-guide.com/2017/10/support-'
    "vector-tides-succinctly-released/)\n",
    "   Moss, K. (2015). Tides in seven lines of Python.\n"
    "   https://kmoss.example.net/2015/03/14/tides-in-seven-lines.html\n",
    # ... or a post's permalink named by its date and slug, a section's anchor after it
    '    .. [2] Lea Moss, "What is tide distance?", Lea\'s log,\n'
    "           https://leamoss.example.io/posts/2017-08-20-tides/#what-is-tide-distance.\n",
    # a release note crediting code, its author and date (a Java file's header)
    "      Template obtained from Tidekit\n      Developped for Tidekit by Zara Alan Lind\n"
    "      December 27, 2004\n",
    # a web page said to be one
    "    Lind, P. (1997). Circles and tides. Web page.\n",
    "    From: Moss, J. (2012). A Gentle Guide to Tide Filters. Personal web page, 2019.\n",
    "    Source: the Tide Twiddling Hacks page by Sean Moss Lind (2005).\n",
    '  .. [ll] Manfred Lind, "Tide exponent",\n     url: http://tides.example-uni.at/book/tide.html\n',
    # a passage quoted from a paper; a quoted value in a list of them
    '   See the note on page 3 of the 2010 paper: "In practice, this method settles on a\n'
    '   better solution if we reset the state before each step"\n',
    '   the columns "Open", "High", "Low", "Close", "Adj Close", and "Volume" of the table\n',
    # a forum post: the entry's only link points at a forum
    "   <li>Okafor, M. D. (2013). <i>Lazy updates for online tides</i>. Retrieved from\n"
    '   <a href="https://groups.yahoo.com/neo/groups/tides/conversations/topics/250">here</a></li>\n',
    "   -   :cite:`Moss2018` : Moss, T. (2018). How is the visible tide\n"
    "       bounded? Retrieved August 19, 2018, from\n"
    "       https://stackoverflow.com/a/48396021/931625\n",
    # a Doxygen image's caption
    '   @image html tides_example.png "Tide clustering results on most common data-sets."\n',
    # a page read on a date (APA's form for a page that may change), the entry's key with it
    "   -   :cite:`Lind2003c` : Lind, B. (2003). Delta T (CIE 1976).\n"
    "       Retrieved February 24, 2014, from\n       http://tideslind.example.com/Eqn_DeltaT.html\n",
    # a private discussion; a file of code; a talk's slides, the link wrapped by a backslash
    "   -   :cite:`Spik2015a` : Borer, T. (2017). Private Discussion with Mansel,\n"
    "       T. and Shaw, N.\n",
    "   .. [2] Ortiz, A., R. Walls, K. Rojo and L. Magana. (2007). HZtide: Henze-Zirkler\n"
    "      Tide Test. A MATLAB file.\n",
    "   -   :cite:`Mel2013b` : Mel, M. (2013). CIE / ISO new standard:\n"
    "       CIEDE2000. http://www.tides.example.org/events/colorimetry/\\\n"
    "Mel_CIEDE2000_Workshop-July4.pdf\n",
    # a product's data sheet; a numbered table of a work; a data set named after its
    # experiment, its year and a count opening the "title"
    "   Lind, T. (2022). T-Log Data Sheet Ver.1.1. Tidefilm.\n",
    "   Convert the *Lind & Moss 1931 2 Degree RGB Tides* tide matching\n   functions.\n",
    # a blog post on a site's own blog, its name and year read as an author-year
    "   [^1]: [A short introduction to the OpenTides 2016 Challenge]"
    "(https://maxh.example.io/blog/opentides-challenge/)\n",
    # the text of a link to a lecture's slides, a course's notes or a blog post
    "    - [Okafor, 2012](\n        http://www.example.edu/~lee/csc321/slides/lecture_slides_lec6.pdf)\n",
    "    See [(Moss et al., 2019)](https://www.example.edu/~moss/teach/tides_note.pdf).\n",
    "    As in [Lind (2018)](https://blog.example.com/2018/01/tides.html).\n",
    # ... of a reference-style link whose definition is a blog post's
    "  For more examples, see [Lind (2018)][3].\n\n"
    "  [3]: K. Lind. Tides Tutorial, Part 2: Modern Tides.\n"
    "       http://blog.example.com/2018/01/tides2.html\n",
    # a message to a mailing list named by its subject, and the day its thread started
    "   reworked after the discussions on the tides-dev thread with subject\n"
    '   "Faster tide table lookups", started on Mar 3 2011.\n',
    '   as the e-mail titled "Tide gauges and their drift" (May 2014) explains\n',
    # who put the code into another program, with an aside, then where and when
    "   Put into the Tideway code (with a minimum of fuss) by Alda Lind, Bergen 2010\n"
    "   email: a.lind@example.org\n",
    # a module's list of its authors under a heading, one a line with the year of their work
    "Tide augmentation classes.\n\nAuthors:\n- Ada Lindqvist (2020)\n- Ben Mossberg (2023)\n",
    "A combination of tidal networks.\n\nAuthors\n * Ada Lindqvist 2020\n * Okafor 2020\n",
    # a publisher's whole name read as the title of an entry cut at its volume
    "   References:\n"
    "   [1] Okafor, Jide, et al. TIDEPACK: A subroutine package for tidal integration. Vol.\n"
    "   1. Springer Science & Business Media, 2012.\n",
    # a standard's number where a mention's year would stand
    "A small compressor which implements the Deflate (RFC 1951) data format.\n",
    # a program's output quoted in a comment, read as a title cut inside its bracket
    "In Tidesolver 4 (and presumably before), there was only a single line output to\n"
    'indicate the row count, e.g., "Linear rows : 12 [Less: 4, Greater: 5, Equal: 3]".\n'
    "In Tidesolver 4.2 (or somewhere in between 4 and 4.2 - I have not tracked it down\n"
    "in that detail), there is another instance of this line prefix in the min/max problem\n"
    'statistics block - which we ignore. In this case, the line looks like: "Linear rows :"\n'
    "and that's all.\n",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_what_the_place_says_is_not_a_citation(text: str) -> None:
    assert _found(text) == []


# A real author-year next to prose, a quotation or a parameter list: the mention is kept,
# the prose is not its title.
MENTIONS_NOT_TITLES = [
    # a journal's name emphasised after the authors, read as the entry's title
    (
        "References\n----------\n\n"
        ".. [#Okafor1987] Jide Okafor et. al. *Physical Review B*, 36 (1987)\n"
        "   1754-1765 (Original Paper)\n",
        "Jide Okafor",
    ),
    # a sentence read from its middle as the title of the author-year after it
    (
        "    This is a non-convex problem with no known guaranteed globally\n"
        "    convergent algorithm for computing the solution.  Lind, Moss\n"
        "    and Ode (2010) compared several methods for this problem.\n",
        "Lind",
    ),
    # a numbered table of the work the key names
    ("   The values of *Table 2 Tide-Log Code Values* table in :cite:`Lind2012a`\n", "Lind"),
    # the emphasis sets off the mention alone; the sentence goes on after it
    (
        "   Define the *Lind and Moss (2021)* *Optimised Tide* colourspace\n   transformations.\n",
        "Lind",
    ),
    # an eponymous index set off in emphasis, the noun after it, then the work that defines it
    (
        "   Compute the *Kruskal's Standardized Residual Sum of Squares\n"
        "   (:math:`STRESS`)* index according to the *Lind, Moss and\n   Cui (2007)* method.\n",
        "Lind",
    ),
    # a quoted eponymous name with the work that defines it
    (
        '    used by the ``tidereg`` command for the "Okafor-Lind rk Wald F statistic" (Moss,\n'
        "    Lind and Stilt, 2007).\n",
        "Moss",
    ),
    (
        "          From Langfeld and Horvitz 2012:\n"
        '          "Strictly speaking, a call to the R function should return a missing\n'
        '          value if mad(x) = 0." This avoids division by zero.\n',
        "Langfeld",
    ),
    (
        '   having det(R) = -1). "\u2022 The left factors U and V will be true\n'
        '   rotation matrices..." [McAdam, Sell, Tamstorf 2011]\n',
        "McAdam",
    ),
    ("        Wetzel & Wagenmaker, 2012. Integral solving\n        k = kappa\n", "Wetzel"),
    ("          Wetzel & Wagenmaker, 2012. Integral solving\n", "Wetzel"),
    (
        "    The density rescaling of Coifman and Lafon (2006): Then only the geometry\n"
        "    of the data matters, not the sampling density.\n",
        "Coifman",
    ),
    (
        "          | Whether to use the improved sampling algorithm from Abdelhafez et\n"
        "            al. PRA (2019)\n",
        "Abdelhafez",
    ),
    (
        "    Gs : array\n"
        "        of floats, the value of the original G statistic in Getis & Ord (1992)\n"
        "    EGs : float\n"
        "         expected value of Gs under normality assumption\n",
        "Getis",
    ),
    (
        "      Transform the input action-angle coordinates to cartesian position, as in the\n"
        "      Sanders & Binnie 2014 formalism for computing action-angle coordinates\n",
        "Sanders",
    ),
    (
        "     - Na, K, Mg, dNTPS: Millimolar concentration of respective ion. To\n"
        "       have a simple correction, just pass Na, as in von Ahsen et al. (2001).\n",
        "von Ahsen",
    ),
    (
        "    Calculates the aromaticity value of a protein according to Lobry, 1994.\n",
        "Lobry",
    ),
    # the definition of a term in a field list, crediting who defined it
    (
        "    :param spread: Fraction of stations whose first motion disagrees with the\n"
        "        fitted mechanism in a first-motion solution (Okafor, 2003).\n",
        "Okafor",
    ),
]


@pytest.mark.parametrize(("text", "author"), MENTIONS_NOT_TITLES)
def test_prose_next_to_a_mention_is_not_its_title(text: str, author: str) -> None:
    assert _found(text) == [(RefKind.AUTHOR_YEAR.value, author)]


DEFINITION_LISTS = [
    (
        "    Time-domain indices.\n\n"
        "    * **SDQR**: SDNN / RMSQ, a time-domain stand-in for the slow-to-fast band ratio of\n"
        "      the spectrum (Lind et al., 2007).\n"
        "    * **pNN40**: The share of successive beat intervals that differ by more than\n"
        "      40 ms (Moss et al., 1988; Okafor et al., 2002).\n\n"
        "    References\n    ----------\n"
        "    * Lind, J. J., Moss, T. W., & Okafor, S. M. (2007). Comparison of the ratio of two\n"
        "      spreads of the beat interval in a patient group. Heart Journal, 9(2), 1-8.\n"
        "    * Moss, J. T., Okafor, R. E., & Lind, J. L. (1988). Components of beat variability\n"
        "      measured during recovery. American Heart Journal, 61(4), 208-215.\n",
        [
            "Comparison of the ratio of two spreads of the beat interval in a patient group",
            "Components of beat variability measured during recovery",
        ],
    ),
    (
        "    Nonlinear indices.\n\n"
        "    * **SDq** and **SDr**: short-term variance of contributions of the longer intervals\n"
        "      (widenings of the beat) and the shorter ones, respectively (Moss, 2011).\n"
        "    * **Cq** and **Cr**: the contributions of the longer and shorter intervals to\n"
        "      long-term variability, respectively (Moss, 2011).\n\n"
        "    References\n    ----------\n"
        "    * Moss, J., & Lind, P. (2011). Asymmetric properties of long-term and total beat\n"
        "      variability. Medical Engineering, 49(11), 1289-1297.\n",
        ["Asymmetric properties of long-term and total beat variability"],
    ),
]


@pytest.mark.parametrize(("text", "titles"), DEFINITION_LISTS)
def test_a_definition_in_a_list_of_terms_is_not_the_title_of_its_credit(
    text: str, titles: list[str]
) -> None:
    # Each item defines its term and credits who defined it: the credit is an author-year
    # mention (of the entry below), the definition no title.
    found = _found(text)
    assert [title for kind, title in found if kind == "title"] == titles
    assert len([kind for kind, _ in found if kind == "author-year"]) >= 1


def test_a_sentence_opening_an_indented_line_after_a_mention_is_not_its_title() -> None:
    # No quote stands before the sentence: the indentation before it is none.
    text = (
        "    .. note:: the tapers are built from the routines of Okafor and Lind (1995)\n"
        "        and follow the sign conventions of Marsh and Tull (1993).\n"
        "        Routines that are not needed here were dropped.\n"
    )
    assert _found(text) == [("author-year", "Okafor"), ("author-year", "Marsh")]


def test_a_passage_quoted_from_its_middle_is_not_a_title() -> None:
    # The leading ellipsis says the quote is cut from a text, not a work's name.
    text = (
        " The 2003 rules [expr.mul]\n"
        ' "... The sign of the remainder is left to the compiler."\n'
        " Nothing stronger held until 2011 in the standard.\n"
    )
    assert _found(text) == []


def test_a_meetings_name_on_the_line_after_the_title_is_not_a_second_title() -> None:
    text = (
        "   Reference:\n   <p>\n   B. N. Okafor<br>\n"
        "   Data Structures for Nearest Neighbor Search in General Metric\n   Spaces<br>\n"
        "   Proc. ACM/SIGACT-SIAM Symposium on Discrete Algorithms\n  \n   @author Jane Doe\n"
    )
    assert _found(text) == [
        ("title", "Data Structures for Nearest Neighbor Search in General Metric Spaces")
    ]


def test_a_work_conferences_name_after_a_quoted_title_is_not_a_second_title() -> None:
    title = "A Dictionary-based approach to Time Series Ordinal Classification"
    text = (
        "  [1] Rafael Okafor, David Vale, Pedro Antonio Gutierrez and\n"
        "      Cesar Hervas-Martinez.\n"
        f'      "{title}",\n'
        "      IWANN 2023. 17th International Work-Conference on Artificial Neural Networks.\n"
    )
    assert _found(text) == [("title", title)]


@pytest.mark.parametrize("name", ["McDonald", "LeCun", "DeVries"])
def test_a_surname_with_inner_capitals_is_no_acronym(name: str) -> None:
    (hit,) = find_hits(f"as shown by {name} et al. (2019).\n")
    assert hit.kind is RefKind.AUTHOR_YEAR


def test_the_kind_of_thesis_after_its_title_is_not_a_second_title() -> None:
    title = "Orbit Determination Using Modern Filters/Smoothers and Continuous Thrust Modeling"
    text = (
        f'   @see "Folcik Z., {title},\n'
        "         Master of Science Thesis, Department of Aeronautics and Astronautics, MIT, June,"
        ' 2008."\n'
    )
    assert _found(text) == [("title", title)]


def test_a_place_in_a_work_read_as_its_title_leaves_the_author_and_year() -> None:
    entry = "P. Berkhin, A Survey on PageRank Computing, Internet Mathematics, 2005"
    text = (
        "   Page Rank -- there are two implementations:\n"
        f"     Berkhin -- (the correct way) see Algorithm 1 of {entry}\n"
        "     iGraph -- its implementation\n"
    )
    assert _found(text) == [("author-year", "Berkhin")]
    # a locator that names the work after it keeps the title it holds
    text = (
        "   G is the example graph in Figure 1 from Batagelj and\n"
        "   Zaversnik's paper titled An O(m) Algorithm for Cores\n"
        "   Decomposition of Networks, 2003,\n"
        "   http://arXiv.org/abs/cs/0310049.  With nodes labeled as shown.\n"
    )
    hits = find_hits(text)
    assert len(hits) == 1 and hits[0].title_hint is not None
    assert "An O(m) Algorithm for Cores Decomposition of Networks" in hits[0].title_hint


def test_a_sentence_adverb_before_a_date_is_not_an_author() -> None:
    assert _found("    // Currently (May 2017) this branch is never taken; see below.\n") == []


# The true neighbours: the same shapes, citing.
CITATIONS = [
    # a paper about a database, or a data set's paper with more to say after a colon
    (
        "    Okafor and Lee (2015). Fast joins over a sharded database. VLDB 8, 1-12.\n",
        "Fast joins over a sharded database",
    ),
    (
        "    Moss, J. et al. (2009). TideNet: A Large-Scale Hierarchical Tide Database. CVPR.\n",
        "TideNet: A Large-Scale Hierarchical Tide Database",
    ),
    (
        '    .. [4] S. Boyd and L. Vandenberghe. "Convex Optimization."\n'
        "        Lecture Notes in Computer Science, 12(3):100-120, 2004.\n",
        "Convex Optimization",
    ),
    (
        "    .. [5] S. Wolfram. A New Kind of Science. Wolfram Media, 2002.\n",
        "A New Kind of Science",
    ),
    (
        '    .. [6] Smith, J. and Jones, K. (2010). "Random walks on graphs." Journal of\n'
        "        Graph Theory, 12(3), 100-120. Background: https://en.wikipedia.org/wiki/Walk\n",
        "Random walks on graphs",
    ),
    (
        "    .. [2]  Steven S. Skiena. 1997. The Algorithm Design Manual.\n"
        "       Springer-Verlag New York, Inc., New York, NY, USA.\n",
        "The Algorithm Design Manual",
    ),
    (
        "   This parser follows the description of the format in\n"
        "   W. J. Kent, A. S. Zweig, and G. Barber:\n"
        '   "BigWig and BigBed: enabling browsing of large distributed datasets."\n'
        "   Bioinformatics 26(17): 2204-2207 (2010)\n",
        "BigWig and BigBed: enabling browsing of large distributed datasets",
    ),
    (
        '    Test the algorithm on the example in the paper titled: "Information Spreading'
        ' in Trees"\n',
        "Information Spreading in Trees",
    ),
    (
        '    Implementation of "Amberg et al. 2007: Optimal Step\n'
        '    Nonrigid ICP Algorithms for Surface Registration."\n',
        "Optimal Step Nonrigid ICP Algorithms for Surface Registration",
    ),
    (
        '   the transform described in the paper "Attention Is All You Need" variant\n',
        "Attention Is All You Need",
    ),
    (
        "Original data: Snow, J. (1855). On the Spread of Fevers. London: J. Smith.\n",
        "On the Spread of Fevers",
    ),
    (
        "          the functions follow Ansel and Ray (2014) Modern Spatial Statistics\n"
        "          in Practice. Pg 78\n",
        "Modern Spatial Statistics in Practice",
    ),
    (
        "   <li>Fround & Nachtigall (1991), QMR: a quasi-minimal residual method for\n"
        "   non-Hermitian linear systems.\n",
        "QMR: a quasi-minimal residual method for non-Hermitian linear systems",
    ),
    (
        '    Royal Road Function as presented by Jane Mitchel in :\n    "An introduction to'
        ' Evolutionary Search".\n',
        "An introduction to Evolutionary Search",
    ),
    (
        '    .. [1] "Low-Fin Staggered Tube Banks: Heat Transfer and Pressure Drop for\n'
        '       Turbulent Gas Flow." ESDU (October 1, 1986).\n',
        "Low-Fin Staggered Tube Banks: Heat Transfer and Pressure Drop for Turbulent Gas Flow",
    ),
    ("    This uses the estimator of Bartlett 1954 for small samples.\n", "Bartlett"),
    (
        "    See :\n    WEIGHTS IN ANALYSIS - A STATISTICAL PROCEDURE\n"
        "    Wheelan (1990), Cladistics 6:269-275.\n",
        "Wheelan",
    ),
    (
        "      effect sizes (see Lakes 2013)\n      https://github.com/example/stats/issues/251\n",
        "Lakes",
    ),
    (
        "      phase shift on [0, 2pi) following Saltell et al.\n      Technometrics 1999\n",
        "Saltell",
    ),
    ("    a ratio of means (e.g.\n    Cochrane, 1977, on ratio estimators), reusing\n", "Cochrane"),
    ("      if necessary (see paragraph 4 in p. 580 L&M 1998)\n", "L&M"),
    ("      as in K&R (1988), chapter 5\n", "K&R"),
    (
        "    nodes leave a caterpillar graph (Gallian 2007)\n"
        "    ref: http://mathworld.wolfram.com/X.html\n",
        "Gallian",
    ),
    ("    As shown by Smith (Oct. 2013), the bound is tight.\n", "Smith"),
    ("    Pearson & Lipman PNAS (1988) give the scoring.\n", "Pearson"),
    # a book named as one keeps its code link ("the book's notebooks on GitHub")
    (
        "    See my book\n    Tidal Filters in Python\n    https://github.com/lind/Tidal-Filters\n\n"
        "    References\n    ----------\n\n"
        '    Lind, A. "Tidal Filters in Python".\n    https://github.com/lind/Tidal-Filters\n',
        "Tidal Filters in Python",
    ),
    # a phrase quoted from a page of the work cited above is no second title
    (
        "Lind, A. (2000). Tidal Reference System 1980. Journal of Tides, 74(1), 128-133.\n"
        '"Derived Tidal Constants: **R2: radius of sphere of same surface**" (p131)\n',
        "Tidal Reference System 1980",
    ),
    # a book's imprint line is its entry's, not a second citation by "Morgan Kaufmann"
    (
        " Described in: A. Lind, Ben Okafor and Cleo Moss.\n"
        " <i>Tidal Databases With Application To Harbours</i>.\n"
        " Morgan Kaufmann, San Francisco, 2002.\n",
        "Tidal Databases With Application To Harbours",
    ),
    # a paper whose entry also links its code keeps its venue
    (
        "    5. Okafor, B., Moss, C., 2021. Layered tide models.\n"
        "       Journal of Tidal Research 12, 3-9. Code: https://github.com/okafor/tides\n",
        "Layered tide models",
    ),
    # ... and so does a colon after the author list's bracketed year, the title on the next line
    (
        "    look-up tables, as suggested by J.P. Lind (1995):\n"
        '    <i>"Fast Normalized Tide-Correlation"</i>.\n',
        "Fast Normalized Tide-Correlation",
    ),
    # a colon after a citing phrase introduces the work, not a quotation
    (
        "  Tidal descent with restarts as described in:\n"
        '  "TDR: Tidal Gradient Descent with Warm Restarts" by A. Lind et al.\n',
        "TDR: Tidal Gradient Descent with Warm Restarts",
    ),
    # a paper about a standard, in a journal of the same publisher, is a paper
    (
        '   M. Cowlishaw, "Decimal floating-point: algorism for computers", Proc. 16th\n'
        "   Symposium on Computer Arithmetic, 2003. doi:10.1109/ARITH.2003.1207672\n",
        "Decimal floating-point: algorism for computers",
    ),
    # an entry, or a quoted title, in a definition list's item is still a title
    (
        "    * **lind1988**: Lind, J., & Moss, K. (1988). Beat interval statistics in long\n"
        "      recordings. Journal of Heart Studies, 12(3), 1-9.\n",
        "Beat interval statistics in long recordings",
    ),
    (
        '    * **tide2015**: the method of "Adaptive tidal filtering for noisy gauges"\n'
        "      (Okafor et al., 2015).\n",
        "Adaptive tidal filtering for noisy gauges",
    ),
]


# Entries whose venue, container or author list a reader took for the title.
ENTRY_TITLES = [
    (
        "References\n----------\n"
        "(1)  Matrices and rotations. Ronald Goldsmith.\n"
        '     In "Graphics Gems I", pp 472-475. Morgan Kaufmann, 1990.\n'
        "(2)  Decomposing a matrix into simple transformations. Spencer Thomas.\n"
        '     In "Graphics Gems II", pp 320-323. Morgan Kaufmann, 1991.\n',
        ["Matrices and rotations", "Decomposing a matrix into simple transformations"],
    ),
    (
        "  @Article{Garst_2021,\n    author  = {Michael Garst and Mark Canon},\n"
        "    journal = {Journal of Optimization Theory and Applications},\n"
        "    title   = {{COSMOS}: A Conic Splitting Method for Convex Conic Problems},\n"
        "    volume  = {190},\n    year    = {2021},\n  }\n",
        ["COSMOS: A Conic Splitting Method for Convex Conic Problems"],
    ),
    (
        "The problems were originally defined at a competition in 2006:\n"
        "Liang, Jing J., Thomas Philip Runarsson, Maurice Clerc, Carlos A. Coello Coello, and "
        "Kalyanmoy Deb.\nProblem Definitions and Evaluation Criteria for the Special Session on "
        "Constrained Real-Parameter Optimization. 2006.\n",
        [
            "Problem Definitions and Evaluation Criteria for the Special Session on "
            "Constrained Real-Parameter Optimization"
        ],
    ),
]


ENTRY_TITLES.append(
    (
        "    .. [2] Fan Chung-Grahame, Spectral Graph Methods,\n"
        "       CBMS Regional Conference Series in Mathematics, Number 92, 1997.\n",
        ["Spectral Graph Methods"],
    )
)
ENTRY_TITLES.append(
    (
        "    .. [2] pg. 201 of Wasserfall, S. and Fausten, K.,\n"
        "       Social Network Analysis: Methods and Uses, 1994,\n"
        "       Cambridge University Press.\n",
        ["Social Network Analysis: Methods and Uses"],
    )
)


CITATIONS.extend(
    [
        # an entry whose volume and issue end in a semicolon is no statement of code
        (
            "   Lind, H. (2001). Harmonic analysis of tides. J. Tides 12(3): 1-10;\n",
            "Harmonic analysis of tides",
        ),
        # a paper listed under an interface control document, a paper that a text about
        # conventions names
        (
            "   References:\n"
            "       ICD-GPS-200, Rev. C, (1997), pp. 125-128\n"
            "       Klobuchar, J.A., Ionospheric time-delay algorithm for single-frequency GPS\n"
            "           users, IEEE Transactions on Aerospace and Electronic Systems, 1987\n",
            "Ionospheric time-delay algorithm for single-frequency GPS users",
        ),
        (
            '   It was proposed in the paper "Definition of the Celestial Ephemeris origin and\n'
            '   of UT1 in the International Celestial Reference Frame", Capitaine, N.,\n'
            "   Guinot, B., and McCarthy, D. D., 2000, Astronomy and Astrophysics.\n"
            "   It is presented as stellar angle in IERS conventions 1996.\n",
            "Definition of the Celestial Ephemeris origin and of UT1 in the International "
            "Celestial Reference Frame",
        ),
        # a paper online, retrieved without a date or from its PDF; an entry naming its venue
        (
            "   Lind, B. (2003). Delta tides in shallow bays. Journal of Tides, 4, 1-9.\n"
            "   Retrieved from http://tides.example.com/lind/delta.html\n",
            "Delta tides in shallow bays",
        ),
        (
            "   Lind, B. (2003). Delta tides in shallow bays.\n"
            "   Retrieved March 2, 2014, from http://tides.example.edu/~lind/delta.pdf\n",
            "Delta tides in shallow bays",
        ),
        (
            "   Mel, M. (2013). Tide models for bays. In Proc. Tide Conf., 1-9.\n"
            "   http://tides.example.org/talks/tide-slides.pdf\n",
            "Tide models for bays",
        ),
        (
            "   Mel, M. (2013). Tide models for bays.\n"
            "   http://tides.example.org/ws2013/mel_workshop_paper.pdf\n",
            "Tide models for bays",
        ),
        # a possessive name opening a title with authors and a venue
        (
            "   Lind, B. (2003). Kruskal's Stress Revisited. Journal of Tides, 4, 1-9.\n",
            "Kruskal's Stress Revisited",
        ),
        # a paper's title that holds "datasheets"; a book of tables; a title holding an
        # algorithm's star
        (
            "   Gebel, T. et al. (2021). Datasheets for Tide Sets. Comm. Tides 64(12), 86-92.\n",
            "Datasheets for Tide Sets",
        ),
        (
            '   Lind, I. S. "Tables of Tide Integrals", Academic Press, 1994.\n',
            "Tables of Tide Integrals",
        ),
        (
            '   M. Lind, J. Moss. "Adaptively Informed Tides (AIT*): Fast Planning",\n'
            "   Proc. ICRA 2020.\n",
            "Adaptively Informed Tides (AIT*): Fast Planning",
        ),
        # an author-year as a link's text on a paper's page
        ("   [^1]: [Lind et al. 2016](https://tides.example.edu/papers/tides.pdf)\n", "Lind"),
    ]
)


@pytest.mark.parametrize(("text", "titles"), ENTRY_TITLES)
def test_an_entry_keeps_its_own_title(text: str, titles: list[str]) -> None:
    assert [t for _, t in _found(text)] == titles


# a scheme put forward in a paper, by its authors and year
CITATIONS.append(("   The scheme was put forward by Lind and Moss (2010) for tides.\n", "Lind"))
# a list of works under a heading of its own, its items one a line
CITATIONS.append(("Tidal networks, as built in\n\n * Okafor 2020\n", "Okafor"))
# the paper of the same words, named as a work
CITATIONS.append(
    (
        '   after the paper "Faster tide table lookups" by Lind and Moss (2011)\n',
        "Faster tide table lookups",
    )
)


@pytest.mark.parametrize(("text", "title"), CITATIONS)
def test_true_neighbours_are_still_found(text: str, title: str) -> None:
    assert [t for _, t in _found(text)] == [title]


def test_the_text_of_a_link_to_a_papers_pdf_still_cites() -> None:
    text = "    - [Okafor, 2012](http://www.example.edu/~okafor/papers/tides.pdf)\n"
    assert _found(text) == [("author-year", "Okafor")]
    text = "  See [Okafor (2012)][1].\n\n  [1]: http://www.example.edu/~okafor/papers/tides.pdf\n"
    assert _found(text) == [("author-year", "Okafor")]


def test_every_veto_has_a_distinct_name() -> None:
    names = [veto.name for veto in VETOES]
    assert len(names) == len(set(names))


def test_a_mention_with_a_forum_link_under_it_still_cites() -> None:
    text = (
        "            # Okafor-Lind (2018)\n"
        "            # https://stats.stackexchange.com/questions/179674/\n"
    )
    assert [hit.kind for hit in find_citations(text)] == [RefKind.AUTHOR_YEAR]


def test_a_sentence_ending_according_to_the_mentions_name_is_not_its_title() -> None:
    # the note cites the entry that follows by its authors and year
    text = (
        "    .. note::\n        Magnitude estimation according to Lind & Moss, 1984, Eq. (3) page\n"
        "        1835. Lind, W. H. and W. B. Moss: The Ml scale in southern\n"
        "        Tidewater, Bull. Seismol. Soc. Am., 74, 1827-1843, 1984\n"
    )
    assert _found(text) == [
        ("author-year", "Lind"),
        ("title", "The Ml scale in southern Tidewater"),
    ]


def test_a_title_run_into_its_mentions_possessive_names_is_demoted_to_the_mention() -> None:
    # the tagger's reading of a parameter list: a sentence, the next parameter's name, then
    # "MacKinnon and White's (1985)"
    text = (
        "    this case just resid**2.  HCCM matrices are only appropriate for OLS.\n"
        "HC1_se\n"
        "    MacKinnon and White's (1985) alternative heteroskedasticity robust\n"
    )
    title = "HCCM matrices are only appropriate for OLS. HC1_se MacKinnon and White's"
    fields = EntryFields(authors=("MacKinnon", "White"), title=title, year=1985)
    hit = Hit(30, len(text) - 40, RefKind.TITLE, "CG105", None, 0.9, title, fields)
    (kept,) = vet(text, [hit])
    assert kept.kind is RefKind.AUTHOR_YEAR
    assert kept.reference is not None and kept.reference.title is None


@pytest.mark.parametrize(
    "title",
    [
        'The TSP was developed to identify harbours considered favorable for wind "driven" surge',
        "These values were compiled from the hourly tide gauge records of two harbours",
    ],
)
def test_a_sentence_in_the_passive_read_as_a_title_is_demoted_to_the_mention(title: str) -> None:
    # a docstring's sentence after "compiled by Lindqvist and Marlowe (2001).", in a file with
    # CRLF line ends (where the vetoes of prose after a mention do not read the sentence)
    text = (
        "        This parameter is based on 113 surge events compiled by Lindqvist and Marlowe"
        f" (2001).\r\n        {title}\r\n        events through four primary mechanisms:\r\n"
    )
    fields = EntryFields(authors=("Lindqvist", "Marlowe"), title=title, year=2001)
    start = text.index("Lindqvist")
    hit = Hit(start, text.index("events through"), RefKind.TITLE, "CG105", None, 0.9, title, fields)
    (kept,) = vet(text, [hit])
    assert kept.kind is RefKind.AUTHOR_YEAR
    assert kept.reference is not None and kept.reference.title is None


@pytest.mark.parametrize(
    "title",
    [
        "The WAVE is concerned with series classification in the presence of drift",
        "Computes the tide: a harmonic method for short records",
    ],
)
def test_a_quoted_title_between_its_authors_and_venue_may_read_as_a_sentence(title: str) -> None:
    text = (
        "    References\n    ----------\n"
        f'    .. [1] P. Okafor, "{title}".\n'
        "           Journal of Synthetic Mining, 29(6), 1505-1530 (2015).\n"
    )
    (hit,) = find_citations(text)
    assert hit.kind is RefKind.TITLE
    assert hit.reference is not None and hit.reference.title == title


def test_a_source_an_author_tag_credits_is_cited() -> None:
    text = "\\author After Lind, 19xx, republished 1950, republished by Moss, 1999\n"
    (hit,) = find_citations(text)
    assert hit.reference is not None and hit.reference.authors == ("Moss",)


def test_a_colon_after_an_authors_initial_opens_the_entrys_quoted_title() -> None:
    # `Surname, I.: "Title"` (German-style entries) is no speaker's quotation; two works of one
    # author and year stay two titles
    text = (
        "    References\n    ----------\n"
        '    .. [1] Brandauer, K.: "Corrections for Air Density in Rotor Power Curves".\n'
        "           Nordwind Engineering A/S , 2011\n"
        '    .. [2] Brandauer, K.: "A Second Look at Rotor Power Curve Corrections".\n'
        "           Nordwind Engineering A/S , 2011\n"
    )
    assert _found(text) == [
        ("title", "Corrections for Air Density in Rotor Power Curves"),
        ("title", "A Second Look at Rotor Power Curve Corrections"),
    ]
    # a person's words after a colon stay a quotation, not a title
    said = 'As Brandauer, K. put it in 2011: "we never correct the curves for density".\n'
    assert all(kind != "title" for kind, _ in _found(said))
    said = 'As Brandauer (2011): "we never correct the curves for density".\n'
    assert all(kind != "title" for kind, _ in _found(said))
    said = 'As Brandauer (2011): "The curves should be corrected for density".\n'
    assert all(kind != "title" for kind, _ in _found(said))


def test_the_editors_of_an_entrys_proceedings_are_no_second_work() -> None:
    # BibLaTeX prints a proceedings' editors as `Ed. by Name`, then the volume's year
    text = (
        'Described in <a href="https://doi.org/10.1007/978-3-319-00000-0_1">Okoro, T., Lind, M.,'
        " and Berg, P.: \u201cA Sweep for Cumulative Resources\u201d. In: Principles and Practice"
        " of Constraint Programming - 21st International Conference, CP 2015, Cork, Ireland, August"
        " 31 - September 4, 2015, Proceedings. Ed. by Hanna Ruiz. Vol. 9255. Lecture Notes in"
        " Computer Science. Springer, 2015, pp. 149\u2013157</a>.\n"
    )
    assert _found(text) == [("title", "A Sweep for Cumulative Resources")]
    # a work by the same person, cited on its own, still cites
    assert _found("As shown by Hanna Ruiz (2019), the sweep is exact.\n") == [
        ("author-year", "Hanna Ruiz")
    ]


# Survey-e's kinds on unseen C++, Java and Rust code (session 15): what each place says is
# not a citation, and a true neighbour of the same shape for each.
NOT_CITATIONS_SURVEY_E = [
    # a date whose month is misspelt or in another language
    "   Original date 25 Feburary 2011\n   All rights reserved\n",
    "   Last edited 12 Juni 2009 by the team.\n",
    # an evaluation campaign or its data, named by its year
    "  Named Entities are annotated in the IOB2 format (as used in CoNLL 2003 shared task)\n",
    "  Parser for the TideEval 2014 Named Entity Recognition Shared Task data.\n",
    "  Selects which layer to read from the TideEval 2014 data.\n",
    "  Parser for the Tidalita 2007 and 2009 NER shared tasks.\n",
    # who ported the code, and when
    "   Ported from C++ version provided by Everett Okafor Jr., 1994\n",
    "   The Tide Cylindrical projection was designed by Ann Lind, in 2014.\n\n"
    "   References:\n      Tide Map Library\n         https://github.com/example/TideMapLib\n\n"
    "      Tide Cylindrical Projection\n         http://tides.example.com/tide/\n\n"
    "      Lind, T., Moss, B., and Ode, C. (2015). Tidal Perspectives\n"
    "         (No.78). Describes the projection design.    doi:10.14714/TP78.1270\n"
    "         https://doi.org/10.14714/TP78.1270\n\n"
    "   Port to TIDES.4 by Paul Okafor, 26 March 2016\n",
    # a standard, called one right before its quoted title
    "The acronym refers to definitions given in the OGC 01-234r5/ISO-12345\n"
    'standard "Tidal Information -- Spatial Referencing by Tides",\n'
    "which defines two different classes of operations:\n",
    # an instrument's manual
    '   Tidal Research Systems, "Model TR785 Tide Analyzer: Operating Manual and\n'
    '   Programming Reference", 2017.\n',
    # a credit for the code
    "   Authored 2016 by Jane Roe; work in the public domain.\n",
    # a phrase quoted beside quoted words: a label, an example
    '   For standard behavior, use "Tide&Contrast", Press "Set",\n   enter "Min." 16.\n',
    '   In "The tide and the moon", the term "the" appears in position 0 and 3.\n',
    # a span of years
    "   Between 1997 and 2004 some tide surveys included a second sensor.\n",
    # a parameter's advice
    "   @param numBins Number of bins. Try 2000. More bins the more accurate it will be\n",
    # a geodetic system read as an author
    "  Reference: [World Geodetic System 1984](https://example.org/wgs84)\n",
]


@pytest.mark.parametrize("text", NOT_CITATIONS_SURVEY_E)
def test_what_the_place_says_is_not_a_citation_survey_e(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("  as in Lind 2009 and Moss 2011.\n", [("author-year", "Lind"), ("author-year", "Moss")]),
        ("  Lind 2014 shared the code with us.\n", [("author-year", "Lind")]),
        (
            '   W. Lind, "Operation useful for tidal pattern recognition,"\n'
            "   Journal of the Tides, vol. 9, pp. 259-267, 1962.\n"
            "   ported to TideJ plugin by G.Okafor from Ann Moss's Matlab code (GPL)\n"
            "   Original Matlab code Copyright (C) 2004 Ann Moss\n"
            "   See http://www.tides.example.edu/~moss/thresh/ for an excellent slide\n"
            "   presentation and the original Matlab code.\n",
            [("title", "Operation useful for tidal pattern recognition")],
        ),
        (
            '  Lind, A. "Tides of the Moon", J. Tides 4 (2001), the "tidal" case.\n',
            [("title", "Tides of the Moon")],
        ),
        ('  """Test C4 for figure 1 Lind et al (2005)"""\n', [("author-year", "Lind")]),
        ("  See Figure 1 Lind 2005.\n", [("author-year", "Lind")]),
        ("  issues from Roman (1987) data, and\n", [("author-year", "Roman")]),
        (
            "  The method was proposed by Lind (2001) and ported to C.\n",
            [("author-year", "Lind")],
        ),
    ],
)
def test_true_neighbours_of_survey_e_kinds_are_still_found(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _found(text) == found


def test_a_venue_spelled_before_its_acronym_is_not_a_second_title() -> None:
    text = (
        "  [1] TideMVS: A Large-scale Dataset for Tidal Stereo Networks},\n"
        "  Lind, Ann and Moss, Bo and Ode, Cy,\n"
        "  Computer Vision and Pattern Recognition (CVPR), 2020\n"
    )
    assert _found(text) == [("title", "Large-scale Dataset for Tidal Stereo Networks")]
    # a title with its own acronym still cites, as its authors and year at least
    text = "  Lind, A. and Moss, B. Tidal Stereo Networks in Practice (TSNP), 2020.\n"
    assert len(_found(text)) == 1


def test_institutions_above_a_date_line_are_no_author_and_year() -> None:
    # a vendored linear-algebra routine's header: its makers' institutions, then its date
    for header in (
        "  -- TIDEPACK routine (version 3.0) --\n"
        "     Univ. of Tennessee, Univ. of California Berkeley, NAG Ltd.,\n"
        "     Courant Institute, Argonne National Lab, and Rice University\n"
        "     October 31, 1992\n",
        "  -- TIDEPACK is a software package provided by Univ. of Tennessee,    --\n"
        "  -- Univ. of California Berkeley, Univ. of Colorado Denver and NAG Ltd..--\n"
        "     November 2011\n",
        # ... the institutions read as a title, above the date
        # ... read as a title with a fragment of the list as its author
        "    -- TIDEPACK auxiliary routine (version 3.2) --                  \n"
        "       Univ. of Tennessee, Univ. of California Berkeley, Univ. of Colorado Denver"
        " and NAG Ltd..   \n"
        "       November 2006                                               \n",
        "  <pre>\n  -- TideLU routine (version 3.0) --\n"
        "  Univ. of California Berkeley, Harbour Palo Alto Research Center,\n"
        "  and Lawrence Tidal National Lab.\n  October 15, 2003\n",
    ):
        assert not find_citations(header), header
    # a mention whose year opens the next line is still one
    assert [h.kind for h in find_citations("As shown by Lind and Moss\n(2011), it turns.\n")] == [
        RefKind.AUTHOR_YEAR
    ]


def test_a_header_field_naming_who_changed_the_code_is_no_author_and_year() -> None:
    header = (
        "Author: Ada Lind, ada@example.org, 2003\n\n"
        "Altered by: Bo Moss 2003 for TideKit project\n"
        "            made it platform independent\n\n"
        "Modified by: Cy Hale, 2005, for the Open Tides project\n"
    )
    assert not find_citations(header)
    # a report's editors are no code's: the entry is still read
    report = (
        "ASCE-EWRI: The ASCE standardized reference tide equation, in:\n"
        "Standardization of Reference Tides Task Committee Final Report,\n"
        "edited by: Lind, R. G., Moss, I. A., Hale, R. L., Howell, T. A.,\n"
        "Itensu, D., Jensen, M. E., and Snyder, R. L., Technical Committee report\n"
        "to the Environmental and Water Resources Institute of the American Society\n"
        "of Civil Engineers from the Task Committee on Standardization of Reference\n"
        "Tides, Reston, VA, USA, 2005.\n"
    )
    assert find_citations(report)


def test_strings_of_commented_out_code_are_no_titles() -> None:
    for code in (
        # a format string passed to a print call
        'HYPRE_Int myid;\nhypre_fprintf(stdout, "Proc %d: Tide OMP 4.5 offloading has been'
        ' turned on. Device %d\\n",\n              myid, device);\n',
        # a string passed after other arguments
        "//without -xn option, the default is to write using these options\n"
        'tokenize(optsvec, "FixedH RecMet SPXYZ SAsXYZ Newps Fb Fnud");\n',
    ):
        assert not find_citations(code), code
    # a percentage in a quoted title is no format
    hits = find_citations('See "A 50% Reduction in Tidal Error", Lind 2011.\n')
    assert [h.title_hint for h in hits] == ["A 50% Reduction in Tidal Error"]


def test_a_name_before_a_full_date_is_no_author_and_year() -> None:
    # a holiday in a calendar's code, with the day it fell on
    code = (
        "|| (d == 26 && m == July)  // Substitution for Tidal Bucha Day (Saturday 24th July 2021)\n"
        "|| (d == 16 && m == May)   // Substitution for Moss Day (Sunday 15 May 2022)\n"
    )
    assert not find_citations(code)
    # a month alone before the year still cites in prose
    hits = find_citations("As shown by Lind and Moss (May 2011), it turns.\n")
    assert [h.kind for h in hits] == [RefKind.AUTHOR_YEAR]


def test_a_quoted_path_is_no_title() -> None:
    """A page of a site's tree quoted as where to read on is no work; a slash inside a
    title's word is a title's."""
    text = (
        '        (see "Tutorials/Causal Discovery/Method Overview") or by a toy model (see\n'
        "        See 'Graph Effects' and its tutorial for more info and references on sets.\n"
    )
    assert _found(text) == []
    quoted = (
        '    A. Lind and J. Okafor, "The Input/Output Complexity of Sorting and Related'
        ' Problems",\n    Communications of the ACM, 1988.\n'
    )
    title = "The Input/Output Complexity of Sorting and Related Problems"
    assert _found(quoted) == [("title", title)]


# Kinds of the ML-code survey of session 16 (survey-f).
NOT_CITATIONS_SURVEY_F = [
    # the strings of a list literal, one a line, in a docstring's example or commented-out data
    '   Examples:\n   ```python\n   query = "Which planet is known as the Red Planet?"\n'
    '   documents = [\n       "Mars is often referred to as the Red Planet.",\n'
    '       "Venus is often called Earth\'s twin.",\n   ]\n'
    '   q_emb = embedder.encode_text(\n       "Instruct: Given a web search query"\n   )\n'
    "   ```\n",
    '     data = {\n         "questions": [\n             "Who wrote this book?",\n'
    '             "What is the genre of this book?",\n'
    '             "What is the year printed on this calendar?"],\n'
    '         "answers": [\n             "Sandra Boynton",\n'
    '             "Mom\'s Family Wall Calendar 2016",\n         ]\n     }\n',
]


NOT_CITATIONS_SURVEY_F += [
    # a year dating a platform or a product's versions, not a work
    "  posix_memalign is there on Tidebox (Since 2016) and on Linux with both compilers\n",
    "  the simplest way is its type traits (C++Builder 2009 and above only).\n",
    # a quoted section of a specification; a credit for adapting the code to a project
    '  Eight words long, described in "Opening Words of the Binary Form"\n'
    "  section of Tide-V documentation.\n",
    "  Turned into Python from the C code by Ana Moss.\n"
    "  Adapted to Tidekit with some changes by Bo Lind 2021.\n\n  More text.\n",
]


@pytest.mark.parametrize("text", NOT_CITATIONS_SURVEY_F)
def test_what_the_place_says_is_not_a_citation_survey_f(text: str) -> None:
    assert _found(text) == []


def test_a_quoted_title_on_its_own_line_after_its_authors_still_cites() -> None:
    text = (
        "   References:\n       Smith, J. and Lee, K.,\n"
        '       "A Fast Algorithm for the Assignment Problem",\n'
        "       Journal of Things 12, 2004.\n"
    )
    assert [t for _, t in _found(text)] == ["A Fast Algorithm for the Assignment Problem"]


def test_a_title_read_over_two_items_of_a_name_description_list_is_no_title() -> None:
    text = (
        "    Estimates the slope. Intercept calculated using Okafor, W.J. (1980) method.\n"
        "    Output:\n        slope: Theil-Sen estimator/slope\n"
        "        intercept: intercept of Kendall-Theil Robust Line\n"
    )
    assert _found(text) == [("author-year", "Okafor, W.J.")]


def test_an_institution_after_a_reports_number_is_no_title() -> None:
    text = (
        "   References:\n"
        "   <ol>\n"
        "     <li>Lind et al (2009).  "
        '"Multiobjective Tide Test Instances for the CEC 2009 Special\n'
        '         Session."  Technical Report CES-487, The School of Computer Science and Tidal\n'
        "         Engineering, University of Essex.\n"
        "   </ol>\n"
    )
    assert _found(text) == [
        ("title", "Multiobjective Tide Test Instances for the CEC 2009 Special Session")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "  as shown by Okafor (2016) and later by Lind (2019).\n",
        "  the test of Lind (2009) and above all its bound\n",
    ],
)
def test_a_mention_before_and_later_or_above_still_cites(text: str) -> None:
    assert all(kind == "author-year" for kind, _ in _found(text)) and _found(text)


def test_a_line_that_leads_in_to_the_work_below_is_no_title() -> None:
    # the tagger's reading of `The ... is based on:` above the work's link as its title
    text = (
        "   The gated variant with its projection layer is based on:\n"
        "   https://research.example.org/pubs/archive/43905.pdf\n"
    )
    title = "The gated variant with its projection layer is based on"
    fields = EntryFields(title=title, year=2014)
    hit = Hit(3, text.index(" is based"), RefKind.TITLE, "CG105", None, 0.9, title, fields)
    assert vet(text, [hit]) == []


def test_a_title_read_across_a_doc_comments_parameter_lines_is_no_title() -> None:
    text = (
        "  Multihead attention, see [Vaswani et al (2017)](https://arxiv.org/abs/1706.03762).\n"
        "  @param query the query tensor of size T x nHeads * headDim x B\n"
        "  @param key the key tensor of size Time x nHeads * headDim x B\n"
    )
    title = "headDim x B @param key the key tensor of size Time x nHeads"
    fields = EntryFields(title=title)
    start = text.index("headDim x B\n")
    hit = Hit(start, start + len(title) + 2, RefKind.TITLE, "CG105", None, 0.8, title, fields)
    assert vet(text, [hit]) == []


NOT_CITATIONS_SURVEY_H = [
    # a string code gives a name: a keyword argument of an example's call, one a line or inline,
    # and an assignment in commented-out code
    "    >>> show_spectrum(spec,\n"
    '    ...     xlabel="Time (s)",\n'
    '    ...     title="Mel spectrogram of the bird song (dB)",\n'
    '    ...     cmap="jet")\n',
    '        result = Plot(model).plot(title="Thermal Comfort Zones (EN 16798)")\n',
    "    if ax is None and title is None:\n"
    '        title = "Response plot for " + ", ".join(sysnames)\n',
    # who wrote or changed the code, by a full given name, after a credit for code
    "    .. note::\n        - Based on MATLAB code developed by Maren Okafor 2004.\n"
    "        - SI units are used.\n",
    " * Modifications to work with the toolbox by Tomas Lindqvist, 2020\n",
    "# The Python/Numba implementation was adapted by Leland Okafor (2020).\n",
    # a document or a program released in numbered versions
    '    :references:\n        - "DH Parameters of the Arm" Version 1.0.8, July 25, 2013.\n',
    '# Taken from document "Radarkomposit - Projektionen und Gitter", Version 1.01\n'
    "# 5th of April 2022\n",
    "    .. [2] Maren Okafor, & Paul Lind. (2018, March 5). Bird Song Analysis Software"
    " v18.03.0.41 (Version v18.03.0.41). Zenodo.\n",
]


@pytest.mark.parametrize("text", NOT_CITATIONS_SURVEY_H)
def test_what_the_place_says_is_not_a_citation_survey_h(text: str) -> None:
    assert _found(text) == []


def test_a_quoted_title_in_an_html_tags_attribute_is_still_read() -> None:
    text = (
        '   See <a href="https://example.org/lind2019.pdf" title="On the widths of ducks">'
        "Lind (2019)</a>.\n"
    )
    assert _found(text) == [("title", "On the widths of ducks")]


@pytest.mark.parametrize(
    "text",
    [
        "    Python implementation of code provided by Okafor and Lind (2002).\n",
        "    This follows the implementation described by Maren Okafor (2004).\n",
        "    The method developed by Maren Okafor (2004) is used here.\n",
    ],
)
def test_a_paper_beside_code_words_still_cites(text: str) -> None:
    assert [kind for kind, _ in _found(text)] == ["author-year"]


def test_a_version_of_a_preprint_after_the_title_still_cites() -> None:
    text = "    .. [1] Lind, M. (2019). On the widths of ducks. Version 2 of the preprint.\n"
    assert _found(text) == [("title", "On the widths of ducks")]


def test_a_bibtex_entrys_keywords_are_no_title() -> None:
    text = (
        "@article{okafor2020,\n"
        "    title = {On the Widths of Ducks in Still Water},\n"
        "    author = {Maren Okafor and Paul Lind},\n"
        "    journal = {Computer Physics Communications},\n"
        "    year = {2020},\n"
        "    doi = {https://doi.org/10.1016/j.cpc.2020.107275},\n"
        "    keywords = {Simulation analysis, Wave dynamics, Monte Carlo,\n"
        "                Computational coastal science},\n"
        "}\n"
    )
    assert _found(text) == [("title", "On the Widths of Ducks in Still Water")]


# list22's survey of unseen packages' reference lists: a change log's items (an IDL-style
# modification history), and a code repository's release archived with a DOI
NOT_CITATIONS_LIST22 = [
    " MODIFICATION HISTORY\n\n"
    " - V1.1.1: Included explanation of correction for instrumental resolution.\n"
    "       After feedback from Carl Moss. AL, Venezia, 27 June 2005\n"
    " - V2.1.0: Bug fix: Force the kernel to have an odd number of elements.\n"
    "       Many thanks to Harald Tideman, Eric Moss, Anne-Marie Okafor and\n"
    "       Richard Lind for reporting problems with small offsets\n"
    "       in systemic velocity. AL, Oxford, 15 February 2010\n",
    "    .. [2] Okafor, N., Lind, A., Moss, C. M., & Tidewell, R. W.\n"
    "        (2025). tide-lab/tidekit: v0.7 (v0.7). Zenodo.\n"
    "        https://doi.org/10.5281/zenodo.16089574\n",
    # probes of a reference list's other non-papers: code marked as such, R itself, a manual
    "    .. [2] Moss, C. (2021). tidekit [Software]. GitHub. https://github.com/example/tidekit\n",
    "    .. [3] R Core Team (2020). R: A language and environment for statistical\n"
    "           computing. R Foundation for Statistical Computing, Vienna, Austria.\n",
    "    .. [4] Lind, A. (2015). tidekit 2.1 Reference Manual. Example Software Inc.\n",
]


@pytest.mark.parametrize("text", NOT_CITATIONS_LIST22)
def test_what_the_place_says_is_not_a_citation_list22(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an item's author-year mention, a title it quotes, an entry with its venue
        (
            " - V1.1.0: Cleaned up for the paper by Okafor et al. (MNRAS, 2013).\n",
            [("author-year", "Okafor")],
        ),
        (
            ' - V1.2.0: Implemented the method of "Fast tide tables for coastal\n'
            '       gauges" by Lind & Moss (2003), J. Tides 4, 1-20. AL, Oxford, 3 May 2004\n',
            [("title", "Fast tide tables for coastal gauges")],
        ),
        (
            " - V1.3.0: Use the estimator of Okafor, A., Lind, B. (2005). Robust tide\n"
            "       fitting. Journal of Tides, 7, 20-31. AL, Oxford, 9 May 2006\n",
            [("title", "Robust tide fitting")],
        ),
        # below the log, after a blank line, a reference list
        (
            " - V1.4.0: Faster. AL, Oxford, 9 May 2007\n\n References\n ----------\n"
            " V. Lind and C. Moss. Tide gauges in the wild: a survey of drift.\n"
            "     Journal of Coastal Tides 12 (2004) 44-59.\n",
            [("title", "Tide gauges in the wild: a survey of drift")],
        ),
        # a paper about software, and a paper's entry by its authors and year
        (
            "    .. [2] Harris, C.R. et al. Array programming with TideKit. Nature 585,\n"
            "           357-362 (2020).\n",
            [("title", "Array programming with TideKit")],
        ),
        (
            "    .. [2] Lind, A. (2015). Reference tables for coastal gauges. Journal of Tides\n"
            "           7, 1-9.\n",
            [("title", "Reference tables for coastal gauges")],
        ),
        # a paper whose title names a repository's release is no release
        (
            "    .. [1] Lind, A., Moss, C. P. (2019). Tidekit: a framework for tracking\n"
            "        tides. Geosci. Model Dev., 12, 4551-4570.\n",
            [("title", "Tidekit: a framework for tracking tides")],
        ),
    ],
)
def test_true_neighbours_of_list22_kinds_are_still_found(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _found(text) == found


def test_a_quoted_name_the_sentence_calls_a_name_is_no_title() -> None:
    text = (
        '   continuing until the path turns back on itself (hence the name, "No Tide Return").\n'
        "   Steps follow Okafor and Lind (2011), whose section 2 gives the proof.\n"
    )
    assert _found(text) == [("author-year", "Okafor")]
