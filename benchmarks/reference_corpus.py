"""Synthetic, labelled comment blocks for training the title tagger (see train_titles.py).

The NAIST sample the tagger is evaluated on is mostly Java and C comments flattened to one
line; code in the wild also cites in numpy/Sphinx reference sections, APA, Chicago and MLA
entries, Markdown emphasis, Doxygen and Javadoc HTML, wrapped over several indented lines, and
most blocks cite nothing at all while holding years, quoted strings, names and version numbers.
This module renders such blocks from the facts in `reference_facts` (real titles, authors and
venues, freely recombined, so the entries are synthetic) with every field's character span
recorded as it is written: the labels are exact by construction. The same seed gives the same
corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from benchmarks.reference_facts import (
    AUTHORS,
    JOURNALS,
    MONTHS,
    PROCEEDINGS,
    PROSE,
    PUBLISHERS,
    TITLES,
    UNIVERSITIES,
)
from benchmarks.scoring import Comment

_PIECES = re.compile(r"( )")
# Words a sentence-case title keeps capitalized: names and acronyms written in titles.
# Only a plain capitalized word is lowered: acronyms (L-BFGS-B), digits, marks (R*-tree) stay.
_LOWERABLE = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*")
_PROPER = frozenset(
    "Markov Fourier Gaussian Bayesian Monte Carlo Newton Gibbs Dirichlet Hamiltonian Lanczos "  # noqa: SIM905
    "Arnoldi Kalman Radau Runge Kutta Java Python Web Sobol's Leiden Louvain Jackknife United "
    "Kingdom Entscheidungsproblem Fortran Nesterov Adam Radon Hilbert Euler Bessel".split()
)


class Writer:
    """Builds one block's text while recording each field's character spans.

    Inside an entry (`begin_entry`) a space that would carry a line past `width` becomes a
    line break and the entry's continuation indent, as a wrapped docstring or comment is.
    """

    def __init__(self, width: int | None = None, indent: str = "") -> None:
        self.parts: list[str] = []
        self.length = 0
        self.column = 0
        self.fields: dict[str, list[tuple[int, int]]] = {}
        self.width = width
        self.indent = indent  # every line's indent (a docstring body, a blanked `*` column)
        self.hanging = ""  # the continuation indent of the entry being written, if wrapping
        self.wrapping = False

    def add(self, text: str, field: str | None = None) -> None:
        start = self.length
        if self.wrapping and self.width:
            pieces = _PIECES.split(text)
            for i, piece in enumerate(pieces):
                following = len(pieces[i + 1]) if i + 1 < len(pieces) else 0
                if piece == " " and self.column + 1 + following > self.width:
                    piece = "\n" + self.indent + self.hanging
                self._emit(piece)
        else:
            self._emit(text)
        if field:
            self.fields.setdefault(field, []).append((start, self.length))

    def line(self, text: str = "") -> None:
        """A line of its own (a header, prose), at the block's indent."""
        if self.column:
            self._emit("\n")
        self._emit(self.indent + text + "\n")

    def begin_entry(self, marker: str, hanging: str) -> None:
        if self.column:
            self._emit("\n")
        self._emit(self.indent + marker)
        self.hanging, self.wrapping = hanging, True

    def end_entry(self) -> None:
        self._emit("\n")
        self.wrapping = False

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        newline = text.rfind("\n")
        self.column = len(text) - newline - 1 if newline >= 0 else self.column + len(text)

    def comment(self) -> Comment:
        return Comment("".join(self.parts), self.fields)


def _pages(rng: random.Random) -> str:
    first = rng.randint(1, 900)
    dash = rng.choice(["-", "-", "--", "–"])
    return f"{first}{dash}{first + rng.randint(5, 40)}"


def _name(rng: random.Random, first: str, last: str, style: str) -> str:
    initials = " ".join(f"{part[0]}." for part in first.replace("-", " ").split())
    if rng.random() < 0.15:
        initials = initials.replace(" ", "")  # "J.M."
    return {
        "full": f"{first} {last}",
        "initials": f"{initials} {last}",
        "last_first": f"{last}, {initials}",
        "last_full": f"{last}, {first}",
        "last": last,
        "vancouver": f"{last} {initials.replace('.', '').replace(' ', '')}",  # "Percival DB"
    }[style]


def _authors(w: Writer, rng: random.Random, style: str, count: int) -> None:
    people = rng.sample(AUTHORS, count)
    for i, (first, last) in enumerate(people):
        if i:
            if i == count - 1 and style != "vancouver":
                w.add(
                    rng.choice([", and ", " and ", ", & ", " & "])
                    if count > 2
                    else rng.choice([" and ", " & ", ", "])
                )
            else:
                w.add(", " if style != "last_first" or rng.random() < 0.8 else "; ")
        # MLA writes the first author surname first and the others given name first
        name_style = "full" if style == "mla" and i else "last_full" if style == "mla" else style
        w.add(_name(rng, first, last, name_style), "AUTHOR")
    if count >= 3 and rng.random() < 0.15:
        w.add(" et al.")


def _title_text(rng: random.Random) -> str:
    title = rng.choice(TITLES)
    if rng.random() < 0.35:  # sentence case, as many journals and most docstrings write it
        words = title.split(" ")
        title = " ".join([words[0]] + [_sentence_case(w) for w in words[1:]])
    return title


def _sentence_case(word: str) -> str:
    bare = word.strip(":,.?")
    if bare in _PROPER or not _LOWERABLE.fullmatch(bare):
        return word
    return word.lower()


def _stop(w: Writer) -> None:
    """The full stop after an author list, unless its last initial or "et al." has one."""
    w.add(" " if w.parts[-1].endswith(".") else ". ")


def _title(w: Writer, rng: random.Random, quote: str = "", inner_stop: bool = False) -> None:
    """The title, in quotes or emphasis; `inner_stop` puts the full stop inside the quotes."""
    opening, closing = {
        "": ("", ""),
        '"': ('"', '"'),
        "“": ("“", "”"),
        "‘": ("‘", "’"),
        "*": ("*", "*"),
        "`": ("``", "''"),
        "'": ("'", "'"),
    }[quote]
    w.add(opening)
    w.add(_title_text(rng), "TITLE")
    w.add(("." if inner_stop else "") + closing)


# How a journal entry writes volume, number, pages and maybe the year, as (text, field) pieces.
VOLUME_FORMS: list[list[tuple[str, str | None]]] = [
    [(", vol. ", None), ("{volume}", "VOLUME"), (", no. ", None), ("{number}", "NUMBER"),
     (", pp. ", None), ("{pages}", "PAGES")],
    [(" ", None), ("{volume}", "VOLUME"), (" (", None), ("{number}", "NUMBER"), ("): ", None),
     ("{pages}", "PAGES")],
    [(", ", None), ("{volume}", "VOLUME"), (", ", None), ("{pages}", "PAGES")],
    [(" ", None), ("{volume}", "VOLUME")],
    [(", ", None), ("{volume}", "VOLUME"), ("(", None), ("{number}", "NUMBER"), ("):", None),
     ("{pages}", "PAGES")],
    # Elsevier: "Random Struct. Algorithms 18 (2001) 116-140"
    [(" ", None), ("{volume}", "VOLUME"), (" (", None), ("{year}", "YEAR"), (") ", None),
     ("{pages}", "PAGES")],
    # APS: "Phys. Rev. E 64, 016132 (2001)"
    [(" ", None), ("{volume}", "VOLUME"), (", ", None), ("{article}", "PAGES"), (" (", None),
     ("{year}", "YEAR"), (")", None)],
    # MLA: "7.1 (2011): 1-336"
    [(" ", None), ("{volume}", "VOLUME"), (".", None), ("{number}", "NUMBER"), (" (", None),
     ("{year}", "YEAR"), ("): ", None), ("{pages}", "PAGES")],
    # ScienceDirect: ", Volume 407, Issues 1--3, 6 November 2008, Pages 564--568"
    [(", Volume ", None), ("{volume}", "VOLUME"), (", Issue ", None), ("{number}", "NUMBER"),
     (", ", None), ("{day} {month}", "MONTH"), (" ", None), ("{year}", "YEAR"),
     (", Pages ", None), ("{pages}", "PAGES")],
    # ", Vol. 26, No. 4, pp 404-413 (Dec. 1934)"
    [(", Vol. ", None), ("{volume}", "VOLUME"), (", No. ", None), ("{number}", "NUMBER"),
     (", pp ", None), ("{pages}", "PAGES"), (" (", None), ("{mon}.", "MONTH"), (" ", None),
     ("{year}", "YEAR"), (")", None)],
]  # fmt: skip


def _venue(w: Writer, rng: random.Random, emphasis: str = "", year: bool = True) -> bool:
    """A journal with volume, number and pages, or proceedings with pages; True when the
    form wrote the year too (only when `year`: the entry has not written it)."""
    if rng.random() < 0.7:
        full, short = rng.choice(JOURNALS)
        w.add(emphasis)
        w.add(rng.choice([full, short]), "BOOKTITLE_OR_JOURNAL")
        w.add(emphasis)
        values = {
            "volume": str(rng.randint(1, 120)),
            "number": str(rng.randint(1, 12)),
            "year": str(rng.randint(1950, 2024)),
            "article": f"{rng.randint(0, 99):02d}{rng.randint(0, 9999):04d}",
            "day": str(rng.randint(1, 28)),
            "month": rng.choice(MONTHS),
            "mon": rng.choice(MONTHS)[:3],
        }
        forms = VOLUME_FORMS if year else [f for f in VOLUME_FORMS if ("{year}", "YEAR") not in f]
        form = forms[rng.randrange(len(forms))]
        for text, field in form:
            value = _pages(rng) if text == "{pages}" else text.format(**values)
            w.add(value, field)
        return any(field == "YEAR" for _, field in form)
    w.add(rng.choice(["In ", "In: ", "in ", ""]))
    w.add(emphasis)
    w.add(rng.choice(PROCEEDINGS), "BOOKTITLE_OR_JOURNAL")
    w.add(emphasis)
    if rng.random() < 0.6:
        w.add(", pp. " if rng.random() < 0.5 else ", pages ")
        w.add(_pages(rng), "PAGES")
    return False


def _year(w: Writer, rng: random.Random) -> None:
    w.add(str(rng.randint(1950, 2024)), "YEAR")


def _identifier(w: Writer, rng: random.Random) -> None:
    """What real entries often end with: a DOI, an arXiv id or a link (not a labelled field:
    the identifier extractors find those)."""
    doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['j.', 's', ''])}{rng.randint(10000, 99999)}"
    w.add(
        rng.choice(
            [
                f" https://doi.org/{doi}",
                f" doi:{doi}",
                f" <https://doi.org/{doi}>",
                f" :doi:`{doi}`",
                f" DOI: {doi}",
                f" https://arxiv.org/abs/{rng.randint(1001, 2312)}.{rng.randint(1, 9999):04d}",
                f" http://www.example.edu/~author/papers/paper{rng.randint(1, 99)}.pdf",
            ]
        )
    )


def entry_numpy(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["initials", "full"]), rng.randint(1, 3))
    w.add(", ")
    _title(w, rng, rng.choice(['"', "", "“", "'", ""]))
    w.add(", ")
    if not _venue(w, rng):
        w.add(", ")
        _year(w, rng)
    w.add(".")


def entry_apa(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, "last_first", rng.randint(1, 4))
    w.add(" (")
    _year(w, rng)
    w.add("). ")
    _title(w, rng)
    w.add(". ")
    _venue(w, rng, rng.choice(["", "", "*"]), year=False)
    w.add(".")


def entry_chicago(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["last_full", "last_first"]), rng.randint(1, 3))
    _stop(w)
    _year(w, rng)
    w.add(". ")
    _title(w, rng, rng.choice(["“", '"', "‘"]), inner_stop=rng.random() < 0.5)
    w.add(" ")
    _venue(w, rng, year=False)
    w.add(".")


def entry_mla(w: Writer, rng: random.Random) -> None:
    """`Vadhan, Salil P. "Title." *Journal* 7.1 (2011): 1-336.` (Google Scholar's MLA)."""
    _authors(w, rng, "mla", rng.randint(1, 3))
    _stop(w)
    _title(w, rng, '"', inner_stop=True)
    w.add(" ")
    if not _venue(w, rng, rng.choice(["*", "*", "", "**"])):
        w.add(" (")
        _year(w, rng)
        w.add(")")
    w.add(".")


def entry_book(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["initials", "last_first", "full"]), rng.randint(1, 2))
    year_done = rng.random() < 0.33
    if year_done:
        w.add(" (")
        _year(w, rng)
        w.add("). ")
    elif rng.random() < 0.5:
        _stop(w)
    else:
        w.add(", ")
    _title(w, rng, rng.choice(["*", "", "", '"']))
    if rng.random() < 0.25:
        w.add(rng.choice([", 2nd ed.", ", 3rd edition", " (2nd Edition)", ". Vol. 2"]))
    publisher, city = rng.choice(PUBLISHERS)
    w.add(". " if rng.random() < 0.7 else ", ")
    if rng.random() < 0.4:
        w.add(city, "ADDRESS")
        w.add(": ")
        w.add(publisher, "PUBLISHER")
    else:
        w.add(publisher, "PUBLISHER")
        if rng.random() < 0.5:
            w.add(", ")
            w.add(city, "ADDRESS")
    if not year_done:
        w.add(", " if rng.random() < 0.8 else "; ")
        _year(w, rng)
    w.add(".")


def entry_thesis(w: Writer, rng: random.Random) -> None:
    """`A. Author, Title, 1995, PhD thesis, University` and technical reports."""
    _authors(w, rng, rng.choice(["initials", "full", "last_first"]), rng.randint(1, 2))
    if rng.random() < 0.5:
        w.add(", ")
    else:
        _stop(w)
    _title(w, rng, rng.choice(["", "", '"']))
    kind = rng.choice(["PhD thesis", "Ph.D. dissertation", "Master's thesis", "Technical Report"])
    if kind == "Technical Report":
        kind += rng.choice(
            [f" {rng.randint(10, 999)}", f" TR-{rng.randint(1990, 2020)}-0{rng.randint(1, 9)}", ""]
        )
    if rng.random() < 0.5:
        w.add(", ")
        _year(w, rng)
        w.add(", " + kind + ", ")
        w.add(rng.choice(UNIVERSITIES), "PUBLISHER")
    else:
        w.add(". " + kind + ", ")
        w.add(rng.choice(UNIVERSITIES), "PUBLISHER")
        w.add(", ")
        _year(w, rng)
    w.add(".")


def entry_chapter(w: Writer, rng: random.Random) -> None:
    """`Author. Title. In: Editor (ed.), Book, pp. 1-20. Publisher, year.`"""
    _authors(w, rng, rng.choice(["initials", "last_first"]), rng.randint(1, 2))
    _stop(w)
    _title(w, rng)
    w.add(rng.choice([". In: ", ". In ", ", in "]))
    first, last = rng.choice(AUTHORS)
    w.add(f"{_name(rng, first, last, 'initials')} (ed.), ")
    w.add(rng.choice(TITLES), "BOOKTITLE_OR_JOURNAL")
    w.add(", pp. ")
    w.add(_pages(rng), "PAGES")
    w.add(". ")
    w.add(rng.choice(PUBLISHERS)[0], "PUBLISHER")
    w.add(", ")
    _year(w, rng)
    w.add(".")


def entry_colon(w: Writer, rng: random.Random) -> None:
    """`Authors: Title. In: Proceedings, pages, year.` (DBLP/ELKI style), maybe HTML-broken."""
    br = rng.random() < 0.4
    _authors(w, rng, rng.choice(["full", "initials"]), rng.randint(1, 4))
    w.add(" <br> " if br else ": ")
    _title(w, rng)
    w.add(" <br> " if br else ". ")
    if not _venue(w, rng) and rng.random() < 0.7:
        w.add(", ")
        _year(w, rng)
    w.add(".")


def entry_title_first(w: Writer, rng: random.Random) -> None:
    _title(w, rng, rng.choice(['"', "", ""]))
    w.add(rng.choice([", ", ", ", " by "]))
    _authors(w, rng, rng.choice(["full", "initials"]), rng.randint(1, 3))
    w.add(", ")
    if not _venue(w, rng):
        w.add(", ")
        if rng.random() < 0.3:
            w.add(rng.choice(MONTHS), "MONTH")
            w.add(" ")
        _year(w, rng)
    w.add(".")


def entry_vancouver(w: Writer, rng: random.Random) -> None:
    """`Percival DB, Walden AT. Title. Publisher; 1993.` (medicine, PubMed)."""
    _authors(w, rng, "vancouver", rng.randint(1, 3))
    _stop(w)
    _title(w, rng)
    w.add(". ")
    if rng.random() < 0.5:
        w.add(rng.choice(PUBLISHERS)[0], "PUBLISHER")
        w.add("; ")
        _year(w, rng)
    else:
        _, short = rng.choice(JOURNALS)
        w.add(short, "BOOKTITLE_OR_JOURNAL")
        w.add(". ")
        _year(w, rng)
        w.add(";")
        w.add(str(rng.randint(1, 99)), "VOLUME")
        w.add(":")
        w.add(_pages(rng), "PAGES")
    w.add(".")


def entry_inline(w: Writer, rng: random.Random) -> None:
    """A citation inside a sentence."""
    w.add(
        rng.choice(
            [
                "This implements the method described in ",
                "Based on ",
                "See the paper ",
                "The update rule follows ",
                "Adapted from ",
                "As shown in ",
            ]
        )
    )
    form = rng.randrange(4)
    if form == 0:
        _title(w, rng, rng.choice(['"', "“"]))
        w.add(" by ")
        _authors(w, rng, "full", rng.randint(1, 3))
        w.add(" (")
        _year(w, rng)
        w.add(")")
    elif form == 1:
        _authors(w, rng, "last", 1)
        w.add(" et al., ")
        _title(w, rng, '"')
        w.add(", ")
        if not _venue(w, rng):
            w.add(" (")
            _year(w, rng)
            w.add(")")
    elif form == 2:
        _title(w, rng, '"')
        w.add(" (")
        _authors(w, rng, "last", rng.randint(1, 2))
        w.add(", ")
        _year(w, rng)
        w.add(")")
    else:
        _authors(w, rng, "last", rng.randint(1, 2))
        w.add(" (")
        _year(w, rng)
        w.add("), ")
        _title(w, rng, rng.choice(["'", '"', "*"]))
    w.add(". ")


def entry_arxiv(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["full", "initials", "last_first"]), rng.randint(1, 4))
    _stop(w)
    _title(w, rng)
    w.add(". ")
    ident = f"{rng.randint(14, 24)}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
    w.add(rng.choice([f"arXiv:{ident}", f"arXiv preprint arXiv:{ident}"]), "BOOKTITLE_OR_JOURNAL")
    w.add(", ")
    _year(w, rng)
    w.add(".")


def entry_harvard(w: Writer, rng: random.Random) -> None:
    """`Bellman, R., Roth, R., 1969. Title. Venue 64, 1079-1084.` (Elsevier/Harvard)."""
    _authors(w, rng, "last_first", rng.randint(1, 3))
    w.add(", " if rng.random() < 0.6 else " ")
    _year(w, rng)
    w.add(". ")
    _title(w, rng)
    if rng.random() < 0.8:
        w.add(rng.choice([". ", "? "]))
        _venue(w, rng, year=False)
    w.add(".")


def entry_short(w: Writer, rng: random.Random) -> None:
    """`Wright and Nocedal, 'Numerical Optimization', 1999, pg. 59-61.`"""
    _authors(w, rng, "last", rng.randint(1, 2))
    w.add(", ")
    _title(w, rng, rng.choice(["'", '"', "*"]))
    w.add(", ")
    _year(w, rng)
    if rng.random() < 0.5:
        w.add(rng.choice([", pg. ", ", pp. ", ", p. "]))
        w.add(_pages(rng), "PAGES")
    w.add(".")


ENTRIES: list[Callable[[Writer, random.Random], None]] = [
    entry_harvard,
    entry_short,
    entry_numpy,
    entry_numpy,
    entry_apa,
    entry_chicago,
    entry_mla,
    entry_book,
    entry_thesis,
    entry_chapter,
    entry_colon,
    entry_title_first,
    entry_vancouver,
    entry_inline,
    entry_arxiv,
]

# How a block lays its references out: the header lines, each entry's marker (with {n}) and
# the continuation indent of a wrapped entry, relative to the block's own indent.
LAYOUTS: list[tuple[list[str], list[str], str]] = [
    (["References", "----------"], [".. [{n}] "], "       "),
    (["References", "=========="], [".. [{n}] "], "   "),
    (["References:"], ["    "], "        "),
    (["References", "----------"], ["[{n}] ", "- ", ""], "    "),
    (["Reference:"], [""], "  "),
    (["\\par References"], ["", "- "], "  "),
    ([], ["@see ", "See ", "Reference: ", "<p> ", "<li>"], "     "),
    ([], [""], ""),
]


def _prose(w: Writer, rng: random.Random, count: int) -> None:
    for _ in range(count):
        w.line(rng.choice(PROSE))


def citing_block(rng: random.Random) -> Comment:
    """A docstring or comment with one to three citations among ordinary prose, on one line
    each or wrapped over several as real docstrings and comments are."""
    wrapped = rng.random() < 0.6
    w = Writer(rng.choice([72, 76, 79]) if wrapped else None, rng.choice(["", "    ", "   "]))
    _prose(w, rng, rng.randint(0, 3))
    header, markers, hanging = rng.choice(LAYOUTS)
    for line in header:
        w.line(line)
    marker = rng.choice(markers)
    for n in range(1, rng.randint(1, 3) + 1):
        w.begin_entry(marker.format(n=n), hanging)
        rng.choice(ENTRIES)(w, rng)
        if rng.random() < 0.25:
            _identifier(w, rng)
        w.end_entry()
    _prose(w, rng, rng.randint(0, 2))
    return w.comment()


def plain_block(rng: random.Random) -> Comment:
    """A block that cites nothing, with the years, quotes and names ordinary code has."""
    w = Writer(None, rng.choice(["", "    "]))
    _prose(w, rng, rng.randint(1, 5))
    return w.comment()


def generate(count: int, seed: int = 7, citing_share: float = 0.6) -> list[Comment]:
    """`count` labelled blocks, about `citing_share` of them citing something."""
    rng = random.Random(seed)
    return [
        citing_block(rng) if rng.random() < citing_share else plain_block(rng) for _ in range(count)
    ]
