"""Paper links on any host: each lesson from reading real packages' links, as a sentence of our
own, with whether the link is the paper itself."""

from __future__ import annotations

import pytest

from scanner.extract import find_hits
from scanner.identifiers.paperlinks import LINK_MARK, is_paper_link
from scanner.prefilter import may_cite

M = LINK_MARK

PAPERS = [
    # Institutional repositories: bepress working papers, Digital Commons, EPrints, SciELO.
    ("http://www.bepress.com/deptstats/paper42/", "the estimator we use:\n  " + M),
    ("https://digitalcommons.example.edu/cgi/viewcontent.cgi?article=1042&context=stat", M),
    ("https://eprints.example.ac.uk/id/eprint/31415/", "Smith, J. (2009). A sketch. " + M),
    ("https://www.scielo.br/j/abc/a/Qw3RtY7uIoP9aSdF/?lang=en", "Pesq. Oper., 2005, " + M),
    ("http://www.scielo.br/scielo.php?script=sci_arttext&pid=S0101-74382005000200004", M),
]

NOT_PAPERS = [
    # License texts: by their file name, and by the license wording of their paragraph.
    ("https://www.example.net/products/Example-Public-License-1.1.0.pdf", "Under the " + M),
    ("https://www.example.net/legal/eula.pdf", M),
    (
        "http://hdl.handle.net/9999.1/2024",
        "This Agreement may also be obtained from a proxy server using the following URL: " + M,
    ),
    ("https://www.example.net/pubs/report.pdf", "Licensed under the terms at\n" + M),
    # Manuals and style guides, also when the name is glued to other words or a year.
    ("https://www.example.net/static/publications/stylemanual1989.pdf", M),
    ("https://www.example.net/files/UserManual_v2.pdf", M),
    # Teaching material: a course number with its term, and course words in other languages.
    ("https://www.example.edu/astro/Stat310_0910/notes_mle.pdf", "[1] D. Doe. MLE. " + M),
    ("https://www.example.edu/cs229-2019/handout3.pdf", M),
    ("http://www.example.uni-goettingen.de/veranstaltungen/models/Loesung.pdf", M),
    ("https://www.example.de/vorlesung/kapitel3.pdf", M),
    ("https://www.example.fr/enseignement/m2/poly.pdf", M),
    # What the link text of a reST or Markdown link calls it, on the line before the link.
    ("https://www.example.net/files/style1989.pdf", "Follows the `Style Manual\n<" + M + ">`_."),
    ("https://www.example.net/files/t2019.pdf", "See the [lecture slides\n](" + M + ")"),
]


@pytest.mark.parametrize(("url", "entry"), PAPERS)
def test_paper_links_on_any_host(url: str, entry: str) -> None:
    assert is_paper_link(url, entry)


@pytest.mark.parametrize(("url", "entry"), NOT_PAPERS)
def test_links_that_are_not_papers(url: str, entry: str) -> None:
    assert not is_paper_link(url, entry)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SIAM's legacy DOIs have a fixed length: a letter glued after one is not part of it.
        ("https://doi.org/10.1137/S0895479893251472T.", ["doi:10.1137/s0895479893251472"]),
        ("doi:10.1137/S003614450342478X.", ["doi:10.1137/s003614450342478x"]),
        ("see 10.1137/S0036144503424786a for", ["doi:10.1137/s0036144503424786"]),
        ("https://doi.org/10.1137/070710111", ["doi:10.1137/070710111"]),
    ],
)
def test_dois_of_a_fixed_length_are_cut_at_it(text: str, expected: list[str]) -> None:
    assert [h.ref.key for h in find_hits(text) if h.ref] == expected
    assert may_cite(text.encode())


@pytest.mark.parametrize(("url", "entry"), PAPERS)
def test_prefilter_lets_every_paper_link_through(url: str, entry: str) -> None:
    assert may_cite(entry.replace(M, url).encode())
