"""Reference entries as Javadoc's HTML writes them: titles and names in italics, character
references, a link's quoted address, a whole entry quoted after `@see`."""

from __future__ import annotations

from scanner.extract import find_hits
from scanner.titles import find_citations
from scanner.titles.inquotes import entry_inside


def test_a_name_in_italics_is_no_title() -> None:
    text = (
        "    The reference implementation is given in chapter 4 of\n"
        "     <em>Algorithms for Tidal Minimization Without Derivatives</em>,\n"
        "     <em>Richard P. Lind</em>,\n"
        "     Dover, 2002\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Algorithms for Tidal Minimization Without Derivatives"
    assert hit.reference.authors == ("Richard P. Lind",)


def test_a_quoted_title_in_italics_is_read_after_its_authors_colon() -> None:
    # Doxygen prose: the tags around the quotes are no second pair of quotes
    text = (
        "    This function implements the flood version of the tide algorithms\n"
        "    as described in\n\n"
        '    J. Lind, R. Moss: <em>"The tide transform: definitions, algorithms,\n'
        '    and parallelization strategies"</em>, Fundamenta Tidalis, 41:187-228, 2000\n'
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == (
        "The tide transform: definitions, algorithms, and parallelization strategies"
    )
    assert (hit.reference.authors, hit.reference.year) == (("J. Lind", "R. Moss"), 2000)


def test_a_publisher_after_a_quoted_titles_author_is_no_author() -> None:
    (hit,) = find_citations(
        '    "Algorithms for Tidal Minimization", Richard P. Lind, Dover, 2002.\n'
    )
    assert (hit.reference.authors, hit.reference.year) == (("Richard P. Lind",), 2002)


def test_character_references_are_read_as_their_characters() -> None:
    text = (
        "   <li>R. Lind, <em>Analyse num&eacute;rique matricielle appliqu&eacute;e &agrave;\n"
        "   l'art de l'ing&eacute;nieur</em>, Masson, 1986.</li>\n"
        '   <li>Moss, Richard J., "Adaptive Precision Tidal Arithmetic and Fast Robust\n'
        '   Predicates", Discrete &amp; Computational Geometry 18(3):305-363, 1997.</li>\n'
    )
    hits = find_citations(text)
    assert [hit.title_hint for hit in hits] == [
        "Analyse numérique matricielle appliquée à l'art de l'ingénieur",
        "Adaptive Precision Tidal Arithmetic and Fast Robust Predicates",
    ]
    assert hits[1].reference.venue == "Discrete & Computational Geometry"


def test_a_links_quoted_address_is_no_title() -> None:
    text = (
        "   <dl>\n"
        '   <dt><a id="LIND1975">Lind and Moss (1975)</a></dt>\n'
        "   <dd>C. C. Lind and M. A. Moss, <a\n"
        '   href="http://www.example.edu/group/tides/software/symmlq/LM75.pdf"><em>\n'
        "   Solution of Sparse Indefinite Tidal Systems</em></a>, SIAM\n"
        "   Journal on Numerical Analysis 12(4): 617-629, 1975</dd>\n"
        "   </dl>\n"
    )
    for hit in find_hits(text):
        assert "example.edu" not in (hit.title_hint or "")


def test_a_word_glued_by_a_hyphen_opens_no_author_list() -> None:
    text = (
        "     Returns the intrinsic (Hardy-Weinberg proportions) p-Value, as described\n"
        "     in p64-69 of Lind, J.H. 2009. Handbook of Tidal Statistics\n"
        "     (2nd ed.). Sparky House Publishing, Baltimore, Maryland.\n"
    )
    assert all("Value" not in hit.reference.authors for hit in find_citations(text))
    assert any(hit.reference.authors == ("Lind, J.H.",) for hit in find_citations(text))


def test_a_whole_entry_quoted_with_inverted_names() -> None:
    (hit,) = find_citations(
        ' * @see "Lind, S. Bayesian Tidal Filtering and Smoothing. Cambridge 2013"\n'
    )
    assert hit.title_hint == "Bayesian Tidal Filtering and Smoothing"
    assert (hit.reference.authors, hit.reference.year) == (("Lind, S.",), 2013)


def test_a_quoted_entry_whose_names_go_on_past_the_initial_is_not_read_as_inverted() -> None:
    """`"LIND, F. Kenneth, et al. Title. ..."`: `Kenneth, et al` is no title."""
    raw = "LIND, F. Kenneth, et al. Spacecraft tide probability. El Segundo, CA : Aero Press, 2008"
    assert entry_inside(raw) is None
    assert entry_inside("Lind, S. Bayesian Tidal Filtering and Smoothing. Cambridge 2013") == (
        "Bayesian Tidal Filtering and Smoothing",
        ("Lind, S.",),
        2013,
    )
