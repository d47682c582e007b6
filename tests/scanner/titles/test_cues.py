"""The one list of cues: the title gate and the prefilter read the same cues, never less."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import fixture_blocks

from catalog.types import RefKind
from scanner.options import ScanOptions
from scanner.parsers.tslex import QUOTE_CUE
from scanner.prefilter import NEEDLES, cue_offsets, may_cite
from scanner.scan import scan_file
from scanner.titles import KNOWN_NEEDLES, SHIPPED_MODEL, _detected, _has_cue, _quotes_read
from scanner.titles.cues import CUES, EDITION, ORDINAL_ED, YEAR_PATTERN, YEARS, edition_word


@pytest.mark.parametrize(
    "example", [pytest.param(e, id=f"{c.text!r}: {e[:30]}") for c in CUES for e in c.examples]
)
def test_every_cue_example_passes_the_gate_and_the_prefilter(example: str) -> None:
    assert _has_cue(_quotes_read(example)) or any(n in example for n in KNOWN_NEEDLES)
    assert may_cite(example.encode())


def test_every_cue_has_examples_and_prefilter_needles() -> None:
    for cue in CUES:
        assert cue.examples, cue
        assert all(n.encode() in NEEDLES for n in cue.file_needles), cue


def test_the_gate_and_the_prefilter_read_the_same_years() -> None:
    for year in (min(YEARS) - 1, *YEARS, max(YEARS) + 1):
        text = f"Smith ({year})"
        assert (YEAR_PATTERN.search(text) is not None) is (year in YEARS)
        assert may_cite(text.encode()) is (year in YEARS)


def test_every_fixture_block_that_cites_passes_the_block_filter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every block of the fixtures in which the detector, asked without any gate or
    prefilter, finds a citation holds a prefilter cue or a quote the block filter reads."""
    blocks = fixture_blocks(monkeypatch, ScanOptions(prefilter=False))
    texts = dict.fromkeys(text for _, text in blocks)
    cited = [t for t in texts if _detected(t, SHIPPED_MODEL)]
    assert len(cited) > 30
    for text in cited:
        passes = next(cue_offsets(text.encode()), None) is not None or QUOTE_CUE.search(text)
        assert passes, text


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        (
            "solver.h",
            "// The update follows the variants of the method; for more details see\n"
            "// Numerical Optimization by Nocedal & Wright.\nenum Variant { A, B };\n",
            RefKind.BOOK,
        ),
        (
            "filter.py",
            'def predict(x):\n    """Predict the next state.\n\n'
            "    See my book Kalman and Bayesian Filters in Python\n"
            '    """\n    return x\n',
            RefKind.BOOK,
        ),
        (
            "leiden.js",
            "/**\n * Communities, as described in « Community detection in graphs: a survey\n"
            " * of methods » by Fortunato.\n */\nexport function leiden() {}\n",
            RefKind.TITLE,
        ),
        (
            "iso.rs",
            "/// Graph isomorphism.\n///\n/// **Reference**\n///\n/// * Ada Lovelace, Charles"
            " Babbage; *A Sketch of the Analytical Engine for Matching Graphs*\n"
            "pub fn is_isomorphic() {}\n",
            RefKind.TITLE,
        ),
        (
            "pose.cpp",
            "/* Modified from Tanaka94book version. */\nint expmap(int x) { return x; }\n",
            RefKind.AUTHOR_YEAR,
        ),
        (
            "pose.h",
            "// See Kowalczyk13ijcv:\n// the chordal mean.\nint mean(int x);\n",
            RefKind.AUTHOR_YEAR,
        ),
        (
            "subgraphs.rs",
            '// Implemented after the method from\n// "Enumerating Connected Things: Improved'
            ' Delay".\n// Jane Smith and Karl Jones.\npub fn enumerate() {}\n',
            RefKind.TITLE,
        ),
    ],
)
def test_a_file_whose_only_cue_is_a_title_cue_is_read(
    tmp_path: Path, name: str, text: str, kind: RefKind
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    mentions = scan_file(tmp_path, name, ScanOptions(cache=False)).mentions
    assert [m.reference.ref.kind for m in mentions] == [kind]


def test_one_range_of_years_for_gate_prefilter_and_detector() -> None:
    # every reader of a year builds on YEAR_DIGITS: it must match exactly the years of YEARS
    import re

    from scanner.titles.cues import YEAR_DIGITS, YEARS

    digits = re.compile(YEAR_DIGITS)
    assert [y for y in range(1000, 3000) if digits.fullmatch(str(y))] == list(YEARS)


@pytest.mark.parametrize(
    "text",
    [
        "Smith, Sorting Methods, 2nd edition, pages 249-259.",
        'Jane Q. Smith, "Fundamentals of Sorting," Second Edition.',
        "G. Smith, 'Sorting Methods', third Ed., page 572",
        "Press et al. (3rd ed.)",
        "revised\tedn. of 1999",
    ],
)
def test_every_edition_holds_the_word_its_guard_looks_for(text: str) -> None:
    # The gate and the author-list anchors skip the costly edition patterns on a block without
    # this word, so it must be in every text they match.
    assert re.search(EDITION, text) or re.search(ORDINAL_ED, text)
    assert edition_word(text, 0, len(text))


def test_a_block_without_an_edition_word_is_not_searched_for_one() -> None:
    text = "the edges are edited in the second pass; see used.edition_count"
    assert not re.search(EDITION, text) and not re.search(ORDINAL_ED, text)
    assert not edition_word(text, 0, len(text))
