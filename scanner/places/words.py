"""The words that may stand between an entry and its identifier."""

from __future__ import annotations

import re

# The words that may stand between an entry and its identifier (`Available at`, `[Online]`,
# `Also: arXiv preprint`); any other word is prose about something else (`came first. We
# follow arXiv:...` names another work). Numbers and dates are allowed too.
TRAILER_WORDS = frozenset(
    [
        "available",
        "accessible",
        "online",
        "at",
        "from",
        "url",
        "urls",
        "doi",
        "link",
        "links",
        "see",
        "also",
        "arxiv",
        "preprint",
        "pre-print",
        "e-print",
        "eprint",
        "accessed",
        "retrieved",
        "in",
        "on",
        "pdf",
        "full",
        "text",
        "version",
        "published",
        "as",
        "and",
        "or",
        "via",
        "cited",
        # `Original paper: <url>`, `Article: <url>` on the line after a title
        "original",
        "paper",
        "article",
    ]
)


WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)


# Where in a work an entry points (`p. 294`, `Ch. 7`), between its identifiers.
_LOCATOR_WORDS = frozenset(["p", "pp", "page", "pages", "ch", "chapter", "sec", "section", "eq"])


def trailer_or_locator(word: str) -> bool:
    return word.lower() in TRAILER_WORDS or word.lower() in _LOCATOR_WORDS
