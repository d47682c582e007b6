"""`check` on Python files imports only what reading Python and the local catalog need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Top-level packages a Python-only, offline check must leave unloaded: other languages'
# parsers, the graph and page renderers, the HTTP stack, BibTeX, the worker pool.
UNNEEDED_PACKAGES = (
    "bibtexparser",
    "concurrent",
    "dask",
    "defusedxml",
    "httpcore",
    "httpx",
    "jinja2",
    "libcst",
    "multiprocessing",
    "networkx",
    "pycrfsuite",
    "rapidfuzz",
    "requests",
    "rich",
    "tree_sitter",
    "tree_sitter_c",
    "tree_sitter_cpp",
    "tree_sitter_javascript",
    "xml",
)
# Modules of the standard library and of citegraph that only other commands need: the
# version lookup, the online sources, the scan cache and walk of whole-tree scans, the
# bibliography lock (no lock here), the resource loader (the title model is a file), and the
# title detector, its needle test and the joining of a place's hits: the catalog knows none of
# the identifiers cited, so no finding can depend on the titles beside them.
UNNEEDED_MODULES = (
    "catalog.bibtex",
    "catalog.http",
    "catalog.imports",
    "catalog.resolvers.arxiv",
    "catalog.resolvers.base",
    "catalog.resolvers.crossref",
    "catalog.resolvers.datacite",
    "catalog.resolvers.openalex",
    "catalog.resolvers.semanticscholar",
    "citegraph.bibliography",
    "citegraph.graph",
    "citegraph.render.bibtex",
    "email",
    "importlib.metadata",
    "scanner.cache",
    "scanner.parallel",
    "scanner.places",
    "scanner.titles.detect",
    "scanner.titles.names",
    "scanner.titles.quotegate",
    "scanner.titles.tagger",
    "importlib.resources",
    "zipfile",
)
SOURCE = '''"""Spectral estimates.

See arXiv:1706.03762 and doi:10.1137/0111030 for the method.

References
----------
.. [1] P. Welch, "The use of the fast Fourier transform for the estimation of power
       spectra", IEEE Transactions on Audio and Electroacoustics, vol. 15, 1967.
"""


def welch(x):
    """Estimate the power spectral density (Welch 1967)."""
    return x
'''
PROBE = """
import sys
from citegraph.cli import run
code = run(sys.argv[1:])
print("LOADED", code, sorted(sys.modules))
"""


# In the catalog, so that a check matching titles would score it (and load rapidfuzz): without
# a bibliography lock no finding depends on a title, and none is matched.
WELCH = """@article{welch1967,
  title = {The use of the fast Fourier transform for the estimation of power spectra},
  author = {Welch, Peter},
  year = {1967},
  doi = {10.1109/TAU.1967.1161901}
}
"""


def test_check_of_python_files_loads_no_other_machinery(tmp_path: Path) -> None:
    (tmp_path / "welch.bib").write_text(WELCH)
    imported = subprocess.run(
        [sys.executable, "-m", "citegraph", "catalog", "import", "welch.bib"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.citegraph]\n")
    (tmp_path / "spectral.py").write_text(SOURCE)
    (tmp_path / "window.py").write_text("# Harris (1978), doi:10.1109/PROC.1978.10837\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--force-exclude", "spectral.py", "window.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("LOADED")), "")
    assert line, done.stdout + done.stderr
    _, code, *names = line.replace("[", " ").replace("]", " ").replace(",", " ").split()
    loaded = {name.strip("'") for name in names}
    assert code == "0", done.stdout + done.stderr
    # The scan really read the files and resolved their identifiers.
    assert {"scanner.parsers.python", "scanner.identifiers.doi", "catalog.store"} <= loaded
    packages = sorted(m for m in loaded if m.split(".")[0] in UNNEEDED_PACKAGES)
    modules = sorted(
        m for m in loaded if any(m == u or m.startswith(u + ".") for u in UNNEEDED_MODULES)
    )
    assert packages == [] and modules == []
