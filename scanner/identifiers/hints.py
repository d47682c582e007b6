"""Title hints: the title an author wrote next to an identifier.

Recognised, in order: a reST link `` `Title <url>`_ ``, a reST target `.. _Title: url`, a
Markdown link `[Title](url)`, an HTML link `<a href="url">Title</a>`, and a quoted title in the
same sentence (`"Attention Is All You Need", arXiv:1706.03762`).
"""

from __future__ import annotations

import re

# A quoted title may wrap onto the next comment line, but never across a blank line.
_QUOTED = re.compile(
    r"[\"“”«»]((?:[^\"“”«»\n]|\n(?![ \t]*\n)){8,300}?)[\"“”«»]"
    r"|(?<![\w])'((?:[^'\n]|\n(?![ \t]*\n)){8,300}?)'(?![\w])"
    r"|``([^`\n]{8,300}?)``"
)
_SENTENCE_END = re.compile(r"(?:[.!?](?=\s+[A-Z(])|\n[ \t]*\n)")
_SPACES = re.compile(r"\s+")
_LINK_TEXT_MAX = 400
_NEAR = 160


def title_hint(
    text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()
) -> str | None:
    """The title written around the identifier at `text[start:end]`, or None.

    `others` are the spans of the block's other identifiers: a quoted title only belongs to
    this identifier when no other identifier stands between them.
    """
    for finder in (_rest_link, _rest_target, _markdown_link, _html_link):
        hint = finder(text, start, end)
        if hint:
            cleaned = _SPACES.sub(" ", hint).strip(" ,.;:")
            if _looks_like_title(cleaned, min_words=1):
                return cleaned
    quoted = _quoted_nearby(text, start, end, others)
    if quoted:
        cleaned = _SPACES.sub(" ", quoted).strip(" ,.;:")
        if _looks_like_title(cleaned, min_words=2):
            return cleaned
    return None


def _looks_like_title(text: str, min_words: int) -> bool:
    words = text.split()
    return (
        len(words) >= min_words
        and any(c.isalpha() for c in text)
        and not text.lower().startswith(("http", "www.", "arxiv:", "doi:"))
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
                return text[position + 1 : close]
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


def _quoted_nearby(
    text: str, start: int, end: int, others: tuple[tuple[int, int], ...]
) -> str | None:
    """The closest quoted phrase of the sentence holding the identifier, with no other
    identifier in between and at most `_NEAR` characters away."""
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = match.end()
    following = _SENTENCE_END.search(text, end)
    sentence_end = following.start() if following else len(text)
    best: tuple[int, str] | None = None
    for match in _QUOTED.finditer(text, sentence_start, sentence_end):
        if match.start() <= start < match.end():
            continue
        before = match.end() <= start
        distance = start - match.end() if before else match.start() - end
        gap = (match.end(), start) if before else (end, match.start())
        if distance > _NEAR or any(gap[0] <= o_start < gap[1] for o_start, _ in others):
            continue
        if best is None or distance < best[0]:
            best = (distance, _group(match))
    return best[1] if best else None


def _group(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)
