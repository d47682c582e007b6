"""Turning the tagger's labelled runs into citations, and combining them with the rules' ones.

Runs are grouped into entries: an entry is a title with the authors, venue, year and other
fields labelled around it, broken where a second title or a new author list begins or where
too much unlabelled text lies between two runs. An entry becomes a citation only with a
confident title and at least one more field, which keeps prose that merely looks like a
title out. Where a tagged entry and a rule hit overlap, the tagged entry stands (the model
read the rules' hit as a feature and saw more); rule hits elsewhere are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from catalog.keys import family_name, normalize_title
from catalog.types import RefKind
from scanner.spans import SpanIndex
from scanner.titles import TITLE_RULE
from scanner.titles.cues import YEAR_DIGITS
from scanner.titles.fields import (
    JOURNAL_WORDS,
    NAME_COLON_TITLE,
    VENUE_CUE,
    find_spaced,
    first_year,
    pages_of,
    run_in_venue,
    volume_of,
    year_after_page,
)
from scanner.titles.leads import led
from scanner.titles.names import AUTHOR_LIST, NOT_NAMES, split_authors
from scanner.titles.sections import Region, regions
from scanner.titles.tagger import Field, Tagger, default_tagger
from scanner.titles.tidy import open_ended
from scanner.types import EntryFields, Hit

MIN_TITLE_PROBABILITY = 0.5
SURE_ALONE = 0.95
# The longest span tagged at once (the longest NAIST comment is 19,384 characters): a generated
# document's one huge paragraph is left to the rules rather than held as features in memory.
MAX_WINDOW = 20_000
_MAX_GAP_WORDS = 3  # unlabelled words allowed between two runs of one entry
_GAP_WORD = re.compile(r"[^\W_]{2,}")
# A list label opening a line (`.. [2]`, `[^2]:`, `[2] `, after a comment's marker): the next
# entry starts there, whatever the runs on either side are tagged (an entry's authors line
# must not lend them to the next entry's title, and its identifier with them).
_ENTRY_LABEL = re.compile(
    r"\n[ \t]*(?:[#*/!]+[ \t]*)?(?:\.\.[ \t]*\[[^\]\n]+\]|\[\^[^\]\n]+\]:|\[\d{1,3}\][ \t])"
)
_CITING = re.compile(
    r"\b(?:[Rr]eferences?|described in|presented in|introduced in|proposed in|the paper|"
    r"article|published)\b"
)
# Beside venue words or a citing phrase, what an entry the rules missed still shows: a year,
# a quoted title, an initial ("J. Smith") or an HTML line break between fields.
_ENTRY_EVIDENCE = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|[\"“”]|\b[A-Z]\.\s?[A-Z]|<\s*br")
_TRIM = " \t\n,.;:\"“”'`*_"
_TITLE_WORD = re.compile(r"[^\W\d_]{2,}")
_VOLUME_LIKE = re.compile(r"^\S+(?:\s+\S+){0,2}\s+\d+[\d–-]*$|^[\d\s–-]+$")
MAX_TITLE_WORDS = 32  # the longest NAIST title has 20 words; a longer run is a quoted passage
_CITATION_MARK = re.compile(r"\[\s*\d{1,3}\s*\]")
# Searched over every region of a block: led by their first characters (`leads`), the same
# matches, found faster.
_VENUE_CUE, _CITING, _ENTRY_EVIDENCE = led(VENUE_CUE), led(_CITING), led(_ENTRY_EVIDENCE)
_RUN_IN_VENUE = re.compile(
    run_in_venue(loose=True)
    + r"|,\s+(?=(?:IEEE|ACM|SIAM)\s|(?:Journal|Proceedings|Communications|Transactions) (?:of|on)\b"
    r"|Proc\.|In:)"
    r"|\s+which (?:was|is|were|has been) (?:published|presented|described|given)\b"
)
# (a title's words before its own colon are no name: `The Tide Surface: A Practitioner's Guide`)
_LAST_AUTHOR = re.compile(
    r"(?!(?:The|An?|On|Towards?|How|Why|What)\s)"
    r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*\s*:\s+(?=[A-Z\d])"
)
# A first person or a finite auxiliary says the tagged words are a sentence of the comment
# ("In particular, I did not refer to ...", "these problems were augmented ..."); titles
# seldom speak so, and a quoted one is left alone.
_SPEAKS = re.compile(r"\bI\s+[a-z]|\b(?i:we|our|did|does|were|was|please|refer)\b")
# Lower-case words that open a clause of prose, never a title.
_LOWER_OPENER_WORDS = "with of and by in for the to from as at on which that who where when while"
_LOWER_OPENERS = frozenset(_LOWER_OPENER_WORDS.split())
_NUMBERED_TITLE = re.compile(r"^(?:Algorithm|Algo|Note|Part|Report|Remark)\b", re.IGNORECASE)
# A sentence of the comment that opens with a pronoun and its verb ("These are compensated
# summation ... algorithms chosen here ..."): no title.
_PROSE_OPENING = re.compile(r"^(?:This|These|Those|It|They|There|Here)\s+(?:is|are|was|were)\b")
# ... and a phrase that the words after it say a work describes: "... with the KFE algorithm
# described in Schneebeli et al, 2014".
_DESCRIBED_IN = re.compile(
    r"\s+(?:described|proposed|introduced|presented|outlined|developed|suggested|given|defined)"
    r"\s+(?:in|by)\b"
)


# ... or that says whose work it follows, the names run into the tagged title or after it.
_ACCORDING_TO = re.compile(r"\baccording\s+to(?:\s+[A-Z][\w'’-]*)?\s*$")


def with_tagger(text: str, hits: list[Hit], tagger: object, shipped: object) -> list[Hit]:
    """The rules' `hits` on `text`, read again by `tagger` (`shipped` stands for the model
    shipped with citegraph; None, or a missing model, leaves the rules' hits as they are)."""
    if tagger is shipped:
        tagger = default_tagger()
    if not isinstance(tagger, Tagger):
        return hits
    spans = windows(text, hits)
    return combine(text, hits, tagger.fields(text, hits, spans)) if spans else hits


def windows(text: str, hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """The spans of `text` the tagger reads: runs of adjacent regions (list entries and
    paragraphs) that hold a rule hit, or venue words or a citing phrase beside entry evidence.

    Long docstrings are mostly parameter lists and prose; reading only these regions keeps
    the tagger's cost proportional to the citations, not to the block.
    """
    found = regions(text)
    index = SpanIndex(hits)
    wanted = _with_sibling_entries(text, found, [_wanted(text, r, index) for r in found])
    spans: list[tuple[int, int]] = []
    for region, want in zip(found, wanted, strict=True):
        start, end = region.start, region.end
        if not want or end - start > MAX_WINDOW:
            continue
        if spans and spans[-1][1] >= start - 1 and end - spans[-1][0] <= MAX_WINDOW:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _wanted(text: str, region: Region, hits: SpanIndex[Hit]) -> bool:
    """Whether a region holds a rule hit, or venue words or a citing phrase beside evidence."""
    start, end = region.start, region.end
    if hits.overlaps(start, end):
        return True
    # The evidence first: most regions have none, and its search is the cheapest.
    if _ENTRY_EVIDENCE.search(text, start, end) is None:
        return False
    return (
        _VENUE_CUE.search(text, start, end) is not None
        or _CITING.search(text, start, end) is not None
    )


def _with_sibling_entries(text: str, found: Sequence[Region], wanted: list[bool]) -> list[bool]:
    """`wanted`, extended to the list entries beside a wanted entry that show entry evidence:
    the rules need a year or a venue, while a sibling entry ("[3] I. Stoica, "Earliest ...",
    technical report") often has neither. Spreads forwards, then backwards."""
    wanted = list(wanted)
    for order in (range(1, len(found)), range(len(found) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step > 0 else i + 1
            if (
                not wanted[i]
                and wanted[j]
                and found[i].marked
                and found[j].marked
                and _ENTRY_EVIDENCE.search(text, found[i].start, found[i].end) is not None
            ):
                wanted[i] = True
    return wanted


_BLANK_LINE = re.compile(r"\n[ \t*#/]*\n")


def entries(text: str, fields: Sequence[Field]) -> list[list[Field]]:
    """The tagged runs of `text` grouped into entries, in order."""
    groups: list[list[Field]] = []
    for field in fields:
        group = groups[-1] if groups else None
        if group is None or _starts_entry(text, group, field):
            groups.append([field])
        else:
            group.append(field)
    return groups


def _starts_entry(text: str, group: list[Field], field: Field) -> bool:
    if len(_GAP_WORD.findall(text, group[-1].end, field.start)) > _MAX_GAP_WORDS:
        return True
    if _ENTRY_LABEL.search(text, group[-1].end, field.start) is not None:
        return True
    labels = {f.label for f in group}
    if field.label == "T":
        # after a blank line, a title opens the next entry once this one has its venue or
        # year: title-first entries, one paragraph each (`Title.` / `Author, Affiliation` /
        # `Journal, 2001`)
        return "T" in labels or (
            bool(labels & {"V", "Y"})
            and _BLANK_LINE.search(text, group[-1].end, field.start) is not None
        )
    if field.label == "A":
        return (
            bool(labels & {"V", "Y", "M"})
            or ("A" in labels and "T" in labels)
            or ("T" in labels and _POINTER.fullmatch(text, group[-1].end, field.start) is not None)
        )
    return False


# A sentence's end, then a word pointing the reader to a work (`... test data.  See
# McCoullough(1999) ...`): the names open a citation of their own, and the sentence before them
# is prose, not their work's title.
_POINTER = re.compile(r"[.;!?][\"”’']?\s+(?:See(?:\s+also)?|Cf\.?)\s*:?\s*")


def tagged_hits(text: str, fields: Sequence[Field]) -> list[Hit]:
    """Title citations from the tagger's runs: one per entry with a confident title."""
    hits = []
    fields = _names_read_as_titles(text, _titles_in_their_paragraph(text, fields))
    for group in entries(text, _versions_read_whole(text, fields)):
        titles = [f for f in group if f.label == "T"]
        if not titles:
            continue
        title_field = titles[0]
        # A title with nothing around it needs to be quoted or a very sure reading, and not
        # to be a sentence of a paragraph of prose.
        # (an acronym ending the sentence before the title, read as its venue, stands for
        # nothing around it: `... NCV > 2*NEV.  If many problems of the same type ...`)
        around = {
            f.label
            for f in group
            if f.label != "T" and not _acronym_ending_sentence(text, f, title_field)
        }
        alone = not around and not _quoted(text, title_field)
        needed = SURE_ALONE if alone else MIN_TITLE_PROBABILITY
        if title_field.probability < needed or (alone and _amid_prose(text, title_field)):
            continue
        title = _trimmed(text, group, title_field)
        if not _plausible_title(text, title_field, title):
            continue
        hits.append(_hit(text, group, title, title_field.probability))
    return hits


# Two or more given-name-first names without initials, joined by "and", "&" or commas.
_NAME = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?"
_FULL_NAME = rf"{_NAME}(?:[ \t]+{_NAME}){{1,2}}"
_BARE_NAMES = re.compile(rf"{_FULL_NAME}(?:(?:,|,?[ \t]+(?:and|&))[ \t]+{_FULL_NAME})+")


_NOT_NAME_WORDS = frozenset(word.lower() for word in NOT_NAMES) - {"and"}


def _titles_in_their_paragraph(text: str, fields: Sequence[Field]) -> Sequence[Field]:
    """`fields` with each title read across a blank line cut to the paragraph it ends in: a
    title opens its paragraph, and what the model took in before the blank is the entry above's
    (its year, `2010`, then the blank, then the next entry's title, a field a line)."""
    out = list(fields)
    for index, field in enumerate(out):
        if field.label != "T":
            continue
        blanks = list(_BLANK_LINE.finditer(text, field.start, field.end))
        if not blanks:
            continue
        last = blanks[-1]
        start = (
            last.end()
            + len(text[last.end() : field.end])
            - len(text[last.end() : field.end].lstrip())
        )
        if start < field.end:
            out[index] = replace(field, start=start)
    return out


def _names_read_as_titles(text: str, fields: Sequence[Field]) -> Sequence[Field]:
    """`fields` with a "title" that is only names and runs straight into the next title read
    as the authors it is: "Jia Jiong and Zhang Hao-ran. A Fast Learning Algorithm for ..."
    (names written without initials or commas)."""
    out = list(fields)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if (
            first.label == "T"
            and second.label == "T"
            and _TITLE_AFTER_NAMES.fullmatch(text, first.end, second.start) is not None
            and _bare_names(text[first.start : first.end])
        ):
            out[index] = replace(first, label="A")
    return out


_TITLE_AFTER_NAMES = re.compile(r"\.?[ \t]+")


# The tokenizer cuts a version number at its dot (`1`, `.`, `2`), and the model may begin or
# end a title there: a software paper's title that opens with its name and version
# (`tobac 1.2: towards a flexible framework ...` read from `2:`; `Tidekit 2.0: faster tide
# fitting` read as `Tidekit 2`, then dropped as a volume). The name and version before a
# title's first digit, and the rest of the sentence after its last, are the title's. A part of
# a work numbered so is no name (`"Section 26.2: The Ford-Fulkerson method". "Introduction to
# Algorithms"`: the book is cited).
_PART_WORD = (
    r"(?i:sections?|sec|chapters?|ch|parts?|appendix|vol(?:ume)?|algorithm|table|fig(?:ure)?|"
    r"theorem|lemma|eq(?:uation)?|example|exercise|step|pp?|pages?)\b"
)
_NAME_VERSION_BEFORE = re.compile(rf"(?<![\w.])(?!{_PART_WORD})[^\W\d_][\w-]*[ \t]+\d+\.$")
_NAME_VERSION_OPENED = re.compile(rf"(?<![\w.])(?!{_PART_WORD})[^\W\d_][\w-]*[ \t]+\d+$")
_VERSION_THEN_REST = re.compile(r"\.\d+(?:\.\d+)*:[^\n.]*(?:\n[^\n.]*){0,2}")


def _versions_read_whole(text: str, fields: Sequence[Field]) -> Sequence[Field]:
    """`fields` with each title cut inside a name's version number widened to hold the name,
    the whole number and, when it ends there, the subtitle after the number's colon."""
    out = list(fields)
    for index, field in enumerate(out):
        if field.label != "T":
            continue
        start, end = field.start, field.end
        floor = out[index - 1].end if index else 0
        ceiling = out[index + 1].start if index + 1 < len(out) else len(text)
        if text[start : start + 1].isdigit():
            head = _NAME_VERSION_BEFORE.search(text, max(floor, start - 60), start)
            if head is not None:
                start = head.start()
        if _NAME_VERSION_OPENED.search(text, max(start, end - 60), end) is not None:
            tail = _VERSION_THEN_REST.match(text, end, ceiling)
            if tail is not None:
                end = tail.end()
        if (start, end) != (field.start, field.end):
            out[index] = replace(field, start=start, end=end)
    return out


def _bare_names(words: str) -> bool:
    """Whether a tagged title is only names (`Jia Jiong and Zhang Hao-ran`), none of them a
    word of a title (`Deep Learning and Neural Networks`)."""
    words = words.strip(_TRIM)
    return _BARE_NAMES.fullmatch(words) is not None and not any(
        word.lower() in _NOT_NAME_WORDS for word in re.findall(r"[A-Za-z]+", words)
    )


def _trimmed(text: str, group: list[Field], field: Field) -> str:
    """The tagged title without what the tagger let run into it: the venue that follows with
    no full stop between ("... Images, IEEE Transactions on Medical Imaging", "... Flowgraph
    which was published in: ACM ..."), or the last author of a DBLP-style list before it
    ("A, B, Ashwin Srinivasan: Title")."""
    title = text[field.start : field.end].strip(_TRIM)
    cut = _RUN_IN_VENUE.search(title)
    if cut is not None and len(_TITLE_WORD.findall(title[: cut.start()])) >= 2:
        title = title[: cut.start()].rstrip(_TRIM)
    index = group.index(field)
    before = group[index - 1] if index else None
    last_author = _LAST_AUTHOR.match(title)
    if (
        before is not None
        and before.label == "A"
        and last_author is not None
        and text[before.end : field.start].split() in ([","], ["and"], ["&"], [",", "and"])
    ):
        title = title[last_author.end() :]
    return title


def _plausible_title(text: str, field: Field, title: str) -> bool:
    """Whether a tagged title can be one: not a venue and volume ("A&A 496"), not a lone
    word or number, not a quoted passage (too long, or citing "[3]" itself), not a sentence
    of the comment, not code in a doctest line."""
    words = _TITLE_WORD.findall(title)
    if len(words) < 2 and not (words and _quoted(text, field)):
        return False
    if len(words) > MAX_TITLE_WORDS or _CITATION_MARK.search(title):
        return False
    if open_ended(title) or (title.split()[0] in _LOWER_OPENERS and not _quoted(text, field)):
        return False  # "with the shift of Kenward": prose that leads to the names
    if _SPEAKS.search(title) and not _quoted(text, field):
        return False
    if _PROSE_OPENING.match(title):
        return False
    if _DESCRIBED_IN.match(text, field.end):
        return False  # "... with the KFE algorithm described in Schneebeli et al, 2014"
    if _ACCORDING_TO.search(title) and not _quoted(text, field):
        return False  # "The transfer function according to Eisenstein", then "& Hu 1998"
    if _VOLUME_LIKE.match(title) and not _NUMBERED_TITLE.match(title):
        return False
    line_start = text.rfind("\n", 0, field.start) + 1
    return not text[line_start : field.start].lstrip().startswith((">>>", "..."))


# A sentence ending before a tagged run on its line, and another sentence starting right after
# it: the run is a sentence of the paragraph ("... noise suppression algorithms. DNSMOS
# generalizes well in ... methods. More details can be found in ..."), not a work named alone,
# which stands on a line of its own, after a label or a citing word, or in quotes.
# (A sentence may end in an acronym, `... NCV > 2*NEV.`, not in a name's initial.)
_SENTENCE_BEFORE = re.compile(r"(?:[a-z0-9)\]]|[A-Z]{2,})\.[ \t]+$")
_SENTENCE_AFTER = re.compile(r"\.[ \t]+[A-Z][a-z]")


def _amid_prose(text: str, field: Field) -> bool:
    """Whether the tagged run `field` is a sentence between two sentences of its paragraph."""
    # (the run may open with the stop and blanks of the sentence before it)
    start = field.start
    while start < field.end and text[start] in _LEADING_STOP:
        start += 1
    line_start = text.rfind("\n", 0, start) + 1
    return (
        _SENTENCE_AFTER.match(text, field.end) is not None
        and _SENTENCE_BEFORE.search(text, line_start, start) is not None
    )


_LEADING_STOP = frozenset(". \t")
_SENTENCE_ACRONYM = re.compile(r"[A-Z]{2,8}(?=\.[ \t])")


def _acronym_ending_sentence(text: str, field: Field, title: Field) -> bool:
    """Whether `field` is a venue read over the acronym that ends the sentence before `title`."""
    if field.label != "V" or field.end > title.start:
        return False
    acronym = _SENTENCE_ACRONYM.match(text, field.start)
    return acronym is not None and acronym.end() == field.end


def _quoted(text: str, field: Field) -> bool:
    before = text[max(0, field.start - 3) : field.start].rstrip()
    return bool(before) and before[-1] in "\"“'`«"


def _text_of(text: str, group: list[Field], label: str) -> str:
    return " ".join(text[f.start : f.end] for f in group if f.label == label)


def _past_labels(names: str) -> str:
    """An author field without the label or citing verb the model takes in before its names:
    a thesis's label (`Dissertation, V. Marsh`), a citing verb (`Uses K. Ferris`). Only
    these: other words that are never names (`Press W.H`, a surname too) stay for the name
    tests after."""
    while (label := _NAMES_LABEL.match(names)) is not None:
        names = names[label.end() :]
    return names


# A label or citing verb before an author's name, with its separator.
_NAMES_LABEL = re.compile(
    r"(?:(?:PhD|Ph\.D\.|Doctoral|Master'?s)[ \t]+)?(?:Dissertation|Thesis)\b[ \t]*[,.:]?[ \t]*"
    r"|(?:Uses|Using|See|Cf\.|From|Following)\b[ \t]*[,:]?[ \t]*(?=[A-Z])"
)


def _hit(text: str, group: list[Field], title: str, probability: float) -> Hit:
    def joined(label: str) -> str:
        return _text_of(text, group, label).strip(_TRIM)

    others = joined("M")
    year_text = joined("Y") or others
    venue = " ".join(_first_venue(text, group).strip(" ,;:").split()) or None
    year = _page_read_as_year(text, group) or first_year(year_text) or _bare_year(year_text)
    if year is None and venue and (dated := _YEAR_ENDING_VENUE.search(venue)):
        # the year read as the venue's last word: `J. Chem. Theory Comput. 2021, 17, 8, ...`
        year, venue = int(dated["year"]), venue[: dated.start()] or None
    reference = EntryFields(
        authors=tuple(
            name
            for f in group
            if f.label == "A"
            for name in split_authors(_past_labels(text[f.start : f.end].strip(_TRIM)))
        ),
        title=" ".join(title.split()),
        venue=venue,
        year=year,
        volume=volume_of(others),
        pages=pages_of(others),
    )
    confidence = round(min(0.5 + 0.1 * len({f.label for f in group}) + 0.2 * probability, 0.95), 2)
    return Hit(
        group[0].start,
        group[-1].end,
        RefKind.TITLE,
        TITLE_RULE,
        None,
        confidence,
        reference.title,
        reference,
    )


def _first_venue(text: str, group: list[Field]) -> str:
    """The venue runs of an entry up to the first field after them: a venue goes on over an
    unlabelled word or line break (`IEEE Transactions on` / `Pattern Analysis ...`), but a
    venue after the entry's volume, pages or year is another (`... Engineering 28(6) .` / `In
    Proceedings of the Sixth SIAM ...`, a publisher after a journal's pages)."""
    runs: list[str] = []
    for field in group:
        if field.label == "V":
            runs.append(text[field.start : field.end])
        elif runs and field.label in _AFTER_VENUE:
            break
    return " ".join(runs)


_AFTER_VENUE = frozenset({"M", "Y"})  # volume, issue and pages; year
_YEAR_ENDING_VENUE = re.compile(rf"[ \t,]+(?P<year>{YEAR_DIGITS})$")


def _page_read_as_year(text: str, group: list[Field]) -> int | None:
    """The bracketed year after a page the model labelled a year (`JPCL 3, 2039 (2012)`)."""
    for field in group:
        if field.label == "Y" and (year := year_after_page(text, field.end)) is not None:
            return year
    return None


def _bare_year(text: str) -> int | None:
    match = re.search(f"({YEAR_DIGITS})", text)
    return int(match.group(1)) if match else None


def combine(text: str, rule_hits: Sequence[Hit], fields: Sequence[Field]) -> list[Hit]:
    """The tagger's citations, plus the rules' hits that none of them overlaps.

    A rule's title citation left alone by the tagger is kept when the tagger also reads most
    of that title as a title (its own entry fell to a filter), or when it reads the rest of
    the entry as one (authors, venue, year around a title it left unlabelled: a wrapped or
    lower-case title the model is unsure of). Where the model, which saw the rule's reading
    as a feature, sees no entry there, the rule was wrong more often than right on the
    development folds. Author-year mentions ("Scargle 2013") are the rules' alone: the model
    rarely labels such short mentions, and they are citations.
    """
    # Indexes keep this linear in the block: a generated reference list has thousands of
    # hits and fields, and comparing each with each took minutes.
    rules = SpanIndex(rule_hits)
    # A BibTeX entry's fields are labelled in the text: the rules' reading of it stands.
    labelled = SpanIndex([h for h in rule_hits if _BIBTEX_HEAD.match(text, h.start)])
    tagged = _first_per_span(
        [
            h
            for h in map(lambda hit: _with_rule_fields(text, hit, rules), tagged_hits(text, fields))
            if not _venue_read_as_title(h)
            and not _names_read_as_title(h)
            and not labelled.overlaps(h.start, h.end)
            and not _mention_run_into_entry(text, h, rules)
        ]
    )
    tagged_spans = SpanIndex(tagged)
    titles = SpanIndex([f for f in fields if f.label == "T"])
    all_fields = SpanIndex(fields)
    # (a rule's entry the tagger left alone, without the venue its title ran into)
    rule_hits = [
        hit
        if tagged_spans.overlaps(hit.start, hit.end)
        else _venue_cut_from_title(text, hit, all_fields)
        for hit in rule_hits
    ]
    kept = [
        hit
        for index, hit in enumerate(rule_hits)
        if not tagged_spans.overlaps(hit.start, hit.end)
        and (
            hit.kind is not RefKind.TITLE
            # a BibTeX entry's fields are labelled: its reading stands, however long its
            # title (a title over three lines the model reads no title in)
            or _BIBTEX_HEAD.match(text, hit.start) is not None
            or _agrees(text, hit, titles)
            or _entry_around(text, hit, all_fields)
            or _quoted_entry(text, hit)
            or _named_by(text, hit)
            or _quoted_name_colon_title(text, hit)
            or _book_entry(text, rule_hits, index)
        )
    ]
    return sorted([*tagged, *kept], key=lambda h: h.start)


# What joins a mention to the next work of a list: "and", "&", a comma or a semicolon, then
# that work's authors or its quoted title (perhaps after "in"), not a clause ("..., as
# described in").
_LIST_JOINER = re.compile(r"\s*(?:[,;&]|and\b)\s*(?:in\s+)?[A-Z\"“]")


def _mention_run_into_entry(text: str, hit: Hit, rules: SpanIndex[Hit]) -> bool:
    """Whether the tagged entry `hit` joins a rules' author-year mention to the next work of
    a list, by other authors, whose title the rules read too: `Bister and Emanuel (2002; BE02)
    and Emanuel's "Atmospheric Convection" (1994)` is a paper's mention, then a book, not one
    entry by Bister and Emanuel. The rules' two readings stand. (A credit's sentence before its
    article, `by Tomas Moller, 1997. See article "A Fast ..."`, and a mention before the title
    of the same authors' work, `Reddi et al. (2018), as described in "..." by Reddi, Kale and
    Kumar`, name one work: one entry.)"""
    title = normalize_title(hit.title_hint or "")
    inside = [r for r in rules.overlapping(hit.start, hit.end) if hit.start <= r.start]
    titled = [
        r
        for r in inside
        if r.kind is RefKind.TITLE and title and normalize_title(r.title_hint or "") == title
    ]
    return any(
        mention.kind is RefKind.AUTHOR_YEAR
        and mention.end <= entry.start
        and _LIST_JOINER.match(text, mention.end)
        and not _same_first_author(mention, entry)
        for mention in inside
        for entry in titled
    )


def _same_first_author(one: Hit, other: Hit) -> bool:
    ours = one.reference.authors if one.reference else ()
    theirs = other.reference.authors if other.reference else ()
    family = family_name(ours[0]) if ours else ""
    return bool(family and theirs) and family == family_name(theirs[0])


def _names_read_as_title(hit: Hit) -> bool:
    """Whether the model's title is its entry's author list read again (`Refs: Lind and Moss,
    PRB 71, 035105 (2005)`: the label before the names leads it there); the rules' reading of
    those names and year stands."""
    fields = hit.reference
    if fields is None or not fields.title or len(fields.authors) < 2:
        return False  # (one "name" is as often a title's last words: `... Instance Segmentation`)
    title = _LABEL_FIRST.sub("", fields.title)  # (with the label: `Refs: Lind and Moss`)
    return AUTHOR_LIST.fullmatch(title) is not None and split_authors(title) == fields.authors


_LABEL_FIRST = re.compile(r"^(?:Refs?|References?|See)\b\.?[ \t]*:?[ \t]*")


_MIN_TITLE_BEFORE_VENUE = 3  # words of the title before a venue it ran into
# (or its first field, where the entry's `@type{key,` is missing or of a type not read)
_BIBTEX_HEAD = re.compile(r"@[A-Za-z]+[ \t]*\{|(?i:author|title|editor)[ \t]*=[ \t]*[{\"]")
_DELIMITERS = frozenset("\"“'`*«")
_FIELD_SEPARATORS = frozenset(",.;:")


def _venue_cut_from_title(text: str, hit: Hit, fields: SpanIndex[Field]) -> Hit:
    """A rule's title entry without the venue it ran into, where the tagger reads one opening
    inside the title and reaching its end: "An o(log n/log log n)-approximation algorithm for
    ..., Operations research, 65 (2017)" (a venue in lower case the rules do not know)."""
    reference = hit.reference
    if hit.kind is not RefKind.TITLE or reference is None or not reference.title:
        return hit
    start, end = find_spaced(text, reference.title, hit.start, hit.end)
    if start < 0 or text[start - 1 : start] in _DELIMITERS:
        return hit  # a title set off in quotes or backticks ends where they close
    venues = [f for f in fields.overlapping(start, end) if f.label == "V"]
    if len(venues) != 1 or venues[0].start <= start or venues[0].end < end:
        return hit
    if text[start : venues[0].start].rstrip()[-1:] not in _FIELD_SEPARATORS:
        return hit  # a venue opens after a field's separator, not inside a phrase
    kept = text[start : venues[0].start].strip(_TRIM)
    if len(_TITLE_WORD.findall(kept)) < _MIN_TITLE_BEFORE_VENUE:
        return hit
    title = " ".join(kept.split())
    venue = reference.venue or " ".join(text[venues[0].start : venues[0].end].split())
    cut = replace(reference, title=title, venue=venue)
    return replace(hit, title_hint=title, reference=cut)


def _book_entry(text: str, rule_hits: Sequence[Hit], index: int) -> bool:
    """Whether a rule's title entry is a book's (an edition, a publisher and no journal after
    its title: "G. Golub and C. V. Loan, Matrix Computations, 3rd ed. Baltimore, Johns Hopkins
    University Press, 1996"): the model, which reads papers' entries, rarely labels a book's."""
    from scanner.titles.books import is_book_entry

    stop = rule_hits[index + 1].start if index + 1 < len(rule_hits) else len(text)
    return is_book_entry(text, rule_hits[index], stop)


def _first_per_span(hits: list[Hit]) -> list[Hit]:
    """One tagged hit per entry: two titles widened to the same rule entry are its title and
    a later field read as a second title ("... Software. Massachusetts: A K Peters. 1994"),
    or the same title read twice (a BibTeX chapter's, once more with its `booktitle`)."""
    seen: set[tuple[int, int]] = set()
    titles: set[tuple[int, str]] = set()
    out = []
    for hit in hits:
        title = normalize_title(hit.title_hint or "")
        if (hit.start, hit.end) in seen or (title and (hit.start, title) in titles):
            continue
        seen.add((hit.start, hit.end))
        titles.add((hit.start, title))
        out.append(hit)
    return out


def _venue_read_as_title(hit: Hit) -> bool:
    """Whether a tagged title is the venue of the rule entry it was widened to: a BibTeX
    chapter's `booktitle`, read as a second title of the same entry."""
    fields = hit.reference
    return (
        fields is not None
        and bool(fields.title and fields.venue)
        and normalize_title(fields.title or "") == normalize_title(fields.venue or "")
    )


_RESTART = re.compile(r"(?:[”\"'’]|\s[-–—])\s*$")
# A method's name before a title's colon: "k-Shape", "SINDy-PI", "NSGA-II", "SPEA2".
_METHOD_NAME = re.compile(r"[a-z]{1,2}-[A-Z][\w+-]*|[A-Z][A-Za-z]*-[A-Z][\w+-]*|[A-Z]{2,}[\w+-]*")
_TITLE_WORDS = re.compile(r"[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|and|in|for|the|on|with))+")


# Between an entry's names and year and its title: punctuation and blanks only.
_ENTRY_OPENING_GAP = re.compile(r"[\s.,:;)\]]*")


def _with_rule_fields(text: str, hit: Hit, rule_hits: SpanIndex[Hit]) -> Hit:
    """`hit` with the author list, volume and pages of the rule hit it overlaps most, and
    its span widened to cover it: the rules split names and read numbers more carefully than
    token labels do, while the tagger finds the title and where the entry lies."""
    best, best_overlap = None, 0
    title_start = (
        find_spaced(text, hit.reference.title, hit.start, hit.end)[0]
        if hit.reference is not None and hit.reference.title
        else -1
    )
    for rule in rule_hits.overlapping(hit.start, hit.end):
        overlap = min(hit.end, rule.end) - max(hit.start, rule.start)
        if rule.reference is None:
            continue
        if (
            rule.start == hit.start
            and rule.end <= title_start
            and _ENTRY_OPENING_GAP.fullmatch(text, rule.end, title_start) is not None
        ):
            # the rules' reading of the entry's opening, its names and year right before the
            # model's title: the one that reads the model's authors, not a longer one from
            # further in (`... between Micro-Clusters, IEEE Transactions ... 2006` read as the
            # author Micro-Clusters)
            best = rule
            break
        if overlap > best_overlap:
            best, best_overlap = rule, overlap
    if best is None or best.reference is None or hit.reference is None:
        return hit
    ours, theirs = hit.reference, best.reference
    blank = _BLANK_LINE.search(text, hit.start, best.start) if hit.start < best.start else None
    if blank is not None and 0 <= find_spaced(text, ours.title or "", hit.start, hit.end)[1] <= (
        blank.start()
    ):
        return hit  # the model's title is the paragraph above's: the rule's entry is another
    journal = None
    if (
        theirs.title
        and (
            (theirs.venue and ours.title == theirs.venue)
            or (ours.title and _delimited_longer(text, best, ours.title))
            or (
                ours.title
                and theirs.title.endswith(": " + ours.title)
                # words of a title before the colon, not names ("Author, L.:", "Mornon J-P:")
                and (
                    _TITLE_WORDS.fullmatch(theirs.title[: -len(ours.title) - 2]) is not None
                    or _METHOD_NAME.fullmatch(theirs.title[: -len(ours.title) - 2]) is not None
                )
            )
            or (
                ours.title
                and theirs.authors
                and len(theirs.title) > len(ours.title)
                and theirs.title.endswith(ours.title)
                # the model began after a quoted word or a dash inside the title ('the "CL"
                # Common Language ...', 'Intraclass correlation - A discussion ...')
                and _RESTART.search(theirs.title, 0, len(theirs.title) - len(ours.title))
                is not None
            )
            or (ours.title and _title_then_by_authors(ours.title, theirs))
            or (ours.title and _authors_then_title(ours.title, theirs))
            or (ours.title and (journal := _journal_after_title(ours.title, theirs)))
            or (ours.title and _link_after_title(ours.title, theirs))
            or (ours.title and _line_end_left_out(text, best, ours))
            or (ours.title and _names_line_read_into_title(text, best, ours.title))
            or (ours.title and _next_lines_initial_taken(text, best, ours.title))
            or (
                # the model began at the title's second line, which goes on in lower case
                # (`... transform (DFT),\n including a comprehensive list of ...`)
                ours.title
                and ours.title[:1].islower()
                and len(theirs.title) > len(ours.title)
                and theirs.title.endswith(" " + ours.title)
            )
        )
    ):
        # the model read the entry's venue as its title (a BibTeX `journal` field), only
        # the part after the title's colon ("Social Network Analysis: Methods and ..."), or
        # the authors after "by" inside the quotes as more of the title
        ours = replace(ours, title=theirs.title, venue=ours.venue or journal)
        hit = replace(hit, title_hint=theirs.title)
    # (the model's entry opening a paragraph above the rule's took the end of another entry
    # for its first names: `... Guide,\n Wiley Finance\n\n A. Elices, Models ...`)
    across = blank is not None
    # (... or took the next entry's names, past the end of the rule's entry, for this one's:
    # `Ada Lind. Title. 1994` over `Bo Moss and Cy Vale. Title. 1997`, one entry a line)
    taken_from_next = _names_past(text, ours.authors, best, hit.end)
    reference = replace(
        ours,
        authors=theirs.authors
        if (across or taken_from_next) and theirs.authors
        else _authors(ours.authors, theirs.authors, (ours.title, theirs.title)),
        venue=theirs.venue or _venue_past_authors(ours.venue, theirs.authors),
        year=ours.year or theirs.year,
        volume=theirs.volume or ours.volume,
        pages=theirs.pages or ours.pages,
    )
    return replace(
        hit,
        start=best.start if across else min(hit.start, best.start),
        end=max(hit.end, best.end),
        reference=reference,
    )


def _names_past(text: str, names: tuple[str, ...], rule: Hit, end: int) -> bool:
    """Whether the first of `names` is written after the rule's entry (before `end`) and not
    in it."""
    if not names:
        return False
    return find_spaced(text, names[0], rule.end, end)[0] >= 0 and (
        find_spaced(text, names[0], rule.start, rule.end)[0] < 0
    )


def _venue_past_authors(venue: str | None, authors: tuple[str, ...]) -> str | None:
    """The model's venue, unless it opens with the rules' last author: the model ran the last
    name into the venue under it (`Luigi Conti\n GeoMeet, 2011` read as one venue)."""
    # (the last of a list of full names: a single word the rules took for a name may be the
    # venue's own, `NIPS`, and a lone "name" the venue itself, `Celestial Mechanics`)
    if (
        venue is not None
        and len(authors) > 1
        and " " in authors[-1]
        and venue.startswith(authors[-1] + " ")
    ):
        return None
    return venue


def _line_end_left_out(text: str, rule: Hit, fields: EntryFields) -> bool:
    """Whether the model's title is the rule's without its last word or two, which end the
    rule's title at its line's end (`... nonlinear time series` of `... nonlinear time series
    datasets` wrapped above its link; `... low-dimensional materials` of a title whose last
    line is `components`), and which it gave no other field: the model stopped short of the
    line's end."""
    theirs = rule.reference.title if rule.reference is not None else None
    ours = fields.title or ""
    if not theirs or not theirs.startswith(ours + " "):
        return False
    rest = theirs[len(ours) + 1 :]
    if fields.venue and fields.venue.startswith(rest.split()[0]):
        return False  # read as the venue's first words: the tidying settles which they are
    if len(rest.split()) > _MAX_WORDS_LEFT_OUT or _WORDS_ONLY.fullmatch(rest) is None:
        return False
    start, end = find_spaced(text, theirs, rule.start, rule.end)
    ours_end = find_spaced(text, ours, start, end)[1] if start >= 0 else -1
    if ours_end < 0 or _AT_LINE_END.match(text, end) is None:
        return False
    # on the model's line, or the rule's title's last line, wrapped, in lower case
    return "\n" not in text[ours_end:end] or rest[0].islower()


_MAX_WORDS_LEFT_OUT = 2
_WORDS_ONLY = re.compile(r"[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)*")
_AT_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def _link_after_title(ours: str, theirs: EntryFields) -> bool:
    """Whether the model's title is the rule's title and the start of the link after it
    (`... Exponential Integral https://www.sci`): the model ran on into the link."""
    if not theirs.title or not ours.startswith(theirs.title + " "):
        return False
    return _LINK_START.match(ours, len(theirs.title) + 1) is not None


_LINK_START = re.compile(r"(?i)https?:|www\.|doi:|arxiv:")


def _journal_after_title(ours: str, theirs: EntryFields) -> str | None:
    """The journal, when the model's title is the rule's title, its full stop or comma, then
    a journal's name and perhaps its volume (`Title. Data Mining and Knowledge Discovery 2` of
    `Lind, Zara. 1998. Title. Data Mining and Knowledge Discovery 2: 283-304.`): the model
    ran on into the venue."""
    if not theirs.title or not ours.startswith((theirs.title + ". ", theirs.title + ", ")):
        return None
    rest = ours[len(theirs.title) + 2 :]
    journal = _JOURNAL_THEN_VOLUME.fullmatch(rest)
    if journal is None or (journal["volume"] is None and len(journal["name"].split()) < 2):
        return None
    return journal["name"]


# A journal's name in capitalised words (and the small words between), perhaps its volume.
_JOURNAL_THEN_VOLUME = re.compile(
    rf"(?P<name>{JOURNAL_WORDS})"
    r"(?:[ \t]+(?P<volume>\d{1,4}))?"
)


def _next_lines_initial_taken(text: str, rule: Hit, ours: str) -> bool:
    """Whether the model's title is the rule's and the first letters of the next line, the
    journal's initial it opens with (`... H to Kr\n J. Chem. Phys. 127`, read `... Kr J`)."""
    theirs = rule.reference.title if rule.reference is not None else None
    if not theirs or not ours.startswith(theirs + " "):
        return False
    rest = ours[len(theirs) + 1 :]
    end = find_spaced(text, theirs, rule.start, rule.end)[1]
    return (
        len(rest) <= _MAX_INITIAL
        and rest.isalpha()
        and end > 0
        and _LINE_END_AFTER.match(text, end) is not None
    )


_MAX_INITIAL = 2


def _names_line_read_into_title(text: str, rule: Hit, ours: str) -> bool:
    """Whether the model's title is the rule's with (some of) its last author's names before
    it, where the rule's title opens the line after the names: an entry laid out a field a
    line (`F. Tombari, S. Salti, L. Di Stefano\n Unique Signatures of ...`)."""
    theirs = rule.reference
    if theirs is None or not theirs.title or not theirs.authors or not ours.endswith(theirs.title):
        return False
    head = ours[: -len(theirs.title)].strip()
    at = find_spaced(text, theirs.title, rule.start, rule.end)[0]
    return (
        bool(head)
        and at > 0
        and _LINE_START_BEFORE.search(text, max(0, at - 40), at) is not None
        and _only_names(head, theirs.authors)
    )


_LINE_START_BEFORE = re.compile(r"\n[ \t*#/!]*$")


def _authors_then_title(ours: str, theirs: EntryFields) -> bool:
    """Whether the model's title is (some of) the rule's authors, a colon or a dash and the
    rule's title, perhaps with the venue after it: a quoted `"Ulrik Brandes: A Faster
    Algorithm ... Journal of ..."` or `"Stoer, Bulirsch - Introduction to ..."`, which the
    rules split."""
    if not theirs.title or not theirs.authors:
        return False
    at = ours.find(theirs.title)
    if at <= 0 or ours[at + len(theirs.title) :][:1] not in ("", ".", ","):
        return False
    head = ours[:at].rstrip()
    if not head.endswith((":", " -", " –", " —")):
        return False
    names = head.rstrip(":-–— ")
    # (one word before a colon is the title's own: "Adam: A Method for ...", whatever the rules
    # took for a name; before a dash it may be the last surname: "Bulirsch - Introduction ...")
    if head.endswith(":") and len(names.split()) < _MIN_HEAD_WORDS:
        return False
    return _only_names(names, theirs.authors)


_MIN_HEAD_WORDS = 2


def _only_names(words: str, authors: tuple[str, ...]) -> bool:
    """Whether `words` hold only (some of) the names of `authors`, with "and" or a year."""
    rest = {
        word
        for word in normalize_title(words).split()
        if word not in ("and", "et", "al") and not word.isdigit()
    }
    return bool(rest) and rest <= set(normalize_title(" ".join(authors)).split())


def _title_then_by_authors(ours: str, theirs: EntryFields) -> bool:
    """Whether the model's title is the rule's title, then "by" and (some of) the rule's
    authors: a quoted `"Network Flows by Ahuja, Magnanti, and Orlin."`, which the rules split."""
    if not theirs.title or not theirs.authors or not ours.startswith(theirs.title + " by "):
        return False
    # (the model may stop inside the names: "... by Q" of "... by Q. R. Lindqvist (1979)")
    return _only_names(ours[len(theirs.title) + 4 :], theirs.authors)


_LINK_NEXT = re.compile(r"[ \t]+<?https?://")
# "Statistical power analysis| for the behavioral sciences": a title goes on after these.
_CONTINUED = re.compile(
    r" (?:for|of|in|on|and|with|to|from|by|via|using|under|over|between|without) [\w(]"
    r"| \(\w+\) \w"  # a bracketed word inside it: "What mediation analysis can (not) do"
)


def _delimited_longer(text: str, rule: Hit, title: str) -> bool:
    """Whether the rule read a quoted title, a reST link's text or a title that runs up to
    its link, of which the model's title is only the start ("`Multiclass ... Classification
    by Riemannian Geometry <url>`_", cut by the model at "by"; "Diagnosing ... Disintegrations
    in Hamiltonian Monte Carlo https://arxiv.org/abs/...", cut at "in")."""
    theirs = (rule.reference.title if rule.reference else None) or ""
    if not theirs.startswith(title) or theirs[len(title) : len(title) + 1] not in " ,:;":
        return False  # longer by a sentence of its own ("... sciences. 2nd") is not the title
    if _CONTINUED.match(theirs, len(title)):
        return True  # the model stopped before a small word the title goes on with
    start, end = find_spaced(text, theirs, rule.start, rule.end)
    return start > 0 and (text[start - 1] in "\"“«`'" or _LINK_NEXT.match(text, end) is not None)


def _authors(
    ours: tuple[str, ...], theirs: tuple[str, ...], titles: tuple[str | None, ...] = ()
) -> tuple[str, ...]:
    """The rule's author list, which splits names more carefully, when it reads the model's
    list: not when it names none of the model's authors (it took words of the title for
    names: "Forecasting", "k-Shape"), nor when it is only the end of the model's list
    ("Schuetze, O., ..., Coello Coello, C.A., & Talbi, E.-G." read from "Talbi")."""
    if not ours or not theirs:
        return theirs or ours
    mine = [family_name(a) for a in ours]
    rules = {family_name(a) for a in theirs}
    if not rules & set(mine):
        return ours
    if (
        len(ours) > len(theirs)
        and rules <= set(mine)
        and mine[0] not in rules
        # (and not when the names before the rule's first are the title: a heading over the
        # entry, `Sparse Optimal Transport.` above `Lind, T., Vale, J. (2023).`)
        and not _titles_read_as_names(
            ours[: next(i for i, name in enumerate(mine) if name in rules)], titles
        )
    ):
        return ours
    return theirs


def _titles_read_as_names(names: tuple[str, ...], titles: tuple[str | None, ...]) -> bool:
    """Whether any of `names` is one of `titles`, its words read as a name."""
    read = {normalize_title(title) for title in titles if title}
    return any(normalize_title(name) in read for name in names)


def _agrees(text: str, hit: Hit, titles: SpanIndex[Field]) -> bool:
    start, end = find_spaced(text, hit.title_hint or "", hit.start, hit.end)
    if start < 0:
        return False
    covered = sum(
        max(0, min(end, f.end) - max(start, f.start)) for f in titles.overlapping(start, end)
    )
    return covered >= 0.5 * (end - start)


def _named_by(text: str, hit: Hit) -> bool:
    """Whether the rule hit names a work by its title in title case and "by" its authors
    (`detect._titled_by`), a form the model was not trained on."""
    fields = hit.reference
    if fields is None or not fields.authors or fields.year is not None or fields.venue:
        return False
    title = fields.title or ""
    return (
        text.startswith(title, hit.start)
        and _BY_AFTER.match(text, hit.start + len(title)) is not None
    )


_BY_AFTER = re.compile(r"[\"”*]?\s+by\s")


def _quoted_name_colon_title(text: str, hit: Hit) -> bool:
    """Whether the rule hit is a quoted title opening with its method's name in lower case
    before a colon (`the paper "kmeans++: The Advantages of Careful Seeding"`), a form the
    model, which reads a title's capitals, rarely labels."""
    title = hit.title_hint or ""
    if hit.kind is not RefKind.TITLE or NAME_COLON_TITLE.match(title) is None:
        return False
    start, _ = find_spaced(text, title, hit.start, hit.end)
    return start > 0 and text[start - 1] in '"“«'


def _quoted_entry(text: str, hit: Hit) -> bool:
    """Whether the rule hit is an entry of a reference section with its authors and a title
    set off by quotes or emphasis: the entry says so itself, whatever the model reads."""
    if hit.reference is None or not hit.reference.authors:
        return False
    start, _ = find_spaced(text, hit.title_hint or "", hit.start, hit.end)
    if start <= 0 or text[start - 1] not in "\"“«*'`":
        return False
    return any(r.in_references and r.start <= hit.start < r.end for r in regions(text))


def _entry_around(text: str, hit: Hit, fields: SpanIndex[Field]) -> bool:
    """Whether the tagger reads the rule hit's entry as one (at least two of authors, venue
    and year inside it) while labelling no word of its title as another field."""
    start, end = find_spaced(text, hit.title_hint or "", hit.start, hit.end)
    if start < 0:
        return False
    inside = fields.within(hit.start, hit.end)
    # (a title that fills its line, in an entry laid out a field a line, is one field whatever
    # the model read across its line's end: `Multi-Scale ... from Unorganized Point Clouds\n
    # Workshop on ...` with "Unorganized Point Clouds Workshop on ..." labelled the venue)
    own_line = (
        "\n" not in text[start:end]
        and _LINE_START_BEFORE.search(text, max(0, start - 40), start) is not None
        and _LINE_END_AFTER.match(text, end) is not None
    )
    if not own_line and any(f.start < end and start < f.end for f in inside):
        return False
    return len({f.label for f in inside} & {"A", "V", "Y"}) >= 2


_LINE_END_AFTER = re.compile(r"[ \t.]*\n")
