"""Documentation files (Markdown, reStructuredText, plain text): the whole file is one block."""

from __future__ import annotations

from scanner.parsers import ParsedFile
from scanner.parsers.doctests import blank_doctests
from scanner.parsers.frontmatter import blank_front_matter
from scanner.parsers.licences import blank_licences
from scanner.types import Context, SourceFile, Symbol, SymbolKind, TextBlock


class TextParser:
    """Reads a documentation file as a single `doc` block attributed to the file itself."""

    def parse(self, source: SourceFile) -> ParsedFile:
        """Return the file's text as one block (none for an empty file)."""
        if not source.text.strip():
            return ParsedFile(blocks=())
        symbol = Symbol(source.module, SymbolKind.FILE)
        # Examples in reST and Markdown are code; a licence section is legal text; a page's
        # front matter is its site's metadata.
        text = blank_licences(blank_doctests(blank_front_matter(source.text)))
        return ParsedFile(blocks=(TextBlock(text, Context.DOC, 1, 0, symbol),))
