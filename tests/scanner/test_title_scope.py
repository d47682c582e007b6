"""`ScanOptions.titles`: without it the title detector reads only blocks holding an identifier,
and every identifier mention (its span, title and findings) is as in a full scan."""

from __future__ import annotations

from pathlib import Path

import pytest

import scanner.extract as extract
from scanner.extract import find_hits
from scanner.options import ScanOptions, TitleScope
from scanner.scan import scan_file

TITLE_ONLY = """References
----------
.. [1] P. Welch, "The use of the fast Fourier transform for the estimation of power
       spectra", IEEE Transactions on Audio and Electroacoustics, vol. 15, 1967.
"""
WITH_DOI = (
    TITLE_ONLY
    + """.. [2] F. J. Harris, "On the use of windows for harmonic analysis with the discrete
       Fourier transform", Proceedings of the IEEE, 1978. doi:10.1109/PROC.1978.10837
"""
)
SOURCE = f'''"""Spectral windows.

{TITLE_ONLY}"""


def harris(n):
    """The window of Harris.

{WITH_DOI}    """
    return n


# A malformed id: arXiv:1713.00001, and a link: see https://arxiv.org/abs/1706.03762v2
'''


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    find_hits.cache_clear()


def test_a_block_without_identifier_is_not_read_for_titles(monkeypatch) -> None:
    assert any(h.ref is None and h.reference is not None for h in find_hits(TITLE_ONLY))
    read: list[str] = []
    real = extract.find_citations
    monkeypatch.setattr(extract, "find_citations", lambda text: read.append(text) or real(text))
    find_hits.cache_clear()
    assert find_hits(TITLE_ONLY, TitleScope.BESIDE_IDENTIFIERS) == ()
    assert read == []


def test_a_block_with_an_identifier_reads_as_in_a_full_scan() -> None:
    full = find_hits(WITH_DOI)
    assert any(h.ref is not None and h.reference.title for h in full)
    assert find_hits(WITH_DOI, TitleScope.BESIDE_IDENTIFIERS) == full


def test_identifier_mentions_of_a_file_are_unchanged(tmp_path: Path) -> None:
    (tmp_path / "windows.py").write_text(SOURCE)
    full = scan_file(tmp_path, "windows.py", ScanOptions(cache=False))
    find_hits.cache_clear()
    fast = scan_file(
        tmp_path, "windows.py", ScanOptions(cache=False, titles=TitleScope.BESIDE_IDENTIFIERS)
    )

    def identifiers(mentions):  # type: ignore[no-untyped-def]
        return [m for m in mentions if m.reference is None or m.ref is not None]

    assert len(identifiers(full.mentions)) == 3  # the DOI, the malformed id, the link
    assert identifiers(fast.mentions) == identifiers(full.mentions)
    assert any(m.ref is None and m.reference is not None for m in full.mentions)
    titled = [m for m in fast.mentions if m.ref is None and m.reference is not None]
    assert all(m.line > SOURCE[: SOURCE.index("def harris")].count("\n") for m in titled)
