"""A second link of one entry: its work's copy on another host, on the lines after its identifier.

An entry that already holds its identifier (`... Journal 12, 45-67. doi:10.1234/x`) is often
followed by another link to the same work: the journal's landing page, the authors' PDF, a
repository's copy, written on its own line as a bare link or an HTML anchor (`<a
href="...">PDF</a>`, in Javadoc and JSDoc), perhaps after a paragraph tag or a blank comment
line, perhaps under a label (`Preprint:`, `free copy:`, `Available at`). It names no work of its
own, so it is the entry's: one reference, the entry's strongest identifier.
"""

from __future__ import annotations

import re

from catalog.keys import normalize_title
from catalog.types import RefKind
from scanner.places.base import ENTRY_BREAK, ENTRY_KINDS, Groups, mergeable, same_source
from scanner.places.words import TRAILER_WORDS, WORD
from scanner.types import Hit

_MAX_LINES = 3  # the copy stands on one of the three lines after its entry's identifier
_COPY_KINDS = frozenset({RefKind.URL, RefKind.ARXIV})  # a landing page, a PDF, the preprint

# What may stand on the lines between the identifier's line and the copy's: nothing, or
# paragraph markup only (Javadoc's `<p>`, `<br/>`, a list item's close).
_BETWEEN_LINE = re.compile(r"(?i)[ \t\r]*(?:</?(?:p|br|li|ul|ol|dd|dt)[ \t]*/?>[ \t\r]*)*")

# A list item's label: the next entry starts (a Javadoc `@see` tag with only a link does not).
_NEXT_ENTRY = re.compile(
    r"[ \t]*(?:\.\.[ \t]*\[|\[[^\]\n]{1,40}\]:?[ \t]|[-*•+][ \t]|\d{1,3}[.)][ \t]|<li\b|@cite\b|"
    r"\\cite\b)"
)

_LATER_ENTRY = re.compile(r"\n" + _NEXT_ENTRY.pattern)

# An HTML anchor's opening before the copy's link, and its close with its text after it.
_ANCHOR_OPEN = re.compile(r"(?i)<a\s+[^<>\n]*?href\s*=\s*[\"']?$")
# An anchor opened on the line before its `href` (`<a` then `href="...">[PDF]</a>`).
_WRAPPED_ANCHOR_OPEN = re.compile(r"(?i)<a[ \t\r]*\n[ \t]*href\s*=\s*[\"']?\Z")
_ANCHOR_CLOSE = re.compile(r"(?i)[\"']?[^<>\n]{0,40}>(?P<label>[^<\n]{0,120})</a\s*>")

# What closes a line after a link: punctuation, brackets, a closing tag, a short remark in
# parentheses (`(paywalled)`).
_LINE_END = re.compile(
    r"(?i)(?:[ \t]*(?:[.,;:)\]}>\"'`]|`__?|</?(?:p|br|li|i|em|b|a)[ \t]*/?>|\([^()\n]{0,40}\)|"
    # an arXiv id's subject class: `2001.01234 [cs.RO]`
    r"\[[a-z-]+(?:\.[a-z-]+)?\]))*"
    r"[ \t\r]*$"
)

# Words that label a link as another copy of the work (`Preprint:`, `free copy`, `journal
# page`, `PDF`, `here`, `the authors' site`), besides the words entries put before a link.
_COPY_WORDS = TRAILER_WORDS | frozenset(
    [
        "free",
        "copy",
        "copies",
        "here",
        "journal",
        "publisher",
        "page",
        "landing",
        "abstract",
        "html",
        "mirror",
        "open",
        "access",
        "download",
        "the",
        "author",
        "authors",
        "site",
        "homepage",
        "postprint",
        "reprint",
        "ssrn",
        "sciencedirect",
        "springer",
        "springerlink",
        "wiley",
        "ieee",
        "xplore",
        "acm",
        "jstor",
        "researchgate",
        "citeseer",
        "citeseerx",
        "hal",
        "semantic",
        "scholar",
        # the same work as published elsewhere: `proceedings`, `conference version`
        "published",
        "proceedings",
        "conference",
        "extended",
        "long",
        "camera-ready",
    ]
)
_MAX_LABEL_WORDS = 6
_NEARBY = 8


def join_link_copies(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a bare link on one of the lines after an entry's identifier (its entry read with a
    title or its authors and year), with only paragraph markup, a blank line or a copy's label
    between them and nothing after it on its line, to that entry: another copy of the work."""
    # The groups that hold an entry: read as a title or author-year, or an identifier's fields.
    titled = {groups.find(i) for i, hit in enumerate(hits) if _is_entry_text(hit) or _titled(hit)}
    for index in range(1, len(hits)):
        copy, entry = hits[index], hits[index - 1]
        if (
            (copy.kind not in _COPY_KINDS and copy.kind is not RefKind.DOI)
            or copy.ref is None
            or entry.ref is None
            or not mergeable(copy)
            or not mergeable(entry)
            or groups.find(index - 1) == groups.find(index)
        ):
            continue
        if _names_own_work(text, copy):
            continue
        # An identifier, then a link that the words between call another copy of its work
        # (`doi:10.1234/x (a free version is at https://...)`), in an entry or not.
        if _called_a_copy(text, entry, copy) and _copy_of(text, copy, None):
            groups.join(index - 1, index)
            continue
        # A link whose own text only calls it a copy (`[proceedings](...)`, `<a href=...>PDF</a>`),
        # further on in the paragraph of an arXiv id, a DOI or an entry, with no other work
        # between them (two bare links labelled `PDF` list two works).
        if (
            copy.kind is not RefKind.DOI
            and (entry.kind is not RefKind.URL or groups.find(index - 1) in titled)
            and not same_source(entry, copy)
            and _labelled_as_copy(text, copy)
            and _same_paragraph(text, entry, copy)
            and _copy_of(text, copy, None)
        ):
            groups.join(index - 1, index)
            continue
        in_entry = groups.find(index - 1) in titled
        # A DOI after a link is its work's when words call it so (`published as doi:...`), or
        # when it stands on the next lines labelled only as a DOI (`@see <a href="...">DOI</a>`
        # after `@see <a href="...">Original article</a>`): it names no work of its own.
        if copy.kind is RefKind.DOI:
            if (
                not same_source(entry, copy)  # two DOIs, one per line: two works
                and _labelled_a_doi(text, copy)
                and _follows_on_own_line(text, entry, copy)
                and _copy_of(text, copy, None)
            ):
                groups.join(index - 1, index)
            continue
        if not in_entry:
            continue
        if same_source(entry, copy):
            continue
        # A copy after a copy (`<a>PDF</a> <a>journal page</a>`) may share its line.
        if not (
            _follows_on_own_line(text, entry, copy)
            or (in_entry and entry.kind in _COPY_KINDS and _beside_copy(text, entry, copy))
        ):
            continue
        if _copy_of(text, copy, _entry_title(hits, groups, index - 1)):
            groups.join(index - 1, index)
            titled.add(groups.find(index))  # the copy's entry: a copy after it joins it too
    _join_the_paper_link(text, hits, groups)


# The words that label a link as the paper itself (`paper available at:`, `PDF:`, `Original
# article:`), without naming it; at least one of the first set. Not `also` (`See also`).
_THE_PAPER_WORDS = frozenset(["paper", "article", "pdf", "preprint", "publication"])
_THE_PAPER_LABEL = _THE_PAPER_WORDS | frozenset(
    ["available", "at", "from", "online", "here", "the", "this", "its", "of", "original", "full",
     "text", "url", "link", "see", "free", "copy", "version", "published", "is", "can", "be",
     "found", "read"]
)  # fmt: skip


def _join_the_paper_link(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join a place's one other link, labelled only as the paper (`- paper available at:
    <url>` in the notes, the entry with its DOI under References), to the place's one entry:
    a place of one work calls that work "the paper". With any other work in the place, which
    one the link is cannot be told."""
    members = groups.members()
    if len(members) != 2:
        return
    for link_group, entry_group in (members, members[::-1]):
        if len(link_group) != 1 or not any(
            _is_entry_text(hits[i]) or _titled(hits[i]) for i in entry_group
        ):
            continue
        link = hits[link_group[0]]
        entry = next((hits[i] for i in entry_group if hits[i].ref is not None), None)
        if (
            entry is None
            or link.kind is not RefKind.URL
            or link.ref is None
            or not mergeable(link)
            or not mergeable(entry)
            or _names_own_work(text, link)
            or (link.title_hint and not _labels_a_copy(link.title_hint))
            or same_source(entry, link)
        ):
            continue
        line_start = text.rfind("\n", 0, link.start) + 1
        lead = text[line_start : link.start]
        if (anchor := _ANCHOR_OPEN.search(lead)) is not None:
            lead = lead[: anchor.start()]
        words = [w.lower() for w in WORD.findall(lead)]
        if (
            words
            and all(w in _THE_PAPER_LABEL for w in words)
            and any(w in _THE_PAPER_WORDS for w in words)
            and _copy_of(text, link, None)
        ):
            groups.join(link_group[0], entry_group[0])
        return


# The start of a link's own text: a hit read with an entry of its own spans that entry.
_LINK_START = re.compile(r"(?i)https?://|ftp://|www\.|doi\b|10\.")


def _names_own_work(text: str, copy: Hit) -> bool:
    """Whether the link was read with an entry of its own (its authors or title)."""
    fields = copy.reference
    if fields is not None and (fields.title or fields.authors):
        return True
    return _LINK_START.match(text, copy.start) is None


def _is_entry_text(hit: Hit) -> bool:
    return hit.ref is None and (hit.kind in ENTRY_KINDS or hit.kind is RefKind.AUTHOR_YEAR)


def _titled(hit: Hit) -> bool:
    """Whether an identifier was read with its entry: a title, or its authors."""
    fields = hit.reference
    if hit.ref is None:
        return False
    if fields is not None and (fields.title or fields.authors):
        return True
    # a link's label that only says what the copy is (`PDF`, `journal page`) names no work
    return bool(hit.title_hint) and not _labels_a_copy(hit.title_hint or "")


def _entry_title(hits: list[Hit], groups: Groups, index: int) -> str | None:
    root = groups.find(index)
    for i in range(max(0, index - _NEARBY), index + 1):  # an entry's readings stand close
        hit = hits[i]
        if i == index or groups.find(i) == root:
            title = (hit.reference.title if hit.reference else None) or hit.title_hint
            if title:
                return title
    return None


def _follows_on_own_line(text: str, entry: Hit, copy: Hit) -> bool:
    """Whether `copy` stands on one of the lines right after the line `entry` ends, its line
    holding only the link (perhaps in an anchor, under a copy's label), the lines between
    blank or paragraph markup, and nothing after `entry` on its own line."""
    written = _identifier_end(text, entry)
    if written is None:
        return False
    entry_line_end = text.find("\n", written)
    # The entry's reading runs past its identifier's line: it took in the next entry's text.
    if entry_line_end < 0 or entry_line_end >= copy.start or entry.end > entry_line_end:
        return False
    if not _closes_line(text, written, entry_line_end):
        return False
    wrapped = _WRAPPED_ANCHOR_OPEN.search(text, max(0, copy.start - 120), copy.start)
    opening = wrapped.start() if wrapped is not None else copy.start
    copy_line_start = text.rfind("\n", 0, opening) + 1
    between = text[entry_line_end + 1 : max(entry_line_end + 1, copy_line_start - 1)]
    lines = between.split("\n") if between else []
    if len(lines) + 1 > _MAX_LINES:
        return False
    if any(_BETWEEN_LINE.fullmatch(line) is None and not _label_line(line) for line in lines):
        return False
    lead = text[copy_line_start:opening]
    if _NEXT_ENTRY.match(lead) is not None:
        return False  # the link opens the next entry of a list (`.. [3] https://...`)
    if _LATER_ENTRY.search(text, entry.start, copy_line_start) is not None:
        return False  # the next entry starts in between, perhaps read into `entry`'s span
    if (anchor := _ANCHOR_OPEN.search(lead)) is not None:
        lead = lead[: anchor.start()]
    return _labels_a_copy(lead)


# Between two copies on one line: the first's anchor close, a separator, the second's label.
_COPY_SEPARATOR = re.compile(r"[ \t]*[,;|/·-]?[ \t]*")
# Another anchor after a copy's on its line (`<a ...>PDF</a> | <a ...>journal page</a>`): it is
# judged as a copy on its own.
_NEXT_ANCHOR = re.compile(r"(?i)[ \t]*[,;|/·-]?[ \t]*<a\s")


def _beside_copy(text: str, entry: Hit, copy: Hit) -> bool:
    """Whether `copy` follows the copy `entry` on its line with only the close of `entry`'s
    anchor, a separator and a copy's label between them."""
    written = _identifier_end(text, entry)
    if written is None or "\n" in text[written : copy.start]:
        return False
    at = written
    if (close := _ANCHOR_CLOSE.match(text, at, copy.start)) is not None:
        if not _labels_a_copy(close["label"]):
            return False
        at = close.end()
    lead = text[at : copy.start]
    if (anchor := _ANCHOR_OPEN.search(lead)) is not None:
        lead = lead[: anchor.start()]
    separator = _COPY_SEPARATOR.match(lead)
    return _labels_a_copy(lead[separator.end() if separator else 0 :])


def _identifier_end(text: str, hit: Hit) -> int | None:
    """Where the hit's identifier is written last in its span (a DOI, the arXiv number, the
    link without its scheme), or None when it is not found as written."""
    if hit.ref is None:
        return None
    ident = hit.ref.key.partition(":")[2]
    if hit.kind is RefKind.URL:
        ident = ident.split("://", 1)[-1].removeprefix("www.")
    elif hit.kind is RefKind.ARXIV:
        ident = ident.rsplit("/", 1)[-1]
    span = text[hit.start : hit.end].lower()
    for written in (ident.lower(), ident.lower().replace("/", "%2f")):  # `10.1145%2F2358...`
        at = span.rfind(written)
        if at >= 0:
            end = hit.start + at + len(written)
            if hit.kind is RefKind.ARXIV:  # its version and file type: `1706.03762v2.pdf`
                tail = _ARXIV_TAIL.match(text, end, hit.end)
                end = tail.end() if tail else end
            return end
    return None


_ARXIV_TAIL = re.compile(r"(?i)(?:v\d+)?(?:\.pdf)?")


def _closes_line(text: str, start: int, end: int) -> bool:
    """Whether only punctuation, a closing anchor or markup follows `start` up to `end`."""
    anchor = _ANCHOR_CLOSE.match(text, start, end)
    if anchor is not None:
        start = anchor.end()
    return _LINE_END.match(text, start, end) is not None


# A line between an entry's identifier and its copy that holds only the copy's label (`Author's
# copy:`), or a link under a label that no extractor read as a paper (`@see` a project page).
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[^\n:<>]{1,60}:)[ \t\r]*")
_LINK_LINE = re.compile(r"[ \t]*(?P<label>[^\n<>]{0,40}?)[ \t]*(?:https?://|www\.)\S+[ \t\r]*")


def _label_line(line: str) -> bool:
    """Whether `line` holds only a copy's label, or only a link under such a label."""
    for pattern in (_LABEL_LINE, _LINK_LINE):
        match = pattern.fullmatch(line)
        if match is not None and _labels_a_copy(match["label"]):
            return True
    return False


_DOI_LABEL = re.compile(r"(?i)doi\b")
# A Markdown link's or a reST link's text before its target: `[pdf](`, `` `proceedings <``.
_TEXT_BEFORE_LINK = re.compile(r"(?:\[(?P<md>[^\[\]\n]{1,40})\]\(|`(?P<rst>[^`<\n]{1,40})<)\s*\Z")
# The words of such a text that call the link a copy of a work, not the work.
_COPY_LABEL_WORDS = frozenset(
    ["pdf", "preprint", "proceedings", "published", "journal", "copy", "version", "postprint",
     "reprint", "mirror", "publisher", "free", "camera-ready", "html", "abstract"]
)  # fmt: skip


def _labelled_as_copy(text: str, copy: Hit) -> bool:
    """Whether the link's own text (a Markdown or reST link's, an HTML anchor's) only calls it a
    copy of a work: `[proceedings](...)`, `` `pdf <...>`__ ``, `<a href="...">PDF</a>`."""
    before = _TEXT_BEFORE_LINK.search(text, max(0, copy.start - 44), copy.start)
    label = (before["md"] or before["rst"]) if before is not None else None
    if label is None:
        line_end = text.find("\n", copy.end)
        anchor = _ANCHOR_CLOSE.match(text, copy.end, len(text) if line_end < 0 else line_end)
        label = anchor["label"] if anchor is not None else None
    if not label:
        return False
    words = [w.lower() for w in WORD.findall(label)]
    return _labels_a_copy(label) and any(w in _COPY_LABEL_WORDS for w in words)


def _same_paragraph(text: str, entry: Hit, copy: Hit) -> bool:
    """Whether `copy` follows `entry` closely, in its paragraph and entry, with only copy
    labels and small words between them besides the copy's own text (not `the method of`)."""
    if copy.start - entry.end > _NEAR_COPY or ENTRY_BREAK.search(
        text, entry.end, max(entry.end, copy.start)
    ):
        return False
    written = _identifier_end(text, entry)
    if written is None or written > copy.start:
        return False
    if (close := _ANCHOR_CLOSE.match(text, written, copy.start)) is not None:
        written = close.end()
    between = text[written : copy.start]
    if (opening := _TEXT_BEFORE_LINK.search(between)) is not None:
        between = between[: opening.start()]
    elif (anchor := _ANCHOR_OPEN.search(between)) is not None:
        between = between[: anchor.start()]
    words = [w.lower() for w in WORD.findall(between.replace("'s", ""))]
    return all(w in _SMALL_WORDS or _copy_word(w) for w in words)


_NEAR_COPY = 200


def _labelled_a_doi(text: str, copy: Hit) -> bool:
    """Whether the DOI `copy` is written under a DOI's label only: `doi:10...`, `DOI:
    https://doi.org/...`, or a link whose anchor text is `DOI`."""
    line_start = text.rfind("\n", 0, copy.start) + 1
    lead = text[line_start : copy.start]
    if _DOI_LABEL.match(text, copy.start) or _DOI_LABEL.search(lead):
        return True
    line_end = text.find("\n", copy.end)
    anchor = _ANCHOR_CLOSE.match(text, copy.end, len(text) if line_end < 0 else line_end)
    return anchor is not None and _DOI_LABEL.match(anchor["label"].strip()) is not None


# Words that, between an identifier and a link, call the link another copy of its work: at least
# one of these, the others copy labels or such small words as `a free version is at`.
_STRONG_COPY_WORDS = frozenset(
    ["copy", "copies", "free", "preprint", "postprint", "reprint", "version", "mirror", "published"]
)
_SMALL_WORDS = frozenset(["a", "an", "is", "are", "its", "it", "also", "and", "or", "can", "be"])
# What may stand between an identifier and its copy besides words: punctuation and brackets.
_BETWEEN_WORDS = re.compile(r"[\s.,;:()\[\]<>`'\"-]*")


def _called_a_copy(text: str, entry: Hit, copy: Hit) -> bool:
    """Whether the words between the identifier `entry` and the link `copy` (on its line or
    the next) call the link a copy of the same work, and nothing else stands between them."""
    written = _identifier_end(text, entry)
    if written is None or written > copy.start or text.count("\n", written, copy.start) > 1:
        return False
    if copy.kind is entry.kind and copy.kind is not RefKind.URL:
        return False  # two DOIs or two arXiv ids: two works (`AS 109` and its correction)
    # The entry's own anchor text, whatever it says (`<a href="...">Kim (2015)</a>`).
    if (close := _ANCHOR_CLOSE.match(text, written, copy.start)) is not None:
        written = close.end()
    between = text[written : copy.start]
    if (anchor := _ANCHOR_OPEN.search(between)) is not None:
        between = between[: anchor.start()]
    words = [w.lower() for w in WORD.findall(between.replace("'s", ""))]
    if not words or not any(w in _STRONG_COPY_WORDS for w in words):
        return False
    rest = WORD.sub(" ", between)
    return (
        len(words) <= _MAX_LABEL_WORDS
        and all(w in _SMALL_WORDS or _copy_word(w) for w in words)
        and _BETWEEN_WORDS.fullmatch(rest) is not None
    )


def labels_a_copy(words_text: str) -> bool:
    """Whether `words_text` only labels a link as a copy of a work (`PDF`, `journal version`)."""
    return _labels_a_copy(words_text)


def _labels_a_copy(words_text: str) -> bool:
    words = [w.lower() for w in WORD.findall(words_text.replace("'s", ""))]
    return len(words) <= _MAX_LABEL_WORDS and all(_copy_word(w) for w in words)


def _copy_word(word: str) -> bool:
    return word in _COPY_WORDS or (word.endswith("s") and word[:-1] in _COPY_WORDS)


def _copy_of(text: str, copy: Hit, title: str | None) -> bool:
    """Whether the copy's link names nothing of its own: its line ends after it (after its
    anchor, whose text is a copy's label, a link, or the entry's own title)."""
    line_end = text.find("\n", copy.end)
    line_end = len(text) if line_end < 0 else line_end
    anchor = _ANCHOR_CLOSE.match(text, copy.end, line_end)
    if anchor is None:
        return _LINE_END.match(text, copy.end, line_end) is not None
    if (
        _LINE_END.match(text, anchor.end(), line_end) is None
        and _NEXT_ANCHOR.match(text, anchor.end(), line_end) is None
    ):
        return False
    label = anchor["label"].strip()
    if not label or _labels_a_copy(label) or "://" in label or label.lower().startswith("doi"):
        return True
    if copy.ref is not None and _names_its_identifier(label, copy.ref.key):
        return True  # `<a href="https://arxiv.org/abs/2001.01234">2001.01234 [cs.RO]</a>`
    return title is not None and _same_title(label, title)


_ID_PREFIX = re.compile(r"(?i)^(?:arxiv|doi)\s*:\s*")
_MIN_ID_TAIL = 6


def _names_its_identifier(label: str, key: str) -> bool:
    """Whether an anchor's text is its link's identifier, perhaps with a version or an arXiv
    subject class, or a DOI's suffix: `2001.01234v2 [cs.RO]`, `10.1109/TW.2020.1234567`,
    `TW.2020.1234567`."""
    ident = key.partition(":")[2].lower()
    words = _ID_PREFIX.sub("", label.lower()).split()
    if not words or len(words) > 2:
        return False
    written = words[0].rstrip(".,;")
    if written.startswith(ident):
        return True
    # a tail of the identifier from one of its separators: a DOI's suffix
    return (
        _MIN_ID_TAIL <= len(written) < len(ident)
        and ident.endswith(written)
        and ident[-len(written) - 1] in "/."
    )


def _same_title(label: str, title: str) -> bool:
    wanted, written = normalize_title(title).split(), normalize_title(label).split()
    shorter = min(len(wanted), len(written))
    return shorter >= 3 and wanted[:shorter] == written[:shorter]
