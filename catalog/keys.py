"""Every key a work is known by: identifier keys, title and author-year keys, lookup keys.

A key is `<kind>:<value>` (`PaperRef.key`). Identifier values are canonical by construction
(`catalog.ids`); the values of works named without an identifier are made here, by one title
normalizer and one surname reader, so the scanner, the catalog and the bibliography lock give
one work one key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from catalog.ids import ARXIV_DOI_PREFIX
from catalog.types import PaperRef, RefKind

# Identifier kinds a paper's `ids` may hold that are also reference kinds (keys of mentions).
IDENTIFIER_KINDS: tuple[str, ...] = ("arxiv", "doi", "url", "isbn")

# TeX accent commands (`\"o`, `\'{e}`, `\c c`) keep their letter; other commands (`\emph`,
# `\textbf`) are dropped with their braces, their argument kept.
_TEX_ACCENT = re.compile(r"""\\[`'^"~=.uvHcdbk]\s*\{?\s*([A-Za-z])\}?""")
_TEX = re.compile(r"\\[a-zA-Z]+\s*|[{}$]")
# An apostrophe joins a word: "Gödel's" and "Gödel’s" are "godels", not "godel s".
_APOSTROPHE = re.compile(r"['\u2019\u02bc`]")
_WORD = re.compile(r"[^\W_]+")


def normalize_title(text: str) -> str:
    """A title's words, lowercase, accents folded, TeX markup and punctuation dropped,
    apostrophes joined, single-spaced: `The \\emph{Adam} optimizer` -> `the adam optimizer`,
    `Gödel's Theorem` -> `godels theorem`. Letters without an ASCII form (Greek, CJK) stay."""
    text = _TEX.sub(" ", _TEX_ACCENT.sub(r"\1", text))
    folded = _APOSTROPHE.sub("", text).casefold()
    if not folded.isascii():  # ASCII has no compatibility forms and no combining marks
        # a dotless `ı` is how an `í` often comes out of a PDF (`Petr Vilım` for `Vilím`);
        # no decomposition folds it
        folded = folded.replace("\u0131", "i")
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(folded))


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ET_AL = re.compile(r"(?i)\s+et\.?\s*al\.?$")


def surname(author: str) -> str:
    """The family name as written: before the comma of `Family, Given`, else the last word of
    `Given Family` (a `Jr.` suffix or a trailing `et al.` skipped)."""
    author = _ET_AL.sub("", author.strip())
    if "," in author:
        return author.split(",")[0].strip()
    words = [w for w in author.split() if w.lower().rstrip(".") not in _NAME_SUFFIXES]
    if len(words) >= 2 and _INITIALS.fullmatch(words[-1]) and not _INITIALS.fullmatch(words[0]):
        # `Grippo L`, `Van der Merwe R`, `CROCHEMORE M.`: the family name, then the initials
        first_initial = next(i for i, w in enumerate(words) if _INITIALS.fullmatch(w))
        return " ".join(words[:first_initial])
    return words[-1] if words else ""


_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}|(?:[A-Z]\.-?){1,3}")


@lru_cache(maxsize=4096)  # a block's readers ask for the same authors' names again and again
def family_name(author: str) -> str:
    """The word an author is matched and keyed by: the last word of the normalized surname
    (`van der Zander, Benito` -> `zander`); empty for an initial or a bare `et al`."""
    words = [w for w in normalize_title(surname(author)).split() if w not in _NAME_SUFFIXES]
    family = words[-1] if words else ""
    return family if len(family) > 1 and family not in {"al", "et"} else ""


def title_ref(title: str) -> PaperRef | None:
    """The key of a work named by its title; None when the title has no words."""
    value = normalize_title(title)
    return PaperRef(RefKind.TITLE, value) if value else None


def author_year_ref(authors: Sequence[str], year: int | None, letter: str = "") -> PaperRef | None:
    """The key of a work named by its first three authors and its year
    (`author-year:kingma-ba-2015`, `-nd` without a year), and the letter written after the
    year when there is one (`author-year:spall-1998b`); None without a family name."""
    names = [n for n in (family_name(a) for a in authors[:3]) if n]
    if not names:
        return None
    return PaperRef(RefKind.AUTHOR_YEAR, "-".join(names) + f"-{year or 'nd'}{letter}")


# The letter after a year that tells one author's works of that year apart, in a mention
# (`Spall (1998a)`, `Spall (1998b)`) or a citation key, where the year follows the name
# (`Varoquaux2010c`, `Varoquaux2010d`); not the `s` of a decade (`1990s`).
YEAR_LETTER = re.compile(r"(?<!\d)(?P<year>(?:1[5-9]|20)\d\d)(?P<letter>[a-rt-z])\b")


def year_letter(raw: str, year: int | None) -> str:
    """The letter written right after `year` in `raw`, else ""."""
    if year is None:
        return ""
    return next((m["letter"] for m in YEAR_LETTER.finditer(raw) if int(m["year"]) == year), "")


def book_ref(title: str | None, authors: Sequence[str], year: int | None, raw: str) -> PaperRef:
    """The key of a book or reference work named without an identifier: `book:` and its
    title's words (`book:numerical recipes`), else its authors and year
    (`book:knuth-1997`), else the words of the citation `raw` itself."""
    named = named_ref(title, authors, year, raw)
    return PaperRef(RefKind.BOOK, named.value.removeprefix("text:"))


def text_ref(raw: str) -> PaperRef:
    """The key of a citation read with neither title nor authors: its words (a cite label)."""
    return PaperRef(RefKind.AUTHOR_YEAR, "text:" + " ".join(_WORD.findall(raw.lower()))[:120])


def named_ref(title: str | None, authors: Sequence[str], year: int | None, raw: str) -> PaperRef:
    """The key of a work named without an identifier: its title key, else its authors-and-year
    key, else the words of the citation `raw` itself."""
    ref = title_ref(title) if title else None
    if ref is None and authors:
        ref = author_year_ref(authors, year, year_letter(raw, year))
    return ref or text_ref(raw)


def lookup_key(title: str | None, authors: Sequence[str], year: int | None) -> str:
    """The key a title search's answer is cached under: what was asked, not who asked it."""
    names = ",".join(normalize_title(a) for a in authors)
    return f"q:{normalize_title(title or '')}|{names}|{year or ''}"


def id_key(kind: str, value: str) -> str:
    """The key of one identifier in a paper's `ids` (`doi`, `arxiv`, `openalex`, ...); the
    same as `PaperRef(kind, value).key` for the reference kinds."""
    return f"{kind}:{value}"


def id_keys(ids: Mapping[str, str], kinds: Iterable[str] | None = None) -> list[str]:
    """The keys of a paper's identifiers (only `kinds` when given), in the order of `ids`."""
    wanted = None if kinds is None else frozenset(kinds)
    return [id_key(k, v) for k, v in ids.items() if wanted is None or k in wanted]


def primary_key(ids: Mapping[str, str]) -> str:
    """The key of a record built from `ids`: its DOI, else arXiv id, URL, ISBN, else any id."""
    for kind in ("doi", "arxiv", "url", "isbn"):
        if kind in ids:
            return id_key(kind, ids[kind])
    kind, value = next(iter(sorted(ids.items())))
    return id_key(kind, value)


def aliases(key: str, ids: Mapping[str, str]) -> list[str]:
    """Every key a stored paper is reached by: its ids, the DOI arXiv derives from its arXiv
    id (`10.48550/arxiv.<id>`), and its own key."""
    keys = id_keys(ids)
    if "arxiv" in ids:
        keys.append(id_key("doi", ARXIV_DOI_PREFIX + ids["arxiv"].lower()))
    keys.append(key)
    return list(dict.fromkeys(keys))
