"""Licence and copyright text in comments and docstrings is legal text, not reference text.

A copyright line (`Copyright 2000-2002 Andrew Dalke.  All rights reserved.`, `(c) 2019 ...`,
an SPDX tag, `Revisions 2023 by ...`) and a paragraph of licence terms (`Permission is hereby
granted`, `Licensed under the Apache License`, a government-use notice citing `48 C.F.R.
2.101 (OCT 1995)`) hold names, years and quoted terms that read like citations and never are.
They are blanked (newlines and offsets kept), so the rest of the block, a description of the
algorithm below a licence header included, is read as before.
"""

from __future__ import annotations

import re

from ahocorasick_rs import MATCHKIND_LEFTMOST_FIRST, AhoCorasick

from scanner.lazyre import lazy_compile

# What any text to blank holds, lower-cased; most blocks lack all of them and are returned
# after one pass of an automaton over the lowered text (ten substring tests took three times
# as long; the patterns below are compiled on first use).
_NEEDLES = (
    "copyright", "(c)", "©", "rights reserved", "licen", "warrant", "permission", "spdx",
    "c.f.r", "revision", "endorse",
)  # fmt: skip
_NEEDLE_SCAN = AhoCorasick(list(_NEEDLES), matchkind=MATCHKIND_LEFTMOST_FIRST)
# A line that is a copyright or licence tag, from its first word (after a bullet or label).
_LEGAL_LINE = (
    r"(?im)^[ \t]*(?:[-*+•][ \t]*)?(?:"
    r"(?:portions[ \t]+)?copyright\b|\(c\)[ \t]*(?:19|20)\d\d|©"
    r"|all[ \t]+rights[ \t]+reserved"
    r"|SPDX-[\w-]+:"
    r"|revisions?[ \t]+(?:(?:19|20)\d\d|copyright)"
    r")[^\n]*"
    # the lines that go on with a copyright line's holders, indented, each a year or years
    # and names or names alone (`//           2012-2013  Mirko Hannemann;  Arnab Ghoshal`,
    # `//                      Jan Silovsky;   Yanmin Qian`); a sentence ends them
    r"(?:\n[ \t]{2,}(?-i:(?:(?:19|20)\d\d(?:[ \t]*[-–,][ \t]*(?:19|20)\d\d)*[ \t]+)?"
    r"[A-Z][\w.'&-]*(?:(?:[ \t]+|[ \t]*[;,][ \t]*)(?:[A-Z][\w.'&-]*|\([^()\n]*\)|and|de|"
    r"van|der|von))*)[ \t;,.]*(?=\n|$))*"
)
# Wording found in licence terms and notices, not in prose about an algorithm.
_LEGAL_TERMS = (
    r"(?i)permission is hereby granted|redistribution and use in source and binary forms"
    r"|licensed under the|under the terms of the|\blicen[cs]e,? version \d"
    r"|without warranties or conditions|without (?:any|even the implied) warranty"
    r"|provided (?:by the copyright holders )?[\"“]?as is[\"”]?|this (?:program|library|file) "
    r"is free software|GNU (?:Lesser |Library )?General Public License|Mozilla Public License"
    r"|C\.F\.R\.|commercial computer software|U\.S\. Government|notice to licensee"
    r"|limitation of liability"
    # the BSD licences' third clause, whose list of institutions reads like authors and titles
    r"|neither the names? of|endorse or promote products"
)
# A paragraph: a run of lines that are neither blank nor paragraph markup only (a Javadoc
# `<p>` line, Doxygen's `</para><para>`; CRLF files keep their `\r`), which separate paragraphs
# as a blank line does.
_PARAGRAPH = (
    r"(?im)^(?:(?![ \t]*(?:</?(?:p|para|br)[ \t]*/?>[ \t]*)+\r?(?:\n|$))[^\n]*\S[^\n]*(?:\n|$))+"
)
_NOT_NEWLINE = re.compile(r"[^\n]")
# An ASCII text is read lowered, where the patterns above match as they do in the text itself
# (the same length, the letters of either case alike) but without `(?i)`, which makes the
# engine compare each character both ways: the same matches in a quarter of the time.
_LOWER_TERMS = _LEGAL_TERMS.removeprefix("(?i)").lower()
_LOWER_PARAGRAPH = "(?m)" + _PARAGRAPH.removeprefix("(?im)")
# What a match of `_LEGAL_LINE` holds, lowered (`all rights reserved` by its `rights`).
_LINE_WORDS = ("copyright", "(c)", "©", "rights", "spdx-", "revision")


# Compiled on first use (`lazyre`): a run that blanks nothing never needs them.
_LEGAL_LINE_PATTERN = lazy_compile(_LEGAL_LINE)
_LEGAL_TERMS_PATTERN = lazy_compile(_LEGAL_TERMS)
_PARAGRAPH_PATTERN = lazy_compile(_PARAGRAPH)
_LOWER_TERMS_PATTERN = lazy_compile(_LOWER_TERMS)
_LOWER_PARAGRAPH_PATTERN = lazy_compile(_LOWER_PARAGRAPH)


# Texts blanked before, by their text: a tree repeats its licence header in every file, and a
# C-family block is blanked when the parser decides to read the file and again as its block.
# Bounded in number and size (a header is a few kB), and cleared when full.
_BLANKED: dict[str, str] = {}
_BLANKED_KEPT = 256
_BLANKED_SIZE = 16_384


def blank_licences(text: str) -> str:
    """`text` with its copyright lines and licence paragraphs blanked."""
    if not _holds_needle(text.lower()):
        return text
    if len(text) > _BLANKED_SIZE:
        return _blanked(text)
    found = _BLANKED.get(text)
    if found is None:
        if len(_BLANKED) >= _BLANKED_KEPT:
            _BLANKED.clear()
        found = _BLANKED[text] = _blanked(text)
    return found


def _holds_needle(lowered: str) -> bool:
    """Whether the lowered text holds one of `_NEEDLES`."""
    try:
        return bool(_NEEDLE_SCAN.find_matches_as_indexes(lowered))
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte kept) stops the automaton
        return any(needle in lowered for needle in _NEEDLES)


def _blanked(text: str) -> str:
    if text.isascii():
        return _blanked_ascii(text)
    if _LEGAL_TERMS_PATTERN.search(text) is not None:
        text = _PARAGRAPH_PATTERN.sub(_blank_legal_paragraph, text)
    return _LEGAL_LINE_PATTERN.sub(_blank, text)


def _blanked_ascii(text: str) -> str:
    """`_blanked` of an ASCII text, its patterns matched in the text lowered (see
    `_LOWER_TERMS`): the same spans blanked."""
    lowered = text.lower()
    if _LOWER_TERMS_PATTERN.search(lowered) is not None:
        parts: list[str] = []
        done = 0
        for paragraph in _LOWER_PARAGRAPH_PATTERN.finditer(lowered):
            start, end = paragraph.span()
            parts += text[done:start], _legal_paragraph_blanked(text[start:end], paragraph.group())
            done = end
        if parts:
            text = "".join(parts) + text[done:]
    if not any(word in lowered for word in _LINE_WORDS):
        return text
    return _LEGAL_LINE_PATTERN.sub(_blank, text)


def _legal_paragraph_blanked(paragraph: str, lowered: str) -> str:
    """`_blank_legal_paragraph` of an ASCII `paragraph` (`lowered`: the same lowered)."""
    legal = _LOWER_TERMS_PATTERN
    terms = len(legal.findall(lowered))
    if not terms:
        return paragraph
    if terms >= 2 or paragraph.count("\n") >= 3:
        return _NOT_NEWLINE.sub(" ", paragraph)
    return "".join(
        _NOT_NEWLINE.sub(" ", line) if legal.search(line.lower()) else line
        for line in paragraph.splitlines(keepends=True)
    )


def _blank_legal_paragraph(match: re.Match[str]) -> str:
    """A paragraph of licence terms blanked whole; in a short paragraph that mentions one term
    (`Licensed under MIT. Implements Smith (2011).`), only the lines that hold it."""
    paragraph = match.group()
    legal = _LEGAL_TERMS_PATTERN
    terms = len(legal.findall(paragraph))
    if not terms:
        return paragraph
    if terms >= 2 or paragraph.count("\n") >= 3:
        return _blank(match)
    return "".join(
        _NOT_NEWLINE.sub(" ", line) if legal.search(line) else line
        for line in paragraph.splitlines(keepends=True)
    )


def _blank(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group())
