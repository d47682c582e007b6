"""One work cited by its identifier and again by its name a few lines apart is one reference.

The layouts a survey of unseen packages showed (docs/detection.md, twenty-fourth round): a
work named by its authors and year over its ADS record, whose bibcode spells A&A's `&` as
`%26`; a mention of an entry read without its year whose ADS link gives it. And the nearest
layouts that cite two works.
"""

from __future__ import annotations

import pytest

from catalog.types import RefKind
from scanner.extract import find_hits


def _one_reference(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.kind is not RefKind.AUTHOR_YEAR


@pytest.mark.parametrize(
    "link",
    [
        "https://ui.adsabs.harvard.edu/abs/2020A%26A...639A.138L/abstract",
        "https://ui.adsabs.harvard.edu/abs/2020A&A...639A.138L",
    ],
)
def test_a_mention_over_its_a_and_a_ads_record_is_one_reference(link: str) -> None:
    _one_reference(
        "A class for querying the Lind, Moss & Roe (2020) tide map.\n\n"
        f"For details on the map, see the original paper:\n{link}.\n"
    )


@pytest.mark.parametrize(
    "bibcode",
    [
        "2020A%26A...639A.138M",  # another first author's initial
        "2021A%26A...639A.138L",  # another year
    ],
)
def test_a_mention_and_an_a_and_a_record_of_another_work_stay_apart(bibcode: str) -> None:
    text = (
        "A class for querying the Lind, Moss & Roe (2020) tide map.\n\n"
        f"The tide model: https://ui.adsabs.harvard.edu/abs/{bibcode}/abstract.\n"
    )
    assert len(find_hits(text)) == 2


_YEARLESS_ENTRIES = (
    "References\n----------\n"
    '.. [1] Lind, B. et al., "Resolving the Structure of Tidal Bores",\n'
    "       https://ui.adsabs.harvard.edu/abs/1998ApJ...499L...5{0}.\n"
    '.. [2] Lind, B. et al., "Cold Collapse and the Bore Catastrophe",\n'
    "       https://ui.adsabs.harvard.edu/abs/1999MNRAS.310.1147{0}.\n"
)


def test_a_mention_of_an_entry_without_its_year_takes_the_year_of_its_ads_record() -> None:
    text = "Tidal bore profile of Lind (1998).\n\n" + _YEARLESS_ENTRIES.format("L")
    first, second = find_hits(text)
    assert first.kind is RefKind.URL and first.ref is not None
    assert first.ref.value.endswith("1998ApJ...499L...5L")
    assert text.index("Lind (1998)") in first.also
    assert not second.also


@pytest.mark.parametrize(
    ("mention", "initial"),
    [
        ("Lind (2001)", "L"),  # a year neither record gives
        ("Lind (1998)", "M"),  # records whose first author is another's
    ],
)
def test_a_mention_the_ads_records_do_not_date_stays_apart(mention: str, initial: str) -> None:
    text = f"Tidal bore profile of {mention}.\n\n" + _YEARLESS_ENTRIES.format(initial)
    assert len(find_hits(text)) == 3


_AUTO_NUMBERED = (
    "References\n----------\n\n"
    "#. O Lind and O Moss (editors), *Small Angle Tide Scattering*,\n"
    "   Academic Press, (1982) Page 404\n"
    "#. J S Roe, H C Okafor, *Polymers and Tide Scattering*,\n"
    "   Oxford Science Publications, (1996)\n"
    "{link}"
)


def test_a_bare_link_under_its_own_auto_numbered_item_is_no_entry_above() -> None:
    text = _AUTO_NUMBERED.format(link="#. http://www.example.edu/staff/lind/chapter_28.pdf\n")
    hits = find_hits(text)
    assert [h.ref is None for h in hits] == [True, True, False]  # two books, then the link
    assert text[hits[2].start :].startswith("http://")


def test_an_auto_numbered_entry_runs_on_to_its_link_on_its_next_line() -> None:
    text = _AUTO_NUMBERED.format(link="   https://doi.org/10.5555/tides.1996.3\n")
    first, second = find_hits(text)
    assert first.kind is RefKind.BOOK
    assert second.kind is RefKind.DOI and text[second.start :].startswith("J S Roe")


@pytest.mark.parametrize(
    "text",
    [
        "    Queries the Lind, Moss & Roe (2017) tide map:\n    http://arxiv.org/abs/1706.00011\n",
        "    This method was proposed by Lind et al. (2019) in the paper:\n"
        '    "Tidal Knowledge and Transferability of Bore Representations"'
        " (https://arxiv.org/abs/1903.08855)\n\n    The implementation is copied from elsewhere.\n",
    ],
)
def test_a_mention_whose_sentence_introduces_the_preprint_below_is_one_reference(
    text: str,
) -> None:
    _one_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        # the work introduced has authors of its own
        "    Smith (2015) extended the method of:\n"
        "    Lee, J. (2015). Tidal bores. https://arxiv.org/abs/1501.01234\n",
        # a preprint of another year
        "    Queries the Lind, Moss & Roe (2017) tide map:\n    http://arxiv.org/abs/1806.00011\n",
        # the link stands further down the next line
        "    Queries the Lind, Moss & Roe (2017) tide map:\n"
        "    its data are described in http://arxiv.org/abs/1706.00011\n",
        # the colon is another sentence's
        "    Queries the Lind, Moss & Roe (2017) tide map. For the data see:\n"
        "    http://arxiv.org/abs/1706.00011 and http://arxiv.org/abs/1706.00012\n",
    ],
)
def test_a_mention_and_a_work_its_sentence_does_not_introduce_stay_apart(text: str) -> None:
    assert len(find_hits(text)) >= 2


_REFERENCE_STYLE = (
    "Double-sided tide distribution.\n\n"
    "  This distribution estimates surges. See {mention} for more details.\n\n"
    "  #### References\n"
    '   [1]: Lind, et all, "Monte Carlo Estimation of Tidal Surges.",\n'
    "      2019 https://arxiv.org/abs/1906.10652\n"
    "   [2]: Kai Moss, Erika Roe, and Jin Okafor.\n"
    "      Tidal bores with discretized logistic mixtures.\n"
    "      _International Conference on Tides_, 2016.\n"
    "      https://arxiv.org/abs/1601.05517\n"
)


@pytest.mark.parametrize("mention", ["[Lind et al. 2019][1]", "[(Lind et al., 2019)][1]"])
def test_a_markdown_reference_style_mention_is_its_definitions_work(mention: str) -> None:
    text = _REFERENCE_STYLE.format(mention=mention)
    first, second = find_hits(text)
    assert first.ref is not None and first.ref.key == "arxiv:1906.10652"
    assert text.index("Lind et al") in first.also
    assert not second.also


def test_a_reference_style_mention_under_a_label_no_definition_carries_stays_apart() -> None:
    assert len(find_hits(_REFERENCE_STYLE.format(mention="[Lind et al. 2019][3]"))) == 3


@pytest.mark.parametrize(
    "text",
    [
        "This uses the same definitions as Lind et al.(2013) in Appendix B3"
        " https://arxiv.org/pdf/1307.4220.pdf, Equation B12\n",
        "See also the original\nLind et al. (2010) publication, arXiv:1001.0015,\n"
        "for further details.\n",
        "The tide model follows Lind (2016) in Sec. 3 https://arxiv.org/abs/1601.00011.\n",
    ],
)
def test_a_mention_its_place_in_the_work_then_the_link_of_its_year_are_one_reference(
    text: str,
) -> None:
    _one_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        # a link of another year
        "This uses the same definitions as Lind et al.(2013) in Appendix B3"
        " https://arxiv.org/pdf/1407.4220.pdf, Equation B12\n",
        # the link's sentence goes on to another work
        "See the original\nLind et al. (2011) publication, arXiv:1103.2077, and also the original"
        "\nMoss et al. (2010) preprint.\n",
        # other words between: another work of the year
        "The tide model follows Lind (2016) as extended in https://arxiv.org/abs/1601.00011.\n",
    ],
)
def test_a_mention_and_a_link_its_words_do_not_point_into_stay_apart(text: str) -> None:
    assert len(find_hits(text)) >= 2


_CODE_TITLED_LINKS = (
    "Tidal bore models\n\n"
    "Papers:\n"
    "* `Tidal Bores Across the Northern Estuaries` - https://arxiv.org/abs/2103.14899\n"
    "* `Surge Tables for Shallow Seas` - https://arxiv.org/abs/2204.07118\n\n"
    "{entry}"
)
_BIBTEX = (
    "@inproceedings{{lind2021tidal,\n"
    "  title={{{title}}},\n"
    "  author={{Lind, Bram and Moss, Ana}},\n"
    "  booktitle={{International Conference on Rivers}},\n"
    "  year={{2021}},{doi}\n"
    "}}\n"
)


@pytest.mark.parametrize(
    "title", ["Tidal bores across the northern estuaries", "Surge Tables for Shallow Seas"]
)
def test_a_bibtex_entry_under_its_code_titled_link_is_that_links_reference(title: str) -> None:
    text = _CODE_TITLED_LINKS.format(entry=_BIBTEX.format(title=title, doi=""))
    first, second = find_hits(text)
    cited, other = (first, second) if title.startswith("Tidal") else (second, first)
    assert cited.kind is RefKind.ARXIV and cited.reference is not None
    assert cited.reference.authors == ("Lind, Bram", "Moss, Ana")
    assert text.index("@inproceedings") in cited.also
    assert other.kind is RefKind.ARXIV and not other.also and other.reference is None


def test_a_code_titled_link_takes_its_entry_with_the_entrys_own_doi() -> None:
    doi = "\n  doi={10.5555/tides.2021.7},"
    text = _CODE_TITLED_LINKS.format(
        entry=_BIBTEX.format(title="Tidal Bores Across the Northern Estuaries", doi=doi)
    )
    first, second = find_hits(text)
    assert first.ref is not None and first.ref.key == "arxiv:2103.14899"
    assert text.index("@inproceedings") in first.also
    assert second.ref is not None and second.ref.key == "arxiv:2204.07118"


def test_a_bibtex_entry_of_no_code_titled_link_stays_apart() -> None:
    text = _CODE_TITLED_LINKS.format(
        entry=_BIBTEX.format(title="Tidal Bores Across the Southern Estuaries", doi="")
    )
    hits = find_hits(text)
    assert [h.kind for h in hits] == [RefKind.ARXIV, RefKind.ARXIV, RefKind.TITLE]
    assert not any(h.also for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        # a quoted title with its authors and year, the preprint a paragraph below
        '    "TideBoost: gradient surging with categorical bores", Lind et al. (2018).\n\n'
        "    The encoder is a target encoder. In this implementation we follow Eq. (1)\n"
        "    in https://arxiv.org/pdf/1810.11363.pdf.\n",
        # an entry, a blank line, the link as a paragraph of its own, more links below
        "This is a sample code for the simulations of the paper:\n"
        "    Lind, Bram and Moss, Ana, Tide-KAN: Wavelet Tidal Networks (May, 2024)\n\n"
        "    https://arxiv.org/abs/2405.12832\n\n"
        "    The tide tables: https://doi.org/10.5555/tides.tables.7\n",
        # the entry and its preprint as two items of one list
        '    .. [1] B. Lind, A. Moss and E. Roe, "A tide forest for\n'
        '       classification and feature extraction", Tidal Sciences, 239, 2013\n'
        "    .. [2] Java implementation https://github.com/example/tides\n"
        "    .. [3] Arxiv paper: https://arxiv.org/abs/1302.2277\n",
        # the preprint first, the BibTeX entry a paragraph below
        "An impl of ATC, as per (https://arxiv.org/abs/2102.06171):\n\n"
        "@article{lind2021high,\n  author={Bram Lind and Ana Moss},\n"
        "  title={High-Performance Large-Scale Tide Recognition Without Surges},\n"
        "  year={2021}\n}\n",
    ],
)
def test_an_entry_and_the_one_bare_preprint_of_its_year_apart_are_one_reference(
    text: str,
) -> None:
    hit = find_hits(text)[0]
    assert hit.kind is RefKind.ARXIV and hit.reference is not None and hit.reference.authors
    assert all(
        other.ref is not None and other.ref.key.startswith("doi:") for other in find_hits(text)[1:]
    )


@pytest.mark.parametrize(
    "text",
    [
        # two entries of the preprint's year: which one it is cannot be told
        '    .. [1] B. Lind, "A tide forest", Tidal Sciences, 2013\n'
        '    .. [2] A. Moss, "A surge forest", Tidal Letters, 2013\n'
        "    .. [3] Arxiv paper: https://arxiv.org/abs/1302.2277\n",
        # a preprint of the year after
        '    .. [1] B. Lind, "A tide forest", Tidal Sciences, 2013\n'
        "    .. [3] Arxiv paper: https://arxiv.org/abs/1402.2277\n",
        # an entry with no authors gives no work's year
        '    "TideBoost: gradient surging with categorical bores" (2018).\n\n'
        "    We follow Eq. (1) in https://arxiv.org/pdf/1810.11363.pdf.\n",
    ],
)
def test_an_entry_and_a_preprint_not_dated_alike_stay_apart(text: str) -> None:
    assert len(find_hits(text)) >= 2


def test_two_links_given_one_quoted_title_keep_the_entry_read_from_the_second_apart() -> None:
    # Two copies of one work listed as two items (short and long version): the entry read from
    # the second item's text, whose title both links take as their hint, is not the first's.
    title = "Don’t Drown: How to Keep your Tide on Disk"
    text = (
        "# References\n"
        f'- ["{title}" (short version), Michael A. Lind and others, 2012]'
        "(http://static.usenix.org/events/tides11/tech/final_files/Lind.pdf)\n"
        f'- ["{title}" (long version), Michael A. Lind and others, 2012]'
        "(https://www.vldb.org/pvldb/vol5/p1627_lind_vldb2012.pdf)\n"
        "- [Wikipedia: Tidal Filter](https://en.wikipedia.org/wiki/Tidal_filter)\n"
    )
    first, second = find_hits(text)
    assert first.ref is not None and first.ref.key.endswith("Lind.pdf") and not first.also
    assert second.ref is not None and second.ref.key.endswith("vldb2012.pdf")


def test_entries_of_a_list_whose_links_took_the_next_entrys_quoted_title_stay_apart() -> None:
    # Each DOI's hint is read from a quote after it, the next entry's title: the entry below
    # is another work, not the DOI's written again.
    text = "".join(
        [
            "## References\n"
            "\n"
            '-   Lind, B. E. P., and Ana Moss. 1958. "A Note on the Generation of Tidal '
            'Normal Deviates." _The Annals of Tidal Statistics_ 29 (2). The Institute of '
            "Tidal Statistics: 610–11. doi:[10.5555/tides.1958.1][@lind:1958].\n"
            '-   Roe, James R. 1968. "Algorithm 334: Normal Tidal Deviates." '
            "_Communications of the Tides_ 11 (7). TDS: 498. "
            "doi:[10.5555/tides.1968.2][@roe:1968].\n"
            '-   Okafor, R. 1969. "Remark on Algorithm 334 \\[G5]: Normal Tidal Deviates." '
            "_Communications of the Tides_ 12 (5). TDS: 281. "
            "doi:[10.5555/tides.1969.3][@okafor:1969].\n"
            '-   Moss, G., and T. A. Lind. 1964. "A Convenient Method for Generating Tidal '
            'Variables." _Tidal Review_ 6 (3). Tidal Society: 260–64. '
            "doi:[10.5555/tides.1964.4][@moss:1964a].\n"
            '-   Okafor, David B., Ana Lind, and Jin Moss. 2007. "Gaussian Tidal Number '
            'Generators." _Tidal Computing Surveys_ 39 (4). TDS. '
            "doi:[10.5555/tides.2007.5][@okafor:2007].\n"
            "\n"
            "[@lind:1958]: http://dx.doi.org/10.5555/tides.1958.1\n"
            "\n"
            "[@roe:1968]: http://dx.doi.org/10.5555/tides.1968.2\n"
            "\n"
            "[@okafor:1969]: http://dx.doi.org/10.5555/tides.1969.3\n"
            "\n"
            "[@moss:1964a]: http://dx.doi.org/10.5555/tides.1964.4\n"
            "\n"
            "[@okafor:2007]: http://dx.doi.org/10.5555/tides.2007.5\n"
            "\n"
        ]
    )
    hits = find_hits(text)
    assert len(hits) == 5 and not any(len(h.also) > 1 for h in hits)


def test_a_link_at_a_list_items_end_takes_no_title_from_the_next_item() -> None:
    """`-   Roe ... "Algorithm 334: ..." ... doi:[...]` over `-   Okafor ... "Remark on
    Algorithm 334 [G5]: ..."`: two works; the DOI closing the first item is the first's, and
    the next item's quote is no title of it (a list's next item ends the sentence)."""
    text = (
        "## References\n\n"
        '-   Roe, James R. 1968. "Algorithm 334: Normal Tidal Deviates." '
        "_Communications of the Tides_ 11 (7). TDS: 498. doi:[10.5555/tides.1968.2][@roe].\n"
        '-   Okafor, R. 1969. "Remark on Algorithm 334 \\[G5]: Normal Tidal Deviates." '
        "_Communications of the Tides_ 12 (5). TDS: 281. doi:[10.5555/tides.1969.3][@oka].\n"
        "\n[@roe]: http://dx.doi.org/10.5555/tides.1968.2\n"
        "\n[@oka]: http://dx.doi.org/10.5555/tides.1969.3\n"
    )
    first, second = find_hits(text)
    assert first.title_hint == "Algorithm 334: Normal Tidal Deviates"
    assert first.reference.authors == ("Roe, James R.",)
    assert second.title_hint == "Remark on Algorithm 334 \\[G5]: Normal Tidal Deviates"
    assert second.reference.authors == ("Okafor, R.",)
