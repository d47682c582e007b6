"""The lexer's token pattern (anchored at `#` and quotes, prefixes read by lookbehind, unrolled
bodies) finds exactly what the plain pattern below, tried at every offset, finds."""

from __future__ import annotations

import re

import pytest

from scanner.parsers.pylex import lex_tokens

# The specification: a comment, or a string literal with an optional prefix of one or two
# letters that does not open straight after a word character; an unterminated triple-quoted
# string runs to the end of the file.
PLAIN = re.compile(
    r"""(?P<comment>\#[^\r\n]*)
      | (?P<string>(?<![\w])(?:[rRbBuUfFtT]{1,2})?
          (?: '''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
            | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)
            | '(?:[^'\\\r\n]|\\.)*'
            | "(?:[^"\\\r\n]|\\.)*"))""",
    re.VERBOSE | re.DOTALL,
)

SOURCES = [
    "",
    "x = 1\n",
    "# a comment\ncode()  # trailing\n",
    "s = 'one' + \"two\"\n",
    "t = rb'raw bytes' + Rb\"x\" + f'{a}' + fr'{b}' + u'x' + T'template'\n",
    "word'not a prefix' + abr\"three letters\" + xr'x'\n",
    'doc = """triple "quoted" text with # inside"""\n',
    "doc = '''it''s ''' + '#not a comment'\n",
    'unterminated = \'no end\nnext = "line"\n',
    "open = '''runs to the end\n# still string",
    "esc = 'a\\'b' + \"c\\\"d\" # after\n",
    "rr'x' br''' b ''' _r'x' 9r'x'\n",
    "# comment with 'quote\nx = \"s\"  # it's\n",
    r"""a = '\\' + "\\\"" + '''\\''' ''' + r'\\'""" + "\n",
    "x = 1 # '''not a string\ny = '''a\n'' ' b''' + \"\"\"c\\\"\"\"\" d\"\"\"\n",
    "rb'' Rb\"\" f'' F'\\n' bR'''x''' \"\"\"\"\"\" '''''' q'x' ub'x' tr\"x\"\n",
    "s = 'line one\\\nline two' + \"x\\\r\ny\"\nz = 'a\rb'\n",
    "'''never closed \\''' still open",
    "x = f\"{y!r}\" + rf'{z}'#c\n'a'r'b'\"c\"",
]


@pytest.mark.parametrize("source", SOURCES)
def test_tokens_are_those_of_the_plain_pattern(source: str) -> None:
    every = [(m.start(), m.end(), m.lastgroup == "comment") for m in PLAIN.finditer(source)]
    assert lex_tokens(source) == every
