"""A pattern compiled from the store is the pattern `re` compiles; a bad store costs a compile."""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner import patternstore
from scanner.patternstore import stored_patterns

# Patterns of every kind the engine's code varies with: groups, flags, bytes, lookarounds,
# character sets, repeats, back references, Unicode.
MODULE = r"""
import re
PATTERNS = [
    re.compile(r"(?P<name>[A-Z][\w'’-]+),\s+(?P<year>(?:19|20)\d\d)[a-z]?"),
    re.compile(r"(?i)arxiv(?:\.org/(?:abs|pdf)/|:\s*)(\d{4}\.\d{4,5})(?:v\d+)?"),
    re.compile(rb"10\.\d{4,9}/[-._;()/:a-z0-9]+", re.IGNORECASE),
    re.compile(r"(?m)^[ \t]*(?:\[\d+\]|\d+\.)[ \t]+(?=\S)"),
    re.compile(r"(?<![\w.])et\s+al\.?(?!\w)|“[^”]{3,80}”"),
    re.compile(r"(\w+)\s+\1", re.ASCII),
    re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*", re.VERBOSE | re.DOTALL),
]
"""
TEXTS = [
    "Smith, 2011a and Müller-Lüdenscheidt, 1999 (arXiv:1706.03762v5)",
    "see ARXIV.org/abs/2101.00001 and the the doi 10.1145/3292500.3330701.",
    "[1] A title\n  2. Another “Quoted Title Here” et al. 2020",
]


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store is written where bytecode is (not with `PYTHONDONTWRITEBYTECODE`)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A directory on the import path holding a module of patterns (`patterns_a`)."""
    (tmp_path / "patterns_a.py").write_text(MODULE, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("patterns_a", None)


def _read_again() -> None:
    """Forget the stores read (a process reads each once)."""
    patternstore._loaded.clear()


def _imported(name: str = "patterns_a") -> list[re.Pattern[str]]:
    sys.modules.pop(name, None)
    re.purge()  # `re`'s own cache would answer before the store is asked
    return importlib.import_module(name).PATTERNS  # type: ignore[no-any-return]


def _same(stored: re.Pattern[str], compiled: re.Pattern[str]) -> None:
    assert (stored.pattern, stored.flags, stored.groups) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
    )
    assert stored.groupindex == compiled.groupindex
    for text in TEXTS:
        subject = text.encode() if isinstance(stored.pattern, bytes) else text
        assert [m.groups() for m in stored.finditer(subject)] == [  # type: ignore[arg-type]
            m.groups()
            for m in compiled.finditer(subject)  # type: ignore[arg-type]
        ]
        assert [m.span() for m in stored.finditer(subject)] == [  # type: ignore[arg-type]
            m.span()
            for m in compiled.finditer(subject)  # type: ignore[arg-type]
        ]


def test_a_stored_pattern_is_the_compiled_one(
    modules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store" / "patterns.marshal"
    compiled = _imported()
    with stored_patterns(store):
        _imported()
    assert store.is_file()
    _read_again()
    # The second import compiles nothing: the parser of `re` is never asked.
    with monkeypatch.context() as patch:
        patch.setattr(re._parser, "parse", _never)  # type: ignore[attr-defined]
        with stored_patterns(store):
            stored = _imported()
    for one, other in zip(stored, compiled, strict=True):
        _same(one, other)


def test_the_patterns_of_another_command_join_the_store(
    modules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (modules / "patterns_b.py").write_text(
        'import re\nPATTERNS = [re.compile(r"(?i)\\bproc(?:eedings)?\\.?\\s+of")]\n',
        encoding="utf-8",
    )
    store = tmp_path / "patterns.marshal"
    with stored_patterns(store):
        _imported("patterns_a")
    _read_again()
    with stored_patterns(store):
        _imported("patterns_b")
    _read_again()
    with monkeypatch.context() as patch:
        patch.setattr(re._parser, "parse", _never)  # type: ignore[attr-defined]
        with stored_patterns(store):
            _imported("patterns_a")
            assert _imported("patterns_b")[0].search("In Proc. of the ACM")
    sys.modules.pop("patterns_b", None)


def test_a_damaged_or_foreign_store_is_made_again(
    modules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "patterns.marshal"
    compiled = _imported()
    for damage in (b"", b"not marshal at all", b"\xe3\x00\x00"):
        store.write_bytes(damage)
        _read_again()
        with stored_patterns(store):
            for one, other in zip(_imported(), compiled, strict=True):
                _same(one, other)
    with monkeypatch.context() as patch:
        patch.setattr("scanner.patternstore._STAMP", b"another interpreter")
        _read_again()
        with stored_patterns(store):
            _imported()
    _read_again()
    # The store is now another interpreter's: compiled again, not read.
    refused = None
    with monkeypatch.context() as patch:
        patch.setattr(re._parser, "parse", _never)  # type: ignore[attr-defined]
        try:
            with stored_patterns(store):
                _imported()
        except AssertionError as error:
            refused = error
    assert refused is not None


def test_only_what_modules_compile_on_import_is_stored(tmp_path: Path) -> None:
    store = tmp_path / "patterns.marshal"
    with stored_patterns(store):
        re.purge()
        built = re.compile(r"\bTitle\s+from\s+the\s+text\b")  # as a reader builds one
    assert built.search("a Title from the text")
    assert not store.exists()


def test_a_family_built_ahead_of_use_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a pool's parent builds for its workers (`ahead_of_use`) is kept as an import's
    # patterns are, and read from the store by the next run: nothing is compiled again.
    store = tmp_path / "patterns.marshal"
    family = [(rf"\n[ \t]{{{column}}}//[^\n]*", 0) for column in range(3)]
    with stored_patterns(store):
        re.purge()
        with patternstore.ahead_of_use():
            built = [re.compile(pattern, flags) for pattern, flags in family]
    assert store.is_file()
    _read_again()
    with monkeypatch.context() as patch:
        patch.setattr(re._parser, "parse", _never)  # type: ignore[attr-defined]
        with stored_patterns(store):
            assert patternstore.cheap_ahead(family, store)
            re.purge()
            again = [re.compile(pattern, flags) for pattern, flags in family]
    texts = ["\n// x", "\n  // x", "\n\t // x\n"]
    for one, other in zip(again, built, strict=True):
        assert one.pattern == other.pattern
        assert [one.match(t) and one.match(t).span() for t in texts] == [  # type: ignore[union-attr]
            other.match(t) and other.match(t).span()  # type: ignore[union-attr]
            for t in texts
        ]


def test_a_family_is_built_ahead_only_where_the_store_holds_or_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = [(rf"\bfamily\s+{n}\b", 0) for n in range(3)]
    store = tmp_path / "patterns.marshal"
    assert not patternstore.cheap_ahead(family, store)  # no store read: no `stored_patterns`
    with stored_patterns(store):
        assert patternstore.cheap_ahead(family, store)  # made now, kept for the next runs
    (tmp_path / "file").write_text("", encoding="utf-8")
    nowhere = tmp_path / "file" / "patterns.marshal"  # its directory is a file
    with stored_patterns(nowhere):
        # every run would compile them all again: left to their first use
        assert not patternstore.cheap_ahead(family, nowhere)


def test_without_bytecode_beside_the_scanner_the_store_is_kept_in_the_user_cache(
    modules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With PYTHONDONTWRITEBYTECODE (CI images, some users) no store was kept at all, and every
    # pre-commit check compiled the title detector's patterns again: 0.5 s of CPU, not 0.15 s.
    beside = tmp_path / "site-packages" / "scanner" / "__pycache__" / "patterns.marshal"
    beside.parent.parent.mkdir(parents=True)
    monkeypatch.setattr(patternstore, "STORE", beside)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled = _imported()
    with stored_patterns():
        _imported()
    assert not beside.parent.exists()  # nothing written where bytecode is not
    cached = list(Path(os.environ["XDG_CACHE_HOME"]).rglob("patterns.*.marshal"))
    assert len(cached) == 1
    _read_again()
    with monkeypatch.context() as patch:
        patch.setattr(re._parser, "parse", _never)  # type: ignore[attr-defined]
        with stored_patterns():
            stored = _imported()
    for one, other in zip(stored, compiled, strict=True):
        _same(one, other)


def test_a_store_that_cannot_be_written_is_not_kept(modules: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    store = tmp_path / "file" / "patterns.marshal"  # its directory is a file
    with stored_patterns(store):
        assert len(_imported()) == len(re.findall("re.compile", MODULE))
    assert not store.exists()


def _never(*args: object) -> None:
    raise AssertionError("compiled, not taken from the store")
