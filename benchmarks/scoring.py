"""What the title benchmarks share: the NAIST comments, their gold spans, and scoring.

`eval_titles`, `train_titles`, `realcode` and `reference_corpus` all read from here, and this
module reads none of them, so the benchmarks form no import cycle. Run them from the project
root as modules (`python -m benchmarks.eval_titles ...`).
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scanner.titles import SHIPPED_MODEL, find_citations

REPO = Path(__file__).resolve().parent.parent
# The NAIST citation comments (CC0) are kept outside the repository: `$CITEGRAPH_NAIST_DATASET`,
# else `../shared/data/naist-citation-comments/dataset.csv` beside the project root.
DATASET_ENV = "CITEGRAPH_NAIST_DATASET"
DEFAULT_DATASET = Path(
    os.environ.get(DATASET_ENV)
    or REPO.parent / "shared" / "data" / "naist-citation-comments" / "dataset.csv"
)
_NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "'s", "?", "!"}
WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Comment:
    """A comment rebuilt from its tokens, with the gold spans of each tagged field."""

    text: str
    fields: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def load_comments(path: Path) -> list[Comment]:
    """Read the BIO-tagged CSV into comments with character spans for every entity."""
    comments: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for row in rows:
            if row[0].startswith("Sentence:"):
                comments.append([])
            comments[-1].append((row[1], row[2]))
    return [_rebuild(tokens) for tokens in comments]


def _rebuild(tokens: list[tuple[str, str]]) -> Comment:
    # The quote tokens that open and close every comment are its string delimiters, which the
    # scanner blanks; keep them out of the text the detector reads.
    while tokens and tokens[0][0] in ("``", "''") and tokens[0][1] == "O":
        tokens = tokens[1:]
    while tokens and tokens[-1][0] in ("``", "''") and tokens[-1][1] == "O":
        tokens = tokens[:-1]
    parts: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    pos, prev, open_span = 0, "", None
    for word, tag in tokens:
        word = '"' if word in ("``", "''") else word
        gap = "" if not parts or word in _NO_SPACE_BEFORE or prev in ("(", "[") else " "
        parts.append(gap + word)
        start = pos + len(gap)
        pos = start + len(word)
        kind = tag[2:] if tag != "O" else None
        if kind and (tag.startswith("B-") or open_span is None or open_span[0] != kind):
            open_span = (kind, start)
            spans.setdefault(kind, []).append((start, pos))
        elif kind and open_span is not None:
            spans[kind][-1] = (spans[kind][-1][0], pos)
        else:
            open_span = None
        prev = word
    return Comment("".join(parts), spans)


@dataclass(slots=True)
class Score:
    """Counts for precision and recall."""

    tp: float = 0
    predicted: float = 0
    gold: float = 0

    def add(self, tp: float, predicted: float, gold: float) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 (0 where undefined)."""
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, name: str) -> str:
        p, r, f = self.prf()
        counts = f"tp={self.tp:.0f} pred={self.predicted:.0f} gold={self.gold:.0f}"
        return f"{name:<24} P={p:.3f} R={r:.3f} F1={f:.3f}  ({counts})"


def norm_title(text: str) -> str:
    """A title's words, lower-cased: the unit of exact-match scoring."""
    return " ".join(WORD.findall(text.lower()))


def word_positions(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Word start offsets inside `spans`: the unit of token-overlap scoring."""
    return {m.start() for s, e in spans for m in WORD.finditer(text, s, e)}


def score(
    comments: list[Comment], folds: set[int], misses: list[str], tagger: object = SHIPPED_MODEL
) -> dict[str, Score]:
    """Score the detector on the comments of `folds` (with `tagger`, default the shipped one)."""
    scores = {k: Score() for k in ("title exact", "title token overlap", "author tokens", "year")}
    for index, comment in enumerate(comments):
        if index % 5 + 1 not in folds:
            continue
        text = comment.text
        hits = find_citations(text, tagger)
        gold_titles = comment.fields.get("TITLE", [])
        pred_spans = []
        for hit in hits:
            if hit.title_hint:
                at = text.find(hit.title_hint, hit.start)
                if at >= 0:
                    pred_spans.append((at, at + len(hit.title_hint)))
        exact = scores["title exact"]
        gold_norm = Counter(norm_title(text[s:e]) for s, e in gold_titles)
        pred_norm = Counter(norm_title(text[s:e]) for s, e in pred_spans)
        exact.tp += sum((gold_norm & pred_norm).values())
        exact.predicted += len(pred_spans)
        exact.gold += len(gold_titles)
        for name, gold, pred in (
            ("title token overlap", gold_titles, pred_spans),
            ("author tokens", comment.fields.get("AUTHOR", []), _author_spans(text, hits)),
        ):
            g, p = word_positions(text, gold), word_positions(text, pred)
            scores[name].tp += len(g & p)
            scores[name].predicted += len(p)
            scores[name].gold += len(g)
        gold_years = Counter(
            m for s, e in comment.fields.get("YEAR", []) for m in re.findall(r"\d{4}", text[s:e])
        )
        pred_years = Counter(
            str(h.reference.year) for h in hits if h.reference and h.reference.year
        )
        scores["year"].tp += sum((gold_years & pred_years).values())
        scores["year"].predicted += sum(pred_years.values())
        scores["year"].gold += sum(gold_years.values())
        if gold_norm != pred_norm:
            misses.append(
                f"#{index}\n  text: {text}\n  gold: {list(gold_norm)}\n  pred: {list(pred_norm)}"
            )
    return scores


def _author_spans(text: str, hits: list) -> list[tuple[int, int]]:
    spans = []
    for hit in hits:
        for name in hit.reference.authors if hit.reference else ():
            for word in WORD.findall(name):
                for m in re.finditer(rf"\b{re.escape(word)}\b", text[hit.start : hit.end]):
                    spans.append((hit.start + m.start(), hit.start + m.end()))
    return spans
