"""An identifier joined to the entry it ends: the title before it, or the entry's other id."""

from __future__ import annotations

import re

from catalog.keys import family_name, normalize_title
from catalog.types import RefKind
from scanner.places.base import (
    ENTRY_BREAK,
    ENTRY_KINDS,
    ENTRY_REACH,
    Groups,
    mergeable,
    same_source,
)
from scanner.places.layout import (
    BLANK_LINE,
    ends_entry_line,
    ends_its_line,
    labelled_item,
    says_what_it_gives,
    see_for,
    starts_paragraph,
)
from scanner.places.words import MONTHS, TRAILER_WORDS, WORD, trailer_or_locator
from scanner.types import Hit

# A sentence of prose in the gap: a word followed by a lowercase word, at the gap's start or
# after a sentence end (`came first. We follow`), unless the word is an entry's own (a
# trailer word, or `Chapter in "Book" edited by`, `Technical report`, `PhD thesis`, a venue's
# `Journal of`, `Proceedings of`, `Advances in`), or the words that lead to the entry's link
# right after them (`Proposed in https://...`).
_PROSE = re.compile(
    r"(?:^|[.!?][\"”')\]]?)\s+(?!(?i:(?:chapter|edited|technical|lecture|thesis|phd|journal|"
    r"proceedings|transactions|annals|bulletin|communications|conference|symposium|workshop|"
    r"advances|international)\b|"
    # a line that introduces the entry's link: `Proposed in <url>`, `Based on <url>`
    r"(?:based|described|proposed|introduced|presented|adapted|taken|ported|details)"
    r"[ \t]+(?:on|in|at|from)[ \t:]*$))"
    # a venue before its volume (`Bioinformatics vol.19 suppl. 2.`) is no sentence, nor a
    # venue's name joined by a small word (`Research and Development in Intelligent Systems`,
    # `Statistics and Computing`, `Physics of Fluids`)
    r"([A-Za-z][a-z]+)\s+(?!(?:vol|vols|no|pp|suppl)\b|(?:and|of|in|for|on)[ \t]+[A-Z])[a-z]{2,}"
)


# The HTML anchors around two links of one entry, each on its line (`DOI: <a href="doi">ID</a>.`
# then `arXiv: <a href="arxiv">`): the first's close with its short text (the identifier
# again, `PDF`), the second's opening; their words are markup, not prose about another work.
_ANCHOR_CLOSE_LABEL = re.compile(
    r"(?i)^(?:[\"']?[^<>\n]{0,40}>(?P<label>[^<>\n]{0,60}))?</a[ \t]*>"
)
_ANCHOR_OPENING = re.compile(r"(?i)<a\s+[^<>\n]*?href\s*=\s*[\"']?$")


def _in_entry(text: str, hits: list[Hit], index: int, in_entry: set[int], groups: Groups) -> bool:
    """Whether the identifier `index` is read in an entry: itself, or as the text of the link
    before it (`<a href="url">arXiv:ID</a>`)."""
    return index in in_entry or (
        index - 1 in in_entry
        and (
            groups.find(index - 1) == groups.find(index)
            or _ANCHOR_TEXT_START.fullmatch(text, hits[index - 1].end, hits[index].start)
            is not None
        )
    )


# Between a link and its anchor's text: the anchor's opening tag closing.
_ANCHOR_TEXT_START = re.compile(r"[\"']?[^<>\n]{0,40}>[ \t]*")


# What an entry's text shows that a sentence of prose does not: a year, an initial, quotes;
# or a line opening with its authors' full names, the last after "and", then a comma (`Ada
# Lind and Bo Moss, Decoding many integers ...`).
_NAME = r"[A-Z][a-z'-]+(?:[ \t]+[A-Z][a-z'-]+)+"
_ENTRY_SIGN = re.compile(
    r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|\b[A-Z]\.|[\"“”«»]|\bet al\b"
    rf"|(?m:^[ \t]*{_NAME}(?:,[ \t]*{_NAME})*,?[ \t]+and[ \t]+{_NAME},)"
)


def _listed_under_prose(text: str, hit: Hit) -> bool:
    """Whether the identifier `hit` opens its line under a paragraph of prose with no sign of
    an entry (`TODO initialize via the mode, then a few MCMC steps` / `<url>` / `<url>`): one
    of a list of links, each its own work, not the end of an entry's text."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    if text[line_start : hit.start].strip():
        return False
    return not _entry_above(text, line_start)


def _entry_above(text: str, line_start: int) -> bool:
    """Whether the paragraph above the line starting at `line_start` shows an entry's signs."""
    window = text[max(0, line_start - _PROSE_REACH) : line_start]
    blank = BLANK_LINE.search(window[::-1])
    paragraph = window[len(window) - blank.start() :] if blank else window
    return _ENTRY_SIGN.search(paragraph) is not None


def _anchor_under_entry(text: str, hits: list[Hit], index: int) -> bool:
    """Whether the identifier `index` is the text of an HTML anchor that opens its line under
    an entry's text (`Ada Lind and Bo Moss, Decoding ...` / `<a href="doi">doi</a>` /
    `<a href="arxiv">arxiv</a>`): the anchors that follow are that entry's links too."""
    if index < 1:
        return False
    href, label = hits[index - 1], hits[index]
    if href.ref is None or label.ref is None or href.ref.key != label.ref.key:
        return False
    if _ANCHOR_TEXT_START.fullmatch(text, href.end, label.start) is None:
        return False
    line_start = text.rfind("\n", 0, href.start) + 1
    opening = text[line_start : href.start].lstrip()
    return _ANCHOR_OPENING.fullmatch(opening) is not None and _entry_above(text, line_start)


_PROSE_REACH = 400  # characters of the paragraph above a link read for an entry's signs


def _short_label(text: str, hit: Hit) -> bool:
    """Whether the HTML anchor `hit` is the target of, if any, has a short text (the identifier
    again, `PDF`), not a title of its own."""
    line_end = text.find("\n", hit.end)
    close = _ANCHOR_CLOSE_LABEL.match(text[hit.end : len(text) if line_end < 0 else line_end])
    if close is None:
        return True
    label = close["label"] or ""
    own = hit.ref.key.partition(":")[2].lower() if hit.ref is not None else ""
    # the text names an identifier that is not the link's own: another work's (`<a
    # href=".../1501.01234">1502.04321</a>`)
    if any(ident.lower() not in own for ident in _WRITTEN_ID.findall(label)):
        return False
    return _labels_link(label)


# An identifier written as an anchor's text: an arXiv number, a DOI.
_WRITTEN_ID = re.compile(r"\b\d{4}\.\d{4,5}\b|\b10\.\d{4,9}/[^\s<>\"]+")


def _labels_link(label: str) -> bool:
    """Whether an anchor's text only labels its link: an identifier (digits in it), one word,
    or the words entries put before a link (`PDF`, `full text`)."""
    words = WORD.findall(label)
    return (
        any(c.isdigit() for c in label)
        or len(words) <= 1
        or all(w.lower() in TRAILER_WORDS for w in words)
    )


def _without_anchors(gap: str) -> str:
    """`gap` without the HTML anchor markup of the links it lies between."""
    close = _ANCHOR_CLOSE_LABEL.match(gap)
    if close is not None and _labels_link(close["label"] or ""):
        gap = gap[close.end() :]
    return _ANCHOR_OPENING.sub("", gap)


# A repository's id written before its link (`2015. hal-01231784` then the HAL link).
_REPOSITORY_ID = re.compile(r"\b(?:hal|tel|inria|halshs)-\d{6,}\b")


def join_entry_identifiers(text: str, hits: list[Hit], groups: Groups) -> tuple[set[int], set[int]]:
    """Join an identifier to the entry it ends: the title entry right before it, with no
    blank line or next entry between them; or the entry's identifier right before it (a
    publisher's page, then the working paper: `DOI: 10.1016/...` then `http://escholarship...`)
    with only the words entries put before a link between them. An entry read only by its
    authors and year (`.. [1] Eswaran, K. P. and R. E. Tarjan. (1975) Augmentation problems.`
    then its link on the next line; `Reference: Arthur & Vassilvitskii (2007), [Title](url)`)
    heads its entry: it joins the title or identifier that follows it. The indexes of such
    heads are returned (they are reference text, not in-text mentions), and those of the
    entries joined to a labelled link in the next paragraph (their text runs on to it)."""
    in_entry = {i for i, hit in enumerate(hits) if hit.ref is not None and hit.reference}
    heads: set[int] = set()
    bridged: set[int] = set()  # entries joined to a link across a blank line
    for index in range(1, len(hits)):
        hit, entry = hits[index], hits[index - 1]
        if not mergeable(hit) or not mergeable(entry):
            continue
        if entry.ref is None and entry.kind is RefKind.AUTHOR_YEAR:
            if (
                _titled_by(text, entry, hit)
                or _anchored_after(text, entry, hit)
                or (
                    hit.ref is not None
                    and _heads_entry(text, entry)
                    and _continues_entry(text, entry, hit.start)
                    and (ends_its_line(text, hit.end) or see_for(text, hit.start, hit.end))
                    and not _read_with_other_authors(entry, hit)
                )
            ):
                groups.join(index - 1, index)
                heads.add(index - 1)
            continue
        if hit.ref is None:
            if entry.ref is None and entry.kind in ENTRY_KINDS and _see_key_of(text, entry, hit):
                groups.join(index - 1, index)
            continue
        if _BIBTEX_HEAD.match(text, hit.start):
            continue  # the hit is the next BibTeX entry, read from its `@article{` on
        if entry.ref is None and entry.kind in ENTRY_KINDS:
            if _entry_of_its_own(text, entry, hit):
                continue
            if _continues_entry(text, entry, hit.start) or _see_link_of(text, entry, hit):
                groups.join(index - 1, index)
                in_entry.add(index)
            elif _labelled_link_paragraph(text, entry, hit):
                groups.join(index - 1, index)
                in_entry.add(index)
                bridged.add(index - 1)
        elif entry.ref is not None and (
            _other_field(text, entry, hit)
            or _copies_listed(text, entry, hit, index - 1 in in_entry)
            or _cited_under_item(text, entry, hit)
        ):
            groups.join(index - 1, index)
            in_entry.add(index)
        elif (
            entry.ref is not None
            and not same_source(entry, hit)
            # an identifier read with an entry of its own opening its line is that entry's
            and not _opens_own_entry(text, hit)
            and (
                (entered := _in_entry(text, hits, index - 1, in_entry, groups))
                or (ends_entry_line(text, entry) and not _listed_under_prose(text, entry))
            )
        ):
            gap = text[entry.end : hit.start]
            bibtex = _BIBTEX_FIELDS.match(text, entry.end, hit.start + 40) is not None
            if (entered or _anchor_under_entry(text, hits, index - 1)) and _short_label(text, hit):
                # the entry's links in anchors, one a line (`DOI: <a href=...>ID</a>.`)
                gap = _without_anchors(gap)
            words = WORD.findall(_REPOSITORY_ID.sub(" ", gap))
            if (
                "\n" in gap
                and ENTRY_BREAK.search(text, entry.start, hit.start) is None
                # `url1,\n url2` and `url1 and\n url2` list several works.
                and (
                    # The note may have been read into the entry: look from its line's start.
                    _PUBLISHED_VERSION.match(gap)
                    or _PUBLISHED_VERSION.match(
                        text[text.rfind("\n", 0, entry.end) + 1 : hit.start]
                    )
                    # one BibTeX entry's fields (`doi = {...},\n adsurl = {...}`)
                    or (bibtex and _BIBTEX_GAP.fullmatch(gap) is not None)
                    or (
                        (not _LIST_SEPARATOR.search(gap) or bibtex)
                        and all(
                            trailer_or_locator(w) and w.lower() not in ("and", "or") for w in words
                        )
                    )
                )
                and (ends_its_line(text, hit.end) or _BIBTEX_FIELD_END.match(text, hit.end))
            ):
                groups.join(index - 1, index)
                in_entry.add(index)
    return heads, bridged


# A Markdown list item's line, and a blockquote's (delimiters are blanked in a block's text).
_ITEM_LINE = re.compile(r"[ \t]*[-*+][ \t]")
_QUOTE_LINE = re.compile(r"[ \t]*>[ \t]")


def _cited_under_item(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` closes the work's full citation quoted on the line right under the list
    item whose link `entry` is (`- [Title](https://dl.acm.org/citation.cfm?id=1)` then `  >
    Authors. 2005. "Title." Journal 55: 58-75. <https://doi.org/10.1/x>.`): one entry."""
    if _ITEM_LINE.match(text, text.rfind("\n", 0, entry.start) + 1) is None:
        return False
    line_end = text.find("\n", entry.end)
    if line_end < 0 or line_end > hit.start or "\n" in text[line_end + 1 : hit.start]:
        return False
    return _QUOTE_LINE.match(text, line_end + 1) is not None and ends_its_line(text, hit.end)


def join_bibtex_entry_links(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join the identifiers inside one BibTeX entry (`@article{key, ... }`): its `url`, `doi`
    and `eprint` fields and the `biburl` of the bibliography it was copied from all name the
    one work the entry describes, however many fields stand between them."""
    if "@" not in text or "=" not in text:
        return
    for head in _BIBTEX_HEAD.finditer(text):
        end = _entry_end(text, head.end())
        inside = [
            i
            for i, hit in enumerate(hits)
            if hit.ref is not None and mergeable(hit) and head.start() <= hit.start < end
        ]
        for index in inside[1:]:
            groups.join(inside[0], index)


def join_paper_link_bibtex(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join a link whose text only says it is the paper (`cite our [paper](url):`, ``in this
    `paper <url>`__.``) to the BibTeX entry that follows it, fenced as code, with nothing but
    blank lines between: a project's "how to cite us" names its paper by the link and by the
    entry, one work. The indexes of the links so joined are returned: the reference text
    runs on from the link to the entry across the blank lines."""
    joined: set[int] = set()
    if "@" not in text or "=" not in text:
        return joined
    for head in _BIBTEX_HEAD.finditer(text):
        before = [i for i, hit in enumerate(hits) if hit.end <= head.start()]
        if not before:
            continue
        link = max(before, key=lambda i: hits[i].end)
        if hits[link].ref is None or not mergeable(hits[link]):
            continue
        words = _LINK_TEXT_BEFORE.search(text, max(0, hits[link].start - 60), hits[link].start)
        said = words and (words["words"] or words["rst"])
        if not said or _PAPER_TEXT.fullmatch(" ".join(said.split())) is None:
            continue
        if _TO_CODE_BLOCK.fullmatch(text, hits[link].end, head.start()) is None:
            continue
        end = _entry_end(text, head.end())
        inside = [i for i, hit in enumerate(hits) if head.start() <= hit.start < end]
        if inside and mergeable(hits[inside[0]]):
            groups.join(link, inside[0])
            joined.add(link)
    return joined


# A link's text right before its target: Markdown's `[paper](`, reST's `` `paper <``.
_LINK_TEXT_BEFORE = re.compile(r"(?:\[(?P<words>[^\[\]\n]{1,40})\]\(|`(?P<rst>[^`<\n]{1,40})<)\Z")
# What a link's text says when it only says it is the work: `paper`, `our preprint`, `Andrew
# Moore's PhD Thesis (1990)`.
_PAPER_TEXT = re.compile(
    r"(?i:(?:(?:this|the|our|my)\s+|[\w.'’ -]{1,40}?['’]s\s+)?"
    r"(?:(?:ph\.?\s?d\.?|doctoral|master['’]?s)\s+)?"
    r"(?:paper|preprint|article|publication|manuscript|pdf|thesis|dissertation|"
    r"(?:technical\s+|tech\.?\s+)?report)(?:\s*\(\d{4}\))?)"
)
# From the link's end to the entry: its closing marks and stop, blank lines, and the code
# fence or directive the entry is set in (```` ```bibtex ````, `.. code:: latex`, `::`).
_TO_CODE_BLOCK = re.compile(
    r"[>)\]`_]*[ \t]*[.:]?[ \t]*\n(?:[ \t]*\n)*"
    r"(?:[ \t]*(?:```[ \t]*\w*|~~~[ \t]*\w*|\.\.[ \t]+code(?:-block)?::[ \t]*\w*|::)[ \t]*\n"
    r"(?:[ \t]*\n)*)?[ \t]*"
)


def _entry_end(text: str, start: int) -> int:
    """Where the BibTeX entry whose body starts at `start` (after its `{`) ends: at its closing
    brace, else at the next blank line or entry."""
    depth = 1
    for pos in range(start, min(len(text), start + _BIBTEX_REACH)):
        char = text[pos]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return pos
        elif char == "@" and _BIBTEX_HEAD.match(text, pos):
            return pos
    return start


_BIBTEX_REACH = 4000  # characters an entry's fields may span


def join_item_link_paragraphs(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join a list item's entry to its link written as the item's next paragraph (see
    `_item_link_paragraph`); the indexes of the entries so joined are returned (their
    reference text runs on across the blank line)."""
    bridged: set[int] = set()
    for index in range(1, len(hits)):
        hit, entry = hits[index], hits[index - 1]
        if (
            hit.ref is not None
            and entry.ref is None
            and entry.kind in ENTRY_KINDS
            and mergeable(hit)
            and mergeable(entry)
            and _item_link_paragraph(text, entry, hit)
        ):
            groups.join(index - 1, index)
            bridged.add(index - 1)
    return bridged


def _item_link_paragraph(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` is the link of a list item's entry written as the item's next paragraph:
    `.. [1] Authors. Title. Venue.`, a blank line, then the link alone, indented under the
    item's text (reST keeps such a paragraph in the footnote)."""
    fields = hit.reference
    if fields is not None and (fields.title or fields.authors):
        return False
    if not 0 <= hit.start - entry.end <= ENTRY_REACH:
        return False
    line_start = text.rfind("\n", 0, entry.start) + 1
    if not labelled_item(text, line_start, entry.start):
        return False
    parts = BLANK_LINE.split(text[entry.end : hit.start])
    # the link's paragraph is still the item's: it opens no item of its own (`.. [2] NIST
    # Digital Library of Mathematical Functions.` above the link is the next entry's)
    if len(parts) != 2 or any(ENTRY_BREAK.search(f"\n{part}") is not None for part in parts):
        return False
    link_line = text.rfind("\n", 0, hit.start) + 1
    if text.rfind("\n", 0, link_line - 1) + 1 < entry.end:
        return False  # the link's paragraph is one line: the blank line is right above it
    lead = text[link_line : hit.start]
    label = text[line_start : entry.start]
    return (
        len(lead) - len(lead.lstrip(" \t")) > len(label) - len(label.lstrip())
        and all(trailer_or_locator(w) for w in WORD.findall(lead))
        and ends_its_line(text, hit.end)
    )


# Between an entry's identifiers on its last line, listing its copies: a comma, `and` or an
# opening parenthesis (`... (2009).\n https://dx.doi.org/10.1140/..., https://arxiv.org/...`).
_COPY_LIST = re.compile(r"[ \t]*[.,;]?[ \t]*(?:,|\band\b|&|\()[ \t]*")


def _copies_listed(text: str, entry: Hit, hit: Hit, joined: bool) -> bool:
    """Whether `hit` is a copy of `entry`'s work on another host, listed right after it on
    the same line: `entry` ends an entry read with its title (`Authors. Title. Venue.\n
    doi, arxiv`), `hit` has no fields of its own and closes the line. Without the entry
    (`See doi:..., https://arxiv...`), or of one source (`url1, url2`), they list two works."""
    fields = hit.reference
    return (
        (joined or (entry.reference is not None and bool(entry.reference.title)))
        and (fields is None or not (fields.title or fields.authors))
        and not same_source(entry, hit)
        and _COPY_LIST.fullmatch(text, entry.end, hit.start) is not None
        and ends_its_line(text, hit.end)
    )


# Between two fields of one BibTeX entry: the closing of one, the name of the next.
_BIBTEX_GAP = re.compile(r"[}\"]?[ \t]*,[ \t]*\n\s*[A-Za-z_-]+[ \t]*=[ \t]*[{\"]?[ \t]*")


# What may stand on an entry's line before its authors: a list label, or a heading word with
# its colon (`Reference:`, `See:`, `Based on:`).
_HEAD_LABEL = re.compile(r"[ \t]*(?:[A-Za-z]+[ \t]*){1,2}:[ \t]*")
# Between an entry's authors and year and its title: punctuation and an opening quote or
# bracket only (`Smith (2001). "Title"`, `Smith (2001), [Title](url)`).
_YEAR_TO_TITLE = re.compile(r"[ \t]*[.,:]?[ \t]*[\[(\"'“‘`*_]*")


# The other authors of an entry before the one an author-year was read from (`Webb, G., &amp;`
# before `Boughton, J. (2005)`): capitalised names, initials and their joining words.
_LEADING_AUTHORS = re.compile(
    r"(?:[ \t]*(?:[A-Z][\w'’-]*\.?,?|&amp;|&|and|et[ \t]+al\.?,?))*[ \t]*"
)


def _after_head_label(text: str, line_start: int, start: int) -> bool:
    """Whether only a heading word and its colon stand before `start` on its line (`See:`,
    `Reference:`), perhaps with the entry's other authors after it."""
    head = _HEAD_LABEL.match(text, line_start, start)
    return head is not None and _LEADING_AUTHORS.fullmatch(text, head.end(), start) is not None


def _read_with_other_authors(head: Hit, hit: Hit) -> bool:
    """Whether the identifier was read with its own entry's authors, the head's first author
    not among them: `Keeton and Kochanek (1998)` above `Oguri 2021: <arXiv link>`, two works."""
    named = head.reference.authors[:1] if head.reference else ()
    own = {family_name(a) for a in hit.reference.authors} - {""} if hit.reference else set()
    return bool(named and own) and family_name(named[0]) not in own


def _heads_entry(text: str, hit: Hit) -> bool:
    """Whether the author-year `hit` opens an entry: it starts a list item, a paragraph, or
    the line after a heading word, rather than standing in a sentence."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    return (
        labelled_item(text, line_start, hit.start)
        or _after_head_label(text, line_start, hit.start)
        # the mention is the bracketed label opening its line: `[Clerc, 2011] Title \n url`
        or (
            _OPEN_BRACKET.fullmatch(text, line_start, hit.start) is not None
            and text.startswith("]", hit.end)
            and not text.startswith("]:", hit.end)  # a Markdown link definition's label
        )
        or starts_paragraph(text, line_start, hit.start)
        or (
            _TITLE_CASE_HEAD.fullmatch(text, line_start, hit.start) is not None
            and len(_TITLE_CASE_WORD.findall(text, line_start, hit.start)) >= _TITLE_CASE_WORDS
            and starts_paragraph(text, line_start, line_start)
            and ends_its_line(text, hit.end)
        )
    )


_OPEN_BRACKET = re.compile(r"[ \t]*\[")
# A title in title case opening the line before the words read as its authors (`Residual
# Learning of Deep Image Stacks (2015).`: the "authors" are the title's last words).
_TITLE_CASE_HEAD = re.compile(
    r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|a|an|and|as|at|by|for|from|in|of|on|the|to|"
    r"via|with))*[ \t]+"
)
_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z'’-]{3,}")
_TITLE_CASE_WORDS = 2


def _titled_by(text: str, head: Hit, hit: Hit) -> bool:
    """Whether `hit` is the entry whose title stands right after the authors and year `head`
    (`Smith (2001). "Title"`; `Hastie et al. (2009), The Elements of Statistical Learning,
    url`, the title read into the link's entry): authors, year and title are one entry,
    wherever in a sentence it stands."""
    if hit.kind in ENTRY_KINDS and hit.ref is None:
        return _YEAR_TO_TITLE.fullmatch(text, head.end, hit.start) is not None or (
            # the part of a book the entry cites, or a line break, between its year and the
            # book's title (`* Abramowitz, M.; Stegun, I. A., eds. (1965), Chapter 6,
            # Section 5,` then `Handbook of Mathematical Functions ...` on the next line):
            # one entry when the head opens it and the title has no authors of its own
            _YEAR_LOCATOR_TITLE.fullmatch(text, head.end, hit.start) is not None
            and not (hit.reference and hit.reference.authors)
            and _heads_entry(text, head)
        )
    title = hit.reference.title if hit.ref is not None and hit.reference else None
    if not title or hit.start - head.end > ENTRY_REACH:
        return False
    after = _YEAR_TO_TITLE.match(text, head.end)
    wanted = WORD.findall(title)[:_TITLE_WORDS]
    written = WORD.findall(text, after.end() if after else head.end, hit.start)[: len(wanted)]
    return bool(wanted) and [w.lower() for w in written] == [w.lower() for w in wanted]


_TITLE_WORDS = 4  # the words of a title that must open the text after the authors and year

# Between an entry's authors and year and its book's title: the chapter or section cited, if
# any (`, Chapter 6, Section 5,`, `, "Chapter 9",`), and perhaps a line break.
_YEAR_LOCATOR_TITLE = re.compile(
    r"(?i)[ \t]*,(?:[ \t]*[\"“]?(?:chapter|ch\.|section|sec\.|part|vol\.|volume)[ \t]*"
    r"[\dIVX]+(?:\.\d+)*[\"”]?[ \t]*,)*[ \t]*(?:\n[ \t]*)?[\"“'‘`*_]*"
)


# Between an entry's authors and year and the HTML anchor that links its title: punctuation,
# one line break, the anchor's opening (`Friedman, J. H. (2002).` then `<a href="URL">` and the
# title as the anchor's text).
_YEAR_TO_ANCHOR = re.compile(r"(?i)[ \t]*[.,:]?[ \t]*(?:\n[ \t]*)?<a\s+[^<>\n]*?href\s*=\s*[\"']?")


def _anchored_after(text: str, head: Hit, hit: Hit) -> bool:
    """Whether the identifier `hit` is the target of an HTML anchor right after the authors and
    year `head`: the entry's link, its title the anchor's text."""
    return hit.ref is not None and _YEAR_TO_ANCHOR.fullmatch(text, head.end, hit.start) is not None


def join_entry_tails(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join an author-year mention that directly ends a title entry, only punctuation, markup
    and one line break between them, to that entry: its venue and year read as a name and a
    year (`<i>Interchange of Spatial Data</i>,` then `Agile 2006, Visegrad, Hungary.`; a
    publisher's address and year in brackets on the next line). So too
    the venue in italics after an entry read with its authors and title, read as a title of
    its own (`A. Dobson, K. Bekris,\n Sparse Roadmap Spanners,\n <em>IEEE Conference on
    Robotics (ICRA)</em> May 2013.`)."""
    for index in range(1, len(hits)):
        entry, tail = hits[index - 1], hits[index]
        if (
            tail.ref is None
            and entry.ref is None
            and entry.kind in ENTRY_KINDS
            and mergeable(entry)
            and mergeable(tail)
            and _ENTRY_TAIL_GAP.fullmatch(text, entry.end, tail.start) is not None
            and (tail.kind is RefKind.AUTHOR_YEAR or _italic_venue(text, entry, tail))
        ):
            groups.join(index - 1, index)


# A title set in italics from its line's start (`<em>`, `<i>`): a venue after an entry's title.
_ITALIC_OPEN = re.compile(r"(?i)<(?:em|i)>")


def _italic_venue(text: str, entry: Hit, tail: Hit) -> bool:
    """Whether `tail`, a title with no authors, is set in italics and follows an entry read
    with its authors and title and no venue: the entry's venue, not another work."""
    fields, own = entry.reference, tail.reference
    return (
        tail.kind is RefKind.TITLE
        and fields is not None
        and bool(fields.authors and fields.title)
        and not fields.venue
        and (own is None or not own.authors)
        and _ITALIC_OPEN.match(text, tail.start) is not None
    )


# Between an entry's title and its venue: closing markup, punctuation and brackets, one line
# break and an opening bracket after it (`Survey Review 23 (176),` then `(Directorate of ...,
# Surrey 1975)`).
_ENTRY_TAIL_GAP = re.compile(r"(?:</?[a-zA-Z]{1,6}>|[.,;:\"”'*)\]])*[ \t]*(?:\n[ \t]*[(\[]?)?")


def join_leading_identifiers(text: str, hits: list[Hit], groups: Groups) -> None:
    """Join the links written before an entry to it when only a label naming the entry stands
    between them (`[Reference]: <links>` then `[Article]: <entry>`); the links one per line in
    the run before it are that entry's too (a publisher's page, then a repository's PDF)."""
    for index in range(1, len(hits)):
        entry = hits[index]
        if entry.ref is not None or entry.kind not in ENTRY_KINDS or not mergeable(entry):
            continue
        link = index - 1
        if hits[link].ref is None or not mergeable(hits[link]):
            continue
        if _ENTRY_LABEL_GAP.fullmatch(text, hits[link].end, entry.start) is None:
            continue
        groups.join(link, index)
        while link > 0 and hits[link - 1].ref is not None and mergeable(hits[link - 1]):
            gap = text[hits[link - 1].end : hits[link].start]
            if gap.strip() or gap.count("\n") != 1:
                break
            groups.join(link - 1, index)
            link -= 1


# Between links and the entry they belong to: a label that names the entry, on its own line,
# perhaps after a blank line; nothing else.
_ENTRY_LABEL_GAP = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"\[?(?i:articles?|papers?|publications?|citations?|original\s+paper)\]?[ \t]*:[ \t]*\n[ \t]*"
)


# A bare link tag right after an entry, on the next line or the one after: `@see
# {@link url}`, perhaps saying what it is (`for the full paper`). Such a tag opens a new
# entry elsewhere, but with nothing but its link it names no other work.
_SEE_TAG_BEFORE = re.compile(r"[^\n]*(?:\n[^\n]*)?\n[ \t]*@see[ \t]+(?:\{@link(?:plain)?[ \t]+)?")
_SEE_TAG_AFTER = re.compile(
    r"[ \t]*\}?[ \t]*(?:(?i:for)[ \t]+(?:the[ \t]+)?(?:(?i:full|complete)[ \t]+)?"
    r"(?i:paper|article|pdf|preprint|text|version)[ \t]*\.?[ \t]*)?(?:\n|$)"
)


def see_tag_entries(text: str, hits: list[Hit]) -> set[int]:
    """The indexes of the entries whose `@see` link follows them (`_see_link_of`): the
    reference text runs from the entry across the tag to its link, so the citation's line is
    the entry's."""
    if "@see" not in text:
        return set()
    return {
        index - 1
        for index in range(1, len(hits))
        if hits[index - 1].ref is None
        and hits[index - 1].kind in ENTRY_KINDS
        and hits[index].ref is not None
        and _see_link_of(text, hits[index - 1], hits[index])
    }


# What closes an entry's line before the line of its bibliography key: quotes, brackets and
# the full stop (an entry's span may end past its line break).
_ENTRY_LINE_END = re.compile(r"[\"”'`)\].,;:]*[ \t]*\n?")


def _see_key_of(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` is a bibliography key written `See :cite:`Key` for <what it gives>` on
    the line after the entry ("... from paper "Title".` / `See :cite:`AffNet2018` for more
    details."): the key of the entry's work. A key is one word; `for an extension` and the
    like point at another work (`see_for`)."""
    if hit.kind is not RefKind.AUTHOR_YEAR or any(c.isspace() for c in text[hit.start : hit.end]):
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    return (
        _ENTRY_LINE_END.fullmatch(text, entry.end, line_start) is not None
        and text.count("\n", entry.end - 1, line_start) == 1  # the next line
        and see_for(text, hit.start, hit.end)
    )


def _see_link_of(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` is a bare `@see` link right after the entry, with no blank line and no
    fields of its own, perhaps saying what it gives (`@see {@link <url>} for the proofs`):
    the entry's link."""
    fields = hit.reference
    if fields is not None and (fields.title or fields.authors):
        return False
    return (
        _SEE_TAG_BEFORE.fullmatch(text, entry.end, hit.start) is not None
        and BLANK_LINE.search(text, entry.end, hit.start) is None
        and (_SEE_TAG_AFTER.match(text, hit.end) is not None or says_what_it_gives(text, hit.end))
    )


_LIST_SEPARATOR = re.compile(r"[,;]")


_FIELD_LABELS = r"(?i:doi|pdf|url|arxiv|preprint|e-?print|online|link)"
# Between an entry's two identifiers of different kinds: a comma, perhaps a line break, and the
# label of the second (`PDF: <url>, DOI: 10.1234/x`, `(<publisher url>,\n doi:10.1016/...)`),
# each perhaps a reST link (`` doi: `10.1/x <https://doi.org/10.1/x>`_,\n arXiv:`1909.03489
# <https://arxiv.org/abs/1909.03489>`_. ``).
_FIELD_GAP = re.compile(
    rf"[>`_]*[ \t]*[,;]?[ \t]*\n?[ \t]*(?:(?P<label>{_FIELD_LABELS})[ \t]*:[ \t]*`?)?"
)
_FIELD_LABEL = re.compile(rf"(?:{_FIELD_LABELS})[ \t]*:")
_FIELD_END = re.compile(r"[>`_]*[ \t]*[.,;]?[ \t]*(?:\)|\n|$)")


def _other_field(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` is another field of the identifier `entry`'s entry: an identifier of
    another kind, right after it with only a comma and its label between, closing the entry.
    Without a label (`doi:10.1145/3360572, https://arxiv.org/abs/1706.03762`), or of one kind
    (`url1, url2`), they list two works."""
    if entry.kind is hit.kind:
        return False
    gap = _FIELD_GAP.fullmatch(text, entry.end, hit.start)
    return (
        gap is not None
        # the label in the gap, or read as the start of the identifier (`DOI: 10.1234/x`)
        and (gap["label"] is not None or _FIELD_LABEL.match(text, hit.start) is not None)
        and _FIELD_END.match(text, hit.end) is not None
    )


# A BibTeX entry's start, and the comma between two of its fields (`Eprint = {arXiv:...},`
# then `Doi = {10...}`): identifiers in one entry's fields are one reference.
_BIBTEX_HEAD = re.compile(r"@[A-Za-z]+[ \t]*\{")
_BIBTEX_FIELD_END = re.compile(r"[}\"][ \t]*,?[ \t]*(?:\n|$)")
_BIBTEX_FIELDS = re.compile(r"[}\"]?[ \t]*,[ \t]*\n\s*[A-Za-z]+[ \t]*=[ \t]*[{\"]")


# A note of the published version between a preprint's id and the journal's link:
# `arXiv:0905.4913` then `Published 2010 in Elec. J. Combinatorics 17(1).` then the link.
_PUBLISHED_VERSION = re.compile(
    r"[\s.,;]*(?:also\s+)?(?:published|appeared|to appear)\b[^\n]{0,120}\n[^\S\n]*$",
    re.IGNORECASE,
)


# A link's label opening its line (`arXiv:`, `Also available as a preprint here:`): the words
# entries put before a link, and their colon.
_LINK_LABEL = re.compile(r"[ \t]*(?P<words>[A-Za-z][A-Za-z -]{0,60}?)[ \t]*:[ \t]*$")
_LABEL_FILLERS = frozenset(["a", "an", "the", "here", "its", "free", "copy"])
_MAX_LABEL_WORDS = 6


def _labelled_link_paragraph(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether `hit` is the link of the entry `entry` ends, written as the next paragraph under
    a link's label: the entry's paragraph ends (a blank comment line), then `arXiv: <a
    href="...">` or `Also available as a preprint here: <url>` alone on its line. The label
    says the link is the entry's, across the blank line that would end the entry."""
    fields = hit.reference
    if fields is not None and (fields.title or fields.authors):
        return False
    if not 0 <= hit.start - entry.end <= ENTRY_REACH:
        return False
    parts = BLANK_LINE.split(text[entry.end : hit.start])
    if len(parts) != 2 or ENTRY_BREAK.search(parts[0]) is not None or "\n" in parts[1]:
        return False
    lead = _ANCHOR_OPENING.sub("", parts[1])
    label = _LINK_LABEL.fullmatch(lead)
    if label is None:
        return False
    words = [w.lower() for w in WORD.findall(label["words"])]
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and all(trailer_or_locator(w) or w in _LABEL_FILLERS for w in words)
        and ends_its_line(text, hit.end)
    )


def _entry_of_its_own(text: str, entry: Hit, hit: Hit) -> bool:
    """Whether the identifier `hit` was read with an entry of its own, with another title,
    that opens after `entry` ends (entries one a line: `Lee, E.R., A Unified Form ..., 1968.`
    then `Ada Lind. Revisiting the problem. Journal, 2015. https://arxiv.org/abs/...`)."""
    other = entry.reference.title if entry.reference is not None else entry.title_hint
    return (
        other is not None
        and hit.start > entry.end
        and _opens_own_entry(text, hit)
        and hit.reference is not None
        and normalize_title(hit.reference.title or "") != normalize_title(other)
        # each entry a line of its own: the one above ends its line as this one opens its line
        and _LINE_END_AFTER.match(text, entry.end) is not None
    )


# After an entry read up to its title or venue: only its closing fields and marks to the line's
# end (`, Goddard Space Flight Center, 1968.`).
_LINE_END_AFTER = re.compile(r"[^\n\"“”]{0,80}?[.,;]?[ \t]*\n")


def _opens_own_entry(text: str, hit: Hit) -> bool:
    """Whether the identifier `hit` was read with an entry of its own whose text opens its
    line, its title before the identifier (`V. Pegoraro, P. Slusallek:` / `On the Evaluation
    ...` / `https://...pdf` under another entry's arXiv link)."""
    own = hit.reference.title if hit.reference is not None else None
    return (
        own is not None
        and _title_before_identifier(text, hit, own)
        and not text[text.rfind("\n", 0, hit.start) + 1 : hit.start].strip()
    )


def _title_before_identifier(text: str, hit: Hit, title: str) -> bool:
    """Whether `title` is written in the span of `hit` before its identifier: the entry the
    identifier closes, not one read after it."""
    at = text.find(title[:_TITLE_PREFIX], hit.start, hit.end)
    identifier = _IDENTIFIER_START.search(text, hit.start, hit.end)
    return at >= 0 and (identifier is None or at < identifier.start())


# Where an identifier is written: a link, or a DOI or arXiv id with its label.
_IDENTIFIER_START = re.compile(r"(?i)https?://|www\.|\bdoi:|\barxiv:|\b10\.\d{4,9}/")


_TITLE_PREFIX = 16  # characters of a title looked for as written (its line may break later)


def _continues_entry(text: str, entry: Hit, start: int) -> bool:
    """Whether an identifier at `start` still belongs to `entry`: near, no blank line or next
    entry between them, and either the entry is a labelled list item, only the words entries
    put before a link stand between, or the entry starts its paragraph and no prose starts."""
    end = entry.end
    if not 0 <= start - end <= ENTRY_REACH:
        return False
    gap = text[end:start]
    if ENTRY_BREAK.search(gap) is not None and not _tail_line(text, end, start):
        return False
    line_start = text.rfind("\n", 0, entry.start) + 1
    if labelled_item(text, line_start, entry.start):
        return True
    # Inline markup's tag names are no words of prose: a title in italics, a line break, then
    # its link (`<em>Title</em>` then `<br>` then `[<a href="url">Venue</a>]` in Javadoc).
    words = WORD.findall(
        _REPOSITORY_ID.sub(" ", _INLINE_MARKUP.sub(" ", _ANCHOR_OPENING.sub("", gap)))
    )
    if all(w.lower() in TRAILER_WORDS or w.lower()[:3] in MONTHS for w in words):
        return True
    # A numpy or Google `References` entry runs on through its publisher and notes to its
    # link, as long as no sentence of prose starts; so does an entry cited in prose ("as
    # described by B. N. Parlett, "Title", Journal, 1969,") onto the next line, to its DOI.
    # So does an entry after a heading word on its line (`See: Authors (2005). <i>Title</i>.
    # Venue. Retrieved from` then its link on the next line).
    if _hanging(text, line_start, entry.start, start) and _CODE_PROSE.search(gap) is None:
        # An entry set with a hanging indent runs on, through its institution and report
        # number, to its link (`Authors. Title, 2005. University of Washington Department of`
        # then `    Statistics Technical Report no. 463R.` then `    https://...pdf`).
        return True
    return (
        starts_paragraph(text, line_start, entry.start)
        or gap.count("\n") <= 1
        or _after_head_label(text, line_start, entry.start)
    ) and all(match[1].lower() in TRAILER_WORDS for match in _PROSE.finditer(gap))


# HTML's inline markup, which sets an entry's parts apart without ending it (not `<p>`, which
# starts another paragraph).
_INLINE_MARKUP = re.compile(
    r"(?i)</?(?:em|i|b|strong|br|cite|span|sup|sub|tt|code|font|small)\b[^<>\n]*>"
)


# The last line of a wrapped entry that opens with its volume or issue number, then holds only
# its pages and its bare DOI: `... Discrete Algorithms.` then `8. 1027-1035. 10.1145/12833.12834.`
_TAIL_LINE = re.compile(
    r"[ \t]*\d{1,3}[.)][ \t]+(?:\d+(?:[–-]\d+)?[.,][ \t]+)*10\.\d{4,9}/\S+[ \t]*"
)


def _tail_line(text: str, end: int, start: int) -> bool:
    """Whether the one entry break between an entry's text (ending at `end`) and the bare DOI
    at `start` is such a last line's number, not the next item of a numbered list."""
    breaks = list(ENTRY_BREAK.finditer(text, end, start))
    if len(breaks) != 1 or text[start : start + 3] != "10.":
        return False
    line_start = breaks[0].start() + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return _TAIL_LINE.fullmatch(text, line_start, line_end) is not None


# A sentence about the code or another work, which no entry's tail holds.
_CODE_PROSE = re.compile(r"[.!?:]\s+(?:This|These|We|It|Our|Note|See|Here|In\s+this)\b")


def _hanging(text: str, line_start: int, entry_start: int, start: int) -> bool:
    """Whether the entry opens its line and every line after it, down to the one holding
    `start`, is indented deeper: the hanging indent of one entry of a list."""
    opening = text[line_start:entry_start]
    if opening.strip() or "\n" not in text[entry_start:start]:
        return False
    *lines, last = text[text.index("\n", entry_start) + 1 : start].split("\n")
    deeper = len(opening)
    return (
        all(line.strip() and len(line) - len(line.lstrip(" \t")) > deeper for line in lines)
        and len(last) - len(last.lstrip(" \t")) > deeper
    )
