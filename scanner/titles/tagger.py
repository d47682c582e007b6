"""A conditional random field over tokens that labels titles, authors, venues and years.

The rules of this package find entries whose shape they know; real reference strings take
more shapes than rules can list (titles after "article:", HTML-flattened entries, all-caps
lists). The tagger reads a candidate block as a token sequence, with the rules' own reading
as features, and labels each token: `B-T`/`I-T` title, `B-A`/`I-A` authors, `V` venue, `Y`
year, `M` other bibliographic fields (volume, pages, publisher), `O` none. The model file is
trained by `benchmarks/train_titles.py` and loaded once, lazily, by `default_tagger`.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from scanner.spans import SpanIndex
from scanner.titles.features import Token, block_features, tokenize
from scanner.titles.fields import find_spaced
from scanner.types import Hit

MODEL_RESOURCE = "titles.crfsuite"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Field:
    """A labelled run of tokens: its label (`T`, `A`, `V`, `Y`, `M`), span and mean marginal."""

    label: str
    start: int
    end: int
    probability: float


def rule_marks(text: str, tokens: Sequence[Token], hits: Iterable[Hit]) -> list[set[str]]:
    """For each token, which parts of the rules' hits cover it (entry, title, author, ay)."""
    marks: list[set[str]] = [set() for _ in tokens]
    starts = [t.start for t in tokens]

    def mark(start: int, end: int, name: str) -> None:
        for i in range(bisect_left(starts, start), len(tokens)):
            if tokens[i].start >= end:
                break
            marks[i].add(name)

    for hit in hits:
        mark(hit.start, hit.end, "entry" if hit.title_hint else "ay")
        if hit.title_hint:
            at, to = find_spaced(text, hit.title_hint, hit.start, hit.end)
            if at >= 0:
                mark(at, to, "title")
        reference = hit.reference
        for name in reference.authors if reference else ():
            for word in _WORD.findall(name):
                for at, to in _whole_words(text, word, hit.start, hit.end):
                    mark(at, to, "author")
        if reference and reference.venue:
            at, to = find_spaced(text, reference.venue, hit.start, hit.end)
            if at >= 0:
                mark(at, to, "venue")
    return marks


def _whole_words(text: str, word: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of `word` in `text[start:end]` with no word character either side inside it:
    what a search for the word between two word boundaries in that slice finds, for a word of
    letters and digits, without compiling a pattern for each author's name."""
    at = text.find(word, start, end)
    while at >= 0:
        to = at + len(word)
        if (at == start or not _is_word(text[at - 1])) and (to == end or not _is_word(text[to])):
            yield at, to
            at = text.find(word, to, end)
        else:
            at = text.find(word, at + 1, end)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # `re`'s \w


class Tagger:
    """A loaded CRF model; `fields` labels one block of text."""

    def __init__(self, model: Path | str) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._seen: dict[tuple[str, tuple[Hit, ...]], list[Field]] = {}

    def fields(
        self, text: str, hits: Sequence[Hit], spans: Sequence[tuple[int, int]] | None = None
    ) -> list[Field]:
        """The labelled runs of `text` (of each of `spans`, default all), given the rules' hits."""
        # Each window makes tens of thousands of short-lived, acyclic objects (tokens, feature
        # rows) that reference counting frees. Collections between them only cost time, and
        # more the longer the block: each full one walks every hit and field made so far, so
        # a 20,000-entry reference list took 2.3 times as long as one of 10,000 entries.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._fields(text, hits, spans)
        finally:
            if collecting:
                gc.enable()

    def _fields(
        self, text: str, hits: Sequence[Hit], spans: Sequence[tuple[int, int]] | None
    ) -> list[Field]:
        fields: list[Field] = []
        index = SpanIndex(hits)
        for start, end in spans if spans is not None else [(0, len(text))]:
            window = text[start:end]
            local = _window_hits(index, start, end)
            runs = self._window_runs(window, local)
            fields.extend(
                Field(f.label, f.start + start, f.end + start, f.probability) for f in runs
            )
        return fields

    def _window_runs(self, window: str, hits: list[Hit]) -> list[Field]:
        """The labelled runs of one window (offsets within it), given the rules' hits on it.

        A tree repeats its reference entries (the same paper cited in several docstrings), and
        a window's labels depend on its text and those hits alone: a window seen again is not
        tagged again.
        """
        key = (window, tuple(hits))
        runs = self._seen.get(key)
        if runs is not None:
            return runs
        tokens = tokenize(window)
        if tokens:
            features = block_features(window, tokens, rule_marks(window, tokens, hits))
            runs = _runs(tokens, self._tagger.tag(features), self._tagger.marginal)
        else:
            runs = []
        if len(self._seen) >= _WINDOWS_KEPT:
            self._seen.clear()
        self._seen[key] = runs
        return runs


_WINDOWS_KEPT = 256  # windows whose runs a tagger keeps (a window is at most `tagged.MAX_WINDOW`)


def window_features(
    text: str, hits: Sequence[Hit] | SpanIndex[Hit], start: int, end: int
) -> tuple[list[Token], list[list[bytes]]]:
    """The tokens of `text[start:end]` (offsets within it) and their features, with the rules'
    `hits` on `text` as marks. Tagging and training (benchmarks/train_titles.py) both read
    windows through this, so the model sees at training what it is given at run time."""
    window = text[start:end]
    tokens = tokenize(window)
    index = hits if isinstance(hits, SpanIndex) else SpanIndex(hits)
    local = _window_hits(index, start, end)
    return tokens, block_features(window, tokens, rule_marks(window, tokens, local))


def _window_hits(index: SpanIndex[Hit], start: int, end: int) -> list[Hit]:
    """The hits that overlap `[start, end)`, their offsets made relative to `start`."""
    return [
        replace(h, start=h.start - start, end=h.end - start) for h in index.overlapping(start, end)
    ]


def _runs(
    tokens: Sequence[Token], labels: Sequence[str], marginal: Callable[[str, int], float]
) -> list[Field]:
    fields: list[Field] = []
    open_label, first, total = None, 0, 0.0
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label.startswith(("B-", "I-")) else label
        continues = kind == open_label and not label.startswith("B-")
        if open_label is not None and not continues:
            count = i - first
            fields.append(Field(open_label, tokens[first].start, tokens[i - 1].end, total / count))
            open_label = None
        if kind != "O" and i < len(tokens):
            if open_label is None:
                open_label, first, total = kind, i, 0.0
            total += marginal(label, i)
    return fields


@lru_cache(maxsize=1)
def default_tagger() -> Tagger | None:
    """The model shipped with citegraph, or None when it (or pycrfsuite) is missing."""
    # Beside this module, as the scan cache's fingerprint reads it (citegraph is installed as
    # files); importlib.resources would bring tempfile, shutil and zipfile into every hook run.
    path = Path(__file__).with_name(MODEL_RESOURCE)
    if not path.is_file():
        return None
    try:
        return Tagger(path)
    except ImportError:
        return None
