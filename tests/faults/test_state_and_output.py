"""Damaged state and bad outputs: corrupt or foreign catalogs and caches, kills mid-write,
concurrent runs, devices and bad `-o` targets. One line and exit 2, never a traceback."""

from __future__ import annotations

import json
import os
import pickle
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from citegraph.cli import run

CITING = "# See arXiv:1706.03762 and doi:10.1145/3360572.\n"


def bib(count: int, start: int = 0) -> str:
    return "".join(
        f"@article{{k{i},\n  title = {{A synthetic study number {i}}},\n"
        f"  author = {{Doe, Jane and Roe, Rick}},\n  year = {{2001}},\n"
        f"  doi = {{10.5555/synthetic.{i}}}\n}}\n\n"
        for i in range(start, start + count)
    )


def tree(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.py").write_text(CITING)
    return root


def citegraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citegraph", *args],
        capture_output=True,
        text=True,
        # A guard against hangs only: importing 20,000 papers took over 120 s on a loaded
        # 2-core machine.
        timeout=900,
        env={**os.environ, **(env or {})},
    )


def real_catalog(path: Path, tmp_path: Path, count: int = 300) -> Path:
    (tmp_path / "refs.bib").write_text(bib(count))
    assert run(["catalog", "--catalog", str(path), "import", str(tmp_path / "refs.bib")]) == 0
    return path


def _random(path: Path, tmp_path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _truncated(path: Path, tmp_path: Path) -> None:
    real_catalog(path, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3 + 100])


def _overwritten_pages(path: Path, tmp_path: Path) -> None:
    real_catalog(path, tmp_path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), 3 * page):  # every third page after the header
        data[start : start + page] = os.urandom(min(page, len(data) - start))
    path.write_bytes(bytes(data))


def _directory(path: Path, tmp_path: Path) -> None:
    path.mkdir()


def _foreign(path: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    db.execute("INSERT INTO invoices VALUES (1, 9.5)")
    db.commit()
    db.close()


def _dropped(name: str) -> Callable[[Path, Path], None]:
    """A catalog with one of its tables or indexes dropped (by hand, or another program): it
    was read as holding no papers, or stopped a command with a traceback, and `catalog
    check` called it sound."""

    def damage(path: Path, tmp_path: Path) -> None:
        real_catalog(path, tmp_path, count=5)
        db = sqlite3.connect(path)
        (kind,) = db.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        db.execute(f"DROP {kind} {name}")
        db.commit()
        db.close()

    return damage


DAMAGE = {
    "random": _random,
    "truncated": _truncated,
    "overwritten": _overwritten_pages,
    "directory": _directory,
    "foreign": _foreign,
    "dropped papers": _dropped("papers"),
    "dropped lookups": _dropped("lookups"),
    "dropped index": _dropped("aliases_paper"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_an_unusable_catalog_is_one_line_and_exit_2(
    tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "catalog.sqlite3"
    DAMAGE[damage](catalog, tmp_path)
    root = tree(tmp_path / "tree")
    (tmp_path / "more.bib").write_text(bib(3, start=1000))
    # Through the environment, as CI sets it: --catalog refuses a directory by itself.
    os.environ["CITEGRAPH_CATALOG"] = str(catalog)
    commands = [
        ["scan", str(root), "--offline", "-q"],
        ["catalog", "stats"],
        ["catalog", "show", "--offline", "doi:10.5555/synthetic.1"],
        ["catalog", "import", str(tmp_path / "more.bib")],
        ["check", "--root", str(root), str(root / "a.py")],
    ]
    refused = 0
    for command in commands:
        capsys.readouterr()
        code = run(command)
        err = capsys.readouterr().err
        assert "Traceback" not in err, (command, err)
        # Damaged pages the command never reads cost it nothing (a scan looks up two keys;
        # checking every page on each open would cost a large catalog seconds); a command
        # that writes checks every page first.
        if damage == "overwritten" and code == 0 and command[:2] != ["catalog", "import"]:
            continue
        refused += 1
        assert code == 2 and str(catalog) in err, (command, err)
        # A folder is not repaired by moving it aside: the advice names --catalog instead.
        advice = "--catalog" if damage == "directory" else "citegraph catalog rebuild"
        assert err.count("\n") == 1 and advice in err, (command, err)
    assert refused >= 2
    if damage == "foreign":  # never taken over
        db = sqlite3.connect(catalog)
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master")]
        db.close()
        assert names == ["invoices"]


@pytest.mark.parametrize("where", ["under a file", "under a file's missing folder"])
def test_a_catalog_that_cannot_be_created_is_one_line_without_repair_advice(
    tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    parent = tmp_path / "notes.txt" / ("" if where == "under a file" else "sub")
    catalog = parent / "catalog.sqlite3"
    root = tree(tmp_path / "tree")
    (tmp_path / "more.bib").write_text(bib(3, start=1000))
    os.environ["CITEGRAPH_CATALOG"] = str(catalog)
    for command in (
        ["scan", str(root), "--offline", "-q"],
        ["catalog", "stats"],
        ["catalog", "import", str(tmp_path / "more.bib")],
    ):
        capsys.readouterr()
        code = run(command)
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1, (command, err)
        assert f"catalog {catalog} cannot be created" in err and "--catalog" in err, err
        assert "rebuild" not in err  # nothing there to repair
    assert (tmp_path / "notes.txt").read_text() == "a file, not a folder\n"


def _damage_pages_of(path: Path, table: str, count: int) -> None:
    """Overwrite `count` leaf pages of `table` in the middle of the file with random bytes."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        pages = [
            n
            for (n,) in db.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find a table's pages")
    finally:
        db.close()
    middle = len(pages) // 2
    with open(path, "r+b") as stream:
        for page in pages[middle : middle + count]:
            stream.seek((page - 1) * size)
            stream.write(os.urandom(size))


def test_damage_in_pages_a_run_never_reads_stops_any_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = real_catalog(tmp_path / "catalog.sqlite3", tmp_path, count=3000)
    _damage_pages_of(catalog, "papers", 3)
    before = catalog.read_bytes()
    (tmp_path / "more.bib").write_text(bib(3, start=5000))
    flag = ["catalog", "--catalog", str(catalog)]
    commands = [
        # A write: every page is checked first, and nothing is written into the damaged file.
        [*flag, "import", str(tmp_path / "more.bib")],
        # A read that meets the damage halfway through: one line, and no half-written output.
        [*flag, "export", "-o", str(tmp_path / "out.jsonl")],
    ]
    for command in commands:
        code = run(command)
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err and err.count("\n") == 1, (command, err)
        assert f"catalog {catalog} is damaged" in err, err
    assert catalog.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()
    assert run([*flag, "check"]) == 1
    assert "damaged or not a catalog" in capsys.readouterr().out


def test_a_catalog_error_survives_crossing_processes(tmp_path: Path) -> None:
    from catalog import CatalogUnusable

    error = pickle.loads(pickle.dumps(CatalogUnusable(tmp_path / "c.sqlite3", "is damaged")))
    assert isinstance(error, CatalogUnusable)
    assert error.problem == "is damaged" and str(tmp_path) in str(error)


@pytest.mark.parametrize(
    "damage", ["random", "truncated", "overwritten", "foreign", "dropped papers", "dropped index"]
)
def test_check_finds_the_damage_and_rebuild_moves_it_aside(
    tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "catalog.sqlite3"
    DAMAGE[damage](catalog, tmp_path)
    before = catalog.read_bytes()
    assert run(["catalog", "--catalog", str(catalog), "check"]) == 1
    assert "damaged or not a catalog" in capsys.readouterr().out
    assert run(["catalog", "--catalog", str(catalog), "rebuild"]) == 0
    aside = [
        p
        for p in tmp_path.iterdir()
        if p.name.startswith("catalog.sqlite3.broken-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and aside[0].read_bytes()[:100] == before[:100]
    assert run(["catalog", "--catalog", str(catalog), "check"]) == 0
    assert (
        run(["scan", str(tree(tmp_path / "t")), "--offline", "-q", "--catalog", str(catalog)]) == 0
    )


def test_a_text_file_given_as_the_catalog_is_said_so_and_never_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bibliography given as --catalog: the damage advice sent the user to `rebuild`, which
    # moved their file aside and put an empty database in its place.
    bibliography = tmp_path / "references.bib"
    bibliography.write_text(bib(2))
    before = bibliography.read_bytes()
    flag = ["--catalog", str(bibliography)]
    assert run(["scan", str(tree(tmp_path / "t")), "--offline", "-q", *flag]) == 2
    err = capsys.readouterr().err
    assert f"catalog {bibliography} is a text file, not a catalog" in err and "rebuild" not in err
    assert "citegraph catalog import" in err and err.count("\n") == 1
    assert run(["catalog", *flag, "check"]) == 1
    out = capsys.readouterr().out
    assert "is a text file" in out and "rebuild" not in out and "--catalog" in out
    for rebuild in (["rebuild"], ["rebuild", "--force"]):
        assert run(["catalog", *flag, *rebuild]) == 2
        assert "nothing moved" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["references.bib", "t"]
    assert bibliography.read_bytes() == before


def test_a_sound_catalog_checks_ok_and_is_not_rebuilt_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = real_catalog(tmp_path / "c.sqlite3", tmp_path, count=5)
    assert run(["catalog", "--catalog", str(catalog), "check"]) == 0
    assert run(["catalog", "--catalog", str(catalog), "rebuild"]) == 2
    assert "--force" in capsys.readouterr().err


def _integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


@pytest.mark.slow
def test_kill_9_during_a_catalog_import_leaves_a_sound_catalog(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.sqlite3"
    (tmp_path / "big.bib").write_text(bib(20_000))
    env = {"CITEGRAPH_CATALOG": str(catalog)}
    for delay in (0.8, 1.6, 2.4):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "citegraph",
                "catalog",
                "import",
                "--batch",
                "500",
                str(tmp_path / "big.bib"),
            ],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _integrity(catalog) == "ok"
    # A rerun completes, and a second rerun changes nothing.
    assert citegraph("catalog", "import", str(tmp_path / "big.bib"), env=env).returncode == 0
    first = citegraph("catalog", "stats", "--json", env=env).stdout
    assert citegraph("catalog", "import", str(tmp_path / "big.bib"), env=env).returncode == 0
    second = citegraph("catalog", "stats", "--json", env=env).stdout
    assert json.loads(first)["papers"] == json.loads(second)["papers"] == 20_000
    assert _integrity(catalog) == "ok"


@pytest.mark.slow
def test_kill_9_during_a_scan_cache_write_then_an_identical_rerun(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    for i in range(3000):
        (root / f"m{i:04d}.py").write_text(f"# arXiv:{1000 + i % 800}.{i:05d}\nx = {i}\n")
    cache = tmp_path / "cache"
    env = {"CITEGRAPH_CACHE_DIR": str(cache), "CITEGRAPH_CATALOG": str(tmp_path / "c.sqlite3")}
    args = [
        sys.executable,
        "-m",
        "citegraph",
        "scan",
        str(root),
        "--no-resolve",
        "-f",
        "json",
        "-j",
        "1",
        "-q",
    ]
    for delay in (1.5, 3.0):
        process = subprocess.Popen(
            args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        database = cache / "scan-cache.sqlite3"
        if database.exists():
            assert _integrity(database) == "ok"
    warm = citegraph("scan", str(root), "--no-resolve", "-f", "json", "-j", "1", "-q", env=env)
    cold = citegraph(
        "scan", str(root), "--no-resolve", "-f", "json", "-j", "1", "-q", "--no-cache", env=env
    )
    assert warm.returncode == cold.returncode == 0 and warm.stdout == cold.stdout


@pytest.mark.slow
def test_concurrent_scans_and_imports_share_one_catalog(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.sqlite3"
    root = tree(tmp_path / "tree")
    env = {**os.environ, "CITEGRAPH_CATALOG": str(catalog)}
    for i in range(3):
        (tmp_path / f"part{i}.bib").write_text(bib(2000, start=i * 2000))
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "citegraph",
                "catalog",
                "import",
                str(tmp_path / f"part{i}.bib"),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ] + [
        subprocess.Popen(
            [sys.executable, "-m", "citegraph", "scan", str(root), "--offline", "-q", "-f", "json"],
            env={**env, "CITEGRAPH_CACHE_DIR": str(tmp_path / "cache")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [(p.wait(timeout=300), p.communicate()) for p in runs]
    assert all(code == 0 for code, _ in results), [out[1] for _, out in results]
    scans = {out[0] for _, out in results[3:]}
    assert len(scans) == 1  # every concurrent scan saw the same tree the same way
    assert _integrity(catalog) == "ok"
    stats = citegraph("catalog", "stats", "--json", env={"CITEGRAPH_CATALOG": str(catalog)})
    assert json.loads(stats.stdout)["papers"] == 6000


def test_outputs_onto_devices_are_written_in_place(tmp_path: Path) -> None:
    root = tree(tmp_path / "tree")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert (
        run(["scan", str(root), "--no-resolve", "-q", "-o", "/dev/null", "-o", f"json:{fifo}"]) == 0
    )
    assert json.loads(reader.communicate(timeout=60)[0])["stats"]["citations"] == 2
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_full_device_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    assert run(["scan", str(tree(tmp_path / "t")), "--no-resolve", "-q", "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert "/dev/full" in err and "Traceback" not in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_standard_output_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    # `citegraph scan . > file` on a full disk was an internal error with a traceback
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "citegraph", "scan", str(tree(tmp_path / "t")), "--no-resolve"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line == "citegraph: error: cannot write to standard output: No space left on device"


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        (["json:{tmp}/a.json", "html:/proc/nope/b.html"], "/proc/nope"),
        (["json:{tmp}/a.json", "html:{tmp}"], "is a directory"),
        (["json:{tmp}/a.json", "xml:{tmp}/x.xml"], "unknown format 'xml'"),
        (["json:{tmp}/a.json", "{tmp}/guess.xyz"], "cannot tell the format"),
        (["json:{tmp}/a.json", "{tmp}/plain/sub/x.json"], None),
    ],
)
def test_every_output_is_checked_before_any_is_written(
    tmp_path: Path, outputs: list[str], message: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "tree")
    (tmp_path / "plain").write_text("a file where a directory should be\n")
    flags = [arg for value in outputs for arg in ("-o", value.format(tmp=tmp_path))]
    code = run(["scan", str(root), "--no-resolve", "-q", *flags])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    if message:
        assert message in err
    assert not (tmp_path / "a.json").exists()
    assert not (tmp_path / "xml:").exists()


def _commands(root: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Every command that takes `-o`, as run on `root` (`-o` is appended)."""
    catalog = str(tmp_path / "catalog.sqlite")
    return {
        "scan": ["scan", str(root), "--no-resolve", "-q"],
        "check": ["check", "--root", str(root)],
        "diff": ["diff", "HEAD", "--root", str(root)],
        "bib": ["bib", "--root", str(root)],
        "catalog export": ["catalog", "--catalog", catalog, "export"],
        "index": ["index", str(root), "--offline", "-q", "--catalog", catalog],
    }


def _git_tree(root: Path) -> Path:
    tree(root)
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True
        )
    return root


@pytest.mark.parametrize("command", ["scan", "check", "diff", "bib", "catalog export", "index"])
def test_every_command_checks_its_output_path_before_it_runs(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _git_tree(tmp_path / "tree")
    (tmp_path / "plain").write_text("a file where a directory should be\n")
    args = _commands(root, tmp_path)[command]
    for bad, message in [
        (tmp_path / "plain" / "out.json", "plain is not a directory"),
        (tmp_path / "plain", "plain is not a directory")
        if command == "index"
        else (tmp_path, "is a directory"),
    ]:
        code = run([*args, "-o", str(bad)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "Traceback" not in err and err.count("\n") == 1 and message in err, err
    # Nothing ran: a check or a scan would have opened the catalog, an index its directory.
    assert not (tmp_path / "catalog.sqlite").exists()


@pytest.mark.parametrize("command", ["scan", "check", "diff", "bib", "catalog export", "index"])
def test_a_missing_output_directory_is_created(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The GitHub Action (`report-dir`) and the GitLab example write into a directory that a
    # fresh checkout does not have: every command creates it, as `scan` always did.
    root = _git_tree(tmp_path / "tree")
    target = tmp_path / "new" / "deeper" / ("out" if command == "index" else "out.txt")
    code = run([*_commands(root, tmp_path)[command], "-o", str(target)])
    assert code in (0, 1), capsys.readouterr().err
    assert target.is_dir() if command == "index" else target.is_file()


def test_a_bare_path_takes_the_format_of_its_extension(tmp_path: Path) -> None:
    root = tree(tmp_path / "tree")
    names = ["p.html", "s.json", "s.sarif", "s.md", "s.bib"]
    assert (
        run(
            [
                "scan",
                str(root),
                "--no-resolve",
                "-q",
                *(f for n in names for f in ("-o", str(tmp_path / n))),
            ]
        )
        == 0
    )
    assert (tmp_path / "p.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert json.loads((tmp_path / "s.json").read_text())["stats"]["citations"] == 2
    assert json.loads((tmp_path / "s.sarif").read_text())["version"] == "2.1.0"
    assert "generated by citegraph" in (tmp_path / "s.md").read_text()
    assert "@" in (tmp_path / "s.bib").read_text()
    # -f still decides for a bare path.
    assert (
        run(["scan", str(root), "--no-resolve", "-q", "-f", "json", "-o", str(tmp_path / "x.html")])
        == 0
    )
    assert json.loads((tmp_path / "x.html").read_text())["stats"]["citations"] == 2


@pytest.mark.parametrize("value", ['"abc"', "-1", "true", "[1]"])
def test_a_setting_of_the_wrong_type_is_one_line(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "tree")
    (root / "pyproject.toml").write_text(f"[tool.citegraph]\nmin-title-confidence = {value}\n")
    assert run(["scan", str(root), "--no-resolve", "-q"]) == 2
    err = capsys.readouterr().err
    assert "min-title-confidence" in err and "Traceback" not in err and err.count("\n") == 1


def test_metadata_with_terminal_controls_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = tmp_path / "c.sqlite3"
    (tmp_path / "evil.bib").write_text(
        "@article{k,\n  title = {Owned\x1b]0;pwned\x07 \u202etxt.exe},\n"
        "  author = {Doe, Jane},\n  year = {2001},\n  doi = {10.5555/evil}\n}\n"
    )
    assert run(["catalog", "--catalog", str(catalog), "import", str(tmp_path / "evil.bib")]) == 0
    root = tmp_path / "tree"
    root.mkdir()
    (root / "a.py").write_text("# doi:10.5555/evil\n")
    outputs = {}
    for command in (
        ["catalog", "--catalog", str(catalog), "show", "--offline", "doi:10.5555/evil"],
        ["scan", str(root), "--offline", "-q", "--catalog", str(catalog)],
        ["scan", str(root), "--offline", "-q", "--catalog", str(catalog), "-f", "markdown"],
        ["scan", str(root), "--offline", "-q", "--catalog", str(catalog), "-f", "bibtex"],
    ):
        capsys.readouterr()
        assert run(command) == 0
        outputs[command[-1]] = capsys.readouterr().out
    for name, text in outputs.items():
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        if name == "bibtex":  # dropped: written as escapes they are TeX commands (\u, \x)
            assert "\\x1b" not in text and "\\u202e" not in text and "Owned]0;pwned" in text
        else:
            assert "\\x1b" in text or "\\u202e" in text


def test_a_catalog_path_that_is_a_directory_is_never_moved_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CITEGRAPH_CATALOG set to a folder by mistake: the advice was `catalog rebuild`, which
    # then renamed the whole folder to `.broken-TIME` and put a catalog in its place.
    folder = tmp_path / "papers"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "keep.txt").write_text("mine\n")
    os.environ["CITEGRAPH_CATALOG"] = str(folder)
    root = tree(tmp_path / "tree")
    for command in (["scan", str(root), "--offline", "-q"], ["catalog", "check"]):
        capsys.readouterr()
        assert run(command) in (1, 2)
        captured = capsys.readouterr()
        assert "rebuild" not in captured.out + captured.err, command
    assert run(["catalog", "rebuild"]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert (folder / "sub" / "keep.txt").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers", "tree"]


def test_a_file_where_the_cache_directory_should_be_is_said_so(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # It said 'scan cache unavailable, scanning without it: [Errno 17] File exists: ...'.
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("not a directory\n")
    monkeypatch.setenv("CITEGRAPH_CACHE_DIR", str(in_the_way))
    assert run(["scan", str(tree(tmp_path / "t")), "--no-resolve", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["citations"]  # the scan, without its cache
    assert (
        f"{in_the_way} is a file, not a directory (see cache-dir, CITEGRAPH_CACHE_DIR)"
        in caplog.text
    )
