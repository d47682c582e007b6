"""Title normalization, scoring, mismatch detection and title-only matching."""

from __future__ import annotations

import pytest
from fake_services import FakeServices, Fault

from catalog.keys import named_ref, normalize_title
from catalog.titles import score, title_mismatch
from catalog.types import Paper, PaperRef, Reference, RefKind
from catalog.types import ResolutionStatus as Status

ADAM = Paper(
    key="arxiv:1412.6980",
    title="Adam: A Method for Stochastic Optimization",
    authors=("Diederik P. Kingma", "Jimmy Ba"),
    year=2014,
    ids={"arxiv": "1412.6980"},
    source="test",
)
ADAM_LATER = Paper(
    key="arxiv:1711.00001",
    title="A Later Method by the Same Authors",
    authors=("Diederik P. Kingma", "Jimmy Ba"),
    year=2017,
    ids={"arxiv": "1711.00001"},
    source="test",
)


def test_normalize_title() -> None:
    assert normalize_title(r"{BERT}: Pre-training of \emph{Deep} Transformers") == (
        "bert pre training of deep transformers"
    )
    assert normalize_title("Über  Gödel’s   Theorem") == "uber godels theorem"
    assert normalize_title("Gödel's theorem") == "godels theorem"


@pytest.mark.parametrize(
    ("hint", "title", "mismatch"),
    [
        ("Attention is all you need", "Attention Is All You Need", False),
        ("Deep Residual Learning", "Deep Residual Learning for Image Recognition", False),
        (
            "Batch normalisation: accelerating deep network training",
            "Batch Normalization: Accelerating Deep Network Training by Reducing Internal "
            "Covariate Shift",
            False,
        ),
        (
            "Adam: a method for stochastic optimization",
            "Deep Residual Learning for Image Recognition",
            True,
        ),
        (
            "BERT: Pre-training of Deep Bidirectional Transformers",
            "Language Models are Few-Shot Learners",
            True,
        ),
        ("the paper", "Language Models are Few-Shot Learners", False),  # too short to judge
    ],
)
def test_title_mismatch(hint: str, title: str, mismatch: bool) -> None:
    result = title_mismatch(hint, title)
    assert (result is not None) is mismatch
    if result is not None:
        assert 0 <= result < 0.5


def cited(title: str | None, authors: tuple[str, ...] = (), year: int | None = None) -> Reference:
    """A reference as the scanner makes it for a work named without an identifier."""
    return Reference(named_ref(title, authors, year, ""), title, authors, year)


def test_score_uses_year_and_authors() -> None:
    exact = cited(ADAM.title, ("Kingma",), 2014)
    assert score(exact, ADAM) == 1.0
    wrong_year = cited(ADAM.title, (), 2019)
    assert score(wrong_year, ADAM) < 0.9
    wrong_authors = cited(ADAM.title, ("Hinton",), 2014)
    assert score(wrong_authors, ADAM) < 0.9
    typo = cited("Adam: a method for stochastic optimisation")
    assert 0.9 < score(typo, ADAM) < 1.0


def test_a_short_title_by_other_authors_or_of_another_year_is_another_work() -> None:
    burden = Paper(key="doi:10.5555/na", title="Numerical Tides", authors=("R. Burden",), year=2010)
    assert score(cited("Numerical Tides", ("T. Sauer",), 2011), burden) < 0.85
    assert score(cited("Numerical Tides", (), 2013), burden) < 0.85
    assert score(cited("Numerical Tides", ("Burden",), 2011), burden) >= 0.85
    # a long title keeps its one-step penalty: a misread author does not hide it
    long = Paper(key="doi:10.5555/l", title=ADAM.title, authors=("D. Kingma",), year=2014)
    assert score(cited(ADAM.title, ("Hinton",), 2014), long) >= 0.85


def test_another_part_of_a_series_is_another_paper() -> None:
    def paper(title: str, year: int) -> Paper:
        return Paper(key=f"doi:10.5555/{year}", title=title, authors=("Jo Okafor",), year=year)

    part_one = paper("Tidal Stacks of Deep Basins", 2015)
    part_two = paper("Tidal Stacks of Deep Basins, Part II: Shelves", 2016)
    second = cited("Tidal Stacks of Deep Basins, Part II", ("J. Okafor",), 2016)
    assert score(second, part_one) < 0.85
    assert score(second, paper("Tidal stacks of deep basins. Part I", 2015)) < 0.85
    assert score(second, part_two) >= 0.85
    assert (
        score(
            cited("X-ray tidal stacks of deep basins"),
            paper("X ray tidal stacks of deep basins", 2015),
        )
        == 1.0
    )


def test_local_title_match(make_catalog, services: FakeServices) -> None:
    catalog = make_catalog(offline=True)
    catalog.store.save(ADAM)
    catalog.store.save(ADAM_LATER)
    queries = [
        cited("ADAM - a method for stochastic optimisation", year=2014),
        cited(None, ("Kingma", "Ba"), 2014),
        cited(None, ("Kingma", "Ba"), None),  # two papers qualify: no guess
        cited("A Method for Something Else Entirely"),
    ]
    found = dict(zip(["t1", "t2", "t3", "t4"], catalog.resolve(queries).values(), strict=True))
    assert found["t1"].status is Status.CACHED and found["t1"].paper.key == ADAM.key
    assert found["t1"].confidence >= 0.85
    assert found["t2"].paper.key == ADAM.key
    assert found["t3"].status is Status.UNRESOLVED_TITLE and found["t3"].paper is None
    assert found["t4"].status is Status.UNRESOLVED_TITLE
    assert found["t4"].message.startswith("A Method for Something Else Entirely")
    assert not services.log


RADAM = Paper(
    key="arxiv:1908.03265",
    title="On the Variance of the Adaptive Learning Rate and Beyond",
    authors=("Liyuan Liu", "Haoming Jiang", "Pengcheng He", "Jianfeng Gao"),
    year=2019,
    ids={"arxiv": "1908.03265"},
    source="test",
)


def test_author_year_matches_only_the_first_author_that_year(make_catalog) -> None:
    """A catalog of many papers holds one with a Gao or a Liu for almost any year: "Gao et al
    2019" and "Liu et al. 2020" in a thermal-comfort module are not a 2019 paper whose fourth
    author is a Gao, or whose first is a Liu a year earlier."""
    catalog = make_catalog(offline=True)
    catalog.store.save(RADAM)
    queries = [
        cited(None, ("Gao",), 2019),
        cited(None, ("Liu",), 2020),
        cited(None, ("Liu", "Jiang"), 2019),
        cited(None, ("Liu",), 2019),
        # the year of the proceedings, a year after the preprint: every name agrees
        cited(None, ("Liu", "Jiang"), 2020),
        cited(None, ("Liu", "Chen"), 2020),
    ]
    found = list(catalog.resolve(queries).values())
    assert [r.paper.key if r.paper else None for r in found] == [
        None,
        None,
        RADAM.key,
        RADAM.key,
        RADAM.key,
        None,
    ]


def test_online_title_match_is_cached(make_catalog, services: FakeServices) -> None:
    query = cited("Deep learning", ("Yann LeCun",), 2015)
    first = make_catalog().resolve([query])[query.key]
    assert first.status is Status.RESOLVED and first.paper.ids["doi"] == "10.1038/nature14539"
    assert first.confidence >= 0.85
    before = len(services.log)
    second = make_catalog().resolve([query])[query.key]
    assert second.status is Status.CACHED and second.paper == first.paper
    assert len(services.log) == before


def test_online_title_miss_stays_unresolved(make_catalog, services: FakeServices, warnings) -> None:
    services.fail(Fault("/s2", status=500, times=3))
    query = cited("A Study That Nobody Has Written Yet About Anything")
    result = make_catalog().resolve([query])[query.key]
    assert result.status is Status.UNRESOLVED_TITLE and result.paper is None
    assert any("semanticscholar: HTTP 500" in w for w in warnings)
    assert services.count("/crossref") == 1 and services.count("/openalex") == 1


def test_fts_queries_skip_misspelled_and_common_words() -> None:
    from catalog.titles import COMMON, fts_queries

    query = cited("Deep residaul learning for image recognition")
    counts = {"deep": COMMON + 1, "residaul": 0, "learning": 40, "image": 30, "recognition": 20}
    queries = fts_queries(query, counts)
    assert queries[0] == 'title : ("recognition" AND "learning" AND "image")'
    assert all("residaul" not in q and '"deep"' not in q for q in queries)
    assert queries[-1] == 'title : ("recognition" OR "image" OR "learning")'
    assert fts_queries(query) == [
        'title : ("recognition" AND "residaul" AND "learning" AND "image" AND "deep")'
    ]
    assert fts_queries(cited(None, ("Kingma, D.", "J. Ba"), 2014)) == [
        'authors : ("kingma" AND "ba")'
    ]


def test_one_entry_point_resolves_identifiers_before_titles(
    make_catalog, services: FakeServices
) -> None:
    """A title cited beside the identifier of the same paper matches the paper the identifier
    brought, without a title search."""
    title = cited("Adam: A Method for Stochastic Optimization")
    arxiv = Reference(PaperRef(RefKind.ARXIV, "1412.6980"))
    found = make_catalog().resolve([title, arxiv])
    assert list(found) == [title.key, arxiv.key]
    assert found[arxiv.key].status is Status.RESOLVED
    assert found[title.key].status is Status.CACHED
    assert found[title.key].paper == found[arxiv.key].paper
    assert services.count("/s2/graph/v1/paper/search") == 0
