"""The stand-off real-code evaluation: gold records locate their blocks by hash, scores count
what the detector got right, and the committed gold files hold no code or comment text."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.realcode import (
    CORPORA,
    GoldBlock,
    block_sha1,
    load_gold,
    locate,
    read_blocks,
    score_blocks,
)
from benchmarks.scoring import norm_title
from scanner.titles import find_citations

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"

MODULE = '''"""Running moments.

References
----------
.. [1] B. P. Welford, "Note on a method for calculating corrected sums of
   squares and products", Technometrics, 4(3):419-420, 1962.
"""


def update(state, value):
    """Changed in version 2.3 (2019): accepts integers."""
    return state
'''


def _corpus(tmp_path: Path) -> tuple[Path, list[GoldBlock]]:
    from scanner.languages import language_for
    from scanner.parsers import get_parser
    from scanner.types import SourceFile

    path = tmp_path / "corpus" / "pkg" / "moments.py"
    path.parent.mkdir(parents=True)
    path.write_text(MODULE)
    language = language_for(path.name)
    assert language is not None
    blocks = (
        get_parser(language.parser)
        .parse(SourceFile(str(path), path, language.name, MODULE, "moments"))
        .blocks
    )
    docstring = next(b for b in blocks if "Welford" in b.text)
    changelog = next(b for b in blocks if "Changed" in b.text)
    gold = [
        GoldBlock(
            "pkg",
            "moments.py",
            docstring.line,
            block_sha1(docstring.text),
            ("Note on a method for calculating corrected sums of squares and products",),
            (),
        ),
        GoldBlock("pkg", "moments.py", changelog.line, block_sha1(changelog.text), (), ()),
        GoldBlock("pkg", "moments.py", docstring.line, "0" * 40, ("A stale record",), ()),
    ]
    return tmp_path / "corpus", gold


def test_scores_the_detector_on_blocks_found_by_hash(tmp_path: Path) -> None:
    corpus, gold = _corpus(tmp_path)
    result = score_blocks(read_blocks(corpus, gold), find_citations)
    assert result.blocks == 2 and len(result.stale) == 1
    exact = result.tallies["title exact"]
    assert (exact.tp, exact.predicted, exact.gold) == (1, 1, 1)
    overlap = result.tallies["title token overlap"]
    assert overlap.prf() == (1.0, 1.0, 1.0)
    assert result.false_titles == [] and result.missed == []


def test_a_detector_that_reads_the_wrong_words_is_scored_down(tmp_path: Path) -> None:
    from catalog.types import RefKind
    from scanner.types import Hit

    corpus, gold = _corpus(tmp_path)

    def venue_as_title(text: str) -> list[Hit]:
        at = text.find("Technometrics")
        if at < 0:
            return []
        return [Hit(at, at + 13, RefKind.TITLE, "CG105", title_hint="Technometrics")]

    result = score_blocks(read_blocks(corpus, gold), venue_as_title)
    assert result.tallies["title token overlap"].prf() == (0.0, 0.0, 0.0)
    assert len(result.false_titles) == 1 and "Technometrics" in result.false_titles[0]
    assert len(result.missed) == 1


def test_locate_allows_line_breaks_and_indentation() -> None:
    text = 'x "Note on a method for\n       calculating sums", y'
    start, end = locate(text, "Note on a method for calculating sums") or (0, 0)
    assert text[start:end] == "Note on a method for\n       calculating sums"
    assert locate(text, "absent title") is None


def test_committed_gold_files_name_their_blocks_and_copy_no_text() -> None:
    files = sorted(DATA.glob("realcode-*.jsonl"))
    assert {f.name for f in files} == {"realcode-dev.jsonl", "realcode-test.jsonl"}
    for path in files:
        records = load_gold(path)
        assert len(records) > 400
        assert {r.package for r in records} <= set(CORPORA)
        for line in path.read_text(encoding="utf-8").splitlines():
            keys = set(json.loads(line))
            assert keys == {"package", "path", "line", "sha1", "titles", "untitled"}


def test_training_facts_hold_no_title_of_an_evaluation_set() -> None:
    # The synthetic training blocks are rendered from these titles; a title the detector is
    # scored on must never be one it was trained on, or the held-out figures would flatter it.
    from benchmarks.reference_facts import TITLES
    from benchmarks.scoring import DEFAULT_DATASET, load_comments

    training = {norm_title(t) for t in TITLES}
    for path in DATA.glob("realcode-*.jsonl"):
        scored = {norm_title(t) for record in load_gold(path) for t in record.titles}
        assert not training & scored, path.name
    if DEFAULT_DATASET.is_file():  # the NAIST sample lives beside the repository, not in it
        comments = load_comments(DEFAULT_DATASET)
        scored = {norm_title(c.text[s:e]) for c in comments for s, e in c.fields.get("TITLE", [])}
        assert not training & scored
