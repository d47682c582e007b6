"""The last look at an entry's fields: a title is never a fragment of an identifier, its
authors or its venue, and an entry whose "title" is its author list has no title."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from catalog.types import RefKind
from scanner.titles import AUTHOR_YEAR_RULE
from scanner.titles.cues import EDITION
from scanner.titles.fields import MONTHS, VENUE_CUE, YEAR, clean_venue, find_spaced, is_person
from scanner.titles.names import AUTHOR_LIST, NAME_LINE, NOT_NAMES, split_authors
from scanner.titles.publishers import HOUSES
from scanner.types import EntryFields, Hit

# What a title cannot open with: the tail of an identifier or path the entry wrapped from the
# line before (`DS/0310049 Generalized Cores`, `/abs/...`, `abs/ ...`), or stray punctuation;
# a slash between two words is the title's own (`Space/time trade-offs in hash coding`).
_LEADING_FRAGMENT = re.compile(
    r"^(?:(?:/[\w./-]*|[\w./-]*/|[\w.-]*\d[\w.-]*/[\w./-]*|[\w.-]*/[\w./-]*\d[\w./-]*)\s+"
    r"|[/\\|>*#:;,.\-–]+\s*)+"
)
_PART_IN = re.compile(r"^(?i:chapter|section|part)\s+\d+[\d.]*\s+(?:in|of)\s+(?=[A-Z_*])")
_BRACKETED_AUTHOR = re.compile(r"\s\[(?P<name>[A-Z][\w'’-]+)$")
_TRAILING_NAME = re.compile(r",\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+$")
_EDITION_FIRST = re.compile(EDITION + r"[\s.,;:]*")
# A publisher closing a title, after a comma: ", Princeton University Press", ", MIT Press".
_TRAILING_PRESS = re.compile(r",\s*(?P<press>(?:[A-Z][\w'&.-]*\s+){1,3}Press)\s*$")
# An edition closing a title: "Time Series Analysis, Forecasting and Control. Third Edition."
_EDITION_LAST = re.compile(r"[.,;:]?\s*\(?" + EDITION + r"\)?[\s.]*$")
_NAMES_FIRST = re.compile(rf"(?P<names>{AUTHOR_LIST.pattern})\.\s+(?=[A-Z])")
_MENTION_FIRST = re.compile(
    rf"(?P<names>{AUTHOR_LIST.pattern})\s*,?\s*\(?{YEAR.pattern}\)?\s*[:.]\s+(?=[A-Z])"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
# Words of a title that are no names ("Inference", "Algorithms"); a month's is ("Siem Jan").
_TITLE_NOT_NAMES = NOT_NAMES - MONTHS - {"and", "et", "al"}
_UNCLOSED = re.compile(r"\s*\([^()]*$")
_THESIS = re.compile(
    r"\s*\((?:Doctoral|Ph\.?\s?D\.?|Master'?s?|Diploma|Bachelor'?s?)\s+(?:dissertation|thesis)"
    r"(?:,\s*(?P<where>[^()]+))?\)?$",
    re.IGNORECASE,
)
# Where the authors work, which an entry's title never is: "Minqing Hu and Bing Liu, 2004.
# Department of Computer Science, University of Illinois at Chicago".
# The sentence after an author-year mention, about the code rather than a title: "described by
# Raghavan, Albert and Kumara (2007). This version extends the original method by ...".
_ABOUT_CODE = re.compile(
    r"(?:This|These|Our)\s+(?:version|function|method|implementation|module|class|algorithm|"
    r"code|routine|program|file|package|library|variant)s?\b|(?:We|It|Here)\s"
)
_AFFILIATION = re.compile(
    r"(?:Department|Dept\.|School|Faculty|Institute|Laboratory|University|College|Cent(?:er|re)"
    r"|Division)\s+(?:of|for)\s+[A-Z]"
)


def tidy(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with each entry's title cleaned of what is not the title (see the module), and
    the parts of one entry read as two hits joined (`_join_parts`)."""
    kept = [hit for hit in hits if not _section_name(text, hit)]
    return _join_parts(text, [_tidy(_laid_out(text, hit)) for hit in kept])


def _laid_out(text: str, hit: Hit) -> Hit:
    """The hit after each repair that reads the entry's layout in the block, in `_LAYOUT` order."""
    for repair in _LAYOUT:
        hit = repair(text, hit)
    return hit


# The title's last part, after a full stop or a comma: maybe the venue the title ran into.
_LAST_PART = re.compile(r"(?P<stop>\.|,)\s+(?P<venue>(?!(?:Part|Chapter|Section)\b)[A-Z][^.,;:]+)$")
# What follows a venue in an entry: its volume, year or pages, maybe after the publisher.
_AFTER_VENUE = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:\n\s*)?(?:(?:" + HOUSES + r"|[A-Z][\w&' ]* Press),\s*)?"
    r"(?:\d|[Vv]ol\b|pp\b)"
)
_PUBLISHER = re.compile(HOUSES + r"|.* Press")


def _venue_in_title(text: str, hit: Hit) -> Hit:
    """The entry with the venue its title ran into taken out of the title: the title's last
    part, after a full stop or after a comma ending its line, when the entry goes on with a
    volume, year or pages and no venue (or only a publisher) was read ("... of time series.
    / Data Mining and Knowledge Discovery, 2007", "... designs, / Reliability Engineering
    and System Safety, Elsevier, 107"). A quoted title is as written."""
    fields = hit.reference
    if (
        fields is None
        or not fields.title
        or (fields.venue and not _PUBLISHER.fullmatch(fields.venue))
    ):
        return hit
    part = _LAST_PART.search(fields.title)
    if (
        part is None
        or len(part["venue"].split()) < 2
        or len(fields.title[: part.start()].split()) < 3
    ):
        return hit
    start, end = find_spaced(text, fields.title, hit.start, hit.end)
    if start < 0 or (start > 0 and text[start - 1] in "\"“'`*"):
        return hit
    if end >= len(text) or text[end] in "\"”'`*" or _AFTER_VENUE.match(text, end) is None:
        return hit
    if part["stop"] == "," and not (fields.venue and _PUBLISHER.fullmatch(fields.venue)):
        comma = find_spaced(text, part.group(), start, end)[0]
        if comma < 0 or "\n" not in text[comma : comma + len(part.group()) - len(part["venue"])]:
            # a comma inside a line is the title's own ("Graphs, Dioids and Semirings"), unless
            # only the publisher followed ("..., Linear Algebra and its Applications, Elsevier")
            return hit
    title = fields.title[: part.start()]
    reference = replace(fields, title=title, venue=" ".join(part["venue"].split()))
    hint = title if hit.title_hint == fields.title else hit.title_hint
    return replace(hit, title_hint=hint, reference=reference)


_SAME_LINE_GAP = re.compile(r"[ \t]+")


def _title_run_on(text: str, hit: Hit) -> Hit:
    """The entry with its title whole when a reader took the title's last words for the venue:
    the "venue" has no venue word and follows the title on its line with only a space between
    (`Stein Variational Policy Gradient`, read as title `... Policy`, venue `Gradient`)."""
    fields = hit.reference
    venue = clean_venue(fields.venue) if fields is not None else None
    if fields is None or not fields.title or not venue or VENUE_CUE.search(venue):
        return hit
    start, end = find_spaced(text, fields.title, hit.start, hit.end)
    gap = _SAME_LINE_GAP.match(text, end) if start >= 0 else None
    if (
        gap is None
        or find_spaced(text, venue, gap.end(), gap.end() + len(venue) + 40)[0] != gap.end()
    ):
        return hit
    title = f"{fields.title} {venue}"
    merged = replace(fields, title=title, venue=None)
    return replace(
        hit,
        title_hint=title if hit.title_hint == fields.title else hit.title_hint,
        reference=merged,
    )


# An author's name alone on its line, with an initial: `Hubert W. Lilliefors`.
_NAME_LINE = re.compile(r"\n[ \t]*(?:[#*/]+[ \t]*)?" + NAME_LINE)
_TITLE_WORD = re.compile(r"\S+")
_MARKS_AFTER_BREAK = re.compile(r"\n[ \t]*[#*/]+")


def _title_line_end_in_venue(text: str, hit: Hit) -> Hit:
    """The entry with its title's last words back from the venue: one field a line (`A method
    for registration of 3d Shapes` / `IEEE TPAMI Vol 14, No 2 1992`), a reader began the venue
    on the title's line. The words before the venue's line break go back to the title."""
    fields = hit.reference
    if fields is None or not fields.title or not fields.venue or " " not in fields.venue:
        return hit
    t_start, t_end = find_spaced(text, fields.title, hit.start, hit.end)
    v_start, v_end = find_spaced(text, fields.venue, t_end, hit.end) if t_start >= 0 else (-1, -1)
    if v_start < 0 or "\n" in text[t_start:t_end] or text[t_end:v_start].strip():
        return hit  # the title spans lines, or something stands between title and venue
    if "\n" in text[t_end:v_start]:
        return hit  # the venue already opens its own line
    if "\n" not in text[v_start:v_end]:
        return hit
    tail = text[v_start : text.index("\n", v_start)].strip()
    venue = " ".join(text[text.index("\n", v_start) : v_end].split())
    if not tail or len(tail.split()) > 2 or VENUE_CUE.search(tail) or len(venue.split()) < 1:
        return hit
    title = f"{fields.title} {tail}"
    hint = title if hit.title_hint == fields.title else hit.title_hint
    return replace(hit, title_hint=hint, reference=replace(fields, title=title, venue=venue))


def _names_line_opening_title(text: str, hit: Hit) -> Hit:
    """The entry with the rest of its author list out of its title: a reader took the list's
    last line for the title's first (`See Gael Guennebaud and Marcel Germann and Markus Gross`
    / `Dynamic sampling and rendering of algebraic point set surfaces.`)."""
    fields = hit.reference
    if fields is None or not fields.title or not fields.authors:
        return hit
    start, end = find_spaced(text, fields.title, hit.start, hit.end)
    if start < 0 or not ends_listing(text[hit.start : start], fields.authors[-1]):
        return hit  # the "title" does not go on from the authors read (a quoted title, prose)
    names = AUTHOR_LIST.match(text, start, end)
    if names is None or not _LINE_END.match(text, names.end()):
        return hit
    listed = names.group()
    if not re.search(r"\sand\s|,", listed) or any(
        w.lower() in _TITLE_NOT_NAMES for w in _WORD.findall(listed)
    ):
        return hit  # a list of names, not a title's first words ("Self-Adaptive" / "Trackers")
    if not all(len(name.split()) >= 2 and not name.isupper() for name in split_authors(listed)):
        return hit
    rest = " ".join(text[names.end() : end].split())
    if len(_WORD.findall(rest)) < 3:
        return hit
    authors = fields.authors + split_authors(names.group())
    hint = rest if hit.title_hint == fields.title else hit.title_hint
    return replace(hit, title_hint=hint, reference=replace(fields, title=rest, authors=authors))


_LINE_END = re.compile(r"[ \t,]*\n")


def ends_listing(text: str, name: str) -> bool:
    r"""Whether `text` ends with `name` and then `,`, `and` or `&`, blanks or tabs around it:
    what `re.search(re.escape(name) + r"[ \t]*(?:,|and|&)[ \t]*\Z", text)` finds, without
    compiling a pattern for each entry's last author."""
    head = text.rstrip(" \t")
    for separator in (",", "and", "&"):
        if head.endswith(separator):
            head = head[: -len(separator)]
            break
    else:
        return False
    blanks = len(head) - len(head.rstrip(" \t"))
    return any(head[: len(head) - k].endswith(name) for k in range(blanks + 1))


def _authors_line_in_title(text: str, hit: Hit) -> Hit:
    """The entry without its first author's name in its title: a reader ran the title into
    the line of authors below it (`Efficient Multi-scale Curvature and Crease Estimation` /
    `Daniele Panozzo, Enrico Puppo, Luigi Rocca` / `GraVisMa, 2010`)."""
    fields = hit.reference
    if fields is None or not fields.title or not fields.authors:
        return hit
    first = fields.authors[0]
    if "," in first or not fields.title.endswith(" " + first):
        return hit
    start, end = find_spaced(text, fields.title, hit.start, hit.end)
    if start < 0 or not re.search(
        r"\n[ \t#*/!]*" + re.escape(first) + r"[ \t]*\Z", text[start:end]
    ):
        return hit
    title = fields.title[: -len(first)].rstrip(" .,;:")
    hint = title if hit.title_hint == fields.title else hit.title_hint
    return replace(hit, title_hint=hint, reference=replace(fields, title=title))


_PHRASE_GOES_ON = re.compile(r"\b(?:of|for|and|the|de|in)[ \t]*(?:\n[ \t#*/!]*)?\Z")


def _name_line_in_title(text: str, hit: Hit) -> Hit:
    """The entry with its title the whole line(s) above an author's name alone on its line
    (`On the Kolmogorov-Smirnov Test for Normality ... Unknown` / `Hubert W. Lilliefors` /
    `Journal of the American Statistical Association, ...`): a reader ran the title into the
    name, or took its last word for a first author. The name is the entry's author, and the
    venue read after it does not open with the surname."""
    fields = hit.reference
    if fields is None or not fields.title or "\n" not in text[hit.start : hit.end]:
        return hit
    start, end = find_spaced(text, fields.title, hit.start, hit.end)
    line = _NAME_LINE.search(text, start, hit.end) if start >= 0 else None
    if line is None or text.count("\n", end, line.start()) > 1:
        return hit
    if {line["first"], line["surname"] or line["surname2"]} & _TITLE_NOT_NAMES:
        return hit  # words of a title or a series: "Numerical Analysis, ..."
    if _PHRASE_GOES_ON.search(text, start, line.start()):
        return hit  # the line above goes on into it: "Department of\n Computing Science, ..."
    title = " ".join(_TITLE_WORD.findall(_MARKS_AFTER_BREAK.sub("\n", text[start : line.start()])))
    if len(title) < len(fields.title) // 2:
        return hit
    title = title.rstrip(" .,;:*`\"”'")  # and the marks that closed a delimited title
    venue = fields.venue
    surname = line["surname"] or line["surname2"]
    if venue is not None and venue.startswith(surname + " "):
        venue = venue[len(surname) + 1 :]
    name = line["name"].split(",")[0].strip()
    reference = replace(fields, title=title, authors=(name,), venue=venue)
    hint = title if hit.title_hint == fields.title else hit.title_hint
    return replace(hit, title_hint=hint, reference=reference)


def _written_year(text: str, hit: Hit) -> Hit:
    """The entry with a year its text writes as one: never one read from a page range
    (`pp. 2010-2019`) or an arXiv id (`1503.01520`); then the year written elsewhere in the
    entry, if any. A year not written in the entry's span at all is left as read."""
    fields = hit.reference
    # An entry's: a mention's year is glued to its key (`[Smith2011]_`, `et al. 2003/IAU2006`).
    if fields is None or fields.year is None or not (fields.title or fields.venue):
        return hit
    found = _year_places(str(fields.year), text[hit.start : hit.end])
    if not found or any(not _in_number(text, hit.start + at) for at in found):
        return hit
    written = []
    for match in YEAR.finditer(text, hit.start):
        if match.start() >= hit.end:
            break
        if not _in_number(text, match.start()):  # the page read first: "1747–1764 (2012)"
            written.append(int(match.group(1)))
    return replace(hit, reference=replace(fields, year=written[0] if written else None))


def _year_places(digits: str, text: str) -> list[int]:
    """Where `digits` stands in `text` after no other digit, as the pattern `(?<!\\d)` and the
    digits would find them, without compiling a pattern for each year (a worker compiled one
    for each year its entries gave, 80 of them on scipy, a quarter of a millisecond each)."""
    found = []
    at = text.find(digits)
    while at >= 0:
        if at and text[at - 1].isdecimal():  # `\d` is a Unicode decimal digit, as `isdecimal`
            at = text.find(digits, at + 1)
        else:
            found.append(at)
            at = text.find(digits, at + len(digits))
    return found


_ARXIV_NUMBER = re.compile(r"\d{4}\.\d{4,5}")
_RANGE = re.compile(r"(\d+)\s*[-–—]+\s*(\d+)")
_RANGE_END = re.compile(r"(\d+)\s*[-–—]+\s*$")


def _in_number(text: str, at: int) -> bool:
    """Whether the four digits at `at` are part of an arXiv id or of a page range (its last
    page after its first: `2010-2019`, `1987-1999`; not a report number `2003-003`)."""
    if _ARXIV_NUMBER.match(text, at) or (at >= 5 and _ARXIV_NUMBER.match(text, at - 5)):
        return True
    pages = _RANGE.match(text, at)
    if pages is not None and int(pages[2]) > int(pages[1]):
        return True
    before = _RANGE_END.search(text, max(0, at - 12), at)
    return before is not None and int(text[at : at + 4]) > int(before[1])


# A section, chapter or figure named before a quoted name: `Section B.2 "Strategy ..."`.
_SECTION_BEFORE = re.compile(
    r"(?i)\b(?:sections?|chapters?|sec\.|ch\.|appendix|part|figure|fig\.|table|eq\.|"
    r"equation)\s*[\w.]*\s*[:,]?\s*[\"“`']*$"
)


# A Doxygen image's caption: `\image html wolf.gif "One Grey Wolf"`, `@image html x.png "Fig. 1"`.
_IMAGE_CAPTION = re.compile(r"[\\@]image[ \t]+\w+[ \t]+\S+[ \t]+[\"“]?$")


def _section_name(text: str, hit: Hit) -> bool:
    """Whether a title without authors or year is the name of a section of some work, or the
    caption of a picture."""
    fields = hit.reference
    if hit.ref is not None or fields is None or fields.authors:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    if "image" in text[line_start : hit.start] and _IMAGE_CAPTION.search(
        text, line_start, hit.start
    ):
        return True  # whatever year the next sentence lent it
    return (
        fields.year is None
        and _SECTION_BEFORE.search(text, max(0, hit.start - 30), hit.start) is not None
    )


# Between two parts of one entry: punctuation and spaces, a line break but no blank line.
_PART_GAP = re.compile(r"[ \t.,;:]*\n?[ \t]*")
# Between a chapter's title and the collection it is in: `. Chapter in "...`, `. In: "...`.
_IN_COLLECTION = re.compile(r"[ \t.,;:]*\n?[ \t]*(?:[Cc]hapter[ \t]+)?[Ii]n:?[ \t]*\n?[ \t]*")


def _join_parts(text: str, hits: list[Hit]) -> list[Hit]:
    """One hit for an entry read in two: its author list and year, then its title on the next
    line (`Durbin, James, and Siem Jan Koopman. 2012. / Time Series Analysis ...`); or its
    title, then its venue read as a second title (`"Sulla ..." / Giornale dell' Istituto ...`)."""
    out: list[Hit] = []
    for hit in hits:
        previous = out[-1] if out else None
        joined = _joined(text, previous, hit) if previous is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(hit)
    return out


# A title's question mark, then its subtitle read as the next hit's title: `Moments That
# Matter? On the Use of ...`.
_QUESTION_GAP = re.compile(r"\?[ \t]*\n?[ \t]*")
_SENTENCE_END = re.compile(r"[.!]\s")


def _joined(text: str, first: Hit, second: Hit) -> Hit | None:
    a, b = first.reference, second.reference
    if a is None or b is None or first.ref is not None or second.ref is not None or not b.title:
        return None
    if a.title and _QUESTION_GAP.fullmatch(text, first.end, second.start):
        # The reader stopped the title at its question mark and read its subtitle, run on
        # into the next entry, as another entry (with that entry's authors): one title.
        cut = _SENTENCE_END.search(b.title)
        subtitle = b.title[: cut.start()] if cut is not None else b.title
        end = find_spaced(text, subtitle, second.start, second.end)[1]
        fields = replace(a, title=f"{a.title}? {subtitle}")
        hint = fields.title if first.title_hint == a.title else first.title_hint
        return replace(first, end=max(end, first.end), title_hint=hint, reference=fields)
    if a.title and _IN_COLLECTION.fullmatch(text, first.end, second.start):
        # `Label propagation for clustering. Chapter in "Advances in Network Clustering"
        # edited by ...`: the quoted title is the collection the entry's chapter is in.
        fields = replace(a, venue=b.title, year=a.year or b.year)
        return replace(first, end=second.end, reference=fields)
    if (
        b.authors
        or text[second.start : second.start + 1] in "\"“'`"
        or not _PART_GAP.fullmatch(text, first.end, second.start)
    ):
        return None
    if not a.title and a.authors and a.year is not None:
        fields = replace(b, authors=a.authors, year=a.year)
        return replace(second, start=first.start, reference=fields)
    if a.title and (a.authors or a.year) and b.year is None and not b.venue:
        if a.venue is not None and a.venue != b.title:
            return None
        fields = replace(a, venue=b.title)
        return replace(first, end=second.end, reference=fields)
    return None


def _tidy(hit: Hit) -> Hit:
    fields = hit.reference
    if fields is not None and fields.venue and _EDITION_FIRST.match(fields.venue):
        # "Forth Edition. JHU press": the edition belongs to the title's work, not the venue
        # (taken off first: what is left may be the authors again, `2nd Edition Lind and Moss`)
        venue = _EDITION_FIRST.sub("", fields.venue).strip(" .,;:") or None
        hit = replace(hit, reference=replace(fields, venue=venue))
    hit = _named_fields(hit)
    fields = hit.reference
    if fields is None or not fields.title or hit.ref is not None:
        return hit
    # BibTeX's braces protect case (`{{COSMO}: A Conic ...}`, `in {Python}`): not text
    title = _LEADING_FRAGMENT.sub("", fields.title.replace("{", "").replace("}", ""))
    title = _PART_IN.sub("", title)  # "Chapter 7 in Forecast Verification": the book's title
    if len(title) > 2 and title[0] == title[-1] and title[0] in "_*":
        title = title.strip(title[0])  # set in emphasis: `_Statistical Methods in ..._`
    if bracketed := _BRACKETED_AUTHOR.search(title):
        # "Generating Random Points in Triangles [Turk, Graphics Gems I 1990]": the author in
        # brackets after the title, not its last word before a venue
        title = title[: bracketed.start()]
        if fields.authors == (title.split()[-1],):
            fields = replace(fields, authors=(bracketed["name"],))
            hit = replace(hit, reference=fields)
    if (edition := _EDITION_LAST.search(title)) and len(
        _WORD.findall(title[: edition.start()])
    ) >= 2:
        title = title[: edition.start()]  # the edition is of the work, not a word of its title
    if (press := _TRAILING_PRESS.search(title)) and len(_WORD.findall(title[: press.start()])) >= 2:
        # "Probability, Markov Chains, Queues, and Simulation, Princeton University Press"
        title = title[: press.start()]
        if not fields.venue:
            fields = replace(fields, venue=press["press"])
            hit = replace(hit, reference=fields)
    if not fields.authors and (named := _TRAILING_NAME.search(title)):
        # "An introduction to data structures and algorithms, James Andrew Storer"
        fields = replace(fields, authors=(named.group().lstrip(", "),))
        hit = replace(hit, reference=fields)
        title = title[: named.start()]
    if mention := _MENTION_FIRST.match(title):
        # "Amberg et al. 2007: Optimal Step Nonrigid ICP ...": the mention, then the title
        title = title[mention.end() :]
        fields = replace(fields, authors=fields.authors or split_authors(mention["names"]))
        hit = replace(hit, reference=fields)
    if (
        (names := _NAMES_FIRST.match(title))
        and len(split_authors(names["names"])) >= 2
        # "Time Series Analysis, Forecasting and Control. Third Edition": a title's words
        and not any(w.lower() in _TITLE_NOT_NAMES for w in _WORD.findall(names["names"]))
    ):
        # "Coello Coello, and Kalyanmoy Deb. Problem Definitions ...": the end of a long
        # author list wrapped into the title
        title = title[names.end() :]
    title = _without_tail(title, fields)
    if (thesis := _THESIS.search(title)) and len(_WORD.findall(title[: thesis.start()])) >= 2:
        # "Applied Kalman filter theory (Doctoral dissertation, Northeastern University)": the
        # bracket says what kind of work it is and where, not a part of its title
        title = title[: thesis.start()]
        if thesis["where"] and not fields.venue:
            fields = replace(fields, venue=thesis["where"].strip())
            hit = replace(hit, reference=fields)
    elif (opened := _UNCLOSED.search(title)) and len(_WORD.findall(title[: opened.start()])) >= 2:
        title = title[: opened.start()]  # a bracket the title never closes ran past its end
    if _cut_sentence(title, fields) or _AFFILIATION.match(title) or _ABOUT_CODE.match(title):
        title = ""
    names_read_as_title = None
    if _is_author_list(title, fields):
        names_read_as_title = fields.authors or split_authors(title)
    elif _continues_author_list(title, fields):
        # "Mark Schmidt, Nicolas le Roux and Francis Bach, NIPS 2011": the rest of the list
        names_read_as_title = fields.authors + split_authors(title)
    if names_read_as_title is not None:
        fields = replace(fields, authors=names_read_as_title)
        hit = replace(hit, reference=fields)
        title = ""
    if len(_WORD.findall(title)) < 2:
        # Nothing of a title is left: the entry still names its authors and year.
        if not fields.authors or fields.year is None:
            return hit
        cleaned = replace(fields, title=None)
        if hit.kind is RefKind.TITLE:
            hit = replace(hit, kind=RefKind.AUTHOR_YEAR, rule=AUTHOR_YEAR_RULE)
        return replace(hit, title_hint=None, reference=cleaned)
    if title == fields.title:
        return hit
    return replace(hit, title_hint=title, reference=replace(fields, title=title))


def _named_fields(hit: Hit) -> Hit:
    """The entry's venue as a name (`fields.clean_venue`: whichever reader gave it) and its
    authors without the venue or institution words a reader took for names."""
    fields = hit.reference
    if fields is None:
        return hit
    venue = clean_venue(fields.venue)
    authors = fields.authors
    if fields.title or fields.venue:  # an entry: an author-year mention keeps its one name
        authors = tuple(a for a in authors if is_person(a) and not _opens(fields.title, a))
    if venue and len(authors) >= 2 and _names_only(venue, authors):
        venue = None  # "*du Plessis and Engelbrecht, 2013, Title.*": the authors again
    if venue == fields.venue and authors == fields.authors:
        return hit
    return replace(hit, reference=replace(fields, venue=venue, authors=authors))


def _names_only(venue: str, authors: tuple[str, ...]) -> bool:
    """Whether every word of a "venue" is a word of the authors' names or joins them."""
    names = {w.lower() for a in authors for w in re.findall(r"[^\W\d_]+", a)}
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", venue)]
    return all(w in names or w in ("and", "et", "al") for w in words)


def _opens(title: str | None, author: str) -> bool:
    """Whether a bare "name" is the first word of the title, read with the list before it
    ("R. J. Hyndman and G. Athanasopoulos, Forecasting: Principles and Practice")."""
    if not title or "." in author or "," in author:
        return False
    return title.startswith(author) and not title[len(author) : len(author) + 1].isalpha()


def _without_tail(title: str, fields: EntryFields) -> str:
    """The title without the venue it ran into at its end, or the author list it ran into
    (`Generalized Cores Vladimir Batagelj and Matjaz Zaversnik`)."""
    venue = fields.venue or ""
    if len(venue) >= 4 and title.endswith(venue) and len(_WORD.findall(title[: -len(venue)])) > 1:
        title = title[: -len(venue)].rstrip(" ,.;:")
    # ... or its "In" and the venue's first words, where the venue read goes on past the title's
    # end (`... brain tractograms. In Medical Image Computing and ...` of `Medical Image
    # Computing and Computer Assisted Intervention-MICCAI 2019`)
    venue_words = venue.split()
    cut = title.find(". In " + " ".join(venue_words[:3])) if len(venue_words) >= 2 else -1
    if cut > 0 and len(_WORD.findall(title[:cut])) > 1:
        title = title[:cut]
    first = fields.authors[0] if fields.authors else ""
    # a surname alone may be a word of the title ("Improving the Marsaglia generator")
    at = title.find(first) if " " in first.strip() else -1
    # ...only when what follows reads as that list: two names or more, or a name with an
    # initial ("A Simple Method for Generating Gamma Variables" keeps its last words)
    if at > 0 and len(_WORD.findall(title[:at])) >= 2:
        tail = title[at:]
        if len(split_authors(tail)) >= 2 or re.search(r"\b[A-Z]\.", tail):
            title = title[:at].rstrip(" ,.;:")
    return title


# A title never ends on a word that needs more after it: "The subresultant algorithm by".
_OPEN_END = frozenset("a an and by for from in of on or the to with".split())  # noqa: SIM905
_BEFORE_NAME = frozenset("by of from and after see".split())  # noqa: SIM905


def open_ended(title: str) -> bool:
    """Whether `title` ends on a word that needs more after it ("The algorithm by")."""
    words = title.rstrip(" ,.;:").split()
    return bool(words) and words[-1].lower() in _OPEN_END


def _cut_sentence(title: str, fields: EntryFields) -> bool:
    """Whether the "title" is the sentence that names the authors, not a title: it ends on a
    word that needs more after it, or on an author's surname ("... sequence of Collins")."""
    words = title.rstrip(" ,.;:").split()
    if not words:
        return False
    last = words[-1].lower()
    if open_ended(title):
        return True
    # "... sequence of Collins": the author's name right after a word that introduces it
    return (
        len(words) > 2
        and words[-2].lower() in _BEFORE_NAME
        and any(
            last == author.replace(",", " ").split()[-1].lower()
            or last == author.split(",")[0].split()[-1].lower()
            for author in fields.authors
        )
    )


def _continues_author_list(title: str, fields: EntryFields) -> bool:
    """Whether a "title" without a comma, read after the entry's first author, is the rest of
    its author list (`Mark Schmidt, Nicolas le Roux and Francis Bach, NIPS 2011`): names with a
    given name and a surname, one with a lower-case particle, which no title of capitalised
    words has ("Two-Dimensional Signal and Image Processing" reads as two names too)."""
    if not fields.authors or "," in title or " and " not in title:
        return False
    if AUTHOR_LIST.fullmatch(title.strip(" .")) is None or not _PARTICLE_INSIDE.search(title):
        return False
    names = split_authors(title)
    return len(names) >= 2 and all(len(name.split()) >= 2 for name in names)


_PARTICLE_INSIDE = re.compile(r"(?<=[a-z] )(?:van|von|der|de|del|della|da|di|du|dos|la|le) [A-Z]")


def _is_author_list(title: str, fields: EntryFields) -> bool:
    """Whether the "title" is a list of names (`Durbin, James, and Siem Jan Koopman`): the
    author-list pattern spans all of it and reads at least two names."""
    match = AUTHOR_LIST.fullmatch(title.strip(" .,"))
    if match is None or "," not in title:
        return False
    if any(w.lower() in _TITLE_NOT_NAMES for w in _WORD.findall(title)):
        return False  # "Information Theory, Inference, and Learning Algorithms": a title's words
    # Names with a given name or an initial: "Quaternions, Interpolation and Animation" is a
    # title whose words the pattern also reads as bare surnames.
    full = [n for n in split_authors(title) if len(n.replace(",", " ").split()) >= 2]
    return len(full) >= 2


# The repairs that read an entry's layout in its block, in the order they apply: each takes the
# block and a hit and gives the hit back, mended or as it was.
_LAYOUT: tuple[Callable[[str, Hit], Hit], ...] = (
    _written_year,
    _name_line_in_title,
    _title_line_end_in_venue,
    _names_line_opening_title,
    _authors_line_in_title,
    _title_run_on,
    _venue_in_title,
)
