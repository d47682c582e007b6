"""The characters an entry's fields stand for, where the comment writes them in markup: HTML's
character references in Javadoc (`Analyse num&eacute;rique`, `Discrete &amp; Computational
Geometry`) and LaTeX's accents in BibTeX entries and TeX-minded docstrings (`S\\"arkk\\"a`,
`Ru{\\ss}wurm`, `Erd\\H{o}s`). A field's other text stays as written: only the marks are read,
so a `%`, a `$...$` or a macro of the author's own is never taken for LaTeX's."""

from __future__ import annotations

import html
import re
from functools import lru_cache

__all__ = ["marked_words_read", "may_hold_marks", "read_marks"]

_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")
# An accent over a letter (`\"a`, `\'{e}`, `\v{C}`, `\H{o}`, `\c c`) or a letter of its own
# (`\ss`, `\o`, `\L`, `\aa`), perhaps set in braces (`{\"o}`, `{\ss}`) and closed by `{}`.
_ACCENTED = r"\\[\"'`^~=.](?:\{[A-Za-z]\}|[A-Za-z])|\\[uvHckrdb](?:\{[A-Za-z]\}|[ ][A-Za-z])"
_LETTER = r"\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?"
_LATEX_MARK = re.compile(rf"\{{(?:{_ACCENTED}|{_LETTER})\}}|{_ACCENTED}|{_LETTER}")


# A word with a LaTeX accent after one of its letters (`S\"oren`, `M\"{u}ller`, `Erd\H{o}s`),
# as BibTeX-minded comments write names outside an entry; not a mark that opens a word
# (`\"Title\"`: a quote escaped in a string).
# (a compound's parts with it, `P{\'e}rez-Garc{\'i}a`, read as one word)
_MARKED_WORD = re.compile(
    rf"[^\W\d_]+(?:(?:{_LATEX_MARK.pattern}|[-'’](?=[^\W\d_]|\{{?\\))[^\W\d_]*)+"
)


# ... where such a word's first mark is: a backslash after a letter or a brace, then an
# accent over a letter or a letter's name (searched from the backslash: most blocks hold none,
# or only TeX's math, `\\sigma`, `\\left`).
_MARK_IN_WORD = re.compile(
    r"\\(?<=[^\W\d_]\\|\{\\)(?:[\"'`^~=.][{A-Za-z]|[uvHckrdb](?:\{|[ ][A-Za-z])"
    r"|(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z]))"
)
_WORD_BEFORE = re.compile(r"[^\W\d_][\w'’-]*$")


def marked_words_read(text: str) -> str:
    """`text` with each word that writes a letter as a LaTeX accent read as the word it is,
    the characters the marks took put before it as blanks: the names a reader's patterns know
    (`S\\"oren Sonnenburg` reads `  Sören Sonnenburg`), every offset outside it the same (the
    punctuation after it still right after it: `Särkkä, Simo`)."""
    if "\\" not in text:
        return text
    pieces: list[str] = []
    done = 0  # where the text not yet copied starts
    for mark in _MARK_IN_WORD.finditer(text):
        if mark.start() < done:
            continue  # a later mark of a word already read
        at = mark.start() - (1 if text[mark.start() - 1] == "{" else 0)
        before = _WORD_BEFORE.search(text, max(done, at - 40), at)
        word = _MARKED_WORD.match(text, before.start() if before else at)
        if word is None or word.end() <= mark.start():
            continue
        pieces.append(text[done : word.start()])
        pieces.append(_word_read(word))
        done = word.end()
    return "".join(pieces) + text[done:] if pieces else text


def _without_joiners(word: str) -> str:
    """A compound's letters: `Pérez-García` less its hyphen, `O'Dwyér` its apostrophe."""
    return word.replace("-", "").replace("'", "").replace("’", "")


def _word_read(match: re.Match[str]) -> str:
    word = read_marks(match.group())
    if len(word) > len(match.group()) or not _without_joiners(word).isalpha():
        return match.group()  # (a mark pylatexenc reads as more than a letter: left as written)
    return " " * (len(match.group()) - len(word)) + word


def may_hold_marks(text: str) -> bool:
    """Whether `text` may write a character as a reference or an accent (a cheap test)."""
    return "&" in text or "\\" in text


def read_marks(value: str) -> str:
    """`value` with its character references and LaTeX accents read as the characters."""
    if "&" in value and _CHARACTER_REFERENCE.search(value):
        value = html.unescape(value)
    if "\\" in value:
        value = _LATEX_MARK.sub(lambda mark: _latex_character(mark.group()), value)
    return value


@lru_cache(maxsize=256)
def _latex_character(mark: str) -> str:
    # pylatexenc knows every accent and letter; imported here, as few scans ever need it
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text().latex_to_text(mark)
