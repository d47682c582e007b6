"""The three packages depend one way, and the app reaches the other two only through their faces."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(package: str) -> list[tuple[str, int, str]]:
    """Every module imported anywhere in `package` (function-level imports included), as
    (file, line, module name)."""
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(where, node.lineno, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.append((where, node.lineno, node.module))
    return found


def _top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("package", ["scanner", "catalog"])
def test_the_halves_never_import_the_app(package: str) -> None:
    upward = [i for i in _imports(package) if _top(i[2]) == "citegraph"]
    assert upward == []


def test_the_catalog_knows_nothing_of_source_files() -> None:
    assert [i for i in _imports("catalog") if _top(i[2]) == "scanner"] == []


@pytest.mark.parametrize("package", ["scanner", "catalog"])
def test_the_app_imports_only_the_faces(package: str) -> None:
    # A name the app needs is added to the package's `_EXPORTS` (its `__init__.py`) and
    # imported as `from {package} import name`.
    inner = [i for i in _imports("citegraph") if i[2].startswith(package + ".")]
    assert inner == [], f"import these from `{package}` itself: {inner}"


@pytest.mark.parametrize("package", ["scanner", "catalog"])
def test_every_exported_name_exists(package: str) -> None:
    module = importlib.import_module(package)
    assert sorted(module.__all__) == sorted(module._EXPORTS)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_commands_share_only_library_code() -> None:
    # What two commands need lives in the library (or commands/common.py), not in a sibling.
    siblings = [
        i
        for i in _imports("citegraph")
        if i[0].startswith("citegraph/commands/")
        and i[2].startswith("citegraph.commands.")
        and i[2] != "citegraph.commands.common"
    ]
    assert siblings == []
