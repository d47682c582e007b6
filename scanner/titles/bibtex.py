"""BibTeX entries pasted into comments: `@article{key, author = {...}, title = {...}, ...}`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.titles.fields import first_year
from scanner.types import EntryFields

_TITLE_FIELD = re.compile(r"(?i)\btitle\s*=\s*[{\"]")
_FIELD = re.compile(
    r"(?i)\b(author|title|journal|booktitle|year|volume|pages)\s*=\s*"
    r"(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\"|\d+)"
)
_ENTRY_START = re.compile(
    r"(?i)(?:@|&\#64;)?\s*(?P<type>article|book|inproceedings|incollection|misc|techreport|"
    r"phdthesis|mastersthesis|unpublished|proceedings|inbook|booklet|conference|manual|software|"
    r"online|electronic|webpage)\s*\{"
)
# An entry's head with its `@` (`@ARTICLE{MNW98,`): where the entry before it ends.
_ENTRY_HEAD = re.compile(r"(?:@|&\#64;)[A-Za-z]+[ \t]*\{")
# Entry types of documentation, software and web pages: never a paper or a book.
_NOT_WORKS = frozenset({"manual", "software", "online", "electronic", "webpage"})


def bibtex_entries(text: str, start: int, end: int) -> Iterator[tuple[int, int, EntryFields]]:
    """BibTeX entries in `text[start:end]` as (start, end, reference)."""
    pos = start
    while (title := _TITLE_FIELD.search(text, pos, end)) is not None:
        heads = list(_ENTRY_START.finditer(text, max(start, title.start() - 400), title.start()))
        head = heads[-1] if heads else None
        # without its `@type{` head (the key on a line of its own), the fields written right
        # before the title are the entry's: `author = {...},` then `title = {...}`
        first = (
            head.start()
            if head
            else _fields_before(text, max(start, title.start() - 400), title.start())
        )
        fields: dict[str, str] = {}
        last = title.end()
        # the entry's fields end where the next entry opens (its fields are its own)
        following = _ENTRY_HEAD.search(text, title.end(), min(end, title.end() + 800))
        for match in _FIELD.finditer(
            text,
            head.end() if head else first,
            following.start() if following else min(end, title.end() + 800),
        ):
            name = match.group(1).lower()
            if name in fields and name == "title":
                break  # the next entry's title
            # as written, inner braces (`{{COSMO}: A Conic ...}`) too: the tagger finds the
            # title in the text; `tidy` drops them
            fields.setdefault(name, " ".join(match.group(2).strip('{}"').split()).strip(" {}"))
            last = match.end()
        pos = last
        if "title" not in fields or len(fields["title"].split()) < 2:
            continue
        if head is None and len(fields) < 2:
            continue  # `String title = "CPU time";` in an example: code, not an entry's field
        if head is not None and head["type"].lower() in _NOT_WORKS:
            continue
        authors = tuple(
            a.strip(" .") + ("." if a.strip().endswith(".") else "")
            for a in re.split(r"\s+and\s+", _names_unbraced(fields.get("author", "")))
            if a.strip()
        )
        yield (
            first,
            last,
            EntryFields(
                authors=authors,
                title=fields["title"],
                venue=_journal(fields.get("journal") or fields.get("booktitle")),
                year=first_year(fields.get("year", "")),
                volume=fields.get("volume"),
                pages=re.sub(r"\s*-+\s*", "-", fields["pages"]) if "pages" in fields else None,
            ),
        )


_BETWEEN_FIELDS = re.compile(r"[\s,]*")


def _fields_before(text: str, window: int, title: int) -> int:
    """Where the run of fields that ends at the title (at `title`) starts, from `window` on."""
    first = title
    for match in reversed(list(_FIELD.finditer(text, window, title))):
        if _BETWEEN_FIELDS.fullmatch(text, match.end(), first) is None:
            break
        first = match.start()
    return first


# A brace group of plain text: a name's protecting braces (`{{Okafor}, Jide}`, `{van der Lind},
# A.`, `Xin{-}She`), not an accent's (`{\"o}`, `{\ss}`), which the characters reader decodes.
_PLAIN_GROUP = re.compile(r"(?<![\\\"'`^~=.])(?<!\\[A-Za-z])(?<!\\[A-Za-z]{2})\{([\w .,-]+)\}")


def _names_unbraced(value: str) -> str:
    """An author field without its names' protecting braces, its accents' kept (and without
    a brace the field's outer braces left alone: `{{Okafor}, Jide}` is read `Okafor}, Jide`)."""
    opened: list[int] = []
    unmatched: set[int] = set()
    for at, char in enumerate(value):
        if char == "{":
            opened.append(at)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(at)
    unmatched.update(opened)
    value = "".join(char for at, char in enumerate(value) if at not in unmatched)
    while True:
        plain = _PLAIN_GROUP.sub(r"\1", value)
        if plain == value:
            return value
        value = plain


# The journal macros of AASTeX, which ADS's BibTeX export writes for a journal's name
# (`journal = {\apj}`): the journal's name spelt out (a card's venue of two letters, `AJ`,
# would read as a fragment).
_AAS_JOURNALS = {
    "aj": "Astronomical Journal",
    "actaa": "Acta Astronomica",
    "araa": "Annual Review of Astronomy and Astrophysics",
    "apj": "Astrophysical Journal",
    "apjl": "Astrophysical Journal Letters",
    "apjs": "Astrophysical Journal Supplement Series",
    "ao": "Applied Optics",
    "apss": "Astrophysics and Space Science",
    "aap": "Astronomy & Astrophysics",
    "aapr": "Astronomy and Astrophysics Review",
    "aaps": "Astronomy and Astrophysics Supplement Series",
    "baas": "Bulletin of the American Astronomical Society",
    "icarus": "Icarus",
    "jcap": "Journal of Cosmology and Astroparticle Physics",
    "jcp": "Journal of Chemical Physics",
    "jgr": "Journal of Geophysical Research",
    "jqsrt": "Journal of Quantitative Spectroscopy and Radiative Transfer",
    "mnras": "Monthly Notices of the Royal Astronomical Society",
    "nat": "Nature",
    "pasa": "Publications of the Astronomical Society of Australia",
    "pasj": "Publications of the Astronomical Society of Japan",
    "pasp": "Publications of the Astronomical Society of the Pacific",
    "physrep": "Physics Reports",
    "pra": "Physical Review A",
    "prb": "Physical Review B",
    "prc": "Physical Review C",
    "prd": "Physical Review D",
    "pre": "Physical Review E",
    "prl": "Physical Review Letters",
    "procspie": "Proceedings of the SPIE",
    "psj": "Planetary Science Journal",
    "qjras": "Quarterly Journal of the Royal Astronomical Society",
    "solphys": "Solar Physics",
    "ssr": "Space Science Reviews",
}
_MACRO = re.compile(r"\\([a-z]+)")


def _journal(value: str | None) -> str | None:
    """A journal field's name: an AASTeX macro spelt out (`\\apj`: the Astrophysical
    Journal), else the field
    without its protecting braces."""
    value = _unbraced(value)
    if value and (macro := _MACRO.fullmatch(value)) and macro.group(1) in _AAS_JOURNALS:
        return _AAS_JOURNALS[macro.group(1)]
    return value


def _unbraced(value: str | None) -> str | None:
    """A field's value without BibTeX's protecting braces (`{ACM} Transactions on ...`)."""
    return " ".join(value.replace("{", "").replace("}", "").split()) if value else value
