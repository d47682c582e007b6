"""What tests in several folders share: git with a fixed identity, and expected-output fixtures
that an environment flag regenerates."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tests" / "fixtures" / "sources"
# Set to rewrite every expected-output fixture from the current output (review the diff).
REGENERATE_ENV = "CITEGRAPH_REGEN_FIXTURES"
_IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@e",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@e",
}


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `git -C cwd ARGS` as a fixed author; raises on failure unless `check` is false."""
    return subprocess.run(
        ["git", "-C", str(cwd), *args],
        capture_output=True,
        text=True,
        check=check,
        env={**os.environ, **_IDENTITY},
    )


def json_text(value: object) -> str:
    """The usual layout of an expected-output file."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def block_rows_text(result: dict[str, object]) -> str:
    """A parser fixture's layout: one block per line keeps the diffs reviewable."""
    blocks: list[list[object]] = result["blocks"]  # type: ignore[assignment]
    rows = ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in blocks)
    return f'{{\n  "fallback": {json.dumps(result["fallback"])},\n  "blocks": [\n{rows}\n  ]\n}}\n'


def assert_expected(
    path: Path, actual: object, layout: Callable[[dict[str, object]], str] = json_text
) -> None:
    """`actual` equals the JSON stored at `path`; with `$CITEGRAPH_REGEN_FIXTURES` set, the
    file is first rewritten from `actual`."""
    if os.environ.get(REGENERATE_ENV):
        path.write_text(layout(actual), encoding="utf-8")  # type: ignore[arg-type]
    assert actual == json.loads(path.read_text(encoding="utf-8"))


def fixture_blocks(monkeypatch: Any, options: Any = None) -> Iterator[tuple[str, str]]:
    """(fixture, block text) for every block of every source fixture that the title detector
    is asked about when the fixture is scanned with `options`."""
    import scanner.extract
    from scanner.scan import scan_file

    asked: list[str] = []
    real = scanner.extract.find_citations

    def recording(text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scanner.extract, "find_citations", recording)
    scanner.extract.find_hits.cache_clear()  # blocks seen by earlier tests must be read again
    try:
        for path in sorted(p for p in SOURCES.rglob("*") if p.is_file() and p.suffix != ".json"):
            relative = path.relative_to(SOURCES).as_posix()
            asked.clear()
            scan_file(SOURCES, relative, options)
            yield from ((relative, text) for text in dict.fromkeys(asked))
    finally:
        scanner.extract.find_hits.cache_clear()
