"""A scan's rendered outputs, kept in the scan cache for a rescan that finds no file changed."""

from __future__ import annotations

import codecs
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from citegraph import __version__
from citegraph.config import Config
from citegraph.output import OutputTarget
from citegraph.render import RenderOptions

try:  # CPython's own BLAKE2, as the scan cache's: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another interpreter
    from hashlib import blake2b

if TYPE_CHECKING:
    from citegraph.pipeline import ReferenceResolver, ScanObserver
    from citegraph.report import Report
    from scanner import TreeScan

# The memo: each text as its length in UTF-8 bytes, then the bytes.
_LENGTH = struct.Struct("<Q")
_PIECE = 1 << 16
# The formats rendered by citegraph's and the catalog's code alone, which the key digests: the
# others' text depends on the versions of rich, jinja2, networkx or bibtexparser as well.
_KEPT_FORMATS = frozenset({"json", "jsonl", "markdown", "sarif", "csl-json"})

# Each target with its text: a `str` as rendered, or a view of the UTF-8 bytes the memo kept,
# written out as they are (decoding and encoding 1.6 MB of JSON again cost a warm rescan 3 ms).
Rendered = Sequence[tuple[OutputTarget, "str | memoryview"]]
Texts = list[tuple[OutputTarget, str]]  # what a renderer makes


def rendered_scan(
    root: Path,
    config: Config,
    targets: Sequence[tuple[OutputTarget, RenderOptions]],
    render: Callable[[Report], Texts],
    *,
    observer: ScanObserver | None = None,
    resolver: ReferenceResolver | None = None,
) -> Rendered:
    """The texts of a scan of `root` that `render` makes from its report, each target with
    the options it is rendered with.

    Without a resolver, the report depends only on the files' results, citegraph's and the
    catalog's code, the repository's revision and the options: when the scan cache holds every
    file's result (no file changed) and texts rendered for the same targets from the same
    results, they are given back, without decoding a result, assembling the report or
    rendering it (formats whose text depends on other packages are always rendered).
    """
    from scanner import TreeScan, repository_of

    # A bibliography lock's findings depend on a file the key does not digest.
    if (
        resolver is not None
        or config.bibliography
        or any(t.format not in _KEPT_FORMATS for t, _ in targets)
    ):
        from citegraph.pipeline import run_scan

        return render(run_scan(root, config, observer=observer, resolver=resolver))
    slot = _slot(targets, config)
    with TreeScan(root, config.scan_options()) as tree:
        code = quick = key = None
        if tree.quick is not None:
            # The memo's quick key first: when it answers, the cache's rows are never loaded.
            code = _code(tree, repository_of(tree.root))
            quick = _key(code, tree.quick)
            texts = _decode(tree.recall(slot, quick), len(targets))
            if texts is not None:
                return _given_back(targets, texts, len(tree), observer)
        settled = tree.settled
        if settled is not None:
            code = code or _code(tree, repository_of(tree.root))
            key = _key(code, settled)
            texts = _decode(tree.recall(slot, key), len(targets))
            if texts is not None:
                if quick is not None:
                    tree.confirm(slot, key, quick)  # found by its results: the next run by stat
                return _given_back(targets, texts, len(tree), observer)
        # Imported here: an unchanged tree's texts need neither the assembly nor the renderers.
        from citegraph.pipeline import run_scan

        report = run_scan(root, config, observer=observer, scans=tree)
        if key is None:
            tree.close()  # the cache's rows need not stay in memory while the report renders
        rendered = render(report)
        if key is not None:
            # Kept only for a tree found unchanged, whose next rescan may well find it so
            # again: a rescan after a change (most CI runs) is not made to write one.
            tree.remember(slot, key, _encode([text for _, text in rendered]), quick)
        return rendered


def _given_back(
    targets: Sequence[tuple[OutputTarget, RenderOptions]],
    texts: list[memoryview],
    total: int,
    observer: ScanObserver | None,
) -> Rendered:
    if observer is not None:
        observer.on_total(total)
    return [(target, text) for (target, _), text in zip(targets, texts, strict=True)]


def _slot(targets: Sequence[tuple[OutputTarget, RenderOptions]], config: Config) -> str:
    """What is rendered: the formats and their options, and the rules whose findings are
    reported (one memo each, replaced by the next)."""
    rules = (config.select, config.ignore)
    return repr(([(target.format, options) for target, options in targets], rules))


def _code(tree: TreeScan, repository: tuple[str, str | None]) -> bytes:
    """A digest of what the report is made with besides the files' results: citegraph's and
    the catalog's code (keys, BibTeX fields), the version and the repository's name and
    revision."""
    from scanner import source_files

    package = Path(__file__).resolve().parent  # the code that assembles and renders
    files = [(f"citegraph/{name}", path) for name, path in source_files(package)] + [
        (f"catalog/{name}", path) for name, path in source_files(package.parent / "catalog")
    ]
    hasher = blake2b(tree.code_digest(files), digest_size=16)
    hasher.update(repr((__version__, repository)).encode("utf-8", "surrogateescape"))
    return bytes(hasher.digest())


def _key(code: bytes, results: bytes) -> bytes:
    """A memo's key: the code's digest (see `_code`) and a digest of the files' results."""
    return code + results


def _encode(texts: list[str]) -> bytes:
    parts = []
    for text in texts:
        data = text.encode("utf-8")
        parts += [_LENGTH.pack(len(data)), data]
    return b"".join(parts)


def _decode(memo: bytes | None, count: int) -> list[memoryview] | None:
    """The texts of a memo, in UTF-8; None when it is not one of `count` valid texts (the
    cache is untrusted input: then they are made again)."""
    if memo is None:
        return None
    view = memoryview(memo)
    texts: list[memoryview] = []
    at = 0
    try:
        while at < len(memo):
            (size,) = _LENGTH.unpack_from(memo, at)
            at += _LENGTH.size
            if at + size > len(memo):
                return None
            text = view[at : at + size]
            _check_utf8(text)
            texts.append(text)
            at += size
    except (struct.error, UnicodeDecodeError):
        return None
    return texts if len(texts) == count else None


def _check_utf8(text: memoryview) -> None:
    """Raise UnicodeDecodeError unless `text` is UTF-8. In pieces: decoding 1.6 MB of JSON
    at once costs 2 ms, most of it the memory of its string."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(text), _PIECE):
        decoder.decode(text[start : start + _PIECE])
    decoder.decode(b"", final=True)
