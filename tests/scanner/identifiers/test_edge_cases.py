"""Identifier edge cases of the kind other projects' test suites hold (idutils, refextract,
python-doi, citation-url): each written here as a sentence of our own, with the key it must give.
"""

from __future__ import annotations

import pytest

from scanner.extract import find_hits
from scanner.prefilter import may_cite

CASES = [
    # DOIs: prefixes and spacing, scheme-less links, brackets after the DOI.
    ("doi: 10.1016/j.epsl.2011.11.037", ["doi:10.1016/j.epsl.2011.11.037"]),
    ("DOI:10.1016/j.epsl.2011.11.037", ["doi:10.1016/j.epsl.2011.11.037"]),
    ("see doi.org/10.1016/j.epsl.2011.11.037 for it", ["doi:10.1016/j.epsl.2011.11.037"]),
    ("http://dx.doi.org/10.1016/j.epsl.2011.11.037", ["doi:10.1016/j.epsl.2011.11.037"]),
    ("mirror: dx.doi.org/10.1109/5.771073.", ["doi:10.1109/5.771073"]),
    ("pubs.acs.org/doi/10.1021/ja00051a040", ["doi:10.1021/ja00051a040"]),
    ("(see https://doi.org/10.1002/andp.19053220806)/x", ["doi:10.1002/andp.19053220806"]),
    ("https://doi.org/10.1016/j.cell.2009.01.002)/more", ["doi:10.1016/j.cell.2009.01.002"]),
    ("the registrant is dotted: 10.1000.10/123456", ["doi:10.1000.10/123456"]),
    # OpenURL's form (idutils reads it); a link's path that repeats the `arXiv:` prefix.
    ("rft_id=info:doi/10.1016/j.epsl.2011.11.037", ["doi:10.1016/j.epsl.2011.11.037"]),
    ("https://arxiv.org/abs/arXiv:1503.01520", ["arxiv:1503.01520"]),
    # Readers' pages of an e-print by its arXiv id: the same e-print.
    ("https://www.semanticscholar.org/arxiv/1706.03762", ["arxiv:1706.03762"]),
    ("https://scirate.com/arxiv/1706.03762v2", ["arxiv:1706.03762"]),
    ("https://browse.arxiv.org/abs/1706.03762", ["arxiv:1706.03762"]),
    (
        "10.1002/(SICI)1521-3978(199806)46:4/5<493::AID-PROP493>3.0.CO;2-P",
        ["doi:10.1002/(sici)1521-3978(199806)46:4/5<493::aid-prop493>3.0.co;2-p"],
    ),
    ("see 10.1016/0167-2789(84)90263-6.", ["doi:10.1016/0167-2789(84)90263-6"]),
    # A SICI DOI in a link goes on past the `<` that ends other links in prose.
    (
        "https://doi.org/10.1002/1097-0037(200010)36:3<156::AID-NET2>3.0.CO;2-L",
        ["doi:10.1002/1097-0037(200010)36:3<156::aid-net2>3.0.co;2-l"],
    ),
    (
        "<https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8<873::AID-\n  SIM7>3.0.CO;2-X>.",
        ["doi:10.1002/(sici)1097-0258(19980430)17:8<873::aid-sim7>3.0.co;2-x"],
    ),
    ("https://doi.org/10.1002/sim.4067<br>", ["doi:10.1002/sim.4067"]),
    # The AMS journals' SICI DOIs have no issue number after the volume.
    (
        "https://doi.org/10.1175/1520-0469(1995)052<0721:ROHWFS>2.0.CO;2",
        ["doi:10.1175/1520-0469(1995)052<0721:rohwfs>2.0.co;2"],
    ),
    ("https://doi.org/10.1016/S0020-0190(02)00501<br>x", ["doi:10.1016/s0020-0190(02)00501"]),
    # A trailing slash, and CJK punctuation after a link.
    ("https://doi.org/10.1145/3360572/", ["doi:10.1145/3360572"]),
    ("见 doi.org/10.1145/3360572。", ["doi:10.1145/3360572"]),
    # A DOI in a C string or a non-raw Python string ends at the escaped line break or quote.
    ('"Psi, doi:10.1088/1361-6404/aa9584\\n    Parameters"', ["doi:10.1088/1361-6404/aa9584"]),
    ('"see 10.1145/3360572\\t(PDF)"', ["doi:10.1145/3360572"]),
    ('"cite \\"doi:10.1145/3360572\\" here"', ["doi:10.1145/3360572"]),
    # IOP's full-text page of an article: the DOI stops before the page's own path.
    (
        "https://iopscience.iop.org/article/10.1086/309140/fulltext/50172.text.html",
        ["doi:10.1086/309140"],
    ),
    # A Python string's line continuation inside a link: the next line goes on with it.
    (
        "Retrieved from\n    https://www.example.edu/~lee/papers/2016/\\\nFast_Transform.pdf\n",
        ["url:https://example.edu/~lee/papers/2016/Fast_Transform.pdf"],
    ),
    ("参见 https://arxiv.org/abs/1706.03762，第三节", ["arxiv:1706.03762"]),
    ("参见 doi:10.1145/3360572，第三节", ["doi:10.1145/3360572"]),
    ("参见 10.1145/3360572（第三节）", ["doi:10.1145/3360572"]),
    # JSTOR's PDF and page links of one paper share one key.
    ("https://www.jstor.org/stable/pdf/2346101.pdf", ["url:https://jstor.org/stable/2346101"]),
    ("http://www.jstor.org/stable/2346101?seq=1", ["url:https://jstor.org/stable/2346101"]),
    # One key per paper on publishers' and repositories' sites, whichever page was linked.
    (
        "https://www.sciencedirect.com/science/article/abs/pii/S0893608005001206",
        ["url:https://sciencedirect.com/science/article/pii/S0893608005001206"],
    ),
    # Elsevier's resolver of an article's PII is that article's page: one key with it.
    (
        "Retrieved from http://linkinghub.elsevier.com/retrieve/pii/S0893608005001206",
        ["url:https://sciencedirect.com/science/article/pii/S0893608005001206"],
    ),
    (
        "https://academic.oup.com/biomet/article-abstract/58/3/443/233515?redirectedFrom=x",
        ["url:https://academic.oup.com/biomet/article/58/3/443/233515"],
    ),
    ("https://inria.hal.science/hal-02171256v4/document", ["url:https://hal.science/hal-02171256"]),
    ("https://hal.archives-ouvertes.fr/hal-02171256", ["url:https://hal.science/hal-02171256"]),
    (
        "https://www.researchgate.net/publication/200034365_An_Improved_Algorithm",
        ["url:https://researchgate.net/publication/200034365"],
    ),
    (
        "https://www.biorxiv.org/content/biorxiv/early/2018/03/15/282962.full.pdf",
        ["doi:10.1101/282962"],
    ),
    ("https://www.biorxiv.org/content/10.1101/282962v1", ["doi:10.1101/282962"]),
    # A HAL record under a collection's code; dblp's HTML and BibTeX record pages; NeurIPS's
    # legacy paper pages on its new host.
    (
        "https://hal.archives-ouvertes.fr/LISV/hal-03015762v1",
        ["url:https://hal.science/hal-03015762"],
    ),
    (
        "http://dblp.org/rec/html/journals/tods/DoeX13",
        ["url:https://dblp.org/rec/journals/tods/DoeX13"],
    ),
    (
        "http://papers.neurips.cc/paper/4309-nonstandard-sketches.pdf",
        ["url:https://papers.nips.cc/paper/4309-nonstandard-sketches"],
    ),
    # Markdown and reST links whose text and target name one work: one hit.
    ("[10.1109/CVPR.2016.90](https://doi.org/10.1109/CVPR.2016.90)", ["doi:10.1109/cvpr.2016.90"]),
    ("[https://arxiv.org/abs/1412.6980](https://arxiv.org/abs/1412.6980)", ["arxiv:1412.6980"]),
    ("doi:10.1145/3360572 <https://doi.org/10.1145/3360572>", ["doi:10.1145/3360572"]),
    # arXiv: versions, subject classes, archive prefixes, dashes, entry labels, DBLP's CoRR.
    ("arXiv:1310.2590", ["arxiv:1310.2590"]),
    ("arxiv:math.GT/0309136v2", ["arxiv:math/0309136"]),
    ("hep-th/9901001v27", ["arxiv:hep-th/9901001"]),
    ("arXiv:hep-th/1601.07616", ["arxiv:1601.07616"]),
    ("Phys. hep-ph-9711200", ["arxiv:hep-ph/9711200"]),
    ("arXiv:1104.2222 [physics.ins-det]", ["arxiv:1104.2222"]),
    ("arXiv:1503.33333v9", ["arxiv:1503.33333"]),
    ("1502.01234 [physics.ins-det]", ["arxiv:1502.01234"]),
    ("[0802.2879] A. Author, a study of widths, 2008.", ["arxiv:0802.2879"]),
    ("Implements: 1503.01520", ["arxiv:1503.01520"]),
    ("Adam. CoRR, abs/1412.6980, 2014.", ["arxiv:1412.6980"]),
    ("https://arxiv.org/pdf/1712.03976.pdf", ["arxiv:1712.03976"]),
    ("(https://arxiv.org/abs/1712.03976%29.", ["arxiv:1712.03976"]),
    ("https://arxiv.org/abs/0708.0882v1", ["arxiv:0708.0882"]),
    # arXiv's FTP-path PDFs name the id too: an arXiv reference, not a link to another host.
    ("<https://arxiv.org/ftp/arxiv/papers/1808/1808.10489.pdf>`_.", ["arxiv:1808.10489"]),
    ("http://arxiv.org/ftp/arxiv/papers/0711/0711.1455v2.pdf", ["arxiv:0711.1455"]),
    ("see https://arxiv.org/ftp/math/papers/0309/0309136.pdf", ["arxiv:math/0309136"]),
    # A DOI ending its line is not continued by the link on the next line.
    (
        "DOI: 10.1016/j.jeconom.2006.05.008.\nhttp://www.sciencedirect.com/science/article/x1",
        ["doi:10.1016/j.jeconom.2006.05.008", "url:https://sciencedirect.com/science/article/x1"],
    ),
    # A complete link ending a line of a shader's comment, in a string literal, is not
    # continued by the line of code after it.
    (
        "  // Microfacet model:\n  // https://jcgt.org/published/0099/01/04/\n"
        "  vec3 viewDir = reflect( -v, n );",
        ["url:https://jcgt.org/published/0099/01/04"],
    ),
    (
        "https://www.example.edu/~doe/papers/\n  sketch2019.pdf",
        ["url:https://example.edu/~doe/papers/sketch2019.pdf"],
    ),
    # Not identifiers.
    ("arXiv:1203.33333 has one digit too many for 2012", []),
    ("x = table[1810.04805]", []),
    ("call 555-1234567 now", []),
    ("https://github.com/org/repo/blob/main/10.1234/x", []),
    ("build-2007001 of the tool", []),
]


@pytest.mark.parametrize(("text", "keys"), CASES, ids=[text[:40] for text, _ in CASES])
def test_identifier_edge_case(text: str, keys: list[str]) -> None:
    found = [hit.ref.key for hit in find_hits(text) if hit.ref is not None]
    assert found == keys


@pytest.mark.parametrize("text", [text for text, keys in CASES if keys])
def test_prefilter_keeps_every_edge_case(text: str) -> None:
    # The prefilter promises zero lost citations: every form above must reach the extractors.
    assert may_cite(text.encode())
