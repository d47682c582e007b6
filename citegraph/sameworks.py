"""One work, one card: papers of a report that are one work named in different places.

A place names a work once (`scanner.places`), but two places may name it differently: one
module's reference section gives "Numerical Optimization" with its DOI, another's gives the
title alone. Resolved online, both come back as the DOI's paper; offline (the hook, a CI step
without network) they would be two cards. A paper known only by its title, book title or
authors joins the one paper of the report that a stronger identifier names under the same
title, when their years and first authors do not disagree; so does a link to a copy of the
paper (a citeseer page, a PDF on the authors' site) that a DOI or arXiv id names elsewhere.
Two papers that each have a DOI or arXiv id stay apart (a preprint and its journal version,
two editions), as does a title that two stronger papers share (which one it means cannot be
told). The links to sections of one reference work online (`catalog.works`: an equation of the
DLMF) are one card, the work's. A title misspelt in one place ("Introduction to Geostatistcs")
is the same work as the title spelt right in another, when the two differ only by a typing slip
in one or two long words and their years and first authors do not disagree. A work cited by
its authors and year alone ("see [Pearl 2001]" in a method) is the one titled or identified work
of the report by those authors that year (the entry in its class's reference section), when
there is exactly one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from catalog import family_name, normalize_title, reference_work_keyed, reference_work_of
from citegraph.report import PaperEntry

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


def same_work_targets(papers: Iterable[PaperEntry]) -> dict[str, str]:
    """The key each paper known only by its words joins (`title:...` -> `doi:...`); papers
    that join nothing are absent. A chain (title -> book -> DOI) ends at its strongest key."""
    papers = list(papers)
    targets: dict[str, str] = {}
    for paper in papers:
        section_of = reference_work_of(paper.key[4:]) if paper.key.startswith("url:") else None
        if section_of is not None and section_of.key != paper.key:
            targets[paper.key] = section_of.key
    by_title: dict[str, list[_Work]] = defaultdict(list)
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
    for title, works in by_title.items():
        strict = title.count(" ") < _FEW_TITLE_WORDS
        for work in works:
            if work.key in targets:
                continue
            if work.strength >= _NAMED_ONLY:
                target = _stronger_one(work, works, strict)
            elif work.strength == _STRENGTH["url"]:
                # a copy of the paper (a citeseer page, the authors' PDF) cited in one place,
                # its DOI or arXiv id in another: one work, when the title says enough
                target = _stronger_one(work, works, title.count(" ") < _FEW_COPY_TITLE_WORDS)
            else:
                continue
            if target is not None:
                targets[work.key] = target
    _join_misspelt(by_title, targets)
    _join_author_year(papers, targets)
    return {key: _final(key, targets) for key in targets}


def _join_author_year(papers: list[PaperEntry], targets: dict[str, str]) -> None:
    """Join each work cited by its authors and year alone ("Pearl (2001)", "Frenzel and Pompe
    2007") to the one titled or identified work of the report whose year is the same and whose
    authors open with the same family names, in order: a mention in one function of the entry
    a reference section gives in another. Two such works (a surname's two papers of a year)
    leave the mention as it is."""
    by_first: dict[tuple[str, int], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for paper in papers:
        key = targets.get(paper.key, paper.key)
        if paper.year is None or _strength(key) >= _STRENGTH["author-year"]:
            continue
        names = _family_names(paper.authors)
        if names:
            by_first[names[0], paper.year].append((names, key))
    for paper in papers:
        if paper.key in targets or paper.year is None:
            continue
        if _strength(paper.key) != _STRENGTH["author-year"]:
            continue
        names = _family_names(paper.authors)
        if not names:
            continue
        found = {
            _final(key, targets)
            for written, key in by_first.get((names[0], paper.year), ())
            if written[: len(names)] == names
        }
        if len(found) == 1:
            targets[paper.key] = found.pop()


def _strength(key: str) -> int:
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
        candidates = {
            other
            for bucket in _ends(title)
            for other in buckets[bucket]
            if other != title and _slip_apart(title, other)
        }
        for work in by_title[title]:
            if work.key in targets or work.strength < _NAMED_ONLY:
                continue
            rivals = [
                (other.strength, not _complete(other), order[other_title], other.key)
                for other_title in candidates
                for other in by_title[other_title]
                if other.key != work.key and _agree(work, other)
            ]
            mine = (work.strength, not _complete(work), order[title], work.key)
            better = [rival for rival in rivals if rival < mine]
            if better:
                targets[work.key] = min(better)[3]


def _ends(title: str) -> tuple[str, str]:
    """A title's first two words and its last two: a slip rarely touches both ends."""
    words = title.split()
    return "< " + " ".join(words[:2]), "> " + " ".join(words[-2:])


def _slip_apart(one: str, other: str) -> bool:
    """Whether two normalized titles differ only by a typing slip in one or two long words."""
    mine, theirs = one.split(), other.split()
    if len(mine) != len(theirs):
        return False
    differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    return 0 < len(differing) <= _SLIP_WORDS and all(
        a.isalpha() and b.isalpha() and _slips(a, b) for a, b in differing
    )


def _slips(one: str, other: str) -> bool:
    # imported here: the pre-commit hook loads this module and never compares titles
    from rapidfuzz.distance import OSA

    letters = min(len(one), len(other))
    if letters < _SLIP_WORD_LETTERS:
        return False
    allowed = 2 if letters >= _TWO_SLIPS_WORD_LETTERS else 1
    return OSA.distance(one, other, score_cutoff=allowed) <= allowed


def _work_of(paper: PaperEntry, key: str) -> _Work:
    scheme = key.split(":", 1)[0]
    return _Work(
        key=key,
        strength=_STRENGTH.get(scheme, _OTHER_IDENTIFIER),
        year=paper.year,
        first_author=_name_words(paper.authors[0]) if paper.authors else frozenset(),
    )


def _stronger_one(work: _Work, works: list[_Work], strict: bool) -> str | None:
    """The one strongest key among the works of the same title that are stronger than
    `work` and agree with it (`strict`: both give year and first author); None when there is
    none or two of equal strength."""
    agreeing = {
        other.key: other.strength
        for other in works
        if other.strength < work.strength
        and _agree(work, other)
        and not (strict and not (_complete(work) and _complete(other)))
    }
    if not agreeing:
        return None
    best = min(agreeing.values())
    strongest = [key for key, strength in agreeing.items() if strength == best]
    return strongest[0] if len(strongest) == 1 else None


def _agree(one: _Work, other: _Work) -> bool:
    """Whether nothing the two citations read says they are different works."""
    if one.year is not None and other.year is not None and one.year != other.year:
        return False
    # "Powell M.J.D." and "M. J. D. Powell", "Brent, Richard P" and "Brent, R. P." share a word
    mine, theirs = one.first_author, other.first_author
    return not mine or not theirs or not mine.isdisjoint(theirs)


def _complete(work: _Work) -> bool:
    return work.year is not None and bool(work.first_author)


def _final(key: str, targets: dict[str, str]) -> str:
    # each step is to a strictly stronger key, so the chain ends
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
