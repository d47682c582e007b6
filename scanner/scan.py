"""Scanning: one file into a `FileScan`, and a whole tree into a stream of them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from scanner.extract import find_mentions
from scanner.languages import Language, language_for
from scanner.modnames import module_name
from scanner.options import ScanOptions
from scanner.parsers import ParseError, get_parser
from scanner.prefilter import may_cite
from scanner.reading import decode, read_bytes
from scanner.types import Context, FileScan, FileStatus, Mention, SourceFile
from scanner.walk import iter_candidates

logger = logging.getLogger(__name__)


def scan_paths(root: Path, options: ScanOptions | None = None) -> Iterator[FileScan]:
    """Scan every candidate file under `root`, in path order.

    Files of unknown languages are passed over without a record; everything else yields a
    `FileScan`, skipped files included, so nothing vanishes silently.
    """
    options = options or ScanOptions()
    root = root.resolve()
    for candidate in iter_candidates(root, options):
        language = language_for(candidate.path)
        if language is None:
            continue
        if candidate.skip is not None:
            yield FileScan(candidate.path, language.name, FileStatus.SKIPPED, reason=candidate.skip)
            continue
        yield scan_file(root, candidate.path, options, language)


def scan_file(
    root: Path, path: str, options: ScanOptions | None = None, language: Language | None = None
) -> FileScan:
    """Read, parse and extract one file (`path` relative to `root`). Never raises for bad
    input: a problem becomes a skipped or fallback `FileScan` with its reason."""
    options = options or ScanOptions()
    language = language or language_for(path)
    if language is None:
        return FileScan(path, None, FileStatus.SKIPPED, reason="unknown language")
    data, problem = read_bytes(root / path, options.max_file_size)
    if data is None:
        return FileScan(path, language.name, FileStatus.SKIPPED, reason=problem)
    # Decoding first costs little (UTF-8 validation runs in C) and means binary and
    # mis-encoded files are always reported, even those the prefilter would pass over.
    decoded = decode(data, language.name)
    if decoded.text is None:
        return FileScan(path, language.name, FileStatus.SKIPPED, reason=decoded.skip)
    if options.prefilter and not may_cite(data):
        return FileScan(path, language.name, FileStatus.OK)
    module = module_name(root, path) if language.parser == "python" else path
    source = SourceFile(path, root / path, language.name, decoded.text, module)
    try:
        parsed = get_parser(language.parser).parse(source)
    except ParseError as error:
        return FileScan(path, language.name, FileStatus.SKIPPED, reason=f"unparsable: {error}")
    except RecursionError:
        return FileScan(
            path, language.name, FileStatus.SKIPPED, reason="unparsable: nesting too deep"
        )
    except Exception as error:  # a parser bug must cost one file, not the scan
        logger.exception("parser failed on %s", path)
        return FileScan(
            path,
            language.name,
            FileStatus.SKIPPED,
            reason=f"internal parser error: {type(error).__name__}: {error}",
        )
    mentions: list[Mention] = []
    for block in parsed.blocks:
        if block.context is Context.STRING and not options.strings:
            continue
        mentions.extend(find_mentions(block))
    notes = [n for n in (parsed.fallback, decoded.note) if n]
    status = FileStatus.FALLBACK if notes else FileStatus.OK
    return FileScan(
        path, language.name, status, tuple(mentions), len(parsed.blocks), "; ".join(notes) or None
    )
