"""Identifier syntax: validation and canonical keys."""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.ids import (
    arxiv_problem,
    clean_doi,
    cut_at_unbalanced_closer,
    doi_ref,
    doi_year,
    isbn13,
    issued_years,
    normalize_doi,
    normalize_url,
    old_archive,
    parse_arxiv,
    ref_from_key,
    ref_from_string,
)


@pytest.mark.parametrize(
    ("text", "key", "version"),
    [
        ("1908.03265v2", "arxiv:1908.03265", "v2"),
        ("arXiv:0704.0001", "arxiv:0704.0001", None),
        ("ARXIV: 1412.6980", "arxiv:1412.6980", None),
        ("hep-th/9901001v3", "arxiv:hep-th/9901001", "v3"),
        ("math.GT/0309136", "arxiv:math/0309136", None),
        ("cond-mat/0207270", "arxiv:cond-mat/0207270", None),
        ("hepth/9901001", "arxiv:hep-th/9901001", None),
        ("arXiv:Astro-Ph/0601001v1", "arxiv:astro-ph/0601001", "v1"),
        ("1501.00001v12", "arxiv:1501.00001", "v12"),
    ],
)
def test_parse_arxiv(text: str, key: str, version: str | None) -> None:
    ref = parse_arxiv(text)
    assert ref is not None and ref.key == key and ref.version == version


@pytest.mark.parametrize(
    "candidate",
    [
        "1413.0001",
        "1412.12345",
        "1501.1234",
        "0703.0001",
        "1501.00000",
        "1501.00001v0",
        "hep-th/9913001",
        "hep-th/0704001",
        "hep-th/91070011",
        "notarchive/9901001",
    ],
)
def test_arxiv_validation_rejects(candidate: str) -> None:
    assert arxiv_problem(candidate, today=dt.date(2026, 11, 25)) is not None


def test_arxiv_future_ids_are_refused() -> None:
    assert arxiv_problem("2612.00001", today=dt.date(2026, 11, 25)) is not None
    assert arxiv_problem("2611.00001", today=dt.date(2026, 11, 25)) is None


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1145/3368089.3409741).", "10.1145/3368089.3409741"),
        ("https://doi.org/10.1000/ABC%2FDEF", "10.1000/abc/def"),
        ("doi:10.1016/0167-2789(84)90263-6;", "10.1016/0167-2789(84)90263-6"),
        ("10.3389/fdata.2019.00017/full", "10.3389/fdata.2019.00017"),
        ("10.1234/abc.pdf", "10.1234/abc"),
        ("10.1234/", None),
        ("11.1234/abc", None),
    ],
)
def test_normalize_doi(text: str, doi: str | None) -> None:
    assert normalize_doi(text) == doi


def test_clean_doi_keeps_balanced_brackets() -> None:
    assert (
        clean_doi("10.1002/(SICI)1097(199)3:1<1::AID>3.0.CO;2-#]")
        == "10.1002/(SICI)1097(199)3:1<1::AID>3.0.CO;2-#"
    )


@pytest.mark.parametrize(
    ("isbn", "expected"),
    [
        ("0-306-40615-2", "9780306406157"),
        ("978-0-306-40615-7", "9780306406157"),
        ("0-8044-2957-X", "9780804429573"),
        ("978-0-306-40615-8", None),
        ("0-306-40615-3", None),
    ],
)
def test_isbn13(isbn: str, expected: str | None) -> None:
    assert isbn13(isbn) == expected


def test_normalize_url_drops_noise_but_keeps_ids() -> None:
    assert (
        normalize_url("http://www.openreview.net/forum?id=x&utm_source=y#z")
        == "https://openreview.net/forum?id=x"
    )


def test_ref_from_key_round_trips() -> None:
    for key in ("arxiv:1908.03265", "doi:10.1145/3360572", "url:https://openreview.net/forum?id=x"):
        assert ref_from_key(key).key == key
    with pytest.raises(ValueError):
        ref_from_key("arxiv:9999.99999")


@pytest.mark.parametrize(
    ("text", "key", "version"),
    [
        ("arxiv:1908.03265", "arxiv:1908.03265", None),
        ("ARXIV:1908.03265v2", "arxiv:1908.03265", "v2"),
        ("https://arxiv.org/pdf/1706.03762v5.pdf", "arxiv:1706.03762", "v5"),
        ("https://arxiv.org/abs/hep-th/9901001v2", "arxiv:hep-th/9901001", "v2"),
        ("1908.03265", "arxiv:1908.03265", None),
        ("doi:10.1145/3360572", "doi:10.1145/3360572", None),
        ("https://doi.org/10.1145/ABC", "doi:10.1145/abc", None),
        ("10.48550/arXiv.2202.01037", "arxiv:2202.01037", None),
        ("isbn:0-262-03384-4", "isbn:9780262033848", None),
        ("ISBN 978-0-262-03384-8", "isbn:9780262033848", None),
        ("https://www.openreview.net/forum?id=x#y", "url:https://openreview.net/forum?id=x", None),
        ("url:https://x.org/a/", "url:https://x.org/a", None),
    ],
)
def test_ref_from_string(text: str, key: str, version: str | None) -> None:
    ref = ref_from_string(text)
    assert ref is not None and (ref.key, ref.version) == (key, version)


@pytest.mark.parametrize(
    "text", ["hello", "2019.1001", "arxiv:2113.01234", "doi:11.1/x", "isbn:0-306-40615-3", ""]
)
def test_ref_from_string_refuses_non_references(text: str) -> None:
    assert ref_from_string(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "https://openreview.net/forum?id=abc&utm_source=feed",
            "https://openreview.net/forum?id=abc",
        ),
        ("HTTP://WWW.Example.org/paper/", "https://example.org/paper"),
        (
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=726791",
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=726791",
        ),
    ],
)
def test_normalize_url_forms(text: str, expected: str) -> None:
    assert normalize_url(text) == expected


@pytest.mark.parametrize(
    ("name", "archive"),
    [("hep-th", "hep-th"), ("HEPTH", "hep-th"), ("condmat", "cond-mat"), ("math", "math")],
)
def test_old_archive_accepts_missing_hyphens(name: str, archive: str) -> None:
    assert old_archive(name) == archive


@pytest.mark.parametrize("name", ["tmp", "build", "stat", "hepx"])
def test_old_archive_refuses_other_names(name: str) -> None:
    assert old_archive(name) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/1.2)", "10.1145/1.2"),
        ("10.1016/0167-2789(84)90263-6", "10.1016/0167-2789(84)90263-6"),
        ("10.1002/x<1::a>2.0", "10.1002/x<1::a>2.0"),
        ("10.1002/x>", "10.1002/x"),
        ("10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90)", "10.1109/CVPR.2016.90"),
        ("10.1016/j.cell.2009.01.002)/more", "10.1016/j.cell.2009.01.002"),
        (
            "10.1002/(SICI)1521-3978(199806)46:4/5<493::AID-PROP493>3.0.CO;2-P",
            "10.1002/(SICI)1521-3978(199806)46:4/5<493::AID-PROP493>3.0.CO;2-P",
        ),
        ("", ""),
    ],
)
def test_cut_at_unbalanced_closer(text: str, expected: str) -> None:
    assert cut_at_unbalanced_closer(text) == expected


def test_a_sici_made_doi_dates_its_issue() -> None:
    assert doi_year("10.1002/(sici)1097-4571(199001)41:6<391::aid-asi1>3.0.co;2-9") == 1990
    assert doi_year("10.1175/1520-0469(2003)060<0012:tmotf>2.0.co;2") == 2003
    # a DOI of another form holds no date, whatever digits it carries
    assert doi_year("10.1016/s0022-0000(73)80033-9") is None
    assert doi_year("10.1002/9780470316771") is None
    assert doi_year("10.5555/1999.12") is None


def test_a_publishers_identifier_dates_its_work_to_its_year_or_the_next() -> None:
    pii = "url:https://sciencedirect.com/science/article/pii/S0965997813001853"
    assert issued_years(pii) == {2013, 2014}
    assert issued_years("doi:10.1016/s0020-0190(02)00501-x") == {2002, 2003}
    assert issued_years("doi:10.1016/j.tides.2014.01.009") == {2014, 2015}
    assert issued_years("doi:10.1007/s10898-007-9149-x") == {2007, 2008}
    assert issued_years("doi:10.1007/s10898-998-9149-x") == {1998, 1999}
    # a book's chapter, another publisher's DOI, a link elsewhere: no date
    assert issued_years("doi:10.1007/978-3-642-15781-3_16") == frozenset()
    assert issued_years("doi:10.1145/3360572") == frozenset()
    assert issued_years("url:https://example.org/pii/S0965997813001853") == frozenset()


def test_a_markdown_escape_in_a_doi_is_no_part_of_its_key() -> None:
    # `doi:[10.5555/tide-9\_12](https://doi.org/10.5555/tide-9_12)`: one DOI, one key
    assert doi_ref("10.5555/tide-9\\_12") == doi_ref("10.5555/tide-9_12")
    assert doi_ref("10.5555/tide-9\\_12").key == "doi:10.5555/tide-9_12"
