"""Python sources: comments, docstrings and strings, each attributed to its def or class.

Positions come from a lexer (`pylex`): one regular expression finds every comment and string
literal with its exact offset. Structure (which definition spans which lines, which strings
document which symbol; see `pystructure`) comes from the logical lines (`pylines`), checked
against the compiler's symbol table, else from `ast` (`pyast`). Only when `ast` rejects a file
is libcst asked whether the code is valid Python of a newer grammar (then `pylibcst` reads it);
otherwise such files get their structure from the error-tolerant fallback readers in
`pyfallback`, and `ParsedFile.fallback` says why.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Callable, Sequence

from scanner.options import TitleScope
from scanner.parsers import ParsedFile, pylines
from scanner.parsers.doctests import blank_doctests
from scanner.parsers.embedded import split_embedded
from scanner.parsers.licences import blank_licences
from scanner.parsers.pyast import read_structure
from scanner.parsers.pydocs import DocStrings
from scanner.parsers.pylex import LineIndex, RawBlock, join_pieces, lex_blocks, lex_tokens
from scanner.parsers.pystructure import Definition, Structure
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock

# A translation marking UTF-8's continuation bytes (0x80-0xBF) 1 and every other byte 0.
_CONTINUATION_BYTES = bytes(int(0x80 <= byte < 0xC0) for byte in range(256))
_PARSE_FAILURES = (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError)


class PythonParser:
    """Reads Python (and Cython) files into attributed text blocks."""

    def __init__(self, attribute_all: bool = False) -> None:
        # Scans only need owners for blocks that cite something; tests of attribution ask
        # for every block.
        self.attribute_all = attribute_all

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return every comment, docstring and string block of `source`; never raises.

        `fallback` is set (to libcst's complaint) when the file is not valid Python. Unless
        `attribute_all`, a file none of whose blocks holds a reference is not parsed at all
        (its blocks belong to the module): most files that pass the prefilter cite nothing,
        and the parse is the largest cost of a scan. With `source.prefilter`, only the blocks
        that may cite (a cue of the prefilter in their span, or the title detector's needle
        test passed) are returned, the others counted in `quiet`.
        """
        # A file's blocks, hits, entries and tagger rows are short-lived, acyclic objects that
        # reference counting frees; the collections their allocation triggers found nothing
        # and cost 4% of a cold scan of scipy (each older generation one walks every object
        # the scan holds).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._parse(source)
        finally:
            if collecting:
                gc.enable()

    def _parse(self, source: SourceFile) -> ParsedFile:
        text = source.text
        tokens = lex_tokens(text)
        raw_blocks = lex_blocks(text, tokens)
        if not raw_blocks:
            return ParsedFile(())
        citing = _CitingBlocks(source) if source.prefilter else None
        if not self.attribute_all:
            from scanner.extract import cites_any

            readable = raw_blocks if citing is None else citing.among(raw_blocks)
            # Asked of the texts the scan reads (`attribute`: doctest examples and licence text
            # blanked), whose hits are then kept for that read: a docstring with examples was
            # read here as written and again blanked (128 docstrings of scipy, 4% of its scan).
            if not cites_any([read_text(block) for block in readable], source.titles):
                if citing is not None:
                    return ParsedFile((), quiet=len(raw_blocks))
                module = Symbol(source.module, SymbolKind.MODULE)
                index = LineIndex(text)
                return ParsedFile(
                    tuple(
                        TextBlock(
                            read_text(b),
                            Context.COMMENT if b.is_comment else Context.STRING,
                            index.line(b.start),
                            index.column(b.start),
                            module,
                        )
                        for b in raw_blocks
                    )
                )
        lines = text.split("\n")  # not splitlines(): form feeds and \x1c are not line breaks
        index = LineIndex(text, lines)
        fallback = None
        structure: Structure | None
        if source.language == "cython":
            from scanner.parsers import pyfallback

            structure = pyfallback.indentation_structure(text, source.module, lines, raw_blocks)
        else:
            structure = pylines.read_structure(text, source.module, lines, tokens, index.starts)
        if structure is None:
            try:
                structure = read_structure(text, source.module, lines)
            except _PARSE_FAILURES as error:
                from scanner.parsers import pyfallback

                fallback = pyfallback.libcst_complaint(text, error)
                if fallback is None:
                    # Valid Python of a newer grammar than this interpreter's: libcst reads
                    # it exactly, `__doc__` assignments and `add_docstr` calls included.
                    from scanner.parsers.pylibcst import read_structure as read_with_libcst

                    structure = read_with_libcst(text, source.module, lines)
                else:
                    structure = pyfallback.fallback_structure(
                        text, source.module, lines, raw_blocks
                    )
        module = Symbol(source.module, SymbolKind.MODULE)
        if structure.pieces:
            values = [tuple(index.offset(*at) for at in value) for value in structure.pieces]
            raw_blocks = join_pieces(text, raw_blocks, values)
        quiet = 0
        if citing is not None:
            read = citing.among(raw_blocks)
            quiet, raw_blocks = len(raw_blocks) - len(read), read
        docs = DocStrings(text, tokens, source.module)
        blocks = attribute(raw_blocks, structure, lines, index, module, docs)
        return ParsedFile(tuple(blocks), fallback=fallback, quiet=quiet)


def read_text(block: RawBlock) -> str:
    """The text of `block` that the scan reads: a comment without its licence text, a string
    or docstring without its doctest examples too (newlines and offsets kept)."""
    if block.is_comment:
        return blank_licences(block.text)
    return blank_licences(blank_doctests(block.text))


class _CitingBlocks:
    """Which blocks of a file may cite: the prefilter's promise, kept per block, is that a
    block with none of its cues in its span holds no identifier; the title detector's needle
    test (`scanner.titles.may_cite`) says whether it can find a citation without one. Below
    `TitleScope.ALL` a block without an identifier yields nothing (`find_hits`), so only the
    cues count: a pre-commit check never compiles the detector's needle patterns."""

    def __init__(self, source: SourceFile) -> None:
        # The title detector's needle test, imported once a file (not once a block) and only
        # where it is asked: with cues found and every title read.
        self.may_cite: Callable[[str], bool] | None = None
        if source.cues is not None and source.titles is TitleScope.ALL:
            from scanner.titles import may_cite

            self.may_cite = may_cite
        # By the block's id; holding the block keeps its id from going to another.
        self.known: dict[int, tuple[RawBlock, bool]] = {}
        # The needle test by text: a file repeats short comments (`# two-sided`) many times.
        self.needles: dict[str, bool] = {}
        # Cue offsets count UTF-8 bytes, blocks characters: each cue is made the index of the
        # character its byte belongs to, which a block holds exactly when it holds the byte.
        self.cues: Sequence[int] | None = source.cues
        if self.cues is not None and not source.text.isascii():
            self.cues = _character_offsets(source.text, self.cues)

    def among(self, blocks: list[RawBlock]) -> list[RawBlock]:
        """The blocks of `blocks` that may cite, in order."""
        known = self.known
        may_cite = self._may_cite
        read = []
        for block in blocks:
            seen = known.get(id(block))
            if seen is None:
                verdict = may_cite(block)
                known[id(block)] = (block, verdict)
            else:
                verdict = seen[1]
            if verdict:
                read.append(block)
        return read

    def _may_cite(self, block: RawBlock) -> bool:
        cues = self.cues
        if cues is None:  # the prefilter left finding them to the parser: every block is read
            return True
        at = bisect.bisect_left(cues, block.start)
        if at < len(cues) and cues[at] < block.end:
            return True
        if self.may_cite is None:
            return False
        text = block.text
        found = self.needles.get(text)
        if found is None:
            found = self.needles[text] = self.may_cite(text)
        return found


def _character_offsets(text: str, offsets: Sequence[int]) -> list[int]:
    """For each of the sorted UTF-8 byte `offsets` of `text`, the index of the character that
    byte belongs to: the offset less the continuation bytes up to it, counted in C."""
    marked = text.encode("utf-8", "surrogatepass").translate(_CONTINUATION_BYTES)
    found = []
    continuing = 0
    position = 0
    for offset in offsets:
        continuing += marked.count(1, position, offset + 1)
        position = offset + 1
        found.append(offset - continuing)
    return found


def attribute(
    raw_blocks: list[RawBlock],
    structure: Structure,
    lines: list[str],
    index: LineIndex,
    module: Symbol,
    docs: DocStrings | None = None,
) -> list[TextBlock]:
    """Give each raw block its context and owning symbol.

    A string literal is a docstring when the structure keys it as one, or when `docs` says
    it documents by where it stands (a string statement, a decorator's or a documentation
    name's text); any other is a STRING.

    A comment belongs to the innermost definition whose lines hold it (a definition also holds
    the comment lines indented into its body after its last statement), or to the module: in
    Python the docstring documents a definition, and a comment above a `def` is the enclosing
    code's note, as references.md's convention reads it (the C family and JavaScript differ:
    there a comment directly above a declaration is its documentation).
    """
    owners = _Owners(structure.definitions, lines)
    blocks: list[TextBlock] = []
    for raw in raw_blocks:
        line, column = index.line(raw.start), index.column(raw.start)
        if not raw.is_comment:
            doc = structure.docs.get((line, column))
            if (
                doc is None
                and docs is not None
                and docs.is_doc(raw.start, raw.end, owners[line], line)
            ):
                doc = owners[line] or module
            context = Context.STRING if doc is None else Context.DOCSTRING
            symbol = doc or owners[line] or module
            text = read_text(raw)
            blocks.extend(split_embedded(TextBlock(text, context, line, column, symbol)))
            continue
        symbol = owners[line] or module
        blocks.append(TextBlock(read_text(raw), Context.COMMENT, line, column, symbol))
    return blocks


class _Owners:
    """The innermost definition of a 1-based line (None: the module's), found when asked.

    Definitions come parent first, so the last one holding a line is its innermost. A scan
    asks this of the few blocks that cite: marking every line of every definition beforehand
    cost more than the questions.
    """

    def __init__(self, definitions: tuple[Definition, ...], lines: list[str]) -> None:
        self.definitions = definitions
        self.lines = lines
        self.ends: dict[int, int] = {}  # `_extended_end` by index, once needed
        self.found: dict[int, Symbol | None] = {}

    def __getitem__(self, line: int) -> Symbol | None:
        if line in self.found:
            return self.found[line]
        owner = None
        definitions = self.definitions
        for index in range(len(definitions) - 1, -1, -1):
            definition = definitions[index]
            if definition.first_line <= line and (
                line <= definition.end_line or line <= self._end(index, definition)
            ):
                owner = definition.symbol
                break
        self.found[line] = owner
        return owner

    def _end(self, index: int, definition: Definition) -> int:
        end = self.ends.get(index)
        if end is None:
            end = self.ends[index] = _extended_end(definition, self.lines)
        return end


def _extended_end(definition: Definition, lines: list[str]) -> int:
    end = definition.end_line
    for number in range(definition.end_line + 1, len(lines) + 1):
        content = lines[number - 1]
        stripped = content.lstrip(" \t\f")
        if not stripped.strip():
            continue
        leading = content[: len(content) - len(stripped)]
        indent = len(leading) - leading.rfind("\f") - 1  # a form feed resets the indentation
        if stripped[0] != "#" or indent <= definition.column:
            break
        end = number
    return min(end, len(lines))
