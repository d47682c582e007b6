"""Cached and parallel scans give exactly the output of a serial, uncached scan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner import scan as scan_module
from scanner.options import ScanOptions
from scanner.scan import scan_paths
from scanner.types import FileStatus

SOURCES = Path(__file__).parents[1] / "fixtures" / "sources"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The multi-language fixture tree, plus a binary, a non-UTF-8 and an oversized file."""
    root = tmp_path / "tree"
    shutil.copytree(SOURCES, root, ignore=shutil.ignore_patterns("*.json"))
    (root / "python" / "blob.py").write_bytes(b"\x7fELF\x00\x00\x01" * 10)
    (root / "python" / "latin.py").write_bytes("# Müller 2019, arXiv:1706.03762\n".encode("cp1252"))
    (root / "c" / "huge.c").write_text("// arXiv:1706.03762\n" + "int x;\n" * 400)
    return root


def _serial(root: Path, **extra: object) -> list:
    return list(scan_paths(root, ScanOptions(jobs=1, cache=False, max_file_size=2000, **extra)))


def test_fixture_tree_covers_many_languages(tree: Path) -> None:
    scans = _serial(tree)
    assert len({s.language for s in scans}) >= 8
    assert sum(len(s.mentions) for s in scans) >= 20
    assert {s.status for s in scans} == {FileStatus.OK, FileStatus.SKIPPED, FileStatus.FALLBACK}


def test_parallel_scan_equals_serial(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    serial = _serial(tree)
    parallel = list(scan_paths(tree, ScanOptions(jobs=2, cache=False, max_file_size=2000)))
    assert parallel == serial


def test_cold_and_warm_cached_scans_equal_serial(tree: Path, tmp_path: Path) -> None:
    serial = _serial(tree)
    options = ScanOptions(jobs=1, max_file_size=2000, cache_dir=tmp_path / "cache")
    assert list(scan_paths(tree, options)) == serial
    assert list(scan_paths(tree, options)) == serial


def test_prefilter_loses_no_fixture_citation(tree: Path) -> None:
    assert _serial(tree) == _serial(tree, prefilter=False)


def test_a_cold_scan_surveys_in_a_child_while_preparing(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    surveyed: list[int] = []
    real = scan_module._survey_while_preparing

    def counted(*args: object) -> object:
        surveyed.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "_survey_while_preparing", counted)
    serial = _serial(tree)
    options = ScanOptions(jobs=2, max_file_size=2000, cache_dir=tmp_path / "cache")
    assert list(scan_paths(tree, options)) == serial
    assert surveyed == [1]  # cold: the survey was made apart
    assert list(scan_paths(tree, options)) == serial
    assert surveyed == [1]  # warm: results cached, surveyed in process
    assert list(scan_paths(tree, ScanOptions(jobs=2, cache=False, max_file_size=2000))) == serial
    assert surveyed == [1, 1]
    assert list(scan_paths(tree, ScanOptions(jobs=1, cache=False, max_file_size=2000))) == serial
    assert surveyed == [1, 1]  # one worker: no pool to prepare


def test_the_survey_names_the_languages_before_it_takes_the_stats(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scanner.cache

    events: list[object] = []
    real_signature = scanner.cache.signature

    def signature(status: object) -> bytes:  # taken after each file's stat
        events.append("stat")
        return real_signature(status)  # type: ignore[arg-type]

    monkeypatch.setattr(scanner.cache, "signature", signature)
    monkeypatch.setattr(scan_module, "_PRELOAD_MIN_FILES", 1)  # every language's parser
    cache = scan_module._open_cache(tree, ScanOptions(cache_dir=tmp_path / "cache"))
    assert cache is not None
    events.clear()  # the cache's own (its code digest)
    survey, _ = scan_module._survey(tree, ScanOptions(), cache, events.append)
    found = {item[1] for item in survey if len(item) == 4}
    assert events[0] == found and len(found) >= 8 and "stat" in events
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", len(survey) + 1)
    events.clear()
    scan_module._survey(tree, ScanOptions(), cache, events.append)
    assert events[0] == set()  # too few files for a pool: nothing to load early
    cache.close()


def test_the_parent_loads_the_parsers_while_the_child_takes_the_stats(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from scanner.parallel import ForkedCall

    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(scan_module, "_PRELOAD_MIN_FILES", 1)  # every language's parser
    real_stat = scan_module.os.stat

    def slow_stat(path: str, **kwargs: object) -> object:  # the child's: the parent is first
        time.sleep(0.005)
        return real_stat(path, **kwargs)  # type: ignore[arg-type]

    order: list[object] = []
    real_result = ForkedCall.result

    def result(self: ForkedCall) -> object:
        order.append("survey read")
        return real_result(self)

    monkeypatch.setattr(scan_module.os, "stat", slow_stat)
    monkeypatch.setattr(ForkedCall, "result", result)
    monkeypatch.setattr(scan_module, "_prepare_parsers", lambda names: order.append(set(names)))
    options = ScanOptions(jobs=2, cache_dir=tmp_path / "cache")
    cache = scan_module._open_cache(tree, options)
    survey, _ = scan_module._survey_while_preparing(tree, options, cache)
    assert cache is not None
    cache.close()
    found = {item[1] for item in survey if len(item) == 4}
    assert order == [found, "survey read"]


def test_a_grammar_is_loaded_before_the_fork_only_for_a_language_of_many_files(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool's parent loads a tree-sitter grammar (the C++ query compiles in 0.04 s, on its
    way to the fork) only when the tree holds `_PRELOAD_MIN_FILES` files of the language; a
    worker loads a rarer language's grammar when it meets one of its files, and the scan is the
    same."""
    from scanner.languages import LANGUAGES

    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    survey, _ = scan_module._survey(tree, ScanOptions(), None)
    counts: dict[str, int] = {}
    for item in survey:
        if len(item) == 4:
            counts[item[1]] = counts.get(item[1], 0) + 1
    parsed = {name for name in counts if LANGUAGES[name].parser == "tree-sitter"}
    assert "c" in parsed and "python" in counts and max(counts.values()) < 64
    names = [name for name, count in counts.items() for _ in range(count)]
    assert scan_module._preloaded(names) == set(counts) - parsed
    monkeypatch.setattr(scan_module, "_PRELOAD_MIN_FILES", counts["c"])
    assert "c" in scan_module._preloaded(names)
    monkeypatch.setattr(scan_module, "_PRELOAD_MIN_FILES", 64)
    heard: list[object] = []
    scan_module._survey(tree, ScanOptions(), None, heard.append)
    assert heard == [set(counts) - parsed]  # what the parent loads while the child takes stats
    loaded: list[set[str]] = []
    monkeypatch.setattr(scan_module, "_prepare_parsers", lambda names: loaded.append(set(names)))
    serial = _serial(tree)
    parallel = list(scan_paths(tree, ScanOptions(jobs=2, cache=False, max_file_size=2000)))
    assert parallel == serial
    assert loaded and all(not (names & parsed) for names in loaded)


def test_a_pools_results_travel_as_their_constructors_arguments(tree: Path) -> None:
    import pickle
    import pickletools

    scans = [s for s in _serial(tree) if s.mentions]
    assert any(m.reference is not None and m.reference.ref for s in scans for m in s.mentions)
    scan_module._prepare_workers(set())  # what a pool's parent does before it forks
    payload = pickle.dumps(scans, pickle.HIGHEST_PROTOCOL)
    # No object is rebuilt field by field (`__setstate__`, looking up its fields each time).
    assert "BUILD" not in {op.name for op, _, _ in pickletools.genops(payload)}
    assert pickle.loads(payload) == scans


def test_a_pools_workers_inherit_the_patterns_they_would_compile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before it forks, a pool's parent builds the lexer's patterns for a comment's later lines
    # at every column up to `PREBUILT_COLUMNS` and compiles the lazy patterns of the modules it
    # imported (from the pattern store, where it holds them or will keep them): a worker
    # lexing comments at those columns compiles nothing.
    import re

    from scanner.lazyre import made_sources
    from scanner.parsers import tslex

    monkeypatch.setattr("scanner.patternstore.cheap_ahead", lambda sources, path=None: True)
    tslex._continuation.cache_clear()
    tslex._block_continuation.cache_clear()
    scan_module._prepare_workers({"cpp"})

    def compiles(pattern: str | bytes, flags: int) -> bool:
        try:
            re.compile(pattern, flags)
        except re.error:
            return False  # a test's own (`test_lazyre`): left to raise at its first use
        return True

    assert not [source for source in made_sources() if compiles(*source)]
    lines = []
    for column in range(0, tslex.PREBUILT_COLUMNS, 7):
        for marker in ("//", "///", "//!"):
            lines += [" " * column + f"{marker} a", " " * column + f"{marker} b"]
        lines += [" " * column + "/* c */", " " * column + "/* d */"]
    source = ("\n".join(lines) + "\n").encode()
    compiled: list[object] = []
    compile_anew = re._compiler.compile  # type: ignore[attr-defined]
    monkeypatch.setattr(
        re._compiler,  # type: ignore[attr-defined]
        "compile",
        lambda *args: compiled.append(args) or compile_anew(*args),
    )
    lexed = tslex.lex(source, True)
    assert lexed is not None and lexed.count == 3 * (tslex.PREBUILT_COLUMNS // 7 + 1) + (
        tslex.PREBUILT_COLUMNS // 7 + 1
    )
    assert compiled == []
