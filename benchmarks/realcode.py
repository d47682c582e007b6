"""Score the title detector on annotated real comment blocks, kept as stand-off records.

The blocks were annotated by separate sessions that never saw the detector, following
`benchmarks/data/realcode-guidelines.md`.

The gold files under `benchmarks/data/` hold no code and no comment text: each line names a
block by package, path, first line and the SHA-1 of its text, and lists the titles of the works
it cites (facts) and the citations it gives without a title (first author and year). The blocks
themselves are read from the packages' published releases, unpacked under one corpus directory
(one folder per package, named as in the gold file):

    pip download --no-deps sympy==1.14.0 -d /tmp/dl
    unzip -q /tmp/dl/sympy-*.whl -d /tmp/corpus/sympy

`CORPORA` lists every package, its version and how to fetch it. A block whose text no longer has
the recorded hash (another release, another parser) is reported and left out of the scores.

The blocks were drawn at random among those holding a year (1800-2029), since nearly every
citation has one, so the sample measures both missed titles and false ones.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.scoring import WORD, Score, norm_title, word_positions
from catalog.keys import family_name

# Where the first author of an annotated list ends: "Kingma and Ba", "Kingma & Ba", "Kingma et al.".
_FIRST_AUTHOR_END = re.compile(r"\s+(?:and|&)\s+|;|\bet\.?\s*al")

# Where each annotated package comes from: the exact release the gold records were drawn from.
CORPORA = {
    # development set (realcode-dev.jsonl): packages earlier detector work was checked on
    "networkx": "pip download --no-deps networkx==3.6.1 (wheel)",
    "statsmodels": "pip download --no-deps statsmodels==0.15.0 (cp311 manylinux wheel)",
    "scipy": "pip download --no-deps scipy==1.17.1 (cp311 manylinux wheel)",
    "astropy": "pip download --no-deps astropy==8.0.2 (cp311 manylinux wheel)",
    "jax": "pip download --no-deps jax==0.10.2 (wheel)",
    # test set (realcode-test.jsonl): packages no detector work looked at before it was scored
    "sympy": "pip download --no-deps sympy==1.14.0 (wheel)",
    "scikit-image": "pip download --no-deps scikit-image==0.26.0 (cp311 manylinux wheel)",
    "pymc": "pip download --no-deps pymc==5.28.5 (wheel)",
    "commons-math": "git archive of github.com/apache/commons-math at d9fd8324cb34",
    "faiss": "git archive of github.com/facebookresearch/faiss at 02dbb4e42f49",
    "simple-statistics": "npm pack simple-statistics@7.12.1 (package/ unpacked)",
    "jstat": "npm pack jstat@1.9.6 (package/ unpacked)",
}


@dataclass(frozen=True, slots=True)
class GoldBlock:
    """One annotated block: where it is, its hash, and what it cites."""

    package: str
    path: str
    line: int
    sha1: str
    titles: tuple[str, ...]
    untitled: tuple[tuple[str, int | None], ...]  # (first author as written, year)


@dataclass(slots=True)
class RealCodeScore:
    """Scores over a gold file, with what went wrong, for reading."""

    tallies: dict[str, Score] = field(
        default_factory=lambda: {
            k: Score() for k in ("title exact", "title token overlap", "untitled (author, year)")
        }
    )
    blocks: int = 0
    false_titles: list[str] = field(default_factory=list)  # titles sharing no word with a gold one
    missed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # gold blocks not found with their hash


def load_gold(path: Path) -> list[GoldBlock]:
    """Read a stand-off gold file (one JSON object per line)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        out.append(
            GoldBlock(
                record["package"],
                record["path"],
                int(record["line"]),
                record["sha1"],
                tuple(record["titles"]),
                # a bare link in a reference list has no author to compare
                tuple(
                    (u["authors"], u.get("year"))
                    for u in record.get("untitled", ())
                    if u.get("authors")
                ),
            )
        )
    return out


def block_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_blocks(corpus: Path, gold: list[GoldBlock]) -> Iterator[tuple[GoldBlock, str | None]]:
    """Each gold block with its text read from `corpus` by citegraph's own parsers (None when the
    file is missing or unreadable, or no block at that line has the recorded hash)."""
    from scanner.languages import language_for
    from scanner.parsers import get_parser
    from scanner.types import SourceFile

    by_file: dict[tuple[str, str], list[GoldBlock]] = {}
    for record in gold:
        by_file.setdefault((record.package, record.path), []).append(record)
    for (package, relative), records in by_file.items():
        path = corpus / package / relative
        language = language_for(path.name)
        texts: dict[tuple[int, str], str] = {}
        if language is not None and path.is_file():
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = None  # unreadable: its records are reported as not found
            if text is not None:
                parsed = get_parser(language.parser).parse(
                    SourceFile(str(path), path, language.name, text, path.stem)
                )
                texts = {(b.line, block_sha1(b.text)): b.text for b in parsed.blocks}
        for record in records:
            yield record, texts.get((record.line, record.sha1))


def locate(text: str, title: str, start: int = 0) -> tuple[int, int] | None:
    """The span of `title` in `text` from `start`, allowing any spacing, line breaks, comment
    indentation or punctuation between its words (annotators collapse line breaks)."""
    words = WORD.findall(title)
    if not words:
        return None
    pattern = r"[\W_]+".join(re.escape(w) for w in words)
    match = re.compile(pattern, re.IGNORECASE).search(text, start)
    return (match.start(), match.end()) if match else None


def score_blocks(blocks: Iterator[tuple[GoldBlock, str | None]], detect: object) -> RealCodeScore:
    """Score `detect(text) -> list[Hit]` (for example `find_citations`) on the gold blocks."""
    from catalog.types import RefKind

    result = RealCodeScore()
    for record, text in blocks:
        where = f"{record.package}/{record.path}:{record.line}"
        if text is None:
            result.stale.append(where)
            continue
        result.blocks += 1
        hits = detect(text)  # type: ignore[operator]
        gold_spans = [s for s in (_locate_all(text, record.titles)) if s is not None]
        predicted = []
        for hit in hits:
            if hit.kind in (RefKind.TITLE, RefKind.BOOK) and hit.title_hint:
                span = locate(text, hit.title_hint, hit.start) or locate(text, hit.title_hint)
                if span is not None:
                    predicted.append(span)
        gold_words, pred_words = word_positions(text, gold_spans), word_positions(text, predicted)
        result.tallies["title token overlap"].add(
            len(gold_words & pred_words), len(pred_words), len(gold_words)
        )
        gold_norm = Counter(norm_title(t) for t in record.titles)
        pred_norm = Counter(norm_title(text[s:e]) for s, e in predicted)
        result.tallies["title exact"].add(
            sum((gold_norm & pred_norm).values()), len(predicted), len(record.titles)
        )
        for s, e in predicted:
            if not word_positions(text, [(s, e)]) & gold_words:
                result.false_titles.append(f"{where}: {' '.join(text[s:e].split())!r}")
        if gold_norm != pred_norm:
            result.missed.append(
                f"{where}\n  gold: {sorted(gold_norm)}\n  pred: {sorted(pred_norm)}"
            )
        gold_ay = Counter((_first_family(a), y) for a, y in record.untitled)
        pred_ay = Counter(
            (_first_family(h.reference.authors[0]), h.reference.year)
            for h in hits
            if h.kind is RefKind.AUTHOR_YEAR and h.reference and h.reference.authors
        )
        result.tallies["untitled (author, year)"].add(
            sum((gold_ay & pred_ay).values()), sum(pred_ay.values()), sum(gold_ay.values())
        )
    return result


def _locate_all(text: str, titles: tuple[str, ...]) -> list[tuple[int, int] | None]:
    """Spans of each title in order; a repeated title is looked for after the previous one."""
    spans: list[tuple[int, int] | None] = []
    after: dict[str, int] = {}
    for title in titles:
        span = locate(text, title, after.get(title, 0))
        if span is not None:
            after[title] = span[1]
        spans.append(span)
    return spans


def _first_family(authors: str) -> str:
    """The family name of the first author of an annotated list ("Kingma and Ba", "Beers,
    Flynn, and Gebhardt", "Kingma et al."), keyed as citegraph keys it (`catalog.keys`)."""
    return family_name(_FIRST_AUTHOR_END.split(authors)[0])
