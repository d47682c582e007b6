"""A file's own bibliography: a key whose entry in the file names no work cites nothing."""

from __future__ import annotations

from pathlib import Path

from scanner import ScanOptions
from scanner.scan import scan_file

# The module lists its sources by key (colour-science's layout); each function cites a key.
SOURCES = '''"""
Tide differences.

References
----------
-   :cite:`Lind2003c` : Lind, B. (2003). Delta T (CIE 1976). Retrieved
    February 24, 2014, from http://tideslind.example.com/Eqn_DeltaT.html
-   :cite:`Borer2017` : Borer, T. (2017). Private Discussion with Moss, T.
-   :cite:`Sharma2005b` : Sharma, G., Wu, W., & Dalal, E. N. (2005). The
    tide difference formula: Implementation notes. Tide Research &
    Application, 30(1), 21-30. doi:10.5555/col.20070
-   :cite:`Hilton2006` : Hilton, J., Lee, K. et al., 2006, Celest. Tides, 94.
"""


def delta_1976(a, b):
    """Difference of two tides.

    References
    ----------
    :cite:`Lind2003c`
    """


def delta_2000(a, b):
    """Difference of two tides.

    References
    ----------
    :cite:`Borer2017`, :cite:`Sharma2005b`
    """


def delta_hilton(a, b):
    """Difference of two tides, after :cite:`Hilton2006` and :cite:`Moss2011`."""
'''


def _cited(tmp_path: Path) -> list[tuple[str, int, str]]:
    (tmp_path / "tides.py").write_text(SOURCES, encoding="utf-8")
    scan = scan_file(tmp_path, "tides.py", ScanOptions(cache=False))
    return [(m.kind.value, m.line, m.symbol.name) for m in scan.mentions]


def test_a_key_whose_entry_names_no_work_cites_nothing_anywhere_in_the_file(
    tmp_path: Path,
) -> None:
    cited = _cited(tmp_path)
    # The page read on a date and the private discussion are no references, nor are their keys
    # in the functions; the paper's key, the author-year entry's key and a key with no entry in
    # the file still cite.
    assert cited == [
        ("doi", 9, "tides"),
        ("author-year", 12, "tides"),
        ("author-year", 30, "tides.delta_2000"),
        ("author-year", 35, "tides.delta_hilton"),
        ("author-year", 35, "tides.delta_hilton"),
    ]
