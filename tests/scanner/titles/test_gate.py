"""The needle test in front of the title detector: it rejects what cannot cite, never a citation."""

from __future__ import annotations

import pytest
from helpers import fixture_blocks

from scanner.titles import KNOWN_NEEDLES, SHIPPED_MODEL, _detected, _has_cue


def test_every_fixture_citation_passes_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block of the fixtures in which the detector, asked without the gate, finds a
    citation passes the gate (or names a reference work by its short name)."""
    read = 0
    for relative, text in fixture_blocks(monkeypatch):
        if not _detected(text, SHIPPED_MODEL):
            continue
        read += 1
        assert _has_cue(text) or any(n in text for n in KNOWN_NEEDLES), (relative, text)
    assert read > 30  # the fixtures cite by title in many blocks; the test must see them


@pytest.mark.parametrize(
    "text",
    [
        "as in ``The Art of Electronics'' by Horowitz",
        "References\n----------\n.. [1] Smith",
        "Reference: Smith, Some title",
        "Smith, Proc. of the Royal Society",
        "Smith, Proceedings of the Royal Society",
        "IEEE Trans. Signal Processing",
        "described in 'The Hitchhiker Guide' of Adams",
        '"Matrix Computations"\n   by Gene H. Golub and Charles F. Van Loan',
        '(see "A Robust and Sponge-Like PRNG with Improved Efficiency")',
        "Smith (1999) shows it",
        "see Smith 2003b",
    ],
)
def test_cues_pass(text: str) -> None:
    assert _has_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "the ``axis`` argument, as ``np.sum`` takes it",  # reST literals, not TeX quotes
        "the user's preference, a dereferenced pointer",
        "Process the rows; Transform the result",
        "it's the caller's 'x' value",
        "tolerance 0.16666667 and seed 123456",  # digits of a longer number are no year
        "Copyright (c) 2019 Someone",
        # Quotes of code: no reader cites in them (`quotegate`).
        'Licensed under the Apache License (the "License"); you may not use this file',
        'Takes a "write lock." first, then "reads" the value',
        'distributed on an "AS IS" BASIS, WITHOUT WARRANTIES',
        "the 'Args' of the 'Run' call",
    ],
)
def test_look_alikes_are_rejected(text: str) -> None:
    assert not _has_cue(text)


@pytest.mark.parametrize(
    ("text", "cites"),
    [
        ("Smith et al. \udc80 read the bytes", True),  # an undecodable byte kept as a surrogate
        ('described in "A Quoted Title" \udc80', True),  # a quote a reader cites
        ("Knuth \udc80 said so", True),  # the short name of a reference work
        ("nothing \udc80 here", False),
    ],
)
def test_a_block_holding_a_lone_surrogate_is_tested_as_any_other(text: str, cites: bool) -> None:
    # The gate finds its strings in one pass of an automaton that cannot read a lone surrogate
    # (a byte the decoder kept); such a block is tested string by string instead.
    from scanner.titles import may_cite

    assert may_cite(text) is cites


@pytest.mark.parametrize(
    "before",
    [
        "as described in ",
        "see: ",
        "cf. ",
        "the paper\n  ",
        "SEE, ",
        "Implements Step 1a from\n",
        "the ſee ",  # a letter outside ASCII may match one of the words ignoring case
        '("name", ',
        "value = ",
        "f(x) ,: ",
        "described in (",
        "",
    ],
)
def test_quote_gate_skips_only_what_cannot_precede_a_cited_title(before: str) -> None:
    """The quote gate looks for a citing word before a quote only where one may end: wherever
    its pattern finds one, the cheap test lets the pattern run."""
    from scanner.titles.quotegate import _CITED_BEFORE, _word_may_end

    text = before + '"A Title Of Four Words"'
    at = len(before)
    low = max(0, at - 40)
    found = _CITED_BEFORE.search(text, low, at) is not None
    assert found <= _word_may_end(text, low, at)
    if before.strip() and before.rstrip(" :,\n")[-1].isalpha():
        assert _word_may_end(text, low, at)


@pytest.mark.parametrize(
    "text",
    [
        "// Ooura and Mori, A robust double exponential formula for integrals,",
        "Mix and match.\n// Ooura and Mori, A robust double exponential formula for integrals,\n",
        "Ooura and Mori, A robust double exponential formula\nfor integrals,",  # wrapped: none
        "For details see Numerical Optimization by Nocedal & Wright.",
        "bytes\nsee Numerical Optimization\tby Nocedal\n and more",
        "Numerical Optimization\nby Nocedal and Wright",  # across lines: none
        "written by hand, and read by nobody",
    ],
)
def test_line_bound_patterns_find_what_a_whole_search_finds(text: str) -> None:
    """The gate searches its line-bound patterns only on the lines holding their string: the
    verdict is a whole-text search's."""
    from scanner.lazyre import lazy_compile
    from scanner.titles import _LINE_BOUND, _on_lines_with

    for source, needle in _LINE_BOUND.items():
        pattern = lazy_compile(source)
        assert _on_lines_with(text, needle, pattern) == (pattern.search(text) is not None)


def test_a_word_broken_over_two_lines_reads_as_one_and_nothing_else_changes() -> None:
    """`_quotes_read` joins `adjust-\\n ment` (its pattern looks behind for the letter after the
    hyphen and line break, where they were looked for after it: a literal first is searched
    faster) and makes the same changes as the look-behind-first form on any text."""
    import random
    import re

    from scanner.titles import _WORD_BREAK, _joined, _quotes_read

    assert _quotes_read("the adjust-\n    ment formula") == "the adjustment" + " " * 7 + "formula"
    assert _quotes_read("threshold-\n and quantile") == "threshold-\n and quantile"
    assert _quotes_read("Notes\n-----\nmore text") == "Notes\n-----\nmore text"
    first = re.compile(
        r"(?<=[a-z])-[ \t]*\n[ \t]*"
        r"(?:(?!(?:and|or|nor|to)\b)(?P<rest>[a-z]+)|(?P<capital>[A-Z][a-z]+))"
    )
    rng = random.Random(17)
    for _ in range(5000):
        text = "".join(rng.choice("ab- \t\nornd-\n.A") for _ in range(rng.randint(0, 30)))
        assert _WORD_BREAK.sub(_joined, text) == first.sub(_joined, text), repr(text)


def test_patterns_matched_where_their_string_stands_find_what_a_search_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gate matches the patterns of `_AT_STRING` only where their cue's string stands (a
    key's venue tag, `eference`, `Proc`, `Trans`), where a search tried every position: the
    verdict is the search's, also where a key's match holds another venue's tag."""
    import random

    from scanner.titles import _AT_STRING, _has_cue
    from scanner.titles.cues import CUES

    assert set(_AT_STRING) <= {cue.pattern for cue in CUES}
    pieces = [
        "Smith09", "ab12", "tro", "cvpr", "book", "thesis", "control", "eference", "References",
        "preference", "Proc", "Process", "Trans", "Transactions", " ", ".", "\n", "x", "9",
    ]  # fmt: skip
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    fast = [_has_cue(text) for text in texts]
    monkeypatch.setattr("scanner.titles._AT_STRING", {})
    assert fast == [_has_cue(text) for text in texts]
    assert any(fast) and not all(fast)


def test_the_citing_words_before_a_quote_are_found_in_an_ascii_text_lowered() -> None:
    """An ASCII block's citing word before a quote is looked for in the block lowered, without
    `(?i)`: the same matches as the case-insensitive pattern over the block itself."""
    import random

    from scanner.titles.quotegate import _CITED_BEFORE, _CITED_BEFORE_LOWER, quote_may_cite

    pieces = [
        "See", "SEE", "see", "In", "IN", "from", "Described", "cf.", "CF", "Paper", "the",
        "Titled", "entitled", "ENTITLED", "x", " ", "  ", ":", ",", "\n", "\t", "-", "(", "in:",
    ]  # fmt: skip
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        at = len(text)
        low = max(0, at - rng.randint(0, 40))
        lowered = text.lower()
        assert (_CITED_BEFORE_LOWER.search(lowered, low, at) is None) == (
            _CITED_BEFORE.search(text, low, at) is None
        ), repr(text)
    assert quote_may_cite('As described In "A Title Of Four Words"')
    assert not quote_may_cite('value = "A Title Of Four Words"')
