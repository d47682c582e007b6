"""The `citegraph scan` and `citegraph report` commands, end to end, through the CLI entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from citegraph.cli import run

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "citegraph" / "schema" / "scan.schema.json").read_text()
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "optim.py").write_text(
        'class RAdam:\n    """See https://arxiv.org/abs/1908.03265v2."""\n\n\n'
        "def bad():\n    # arXiv:2113.01234 is a typo\n    pass\n"
    )
    (root / "native.cc").write_text("// doi:10.1145/3360572\nint f();\n")
    (root / "blob.c").write_bytes(b"\x00\x01binary\x00")
    (root / "huge.py").write_text("# arXiv:1706.03762\n" + "x = 1\n" * 1000)
    (root / "latin.cpp").write_bytes("// café ".encode("cp1252") * 40)
    return root


def scan_json(repo: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert run(["scan", str(repo), "--format", "json", "--no-resolve", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_output_matches_schema_and_content(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scan_json(repo, "--max-file-size", "4000", capsys=capsys)
    jsonschema.validate(document, SCHEMA)
    citations = {c["id"]: c for c in document["citations"]}
    radam = citations["arxiv:1908.03265"]
    assert (radam["path"], radam["line"], radam["column"]) == ("pkg/optim.py", 2, 12)
    assert (radam["symbol"], radam["symbol_kind"], radam["context"]) == (
        "pkg.optim.RAdam",
        "class",
        "docstring",
    )
    assert radam["version"] == "v2" and radam["kind"] == "arxiv" and radam["language"] == "python"
    assert citations["doi:10.1145/3360572"]["symbol"] == "f"
    skipped = {s["path"]: s["reason"] for s in document["skipped"]}
    assert skipped["blob.c"].startswith("binary")
    assert skipped["huge.py"].startswith("too large")
    assert skipped["latin.cpp"].startswith("undecodable")
    assert [f["rule"] for f in document["findings"]] == ["CG001"]
    assert document["findings"][0]["line"] == 6
    assert [p["key"] for p in document["papers"]] == ["arxiv:1908.03265", "doi:10.1145/3360572"]


def test_jsonl_writes_one_citation_per_line(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "scan.jsonl"
    assert (
        run(
            [
                "scan",
                str(repo),
                "--no-resolve",
                "--max-file-size",
                "4000",
                "-o",
                f"jsonl:{out}",
                "-q",
            ]
        )
        == 0
    )
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["path"] for line in lines)


def test_terminal_summary_ranks_papers(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["scan", str(repo), "--no-resolve", "--max-file-size", "4000"]) == 0
    out = capsys.readouterr().out
    assert "2 papers, 2 citations" in out and "arxiv:1908.03265" in out
    assert "CG001" in out and "blob.c: binary" in out


def test_report_renders_a_saved_scan(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "scan.json"
    assert (
        run(
            [
                "scan",
                str(repo),
                "--no-resolve",
                "--max-file-size",
                "4000",
                "-f",
                "json",
                "-o",
                str(saved),
            ]
        )
        == 0
    )
    assert run(["report", str(saved), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "/no/such/dir"],
        ["scan", ".", "--format", "pdf"],
        ["frobnicate"],
        ["scan", ".", "--max-file-size", "0"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args) == 2
    assert "Error" in capsys.readouterr().err


def test_bad_configuration_exits_2_with_the_key(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text("[tool.citegraph]\nexclued = []\n")
    assert run(["scan", str(repo)]) == 2
    assert "unknown key 'exclued'" in capsys.readouterr().err


def test_report_refuses_a_file_that_is_not_a_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "x.json"
    bogus.write_text('{"hello": 1}')
    assert run(["report", str(bogus)]) == 2
    assert "not a citegraph scan" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("where", "field", "value", "message"),
    [
        ("papers", "year", "two thousand", "PaperEntry field 'year' must be int | None"),
        ("papers", "title", 5, "PaperEntry field 'title' must be str | None"),
        ("papers", "authors", "Someone", "PaperEntry field 'authors' must be tuple[str, ...]"),
        ("citations", "line", "x", "Citation field 'line' must be int"),
        ("citations", "also_lines", [None], "Citation field 'also_lines'"),
    ],
)
def test_report_refuses_a_scan_whose_fields_have_the_wrong_type(
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    where: str,
    field: str,
    value: object,
    message: str,
) -> None:
    # a scan edited by hand or by another program stopped the renderers with a TypeError
    saved = tmp_path / "scan.json"
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", f"json:{saved}"]) == 0
    data = json.loads(saved.read_text())
    data[where][0][field] = value
    saved.write_text(json.dumps(data))
    for format_name in ("html", "terminal", "markdown", "bibtex"):
        capsys.readouterr()
        assert run(["report", str(saved), "-f", format_name]) == 2
        err = capsys.readouterr().err
        assert "not a citegraph scan document" in err and message in err
        assert "Traceback" not in err


def test_no_output_file_is_written_when_rendering_fails(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citegraph.render.json as json_renderer

    def explode(self: object, report: object, options: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(json_renderer.JsonLinesRenderer, "render", explode)
    good, bad = tmp_path / "good.json", tmp_path / "bad.jsonl"
    assert run(["scan", str(repo), "--no-resolve", "-o", f"json:{good}", "-o", f"jsonl:{bad}"]) == 3
    assert not good.exists() and not bad.exists()


@pytest.fixture
def cited_by_title(tmp_path: Path) -> Path:
    root = tmp_path / "titles"
    root.mkdir()
    (root / "moments.py").write_text(
        "def update(count, mean, value):\n"
        '    """Welford\'s update, as used by Chan et al. (1983).\n\n'
        "    References\n"
        "    ----------\n"
        '    .. [1] B. P. Welford, "Note on a method for calculating corrected sums\n'
        '       of squares and products", Technometrics, 4(3):419-420, 1962.\n'
        '    """\n'
    )
    (root / "Graphs.java").write_text(
        "class Graphs {\n"
        "    /**\n"
        '     * @see "A Fast Algorithm for Finding Dominators in a Flowgraph", Lengauer and\n'
        "     *      Tarjan, ACM TOPLAS 1(1), 1979\n"
        "     */\n"
        "    void dominators() {}\n"
        "}\n"
    )
    return root


def test_title_only_citations_in_json_and_summary(
    cited_by_title: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scan_json(cited_by_title, capsys=capsys)
    jsonschema.validate(document, SCHEMA)
    by_kind = {(c["kind"], c["symbol"]): c for c in document["citations"]}
    welford = by_kind[("title", "moments.update")]
    assert welford["id"] is None and welford["line"] == 6
    assert welford["title_hint"] == (
        "Note on a method for calculating corrected sums of squares and products"
    )
    lengauer = by_kind[("title", "Graphs.dominators")]
    assert lengauer["title_hint"] == "A Fast Algorithm for Finding Dominators in a Flowgraph"
    assert lengauer["language"] == "java" and lengauer["id"] is None
    assert by_kind[("author-year", "moments.update")]["raw"].startswith("Chan et al. (1983)")
    assert {p["kind"] for p in document["papers"]} == {"title", "author-year"}

    assert run(["scan", str(cited_by_title), "--no-resolve"]) == 0
    summary = capsys.readouterr().out
    assert "Note on a method for calculating corrected sums of squares and products" in summary
    assert "A Fast Algorithm for Finding Dominators in a Flowgraph" in summary
    assert "moments.update" in summary and "Graphs.dominators" in summary


@pytest.fixture
def cited_books(tmp_path: Path) -> Path:
    root = tmp_path / "books"
    root.mkdir()
    (root / "solve.py").write_text(
        "def solve(a):\n"
        '    """Solve a banded system.\n\n'
        "    References\n"
        "    ----------\n"
        "    .. [1] Hale, P. (2010). Matrix Methods for Engineers. 3rd edition. Wiley.\n"
        '    """\n'
    )
    (root / "gcd.hpp").write_text("// Knuth, Vol. 2, Algorithm E\nint gcd(int a, int b);\n")
    (root / "shuffle.js").write_text(
        "/** Shuffled as in Numerical Recipes (3rd ed.). */\nexport function shuffle(x) {}\n"
    )
    return root


def test_books_are_their_own_kind_in_every_output(
    cited_books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scan_json(cited_books, capsys=capsys)
    jsonschema.validate(document, SCHEMA)
    books = {c["path"]: c for c in document["citations"] if c["kind"] == "book"}
    assert set(books) == {"solve.py", "gcd.hpp", "shuffle.js"}
    assert books["solve.py"]["title_hint"] == "Matrix Methods for Engineers"
    assert books["gcd.hpp"]["title_hint"] == "The Art of Computer Programming"
    assert all(c["id"] is None for c in books.values())
    assert {p["key"] for p in document["papers"]} == {
        "book:matrix methods for engineers",
        "book:the art of computer programming",
        "book:numerical recipes",
    }

    assert run(["scan", str(cited_books), "--no-resolve"]) == 0
    summary = capsys.readouterr().out
    assert "book" in summary and "Matrix Methods for Engineers" in summary

    page = tmp_path / "papers.html"
    markdown = tmp_path / "papers.md"
    sarif = tmp_path / "papers.sarif"
    args = ["scan", str(cited_books), "--no-resolve", "-o", f"html:{page}"]
    assert run([*args, "-o", f"markdown:{markdown}", "-o", f"sarif:{sarif}"]) == 0
    data = re.search(r'id="citegraph-data">(.*?)</script>', page.read_text())
    assert data is not None
    facets = {f["name"]: f for f in json.loads(data[1])["facets"]}
    assert [o[0] for o in facets["kind"]["options"]] == ["book"]
    assert "Numerical Recipes" in markdown.read_text()
    assert json.loads(sarif.read_text())["version"] == "2.1.0"  # findings only: none here


def test_library_defaults_give_what_the_cli_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A user calling `scan_paths` with default options gets the citations `citegraph scan`
    # reports: string literals in code are not places, and neither reads them unless asked
    # (`--strings`, `strings=True`); docstrings are read either way.
    from citegraph.config import load_config
    from scanner import ScanOptions, scan_paths

    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "links.py").write_text(
        '"""Implements arXiv:1412.6980."""\nPAPER = "https://arxiv.org/abs/1706.03762"\n'
    )
    assert load_config(root, environ={}).scan_options() == ScanOptions()
    assert ScanOptions().strings is False

    def library(options: ScanOptions) -> set[str]:
        return {m.ref.key for scan in scan_paths(root, options) for m in scan.mentions if m.ref}

    cli = {c["id"] for c in scan_json(root, "--no-cache", capsys=capsys)["citations"]}
    assert library(ScanOptions(cache=False)) == cli == {"arxiv:1412.6980"}
    with_strings = {"arxiv:1412.6980", "arxiv:1706.03762"}
    cli = {c["id"] for c in scan_json(root, "--no-cache", "--strings", capsys=capsys)["citations"]}
    assert library(ScanOptions(cache=False, strings=True)) == cli == with_strings


@pytest.mark.parametrize("template", ["nobraces", "javascript:{path}", "https://x.org/{file}"])
def test_a_source_url_the_page_cannot_use_is_a_usage_error(
    repo: Path, tmp_path: Path, template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "papers.html"
    assert run(["scan", str(repo), "--offline", "-q", "--source-url", template, "-o", str(page)])
    assert run(["scan", str(repo), "--offline", "-q", "--source-url", template]) == 2
    assert "source-url" in capsys.readouterr().err and not page.exists()


def test_an_output_place_that_cannot_exist_stops_the_scan_before_it_runs(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import citegraph.commands.scan as scan_command

    def no_scan(*args: object, **kwargs: object) -> None:
        raise AssertionError("scanned before checking where the output goes")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(scan_command, "rendered_scan", no_scan)
    monkeypatch.setattr(Path, "mkdir", denied)
    assert run(["scan", str(repo), "--offline", "-q", "-o", str(tmp_path / "out" / "x.json")]) == 2
    assert "cannot create" in capsys.readouterr().err


def test_build_output_is_skipped_with_a_hint_and_read_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A source tree (a .gitignore at its top) whose dist/ holds the only copy of some code.
    tree = tmp_path / "tree"
    (tree / "dist").mkdir(parents=True)
    (tree / ".gitignore").write_text("*.log\n")
    (tree / "dist" / "attention.js").write_text("// Vaswani et al., arXiv:1706.03762\n")
    assert run(["scan", str(tree), "--no-resolve", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "0 citations" in out and "dist/: build output directory" in out
    assert "--no-default-excludes" in out
    document = scan_json(tree, "--no-default-excludes", "--no-cache", capsys=capsys)
    assert [c["id"] for c in document["citations"]] == ["arxiv:1706.03762"]
    assert all(s["path"] != "dist/" for s in document["skipped"])


def test_an_unpacked_package_is_read_with_its_dist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "package"  # as `npm pack` unpacks: no git, no .gitignore
    (package / "dist").mkdir(parents=True)
    (package / "package.json").write_text("{}")
    (package / "dist" / "attention.js").write_text("// Vaswani et al., arXiv:1706.03762\n")
    document = scan_json(package, "--no-cache", capsys=capsys)
    assert [c["path"] for c in document["citations"]] == ["dist/attention.js"]


def test_one_file_is_scanned_and_reported_by_its_path_in_its_project(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text('[tool.citegraph]\nexclude = ["pkg/"]\n')
    document = scan_json(repo / "pkg" / "optim.py", capsys=capsys)
    jsonschema.validate(document, SCHEMA)
    # Named on the command line, the file is scanned although the project excludes its folder,
    # and only that file: native.cc's DOI is not in the report.
    assert [(c["id"], c["path"], c["symbol"]) for c in document["citations"]] == [
        ("arxiv:1908.03265", "pkg/optim.py", "pkg.optim.RAdam")
    ]
    assert document["stats"]["files"] == 1


def test_one_binary_file_is_reported_skipped_with_its_reason(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scan_json(repo / "blob.c", capsys=capsys)
    assert document["citations"] == []
    assert [(s["path"], s["reason"].split()[0]) for s in document["skipped"]] == [
        ("blob.c", "binary")
    ]


@pytest.mark.parametrize("command", ["scan", "report"])
def test_help_shows_the_source_url_example_whole(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # At 80 columns the option's help column is too narrow for the URL: it used to be cut
    # mid-word ("https://github.com/OR" / "G/REPO/..."), so a copied example was broken.
    monkeypatch.setenv("COLUMNS", "80")
    assert run([command, "--help"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "    https://github.com/ORG/REPO/blob/{rev}/{path}#L{line}" in lines


@pytest.mark.parametrize("command", ["scan", "index"])
def test_help_says_each_option_s_default_and_environment_variable(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --resolve said no default, --offline and --mailto not that CITEGRAPH_OFFLINE and
    # CITEGRAPH_MAILTO set them, and --default-excludes "default: on" where a release's
    # dist/ is read (an index of pypi: and npm: sources reads nothing else).
    assert run([command, "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())  # as wrapped at any width
    assert "and online unless --offline; default: on)" in help_text
    assert "(env CITEGRAPH_OFFLINE)" in help_text and "(env CITEGRAPH_MAILTO)" in help_text
    assert "default: on, but an unpacked release's build directories are read" in help_text


def test_a_subdirectory_scan_names_files_from_the_repository_top_where_it_must(
    repo: Path, tmp_path: Path
) -> None:
    # The Action's `path: src`: code scanning reads SARIF URIs from the repository's top, and
    # the code host's links name files from there too; the scan's own paths stay relative.
    (repo / ".git").mkdir()
    out = tmp_path / "out"
    template = "https://example.org/r/blob/{rev}/{path}#L{line}"
    argv = ["scan", str(repo / "pkg"), "--no-resolve", "-q", "--source-url", template]
    argv += ["-o", f"json:{out}/scan.json", "-o", f"sarif:{out}/scan.sarif"]
    assert run([*argv, "-o", f"html:{out}/papers.html"]) == 0
    document = json.loads((out / "scan.json").read_text())
    jsonschema.validate(document, SCHEMA)
    assert document["prefix"] == "pkg"
    assert {c["path"] for c in document["citations"]} == {"optim.py"}
    (result,) = json.loads((out / "scan.sarif").read_text())["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pkg/optim.py"
    assert '"/pkg/","path"' in (out / "papers.html").read_text()
    # A saved scan renders the same SARIF; a scan of the top has no prefix.
    again = tmp_path / "again.sarif"
    assert run(["report", str(out / "scan.json"), "-o", str(again)]) == 0
    assert again.read_text() == (out / "scan.sarif").read_text()
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", f"json:{out}/top.json"]) == 0
    assert "prefix" not in json.loads((out / "top.json").read_text())


@pytest.mark.parametrize(
    "outputs",
    [("json:-", "terminal:-"), ("-", "json:-"), ("out.json", "json:./out.json")],
)
def test_two_outputs_in_one_place_are_a_usage_error(
    repo: Path,
    tmp_path: Path,
    outputs: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # They interleaved on standard output (JSON then the summary, unreadable by a program),
    # or the second silently replaced the first file.
    monkeypatch.chdir(tmp_path)
    argv = ["scan", str(repo), "--no-resolve", "-q"]
    assert run([*argv, "-o", outputs[0], "-o", outputs[1]]) == 2
    captured = capsys.readouterr()
    assert "both write to" in captured.err and captured.out == ""
    assert not (tmp_path / "out.json").exists()
    assert run([*argv, "-o", "/dev/null", "-o", "json:/dev/null"]) == 0  # a device takes any


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_output_where_no_file_can_be_created_stops_the_run_before_the_scan(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root passes `os.access` everywhere: `-o /proc/x.json` failed only when written, after the
    # whole scan. As any user, a directory whose permission bits allow writing may still refuse
    # a new file: `os.access` says yes here, the probe says no.
    import os

    import citegraph.commands.scan as scan_command

    monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)
    monkeypatch.setattr(scan_command, "rendered_scan", lambda *a, **k: pytest.fail("scanned"))
    argv = ["scan", str(repo), "--offline", "-q", "-o", "/proc/citegraph-out.json"]
    assert run(argv) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("citegraph: error: -o '/proc/citegraph-out.json': cannot create a file")
    # A device is written in place, a new directory is created: neither probe fails.
    monkeypatch.undo()
    out = repo.parent / "new" / "dir" / "scan.json"
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", "/dev/null", "-o", str(out)]) == 0
    assert out.is_file() and sorted(p.name for p in out.parent.iterdir()) == ["scan.json"]
    assert "citegraph-probe" not in " ".join(p.name for p in repo.parent.rglob("*"))


@pytest.mark.parametrize("output", ["{dir}/report/", "html:{dir}/report/"])
def test_an_output_ending_in_a_slash_is_a_directory_not_a_file(
    repo: Path, tmp_path: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # `-o report/` wrote the terminal summary to a file named `report`.
    argv = ["scan", str(repo), "--no-resolve", "-q", "-o", output.format(dir=tmp_path)]
    assert run(argv) == 2
    assert "report/ is a directory; name a file in it" in capsys.readouterr().err
    assert not (tmp_path / "report").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["scan", "{repo}", "--no-resolve"],
        ["check", "{repo}"],
        ["bib", "--root", "{repo}"],
        ["diff", "{repo}", "{repo}"],
        ["catalog", "export"],
        ["index", "{repo}", "--offline"],
    ],
)
def test_an_empty_output_path_is_named_as_one(
    repo: Path,
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `-o ""` (a variable left unset) is `.`: `index` wrote its files into the working
    # directory, the others said "-o '.': . is a directory"
    monkeypatch.chdir(repo.parent)
    before = sorted(repo.parent.iterdir())
    assert run([*(part.format(repo=repo) for part in command), "-o", ""]) == 2
    assert capsys.readouterr().err == "citegraph: error: -o '': the path is empty\n"
    assert sorted(repo.parent.iterdir()) == before


def test_an_extensions_name_is_a_format_prefix_too(repo: Path, tmp_path: Path) -> None:
    # `-o md:summary` was "unknown format 'md'" although `-o summary.md` writes Markdown.
    argv = ["scan", str(repo), "--no-resolve", "-q"]
    assert run([*argv, "-o", f"md:{tmp_path}/summary", "-o", f"bib:{tmp_path}/refs"]) == 0
    assert (tmp_path / "summary").read_text().startswith("<!-- generated by citegraph -->")
    assert (tmp_path / "refs").read_text().startswith("@")


def test_a_path_that_is_no_file_or_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '0 files scanned' and nothing listed as skipped, for a FIFO or a device
    import os

    fifo = tmp_path / "mod.py"
    os.mkfifo(fifo)
    assert run(["scan", str(fifo), "--offline"]) == 2
    assert "is neither a directory nor a regular file" in capsys.readouterr().err
    assert run(["scan", "/dev/null", "--offline"]) == 2


def test_a_saved_scan_with_a_byte_order_mark_is_read(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 'not a readable JSON scan: Unexpected UTF-8 BOM'
    saved = tmp_path / "scan.json"
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", f"json:{saved}"]) == 0
    saved.write_bytes(b"\xef\xbb\xbf" + saved.read_bytes())
    assert run(["report", str(saved), "-f", "markdown"]) == 0
    assert "Papers referenced" in capsys.readouterr().out


def test_sarif_lists_the_rules_the_project_checks(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # code scanning shows the log's rules as the tool's: rules the project ignored were listed
    # there, as if checked and found clean, and opt-in rules it selected only when they fired
    (repo / ".git").mkdir()
    (repo / "pyproject.toml").write_text('[tool.citegraph]\nignore = ["CG003", "CG004"]\n')

    def rule_ids(path: Path) -> set[str]:
        return {
            rule["id"]
            for rule in json.loads(path.read_text())["runs"][0]["tool"]["driver"]["rules"]
        }

    scanned = tmp_path / "scan.sarif"
    assert run(["scan", str(repo), "--no-resolve", "-q", "-o", str(scanned)]) == 0
    assert "CG001" in rule_ids(scanned) and not {"CG003", "CG004"} & rule_ids(scanned)
    checked = tmp_path / "check.sarif"
    monkeypatch.chdir(repo)
    argv = ["check", str(repo / "pkg" / "optim.py"), "-f", "sarif", "-o", str(checked)]
    assert run([*argv, "--ignore", "CG001", "--select", "CG0,CG201"]) == 0
    ids = rule_ids(checked)
    assert "CG201" in ids and not {"CG001", "CG003", "CG004"} & ids
