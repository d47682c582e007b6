"""Clean-up of identifier candidates cut out of prose: what follows a URL or DOI is not part of it.

A candidate is taken greedily up to whitespace, then trimmed from the right by these steps, in
this order, repeated until none changes it (each step may expose work for an earlier one, as
in `(https://x.org/a).` -> `(https://x.org/a)` -> `https://x.org/a`):

1. `strip_entities`: an HTML entity or closing tag glued on (`&gt;`, `&quot;`, `</a>`), left by
   `<a href="...">` or `&lt;url&gt;` in HTML-flavoured doc comments.
2. `strip_punctuation`: one mark of sentence punctuation or emphasis (`. , ; : ! ? *`), or a
   quote or backtick; a URL in prose never ends with them.
3. `cut_unbalanced_closer`: everything from the first closing bracket without its opener
   before it (`(see https://x.org/a)`, `[https://x.org/a](https://x.org/a)`,
   `(https://doi.org/10.1/x)/more`), keeping balanced ones (`.../Foo_(bar)`).
4. `strip_encoded_closer`: a percent-encoded closing bracket or quote without its opener
   (`https://arxiv.org/abs/1706.03762%29`), left where a tool encoded the `)` of the prose.
5. `cut_after_document`: a bracketed tail glued to a document's extension
   (`.../report.pdf(neural_networks)`, a link's target run into another's): a file's name ends
   at its extension.

DOIs get their own publisher-aware cleaning in `catalog.ids.clean_doi`, which applies the same
punctuation and bracket rules plus path tails (`/full`, `.pdf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.ids import cut_at_unbalanced_closer

_ENTITY_TAIL = re.compile(r"(?i)(?:&(?:gt|lt|quot|apos|#39|#34|nbsp);|</\w*>?)$")
# With the full-width and ideographic marks of CJK prose (`。`, `，`).
_PUNCTUATION = ".,;:!?*'\"`。，、；：！？"
# `>` is left to the entity step: a URL written `<https://...>` is split off at `<` already.
_URL_CLOSERS = {")": "(", "]": "[", "}": "{"}


def strip_entities(text: str) -> str:
    """Remove one HTML entity or closing tag that ends `text`."""
    return _ENTITY_TAIL.sub("", text)


def strip_punctuation(text: str) -> str:
    """Remove one punctuation mark, emphasis mark or quote that ends `text`.

    One at a time, so that the entity step sees `&gt;` whole in `url&gt;.`.
    """
    return text[:-1] if text and text[-1] in _PUNCTUATION else text


def cut_unbalanced_closer(text: str) -> str:
    """Cut `text` at its first closing bracket with no opener before it: a URL never holds
    one, while the Markdown link or parenthesis around it does."""
    return cut_at_unbalanced_closer(text, _URL_CLOSERS)


_ENCODED_CLOSERS = {"%29": ("%28", "("), "%5d": ("%5b", "["), "%7d": ("%7b", "{")}
_ENCODED_QUOTES = ("%22", "%27", "%3e")


def strip_encoded_closer(text: str) -> str:
    """Remove a percent-encoded closer (`%29`, `%5D`, `%7D`) that ends `text` without its
    opener before it, or an encoded quote or `>` that ends it."""
    tail = text[-3:].lower()
    if tail in _ENCODED_QUOTES:
        return text[:-3]
    openers = _ENCODED_CLOSERS.get(tail)
    if openers and not any(opener in text.lower() for opener in openers):
        return text[:-3]
    return text


_DOCUMENT_TAIL = re.compile(r"(?i)(\.(?:pdf|ps))\([^()/]*\)$")


def cut_after_document(text: str) -> str:
    """Remove a bracketed tail right after a document's `.pdf` or `.ps` extension."""
    return _DOCUMENT_TAIL.sub(r"\1", text)


URL_STEPS: tuple[Callable[[str], str], ...] = (
    strip_entities,
    strip_punctuation,
    cut_unbalanced_closer,
    strip_encoded_closer,
    cut_after_document,
)


def clean(text: str, steps: tuple[Callable[[str], str], ...] = URL_STEPS) -> str:
    """Apply `steps` in order, again and again, until the text stops changing."""
    while True:
        before = text
        for step in steps:
            text = step(text)
        if text == before:
            return text
