"""A title or author-year beside a link or identifier of the same work is one reference."""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits

ONE_WORK = [
    # reST link text
    "See `Lind (1999; ApJ 512, 40)\n<https://ui.adsabs.harvard.edu/abs/1999ApJ...512...40L/abstract>`_.\n",
    # ... the year mistyped in the text, the record's initial its first author's
    "VG04: `Vale, Okafor, & Gray 2014, 616, 912\n"
    "<https://ui.adsabs.harvard.edu/abs/2004ApJ...616..912V>`_\n",
    # the same, after roles and literals whose backticks open no link
    "With :math:`k` steps (``fit``, ``y < 0`` and ``x > 1``), see `Lind (1999; ApJ 512, 40)\n"
    "<https://ui.adsabs.harvard.edu/abs/1999ApJ...512...40L/abstract>`_.\n",
    # Markdown link then its author
    "After [Noise without lattices](https://example.edu/~vale/papers/noise.pdf)\n"
    "by Rosa Vale, 2006.\n",
    # HTML link text
    'As in <a href="https://doi.org/10.5555/jasa.1993.0042">Rousset and Lind (1993)</a>.\n',
    # JSDoc link, then its description
    "- {@link https://doi.org/10.5555/1234567.7654321}: Hale and Ortiz, Conservative Surface\n"
    "  Voxelization on Graphics Hardware, ACM Transactions on Graphics 2011.\n",
    # `Author (Year). doi:` in one parenthesis
    "as in the regional method (see Ortega and Quist (2013). doi:10.1234/JCLI-D-13-0042.1).\n",
    # `Author (Year), url` on one line
    "The weights follow Garcia and Holt (2016), https://example.edu/~garcia/pubs/weights.pdf\n",
    # the work's DOI as the text of a link to its PDF
    "Notes\n-----\n`DOI: 10.5555/kais.2017.0042 \\\n<https://www.example.edu/~lee/pubs/mp.pdf>`__\n",
    # a link labelled as another copy of the work just cited
    "Hale, *Fast Voxels*, EUSIPCO, 2019. [`arXiv <https://arxiv.org/abs/1903.03237>`_]"
    " [`IEEE <https://ieeexplore.ieee.org/abstract/document/8902557>`_]\n",
    "Ito, *Blind separation*, Signal Processing.\ndoi:10.5555/sigpro.2006.022, 2006."
    " `[pdf] <http://www.example.edu/~ito/lnt2006_19.pdf>`_\n",
    # a second identifier marked as a copy of the first on its line
    "Doe, J. Fast sketches. doi:10.1145/3360572 (PDF: https://lab.example.edu/~doe/papers/x.pdf).\n",
    "Doe, J. Fast sketches, 2004. doi:10.1145/3360572, preprint at https://arxiv.org/abs/1706.03762\n",
    # a link's text holding the work's DOI among its fields; an identifier as a bare link text
    "[Bioinformatics (2016) 32 (2): 309-311, doi:10.1093/bioinformatics/btv557]"
    "(https://academic.example.net/bioinformatics/article/32/2/309.pdf)\n",
    "Notes\n-----\nDOI: 10.5555/icdm.2017.21 <https://www.example.edu/~lee/pubs/seg.pdf>`__\n",
    # a reference list whose entries are labelled by their Sphinx citation keys
    "References\n----------\n-   :cite:`Abe2020a` : Abe, S., Tehran, M., & Ford, M. D. (2020).\n"
    "    Distance metrics for large differences. Color Res., 45(2). doi:10.1002/col.22451\n",
    # ... or by the key alone, the entry going on after it on the bullet's line
    "References\n----------\n\n* :cite:`vale2007tutorial` A Tutorial on Spectral Clustering, 2007"
    " Ulrike Vale - https://doi.org/10.5555/s11222-007-9033-z\n",
    # the authors and year that open a labelled entry, and its link
    ".. [1] Eswar, K. P., and R. E. Tarn. (1975) Augmentation problems.\n"
    "    http://epubs.siam.org/doi/abs/10.1137/0205044\n",
    # a bracketed author-year label, then its DOI link, on one line
    "  [Ruiz et al., 2007] http://dx.doi.org/10.5555/swarm.2007.0042\n",
    # ... its line closed by a Doxygen line break
    "  [Ruiz et al., 2005] http://dx.doi.org/10.5555/ants.2005_80 \\n\n  (a remark)\n",
    # authors and year in brackets labelling the entry: its title, then its link
    "  [Rosa Vale, 2011] Standard Swarms, From 2006 to 2011 \\n\n"
    "    http://vale.example.free.fr/pso/swarms.pdf\n",
    # `Author (Year).` opening the entry, its sentence-cased title alone on the next line, then
    # its link
    "For a definition, see Okafor (2013).\nDirect and indirect paths: definition and limits.\n"
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4455506/\n",
    # ... the title running over two lines
    "    Okafor 1992\n    Achieving logarithmic growth of tidal and spatial complexity in\n"
    "    reverse harbour differentiation\n"
    "    https://ftp.example.gov/pub/tech_reports/reports/P228.pdf\n",
    # the mention naming what the bracketed link after a few words gives, with a locator
    "Implements the Okafor and Lind (2016) treatment-effect criterion\n"
    "(https://arxiv.org/abs/1504.01132, section 3.2), negated because we minimise.\n",
    # `Author (Year):` above its link
    "Exact predicates, after Brandt (1998):\nhttps://www.cs.example.edu/~brandt/papers/orient.pdf\n",
    # ... the link followed by its number in the place's list of works
    "Seeding by Arthur and Vassilvitskii (2007):\n"
    "    http://ilpubs.example.edu:8090/778/1/2006-13.pdf [1]\n"
    "    the first center is chosen at random\n",
    # the identifier opening the brackets after the mention, with a locator
    "Refines the peak as in Rivera & Okafor 2016 (ArXiv:1610.05873, Section 3.2).\n",
    # the link after the mention, then what it gives
    "Normalises each layer (Ba et al., 2016), see https://arxiv.org/abs/1607.06450 for details.\n",
    # ... and another sentence after it on the line
    "Implements Adam (Kingma and Ba 2014), see https://arxiv.org/abs/1412.6980. The AMSGrad\n"
    "variant is off by default.\n",
    # prose about the work, then its link alone in brackets closing the sentence
    "See Appendix A of Lindqvist & Marsh, 1995 for a full discussion of\n"
    "normalization and amplitudes\n(http://adsabs.harvard.edu/abs/1995A%26A...293...87K).\n",
    # the possessive's paper, then its quoted title and link on the next lines
    'The fog density follows Garland\'s 1985 paper,\n"Visual Simulation of Layered Fog."\n'
    "https://www.cs.example.edu/~garland/papers/p297-garland.pdf\n",
    # ... in a shader's source held in a JavaScript string
    "// The fog density follows Garland's 1985 paper,\\n\\\n"
    '// \\"Visual Simulation of Layered Fog.\\"\\n\\\n'
    "// https://www.cs.example.edu/~garland/papers/p297-garland.pdf\\n\\\n",
    # a link whose text is the method's short name, then the venue's paper and its quoted title
    'An implementation of `"Fold" <https://arxiv.org/abs/1906.04560>`_\n'
    'from the KDD \'19 paper "Fold: Edge Folding for Motif Graphs". The tool first builds\n',
    # ... the venue over two lines, the link's address ending in a stray full stop
    'An implementation of `"FCN" <https://arxiv.org/pdf/1804.05313.pdf.>`_ from the\n'
    "ICLR Learning on Graphs and Manifolds Workshop '19 paper \"Fusing Structure and\n"
    'Content for Information Networks". The procedure uses a joint factorization.\n',
    # ... the venue and its year read as the link's fields
    'An implementation of `"Invariant Embedding" <https://lab.example.edu/papers/16.pdf>`_\n'
    "from the ICML 2019 Workshop on Learning and Reasoning with Graph-Structured\n"
    'Data paper "Invariant Embedding for Graph Classification". The procedure mixes\n',
    # a place in the work after its link ends the sentence
    "Numbering follows the procedure in Okafor et al. 2003,\n"
    "https://doi.org/10.5555/pra.2003.0042, see Fig. 2\n",
    "The weights follow Garcia and Holt (2016), https://doi.org/10.5555/jcp.2016.7, Eq. (4).\n",
    # the link on the line after its word
    "See section 2.2 of Vale and Rosen (1992), at\nhttps://doi.org/10.5555/ss.1992.0042.\n",
    # a cite key, then a page whose address names its first author and year, a sentence later
    "See @cite Tao2012 . And site of project - <http://graphics.example.edu/papers/Tao-SAN-2012-05/>.\n",
]

TWO_WORKS = [
    "See Smith (2001) and doi:10.5555/lee.2004.17 by Lee for the proof.\n",
    "Built on Smith (2001). See also doi:10.5555/lee.2004.17 for the bound.\n",
    "We follow Smith (2001). arXiv:1501.01234 extends it to graphs.\n",
    "See doi:10.1145/3360572 and https://arxiv.org/abs/1706.03762\n",
    ".. [1] Smith (2001) gave the bound.\n   See also doi:10.5555/lee.2004.17 for a tighter one.\n",
    "See doi:10.1145/3360572, https://arxiv.org/abs/1706.03762\n",
    # a sentence of prose between the author-year and the link
    "Smith (2001) was extended later (doi:10.5555/lee.2004.17).\n",
    "As in Okafor (2013).\nWe use the same bound here.\ndoi:10.5555/lee.2004.17\n",
    # a page whose address names another author, or the same author in another year
    "See @cite Lind2013 and the lab page <http://graphics.example.edu/papers/Moss-2013/>.\n",
    "See @cite Lind2013 and the lab page <http://graphics.example.edu/papers/Lind-2011/>.\n",
    "As in Okafor (2013).\nThe bound is tight for sparse graphs.\ndoi:10.5555/lee.2004.17\n",
    "As in Okafor (2013).\nThe bound is tight for sparse graphs and\nwe use it here.\n"
    "doi:10.5555/lee.2004.17\n",
    "See arXiv:1903.03237 and the [IEEE](https://ieeexplore.ieee.org/document/8902557) paper.\n",
    "Smith (2001) proved the bound. A faster proof is known\n(https://arxiv.org/abs/1706.03762).\n",
    "Smith (2001) proved the bound, but Lee gave a faster one\n(https://arxiv.org/abs/1706.03762).\n",
    "Smith (2001) proved the bound for trees (see https://arxiv.org/abs/1706.03762 for graphs).\n",
    # a place in the linked work, then prose that names another
    "See Smith (2001), https://doi.org/10.5555/lee.2004.17, Fig. 2 of Lee (2004)\n",
    # the link, then another work's paper in its own clause
    'Uses `"Fold" <https://arxiv.org/abs/1906.04560>`_, which extends the motif graphs of\n'
    'the paper "Edge Folding for Motif Graphs in Large Networks".\n',
]


@pytest.mark.parametrize("text", ONE_WORK)
def test_a_mention_beside_its_identifier_is_one_reference(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.kind is not RefKind.AUTHOR_YEAR


@pytest.mark.parametrize("text", TWO_WORKS)
def test_two_works_in_one_sentence_stay_two(text: str) -> None:
    assert len(find_hits(text)) >= 2


def test_the_mention_points_at_its_own_entry_when_the_identifier_has_one() -> None:
    text = (
        "Reservoir sampling, following Vitter (1985):\n"
        "J. S. Vitter. Random sampling with a reservoir. ACM TOMS 11(1), 1985.\n"
        "doi:10.1145/3147.3165\n"
    )
    (hit,) = find_hits(text)
    assert text[hit.start :].startswith("J. S. Vitter") and len(hit.also) == 1


def test_a_jsdoc_link_text_is_the_title_hint() -> None:
    text = "@see {@link https://jcgt.org/published/0009/02/01/ | Sampling Rough Surfaces}\n"
    (hit,) = find_hits(text)
    assert hit.title_hint == "Sampling Rough Surfaces"


def test_a_jsdoc_links_description_after_its_brace_is_its_work() -> None:
    text = (
        "@see {@link https://doi.org/10.1111/j.1478-4408.1970.tb02962.x} Marsh 1970 (tides)\n"
        "@see {@link https://opg.optica.org/josa/abstract.cfm?uri=josa-32-3-168} Okafor 1942\n"
        "@year 1942\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.DOI, RefKind.URL]
    # a name after a word is another work's
    other = "@see {@link https://doi.org/10.5555/tides.42} and Okafor 1942 for the older one\n"
    assert [h.kind for h in find_hits(other)] == [RefKind.DOI, RefKind.AUTHOR_YEAR]


def test_a_list_of_labelled_links_is_one_reference_per_line() -> None:
    # Each `[Authors, Year] link` line is its own item: the label of the second is no field of
    # the first link's entry.
    text = (
        "''Quoted prose about the method.''\n"
        "[Ruiz et al., 2007] http://dx.doi.org/10.5555/swarm.2007.0042\n"
        "[Vega and Moss, 2002] http://dx.doi.org/10.5555/tec.2002.985\n"
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.DOI, RefKind.DOI]
    assert [text[h.start : h.end].split(",")[0] for h in hits] == ["Ruiz et al.", "Vega and Moss"]


NAMED_TWICE = [
    # authors and year, then the quoted title of their paper on the next line
    'The fog density follows Garland\'s 1985 paper,\n"Visual Simulation of Layered Fog."\n',
    # a quoted title, the method's short name, then the label of its entry
    '"Adaptive splitting of noisy mixed\nsignals" (ASMS) [Torvik2011]_  is a noise-aided method.\n',
    # a quoted title, then the sphinxcontrib-bibtex key of its entry
    "Implements the method proposed in\n"
    '"Mitigating Unwanted Drift with Adversarial Critics". :footcite:`okafor2018mitigating`\n'
    "It takes two models as input.\n",
]


@pytest.mark.parametrize("text", NAMED_TWICE)
def test_a_work_named_by_its_authors_and_by_its_title_side_by_side_is_one_reference(
    text: str,
) -> None:
    (hit,) = find_hits(text)
    assert hit.kind is RefKind.TITLE and len(hit.also) == 1


def test_two_works_of_one_author_and_year_told_apart_by_their_letters_stay_two() -> None:
    # `(1998a)` and `(1998b)`: two works, each the text of its own link
    text = (
        "For more details, see `Okafor (1998a)\n"
        "<https://www.example.edu/pubs/Okafor_Overview.pdf>`_.\n\n"
        "Args:\n    a (float): a hyperparameter, see `Okafor (1998b)\n"
        "        <https://www.example.edu/pubs/Okafor_Implementation.pdf>`_.\n"
    )
    assert [h.kind for h in find_hits(text)] == [RefKind.URL, RefKind.URL]


def test_two_citation_keys_of_one_author_and_year_told_apart_by_their_letters_stay_two() -> None:
    text = "For the phase, see :cite:`Okafor2009a` and\n:cite:`Okafor2009b`.\n"
    assert len(find_hits(text)) == 2


def test_a_block_with_crlf_line_ends_reads_as_its_lf_copy() -> None:
    # an author-year above its link, then a reference list's entry over two lines
    lf = (
        "Exact predicates, after Brandt (1998):\n"
        "https://www.cs.example.edu/~brandt/papers/orient.pdf\n\n"
        '    [1] S. Okafor and J. Lind. "Long Short-Term Tides". Neural\n'
        "        Computation, 9(8):1735-1780, 1997.\n"
    )
    crlf = lf.replace("\n", "\r\n")

    def read(text: str) -> list[tuple[str, int, str | None]]:
        return [
            (h.kind.value, text.count("\n", 0, h.start), h.reference and h.reference.title)
            for h in find_hits(text)
        ]

    assert read(lf) == [("url", 0, None), ("title", 3, "Long Short-Term Tides")]
    assert read(crlf) == read(lf)


def test_an_author_year_is_not_the_ads_record_of_another_year() -> None:
    # `See:` over the ADS records of the sentence's two works and a third: the 1996 mention
    # stands beside the 1988 record, which dates another work
    text = (
        "Implements the method of Okafor (1988) and its refinement by Vale and\n"
        "Moss (1996). See:\n"
        "    https://ui.adsabs.harvard.edu/abs/1988A%26A...198..341O/abstract\n"
        "    https://ui.adsabs.harvard.edu/abs/1990Icar...88..266O/abstract\n"
        "    https://ui.adsabs.harvard.edu/abs/1996CeMDA..65..137V/abstract\n"
    )
    hits = find_hits(text)
    assert [(h.ref and h.ref.value[-6:], h.reference and h.reference.year) for h in hits] == [
        ("..341O", 1988),
        ("..266O", None),
        ("..137V", 1996),
    ]
    # the sentence's second work, then the first's record at the paragraph's end
    text = (
        "It takes the solution from Lind (2020, MNRAS) for the density by Okafor (1980).\n"
        "The fit is from Table 1 of the above paper\n"
        "https://ui.adsabs.harvard.edu/abs/2020MNRAS.494.4819L\n"
    )
    assert [(h.kind, h.reference and h.reference.authors) for h in find_hits(text)] == [
        (RefKind.AUTHOR_YEAR, ("Okafor",)),
        (RefKind.URL, ("Lind",)),
    ]
