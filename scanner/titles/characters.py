"""The characters an entry's fields stand for, where the comment writes them in markup: HTML's
character references in Javadoc (`Analyse num&eacute;rique`, `Discrete &amp; Computational
Geometry`) and LaTeX's accents in BibTeX entries and TeX-minded docstrings (`S\\"arkk\\"a`,
`Ru{\\ss}wurm`, `Erd\\H{o}s`). A field's other text stays as written: only the marks are read,
so a `%`, a `$...$` or a macro of the author's own is never taken for LaTeX's."""

from __future__ import annotations

import html
import re
from functools import lru_cache

__all__ = ["may_hold_marks", "read_marks"]

_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")
# An accent over a letter (`\"a`, `\'{e}`, `\v{C}`, `\H{o}`, `\c c`) or a letter of its own
# (`\ss`, `\o`, `\L`, `\aa`), perhaps set in braces (`{\"o}`, `{\ss}`) and closed by `{}`.
_ACCENTED = r"\\[\"'`^~=.](?:\{[A-Za-z]\}|[A-Za-z])|\\[uvHckrdb](?:\{[A-Za-z]\}|[ ][A-Za-z])"
_LETTER = r"\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?"
_LATEX_MARK = re.compile(rf"\{{(?:{_ACCENTED}|{_LETTER})\}}|{_ACCENTED}|{_LETTER}")


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
