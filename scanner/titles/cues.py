"""The one list of the cues a citation without an identifier needs, for gate and prefilter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "BY_TITLE",
    "CUES",
    "EDITION",
    "KEY_TAG",
    "KEY_TAGS",
    "ORDINAL_ED",
    "PAIR_TITLE",
    "YEARS",
    "YEAR_DIGITS",
    "YEAR_PATTERN",
    "Confirm",
    "Cue",
    "edition_word",
]


class Confirm(str, Enum):
    """How the prefilter confirms a needle of a cue with a pattern: the pattern matches at the
    needle, or somewhere on the needle's line."""

    NONE = "none"
    AT = "at"
    LINE = "line"


@dataclass(frozen=True, slots=True)
class Cue:
    """One thing a citation without an identifier needs, read two ways.

    The title gate (`scanner.titles._has_cue`) finds `text` in a block (case as written) and,
    where the plain string mostly means something else, `pattern` in it. The prefilter
    (`scanner.prefilter`) finds one of `needles` in a file's lowercased bytes (by default
    `text` lowercased), only at the start of a word when the needle starts with a letter; a
    needle counts only if `after` matches right after it and, with `confirm`, `pattern` matches
    at it or on its line. `book` cues are the short names of reference works: the gate sends
    their blocks to the book reader alone. `examples` pass both the gate and the prefilter
    (`tests/scanner/titles/test_cues.py`).
    """

    text: str
    pattern: str = ""
    needles: tuple[str, ...] = ()
    after: str = ""
    confirm: Confirm = Confirm.NONE
    book: bool = False
    examples: tuple[str, ...] = ()

    @property
    def file_needles(self) -> tuple[str, ...]:
        """What the prefilter searches the lowercased bytes of a file for."""
        return self.needles or (self.text.lower(),)


# A quoted title after a citing word (`see "Nineteen Dubious Ways to Compute the Exponential
# of a Matrix," by Moler and Van Loan`), or before its authors: a quote alone is in every file
# of code, so the prefilter reads it in these words (the detector's `_CITED_IN`, `_CITED_FROM`).
# Single quotes and TeX quotes, in code far more often than in citations, only after the two
# commonest: each needle costs the automaton about 3% of its time.
_CITING_WORDS = (
    "see", "cf.", "in", "on", "from", "following", "follows", "article",
)  # fmt: skip


def _citing(quote: str, words: tuple[str, ...] = _CITING_WORDS) -> tuple[str, ...]:
    return tuple(f"{word} {quote}" for word in words)


# A line that names a work by two surnames and its title (`Cue(" and ")`), its comment
# delimiters blanked or not; the detector reads the title from it.
PAIR_TITLE = (
    r"(?m)^[^\S\n]*(?:(?://+|/?\*+|#+|!)[^\S\n]*)?(?P<first>[A-Z][a-z]+) and "
    r"(?P<second>[A-Z][a-z]+),[ \t]+(?P<title>(?:An?|On|The)[ \t]+[a-z][^,.:;\n]{10,150}?)"
    r"[ \t]*[,.:;]?[ \t]*$"
)
# A title in title case named by its authors: "Numerical Optimization by Nocedal" (`Cue(" by ")`).
BY_TITLE = r"[A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,})+[ \t]+by[ \t]+[A-Z][a-z]"
# The venues of bare citation keys (`KEY_TAG`): acronyms no word of prose ends in after two
# digits (`Float64bits`, `Test16bit` end in no venue), and `book`, `phd`, `thesis`.
KEY_TAGS = (
    "ijcv", "iccv", "eccv", "cvpr", "iros", "icra", "ijrr", "tro", "siggraph", "pami", "icml",
    "iclr", "nips", "jmlr", "bmvc", "ivc", "phd", "thesis",
)  # fmt: skip
KEY_TAG = rf"(?<=[a-z]\d\d)(?:{'|'.join((*KEY_TAGS, 'book'))})\d?(?![a-z])"
# A book's edition: `2nd ed.`, `Second Edition`, `revised edn.` (the book reader's sign too).
EDITION = (
    r"(?i:\b(?:\d+(?:st|nd|rd|th)|first|second|third|fou?rth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|new|revised|expanded)\.?\s+(?:ed\b\.?|edn\b\.?|edition\b))"
)
# Every match of EDITION or ORDINAL_ED holds a space and then `ed`, `edn` or `edition` as a
# word. Both open with case-insensitive words or lookbehinds, so a search tries them at every
# position of a block (20x the cost of this pattern): `edition_word` says first whether they can.
_EDITION_WORD = re.compile(r"(?i:\s(?:ed|edn|edition)\b)")


def edition_word(text: str, start: int, limit: int) -> bool:
    """Whether `text[start:limit]` holds the word an edition's patterns need (see above)."""
    return _EDITION_WORD.search(text, start, limit) is not None


# An ordinal's last letters and `ed.`, matched where the prefilter finds them (`3rd ed.`,
# `Third Ed.`), or `edition`: the prefilter's automaton reports the needle `nd ed` of `2nd
# edition`, not the `edition` inside it.
ORDINAL_ED = (
    r"(?i:(?:(?<=\d)|(?<=fir)|(?<=seco)|(?<=thi)|(?<=four)|(?<=fif)|(?<=six)|(?<=seven)|"
    r"(?<=eigh)|(?<=nin)|(?<=ten))(?:st|nd|rd|th)[ \t]+ed(?:n|ition)?\b\.?)"
)
_CAPITAL = "[A-Z]"  # what a title (or the author after `", by `) starts with
_NO_LETTER = "(?![A-Za-z])"  # a word, not the start of one in code: `IEEEdouble`, `siamese`

CUES: tuple[Cue, ...] = (
    Cue(
        '"',
        needles=(*_citing('"'), '", by ', '," by '),
        after=_CAPITAL,
        examples=('as described in "Fast Algorithms for Sorting Large Arrays".',),
    ),
    Cue(
        "'",
        r"\s'[A-Z0-9][^'\n]{3,300}'(?!\w)",
        needles=_citing("'", ("see", "in")),
        after=_CAPITAL,
        examples=("as described in 'Fast Algorithms for Sorting Large Arrays'",),
    ),
    # ... or with its citing word ending the line before: `Implemented after Simple from` /
    # `// "Enumerating Connected Things".` (the needle takes in the line break)
    Cue(
        '"',
        needles=tuple(f"{word}{end}" for word in ("from", "in", "see") for end in ("\n", "\r\n")),
        after=r'[ \t]*(?:(?://+!?|#+|\*+|--)[ \t]*)?(?:"|“)[A-Z]',
        examples=('Implemented after the method from\n  "Enumerating Connected Things".',),
    ),
    # ... or set in italics, which the gate reads as quotes (`scanner.titles._quotes_read`).
    Cue(
        '"',
        needles=(*_citing("<i>", ("see", "in")), *_citing("<em>", ("see", "in"))),
        after=_CAPITAL,
        examples=("See <i>A Linear-Time Probabilistic Counting Algorithm</i> by Whang",),
    ),
    Cue("“", examples=("as described in “Fast Algorithms for Sorting Large Arrays”",)),
    Cue("”", examples=("Fast Algorithms for Sorting”, by A. Smith",)),
    # A needle of two bytes makes the automaton several times slower: `«` with its space.
    Cue("«", needles=("« ",), examples=("as described in « Algorithmes rapides de tri », Dupont",)),
    # A TeX-quoted title, in which some letter is small (``AS IS'' in licenses is no title);
    # `` opens reST literals far more often (`fields.QUOTED`).
    Cue(
        "``",
        r"``(?=[^`']{0,400}[a-z])[^`']{3,400}''",
        needles=_citing("``", ("see", "in")),
        after=_CAPITAL,
        examples=("as in ``The Art of Electronics'' by Horowitz",),
    ),
    Cue("et al", examples=("Vaswani et al. introduced attention.",)),
    Cue("et. al", examples=("Vaswani et. al introduced attention.",)),
    Cue("]_", needles=("]_ ", "]_."), examples=("as in [Smith]_.",)),
    # `\cite`, `@cite`, and sphinxcontrib-bibtex's `:footcite:p:`KolesEtAl1990``
    Cue(
        "cite",
        needles=("cite", "footcite"),
        examples=("/** \\cite smith */", "first described in :footcite:`Koles`"),
    ),
    # A reference section or "Reference:"; "eference" is in "preference" and "dereference".
    Cue("EFERENCE", needles=("reference",), examples=("REFERENCES\n  A. Smith",)),
    Cue(
        "eference",
        r"\b[Rr]eferences?\b",
        needles=("reference",),
        examples=("**Reference**\n\n* Smith, A fast method", "Reference: Smith, Some title"),
    ),
    # Venue words; "Proc" and "Trans" open "Process" and "Transform".
    Cue("Journal", examples=("Smith, Journal of Algorithms",)),
    Cue("ACM", after=_NO_LETTER, examples=("Communications of the ACM, 12",)),
    Cue("IEEE", after=_NO_LETTER, examples=("IEEE Transactions on Computers",)),
    Cue("SIAM", after=_NO_LETTER, examples=("SIAM J. Sci. Comput.",)),
    Cue("Conference", examples=("the Conference on Learning Theory",)),
    Cue("Symposium", examples=("Symposium on Theory of Computing",)),
    Cue(
        "Proc",
        r"\bProc(?:\b|eedings)",
        confirm=Confirm.AT,
        examples=("Smith, Proc. of the Royal Society", "Proceedings of the Royal Society"),
    ),
    Cue(
        "Trans",
        r"\bTrans(?:\b|actions)",
        confirm=Confirm.AT,
        examples=("Smith, Trans. Amer. Math. Soc.",),
    ),
    # A work named in prose by a title in title case and its authors: "see Numerical
    # Optimization by Nocedal & Wright" (`detect._titled_by`).
    Cue(
        " by ",
        BY_TITLE,
        after="[A-Z][a-z]",
        confirm=Confirm.LINE,
        examples=("For details see Numerical Optimization by Nocedal & Wright.",),
    ),
    # A work named in a comment by its two authors' surnames and its title alone, the line's
    # only words: "Ooura and Mori, A robust double exponential formula for Fourier-type
    # integrals," (`detect.PAIR_TITLE`, which reads the title too).
    Cue(
        " and ",
        PAIR_TITLE,
        after="[A-Z][a-z]+,[ \t]+(?:An?|On|The)[ \t]+[a-z]",
        confirm=Confirm.LINE,
        examples=("// Ooura and Mori, A robust double exponential formula for integrals,",),
    ),
    # A book's edition (`"Fundamentals of Sorting," Second Edition`, `2nd edition, pages 9-12`):
    # the book reader takes it for a book's entry.
    Cue(
        "dition",
        EDITION,
        needles=("edition",),
        confirm=Confirm.LINE,
        examples=(
            'Jane Q. Smith, "Fundamentals of Sorting," Second Edition. Page 349',
            "see Smith, Sorting Methods, 2nd edition, pages 249-259.",
        ),
    ),
    # ... and its short form after an ordinal (`third Ed., page 572`, `(3rd ed.)`); " ed" and
    # " Ed" are the gate's strings, the prefilter's needles the ordinal's end and " ed".
    *(
        Cue(
            text,
            ORDINAL_ED,
            needles=("st ed", "nd ed", "rd ed", "th ed"),
            confirm=Confirm.AT,
            examples=(f"G. Smith, 'Sorting Methods', third {text.strip()}., page 572",),
        )
        for text in (" ed", " Ed")
    ),
    # The short names of reference works (`scanner.titles.books.KNOWN_WORKS`): `Knuth, Vol. 2`.
    Cue("Knuth", book=True, examples=("Knuth, Vol. 2, 4.6.1",)),
    Cue("Art of Computer", book=True, examples=("The Art of Computer Programming",)),
    Cue("TAOCP", book=True, examples=("See Knuth TAOCP Vol2. 3rd Ed. P.106",)),
    Cue("K&R", book=True, examples=("Refer to K&R Second Edition Page 148",)),
    Cue("Numerical Recipes", book=True, examples=("Numerical Recipes in C",)),
    Cue(
        "Numerical Optimization",
        book=True,
        examples=("See Numerical Optimization, second edition, equation (5.44).",),
    ),
    Cue("Handbook of Math", book=True, examples=("Handbook of Mathematical Functions",)),
    Cue("Abramowitz", book=True, examples=("Abramowitz and Stegun",)),
    Cue("DLMF", book=True, examples=("DLMF 19.20",)),
    Cue("Elements of Statistical", book=True, examples=("The Elements of Statistical Learning",)),
    Cue("s Delight", book=True, examples=("Hacker's Delight 2-5",)),
    Cue("Astronomical Almanac", book=True, examples=('adopted in "Astronomical Almanac" in 1984',)),
    Cue("CRC Handbook", book=True, examples=("vs the CRC Handbook of Chemistry and Physics",)),
    # A bare citation key from the BibTeX file a project's authors share: first author, the
    # year's two digits and the venue's short name (`see Hartley13ijcv`, `(Zhang97ivc)`). The
    # venue is the needle: the prefilter confirms it right after a name's letter and two digits.
    *(
        Cue(tag, KEY_TAG, confirm=Confirm.AT, examples=(f"as in Smith09{tag}, eq. 3",))
        for tag in KEY_TAGS
    ),
    # A book named after the word: "See my book Kalman and Bayesian Filters in Python"; and a
    # book's citation key (`Murray94book`): `book` is one needle of both cues, and the
    # prefilter keeps the check of the last cue of a needle, so this cue reads both.
    Cue(
        "book",
        KEY_TAG,
        needles=("book",),
        confirm=Confirm.LINE,
        examples=("Modified from Smith94book",),
    ),
    Cue(
        "book ",
        r"\b(?:[Mm]y|[Tt]he|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:text)?book\b|" + KEY_TAG,
        needles=("book",),
        confirm=Confirm.LINE,
        book=True,
        examples=("See my book Kalman and Bayesian Filters in Python",),
    ),
)

# The years the gate, the prefilter and the detector read (1600-2039: works from Newton's to
# ours, not 2048 or 2064 in code), as a range and as a pattern (`YEAR_DIGITS`, which every
# reader of a year builds on; `tests/scanner/titles/test_cues.py` checks that the two agree);
# the gate's pattern, not part of a longer number (`0.16666`, `123456`).
YEARS = range(1600, 2040)
YEAR_DIGITS = r"(?:1[6-9]\d\d|20[0-3]\d)"
YEAR_PATTERN = re.compile(YEAR_DIGITS + r"(?!\d)")
