"""Every registered extractor against its own VALID/INVALID examples, and the identifier forms
the scanner must recognise or refuse."""

from __future__ import annotations

import pytest

from scanner.extract import find_hits
from scanner.identifiers import EXTRACTORS

EXAMPLES = [(rule, text, True) for rule, e in EXTRACTORS.items() for text in e.VALID] + [
    (rule, text, False) for rule, e in EXTRACTORS.items() for text in e.INVALID
]


@pytest.mark.parametrize(("rule", "text", "valid"), EXAMPLES)
def test_declared_examples(rule: str, text: str, valid: bool) -> None:
    hits = [h for h in EXTRACTORS[rule].find(text) if h.ref is not None]
    assert bool(hits) is valid, hits


def keys(text: str) -> list[str | None]:
    return [h.ref.key if h.ref else None for h in find_hits(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://arxiv.org/abs/1908.03265", ["arxiv:1908.03265"]),
        ("arxiv.org/pdf/1908.03265v2.pdf", ["arxiv:1908.03265"]),
        ("arXiv:1908.03265", ["arxiv:1908.03265"]),
        # One work written twice in one place is one reference.
        ("arxiv.org/pdf/1908.03265v2.pdf and arXiv:1908.03265", ["arxiv:1908.03265"]),
        ("https://export.arxiv.org/abs/hep-th/9901001v2", ["arxiv:hep-th/9901001"]),
        ("arXiv:math.GT/0309136", ["arxiv:math/0309136"]),
        ("https://doi.org/10.48550/arXiv.2202.01037", ["arxiv:2202.01037"]),
        ("doi:10.48550/ARXIV.1706.03762", ["arxiv:1706.03762"]),
        ("DOI: 10.1016/S0550-3213(01)00405-9.", ["doi:10.1016/s0550-3213(01)00405-9"]),
        ("(see https://doi.org/10.1145/3368089.3409741)", ["doi:10.1145/3368089.3409741"]),
        ("https://dl.acm.org/doi/abs/10.1145/3147.3165", ["doi:10.1145/3147.3165"]),
        ("https://dl.acm.org/doi/10.1145/3147.3165#sec-3", ["doi:10.1145/3147.3165"]),
        (
            "https://link.springer.com/content/pdf/10.1007/s10994-006-6226-1.pdf",
            ["doi:10.1007/s10994-006-6226-1"],
        ),
        (
            "https://www.frontiersin.org/articles/10.3389/fdata.2019.00017/full",
            ["doi:10.3389/fdata.2019.00017"],
        ),
        (
            '"10.1002/(SICI)1521-3773(20000103)39:1<165::AID-ANIE165>3.0.CO;2-B"',
            ["doi:10.1002/(sici)1521-3773(20000103)39:1<165::aid-anie165>3.0.co;2-b"],
        ),
        (
            "https://openreview.net/pdf?id=B1xsqj09Fm",
            ["url:https://openreview.net/forum?id=B1xsqj09Fm"],
        ),
        # PMLR's proceedings as served from its GitHub repositories
        (
            "https://github.com/mlresearch/v37/blob/gh-pages/jozefowicz15.pdf",
            ["url:https://proceedings.mlr.press/v37/jozefowicz15.html"],
        ),
        (
            "https://raw.githubusercontent.com/mlresearch/v37/gh-pages/ioffe15.pdf",
            ["url:https://proceedings.mlr.press/v37/ioffe15.html"],
        ),
        (
            "https://papers.nips.cc/paper_files/paper/2017/file/"
            "3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf",
            ["url:https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa"],
        ),
        (
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=726791",
            ["url:https://ieeexplore.ieee.org/document/726791"],
        ),
        (
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3159421/",
            ["url:https://pmc.ncbi.nlm.nih.gov/articles/PMC3159421"],
        ),
        ("ISBN 0-262-03384-4", ["isbn:9780262033848"]),
        ("https://doi.org/10/bm6", ["doi:10/bm6"]),
        ("The DOI Handbook, 10.1000/182.", ["doi:10.1000/182"]),
        ("doi:10.2019/2020", ["doi:10.2019/2020"]),
        (
            "doi:10.1002/\n  (SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E, 1998",
            ["doi:10.1002/(sici)1097-0258(19980430)17:8<857::aid-sim777>3.0.co;2-e"],
        ),
        # A SICI check character `#` written `%23` in a link is the DOI's last character; a raw
        # `#` after a DOI link is the page's fragment.
        (
            "https://doi.org/10.1002/(SICI)1097-024X(199708)27:8%3C983::AID-SPE117%3E3.0.CO;2-%23",
            ["doi:10.1002/(sici)1097-024x(199708)27:8<983::aid-spe117>3.0.co;2-#"],
        ),
        (
            "https://doi.org/10.1002/(SICI)1097-024X(200005)30:6%3C617::AID-SPE311%3E3.0.CO;2-A#ref",
            ["doi:10.1002/(sici)1097-024x(200005)30:6<617::aid-spe311>3.0.co;2-a"],
        ),
        ("https://doi.org/10.1145%2F3360572?ref=feed", ["doi:10.1145/3360572"]),
        (
            "<doi:10.1145/3360572>, doi:10.1145/1.2,doi:10.1145/3.4",
            ["doi:10.1145/3360572", "doi:10.1145/1.2", "doi:10.1145/3.4"],
        ),
        (
            "https://ui.adsabs.harvard.edu/abs/2002A%26A...395.1061G",
            ["url:https://ui.adsabs.harvard.edu/abs/2002A%26A...395.1061G"],
        ),
        (
            "http://adsabs.harvard.edu/abs/2002A&A...395.1061G",
            ["url:https://ui.adsabs.harvard.edu/abs/2002A%26A...395.1061G"],
        ),
        (
            "http://citeseer.ist.psu.edu/viewdoc/citations;jsessionid=1B?doi=10.1.1.48.3054.",
            ["url:https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.48.3054"],
        ),
        (
            "https://ieeexplore.ieee.org/iel7/6287639/6514899/07891054.pdf",
            ["url:https://ieeexplore.ieee.org/document/7891054"],
        ),
        (
            "ISBN 13: 978-0137-02741-5; ISBN 10: 2884491929",
            ["isbn:9780137027415", "isbn:9782884491921"],
        ),
        ("https://www.alphaxiv.org/abs/2301.12345v2", ["arxiv:2301.12345"]),
        ("https://huggingface.co/papers/2106.09685", ["arxiv:2106.09685"]),
        (
            "hepth/9901001 and arXiv:condmat/0207270",
            ["arxiv:hep-th/9901001", "arxiv:cond-mat/0207270"],
        ),
        (
            "http://www.jmlr.org/papers/volume12/duchi11a/duchi11a.pdf",
            ["url:https://jmlr.org/papers/v12/duchi11a.html"],
        ),
        ("see 1810.04805 for the derivation", ["arxiv:1810.04805"]),
        # ADS's records on Science Explorer, its successor's front end
        (
            "`Gunn & Gott 1972 <http://scixplorer.org/abs/1972ApJ...176....1G>`__",
            ["url:https://ui.adsabs.harvard.edu/abs/1972ApJ...176....1G"],
        ),
        (
            "https://scixplorer.org/abs/1996ApJ...469..480K/abstract",
            ["url:https://ui.adsabs.harvard.edu/abs/1996ApJ...469..480K"],
        ),
    ],
)
def test_identifier_forms_normalize_to_one_key(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3 and 2.10.1512",
        "released on 2019.10.01; build 2103.12345",
        "listen on 10.0.1512.2:8080 or 192.168.1.1",
        "the score rose to 10.5 in prose, then 10.1234",
        "https://github.com/org/project/issues/1908 and /pull/2001.12345",
        "https://docs.python.org/3.11/library/re.html",
        "build/2023010 tmp/1234567 foo/9901001",
        "Copyright (c) 2019-2023 Jane Doe",
        "numpy>=1.26.4; arxiv-style docs at https://example.org/arxiv-guide",
        "see 2103.1234 for the seed; see 1513.12345 or v1810.04805",
        "x = 1810.04805  # paper-thin margin",
        "https://www.nature.com/ and https://doi.org/ as landing pages",
    ],
)
def test_negatives_yield_nothing(text: str) -> None:
    assert find_hits(text) == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("arXiv:2113.01234", "month 13 does not exist"),
        ("arXiv:1501.123", "truncated"),
        ("arXiv:0612.1234", "start in April 2007"),
        ("arXiv:9912.12345", "in the future"),
        ("arXiv:foo-bar/0101001", "not an arXiv archive"),
        ("arXiv:0605197", "lacks its archive"),
        ("https://arxiv.org/abs/", "arXiv link without an identifier"),
        ("https://arxiv.org/abs/XXXX", "arXiv link with 'XXXX' where the identifier belongs"),
        (":doi:`0.1093/biomet/19.3-4.225`", "starts with the directory code 10."),
        ("doi:11.1234/abc", "starts with the directory code 10."),
        ("doi:10.12/abc", "registrant code"),
        ("doi = {10.1145/3360572.}", "trailing '.'"),
        ("ISBN 978-0-262-03384-9", "wrong check digit"),
    ],
)
def test_malformed_identifiers_carry_a_problem(text: str, problem: str) -> None:
    hits = find_hits(text)
    assert len(hits) == 1 and hits[0].problem is not None and problem in hits[0].problem


def test_wrapped_identifiers_are_joined() -> None:
    text = "  see https://arxiv.org/abs/\n  1908.03265 and doi:10.1016/\n  0167-2789(84)90263-6"
    hits = find_hits(text)
    assert [h.ref.key for h in hits if h.ref] == [
        "arxiv:1908.03265",
        "doi:10.1016/0167-2789(84)90263-6",
    ]
    assert text[hits[0].start : hits[0].end] == "https://arxiv.org/abs/\n  1908.03265"


@pytest.mark.parametrize(
    "text",
    [
        "doi:10.1145/3360572.\n  Next sentence.",
        "doi:10.1145/3360572.\n  see below for more",
        # the next item of a numbered list
        "1. Okafor DM (2024) Caveats, doi.org/10.1145/3360572.\n2. Vale R (2019) Solvers.",
        "1) Okafor DM (2024) Caveats, doi:10.1145/3360572.\n2) Vale R (2019) Solvers.",
    ],
)
def test_sentences_are_not_joined_across_lines(text: str) -> None:
    assert keys(text) == ["doi:10.1145/3360572"]


def test_url_ending_a_docstring_line_does_not_swallow_the_next_parameter() -> None:
    text = "Paper: https://arxiv.org/abs/2110.09456.\n    downsample_norm (bool): whether"
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:2110.09456"
    assert text[hit.start : hit.end] == "https://arxiv.org/abs/2110.09456"


def test_url_ending_in_a_slash_does_not_swallow_the_next_reference_line() -> None:
    text = "http://ieeexplore.ieee.org/document/1163711/\n    R. Author, Title, 1999"
    (hit,) = find_hits(text)
    assert text[hit.start : hit.end] == "http://ieeexplore.ieee.org/document/1163711/"


def test_doi_wrapped_after_a_dot_is_joined() -> None:
    assert keys("https://doi.org/10.1016/j.\n   cell.2019.05.031 for details") == [
        "doi:10.1016/j.cell.2019.05.031"
    ]


def test_doi_role_given_a_url_keeps_the_doi_and_reports_the_markup() -> None:
    (hit,) = find_hits(":doi:`https://doi.org/10.1017/CBO9780511804441`")
    assert hit.ref is not None and hit.ref.key == "doi:10.1017/cbo9780511804441"
    assert hit.problem == "the :doi: role takes a bare DOI, not a URL"


def test_bare_ids_after_a_cue_are_less_certain_than_prefixed_ones() -> None:
    prefixed, cued = find_hits("arXiv:1810.04805. See also 1706.03762")
    assert prefixed.confidence == 1.0 and cued.confidence == 0.7


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("`Layer Normalization <https://arxiv.org/abs/1607.06450>`_", "Layer Normalization"),
        (".. _Deep Residual Learning: https://arxiv.org/abs/1512.03385", "Deep Residual Learning"),
        (
            "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)",
            "Attention Is All You Need",
        ),
        (
            '<a href="https://doi.org/10.1145/78973.78977">W. Pugh, "Skip lists: a probabilistic\n'
            '   alternative to balanced trees", 1990</a>',
            "Skip lists: a probabilistic alternative to balanced trees",
        ),
        (
            'As shown in "Adam: A Method for Stochastic Optimization" (arXiv:1412.6980).',
            "Adam: A Method for Stochastic Optimization",
        ),
    ],
)
def test_title_hints(text: str, hint: str) -> None:
    hits = find_hits(text)
    assert len(hits) == 1 and hits[0].title_hint == hint


@pytest.mark.parametrize(
    "text",
    [
        "`PDF <https://ieeexplore.ieee.org/iel1/5/4083/00158601.pdf>`__",
        "[here](https://arxiv.org/abs/1706.03762)",
        ".. _arXiv: https://arxiv.org/abs/1706.03762",
    ],
)
def test_link_texts_naming_the_link_kind_are_not_titles(text: str) -> None:
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.title_hint is None


def test_a_quote_next_to_another_identifier_is_not_borrowed() -> None:
    hits = find_hits('"Layer Normalization", arXiv:1607.06450; and arXiv:1412.6980.')
    assert [h.title_hint for h in hits] == ["Layer Normalization", None]
