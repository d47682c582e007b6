"""A file that ends at the prefilter costs no import statement: most files of a tree do."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

from scanner.cache import digest
from scanner.languages import LANGUAGES
from scanner.options import ScanOptions
from scanner.scan import read_signed, scan_bytes
from scanner.types import FileStatus


def _read_and_scan(root: Path, name: str, options: ScanOptions) -> FileStatus:
    """What a worker does with each file of its chunk (`scan._Worker`): read it with its stat
    signature, digest it, scan its bytes."""
    data, _, signature = read_signed(f"{root}/{name}", options.max_file_size)
    assert data is not None and signature is not None
    digest(data)
    return scan_bytes(root, name, data, options, LANGUAGES["c"]).status


def test_files_that_end_at_the_prefilter_run_no_import(tmp_path: Path) -> None:
    names = [f"header{i}.h" for i in range(20)]
    for name in names:
        (tmp_path / name).write_text(
            '// Licensed under the Apache License, Version 2.0 (the "License");\n'
            "// http://www.apache.org/licenses/LICENSE-2.0\n"
            "#pragma once\nstruct Span { int start; int end; };\n"
        )
    options = ScanOptions(jobs=1, cache=False)
    # The first file imports what a file's scan needs, once.
    assert _read_and_scan(tmp_path, names[0], options) is FileStatus.OK
    imported: list[str] = []
    real_import = builtins.__import__

    def counted(name: str, *args: Any, **kwargs: Any) -> Any:
        imported.append(name)
        return real_import(name, *args, **kwargs)

    builtins.__import__ = counted
    try:
        statuses = [_read_and_scan(tmp_path, name, options) for name in names[1:]]
    finally:
        builtins.__import__ = real_import
    assert statuses == [FileStatus.OK] * 19
    assert imported == []
