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
    python -m benchmarks.eval_titles dataset [--dataset PATH] [--show-misses N] [--rules-only]
    python -m benchmarks.eval_titles negatives /tmp/corpus/scipy ... [--dump FILE]
    python -m benchmarks.eval_titles realcode benchmarks/data/realcode-test.jsonl --corpus DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.scoring import DEFAULT_DATASET, load_comments, score
from scanner.titles import SHIPPED_MODEL, find_citations


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
