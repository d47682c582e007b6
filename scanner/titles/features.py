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

from scanner.titles.cues import YEAR_DIGITS
from scanner.titles.fields import MONTHS

# A word keeps its inner hyphens and apostrophes ("Two-way", "Student's"); every other
# non-space character is a token of its own, so "J." is "J" and ".".
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\S")
_YEAR_TOKEN = re.compile(YEAR_DIGITS + r"[a-z]?$")
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


_OFFSETS = (-3, -2, -1, 1, 2, 3)  # the neighbours whose word, shape and rule marks a token sees
# Features are the UTF-8 bytes of their names: the CRF reads names as bytes, and a `str` is
# encoded again for every token that carries it (a third of tagging a window took that).
_EDGES = tuple(f"{offset}:edge".encode() for offset in _OFFSETS)
_CAPS_AHEAD = tuple(f"caps_ahead={count}".encode() for count in range(7))
_PROSE_NEAR = tuple(f"prose_near={count}".encode() for count in range(3))
_LINE_START = b"line_start"
_QUOTED_TOKEN = b"quoted"
_QUOTE_LENGTH = {bucket: f"qlen={bucket}".encode() for bucket in ("short", "title", "long")}
_MARKUP = b"markup"
_EMPHASIS = b"emph"
_AFTER_COLON = b"after_colon"
_SEPARATOR = b"sep"
_OPENS = b"opens"
# Feature strings that depend on a word alone, kept across blocks: a tree repeats its words, and
# building each token's strings anew was most of the tagger's cost. Cleared when full, which
# bounds its memory (about 1.5 kB a word).
_WORDS_KEPT = 4_096


@dataclass(frozen=True, slots=True)
class _Word:
    """What a token's features take from its word: its own features in their order (`head`,
    then "initial" when a full stop follows a single letter, then `tail`), the flags the
    block-level features count, and the strings its neighbours' rows name it by."""

    head: tuple[bytes, ...]
    tail: tuple[bytes, ...]
    initial: bool
    own: tuple[bytes, ...]  # `head` then `tail`: its row's start, "initial" aside
    own_initial: tuple[bytes, ...]  # `head`, "initial", `tail`: the same after a full stop
    year: bool
    capital: bool
    prose: bool
    context: tuple[tuple[bytes, ...], ...]  # per offset of `_OFFSETS`: its word and shape
    before: bytes  # the bigram features' opening when this word comes first: `bi=w=...|`
    before_next: bytes  # ...and the next token's: `bi+=w=...|`
    name: bytes  # what follows in either: `w=...`


_WORDS: dict[str, _Word] = {}
_MARKS: dict[tuple[str, ...], tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...]]] = {}


def _word(word: str) -> _Word:
    found = _WORDS.get(word)
    if found is not None:
        return found
    lower = word.lower()
    head = [f"w={lower}", f"s={_shape(word)}"]
    if len(word) > 4:
        head.append(f"suf={lower[-3:]}")
    initial = False
    if word[0].isalpha():
        if word.isupper():
            head.append("upper" if len(word) > 1 else "cap1")
        elif word[0].isupper():
            head.append("cap")
        else:
            head.append("low")
        initial = len(word) == 1
    elif word.isdigit():
        head.append("year" if _YEAR_TOKEN.match(word) else f"num{min(len(word), 5)}")
    else:
        head.append("punct")
    tail = []
    if lower in MONTHS:
        tail.append("month")
    if lower in _VENUE_WORDS:
        tail.append("venue")
    if lower in _FUNCTION_WORDS:
        tail.append("fn")
    if lower in _CITING_WORDS:
        tail.append("citing")
    if lower in _PROSE_WORDS:
        tail.append("prose")
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    heads = tuple(name.encode() for name in head)
    tails = tuple(name.encode() for name in tail)
    found = _WORDS[word] = _Word(
        heads,
        tails,
        initial,
        (*heads, *tails),
        (*heads, b"initial", *tails),
        head[-1] == "year",
        head[-1] in ("cap", "upper"),
        "prose" in tail,
        tuple(
            (f"{offset}:{head[0]}".encode(), f"{offset}:{head[1]}".encode()) for offset in _OFFSETS
        ),
        f"bi={head[0]}|".encode(),
        f"bi+={head[0]}|".encode(),
        heads[0],
    )
    return found


def _mark_strings(marks: set[str]) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...]]:
    """The features of a token's rule marks: its own, and per offset of `_OFFSETS` those its
    neighbours' rows carry."""
    key = tuple(sorted(marks))
    found = _MARKS.get(key)
    if found is None:
        found = _MARKS[key] = (
            tuple(f"r_{mark}".encode() for mark in key),
            tuple(tuple(f"{offset}:r_{mark}".encode() for mark in key) for offset in _OFFSETS),
        )
    return found


def _marked_context(
    text: str, word: _Word, own: tuple[bytes, ...], marks: tuple[tuple[bytes, ...], ...]
) -> tuple[tuple[bytes, ...], ...]:
    """What the neighbours' rows carry of a token with rule marks: per offset, its word and
    shape, then its marks (`own`: its own mark features, which name `marks`). Kept per word and
    mark set, as `_word` keeps a word's strings: the words of a tree's reference entries come
    back with the same marks, and building the six tuples anew cost more than the lookup."""
    key = (text, own)
    found = _MARKED.get(key)
    if found is None:
        if len(_MARKED) >= _WORDS_KEPT:
            _MARKED.clear()
        found = _MARKED[key] = tuple(
            (*context, *mark) for context, mark in zip(word.context, marks, strict=True)
        )
    return found


_MARKED: dict[tuple[str, tuple[bytes, ...]], tuple[tuple[bytes, ...], ...]] = {}


def block_features(
    text: str, tokens: list[Token], rule_marks: list[set[str]] | None = None
) -> list[list[bytes]]:
    """Features for each token of `text` (their names, UTF-8 encoded, as the CRF reads them);
    `rule_marks[i]` names rule spans over token i."""
    # Every row is built in one pass, from strings made once per word, distance or mark set
    # (the features of the first pass that took twice as long, in the same order: the
    # model's scores are sums taken in that order).
    words = [_word(token.text) for token in tokens]
    count = len(tokens)
    years = [i for i, word in enumerate(words) if word.year]
    year_features = _year_features(years, count)
    # Each of these reads one kind of token; a block without its character has none.
    unmarked = [False] * count
    in_quotes = _quoted(tokens) if any(q in text for q in _QUOTES) else None
    in_markup = _in_markup(tokens) if "<" in text else unmarked
    in_emphasis = _emphasized(tokens, text) if "*" in text else unmarked
    separators = _separators(tokens) if "<" in text else unmarked
    # Per token, what its neighbours' rows carry of it at each offset: its word and shape, and
    # its rule marks when the rules' hits are given.
    marks: list[tuple[bytes, ...]] | None
    if rule_marks:
        marks = []
        context = []
        for token, word, mark_set in zip(tokens, words, rule_marks, strict=True):
            if mark_set:
                own, around = _mark_strings(mark_set)
                marks.append(own)
                context.append(_marked_context(token.text, word, own, around))
            else:
                marks.append(())
                context.append(word.context)
    else:
        marks = None
        context = [word.context for word in words]
    # Running counts: the capitals in the next six tokens and the prose words around each.
    capitals = [0]
    prose = [0]
    for word in words:
        capitals.append(capitals[-1] + word.capital)
        prose.append(prose[-1] + word.prose)

    size = len(text)
    features: list[list[bytes]] = []
    after_colon = False
    opens = True  # the first token opens, as does one after a separator or `.:?;`
    last = count - 3
    for i, token in enumerate(tokens):
        word = words[i]
        end = token.end
        row = list(
            word.own_initial if word.initial and end < size and text[end] == "." else word.own
        )
        if token.start and text[token.start - 1] == "\n":
            row.append(_LINE_START)
        row.extend(year_features[i])
        if in_quotes is not None and in_quotes[i]:
            row.append(_QUOTED_TOKEN)
            row.append(_QUOTE_LENGTH[_quote_bucket(in_quotes[i])])
        if in_markup[i]:
            row.append(_MARKUP)
        if in_emphasis[i]:
            row.append(_EMPHASIS)
        if after_colon:
            row.append(_AFTER_COLON)
        if separators[i]:
            row.append(_SEPARATOR)
        if opens:
            row.append(_OPENS)
        row.append(_CAPS_AHEAD[capitals[min(i + 6, count)] - capitals[i]])
        near = prose[min(i + _PROSE_REACH + 1, count)] - prose[max(0, i - _PROSE_REACH)]
        row.append(_PROSE_NEAR[min(near, 2)])
        if i:
            row.append(words[i - 1].before + word.name)
        if i + 1 < count:
            row.append(word.before_next + words[i + 1].name)
        if marks is not None:
            row.extend(marks[i])
        if 3 <= i < last:
            row += (
                *context[i - 3][0],
                *context[i - 2][1],
                *context[i - 1][2],
                *context[i + 1][3],
                *context[i + 2][4],
                *context[i + 3][5],
            )
        else:
            for k, offset in enumerate(_OFFSETS):
                j = i + offset
                row.extend(context[j][k] if 0 <= j < count else (_EDGES[k],))
        text_of = token.text
        if text_of == ":":
            after_colon = True
        elif text_of in ".;":
            after_colon = False
        opens = separators[i] or text_of in ".:?;"
        features.append(row)
    return features


def _year_features(years: list[int], count: int) -> list[tuple[bytes, ...]]:
    """For each of `count` tokens, its distance to the nearest year token (the later of two
    as near) and on which side that year is: `yd=...` and `yside=...`."""
    if not years:
        return [_NO_YEAR] * count
    out: list[tuple[bytes, ...]] = []
    at = 0  # the index in `years` of the first year at or after the token, or len(years)
    for i in range(count):
        while at < len(years) and years[at] < i:
            at += 1
        after = years[at] - i if at < len(years) else None
        before = i - years[at - 1] if at else None
        if after is not None and (before is None or after <= before):
            # The year is the token itself (after it, as the tagger was trained) or after it.
            side = _AFTER if after == 0 else _BEFORE
            out.append((_YEAR_DISTANCE[min(after, _FAR)], side))
        elif before is not None:
            out.append((_YEAR_DISTANCE[min(before, _FAR)], _AFTER))
    return out


def _bucket_of(distance: int) -> str:
    for reach in _YEAR_REACH:
        if distance <= reach:
            return str(reach)
    return "far"


def _quote_bucket(length: int) -> str:
    return "short" if length <= 3 else "title" if length <= 30 else "long"


_FAR = _YEAR_REACH[-1] + 1
_YEAR_DISTANCE = tuple(("yd=" + _bucket_of(distance)).encode() for distance in range(_FAR + 1))
_NO_YEAR = (b"yd=none",)
_AFTER, _BEFORE = b"yside=after", b"yside=before"


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


_QUOTES = ('"', "“", "”")


def _quoted(tokens: list[Token]) -> list[int]:
    """For each token between a pair of straight or curly double quotes, the number of tokens
    the quotes hold (0 outside): a title is a few words, a quoted passage is a sentence."""
    inside = [0] * len(tokens)
    opened: int | None = None
    for i, token in enumerate(tokens):
        if token.text in _QUOTES:
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
