"""Where a cold scan's CPU time goes: walk, read, prefilter, lex/parse, identifiers, titles...

    python benchmarks/stages.py DIR [--fine] [--format json]

Runs `citegraph scan DIR --no-resolve --no-cache -f json` once in this process with one worker
and charges the main thread's CPU time (`time.thread_time`; the process clock of a process with
helper threads advances in coarse steps here) to the innermost stage running: a stage's own
time excludes the stages it calls (the parsers ask for a block's identifiers, which ask for its
titles). Time in no stage (start-up, imports, the CLI) is `other`. A profile, not a timing:
the wrappers add a little, and the total is about the single-worker scan, not the parallel one.
With `--fine`, lex/parse and titles are taken apart too (`FINE_STAGES`): the Python path's
lexing, needle test, blanking, symbol table and logical lines, and the title detector's rules,
tagger, vetting and the rest; the wrappers then add more (about a tenth on scipy).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# (stage, "module:attribute" or "module:Class.method"). Every name a caller looks the function
# up by is patched: `from x import f` binds a second name that must be patched too.
STAGES: tuple[tuple[str, str], ...] = (
    ("walk", "scanner.walk:iter_candidates"),  # imported by scan_paths when it runs
    ("read", "scanner.scan:read_signed"),
    ("prefilter", "scanner.prefilter:cue_offsets"),
    ("lex/parse", "scanner.parsers.python:PythonParser.parse"),
    ("lex/parse", "scanner.parsers.treesitter:TreeSitterParser.parse"),
    ("lex/parse", "scanner.parsers.text:TextParser.parse"),
    ("identifiers", "scanner.extract:find_hits"),
    ("identifiers", "scanner.parsers.treesitter:find_hits"),
    ("identifiers", "scanner.extract:find_mentions"),
    ("titles", "scanner.extract:find_citations"),
    ("places", "scanner.places:merge_place"),  # imported by find_hits when it runs
    ("resolve/assemble", "citegraph.pipeline:_assemble"),
    ("render", "citegraph.commands.scan:rendered_targets"),
)
ORDER = (
    "walk", "read", "prefilter", "lex/parse", "identifiers", "titles", "places",
    "resolve/assemble", "render", "other",
)  # fmt: skip
# The parts of reading, lex/parse and titles that `--fine` charges apart, innermost first as
# above, each listed after the stage it is a part of. The needle test is one stage wherever it
# runs: before the parse (which blocks to read, `may_cite`) and again on the block the detector
# is handed (`_has_cue`).
FINE_STAGES: tuple[tuple[str, str], ...] = (
    ("read: content digest", "scanner.cache:digest"),
    ("read: banner test", "scanner.generated:generated_reason"),
    ("lex/parse: Python lexing", "scanner.parsers.python:lex_tokens"),
    ("lex/parse: Python lexing", "scanner.parsers.python:lex_blocks"),
    ("lex/parse: blanking examples and licences", "scanner.parsers.python:read_text"),
    ("lex/parse: blanking examples and licences", "scanner.parsers.treesitter:blank_licences"),
    ("lex/parse: logical lines", "scanner.parsers.pylines:read_structure"),
    ("lex/parse: symbol table", "scanner.parsers.pylines:symbol_table"),
    ("lex/parse: ast", "scanner.parsers.python:read_structure"),
    ("lex/parse: Python attribution", "scanner.parsers.python:attribute"),
    ("lex/parse: C-family lexing", "scanner.parsers.treesitter:lex"),
    ("lex/parse: C-family blocks", "scanner.parsers.treesitter:comment_runs"),
    ("lex/parse: C-family blocks", "scanner.parsers.treesitter:comment_block"),
    ("lex/parse: C-family blocks", "scanner.parsers.treesitter:string_block"),
    ("lex/parse: C-family definitions", "scanner.parsers.treesitter:_definitions"),
    ("lex/parse: C-family definitions", "scanner.parsers.treesitter:_owner"),
    ("titles: needle test", "scanner.titles:may_cite"),
    ("titles: needle test", "scanner.titles:_has_cue"),
    ("titles: rules", "scanner.titles.detect:detect_with_spares"),
    ("titles: tagger windows", "scanner.titles.tagged:windows"),
    ("titles: tagger features", "scanner.titles.tagger:tokenize"),
    ("titles: tagger features", "scanner.titles.tagger:rule_marks"),
    ("titles: tagger features", "scanner.titles.tagger:block_features"),
    ("titles: tagger CRF", "scanner.titles.tagger:Tagger._window_runs"),
    ("titles: tagger marginals and runs", "scanner.titles.tagger:_runs"),
    ("titles: combining", "scanner.titles.tagged:combine"),
    ("titles: tidying", "scanner.titles.tidy:tidy"),
    ("titles: vetting", "scanner.titles.vet:vet"),
    ("titles: books", "scanner.titles.books:mark_books"),
)


def _fine_order() -> tuple[str, ...]:
    """`ORDER` with each fine stage after the stage it is a part of (the name before `:`)."""
    order = list(ORDER)
    for stage in dict.fromkeys(stage for stage, _ in FINE_STAGES):
        whole = stage.split(":")[0]
        last = max(i for i, name in enumerate(order) if name.split(":")[0] == whole)
        order.insert(last + 1, stage)
    return tuple(order)


FINE_ORDER = _fine_order()


class StageClock:
    """CPU seconds charged to the innermost running stage."""

    def __init__(self, order: tuple[str, ...] = ORDER) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(order, 0.0)
        self._stack = ["other"]
        self._last = time.thread_time()

    def _switch(self, push: str | None) -> None:
        now = time.thread_time()
        self.seconds[self._stack[-1]] += now - self._last
        self._last = now
        if push is None:
            self._stack.pop()
        else:
            self._stack.append(push)

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function`, its time (and, for a generator, each step's) charged to `stage`."""
        clock = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            clock._switch(stage)
            try:
                result = function(*args, **kwargs)
            finally:
                clock._switch(None)
            if isinstance(result, Iterator) and not isinstance(result, (list, tuple)):
                return clock._steps(stage, result)
            return result

        if hasattr(function, "cache_info"):  # keep lru_cache's interface for callers using it
            timed.cache_info = function.cache_info  # type: ignore[attr-defined]
            timed.cache_clear = function.cache_clear  # type: ignore[attr-defined]
        return timed

    def _steps(self, stage: str, iterator: Iterator[Any]) -> Iterator[Any]:
        while True:
            self._switch(stage)
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self._switch(None)
            yield item


def install(clock: StageClock, stages: tuple[tuple[str, str], ...] = STAGES) -> None:
    """Wrap every function of `stages`."""
    for stage, target in stages:
        module_name, attribute = target.split(":")
        owner: Any = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, clock.wrap(stage, getattr(owner, name)))


def breakdown(root: Path, fine: bool = False) -> dict[str, float]:
    """CPU seconds by stage of one single-worker cold scan of `root` (`fine`: by `FINE_ORDER`)."""
    clock = StageClock(FINE_ORDER if fine else ORDER)
    install(clock)
    if fine:
        install(clock, FINE_STAGES)
    from citegraph.cli import run

    with tempfile.TemporaryDirectory(prefix="citegraph-stages-") as temp:
        argv = ["scan", str(root), "--no-resolve", "--no-cache", "--quiet", "--jobs", "1"]
        run([*argv, "-f", "json", "-o", str(Path(temp) / "report.json")])
    clock._switch("other")  # charge the time since the last switch
    clock._stack.pop()
    return clock.seconds


def print_breakdown(seconds: dict[str, float]) -> None:
    """The stages as a table: CPU seconds and share of the total."""
    total = sum(seconds.values()) or 1.0
    width = max(18, *map(len, seconds))
    print(f"  per-stage CPU, one worker, cold ({total:.2f} s in all):")
    for stage, spent in seconds.items():
        print(f"    {stage:<{width}} {spent:7.2f} s  {100 * spent / total:5.1f}%")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--fine", action="store_true", help="take lex/parse and titles apart (FINE_STAGES)"
    )
    args = parser.parse_args()
    seconds = breakdown(args.root, fine=args.fine)
    if args.format == "json":
        json.dump(seconds, sys.stdout)
    else:
        print_breakdown(seconds)


if __name__ == "__main__":
    main()
