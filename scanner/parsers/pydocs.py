"""Which other string literals of Python code are documentation, by where they stand.

A place is a docstring however it is assembled (`reference/references.md`). Besides the
docstrings and `__doc__` values the structure readers key, these are documentation too: a
string that is a statement of its own (a module's second docstring, an attribute docstring),
a string given to a decorator (`@Appender(text)`, `@doc(...)`: the decorated definition's
text), and a string assigned to a documentation name (`_shared_docs["x"] = ...`,
`_fit_doc = ...`, `param(doc=...)`), or assigned anywhere in a module that only holds
documentation (`function_docs.py`). Every other literal (messages, tables, constants) is code.
"""

from __future__ import annotations

import bisect
import re

from scanner.types import Symbol

Token = tuple[int, int, bool]  # (start, end, is_comment), as `pylex.lex_tokens` gives them

_BRACKET = re.compile(r"[()\[\]{}]")
_OPENING = frozenset("([{")
# The name an assignment or keyword argument sets, right before its `=` (a subscript allowed).
_TARGET = re.compile(r"([A-Za-z_]\w*)\s*(?:\[[^\]\n]*\])?\s*[+]?$")
# A documentation name: `doc`, `_fit_doc`, `_shared_docs`, `docdict`, `DOC_TEMPLATE`,
# `__doc__`, `docstring`; a data set module's description (`DESCR`, `DESCRLONG`) and a
# `CITATION` text or a package's `__bibtex__`; not `document`, `docker_image`, `doctor` or
# `description_of`.
_DOC_NAME = re.compile(
    r"(?i)(?:^|_)doc(?:s|dict|template)?(?:_|\d|$)|docstring"
    r"|^_*(?:descr(?:short|long)?|citation|bibtex)_*$"
)
# Targets of one value wrapped by a formatter: `__bibtex__ = (\n    __citation__\n) = `.
_CHAINED = re.compile(r"(?m)^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*\(\s*([A-Za-z_]\w*)\s*\)[ \t]*$")
_CHAIN_REACH = 200
# A module that only holds documentation: `function_docs`, `_add_newdocs`, `_docstrings`.
_DOC_MODULE = re.compile(r"(?i)(?:docs?|docstrings?)$")
_PREFIX = re.compile(r"[A-Za-z]*")
_DECORATOR = re.compile(r"@\s*([\w.]+)")
# Decorators whose strings are test data, not text about the definition.
_DATA_DECORATORS = frozenset({"parametrize", "parameterize", "parameterized", "expand"})


class DocStrings:
    """Answers, for a string literal's start offset, whether it is documentation."""

    def __init__(self, text: str, tokens: list[Token], module: str) -> None:
        self.text = text
        self.tokens = tokens
        self.token_starts = [t[0] for t in tokens]
        self.doc_module = _DOC_MODULE.search(module.rsplit(".", 1)[-1]) is not None
        self._depths: tuple[list[int], list[int]] | None = None

    def is_doc(self, start: int, end: int, owner: Symbol | None, line: int) -> bool:
        """Whether the literal `text[start:end]` on 1-based `line`, inside the definition
        `owner` (None at module level), is documentation by its position."""
        letters = _PREFIX.match(self.text, start)
        prefix = letters.group().lower() if letters else ""
        if "b" in prefix:
            return False  # bytes are data
        quotes = self.text[start + len(prefix) : start + len(prefix) + 3]
        if owner is not None and 0 < line < owner.line:
            return self._decorator_text(start)
        before = self._before(start)
        if before < 0 or self.text[before] in "\n;":
            return self._statement_ends(end)
        if self.text[before] == "=" and self.text[before - 1 : before] not in ("=", "!", "<", ">"):
            if self.doc_module and quotes in ('"""', "'''"):
                return True  # a docs table's entry: `besselj = r"""..."""`
            target = _TARGET.search(self.text, self.text.rfind("\n", 0, before) + 1, before)
            chained = _CHAINED.search(self.text, max(0, before - _CHAIN_REACH), before)
            if (
                target is None
                and chained is not None
                and not self.text[chained.end() : before].strip()
            ):
                # `__bibtex__ = (\n    __citation__\n) = r"""..."""`: a chain of targets
                return any(_DOC_NAME.search(name) for name in chained.group(1, 2))
            return target is not None and _DOC_NAME.search(target.group(1)) is not None
        return False

    def _decorator_text(self, start: int) -> bool:
        """Whether the decorator the literal stands in takes text (not test data)."""
        text = self.text
        at = text.rfind("\n", 0, start) + 1
        while not text[at : text.find("\n", at)].lstrip(" \t\f").startswith("@") and at:
            at = text.rfind("\n", 0, at - 1) + 1
        found = _DECORATOR.match(text, text.find("@", at))
        return found is None or found.group(1).rsplit(".", 1)[-1] not in _DATA_DECORATORS

    def _before(self, position: int) -> int:
        """The offset of the code character the literal follows, skipping blanks, opening
        brackets, comments, adjacent literals, `+` and line breaks inside brackets; a line
        break that ends a statement counts (-1: the start of the file)."""
        text = self.text
        p = position - 1
        while p >= 0:
            token = self._token_at(p)
            if token is not None:
                p = token[0] - 1
                continue
            char = text[p]
            if char in " \t\f\r(+":
                p -= 1
            elif char == "\n":
                if p > 0 and text[p - 1] == "\\":
                    p -= 2
                elif self._depth(p) > 0:
                    p -= 1
                else:
                    return p
            else:
                return p
        return -1

    def _statement_ends(self, end: int) -> bool:
        """Whether nothing but closing brackets, blanks and comments follow the literal up to
        the end of its statement."""
        text = self.text
        p = end
        while p < len(text):
            token = self._token_at(p)
            if token is not None:
                if not token[2]:
                    return False  # another literal: an operand, not this statement's end
                p = token[1]
                continue
            char = text[p]
            if char in " \t\f\r)":
                p += 1
            elif char == "\\" and text[p + 1 : p + 2] == "\n":
                p += 2
            elif char == "\n":
                if self._depth(p) == 0:
                    return True
                p += 1
            else:
                return char == ";"
        return True

    def _token_at(self, position: int) -> Token | None:
        index = bisect.bisect_right(self.token_starts, position) - 1
        if index >= 0 and position < self.tokens[index][1]:
            return self.tokens[index]
        return None

    def _depth(self, position: int) -> int:
        """The bracket depth of the code at `position` (brackets in literals and comments
        do not count); computed once per file, on first use."""
        if self._depths is None:
            offsets: list[int] = []
            depths: list[int] = []
            depth = 0
            # The code between one literal or comment and the next (tokens never overlap).
            code_start = 0
            for start, end in [*((t[0], t[1]) for t in self.tokens), (len(self.text), 0)]:
                for match in _BRACKET.finditer(self.text, code_start, start):
                    depth += 1 if match.group() in _OPENING else -1
                    offsets.append(match.start())
                    depths.append(depth)
                code_start = end
            self._depths = (offsets, depths)
        offsets, depths = self._depths
        index = bisect.bisect_right(offsets, position) - 1
        return depths[index] if index >= 0 else 0
