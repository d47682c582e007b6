"""A documentation page's front matter is the site's metadata, not reference text: blanked.

Static-site generators (Hugo, Jekyll, Zola, MkDocs) open a page with a block of fields between
`---` lines (YAML) or `+++` lines (TOML): `title = "Release 0.2.1"`, `date = "2020-11-29"`. A
title and a date read like a cited work and never are one. Blanking keeps every newline and
every other offset, so what is left maps to the file as before.
"""

from __future__ import annotations

import re

# The block at the very start of the file (after a byte-order mark), closed by the same fence
# on a line of its own (YAML may close with `...`); a page longer than this has none.
_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n.*?^(?:(?P=fence)|\.\.\.)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
_MAX_FRONT_MATTER = 8192
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_front_matter(text: str) -> str:
    """`text` with the front matter that opens it blanked."""
    if not text.startswith(("---", "+++")):
        return text
    match = _FRONT_MATTER.match(text, 0, _MAX_FRONT_MATTER)
    if match is None:
        return text
    return _NOT_NEWLINE.sub(" ", match.group()) + text[match.end() :]
