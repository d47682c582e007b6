"""Evaluate the title and author-year detector (scanner.titles) on annotated and plain comments.

Two measurements:

* `dataset`: the NAIST sample of real citation comments (CC0, kept outside the repository).
  Each comment is rebuilt from its BIO-tagged tokens, the detector runs on it, and precision,
  recall and F1 are reported for title spans (exact match and token overlap), author tokens and
  years, by 5-fold cross-validation: comment i belongs to fold (i mod 5) + 1, and each fold is
  tagged by a model trained on the other four (benchmarks/train_titles.py; about 3 minutes).
  The shipped model is trained on all five, so it is never scored here.
* `negatives DIR...`: false detections on source trees that cite little. Every comment and
  docstring block is read by citegraph's own parsers, the detector runs on each, and the
  detections are written out for hand checking, with the count per 10,000 blocks.
* `realcode GOLD --corpus DIR`: blocks of real packages annotated by hand, kept as stand-off
  records (no code or comment text in the repository; see benchmarks/realcode.py): title
  precision and recall, exact and token overlap, and author-year mentions.

Usage:
    python benchmarks/eval_titles.py dataset [--dataset PATH] [--show-misses N] [--rules-only]
    python benchmarks/eval_titles.py negatives /tmp/corpus/scipy ... [--dump FILE]
    python benchmarks/eval_titles.py realcode benchmarks/data/realcode-test.jsonl --corpus DIR
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.titles import SHIPPED_MODEL, find_citations

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = REPO.parent / "shared" / "data" / "naist-citation-comments" / "dataset.csv"
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


def run_dataset(args: argparse.Namespace) -> None:
    comments = load_comments(Path(args.dataset))
    print(f"{len(comments)} comments from {args.dataset}")
    misses: list[str] = []
    if args.rules_only:
        print("rules alone, every comment (no model; the rules were written reading all folds)")
        for name, value in score(comments, {1, 2, 3, 4, 5}, misses, tagger=None).items():
            print("  " + value.line(name))
    else:
        from benchmarks.train_titles import cross_validate

        cross_validate(comments, misses=misses)
    for miss in misses[: args.show_misses]:
        print(miss)


def run_negatives(args: argparse.Namespace) -> None:
    from scanner.languages import language_for
    from scanner.parsers import get_parser
    from scanner.types import SourceFile

    blocks = detections = 0
    started = time.perf_counter()
    spent = 0.0
    out = []
    for root in map(Path, args.dirs):
        for path in sorted(root.rglob("*")):
            language = language_for(path.name) if path.is_file() else None
            if language is None or language.parser == "text":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            source = SourceFile(str(path), path, language.name, text, path.stem)
            try:
                parsed = get_parser(language.parser).parse(source)
            except Exception:
                continue
            for block in parsed.blocks:
                blocks += 1
                t0 = time.perf_counter()
                hits = find_citations(block.text)
                spent += time.perf_counter() - t0
                for hit in hits:
                    detections += 1
                    raw = " ".join(block.text[hit.start : hit.end].split())
                    out.append(
                        f"{path}:{block.line} {hit.rule} {hit.confidence} | {raw[:300]}"
                        f" | title={hit.title_hint!r}"
                    )
    print(
        f"{blocks} blocks, {detections} detections"
        f" ({1e4 * detections / max(blocks, 1):.1f} per 10,000 blocks)"
    )
    print(
        f"detector time {spent:.2f}s ({1e6 * spent / max(blocks, 1):.1f} us/block);"
        f" total {time.perf_counter() - started:.1f}s"
    )
    Path(args.dump).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"detections written to {args.dump}")


def run_realcode(args: argparse.Namespace) -> None:
    from benchmarks.realcode import load_gold, read_blocks, score_blocks

    gold = load_gold(Path(args.gold))
    tagger = None if args.rules_only else SHIPPED_MODEL
    result = score_blocks(
        read_blocks(Path(args.corpus), gold), lambda text: find_citations(text, tagger)
    )
    cited = sum(1 for g in gold if g.titles or g.untitled)
    print(
        f"{result.blocks} blocks from {args.gold} ({cited} cite something),"
        f" {len(result.stale)} not found with their hash"
    )
    for name, tally in result.tallies.items():
        print("  " + tally.line(name))
    print(
        f"  titles sharing no word with a gold title: {len(result.false_titles)}"
        f" ({1e3 * len(result.false_titles) / max(result.blocks, 1):.1f} per 1,000 blocks)"
    )
    for line in result.false_titles[: args.show_misses]:
        print("    " + line)
    for miss in result.missed[: args.show_misses]:
        print(miss)
    for where in result.stale[: args.show_misses]:
        print("  stale: " + where)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ds = sub.add_parser("dataset", help="precision/recall on the NAIST citation comments")
    ds.add_argument("--dataset", default=str(DEFAULT_DATASET))
    ds.add_argument("--show-misses", type=int, default=0, help="print N held-out misses")
    ds.add_argument("--rules-only", action="store_true", help="the rules alone, without the tagger")
    neg = sub.add_parser("negatives", help="detections on source trees, for hand checking")
    neg.add_argument("dirs", nargs="+")
    neg.add_argument("--dump", default="/tmp/eval_titles_detections.txt")
    real = sub.add_parser("realcode", help="precision/recall on hand-annotated real blocks")
    real.add_argument("gold", help="a stand-off gold file: benchmarks/data/realcode-*.jsonl")
    real.add_argument("--corpus", required=True, help="folder of unpacked packages (realcode.py)")
    real.add_argument("--rules-only", action="store_true", help="without the tagger")
    real.add_argument("--show-misses", type=int, default=0, help="print N misses and false titles")
    args = parser.parse_args(argv)
    commands = {"dataset": run_dataset, "negatives": run_negatives, "realcode": run_realcode}
    commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
