"""What an entry says it is instead of a published work: a web page read on a date, a private
discussion, a file of code, a talk's slides.

Bibliographies kept by a library (sphinxcontrib-bibtex, Zotero exports) cite all they draw on in
one format: `Lindbloom, B. (2003). Delta E (CIE 1976). Retrieved February 24, 2014, from
http://.../Eqn.html`, `Borer, T. (2017). Private Discussion with Mansencal, T. and Shaw, N.`,
`Trujillo-Ortiz, A. (2007). HZmvntest: ... A MATLAB file.` Each test reads the hit and the rest
of its entry (past later hits: a reader may take the link for another title) and drops the whole
citation, authors and year with it: none of them names a paper. An entry that names a venue is a
paper's and is left alone.
"""

from __future__ import annotations

import re

from scanner.identifiers.paperlinks import is_paper_link
from scanner.titles.vetoes.sources import MANUAL_TITLE
from scanner.types import EntryFields, Hit

__all__ = [
    "change_note",
    "manual_entry",
    "personal_communication",
    "retrieved_page",
    "software_file",
    "talk_link",
    "venue_editors",
]

# The end of an entry: a blank line, or the next entry's label, bullet or number.
_ENTRY_END = re.compile(
    r"\n[ \t*#/]*\n|\n[ \t*#/]*"
    r"(?:\.\.[ \t]*\[|\[[^\]\n]{1,40}\]:?[ \t]|[-*•][ \t]|\d{1,3}[.)][ \t])"
)
_REACH = 240  # how far past a hit the rest of its entry may run
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`)\]]+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _fields(hit: Hit) -> EntryFields:
    return hit.reference or EntryFields()


def _entry(text: str, hit: Hit) -> str:
    """The hit's line from its start and the rest of its entry, past any later hit, with
    links wrapped by a line continuation (`.../colorimetry/\\` then the file name) joined."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    end = min(len(text), hit.end + _REACH)
    cut = _ENTRY_END.search(text, hit.end, end)
    return text[line_start : cut.start() if cut else end].replace("\\\n", "")


# --- A private discussion or a personal communication -------------------------------------

_PERSONAL = re.compile(
    r"(?i)\b(?:private|personal)[ \t\n]+(?:discussions?|communications?|correspondence|"
    r"conversations?|e-?mails?)\b|\bpers\.[ \t]*comm\."
)


def personal_communication(text: str, hit: Hit, stop: int) -> bool:
    """`Borer, T. (2017). Private Discussion with Mansencal, T. and Shaw, N.`: what someone
    said, not a work anyone can read."""
    if _fields(hit).venue:
        return False
    return _PERSONAL.search(_entry(text, hit)) is not None


# --- A web page read on a date ----------------------------------------------------------

# APA's form for a page that may change: `Retrieved February 24, 2014, from <url>` (a paper
# online is `Retrieved from <url>`, or names its journal).
_RETRIEVED_ON = re.compile(
    r"(?i)\bretrieved[ \t\n]+(?:on[ \t\n]+)?(?:[a-z]{3,9}\.?[ \t\n]+\d{1,2},?|\d{1,2}[ \t\n]+"
    r"[a-z]{3,9}\.?,?)[ \t\n]+(?:1[89]|20)\d\d,?[ \t\n]+from\b"
)
# A link that may be the paper itself: its PDF, a DOI or an arXiv page.
_PAPER_LIKE = re.compile(r"(?i)\.pdf\b|\bdoi\.org/|\b10\.\d{4,9}/|arxiv\.org/")


def retrieved_page(text: str, hit: Hit, stop: int) -> bool:
    """`Lindbloom, B. (2003). Delta E (CIE 1976). Retrieved February 24, 2014, from
    http://brucelindbloom.com/Eqn_DeltaE_CIE76.html`: a page read on a date, when no link of the
    entry may be a paper and words stand before the date (a mention with a page under it still
    names its work)."""
    if _fields(hit).venue:
        return False
    entry = _entry(text, hit)
    retrieved = _RETRIEVED_ON.search(entry)
    if retrieved is None:
        return False
    links = _LINK.findall(entry, retrieved.end())
    if not links or any(_PAPER_LIKE.search(link) for link in links):
        return False
    return len(_WORD.findall(entry, 0, retrieved.start())) >= _ENTRY_WORDS


_ENTRY_WORDS = 3


# --- A file of code -----------------------------------------------------------------------

_SOFTWARE = re.compile(
    r"(?i)\ba[ \t\n]+(?:matlab|octave|python|r)[ \t\n]+(?:file|function|script|toolbox)\b|"
    # the type APA's style marks a code's entry with: `[Computer software]`, `[Software]`
    r"\[[ \t]*(?:computer[ \t\n]+)?(?:software|program|source[ \t\n]+code)[ \t]*\]|"
    r"\bmatlab[ \t\n]+central\b|"
    r"\bfile[ \t\n]+exchange\b|\b(?:r|python)[ \t\n]+package[ \t\n]+version[ \t\n]+\d|"
    # the title a code host's release archived with a DOI is given: `owner/repo: v0.7`
    r"(?<![\w./-])[\w.-]+/[\w.-]+:[ \t\n]+v?\d+(?:\.\d+)+\b"
)


def software_file(text: str, hit: Hit, stop: int) -> bool:
    """`Trujillo-Ortiz, A., ... (2007). HZmvntest: Henze-Zirkler's Multivariate Normality
    Test. A MATLAB file.`, `[Computer software]`, `R package version 1.2`, a release of a
    code repository (`Lind, A., Moss, C. (2025). tide-lab/tidekit: v0.7 (v0.7). Zenodo.`):
    code, not a paper."""
    if _fields(hit).venue:
        return False
    return _SOFTWARE.search(_entry(text, hit)) is not None


# --- A talk's slides ----------------------------------------------------------------------

# The last part of a link's path naming a talk (`.../Melgosa_CIEDE2000_Workshop-July4.pdf`,
# `.../keynote-slides.pdf`); a paper given at a workshop says "paper" in its name.
_TALK_FILE = re.compile(
    r"(?i)(?:workshop|slides?|talk|presentation|keynote|tutorial|webinar)(?![^/]*paper)[^/]*$"
)

# A course's teaching pages, by a folder or file of the link's path; never a poster or a talk,
# which conference proceedings file their papers under (`TechnicalPapers/2011/Poster/DER.pdf`).
_TEACHING = re.compile(r"(?<![a-z])(?:lectures?|lect|handouts?|courses?|teach|teaching)(?![a-z])")


def _teaching_page(link: str) -> bool:
    path = re.sub(r"^[a-z]+://", "", link.lower()).partition("/")[2]
    return _TEACHING.search(path.split("?", 1)[0]) is not None


def talk_link(text: str, hit: Hit, stop: int) -> bool:
    """An entry without a venue whose every link is a talk's file, its name saying so, or
    teaching material that is no paper (`Carter, P., "Sonification seminar - 10/9/03",
    CCRMA.Stanford.edu., https://ccrma.example.edu/courses/120-fall-2003/lecture-5.html`)."""
    if _fields(hit).venue:
        return False
    entry = _entry(text, hit)
    links = [link.rstrip(".,;") for link in _LINK.findall(entry)]
    return bool(links) and all(
        _TALK_FILE.search(link.split("?", 1)[0])
        or (_teaching_page(link) and not is_paper_link(link, entry))
        for link in links
    )


# Who edited the proceedings or the collection an entry appeared in: `In: Principles and Practice
# of Constraint Programming. Ed. by Gilles Pesant. Vol. 9255. ... Springer, 2015` (BibLaTeX's
# style), `edited by`, `Eds.`. Their names and the volume's year are no second work.
_EDITED_BY = re.compile(
    r"(?i)(?:\bed(?:s|itors?)?\.?[ \t]+by|\bedited[ \t]+by|\beds?\.|\beditors?:)[ \t]*$"
)


def venue_editors(text: str, hit: Hit, stop: int) -> bool:
    """An author-year mention whose names follow `Ed. by`: the editors of the venue."""
    if _fields(hit).title:
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _EDITED_BY.search(text, max(line_start, hit.start - 24), hit.start) is not None


# --- A change log's item ------------------------------------------------------------------

# A change log kept in a header, each item opened by the version it made (IDL's "MODIFICATION
# HISTORY", kept by ports of IDL code): `- V2.1.0: Bug fix: ... Many thanks to Ann Lind and Carl
# Moss for reporting problems. MC, Oxford, 15 February 2010`, its lines below set deeper.
_VERSION_ITEM = re.compile(
    r"(?P<margin>[^\S\n]*(?:[#*/!%;]+[^\S\n]*)?(?:[-*•][^\S\n]+)?)"
    r"[vV]\d+(?:\.\d+){1,3}[a-z]?[^\S\n]*:"
)
_ITEM_LINES = 6  # how many lines an item may run on above the hit's


def _in_version_item(text: str, at: int) -> bool:
    """Whether `at` lies in a change log's item: on a line opened by a version label, or on a
    line below it, set deeper than the label, with no blank line between."""
    line_start = text.rfind("\n", 0, at) + 1
    margins: list[int] = []
    for _ in range(_ITEM_LINES):
        line_end = text.find("\n", line_start)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        item = _VERSION_ITEM.match(line)
        if item is not None:
            return all(margin > len(item["margin"]) for margin in margins)
        if not line.strip(" \t#*/!%;"):
            return False
        margins.append(len(line) - len(line.lstrip(" \t#*/!%;")))
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


def change_note(text: str, hit: Hit, stop: int) -> bool:
    """A title read in a change log's item (`V1.1.1: Included explanation of the correction.
    After feedback from Ann Lind. MC, Leiden, 27 June 2005`): what changed, who asked and who
    made it, not a work. A title the item quotes, or gives its venue, is cited, and so is an
    item's author-year mention (`V1.1.0: Cleaned up for the paper by Lind et al. (2013)`)."""
    fields = _fields(hit)
    if not fields.title or fields.venue or _QUOTED_TITLE.search(text, hit.start, hit.end):
        return False
    return _in_version_item(text, hit.start)


_QUOTED_TITLE = re.compile(r"[\"“”]|``|&[lr]dquo;")


# --- A manual's entry read by its authors and year ----------------------------------------

# The entry's next sentence after its authors and year: its title.
# (a full stop inside a word or number, `2.1`, goes on with it)
_NEXT_SENTENCE = re.compile(r"[\s.,:;)\]]*(?P<sentence>(?:[^.]|\.(?!\s)){1,160}?)(?:\.(?=\s)|$)")


def manual_entry(text: str, hit: Hit, stop: int) -> bool:
    """An author-year whose entry goes on with a manual's title (`Lind, A. (2015). tidekit 2.1
    Reference Manual. Example Software Inc.`): documentation, not a paper. A title read with
    the hit is vetted by its own words (`sources.not_work_title`)."""
    fields = _fields(hit)
    if fields.title or fields.venue or not fields.authors or fields.year is None:
        return False
    # from the year on: the reader may have spanned the title it could not read
    year_at = text.find(str(fields.year), hit.start, hit.end)
    start = hit.end if year_at < 0 else year_at + 4
    end = min(len(text), hit.end + _REACH)
    cut = _ENTRY_END.search(text, start, end)
    following = _NEXT_SENTENCE.match(text[start : cut.start() if cut else end])
    return following is not None and MANUAL_TITLE.search(following["sentence"]) is not None
