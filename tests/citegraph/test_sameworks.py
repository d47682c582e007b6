"""One work, one card: a work named by its title in one place and by an identifier in another."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from citegraph.config import Config
from citegraph.index.outputs import (
    index_document,
    merge_reports,
    repositories_by_paper,
    summary_markdown,
)
from citegraph.pipeline import run_scan
from citegraph.report import PaperEntry, Report
from citegraph.sameworks import same_work_targets

TITLE = "Residual Learning of Deep Tide Stacks"


def paper(
    key: str, title: str | None = TITLE, year: int | None = 2015, author: str = "J. Okafor"
) -> PaperEntry:
    kind = key.split(":", 1)[0]
    return PaperEntry(
        key=key, kind=kind, status="unresolved", title_hint=title, authors=(author,), year=year
    )


def test_a_title_joins_the_identifier_that_names_the_same_work() -> None:
    papers = [paper("doi:10.5555/jt.2015.12"), paper("title:residual", author="Okafor, J.")]
    assert same_work_targets(papers) == {"title:residual": "doi:10.5555/jt.2015.12"}


def test_a_chain_of_named_only_papers_ends_at_the_strongest() -> None:
    papers = [paper("title:t"), paper("book:t"), paper("isbn:9780000000002")]
    assert same_work_targets(papers) == {
        "title:t": "isbn:9780000000002",
        "book:t": "isbn:9780000000002",
    }


def test_a_title_alone_among_named_only_papers_joins_the_book() -> None:
    assert same_work_targets([paper("title:t", year=None), paper("book:t")]) == {
        "title:t": "book:t"
    }


def test_works_that_disagree_stay_apart() -> None:
    doi = paper("doi:10.5555/jt.2015.12")
    # another year (another edition), another first author, another title
    assert not same_work_targets([doi, paper("title:t", year=1999)])
    assert not same_work_targets([doi, paper("title:t", author="K. Lind")])
    assert not same_work_targets([doi, paper("title:t", title="Residual Learning of Tides")])


def test_two_identified_papers_stay_apart_and_a_title_between_them_joins_neither() -> None:
    papers = [paper("doi:10.5555/a"), paper("doi:10.5555/b"), paper("title:t")]
    assert not same_work_targets(papers)


def test_a_short_title_joins_only_when_both_give_year_and_author() -> None:
    doi = paper("doi:10.5555/a", title="Numerical Tides")
    assert same_work_targets([doi, paper("title:t", title="Numerical Tides")])
    assert not same_work_targets([doi, paper("title:t", title="Numerical Tides", year=None)])
    assert not same_work_targets([doi, paper("title:t", title="Tides", year=None)])


def test_a_link_to_a_copy_joins_the_identified_paper_of_its_title() -> None:
    doi = paper("doi:10.5555/jt.2015.12")
    copy = paper("url:https://citeseerx.example.edu/viewdoc/summary?doi=10.1.1.9", year=None)
    assert same_work_targets([doi, copy]) == {copy.key: doi.key}
    # another year says another work; a short title needs year and author on both sides
    assert not same_work_targets([doi, paper("url:https://lab.example.org/t.pdf", year=2009)])
    short = paper("doi:10.5555/b", title="Graph Connectivity")
    assert not same_work_targets(
        [short, paper("url:https://x.example/g.pdf", title="Graph Connectivity", year=None)]
    )
    assert same_work_targets(
        [short, paper("url:https://x.example/g.pdf", title="Graph Connectivity")]
    )


def test_a_scan_gives_one_card_for_a_work_cited_by_title_and_by_doi(tmp_path: Path) -> None:
    (tmp_path / "tides.py").write_text(
        'def stack():\n    """Stack tides.\n\n    References\n    ----------\n'
        f"    .. [1] Okafor, J. (2015). {TITLE}. J. Tides 3, 1-20.\n"
        '           https://doi.org/10.5555/jt.2015.12\n    """\n'
    )
    (tmp_path / "deep.py").write_text(
        'def deep():\n    """Deep tides.\n\n    References\n    ----------\n'
        f'    .. [1] J. Okafor, "{TITLE}", Journal of Tides, 2015.\n    """\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [p.key for p in report.papers] == ["doi:10.5555/jt.2015.12"]
    kinds = {(c.path, c.kind) for c in report.citations if c.paper == "doi:10.5555/jt.2015.12"}
    assert kinds == {("tides.py", "doi"), ("deep.py", "title")}


def scan_two_repositories(tmp_path: Path) -> list[Report]:
    """`tides` cites a paper by its DOI, `deep` by its title alone."""
    (tmp_path / "tides").mkdir()
    (tmp_path / "deep").mkdir()
    (tmp_path / "tides" / "tides.py").write_text(
        f'"""Tides.\n\nOkafor, J. (2015). {TITLE}. J. Tides 3.\nhttps://doi.org/10.5555/jt.2015.12\n"""\n'
    )
    (tmp_path / "deep" / "deep.py").write_text(
        f'"""Deep.\n\nJ. Okafor, "{TITLE}", Journal of Tides, 2015.\n"""\n'
    )
    return [run_scan(tmp_path / name, Config(resolve=False)) for name in ("tides", "deep")]


def test_one_card_across_repositories(tmp_path: Path) -> None:
    reports = scan_two_repositories(tmp_path)
    assert [p.key for p in reports[1].papers] != ["doi:10.5555/jt.2015.12"]  # alone: its title
    merged = merge_reports(reports)
    assert [p.key for p in merged.papers] == ["doi:10.5555/jt.2015.12"]
    assert {c.paper for c in merged.citations} == {"doi:10.5555/jt.2015.12"}
    assert repositories_by_paper(reports) == {"doi:10.5555/jt.2015.12": ["tides", "deep"]}


def test_a_name_and_year_alone_join_no_card_of_another_repository(tmp_path: Path) -> None:
    # a stellar package's `Chen et al. (2019)` and a spectroscopy package's Chen 2019 paper
    # share a surname and a year, nothing more
    (tmp_path / "stars").mkdir()
    (tmp_path / "spectra").mkdir()
    (tmp_path / "stars" / "ssp.py").write_text(
        '"""Stellar population tables, following Chen et al. (2019)."""\n'
    )
    (tmp_path / "spectra" / "baseline.py").write_text(
        '"""Baseline removal.\n\nChen, L., Wu, K. and Ortiz, M. (2019). Iterative baseline '
        'correction of noisy Raman spectra. J. Raman Spectrosc. 50, 11-19.\n"""\n'
    )
    reports = [run_scan(tmp_path / name, Config(resolve=False)) for name in ("stars", "spectra")]
    alone = {c.paper for c in reports[0].citations}
    assert alone == {"author-year:chen-2019"}
    merged = merge_reports(reports)
    assert "author-year:chen-2019" in {p.key for p in merged.papers}
    assert len(merged.papers) == 2
    document = index_document([], reports, merged)
    assert {(c["repository"], c["paper"]) for c in document["citations"]} >= {
        ("stars", "author-year:chen-2019")
    }


def test_the_index_names_each_citation_by_its_card(tmp_path: Path) -> None:
    # `deep` alone keys its citation by the title; across repositories it is the DOI's card,
    # and index.json's citations must name a paper its `papers` list holds
    reports = scan_two_repositories(tmp_path)
    document = index_document([], reports, merge_reports(reports))
    assert [p["key"] for p in document["papers"]] == ["doi:10.5555/jt.2015.12"]
    assert [(c["repository"], c["paper"]) for c in document["citations"]] == [
        ("tides", "doi:10.5555/jt.2015.12"),
        ("deep", "doi:10.5555/jt.2015.12"),
    ]


def test_a_card_across_repositories_shows_the_fullest_reading_of_any() -> None:
    # `bare` writes the DOI alone, `whole` the entry beside it, `named` the title alone: one
    # card, whichever repository came first or last, with the entry's authors, year and
    # venue and the identifiers every repository wrote
    bare = PaperEntry(key="doi:10.5555/jt.2015.12", kind="doi", status="offline")
    whole = replace(
        paper("doi:10.5555/jt.2015.12"),
        status="offline",
        venue="Journal of Tides",
        ids={"doi": "10.5555/jt.2015.12"},
    )
    named = replace(paper("title:residual learning of deep tide stacks"), year=None)
    link = replace(
        paper("url:https://okafor.example.org/tides.pdf", year=None),
        ids={"url": "https://okafor.example.org/tides.pdf"},
    )
    repositories = {"bare": [bare], "named": [named, link], "whole": [whole]}
    for order in (["bare", "named", "whole"], ["named", "whole", "bare"]):
        reports = [
            Report(root="", repository=name, papers=tuple(repositories[name])) for name in order
        ]
        (card,) = merge_reports(reports).papers
        assert (card.key, card.status, card.title_hint) == (
            "doi:10.5555/jt.2015.12",
            "offline",
            TITLE,
        )
        assert (card.authors, card.year, card.venue) == (("J. Okafor",), 2015, "Journal of Tides")
        assert card.ids == {
            "doi": "10.5555/jt.2015.12",
            "url": "https://okafor.example.org/tides.pdf",
        }
    # a resolved entry's metadata is the card's, however much a citation read
    resolved = replace(bare, status="resolved", title=TITLE, year=2016)
    (card,) = merge_reports([*reports, Report(root="", repository="r", papers=(resolved,))]).papers
    assert (card.title, card.year, card.authors) == (TITLE, 2016, ())


def test_the_summary_names_a_paper_without_a_title_once(tmp_path: Path) -> None:
    reports = scan_two_repositories(tmp_path)
    merged = merge_reports(reports)
    untitled = replace(
        merged, papers=tuple(replace(p, title=None, title_hint=None) for p in merged.papers)
    )
    assert "| `doi:10.5555/jt.2015.12` | tides, deep |" in summary_markdown([], reports, untitled)


def test_links_to_sections_of_one_reference_work_are_its_card(tmp_path: Path) -> None:
    (tmp_path / "bessel.py").write_text(
        'def j0(x):\n    """Bessel function, by DLMF 10.2.E2: https://dlmf.nist.gov/10.2.E2"""\n\n\n'
        'def y0(x):\n    """See https://dlmf.nist.gov/10.8 for the series."""\n'
    )
    (tmp_path / "tests_of_means.py").write_text(
        "# NIST/SEMATECH e-Handbook, https://www.itl.nist.gov/div898/handbook/eda/section3/eda353.htm\n"
        "def t_test(a, b):\n    pass\n"
    )
    report = run_scan(tmp_path, Config(resolve=False))
    cards = {p.key: p for p in report.papers}
    assert set(cards) == {"url:https://dlmf.nist.gov", "url:https://itl.nist.gov/div898/handbook"}
    dlmf = cards["url:https://dlmf.nist.gov"]
    assert dlmf.title_hint == "NIST Digital Library of Mathematical Functions"
    assert dlmf.url == "https://dlmf.nist.gov/"
    assert len([c for c in report.citations if c.paper == dlmf.key]) == 2


def test_a_doi_whose_check_character_is_a_hash_keeps_it_in_its_key_and_link(
    tmp_path: Path,
) -> None:
    # A Wiley SICI DOI ends in `#`: written `%23` in its link, it is the DOI's last character,
    # and the card's link must encode it again or a browser would cut the DOI at a fragment.
    (tmp_path / "Select.java").write_text(
        "/**\n * Median-of-3 killers, after Musser (1997),\n"
        ' * <a href="https://doi.org/10.1002/(SICI)1097-024X(199708)27:8%3C983'
        '::AID-SPE117%3E3.0.CO;2-%23">Introspective sorting</a>.\n */\n'
        "class Select {}\n"
    )
    report = run_scan(tmp_path, Config(resolve=False))
    doi = "10.1002/(sici)1097-024x(199708)27:8<983::aid-spe117>3.0.co;2-#"
    (card,) = report.papers
    assert card.key == "doi:" + doi
    assert card.url == "https://doi.org/" + doi.replace("#", "%23")


def test_sections_of_a_textbook_online_and_its_title_are_one_card(tmp_path: Path) -> None:
    """A published textbook whose text is online: a link to any of its sections cites the
    book, and so does its title written elsewhere."""
    (tmp_path / "reconcile.py").write_text(
        'def mint(y):\n    """Reconcile, as in https://otexts.com/fpp3/hierarchical.html"""\n\n\n'
        'def drift(y):\n    """The drift method: https://otexts.com/fpp2/simple-methods.html"""\n\n\n'
        'def naive(y):\n    """Hyndman and Athanasopoulos,\n'
        '    "Forecasting: Principles and Practice", OTexts, 2018."""\n'
    )
    (tmp_path / "comb.js").write_text(
        "// Feedback comb filter: https://ccrma.stanford.edu/~jos/pasp/Feedback_Comb_Filters.html\n"
        "export function comb(x) { return x; }\n"
    )
    report = run_scan(tmp_path, Config(resolve=False))
    cards = {p.key: p for p in report.papers}
    assert set(cards) == {"url:https://otexts.com/fpp3", "url:https://ccrma.stanford.edu/~jos/pasp"}
    assert cards["url:https://otexts.com/fpp3"].title_hint == "Forecasting: Principles and Practice"
    assert len([c for c in report.citations if c.paper == "url:https://otexts.com/fpp3"]) == 3


def test_a_reference_works_card_takes_no_authors_from_an_entry_that_links_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "carlson.py").write_text(
        '"""Elliptic integrals.\n\nReferences\n----------\n'
        ".. [1] B. C. Carlson, Reduction theorems for elliptic integrands with the square root\n"
        "   of two quadratic factors, J. Comput. Appl. Math. 118 (2000) 71-85.\n"
        '   https://dlmf.nist.gov/19.36\n"""\n'
    )
    (tmp_path / "bessel.py").write_text('"""See https://dlmf.nist.gov/10.8 for the series."""\n')
    report = run_scan(tmp_path, Config(resolve=False))
    dlmf = next(p for p in report.papers if p.key == "url:https://dlmf.nist.gov")
    assert dlmf.title_hint == "NIST Digital Library of Mathematical Functions"
    assert (dlmf.authors, dlmf.year, dlmf.venue) == ((), None, None)


def test_a_reference_works_card_takes_in_books_by_its_own_title_only() -> None:
    section = PaperEntry(
        key="url:https://dlmf.nist.gov/10.6.E7",
        kind="url",
        status="unresolved",
        title_hint="Computation of Tidal Functions",  # read from the entry above it
    )
    book = paper("book:c", title="Computation of Tidal Functions", year=None)
    named = paper("book:n", title="NIST Digital Library of Mathematical Functions", year=None)
    assert same_work_targets([section, book, named]) == {
        "url:https://dlmf.nist.gov/10.6.E7": "url:https://dlmf.nist.gov",
        "book:n": "url:https://dlmf.nist.gov",
    }


SPELT = "Introduction to Geostatistics: Applications in Tidal Hydrogeology"
SLIP = "Introduction to Geostatistcs: Applications in Tidal Hydrogeology"


def test_a_misspelt_title_is_the_work_spelt_right_elsewhere() -> None:
    right, slip = paper("book:right", title=SPELT), paper("book:slip", title=SLIP, year=None)
    # between equals, the one with its year and first author is the card
    assert same_work_targets([slip, right]) == {"book:slip": "book:right"}
    assert same_work_targets([paper("book:slip", title=SLIP), right]) == {"book:right": "book:slip"}
    # a slip in a title joins the identified paper of the title spelt right
    doi = paper("doi:10.5555/geo", title=SPELT)
    assert same_work_targets([doi, paper("title:slip", title=SLIP)]) == {"title:slip": doi.key}
    transposed = paper(
        "title:swap", title="Introduction to Geostatistics: Applicaitons in Tidal Hydrogeology"
    )
    assert same_work_targets([doi, transposed]) == {"title:swap": doi.key}


def test_titles_a_real_difference_apart_stay_two_works() -> None:
    def apart(one: str, other: str) -> bool:
        return not same_work_targets([paper("book:a", title=one), paper("book:b", title=other)])

    assert apart("Tidal Stacks of Deep Basins, Part I", "Tidal Stacks of Deep Basins, Part II")
    assert apart("Tidal Stacks of Deep Basins in 2014", "Tidal Stacks of Deep Basins in 2015")
    assert apart("The maximum principle for tidal stacks", "The minimum principle for tidal stacks")
    assert apart("Linear models of tidal stacks", "Nonlinear models of tidal stacks")
    assert apart("Tidal stacks of deep basins", "Tidal stacks of deep basins and the shelf")
    # the same slip, but the years say two works (of papers: a book's are its editions)
    assert not same_work_targets(
        [paper("title:a", title=SPELT), paper("title:b", title=SLIP, year=1999)]
    )


def test_a_scan_gives_one_card_for_a_book_misspelt_in_one_module(tmp_path: Path) -> None:
    (tmp_path / "kriging.py").write_text(
        '"""Kriging.\n\nReferences\n----------\n'
        f"[1] P.K. Marsh, {SLIP},\n    (Cambridge University Press, 1997) 272 p.\n" + '"""\n'
    )
    (tmp_path / "variogram.py").write_text(
        '"""Variograms.\n\nReferences\n----------\n'
        f"[1] P.K. Marsh, {SPELT},\n    (Cambridge University Press, 1997) 272 p.\n" + '"""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert len(report.papers) == 1
    assert {c.path for c in report.citations if c.paper == report.papers[0].key} == {
        "kriging.py",
        "variogram.py",
    }


def mention(key: str, authors: tuple[str, ...], year: int) -> PaperEntry:
    return PaperEntry(key=key, kind="author-year", status="unresolved", authors=authors, year=year)


def test_an_author_year_mention_joins_the_one_work_of_its_authors_and_year() -> None:
    titled = paper("title:residual", author="J. Okafor")
    pair = PaperEntry(
        key="doi:10.5555/tl.2007.4",
        kind="doi",
        status="offline",
        authors=("S. Lind", "B. Moss"),
        year=2007,
    )
    papers = [
        titled,
        pair,
        mention("author-year:okafor-2015", ("Okafor",), 2015),
        # the first authors named, the others left out by `et al`
        mention("author-year:lind-2007", ("Lind",), 2007),
        mention("author-year:lind-moss-2007", ("Lind", "Moss"), 2007),
    ]
    assert same_work_targets(papers) == {
        "author-year:okafor-2015": "title:residual",
        "author-year:lind-2007": "doi:10.5555/tl.2007.4",
        "author-year:lind-moss-2007": "doi:10.5555/tl.2007.4",
    }


def test_an_author_year_mention_of_another_year_or_of_two_works_stays_apart() -> None:
    first = paper("title:residual", author="J. Okafor")
    second = paper("title:tidal", title="Tidal Stacks Revisited", author="Okafor, J.")
    assert not same_work_targets([first, mention("author-year:okafor-2016", ("Okafor",), 2016)])
    assert not same_work_targets([first, mention("author-year:moss-2015", ("Moss",), 2015)])
    # the surname's two papers of the year: which one the mention means cannot be told
    ambiguous = [first, second, mention("author-year:okafor-2015", ("Okafor",), 2015)]
    assert "author-year:okafor-2015" not in same_work_targets(ambiguous)
    # a second author the work does not have
    two = mention("author-year:okafor-lind-2015", ("Okafor", "Lind"), 2015)
    assert not same_work_targets([first, two])


def test_a_scan_gives_one_card_for_an_entry_and_its_author_year_mention_elsewhere(
    tmp_path: Path,
) -> None:
    (tmp_path / "mediation.py").write_text(
        "class Mediation:\n"
        '    """Mediation.\n\n    References\n    ----------\n'
        "    J. Okafor. Direct and indirect tides. Proceedings of the Tenth Conference\n"
        '    on Tides, 2001.\n    """\n\n'
        "    def direct(self):\n"
        '        """The direct effect, from the mediation formula (see [Okafor 2001])."""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [p.key for p in report.papers] == ["title:direct and indirect tides"]
    assert sorted(c.kind for c in report.citations) == ["author-year", "title"]


def test_a_reference_works_card_that_joins_another_card_is_no_crash(tmp_path: Path) -> None:
    # The DLMF section's card joins the DLMF's own (which no site names), and that one joins
    # the DOI whose hint is the DLMF's title: the chain ends at the DOI. The DLMF's card, a
    # key of the chain only, used to stop the scan (KeyError) when its sites were moved.
    (tmp_path / "notes.md").write_text(
        "See http://dlmf.nist.gov/1.14T4 and\n"
        "DLMF 8.9.2 alone and dx.doi.org/10.1073%2Fpnas.0601602103\n"
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert {c.paper for c in report.citations} <= {p.key for p in report.papers}
    assert len(report.citations) == 2


def book(key: str, title: str, year: int | None, author: str = "W. H. Press") -> PaperEntry:
    return PaperEntry(
        key=key, kind="book", status="unresolved", title_hint=title, authors=(author,), year=year
    )


def test_the_editions_of_a_book_are_one_work() -> None:
    # a publisher's DOI of the book's second edition, the first edition cited by title
    second = paper("doi:10.1007/978-0-387-40065-5", title="Numerical Tides", year=2006)
    first = paper("title:numerical tides", title="Numerical Tides", year=1999)
    assert same_work_targets([second, first]) == {first.key: second.key}
    # a book of a short title without its year, and its title with one: the author vouches
    undated = book("book:numerical tides", "Numerical Tides", None, author="J. Okafor")
    assert same_work_targets([undated, first]) == {first.key: undated.key}
    # another first author, or a journal paper's DOI and another year: two works
    assert not same_work_targets([second, paper("title:t", title="Numerical Tides", author="Lind")])
    assert not same_work_targets([paper("doi:10.5555/jt.2015.12"), paper("title:t", year=1999)])


def test_a_books_title_with_a_subtitle_or_a_language_is_the_book() -> None:
    short = book("book:numerical recipes", "Numerical Recipes", 2007)
    papers = [
        short,
        book("book:numerical recipes in c", "Numerical Recipes in C, 2nd ed.", 1992),
        book("book:nr art", "Numerical Recipes: The Art of Scientific Computing", None),
        paper("title:nr fortran", title="Numerical recipes in Fortran 77", author="Press, W."),
    ]
    assert same_work_targets(papers) == {p.key: short.key for p in papers[1:]}
    # an article apart
    guide = book("book:complete guide", "Complete Guide to Tidal Formulas", 1994, "E. Haug")
    the = book("book:the complete guide", "The Complete Guide to Tidal Formulas", 2007, "Haug")
    assert same_work_targets([guide, the]) == {the.key: guide.key}


def test_a_books_volume_or_another_authors_longer_title_is_another_book() -> None:
    def apart(one: PaperEntry, other: PaperEntry) -> bool:
        return not same_work_targets([one, other])

    tides = book("book:t", "Continuous Tidal Distributions", 1994, "N. Johnson")
    assert apart(tides, book("book:t2", "Continuous Tidal Distributions, Volume 2", 1995))
    assert apart(tides, book("book:t3", "Continuous Tidal Distributions II", 1995, "Johnson"))
    series = book("book:s", "Tidal Series Analysis", 1994, "J. D. Hamilton")
    by_durbin = book("book:d", "Tidal Series Analysis by State Space Methods", 2012, "J. Durbin")
    assert apart(series, by_durbin)
    # no stop between: words of the title, not a subtitle
    assert apart(series, book("book:h", "Tidal Series Analysis and the Shelf", 1994, "Hamilton"))
    # two subtitles of one main title: two books
    theory = book("book:np1", "Nonparametric Tides: Theory and Practice", 2007, "J. Racine")
    primer = book("book:np2", "Nonparametric Tides: A Primer", 2008, "Racine, J.")
    assert apart(theory, primer)
    # a new introduction is not the introduction it followed
    intro = paper("title:i", title="Introduction to Multiple Tidal Series Analysis", year=1993)
    new = book("book:n2", "New Introduction to Multiple Tidal Series Analysis", 2005, "J. Okafor")
    assert apart(intro, new)
    # an author on one side only says too little
    assert apart(
        book("book:n", "Numerical Recipes", None, ""),
        book("book:c", "Numerical Recipes in C", 1992),
    )


def test_a_title_broken_in_a_word_or_led_by_a_programs_name_is_the_same_work() -> None:
    whole = paper(
        "doi:10.5555/lsqr", title="An algorithm for sparse tidal equations and least squares"
    )
    named = paper(
        "title:lsqr", title="LSQR: An algorithm for sparse tidal equations and least squares"
    )
    broken = paper(
        "title:broken", title="An algorithm for sparse ti dal equations and least squares"
    )
    assert same_work_targets([whole, named, broken]) == {
        named.key: whole.key,
        broken.key: whole.key,
    }
    # an erratum is another document; a short rest names too little
    erratum = paper(
        "title:e", title="Erratum: An algorithm for sparse tidal equations and least squares"
    )
    assert not same_work_targets([whole, erratum])
    assert not same_work_targets(
        [
            paper("doi:10.5555/s", title="Deep tide stacks"),
            paper("title:s", title="TSN: Deep tide stacks"),
        ]
    )


def test_a_scan_gives_one_card_and_one_bibtex_entry_for_a_book_cited_three_ways(
    tmp_path: Path,
) -> None:
    from citegraph.render import render

    authors = "Press, W. H., Teukolsky, S. A., Vetterling, W. T., and Flannery, B. P."
    (tmp_path / "interp.py").write_text(
        f'"""Splines.\n\nReferences\n----------\n.. [1] {authors} (2007).\n'
        "   Numerical Recipes: The Art of Scientific Computing. 3rd ed. Cambridge University"
        ' Press.\n"""\n'
    )
    (tmp_path / "roots.py").write_text(
        f'"""Roots.\n\nReferences\n----------\n.. [1] {authors} (1992).\n'
        "   Numerical Recipes in C: The Art of Scientific Computing. 2nd ed. Cambridge"
        ' University Press.\n"""\n'
    )
    (tmp_path / "fit.py").write_text('"""Fit.\n\nSee Press et al. (2007) for the method.\n"""\n')
    report = run_scan(tmp_path, Config(resolve=False))
    assert len(report.papers) == 1, [p.key for p in report.papers]
    assert {c.path for c in report.citations} == {"fit.py", "interp.py", "roots.py"}
    assert render(report, "bibtex").count("@book{") == 1


def test_an_author_year_mention_of_fewer_authors_joins_the_one_mention_of_more() -> None:
    aki = mention("author-year:aki-1980", ("Aki",), 1980)
    both = mention("author-year:aki-richards-1980", ("Aki", "Richards"), 1980)
    assert same_work_targets([aki, both]) == {aki.key: both.key}
    # two mentions of more authors: which one cannot be told; another year: another work
    other = mention("author-year:aki-lind-1980", ("Aki", "Lind"), 1980)
    assert not same_work_targets([aki, both, other])
    assert not same_work_targets([mention("author-year:aki-1981", ("Aki",), 1981), both])


def test_a_book_cited_by_its_author_and_year_joins_the_book_of_its_title() -> None:
    by_author = PaperEntry(
        key="book:trefethen-2000",
        kind="book",
        status="unresolved",
        authors=("Trefethen",),
        year=2000,
    )
    titled = paper(
        "doi:10.1137/1.9780898719598", title="Spectral Tides", author="L. N. Trefethen", year=2000
    )
    assert same_work_targets([by_author, titled]) == {by_author.key: titled.key}


def test_a_preprint_joins_the_one_journal_version_of_its_title_author_and_year() -> None:
    preprint = paper("arxiv:1905.01234", year=2019)
    journal = paper("doi:10.5555/jt.2020.1", year=2020, author="Okafor, J.")
    assert same_work_targets([preprint, journal]) == {preprint.key: journal.key}
    # a title of the journal's year joins the preprint too, through it
    title = paper("title:residual", year=2020)
    assert same_work_targets([preprint, title]) == {title.key: preprint.key}
    assert same_work_targets([preprint, journal, title])[title.key] == journal.key
    # no first author on the preprint's side, two years apart, another author, two DOIs
    assert not same_work_targets([paper("arxiv:1905.01234", author=""), journal])
    assert not same_work_targets([preprint, paper("doi:10.5555/x", year=2021)])
    assert not same_work_targets([preprint, paper("doi:10.5555/x", author="K. Lind")])
    two = [preprint, journal, paper("doi:10.5555/other", year=2019)]
    assert preprint.key not in same_work_targets(two)
    # a short title says too little
    short = [
        paper("arxiv:1905.01234", title="Tide Stacks"),
        paper("doi:10.5555/s", title="Tide Stacks"),
    ]
    assert not same_work_targets(short)


def test_a_title_is_folded_the_same_with_or_without_accents_to_drop() -> None:
    # (an ASCII title is returned as it is lowered; the general fold gives the same)
    from citegraph.sameworks import _folded

    assert _folded("Numerical Recipes: The Art of Scientific Computing") == (
        "numerical recipes: the art of scientific computing"
    )
    assert _folded("Gödel's Théorème, 2nd ed.") == "godels theoreme, 2nd ed."


def test_a_first_author_among_the_others_authors_is_no_disagreement() -> None:
    # the same authors in another order, or a name read as two ("Tan, Chang Wei")
    doi = replace(paper("doi:10.5555/jt.2015.12"), authors=("K. Lind", "J. Okafor"))
    title = replace(paper("title:t"), authors=("Okafor, J.", "Lind, K."))
    assert same_work_targets([doi, title]) == {"title:t": doi.key}
    split = replace(paper("doi:10.5555/jt.2015.12"), authors=("Sauer", "Chang Wei", "Okafor, J."))
    assert same_work_targets([split, paper("title:t")]) == {"title:t": split.key}
    # two lists that share no first author
    other = replace(paper("title:t"), authors=("M. Sauer", "J. Okafor"))
    assert not same_work_targets([doi, replace(other, authors=("M. Sauer", "P. Marsh"))])


CUT = "Time-Efficient Algorithms for Two Highly"
WHOLE = "Time-Efficient Algorithms for Two Highly Robust Estimators of Tides"


def test_a_title_cut_short_or_run_on_is_the_work_of_the_longer_title() -> None:
    # a line break cut the title; between equals the card is the shorter
    cut, whole = paper("title:cut", title=CUT), paper("title:whole", title=WHOLE)
    assert same_work_targets([whole, cut]) == {"title:whole": "title:cut"}
    # the next word of the entry run on ("... Proc. 1996 ..."); the stronger is the card
    doi = paper("doi:10.5555/tides", title=WHOLE)
    assert same_work_targets([doi, paper("title:run", title=WHOLE + " Proc")]) == {
        "title:run": doi.key
    }
    # without years, the same list of two or more authors vouches
    two = ("J. Okafor", "K. Lind")
    assert same_work_targets(
        [replace(cut, year=None, authors=two), replace(whole, year=None, authors=two)]
    ) == {"title:whole": "title:cut"}
    # or a list that runs on where the other stops, the year on one side only
    three = (*two, "M. Romero")
    assert same_work_targets([replace(cut, year=None, authors=two), replace(whole, authors=three)])
    # not one author alone, nor two lists that part
    one = ("J. Okafor",)
    assert not same_work_targets(
        [replace(cut, year=None, authors=one), replace(whole, authors=two)]
    )
    other = ("J. Okafor", "P. Quist")
    assert not same_work_targets(
        [replace(cut, year=None, authors=two), replace(whole, authors=other)]
    )


def test_a_longer_title_that_is_another_work_stays_apart() -> None:
    def apart(*papers: PaperEntry) -> bool:
        return not same_work_targets(papers)

    cut, whole = paper("title:cut", title=CUT), paper("title:whole", title=WHOLE)
    assert apart(cut, replace(whole, year=2016))  # another year
    assert apart(cut, replace(whole, authors=("K. Lind",)))  # another first author
    assert apart(cut, replace(whole, year=None))  # one author and no year: too little
    assert apart(replace(cut, key="book:cut", kind="book"), whole)  # a book's longer title
    assert apart(paper("title:p", title=WHOLE), paper("title:p2", title=WHOLE + ", Part II"))
    assert apart(paper("title:p", title=WHOLE), paper("title:e", title=WHOLE + ": Erratum"))
    # three words say too little; two longer titles leave the short one where it is
    assert apart(paper("title:s", title="Tidal Stack Algorithms"), cut)
    assert apart(cut, whole, paper("title:other", title=CUT + " Efficient Tide Stacks"))


def test_a_word_left_out_inside_a_title_is_the_same_work() -> None:
    one = paper("book:a", title="Generalized Expansions of a Cornish-Fisher Type")
    other = paper("book:b", title="Generalized Expansions of Cornish-Fisher Type", year=2015)
    assert same_work_targets([one, other]) == {"book:b": "book:a"}
    # only when both give year and first author
    assert not same_work_targets([one, replace(other, year=None)])
    # a word that turns the meaning, a number, or a word more in front or at the end
    for shorter, longer in (
        ("Linear Models of Deep Tide Stacks", "Linear Models of Deep Non Tide Stacks"),
        ("Models of Deep Tide Stacks", "Models of Deep Tide Stacks 2"),
        ("Models of Deep Tide Stacks", "Models of Deep Tide Stacks Revisited"),
    ):
        assert not same_work_targets(
            [paper("book:s", title=shorter), paper("book:l", title=longer)]
        ), longer


def test_two_links_of_one_title_no_identifier_names_are_one_card() -> None:
    # a publisher's page and the authors' PDF, two chapters of a book online: the link listed
    # first is the card, and the title cited alone joins it through the other
    page = paper("url:https://publisher.example.com/tides/12", year=None, author="")
    pdf = paper("url:https://okafor.example.org/tides.pdf")
    named = paper("title:residual learning of deep tide stacks")
    assert same_work_targets([page, pdf]) == {pdf.key: page.key}
    assert same_work_targets([named, page, pdf]) == {named.key: page.key, pdf.key: page.key}
    # another year or first author says another work; a short title needs both on both sides
    assert not same_work_targets([pdf, paper("url:https://lab.example.org/t.pdf", year=2009)])
    assert not same_work_targets([pdf, paper("url:https://x.example/t.pdf", author="K. Lind")])
    short = [
        paper("url:https://x.example/g.pdf", title="Graph Connectivity"),
        paper("url:https://y.example/g.pdf", title="Graph Connectivity", year=None),
    ]
    assert not same_work_targets(short)
    # a DOI of the title: each link joins it on its own, or stays
    doi = paper("doi:10.5555/jt.2015.12")
    other_year = paper("url:https://lab.example.org/t.pdf", year=2009)
    assert same_work_targets([doi, pdf, other_year]) == {pdf.key: doi.key}


def test_a_preprint_servers_doi_joins_the_journals_doi_of_its_title() -> None:
    preprint = paper("doi:10.1101/2019.05.01.123456", year=2019)
    journal = paper("doi:10.5555/jt.2020.1", year=2020)
    assert same_work_targets([preprint, journal]) == {preprint.key: journal.key}
    assert same_work_targets([journal, preprint]) == {preprint.key: journal.key}
    named = paper("title:residual", year=2020)
    assert same_work_targets([named, preprint, journal])[named.key] == journal.key
    # two years apart, another first author, two journals' DOIs: apart
    assert not same_work_targets([preprint, paper("doi:10.5555/x", year=2021)])
    assert not same_work_targets([preprint, paper("doi:10.5555/x", author="K. Lind")])
    two = [preprint, journal, paper("doi:10.5555/y", year=2019)]
    assert preprint.key not in same_work_targets(two)


def test_an_archives_doi_and_a_journals_doi_of_one_title_stay_two_cards() -> None:
    # JSTOR's DOI of an article beside the journal's: the archive's DOI may carry the reading
    # of a neighbouring entry in a list, so two DOIs stay apart here too
    archived = paper("doi:10.2307/2286154", author="Okafor, J.")
    journal = paper("doi:10.1080/00031305.2015.10483115")
    assert not same_work_targets([archived, journal])


def test_an_ads_record_of_an_arxiv_e_print_is_its_card() -> None:
    ads = paper("url:https://ui.adsabs.harvard.edu/abs/2019arXiv191006306S", title=None)
    e_print = paper("arxiv:1910.06306", title=None)
    assert same_work_targets([ads, e_print]) == {ads.key: e_print.key}
    # a journal's bibcode is no e-print; an e-print no one cites makes no card
    journal = paper("url:https://ui.adsabs.harvard.edu/abs/2019ApJ...871..168D", title=None)
    assert not same_work_targets([journal, e_print])
    assert not same_work_targets([ads])


def test_an_author_year_mention_joins_the_e_print_its_identifier_dates() -> None:
    # the entry gives the arXiv id and no year; "Okafor and Lind (2019)" below it cites it
    e_print = replace(paper("arxiv:1905.01234", year=None), authors=("J. Okafor", "K. Lind"))
    cited = mention("author-year:okafor-lind-2019", ("Okafor", "Lind"), 2019)
    assert same_work_targets([e_print, cited]) == {cited.key: e_print.key}
    # another year; a year the entry gives is the work's; an old-style id is dated too
    assert not same_work_targets([e_print, mention("author-year:o-2020", ("Okafor",), 2020)])
    assert not same_work_targets([replace(e_print, year=2021), cited])
    old = replace(e_print, key="arxiv:math/9905012")
    assert same_work_targets([old, mention("author-year:o-1999", ("Okafor",), 1999)])


def test_an_arxiv_id_dates_its_first_version() -> None:
    from catalog import arxiv_year

    assert [arxiv_year(i) for i in ("1602.07868", "0704.0001", "math/9905012", "x")] == [
        2016,
        2007,
        1999,
        None,
    ]


def test_a_reference_works_card_reads_the_citation_that_names_it_by_its_title(
    tmp_path: Path,
) -> None:
    # the book's own entry lends its card the authors, year and venue; an entry of another
    # title that links one of its sections lends nothing (the DLMF case above)
    (tmp_path / "reconcile.py").write_text(
        'def mint(y):\n    """Reconcile, as in https://otexts.com/fpp3/hierarchical.html"""\n\n\n'
        'def naive(y):\n    """Hyndman and Athanasopoulos,\n'
        '    "Forecasting: Principles and Practice", OTexts, 2018."""\n\n\n'
        'def theta(y):\n    """Okafor, J. (2015). Residual Learning of Deep Tide Stacks.\n'
        '    J. Tides 3. https://otexts.com/fpp3/theta.html"""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    fpp = next(p for p in report.papers if p.key == "url:https://otexts.com/fpp3")
    assert fpp.title_hint == "Forecasting: Principles and Practice"
    assert (fpp.authors, fpp.year) == (("Hyndman", "Athanasopoulos"), 2018)


def test_a_first_authors_name_a_slip_apart_under_one_long_title_is_one_person() -> None:
    # `Okafro et al` in one module, `Jide Okafor and Ana Lind` in another, one long title
    arxiv = paper("arxiv:1705.00001", author="Okafro", year=2017)
    title = paper("title:t", year=None, author="Jide Okafor")
    assert same_work_targets([arxiv, title]) == {title.key: arxiv.key}
    # two slips, a short name a letter apart, or a short title: other people, other works
    assert not same_work_targets([arxiv, replace(title, authors=("Jide Ofakro",))])
    assert not same_work_targets(
        [paper("arxiv:1705.00001", author="Wang"), paper("title:t", year=None, author="Wong")]
    )
    short = "Tide Stacks"
    assert not same_work_targets(
        [
            paper("arxiv:1705.00001", title=short, author="Okafro"),
            paper("title:t", title=short, author="Okafor"),
        ]
    )


def test_an_author_year_mention_spelt_otherwise_joins_the_one_work_or_mention() -> None:
    pair = PaperEntry(
        key="doi:10.5555/tl.2007.4",
        kind="doi",
        status="offline",
        authors=("S. Lind", "B. Mossberg"),
        year=2007,
    )
    # one name of a list mistyped: the work of that year by the others
    slip = mention("author-year:lind-mosberg-2007", ("Lind", "Mosberg"), 2007)
    assert same_work_targets([pair, slip]) == {slip.key: pair.key}
    # an umlaut written out: the other mention of that year
    umlaut = mention("author-year:mueller-2019", ("Mueller",), 2019)
    written = mention("author-year:muller-2019", ("Müller",), 2019)
    assert same_work_targets([written, umlaut]) == {written.key: umlaut.key}


def test_names_a_letter_apart_alone_or_in_two_places_stay_apart() -> None:
    # one name alone a letter apart may be another person
    okafor = PaperEntry(
        key="doi:10.5555/ok.2015", kind="doi", status="offline", authors=("Okafor",), year=2015
    )
    assert not same_work_targets([okafor, mention("author-year:okafro-2015", ("Okafro",), 2015)])
    # two mistyped names, or two spellings neither of which has the umlaut
    pair = PaperEntry(
        key="doi:10.5555/tl.2007.4",
        kind="doi",
        status="offline",
        authors=("Lindqvist", "Mossberg"),
        year=2007,
    )
    two = mention("author-year:lindquist-mosberg-2007", ("Lindquist", "Mosberg"), 2007)
    assert not same_work_targets([pair, two])
    assert not same_work_targets(
        [
            mention("author-year:muller-2019", ("Muller",), 2019),
            mention("author-year:mueller-2019", ("Mueller",), 2019),
        ]
    )


def test_an_ads_record_is_the_identified_work_of_its_year_volume_page_and_initial() -> None:
    ads = PaperEntry(
        key="url:https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71O",
        kind="url",
        status="offline",
        authors=("Okafor",),
        year=2008,
    )
    eprint = PaperEntry(
        key="arxiv:0806.9042",
        kind="arxiv",
        status="offline",
        title_hint="Tide Stacks of Axisymmetric Galaxies",
        authors=("Okafor, Jide",),
        year=2008,
        venue="MNRAS",
    )
    said = mention("author-year:okafor-2008", ("Okafor",), 2008)
    located = {eprint.key: ("390", "71-86")}
    assert same_work_targets([ads, eprint, said], located) == {
        ads.key: eprint.key,
        said.key: eprint.key,
    }
    # an article number the bibcode keeps the end of
    article = replace(
        ads, key="url:https://ui.adsabs.harvard.edu/abs/2026MNRAS.549ag420O", year=2026
    )
    assert same_work_targets(
        [article, replace(eprint, year=2026)], {eprint.key: ("549", "stag420")}
    ) == {article.key: eprint.key}
    # without the volume and page, or with another page, a year or an initial: two papers
    assert ads.key not in same_work_targets([ads, eprint, said])
    assert not same_work_targets([ads, eprint], {eprint.key: ("390", "171-186")})
    assert not same_work_targets([ads, replace(eprint, year=2009)], located)
    assert not same_work_targets([ads, replace(eprint, authors=("Lind, Ada",))], located)


def test_a_scan_gives_one_card_for_an_ads_link_and_the_bibtex_entry_of_its_paper(
    tmp_path: Path,
) -> None:
    (tmp_path / "README.rst").write_text(
        "Tides\n=====\n\nThe method is described in\n"
        "`Okafor (2008) <https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71O>`_.\n\n"
        ".. code-block:: bibtex\n\n"
        "    @ARTICLE{Okafor2008,\n"
        "        author = {Okafor, Jide},\n"
        '        title = "{Tide stacks of axisymmetric galaxies via anisotropic models}",\n'
        "        journal = {MNRAS},\n"
        "        eprint = {0806.9042},\n"
        "        year = 2008,\n"
        "        volume = 390,\n"
        "        pages = {71-86},\n"
        "    }\n"
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [p.key for p in report.papers] == ["arxiv:0806.9042"]


def test_a_link_to_a_book_online_joins_the_books_isbn() -> None:
    isbn = book("isbn:9780000000002", "Combinatorial Tides for Computers and Calculators", 1978)
    pdf = paper(
        "url:https://math.example.edu/~press/CombinatorialTides.pdf",
        title="Combinatorial Tides for Computers and Calculators",
        year=None,
        author="",
    )
    pdf = replace(pdf, authors=())
    assert same_work_targets([isbn, pdf]) == {pdf.key: isbn.key}
    # two ISBNs of the title (two volumes, two bindings), or another first author: apart
    other = replace(isbn, key="isbn:9780000000019")
    assert not same_work_targets([isbn, other, pdf])
    assert not same_work_targets([isbn, replace(pdf, authors=("K. Lind",))])


def test_a_key_one_repository_joined_is_that_card_in_another() -> None:
    # `jam` joined its ADS link to its BibTeX entry's arXiv card (volume and page); `fit`
    # cites the ADS link alone: across repositories, one card
    ads = "https://ui.adsabs.harvard.edu/abs/2008MNRAS.390...71O"
    joined = PaperEntry(
        key="arxiv:0806.9042",
        kind="arxiv",
        status="offline",
        authors=("Okafor, Jide",),
        year=2008,
        ids={"arxiv": "0806.9042", "url": ads},
    )
    alone = PaperEntry(
        key=f"url:{ads}", kind="url", status="offline", authors=("Okafor",), year=2008
    )
    reports = [
        Report(root="", repository="jam", papers=(joined,)),
        Report(root="", repository="fit", papers=(alone,)),
    ]
    assert [p.key for p in merge_reports(reports).papers] == ["arxiv:0806.9042"]


def test_of_two_spellings_of_a_mention_the_card_is_the_one_more_citations_write() -> None:
    # five `Okafor, Lind and Moss (1995)` and one `Okafro, Lind and Moss (1995)`: one card,
    # keyed by the spelling most citations write, whichever is met first
    right = mention("author-year:okafor-lind-moss-1995", ("Okafor", "Lind", "Moss"), 1995)
    slip = mention("author-year:okafro-lind-moss-1995", ("Okafro", "Lind", "Moss"), 1995)
    cited = {right.key: 5, slip.key: 1}
    assert same_work_targets([slip, right], cited=cited) == {slip.key: right.key}
    assert same_work_targets([right, slip], cited=cited) == {slip.key: right.key}
    # between equals, the one met first is the card
    assert same_work_targets([right, slip]) == {right.key: slip.key}


def test_a_scan_keys_a_misspelt_mentions_card_by_the_spelling_most_citations_write(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.py").write_text(
        'def one():\n    """Okafro, Lind and Moss (1995), the tide profile."""\n'
    )
    (tmp_path / "a.py").write_text(
        "".join(
            f'def f{n}():\n    """Based on Okafor, Lind and Moss (1995)."""\n\n\n' for n in range(3)
        )
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [p.key for p in report.papers] == ["author-year:okafor-lind-moss-1995"]


def test_a_sici_dois_card_is_of_its_issues_year_and_joins_its_title_of_that_year(
    tmp_path: Path,
) -> None:
    # one module writes a later year beside the DOI, another the title with the issue's year
    (tmp_path / "a.py").write_text(
        'def stack():\n    """References\n    ----------\n'
        "    Okafor, J. (2001). Tidal Stacking and Selection Algorithms. Tide Practice and\n"
        "    Experience. https://doi.org/10.5555/(SICI)1097-0000(199708)27:8<983::AID-TS117>3.0.CO;2-X\n"
        '    """\n'
    )
    (tmp_path / "b.py").write_text(
        'def deep():\n    """Okafor (1997). Tidal stacking and selection algorithms,\n'
        '    Tide Practice and Experience, 27(8), 983-993.\n    """\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [(p.key[:21], p.year) for p in report.papers] == [("doi:10.5555/(sici)109", 1997)]


def test_a_title_joins_the_one_link_its_first_author_and_year_name_by_its_short_name() -> None:
    # `[TSFM](arXiv link)` in a README, `Okafor et al. (2021)` beside it, and the whole title
    # in a module: its acronym or its main title names the same work
    acronym = paper("arxiv:2103.00001", title="TSFM", year=2021)
    whole = paper("title:t", title="Tide-Stack Feature Matching for Unsupervised Gauges", year=2021)
    assert same_work_targets([acronym, whole]) == {whole.key: acronym.key}
    head = paper("arxiv:2201.00002", title="Reverse Stacking", year=2022)
    subtitled = paper("title:r", title="Reverse Stacking: A New Strategy for Tides", year=2022)
    assert same_work_targets([head, subtitled]) == {subtitled.key: head.key}
    # another year, another first author, or two links of that short name: apart
    assert not same_work_targets([replace(acronym, year=2020), whole])
    assert not same_work_targets([replace(acronym, authors=("A. Lind",)), whole])
    twice = replace(acronym, key="arxiv:2103.00003")
    assert not same_work_targets([acronym, twice, whole])
    # initials that do not open the title are no acronym of it
    assert not same_work_targets([replace(acronym, title_hint="FMTS"), whole])
    # a main title that two titles share, or whose subtitle names a part, names a series
    series = paper("doi:10.5555/tn.2001.2", title="Tidal Networks", year=2001)
    one = paper("title:one", title="Tidal Networks: Building the Gauges", year=2001)
    two = paper("title:two", title="Tidal Networks: Weighted Paths", year=2001)
    assert same_work_targets([series, one]) == {one.key: series.key}
    assert not same_work_targets([series, one, two])
    part = paper("title:part", title="Tidal Networks: II. Weighted Paths", year=2001)
    assert not same_work_targets([series, part])


def test_mentions_written_with_two_letters_after_one_year_are_two_works() -> None:
    # `Okafor2012a` and `Okafor2012b`; Better BibTeX's `okaforTideStacks2021` and
    # `okaforTideStacks2021a`: two of a surname's works of a year, two cards
    first = mention("author-year:okafor-2012a", ("Okafor",), 2012)
    second = mention("author-year:okafor-2012b", ("Okafor",), 2012)
    assert not same_work_targets([first, second], cited={first.key: 1, second.key: 3})
    plain = mention("author-year:okafor-2021", ("Okafor",), 2021)
    lettered = mention("author-year:okafor-2021a", ("Okafor",), 2021)
    assert not same_work_targets([plain, lettered], cited={plain.key: 8, lettered.key: 4})
    # a mention of fewer authors joins no mention written with another letter either
    pair = mention("author-year:okafor-lind-2021a", ("Okafor", "Lind"), 2021)
    assert not same_work_targets([plain, pair])
    assert same_work_targets([plain, replace(pair, key="author-year:okafor-lind-2021")])
    # which of the two a titled work of that author and year is, nothing tells: neither,
    # unless its own citations write one of the letters (`Okafor 2012b <ADS link>`)
    titled = paper("title:t", author="Okafor, J.", year=2012)
    assert not same_work_targets([titled, first, second])
    assert same_work_targets([titled, first]) == {first.key: titled.key}
    written = {titled.key: frozenset("b")}
    assert same_work_targets([titled, first, second], lettered=written) == {second.key: titled.key}
    # a mention without a letter is the work's (a bibliography key `Okafor2012b` labels it),
    # unless the mentions carry two letters
    plain_2012 = mention("author-year:okafor-2012", ("Okafor",), 2012)
    assert same_work_targets([titled, plain_2012], lettered=written) == {plain_2012.key: titled.key}
    assert plain_2012.key not in same_work_targets([titled, plain_2012, second], lettered=written)


def test_a_scan_joins_a_lettered_mention_to_the_link_written_with_its_letter(
    tmp_path: Path,
) -> None:
    # `Okafor 2020b <link>` in a table, `Okafor 2020b` and `Okafor 2020` in two functions
    (tmp_path / "halo.py").write_text(
        '"""Models.\n\n'
        "okafor20   `Okafor 2020b <https://ui.adsabs.harvard.edu/abs/2020arXiv200700001O>`__\n"
        '"""\n\n\n'
        'def mass():\n    """The mass function model of Okafor 2020b."""\n\n\n'
        'def radius():\n    """The radius for the Okafor 2020 model."""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    cards = {c.raw.split(" <")[0]: c.paper for c in report.citations}
    assert cards["Okafor 2020b"].startswith("url:")
    assert cards["Okafor 2020"] == "author-year:okafor-2020"
    # and so in `citegraph index`, which joins the repositories' cards again
    merged = merge_reports([replace(report, repository="halo")])
    assert sorted(p.key[:12] for p in merged.papers) == ["author-year:", "url:https://"]


def test_a_scan_gives_two_cards_for_two_bibliography_keys_of_one_surname_and_year(
    tmp_path: Path,
) -> None:
    (tmp_path / "fuel.py").write_text(
        'def burn():\n    """Fuel flow.\n\n    :cite:`okaforTideStacks2021`\n'
        '    :cite:`okaforTideStacks2021a`\n    """\n\n\n'
        'def drag():\n    """Eq. (3) of :cite:`okaforTideStacks2021`."""\n\n\n'
        'def lift():\n    """Eq. (13) of :cite:`okaforTideStacks2021a`."""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert sorted(p.key for p in report.papers) == [
        "author-year:okafor-2021",
        "author-year:okafor-2021a",
    ]


def test_an_identifier_one_place_gives_beside_a_cards_own_joins_that_card() -> None:
    eprint = paper("arxiv:2101.00001", year=2021)
    doi = replace(paper("doi:10.5555/ts.2021.1", title=None, year=2021), authors=())
    folded = {eprint.key: frozenset({doi.key})}
    # the journal's card, as for a preprint and its DOI of one title
    assert same_work_targets([eprint, doi], folded=folded) == {eprint.key: doi.key}
    # an identifier two cards' places give names neither
    other = paper("arxiv:2101.00002", title="Deep Tide Gauges", year=2021)
    both = {**folded, other.key: frozenset({doi.key})}
    assert not same_work_targets([eprint, doi, other], folded=both)


def test_a_scan_gives_one_card_for_an_entrys_arxiv_id_and_its_doi_cited_alone(
    tmp_path: Path,
) -> None:
    (tmp_path / "README.md").write_text(
        "# Tides\n\nPlease cite:\n\n"
        "Okafor, J. (2021). Residual Learning of Deep Tide Stacks. Tide Letters 4, 1-9.\n"
        "arXiv:2101.00001, doi:10.5555/ts.2021.1\n"
    )
    (tmp_path / "stack.py").write_text(
        'def stack():\n    """As in https://doi.org/10.5555/ts.2021.1"""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert [p.key for p in report.papers] == ["doi:10.5555/ts.2021.1"]
    assert report.papers[0].ids["arxiv"] == "2101.00001"


def test_a_scan_keeps_apart_two_links_of_a_year_a_place_joins_by_name(tmp_path: Path) -> None:
    # two of a first author's papers of 2021, each linked by name and year in one file: the
    # place joins the two links (`scanner.places.namedlinks`), which says nothing of the DOI
    (tmp_path / "PAPERS.rst").write_text(
        "Papers\n======\n\nCore papers\n-----------\n\n"
        "* tidestack II: A tide gauge software ecosystem; `Okafor et al. 2021 "
        "<https://joss.theoj.org/papers/10.5555/ts.2021.1>`_\n"
        "    *Please cite this paper whenever you use tidestack.*\n\n"
        "* Tide gauges in a curved basis; `Okafor 2021 <https://arxiv.org/abs/2104.00002>`_\n"
        "    *Gauge formalism with curved basis formalism.*\n\n"
        "Science papers\n--------------\n\n"
        "* Tide heights from stacked supernovae `Okafor, Lind, Moss 2021 "
        "<https://arxiv.org/abs/2107.00001>`_\n"
        "    *Methodology to use stacked gauges.*\n"
    )
    (tmp_path / "stack.py").write_text(
        'def stack():\n    """As in https://doi.org/10.5555/ts.2021.1"""\n'
    )
    report = run_scan(tmp_path, Config(resolve=False))
    assert sorted(p.key for p in report.papers) == ["arxiv:2104.00002", "doi:10.5555/ts.2021.1"]
