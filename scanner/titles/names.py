"""Author names and author lists as they appear in reference entries and prose."""

from __future__ import annotations

import re
from functools import lru_cache

from scanner.titles.fields import MEETINGS, MONTHS

# A capital letter in any script: `[^\W\d_]` is a letter; the lookahead keeps it upper case.
_UP = r"(?:(?=[^\W\d_])[^\Wa-z\d_ß-ÿ])"
_LOW = r"[^\W\d_]"
# Combining accents within a name (`Dugue\u0301`, as macOS files keep `é`), then more letters.
_MARKED = r"(?:[\u0300-\u036f]+[^\W\d_]*)*"
# (a particle is a word of its own: "after Knuth" holds no "ter Knuth")
_PARTICLE = (
    r"(?:(?<![^\W\d_])"
    r"(?:(?:van|von|vom|der|den|de|del|della|da|di|du|dos|la|le|ten|ter|Van|Von|Der|De|Mc|O')\s+"
    # ... or an elided one, written against the name: "d'Aspremont", "dell'Acqua"
    r"|(?:d|dell)['’](?=[^\W\d_a-z])))"
)
# "Mellor-Crummey", "Rey-de-Castro", "Lung-Yut-Fong", "L'Ecuyer", "Sant'Anna", "Sobol'",
# "DiDinato", "CROCHEMORE"; two letters or more.
_SURNAME = (
    rf"{_PARTICLE}*{_UP}(?:['’]{_UP})?{_LOW}+{_MARKED}(?:['’]{_UP}{_LOW}+{_MARKED})?"
    rf"(?:-(?:[a-z]{{1,3}}-)?{_UP}{_LOW}+{_MARKED}){{0,2}}"
    r"(?:['’](?=,))?"  # a transliterated soft sign: "Sobol', I. M."
)
# One initial ("J.", "Ph.", "-P.", or a bare "M" in "CROCHEMORE M", "-K" in "Huang, L-K");
# lists of them repeat this.
_INITIAL = rf"(?:-?{_UP}{_LOW}?\.|-?{_UP}\b(?!\.\w|['’]))"
_INITIALS = rf"(?:{_INITIAL}(?:\s?{_INITIAL})*)"
_GIVEN = rf"(?:{_UP}{_LOW}+{_MARKED}(?:-{_UP}{_LOW}+{_MARKED})?)"
# A name ends where a list separator, punctuation or the end of the text follows; this keeps
# "Smith, Fast Hashing of ..." from reading "Smith, Fast" as "Surname, Given".
# (A year may carry the letter that tells one author's works of a year apart, `Diemer 2022b`;
# not the `s` of a decade, `1990s`.)
_END = (
    r"(?=\s*(?:[,;:&()\[\]\"'’“”`<]|\.(?!\w)|and\b|et\b|(?:1[6-9]|20)\d\d[a-rt-z]?\b|\Z"
    r"|pp?\.?[ \t]?\d)|\s*\n)"  # (or the page cited: "by Nocedal and Wright p59-60")
)
# What a name can open with: a capital, a hyphen ("-P."), or the first letter of a lower-case
# particle ("van", "de", "la", "ten"). The lookahead changes no match; it lets a search reject
# the other positions in one test instead of trying each form of a name there, which made the
# author-list search the costliest single step of the detector.
_NAME_FIRST = r"(?=[^\W\d_a-ce-km-suw-zß-ÿ]|-)"
# A word that opens a venue's line, not a name's last word: `Alexander Gray\n Conference: ...`
_VENUE_WORD = r"(?:Conference|Proceedings|Proc\.|Journal|Workshop|Symposium|Transactions|In)\b"
# A year that ends its line, after its meeting's name and comma.
_YEAR_ALONE = r"[ \t]*(?:1[6-9]|20)\d\d[ \t.]*(?:\n|$)"
# What the next line opens with when a name does not wrap onto it.
_NOT_WRAPPED = rf"(?!\s*(?:{_SURNAME},{_YEAR_ALONE}|[A-Z]{{2,}}\b|{_VENUE_WORD}))"
_NAME = (
    rf"(?:{_NAME_FIRST}"
    # J. M. Mellor-Crummey, Paul H. J. Kelly, J. Nathan Kutz
    rf"(?:(?:{_GIVEN}\s+)?{_INITIALS}\s*(?:{_GIVEN}[ \t]+(?={_SURNAME}{_END}))?{_SURNAME}"
    # (such a name, with initials, may end where `in` opens the venue or book it was written
    # in, `Charles B. Dunham in Surveyor's Forum: "Title"`; a bare word may not, `Hale,
    # Advances in ...`)
    rf"(?:{_END}|(?=[ \t]+in[ \t]+{_UP}))"
    # a name written surname first, its given name after the initial, in a list that
    # semicolons separate: Cai, T. Tony;
    rf"|(?:{_SURNAME},\s*{_INITIALS}\s*{_GIVEN}(?=\s*;)"
    rf"|{_SURNAME},\s*(?:{_INITIALS}|{_GIVEN}(?:\s+{_INITIALS})?)"  # Kinderman, A.J.; Navarro, G
    # Skavberg Roaldsen, K.; Coello Coello, C.A. (not "Genyuan Li, H. Rabitz": initials that
    # end the name, before a separator or a year)
    rf"|{_SURNAME}[ \t]+{_SURNAME},\s*{_INITIALS}"
    r"(?=\.?\s*(?:[,;&(]|and\b|(?:1[6-9]|20)\d\d\b|$))"
    rf"|{_SURNAME}\s+{_INITIALS}"  # CROCHEMORE M.
    # (a name of three words wraps at a line's end, `Renato Paes\n Leme. 2017`, but not onto a
    # line of a meeting and its year alone, `Luigi Conti\n GeoMeet, 2011`, nor an acronym's,
    # `Josip Djolonga\n ICML 2020`, nor a venue's first word)
    # (a gap of spaces and tabs alone is the first branch's: the lookahead is tried only on a
    # gap that breaks the line, so that a failed name is not tried twice over the same spaces)
    rf"|{_GIVEN}\s+(?:{_GIVEN}(?:[ \t]+|[ \t]*[^\S \t]\s*{_NOT_WRAPPED}))?"
    rf"{_SURNAME}"  # Fabio Luporini, Henrik Wann Jensen
    rf"|{_SURNAME}){_END}))"  # Marsaglia
)
# A semicolon separates names after an initial ("Julier, Simon J.; Uhlmann, Jeffrey") or before
# a name written surname first ("Cai, T. Tony; DasGupta, Anirban"); after another word it ends a
# clause ("the API; Garcia and Holt (2016)").
_SEP = rf"(?:\s*(?:,|(?<=\.);|;(?=\s*{_SURNAME},\s*[A-Z]))\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)"
# (`et.al.` written without its space too)
_ETAL = r"(?:,?\s+et(?:\.\s*|\s+)al\.?)"
AUTHOR_LIST = re.compile(rf"{_NAME}(?:{_SEP}{_NAME})*{_ETAL}?")
# Where an author list can end: every match of `AUTHOR_LIST` ends where one of this pattern's
# does. A list ends with a name or with `et al`: a name's last part is a run of letters (and
# combining accents) holding a capital (a surname's last part opens with one after its particle,
# hyphen or apostrophe; so do a given name and an initial), which ends where the run ends (a
# name glued to letters after it is followed by no bracket, comma, blank or apostrophe, which
# `inline.AUTHOR_YEAR` wants after the names), perhaps with an initial's full stop or a soft
# sign's apostrophe; `et al` ends with `al`, perhaps with its full stop. Matched from that
# capital, the run possessive, a search tries each capital once, where the author-list pattern
# tries each form of a name there and gives the list back name by name.
LIST_END = rf"(?:{_UP}(?:{_LOW}|[\u0300-\u036f])*+|(?<!{_LOW})al)[.'’]?"
# A list of names that ends in an initial: names cut at the initial's full stop, read as a
# title before the last name ("Hewlett and Ann K" of `See Hewlett and Ann K. Blombach 1989`).
_ENDS_WITH_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.?$")


def names_cut_at_initial(title: str) -> bool:
    """Whether `title` is an author list cut after an initial, not a title."""
    title = " ".join(title.split()).strip(" ,")
    return (
        _ENDS_WITH_INITIAL.search(title) is not None
        and (" and " in title or "&" in title or "," in title)
        and AUTHOR_LIST.fullmatch(title) is not None
    )


NAME = re.compile(_NAME)
ETAL = re.compile(_ETAL)

# Capitalized words that start sentences or name things, never people; a list made only of them
# is not an author list.
NOT_NAMES = MONTHS | frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "see",
        "in",
        "on",
        "of",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "as",
        "at",
        "to",
        "is",
        "it",
        "its",
        "based",
        "note",
        "notes",
        "example",
        "examples",
        "reference",
        "ref",
        "refs",
        "citation",
        "references",
        "parameters",
        "returns",
        "return",
        "raises",
        "yields",
        "see",
        "also",
        "algorithm",
        "method",
        "methods",
        "paper",
        "article",
        # a correction's label, opening its entry as authors would (`Corrigendum: *Journal*,
        # Vol.: 23, No.: 3 (September 1991), page 413.`)
        "corrigendum",
        "erratum",
        "errata",
        "addendum",
        "section",
        "chapter",
        "table",
        "figure",
        "eq",
        "equation",
        "journal",
        "proc",
        "proceedings",
        "trans",
        "transactions",
        "conference",
        "vol",
        "volume",
        "no",
        "pp",
        "pages",
        "university",
        # an institution abbreviated (`Univ. of Tennessee, ... October 31, 1992`: a vendored
        # LAPACK routine's header)
        "univ",
        "dept",
        "ltd",
        "press",
        "department",
        "report",
        "thesis",
        "dissertation",
        "phd",
        "technical",
        "ed",
        "eds",
        "edition",
        "springer",
        "wiley",
        "todo",
        "fixme",
        "copyright",
        "license",
        "licensed",
        "version",
        "added",
        "changed",
        "deprecated",
        "new",
        "python",
        "numpy",
        "scipy",
        "java",
        "c",
        "we",
        "our",
        "you",
        "i",
        "if",
        "when",
        "where",
        "then",
        "else",
        "here",
        "there",
        "use",
        "used",
        "uses",
        "using",
        "implementation",
        "implements",
        "implemented",
        "adapted",
        "following",
        "follows",
        "originally",
        "original",
        "code",
        "source",
        "www",
        "http",
        "https",
        "doi",
        "isbn",
        "arxiv",
        "author",
        "authors",
        "date",
        "inc",
        "ltd",
        "ieee",
        "acm",
        "siam",
        "eurographics",  # a meeting's name after a quoted title: `"Title", Eurographics 2020`
        "ams",
        "math",
        "software",
        "practice",  # "Software: Practice & Experience, 2004", a journal's words
        "experience",
        "comm",
        "communications",
        "international",
        "int",  # "Int. Conf. on Robotics & Automation (ICRA). 2011."
        "domain",  # "placed in Public Domain, 2010": a licence, not a person
        "softw",  # "ACM Trans. Math. Softw. 35, 2, Article 12 (July 2008)"
        "lab",  # "Jack Dongarra, Argonne National Lab."
        "labs",
        "laboratory",
        "laboratories",
        "annual",
        "theory",
        "data",
        "computer",
        "computing",
        "mathematical",
        "statistics",
        "statistical",
        "applied",
        "physics",
        "review",
        # a body's documents named with their year: "IERS Conventions (2010)"
        "conventions",
        "guidelines",
        "recommendations",
        "regulations",
        "letters",
        "all",
        "rights",
        "reserved",
        "foundation",
        "however",
        "also",
        "after",
        "before",
        "since",
        "until",
        # a span of years: "Between 1997 and 2004 some surveys ..."
        "between",
        "during",
        "which",
        "what",
        "who",
        "why",
        "how",
        "given",
        "let",
        "let's",
        "suppose",
        "assume",
        "default",
        "defaults",
        # a parameter's advice, not a name: "Number of bins. Try 2000."
        "try",
        # a credit: "Authored 2016 by ..."
        "authored",
        "true",
        "false",
        "none",
        "null",
        "rfc",
        "iso",
        "pep",
        "ansi",
        "ecma",
        "w3c",
        # libraries and companies, never authors ("Boost.Math ... Updated 2015")
        "boost",
        "cephes",
        "lapack",
        "netlib",
        "matlab",
        "mathematica",
        "google",
        "amazon",
        "microsoft",
        "intel",
        "nvidia",
        # software foundations, vendors and consortia ("DataSketches 4.2 (Apache, 2023)")
        "apache",
        "oracle",
        "mozilla",
        "khronos",
        "unicode",
        "adobe",
        "gnu",
        "linux",
        "birkhauser",
        "birkhäuser",
        "elsevier",
        "kluwer",
        "crc",
        # words of journal names in other languages, never given names or surnames
        "mathematik",
        "numerische",
        "zeitschrift",
        "annalen",
        "physik",
        "acta",
        "revue",
        "rivista",
        "giornale",
        "archiv",
        "comptes",
        "rendus",
        # words of book and paper titles that a "Given Surname" pattern reads as a name
        # ("Numerical Optimization", "Computer Programming") when a title follows the authors
        "numerical",
        "programming",
        "optimization",
        "optimisation",
        "analysis",
        "introduction",
        "handbook",
        "elements",
        "principles",
        "foundations",
        "linear",
        "nonlinear",
        "matrix",
        "matrices",
        "algorithms",
        "probability",
        "learning",
        "models",
        "systems",
        "networks",
        "functions",
        "equations",
        "geometry",
        "algebra",
        "calculus",
        "continuation",
        "computation",
        "computations",
        "estimation",
        "inference",
        "regression",
        "sampling",
        "methods",
        "second",
        "third",
        "edition",
        # adverbs and conjunctions that open a sentence ("Currently (May 2017) this block ...",
        # "Although ... 2011")
        "although",
        "though",
        "because",
        "whereas",
        "unless",
        "thus",
        "hence",
        "therefore",
        "moreover",
        "furthermore",
        "currently",
        "recently",
        "previously",
        "initially",
        "finally",
        "usually",
        "typically",
        "generally",
        "today",
        "now",
        "otherwise",
        "instead",
        "meanwhile",
        "nevertheless",
        "nonetheless",
        "additionally",
        "alternatively",
        "similarly",
        "consequently",
        "specifically",
        "notably",
        "unfortunately",
        "fortunately",
        "essentially",
        "actually",
        "obviously",
        "clearly",
        # the parts of a work a text points into: "Thm. 3 in Runge NeurIPS 2021"
        "thm",
        "theorem",
        "lemma",
        "prop",
        "proposition",
        "corollary",
        "def",
        "definition",
        "eqs",
        "eqn",
        "eqns",
        "fig",
        "figs",
        "sec",
        "secs",
        "appendix",
        "remark",
        "exercise",
        "prob",
        "problem",
    ]
)


_INITIAL_WORD = re.compile(r"[^\W\d_a-z]\.,?")


# A line of authors by their initials and surnames, and nothing else: `T. Dey, H. Edelsbrunner,`
# under a title, above its venue.
_INITIALS_NAME = r"(?:[A-Z]\.[ \t]?){1,3}[A-Z][a-z'’-]+"
INITIALS_LINE = (
    rf"{_INITIALS_NAME}(?:,[ \t]*{_INITIALS_NAME})*"
    rf"(?:,?[ \t]+(?:and|&)[ \t]+{_INITIALS_NAME})?[ \t]*,?[ \t]*(?=\n)"
)
# A line that opens with two or more authors by their given names and surnames, separated by
# commas, under a title: `Daniele Marchetti, Enrico Bassi, Luigi Conti` (then the line's end,
# or the venue or year after a comma: `..., ACM Transactions on Graphics 2017`).
# (a publisher's name reads as one: `Introductory Topics, Academic Press, New York, USA`)
_FULL_NAME = (
    r"(?![A-Z][a-z]+[ \t]+(?:Press|Publishers?|Publishing|Verlag)\b)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][a-z'’-]+"
)
FULL_NAMES_LINE = (
    rf"{_FULL_NAME}(?:,[ \t]*{_FULL_NAME})*"
    rf"(?:,?[ \t]+(?:and|&)[ \t]+{_FULL_NAME}|,[ \t]*{_FULL_NAME})"
    r"[ \t]*[,.]?[ \t]*"
    r"(?=\n|$|(?<=,)[ \t]*(?:[A-Z]{2,}\b|In\b|Proc|(?:1[6-9]|20)\d\d\b))"
)
# An author's name on a line of their own, or followed by their affiliation.
NAME_LINE = (
    r"(?P<name>(?P<first>[A-Z][a-z]+)[ \t]+(?:(?:[A-Z]\.[ \t]*){1,2}(?P<surname>[A-Z][a-z'’-]+)"
    r"[ \t]*(?=\n|$)|(?:[A-Z]\.[ \t]*){0,2}(?P<surname2>[A-Z][a-z'’-]+),[ \t]*(?:[A-Z][\w.&-]*"
    r"[ \t]+){0,3}(?:University|Department|Institute|Laboratory|College|School|Inc\.)\b"
    r"(?![ \t]+Press)))"  # (not a series and its publisher: "Numerical Analysis, Oxford
    # University Press")
)


# A lower-case word and a hyphen right before a capitalized word: the rest of a compound
# (`semi-Empirical 2021`, `the p-Value, as described in`), never a name's start.
_GLUED_BEFORE = re.compile(r"(?<![\w-])[a-z]+-$")


def glued_to_word(text: str, at: int) -> bool:
    """Whether the word at `at` of `text` is glued by a hyphen to a lower-case word before it."""
    return _GLUED_BEFORE.search(text, max(0, at - 12), at) is not None


@lru_cache(maxsize=1024)
def opens_with_non_name(text: str) -> bool:
    """Whether the first word of `text` is a word that is never a name ("The", "See"); an
    initial is a name's ("C. M. Yeh", "I. Reda", "A. Dachraoui", "A Andreev, G Cattan"),
    though "c", "i" and "a" alone are words."""
    words = text.split()
    if not words or _INITIAL_WORD.fullmatch(words[0]) or _BARE_INITIALS.match(text):
        return False
    if _INVERTED_WITH_INITIALS.match(text):
        return False  # "Press, W. H., Teukolsky, S. A.": a surname, whatever else the word is
    return words[0].strip(",.").lower() in NOT_NAMES


_INVERTED_WITH_INITIALS = re.compile(r"[A-Z][a-z]+,[ \t]*(?:[A-Z]\.[ \t]*){1,3}(?:,|and\b|&)")
# Initials without full stops, two names in a row: "A Andreev, G Cattan, M Congedo".
_BARE_INITIALS = re.compile(r"[A-Z]{1,3} [A-Z][\w'’-]+,\s*[A-Z]{1,3} [A-Z][\w'’-]+")


@lru_cache(maxsize=1024)
def split_authors(text: str, same_style: bool = True) -> tuple[str, ...]:
    """The names in an author list, in order, without "and", "&" or "et al.".

    "Surname, Initials" pairs stay together; a bare "et al." is dropped. `same_style`: a list
    that opens with an initial ends at the first name without one (`_same_style`); a list known
    to hold names only (it fills its line) keeps them all. Cached: an entry's author list is
    split by each reader that reads the entry (its author-first, title-first and author-year
    readings, the tagger's combination, tidying and vetting), two thirds of the calls on
    scipy's blocks repeating a list already split.
    """
    text = ETAL.sub("", text)
    if _ONE_INVERTED.fullmatch(text.strip(" ,.")):
        return (" ".join(text.strip(" ,.").split()),)  # "Welch, Bernard Lewis": one person
    if ";" in text and (listed := _semicolon_listed(text)):
        return listed
    names: list[str] = []
    opened = 0  # where the last name kept starts in `text`
    for match in NAME.finditer(text):
        name = _ACRONYM_AFTER.sub("", " ".join(match.group().split()))
        if (venue := _VENUE_AS_GIVEN.fullmatch(name)) is not None and _venue_acronym(venue["tag"]):
            name = venue["surname"]  # "Hensman, Fusi and Lawrence, UAI 2013": UAI is no given name
        if names and _PARTICLES_ONLY.fullmatch(name):
            # "Maaten, L. Van Der" and "Durme, B. Van": the surname's particles written after
            # the initials belong to that name, not to another author.
            names[-1] = " ".join(text[opened : match.end()].split())
        elif name.lower() not in NOT_NAMES:
            names.append(name)
            opened = match.start()
    return _surnames_apart(_same_style(names) if same_style else names)


# One "Surname, Given" name of a list that semicolons separate, its given names written out or
# as initials, its surname of one word or two: "Cai, T. Tony", "Tarjan, Robert Endre", "Le
# Borgne, Yann-Ael".
_INVERTED_NAME = re.compile(
    rf"(?:{_SURNAME}\s+)?{_SURNAME},\s*(?:{_GIVEN}|{_INITIALS})(?:\s+(?:{_GIVEN}|{_INITIALS}))*\.?"
)
_AND_FIRST = re.compile(r"(?:and|&)\s+")


def _semicolon_listed(text: str) -> tuple[str, ...]:
    """The names of "Lengauer, Thomas; Tarjan, Robert Endre": each piece between semicolons is
    one person, whatever its given names look like; () when any piece is not such a name."""
    pieces = [_AND_FIRST.sub("", piece.strip(" ,"), count=1) for piece in text.split(";")]
    names = tuple(" ".join(piece.split()) for piece in pieces if piece)
    if len(names) < 2 or not all(_INVERTED_NAME.fullmatch(name) for name in names):
        return ()
    return names


_PARTICLES_ONLY = re.compile(
    r"(?i:van|von|vom|der|den|de|del|della|da|di|du|dos|la|le|ten|ter)"
    r"(?:\s+(?i:van|von|vom|der|den|de|del|della|da|di|du|dos|la|le|ten|ter))*"
)


_WITH_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{1,3}(?:\.|(?![^\W\d_]))")


def _same_style(names: list[str]) -> list[str]:
    """`names` up to the first without an initial, when the first has one: a list that
    writes "K. Zhao, A. Wiliem, and B. C. Lovell" goes on in that style, and "Image", "Vision
    Computing" or "Linear Algebra" after it are the venue's words, read as names."""
    if not names or not _WITH_INITIAL.match(names[0]):
        return names
    for at, name in enumerate(names):
        if not _WITH_INITIAL.search(name):
            return names[:at]
    return names


# A venue's acronym after the last name's full stop, read as that name's surname with the
# name as its initials ("C. Tang, W Li. ICCV 2015", "H. Li. IEEE ISCSLP").
_ACRONYM_AFTER = re.compile(r"(?<=[^\W\d_]{2})\.\s+[A-Z]{2,}(?:\s+[A-Z]{2,})*$")
# A meeting's or journal's acronym after the last surname and its comma, read as a given name
# written in capitals: `Lawrence, UAI 2013`, `E C Wong, ISMRM 2012`.
_VENUE_AS_GIVEN = re.compile(
    r"(?P<surname>[^\W\d_][\w'’-]*[^\W\d_A-Z][\w'’-]*),\s*(?P<tag>[A-Z]{2,})"
)


def _venue_acronym(word: str) -> bool:
    """Whether a capitalized word after a surname's comma is a venue's acronym, not initials
    written without their stops (`Lind, ND`): a known meeting's, or longer than initials are."""
    return word in MEETINGS or len(word) > 3


# One author written surname first with two given names: "Welch, Bernard Lewis".
_ONE_INVERTED = re.compile(rf"{_SURNAME},\s*{_GIVEN}\s+{_GIVEN}")
_WORD_PAIR = re.compile(rf"({_SURNAME}),\s*({_GIVEN})")


def _surnames_apart(names: list[str]) -> tuple[str, ...]:
    """`names` with a "Surname, Given" pair read from a list of bare surnames taken apart:
    in "Deb, Pratab, Agarwal, and Meyarivan" every other name is one word, so "Pratab" is
    the second author, not Deb's given name ("Kinderman, Albert and Monahan, John" and
    "Durbin, James, and Siem Jan Koopman" keep theirs)."""
    pairs = [_WORD_PAIR.fullmatch(name) for name in names]
    bare = [name for name, pair in zip(names, pairs, strict=True) if pair is None]
    if not any(pairs) or not bare or any(" " in name or "." in name for name in bare):
        return tuple(names)
    out: list[str] = []
    for name, pair in zip(names, pairs, strict=True):
        out.extend(pair.groups() if pair is not None else (name,))
    return tuple(out)


def plausible_authors(text: str) -> bool:
    """Whether an author-list match holds at least one word that can be a person's name."""
    words = re.findall(rf"{_LOW}[\w'’-]*", ETAL.sub("", text))
    real = [w for w in words if w.lower() not in NOT_NAMES and w not in ("and",)]
    return bool(real) and all(w.lower() not in NOT_NAMES for w in words[:1])


def list_start(text: str, start: int, limit: int) -> int:
    """Where a list that opens with a "name" spanning a line break really starts: the last
    word of a title line is not a given name ("Generalized Cores / Vladimir Batagelj")."""
    first = NAME.match(text, start, limit)
    if first is None or "\n" not in first.group():
        return start
    after = text.rindex("\n", start, first.end()) + 1
    after += len(text[after : first.end()]) - len(text[after : first.end()].lstrip())
    return after if NAME.match(text, after, limit) else start
