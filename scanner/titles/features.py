"""Tokens of a comment block and the features the title tagger reads for each of them.

The tagger (`tagger`) labels every token of a candidate block as part of a title, an author
list, a venue, a year or other bibliographic field, or none. Its features are the token's own
form and shape, small word lists (venue words, months, title function words), where the token
sits (inside quotes, after a colon, how far from a year) and what the rules of this package
made of the same text (inside a rule's title, authors or entry), so the model learns where the
rules are right and where they stop short. Training (`benchmarks/train_titles.py`) and
tagging call the same `block_features`, so the two can never drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.titles.fields import MONTHS

# A word keeps its inner hyphens and apostrophes ("Two-way", "Student's"); every other
# non-space character is a token of its own, so "J." is "J" and ".".
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\S")
_YEAR_TOKEN = re.compile(r"(?:1[6-9]\d\d|20[0-4]\d)[a-z]?$")
_VENUE_WORDS = frozenset(
    [
        "journal",
        "proc",
        "proceedings",
        "transactions",
        "trans",
        "conference",
        "conf",
        "symposium",
        "workshop",
        "annals",
        "review",
        "letters",
        "lett",
        "communications",
        "comm",
        "bulletin",
        "magazine",
        "acm",
        "ieee",
        "siam",
        "springer",
        "elsevier",
        "wiley",
        "press",
        "thesis",
        "report",
        "vol",
        "volume",
        "pp",
        "pages",
        "math",
        "softw",
        "stat",
        "international",
        "annual",
        "society",
        "mathematical",
        "computing",
        "computational",
        "science",
        "sciences",
        "statistics",
        "statistical",
        "physics",
        "physical",
        "applied",
        "quarterly",
        "technical",
        "university",
        "univ",
        "preprint",
        "arxiv",
        "lecture",
        "notes",
        "series",
        "publishers",
        "verlag",
        "edition",
        "ed",
        "eds",
    ]
)
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "for", "and", "on", "in", "with", "to", "via", "by", "from", "using"]
)
_CITING_WORDS = frozenset(
    [
        "see",
        "described",
        "presented",
        "introduced",
        "proposed",
        "based",
        "taken",
        "adapted",
        "reference",
        "references",
        "paper",
        "article",
        "cf",
        "published",
        "appeared",
        "algorithm",
    ]
)
# Words of running prose that titles seldom hold: pronouns, auxiliaries, sentence adverbs. A
# run of them around a token says "sentence", not "title".
_PROSE_WORDS = frozenset(
    "i we you it its is are was were be been being has have had do does did done should "  # noqa: SIM905
    "would can could will may might must this these those there here then if when where "
    "not please also only so very our my your returns uses used".split()
)
_PROSE_REACH = 4  # tokens either side counted for the prose feature
_YEAR_REACH = (3, 10, 25, 60)  # token distances to the nearest year, bucketed
_MAX_EMPHASIS = 40  # tokens between two stars that can still be one emphasized title or venue


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a block: its text and its span."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)[:6]


def _own(token: Token, text: str) -> list[str]:
    word = token.text
    lower = word.lower()
    features = [f"w={lower}", f"s={_shape(word)}"]
    if len(word) > 4:
        features.append(f"suf={lower[-3:]}")
    if word[0].isalpha():
        if word.isupper():
            features.append("upper" if len(word) > 1 else "cap1")
        elif word[0].isupper():
            features.append("cap")
        else:
            features.append("low")
        if len(word) == 1 and token.end < len(text) and text[token.end] == ".":
            features.append("initial")
    elif word.isdigit():
        features.append("year" if _YEAR_TOKEN.match(word) else f"num{min(len(word), 5)}")
    else:
        features.append("punct")
    if lower in MONTHS:
        features.append("month")
    if lower in _VENUE_WORDS:
        features.append("venue")
    if lower in _FUNCTION_WORDS:
        features.append("fn")
    if lower in _CITING_WORDS:
        features.append("citing")
    if lower in _PROSE_WORDS:
        features.append("prose")

    if token.start and text[token.start - 1] == "\n":
        features.append("line_start")
    return features


def block_features(
    text: str, tokens: list[Token], rule_marks: list[set[str]] | None = None
) -> list[list[str]]:
    """Feature strings for each token of `text`; `rule_marks[i]` names rule spans over token i."""
    own = [_own(token, text) for token in tokens]
    years = [i for i, token in enumerate(tokens) if "year" in own[i]]
    in_quotes = _quoted(tokens)
    in_markup = _in_markup(tokens)
    in_emphasis = _emphasized(tokens, text)
    separators = _separators(tokens)

    capitals = [("cap" in f or "upper" in f) for f in own]
    prose = [1 if "prose" in f else 0 for f in own]
    features: list[list[str]] = []
    after_colon = False
    year_index = 0
    for i, token in enumerate(tokens):
        row = list(own[i])
        while year_index + 1 < len(years) and abs(years[year_index + 1] - i) <= abs(
            years[year_index] - i
        ):
            year_index += 1
        distance = abs(years[year_index] - i) if years else None
        row.append("yd=" + _bucket(distance))
        if years:
            row.append("yside=" + ("before" if years[year_index] > i else "after"))
        if in_quotes[i]:
            row.append("quoted")
            row.append("qlen=" + _quote_bucket(in_quotes[i]))
        if in_markup[i]:
            row.append("markup")
        if in_emphasis[i]:
            row.append("emph")

        if after_colon:
            row.append("after_colon")
        if separators[i]:
            row.append("sep")
        if i == 0 or separators[i - 1] or tokens[i - 1].text in ".:?;":
            row.append("opens")
        ahead = sum(capitals[i : i + 6])
        row.append(f"caps_ahead={ahead}")
        near = sum(prose[max(0, i - _PROSE_REACH) : i + _PROSE_REACH + 1])
        row.append(f"prose_near={min(near, 2)}")
        if i:
            row.append(f"bi={own[i - 1][0]}|{own[i][0]}")
        if i + 1 < len(tokens):
            row.append(f"bi+={own[i][0]}|{own[i + 1][0]}")
        marks = rule_marks[i] if rule_marks else ()
        row.extend(f"r_{mark}" for mark in sorted(marks))
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            if 0 <= j < len(tokens):
                row.append(f"{offset}:{own[j][0]}")
                row.append(f"{offset}:{own[j][1]}")
                if rule_marks:
                    row.extend(f"{offset}:r_{mark}" for mark in sorted(rule_marks[j]))
            else:
                row.append(f"{offset}:edge")
        if token.text == ":":
            after_colon = True
        elif token.text in ".;":
            after_colon = False
        features.append(row)
    return features


def _quote_bucket(length: int) -> str:
    return "short" if length <= 3 else "title" if length <= 30 else "long"


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    for reach in _YEAR_REACH:
        if distance <= reach:
            return str(reach)
    return "far"


def _separators(tokens: list[Token]) -> list[bool]:
    """Whether each token belongs to an HTML line-break or paragraph tag ("< br >", "<p>")."""
    flags = [False] * len(tokens)
    for i, token in enumerate(tokens):
        if token.text == "<":
            j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "/")
            if (
                j + 1 < len(tokens)
                and tokens[j].text.lower() in ("br", "p", "li")
                and tokens[j + 1].text in (">", "/")
            ):
                for k in range(i, min(j + 3, len(tokens))):
                    flags[k] = tokens[k].text in ("<", ">", "/") or k == j
    return flags


_MARKUP_TAGS = frozenset(["em", "i", "cite", "a", "b", "strong"])


def _in_markup(tokens: list[Token]) -> list[bool]:
    """Whether each token sits inside an emphasis, citation or link tag (`<em>Title</em>`,
    `<a href="...">Title</a>`): Javadoc and Doxygen set titles that way."""
    inside = [False] * len(tokens)
    opened: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        if tokens[i].text != "<":
            i += 1
            continue
        closing = i + 1 < len(tokens) and tokens[i + 1].text == "/"
        j = i + 1 + closing
        name = tokens[j].text.lower() if j < len(tokens) else ""
        end = next((k for k in range(j, min(j + 40, len(tokens))) if tokens[k].text == ">"), None)
        if name not in _MARKUP_TAGS or end is None:
            i += 1
            continue
        # The closing tag's slash may be lost ("< em > Title < em >"): a second opening closes.
        if name in opened:
            for k in range(opened.pop(name), i):
                inside[k] = True
        elif not closing:
            opened[name] = end + 1
        i = end + 1
    return inside


def _quoted(tokens: list[Token]) -> list[int]:
    """For each token between a pair of straight or curly double quotes, the number of tokens
    the quotes hold (0 outside): a title is a few words, a quoted passage is a sentence."""
    inside = [0] * len(tokens)
    opened: int | None = None
    for i, token in enumerate(tokens):
        if token.text in ('"', "“", "”"):
            if opened is None:
                opened = i
            else:
                for j in range(opened + 1, i):
                    inside[j] = i - opened - 1
                opened = None
    return inside


def _emphasized(tokens: list[Token], text: str) -> list[bool]:
    """Whether each token sits between Markdown/reST emphasis marks on one line (`*Title*`,
    `**Journal**`): books set their title that way, MLA entries their venue."""
    inside = [False] * len(tokens)
    opened: int | None = None
    for i, token in enumerate(tokens):
        if token.text != "*":
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text == "*" and tokens[i + 1].start == token.end:
            continue  # the first star of "**": the second one decides
        if (
            opened is not None
            and i - opened <= _MAX_EMPHASIS
            and "\n\n" not in text[tokens[opened].end : token.start]
        ):
            if i - opened > 1:
                for j in range(opened + 1, i):
                    inside[j] = tokens[j].text != "*"
            opened = None
        else:
            opened = i
    return inside
