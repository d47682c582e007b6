"""Title hints on real-code shapes: reference lists, link texts that are not titles, quotes."""

from __future__ import annotations

import pytest

from scanner.extract import find_hits


def hint(text: str) -> str | None:
    (hit,) = [h for h in find_hits(text) if h.ref is not None]
    return hit.title_hint


def test_title_is_taken_from_its_own_reference_entry_not_the_next() -> None:
    text = (
        ".. [1] 'A Fast Cosine Transform in One and Two Dimensions', by J.\n"
        "       Makhoul, IEEE Trans. ASSP vol. 28(1), pp. 27-34,\n"
        "       :doi:`10.1109/TASSP.1980.1163351` (1980).\n"
        '.. [2] Wikipedia, "Discrete cosine transform", 2024\n'
    )
    assert hint(text) == "A Fast Cosine Transform in One and Two Dimensions"


def test_text_between_two_quoted_words_is_not_a_title() -> None:
    text = (
        'algo: "muon" for standard Muon, "adamuon" for AdaMuon with\n'
        "    adaptive second moments (https://arxiv.org/abs/2507.11005)"
    )
    assert hint(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "has been `floated\n <https://ui.adsabs.harvard.edu/abs/2012EPJP..127...24A>`_ that",
        "`ApJ 374, 344 (1991) <https://ui.adsabs.harvard.edu/abs/1991ApJ...374..344K>`_.",
        "`Kraft, Burrows, and Nousek (1991) <https://doi.org/10.1086/170124>`_",
        # an author-year mention without brackets
        "`Okafor et al. 2006 <http://dx.doi.org/10.18637/jss.v017.i01>`_ and the R package",
        "`Ter Braak & Moreau 2008 <https://doi.org/10.1007/s11222-008-9104-9>`_",
        # the authors alone
        "described by\n[Okafor et al](https://www.example.edu/~okafor/papers/AAAI_2018.pdf).",
        "recommended in [Jozefowicz et\n  al.](http://www.jmlr.org/proceedings/papers/v37/j15.pdf)",
        "- [Lind and Moss](https://arxiv.org/abs/quant-ph/0406196)",
        "after `Lind, Moss & Okafor <https://doi.org/10.1145/3360572>`_",
        # authors with initials or given names, et al spelt `et.al.`, a venue before the year
        "- [Ada Okafor & Jin Lind, 2018](https://arxiv.org/abs/1803.00001)",
        "- [Okafor, J. T., 2017](https://arxiv.org/abs/1704.00002)",
        "- [Okafor, Jide et al., 2018](https://arxiv.org/abs/1804.00003)",
        "- [J. Okafor, A. F. T. Lind, V. Moss, 2019](https://arxiv.org/abs/1901.00004)",
        "- [Okafor et.al., 2016](https://arxiv.org/abs/1602.00005)",
        "See [Okafor & Lind, ICLR2016](https://arxiv.org/abs/1608.00006),",
        # a name and a year in brackets, or with what follows the year
        "`(Okafor 2002) <https://ui.adsabs.harvard.edu/abs/2002MNRAS.333..400O>`_",
        "`Okafor (2023, C23) <https://ui.adsabs.harvard.edu/abs/2023MNRAS.526.3273O>`_",
        "`Okafor et al. (2015, ApJL, 804, L21) <https://ui.adsabs.harvard.edu/abs/2015ApJ...804L..21O>`_",
        "[Lind et al. 2013, ApJL 773](https://ui.adsabs.harvard.edu/abs/2013ApJ...773L..15L)",
        # A paper's nickname is not its title.
        "See the [Imagen paper](https://huggingface.co/papers/2205.11487).",
        "`the original DDPM paper <https://arxiv.org/abs/2006.11239>`_",
        "[Flash Attention 3 paper](https://arxiv.org/abs/2407.08608)",
        "[For details about the tide model see this paper.](https://arxiv.org/abs/2001.07463)",
        "`Table 4 from the paper <https://doi.org/10.1145/2601438>`_",
        "`Okafor's original publication <https://doi.org/10.1145/2601439>`_",
        # an eponymous method's name
        "Simplify a line with the [Ramer-Douglas-Peucker](https://doi.org/10.3138/FM57-6770-U75U-7727)"
        " algorithm",
        # code before a dash and a link is no title unless it reads as one
        "weights of `resnet50_tide` - https://arxiv.org/abs/2103.14899",
        # a code span earlier in the line, not right before the dash
        "set `tide_model` to `bores` for this - https://arxiv.org/abs/2103.14899",
        # the authors alone, the first name's capital accented
        "see [Çelik et al. ](https://link.springer.com/chapter/10.1007/978-3-319-46723-8_49)",
        # a badge: an image labels the link
        "[![TideANN Paper](https://img.shields.io/badge/Paper-NeurIPS%3A_TideANN-blue)]"
        "(https://arxiv.org/abs/2105.00007)",
    ],
)
def test_link_texts_that_are_prose_or_citations_are_not_titles(text: str) -> None:
    assert hint(text) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "`{The Astropy Project: Building an Open-science Project}\n"
            " <https://doi.org/10.3847/1538-3881/aabc4f>`_",
            "The Astropy Project: Building an Open-science Project",
        ),
        ("`MetaFormer <https://arxiv.org/abs/2111.11418>`_", "MetaFormer"),
        # capitalized words and a year without an initial, `&` or `et al` are a title
        (
            "`Tide Tables, Currents and Surges 2003 <https://arxiv.org/abs/1901.00008>`_",
            "Tide Tables, Currents and Surges 2003",
        ),
        # a title of names and a year is still a title when it opens like one
        (
            "`The Okafor and Lind Tide Tables, 2019 <https://arxiv.org/abs/1901.00007>`_",
            "The Okafor and Lind Tide Tables, 2019",
        ),
        (
            "`The ImageNet Challenge 2012 <https://arxiv.org/abs/1409.0575>`_",
            "The ImageNet Challenge 2012",
        ),
        ('arXiv:1706.03762 ("Attention Is All You Need")', "Attention Is All You Need"),
        # a Markdown link's text that opens with the quoted title, then authors and year
        (
            '- ["Cache-Oblivious Streaming B-trees" (long version), M. A. Bender and others, 2007]'
            "(https://www.example.edu/~bender/papers/cosbtree.pdf)",
            "Cache-Oblivious Streaming B-trees",
        ),
        (
            'D. P. Kingma and J. Ba. "Adam: A Method for Stochastic Optimization". arXiv:1412.6980',
            "Adam: A Method for Stochastic Optimization",
        ),
        # a code-quoted title set off from its link by a dash
        (
            "* `Tidal Bores: Across the Northern Estuaries` - https://arxiv.org/abs/2103.14899",
            "Tidal Bores: Across the Northern Estuaries",
        ),
    ],
)
def test_titles_around_identifiers(text: str, title: str) -> None:
    assert hint(text) == title


def test_a_citation_link_text_keeps_a_nearby_quote_from_becoming_the_title() -> None:
    text = (
        'projected onto the "plane of intermediate world coordinates" as defined in\n'
        "`Greisen & Calabretta 2002, A&A, 395, 1061\n"
        " <https://ui.adsabs.harvard.edu/abs/2002A%26A...395.1061G>`_."
    )
    assert hint(text) is None


def test_a_generic_link_text_lets_the_entry_title_through() -> None:
    text = (
        '.. [1] J. Makhoul, "A Fast Cosine Transform in One and Two Dimensions",\n'
        "       IEEE Trans. ASSP 28(1), 1980.\n"
        "       `PDF <https://ieeexplore.ieee.org/document/1163351>`__"
    )
    assert hint(text) == "A Fast Cosine Transform in One and Two Dimensions"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Doxygen reference lists write `Authors: Title, Venue` and the link on a later line.
        (
            " </para><para>\n"
            " J. Q. Doe: Sketching patterns in sparse networks,\n"
            " Phys. Rev. E 99, 012345 (2019)\n"
            " https://doi.org/10.9999/physreve.99.012345.\n",
            "Sketching patterns in sparse networks",
        ),
        (
            "\n A Doe, JQ Roe, C Moe: Counting communities in very\n"
            " large streams, http://www.arxiv.org/abs/cond-mat/0408187\n",
            "Counting communities in very large streams",
        ),
    ],
)
def test_title_of_an_authors_colon_title_entry(text: str, title: str) -> None:
    from scanner.identifiers.hints import title_hint

    start = text.index("http")
    assert title_hint(text, start, start + 20) == title


@pytest.mark.parametrize(
    "text",
    [
        " See also: the discussion of sketches at https://doi.org/10.9999/x.1\n",
        " Time complexity: O(n log n), as shown at https://doi.org/10.9999/x.1\n",
        " Returns: the sketch, from https://doi.org/10.9999/x.1\n",
        # One word before the colon is a name of something, not authors; a title in lower
        # case is a phrase.
        " Kept: a plain namespace, https://doi.org/10.9999/x.1\n",
        " Sketch: a method for sparse counting,\n Doe and Roe, https://doi.org/10.9999/x.1\n",
    ],
)
def test_a_colon_after_words_that_name_no_author_gives_no_title(text: str) -> None:
    from scanner.identifiers.hints import title_hint

    start = text.index("http")
    assert title_hint(text, start, start + 20) is None
