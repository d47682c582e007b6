"""The extraction step: overlaps between extractors, merging with title citations, placing
hits in the file."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

import scanner.extract as extract
from catalog.types import RefKind
from scanner.extract import find_hits, find_mentions
from scanner.types import Context, EntryFields, Hit, Symbol, SymbolKind, TextBlock

SYMBOL = Symbol("pkg.mod.Solver.step", SymbolKind.METHOD, 12)


def block(text: str, line: int = 10, column: int = 4) -> TextBlock:
    return TextBlock(text, Context.COMMENT, line, column, SYMBOL)


@pytest.fixture(autouse=True)
def titles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Hit]]:
    """Title citations that `find_citations` will report (none unless a test adds some), so
    these tests pin the merge rules whatever the title detector finds; the hit cache is
    emptied around each test."""
    entries: list[Hit] = []
    monkeypatch.setattr(extract, "find_citations", lambda text: list(entries))
    find_hits.cache_clear()
    yield entries
    find_hits.cache_clear()


def test_doi_url_is_one_hit_not_a_url_and_a_doi() -> None:
    hits = find_hits("see https://doi.org/10.1145/3360572 here")
    assert [(h.rule, h.ref.key if h.ref else None) for h in hits] == [
        ("CG102", "doi:10.1145/3360572")
    ]
    assert (hits[0].start, hits[0].end) == (4, 35)


def test_arxiv_doi_is_reported_as_arxiv() -> None:
    (hit,) = find_hits("https://doi.org/10.48550/arXiv.2202.01037")
    assert (hit.rule, hit.kind, hit.ref.key if hit.ref else None) == (
        "CG101",
        RefKind.ARXIV,
        "arxiv:2202.01037",
    )


def test_paper_url_extractor_does_not_repeat_an_arxiv_url() -> None:
    hits = find_hits("https://arxiv.org/abs/1706.03762 and https://openreview.net/forum?id=Hk")
    assert [h.rule for h in hits] == ["CG101", "CG103"]


def test_hits_are_sorted_and_never_overlap() -> None:
    text = "ISBN 0-262-03384-4; doi:10.1109/5.771073, arXiv:1412.6980 and hep-th/9901001."
    hits = find_hits(text)
    assert [h.rule for h in hits] == ["CG104", "CG102", "CG101", "CG101"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


def test_identifier_inside_a_reference_entry_takes_its_fields(titles: list[Hit]) -> None:
    text = 'K. He et al., "Deep Residual Learning", CVPR 2016. arXiv:1512.03385'
    reference = EntryFields(("K. He",), "Deep Residual Learning", "CVPR", 2016)
    titles.append(Hit(0, len(text), RefKind.TITLE, "CG105", reference=reference))
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:1512.03385"
    assert hit.reference == reference and hit.title_hint == "Deep Residual Learning"


def test_identifier_right_after_an_entry_is_the_entrys(titles: list[Hit]) -> None:
    text = 'Welford, "Note on a method for calculating corrected sums", 1962. doi:10.2307/1266577'
    titles.append(Hit(0, 64, RefKind.TITLE, "CG105", title_hint="Note on a method"))
    (hit,) = find_hits(text)
    assert (hit.rule, hit.start, hit.end) == ("CG102", 0, len(text))
    # The quoted title, read whole, completes the entry's shorter reading of it.
    assert hit.title_hint == "Note on a method for calculating corrected sums"


def test_title_entry_followed_by_prose_keeps_its_own_reference(titles: list[Hit]) -> None:
    text = 'Welford, "Note on a method", 1962. Our variant then uses doi:10.2307/1266577'
    titles.append(Hit(0, 34, RefKind.TITLE, "CG105", title_hint="Note on a method"))
    assert [h.rule for h in find_hits(text)] == ["CG105", "CG102"]


def test_title_citation_naming_an_identifiers_title_merges_into_it(titles: list[Hit]) -> None:
    text = 'As shown in "Adam: A Method for Stochastic Optimization" (arXiv:1412.6980).'
    reference = EntryFields(title="Adam: A Method for Stochastic Optimization")
    titles.append(Hit(12, 57, RefKind.TITLE, "CG105", reference=reference))
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "arxiv:1412.6980"
    assert hit.reference == reference


def test_entry_whose_title_is_its_identifiers_hint_starts_the_reference(
    titles: list[Hit],
) -> None:
    # The DOI's hint is the quoted title lines above it: the reference is the whole entry,
    # from its first line, not the DOI's line alone.
    text = (
        ".. [1] Pattabiraman, B., et al.\n"
        '   "Fast algorithms for the maximum clique problem\n'
        '   on massive graphs."\n'
        "   *Internet Mathematics* 11 (2015): 421-448.\n"
        "   <https://doi.org/10.1080/15427951.2014.986778>"
    )
    title = "Fast algorithms for the maximum clique problem on massive graphs"
    reference = EntryFields(("Pattabiraman, B.",), title, "Internet Mathematics", 2015)
    end = text.index("<https")
    titles.append(Hit(7, end, RefKind.TITLE, "CG105", title_hint=title, reference=reference))
    (hit,) = find_hits(text)
    assert hit.ref is not None and hit.ref.key == "doi:10.1080/15427951.2014.986778"
    assert (hit.start, hit.reference) == (3, reference)


def test_title_citation_of_another_paper_stays_separate(titles: list[Hit]) -> None:
    text = '"Layer Normalization" came first. We follow arXiv:1412.6980 here.'
    titles.append(Hit(0, 21, RefKind.TITLE, "CG105", title_hint="Layer Normalization"))
    hits = find_hits(text)
    assert [h.rule for h in hits] == ["CG105", "CG101"]
    assert hits[1].title_hint is None and hits[1].reference is None


def test_title_citation_straddling_an_identifier_is_dropped(titles: list[Hit]) -> None:
    text = "arXiv:1412.6980 Kingma and Ba (2015)"
    titles.append(Hit(10, len(text), RefKind.AUTHOR_YEAR, "CG106"))
    assert [h.rule for h in find_hits(text)] == ["CG101"]


def test_mention_positions_are_file_lines_and_one_based_columns() -> None:
    (mention,) = find_mentions(block("see arXiv:1706.03762 now"))
    assert (mention.line, mention.column, mention.end_line, mention.end_column) == (10, 9, 10, 25)
    assert mention.raw == "arXiv:1706.03762"
    assert (mention.symbol, mention.context) == (SYMBOL, Context.COMMENT)


def test_mention_on_a_later_line_counts_columns_from_the_line_start() -> None:
    text = "Proof in\n   https://arxiv.org/abs/\n   1908.03265v2 (section 3)."
    (mention,) = find_mentions(block(text, line=3, column=8))
    assert (mention.line, mention.column, mention.end_line, mention.end_column) == (4, 4, 5, 16)
    assert mention.raw == "https://arxiv.org/abs/\n   1908.03265v2"
    assert mention.ref is not None and mention.ref.version == "v2"


def test_malformed_identifier_becomes_a_mention_with_its_problem() -> None:
    (mention,) = find_mentions(block("arXiv:2113.01234"))
    assert mention.ref is None and mention.problem == "month 13 does not exist"


def test_block_without_references_yields_nothing() -> None:
    assert find_mentions(block("Compute the step size; see the notes in solver.py.")) == []


def test_malformed_id_in_a_string_literal_is_data_not_a_mention() -> None:
    text = "arXiv:2113.01234"
    string_block = TextBlock(text, Context.STRING, 1, 0, SYMBOL)
    assert find_mentions(string_block) == []
    (mention,) = find_mentions(TextBlock("arXiv:1706.03762", Context.STRING, 1, 0, SYMBOL))
    assert mention.ref is not None


def test_numpy_reference_entry_gives_the_title_hint() -> None:
    text = (
        "References\n----------\n"
        '.. [1] D. P. Kingma and J. Ba, "Adam: A Method for Stochastic\n'
        '       Optimization", ICLR 2015. https://arxiv.org/abs/1412.6980\n'
    )
    (hit,) = find_hits(text)
    assert hit.title_hint == "Adam: A Method for Stochastic Optimization"


def test_every_mention_names_a_reference_with_its_key_and_fields(titles: list[Hit]) -> None:
    # Three works: `and` keeps the author-year apart from the identifier after it.
    text = "Gödel's Theorem, 1931. (Kingma and Ba, 2015) and arXiv:1412.6980"
    titles.append(
        Hit(0, 21, RefKind.TITLE, "CG105", None, 0.9, "Gödel's Theorem", EntryFields(year=1931))
    )
    titles.append(
        Hit(
            24, 44, RefKind.AUTHOR_YEAR, "CG106", reference=EntryFields(("Kingma", "Ba"), year=2015)
        )
    )
    title, author_year, arxiv = find_mentions(block(text))
    assert title.reference is not None and title.reference.key == "title:godels theorem"
    assert (title.reference.title, title.reference.year, title.ref) == (
        "Gödel's Theorem",
        1931,
        None,
    )
    assert author_year.reference is not None
    assert author_year.reference.key == "author-year:kingma-ba-2015"
    assert author_year.reference.authors == ("Kingma", "Ba") and author_year.ref is None
    assert arxiv.reference is not None and arxiv.reference.identifier == arxiv.ref
    assert arxiv.reference.key == "arxiv:1412.6980"


def test_a_malformed_identifier_names_no_reference() -> None:
    (mention,) = find_mentions(block("arXiv:2113.01234"))
    assert mention.reference is None and mention.problem is not None


def test_a_venue_that_ends_the_title_read_whole_is_not_the_venue() -> None:
    # One reader cut the title where it wrapped and took its last word for the venue.
    fields = EntryFields(("Q. Liu",), "Stein variational gradient descent: a general", "Method")
    whole = "Stein variational gradient descent: a general method"
    hit = Hit(0, 9, RefKind.TITLE, "CG105", title_hint=whole, reference=fields)
    reference = extract.reference_of(hit, "Stein ...")
    assert reference is not None and (reference.title, reference.venue) == (whole, None)
    kept = Hit(0, 9, RefKind.TITLE, "CG105", title_hint=fields.title, reference=fields)
    reference = extract.reference_of(kept, "Stein ...")
    assert reference is not None and reference.venue == "Method"
