"""The lexer's token search tries only the offsets a token can open at, and finds what trying
every offset finds."""

from __future__ import annotations

import pytest

from scanner.parsers.pylex import _TOKEN, _tokens

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
]


@pytest.mark.parametrize("source", SOURCES)
def test_tokens_are_those_of_trying_every_offset(source: str) -> None:
    every = [(m.start(), m.end(), m.lastgroup == "comment") for m in _TOKEN.finditer(source)]
    assert _tokens(source) == every
