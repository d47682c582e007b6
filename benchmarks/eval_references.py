"""Score the scanner on whole files annotated for every reference (stand-off gold records).

The convention is `reference/references.md` (what counts, one place one reference, kind, id,
line, symbol); the annotation guidelines and the corpus are in
`benchmarks/data/references-guidelines.md`. Each gold line names one whole file of a pinned
release (package, path, SHA-1 of its bytes) and lists its references and its traps (lines that
look like references but are not). No code or comment text is committed.

Every file is scanned through the scanner's library API with its package's unpacked release as
the scan root, offline, and predictions are matched to gold one-to-one within the file:

* a prediction with an id matches an unmatched gold reference with the same id (arXiv versions,
  DOI and arXiv URLs, URL scheme, `www.`, trailing slash and punctuation normalised) whose line
  or other lines are within 3 lines of the prediction;
* a prediction without an id matches by that window and title similarity (or, when either side
  has no title, by the window alone);
* every prediction left over is a false positive, including a second prediction of a reference
  already matched; every gold reference left over is a miss.

Precision counts predictions by their kind, recall gold references by theirs. A trap is
rejected when no false positive lies on its line.

Several gold files are scored together, as the union of their records (a file annotated in two
of them is an error: it would be scored twice).

Usage:
    python -m benchmarks.eval_references benchmarks/data/references-dev.jsonl \\
        [benchmarks/data/references-dev2.jsonl ...] --corpus /work/corpora/refs [--json] [--misses]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from scanner.identifiers.urls import canonical_paper_url

KINDS = ("arxiv", "doi", "url", "isbn", "title", "author-year", "book")
# The groups the targets of issue #15 are stated for.
GROUPS = {
    "identifiers (arxiv+doi+url)": ("arxiv", "doi", "url"),
    "url": ("url",),
    "title+author-year+book": ("title", "author-year", "book"),
    "overall": KINDS,
}
WINDOW = 3  # lines between a prediction and any line of its gold reference
NAMED = GROUPS["title+author-year+book"]
NAMED_ERRORS = (
    "false positive beside a matched reference (a second citation of it)",
    "false positive beside a missed reference (its title, kind or line wrong)",
    "false positive alone (no reference there)",
    "miss with a false positive beside it",
    "miss alone",
)
TITLE_SIMILARITY = 0.6


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference, gold or predicted: its kind, normalised id, title, symbol and lines."""

    kind: str
    id: str | None
    title: str | None
    symbol: str
    line: int
    also_lines: tuple[int, ...] = ()

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also_lines)


@dataclass(frozen=True, slots=True)
class Trap:
    """A line that looks like a reference but is not, with what it is (docs, github, ...)."""

    line: int
    category: str


@dataclass(frozen=True, slots=True)
class GoldFile:
    """One annotated whole file."""

    package: str
    version: str
    source: str
    path: str
    sha1: str
    language: str
    references: tuple[Ref, ...]
    traps: tuple[Trap, ...]


@dataclass(slots=True)
class Tally:
    """Counts for one kind or group: precision from the predictions, recall from the gold."""

    pred: int = 0
    pred_matched: int = 0
    gold: int = 0
    gold_matched: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_matched / self.pred if self.pred else 0.0
        r = self.gold_matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Result:
    """Everything the scorer found over one gold file."""

    files: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    symbols_right: int = 0
    # Matched pairs whose predicted kind is the gold one: the window matches a gold URL reference
    # to its entry's author-year too, so the per-kind recall alone hides a paper link not read.
    kinds_right: int = 0
    pairs: int = 0
    traps: dict[str, list[int]] = field(default_factory=dict)  # category -> [rejected, total]
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong_symbols: list[str] = field(default_factory=list)
    wrong_kinds: list[str] = field(default_factory=list)
    not_scored: list[str] = field(default_factory=list)  # missing, changed or unscannable files
    # The named-only errors (titles, author-years, books) by what stands within the window: counts
    # only, so that a test split's kinds of error can be told without reading its files.
    named_errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NAMED_ERRORS, 0))
    # The first of them (beside a matched reference) by the false positive's kind, where it stands
    # and whether its title is that reference's: a second citation of one work, a fragment of its
    # entry or a neighbouring line read as a work are told apart in counts alone.
    beside_matched: dict[str, int] = field(default_factory=dict)

    def group(self, kinds: Iterable[str]) -> Tally:
        total = Tally()
        for kind in kinds:
            tally = self.tallies.get(kind, Tally())
            total.pred += tally.pred
            total.pred_matched += tally.pred_matched
            total.gold += tally.gold
            total.gold_matched += tally.gold_matched
        return total


def load_gold(path: Path) -> list[GoldFile]:
    """Read a stand-off gold file, one JSON object per line; ids are normalised on reading."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            refs = tuple(
                Ref(
                    r["kind"],
                    normalise_id(r["id"]),
                    r["title"],
                    r["symbol"],
                    int(r["line"]),
                    tuple(int(x) for x in r["also_lines"]),
                )
                for r in record["references"]
            )
            traps = tuple(Trap(int(t["line"]), t["category"]) for t in record["traps"])
            keys = ("package", "version", "source", "path", "sha1", "language")
            out.append(GoldFile(*(str(record[k]) for k in keys), refs, traps))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a gold record ({error})") from error
    return out


def load_golds(paths: Iterable[Path]) -> list[GoldFile]:
    """The union of several gold files' records; a file recorded twice is refused, since
    scoring it twice would count its references twice."""
    out: list[GoldFile] = []
    seen: dict[tuple[str, str], Path] = {}
    for path in paths:
        for record in load_gold(path):
            key = (record.package, record.path)
            if key in seen:
                where = f"{record.package}/{record.path}"
                raise ValueError(f"{path}: {where} is already annotated in {seen[key]}")
            seen[key] = path
            out.append(record)
    return out


_ARXIV_URL = re.compile(
    r"^(?:export\.)?arxiv\.org/(?:abs|pdf)/(?P<id>[a-z-]+(?:\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})",
    re.IGNORECASE,
)
_HF_PAPERS = re.compile(r"^huggingface\.co/papers/(?P<id>\d{4}\.\d{4,5})", re.IGNORECASE)
_DOI_IN = re.compile(r"(?:^|/)(?:doi/(?:abs/|full/|pdf/|epdf/)?)?(?P<doi>10\.\d{4,9}/\S+)")
_DOI_HOSTS = re.compile(r"^(?:dx\.)?doi\.org/", re.IGNORECASE)
_VERSION = re.compile(r"v\d+$")


def normalise_id(ident: str | None) -> str | None:
    """One key per work: `arxiv:ID` (no version), `doi:lower-case DOI` (also from a DOI or
    publisher URL), `url:host/path` (no scheme, `www.`, trailing slash or punctuation; a named
    paper site's link in its canonical form, so its PDF and abstract pages are one work)."""
    if not ident:
        return None
    scheme, _, value = ident.partition(":")
    scheme = scheme.lower()
    if scheme == "arxiv":
        return "arxiv:" + _VERSION.sub("", value.strip().lower().removeprefix("arxiv:"))
    if scheme == "doi":
        return "doi:" + value.strip().rstrip(".,;)").lower()
    if scheme == "isbn":
        return "isbn:" + re.sub(r"[^0-9Xx]", "", value).upper()
    url = ident[4:] if scheme == "url" else ident
    url = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE).rstrip(".,;:)>'\"").rstrip("/")
    url = url.split("#", 1)[0].rstrip("/")  # a fragment points into the work, not at another
    for pattern in (_ARXIV_URL, _HF_PAPERS):
        match = pattern.match(url)
        if match:
            return "arxiv:" + _VERSION.sub("", match["id"].lower())
    if _DOI_HOSTS.match(url) or "/doi/" in url.lower():
        match = _DOI_IN.search(_DOI_HOSTS.sub("", url))
        if match:
            return "doi:" + match["doi"].rstrip(".,;)").lower()
    canonical = canonical_paper_url(url)
    if canonical is not None:
        # A named paper site's PDF and abstract links are one work, as the scanner keys them.
        url = re.sub(r"^[a-z]+://(?:www\.)?", "", canonical, flags=re.IGNORECASE).rstrip("/")
    host, slash, rest = url.partition("/")
    return f"url:{host.lower()}{slash}{rest}"


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are, over their lower-cased words (0 to 1): the better of their
    overall likeness and how much of the shorter one (three words or more) the longer holds,
    so that a title read with its subtitle or venue still names the same work."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    matcher = SequenceMatcher(None, words_a, words_b)
    shorter = min(len(words_a), len(words_b))
    held = sum(block.size for block in matcher.get_matching_blocks())
    return max(matcher.ratio(), held / shorter if shorter >= 3 else 0.0)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _near(pred: Ref, gold: Ref) -> int | None:
    """The distance from the prediction's line to the closest line of the gold reference, or
    None when it is more than the window away."""
    distance = min(abs(pred.line - line) for line in gold.lines)
    return distance if distance <= WINDOW else None


def match(gold: list[Ref], preds: list[Ref]) -> tuple[list[tuple[Ref, Ref]], list[Ref], list[Ref]]:
    """Pair predictions with gold references one-to-one: (pairs, false positives, misses).

    Predictions with an id are paired first, then those with a title, then the rest; each takes
    the nearest gold reference still free that it may match.
    """
    free = list(gold)
    pairs: list[tuple[Ref, Ref]] = []
    left: list[Ref] = []

    def stage(pred: Ref) -> int:
        return 0 if pred.id else (1 if pred.title else 2)

    for pred in sorted(preds, key=lambda p: (stage(p), p.line)):
        best: tuple[int, int] | None = None
        for index, candidate in enumerate(free):
            distance = _near(pred, candidate)
            if distance is None or not _may_match(pred, candidate):
                continue
            if best is None or distance < best[0]:
                best = (distance, index)
        if best is None:
            left.append(pred)
        else:
            pairs.append((free.pop(best[1]), pred))
    return pairs, left, free


def _may_match(pred: Ref, gold: Ref) -> bool:
    if pred.id:
        return pred.id == gold.id
    if pred.title and gold.title:
        return title_similarity(pred.title, gold.title) >= TITLE_SIMILARITY
    return True


def score_file(gold: GoldFile, preds: list[Ref], result: Result) -> None:
    """Add one file's matches, misses, false positives, symbols and traps to `result`."""
    result.files += 1
    pairs, false_positives, misses = match(list(gold.references), preds)
    where = f"{gold.package}/{gold.path}"
    for ref in gold.references:
        result.tallies.setdefault(ref.kind, Tally()).gold += 1
    for pred in preds:
        result.tallies.setdefault(pred.kind, Tally()).pred += 1
    for gold_ref, pred in pairs:
        result.tallies[gold_ref.kind].gold_matched += 1
        result.tallies[pred.kind].pred_matched += 1
        result.pairs += 1
        if pred.kind == gold_ref.kind:
            result.kinds_right += 1
        else:
            result.wrong_kinds.append(
                f"{where}:{gold_ref.line} gold {gold_ref.kind} / predicted {pred.kind}"
            )
        if pred.symbol == gold_ref.symbol:
            result.symbols_right += 1
        else:
            result.wrong_symbols.append(
                f"{where}:{gold_ref.line} gold {gold_ref.symbol} / predicted {pred.symbol}"
            )
    for pred in false_positives:
        result.false_positives.append(f"{where}:{pred.line} {_describe(pred)}")
    for ref in misses:
        result.misses.append(f"{where}:{ref.line} {_describe(ref)}")
    _count_named_errors(pairs, false_positives, misses, result)
    wrong_lines = {line for pred in false_positives for line in pred.lines}
    for trap in gold.traps:
        counts = result.traps.setdefault(trap.category, [0, 0])
        counts[0] += trap.line not in wrong_lines
        counts[1] += 1


def _count_named_errors(
    pairs: list[tuple[Ref, Ref]],
    false_positives: list[Ref],
    misses: list[Ref],
    result: Result,
) -> None:
    """Class each named-only false positive and miss by the gold or prediction beside it."""
    counts = result.named_errors
    matched = [gold for gold, _ in pairs]
    for pred in false_positives:
        if pred.kind not in NAMED:
            continue
        if any(_near(pred, gold) is not None for gold in misses):
            counts[NAMED_ERRORS[1]] += 1
            continue
        beside = [(d, gold) for gold in matched if (d := _near(pred, gold)) is not None]
        if beside:
            counts[NAMED_ERRORS[0]] += 1
            _, gold = min(beside, key=lambda pair: pair[0])
            shape = _beside_shape(pred, gold)
            result.beside_matched[shape] = result.beside_matched.get(shape, 0) + 1
        else:
            counts[NAMED_ERRORS[2]] += 1
    for gold in misses:
        if gold.kind in NAMED:
            beside = any(_near(pred, gold) is not None for pred in false_positives)
            counts[NAMED_ERRORS[3] if beside else NAMED_ERRORS[4]] += 1


def _beside_shape(pred: Ref, gold: Ref) -> str:
    """How a false positive stands to the matched reference beside it, in words."""
    offset = min((pred.line - line for line in gold.lines), key=abs)
    where = "on its line" if offset == 0 else ("below it" if offset > 0 else "above it")
    if pred.title is None or gold.title is None:
        alike = "no title to compare"
    elif title_similarity(pred.title, gold.title) >= TITLE_SIMILARITY:
        alike = "its title"
    else:
        alike = "another title"
    of = "an identifier's" if gold.id else "a named"
    return f"{pred.kind} {where}, {alike} (beside {of} reference)"


def _describe(ref: Ref) -> str:
    what = ref.id or (repr(ref.title) if ref.title else "")
    return f"{ref.kind} {what} [{ref.symbol}]".replace("  ", " ")


def scan_predictions(root: Path, relative: str) -> list[Ref]:
    """The scanner's references in one file, as `Ref`s: the one adapter to the scanner's API.

    `root` is the package's unpacked release (the scan root, so that module paths and symbols
    come out as a user's scan would give them); `relative` the file's path under it. Raises
    `ValueError` when the scanner skipped the file, unless as generated (a user's scan reports
    nothing of it: no references, scored as such).
    """
    from scanner import ScanOptions, scan_file

    scan = scan_file(root, relative, ScanOptions(cache=False))
    if scan.status.value == "skipped":
        if scan.reason is not None and scan.reason.startswith("generated by"):
            return []
        raise ValueError(f"skipped by the scanner: {scan.reason}")
    refs = []
    for mention in scan.mentions:
        if mention.problem and mention.ref is None:
            continue  # a malformed identifier names nothing: a finding of `check`, not a citation
        reference = getattr(mention, "reference", None)
        title = mention.title_hint or (reference.title if reference is not None else None)
        refs.append(
            Ref(
                mention.kind.value,
                normalise_id(mention.ref.key) if mention.ref is not None else None,
                title,
                mention.symbol.name,
                mention.line,
                tuple(getattr(mention, "also_lines", ())),
            )
        )
    return refs


def evaluate(gold: list[GoldFile], corpus: Path, predict: object = scan_predictions) -> Result:
    """Scan and score every gold file found unchanged under `corpus/<package>/<path>`."""
    result = Result()
    for record in gold:
        root = corpus / record.package
        where = f"{record.package}/{record.path}"
        try:
            data = (root / record.path).read_bytes()
        except OSError as error:
            result.not_scored.append(f"{where}: not readable ({error.strerror or error})")
            continue
        if hashlib.sha1(data).hexdigest() != record.sha1:
            result.not_scored.append(f"{where}: changed since it was annotated (SHA-1 differs)")
            continue
        try:
            preds = predict(root, record.path)  # type: ignore[operator]
        except ValueError as error:
            result.not_scored.append(f"{where}: {error}")
            continue
        score_file(record, preds, result)
    return result


def report(result: Result) -> dict[str, object]:
    """The figures as plain data (the `--json` output)."""

    def row(tally: Tally) -> dict[str, object]:
        p, r, f = tally.prf()
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **asdict(tally)}

    return {
        "files": result.files,
        "kinds": {k: row(t) for k, t in result.tallies.items() if t.pred or t.gold},
        "groups": {name: row(result.group(kinds)) for name, kinds in GROUPS.items()},
        "symbol_accuracy": round(result.symbols_right / result.pairs, 4) if result.pairs else None,
        "kind_accuracy": round(result.kinds_right / result.pairs, 4) if result.pairs else None,
        "matched_pairs": result.pairs,
        "traps_rejected": {
            c: {"rejected": n, "total": t} for c, (n, t) in sorted(result.traps.items())
        },
        "not_scored": result.not_scored,
        "named_errors": result.named_errors,
        "beside_matched": dict(sorted(result.beside_matched.items())),
    }


def render(result: Result, misses: bool = False, totals_only: bool = False) -> str:
    """The figures as a terminal table; with `misses`, every false positive and miss too."""
    data = report(result)
    lines = [f"{data['files']} files scored", ""]
    lines.append(f"{'':<30}{'P':>7}{'R':>7}{'F1':>7}   matched/pred  matched/gold")

    def add(name: str, row: dict[str, object]) -> None:
        lines.append(
            f"{name:<30}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
            f"   {row['pred_matched']:>5}/{row['pred']:<6}  {row['gold_matched']:>5}/{row['gold']}"
        )

    if not totals_only:
        for kind, row in data["kinds"].items():  # type: ignore[attr-defined]
            add(kind, row)
        lines.append("")
    for name, row in data["groups"].items():  # type: ignore[attr-defined]
        add(name, row)
    accuracy = data["symbol_accuracy"]
    shown = "n/a" if accuracy is None else f"{accuracy:.3f}"
    lines.append("")
    lines.append(
        f"symbol accuracy on matched pairs: {shown} ({result.symbols_right}/{result.pairs})"
    )
    kinds = data["kind_accuracy"]
    shown = "n/a" if kinds is None else f"{kinds:.3f}"
    lines.append(f"kind accuracy on matched pairs: {shown} ({result.kinds_right}/{result.pairs})")
    if not totals_only:
        lines.append("")
        lines.append("traps rejected (no false positive on the line):")
        for category, counts in data["traps_rejected"].items():  # type: ignore[attr-defined]
            lines.append(f"  {category:<20} {counts['rejected']:>4}/{counts['total']}")
    lines.append("")
    lines.append("titles, author-years and books wrong, by what stands beside them:")
    for name, count in result.named_errors.items():
        lines.append(f"  {count:>4}  {name}")
        if name == NAMED_ERRORS[0]:
            for shape, shape_count in sorted(result.beside_matched.items()):
                lines.append(f"        {shape_count:>4}  {shape}")
    for problem in result.not_scored:
        lines.append(f"NOT SCORED {problem}")
    if misses:
        for title, items in (
            ("false positives", result.false_positives),
            ("misses", result.misses),
            ("wrong symbols", result.wrong_symbols),
            ("other kinds", result.wrong_kinds),
        ):
            lines.append("")
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "gold", type=Path, nargs="+", help="references-*.jsonl files, scored as one set"
    )
    parser.add_argument("--corpus", type=Path, required=True, help="one folder per package")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--misses", action="store_true", help="list false positives and misses")
    parser.add_argument("--totals", action="store_true", help="only the group totals")
    args = parser.parse_args(argv)
    try:
        gold = load_golds(args.gold)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    result = evaluate(gold, args.corpus)
    if args.json:
        data = report(result)
        if args.misses:
            data.update(
                false_positives=result.false_positives,
                misses=result.misses,
                wrong_symbols=result.wrong_symbols,
            )
        print(json.dumps(data, indent=2))
    else:
        print(render(result, misses=args.misses, totals_only=args.totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
