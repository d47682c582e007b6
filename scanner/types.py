"""The scanner's vocabulary: source files, text blocks, symbols, hits and mentions.

Data flows one way: `SourceFile` -> `TextBlock` (a comment, docstring or string with the symbol
that owns it) -> `Hit` (an offset span inside one block) -> `Mention` (a hit placed in the file)
-> `FileScan` (everything found in one file, or why it was skipped).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from catalog.types import PaperRef, Reference, RefKind
from scanner.languages import UNKNOWN_LANGUAGE
from scanner.options import TitleScope


class Context(str, Enum):
    """Where in the source a block of text sits."""

    COMMENT = "comment"
    DOCSTRING = "docstring"
    STRING = "string"
    DOC = "doc"  # a documentation file (Markdown, reST, plain text)


class SymbolKind(str, Enum):
    """The kind of the definition that owns a block of text."""

    FILE = "file"
    MODULE = "module"
    PACKAGE = "package"
    NAMESPACE = "namespace"
    CLASS = "class"
    STRUCT = "struct"
    UNION = "union"
    INTERFACE = "interface"
    ENUM = "enum"
    TRAIT = "trait"
    IMPL = "impl"
    TYPE = "type"
    FUNCTION = "function"
    METHOD = "method"
    MACRO = "macro"
    VARIABLE = "variable"


@dataclass(frozen=True, slots=True)
class Symbol:
    """A definition in the language's natural qualified name (`pkg.mod.Class.method`,
    `c10::impl::Foo::bar`, `crate::module::Type::method`)."""

    name: str
    kind: SymbolKind
    line: int = 0  # 1-based line of the definition; 0 for a file or module


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file chosen for scanning. `path` is relative to the scan root, `/`-separated."""

    path: str
    abspath: Path
    language: str
    text: str
    module: str  # the file-level symbol name: a Python module name, else the relative path
    # Whether a parser may leave out the blocks holding no citation cue (the prefilter's
    # promise, kept per block); off with the prefilter, to check that promise. `cues`: their
    # offsets in `text` encoded as UTF-8, sorted, when the prefilter already found them.
    prefilter: bool = False
    cues: tuple[int, ...] | None = None
    titles: TitleScope = TitleScope.ALL  # `ScanOptions.titles`: pass it on to `find_hits`


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A comment, docstring, string literal or documentation text, with the symbol owning it.

    `text` is the block's source with its delimiters (`#`, `//`, `/*`, `*`, quotes, ...)
    replaced by spaces and its newlines kept, so an offset into `text` maps straight back to a
    line and column of the file. `line` is the 1-based line of `text[0]`, `column` its 0-based
    column.
    """

    text: str
    context: Context
    line: int
    column: int
    symbol: Symbol


@dataclass(frozen=True, slots=True)
class EntryFields:
    """Bibliographic fields the title reader parsed from an entry or mention (all optional)."""

    authors: tuple[str, ...] = ()
    title: str | None = None
    venue: str | None = None
    year: int | None = None
    volume: str | None = None
    pages: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A reference found by an extractor, as a `[start, end)` span of one block's text."""

    start: int
    end: int
    kind: RefKind
    rule: str
    ref: PaperRef | None = None  # None for title and author-year citations
    confidence: float = 1.0
    title_hint: str | None = None
    reference: EntryFields | None = None
    problem: str | None = None  # why a candidate is malformed (e.g. "month 13 does not exist")
    also: tuple[int, ...] = ()  # offsets of the other mentions of the same work in the block
    # the other identifier the place names the work by (an entry's DOI beside its arXiv id)
    others: tuple[PaperRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A hit placed in its file: 1-based lines and columns, the raw text, the owning symbol,
    and the `Reference` it names (its key and the fields read beside it).

    Every mention names a reference, title and author-year citations included; only a
    malformed identifier, which names nothing, has None (and a `problem`).
    """

    kind: RefKind
    rule: str
    reference: Reference | None
    raw: str
    line: int
    column: int
    end_line: int
    end_column: int
    context: Context
    symbol: Symbol
    confidence: float = 1.0
    problem: str | None = None
    also_lines: tuple[int, ...] = ()  # other lines of the same reference in this place
    # the other identifier this place names the work by (`Hit.others`)
    others: tuple[PaperRef, ...] = ()

    @property
    def ref(self) -> PaperRef | None:
        """The identifier written (None for a title or author-year citation)."""
        return self.reference.identifier if self.reference is not None else None

    @property
    def title_hint(self) -> str | None:
        """The title read for the mention: an entry's, a link's text, a quoted title."""
        return self.reference.title if self.reference is not None else None


# The skip reason of a listed file no parser reads (an image, a licence, a lock file).
UNKNOWN_TYPE = UNKNOWN_LANGUAGE
# How the skip reason of a generated file begins: "generated by Cython (line 1: ...)".
GENERATED_BY = "generated by "


class FileStatus(str, Enum):
    """How a file was scanned."""

    OK = "ok"
    FALLBACK = "fallback"  # the primary parser failed; a simpler one read the comments
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class FileScan:
    """Everything found in one file, or the reason it was skipped."""

    path: str
    language: str | None
    status: FileStatus
    mentions: tuple[Mention, ...] = ()
    # Comment, docstring and string blocks of a file read past the prefilter (those its parser
    # left out for holding no cue included; tslex counts a C-family file it did not parse).
    blocks: int = 0
    reason: str | None = None  # why it was skipped, or why the fallback parser was used
    # Whether the text of a file with mentions holds `citegraph:`, where an inline suppression
    # marker may be (None: not known), so that the report of a warm rescan need not read the
    # file again to look for one.
    marked: bool | None = None
