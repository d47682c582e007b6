"""The ordered clean-up of URLs cut out of prose."""

from __future__ import annotations

import pytest

from scanner.identifiers.base import iter_urls
from scanner.identifiers.cleaning import clean


@pytest.mark.parametrize(
    ("candidate", "cleaned"),
    [
        ("https://x.org/a.", "https://x.org/a"),
        ("https://x.org/a),", "https://x.org/a"),
        ("https://x.org/a).", "https://x.org/a"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("https://x.org/a&gt;.", "https://x.org/a"),
        ("https://x.org/a?b=1&amp;c=2&quot;", "https://x.org/a?b=1&amp;c=2"),
        ("https://x.org/a]*", "https://x.org/a"),
        ("https://x.org/a`_", "https://x.org/a`_"),
        # Percent-encoded closers and quotes of the prose, kept when the link opens them.
        ("https://arxiv.org/abs/1706.03762%29", "https://arxiv.org/abs/1706.03762"),
        ("https://x.org/a%5D.", "https://x.org/a"),
        ("https://x.org/a%22", "https://x.org/a"),
        ("https://x.org/Foo_%28bar%29", "https://x.org/Foo_%28bar%29"),
        # a bracketed tail glued to a document's extension
        (
            "https://x.edu/~lee/tides-2010.pdf(neural_networks))",
            "https://x.edu/~lee/tides-2010.pdf",
        ),
        ("https://x.edu/~lee/tides-2010.pdf(2))", "https://x.edu/~lee/tides-2010.pdf"),
    ],
)
def test_clean_trims_what_follows_a_url(candidate: str, cleaned: str) -> None:
    assert clean(candidate) == cleaned


def test_iter_urls_spans_match_the_cleaned_url() -> None:
    text = "(see https://x.org/a_(b)), or <https://y.org/c>."
    assert [(text[s:e], url) for s, e, url in iter_urls(text)] == [
        ("https://x.org/a_(b)", "https://x.org/a_(b)"),
        ("https://y.org/c", "https://y.org/c"),
    ]


def test_iter_urls_starts_a_url_only_at_a_word_boundary() -> None:
    # Any case of scheme or `www.`, never after a letter, digit or underscore of the same word.
    text = "HTTPS://a.org xhttp://b.org _www.c.org 1ftp://d.org (Www.e.org) é.ftp://f.org"
    assert [url for _, _, url in iter_urls(text)] == [
        "HTTPS://a.org",
        "Www.e.org",
        "ftp://f.org",
    ]


def test_iter_urls_where_lowercasing_changes_the_length() -> None:
    # `İ` lowercases to two characters: the URLs are still found at their own offsets.
    text = "İstanbul notes: HTTP://a.org/x and [https://b.org/y](https://b.org/y)"
    found = iter_urls(text)
    assert [(text[s:e], url) for s, e, url in found] == [
        ("HTTP://a.org/x", "HTTP://a.org/x"),
        ("https://b.org/y", "https://b.org/y"),
        ("https://b.org/y", "https://b.org/y"),
    ]
    assert iter_urls("I" + text[1:]) == found  # the same spans as the ASCII text's
