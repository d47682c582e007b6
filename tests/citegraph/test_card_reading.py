"""A card shows one reading of its work: the fullest, between equals the one most citations
support, not whichever citation happened to come first."""

from __future__ import annotations

from catalog import PaperRef, Reference, RefKind
from citegraph.assemble import Site, card_reading, paper_entry
from scanner import Context, Mention, Symbol, SymbolKind

DOI = PaperRef(RefKind.DOI, "10.5555/tides.1962")


def cited(ref: PaperRef, path: str, kind: RefKind, rule: str, raw: str, **fields: object) -> Site:
    """A citation of `ref` in `path`, written `raw`, whose entry gives `fields`."""
    mention = Mention(
        kind=kind,
        rule=rule,
        reference=Reference(ref, **fields),  # type: ignore[arg-type]
        raw=raw,
        line=1,
        column=1,
        end_line=1,
        end_column=20,
        context=Context.DOC,
        symbol=Symbol(path, SymbolKind.FILE),
    )
    return Site(path, "markdown", mention)


def site(path: str, raw: str = "", **fields: object) -> Site:
    """A citation of the DOI, or with `raw` an author-year citation joined to its card."""
    if raw:
        return cited(DOI, path, RefKind.AUTHOR_YEAR, "CG106", raw, **fields)
    return cited(DOI, path, RefKind.DOI, "CG102", "doi:10.5555/tides.1962", **fields)


def link_site(ref: PaperRef, path: str, **fields: object) -> Site:
    """A citation of the link `ref` whose entry gives `fields`."""
    return cited(ref, path, RefKind.URL, "CG103", ref.value, **fields)


RIGHT = {"title": "On Tidal Stacks", "authors": ("Okafor, J.",), "year": 1962, "venue": "Tides"}
# an entry whose fields the list item above it lent
LENT = {"title": "Letters on Basins", "authors": ("Lind, K.",), "year": 1968, "venue": "Basins"}


def test_the_reading_most_citations_give_wins_over_the_first() -> None:
    sites = [site("README.md", **LENT), site("a.md", **RIGHT), site("b.md", **RIGHT)]
    entry = paper_entry(DOI.key, sites, None)
    assert (entry.title_hint, entry.authors, entry.year, entry.venue) == (
        "On Tidal Stacks",
        ("Okafor, J.",),
        1962,
        "Tides",
    )


def test_a_fuller_reading_wins_over_a_more_frequent_poorer_one() -> None:
    poor = {"authors": ("Okafor",), "year": 1962}
    sites = [site("a.md", **poor), site("b.md", **poor), site("c.md", **RIGHT)]
    assert card_reading(sites) == sites[2].mention.reference


def test_an_et_al_mention_supports_the_entry_whose_authors_begin_with_its_own() -> None:
    et_al = {"title": "On Tidal Stacks", "authors": ("Okafor",), "year": 1962}
    full = {"title": "On Tidal Stacks", "authors": ("Okafor, J.", "Lind, K."), "year": 1962}
    sites = [site("a.md", **et_al), site("b.md", **et_al), site("c.md", **full)]
    assert card_reading(sites) == sites[2].mention.reference
    # not an entry of another title or year
    other = {"title": "Deep Basins", "authors": ("Okafor, J.", "Lind, K."), "year": 1962}
    sites = [site("a.md", **et_al), site("b.md", **et_al), site("c.md", **other)]
    assert card_reading(sites) == sites[0].mention.reference


def test_a_card_whose_citations_read_nothing_has_no_reading() -> None:
    assert card_reading([site("a.md", title="On Tidal Stacks")]) is None
    assert paper_entry(DOI.key, [site("a.md", title="On Tidal Stacks")], None).title_hint == (
        "On Tidal Stacks"
    )


def test_a_bibliography_key_cited_alone_is_read_after_its_entry() -> None:
    # "Okafor1962" read as Okafor 1962 in many functions; its entry read no authors
    entry = site("a.py", title="On Tidal Stacks", year=1962)
    keys = [site("a.py", raw="Okafor1962", authors=("Okafor",), year=1962) for _ in range(3)]
    assert card_reading([*keys, entry]) == entry.mention.reference
    # a mention written in words is a reading like any other
    said = site("b.py", raw="Okafor (1962)", authors=("Okafor",), year=1962)
    assert card_reading([said, said, said, entry]) == said.mention.reference


def test_an_ads_cards_reading_is_the_one_its_bibcodes_year_and_initial_name() -> None:
    # three entries of a list link one bibcode (a copied link); the record is Okafor's of 1962
    ads = PaperRef(RefKind.URL, "https://ui.adsabs.harvard.edu/abs/1962TdAlm...5...87O")
    sites = [
        link_site(ads, "a.py", **LENT),
        link_site(ads, "b.py", title="On Basins Again", authors=("Moss, A.",), year=1962),
        link_site(ads, "c.py", authors=("Okafor",), year=1962),
    ]
    entry = paper_entry(ads.key, sites, None)
    assert (entry.authors, entry.year) == (("Okafor",), 1962)


def test_an_ads_card_shows_no_reading_of_another_year_and_first_author() -> None:
    ads = PaperRef(RefKind.URL, "https://ui.adsabs.harvard.edu/abs/2019TdAlm.482.3249Z")
    entry = paper_entry(ads.key, [link_site(ads, "a.py", authors=("Lind",), year=2001)], None)
    assert (entry.authors, entry.year) == ((), 2019)


def test_a_year_written_a_preprints_year_before_the_bibcodes_stands() -> None:
    # `Okafor et al. (2018)` over the ADS record of the journal article of 2019: the e-print's
    # year the code wrote stands; two years apart, the bibcode's year is the card's
    ads = PaperRef(RefKind.URL, "https://ui.adsabs.harvard.edu/abs/2019TdAlm.483.5649O")

    def card_year(written: int) -> int | None:
        cited = link_site(ads, "a.py", authors=("Okafor",), year=written)
        return paper_entry(ads.key, [cited], None).year

    assert card_year(2018) == 2018
    assert card_year(2017) == 2019
