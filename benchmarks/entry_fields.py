"""Count suspicious entry fields in scan JSON documents (issue #15 item 4).

The Papers page shows each reference's title, authors, year and venue as read from its entry.
This reads `citegraph scan DIR --offline -f json` documents of real packages and flags, per
citation with fields, what a reader would call wrong: a venue that is a fragment (`Press`,
`Review E`, `University Press`), an identifier, markup or a collection's editors; a venue cut
short on its line (`Journal of Sociology` for `American Journal of Sociology`); a year that is
not written as a year in the entry (a page range, an arXiv id); a title that starts with `/` or
ends with the venue; an author that is not a person's name. The entry's text is read from the
scanned files (the document's `root`), so the packages must still be there. The checks are
heuristics for finding work, not a score: review the listed examples.

Usage:
    python -m benchmarks.entry_fields SCAN.json [SCAN.json ...] [--show KIND|all]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_CUE = (
    r"(?:Vol(?:ume)?|pp|pages|Press|Review|Letters|Report|Thesis|Journal|Proc|Proceedings|"
    r"Conference|Transactions|Trans|Publishers?|Univ|University|Math|Stat|Comm|Softw|Verlag|"
    r"Series|Society|Magazine|Bulletin|Annals|Acta)\.?"
)
_FRAGMENT = re.compile(
    rf"{_CUE}(?:\s+[A-Z]{{1,2}})?\*?|University\s+Press|(?:Review|Letters) [A-Z]"
)
_IDENTIFIER = re.compile(
    r"arXiv:|doi:|https?://|\b10\.\d{4,9}/|\b\d{4}\.\d{4,5}\b|^\s*[\d\W]+$", re.IGNORECASE
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_NAME_WORDS = _words(
    "the in of on and journal proceedings university press review letters conference "
    "transactions vol volume pages eds ed editor editors institute department report thesis "
    "springer wiley elsevier ieee acm siam math science nature series society international "
    "amer phys"
)
_PARTICLES = _words("van von der den de la le du di da dos del y bin al st zu ter ten")
_NOT_LEADING = _words(
    "in and the of on for to a an by at jan feb mar apr may jun jul aug sep sept oct nov dec "
    "january february march april june july august september october november december"
)
_NAME = re.compile(r"[^\W\d_][\w'’.-]*")


def venue_problem(venue: str | None, entry: str) -> str | None:
    """What is wrong with a venue, judged from the entry's text, or None."""
    if not venue:
        return None
    name = venue.strip()
    if _FRAGMENT.fullmatch(name):
        return "venue-fragment"
    if _IDENTIFIER.search(name):
        return "venue-identifier"
    if "`" in name or (name[0].islower() and not name.startswith(("arXiv", "in "))):
        return "venue-markup-or-prose"
    if re.search(r"\(\s*[Ee]ds?\.?\s*\)", name):
        return "venue-editors"
    return "venue-truncated" if _cut_on_its_line(name, entry) else None


def _cut_on_its_line(venue: str, entry: str) -> bool:
    """Whether a capitalised word of the same name stands right before the venue on its line
    (or before a wrapped emphasis: `*Information\\n Processing Letters*`)."""
    pattern = r"[\s#/*!>|;-]+".join(re.escape(word) for word in venue.split())
    found = re.search(r"(?<!\w)" + pattern, entry)
    if found is None:
        return False
    before = re.sub(r"[ \t*]+$", "", entry[: found.start()])
    if before.endswith("\n"):
        words = before.rstrip().rsplit("\n", 1)[-1].split()
        if not words or "*" not in words[-1]:
            return False
        before = before.rstrip()
    if not before or before[-1] in ".,:;\"'”)([{":
        return False
    word = re.search(r"([A-Za-z][\w&'’-]*)$", before)
    return bool(word and word[1][0].isupper() and word[1].lower() not in _NOT_LEADING)


def year_problem(year: int | None, entry: str) -> str | None:
    """A year that the entry never writes as a year (only inside a longer number or range)."""
    if year is None or not entry:
        return None
    for found in re.finditer(str(year), entry):
        before = entry[max(0, found.start() - 1) : found.start()]
        after = entry[found.end() : found.end() + 2]
        if before and (before.isdigit() or before in "./:"):
            continue
        if after[:1].isdigit() or (after[:1] in ".:" and after[1:2].isdigit()):
            continue
        if after[:1] in "-–" and after[1:2].isdigit():
            continue
        return None
    return "year-not-written"


def title_problem(title: str | None, venue: str | None) -> str | None:
    if not title:
        return None
    if title[0] in "/\\":
        return "title-slash"
    if venue and len(venue) > 4 and title.rstrip(" .,").endswith(venue):
        return "title-ends-with-venue"
    return None


def author_problem(authors: list[str]) -> str | None:
    for author in authors:
        words = _NAME.findall(author)
        if re.search(r"\d", author) or not words or len(words) > 6:
            return "author-not-a-name"
        if {w.lower().strip(".") for w in words} & _NOT_NAME_WORDS:
            return "author-not-a-name"
        named = [w for w in words if w.lower() not in _PARTICLES]
        if not named or any(not w[0].isupper() for w in named):
            return "author-not-a-name"
    return None


def problems(citation: dict[str, Any], entry: str, window: str) -> list[str]:
    """The suspicious fields of one citation, given its entry's text and a few lines above."""
    found = (
        venue_problem(citation.get("venue"), entry),
        year_problem(citation.get("year"), window),
        title_problem(citation.get("title_hint"), citation.get("venue")),
        author_problem(citation.get("authors") or []),
    )
    return [p for p in found if p]


def _texts(document: dict[str, Any], citation: dict[str, Any]) -> tuple[str, str]:
    try:
        path = Path(document["root"]) / citation["path"]
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return citation["raw"], citation["raw"]
    first, last = citation["line"], citation["end_line"]
    return "\n".join(lines[first - 1 : last]), "\n".join(lines[max(0, first - 7) : last])


def check(documents: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """Each citation that has fields, with its suspicious ones."""
    for document in documents:
        for citation in document["citations"]:
            fields = ("authors", "venue", "year", "title_hint")
            if not any(citation.get(f) for f in fields):
                continue
            entry, window = _texts(document, citation)
            yield citation, problems(citation, entry, window)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scans", nargs="+", type=Path)
    parser.add_argument("--show", help="list the citations of one kind of problem, or 'all'")
    args = parser.parse_args(argv)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in args.scans]
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    papers: set[tuple[str, str]] = set()
    suspicious_papers: set[tuple[str, str]] = set()
    total = suspicious = 0
    for citation, found in check(documents):
        total += 1
        paper = (citation.get("paper") or citation["raw"], citation["path"].split("/")[0])
        papers.add(paper)
        if found:
            suspicious += 1
            suspicious_papers.add(paper)
        for problem in found:
            counts[problem] += 1
            fields = [citation.get(k) for k in ("title_hint", "authors", "year", "venue")]
            examples[problem].append(f"{citation['path']}:{citation['line']} {fields}")
    print(
        f"{suspicious} suspicious of {total} citations with fields "
        f"({len(suspicious_papers)} of {len(papers)} papers)"
    )
    for problem, count in counts.most_common():
        print(f"  {problem:24} {count}")
    for problem, listed in sorted(examples.items()):
        if args.show in (problem, "all"):
            print(f"\n{problem}:")
            print("\n".join(f"  {line}" for line in listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
