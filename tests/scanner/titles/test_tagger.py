"""The title tagger: entries the rules cannot read, prose it must leave alone, and training.

The blocks are written for these tests from real facts (titles, authors, years); the model is
the one shipped in scanner/titles/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.types import RefKind
from scanner.titles import find_citations, rule_citations
from scanner.titles.tagged import tagged_hits
from scanner.titles.tagger import Field, Tagger, default_tagger

REPO = Path(__file__).resolve().parents[3]

HTML_FLATTENED = (
    "Density-based clustering of the points.\n"
    "Reference: <p> M. Ester, H.-P. Kriegel, J. Sander, X. Xu <br> A density-based algorithm "
    "for discovering clusters in large spatial databases with noise <br> Proc. 2nd Int. Conf. "
    "on Knowledge Discovery and Data Mining (KDD) <p>\n@author Jane Doe"
)
AFTER_ARTICLE = (
    "Gamma variates by squeeze and rejection. The method is given in the article: A Simple "
    "Method for Generating Gamma Variables, ACM Transactions on Mathematical Software, "
    "Vol. 26, No. 3, September 2000, pages 363-372."
)
NUMBERED_ALGORITHM = (
    "Direction numbers as published by Bratley and Fox, Algorithm 659: Implementing Sobol's "
    "quasirandom sequence generator, ACM Trans. Math. Softw. 14(1), 88-100 (1988)."
)
SINGLE_QUOTED = "Line search of Wright and Nocedal, 'Numerical Optimization', 1999, pg. 59-61."

NOT_CITATIONS = [
    'If mode is "reflect", the input is extended by reflecting about the edge (since 2019).',
    "Copyright (c) 2008-2024 The Developers. Licensed under the Apache License, Version 2.0.",
    "See 'Usage' below. Changed in version 2021.3: the Proceedings field is kept as is.",
    '>>> t.meta["description"] = "An example table for the writer, 2020 edition."',
    "TODO(alice, 2023): the IEEE 754 rounding mode of the ACM test suite is not checked.",
    "Written by John Smith, March 2008. Revised for the new exporter by Jane Doe, 2012.",
    "This is an independent implementation by J. Smith (2009) of the method above.",
    "Adapted from the `curve.c` program of Ann B. Fry, University of Toronto,\n1993.",
]


def test_a_sentence_of_prose_after_a_linked_entry_is_no_title() -> None:
    # the work is cited by its DOI link; the sentence after its year is the comment's own
    text = (
        "  <p><strong>Implementation Notes</strong>\n"
        "  <p>This class internally uses the <em>Add2S</em> and <em>Mul2S</em> algorithms in\n"
        '  <a href="https://doi.org/10.5555/030601818">\n'
        "  Careful Sums and Products</a> by Ada Lindqvist, Ben Marlowe,\n"
        "  and Cy Quist (<em>SIAM J. Num. Comput</em>, 2007). These are compensated\n"
        "  summation and multiplication algorithms chosen here for their good\n"
        "  balance of precision and performance. Future releases may choose to use\n"
        "  different algorithms.\n"
    )
    assert find_citations(text) == []


def _titles(text: str, tagger: object = None) -> list[str]:
    hits = find_citations(text) if tagger is None else find_citations(text, tagger)
    return [h.title_hint for h in hits if h.kind is RefKind.TITLE and h.title_hint]


def test_the_shipped_model_loads() -> None:
    assert isinstance(default_tagger(), Tagger)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            HTML_FLATTENED,
            "A density-based algorithm for discovering clusters in large spatial databases "
            "with noise",
        ),
        (AFTER_ARTICLE, "A Simple Method for Generating Gamma Variables"),
        (
            NUMBERED_ALGORITHM,
            "Algorithm 659: Implementing Sobol's quasirandom sequence generator",
        ),
        (SINGLE_QUOTED, "Numerical Optimization"),
    ],
)
def test_tagger_reads_titles_in_entries(text: str, title: str) -> None:
    assert _titles(text) == [title]


def test_tagger_finds_what_the_rules_miss() -> None:
    # An unquoted title after "article:" is a shape the rules do not list (they see only an
    # author-year mention there); the tagger is what finds the title.
    for text in (AFTER_ARTICLE,):
        assert not [h for h in rule_citations(text) if h.kind is RefKind.TITLE]
        assert _titles(text)


def test_tagged_entry_keeps_the_fields_around_its_title() -> None:
    (hit,) = [h for h in find_citations(AFTER_ARTICLE) if h.kind is RefKind.TITLE]
    assert hit.reference is not None
    assert hit.reference.year == 2000
    assert hit.reference.venue == "ACM Transactions on Mathematical Software"
    assert hit.reference.pages == "363-372"
    assert AFTER_ARTICLE[hit.start : hit.end].startswith("A Simple Method")


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_ordinary_comments_are_not_citations(text: str) -> None:
    assert find_citations(text) == []


def test_without_a_tagger_only_the_rules_read() -> None:
    for text in (HTML_FLATTENED, AFTER_ARTICLE, NUMBERED_ALGORITHM, *NOT_CITATIONS):
        assert find_citations(text, None) == rule_citations(text)


@pytest.mark.slow
def test_training_script_builds_a_model_the_tagger_uses(tmp_path: Path) -> None:
    # The shipped model comes from benchmarks/train_titles.py; train a small one from the
    # synthetic corpus alone (the NAIST data is not in the repository) to keep the script
    # and the run-time features in step.
    from benchmarks.reference_corpus import generate
    from benchmarks.train_titles import train

    model = tmp_path / "small.crfsuite"
    train(generate(150, seed=3), model, {"c1": 0.1, "c2": 0.01, "max_iterations": 60})
    tagger = Tagger(model)
    text = (
        'References\n----------\n.. [1] Jorge Nocedal, "Updating Quasi-Newton Matrices with '
        'Limited Storage", Mathematics of Computation, 35(151), pp. 773-782, 1980.'
    )
    titles = _titles(text, tagger)
    assert titles == ["Updating Quasi-Newton Matrices with Limited Storage"]


def test_a_year_on_a_copyright_line_is_no_cue() -> None:
    header = "Copyright (c) 2019-2024 The Developers.\nSPDX-License-Identifier: BSD-3-Clause\n"
    assert find_citations(header) == []
    entry = (
        "\nWelford, B. P. (1962). Note on a method for calculating corrected sums of squares "
        "and products. Technometrics 4(3), 419-420."
    )
    assert [h.title_hint for h in find_citations(header + entry)] == [
        "Note on a method for calculating corrected sums of squares and products"
    ]


def test_a_huge_paragraph_is_left_to_the_rules() -> None:
    # One 200 kB paragraph of generated text with venue words and years: the tagger would hold
    # features for every token, so only the rules read it.
    from scanner.titles.tagged import MAX_WINDOW, windows

    row = "Proceedings of the table, 2019, J. Smith value 0.25 and 0.75; "
    huge = row * (200_000 // len(row))
    assert windows(huge, []) == []
    assert all(end - start <= MAX_WINDOW for start, end in windows(AFTER_ARTICLE * 3, []))
    find_citations(huge)  # completes, without holding the block's features


def test_a_window_seen_again_is_labelled_as_before_without_tagging_it_again() -> None:
    # The same reference entry in two docstrings (a paper cited by two functions): the second
    # block's window is the first's text with the same rule hits, so its runs are reused.
    tagger = Tagger(REPO / "scanner" / "titles" / "titles.crfsuite")
    calls = []
    real_tag = tagger._tagger.tag

    def counted(features: list[list[bytes]]) -> list[str]:
        calls.append(len(features))
        return real_tag(features)

    tagger._tagger = _Counting(tagger._tagger, counted)
    first = "Fits the curve.\n\n" + AFTER_ARTICLE
    second = "Fits a surface, with weights and a smoothing factor.\n\n" + AFTER_ARTICLE
    first_hits = rule_citations(first)
    second_hits = rule_citations(second)
    fields_first = tagger.fields(first, first_hits, [(17, len(first))])
    fields_second = tagger.fields(second, second_hits, [(second.index("Gamma"), len(second))])
    shift = second.index("Gamma") - 17
    assert fields_first
    assert [(f.label, f.start + shift, f.end + shift, f.probability) for f in fields_first] == [
        (f.label, f.start, f.end, f.probability) for f in fields_second
    ]
    assert len(calls) == 1


class _Counting:
    """A pycrfsuite tagger whose `tag` is counted; everything else is the real one's."""

    def __init__(self, real: object, tag: object) -> None:
        self._real = real
        self.tag = tag

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


def _alone(text: str, title: str, probability: float = 0.97) -> list[str]:
    """The titles `tagged_hits` makes of one sure title run over `title` in `text`."""
    start = text.index(title)
    field = Field("T", start, start + len(title), probability)
    return [h.title_hint or "" for h in tagged_hits(text, [field])]


def test_a_sure_title_that_is_a_sentence_between_sentences_is_prose() -> None:
    # A metric's docstring: the tagger read a sentence of its paragraph as a title.
    text = (
        "Tide scores need a clean reference recording. TIDEMOS ranks tide filters well across\n"
        "noisy harbour recordings. More details are in the TIDEMOS paper.\n"
    )
    assert _alone(text, "TIDEMOS ranks tide filters well across\nnoisy harbour recordings") == []


def test_a_sentence_after_one_ending_in_an_acronym_is_prose_whatever_opens_the_run() -> None:
    # The tagger's run may start with the stop before it, and read the acronym ending that
    # sentence as a venue: `... that NTV .ge. 2*NWV.  If many tides of ...`.
    text = (
        "      The only rule is that NTV > NWV + 1. It is advised that NTV .ge. 2*NWV.  If many\n"
        "      tides of one kind are to be solved, try a larger NTV for a given harbour.  This\n"
        "      usually lowers the number of steps.\n"
    )
    venue = text.index("NWV.  If")
    start = venue + 3
    end = text.index(" for a given harbour") + len(" for a given harbour")
    fields = [Field("V", venue, venue + 3, 0.65), Field("T", start, end, 0.98)]
    assert [h.title_hint for h in tagged_hits(text, fields)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Based on:\nTide Filters for Noisy Harbour Recordings\n",  # on a line of its own
        "See Tide Filters for Noisy Harbour Recordings. More in the paper.\n",  # after `See`
    ],
)
def test_a_sure_title_named_alone_outside_prose_stays(text: str) -> None:
    assert _alone(text, "Tide Filters for Noisy Harbour Recordings") == [
        "Tide Filters for Noisy Harbour Recordings"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The derivations are in\nOkafor and Lind (2011; OL11) and Reyes's \"Tidal Dynamics of"
        ' Shallow Seas" (R98; 1998; ISBN: 978-0123456786).\n',
        "Background is given in Okafor and Lind (2011) and in Reyes's \"Tidal Dynamics of Shallow"
        ' Seas" (Academic Press, 1998).\n',
    ],
)
def test_a_mention_and_the_next_work_are_not_one_entry(text: str) -> None:
    # The model reads the mention's names and year as the quoted title's; they are another
    # work's, cited before it.
    mention, entry = find_citations(text)
    assert mention.reference is not None
    assert (mention.kind, mention.reference.authors, mention.reference.year) == (
        RefKind.AUTHOR_YEAR,
        ("Okafor", "Lind"),
        2011,
    )
    assert entry.title_hint == "Tidal Dynamics of Shallow Seas"
    assert entry.reference is not None and entry.reference.year == 1998


def test_a_credits_name_and_year_before_its_article_stay_one_entry() -> None:
    # The sentence before the article names its author: one work, not a mention and another.
    text = (
        "Fast segment clipping routine,\n by Mira Osei, 2003.\n"
        ' See article "Clipping Segments Against Convex Polygons Quickly",\n'
        " Journal of Graphics Tools, 8(3), 2003\n"
    )
    (hit,) = find_citations(text)
    assert hit.title_hint == "Clipping Segments Against Convex Polygons Quickly"


def test_a_title_opening_with_a_name_and_its_version_is_read_whole() -> None:
    # The tokenizer cuts `2.0` at its dot; the model ended the title at `Tidekit 2`, which
    # was then dropped as a volume, and the entry with it.
    text = (
        "References\n----------\n"
        ".. [1] Lind, A., Moss, C. 2021. Tidekit 2.0: faster tide fitting. J. Open Source Softw."
        " 6, 100.\n"
    )
    assert [h.title_hint for h in find_citations(text)] == ["Tidekit 2.0: faster tide fitting"]


def test_a_tagged_title_cut_inside_a_version_takes_the_name_and_the_rest() -> None:
    # (the model began a lower-case name's title at its version's second number:
    # `tool 1.2: towards ...` read as `2: towards ...`)
    text = "Moss, C. (2020). Wavekit 3.1: spectral tide fitting. Ocean Softw. 4, 12.\n"
    authors = Field("A", 0, text.index(" (2020)"), 0.9)
    year = Field("Y", text.index("2020"), text.index("2020") + 4, 0.9)
    venue = text.index("Ocean Softw")
    fields = [authors, year, Field("V", venue, venue + len("Ocean Softw"), 0.9)]
    from_second_digit = Field("T", text.index("1: spectral"), text.index(". Ocean"), 0.9)
    to_first_digit = Field("T", text.index("Wavekit"), text.index(".1: spectral"), 0.9)
    for title in (from_second_digit, to_first_digit):
        hits = tagged_hits(text, [authors, year, title, *fields[2:]])
        assert [h.title_hint for h in hits] == ["Wavekit 3.1: spectral tide fitting"]


def test_a_numbered_part_of_a_work_is_not_read_into_its_title_as_a_name() -> None:
    # `Section 26.2: ...` names where to read in the book cited after it
    text = '[1] Okafor, et al (2001). "Section 4.2: The tide filter".\n "Harbour Tides", pp. 1-9.\n'
    part = text.index("2: The tide")
    title = Field("T", part, text.index('".\n'), 0.9)
    year = Field("Y", text.index("2001"), text.index("2001") + 4, 0.9)
    authors = Field("A", text.index("Okafor"), text.index(", et al"), 0.9)
    (hit,) = tagged_hits(text, [authors, year, title])
    assert hit.title_hint is not None and not hit.title_hint.startswith("Section")


def test_a_title_ending_at_a_numbered_part_is_not_run_past_it() -> None:
    text = '[1] Okafor, et al (2001). "Section 4.2: The tide filter".\n "Harbour Tides", pp. 1-9.\n'
    year = Field("Y", text.index("2001"), text.index("2001") + 4, 0.9)
    authors = Field("A", text.index("Okafor"), text.index(", et al"), 0.9)
    title = Field("T", text.index("Section"), text.index(".2: The"), 0.9)
    assert [h.title_hint for h in tagged_hits(text, [authors, year, title])] == []


def test_the_rules_reading_of_an_entrys_opening_gives_the_models_entry_its_names() -> None:
    # the rules read the names and year at the entry's start, and the title's last word and
    # the venues after it as a longer author-year ("Micro-Gauges, IEEE ... 2006"): the
    # entry's names are the ones read at its start
    text = (
        "    References\n"
        "    ----------\n"
        "    [^1]: Michael Lind and Matthew Moss (2019, pp 210-229). Sketching Tidal Streams\n"
        "          Based on Shared Density between Micro-Gauges, IEEE Transactions on Tidal\n"
        "          Engineering 12(3) .\n"
        "          In Proceedings of the Third Tidal Conference on Data Mining,\n"
        "          April 20–22, 2006, Bergen, Norway.\n"
    )
    (hit,) = find_citations(text)
    assert hit.reference is not None
    assert hit.reference.authors == ("Michael Lind", "Matthew Moss")
    assert hit.reference.year == 2019


def test_a_sentence_before_see_and_names_is_not_their_works_title() -> None:
    # `See Name(Year)` opens a citation of its own: the sentence before it is prose
    text = (
        "Numbers in the docstrings below refer to the sections of the tide survey.  Careful\n"
        "checking of a tide model needs the harbour gauge records from the\n"
        "national archive.  See Okafor(2004) Checking The Accuracy\n"
        "of Tidal Software for a method and its use on three models.\n"
    )
    authors = Field("A", text.index("Okafor"), text.index("(2004)"), 0.5)
    year = Field("Y", text.index("2004"), text.index("2004") + 4, 0.9)
    title = Field("T", text.index("Careful"), text.index(".  See"), 1.0)
    assert tagged_hits(text, [title, authors, year]) == []
    # the same names after the title's own stop are its authors
    entry = "Checking the accuracy of tidal software. Okafor, 2004.\n"
    title = Field("T", 0, entry.index(". Okafor"), 0.9)
    authors = Field("A", entry.index("Okafor"), entry.index(", 2004"), 0.9)
    year = Field("Y", entry.index("2004"), entry.index("2004") + 4, 0.9)
    assert [h.title_hint for h in tagged_hits(entry, [title, authors, year])] == [
        "Checking the accuracy of tidal software"
    ]


def test_a_venue_after_the_entrys_volume_is_another_not_the_venues_tail() -> None:
    text = (
        "[^1]: Maren Lind and Rosa Vale (2016). Sketching Tidal Streams, IEEE Transactions\n"
        "      on Tidal Engineering 28(6) .\n"
        "      In Proceedings of the Sixth Tidal Conference on Data Mining, 2006.\n"
    )

    def field(label: str, start: str, end: str) -> Field:
        at = text.index(start)
        return Field(label, at, text.index(end, at) + len(end), 0.9)

    fields = [
        field("A", "Maren", "Vale"),
        field("Y", "2016", "2016"),
        field("T", "Sketching", "Streams"),
        # the venue over two runs, a line break between them, then its volume and another
        field("V", "IEEE", "Transactions"),
        field("V", "on Tidal", "Engineering"),
        field("M", "28(6)", "28(6)"),
        field("V", "Proceedings of the Sixth", "Mining"),
    ]
    (hit,) = tagged_hits(text, fields)
    assert hit.reference is not None
    assert hit.reference.venue == "IEEE Transactions on Tidal Engineering"
