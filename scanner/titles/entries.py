"""Parsing one reference entry, `Authors. Title. Venue vol(no):pages, year.`, into its fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scanner.identifiers.paperlinks import entry_around, is_paper_link
from scanner.titles.cues import EDITION, YEAR_DIGITS
from scanner.titles.fields import (
    CODE_CHARS,
    EMPHASIZED,
    JOURNAL_WORDS,
    PAREN_YEAR,
    QUOTED,
    VENUE_CUE,
    YEAR,
    clean_venue,
    find_spaced,
    first_year,
    pages_of,
    run_in_venue,
    volume_of,
)
from scanner.titles.inquotes import entry_inside
from scanner.titles.names import (
    AUTHOR_LIST,
    FULL_NAMES_LINE,
    INITIALS_LINE,
    NAME_LINE,
    opens_with_non_name,
    split_authors,
)
from scanner.titles.publishers import BOOK_HOUSES, HOUSES, IMPRINT, JOURNAL_HOUSES, PRESS
from scanner.types import EntryFields

# Between the author list and the title: punctuation, maybe "(1998)." or "1998." first.
# A year in brackets may carry a month or a day: "(1998)", "(March 1991)", "(2008, May)".
_BRACKET_YEAR = (
    r"\(\s*(?:[A-Z][a-z]+\.?\s+)?(?P<{}>" + YEAR_DIGITS + r")[a-z]?"
    r"(?:\s*,\s*[A-Z][a-z]+\.?(?:\s+\d{{1,2}})?)?\s*\)"
)
_LEAD = re.compile(
    # "and R. Endre Tarjan. (1975) Augmentation problems": the year after the list's full stop
    r"[.,][ \t]*" + _BRACKET_YEAR.format("y4") + r"[.,:]?\s*"
    # ... or bare, the title after it on the line, as ecology writes entries: "Chao, A. & S.-M
    # Lee. 1992 Estimating the number of classes"
    r"|\.[ \t]+(?P<y5>" + YEAR_DIGITS + r")[a-z]?[ \t]+(?=[A-Z][a-z])"
    r"|\s*(?:"
    + _BRACKET_YEAR.format("y1")
    + r"|[.,]?\s*(?P<y2>"
    + YEAR_DIGITS
    + r")[a-z]?(?=[.,:]))?"
    r"(?:\s*(?:[.,:;]|<\s*br\s*/?\s*>))+\s*(?:[Ii]n\s*:\s*)?"
    r"|\s*" + _BRACKET_YEAR.format("y3") + r"\s*"
)
# What an author list read after its last name that is no name in its style: capitalized
# words with no initial, "and" or "et al." among them.
_TITLE_READ_AS_NAME = re.compile(r",[ \t]*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*[ \t]*")
# ... and the one word a title opens with on the line after the names: `D. Okafor,\n Detecting`
_TITLE_WORD_READ_AS_NAME = re.compile(r",[ \t]*\n?[ \t]*[A-Z][a-z]+")
_SENTENCE_END = re.compile(r"[.:][ \t\n]")
# A title's next word in lower case, not a name's particle or joiner (`and`, `van`, `de`).
_LOWER_CASE_NEXT = re.compile(
    r"[ \t]+(?:(?:and|or|&)[ \t]+)?"
    r"(?!(?:and|et|van|von|de|der|den|di|da|du|dos|le|la|y|al|ter|ten|zu)\b)[a-z]{2,}"
)
# The mark of an edited book's editors, after their names.
_EDITED = re.compile(r"[ \t]*\([ \t]*[Ee]ds?\.?[ \t]*\)")
# A quoted title right after the names: `R. Van der Merwe "Sigma-Point ..."`, `G. H. Golub,
# C. F. van Loan 'Matrix Computations'`.
_QUOTE_NEXT = re.compile(r"[ \t]+[\"“']")
_AFTER_INITIAL = re.compile(
    r"\s+(?=[A-Z\"“]|'[A-Z]|\*[A-Z])(?P<y1>)?(?P<y2>)?(?P<y3>)?(?P<y4>)?(?P<y5>)?"
)
# An entry laid out a field a line, as Doxygen blocks often write it: the names fill their own
# line, the title opens the next (`C. Choi, H. Christensen\n  3D Pose Estimation of ...`).
# Such a list names people only, in whatever style each is written: "Henrik Christensen" after
# "C. Choi, " is the second author, not the venue's words.
_LINE_OF_NAMES_BEFORE = re.compile(r"(?:^|\n)[ \t*#/!-]*$")
_NEXT_LINE = re.compile(
    r"\.?[ \t]*\n[ \t*#/!]*(?=[A-Z0-9\"“]|'[A-Z])(?P<y1>)?(?P<y2>)?(?P<y3>)?(?P<y4>)?(?P<y5>)?"
)
# ... and a line that is a book's imprint, not its title: "B. Bollobas, Random Graphs.\n
# Academic Press, 2001" is the one-line entry of a book.
_IMPRINT_LINE = re.compile(r"[ \t*#/!]*(?:" + IMPRINT + r"|(?:1[6-9]|20)\d\d\b)")


_IMPRINT_NAMES = re.compile(IMPRINT)
_ACRONYM = re.compile(r"[A-Z]{2,}[A-Z0-9]*")
_VOLUME_AFTER = re.compile(
    r"[ \t]*,[ \t]*\n?[ \t*#/!]*(?:[Vv]ol(?:ume)?\.?[ \t]*\d|\d{1,4}[ \t]*[,(:])"
)
_AFTER_LAST_AND = re.compile(r"\s(?:and|&)\s[^,\n]+,\s*[A-Z]")


def _names_line(text: str, start: int, authors_end: int, limit: int) -> bool:
    """Whether the author list `[start, authors_end)` fills its line, the title opening the
    next one: an entry laid out a field a line."""
    after = _NEXT_LINE.match(text, authors_end, limit)
    return (
        after is not None
        and _LINE_OF_NAMES_BEFORE.search(text, max(0, start - 80), start) is not None
        and _IMPRINT_LINE.match(text, after.end(), limit) is None
        and len(split_authors(text[start:authors_end], same_style=False)) >= 2
        # (a list closed by its "and" name ends there: `P. Brown, and L. Petzold, Consistent
        # Initial\n Condition Calculation ...` runs its title into the names' line)
        and _AFTER_LAST_AND.search(text, start, authors_end) is None
        # (nor is a title over its authors' line: `Smooth and Sparse Optimal Transport.\n
        # Mathieu Blondel, Vivien Seguy, Antoine Rolet.`)
        and not _names_only_line(text, after.end(), limit)
    )


def _names_only_line(text: str, start: int, limit: int) -> bool:
    """Whether the line from `start` holds a list of names, with their commas, and nothing
    else."""
    end = text.find("\n", start, limit)
    line = text[start : limit if end < 0 else end].strip(" \t.,;")
    match = AUTHOR_LIST.match(line)
    # (a list of names has its commas: "Chinese Treebanks and Grammar" has none)
    return (
        "," in line
        and match is not None
        and match.end() == len(line)
        and len(split_authors(line)) >= 2
    )


# Where an unquoted title stops: a sentence end, or a comma/semicolon before a venue, year,
# volume or "in"; also an opening bracket of a year and a blank line.
# A part's numeral closes no title: "Scientific collaboration networks: II. Shortest paths, ..."
# (looked behind for from after the full stop: a look-behind that opens a form is tried at
# every position of a search, one after the `.` only where a full stop stands)
_PART_NUMERAL = "".join(
    rf"(?<!{lead}{numeral}\.)"
    for lead in (r":\s", r"Part\s")
    for numeral in ("I", "II", "III", "IV", "V", "VI")
)
# Publishers of journals, as an entry names them after its venue.
_HOUSE = r"(?:" + JOURNAL_HOUSES + r"|Oxford|Cambridge|MIT|IEEE|ACM)\b"
_MEETING_LINE = (
    r"(?:(?:1[6-9]|20)\d\d[ \t]+)?"
    r"(?:In[ \t]+(?:[Pp]roc|[Tt]he\b)|In:|Proc(?:eedings|\.)[ \t]|(?:IEEE|ACM|SIAM)[ \t]|"
    r"Workshop[ \t]+on\b|(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?(?:International|Annual|European)[ \t]+"
    r"(?:Conference|Symposium|Workshop|Journal)\b)"
)
_TITLE_END_FORMS = (
    r"\." + _PART_NUMERAL + r"\s+(?=[A-Z0-9(\[]|$|[a-z]+\.)|\.\s*$|\?\s|!\s"
    # (the next field set in emphasis: `... library. *Q J R Meteorol Soc.*, 1-30`; not after
    # an initial, the names' end before a title in emphasis: `Moss, A. *Tidal Sketches*`)
    r"|(?<!\b[A-Z])\.\s+(?=(?:\*{1,2}|_)[A-Z])"
    r"|[,;]\s*(?=[Ii]n\b|[Ii]n:|(?:1[6-9]|20)\d\d|[Vv]ol|pp|pages|\d|\(|ArXiv\b|"
    + VENUE_CUE.pattern
    + ")"
    r"|[,;]\s*(?=[A-Z]\.\s*[A-Z])"
    # ... or the first author's surname and `et. al.`, its stray dot read as a sentence's end
    # (`[1] Title, Lind et. al. Journal of ...`); not before its year, a mention's (`See the
    # appendix of the paper, Fan et. al. (2008)`, `Green, Schlafly, Lind et. al. (2015)`)
    r"|,[ \t]*(?=[A-Z][\w'’-]+[ \t]+et\.[ \t]*al\b(?!\.?,?[ \t]*[(\[]?[ \t]*(?:1[6-9]|20)\d\d))"
    r"|[,;]\s*(?=" + EDITION + r")|\s*\((?=\s*" + EDITION + r"\s*\))"
    r"|\s\((?=\s*(?:1[6-9]|20)\d\d)|\n\s*\n|(?P<by>\s+by\s+(?=[A-Z]))|<\s*br|<\s*/?\s*a\s*>|\Z"
    r"|[ \t]*\n\s*(?=<?(?:arXiv:|doi:|DOI:|https?://))|[ \t]+(?=<?https?://)"
    # the author on the next line, alone or with where they work: `Hubert W. Lilliefors`,
    # `Michael Friendly, York University`
    r"|[ \t]*\n[ \t]*(?=" + NAME_LINE + ")"
    r"|[ \t]*\n[ \t]*(?=" + INITIALS_LINE + ")"
    r"|[ \t]*\n[ \t*#/!]*(?=" + FULL_NAMES_LINE + ")"
    # the venue on a line of its own, then its publisher or year and more fields: `... an
    # algorithmic framework \n Artificial Intelligence, Elsevier, 2019, 270, 1-40` (a name and
    # a year alone may be a meeting's, under its authors' line: `GraVisMa, 2010`)
    # (not a title's last word ending its sentence there: `Satellite\n Theory. The Journal ...`)
    r"|[ \t]*\n[ \t]*(?=(?![A-Z][a-z]+\.\s)"
    + JOURNAL_WORDS
    + r",[ \t]*(?:"
    + _HOUSE
    + r"|(?:1[6-9]|20)\d\d\b)"
    r"[ \t]*[,;:][ \t]*\w)"
    # a book's imprint line: `... Application To Harbours \n McGraw-Hill, New York, 1998.`
    # (not after a number's comma: the entry's fields go on, `Title, Chapter 5,\n Academic
    # Press, 1978`)
    r"|(?P<imprint>(?<!\d[,;])[ \t]*\n[ \t]*(?=" + IMPRINT + r"[ \t]*[,.][ \t]*(?![A-Z]\.)))"
    # a meeting's line, perhaps after its year: `... 3D Object Recognition\n 2010 IEEE Conference
    # on ...`, `... Point Clouds\n Workshop on Search in 3D`, `... for RGB-D\n In the Workshop on`
    r"|[ \t]*\n[ \t*#/!]*(?=" + _MEETING_LINE + ")"
    # ... or a journal's abbreviated name and its volume: `... systems containing H to Kr\n
    # J. Chem. Phys. 127, 074102 (2007)`
    # (two abbreviations at least, each short: not `Detection. The 3rd International ...`)
    r"|[ \t]*\n[ \t*#/!]*(?=(?:[A-Z][a-z]{0,5}\.[ \t]*){2,5}(?:[A-Z][ \t]+)?\d)"
    r"|" + run_in_venue(loose=False)
)
# Searched from each title's start to its end: led by the characters a form can open with (a
# full stop, a comma, a blank, ...) or the text's end, the same matches, found without trying
# every form at every letter of the title. The lead is what `leads.led` reads from the forms,
# written out: reading it parses the forms again at every import (5 ms to 9 ms, which the hook
# would pay), and a test checks that the two agree.
_TITLE_END_LEAD = r"(?=[.?!,;(<\s]|\Z)"
_TITLE_END = re.compile(_TITLE_END_LEAD + "(?:" + _TITLE_END_FORMS + ")")
_IN_CODE = re.compile(r"[(=\[]\s*$")


def _title_end(
    text: str, pos: int, stop: int, title_start: int | None = None
) -> re.Match[str] | None:
    """Where the title that starts at `title_start` (default `pos`) ends, searched from `pos`.
    An imprint line ends a title of three words or more: before it, a publisher's name broken
    over the line is the line's start (`The Johns\n Hopkins University Press`)."""
    start = pos if title_start is None else title_start
    end = _TITLE_END.search(text, pos, stop)
    while (
        end is not None
        and end["imprint"] is not None
        and len(text[start : end.start()].split()) < 3
    ):
        end = _TITLE_END.search(text, end.end(), stop)
    return end


# A phrase of prose that ends in the verb "by" completes: what the work describes, not its title.
_PARTICIPLE_END = re.compile(
    r"\b(?:outlined|described|proposed|introduced|presented|developed|suggested|given|derived|"
    r"defined|used|published|discussed|studied|reported|shown|explained|implemented|written)$"
)
_TIMESTAMP = re.compile(r"\d:\d|YYYY|\d{4}-\d\d-\d\d")
_WORD = re.compile(r"[^\W_][\w'’-]*")
MAX_TAIL = 260  # how far past the title to look for a venue and a year
MAX_TITLE = 350  # the longest title read; a longer run of text is prose, not a title


@dataclass(frozen=True, slots=True)
class Entry:
    """A parsed entry: its span in the block, its fields and how sure the parse is."""

    start: int
    end: int
    reference: EntryFields
    evidence: int  # how many of year, venue, volume, pages, quotes were found


def _emphasized_title(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The title set in emphasis at `pos`, not a journal's name so set before its volume
    (`Capitaine et al. (2003), _Astronomy and Astrophysics_ 412, 567-586`)."""
    emphasized = EMPHASIZED.match(text, pos, limit)
    if emphasized is None or _VOLUME_NUMBER.match(text, emphasized.end(), limit):
        return None
    return emphasized


_VOLUME_NUMBER = re.compile(r"[ \t]*,?[ \t]*\d{1,4}\b")


def parse_after_authors(text: str, start: int, authors_end: int, limit: int) -> Entry | None:
    """Parse the entry whose author list spans `[start, authors_end)` of `text`, up to `limit`."""
    if _JOURNAL_CITATION.match(text, start, limit) is not None:
        # the "names" open a journal's citation (`J. Chem. Theory Comput. 9, 232 (2013)`, `J.
        # Chem` read as a name): a citation without authors or a title, no entry of a work
        return None
    if _IMPRINT_NAMES.fullmatch(text, start, authors_end) is not None:
        return None  # a publisher, then its place: `Chapman & Hall: New York. 2000.`
    if text.startswith(":", authors_end) and _ACRONYM.fullmatch(text, start, authors_end):
        return None  # a method's acronym opening its title: `TRIM: Triangle Refinement for ...`
    names_end = authors_end
    names_line = _names_line(text, start, authors_end, limit)
    kept = split_authors(text[start:authors_end])
    last = find_spaced(text, kept[-1], start, authors_end)[1] if kept else -1
    if (
        last > 0
        and not names_line
        and (
            (
                _TITLE_READ_AS_NAME.fullmatch(text, last, authors_end)
                and _SENTENCE_END.match(text, authors_end, limit)
            )
            or (
                _TITLE_WORD_READ_AS_NAME.fullmatch(text, last, authors_end)
                and _LOWER_CASE_NEXT.match(text, authors_end, limit)
            )
        )
    ):
        # "B. Bollobas, Random Graphs. Second edition": capitalized words after a name with
        # initials, which the list's style leaves out, ending a sentence, are the title's (a
        # journal's name goes on with its volume: "M. A. Saker, Boundary Value Problems, vol");
        # so is a capitalized word a title goes on from in lower case ("D. Okafor, Detecting
        # and quantifying ..."): no name runs on so
        names_end = authors_end = last
    if edited := _EDITED.match(text, authors_end, limit):
        authors_end = edited.end()  # "Ulrik Brandes, Thomas Erlebach (eds.). *Network ...*"
    lead = _LEAD.match(text, authors_end, limit)
    if lead is None and (
        text[authors_end - 1] == "." or _QUOTE_NEXT.match(text, authors_end, limit) is not None
    ):
        # "Vitter, J. S. Random Sampling", `R. Van der Merwe "Sigma-Point Kalman Filters..."`
        lead = _AFTER_INITIAL.match(text, authors_end, limit)
    if lead is None and names_line:
        lead = _NEXT_LINE.match(text, authors_end, limit)
    if lead is None:
        return None
    lead_year = next((y for y in lead.group("y1", "y2", "y3", "y4", "y5") if y), None)
    pos = lead.end()
    quoted = (
        QUOTED.match(text, pos, limit)
        or _emphasized_title(text, pos, limit)
        or _BACKTICKED.match(text, pos, limit)
    )
    if quoted is not None:
        t_start, t_end = quoted.span(quoted.lastgroup or 0)
        after = quoted.end()
    else:
        end = _title_end(text, pos, min(limit, pos + MAX_TITLE))
        while end is not None and end["by"]:
            # the authors came first: "by" is the title's word ("Improving the Morris Method
            # for Sensitivity Analysis by Scaling the Elementary Effects")
            end = _title_end(text, end.end(), min(limit, pos + MAX_TITLE), pos)
        t_start, t_end = pos, end.start() if end else min(limit, pos + MAX_TITLE)
        t_end = _before_venue_words(text, t_start, t_end)
        list_end = t_end + text.startswith(".", t_end)
        if _YEAR_THEN_QUOTE.match(text, list_end):
            # the words before the year (an initial's stop closing them) and the quoted title
            # are names: the rest of this list (`Lipman, DJ; Pearson, WR (1985). "Rapid ..."`),
            # read again with them, or another list whose entry the quoted title opens (`Huang:
            # Implements Huang's thresholding method: Huang, L. & Wang, M. (1995), "Image ..."`),
            # no title of these names
            if _LIST_GOES_ON.fullmatch(text, authors_end, pos) and AUTHOR_LIST.fullmatch(
                text, pos, list_end
            ):
                return parse_after_authors(text, start, list_end, limit)
            return None
        after = t_end
    title = _clean_title(text[t_start:t_end], quoted is not None)
    written_year = None
    if title is not None and quoted is None and not lead_year:
        # the year written after an unquoted title without a stop (`A Linear-time Algorithm
        # for Drawing a Planar Graph on a Grid 1989` then the link): the entry's, not the title's
        # and closed by its link (read as the title's word otherwise: `Monthly Weather Review 2004`)
        bare = _YEAR_AFTER_TITLE.search(title)
        if (
            bare is not None
            and bare["word"].lower() not in _BEFORE_A_TITLES_YEAR
            and identifier_follows(text, t_end)
        ):
            title, written_year = title[: bare.end("word")], int(bare["year"])
    authors = split_authors(text[start:names_end], same_style=not names_line)
    if not authors:
        return None
    tail_end = min(limit, after + MAX_TAIL)
    tail = text[after:tail_end]
    if (
        title is not None
        and quoted is None
        and _LINE_OF_NAMES_BEFORE.search(text, max(0, start - 80), start) is not None
        and _NEXT_LINE.match(text, authors_end, limit) is not None
        and _names_only_line(text, t_start, limit)
    ):
        # a title over its authors' line, a field a line: `Smooth and Sparse Optimal
        # Transport.\n Mathieu Blondel, Vivien Seguy, Antoine Rolet.` (the title-first reading's)
        return None
    if (
        title is not None
        and names_line
        and (_VOLUME_AFTER.match(text, t_end, limit) or _names_only_line(text, t_start, limit))
    ):
        # the line after a line of names is the journal's, its volume after it (`Nathan E. Lewis\n
        # Nucleic Acids Research, Volume 44, Issue D1`), or more names: no title
        title = None
    if title is not None and (
        VENUE_CUE.match(title)
        or _is_fields(title)
        or _ABBREVIATED.fullmatch(title)
        or _VOLUME_LABEL_LAST.search(title)  # "Bakken and Helgaker, JCP Vol. 117, Num. 20"
    ):
        tail, title = text[t_start:tail_end], None  # "Duff and Reid, ACM Trans. Math. Software"
        after = t_start
    year = int(lead_year) if lead_year else written_year or first_year(_first_part(tail))
    venue = _venue(tail)
    cited = None
    if title is None and (cited := _journal_citation(text, start, names_end, pos, limit)):
        # "V. Vedral and M. B. Plenio, Phys. Rev. A 57, 1619 (1998)": a journal's citation
        # without a title, as physics writes it; the year is the bracketed one, not the page
        cut, match = cited
        authors = split_authors(text[start:cut]) or authors
        year, venue = cited_year(match), " ".join(match["journal"].split())
    evidence = sum(
        (year is not None, venue is not None, volume_of(tail) is not None, quoted is not None)
    )
    if not evidence and title is not None and _PAGE_CITED.match(tail):
        evidence = 1  # a book's title, then the page cited: "... A Practical Handbook. Page 401."
    entry_end = _entry_end(text, after, tail_end)
    if title is None and cited is not None and not cited[1]["year"]:
        # a citation closed by its pages or bare year ends there, not at the sentence's stop
        # (`A. Lind, J. Phys. Chem., 68, 441 - 452, 1964, except the value for H, which ...`)
        entry_end = min(entry_end, cited[1].end())
    reference = _reference(authors, title, venue, year, tail)
    return Entry(start, max(entry_end, t_end), reference, evidence)


# A journal's citation with no title after the authors: its abbreviated or full name (a
# section's letter after it: `Phys. Rev. A`), then volume, page and the year in brackets:
# `Phys. Rev. Lett. 99, 204101 (2007)`, `Science, Vol. 285, 1368 (1999)`, `Nucl. Phys. A625,
# 435 (1997)`. Volume, page and bracketed year together are what no sentence of prose writes.
# A name's words are told from a journal's by the abbreviations journals are written with
# (ISO 4's commonest): `M. Raydan. Math. Comp.` is an author, then the journal.
_JOURNAL_ABBREVIATIONS = "|".join(
    """Acad Acoust Adv Akad Am Amer An Anal Ann Annu Appl Approx Arch Artif Assoc Astron Astrophys
    Atmos Biochem Biol Biophys Bull Catal Cell Chem Chim Clim Comb Comm Commun Comp Comput Condens
    Cosmol Cryst Crystallogr Curr Diff Dokl Ecol Econ Electr Electron Eng Environ Eq Equ Eur Exp
    Fiz Fluid Funct Gen Genet Geol Geom Geophys Grav Hydrol Ind Inf Inorg Instrum Int Intell Jpn
    Lab Lett Lond Mach Magn Mag Mater Math Mech Med Meth Meteorol Mod Mol Nat Natl Nauk Netw
    Neurosci Nucl Num Numer Oceanogr Oper Opin Opt Optim Part Philos Phys Planet Polym Probab Proc
    Process Prog Psychol Quant Quart Recognit Rel Rep Res Rev Roy Sci Seismol Ser Soc Softw Sov
    Spectrosc Stat Statist Stoch Struct Surf Syst Technol Temp Theor Theory Trans""".split()  # noqa: SIM905
)
_JOURNAL_WORD = (
    rf"(?:(?:{_JOURNAL_ABBREVIATIONS})\b\.?"
    # `J. Chem. Phys.`, `SIAM J. Matrix Anal.`; not a given name's initial (`Palmer, J. ApJ`)
    rf"|J\.?(?=[ \t]+(?:(?:{_JOURNAL_ABBREVIATIONS})\b|[A-Z][a-z]+\b(?!\.)))"
    r"|[A-Z](?=[ \t]*[A-Z]?\d)"  # a section's letter before the volume: `Phys. Rev. A 57`
    r"|[A-Z][A-Za-z&]{1,14}(?![.\w])"  # a word in full: `Science`, `Physical Review`, `ApJ`
    r"|of|and|&|the|in|for)"
)
# What stands right before a volume or year after a journal's abbreviated name (`Chem., 68`).
# (or its section's letter after one: `Phys. Rev. B 2005, 71, 241402`)
_ABBREVIATED_BEFORE = (
    r"(?:(?<=\.,[ \t])|(?<=\.[ \t])|(?<=\.,)|(?<=\.[ \t][A-Z][ \t])|(?<=\.[ \t][A-Z],[ \t]))"
)
_PAGES = r"(?:pp?\.[ \t]*)?[A-Z]?\d{1,7}(?:[ \t]*[-–]+\s*\d{1,7})?"
_JOURNAL_CITATION = re.compile(
    r"\s*(?P<journal>(?!(?:of|and|the|in|for)\b|&)"
    rf"{_JOURNAL_WORD}(?::?[ \t]+{_JOURNAL_WORD}){{0,7}})"
    r"[ \t]*,?[ \t]*(?:"
    # the volume, perhaps its issue, the page, then the year in brackets: `Phys. Rev. A 57,
    # 1619 (1998)`, `J. Chem. Theory Comput. 9, 1, 232-246 (2013)`
    r"(?:[Vv]ol\.?[ \t]*)?[A-Z]?\d{1,4}(?:[ \t]*\(\d{1,4}\))?"
    r"(?:[ \t]*,[ \t]*\d{1,3}(?=[ \t]*,))?"
    r"[ \t]*[,:][ \t]*[A-Z]?\d{1,7}(?:[-–]+\d{1,7})?[ \t]*\((?P<year>" + YEAR_DIGITS + r")\)"
    # ... the volume, the year in brackets, then the pages: `CACM 15 (1972), pp. 949-951`
    r"|(?:[Vv]ol\.?[ \t]*)?\d{1,4}[ \t]*\((?P<year_then_pages>" + YEAR_DIGITS + r")\)"
    rf"[ \t]*[,:]?[ \t]*{_PAGES}(?![\w.]\d)"
    # ... the volume, the pages and the year last: `J. Phys. Chem., 68, 441 - 452, 1964`
    # (these two forms, with a bare year, after a journal's abbreviated name only)
    rf"|{_ABBREVIATED_BEFORE}[ \t]*\d{{1,4}}[ \t]*,[ \t]*{_PAGES}[ \t]*,[ \t]*(?P<year_last>"
    + YEAR_DIGITS
    + r")(?![\w.-]\d|\d)"
    # ... or the year first, as chemistry writes it: `J. Chem. Theory Comput. 2021, 17, 8,
    # 4733-4745`, `J. Phys. Chem., 1964, 68, 441`
    rf"|{_ABBREVIATED_BEFORE}(?P<year_first>{YEAR_DIGITS})[ \t]*,[ \t]*\d{{1,4}}"
    r"(?:[ \t]*,[ \t]*\d{1,3}(?=[ \t]*,))?"
    rf"[ \t]*,[ \t]*{_PAGES}(?![\w.]\d)"
    r")"
)


def cited_year(match: re.Match[str]) -> int:
    """The year of a `_JOURNAL_CITATION` match, wherever its form writes it."""
    return int(
        match["year"] or match["year_then_pages"] or match["year_last"] or match["year_first"]
    )


def _journal_citation(
    text: str, start: int, names_end: int, pos: int, limit: int
) -> tuple[int, re.Match[str]] | None:
    """A journal's citation after the author list `[start, names_end)`, and where the authors
    end: a journal's abbreviated name reads like a name ("F. Lether, J. Comp. Appl. Math. 67,
    167 (1996)", "Arne L. Grimsmo, Phys. Rev. Lett 115, ..."), so it may open after any of the
    list's commas, the first such reading winning; else at `pos`, after the list. None too when
    the "names" are the journal's own (`J. Chem. Phys. 120, 2140 (2004)` as a link's text)."""
    if _JOURNAL_CITATION.match(text, start, limit) is not None:
        return None
    for comma in _COMMA.finditer(text, start, names_end):
        if (match := _JOURNAL_CITATION.match(text, comma.end(), limit)) is not None:
            return comma.start(), match
    match = _JOURNAL_CITATION.match(text, pos, limit)
    return (names_end, match) if match is not None else None


_COMMA = re.compile(",")
_HOUSE_ALONE = re.compile(rf"{BOOK_HOUSES}|{PRESS}")
# A "title" of a few capitalized words ending where a volume's number follows its label is a
# journal's name cut there (`JCP Vol`; a book's `Matrix computations. Vol` is its title).
_VOLUME_LABEL_LAST = re.compile(r"^(?:[A-Z][\w.&]*[ \t]+){1,3}(?:Vol|Volume|No|Num|Nr)\.?$")


# reST's interpreted text around a title right after its authors: `Silverman, B.W. (1986)
# \`Density Estimation.\``; not a link (`` `Title`_ ``). Only there, as emphasis is.
_BACKTICKED = re.compile(r"`(?P<g>[^`\n]{3,300}(?:\n[^`\n]{1,300}){0,2})`(?![_`])")
# What follows an entry's author list, not its title: its year in brackets, then the quoted
# title.
# ... and what joins two parts of one author list (not a label's colon: `Isodata: Ridler, TW`).
_LIST_GOES_ON = re.compile(r"[ \t]*(?:[;,&]|and)[ \t\n]*")
_YEAR_THEN_QUOTE = re.compile(r"\s\(\s*" + YEAR_DIGITS + r"[a-z]?\s*\)[.,:]?\s*[\"“]")
_PAGE_CITED = re.compile(r"[\s.,;:]*(?:[Pp]age|[Pp]g?\.|[Pp]p\.)\s*\d+(?:\s*[-–]\s*\d+)?\s*\.?\s*$")


def parse_title_first(text: str, start: int, limit: int, labelled: bool = False) -> Entry | None:
    """Parse an entry that opens with its title: `"Title", Authors, Venue, year`, `Title. Venue`.
    A `labelled` entry (a reference list's item, read from after its label) may set its title
    in reST interpreted text or emphasis as others quote it (`[1] `Title`, Authors`)."""
    link = None
    quoted = QUOTED.match(text, start, limit)
    if quoted is None and (labelled or _EMPHASIS_BY.match(text, start, limit)):
        quoted = _MARKED_TITLE.match(text, start, limit)
    if quoted is None:
        quoted = link = _REST_LINK.match(text, start, limit)
    if quoted is not None and _IN_CODE.search(text, max(0, start - 2), start):
        return None  # a string argument in example code: Planck(name="Modified Planck 2013")
    if quoted is not None:
        t_start, t_end = quoted.span(quoted.lastgroup or 0)
        after = quoted.end()
    else:
        end = _title_end(text, start, min(limit, start + MAX_TITLE))
        if end is not None and _YEAR_THEN_QUOTE.match(text, end.start()):
            return None  # `A Rotnitzky and NP Jewell (1990). "Hypothesis testing ..."`: names
        t_start, t_end = start, end.start() if end else min(limit, start + MAX_TITLE)
        t_end = _before_venue_words(text, t_start, t_end)
        after = t_end
    title = _clean_title(text[t_start:t_end], quoted is not None)
    # (a link's text is its title: its authors follow the link, "by" is the title's word)
    inner = entry_inside(text[t_start:t_end]) if quoted is not None and link is None else None
    if inner is not None and _clean_title(inner[0], True) is None:
        inner = None
    if title is None and inner is None:
        return None
    authors: tuple[str, ...] = ()
    inner_year = None
    by_inside = title is not None and quoted is not None and link is None
    if by_inside and title is not None and (inside := _by_inside(title)) is not None:
        title, authors = inside  # 'Approximation Theory by L. N. Smith (pg.42)'
    elif inner is not None:
        # "Title by R. E. Tarjan (1972), SIAM J. Comp.", "Ulrik Brandes: Title. Journal ..."
        title, authors, inner_year = inner
    rest = _AFTER_TITLE.match(text[after:limit])
    if rest and rest.group(1) and not authors and title and _PARTICIPLE_END.search(title):
        return None  # "the noise level in Doppler spectra outlined by Hildebrand and Sekhon"
    by = bool(rest and rest.group(1)) or bool(authors)
    pos = after + (rest.end() if rest else 0)
    if (
        quoted is not None
        and not authors
        and (edition := _EDITION_BEFORE_NAMES.match(text, pos, limit))
    ):
        pos = edition.end()  # `"Numerical Optimization", 2nd Edition\n Nocedal and Wright, 2006`
    names = AUTHOR_LIST.match(text, pos, limit) if not authors else None
    cited = None
    if names is not None and (cited := _JOURNAL_CITATION.match(text, names.start(), limit)):
        names = None  # the "names" open the journal's citation (`Title, J. Chem. Phys. 9, ...`)
    if names is not None and quoted is not None and _HOUSE_ALONE.fullmatch(names.group()):
        names = None  # the publisher alone: `"Graphics Gems", Academic Press, 1990`
    if names is not None and _real_names(names.group()):
        authors = split_authors(names.group())
        # where the last name kept ends: words read as names after it are the venue's
        # ("R. Bhatia and M. Congedo, Linear Algebra and its Applications, Elsevier")
        if len(authors) > 1 and _HOUSE_ALONE.fullmatch(authors[-1]):
            authors = authors[:-1]  # `"Title", Richard P. Lind, Dover, 2002`: the publisher
        last = find_spaced(text, authors[-1], names.start(), names.end())[1] if authors else -1
        pos = last if last > 0 else names.end()
        found = _journal_citation(text, names.start(), names.end(), pos, limit) if quoted else None
        if found is not None:
            # `"... systems", E. Lind and S. Moss, J. Chem. Theory Comput., 15, 1679 (2019).`
            # (a quoted title: an unquoted "title" may be a sentence, `For details see:`)
            cut, cited = found
            authors = split_authors(text[names.start() : cut]) or authors
    tail_end = min(limit, pos + MAX_TAIL)
    tail = text[pos:tail_end]
    year = first_year(_first_part(tail)) or inner_year
    venue = _venue(tail)
    if cited is not None and (quoted or not authors):
        year, venue = cited_year(cited), " ".join(cited["journal"].split())
    # Capitalized words after a quote ("AS IS" BASIS, WITHOUT ...) are names only after "by" or
    # when a year or venue backs them up.
    named = bool(authors) and (by or year is not None or venue is not None)
    evidence = sum((year is not None, venue is not None, named, quoted is not None))
    entry_end = _entry_end(text, pos, tail_end)
    reference = _reference(authors, title, venue, year, tail)
    return Entry(start, max(entry_end, t_end), reference, evidence)


# A book's edition between its quoted title and its authors.
_EDITION_BEFORE_NAMES = re.compile(EDITION + r"[ \t]*[.,;:]?\s*")
# A title in emphasis, then its authors: `*Algebraic Topology* by Allen Hatcher`.
_EMPHASIS_BY = re.compile(r"\*[^*\n]{3,300}\*\s+by\s+[A-Z]")
# A title set in reST interpreted text or emphasis, not a link's text nor strong emphasis.
_MARKED_TITLE = re.compile(r"`(?P<h>[^`<>\n]{3,300})`(?![_`])|\*(?P<i>[^*\n]{3,300})\*(?!\*)")
# A reST link whose text is the title: `` `Title by Words <https://...>`_ ``, delimited as a
# quoted title is.
_REST_LINK = re.compile(r"`(?P<g>[^`<>]{3,400}?)\s*<[^<>\s]+>`_{1,2}")
# Between a title and its authors: punctuation, "by", or the title's reST link target
# (`` `Title <https://...>`_ `` with the authors on the next line).
# ... and the bracket that holds its authors and year (`"Uniform Random Rotations" [Shoemake
# 1992]`, `by [Sorkine and Alexa 2007]`)
_AFTER_TITLE = re.compile(
    r"\s*(?:<[^<>\s]+>`_{1,2}[.,;:]?)?\s*[.,:;]?\s*(by\s+)?"
    r"(?:\[(?=[^\[\]]{0,80}?\b(?:1[6-9]|20)\d\d\]))?"
)


# A run-in venue's name opening before its journal words ("..., Electronic Journal of ...").
_RUN_IN_VENUE = re.compile(
    r"\s+(?:(?:Journal|Proceedings|Communications|Transactions|Annals) (?:of|on)\b)"
)
_VENUE_WORDS_AT_END = re.compile(r"[,;][ \t]*(?:[A-Z][\w&'’-]*[ \t]+){0,2}[A-Z][\w&'’-]*$")


def _before_venue_words(text: str, start: int, end: int) -> int:
    """Where a title cut before a run-in venue ends: before the capitalised words of the
    venue's name that follow its last comma (`Laplacian, Electronic` + `Journal of ...`), or
    before its publisher's or institution's name there, the year after it (`A Unified Form of
    Lambert's Theorem, Goddard Space Flight Center, 1968.`)."""
    if _YEAR_NEXT.match(text, end) and (house := _HOUSE_AT_END.search(text, start, end)):
        return house.start()
    if (journal := _JOURNAL_VOLUME_AT_END.search(text, start, end)) is not None:
        # `..., categorical values, Data Mining and Knowledge Discovery 2(3), 1998.`: the
        # journal's name and its volume(issue) after the title's last comma; or its volume
        # and year after it (`..., Data Mining and Knowledge Discovery 2 (1998) 283-304.`)
        return journal.start()
    if _YEAR_BRACKET_NEXT.match(text, end) and (
        journal := _JOURNAL_NUMBER_AT_END.search(text, start, end)
    ):
        return journal.start()
    if _VOLUME_NEXT.match(text, end) and (journal := _JOURNAL_AT_END.search(text, start, end)):
        # ... or the journal's name before its volume's field (`..., Data Mining and Knowledge
        # Discovery, vol. 2, no. 3`, `..., Data Mining and Knowledge Discovery, 2(3):283-304`)
        return journal.start()
    if not _RUN_IN_VENUE.match(text, end):
        return end
    words = _VENUE_WORDS_AT_END.search(text, start, end)
    return words.start() if words else end


# A journal's capitalised name, then its volume and issue (and pages), ending a title read
# up to the year after them.
_JOURNAL_NAME = r"[,;][ \t\n]*" + JOURNAL_WORDS
_JOURNAL_VOLUME_AT_END = re.compile(
    _JOURNAL_NAME
    + r"[ \t\n]+\d{1,4}[ \t]*\([ \t]*\d{1,4}[ \t]*\)(?:[ \t]*:[ \t]*\d+(?:[-–]\d+)?)?$"
)
_JOURNAL_NUMBER_AT_END = re.compile(_JOURNAL_NAME + r"[ \t\n]+\d{1,4}$")
# After a journal's volume: the year in brackets, or its pages (`2 (1998)`, `2, 283-304`).
_YEAR_BRACKET_NEXT = re.compile(
    r"[ \t]*\([ \t]*(?:1[6-9]|20)\d\d[ \t]*\)|[ \t]*[,:][ \t]*\d{1,5}[ \t]*[-–][ \t]*\d{1,5}\b"
)
_JOURNAL_AT_END = re.compile(_JOURNAL_NAME + "$")
# A volume's field after the title's end: `, vol. 2`, `, Vol 2`, `, 2(3)`, `, 12:1-20`,
# `, 2, 283-304`.
_VOLUME_NEXT = re.compile(
    r"[ \t]*,[ \t]*(?:[Vv]ol(?:ume)?\b|\d{1,4}[ \t]*(?:\([ \t]*\d{1,4}[ \t]*\)|:|,[ \t]*\d))"
)
_YEAR_NEXT = re.compile(r"[ \t]*,[ \t]*(?:1[6-9]|20)\d\d\b")
# A publisher, institution or agency named by capitalised words after a title's last comma.
_HOUSE_AT_END = re.compile(
    r"[,;][ \t]*(?:[A-Z][\w&'’.-]*[ \t]+){0,4}"
    r"(?:Press|Education|Center|Centre|Institute|Laboratory|Laboratories|University|Society|"
    r"Publishers?|Publishing|Verlag|Agency|Office|Corporation|Company|Inc\.?|Ltd\.?)$"
)


def _reference(
    authors: tuple[str, ...], title: str | None, venue: str | None, year: int | None, tail: str
) -> EntryFields:
    """The entry's fields; volume and pages are read from the tail's first part only."""
    first = _first_part(tail)
    return EntryFields(
        authors=authors,
        title=title,
        venue=clean_venue(venue),
        year=year,
        volume=volume_of(first),
        pages=pages_of(first),
    )


# A whole citation inside the quotes: a title in title case, "by" and the authors, perhaps a
# page: `'Approximation Theory and Approximation Practice by L. N. Trefethen (pg.42)'`.
_BY_INSIDE = re.compile(
    rf"(?P<title>[A-Z].{{8,200}}?)\s+by\s+(?P<names>{AUTHOR_LIST.pattern})"
    r"(?:,?\s*\(?(?:pp?|pg|pages?)\.?\s*\d+(?:-\d+)?\)?)?"
)


def _by_inside(title: str) -> tuple[str, tuple[str, ...]] | None:
    """The title and authors of a quoted `Title by Authors`, when it reads as one: every long
    word of the title capitalized, the authors names."""
    match = _BY_INSIDE.fullmatch(title)
    if match is None or " by " in match["title"] or not _real_names(match["names"]):
        return None
    words = [w for w in _WORD.findall(match["title"]) if len(w) > _SHORT_WORD]
    if len(words) < 2 or any(not w[0].isupper() for w in words):
        return None
    return match["title"], split_authors(match["names"])


_SHORT_WORD = 3  # "of", "and", "the" stay small in a title in title case


def _real_names(text: str) -> bool:
    return bool(_WORD.search(text)) and not opens_with_non_name(text)


# Words, then a quote opening the title: what stands before it is no title's (a quote that
# closes, `... Classifier." In: ...`, or TeX's umlaut, `Sch"afer`, opens none).
_LABEL_THEN_QUOTE = re.compile(r'[^"]*?(?<!:)[ \t\n]+"(?=[A-Z0-9])')


@lru_cache(maxsize=1024)
def _clean_title(raw: str, quoted: bool) -> str | None:
    title = " ".join(raw.split()).strip(" ,;:.\"'“”`*")
    if not title or (
        not quoted and not (title[0].isupper() or title[0].isdigit() or _NAMED_LOWER.match(title))
    ):
        return None  # an unquoted title opens with a capital: "and others, ..." is not one
    words = _WORD.findall(title)
    if sum(len(w) > 1 and not w[0].isdigit() for w in words) < 2 or _TIMESTAMP.search(title):
        return None  # "2008-10-28T14:39:06", "YYYY-MM-DD HH:MM" are values, not titles
    if len(words) < 2 or len(words) > 45 or CODE_CHARS.search(_in_words(title)):
        return None
    if YEAR.fullmatch(words[0]) and len(words) < 3:
        return None
    if not quoted and title.count('"') == 1 and _LABEL_THEN_QUOTE.match(title):
        # a quote opened inside: what stands before the quoted title is a name's last word or
        # a label (`Marc "Multiple ...`, `PNAS "Trophic ...`, `PhD thesis, "A limited ...`);
        # a title quoting another keeps it (`Reply to comment on: "Fast determination ...`)
        return None
    return title


# An identifier right after an entry's title: `A. Lind, B. Moss. Fast sketches. https://doi...`
# (a link to a paper, not to course notes or a web page: `Kenneth I. Joy, Bernstein
# polynomials, http://www.example.edu/education/notes/bernstein.pdf` is no entry)
_IDENTIFIER_NEXT = re.compile(
    r"[\"”']?[ \t]*[.,;:]?[\"”']?[ \t]*\n?[ \t]*(?:<|\()?"
    r"(?:(?i:doi)[ \t]*:?[ \t]*10\.\d{4,9}/|(?i:arxiv)[ \t]*(?::|(?=\d{4}\.\d{4,5}\b))"
    r"|(?i:https?://(?:dx\.)?doi\.org/|https?://(?:www\.)?arxiv\.org/)"
    r"|(?P<link>https?://[^\s<>()\[\]]+))"
)


def identifier_follows(text: str, at: int, links: bool = True) -> bool:
    """Whether an identifier of a paper stands right after `at` (an entry's title as written),
    past its closing marks and perhaps on the next line (a DOI or arXiv id only, without
    `links`)."""
    following = _IDENTIFIER_NEXT.match(text, at)
    if following is None:
        return False
    if not links:
        return following["link"] is None
    link = following["link"]
    return link is None or is_paper_link(
        link.rstrip(".,;"), entry_around(text, following.start("link"), following.end("link"))
    )


# A year after a title's last word, where a stop should stand (not "Since 1989", "in 2030").
_YEAR_AFTER_TITLE = re.compile(r"\b(?P<word>[A-Za-z]+)[ \t]+(?P<year>(?:1[6-9]|20)\d\d)$")
_BEFORE_A_TITLES_YEAR = frozenset(
    "in of to for since until after before from by and the".split()  # noqa: SIM905
)
# A method's name written in lower case before its title's colon: "k-Shape: ...", "t-SNE: ...".
# ... or a program's name in lower case (`fastcluster: Fast Hierarchical, Agglomerative
# Clustering Routines for R and Python`), not a field's label (`in:`, `see:`, `url:`).
_NAMED_LOWER = re.compile(
    r"[a-z]{1,2}-[A-Z][\w+-]*:\s"
    r"|(?!(?:in|see|note|notes|url|doi|arxiv|available|from|and|or|pp|vol|isbn|pdf|web|online)"
    r":)[a-z][a-z0-9+-]{2,24}:[ \t]+[A-Z]"
)
# An order of growth is a title's, not code: "An O(ND) Difference Algorithm", "O(n)-invariant",
# "the rate of convergence o(1/k2)".
_BIG_O = re.compile(r"(?<![\w.])[OoΘΩω]\([\w ^*+/]{1,16}\)")
# ... and so is a function of one variable as number theory and analysis write it: "Computing
# pi(x): the combinatorial method", "Sharper bounds for the Chebyshev functions θ(x) and ψ(x)"
# (a name of one letter, a Greek letter's or a common function's, never a word of code)
_MATH_FUNCTION = re.compile(
    r"(?<![\w.])(?:[A-Za-zα-ωΑ-Ω]|pi|psi|phi|theta|zeta|li|Li)\([a-z](?:,[ \t]?[a-z])?\)"
)


def _in_words(title: str) -> str:
    """`title` with its mathematics written as a word, for the test for code."""
    return _MATH_FUNCTION.sub("f", _BIG_O.sub("O", title))


# A journal's abbreviated name, never a title: "Celest.Mech.Dyn.Astron", "Phys. Rev. Lett".
_ABBREVIATED = re.compile(r"(?:[A-Z][a-z]{0,6}\.\s?)+[A-Z][a-z]{0,6}\.?")


def _is_fields(title: str) -> bool:
    """Whether a would-be title is really the volume/pages/year part of an entry."""
    letters = sum(ch.isalpha() for ch in title)
    # ... or a journal's name and then its volume and pages: "Biochemistry 37: 9435-9444"
    # (a number that opens a word is the title's: "3D Pose Estimation", "4-Points Congruent Sets")
    return letters < 4 or bool(
        re.match(r"(?:[Vv]ol|pp|[Nn]o\.|\d+(?:st|nd|rd|th)\b|\d(?!\d*-?[^\W\d_]))", title)
        or _JOURNAL_VOLUME.match(title)
    )


_JOURNAL_VOLUME = re.compile(
    r"(?:[A-Z][\w.&]*[ \t]+){1,4}\d{1,4}[ \t]*(?:\([ \t]*\d+[ \t]*\))?"
    # (or its pages' label, the title cut at its stop: "American Statistician 43 p. 261-265")
    r"(?:[ \t]*:[ \t]*\d+[ \t]*[-–]|[ \t,]+pp?\b)"
)


# A line that names no publisher (an imprint line goes on with the entry above it).
_NO_PUBLISHER = r"(?![^\n]*?(?:" + HOUSES + r"|\b(?:Press|Publishers?|Publishing|Verlag)\b))"
# A blank line, a prose sentence, or the next entry of a run-on list ("... 33-42. Smith, B. (").
_PART_END = re.compile(
    # (or a Markdown footnote's line: `[^3]: Holm, N. ...` opens the next entry)
    r"\n\s*\n|\n(?=[ \t]*\[\^[\w-]{1,20}\]:)"
    r"|\.\s+(?:This|The|It|We|See|Note|Here|Returns|Parameters)\b"
    # a sentence of a few lower-case words naming another work's authors (`... graphs.
    # Parallel implementation by Van der Grinten A., ...: Title, Euro-Par 2019.`), not an
    # editor's or translator's line (`Edited by`, one word)
    r"|(?<=\.)\s+(?=[A-Z][a-z]+(?:[ \t]+[a-z]+){1,5}[ \t]+by[ \t]+(?:[A-Z]\.[ \t]?)*[A-Z][\w'’-]+)"
    r"|\.\s+(?=[A-Z][a-z][\w'’-]*,\s+(?:[A-Z]\.\s*)+[,(&])"
    # a line that opens with a sentence naming another work by its author and year (`Based on
    # the paper by Bolton (1980, Monthly Weather Review).` two lines under a book's entry)
    r"|(?<=\n)[ \t]*(?=[A-Z][a-z]+(?:[ \t]+[a-z]+){1,5}[ \t]+by[ \t]+[A-Z][\w'’-]+[ \t]*\(?"
    r"(?:1[6-9]|20)\d\d(?!\d))"
    # a line that opens with the next entry's author and bracketed year: `Scott, D.W. (1992)`
    r"|(?<=\n)[ \t]*(?=[A-Z][a-z][\w'’-]*,[ \t]+(?:[A-Z]\.[ \t]*)+\((?:1[6-9]|20)\d\d\))"
    # an entry's link closing its line, and the next entry's authors and year opening the next
    # line (`Lee and Park (2016). ...`): the part ends before the link, which ends the entry
    r"|(?:https?://|\b(?:doi|arXiv):)\S+[ \t]*(?=\n[ \t]*(?:[-*•][ \t]+)?[A-Z][a-z][\w'’-]*"
    r"(?:,?[ \t]+(?:[A-Z]\.[ \t]?)+|,?[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)"
    r",?[ \t]*\(?(?:1[6-9]|20)\d\d(?!\d))"
    # a line closed by its year, and the next line opening with an initial and a surname
    # (`see T.W. Sederberg, "Title", 2012` then `see T.W. Sederberg and ...`): the next entry
    r"|(?<=[12]\d\d\d)[).,;]?[ \t]*\n(?=[ \t]*(?:(?i:see|cf\.?)[ \t]+)?(?:[A-Z]\.[ \t]?){1,3}"
    r"[A-Z][a-z])"
    # a line closed by its year or pages and a full stop, and the next line opening with a
    # surname, a comma and a given name spelt out, then another name (`... 19 (1995):
    # 131-136.` then `Lind, Tapio, and Frank Berg.`): the next entry's authors; not a place or
    # a publisher's imprint, which goes on with the entry (`pp. 169-183.\n Springer, Cham,
    # 2020.`, `Research 108,\n Palermo, Sicily, Italy, 2020`)
    # (`... pp. 1-10.\n London, England, Cambridge University Press, 2004.`)
    r"|(?<=\d)\)?\.[ \t]*\n(?=[ \t]*"
    + _NO_PUBLISHER
    + r"[A-Z][a-z][\w'’-]*,[ \t]+[A-Z][a-z][\w'’-]*"
    r"(?:[ \t]+(?:[A-Z]\.[ \t]?){1,2})?(?:,?[ \t]+(?:and|&)[ \t]+[A-Z]"
    r"|,[ \t]+[A-Z][a-z][\w'’-]*[ \t]+(?:[A-Z]\.[ \t]?)*[A-Z][a-z]))"
    # a line closed by its bare year, and the next line opening with a given name, a surname
    # and its stop or comma and closed by its own year (`... quadric error metrics. 1997` then
    # `Michael Lind. Quadric-based ... 1999`: a file header listing the works it builds on, one
    # a line); not an imprint line going on with the entry above (`... Methods. 1977` then
    # `Prentice Hall, Englewood Cliffs, NJ.`), which holds a publisher and no year of its own
    r"|(?<=(?<!\d)(?:1[6-9]|20)\d\d)[.)]?[ \t]*\n(?=[ \t*#/!]*" + _NO_PUBLISHER + r"[A-Z][a-z]+"
    r"(?:[ \t]+(?:[A-Z]\.[ \t]?)?[A-Z][a-z][\w'’-]*){1,2}(?:[.,][ \t]+[A-Z]|[ \t]+and[ \t]+[A-Z])"
    r"[^\n]*(?<!\d)(?:1[6-9]|20)\d\d[.)]?[ \t]*(?:\n|$))"
    # the next entry run on after this one's year or pages by `and` or `see also`, opening with
    # its author's initials, surname and quoted title (`... (1992) 66-76 and K. Lind: "Title",
    # ...`, `..., 1987, see also\n K. Lind: "Title"`)
    r"|(?<=\d)[).,;]?[ \t]*(?=,?\s*(?:and|&|(?i:see[ \t]+also|see|cf\.?))\s+(?:[A-Z]\.[ \t]?){1,3}"
    r"[A-Z][a-z][\w'’-]*[:,]\s*[\"“])"
)


@lru_cache(maxsize=256)
def _first_part(tail: str) -> str:
    """The part of `tail` up to the end of the entry (a blank line or a prose sentence).

    Cached: an entry's year, venue, volume, pages and end are each read from the same tail.
    """
    # not at its very start: "D.E. Tyne. The Annals of Statistics, 1987" goes on after the
    # authors with the venue, not with a sentence of prose
    cut = _PART_END.search(tail, 1)
    return tail[: cut.start()] if cut else tail


_PUBLISHER = re.compile(r"(?:" + JOURNAL_HOUSES + r"|Verlag|[A-Z]\w* Press)\b")
# A journal's name alone before the publisher, after the entry's separator: capitalised
# words with the small words of a name between them, then a comma.
_JOURNAL_FIRST = re.compile(
    r"[\s.,:;]*(?P<name>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|and|in|on|for|the|its|&))*)"
    r"[ \t]*,\s*"
)


# Where books are published, written before their publisher.
PLACES = frozenset(
    [
        "Amsterdam", "Baltimore", "Basel", "Berlin", "Berlin Heidelberg", "Boca Raton", "Boston",
        "Cambridge", "Cham", "Chicago", "Chichester", "Dordrecht", "Englewood Cliffs", "Geneva",
        "Heidelberg", "Hoboken", "Leipzig", "London", "Madrid", "Milan", "Moscow", "Munich",
        "New Jersey", "New York", "Norwell", "Oxford", "Paris", "Philadelphia", "Princeton",
        "Providence", "Reading", "San Diego", "San Francisco", "Singapore", "Stuttgart",
        "Sydney", "Tokyo", "Toronto", "Upper Saddle River", "Vienna", "Washington", "Wien",
        "Zurich",
    ]
)  # fmt: skip


def _venue(tail: str) -> str | None:
    part = _first_part(tail)
    publisher = _PUBLISHER.search(part, 0, 120)
    journal = _JOURNAL_FIRST.fullmatch(part, 0, publisher.start()) if publisher else None
    if journal and " ".join(journal["name"].split()) not in PLACES:
        # "Neurocomputing, Elsevier, 2013": the journal, named before its publisher (a book's
        # place of publication is no journal: "Boston, Kluwer Academic")
        return journal["name"]
    cue = VENUE_CUE.search(part)
    if cue is None or (
        cue.start() > 40
        # a report's institution may come first: `EECS Department, University of California,
        # Berkeley. Technical Report No. UCB/CSD-84-171, 1984.`
        and not (cue.start() <= 120 and _INSTITUTION_FIRST.match(part, 0, cue.start()))
    ):
        return None
    start = cue.start()
    if re.match(r"[Ii]n\b", part[start:]):
        start = cue.end()
    elif not _FIELD_CUE.match(cue.group()) and (before := _NAME_BEFORE_CUE.search(part, 0, start)):
        # The venue's name may open before its cue word: "Cambridge University Press",
        # "Physical Review E", "International Journal of ...", "John Wiley & Sons",
        # "Statistical Science"; where a field ends, not inside a title ("... by Using a
        # Universal Pearson VII Kernel") or an edition ("2nd Ed. Springer").
        opened = part[: before.start()].rstrip()
        if not opened or opened[-1] in _FIELD_END or _YEAR_OR_ORDINAL.search(opened):
            start = before.start()
            if ordinal := _ORDINAL.search(opened):
                start = ordinal.start()  # "4th International Conference on ..."
    end = _venue_end(part, start)
    if _ON_FIELD.search(part, start, end) and (fields := _MORE_FIELDS.match(part, end)):
        end = fields.end()  # "Transactions on Acoustics, Speech and Signal Processing"
    if editors := _EDITORS.match(part, end):
        # "In A. Bonato and F. Chung (Eds), Algorithms and Models for the Web-Graph": the names
        # were the collection's editors; its title follows.
        start = editors.end()
        end = _venue_end(part, start)
    # As read: a cue word alone ("Press", "Volume") is still evidence of an entry, though
    # never its venue (`_reference` keeps only a name).
    venue = " ".join(part[start:end].split()).strip(" .,:;*_`")
    return venue if len(venue) >= 3 and not re.fullmatch(r"(?:[Vv]ol|pp|pages)\.?", venue) else None


_INSTITUTION_FIRST = re.compile(
    r"[\s.,:;]*(?:[A-Z][\w&'’-]*\s+)*(?:Department|Dept\.|School|Institute|Laboratory|Lab\.|"
    r"University|College|Faculty|Division)\b[^.;]*[.,]\s*(?:(?:Technical|Tech\.)\s+)?\Z"
)
_VENUE_END = re.compile(
    r",|\s\d(?!\d*(?:st|nd|rd|th)\b)|\s\(|\.\s+(?=[A-Z][a-z]+\s+[a-z])|\bvol\b|\bVol\b"
    r"|\bpp\b|\s+No\.?\s*\d|\n\s*\n|$"
    # the emphasis the venue is set in closing (`*Numerische Mathematik*.` then the docstring's
    # template lines)
    r"|(?<=[^\s*_])(?:\*{1,2}|_)(?=[\s.,;:]|$)"
)
# A venue named for its fields, listed with commas: "IEEE Transactions on Systems, Man and
# Cybernetics", "... on Acoustics, Speech and Signal Processing".
_ON_FIELD = re.compile(r"\bon\s+[A-Z][\w-]*$")
_MORE_FIELDS = re.compile(
    r"(?:,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*,?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?=\s*[,.;(]|\s+\d|\s*$)"
)
_EDITORS = re.compile(
    r"\s*\(\s*[Ee]ds?\.?\s*\)[\s,.:;]*"
    # BibTeX's plain styles: "In D. Kirk, editor, Graphics Gems III, pages 124-132"
    r"|\s*,\s*(?:[Ee]ditors?|[Ee]ds?\.)\s*,\s*"
)


def _venue_end(part: str, start: int) -> int:
    at = start
    while (stop := _VENUE_END.search(part, at)) is not None:
        year = _YEAR_IN_NAME.match(part, stop.start())
        if year is None or _OPEN_NAME.search(part, start, stop.start()) is None:
            return stop.start()
        at = year.end()  # "Proceedings of the 2022 Genetic and ...": the year is the name's
    return len(part)


# A name that cannot end here (`Proceedings of the`), and a year that goes on with it.
_OPEN_NAME = re.compile(r"\b(?:of|the|on|and|for|in)$")
_YEAR_IN_NAME = re.compile(r"\s(?:1[6-9]|20)\d\d\b")


# Cue words that are an entry's fields, not words of its venue's name; the capitalised words
# straight before any other cue, after the venue's separator, on its line or wrapped from the
# one above, with the small words of a name between them (not initials: "A. H. Morris. ACM
# TOMS"; a bare capital is a word: "J Math Chem"): the venue's name opens there.
_FIELD_CUE = re.compile(r"(?:[Vv]ol(?:ume)?|pp\.?|pages)$")
_FIELD_END = ".,;:()*_\"'”"
# A year before a publisher ("2010 John Wiley & Sons"), an ordinal before a conference.
_YEAR_OR_ORDINAL = re.compile(r"(?:^|\s)(?:(?:1[6-9]|20)\d\d|\d{1,3}(?:st|nd|rd|th))$")
_ORDINAL = re.compile(r"(?:^|(?<=\s))\d{1,3}(?:st|nd|rd|th)$")
_NAME_BEFORE_CUE = re.compile(
    r"(?<![^\s,;:(*_])(?:[A-Z](?:[\w&'’-]+\.?|\.\w+|(?=[ \t]))(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:(?:of|in|on|and|for|the|&)[ \t]+)*){1,4}$"
)


_PAGE_RANGE = re.compile(r"\d+\s*[-–]+\s*\d+")
_TRAILING_ID = re.compile(r"[\s.,;:]*(?:doi:?\s*|https?://|arXiv:?\s*|DOI:?\s*)\S+")
_CLOSING = re.compile(r"\)?\.?")


def _entry_end(text: str, pos: int, limit: int) -> int:
    """The end of the entry that continues at `pos`: after its last year, pages or identifier."""
    part = _first_part(text[pos:limit])
    end = pos
    for pattern in (YEAR, PAREN_YEAR, _PAGE_RANGE):
        for match in pattern.finditer(part):
            if match.start() > 200:
                break
            end = max(end, pos + match.end())
    while m := _TRAILING_ID.match(text, end, limit):
        end = m.end()
    closing = _CLOSING.match(text, end, limit)
    return end + (closing.end() - end if closing else 0)
