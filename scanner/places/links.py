"""Link targets and the references pointing at them, as one reference: reST hyperlink targets
(`` `Title`_ `` and `.. _Title: url`), and Markdown's reference-style links (`[Title][key]`,
`[Title]` and `[key]: url`)."""

from __future__ import annotations

import re
from dataclasses import replace

from scanner.places.base import mergeable
from scanner.types import Hit

# reST hyperlink targets before a link on its line (`.. _Title: url`, `__ url`, `.. __: url`)
# and the references that point at them (`` `Title`_ ``, `Title_`, `` `text`__ ``).
_NAMED_TARGET = re.compile(r"\.\.[ \t]+_(?P<name>`[^`\n]+`|[^:\n]+):[ \t]*$")


_ANONYMOUS_TARGET = re.compile(r"(?:^|\n)[ \t]*(?:\.\.[ \t]+)?__:?[ \t]*$")


_NAMED_REFERENCE = re.compile(
    r"`(?P<quoted>[^`<>\n]+)`_(?!_)|(?<![\w`])(?P<word>\w[\w.-]*\w)_(?![\w_])"
)


_ANONYMOUS_REFERENCE = re.compile(r"`(?P<text>[^`<>\n]+)`__")


# Markdown's link reference definitions before a link on its line (`[key]: url`), and the
# full and collapsed reference links that use them (`[Title][key]`, `[Title][]`).
_MARKDOWN_TARGET = re.compile(r"(?:^|\n)[ \t]*\[(?P<name>[^\]\n]{1,80})\]:[ \t]*<?$")
_MARKDOWN_REFERENCE = re.compile(
    r"\[(?P<quoted>[^\[\]\n]+(?:\n[^\[\]\n]+)?)\]\[(?P<label>[^\[\]\n]{0,80})\]"
)
# A shortcut reference link (`[Nehab 2020]`, rustdoc's and CommonMark's): its text is its label,
# which names the work by its author and year more often than by its title.
_MARKDOWN_SHORTCUT = re.compile(r"(?<![\]\\])\[(?P<key>[^\[\]\n]{1,80})\](?![\[(:])")


def with_link_references(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits of links written as reST targets, with the references that point at them (the
    same work mentioned elsewhere in the place) added to `also`, and the reference's text as
    the title hint where none was read."""
    if ("_" not in text and "]:" not in text) or not hits:
        return hits
    anonymous = list(_ANONYMOUS_REFERENCE.finditer(text)) if "`__" in text else []
    markdown: dict[str, list[re.Match[str]]] | None = None  # read at the first definition
    anonymous_targets = 0
    named_references: dict[str, list[re.Match[str]]] | None = None  # read at the first target
    out: list[Hit] = []
    spans: list[tuple[int, list[re.Match[str]]]] = []  # each link hit's references
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        before = text[max(0, line_start - 1) : hit.start]
        pointing: list[re.Match[str]] = []
        if hit.ref is not None and (named := _NAMED_TARGET.search(before)):
            if named_references is None:
                named_references = {}
                for m in _NAMED_REFERENCE.finditer(text):
                    named_references.setdefault(_link_name(m["quoted"] or m["word"]), []).append(m)
            pointing = _pointing(text, named_references, named["name"], line_start)
        elif hit.ref is not None and (defined := _MARKDOWN_TARGET.search(before)):
            if markdown is None:
                markdown = {}
                for m in _MARKDOWN_REFERENCE.finditer(text):
                    markdown.setdefault(_link_name(m["label"] or m["quoted"]), []).append(m)
                for m in _MARKDOWN_SHORTCUT.finditer(text):
                    markdown.setdefault(_link_name(m["key"]), []).append(m)
            wanted = markdown.get(_link_name(defined["name"]), [])
            pointing = [m for m in wanted if m.start() < line_start]
        elif hit.ref is not None and _ANONYMOUS_TARGET.search(before):
            if anonymous_targets < len(anonymous):
                pointing = [anonymous[anonymous_targets]]
            anonymous_targets += 1
        if pointing:
            name = pointing[0].groupdict().get("quoted") or pointing[0].groupdict().get("text")
            hit = replace(
                hit,
                also=tuple(sorted({*hit.also, *(m.start() for m in pointing)})),
                title_hint=hit.title_hint or _link_title(name),
            )
        out.append(hit)
        if pointing:
            spans.append((len(out) - 1, pointing))
    return _absorb_reference_texts(out, spans) if spans else out


_INDIRECT_DEPTH = 3  # `.. _A: b_` then `.. _b: url`: how many names a link may pass through


def _pointing(
    text: str, named: dict[str, list[re.Match[str]]], name: str, before: int
) -> list[re.Match[str]]:
    """The references to the target `name` above `before`, and through indirect targets
    (`.. _'Title', NIPS 2010: online-lda_` above `.. _online-lda: https://...`) the
    references to the names that point at it."""
    found: list[re.Match[str]] = []
    names = [(_link_name(name), before)]
    for _ in range(_INDIRECT_DEPTH):
        further = []
        for wanted, limit in names:
            for m in named.get(wanted, ()):
                if m.start() >= limit:
                    continue
                found.append(m)
                line_start = text.rfind("\n", 0, m.start()) + 1
                if indirect := _NAMED_TARGET.search(text[max(0, line_start - 1) : m.start()]):
                    further.append((_link_name(indirect["name"]), line_start))
        names = further
    return found


def _absorb_reference_texts(
    hits: list[Hit], spans: list[tuple[int, list[re.Match[str]]]]
) -> list[Hit]:
    """The hits with a title read inside a reference to a link (`` `'Online Learning for
    Latent Dirichlet Allocation', NIPS 2010`_ ``) folded into that link's hit."""
    absorbed: set[int] = set()
    for index, pointing in spans:
        link = hits[index]
        for other_index, other in enumerate(hits):
            if other.ref is not None or other_index in absorbed or not mergeable(other):
                continue
            if any(other.start < m.end() and m.start() < other.end for m in pointing):
                absorbed.add(other_index)
                link = replace(
                    link,
                    also=tuple(sorted({*link.also, other.start})),
                    title_hint=link.title_hint or other.title_hint,
                    reference=link.reference or other.reference,
                )
        hits[index] = link
    return [hit for i, hit in enumerate(hits) if i not in absorbed]


def _link_title(text: str | None) -> str | None:
    """A link's text as the work's title hint: one that reads as a title, not a phrase of
    prose (`` `the journal version`__ ``)."""
    text = " ".join(text.split()) if text else ""
    return text if text[:1].isupper() or text[:1].isdigit() else None


def _link_name(name: str) -> str:
    """A reST reference name as docutils compares them: case and whitespace folded."""
    return " ".join(name.strip("`").split()).casefold()
