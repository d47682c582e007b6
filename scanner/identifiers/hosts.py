"""Hosts whose links are never a paper: code, documentation, Q&A and encyclopedia sites.

The most common links in comments. The prefilter skips them, and a DOI-shaped path segment on
them (`github.com/org/repo/blob/main/10.1234/x`) is a file name, not a DOI.
"""

from __future__ import annotations

NOT_PAPER_HOSTS: tuple[str, ...] = (
    "github.com", "gitlab.com", "bitbucket.org", "githubusercontent.com", "github.io",
    "stackoverflow.com", "stackexchange.com", "wikipedia.org", "wikimedia.org",
    "readthedocs.io", "readthedocs.org", "pypi.org", "python.org", "cppreference.com",
    "go.dev", "golang.org", "rust-lang.org", "docs.rs", "crates.io", "npmjs.com",
    "npmjs.org", "developer.mozilla.org", "w3.org", "example.com", "example.org",
    "localhost", "youtube.com", "googlesource.com",
)  # fmt: skip


def is_not_paper_host(host: str) -> bool:
    """Whether `host` (lowercase, no port) is, or is under, one of `NOT_PAPER_HOSTS`."""
    host = host.rstrip(".")
    return any(host == name or host.endswith("." + name) for name in NOT_PAPER_HOSTS)
