"""Title hints: the title an author wrote next to an identifier.

Recognised, in order: a reST link `` `Title <url>`_ ``, a reST target `.. _Title: url`, a
Markdown link `[Title](url)`, an HTML link `<a href="url">Title</a>`, a JSDoc link
`{@link url | Title}`, a code-quoted title set before the link with a dash
(`` `Attention Is All You Need` - https://arxiv.org/abs/1706.03762 ``), a quoted title in the
same sentence (`"Attention Is All You Need", arXiv:1706.03762`), and the title of an entry
written `Authors: Title, Venue` in the identifier's paragraph (Doxygen reference lists:
`M. E. J. Newman: Mixing patterns in networks, Phys. Rev. E 67 (2003)`).
"""

from __future__ import annotations

import re

from scanner.lazyre import lazy_compile
from scanner.spans import any_starts_between

# A quoted title may wrap onto the next comment line, but never across a blank line.
# Quotes pair up in order, short ones included, so that the text between two quoted words
# (`"muon" for standard Muon, "adamuon"`) is never taken for a title; too-short phrases are
# dropped afterwards by `_looks_like_title`.
_QUOTED = lazy_compile(
    r"(?<!\w)[\"“«]((?:[^\"“”«»\n]|\n(?![ \t]*\n)){1,300}?)[\"”»](?!\w)"
    r"|(?<![\w])'((?=\S)(?:[^'\n]|\n(?![ \t]*\n)){1,300}?(?<=\S))'(?![\w])"
    r"|``([^`\n]{1,300}?)``"
)
# A sentence ends at `.`/`!`/`?` before a capital (but not after an initial, `J. Makhoul`, or
# `et al.`), at a blank line, and where the next entry of a reference list (`.. [2]`, `[2]`)
# begins.
_SENTENCE_END = lazy_compile(
    r"(?:(?<!\b[A-Z])(?<!\bal)[.!?](?=\s+[A-Z(])|\n[ \t]*\n|\n(?=[ \t]*(?:\.\. )?\[[\w#*]{1,12}\])"
    # (a list's next item: a quote there is the next entry's, `-   Roe, J. 1969. "Remark ..."`)
    r"|\n(?=[ \t]*[-*+][ \t]+\S))"
)
_ENTRY_START = lazy_compile(r"(?m)^[ \t]*(?:\.\. )?\[[\w#*]{1,12}\][ \t]")
_ENTRY_END = lazy_compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:\.\. )?\[[\w#*]{1,12}\][ \t])")
_ENTRY_LOOKBACK = 1500  # no reference entry is longer; bounds the search in long docstrings
_BLANK_LINE = lazy_compile(r"\n[ \t]*\n")
_QUOTE_MARK = lazy_compile("[\"“«'`]")
# A person's name in a link text that cites by authors and year: initials, given names and a
# family name (`A. F. T. Martins`, `Kaiming He`), or initials alone after a comma (`Barron, J. T.`).
_LABEL_NAME = r"(?:(?:[A-Z]\.[ \t]*)*(?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+|(?:[A-Z]\.[ \t]*)+)"
# Link texts that are a citation rather than a title: `ApJ 374, 344 (1991)`, `Kraft et al.
# (1991)`, `Zhang et al`, `Greisen & Calabretta 2002, A&A, 395, 1061`, `Groemping et al. 2006`,
# `Ter Braak & Vrugt 2008`.
_CITATION_TEXT = lazy_compile(
    r"\(\d{4}[a-z]?\)$|(?:\b\d+\b.*){3}"
    r"|^(?!(?:The|A|An|On|In)\b)(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?"
    r",?\s+\d{4}[a-z]?$"
    # the authors alone: `[Zhang et al](https://.../AAAI_2018_DGCNN.pdf)`, `[Çiçek et al.]`,
    # `[Aaronson and Gottesman](https://arxiv.org/abs/quant-ph/0406196)`, `Lind, Moss & Okafor`
    r"|^(?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}[A-ZÀ-Ý][\w'’-]+\s+et\.?\s+al\.?$"
    r"|^(?:[A-Z][\w'’-]+,\s+)*[A-Z][\w'’-]+,?\s+(?:and|&)\s+[A-Z][\w'’-]+$"
    # an eponymous method: `the [Visvalingam-Whyatt](https://doi.org/...) algorithm`
    r"|^[A-Z][a-z]+(?:[-–][A-Z][a-z]+)+$"
    # an author list with initials or given names, then the year, perhaps after a venue's
    # acronym: `Yuxin Wu & Kaiming He, 2018`, `Barron, J. T., 2017`, `Shazeer, Noam et al.,
    # 2018`, `Martins et.al., 2016`, `Loshchilov & Hutter, ICLR2016`; an ampersand, an initial
    # or `et al` says names (`Bessel Filters Polynomials, Poles and Circuit Elements 2003` is
    # a title)
    r"|^(?=[^\n]*(?:&|\bet\.?[ \t]*al\b|\b[A-Z]\.))"
    rf"(?!(?:The|A|An|On|In)\b){_LABEL_NAME}"
    rf"(?:(?:,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_LABEL_NAME})*"
    rf"(?:,?[ \t]+et\.?[ \t]*al\.?)?,?[ \t]+(?:[A-Z]{{2,8}}[ \t]*)?\d{{4}}[a-z]?$"
    # ... or a name and a year in brackets, or with what follows the year: `(Okafor 2002)`,
    # `Okafor (2023, C23)`, `Okafor et al. (2015, ApJL, 804, L21)`, `Lind et al. 2013, ApJL 773`
    r"|^(?=.*(?:\(|\bet\.?\s*al\b|\d{4}[a-z]?,))\(?(?!(?:The|A|An|On|In)\b)"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\.?\s*al\.?)?"
    r",?\s+\(?\d{4}[a-z]?(?:,[^()]{0,60})?\)?$"
)
_SPACES = lazy_compile(r"\s+")
# Link texts that name a paper by its nickname (`Imagen paper`, `the DDPM paper`, `original
# article`), not by its title.
_NICKNAME = lazy_compile(
    r"(?i)^(?:the\s+|this\s+|our\s+)?(?:\S+\s+){0,3}(?:paper|article|preprint|whitepaper)s?$"
    # ... or a sentence that points at the paper (`For details about the algorithm see this
    # paper`, `Table 4 from the paper`, `Vincenty's original publication`)
    r"|^.*\b(?:this|the|that|our|their|original)\s+(?:paper|article|preprint|publication)$"
)
_AROUND_TITLE = " ,.;:{}\"'“”«»"
_LINK_TEXT_MAX = 400
# Link texts that name the kind of link, not the paper (`PDF <url>`__, [here](url)).
_GENERIC_LINK_TEXT = frozenset(
    {
        "abstract",
        "arxiv",
        "doi",
        "full text",
        "here",
        "html",
        "link",
        "online",
        "paper",
        "pdf",
        "preprint",
        "publication",
        "source",
        "this paper",
        "url",
        "web",
        "website",
    }
)
_NEAR = 160
# How far around an identifier its sentence is looked for. Sentences are far shorter; the
# bound keeps a block of thousands of identifiers without a full stop (a generated list)
# linear: each identifier's look costs the same whatever the block's length.
_SCOPE = 800


def title_hint(
    text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()
) -> str | None:
    """The title written around the identifier at `text[start:end]`, or None.

    `others` are the spans of the block's other identifiers, sorted by start: a quoted title
    only belongs to this identifier when no other identifier stands between them.
    """
    for finder in (_rest_link, _rest_target, _markdown_link, _html_link, _jsdoc_link):
        hint = finder(text, start, end)
        if hint:
            cleaned = _SPACES.sub(" ", hint).strip(_AROUND_TITLE)
            # A one-word link text is a word of the sentence (`floated <url>`_) unless it is
            # a name (`MetaFormer`).
            if _looks_like_title(cleaned, min_words=1) and (
                " " in cleaned or cleaned != cleaned.lower()
            ):
                return cleaned
            if cleaned.lower() not in _GENERIC_LINK_TEXT:
                # The author labelled the link with a citation or a word of the sentence; a
                # quote elsewhere in it is about something else. (`PDF <url>`__ in a reference
                # entry still lets the entry's quoted title through.)
                return None
    quoted = _dashed_code_title(text, start) or _quoted_nearby(text, start, end, others)
    if quoted:
        cleaned = _SPACES.sub(" ", quoted).strip(_AROUND_TITLE)
        if _looks_like_title(cleaned, min_words=2):
            return cleaned
    return _colon_entry_title(text, start, others)


# An entry written `Authors: Title, Venue ...` (or `Title. Venue`), opening its paragraph.
_COLON_ENTRY = lazy_compile(
    r"\s*(?P<authors>[^:\n]{2,120}?):[ \t]+(?P<title>[^\n]+(?:\n[^\n]+){0,2})"
)
# Authors as such entries write them: capitalised names and initials, joined by commas,
# `and` or `&` (`Raghavan, U.N. and Albert, R.`, `A Clauset, MEJ Newman`, `Daniel Brélaz`).
_AUTHORS = lazy_compile(r"(?:[A-ZÀ-Ý][\w'’.-]*\.?|and|&)(?:[ \t,]+(?:[A-ZÀ-Ý][\w'’.-]*\.?|and|&))*")
# Words that open a line ending in a colon but name no author (`See also:`, `Note:`).
_NOT_AUTHORS = frozenset(
    [
        *("see", "also", "note", "notes", "reference", "references", "example", "examples"),
        *("warning", "algorithm", "implementation", "paper", "papers", "source", "based"),
        *("from", "original", "citation", "cite", "the", "this", "returns", "return"),
        *("parameters", "param", "time", "complexity", "args", "arguments", "raises"),
        *("yields", "attributes", "usage", "todo", "fixme", "copyright", "license", "author"),
        *("authors", "url", "link", "doi", "arxiv", "website", "homepage", "credits", "thanks"),
        *("method", "methods", "model", "input", "output", "default", "defaults", "todo"),
    ]
)
# The end of the title: `,` or `.` then a space, not after an initial (`M. E. J.`).
_TITLE_END = lazy_compile(r"(?<!\b[A-Z])[.,](?=\s)")
_PARAGRAPH_START = lazy_compile(r"\n[ \t]*\n|(?:\A|\n)[ \t]*(?:</?(?:para|p|br)[ \t]*/?>[ \t]*)+\n")


def _colon_entry_title(text: str, start: int, others: tuple[tuple[int, int], ...]) -> str | None:
    """The title of an `Authors: Title, Venue` entry that opens the identifier's paragraph
    and holds no other identifier before this one."""
    window_start = max(0, start - _ENTRY_LOOKBACK)
    paragraph = window_start
    for match in _PARAGRAPH_START.finditer(text, window_start, start):
        paragraph = match.end()
    if paragraph == window_start and window_start > 0:
        return None  # no paragraph start within reach: a long run of prose
    entry = _COLON_ENTRY.match(text, paragraph, start)
    if entry is None or any_starts_between(others, paragraph, start - 1):
        return None
    authors = entry["authors"].strip()
    words = authors.replace(",", " ").split()
    if (
        len(words) > 12
        or len([w for w in words if w[:1].isupper()]) < 2  # a name has two parts at least
        or not _AUTHORS.fullmatch(authors)
        or any(w.lower() in _NOT_AUTHORS for w in words)
        or not any(c.isupper() for c in authors)
    ):
        return None
    cut = _TITLE_END.search(entry["title"])
    title = _SPACES.sub(" ", entry["title"][: cut.start()] if cut else "").strip(_AROUND_TITLE)
    return title if title[:1].isupper() and _looks_like_title(title, min_words=3) else None


def _looks_like_title(text: str, min_words: int) -> bool:
    words = text.split()
    return (
        len(words) >= min_words
        and any(c.isalpha() for c in text)
        and text.lower() not in _GENERIC_LINK_TEXT
        and not _CITATION_TEXT.search(text)
        and not _NICKNAME.match(text)
        and not text.lower().startswith(("http", "www.", "arxiv:", "doi:"))
        # an image labels the link (a README's badge, `[![Paper](badge.svg)](url)`)
        and not text.startswith("![")
    )


def _rest_link(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - _LINK_TEXT_MAX) : start]
    if not before.rstrip().endswith("<") or not text[end : end + 3].startswith(">`"):
        return None
    tick = before.rfind("`")
    return before[tick + 1 :].rstrip()[:-1] if tick >= 0 else None


def _rest_target(text: str, start: int, end: int) -> str | None:
    line_start = text.rfind("\n", 0, start) + 1
    match = re.match(r"\s*\.\. _([^:]+):\s*$", text[line_start:start])
    return match.group(1).strip("`") if match else None


def _markdown_link(text: str, start: int, end: int) -> str | None:
    if text[max(0, start - 2) : start] != "](":
        return None
    close = start - 2
    depth, position = 0, close
    while position > max(0, close - _LINK_TEXT_MAX):
        position -= 1
        if text[position] == "]":
            depth += 1
        elif text[position] == "[":
            if depth == 0:
                inner = text[position + 1 : close]
                # a link text that opens with the quoted title, the entry's authors and year
                # after it: `["Title" (short version), A. Author and others, 2012](url)`
                quoted = _QUOTED.match(inner.lstrip())
                return _group(quoted) if quoted and quoted.group()[0] != "'" else inner
            depth -= 1
    return None


def _html_link(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 40) : start]
    if not re.search(r"""<a\s[^>]*href\s*=\s*["']?$""", before, re.IGNORECASE):
        return None
    match = re.match(r"""[^>]*>(.*?)</a>""", text[end : end + _LINK_TEXT_MAX], re.DOTALL)
    if not match:
        return None
    inner = match.group(1)
    quoted = _QUOTED.search(inner)
    return _group(quoted) if quoted else inner


# The rest of a JSDoc or TSDoc link after its target: `{@link url | Title}`, `{@link url Title}`.
_JSDOC_TEXT = lazy_compile(r"[ \t]*\|?[ \t]*([^{}|\n]+)\}")
_JSDOC_LINK = lazy_compile(r"\{@link(?:plain|code)?[ \t]+$")


def _jsdoc_link(text: str, start: int, end: int) -> str | None:
    if _JSDOC_LINK.search(text, max(0, start - 16), start) is None:
        return None
    match = _JSDOC_TEXT.match(text, end)
    return match.group(1) if match else None


# A title in backquotes, then a dash and the link, closing the line's text before it: timm's
# `` * `Attention Is All You Need` - https://arxiv.org/abs/1706.03762 ``. A backquoted phrase
# elsewhere in a sentence is code (`` `resnet50` weights from ``); set off by the dash right
# before the link it is the link's label, as a reST link's text is.
_DASHED_CODE_TITLE = lazy_compile(r"(?<!`)`([^`\n]{1,300})`[ \t]+[-–—]{1,2}[ \t]+<?$")


def _dashed_code_title(text: str, start: int) -> str | None:
    line_start = text.rfind("\n", max(0, start - _LINK_TEXT_MAX), start) + 1
    match = _DASHED_CODE_TITLE.search(text, line_start, start)
    return match[1] if match else None


def _quoted_nearby(
    text: str, start: int, end: int, others: tuple[tuple[int, int], ...]
) -> str | None:
    """The closest quoted phrase of the reference entry or sentence holding the identifier,
    with no other identifier in between and at most `_NEAR` characters away."""
    sentence_start, sentence_end = _entry_scope(text, start, end) or _sentence_scope(
        text, start, end
    )
    if _QUOTE_MARK.search(text, sentence_start, sentence_end) is None:
        return None  # the common case: no quote at all, decided in one C-level scan
    best: tuple[tuple[int, int], str] | None = None
    for match in _QUOTED.finditer(text, sentence_start, sentence_end):
        if match.start() <= start < match.end():
            continue
        before = match.end() <= start
        distance = start - match.end() if before else match.start() - end
        gap = (match.end(), start) if before else (end, match.start())
        if distance > _NEAR or any_starts_between(others, gap[0], gap[1]):
            continue
        # A title comes before its identifier in a reference entry; a quote after it only
        # counts when there is none before.
        rank = (0 if before else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, _group(match))
    return best[1] if best else None


def _sentence_scope(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - _SCOPE)
    sentence_start = window_start
    for match in _SENTENCE_END.finditer(text, window_start, start):
        sentence_start = match.end()
    limit = min(len(text), end + _SCOPE)
    following = _SENTENCE_END.search(text, end, limit)
    return sentence_start, following.start() if following else limit


def _entry_scope(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the reference-list entry (`.. [1] ...`, `[1] ...`) holding the identifier,
    whose abbreviations (`J.`, `Trans.`) would otherwise cut it into sentences."""
    entry_start = None
    for match in _ENTRY_START.finditer(text, max(0, start - _ENTRY_LOOKBACK), start):
        entry_start = match.start()
    if entry_start is None or _BLANK_LINE.search(text, entry_start, start):
        return None
    limit = min(len(text), end + _ENTRY_LOOKBACK)
    following = _ENTRY_END.search(text, end, limit)
    return entry_start, following.start() if following else limit


def _group(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)


# The text of a Sphinx role written as an entry: authors and a year, then the title.
_ROLE_ENTRY = lazy_compile(
    r"^.+?(?:\(|,\s*|\.\s*)(?:19|20)\d\d[a-z]?\)?[.,:]?\s+(?P<title>.+?)[\s.,;]*$", re.DOTALL
)


def role_title(role_text: str) -> str | None:
    """The title in a Sphinx role's text written as an entry (`Bastian, T. et al., 2019.
    Reliable and fast DWARF-based stack unwinding`), else None."""
    match = _ROLE_ENTRY.match(role_text.strip())
    if match is None:
        return None
    title = _SPACES.sub(" ", match["title"]).strip(_AROUND_TITLE)
    return title if len(title.split()) >= 2 else None
