"""Module names from paths: packages, src layouts, namespace packages, stubs and scripts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scanner import modnames
from scanner.modnames import module_name


def make(root: Path, *paths: str) -> None:
    for path in paths:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("")


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    # tmp_path directories can be reused by name across tests; never trust an old answer.
    modnames._package_path.cache_clear()
    modnames._is_package.cache_clear()


@pytest.mark.parametrize(
    ("files", "path", "expected"),
    [
        (["pkg/__init__.py", "pkg/sub/__init__.py"], "pkg/sub/mod.py", "pkg.sub.mod"),
        (["pkg/__init__.py"], "pkg/__init__.py", "pkg"),
        (["pkg/__init__.py"], "pkg/stubs.pyi", "pkg.stubs"),
        (["pkg/__init__.pyi"], "pkg/typed.pyi", "pkg.typed"),
        (["pkg/__init__.pxd"], "pkg/fast.pyx", "pkg.fast"),
        (["src/pkg/__init__.py"], "src/pkg/mod.py", "pkg.mod"),
        (["src/pkg/__init__.py"], "src/pkg/__init__.py", "pkg"),
        (["src/ns/pkg/__init__.py"], "src/ns/pkg/mod.py", "ns.pkg.mod"),
        (["src/ns/tool.py"], "src/ns/tool.py", "ns.tool"),
        (["libs/a/src/pkg/__init__.py"], "libs/a/src/pkg/mod.py", "pkg.mod"),
        (["repo/pkg/__init__.py"], "repo/pkg/mod.py", "pkg.mod"),
        (["setup.py"], "setup.py", "setup"),
        (["lib/tool.py"], "lib/tool.py", "tool"),
        (["python/a/b.py"], "python/a/b.py", "a.b"),
        (["tools/gen.py"], "tools/gen.py", "tools.gen"),
        (["examples/a/train.py"], "examples/a/train.py", "examples.a.train"),
        (["pkg/__init__.py", "pkg/nopkg/x.py"], "pkg/nopkg/x.py", "pkg.nopkg.x"),
        (["pkg/__init__.py"], "pkg/mod.pyw", "pkg.mod"),
        (["Makefile_py"], "Makefile_py", "Makefile_py"),
    ],
)
def test_module_name(tmp_path: Path, files: list[str], path: str, expected: str) -> None:
    make(tmp_path, *files)
    assert module_name(tmp_path, path) == expected


def test_scan_root_inside_a_package(tmp_path: Path) -> None:
    make(tmp_path, "torch/__init__.py", "torch/nn/__init__.py", "torch/nn/modules/__init__.py")
    root = tmp_path / "torch" / "nn"
    assert module_name(root, "modules/linear.py") == "torch.nn.modules.linear"
    assert module_name(root, "functional.py") == "torch.nn.functional"
    assert module_name(root, "__init__.py") == "torch.nn"


def test_unreadable_directory_is_not_a_package(tmp_path: Path) -> None:
    make(tmp_path, "locked/__init__.py")
    os.chmod(tmp_path / "locked", 0)
    try:
        assert module_name(tmp_path, "locked/mod.py") == "locked.mod"
    finally:
        os.chmod(tmp_path / "locked", 0o755)


def test_lookups_are_cached_per_directory(tmp_path: Path) -> None:
    make(tmp_path, "pkg/__init__.py")
    for index in range(50):
        assert module_name(tmp_path, f"pkg/m{index}.py") == f"pkg.m{index}"
    assert modnames._package_path.cache_info().misses == 1
    assert modnames._is_package.cache_info().currsize <= 3
