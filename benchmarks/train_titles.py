"""Train the title tagger (scanner/titles/tagger.py) on the NAIST citation comments.

    python -m benchmarks.train_titles [--dataset PATH] [--folds 1,2,3,4,5] [--out PATH]
    python -m benchmarks.train_titles --cv        # 5-fold cross-validation, nothing written

The dataset (CC0, kept outside the repository, see scoring.py) is rebuilt into comments
exactly as the evaluation does; each comment is tokenized by the tagger's own tokenizer, its
gold spans become token labels, and the rules' hits on the same text become features. The
synthetic blocks of reference_corpus.py are added to every training set; their titles leave
out every title of the evaluation sets. The shipped model is trained on all five folds; its
figures are the cross-validated ones (`--cv`, or `eval_titles.py dataset`: each fold tagged
by a model trained on the other four) and the real-code sets it never saw (`eval_titles.py
realcode`). Training is deterministic (L-BFGS), so the same data gives the same model.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.reference_corpus import generate
from benchmarks.scoring import DEFAULT_DATASET, Comment, Score, load_comments, score
from scanner.titles import rule_citations
from scanner.titles.features import Token
from scanner.titles.tagged import windows
from scanner.titles.tagger import MODEL_RESOURCE, Tagger, window_features

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "scanner" / "titles" / MODEL_RESOURCE
# Gold field -> tagger label; identifiers (URL, DOI, ISBN, ISSN) are found by other rules.
LABELS = {
    "TITLE": "T",
    "AUTHOR": "A",
    "BOOKTITLE_OR_JOURNAL": "V",
    "YEAR": "Y",
    "MONTH": "M",
    "VOLUME": "M",
    "NUMBER": "M",
    "PAGES": "M",
    "PUBLISHER": "M",
    "ADDRESS": "M",
}
BEGINS = {"T", "A"}  # labels whose adjacent spans must stay apart (two titles, two authors)
SYNTHETIC = 600  # synthetic blocks (reference_corpus) added to every training set
# Each real (NAIST) comment is given this many times: the synthetic blocks outnumber the real
# ones, and a real comment is worth more than a rendered one.
REAL_WEIGHT = 1
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def token_labels(comment: Comment, tokens: list[Token]) -> list[str]:
    """The gold label of each token, from the comment's character spans."""
    labels = ["O"] * len(tokens)
    for field, spans in comment.fields.items():
        label = LABELS.get(field)
        if label is None:
            continue
        for start, end in spans:
            first = True
            for i, token in enumerate(tokens):
                if token.start >= start and token.end <= end:
                    labels[i] = f"B-{label}" if first else f"I-{label}"
                    first = False
    return [lab if lab[2:] in BEGINS else ("O" if lab == "O" else lab[2:]) for lab in labels]


def examples(comment: Comment) -> list[tuple[list[list[bytes]], list[str]]]:
    """Features and labels of each span of `comment` the tagger would read at run time."""
    text = comment.text
    hits = rule_citations(text)
    out = []
    for start, end in windows(text, hits):
        tokens, features = window_features(text, hits, start, end)
        shifted = Comment(
            text[start:end],
            {
                field: [(s - start, e - start) for s, e in spans if start <= s and e <= end]
                for field, spans in comment.fields.items()
            },
        )
        out.append((features, token_labels(shifted, tokens)))
    return out


def train(comments: list[Comment], out: Path, params: dict | None = None) -> None:
    import pycrfsuite

    params = dict(params or PARAMS)
    trainer = pycrfsuite.Trainer(str(params.pop("algorithm", "lbfgs")), verbose=False)
    for comment in comments:
        for features, labels in examples(comment):
            trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(out))


def in_folds(comments: list[Comment], folds: set[int]) -> list[Comment]:
    return [c for i, c in enumerate(comments) if i % 5 + 1 in folds]


def cross_validate(
    comments: list[Comment],
    params: dict | None = None,
    synthetic: int | None = None,
    weight: int = REAL_WEIGHT,
    misses: list[str] | None = None,
) -> None:
    """Train five models, each on four folds (and the synthetic blocks), score each on the
    fold it did not see, and print the per-fold and pooled figures; collect the held-out
    comments the detector got wrong in `misses`."""
    with tempfile.TemporaryDirectory() as tmp:
        totals: dict[str, list[float]] = {}
        for fold in range(1, 6):
            model = Path(tmp) / f"fold{fold}.crfsuite"
            training = in_folds(comments, set(range(1, 6)) - {fold})
            extra = generate(SYNTHETIC if synthetic is None else synthetic)
            train(training * weight + extra, model, params)
            scores = score(comments, {fold}, misses if misses is not None else [], Tagger(model))
            for name, value in scores.items():
                row = totals.setdefault(name, [0.0, 0.0, 0.0])
                row[0] += value.tp
                row[1] += value.predicted
                row[2] += value.gold
            print(f"fold {fold}: {scores['title token overlap'].line('title token overlap')}")
        print("5-fold cross-validation (each fold tagged by a model trained on the others)")
        for name, (tp, predicted, gold) in totals.items():
            print("  " + Score(tp, predicted, gold).line(name))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", default=str(DEFAULT_DATASET))
    parser.add_argument("--folds", default="1,2,3,4,5", help="folds to train the model on")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--cv", action="store_true", help="cross-validate instead of training")
    parser.add_argument(
        "--synthetic", type=int, default=SYNTHETIC, help="synthetic blocks to train on as well"
    )
    parser.add_argument(
        "--weight", type=int, default=REAL_WEIGHT, help="times each real comment is given"
    )
    args = parser.parse_args(argv)
    comments = load_comments(Path(args.dataset))
    if args.cv:
        cross_validate(comments, synthetic=args.synthetic, weight=args.weight)
        return
    folds = {int(f) for f in args.folds.split(",")}
    train(in_folds(comments, folds) * args.weight + generate(args.synthetic), Path(args.out))
    print(
        f"trained on folds {sorted(folds)} ({len(in_folds(comments, folds))} comments): {args.out}"
    )


if __name__ == "__main__":
    main()
