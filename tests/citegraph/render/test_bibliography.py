"""BibTeX and CSL-JSON bibliographies, parsed back by bibtexparser and json."""

from __future__ import annotations

import json

import bibtexparser
from reports import small_report

from catalog.bibtex import latex_text, read_entries
from citegraph.render import render
from citegraph.render.bibtex import citation_keys
from citegraph.report import PaperEntry, Report


def parse(report: Report) -> dict:
    library = bibtexparser.parse_string(render(report, "bibtex"))
    assert not library.failed_blocks
    return {entry.key: entry for entry in library.entries}


def test_entries_parse_back_with_stable_keys_and_identifier_fields() -> None:
    entries = parse(small_report())
    assert set(entries) == {
        "vaswani2017attention",
        "bloom1970space",
        "welford1962note",
        "arxiv200100001",
    }
    attention = entries["vaswani2017attention"]
    # Published at NeurIPS: proceedings, with the arXiv preprint's eprint fields kept.
    assert attention.entry_type == "inproceedings" and attention["booktitle"] == "NeurIPS"
    assert attention["eprint"] == "1706.03762" and attention["archivePrefix"] == "arXiv"
    assert attention["primaryClass"] == "cs.CL"
    assert attention["author"] == "Ashish Vaswani and Noam Shazeer"
    bloom = entries["bloom1970space"]
    assert bloom.entry_type == "article" and bloom["doi"] == "10.1145/362686.362692"
    assert bloom["journal"] == "Communications of the ACM"
    unresolved = entries["arxiv200100001"]
    assert "not found" in unresolved["note"] and unresolved["eprint"] == "2001.00001"
    assert render(small_report(), "bibtex") == render(small_report(), "bibtex")


def test_entries_are_apart_by_one_blank_line() -> None:
    # The writer left two blank lines between entries, where a .bib file has one.
    text = render(small_report(), "bibtex")
    assert text.count("}\n\n@") == len(parse(small_report())) - 1
    assert "\n\n\n" not in text and text.endswith("}\n")


def paper(key: str, title: str, author: str = "Ada Lovelace", year: int = 1843) -> PaperEntry:
    return PaperEntry(
        key=key,
        kind="doi",
        status="resolved",
        title=title,
        authors=(author,),
        year=year,
        ids={"doi": key[4:]},
    )


def test_colliding_keys_get_deterministic_suffixes() -> None:
    papers = [
        paper("doi:10.1/b", "Notes on the engine"),
        paper("doi:10.1/a", "Notes on the machine"),
        paper("doi:10.1/c", "Notesa, a clash with a suffixed key"),
    ]
    keys = {key: p.key for key, p in citation_keys(papers).items()}
    assert keys == {
        "lovelace1843notesa": "doi:10.1/c",
        "lovelace1843notesb": "doi:10.1/a",
        "lovelace1843notesc": "doi:10.1/b",
    }
    assert citation_keys(reversed(papers)) == citation_keys(papers)
    assert set(parse(Report(root="/", repository="r", papers=tuple(papers)))) == set(keys)


def test_hostile_metadata_still_parses() -> None:
    hostile = paper("doi:10.1/x", "Braces { unbalanced } } and \\ backslash, 100% & #1", "A } B")
    entries = parse(Report(root="/", repository="r", papers=(hostile,)))
    (entry,) = entries.values()
    assert "\\%" in entry["title"] and "\\&" in entry["title"] and "\\#1" in entry["title"]


def test_latex_text_keeps_math_and_escapes_specials() -> None:
    assert (
        latex_text("$\\ell_1$ recovery of sparse_signals")
        == "$\\ell_1$ recovery of sparse\\_signals"
    )
    assert latex_text("Q&A, already \\& escaped") == "Q\\&A, already \\& escaped"
    assert latex_text("balanced {DNA}\nsequencing") == "balanced {DNA} sequencing"
    assert latex_text("stray \\ backslash") == "stray \\textbackslash{} backslash"


def test_latex_text_escapes_a_lone_dollar_and_a_caret_outside_math() -> None:
    # Left as they are, a lone `$` opens math mode to the end of the entry and `^` outside
    # math stops LaTeX with "Missing $ inserted".
    assert latex_text("Fees of 5$ per query") == "Fees of 5\\$ per query"
    caret = "An O(n\\textasciicircum{}2) bound for $x^2$"
    assert latex_text("An O(n^2) bound for $x^2$") == caret
    assert latex_text("G\\^ateaux and \\$5") == "G\\^ateaux and \\$5"
    # Read back (the bibliography lock, a catalog import) as the same title.
    (entry,) = read_entries("@article{k, title = {" + latex_text("O(n^2) at 5$") + "}}")
    assert entry.fields["title"] == "O(n^2) at 5$"
    assert entry.paper is not None and entry.paper.title == "O(n^2) at 5$"


def test_csl_json_items() -> None:
    items = {item["id"]: item for item in json.loads(render(small_report(), "csl-json"))}
    assert set(items) == set(parse(small_report()))
    attention = items["vaswani2017attention"]
    assert attention["type"] == "article" and attention["archive"] == "arXiv"
    assert attention["number"] == "1706.03762"
    assert attention["author"][0] == {"family": "Vaswani", "given": "Ashish"}
    assert attention["issued"] == {"date-parts": [[2017]]}
    assert items["bloom1970space"]["DOI"] == "10.1145/362686.362692"
    assert "not-found" in items["arxiv200100001"]["note"]


def test_control_and_bidi_characters_are_dropped_not_written_as_tex_commands() -> None:
    # a title with a right-to-left override and an escape sequence came out as
    # '\u202e' and '\x1b[31m': TeX reads them as the breve accent and an undefined command
    title = "Hostile \u202e title \x1b[31m end"
    paper = PaperEntry(
        "arxiv:2101.00001", "arxiv", "resolved", title=title, authors=("Eve O'Hara\u202e",)
    )
    out = render(Report(root="p", repository="p", papers=(paper,)), "bibtex")
    assert "title = {Hostile title [31m end}" in out and "author = {Eve O'Hara}" in out
    assert "\\u202e" not in out and "\\x1b" not in out and "\u202e" not in out
    assert latex_text("a\u2066b\u0007c") == "abc"
