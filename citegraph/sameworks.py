"""One work, one card: papers of a report that are one work named in different places.

A place names a work once (`scanner.places`), but two places may name it differently: one
module's reference section gives "Numerical Optimization" with its DOI, another's gives the
title alone. Resolved online, both come back as the DOI's paper; offline (the hook, a CI step
without network) they would be two cards. A paper known only by its title, book title or
authors joins the one paper of the report that a stronger identifier names under the same
title, when their years and first authors do not disagree; so does a link to a copy of the
paper (a citeseer page, a PDF on the authors' site) that a DOI or arXiv id names elsewhere; two
links of one title that no identifier names (a publisher's page and the authors' PDF, two
chapters of a book online) are one card, the link listed first. An arXiv preprint, or a
preprint server's DOI (bioRxiv's `10.1101/...`), joins the one journal's DOI of its title,
first author and year or the next (its journal version: online, a metadata service that links
them makes them one record); an ADS record of an arXiv e-print (`2019arXiv191006306S`) is the
e-print's card. Otherwise two papers that each have a DOI or arXiv id stay apart (two DOIs of
one title: a conference and a journal version, a remark on an algorithm that quotes its title,
an archive's DOI beside the journal's, whose reading may be a neighbouring entry's), as does a
title that two stronger papers share (which one it means cannot be told). A book's editions and
printings are one work: two years do not part two citations of a book by the same first author
("Numerical Optimization", 1999 and 2006), nor does a subtitle, a series, an imprint or the
language of an edition after its main title ("Numerical Recipes in C: The Art of Scientific
Computing, 2nd ed."); its volumes and parts are other books. The links to sections of one
reference work online (`catalog.works`: an equation of the DLMF) are one card, the work's. A
title misspelt in one place ("Introduction to Geostatistcs") is the same work as the title
spelt right in another, when the two differ only by a typing slip in one or two long words, a
word broken in two ("met rics") or a program's name in front ("LSQR: An algorithm for ...") and
their years and first authors do not disagree; so is a title with one word inside it left out
("Expansions of a Cornish-Fisher Type", "... of Cornish-Fisher Type"), when both give the same
year and first author. A title cut short where a line ended ("Time-Efficient Algorithms for Two
Highly") or run on into the next word of its entry ("... for Very Large Databases Proc") is the
work of the longer title it begins, when the two are each other's only such partner, give first
authors that agree and the same year (or the same list of authors), and the words after it name
no part or other document; books are left to their own rule ("Tidal Basins and the Shelf" is
another book). First authors disagree only when neither is among the other's authors (a list
read in another order, a name read as two). A work cited by its authors and year alone ("see
[Pearl 2001]" in a method) is the one titled or identified work of the report by those authors
that year (the entry in its class's reference section), when there is exactly one; an arXiv
e-print whose entry gives no year is of the year its identifier dates it to. Names may be spelt
two ways: under one long title a first author a letter apart is one person ("Orabana",
"Orabona"), and a mention by authors and year joins one spelt with an umlaut written out
("Mueller", "Müller") or with one name of a list of two or more mistyped; one name alone a
letter apart may be another person's. An ADS record of a journal article is the identified
work whose reading gives its bibcode's year, volume and first page, and a link to a book online
the one ISBN of its title.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from catalog import (
    ADS_RECORD,
    arxiv_year,
    family_name,
    normalize_title,
    reference_work_keyed,
    reference_work_of,
    year_letter,
)
from citegraph.report import PaperEntry
from scanner import arxiv_alias

# The order in which a key names its work, strongest first (the issue's: arXiv > DOI > URL >
# ISBN > book > title > author-year). A resolved paper keyed otherwise (`openalex:...`) is an
# identified work too.
_STRENGTH = {
    "arxiv": 0,
    "doi": 1,
    "url": 2,
    "isbn": 3,
    "book": 5,
    "title": 6,
    "author-year": 7,
}
_OTHER_IDENTIFIER = 4
_NAMED_ONLY = 5  # this strength and weaker: a key made from the words a citation wrote

# A title this short ("Numerical Analysis", "Lecture Notes") names many works: two citations
# of it are one work only when both give the year and the first author, and these agree.
_FEW_TITLE_WORDS = 2
# A link's title hint is read from the words around it: a copy joins its identified paper by
# a title of four words or more, or a shorter one with year and first author on both sides.
_FEW_COPY_TITLE_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Work:
    key: str
    strength: int
    year: int | None
    first_author: frozenset[str]  # the words of the first author's name, initials left out
    names: tuple[str, ...] = ()  # every author's family name, in order
    book: bool = False  # a book: its editions and printings are one work
    preprint: bool = False  # a preprint: its journal version may be a year later


# A DOI a publisher made from a book's ISBN (`10.1007/978-0-387-40065-5`, `10.1002/9780470316771`)
_BOOK_DOI = re.compile(r"97[89]-?(?:\d-?){10}")
# The DOIs of preprint servers: a preprint, like an arXiv e-print, whose journal version has a
# DOI of its own (the same work: one card, the journal's).
_PREPRINT_DOIS = (
    "10.1101/",  # bioRxiv, medRxiv
    "10.2139/ssrn.",  # SSRN
    "10.21203/rs.",  # Research Square
    "10.20944/preprints",  # Preprints.org
    "10.31219/osf.io/",  # OSF Preprints
    "10.31234/osf.io/",  # PsyArXiv
    "10.31235/osf.io/",  # SocArXiv
    "10.36227/techrxiv.",  # TechRxiv
    "10.26434/chemrxiv",  # ChemRxiv
    "10.22541/au.",  # Authorea
)


def same_work_targets(
    papers: Iterable[PaperEntry],
    locators: Mapping[str, tuple[str | None, str | None]] = {},
    cited: Mapping[str, int] = {},
    lettered: Mapping[str, frozenset[str]] = {},
    folded: Mapping[str, frozenset[str]] = {},
) -> dict[str, str]:
    """The key each paper known only by its words joins (`title:...` -> `doi:...`); papers
    that join nothing are absent. A chain (title -> book -> DOI) ends at its strongest key.
    `locators`: the volume and pages each card's reading gives, where it gives them; `cited`:
    how many citations each card holds (of two spellings of one name, the card is keyed by
    the one more citations write); `lettered`: the letters each card's citations write after
    its year (`written_letters`); `folded`: the other identifiers each card's citations give
    beside its own in one place (an entry's DOI beside its arXiv id)."""
    papers = list(papers)
    targets: dict[str, str] = {}
    keys = {paper.key for paper in papers}
    for paper in papers:
        section_of = reference_work_of(paper.key[4:]) if paper.key.startswith("url:") else None
        if section_of is not None and section_of.key != paper.key:
            targets[paper.key] = section_of.key
        # an ADS record of an arXiv e-print (bibcode `2019arXiv191006306S`) is the e-print
        e_print = arxiv_alias(paper.key)
        if e_print in keys:
            targets[paper.key] = e_print
    _join_folded(keys, folded, targets)
    by_title: dict[str, list[_Work]] = defaultdict(list)
    written: dict[str, set[str]] = defaultdict(set)  # each title key's titles as written
    for paper in papers:
        key = targets.get(paper.key, paper.key)
        online = reference_work_keyed(key)
        # a reference work's sections stand for the work, under its own title only: a
        # section's hint read from a neighbouring entry must not pull that entry's book in
        titles = (
            {_title_key(online.title)}
            if online
            else {
                _title_key(paper.title),
                _title_key(paper.title_hint),
            }
        )
        for title in titles - {""}:
            by_title[title].append(_work_of(paper, key))
        for text in (paper.title, paper.title_hint):
            if text and not online:
                written[_title_key(text)].add(text)
    order = {paper.key: index for index, paper in reversed(list(enumerate(papers)))}
    # identified works first: a title then joins the card its identified works make
    for named in (False, True):
        for title, works in by_title.items():
            few = title.count(" ") < _FEW_COPY_TITLE_WORDS
            for work in works:
                if work.key in targets or (work.strength >= _NAMED_ONLY) != named:
                    continue
                if named:
                    target = _stronger_one(
                        work, works, title.count(" ") < _FEW_TITLE_WORDS, targets, spelt=not few
                    )
                elif work.preprint and not few:
                    # a preprint cited in one place, its journal version's DOI in another: one
                    # work, as a metadata service that links them makes it online
                    target = _published_one(work, works)
                elif work.strength == _STRENGTH["url"]:
                    # a copy of the paper (a citeseer page, the authors' PDF) cited in one
                    # place, its DOI or arXiv id in another: one work, when the title says
                    # enough; two copies of a work no identifier names are one work too
                    target = (
                        _stronger_one(work, works, few, targets, spelt=not few)
                        or _book_copy(work, works, few)
                        or _earlier_copy(work, works, few, order)
                    )
                else:
                    continue
                if target is not None:
                    targets[work.key] = target
    _join_misspelt(by_title, targets)
    _join_cut_titles(by_title, targets)
    _join_book_titles(by_title, written, targets)
    _join_ads_records(papers, locators, targets)
    _join_author_year(papers, targets, cited, lettered)
    _join_short_names(papers, targets)
    return {key: _final(key, targets) for key in targets}


def _join_folded(
    keys: set[str], folded: Mapping[str, frozenset[str]], targets: dict[str, str]
) -> None:
    """Join a preprint's card to the card of the DOI that one place gives beside its arXiv
    id (an entry's `doi` beside its `eprint`, a journal's link beside the preprint's): ppxf's
    README entry names its paper by both, an example links the DOI alone. The card is the
    journal's, as for a preprint and its DOI of one title; a DOI two cards' places give
    joins neither."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, others in folded.items():
        for other in others:
            if other in keys and other != key and key not in targets:
                owners[other].add(key)
    for other, cards in owners.items():
        if len(cards) == 1:
            targets[cards.pop()] = other


# The words after a book's main title that name one of its volumes or parts, another book
# ("Continuous Univariate Distributions, Volume 2"), rather than a subtitle or a series.
_VOLUME_WORD = re.compile(r"[ivx]+|\d|vol|volumes?|parts?|book|tome")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
_EDITION = re.compile(
    r"(?: (?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|revised|new))? (?:ed|edn|edition)$"
)
# The language of a book's edition ("Numerical Recipes in C", "... in Fortran 77").
_LANGUAGE = re.compile(r" in (?:c|fortran|pascal|python|java|basic|matlab|julia)(?: \d+)?$")
# Where a book's main title ends and its subtitle, series, edition or imprint begins.
_STOP = re.compile(r"[:.,;(\u2013\u2014]| - ")


def _join_book_titles(
    by_title: dict[str, list[_Work]], written: dict[str, set[str]], targets: dict[str, str]
) -> None:
    """Join each named-only work to the book of the same main title by the same first author:
    the title before a subtitle, a series, an edition or an imprint, an article or an
    edition's language apart ("Numerical Recipes", "Numerical Recipes in C, 2nd ed." and
    "Numerical Recipes: The Art of Scientific Computing" are one book), when one of the two is
    a book and both give their first author. The card is the stronger, between equals the
    shorter title. Two subtitles say two books ("Nonparametric Econometrics: Theory and
    Practice" and "...: A Primer"), and so do a volume or a part ("..., Volume 2", "... II:
    Stiff Problems") and a longer title without a stop ("Tidal Basins and the Shelf")."""
    by_main: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for title in by_title:
        for main, subtitle in _forms(title, written.get(title, set())):
            by_main[main].append((title, subtitle))
    partners: dict[str, set[str]] = defaultdict(set)
    for forms in by_main.values():
        for title, subtitle in forms:
            for other, theirs in forms:
                if other != title and (not subtitle or not theirs or subtitle == theirs):
                    partners[title].add(other)
    order = {title: index for index, title in enumerate(by_title)}

    def rank(title: str, work: _Work) -> tuple[int, int, int, str]:
        return (work.strength, title.count(" "), order[title], work.key)

    for title, others in partners.items():
        for work in by_title[title]:
            if work.key in targets or work.strength < _NAMED_ONLY or not work.first_author:
                continue
            better = [
                rank(other_title, other)
                for other_title in others
                for other in by_title[other_title]
                if rank(other_title, other) < rank(title, work)
                and other.key != work.key
                and (work.book or other.book)
                and other.first_author
                and _agree(work, other)
                and _final(other.key, targets) != work.key
            ]
            if better:
                targets[work.key] = min(better)[3]


def _forms(title: str, texts: set[str]) -> set[tuple[str, str]]:
    """A title's main titles, each with the subtitle written after it ("" for none): the
    whole title, and as written its words before the first stop; an article, a closing
    edition and an edition's language left out; none of one word."""
    forms = {(title, "")}
    for text in texts:
        parts = _STOP.split(_folded(text), maxsplit=1)
        if len(parts) < 2:
            continue
        head, rest = normalize_title(parts[0]), _EDITION.sub("", normalize_title(parts[1]))
        more = rest.split()
        if not (more and _VOLUME_WORD.fullmatch(more[0])):
            forms.add((head, rest))
    found = set()
    for main, subtitle in forms:
        main = _EDITION.sub("", _ARTICLE.sub("", main))
        found.add((main, subtitle))
        found.add((_LANGUAGE.sub("", main), subtitle))
    return {(main, subtitle) for main, subtitle in found if " " in main}


def _folded(text: str) -> str:
    """A title as written, lower-case, accents and apostrophes dropped, its punctuation kept:
    the words `normalize_title` reads, with the stops between them."""
    text = re.sub(r"['\u2019\u02bc`]", "", text).casefold()
    if text.isascii():  # ASCII has no compatibility forms and no combining marks
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _join_author_year(
    papers: list[PaperEntry],
    targets: dict[str, str],
    cited: Mapping[str, int],
    lettered: Mapping[str, frozenset[str]],
) -> None:
    """Join each work cited by its authors and year alone ("Pearl (2001)", "Frenzel and Pompe
    2007", a book "Trefethen (2000)") to the one titled or identified work of the report whose
    year is the same and whose authors open with the same family names, in order: a mention in
    one function of the entry a reference section gives in another. Failing one, a mention
    that names fewer authors ("Aki 1980") joins the one other mention of that year whose
    authors open with its own ("Aki and Richards 1980"). Two such works (a surname's two
    papers of a year) leave the mention as it is. Failing both, the names may be spelt
    otherwise (`_spelt_alike`: "Mueller" for "Müller", or one name of a list mistyped,
    "Grodon, Cartledge and Clayton"), and the same holds of the one work or mention so
    spelt; of two mentions so spelt, the one fewer citations write joins the other (five
    `Navarro, Frenk and White (1995)` and one `Navarry, ...`: the card is keyed `navarro`).
    The letter after a year tells a surname's works of that year apart (`Ross2012a` and
    `Ross2012b`; Better BibTeX's `pollFuel2021` and `pollFuel2021a`): a mention joins no
    mention written with another letter or none, nor a work whose citations write the year
    with letters other than its own (`Okafor 2020b <ADS link>`); where the mentions of a first
    author and year carry two letters, only a work written with the mention's letter tells
    which of them it is, and a mention without one joins no work."""
    by_first: dict[tuple[str, int], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    mentions: dict[tuple[str, int], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    # every work and mention of a year, by the spellings of its names
    spelt: dict[int, list[tuple[_Spellings, str, bool]]] = defaultdict(list)
    # the letters the mentions of each first author and year write after the year
    letters: dict[tuple[str, int], set[str]] = defaultdict(set)
    for paper in papers:
        key = targets.get(paper.key, paper.key)
        names = _family_names(paper.authors)
        # an e-print whose entry gives no year is of its identifier's year ("Salimans and
        # Kingma, 2016" below the entry of arXiv:1602.07868)
        year = paper.year if paper.year is not None else _e_print_year(paper.key)
        if year is None or not names:
            continue
        if _by_authors_only(paper) and key == paper.key:
            mentions[names[0], year].append((names, key))
            spelt[year].append((_spellings(paper.authors), key, False))
            letters[names[0], year].add(_year_letter(key))
        elif key_strength(key) < _STRENGTH["author-year"] and not _by_authors_only(paper):
            by_first[names[0], year].append((names, key))
            spelt[year].append((_spellings(paper.authors), key, True))
    for paper in papers:
        if paper.key in targets or paper.year is None or not _by_authors_only(paper):
            continue
        names = _family_names(paper.authors)
        if not names:
            continue
        letter = _year_letter(paper.key)
        ambiguous = len(letters[names[0], paper.year]) > 1

        def lettered_alike(key: str, letter: str = letter, ambiguous: bool = ambiguous) -> bool:
            return _letters_agree(letter, lettered.get(key, frozenset()), ambiguous)

        found = {
            _final(key, targets)
            for written, key in by_first.get((names[0], paper.year), ())
            if written[: len(names)] == names and lettered_alike(key)
        }
        if not found:
            found = {
                _final(key, targets)
                for written, key in mentions.get((names[0], paper.year), ())
                if len(written) > len(names)
                and written[: len(names)] == names
                and _year_letter(key) == letter
            }
        if not found:
            mine = _spellings(paper.authors)
            others = spelt.get(paper.year, ())
            found = {
                _final(key, targets)
                for theirs, key, work in others
                if work and _spelt_alike(mine, theirs) and lettered_alike(key)
            } or {
                _final(key, targets)
                for theirs, key, work in others
                if not work
                and key != paper.key
                and _year_letter(key) == letter
                and cited.get(key, 0) >= cited.get(paper.key, 0)
                and _spelt_alike(mine, theirs)
            }
        if len(found) == 1 and paper.key not in found:
            targets[paper.key] = found.pop()


# Each author's family name as written and, when written with an umlaut, as it is spelt
# without one (`Müller`: `muller` and `mueller`; `Mächler`: `machler` and `maechler`).
_Spellings = tuple[frozenset[str], ...]
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _spellings(authors: tuple[str, ...]) -> _Spellings:
    found = []
    for author in authors:
        names = {family_name(author), family_name(author.translate(_UMLAUTS))} - {""}
        if names:
            found.append(frozenset(names))
    return tuple(found)


def _spelt_alike(mine: _Spellings, theirs: _Spellings) -> bool:
    """Whether an author list names the first authors of another spelt otherwise: each name
    the same or one of them written without its umlaut ("Mueller et al. 2019", "Müller et al.
    2019"), or, in a list of two names or more, one name a typing slip of five letters or more
    apart ("Grodon, Cartledge and Clayton 2009" for Gordon's). One name alone a letter apart
    may be another person's ("Matthes 2017", "Matthews 2017")."""
    if not mine or len(theirs) < len(mine):
        return False
    slips = 0
    for one, other in zip(mine, theirs, strict=False):
        if one & other:
            continue
        if len(mine) < 2 or slips or not any(_misspelt(a, b) for a in one for b in other):
            return False
        slips += 1
    return True


def _misspelt(one: str, other: str) -> bool:
    """Whether two family names are one typing slip apart, both of five letters or more."""
    return min(len(one), len(other)) >= _SLIP_WORD_LETTERS and _slips(one, other, allowed=1)


# Where a title's short name ends: its main title before a subtitle ("Reverse Distillation: A New
# Training Strategy ..."), or the words whose initials make its acronym.
_SHORT_NAME_END = re.compile(r"[:\u2013\u2014]| - ")
_ACRONYM_WORDS = re.compile(r"[^\W\d_]+")
_MIN_ACRONYM = 3
_MIN_TITLE_WORDS = 4


def _join_short_names(papers: list[PaperEntry], targets: dict[str, str]) -> None:
    """Join each work named by its whole title to the one identified work of its first author
    and year that a link names by the title's short name: its main title before the subtitle
    (`[Reverse Distillation](arXiv link)` and "Reverse Distillation: A New Training Strategy
    for ...", Deng et al. 2022) or its acronym (`[STFPM](arXiv link)` and "Student-Teacher
    Feature Pyramid Matching for ...", Wang et al. 2021). Both must give the year and first
    author, and these agree; a short name two identified works of that author and year share
    joins neither."""
    named = [
        paper
        for paper in papers
        if key_strength(paper.key) >= _NAMED_ONLY
        and paper.key not in targets
        and paper.year is not None
        and paper.authors
        and len((paper.title or paper.title_hint or "").split()) >= _MIN_TITLE_WORDS
    ]
    if not named:
        return
    linked = [
        paper
        for paper in papers
        if key_strength(paper.key) < _NAMED_ONLY
        and paper.title is None
        and paper.title_hint
        and paper.year is not None
        and paper.authors
    ]
    joins: dict[str, str] = {}
    claimed: dict[str, set[str]] = defaultdict(set)  # each link's titles that name it so
    for paper in named:
        title = paper.title or paper.title_hint or ""
        work = _work_of(paper, paper.key)
        found = {
            _final(other.key, targets)
            for other in linked
            if other.year == paper.year
            and _names_short(title, other.title_hint or "")
            and _agree(work, _work_of(other, other.key))
            and not work.first_author.isdisjoint(_work_of(other, other.key).first_author)
        }
        if len(found) == 1 and paper.key not in found:
            joins[paper.key] = found.pop()
            claimed[joins[paper.key]].add(normalize_title(title))
    # a short name two titles begin ("Scientific Collaboration Networks: I. ..." and "...: II.
    # ...") names a series, not one of its works
    for key, link in joins.items():
        if len(claimed[link]) == 1:
            targets[key] = link


def _names_short(title: str, name: str) -> bool:
    """Whether `name` is `title`'s main title before its subtitle, or its acronym (the
    initials of its first words, a hyphenated word's parts each a word)."""
    head = _SHORT_NAME_END.split(title, maxsplit=1)
    if len(head) == 2 and normalize_title(head[0]) == normalize_title(name):
        # a subtitle that names a part ("...: II. Shortest Paths") leaves the main title the
        # series' name
        subtitle = normalize_title(head[1]).split()
        return bool(normalize_title(name)) and not (
            subtitle and _VOLUME_WORD.fullmatch(subtitle[0])
        )
    if len(name) < _MIN_ACRONYM or not name.isalpha() or not name.isupper():
        return False
    initials = "".join(word[0] for word in _ACRONYM_WORDS.findall(title)).upper()
    return initials.startswith(name)


_DIGITS = re.compile(r"\d+")


def _join_ads_records(
    papers: list[PaperEntry],
    locators: Mapping[str, tuple[str | None, str | None]],
    targets: dict[str, str],
) -> None:
    """Join each ADS record of a journal article to the one identified work (an arXiv id, a
    DOI) whose reading gives the record's year, volume and first page, and a first author of
    its initial: a README's `Cappellari (2008) <.../abs/2008MNRAS.390...71C>` and the BibTeX
    entry below it (`eprint = {0806.0042}`, `volume = 390`, `pages = {71-86}`) are one paper.
    A bibcode gives no title; without the volume and page, an e-print of the same author and
    year stays apart (two papers of a year are common in a field that writes bibcodes)."""
    records = [(paper, code) for paper in papers if (code := ADS_RECORD.fullmatch(paper.key))]
    if not records:
        return
    identified = [
        paper
        for paper in papers
        if key_strength(paper.key) < _STRENGTH["url"] and paper.key in locators and paper.authors
    ]
    for record, bibcode in records:
        if record.key in targets:
            continue
        works = {
            _final(paper.key, targets)
            for paper in identified
            if paper.year == int(bibcode["year"])
            and _located(locators[paper.key], bibcode["volume"], bibcode["page"])
            and family_name(paper.authors[0])[:1] == bibcode["initial"].lower()
            and _agree(_work_of(record, record.key), _work_of(paper, paper.key))
        }
        if len(works) == 1:
            targets[record.key] = works.pop()


def _located(locator: tuple[str | None, str | None], volume: str, page: str) -> bool:
    """Whether a reading's volume and first page are a bibcode's (its dots are padding, and
    its page may keep only the last letters of an article number: `ag420` for `stag420`)."""
    read_volume, pages = locator
    first_page = _DIGITS.findall((pages or "").split("-")[0].split("\u2013")[0])
    return (
        read_volume is not None
        and read_volume.strip() == volume.strip(".")
        and bool(first_page)
        and first_page == _DIGITS.findall(page)
    )


def _e_print_year(key: str) -> int | None:
    """The year an arXiv key's identifier dates its e-print to, else None."""
    return arxiv_year(key[6:]) if key.startswith("arxiv:") else None


def written_letters(written: Iterable[tuple[str, str, int | None]]) -> dict[str, frozenset[str]]:
    """For (card key, citation as written, its year) triples: the letters each card's
    citations write right after the year (`Diemer 2020b`, `Ross2012a`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for key, raw, year in written:
        if (letter := year_letter(raw, year)) != "":
            found[key].add(letter)
    return {key: frozenset(letters) for key, letters in found.items()}


def _letters_agree(letter: str, theirs: frozenset[str], ambiguous: bool) -> bool:
    """Whether a mention written with `letter` after its year ("" for none) may be the work
    whose citations write `theirs` there: a work written with letters is the mention of one
    of them (a project's bibliography keys, `Okafor2012b`, label its entries); a mention
    without one, or a work written without, is any of them, unless the mentions of that
    author and year carry two letters (`ambiguous`)."""
    theirs = theirs - {""}
    return letter in theirs if theirs and letter else not ambiguous


# The letter an author-year key keeps after its year (`author-year:ross-2012b`).
_KEY_YEAR_LETTER = re.compile(r"(?<=\d)[a-z]$")


def _year_letter(key: str) -> str:
    """The letter written after the year of an author-year key, else ""."""
    found = _KEY_YEAR_LETTER.search(key)
    return found.group() if found else ""


def _by_authors_only(paper: PaperEntry) -> bool:
    """Whether a paper is known only by its authors and year: an author-year mention, or a
    book cited so (`book:trefethen-2000`)."""
    if paper.key.startswith("author-year:"):
        return True
    return paper.key.startswith("book:") and not (paper.title or paper.title_hint)


def key_strength(key: str) -> int:
    """How strongly a key names its work, 0 the strongest (an arXiv id), then a DOI, a link,
    an ISBN, a book's, a title's and an author-year's key."""
    return _STRENGTH.get(key.split(":", 1)[0], _OTHER_IDENTIFIER)


def _family_names(authors: tuple[str, ...]) -> tuple[str, ...]:
    """The family names an author list is keyed by, in order ("" for an initial left out)."""
    return tuple(name for name in (family_name(author) for author in authors) if name)


# A typing slip: one letter left out, added, changed or two swapped in a word of at least five
# letters, two in a word of at least eight, in at most two of a title's words, the title at
# least four words long. Numbers, numerals and short words must match exactly ("Part I" and
# "Part II", "Model 2" and "Model 3" differ), and so must words two slips apart in a short word
# ("maximum" and "minimum").
_SLIP_WORD_LETTERS = 5
_TWO_SLIPS_WORD_LETTERS = 8
_SLIP_WORDS = 2
_SLIP_TITLE_WORDS = 4


def _join_misspelt(by_title: dict[str, list[_Work]], targets: dict[str, str]) -> None:
    """Join each named-only work to one whose title differs from its own only by a typing
    slip: to the stronger, or between equals to the one with year and first author, else the
    one met first. Titles are compared within those sharing their first or last two words."""
    titles = [title for title in by_title if title.count(" ") + 1 >= _SLIP_TITLE_WORDS]
    buckets: dict[str, list[str]] = defaultdict(list)
    for title in titles:
        for bucket in _ends(title):
            buckets[bucket].append(title)
    order = {title: index for index, title in enumerate(by_title)}
    for title in titles:
        near = {other for bucket in _ends(title) for other in buckets[bucket] if other != title}
        candidates = {other for other in near if _slip_apart(title, other)}
        # a word more or less (an article, a word of the title dropped) only between
        # citations that both give their year and first author
        left_out = {other for other in near if _word_left_out(title.split(), other.split())}
        for work in by_title[title]:
            if work.key in targets or work.strength < _NAMED_ONLY:
                continue
            rivals = [
                (other.strength, not _complete(other), order[other_title], other.key)
                for other_title in candidates | left_out
                for other in by_title[other_title]
                if other.key != work.key
                and _agree(work, other)
                and (other_title in candidates or (_complete(work) and _complete(other)))
            ]
            mine = (work.strength, not _complete(work), order[title], work.key)
            better = [rival for rival in rivals if rival < mine]
            if better:
                targets[work.key] = min(better)[3]


def _ends(title: str) -> tuple[str, str]:
    """A title's first two words and its last two: a slip rarely touches both ends."""
    words = title.split()
    return "< " + " ".join(words[:2]), "> " + " ".join(words[-2:])


# A title's leading word that makes it another document than the title after it ("New
# Introduction to Multiple Time Series Analysis" followed "Introduction to ...").
_NOT_THE_WORK = re.compile(
    r"errat(?:um|a)|corrigendum|corrections?|appendix|supplement|comments?|reply|rejoinder"
    r"|discussion|review|new|further|advanced|elementary"
)
_NAMED_FIRST_REST_WORDS = 5


def _slip_apart(one: str, other: str) -> bool:
    """Whether two normalized titles differ only by a typing slip in one or two long words, by
    a word broken in two ("met rics"), or by a program's name in front ("LSQR: An algorithm
    for sparse linear equations and sparse least squares")."""
    mine, theirs = one.split(), other.split()
    if len(mine) != len(theirs):
        return _broken_word(mine, theirs) or _named_first(mine, theirs)
    differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    return 0 < len(differing) <= _SLIP_WORDS and all(
        a.isalpha() and b.isalpha() and _slips(a, b) for a, b in differing
    )


def _broken_word(mine: list[str], theirs: list[str]) -> bool:
    """The same letters, one or two words broken in two by a space (a PDF's line break)."""
    return abs(len(mine) - len(theirs)) <= _SLIP_WORDS and "".join(mine) == "".join(theirs)


def _named_first(mine: list[str], theirs: list[str]) -> bool:
    """One title is the other after a leading name of what it describes (`lsqr`, `gde3`)."""
    longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
    return (
        len(longer) == len(shorter) + 1
        and len(shorter) >= _NAMED_FIRST_REST_WORDS
        and longer[1:] == shorter
        and not _NOT_THE_WORK.fullmatch(longer[0])
    )


# A word whose presence makes another work, not a slip of the pen ("Linear Models" and "Non
# Linear Models", "Tidal Stacks" and "Tidal Stacks 2").
_MEANING_WORD = re.compile(r"not?|non|without|un|anti|multi|semi|sub|super|inverse|dual")


def _word_left_out(mine: list[str], theirs: list[str]) -> bool:
    """One title is the other with one word inside it left out ("Expansions of a
    Cornish-Fisher Type", "An Introduction to Probability Theory and Its Applications"), the
    shorter at least four words long; not a number, a volume or part, a word that says
    another document or one that turns the meaning."""
    longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
    if len(longer) != len(shorter) + 1 or len(shorter) < _SLIP_TITLE_WORDS:
        return False
    at = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer[:-1], strict=True)) if a != b),
        len(shorter),
    )
    word = longer[at]
    # a word more in front or at the end is a program's name or a cut title: other rules'
    return (
        0 < at < len(shorter)
        and longer[at + 1 :] == shorter[at:]
        and word.isalpha()
        and not _VOLUME_WORD.fullmatch(word)
        and not _NOT_THE_WORK.fullmatch(word)
        and not _MEANING_WORD.fullmatch(word)
    )


# A title cut short where a line ended ("Time-Efficient Algorithms for Two Highly") or run on
# into the next word of its entry ("BIRCH: ... for Very Large Databases Proc") begins the
# title it stands for; the shorter of the two has at least this many words.
_CUT_TITLE_WORDS = 4


def _join_cut_titles(by_title: dict[str, list[_Work]], targets: dict[str, str]) -> None:
    """Join two papers, one named only by its words, when the one's title begins the other's
    and each is the other's only such partner (a short title that begins two longer ones
    cannot be told to mean either, and must not make them one): the stronger is the card,
    between equals the shorter title. Both must give first authors that agree and either
    agreeing years or the same list of at least two authors (one list may run on); the words
    after the shorter title must not name a part or another document ("..., Part II", "...:
    Erratum"). A
    book's longer title is another book ("Tidal Basins" and "Tidal Basins and the Shelf"):
    books are left to `_join_book_titles`."""
    heads: dict[str, list[str]] = defaultdict(list)
    for title in by_title:
        words = title.split()
        if len(words) >= _CUT_TITLE_WORDS:
            heads[" ".join(words[:_CUT_TITLE_WORDS])].append(title)
    partners: dict[str, set[str]] = defaultdict(set)
    pairs: list[tuple[_Work, _Work]] = []  # (shorter title, longer title)
    for group in heads.values():
        for short in group:
            for long in group:
                if not long.startswith(short + " "):
                    continue
                after = long[len(short) + 1 :].split()[0]
                if _VOLUME_WORD.fullmatch(after) or _NOT_THE_WORK.fullmatch(after):
                    continue
                for one in by_title[short]:
                    for other in by_title[long]:
                        if one.key != other.key and _cut_vouched(one, other):
                            partners[_final(one.key, targets)].add(_final(other.key, targets))
                            partners[_final(other.key, targets)].add(_final(one.key, targets))
                            pairs.append((one, other))
    for one, other in pairs:
        mine, theirs = _final(one.key, targets), _final(other.key, targets)
        if mine == theirs or partners[mine] != {theirs} or partners[theirs] != {mine}:
            continue
        source, target = (
            (mine, theirs) if key_strength(theirs) < key_strength(mine) else (theirs, mine)
        )
        if key_strength(source) >= _NAMED_ONLY:
            targets[source] = target


def _cut_vouched(one: _Work, other: _Work) -> bool:
    """Whether two papers, one title beginning the other's, say enough to be one work."""
    if one.book or other.book or not (one.first_author and other.first_author):
        return False
    if not _agree(one, other):
        return False
    if one.year is not None and other.year is not None:
        return True
    # without a year on both sides: the same authors, at least two, in the same order; one
    # list may run on where the other stops ("Abramowitz, Stegun" and a third name read on)
    shorter, longer = sorted((one.names, other.names), key=len)
    return len(shorter) >= 2 and longer[: len(shorter)] == shorter


def _slips(one: str, other: str, allowed: int | None = None) -> bool:
    """Whether two words are a slip or two apart (`allowed`, else one in a word of five
    letters or more, two in one of eight or more)."""
    # imported here: the pre-commit hook loads this module and never compares titles
    from rapidfuzz.distance import OSA

    letters = min(len(one), len(other))
    if letters < _SLIP_WORD_LETTERS:
        return False
    if allowed is None:
        allowed = 2 if letters >= _TWO_SLIPS_WORD_LETTERS else 1
    return OSA.distance(one, other, score_cutoff=allowed) <= allowed


def _work_of(paper: PaperEntry, key: str) -> _Work:
    scheme, _, value = key.partition(":")
    return _Work(
        key=key,
        strength=_STRENGTH.get(scheme, _OTHER_IDENTIFIER),
        year=paper.year,
        first_author=_name_words(paper.authors[0]) if paper.authors else frozenset(),
        names=_family_names(paper.authors),
        book=paper.kind == "book"
        or scheme in {"book", "isbn"}
        or (scheme == "doi" and _BOOK_DOI.search(value) is not None),
        preprint=scheme == "arxiv" or (scheme == "doi" and value.startswith(_PREPRINT_DOIS)),
    )


def _stronger_one(
    work: _Work, works: list[_Work], strict: bool, targets: dict[str, str], spelt: bool = False
) -> str | None:
    """The one strongest card among the works of the same title that are stronger than
    `work` and agree with it (`strict`: both give year and first author; `spelt`: the title
    is long enough that a slip in a first author's name is no other person); None when there
    is none or two of equal strength. Works already joined count as the card they joined (two
    copies of a book's chapters, one book)."""
    agreeing = {
        card: key_strength(card)
        for card, other in ((_final(other.key, targets), other) for other in works)
        if other.strength < work.strength
        and _agree(work, other, spelt)
        and not (strict and not _vouched(work, other))
    }
    if not agreeing:
        return None
    best = min(agreeing.values())
    strongest = [key for key, strength in agreeing.items() if strength == best]
    return strongest[0] if len(strongest) == 1 else None


def _book_copy(copy: _Work, works: list[_Work], few: bool) -> str | None:
    """The one ISBN of the same title that agrees with `copy`: a link to a book online (its
    PDF, its web edition) and the book's ISBN cited elsewhere are one work, the book's card.
    Two ISBNs of a title (two volumes, two bindings) leave the link as it is."""
    books = {
        other.key
        for other in works
        if other.key.startswith("isbn:")
        and _agree(copy, other, spelt=not few)
        and not (few and not _vouched(copy, other))
    }
    return books.pop() if len(books) == 1 else None


def _earlier_copy(copy: _Work, works: list[_Work], few: bool, order: dict[str, int]) -> str | None:
    """The first other link of the same title that agrees with `copy`, when no identifier
    names the title: two links to one work (its publisher's page and its authors' PDF, two
    chapters of a book online) are one card, the link listed first. A short title (`few`)
    needs year and first author on both."""
    # each copy joins an identified work of its title on its own, or stays; a reference
    # work's card (`catalog.works`, no key of the report's) joins nothing
    if copy.key not in order or any(other.strength < copy.strength for other in works):
        return None
    earlier = [
        other.key
        for other in works
        if other.strength == copy.strength
        and order.get(other.key, -1) < order[copy.key]
        and _agree(copy, other, spelt=not few)
        and not (few and not _vouched(copy, other))
    ]
    return min(earlier, key=lambda key: order.get(key, -1)) if earlier else None


def _agree(one: _Work, other: _Work, spelt: bool = False) -> bool:
    """Whether nothing the two citations read says they are different works. Two years say
    two works, except of a book by the same first author (its editions and printings,
    "Numerical Optimization", 1999 and 2006, are one work) and a preprint's year and the next.
    `spelt`: the two give one title of four words or more, so first authors whose family names
    are a typing slip apart are one person misspelt (`Orabana et al` and `Francesco Orabona`)."""
    # "Powell M.J.D." and "M. J. D. Powell", "Brent, Richard P" and "Brent, R. P." share a word;
    # an author list read in another order ("Madsen and Nielsen", "Nielsen and Madsen") or
    # with a name broken in two ("Tan, Chang Wei" read as two authors) names the other's
    # first author among its authors
    mine, theirs = one.first_author, other.first_author
    if (
        mine
        and theirs
        and mine.isdisjoint(theirs)
        and not _first_among(one, other)
        and not (spelt and _misspelt_name(one, other))
    ):
        return False
    if one.year is not None and other.year is not None and one.year != other.year:
        if (one.book or other.book) and mine and theirs:
            return True
        # a preprint's year is often the year before its journal's (arXiv 2016, 2017)
        return (one.preprint or other.preprint) and abs(one.year - other.year) <= 1
    return True


def _first_among(one: _Work, other: _Work) -> bool:
    """Whether either work's first author, by family name, is among the other's authors."""
    return (bool(one.names) and one.names[0] in other.names) or (
        bool(other.names) and other.names[0] in one.names
    )


def _misspelt_name(one: _Work, other: _Work) -> bool:
    """Whether the two first authors' family names differ by one typing slip, both names of
    at least five letters (`Orabana`, `Orabona`); shorter names a letter apart are often two
    people (`Wang`, `Wong`)."""
    if not (one.names and other.names):
        return False
    return _misspelt(one.names[0], other.names[0])


def _published_one(preprint: _Work, works: list[_Work]) -> str | None:
    """The one journal's DOI of the same title whose first author is the preprint's, of its
    year or the next; None when there is none or two."""
    found = {
        other.key
        for other in works
        if other.strength == _STRENGTH["doi"]
        and not other.preprint
        and preprint.first_author
        and other.first_author
        and _agree(preprint, other, spelt=True)
    }
    return found.pop() if len(found) == 1 else None


def _complete(work: _Work) -> bool:
    return work.year is not None and bool(work.first_author)


def _vouched(one: _Work, other: _Work) -> bool:
    """Whether two citations of a short title say enough to be one work: year and first
    author on both, or, for a book, its first author on both (its editions differ by year)."""
    if _complete(one) and _complete(other):
        return True
    return (one.book or other.book) and bool(one.first_author and other.first_author)


def _final(key: str, targets: dict[str, str]) -> str:
    # each step is to a strictly stronger key, or between keys of equal strength from a
    # preprint's DOI to a journal's, or from a link to one listed before it, or from a link to
    # a book's ISBN (which joins nothing), so the chain ends
    while key in targets:
        key = targets[key]
    return key


def _title_key(title: str | None) -> str:
    """The title's words ("" for none); a one-word title ("Cephes") names no work here."""
    words = normalize_title(title) if title else ""
    return words if " " in words else ""


def _name_words(name: str) -> frozenset[str]:
    """The words of a person's name longer than an initial, whatever order it is written in."""
    return frozenset(word for word in normalize_title(name).split() if len(word) > 2)
