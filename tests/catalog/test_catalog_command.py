"""`citegraph catalog import/stats/show/export` through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_services import FakeServices

from citegraph.commands.catalog import catalog_group, parse_id
from citegraph.errors import InputError

BIB = """@article{a, title={Adam: A Method for Stochastic Optimization},
  author={Kingma, Diederik P. and Ba, Jimmy}, year={2014}, eprint={1412.6980},
  archivePrefix={arXiv}}
@article{b, title={Deep learning}, author={LeCun, Yann}, journal={Nature}, year={2015},
  doi={10.1038/nature14539}}
"""


def run(*args: str):
    # Not standalone, like citegraph.cli.run: the command's return value is the exit code.
    return CliRunner().invoke(
        catalog_group, list(args), catch_exceptions=False, standalone_mode=False
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB)
    path = tmp_path / "cat.sqlite3"
    result = run("--catalog", str(path), "import", str(bib))
    assert result.exit_code == 0, result.output
    assert "2 new, 0 merged" in result.output
    return path


def test_stats(db: Path) -> None:
    result = run("--catalog", str(db), "stats", "--json")
    stats = json.loads(result.output)
    assert stats["papers"] == 2 and stats["sources"] == {"bibtex": 2}
    assert stats["aliases"] == {"arxiv": 1, "doi": 2}
    assert "papers    2" in run("--catalog", str(db), "stats").output


@pytest.mark.parametrize(
    ("command", "said"),
    [("stats", "papers    2"), ("export", "Kingma"), ("check", ": ok\n"), ("show", "Kingma")],
)
def test_the_catalog_can_be_named_after_the_subcommand(
    db: Path, tmp_path: Path, command: str, said: str
) -> None:
    # as `scan --catalog PATH` takes it; `catalog stats --catalog PATH` was 'No such option'
    extra = ["--offline", "arXiv:1412.6980"] if command == "show" else []
    result = run(
        "--catalog", str(tmp_path / "other.sqlite3"), command, "--catalog", str(db), *extra
    )
    assert result.exit_code == 0, result.output
    assert said in result.output
    assert command not in ("stats", "check") or str(db) in result.output
    assert not (tmp_path / "other.sqlite3").exists()  # the subcommand's choice wins


def test_import_takes_a_short_format_flag_as_export_does(tmp_path: Path) -> None:
    bib = tmp_path / "refs.txt"  # an extension that tells nothing
    bib.write_text(BIB)
    path = tmp_path / "cat.sqlite3"
    result = run("import", "--catalog", str(path), "-f", "bibtex", str(bib))
    assert result.exit_code == 0 and "2 new" in result.output, result.output


def test_show_from_store_offline(db: Path) -> None:
    result = run("--catalog", str(db), "show", "--offline", "--json", "arXiv:1412.6980v2")
    record = json.loads(result.output)
    assert record["title"] == "Adam: A Method for Stochastic Optimization"
    assert record["status"] == "cached"
    text = run("--catalog", str(db), "show", "--offline", "https://doi.org/10.1038/nature14539")
    assert "title            Deep learning" in text.output
    missing = run("--catalog", str(db), "show", "--offline", "2001.00001")
    assert missing.return_value == 1 and "arxiv:2001.00001: offline" in missing.output


def test_show_resolves_online(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeServices() as services:
        for source, var in (("arxiv", "ARXIV"), ("s2", "S2")):
            suffix = "/arxiv/api" if source == "arxiv" else "/s2/graph/v1"
            monkeypatch.setenv(f"CITEGRAPH_{var}_URL", services.url + suffix)
        result = run("--catalog", str(db), "show", "--json", "1512.03385")
    assert json.loads(result.output)["ids"] == {
        "arxiv": "1512.03385",
        "doi": "10.1109/cvpr.2016.90",
    }


def test_export_jsonl_and_bibtex(db: Path, tmp_path: Path) -> None:
    lines = run("--catalog", str(db), "export").output.splitlines()
    assert [json.loads(line)["key"] for line in lines] == [
        "arxiv:1412.6980",
        "doi:10.1038/nature14539",
    ]
    out = tmp_path / "out.bib"
    assert run("--catalog", str(db), "export", "-f", "bibtex", "-o", str(out)).exit_code == 0
    text = out.read_text()
    assert "@misc{kingma2014adam," in text and "eprint = {1412.6980}" in text
    assert "@article{lecun2015deep," in text and "doi = {10.1038/nature14539}" in text
    assert list(tmp_path.glob(".out.bib.*")) == []
    # The exported BibTeX imports back to the same papers.
    again = tmp_path / "again.sqlite3"
    assert "2 new" in run("--catalog", str(again), "import", str(out)).output


def test_unknown_format_is_an_input_error(tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text("hello")
    with pytest.raises(InputError, match="cannot tell the format"):
        run("--catalog", str(tmp_path / "c.db"), "import", str(odd))


def test_parse_id() -> None:
    assert parse_id("arXiv:1706.03762v5").key == "arxiv:1706.03762"
    assert parse_id("https://doi.org/10.48550/arXiv.1706.03762").key == "arxiv:1706.03762"
    assert parse_id("DOI:10.1038/NATURE14539").key == "doi:10.1038/nature14539"
    assert (
        parse_id("https://openreview.net/forum?id=abc").key
        == "url:https://openreview.net/forum?id=abc"
    )


def test_a_malformed_import_names_its_file_once(tmp_path: Path) -> None:
    broken = tmp_path / "refs.json"
    broken.write_text('[{"id": "a", "title": "Unclosed"\n')
    with pytest.raises(InputError) as caught:
        run("--catalog", str(tmp_path / "c.db"), "import", str(broken), "--format", "csl-json")
    assert str(caught.value) == f"{broken}: malformed JSON near offset 0"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one.json", '{"not": "a list of items"}'),  # an object where CSL-JSON has a list
        ("typed.json", '[{"id": 5, "DOI": 7}]'),  # no title, no identifier it can read
        ("cut.bib", "@article{x, title={Unclosed"),
    ],
)
def test_an_import_that_reads_nothing_says_so(tmp_path: Path, name: str, text: str) -> None:
    # it said '0 new, 0 merged' and nothing else
    source = tmp_path / name
    source.write_text(text)
    result = run("--catalog", str(tmp_path / "c.db"), "import", str(source))
    assert result.exit_code == 0
    assert f"warning: {name} held no" in result.stderr and "nothing was imported" in result.stderr


def test_an_import_says_what_it_skipped_and_why(tmp_path: Path) -> None:
    # '1 new, 0 merged' and nothing of the four entries it left out
    source = tmp_path / "refs.bib"
    source.write_text(
        "@article{a, title={Synthetic Title}, doi={10.5555/synthetic.1}}\n"
        "@misc{b, author={Nobody Known}}\n"
        "@article{a, title={Another Synthetic Title}}\n"
        "@article{c title={No comma after the key}}\n"
        "@article{d, title={One}, title={Two}}\n"
    )
    result = run("--catalog", str(tmp_path / "c.db"), "import", str(source))
    assert result.exit_code == 0
    assert (
        "1 new, 0 merged, 4 skipped (1 not valid BibTeX at line 4; 1 with a field given twice at"
        " line 5; 1 with a key used before at line 3; 1 with neither a title nor an identifier"
        " at line 2) in "
    ) in result.stdout


def test_an_export_file_s_extension_chooses_the_format(db: Path, tmp_path: Path) -> None:
    # As every other -o: `export -o everything.bib` wrote JSON lines into the .bib file.
    assert run("--catalog", str(db), "export", "-o", str(tmp_path / "all.bib")).exit_code == 0
    assert (tmp_path / "all.bib").read_text().startswith("@")
    assert run("--catalog", str(db), "export", "-o", str(tmp_path / "all.jsonl")).exit_code == 0
    assert json.loads((tmp_path / "all.jsonl").read_text().splitlines()[0])["key"]
