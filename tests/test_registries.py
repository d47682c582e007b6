"""Every registry entry given as a "module:attribute" string names something that exists, so a
typo in a lazily loaded entry fails here rather than when a user first picks it."""

from __future__ import annotations

import importlib

import click
import pytest

from catalog.records import ResolverSettings
from catalog.resolvers import RESOLVERS
from citegraph.cli import COMMANDS
from citegraph.render import RENDERERS
from scanner.parsers import PARSERS

ENTRIES = [
    *((f"command {name}", target) for name, target in COMMANDS.items()),
    *(
        (f"{kind} renderer {name}", target)
        for kind, formats in RENDERERS.items()
        for name, target in formats.items()
    ),
    *((f"parser {name}", target) for name, target in PARSERS.items()),
    *((f"resolver {name}", target) for name, target in RESOLVERS.items()),
]


def _load(target: str) -> object:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


@pytest.mark.parametrize(("entry", "target"), ENTRIES, ids=[e for e, _ in ENTRIES])
def test_every_entry_loads(entry: str, target: str) -> None:
    assert _load(target) is not None


@pytest.mark.parametrize(("name", "target"), COMMANDS.items())
def test_commands_are_click_commands_of_their_name(name: str, target: str) -> None:
    command = _load(target)
    assert isinstance(command, click.Command) and command.name == name


def test_renderers_are_named_as_registered() -> None:
    for formats in RENDERERS.values():
        for name, target in formats.items():
            renderer = _load(target)()  # type: ignore[operator]
            assert renderer.name == name and renderer.extension.startswith(".")
            assert callable(renderer.render)


def test_parsers_build_without_arguments() -> None:
    for target in PARSERS.values():
        assert callable(_load(target)().parse)  # type: ignore[operator]


def test_resolvers_are_named_as_registered() -> None:
    for name, target in RESOLVERS.items():
        resolver = _load(target)(ResolverSettings())  # type: ignore[operator]
        assert resolver.name == name and callable(resolver.fetch)
