"""A labelled entry's fields written after its link, as the same reference.

`.. [2] `Title <https://hal.example.fr/hal-01234567>`_` then `A. Author, B. Author. Journal,
2019.` on the next line: an entry that opens with its linked title gives its authors, venue
and year after the link. Within a labelled list everything up to the next label or blank line
is the one entry, so a title or author-year read from those lines is no second work. So is
the venue and year in parentheses right after an HTML anchor whose text is the title (`<a
href="...">Title</a> (Journal of Geodesy (2002) 76: 279-299)`), read as an author-year, and
the authors and year right after a link whose text is the title (`[Title](url). Lind, 2011.`).
"""

from __future__ import annotations

import re

from catalog.types import RefKind
from scanner.places.base import ENTRY_BREAK, Groups, mergeable
from scanner.types import Hit

_NAMED_KINDS = frozenset({RefKind.TITLE, RefKind.AUTHOR_YEAR, RefKind.BOOK})

# After the link: its closing marks, then the line break.
_LINK_LINE_END = re.compile(r"[>`_\])}\"'.,;:]*[ \t\r]*\n")
# Words on the way to the mention that make it another work (`See also Smith (2001)`).
_OTHER_WORK = re.compile(
    r"(?i:\b(?:see|also|cf|compare|unlike|extend(?:s|ed)?|improve(?:s|d)?|follow(?:s|ed|ing)?)\b)"
)
_FIELD_LINES = 2  # the lines after the link on which the mention may start

# A list item's label at a line's start: `.. [2]`, `[2]`, `[^2]:`, `2.`, a bullet.
_ITEM_LABEL = re.compile(
    r"[ \t]*(?:\.\.[ \t]*\[[^\]\n]+\]|\[\^?[^\]\n]{1,40}\]:?|\d{1,3}[.)]|[-*•])[ \t]"
)

_ITEM_LINES = 4  # how many lines above the link its item's label may stand


def join_fields_after_links(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join a title or author-year that starts the line after a labelled entry's link to it;
    the indexes of those joined are returned: they are the entry's text, not in-text mentions."""
    joined: set[int] = set()
    for index in range(1, len(hits)):
        link, fields = hits[index - 1], hits[index]
        if (
            link.ref is not None
            and fields.ref is None
            and fields.kind in _NAMED_KINDS
            and mergeable(link)
            and mergeable(fields)
            and (
                (
                    _fields_follow(text, link.end, fields.start)
                    and _in_labelled_item(text, link.start)
                    and not _opens_item(text, fields.start)
                )
                or _venue_after_anchor(text, link, fields)
                or _named_after_titled_link(text, link, fields)
            )
        ):
            groups.join(index - 1, index)
            joined.add(index)
    return joined


# From a link's target to the mention: the anchor's text, its closing tag, then an opening
# parenthesis and the few words before the mention starts (`(Journal of ` before `Geodesy (2002)`).
_ANCHOR_THEN_PARENTHESIS = re.compile(
    r"[\"']?[ \t]*>[^<>]{1,400}</a[ \t]*>[ \t]*\n?[ \t]*\([^()\n]{0,40}"
)


def _venue_after_anchor(text: str, link: Hit, fields: Hit) -> bool:
    """Whether `fields` is an author-year without a title, in parentheses right after the
    anchor whose text `link` read as the entry's title: the entry's venue and year."""
    reference = fields.reference
    return (
        bool(link.title_hint)
        and fields.kind is RefKind.AUTHOR_YEAR
        and (reference is None or not reference.title)
        and _ANCHOR_THEN_PARENTHESIS.fullmatch(text, link.end, fields.start) is not None
    )


# From a link's target to its authors after it on its line: the link's closing marks, then a
# full stop, comma or dash (`[Title](url). Lind and Moss, 2011.`, `[Title](url) - Lind & Moss`).
_LINK_THEN_NAMES = re.compile(r"[>`_\])]{0,3}[ \t]*(?:[.,;:]|[-–—]{1,2})?[ \t]*")


def _named_after_titled_link(text: str, link: Hit, fields: Hit) -> bool:
    """Whether `fields` is an author-year without a title right after a link whose text is
    a title, on its line: the linked work's authors and year."""
    reference = fields.reference
    return (
        bool(link.title_hint)
        and fields.kind is RefKind.AUTHOR_YEAR
        and (reference is None or not reference.title)
        and _LINK_THEN_NAMES.fullmatch(text, link.end, fields.start) is not None
    )


def _fields_follow(text: str, end: int, start: int) -> bool:
    """Whether the text from a link's `end` to a mention's `start` ends the link's line and
    runs on over the item's next lines (`A. Author, B. Author. 9th Conference on`) to it, with
    nothing that names another work."""
    closed = _LINK_LINE_END.match(text, end)
    line_start = text.rfind("\n", 0, start) + 1
    return (
        closed is not None
        and closed.end() <= start
        and text.count("\n", closed.end(), start) < _FIELD_LINES
        and ENTRY_BREAK.search(text, end, start) is None
        and _OTHER_WORK.search(text, closed.end(), start) is None
        # a line that opens with a label of its own is the next item (`[Clerc and Kennedy,
        # 2002] <link>` under `[Poli et al., 2007] <link>`)
        and _ITEM_LABEL.match(text, line_start) is None
    )


def _opens_item(text: str, start: int) -> bool:
    """Whether the mention at `start` is (or directly follows) the label that opens its line:
    the next item of the list (`[Lee and Park, 2002] doi:...` under `[Smith, 2007] doi:...`),
    not the fields of the entry above."""
    label = _ITEM_LABEL.match(text, text.rfind("\n", 0, start) + 1)
    return label is not None and start <= label.end()


def _in_labelled_item(text: str, start: int) -> bool:
    """Whether `start` stands in a labelled list item: its line, or one of the few lines above
    it in the same paragraph, opens with a label."""
    line_start = text.rfind("\n", 0, start) + 1
    for _ in range(_ITEM_LINES):
        if _ITEM_LABEL.match(text, line_start) is not None:
            return True
        if line_start == 0:
            return False
        above = text.rfind("\n", 0, line_start - 1) + 1
        if not text[above : line_start - 1].strip():
            return False  # a blank line above: the paragraph starts here, unlabelled
        line_start = above
    return False
