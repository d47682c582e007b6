"""Parsers turn a `SourceFile` into `TextBlock`s; `PARSERS` maps a parser name to one.

Parsers are created lazily, so a scan of Markdown files never imports libcst or tree-sitter.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from scanner.types import SourceFile, TextBlock


class ParseError(Exception):
    """The file could not be read as its language at all (not even by a fallback)."""


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What a parser found. `fallback` says why a simpler parser had to be used, if it was;
    `quiet` counts the blocks it read and left out, as they cannot cite anything."""

    blocks: tuple[TextBlock, ...]
    fallback: str | None = None
    # Blocks read but not returned: they hold no citation cue (`SourceFile.prefilter`).
    quiet: int = 0


class Parser(Protocol):
    """Reads a source file into its comment, docstring and string blocks."""

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return every text block of `source`, each with its owning symbol."""
        ...


# parser name -> "module:factory"; the factory takes no arguments and returns a Parser.
PARSERS: dict[str, str] = {
    "python": "scanner.parsers.python:PythonParser",
    "tree-sitter": "scanner.parsers.treesitter:TreeSitterParser",
    "text": "scanner.parsers.text:TextParser",
}

_instances: dict[str, Parser] = {}


def get_parser(name: str) -> Parser:
    """The shared parser instance registered under `name`."""
    if name not in _instances:
        module_name, factory_name = PARSERS[name].split(":")
        factory: Callable[[], Parser] = getattr(importlib.import_module(module_name), factory_name)
        _instances[name] = factory()
    return _instances[name]
