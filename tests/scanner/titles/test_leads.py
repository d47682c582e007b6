"""A pattern led by its first characters finds what it finds; its needles are in every match."""

from __future__ import annotations

import random
import re

import pytest

from scanner.languages import LANGUAGES
from scanner.parsers import treesitter
from scanner.titles import books, detect, entries, fields, inline, leads, tagged
from scanner.titles.inline import BARE_KEY, CITE_KEY
from scanner.titles.leads import holds_any, led, needles

_ALPHABET = "aeinprsJPT12 90\t\n\"'`«»“”<>*.,:;[]()-_ébr"
_PATTERNS = [
    re.compile(r"(?<!\d)(?:1[6-9]\d\d|20[0-4]\d)(?!\d)|[\"“”]|``|<\s*br"),
    re.compile(r"(?:\b(?:in|see|cf\.?)|Reference|See)\s*[:,]?\s+(?=[\"“`'A-Z])"),
    re.compile(r"(?<![*\w])\*(?P<f>[A-Z][^*\n]{3,20})\*(?![*\w])"),
    re.compile(r"(?:x?y)+z|(?i:q)r"),  # a case-insensitive alternative: left as it is
    re.compile(r"(?m)^[ \t]*[-*](?=[ \t])"),  # a line anchor first: left as it is
    fields.QUOTED,
    fields.VENUE_CUE,
    CITE_KEY,
    BARE_KEY,
    re.compile(LANGUAGES["c"].dialects[0][1]),
    # forms that open with a blank, or are the text's end alone
    re.compile(r"(?<!e)\.\s+(?=[A-Z])|[,;]\s*(?=\d)|\s*\((?=\d)|[ \t]*\n\s*\n|\s+by\b|\Z"),
    re.compile(r"(?<!\s)\s+(?=[JP])|<\s*br"),
]


@pytest.mark.parametrize("pattern", _PATTERNS, ids=lambda p: p.pattern[:30])
def test_same_matches_on_random_text(pattern: re.Pattern[str]) -> None:
    fast = led(pattern)
    rng = random.Random(20)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in fast.finditer(text, start, end)] == [
            m.span() for m in pattern.finditer(text, start, end)
        ]


def test_same_matches_on_citations() -> None:
    text = (
        'See "A Fast Algorithm", J. Smith and R. Jones, Proc. IEEE 12, 1999.\n'
        "In: Annals of Statistics (2001); described in `` Title Here '' by Knuth, 1973."
    )
    for pattern in (detect._CITING, detect._ANCHOR, tagged._ENTRY_EVIDENCE, fields.QUOTED):
        assert [m.groupdict() for m in led(pattern).finditer(text)] == [
            m.groupdict() for m in pattern.finditer(text)
        ]


def test_leads_only_where_the_first_characters_are_known() -> None:
    assert led(re.compile(r"(?<!\d)1\d|\"")).pattern.startswith("(?=[")
    # a blank (any of Unicode's) and the text's end are named as such
    assert led(re.compile(r"\.\s|\s+by|\Z")).pattern.startswith(r"(?=[\U0000002e\s]|\Z)")
    assert led(re.compile(r"\s+by|\Z")).search("x\u2003by").span() == (1, 4)
    kept = [r"\w+x", r"(?i)(?<!a)b", r"(?<!a)b?", r"abc", r"[ab]c", r"a|[bc]", r"(?m)^\s*-"]
    for source in kept:
        pattern = re.compile(source)
        assert led(pattern) is pattern, source


def test_the_costliest_searches_without_a_lead_of_their_own_are_led() -> None:
    # Each searched over whole blocks or windows of them with a word boundary, a lookbehind or
    # a line anchor first, which the engine cannot scan for: 2 to 4 times as fast led.
    dialect = treesitter._pattern(LANGUAGES["c"].dialects[0][1])
    for pattern in (
        books._PUBLISHER,
        books._COLON_ENTRY,
        entries._TITLE_END,  # searched over every unquoted title: its forms open with a blank
        inline._CITE_KEY,
        inline._BARE_KEY,
        dialect,
    ):
        assert pattern.pattern.startswith("(?=["), pattern.pattern[:40]


def test_the_title_ends_lead_written_out_is_the_one_led_reads() -> None:
    # written out to spare every import a parse of the forms: it must let the same places in
    read = led(re.compile(entries._TITLE_END_FORMS)).pattern
    lead = re.compile(read[: read.index("(?:")])
    assert lead.pattern != read and lead.pattern.endswith(r"\s]|\Z)")
    written = re.compile(entries._TITLE_END_LEAD)
    for code in range(0x10000):
        char = chr(code)
        assert (lead.match(char) is None) == (written.match(char) is None), hex(code)
    assert lead.match("") and written.match("")  # the text's end


def test_needles_of_each_alternative() -> None:
    assert needles(re.compile(r"\[(?P<k>[A-Z][a-z]+)\d{4}\]_|[@\\]cite\{?\w+")) == ("]_", "cite")
    assert needles(re.compile(r"(?i)\btitle\s*=\s*[{\"]")) == ("=",)  # letters may differ in case
    assert needles(re.compile(r"a?bc")) == ("bc",)
    assert needles(re.compile(r"ab|\d+")) is None  # an alternative without a literal


@pytest.mark.parametrize("pattern", [*_PATTERNS, CITE_KEY], ids=lambda p: p.pattern[:30])
def test_a_span_without_needles_holds_no_match(pattern: re.Pattern[str]) -> None:
    strings = needles(pattern)
    rng = random.Random(21)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET + "=@cite]_") for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        if not holds_any(text, strings, start, end):
            assert pattern.search(text, start, end) is None


def test_an_interruption_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The per-file time budget stops a scan with an exception, and the detector's patterns
    # are led while a scan first imports it.
    class Interrupted(Exception):
        pass

    def interrupt(*args: object) -> None:
        raise Interrupted

    monkeypatch.setattr(leads._parse, "parse", interrupt)
    with pytest.raises(Interrupted):
        led(re.compile(r"(?<!\d)1\d|\""))
    with pytest.raises(Interrupted):
        needles(re.compile(r"ab|cd"))
