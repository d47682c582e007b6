"""A reST link and its target are one reference, also through an alias target
(`.. _'Title', VENUE 2010: short-name_` then `.. _short-name: url`)."""

from __future__ import annotations

from scanner.extract import find_hits

ALIASED = """The sampler follows the method of
Jane Doe, Rahul Roe:
`'Streaming Sketches for Sparse Counts', NIPS 2011`_.

.. _'Streaming Sketches for Sparse Counts', NIPS 2011: sketch-paper_
.. _'Sketches' by Doe and Roe: sketch-paper_
.. _sketch-paper: https://www.example.edu/~doe/papers/sketches.pdf

Examples
--------
"""


def test_a_reference_through_an_alias_target_is_the_links_reference() -> None:
    hits = find_hits(ALIASED)
    assert [(h.kind.value, h.ref.key if h.ref else None) for h in hits] == [
        ("url", "url:https://example.edu/~doe/papers/sketches.pdf")
    ]
    (hit,) = hits
    assert hit.title_hint == "Streaming Sketches for Sparse Counts"
    lines = sorted(ALIASED.count("\n", 0, offset) + 1 for offset in (hit.start, *hit.also))
    assert lines[0] == 2 and lines[-1] == 7  # from the authors line to the link


def test_a_reference_to_another_target_stays_another_reference() -> None:
    text = (
        "See `Fast Sketching of Sparse Streams`_ and "
        '"Counting Distinct Elements in Streams" (Doe, 2009).\n\n'
        ".. _Fast Sketching of Sparse Streams: https://www.example.edu/~doe/papers/fast.pdf\n"
    )
    kinds = sorted(h.kind.value for h in find_hits(text))
    assert kinds == ["title", "url"]
