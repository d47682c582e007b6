"""A title or author-year written beside a link or identifier of the same work, as one reference.

The shape of the text says so, offline and without comparing titles: the mention is the
link's text (`` `Busko (1996) <url>`_ ``, `[Title](url)`, `{@link url | Title}`,
`<a href="url">Title</a>`, or the work's DOI as the text of a link to its PDF), or stands
next to it in one sentence with nothing but punctuation or the words entries put before a
link between them (`Title, url`, `Pierce et al. (2014). doi:...`, a title with its link on
the next line), or follows the link as its description (`{@link url}: Crassin et al.,
Title`, `[Title](url) by Gustavson, 2005`).
Two works named in one sentence stay two (`Smith (2001) and doi:10.1/x by Lee`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from catalog.keys import family_name, normalize_title, surname
from catalog.types import RefKind
from scanner.places.base import ENTRY_BREAK, Groups, mergeable
from scanner.places.bibcodes import year_and_initial
from scanner.places.layout import (
    BLANK_LINE,
    CITE_LABEL,
    labelled_item,
    see_for,
    starts_paragraph,
)
from scanner.places.preprints import dated_years
from scanner.places.sentences import leads_to_link
from scanner.types import Hit

_NAMED_KINDS = frozenset({RefKind.TITLE, RefKind.AUTHOR_YEAR, RefKind.BOOK})

# Link syntax: the text part and the target part of one link, each after a string every link
# of its form holds (a form whose string is not in the block is not searched).
_LINK_FORMS = (
    # reST and Sphinx roles: `` `text <target>`_ ``, `` :doi:`text <target>` ``. The lookahead
    # (what the rest must match anyway) turns a backtick that opens no link away in one C loop,
    # where the lazy text tried `\s*<` at every character up to the next backtick: 0.17 s, half
    # the places stage, of a single-worker scan of scipy.
    (">`", re.compile(r"`(?=[^`<>]+<[^`<>\s]+>`)(?P<text>[^`<>]+?)\s*<(?P<target>[^`<>\s]+)>`")),
    # Markdown: `[text](target)`
    (
        "](",
        re.compile(r"\[(?P<text>[^\[\]]+)\]\((?P<target>[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)"),
    ),
    # HTML: `<a href="target">text</a>`, the address perhaps unquoted (`<a href=target>`)
    (
        "</",
        re.compile(
            r"<a\s[^<>]*?href\s*=\s*[\"']?(?P<target>[^\"'<>\s]+)[\"']?[^<>]*>"
            # the text, perhaps set in italics or bold: `<a href="url"><i>Title.</i></a>`
            r"(?P<text>(?:[^<>]|</?(?:i|em|b|strong)>)+)</a>",
            re.IGNORECASE,
        ),
    ),
    # JSDoc and TSDoc: `{@link target | text}`, `{@link target text}`
    (
        "{@link",
        re.compile(r"\{@link(?:plain|code)?\s+(?P<target>[^\s|{}]+)\s*\|?\s*(?P<text>[^{}|]+)\}"),
    ),
    # a reST figure or image: its `:alt:` text and its `:target:` link, in either order
    (":alt:", re.compile(r":alt:[ \t]*(?P<text>[^\n]+)\n[ \t]*:target:[ \t]*(?P<target>\S+)")),
    (
        ":alt:",
        re.compile(r":target:[ \t]*(?P<target>\S+)[ \t]*\n[ \t]*:alt:[ \t]*(?P<text>[^\n]+)"),
    ),
)
_LINK_NEEDLES = ("`", "](", "href", "@link", ":target:")

# Between a mention and the identifier after it: punctuation, at most one line break, and the
# words an entry puts before its link; `and`, `see also` or a sentence of prose mean another work.
_BEFORE_LINK = re.compile(
    # (a bracketed label's close, `[Lee et al., 2007] <link>`; not a link definition's `]:`)
    r"[ \t]*(?:\](?!:))?[ \t]*[.,:(\[<–—-]?[ \t]*(?:\\n\b[ \t]*)?\n?[ \t]*"
    # (the link perhaps on the next line after its word: `Rubin (1992), at\n  https://...`)
    r"(?:(?i:available|online|at|url|doi|pdf|link|from|see)\b[ \t]*[:.\]\[]*[ \t]*\n?[ \t]*){0,3}"
    r"[(\[<{]?(?:@link[ \t]+)?"
)
# A place in the work just named: `Table 2`, `Fig. 4`, `Eq. (3)`, `Sec. 3.2`, `pp. 12-14`.
_LOCATOR = (
    r"(?:Table|Tab\.|Figure|Fig\.|Equation|Eq\.|Section|Sec\.|Chapter|Ch\.|pp?\.)"
    r"[ \t]*[\w.-]+"
)
# What may close the identifier's sentence: the end of its line (perhaps after a Doxygen or
# LaTeX line break, `\n`, `\\`, or `<br>`), a closing bracket, a sentence end; or a place in
# the work that ends the line (`Okafor et al. 2003, https://doi.org/..., see Fig. 2`); the
# work's number in a list of the place's links before the line's end (`... (2007):\n  <pdf> [1]`).
_AFTER_LINK = re.compile(
    r"[>}\])`_'\"]*[ \t]*(?:\[\d{1,3}\][ \t]*)?"
    r"(?:[.,;:]?[ \t]*(?:(?:\\n|\\\\|<br[ \t]*/?>)[ \t]*)?(?:\n|$)"
    r"|[.,;]?[ \t]*[)\]]"
    rf"|[,;][ \t]*(?i:see[ \t]+)?{_LOCATOR}[ \t]*\)?[.,;]?[ \t]*(?:\n|$))"
)
# Between a link and the description after it (`{@link url}: Authors, Title`, `[T](url) by
# Name, 2005`, `<a href="url">url</a>\n("Title" by Names)`): the link's closing marks (an
# HTML link whose text is its address), a colon, dash, `by` or an opening parenthesis, and only
# names on the way.
_AFTER_LINK_TEXT = re.compile(
    r"(?:[\"']?>[^<>\n]{0,200})?(?:</a>)?[>}\])`_]*[ \t]*"
    # (or a locator into the linked work first: `<doi link>, Table 12 (Mantina et al. 2009)`)
    rf"(?:,?[ \t]*{_LOCATOR}[ \t]*)?"
    r"(?:[:–—-]|,?[ \t\n]+by\b|\n?[ \t]*\([\"“]?)[ \t]*\n?[ \t]*"
    r"(?:(?:[A-Z][\w.'’-]*|et|al\.?|and|van|von|de|der|del|la|le|&)[ \t,]*\n?[ \t]*){0,8}"
)


def join_beside(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join each title or author-year to the identifier it stands beside; the indexes of the
    mentions joined so are part of their reference's text (not in-text mentions)."""
    joined: set[int] = set()
    if any(needle in text for needle in _LINK_NEEDLES):
        joined |= _join_link_texts(text, hits, groups)
    for index in range(1, len(hits)):
        first, second = hits[index - 1], hits[index]
        if not (mergeable(first) and mergeable(second)):
            continue
        # A mention read as a link's text is placed; an identifier that is a link's text (`<a
        # href="url">url</a>`) may still be described after it.
        both_identifiers = first.ref is not None and second.ref is not None
        if any(i in joined and (both_identifiers or _named(hits[i])) for i in (index - 1, index)):
            continue
        if first.kind is RefKind.AUTHOR_YEAR and _labels_entry(text, first, second):
            # `-   :cite:`Abasi2020a` : Abasi, S. ... doi:...`: the key labels its entry, whatever
            # its authors were read as.
            groups.join(index - 1, index)
            joined.add(index - 1)
            continue
        if _named(first) and second.ref is not None:
            mention = index - 1
            beside = (
                _precedes_link(text, first, second)
                or leads_to_link(text, first, second)
                or _named_twice(text, first, second)
                or _key_or_link(text, first, second)
                or _link_names_mention(text, first, second)
            )
        elif first.ref is not None and _named(second):
            mention = index
            beside = (
                _describes_link(text, first, second)
                or _paper_after_link(text, first, second)
                or _entry_below_link(
                    text, first, second, hits[index + 1] if index + 1 < len(hits) else None
                )
            )
        elif _named(first) and _named(second):
            # `Garland's 1985 paper,\n"Title."`, `"Title" (ASMS) [Torvik2011]_`: one work named
            # by its authors and year and by its title, side by side.
            if _named_twice(text, first, second):
                groups.join(index - 1, index)
            continue
        elif first.ref is not None and second.ref is not None:
            # `doi:10.1/x (PDF: https://lab.example.edu/x.pdf)`: a copy of the same work; `DOI:
            # 10.1/x <https://lab.example.edu/x.pdf>`__`: the identifier is the link's text.
            if _COPY_BETWEEN.fullmatch(text, first.end, second.start) or (
                _TARGET_OPENS.fullmatch(text, first.end, second.start)
                and text.startswith(">`", second.end)
            ):
                groups.join(index - 1, index)
            continue
        else:
            continue
        if beside and _may_name(hits[mention], hits[2 * index - 1 - mention]):
            groups.join(index - 1, index)
            joined.add(mention)
    return joined


_QUOTES = "\"“”‘’'`"
# Between authors and year and the quoted title of their work right after them: a possessive's
# work word (`Garland's 1985 paper,`), a comma or colon, one line break (in a shader's source
# held in a string, `\n\` and the next line's `//`), the opening quote.
_YEAR_THEN_TITLE = re.compile(
    r"(?:['’]s)?[ \t]*(?i:(?:paper|article|report|thesis|dissertation|book|study)\b)?[ \t]*"
    r"[,:]?[ \t]*(?:(?:\\n)?\\?[ \t]*\n[ \t]*(?://+|#+|\*)?[ \t]*)?\\?[\"“‘'`*]*"
)
# Between a quoted title and the label or authors and year after it: the closing quote, perhaps
# the method's short name in brackets (`"Title" (ASMS) [Torvik2011]_`), or the Sphinx role whose
# key follows (`"Title". :footcite:`zhang2018mitigating``).
_TITLE_THEN_YEAR = re.compile(
    r"[\"”’'`*.,]*[ \t]*(?:\([A-Z][A-Za-z0-9+-]{1,15}\)[ \t]*)?"
    r"(?P<role>:(?:foot)?cite(?::[a-z]+)?:`)?"
)


def _named_twice(text: str, first: Hit, second: Hit) -> bool:
    """Whether an author-year and a quoted title next to each other name one work: the title
    right after its authors and year, or a label or authors and year right after the title.
    Never two titles, and never when the title's own authors are others."""
    # an identifier read with the title before it (`"Title."\nurl`) is that title's hit
    titled = second.kind is RefKind.TITLE or (
        second.ref is not None and second.reference is not None and bool(second.reference.title)
    )
    kinds = (first.kind, second.kind)
    if first.kind is RefKind.AUTHOR_YEAR and first.ref is None and titled:
        mention, title = first, second
        quoted = text[title.start - 1 : title.start + 1] if title.start else text[:1]
        between = _YEAR_THEN_TITLE.fullmatch(text, first.end, second.start)
    elif kinds == (RefKind.TITLE, RefKind.AUTHOR_YEAR):
        mention, title = second, first
        quoted = text[title.end - 1 : title.end + 1]
        between = _TITLE_THEN_YEAR.fullmatch(text, first.end, second.start)
        if between is not None and between["role"]:
            # the key of the quoted title's entry, cited right after it
            return text[title.start : title.start + 1] in _QUOTES and _same_first_author(
                mention, title
            )
        if between is not None and text[second.start : second.start + 1] not in "[(":
            return False  # `"Title" Smith 2011`: the authors of the next sentence's work
    else:
        return False
    if between is None or not any(q in quoted or q in between.group() for q in _QUOTES):
        return False
    return _same_first_author(mention, title)


def _same_first_author(mention: Hit, title: Hit) -> bool:
    """Whether the title's authors, when it has any, include the mention's first author."""
    authors = {family_name(a) for a in title.reference.authors} if title.reference else set()
    named = mention.reference.authors[:1] if mention.reference else ()
    return not authors or not named or family_name(named[0]) in authors


def _labels_entry(text: str, label: Hit, entry: Hit) -> bool:
    """Whether `label` is the citation key that labels the entry `entry` starts in: a Sphinx
    key (`:cite:`Key` :`) or authors and year in brackets opening the line (`[Clerc, 2011]
    Title of the report <url>`)."""
    line_start = text.rfind("\n", 0, label.start) + 1
    found = CITE_LABEL.match(text, line_start) or _BRACKET_LABEL.match(text, line_start)
    return (
        found is not None
        and label.end <= found.end()
        and ENTRY_BREAK.search(text, label.end, entry.start) is None
    )


# Authors and year in brackets at a line's start, labelling the entry after them.
_BRACKET_LABEL = re.compile(r"[ \t]*(?:[-*][ \t]+)?\[[^\[\]\n]{3,80}\][ \t]")


def _named(hit: Hit) -> bool:
    return hit.ref is None and hit.kind in _NAMED_KINDS


def _join_link_texts(text: str, hits: list[Hit], groups: Groups) -> set[int]:
    """Join the one mention that is a link's text (a title, authors and year, or another
    identifier of the work) to the identifier that is its target; and a link labelled as a
    copy of the work (`` `[pdf] <url>`_ ``, `[arXiv](url)`) to the identifier just before it."""
    joined: set[int] = set()
    starts = [h.start for h in hits]
    for needle, form in _LINK_FORMS:
        if needle not in text:
            continue
        for link in form.finditer(text):
            targets = [
                i
                for i in _overlapping(hits, starts, link.start("target"), link.end("target"))
                if hits[i].ref is not None and mergeable(hits[i])
            ]
            if not targets:
                continue
            inside_text = [
                i
                for i in range(
                    bisect_left(starts, link.start("text")), bisect_left(starts, link.end("text"))
                )
                # a title read on past the link's end (`<a href=url>Authors: Title</a>,
                # WAE 1998`) still starts as its text
                if mergeable(hits[i])
            ]
            if not inside_text:
                # a mention read on into the link's text (`the "Title" by `Lee et al. (2018)
                # <url>`_`): the text names the work it started naming
                running = [
                    i
                    for i in _overlapping(hits, starts, link.start("text"), link.end("text"))
                    if _named(hits[i]) and mergeable(hits[i])
                ]
                if len(running) == 1 and _may_name(hits[running[0]], hits[targets[0]]):
                    groups.join(running[0], targets[0])
                    joined.add(running[0])
                    continue
                previous = _labelled_copy(text, hits, link, targets[0])
                if previous is not None:
                    groups.join(previous, targets[0])
                continue
            written = [i for i in inside_text if hits[i].ref is not None]
            if len(written) == 1:
                # The text holds the work's other identifier (`` `DOI: 10.1109/x
                # <https://lab.example.edu/paper.pdf>`__ ``), perhaps with its fields.
                for mention in inside_text:
                    groups.join(mention, targets[0])
                joined.update(inside_text)
                continue
            if len(inside_text) != 1 or written:
                continue  # two works in one link's text
            (mention,) = inside_text
            # The text is the work's title or its authors and year.
            if hits[mention].kind in _NAMED_KINDS and _may_name(hits[mention], hits[targets[0]]):
                groups.join(mention, targets[0])
                joined.add(mention)
    return joined


def _overlapping(hits: list[Hit], starts: list[int], start: int, end: int) -> list[int]:
    """The indexes of the hits (sorted by start) that overlap `[start, end)`."""
    first = bisect_left(starts, start)
    # A hit widened over its entry starts before the span it overlaps.
    while first > 0 and hits[first - 1].end > start:
        first -= 1
    found = []
    for index in range(first, len(hits)):
        if hits[index].start >= end:
            break
        if hits[index].end > start:
            found.append(index)
    return found


def _labelled_copy(text: str, hits: list[Hit], link: re.Match[str], target: int) -> int | None:
    """The identifier just before a link whose text only labels it as another copy of the
    same work (`doi:10.1016/x, 2006. `[pdf] <url>`_`, `[arXiv <a>`_] [`IEEE <b>`_]`)."""
    label = link["text"].strip(" \t\n[]()`*").casefold()
    # `its preprint on arXiv`, `the published version`: the label with its article and host
    label = _LABEL_HOST.sub("", _LABEL_ARTICLE.sub("", label))
    if target == 0 or label not in _COPY_LABELS:
        return None
    previous = target - 1
    hit = hits[previous]
    if hit.ref is None or not mergeable(hit) or hit.end > link.start():
        return None
    if ENTRY_BREAK.search(text, hit.end, link.start()):
        return None
    gap = (hit.end, link.start())
    return previous if _COPY_GAP.fullmatch(text, *gap) or _COPY_OR.fullmatch(text, *gap) else None


_LABEL_ARTICLE = re.compile(r"^(?:its|the|an?|their)\s+")
_LABEL_HOST = re.compile(r"\s+(?:on|at|from)\s+\w+$")
# `<doi link>`_ or `its preprint on arXiv <arxiv link>`_: the second, so labelled, is a copy.
_COPY_OR = re.compile(r"[\s.,;:)\]>`_|]*(?:or|and)[\s\[(`]*")


# Link texts that label a link as a copy of the work cited just before it.
_COPY_LABELS = frozenset(
    [
        *("pdf", "arxiv", "doi", "ieee", "acm", "html", "preprint", "paper", "article"),
        *("journal", "publisher", "link", "online", "full text", "springer", "elsevier"),
        *("sciencedirect", "wiley", "pubmed", "pmc", "ads", "openreview", "researchgate"),
        *("journal version", "published version", "author version", "postprint", "abstract"),
    ]
)
# Between two identifiers on one line, what says the second is a copy of the first: `(PDF:`,
# `, preprint at`, `[free version:`.
_COPY_BETWEEN = re.compile(
    r"[ \t]*[,;.]?[ \t]*[(\[][ \t]*(?i:pdf|preprint|arxiv|free version|author'?s? (?:copy|version)|"
    r"open access|full text|postprint|mirror|also)[ \t]*(?::|at\b|available at\b)?[ \t]*[<]?"
    r"|[ \t]*[,;.]?[ \t]*(?i:pdf|preprint|free version|author'?s? (?:copy|version)|"
    r"postprint)[ \t]*(?::|at\b|available at\b)[ \t]*[<(]?"
)
_TARGET_OPENS = re.compile(r"[ \t]*\n?[ \t]*<")
# Between an identifier and such a link: punctuation, link markup and perhaps the year.
_COPY_GAP = re.compile(r"[\s.,;:)\]>`_|]*(?:(?:19|20)\d\d[a-z]?[\s.,;:)\]]*)?[\s\[(`]*")


def _precedes_link(text: str, mention: Hit, link: Hit) -> bool:
    """`Title, url`, `Author (Year). doi:...`, a title with its link on the next line: only
    punctuation and link words between, and the identifier closes its sentence. Not an
    identifier read with its own entry (`following Vitter (1985):` above `J. S. Vitter.
    Title. doi:...`): the mention points at the entry, and stays an in-text mention of it."""
    if link.reference is not None and link.reference.title:
        return False
    end = mention.end
    if (
        mention.start
        and text[mention.start - 1] == "("
        and text[end : end + 1] == ")"
        and not text.startswith(":", end + 1)
    ):
        end += 1  # the mention's own brackets: `Title (Smith and Jones, 2015)` then its link
    gap = _BEFORE_LINK.fullmatch(text, end, link.start)
    if gap is None and _dated_alike(mention, link):
        pointer = _POINTER.match(text, end)
        if pointer is not None:
            gap = _BEFORE_LINK.fullmatch(text, pointer.end(), link.start)
    return (
        gap is not None
        and ENTRY_BREAK.search(text, end, link.start) is None
        and (_AFTER_LINK.match(text, link.end) is not None or see_for(text, link.start, link.end))
    )


# Between an author-year and the link of its year: a place in the work or the work's noun
# (`Xu et al. (2013) in Appendix B3 https://arxiv.org/pdf/1307.4220.pdf`, `Lind et al. (2010)
# publication, arXiv:1001.0015,`).
_POINTER = re.compile(
    rf"[ \t]*(?:(?i:in|of)[ \t]+)?(?:{_LOCATOR}|(?i:appendix|app\.)[ \t]*[\w.-]+|"
    r"(?i:publication|paper|preprint|article)\b)[ \t]*"
)


def _dated_alike(mention: Hit, link: Hit) -> bool:
    """Whether an author-year's year is one its link dates its work by (its arXiv id's)."""
    if mention.kind is not RefKind.AUTHOR_YEAR or mention.reference is None:
        return False
    return mention.reference.year in dated_years(link)


# `For details, see [Ament2024pursuit]_ or https://arxiv.org/abs/2410.24222.`: a bibliography
# key and the work's link offered side by side after `see`, two ways to the same reading.
_SEE_BEFORE_KEY = re.compile(r"(?i:\bsee)[ \t]+(?::\w+(?::\w+)?:`)?$")
_KEY_OR_LINK = re.compile(r"`?[ \t]+or[ \t]+<?")


def _key_or_link(text: str, mention: Hit, link: Hit) -> bool:
    """`see <key> or <link>`: the key (one word, no names written out) and the link of one
    work, each a way to find it."""
    if mention.kind is not RefKind.AUTHOR_YEAR or any(
        c.isspace() for c in text[mention.start : mention.end]
    ):
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    return (
        _SEE_BEFORE_KEY.search(text, line_start, mention.start) is not None
        and _KEY_OR_LINK.fullmatch(text, mention.end, link.start) is not None
    )


# How far a paper's link may stand after the author-year its address names.
_NAMED_LINK_REACH = 240
_ADDRESS_WORDS = re.compile(r"[a-z]+|\d+")


def _link_names_mention(text: str, mention: Hit, link: Hit) -> bool:
    """`See @cite Tao2012 . And site of project - <http://lab.example.edu/papers/Tao-SAN-2012/>`:
    a link whose address holds the first author's name and the year of the author-year (or
    cite key) before it, in the same paragraph, is that work's."""
    reference = mention.reference
    if (
        mention.kind is not RefKind.AUTHOR_YEAR
        or link.ref is None
        or link.ref.kind is not RefKind.URL
        or reference is None
        or not reference.authors
        or reference.year is None
        or link.start - mention.end > _NAMED_LINK_REACH
        or BLANK_LINE.search(text, mention.end, link.start) is not None
    ):
        return False
    name = family_name(reference.authors[0]).lower()
    path = link.ref.value.lower().partition("//")[2].partition("/")[2]
    words = set(_ADDRESS_WORDS.findall(path))
    return len(name) > 2 and name in words and str(reference.year) in words


def _describes_link(text: str, link: Hit, mention: Hit) -> bool:
    """`{@link url}: Crassin et al., Title`, `[Title](url) by Gustavson, 2005`, `@see {@link
    url} McLaren 1970 (ANLAB formula)`: the mention is the description that follows its link,
    on the same item."""
    if _JSDOC_LINK_CLOSE.fullmatch(text, link.end, mention.start) is not None:
        line_start = text.rfind("\n", 0, link.start) + 1
        return _JSDOC_LINK_OPEN.search(text, line_start, link.start) is not None
    return (
        _AFTER_LINK_TEXT.fullmatch(text, link.end, mention.start) is not None
        and ENTRY_BREAK.search(text, link.end, mention.start) is None
    )


# A JSDoc inline link's close, then its description on the same line: `{@link url} Name Year`.
_JSDOC_LINK_CLOSE = re.compile(r"\}[ \t]+")
_JSDOC_LINK_OPEN = re.compile(r"\{@link(?:plain|code)?[ \t]+\Z")


# Between a link whose text is the method's short name and the quoted title of the paper it
# comes from, in the same sentence: `` `"EdMot" <https://arxiv.org/abs/1906.04560>`_ from the
# KDD '19 paper "EdMot: An Edge Enhancement Approach ..."``. The link's closing marks, then only
# the venue's words (no stop, quote or comma) between `the` and `paper`. Searched from the
# link's start: its hit may have read the venue and year after it as its fields.
_PAPER_AFTER_LINK = re.compile(
    r"(?:\.(?=>))?(?:>`_{1,2}|[>)}\]]|</a>)[ \t]*\n?[ \t]*(?:from|in|of)[ \t]+the[ \t]*\n?[ \t]*"
    r"(?:[^\s\"“”.,;:!?()<>`]+[ \t]*\n?[ \t]*){0,12}?(?:paper|article)[ \t]*\n?[ \t]*[\"“]?\Z"
)


def _paper_after_link(text: str, link: Hit, mention: Hit) -> bool:
    """`` `Short name <link>`_ from the VENUE 'YY paper "Title"``: the quoted title names the
    paper the link gives."""
    if mention.kind is not RefKind.TITLE or mention.start - link.start > _PAPER_REACH:
        return False
    if _PAPER_AFTER_LINK.search(text, link.start, mention.start) is None:
        return False
    return any(q in text[max(0, mention.start - 1) : mention.start + 1] for q in '"“')


_PAPER_REACH = 600  # characters from the link's start to the title


# Between a link that closes its line and the entry opening the next line: closing marks.
_LINK_THEN_LINE = re.compile(r"[>`_)\]}]*[ \t]*[.,;:]?[ \t]*\n[ \t]*[(\[]?")
# What may stand before a link that opens its entry, on its line: a label word with its colon
# (`Paper:`, `See`, `arXiv:`), an opening bracket, or a reST or Markdown link's text.
_LINK_LEAD = re.compile(
    r"[ \t]*(?:(?i:see|paper|article|reference|ref|source|pdf|url|link|arxiv|doi|preprint)"
    r"[ \t]*:?[ \t]*)?(?:[<(\[]|`[^`<>\n]+<|\[[^\]\n]+\]\()?"
)
# A line above the link that only leads to it (`See`, `Reference:`, `Paper:`).
_LEAD_LINE = re.compile(
    r"[ \t]*(?i:see|paper|article|references?|source|original paper|based on)[ \t]*:?[ \t]*\n"
)


def _entry_below_link(text: str, link: Hit, mention: Hit, following: Hit | None) -> bool:
    """`<link>` opening its paragraph (perhaps after `See` or `Paper:`), then the work's
    authors and year or title opening the next line: the link's entry written below it.
    Not when an identifier follows the mention in its paragraph: the mention then opens an
    entry of its own, which ends with that link."""
    if link.reference is not None and (link.reference.authors or link.reference.year):
        return False
    if _LINK_THEN_LINE.fullmatch(text, link.end, mention.start) is None:
        return False
    line_start = text.rfind("\n", 0, link.start) + 1
    if _LINK_LEAD.fullmatch(text, line_start, link.start) is None:
        return False
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    opens = (
        starts_paragraph(text, line_start, line_start)
        or labelled_item(text, line_start, link.start)
        or (line_start > 0 and _LEAD_LINE.fullmatch(text, above, line_start) is not None)
    )
    if not opens:
        return False
    return following is None or (
        following.ref is None or BLANK_LINE.search(text, mention.end, following.start) is not None
    )


def _may_name(mention: Hit, link: Hit) -> bool:
    """Whether nothing read beside the identifier contradicts the mention: an author-year
    names one of the authors of the identifier's entry, when that entry was read, and is not
    of another work than the ADS record the identifier links to."""
    if mention.kind is not RefKind.AUTHOR_YEAR:
        return True
    if _another_record(mention, link):
        # `Lind (1988) and ... Moss (1996). See:` over the records of both (and a third): the
        # 1996 work is not the 1988 record's, whichever link stands first.
        return False
    if link.reference is None:
        return True
    authors = {family_name(a) for a in link.reference.authors}
    named = mention.reference.authors[:1] if mention.reference else ()
    return not authors or not named or family_name(named[0]) in authors


def _another_record(mention: Hit, link: Hit) -> bool:
    """Whether the link is an ADS record whose bibcode dates its work years apart from the
    author-year (a preprint's record may be a year before its journal's) and whose initial is
    none of its first author's surname's words: both, so that a year mistyped in a link's text
    (`Valencic, Clayton, & Gordon 2014` over the 2004 record) still names its record."""
    record = year_and_initial(link.ref)
    reference = mention.reference
    if record is None or reference is None or reference.year is None or not reference.authors:
        return False
    year, initial = record
    words = normalize_title(surname(reference.authors[0])).split()
    return abs(year - reference.year) > 1 and not any(w.startswith(initial) for w in words)
