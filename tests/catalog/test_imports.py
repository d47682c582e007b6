"""Streaming imports: BibTeX, CSL-JSON and the arXiv metadata snapshot."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from catalog.imports import Skipped, detect_format, import_file
from catalog.imports.arxiv_snapshot import read_arxiv_snapshot
from catalog.imports.bibtex import read_bibtex
from catalog.imports.csljson import iter_json_items, read_csl_json
from catalog.store import Store
from catalog.types import Paper


def split(records: Iterable[Paper | Skipped]) -> tuple[list[Paper], list[str]]:
    """An importer's papers, and why it skipped each record it left out."""
    read = list(records)
    return [r for r in read if isinstance(r, Paper)], [
        r.reason for r in read if isinstance(r, Skipped)
    ]


BIB = r"""
% a comment line
@article{kingma2014adam,
  title = {{Adam}: A Method for Stochastic Optimization},
  author = {Kingma, Diederik P. and Ba, Jimmy},
  year = {2014},
  eprint = {1412.6980},
  archivePrefix = {arXiv},
}

@inproceedings{he2016,
  title = "Deep Residual Learning for Image Recognition",
  author = "He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian",
  booktitle = "CVPR",
  year = 2016,
  doi = {10.1109/CVPR.2016.90},
}

@book{goodfellow2016,
  title = {Deep Learning},
  author = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},
  publisher = {MIT Press},
  isbn = {978-0-262-03561-3},
  year = {2016}
}

@misc{broken, title = {Never closed
"""


def test_bibtex(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB)
    read, skipped = split(read_bibtex(path))
    papers = {p.key: p for p in read}
    assert set(papers) == {"arxiv:1412.6980", "doi:10.1109/cvpr.2016.90", "isbn:9780262035613"}
    assert skipped == ["not valid BibTeX"]  # the entry never closed
    adam = papers["arxiv:1412.6980"]
    assert adam.title == "Adam: A Method for Stochastic Optimization"
    assert adam.authors == ("Diederik P. Kingma", "Jimmy Ba")
    assert adam.year == 2014 and adam.source == "bibtex"
    assert papers["doi:10.1109/cvpr.2016.90"].venue == "CVPR"


def test_bibtex_streams_in_chunks(tmp_path: Path) -> None:
    path = tmp_path / "many.bib"
    path.write_text(
        "".join(
            f"@misc{{k{n}, title={{Synthetic title number {n}}}, year={{2020}}}}\n"
            for n in range(450)
        )
    )
    papers, skipped = split(read_bibtex(path))
    assert len(papers) == 450 and not skipped
    assert papers[-1].key == "title:synthetic title number 449"


def test_a_skipped_entry_is_at_its_line_of_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Entries are parsed in chunks of 200: bibtexparser's own warning said 'line 100' for
    # the entry on line 301, and the import said nothing of it.
    path = tmp_path / "many.bib"
    entries = [f"@misc{{k{n}, title={{Synthetic title number {n}}}}}\n" for n in range(450)]
    entries[300] = "@misc{k300, title={Never closed\n"
    path.write_text("".join(entries))
    skipped = [r for r in read_bibtex(path) if isinstance(r, Skipped)]
    assert skipped == [Skipped("not valid BibTeX", 301)]
    assert "line 100" not in caplog.text


CSL = [
    {
        "id": "a",
        "type": "article-journal",
        "title": "Deep learning",
        "DOI": "10.1038/NATURE14539",
        "author": [{"family": "LeCun", "given": "Yann"}, {"literal": "Some Consortium"}],
        "issued": {"date-parts": [[2015, 5, 28]]},
        "container-title": "Nature",
    },
    {
        "id": "b",
        "type": "article",
        "title": "Adam",
        "URL": "https://arxiv.org/abs/1412.6980v9",
        "issued": {"raw": "2014"},
    },
    {"id": "c", "type": "article"},
]


def test_csl_json(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(CSL, indent=2))
    papers, skipped = split(read_csl_json(path))
    assert [p.key for p in papers] == ["doi:10.1038/nature14539", "arxiv:1412.6980"]
    assert skipped == ["with neither a title nor an identifier"]  # item "c"
    assert papers[0].authors == ("Yann LeCun", "Some Consortium")
    assert papers[0].year == 2015 and papers[0].venue == "Nature"
    assert papers[1].year == 2014


def test_json_items_across_buffer_boundaries(tmp_path: Path, monkeypatch) -> None:
    import catalog.imports.csljson as csljson

    monkeypatch.setattr(csljson, "_READ", 7)  # force objects to straddle reads
    items = [{"title": f"t{n}", "nested": {"list": [n, "x,]"]}} for n in range(30)]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(items))
    assert list(iter_json_items(path)) == items
    lines = tmp_path / "b.json"
    lines.write_text("\n".join(json.dumps(i) for i in items) + "\n")
    assert list(iter_json_items(lines)) == items
    bad = tmp_path / "c.json"
    bad.write_text('[{"title": "ok"}, {"title": ')
    with pytest.raises(ValueError, match="malformed JSON"):
        list(iter_json_items(bad))


SNAPSHOT = [
    {
        "id": "1412.6980",
        "submitter": "X",
        "authors": "Diederik P. Kingma, Jimmy Ba",
        "title": "Adam: A Method for Stochastic\n  Optimization",
        "comments": None,
        "journal-ref": None,
        "doi": None,
        "report-no": None,
        "categories": "cs.LG cs.AI",
        "license": None,
        "abstract": "  We introduce a synthetic abstract.\n",
        "versions": [{"version": "v1", "created": "Mon, 22 Dec 2014 13:54:29 GMT"}],
        "update_date": "2017-01-31",
        "authors_parsed": [["Kingma", "Diederik P.", ""], ["Ba", "Jimmy", ""]],
    },
    {
        "id": "hep-th/9901001",
        "authors": "A. Author",
        "title": "Old style",
        "doi": "10.1000/OLD.1 10.1000/other",
        "categories": "hep-th",
        "journal-ref": "Phys. Rev. D 1 (1999)",
        "abstract": "x",
        "versions": [],
        "update_date": "2008-01-01",
        "authors_parsed": [],
    },
]


def test_arxiv_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "arxiv-metadata-oai-snapshot.json"
    path.write_text("\n".join(json.dumps(r) for r in SNAPSHOT) + "\n{broken\n\n")
    papers, skipped = split(read_arxiv_snapshot(path))
    assert [p.key for p in papers] == ["arxiv:1412.6980", "doi:10.1000/old.1"]
    assert skipped == ["not valid JSON"]  # '{broken'; blank lines are no records
    adam, old = papers
    assert adam.title == "Adam: A Method for Stochastic Optimization"
    assert adam.authors == ("Diederik P. Kingma", "Jimmy Ba")
    assert adam.year == 2014 and adam.primary_category == "cs.LG" and adam.venue == "arXiv"
    assert old.ids == {"arxiv": "hep-th/9901001", "doi": "10.1000/old.1"}
    assert old.authors == ("A. Author",) and old.year == 1999
    assert old.venue == "Phys. Rev. D 1 (1999)"


def test_detect_format_and_import(tmp_path: Path) -> None:
    bib, csl, snap = tmp_path / "x.bib", tmp_path / "x.json", tmp_path / "y.json"
    bib.write_text(BIB)
    csl.write_text(json.dumps(CSL))
    snap.write_text("\n".join(json.dumps(r) for r in SNAPSHOT))
    assert [detect_format(p) for p in (bib, csl, snap)] == ["bibtex", "csl-json", "arxiv-snapshot"]
    store = Store(tmp_path / "c.sqlite3")
    assert import_file(store, bib).added == 3
    count = import_file(store, snap)  # Adam is already there from the .bib file
    assert (count.added, count.merged) == (1, 1)
    adam = store.find("arxiv:1412.6980")
    assert (
        adam.abstract == "We introduce a synthetic abstract."
        and adam.source == "bibtex+arxiv-snapshot"
    )
    store.close()
