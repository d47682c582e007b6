"""End to end against the fake metadata services: each card of the Papers page is one work,
once. A paper cited by arXiv id in one file, by its DOI in another and by its title in a third
is one card when a service links them; two works a title search brings close (another part of
a series, a title below the confidence threshold, a short title by other authors) stay two
cards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fake_services import RECORDS, FakeServices, Record

from catalog.records import BASE_URL_ENV

OTHERS = [
    Record("Numerical Tides", (("Richard", "Burden"),), 2010, doi="10.5555/numerical.tides"),
    Record("Tidal Stacks of Deep Basins", (("Jo", "Okafor"),), 2015, doi="10.5555/tides.2015"),
    Record(
        "Tidal Stacks of Deep Basins, Part II", (("Jo", "Okafor"),), 2016, doi="10.5555/tides.2016"
    ),
]
FILES = {
    "by_arxiv.py": '"""Sparse graphs, after arXiv:1905.01234."""\n',
    "by_doi.py": '"""Convergence: doi:10.1145/3300001.3300002."""\n',
    "by_title.py": '"""Slow convergence.\n\nReferences\n----------\n'
    ".. [1] E. Noether and A. Turing. Sparse Synthetic Graphs Converge Slowly.\n"
    '   Journal of Synthetic Graphs, 2020.\n"""\n',
    "part_one.py": '"""Basins.\n\nReferences\n----------\n'
    '.. [1] J. Okafor. Tidal Stacks of Deep Basins. J. Tides, 2015.\n"""\n',
    "part_two.py": '"""Shelves.\n\nReferences\n----------\n'
    '.. [1] J. Okafor. Tidal Stacks of Deep Basins, Part II. J. Tides, 2016.\n"""\n',
    "burden.py": '"""Quadrature.\n\nReferences\n----------\n'
    '.. [1] R. Burden. Numerical Tides. Brooks, 2010.\n"""\n',
    "sauer.py": '"""Splines.\n\nReferences\n----------\n'
    '.. [1] T. Sauer. Numerical Tides. Pearson, 2011.\n"""\n',
    "shallow.py": '"""Shallows.\n\nReferences\n----------\n'
    '.. [1] K. Lind. "Tidal Stacks of Shallow Basins". J. Tides, 2015.\n"""\n',
}


def test_one_card_per_work_online_and_from_the_catalog_offline(tmp_path: Path) -> None:
    tree = tmp_path / "project"
    tree.mkdir()
    for name, text in FILES.items():
        (tree / name).write_text(text)
    with FakeServices(RECORDS + OTHERS) as services:
        env = dict(os.environ, CITEGRAPH_CATALOG=str(tmp_path / "catalog.sqlite3"))
        for source, url in services.settings().base_urls.items():
            env[BASE_URL_ENV[source]] = url
        for flags in ((), ("--offline",)):  # then from what the first run stored
            done = subprocess.run(
                [sys.executable, "-m", "citegraph", "scan", str(tree), "-f", "json", *flags],
                env=env,
                capture_output=True,
                text=True,
                timeout=180,
                check=True,
            )
            cards = {
                p["key"]: sorted({c["path"] for c in p["citations"]})
                for p in json.loads(done.stdout)["papers"]
            }
            assert cards == {
                "arxiv:1905.01234": ["by_arxiv.py", "by_doi.py", "by_title.py"],
                "doi:10.5555/tides.2015": ["part_one.py"],
                "doi:10.5555/tides.2016": ["part_two.py"],
                "title:tidal stacks of shallow basins": ["shallow.py"],
                # a short title by other authors is another book, not the record found
                "doi:10.5555/numerical.tides": ["burden.py"],
                "book:numerical tides": ["sauer.py"],
            }, flags
