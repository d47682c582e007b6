"""Title matching: normalization, FTS5 candidate queries, confidence scores, mismatch checks."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from catalog.keys import family_name, normalize_title
from catalog.types import Paper, Reference

DEFAULT_THRESHOLD = 0.85
# Below this similarity a title hint and the resolved title name different papers.
MISMATCH_BELOW = 0.5

_STOPWORDS_TEXT = """a an and are as at be by for from in into is it of on or the to via with we our
its using towards toward"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def significant_words(text: str) -> list[str]:
    """The words of a title worth searching for, longest first."""
    words = [w for w in normalize_title(text).split() if len(w) > 2 and w not in STOPWORDS]
    return sorted(dict.fromkeys(words), key=len, reverse=True)


# A word found in more titles than this narrows an AND-query little but makes it slow.
COMMON = 5000


def fts_queries(query: Reference, counts: Mapping[str, int] | None = None) -> list[str]:
    """FTS5 queries for a title query, most precise first.

    Without `counts` (capped occurrences of each word in stored titles): all significant
    words. With them: the words the store knows and that are not common (a misspelled word
    matches nothing, a common one costs time); then each leave-one-out combination of those
    (one extra word in the citation); last, any of the rarest words. Author-year queries
    search the authors column instead.
    """
    if not query.title:
        names = [n for n in (family_name(a) for a in query.authors) if n]
        return ["authors : (" + " AND ".join(f'"{n}"' for n in names) + ")"] if names else []
    words = significant_words(query.title)
    if not words:
        return []
    groups: list[tuple[str, list[str]]] = [(" AND ", words)]
    if counts is not None:
        known = [w for w in words if counts.get(w, 0) > 0]
        selective = [w for w in known if counts[w] <= COMMON]
        base = selective if len(selective) >= 2 else known
        groups = [(" AND ", base)] if len(base) >= 2 else []
        if len(base) >= 3:
            groups += [(" AND ", [w for w in base if w != out]) for out in base[:6]]
        rare = sorted(selective, key=lambda w: counts[w])[:3]
        if len(rare) >= 2:
            groups.append((" OR ", rare))
    queries = ["title : (" + joiner.join(f'"{w}"' for w in group) + ")" for joiner, group in groups]
    return list(dict.fromkeys(queries))


def author_agreement(wanted: Sequence[str], authors: Sequence[str]) -> float | None:
    """Share of the wanted family names found among `authors`; None if nothing to compare."""
    names = [n for n in (family_name(a) for a in wanted) if n]
    if not names or not authors:
        return None
    have = set(normalize_title(" ".join(authors)).split())
    return sum(n in have for n in names) / len(names)


# The part or volume of a series a title names ("Part II", "Vol. 3", a lone Roman numeral; not
# `v` or `x`, which are letters in titles as often: "x ray").
_PART = re.compile(r"\b(?:part|vol|volume|book) (\w+)|\b(ii|iii|iv|vi|vii|viii|ix)\b")
_OTHER_PART = 0.3
_FEW_TITLE_WORDS = 3


def _parts(title: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _PART.finditer(title)}


def _names(authors: Sequence[str]) -> list[str]:
    return [n for n in (family_name(a) for a in authors) if n]


def _led_by(wanted: Sequence[str], authors: Sequence[str]) -> bool:
    """Whether the first family name cited is the paper's first author's."""
    first = next(iter(_names(wanted)), "")
    return bool(authors) and bool(first) and first in normalize_title(authors[0]).split()


def score(query: Reference, paper: Paper) -> float:
    """Confidence in 0..1 that `paper` is the one `query` names.

    Title similarity drives it; a year more than one off, no shared author or another part of
    a series ("Part II") lowers it, twice as much for a title of three words or fewer;
    agreement on both raises it a little. A query with only
    authors and a year scores by agreement alone, capped below certainty, and only for a paper
    of that year whose first author is the first one cited.
    """
    years_agree = None if not (query.year and paper.year) else abs(query.year - paper.year) <= 1
    authors = author_agreement(query.authors, paper.authors)
    if not query.title:
        # "Liu et al. 2020" names a paper Liu wrote first, not a 2019 paper whose third author
        # is a Liu: a catalog of many papers holds one for every common surname. A year off
        # by one (a preprint's: "Kingma and Ba 2015") needs every cited name to agree.
        if not years_agree or not authors or not _led_by(query.authors, paper.authors):
            return 0.0
        if query.year != paper.year and (len(_names(query.authors)) < 2 or authors < 1):
            return 0.0
        return 0.9 * authors
    if not paper.title:
        return 0.0
    from rapidfuzz import fuzz  # imported here: a run with no candidate to score never needs it

    a, b = normalize_title(query.title), normalize_title(paper.title)
    similarity = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100
    if _parts(a) != _parts(b):
        similarity -= _OTHER_PART  # "..., Part II" is not "..., Part I" nor the title alone
    # a short title ("Numerical Analysis") names many works: another year or other authors
    # say another one
    penalty = 0.3 if len(b.split()) <= _FEW_TITLE_WORDS else 0.15
    if years_agree is False:
        similarity -= penalty
    if authors is not None:
        similarity += 0.03 if authors >= 0.5 else -penalty
    if years_agree and authors:
        similarity += 0.02
    return round(max(0.0, min(1.0, similarity)), 3)


def best_match(query: Reference, papers: Sequence[Paper]) -> tuple[Paper, float] | None:
    """The highest-scoring candidate with its score; an author-year query needs a unique winner."""
    scored = sorted(((score(query, p), p) for p in papers), key=lambda s: -s[0])
    if not scored or scored[0][0] <= 0:
        return None
    if not query.title and len(scored) > 1 and scored[1][0] >= scored[0][0]:
        return None  # two papers by the same authors in the same year: no way to choose
    return scored[0][1], scored[0][0]


def title_mismatch(hint: str, title: str) -> float | None:
    """The similarity (0..1) of a title hint and a resolved title when they clearly name
    different papers; None when they agree or the hint is too short to judge.

    Hints are often shortened or abbreviated, so a hint contained in the title counts as
    agreement.
    """
    words, title_words = significant_words(hint), significant_words(title)
    if len(words) < 3 or not title_words:
        return None
    from rapidfuzz import fuzz

    # Share of the hint's words found in the title, allowing for small spelling differences.
    overlap = sum(any(fuzz.ratio(w, t) >= 85 for t in title_words) for w in words) / len(words)
    similarity = max(overlap, fuzz.token_set_ratio(" ".join(words), " ".join(title_words)) / 100)
    return round(similarity, 3) if similarity < MISMATCH_BELOW else None
